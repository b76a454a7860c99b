"""Grouped and depthwise convolution: a layer whose input channels are split into ``groups``.

With ``groups = g`` the ``C_in`` input channels are cut into ``g`` groups of ``C_in / g``; each
group has its own ``C_out / g`` filters that see only that group. ``g = 1`` is an ordinary
layer, ``g = C_in`` (with ``C_out`` a multiple of it) a depthwise one (MobileNet). Parameters and
multiply-adds both shrink by the factor ``g``:

    parameters = C_out · (C_in / g) · k²        multiply-adds = parameters · H_out · W_out

Pure numpy; the spatial part of each filter is :func:`app.backend.conv_arithmetic.conv2d`
(cross-correlation with stride and zero padding, as CNN libraries do).

Examples
--------
>>> divisors(6)
(1, 2, 3, 6)
>>> group_cost(c_in=6, c_out=6, k=3, groups=3, out_shape=(8, 8))
GroupCost(parameters=108, multiply_adds=6912)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._validate import BackendError, whole_number
from .conv_arithmetic import Padding, conv2d, output_size, resolve_padding

__all__ = ["GroupCost", "divisors", "group_conv2d", "group_cost"]


@dataclass(frozen=True)
class GroupCost:
    """Weights (no bias) and multiply-adds of one grouped layer."""

    parameters: int
    multiply_adds: int


def divisors(n: int) -> tuple[int, ...]:
    """The group counts a layer with ``n`` input channels allows (the divisors of ``n``).

    Examples
    --------
    >>> divisors(1), divisors(12)
    ((1,), (1, 2, 3, 4, 6, 12))
    """
    n = whole_number(n, "the channel count", lo=1)
    return tuple(d for d in range(1, n + 1) if n % d == 0)


def _check_groups(c_in: int, c_out: int, groups: int) -> int:
    g = whole_number(groups, "groups", lo=1)
    if c_in % g or c_out % g:
        raise BackendError(f"groups={g} must divide both C_in={c_in} and C_out={c_out}", "groups",
                           groups=g, c_in=c_in, c_out=c_out)
    return g


def group_cost(*, c_in: int, c_out: int, k: int, groups: int, out_shape: tuple[int, int]) -> GroupCost:
    """Parameters ``C_out·(C_in/g)·k²`` and multiply-adds ``parameters·H_out·W_out`` of a layer.

    Examples
    --------
    >>> group_cost(c_in=8, c_out=16, k=3, groups=1, out_shape=(4, 4)).parameters
    1152
    >>> group_cost(c_in=8, c_out=16, k=3, groups=8, out_shape=(4, 4)).parameters
    144
    """
    g = _check_groups(whole_number(c_in, "C_in", lo=1), whole_number(c_out, "C_out", lo=1), groups)
    k = whole_number(k, "k", lo=1)
    params = c_out * (c_in // g) * k * k
    return GroupCost(parameters=params, multiply_adds=params * int(out_shape[0]) * int(out_shape[1]))


def group_conv2d(x: np.ndarray, weights: np.ndarray, *, groups: int = 1, stride: int = 1,
                 padding: Padding = 0) -> np.ndarray:
    """Grouped 2-D convolution (cross-correlation, zero padding) of a ``(C_in, H, W)`` stack.

    Parameters
    ----------
    x : numpy.ndarray, shape (C_in, H, W)
    weights : numpy.ndarray, shape (C_out, C_in / groups, k, k)
        Filter ``o`` belongs to group ``o // (C_out / groups)`` and sees that group's channels.
    groups : int
        Divides both ``C_in`` and ``C_out``.
    stride, padding :
        As in :func:`app.backend.conv_arithmetic.conv2d`.

    Returns
    -------
    numpy.ndarray, shape (C_out, H_out, W_out)

    Examples
    --------
    >>> x = np.ones((2, 3, 3))
    >>> w = np.ones((2, 1, 3, 3)); w[1] *= 2
    >>> group_conv2d(x, w, groups=2)[:, 0, 0]
    array([ 9., 18.])
    """
    x = np.asarray(x, dtype=np.float64)
    w = np.asarray(weights, dtype=np.float64)
    if x.ndim != 3 or w.ndim != 4:
        raise BackendError(f"x must be (C_in, H, W) and weights (C_out, C_in/g, k, k); got {x.shape} and {w.shape}",
                           "group_shape")
    c_in, c_out = x.shape[0], w.shape[0]
    g = _check_groups(c_in, c_out, groups)
    if w.shape[1] != c_in // g:
        raise BackendError(f"weights need C_in/groups = {c_in // g} input channels; got {w.shape[1]}",
                           "group_shape")
    per_in, per_out = c_in // g, c_out // g
    kh, kw = w.shape[2:]
    ho = output_size(x.shape[1], kh, stride, resolve_padding(padding, kh))
    wo = output_size(x.shape[2], kw, stride, resolve_padding(padding, kw))
    out = np.zeros((c_out, ho, wo))
    for o in range(c_out):
        first = (o // per_out) * per_in
        for i in range(per_in):
            out[o] += conv2d(x[first + i], w[o, i], stride=stride, padding=padding)
    return out
