"""The Filter Designer's settings: every URL key and default once."""

from __future__ import annotations

from app.backend import filtering as flt
from app.backend.images import sample_names
from app.ui import image_picker
from app.ui.page import Field, Schema
from kernels import MAX_KERNEL_SIDE

NOTCH_KINDS: tuple[str, ...] = ("gaussian", "ideal", "butterworth")
TOOLS: tuple[str, ...] = ("notch", "remove", "keep", "paint")
ZOOMS: tuple[int, ...] = (1, 2, 4)
CROP_MIN, CROP_MAX = 3, MAX_KERNEL_SIDE  # the window is a kernel the other labs accept
DEMO_SAMPLE = "periodic_noise"
#: The crop-size slider: odd sizes only (a link holds the same values, checked by :func:`parse_crop`).
CROP = Field("int", 31, lo=CROP_MIN, hi=CROP_MAX, step=2, unit="px")


def parse_crop(text: str) -> int:
    """An odd crop size :data:`CROP_MIN`..:data:`CROP_MAX` from a link.

    Examples
    --------
    >>> parse_crop("15")
    15
    """
    k = int(text)
    if k % 2 == 0 or not CROP_MIN <= k <= CROP_MAX:
        raise ValueError(f"crop size must be odd, {CROP_MIN}..{CROP_MAX}")
    return k


SCHEMA = Schema("FilterSettings", "fd_", {
    "fd_source": Field("choice", "sample", choices=image_picker.SOURCES),
    "fd_sample": Field("choice", DEMO_SAMPLE, choices=tuple(sample_names())),
    "fd_colour": Field("bool", False),
    "fd_size": Field("choice", 512, choices=image_picker.WORKING_SIZES, parse=int),
    "fd_use_lab": Field("bool", False),
    "fd_shape": Field("choice", "none", choices=flt.MASK_SHAPES),
    "fd_band": Field("choice", "lowpass", choices=flt.MASK_BANDS),
    "fd_lo": Field("float", 0.1, lo=0.005, hi=0.5, step=0.005, unit="cycles/px"),
    "fd_hi": Field("float", 0.25, lo=0.005, hi=0.5, step=0.005, unit="cycles/px"),
    "fd_order": Field("int", 2, lo=1, hi=10, step=1),
    "fd_notch_kind": Field("choice", "gaussian", choices=NOTCH_KINDS),
    "fd_notch_r": Field("float", 0.01, lo=0.002, hi=0.1, step=0.001, unit="cycles/px"),
    "fd_snap": Field("bool", True),
    "fd_tool": Field("choice", "notch", choices=TOOLS),
    "fd_smooth": Field("float", 0.0, lo=0.0, hi=0.05, step=0.0025, unit="cycles/px"),
    "fd_brush": Field("int", 14, lo=4, hi=40),
    "fd_zoom": Field("choice", 1, choices=ZOOMS),
    "fd_crop": Field("custom", CROP.default, parse=parse_crop, format=str),
    "fd_window": Field("choice", "none", choices=flt.WINDOWS),
    "fd_notches": Field("custom", (), parse=flt.notches_from_text, format=flt.notches_to_text),
})

#: Settings drawn in the sidebar (by the image picker), outside the designer's fragment.
PICKER_KEYS = frozenset({"fd_source", "fd_sample", "fd_colour", "fd_size", "fd_use_lab"})
