"""Kernel banks of the CNN Lab's convolutional layers: C1 presets (edges, Gabor, DoG, random,
catalogue) and C3 mixing banks."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

import kernels as kcat
from app.backend.conv_arithmetic import LENET_C3_TABLE

from .._validate import choice, odd_number, whole_number

C1_PRESETS: tuple[str, ...] = ("edges", "gabor", "dog", "random", "catalog")
C3_PRESETS: tuple[str, ...] = ("edge_sum", "random", "lenet")
MAX_MAPS: int = 16


@dataclass(frozen=True)
class KernelBank:
    """The weights of one convolutional layer (without biases).

    Attributes
    ----------
    kernels : tuple of tuple of ndarray
        ``kernels[o][i]`` is the 2-D kernel output map ``o`` applies to input map ``i``.
        Kernels of one layer may differ in size (a Sobel beside a Gabor).
    names : tuple of str
        Per output map, the catalogue kernel it was built from (``"random"`` for random
        kernels); pages translate these with the catalogue's labels.
    tags : tuple of str
        Per output map, a short language-neutral detail (``"θ=45°"``, ``"σ=1.4/2.8"``, ``"#3"``).
    """

    kernels: tuple[tuple[np.ndarray, ...], ...]
    names: tuple[str, ...]
    tags: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if not self.kernels:
            raise ValueError("a kernel bank needs at least one kernel")
        n_in = len(self.kernels[0])
        if n_in == 0 or any(len(row) != n_in for row in self.kernels):
            raise ValueError("every output map needs one kernel per input map")
        if len(self.kernels) > MAX_MAPS:
            raise ValueError(f"at most {MAX_MAPS} maps per layer; got {len(self.kernels)}")
        for row in self.kernels:
            for k in row:
                if k.ndim != 2 or k.size == 0 or not np.isfinite(k).all():
                    raise ValueError("kernels must be non-empty, finite 2-D arrays")
        if len(self.names) != len(self.kernels):
            raise ValueError("one name per output map is needed")
        if not self.tags:
            object.__setattr__(self, "tags", ("",) * len(self.kernels))
        elif len(self.tags) != len(self.kernels):
            raise ValueError("one tag per output map is needed")

    @property
    def n_out(self) -> int:
        """Number of output maps."""
        return len(self.kernels)

    @property
    def n_in(self) -> int:
        """Number of input maps each output map mixes."""
        return len(self.kernels[0])

    @property
    def max_shape(self) -> tuple[int, int]:
        """Largest kernel height and width in the bank."""
        return (
            max(k.shape[0] for row in self.kernels for k in row),
            max(k.shape[1] for row in self.kernels for k in row),
        )

    def first_kernels(self) -> tuple[np.ndarray, ...]:
        """The kernel each output map applies to input map 0 (the C1 kernels)."""
        return tuple(row[0] for row in self.kernels)


def _frozen(k: np.ndarray) -> np.ndarray:
    a = np.array(k, dtype=np.float64)
    a.setflags(write=False)
    return a


def _check_count(n: int, lo: int, hi: int, what: str) -> int:
    return whole_number(n, what, lo=lo, hi=hi)


def _random_kernels(rng: np.random.Generator, n_out: int, n_in: int, size: int) -> list[list[np.ndarray]]:
    # He initialisation: std = sqrt(2 / fan_in), as a freshly initialised ReLU network
    std = math.sqrt(2.0 / (size * size * n_in))
    w = rng.normal(0.0, std, size=(n_out, n_in, size, size))
    return [[_frozen(w[o, i]) for i in range(n_in)] for o in range(n_out)]


def c1_bank(
    preset: str,
    *,
    n: int = 4,
    size: int = 5,
    seed: int = 0,
    names: Sequence[str] = (),
) -> KernelBank:
    """The first layer's kernel bank (one input map: the grey image).

    Parameters
    ----------
    preset : {"edges", "gabor", "dog", "random", "catalog"}
        * ``edges``: Sobel x, Sobel y, Laplacian, Gaussian (5×5, σ = 1) — three high/band-pass
          edge detectors and one low-pass kernel.
        * ``gabor``: Gabor filters (15×15, σ = 3, λ = 6 px) at 0°, 45°, 90° and 135°.
        * ``dog``: differences of Gaussians at three scales (σ = 0.7/1.4, 1.4/2.8, 2.8/5.6).
        * ``random``: ``n`` random ``size``×``size`` kernels (He initialisation, ``seed``).
        * ``catalog``: the kernels named in ``names`` (catalogue defaults), one map each.
    n, size, seed : int
        For ``random``: 1–16 kernels of odd side 3–15, reproducible with ``seed``.
    names : sequence of str
        For ``catalog``: 1–16 catalogue kernel names (see :func:`kernels.catalog`).

    Raises
    ------
    ValueError
        Unknown preset or kernel name, or counts/sizes out of range.

    Examples
    --------
    >>> c1_bank("edges").names
    ('sobel_x', 'sobel_y', 'laplacian', 'gaussian')
    >>> c1_bank("random", n=3, size=3, seed=1).n_out
    3
    """
    choice(preset, C1_PRESETS, "C1 preset")
    if preset == "edges":
        spec = [("sobel_x", {}, ""), ("sobel_y", {}, ""), ("laplacian", {}, ""),
                ("gaussian", {"size": 5, "sigma": 1.0}, "σ=1")]
    elif preset == "gabor":
        spec = [("gabor", {"size": 15, "sigma": 3.0, "wavelength": 6.0, "theta": float(a), "gamma": 0.5}, f"θ={a}°")
                for a in (0, 45, 90, 135)]
    elif preset == "dog":
        spec = [("dog", {"sigma1": s, "sigma2": 2 * s}, f"σ={s:g}/{2 * s:g}") for s in (0.7, 1.4, 2.8)]
    elif preset == "random":
        n = _check_count(n, 1, MAX_MAPS, "the number of random kernels")
        size = odd_number(size, "the random kernel size", hi=15)
        ks = _random_kernels(np.random.default_rng(int(seed)), n, 1, size)
        return KernelBank(tuple(tuple(row) for row in ks), ("random",) * n, tuple(f"#{o + 1}" for o in range(n)))
    else:  # catalog
        names = tuple(names)
        _check_count(len(names), 1, MAX_MAPS, "the number of catalogue kernels")
        spec = [(name, {}, "") for name in names]
    ks, labels, tags = [], [], []
    for name, params, tag in spec:
        try:
            ks.append((_frozen(kcat.make(name, **params)),))
        except kcat.KernelError as exc:
            raise ValueError(str(exc)) from None
        labels.append(name)
        tags.append(tag)
    return KernelBank(tuple(ks), tuple(labels), tuple(tags))


#: The kernels of the "edge_sum" C3 preset, in output-map order.
_EDGE_SUM = (("sobel_x", {}), ("sobel_y", {}), ("laplacian", {}), ("gaussian", {"size": 3, "sigma": 0.8}))


def c3_bank(preset: str, n_in: int, *, n_out: int = 4, size: int = 3, seed: int = 0) -> KernelBank:
    """A second convolutional layer that mixes all ``n_in`` maps of the previous layer.

    Parameters
    ----------
    preset : {"edge_sum", "random", "lenet"}
        * ``edge_sum``: four output maps; map ``o`` applies one kernel (Sobel x, Sobel y,
          Laplacian, Gaussian 3×3) to *every* input map and adds the responses, divided by
          ``n_in`` so the range stays that of one map ("sum of edge responses").
        * ``random``: ``n_out`` maps with their own random ``size``×``size`` kernel for each
          input map (He initialisation, ``seed``).
        * ``lenet``: LeNet-5's sparse table (:data:`~app.backend.conv_arithmetic.LENET_C3_TABLE`):
          16 maps, each reading 3, 4 or all 6 of exactly 6 input maps with random kernels (He
          initialisation over the maps it reads, ``seed``); the maps it does not read get an
          all-zero kernel, which :func:`~.diagnostics.conv_parameters` does not count. ``n_out`` is ignored.
    n_in : int
        Number of maps entering the layer (1–16; 6 for ``lenet``).

    Examples
    --------
    >>> b = c3_bank("edge_sum", 3)
    >>> b.n_out, b.n_in, float(b.kernels[0][2][1, 0])
    (4, 3, 0.6666666666666666)
    >>> b = c3_bank("lenet", 6)
    >>> b.n_out, [int(k.any()) for k in b.kernels[0]]
    (16, [1, 1, 1, 0, 0, 0])
    """
    choice(preset, C3_PRESETS, "C3 preset")
    n_in = _check_count(n_in, 1, MAX_MAPS, "the number of input maps")
    if preset == "edge_sum":
        rows = []
        for name, params in _EDGE_SUM:
            k = _frozen(kcat.make(name, **params) / n_in)
            rows.append((k,) * n_in)
        return KernelBank(tuple(rows), tuple(name for name, _ in _EDGE_SUM), ("Σ",) * len(_EDGE_SUM))
    size = odd_number(size, "the C3 kernel size", hi=15)
    if preset == "lenet":
        return _lenet_c3(n_in, size, seed)
    n_out = _check_count(n_out, 1, MAX_MAPS, "the number of C3 maps")  # random
    ks = _random_kernels(np.random.default_rng(int(seed) + 7919), n_out, n_in, size)
    return KernelBank(tuple(tuple(row) for row in ks), ("random",) * n_out, tuple(f"#{o + 1}" for o in range(n_out)))


def _lenet_c3(n_in: int, size: int, seed: int) -> KernelBank:
    """:func:`c3_bank`'s ``lenet`` preset."""
    table = LENET_C3_TABLE
    if n_in != table.shape[0]:
        raise ValueError(f"LeNet's C3 table connects {table.shape[0]} S2 maps; there are {n_in} "
                         f"(choose a C1 bank of {table.shape[0]} kernels)")
    ks = _random_kernels(np.random.default_rng(int(seed) + 7919), table.shape[1], n_in, size)
    zero = _frozen(np.zeros((size, size)))
    rows = []
    for o, row in enumerate(ks):
        gain = math.sqrt(n_in / table[:, o].sum())  # He initialisation over the maps actually read
        rows.append(tuple(_frozen(k * gain) if table[i, o] else zero for i, k in enumerate(row)))
    return KernelBank(tuple(rows), ("random",) * len(rows), tuple(f"#{o + 1}" for o in range(len(rows))))
