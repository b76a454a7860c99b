"""The Fourier Lab's settings: every URL key, its bounds and default once (``fl_`` widget keys)."""

from __future__ import annotations

import numpy as np

from app.backend import images as bimages
from app.ui import image_picker
from app.ui.page import Field, Schema

KEY = "fl"
#: Working sizes offered here: five sections of FFT work per image, so the page caps at 512.
SIZES: tuple[int, ...] = (128, 256, 384, 512)
DEFAULT_SIZE = 256
TABS: tuple[str, ...] = ("wave", "build", "phase", "props", "deconv")
BUILD_MODES: tuple[str, ...] = ("count", "radius")
PROPERTIES: tuple[str, ...] = ("shift", "rotate", "scale", "mirror", "modulate", "even")
DECONV_KERNELS: tuple[str, ...] = ("gaussian", "motion", "box")
BOUNDARIES: tuple[str, ...] = ("wrap", "reflect")
#: The Wiener K slider: log10 K in quarter decades (a link holds one of these exponents).
WIENER = Field("float", -2.0, lo=-6.0, hi=1.0, step=0.25)
WIENER_EXPONENTS: tuple[float, ...] = tuple(float(e) for e in np.round(np.arange(WIENER.lo, WIENER.hi + 0.001, WIENER.step), 2))
_MAX_HALF = max(SIZES) // 2
#: The image picker's keys: drawn in the sidebar, outside the tabs' fragments.
PICKER_KEYS = frozenset({"fl_source", "fl_sample", "fl_size"})


def build_schema() -> dict[str, Field]:
    """Every setting of the page (``fl_`` widget keys), typed and bounded, for the shareable link."""
    d = image_picker.picker_defaults(KEY)
    samples = tuple(bimages.sample_names())
    freq = {"lo": -_MAX_HALF, "hi": _MAX_HALF - 1}
    f = Field
    return {
        "fl_source": f("choice", d["fl_source"], choices=image_picker.SOURCES[:2]),
        "fl_sample": f("choice", d["fl_sample"], choices=samples),
        "fl_size": f("choice", DEFAULT_SIZE, choices=SIZES, parse=int),
        "fl_tab": f("choice", TABS[0], choices=TABS),
        "fl_u": f("int", -6, **freq, unit="cycles"),
        "fl_v": f("int", 10, **freq, unit="cycles"),
        "fl_mode": f("choice", "count", choices=BUILD_MODES),
        "fl_k": f("int", 200, lo=1, hi=max(SIZES) ** 2),
        "fl_r": f("float", 0.1, lo=0.0, hi=0.71, step=0.01, unit="cycles/px"),
        "fl_b": f("choice", "chelsea", choices=samples),
        "fl_prop": f("choice", "shift", choices=PROPERTIES),
        "fl_dx": f("int", 40, lo=-_MAX_HALF, hi=_MAX_HALF, unit="px"),
        "fl_dy": f("int", 20, lo=-_MAX_HALF, hi=_MAX_HALF, unit="px"),
        "fl_angle": f("float", 30.0, lo=-180.0, hi=180.0, step=5.0, unit="°"),
        "fl_scale": f("float", 2.0, lo=0.25, hi=4.0, step=0.25, unit="×"),
        "fl_axis": f("choice", 1, choices=(1, 0), parse=int),
        "fl_mu": f("int", 0, **freq, unit="cycles"),
        "fl_mv": f("int", 40, **freq, unit="cycles"),
        "fl_kernel": f("choice", "gaussian", choices=DECONV_KERNELS),
        "fl_sigma": f("float", 2.0, lo=0.5, hi=6.0, step=0.25, unit="px"),
        "fl_length": f("int", 15, lo=3, hi=41, unit="px"),
        "fl_mangle": f("float", 30.0, lo=0.0, hi=180.0, step=5.0, unit="°"),
        "fl_box": f("int", 7, lo=3, hi=21, step=2, unit="px"),
        "fl_noise": f("float", 0.01, lo=0.0, hi=0.1, step=0.005),
        "fl_boundary": f("choice", "wrap", choices=BOUNDARIES),
        "fl_kw": f("choice", -2.0, choices=WIENER_EXPONENTS),
    }


SCHEMA = Schema("FourierSettings", "fl_", build_schema())
