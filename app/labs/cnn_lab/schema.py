"""The CNN Lab's settings: every URL key and default once (the network they describe: :mod:`.model`)."""

from __future__ import annotations

from typing import Any

import kernels
from app.backend import cnn as L
from app.backend import images as bimages
from app.ui import image_picker
from app.ui.page import Field, Schema

UI_MAPS = 8  # kernels per layer offered on the page
CATALOG: tuple[str, ...] = tuple(s.name for s in kernels.catalog())
DEFAULT_CATALOG = ["gaussian", "sobel_x", "sobel_y", "log"]
C3_CHOICES: tuple[str, ...] = ("off", "edge_sum", "random", "lenet")
S4_MODES: tuple[str, ...] = tuple(m for m in L.POOL_MODES if m != "lenet")  # S4's own pooling (LeNet's w, b are S2's)
KERNEL_SIZES: tuple[int, ...] = (3, 5, 7)
SHIFT_MAX = 16
PAD_CHOICES: tuple[str, ...] = ("valid", "same", "full", "explicit")  # "explicit": p zeros a side
MAX_STRIDE, MAX_PAD, MAX_DILATION = 4, 8, 3
ANIM_SIDES = (3, 16)  # the footprint animation's grid side, smallest and largest
T_KERNELS = (2, 6)  # the transposed convolution's kernel side, smallest and largest
#: Grouped convolution: the most input channels, and the filter sides offered.
MAX_GROUP_CHANNELS = 16
GROUP_KERNELS: tuple[int, ...] = (1, 3, 5, 7)


def parse_names(text: str) -> list[str]:
    """Catalogue kernel names from a link's ``a,b,c`` (1 to :data:`UI_MAPS` of them).

    Examples
    --------
    >>> parse_names("sobel_x, box")
    ['sobel_x', 'box']
    """
    names = [n.strip() for n in text.split(",") if n.strip()]
    if not 1 <= len(names) <= UI_MAPS or any(n not in CATALOG for n in names):
        raise ValueError("not a list of catalogue kernels")
    return names


SCHEMA = Schema("CnnSettings", "cnn_", {
    "cnn_input": Field("choice", "lab", choices=("lab", "own")),
    "cnn_source": Field("choice", "sample", choices=("sample", "upload")),
    "cnn_sample": Field("choice", image_picker.DEFAULT_SAMPLE, choices=tuple(bimages.sample_names())),
    "cnn_c1": Field("choice", "edges", choices=L.C1_PRESETS),
    "cnn_n": Field("int", 8, lo=2, hi=UI_MAPS),
    "cnn_ksize": Field("choice", 5, choices=KERNEL_SIZES),
    "cnn_seed": Field("int", 0, lo=0, hi=9999),
    "cnn_cat": Field("custom", DEFAULT_CATALOG, parse=parse_names, format=",".join),
    **{f"cnn_b{i}": Field("float", 0.0, lo=-2.0, hi=2.0, step=0.05) for i in range(UI_MAPS)},
    "cnn_act": Field("choice", "relu", choices=L.ACTIVATIONS),
    "cnn_pool": Field("choice", "max", choices=L.POOL_MODES),
    "cnn_psize": Field("int", 2, lo=1, hi=L.MAX_POOL, unit="px"),
    "cnn_pstride": Field("int", 2, lo=1, hi=L.MAX_POOL, unit="px"),
    "cnn_lw": Field("float", 0.25, lo=-2.0, hi=2.0, step=0.05),
    "cnn_lb": Field("float", 0.0, lo=-4.0, hi=4.0, step=0.1),
    "cnn_c3": Field("choice", "edge_sum", choices=C3_CHOICES),
    "cnn_c3n": Field("int", 4, lo=2, hi=UI_MAPS),
    "cnn_c3seed": Field("int", 0, lo=0, hi=9999),
    "cnn_c3b": Field("float", 0.0, lo=-2.0, hi=2.0, step=0.05),
    "cnn_s4own": Field("bool", False),
    "cnn_s4pool": Field("choice", "max", choices=S4_MODES),
    "cnn_s4size": Field("int", 2, lo=1, hi=L.MAX_POOL, unit="px"),
    "cnn_s4stride": Field("int", 2, lo=1, hi=L.MAX_POOL, unit="px"),
    "cnn_amap": Field("int", 0, lo=0, hi=UI_MAPS),
    "cnn_azoom": Field("bool", False),
    "cnn_shift": Field("int", 1, lo=0, hi=SHIFT_MAX, unit="px"),
    # the arithmetic tab: one C1 kernel with its own stride, padding and dilation
    "cnn_xk": Field("int", 0, lo=0, hi=UI_MAPS - 1),
    "cnn_xs": Field("int", 2, lo=1, hi=MAX_STRIDE, unit="px"),
    "cnn_xpad": Field("choice", "valid", choices=PAD_CHOICES),
    "cnn_xp": Field("int", 1, lo=0, hi=MAX_PAD, unit="px"),
    "cnn_xd": Field("int", 1, lo=1, hi=MAX_DILATION),
    "cnn_xn": Field("int", 6, lo=ANIM_SIDES[0], hi=ANIM_SIDES[1]),
    "cnn_tk": Field("int", 3, lo=T_KERNELS[0], hi=T_KERNELS[1]),
    # grouped and depthwise convolution (app/labs/cnn_lab/parts/groups.py)
    "cnn_gcin": Field("int", 6, lo=1, hi=MAX_GROUP_CHANNELS, step=1),
    "cnn_gmult": Field("int", 1, lo=1, hi=4, step=1),
    "cnn_gk": Field("choice", 3, choices=GROUP_KERNELS, parse=int),
    "cnn_gg": Field("int", 1, lo=1, hi=MAX_GROUP_CHANNELS),
})

#: What the "zone plate" button sets: the aliasing demo on the first input map, zoomed.
ZONE_PLATE: dict[str, Any] = {"cnn_input": "own", "cnn_source": "sample", "cnn_sample": "zone_plate",
                              "cnn_amap": 0, "cnn_azoom": True}
