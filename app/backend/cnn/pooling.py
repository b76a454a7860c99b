"""Pooling (S) layers: max, average, subsample and LeNet's trainable subsampling."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import special

from .._validate import BackendError, choice
from .bank import _check_count
from .layer import _as_maps, _biases

#: "max"/"average" pooling, "subsample" (keep the top-left pixel of each window: no filtering),
#: "lenet" (LeNet-5's S-layers: sigmoid(weight * sum of the block + bias), size = stride).
POOL_MODES: tuple[str, ...] = ("max", "average", "subsample", "lenet")
MAX_POOL: int = 8


def _check_pool(size: int, stride: int | None) -> tuple[int, int]:
    size = _check_count(size, 1, MAX_POOL, "the pooling size")
    stride = size if stride is None else _check_count(stride, 1, MAX_POOL, "the pooling stride")
    return size, stride


def pool_output_shape(h: int, w: int, size: int, stride: int | None = None, *, periodic: bool = False) -> tuple[int, int]:
    """Height and width after pooling ``h × w`` maps with windows ``size`` and ``stride``.

    Examples
    --------
    >>> pool_output_shape(512, 512, 2), pool_output_shape(7, 9, 3, 2)
    ((256, 256), (3, 4))
    """
    size, stride = _check_pool(size, stride)
    if periodic:
        return (h // stride, w // stride)
    if h < size or w < size:
        raise BackendError(f"the {h}×{w} maps are smaller than the {size}×{size} pooling window", "pool_window",
                           h=h, w=w, size=size)
    return ((h - size) // stride + 1, (w - size) // stride + 1)


def _windows_1d(x: np.ndarray, axis: int, size: int, stride: int, n_out: int, mode: str) -> np.ndarray:
    """Max or mean over windows of ``size`` every ``stride`` samples along ``axis``.

    Vectorised without a window loop over positions: window ``j`` covers
    ``[j*stride, j*stride + size)``, so the result is the elementwise max (or sum) of the
    ``size`` strided slices ``x[k : k + (n_out-1)*stride + 1 : stride]``, ``k < size``.
    """
    def part(k: int) -> np.ndarray:
        index = [slice(None)] * x.ndim
        index[axis] = slice(k, k + (n_out - 1) * stride + 1, stride)
        return x[tuple(index)]

    out = part(0).copy()
    for k in range(1, size):
        if mode == "max":
            np.maximum(out, part(k), out=out)
        else:
            out += part(k)
    if mode != "max" and size > 1:
        out *= out.dtype.type(1.0 / size)
    return out


def pool(
    maps: np.ndarray,
    mode: str = "max",
    size: int = 2,
    stride: int | None = None,
    *,
    periodic: bool = False,
) -> np.ndarray:
    """Max / average pooling, or plain subsampling, of each map.

    Parameters
    ----------
    maps : ndarray, (H, W) or (C, H, W)
    mode : {"max", "average", "subsample"}
        ``subsample`` keeps the top-left pixel of each window (no low-pass filter first).
        For LeNet's trainable subsampling see :func:`lenet_subsample`.
    size, stride : int
        Window side and step (1–8); ``stride`` defaults to ``size`` (non-overlapping).
    periodic : bool
        Wrap windows around the edges (``H // stride`` outputs) instead of "valid" windows.

    Returns
    -------
    ndarray, (C, H_out, W_out)
        See :func:`pool_output_shape`.

    Examples
    --------
    >>> x = np.arange(16.0).reshape(4, 4)
    >>> pool(x, "max", 2)[0]
    array([[ 5.,  7.],
           [13., 15.]])
    >>> pool(x, "average", 2)[0]
    array([[ 2.5,  4.5],
           [10.5, 12.5]])
    """
    x = _as_maps(maps)
    size, stride = _check_pool(size, stride)
    if mode not in ("max", "average", "subsample"):
        raise ValueError(f"unknown pooling {mode!r}; choose one of max, average, subsample (or lenet_subsample)")
    _, h, w = x.shape
    ho, wo = pool_output_shape(h, w, size, stride, periodic=periodic)
    if ho == 0 or wo == 0:
        raise BackendError(f"the {h}×{w} maps are smaller than the pooling stride {stride}", "pool_stride",
                           h=h, w=w, stride=stride)
    if periodic and size > 0:
        ext = max(0, (ho - 1) * stride + size - h), max(0, (wo - 1) * stride + size - w)
        x = np.pad(x, ((0, 0), (0, ext[0]), (0, ext[1])), mode="wrap")
    if mode == "subsample":
        return np.ascontiguousarray(x[:, : (ho - 1) * stride + 1 : stride, : (wo - 1) * stride + 1 : stride])
    y = _windows_1d(x, 1, size, stride, ho, mode)
    y = _windows_1d(y, 2, size, stride, wo, mode)
    return np.ascontiguousarray(y, dtype=x.dtype)


def lenet_subsample(
    maps: np.ndarray,
    weight: float | Sequence[float] = 0.25,
    bias: float | Sequence[float] = 0.0,
    size: int = 2,
    *,
    periodic: bool = False,
) -> np.ndarray:
    """LeNet-5's subsampling layer: ``sigmoid(weight * (sum of each size×size block) + bias)``.

    One trainable ``weight`` and ``bias`` per map (a scalar is shared); blocks do not overlap.

    Examples
    --------
    >>> lenet_subsample(np.ones((4, 4)), weight=0.25, bias=-1.0)[0]
    array([[0.5, 0.5],
           [0.5, 0.5]])
    """
    x = _as_maps(maps)
    c = x.shape[0]
    wgt = _biases(weight, c).astype(x.dtype)
    b = _biases(bias, c).astype(x.dtype)
    total = pool(x, "average", size, size, periodic=periodic) * x.dtype.type(size * size)
    return special.expit(total * wgt[:, None, None] + b[:, None, None]).astype(x.dtype, copy=False)


@dataclass(frozen=True)
class PoolSpec:
    """One pooling (S) layer's settings.

    ``mode`` is one of :data:`POOL_MODES`; for ``lenet`` the stride equals ``size`` and
    ``weight``/``bias`` are LeNet's two trainable numbers per map (shared here).
    """

    mode: str = "max"
    size: int = 2
    stride: int = 2
    weight: float = 0.25
    bias: float = 0.0

    def __post_init__(self) -> None:
        choice(self.mode, POOL_MODES, "pooling")
        _check_pool(self.size, self.stride)
        if self.mode == "lenet" and self.stride != self.size:
            object.__setattr__(self, "stride", int(self.size))

    def apply(self, maps: np.ndarray, *, periodic: bool = False) -> np.ndarray:
        """Pool ``(C, H, W)`` maps."""
        if self.mode == "lenet":
            return lenet_subsample(maps, self.weight, self.bias, self.size, periodic=periodic)
        return pool(maps, self.mode, self.size, self.stride, periodic=periodic)

    def parameters(self, n_maps: int) -> int:
        """Trainable numbers: 2 per map for LeNet subsampling, none for max/average pooling."""
        return 2 * n_maps if self.mode == "lenet" else 0
