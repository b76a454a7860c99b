"""The CNN Lab's network model: hashable layer settings built from the page's settings (:mod:`.schema`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.backend import cnn as L


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
    >>> from app.labs.cnn_lab.schema import SCHEMA
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
