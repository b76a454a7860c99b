"""The CNN Lab's settings: every URL key and default once, and the network they describe."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import kernels
from app.backend import images as bimages
from app.backend import cnn as L
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
    # grouped and depthwise convolution (app/labs/cnn_lab/groups.py)
    "cnn_gcin": Field("int", 6, lo=1, hi=MAX_GROUP_CHANNELS, step=1),
    "cnn_gmult": Field("int", 1, lo=1, hi=4, step=1),
    "cnn_gk": Field("choice", 3, choices=GROUP_KERNELS, parse=int),
    "cnn_gg": Field("int", 1, lo=1, hi=MAX_GROUP_CHANNELS),
})

#: What the "zone plate" button sets: the aliasing demo on the first input map, zoomed.
ZONE_PLATE: dict[str, Any] = {"cnn_input": "own", "cnn_source": "sample", "cnn_sample": "zone_plate",
                              "cnn_amap": 0, "cnn_azoom": True}


@dataclass(frozen=True)
class BankArgs:
    """The C1 bank's recipe (hashable: a cache key)."""

    preset: str
    n: int
    size: int
    seed: int
    names: tuple[str, ...]


@dataclass(frozen=True)
class Layer1:
    """C1: bank, one bias per kernel, activation."""

    bank: BankArgs
    biases: tuple[float, ...]
    act: str


@dataclass(frozen=True)
class Pool:
    """S2/S4 pooling; LeNet pools with a stride equal to its size."""

    mode: str
    size: int
    stride: int
    lenet_w: float
    lenet_b: float

    def spec(self) -> L.PoolSpec:
        return L.PoolSpec(self.mode, self.size, self.stride, self.lenet_w, self.lenet_b)


@dataclass(frozen=True)
class Layer3:
    """C3: a bank mixing all S2 maps (``preset`` ``"off"`` leaves C3 and S4 out)."""

    preset: str
    n: int
    seed: int
    bias: float


@dataclass(frozen=True)
class Net:
    """The whole network's settings; :meth:`upto` keeps only what a stage depends on."""

    c1: Layer1 | None
    pool: Pool | None = None
    c3: Layer3 | None = None
    pool4: Pool | None = None  # S4's pooling (S2's unless S4 has its own)

    def upto(self, stage: str) -> Net:
        """The settings ``stage`` depends on (so moving a later slider keeps its cache)."""
        depth = STAGES.index(stage)
        return Net(self.c1 if depth >= 1 else None, self.pool if depth >= 2 else None,
                   self.c3 if depth >= 3 else None, self.pool4 if depth >= 4 else None)

    def pooling(self, stage: str) -> Pool:
        """The pooling of ``stage`` ("S2" or "S4")."""
        return self.pool4 if stage == "S4" else self.pool

    @property
    def stages(self) -> tuple[str, ...]:
        """The stages this network has, input first."""
        return STAGES if self.c3 is not None and self.c3.preset != "off" else STAGES[:3]


STAGES: tuple[str, ...] = ("input", "C1", "S2", "C3", "S4")


def bank_args(s: Any) -> BankArgs:
    """The C1 bank recipe of settings ``s``; an empty catalogue pick falls back to Sobel x."""
    names: tuple[str, ...] = ()
    if s.c1 == "catalog":
        names = tuple(s.cat) or ("sobel_x",)
    return BankArgs(s.c1, int(s.n), int(s.ksize or 5), int(s.seed), names)


def net(s: Any, n_kernels: int) -> Net:
    """The network of settings ``s`` for a C1 bank of ``n_kernels`` kernels.

    Examples
    --------
    >>> n = net(SCHEMA.defaults(), 4)
    >>> n.c1.biases, n.pool.stride, n.stages[-1], n.pool4 == n.pool
    ((0.0, 0.0, 0.0, 0.0), 2, 'S4', True)
    >>> net(SCHEMA.read({"cnn_s4own": True, "cnn_s4pool": "average", "cnn_s4size": 3}), 4).pool4.size
    3
    """
    biases = tuple(float(getattr(s, f"b{i}")) for i in range(n_kernels))
    stride = s.psize if s.pool == "lenet" else s.pstride
    pool = Pool(s.pool, int(s.psize), int(stride), float(s.lw), float(s.lb))
    pool4 = Pool(s.s4pool, int(s.s4size), int(s.s4stride), float(s.lw), float(s.lb)) if s.s4own else pool
    return Net(Layer1(bank_args(s), biases, s.act), pool, Layer3(s.c3, int(s.c3n), int(s.c3seed), float(s.c3b)), pool4)
