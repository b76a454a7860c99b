"""The Hybrid Lab's settings: every URL key and default once (``hy_`` widget keys)."""

from __future__ import annotations

from app.backend import hybrid
from app.backend import images as bimages
from app.ui import image_picker
from app.ui.page import Field, Schema

#: The two image pickers' key stems: A gives the low frequencies, B the high ones.
KEY_A, KEY_B = "hy_a", "hy_b"
#: The alignment sliders' limits: B moves by up to this many pixels and is scaled 0.5–2×.
MAX_SHIFT = 128
SCALE_RANGE: tuple[float, float] = (0.5, 2.0)
SIGMA_STEP = 0.5


def _fields() -> dict[str, Field]:
    samples = tuple(bimages.sample_names())
    sources = image_picker.SOURCES[:2]  # sample or upload (a camera shot rarely lines up with anything)
    lo, hi = hybrid.SIGMA_RANGE
    return {
        "hy_pair": Field("bool", True),
        "hy_a_source": Field("choice", "sample", choices=sources),
        "hy_a_sample": Field("choice", "camera", choices=samples),
        "hy_b_source": Field("choice", "sample", choices=sources),
        "hy_b_sample": Field("choice", "astronaut", choices=samples),
        "hy_dx": Field("int", 0, lo=-MAX_SHIFT, hi=MAX_SHIFT, step=1, unit="px"),
        "hy_dy": Field("int", 0, lo=-MAX_SHIFT, hi=MAX_SHIFT, step=1, unit="px"),
        "hy_scale": Field("float", 1.0, lo=SCALE_RANGE[0], hi=SCALE_RANGE[1], step=0.05, unit="×"),
        "hy_slow": Field("float", 6.0, lo=lo, hi=hi, step=SIGMA_STEP, unit="px"),
        "hy_shigh": Field("float", 2.0, lo=lo, hi=hi, step=SIGMA_STEP, unit="px"),
    }


SCHEMA = Schema("HybridSettings", "hy_", _fields())
#: The picker keys drawn only when the shipped pair is off.
PICKER_KEYS = frozenset({"hy_a_source", "hy_a_sample", "hy_b_source", "hy_b_sample"})
