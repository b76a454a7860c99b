"""Convolution arithmetic of CNN layers: output sizes, stride, padding, dilation, transposed convolution.

Pure numpy (never streamlit). The reference picture is Dumoulin & Visin, "A guide to
convolution arithmetic for deep learning" (2016); the checkerboard artefact of transposed
convolutions is Odena, Dumoulin & Olah, "Deconvolution and checkerboard artifacts" (Distill, 2016).

Conventions
-----------
Convolution
    As in CNN libraries, :func:`conv2d` *cross-correlates* (the kernel is not flipped) and pads
    with zeros: ``out[i, j] = sum_ab kernel[a, b] * padded[i*s + a*d, j*s + b*d]``. Its output
    has :func:`output_size` rows and columns, ``floor((n + 2p - d(k-1) - 1) / s) + 1``.
Padding
    An ``int`` ``p`` pads ``p`` zeros on every side; a pair ``(before, after)`` pads each side
    of an axis separately; the modes ``"valid"``, ``"same"`` and ``"full"`` are turned into
    pairs by :func:`resolve_padding` (per axis, from that axis's kernel size).
Transposed convolution
    :func:`conv_transpose2d` is the adjoint (the gradient with respect to the input) of
    :func:`conv2d` with the same kernel, stride, padding and dilation: every input pixel
    scatters a scaled copy of the kernel, the copies are ``stride`` apart, and ``padding``
    crops the result.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._validate import whole_number
from .encoding import enlarge

__all__ = [
    "PADDING_MODES",
    "MAX_FOOTPRINT_SIDE",
    "LENET_C3_TABLE",
    "Footprint",
    "output_size",
    "transpose_output_size",
    "resolve_padding",
    "conv2d",
    "conv_transpose2d",
    "checkerboard_score",
    "resize_then_convolve",
    "footprint_frames",
]

#: Padding modes understood by :func:`resolve_padding` (besides an explicit ``int``).
PADDING_MODES: tuple[str, ...] = ("valid", "same", "full")

#: Largest input side of :func:`footprint_frames` (an animation of a small grid).
MAX_FOOTPRINT_SIDE: int = 64

#: A padding argument: a mode of :data:`PADDING_MODES`, ``p`` or ``(before, after)``.
Padding = int | str | tuple[int, int]


def _lenet_c3_table() -> np.ndarray:
    """LeCun et al. (1998), Table I: which S2 maps (rows) each C3 map (columns) reads."""
    cols = [[(j + i) % 6 for i in range(3)] for j in range(6)]  # maps 0-5: 3 contiguous S2 maps
    cols += [[(j + i) % 6 for i in range(4)] for j in range(6)]  # maps 6-11: 4 contiguous
    cols += [[0, 1, 3, 4], [1, 2, 4, 5], [0, 2, 3, 5]]  # maps 12-14: 4 discontinuous
    cols += [list(range(6))]  # map 15: all six
    table = np.zeros((6, 16), dtype=bool)
    for c, rows in enumerate(cols):
        table[rows, c] = True
    table.setflags(write=False)
    return table


#: LeNet-5's sparse S2 → C3 connection table (LeCun, Bottou, Bengio & Haffner 1998, Table I):
#: ``LENET_C3_TABLE[i, o]`` is True when C3 map ``o`` reads S2 map ``i``. Read-only, shape (6, 16).
LENET_C3_TABLE: np.ndarray = _lenet_c3_table()


# ----------------------------------------------------------------------------- checks
def _check_int(value: object, name: str, minimum: int) -> int:
    return whole_number(value, name, lo=minimum)


def _check_2d(a: object, name: str) -> np.ndarray:
    arr = np.asarray(a)
    if arr.ndim != 2 or arr.size == 0 or arr.dtype.kind not in "biuf":
        raise ValueError(f"{name} must be a non-empty 2-D array of real numbers (got shape {arr.shape}, "
                         f"dtype {arr.dtype})")
    return arr.astype(np.float64, copy=False)


# ----------------------------------------------------------------------------- sizes
def resolve_padding(padding: Padding, k: int, dilation: int = 1) -> tuple[int, int]:
    """Zeros to add before and after one axis: ``(before, after)``.

    Parameters
    ----------
    padding : {"valid", "same", "full"}, int or (int, int)
        * ``"valid"``: no padding; the kernel stays inside the input.
        * ``"same"``: at stride 1 the output has the input's size. The effective (dilated)
          kernel size ``e = d(k - 1) + 1`` needs ``e - 1`` zeros in all; when ``e`` is odd they
          split evenly, when ``e`` is even the extra zero goes *after* (bottom/right), as in
          PyTorch and TensorFlow, so the kernel's anchor is the upper-left of its two middle
          taps. At stride ``s`` the output has ``ceil(n / s)`` cells.
        * ``"full"``: ``e - 1`` zeros on both sides; every position where kernel and input
          overlap at all gives an output (size ``n + e - 1`` at stride 1).
        * ``p`` (int ≥ 0): ``p`` zeros on both sides; ``(before, after)``: as given.
    k : int
        Kernel size along the axis (≥ 1).
    dilation : int
        Spacing of the kernel taps (≥ 1; 1 is an ordinary kernel).

    Returns
    -------
    tuple of int
        ``(before, after)``.

    Raises
    ------
    ValueError
        Unknown mode, negative or non-integer padding, bad ``k`` or ``dilation``.

    Examples
    --------
    >>> resolve_padding("same", 3), resolve_padding("same", 4), resolve_padding("full", 3, dilation=2)
    ((1, 1), (1, 2), (4, 4))
    """
    k = _check_int(k, "the kernel size", 1)
    dilation = _check_int(dilation, "the dilation", 1)
    extra = dilation * (k - 1)  # effective size minus one
    if isinstance(padding, str):
        if padding == "valid":
            return 0, 0
        if padding == "same":
            return extra // 2, extra - extra // 2
        if padding == "full":
            return extra, extra
        raise ValueError(f"unknown padding mode {padding!r}; use one of {', '.join(PADDING_MODES)} or a whole number")
    if isinstance(padding, (tuple, list)) and len(padding) == 2:
        return _check_int(padding[0], "the padding", 0), _check_int(padding[1], "the padding", 0)
    p = _check_int(padding, "the padding", 0)
    return p, p


def output_size(n: int, k: int, stride: int = 1, padding: Padding = 0, dilation: int = 1) -> int:
    """Output size of a convolution along one axis: ``floor((n + 2p - d(k-1) - 1) / s) + 1``.

    With a ``(before, after)`` padding (or a mode, see :func:`resolve_padding`) ``2p`` is
    ``before + after``.

    Parameters
    ----------
    n : int
        Input size (≥ 1).
    k : int
        Kernel size (≥ 1).
    stride : int
        Step between output positions, ``s`` (≥ 1).
    padding : {"valid", "same", "full"}, int or (int, int)
        Zero padding ``p``; see :func:`resolve_padding`.
    dilation : int
        Spacing of the kernel taps, ``d`` (≥ 1).

    Returns
    -------
    int
        The number of output cells (≥ 1).

    Raises
    ------
    ValueError
        For bad arguments, or when the dilated kernel is larger than the padded input.

    Examples
    --------
    >>> output_size(32, 5), output_size(7, 3, stride=2, padding=1), output_size(7, 3, dilation=2)
    (28, 4, 3)
    >>> output_size(7, 4, padding="same"), output_size(7, 3, stride=2, padding="same")
    (7, 4)
    """
    n = _check_int(n, "the input size", 1)
    stride = _check_int(stride, "the stride", 1)
    before, after = resolve_padding(padding, k, dilation)
    effective = dilation * (k - 1) + 1
    span = n + before + after - effective
    if span < 0:
        raise ValueError(f"the dilated kernel ({effective} cells) is larger than the padded input "
                         f"({n + before + after} cells)")
    return span // stride + 1


def transpose_output_size(n: int, k: int, stride: int = 2, padding: int | tuple[int, int] = 0,
                          dilation: int = 1) -> int:
    """Output size of a transposed convolution along one axis: ``(n - 1)s - 2p + d(k-1) + 1``.

    The input size of the :func:`conv2d` whose adjoint it is (``(n - 1)s - 2p + k`` for
    ``d = 1``); :func:`output_size` of that size gives ``n`` back.

    Parameters
    ----------
    n : int
        Input size of the transposed convolution (≥ 1).
    k, stride, dilation : int
        Kernel size, stride (the upsampling factor) and dilation (≥ 1 each).
    padding : int or (int, int)
        Cells cropped from the start and end (no modes: they are defined for :func:`conv2d`).

    Returns
    -------
    int
        The number of output cells (≥ 1).

    Raises
    ------
    ValueError
        For bad arguments, or when the padding crops everything away.

    Examples
    --------
    >>> transpose_output_size(4, 3, stride=2), transpose_output_size(4, 4, stride=2, padding=1)
    (9, 8)
    """
    n = _check_int(n, "the input size", 1)
    stride = _check_int(stride, "the stride", 1)
    if isinstance(padding, str):
        raise ValueError("a transposed convolution takes a whole-number padding or a (before, after) pair")
    before, after = resolve_padding(padding, k, dilation)
    size = (n - 1) * stride + dilation * (k - 1) + 1 - before - after
    if size < 1:
        raise ValueError(f"the padding ({before} + {after}) crops the whole {size + before + after}-cell output")
    return size


# ----------------------------------------------------------------------------- convolutions
def conv2d(image: np.ndarray, kernel: np.ndarray, stride: int = 1, padding: Padding = 0,
           dilation: int = 1) -> np.ndarray:
    """2-D convolution as in a CNN layer: cross-correlation with stride, zero padding and dilation.

    ``out[i, j] = sum_ab kernel[a, b] * padded[i*stride + a*dilation, j*stride + b*dilation]``,
    the kernel *not* flipped (what CNN libraries call convolution). Each axis has
    :func:`output_size` cells.

    Parameters
    ----------
    image, kernel : array_like
        Real 2-D arrays (one channel).
    stride : int
        Step between output positions (≥ 1).
    padding : {"valid", "same", "full"}, int or (int, int)
        Zeros around the image, per axis from that axis's kernel size (see :func:`resolve_padding`).
    dilation : int
        Spacing of the kernel taps (≥ 1).

    Returns
    -------
    numpy.ndarray
        float64 array of shape ``(output_size(H, kh, ...), output_size(W, kw, ...))``.

    Raises
    ------
    ValueError
        Non-2-D or non-real input, bad stride/padding/dilation, or a kernel that does not fit.

    Examples
    --------
    >>> x = np.arange(16.0).reshape(4, 4)
    >>> conv2d(x, np.ones((2, 2)), stride=2)
    array([[10., 18.],
           [42., 50.]])
    >>> conv2d(x, np.ones((3, 3)), padding="same").shape
    (4, 4)
    """
    x = _check_2d(image, "the image")
    k = _check_2d(kernel, "the kernel")
    stride = _check_int(stride, "the stride", 1)
    dilation = _check_int(dilation, "the dilation", 1)
    (kh, kw), (h, w) = k.shape, x.shape
    pads = (resolve_padding(padding, kh, dilation), resolve_padding(padding, kw, dilation))
    ho = output_size(h, kh, stride, pads[0], dilation)
    wo = output_size(w, kw, stride, pads[1], dilation)
    xp = np.pad(x, pads)
    out = np.zeros((ho, wo))
    for a in range(kh):  # one strided view per tap: k*k array operations, no per-pixel loop
        for b in range(kw):
            r, c = a * dilation, b * dilation
            out += k[a, b] * xp[r:r + stride * (ho - 1) + 1:stride, c:c + stride * (wo - 1) + 1:stride]
    return out


def conv_transpose2d(x: np.ndarray, kernel: np.ndarray, stride: int = 2, padding: int | tuple[int, int] = 0,
                     dilation: int = 1) -> np.ndarray:
    """Transposed convolution: the adjoint of :func:`conv2d` (kernel, stride, padding, dilation).

    Every input pixel adds ``x[i, j] * kernel`` to the output with its corner at
    ``(i*stride, j*stride)`` (taps ``dilation`` apart); then ``padding`` cells are cropped from
    each side. So ``<conv2d(a, k, s, p, d), b> == <a, conv_transpose2d(b, k, s, p, d)>`` for
    every ``a`` of the output's shape — it is the gradient of ``conv2d`` with respect to its
    input, and the "deconvolution" layer of upsampling networks. Each axis has
    :func:`transpose_output_size` cells, ``(n - 1)s - 2p + k`` for ``d = 1``. Where ``k`` is
    not a multiple of ``s`` the copies overlap unevenly: the checkerboard artefact
    (:func:`checkerboard_score`).

    Parameters
    ----------
    x, kernel : array_like
        Real 2-D arrays.
    stride : int
        Spacing of the copies, the upsampling factor (≥ 1).
    padding : int or (int, int)
        Cells cropped from the start and end of each axis.
    dilation : int
        Spacing of the kernel taps (≥ 1).

    Returns
    -------
    numpy.ndarray
        float64 array of shape ``(transpose_output_size(H, kh, ...), transpose_output_size(W, kw, ...))``.

    Raises
    ------
    ValueError
        Non-2-D or non-real input, bad stride/padding/dilation, or a padding that crops everything.

    Examples
    --------
    >>> conv_transpose2d(np.ones((2, 2)), np.ones((3, 3)), stride=2)
    array([[1., 1., 2., 1., 1.],
           [1., 1., 2., 1., 1.],
           [2., 2., 4., 2., 2.],
           [1., 1., 2., 1., 1.],
           [1., 1., 2., 1., 1.]])
    """
    xx = _check_2d(x, "the input")
    k = _check_2d(kernel, "the kernel")
    stride = _check_int(stride, "the stride", 1)
    dilation = _check_int(dilation, "the dilation", 1)
    (kh, kw), (h, w) = k.shape, xx.shape
    ho = transpose_output_size(h, kh, stride, padding, dilation)
    wo = transpose_output_size(w, kw, stride, padding, dilation)
    (top, _), (left, _) = resolve_padding(padding, kh, dilation), resolve_padding(padding, kw, dilation)
    full = np.zeros(((h - 1) * stride + dilation * (kh - 1) + 1, (w - 1) * stride + dilation * (kw - 1) + 1))
    for a in range(kh):  # the exact transpose of conv2d's loop: scatter where conv2d gathers
        for b in range(kw):
            r, c = a * dilation, b * dilation
            full[r:r + stride * (h - 1) + 1:stride, c:c + stride * (w - 1) + 1:stride] += k[a, b] * xx
    return full[top:top + ho, left:left + wo]


def resize_then_convolve(x: np.ndarray, kernel: np.ndarray, factor: int = 2) -> np.ndarray:
    """Upsample by nearest neighbour, then :func:`conv2d` at stride 1 with ``"same"`` padding.

    The alternative to a stride-``factor`` transposed convolution that Odena et al. recommend:
    every output pixel sees the same number of kernel taps, so a constant input gives a
    constant output away from the zero-padded border (no checkerboard).

    Parameters
    ----------
    x, kernel : array_like
        Real 2-D arrays.
    factor : int
        Upsampling factor (≥ 1); the output is ``factor`` times larger on each axis.

    Returns
    -------
    numpy.ndarray
        float64 array of shape ``(factor * H, factor * W)``.

    Examples
    --------
    >>> resize_then_convolve(np.ones((3, 3)), np.ones((3, 3)) / 9)[2:4, 2:4]
    array([[1., 1.],
           [1., 1.]])
    """
    factor = _check_int(factor, "the upsampling factor", 1)
    up = enlarge(_check_2d(x, "the input"), factor)
    return conv2d(up, kernel, stride=1, padding="same")


def checkerboard_score(output: np.ndarray, stride: int = 2, border: int = 0) -> float:
    """How unevenly the ``stride × stride`` phase sub-grids of ``output`` carry energy, 0 … 1.

    The output is split into its ``stride**2`` sub-grids ``output[i::stride, j::stride]``; the
    score is ``(max E - min E) / max E`` of their mean energies ``E = mean(value**2)``. For
    a constant input an even output scores 0; a transposed convolution whose kernel size is
    not a multiple of the stride scores above 0 (some sub-grids receive more kernel copies
    than others: the checkerboard pattern).

    Parameters
    ----------
    output : array_like
        Real 2-D array, e.g. from :func:`conv_transpose2d` of a constant input.
    stride : int
        Period of the pattern looked for (≥ 1).
    border : int
        Cells ignored on every side (≥ 0): pass ``k - 1`` to skip the frame where fewer input
        pixels contribute.

    Returns
    -------
    float
        0 for an output with equal energy in every phase (or all zero), up to 1.

    Raises
    ------
    ValueError
        If nothing is left after removing ``border`` or the rest is smaller than ``stride``.

    Examples
    --------
    >>> ones = np.ones((6, 6))
    >>> round(checkerboard_score(conv_transpose2d(ones, np.ones((3, 3)), 2), 2, border=2), 4)
    0.9375
    >>> checkerboard_score(conv_transpose2d(ones, np.ones((4, 4)), 2), 2, border=3)
    0.0
    """
    y = _check_2d(output, "the output")
    stride = _check_int(stride, "the stride", 1)
    border = _check_int(border, "the border", 0)
    inner = y[border:y.shape[0] - border, border:y.shape[1] - border]
    if min(inner.shape) < stride:
        raise ValueError(f"after a border of {border} the {y.shape[0]}×{y.shape[1]} output has no full "
                         f"{stride}×{stride} block left")
    energy = np.array([np.mean(inner[i::stride, j::stride] ** 2) for i in range(stride) for j in range(stride)])
    top = float(energy.max())
    return 0.0 if top == 0.0 else float((top - energy.min()) / top)


# ----------------------------------------------------------------------------- animation data
@dataclass(frozen=True)
class Footprint:
    """Where the kernel sits for one output cell (one frame of a convolution animation).

    Coordinates are in the *padded* input: with ``(before, after)`` from
    :func:`resolve_padding`, input pixel ``(i, j)`` is at ``(i + before, j + before)`` and the
    cells outside ``before … before + n - 1`` are the zeros of the padding.

    Attributes
    ----------
    out : tuple of int
        The output cell ``(row, col)``.
    top_left : tuple of int
        The padded-input cell under ``kernel[0, 0]``.
    cells : tuple of (int, int)
        The ``k*k`` padded-input cells under the kernel taps, in the kernel's row-major order
        (``dilation`` apart).
    """

    out: tuple[int, int]
    top_left: tuple[int, int]
    cells: tuple[tuple[int, int], ...]


def footprint_frames(n: int, k: int, stride: int = 1, padding: Padding = 0, dilation: int = 1) -> list[Footprint]:
    """The kernel's footprint for every output cell of an ``n × n`` input, in row-major output order.

    Pure data for a conv_arithmetic-style animation (the page draws it): one
    :class:`Footprint` per output cell, ``output_size(n, k, stride, padding, dilation)**2`` in
    all. The input and the kernel are square; the padding is the same on both axes.

    Parameters
    ----------
    n : int
        Input side, 1 … :data:`MAX_FOOTPRINT_SIDE`.
    k, stride, padding, dilation
        As for :func:`output_size`.

    Returns
    -------
    list of Footprint

    Examples
    --------
    >>> frames = footprint_frames(5, 3, stride=2, padding=1)
    >>> len(frames), frames[1].top_left, frames[1].cells[:3]
    (9, (0, 2), ((0, 2), (0, 3), (0, 4)))
    """
    n = _check_int(n, "the input size", 1)
    if n > MAX_FOOTPRINT_SIDE:
        raise ValueError(f"the input size must be at most {MAX_FOOTPRINT_SIDE} for an animation (got {n})")
    size = output_size(n, k, stride, padding, dilation)
    taps = [(a * dilation, b * dilation) for a in range(k) for b in range(k)]
    frames = []
    for i in range(size):
        for j in range(size):
            r, c = i * stride, j * stride
            frames.append(Footprint((i, j), (r, c), tuple((r + dr, c + dc) for dr, dc in taps)))
    return frames
