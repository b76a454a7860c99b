"""Kernel edit actions for the teaching tools: normalise, zero-mean, flip, transpose, resize, draw.

Pure numpy (the kernels package is the lowest floor).  Every function takes a 2-D real
array and returns a *new* float64 array; invalid input raises :class:`KernelError` with a
one-line message a page can show next to the widget (the page keeps its previous kernel).

Centre convention
    As everywhere in ConvScope (and :mod:`scipy.ndimage`), the element
    ``kernel[kh // 2, kw // 2]`` sits on the output pixel.  :func:`resize` with
    ``method="pad"`` keeps that element on the same image offset, so padding a kernel with
    zeros never changes what it does.
"""

from __future__ import annotations

import math

import numpy as np

from kernels.parse import as_kernel as _parse_as_kernel
from kernels.spec import MAX_KERNEL_SIDE, KernelError

__all__ = [
    "RESIZE_METHODS",
    "MAX_EDIT_SIDE",
    "as_kernel",
    "normalise",
    "zero_mean",
    "complement",
    "flip",
    "transpose",
    "resize",
    "area_resample",
    "canvas_ink",
    "rasterise_canvas",
    "dc_gain",
]

#: Ways :func:`resize` changes a kernel's size.
RESIZE_METHODS: tuple[str, ...] = ("pad", "resample")

#: Largest side the grid editor and the canvas produce (the backend accepts up to 63).
MAX_EDIT_SIDE: int = 31

#: A sum whose magnitude is below this fraction of ``sum(|k|)`` counts as zero.
_ZERO_SUM_RTOL = 1e-9


def as_kernel(values: object, *, max_side: int = MAX_KERNEL_SIDE) -> np.ndarray:
    """Validate ``values`` as a kernel: real, 2-D, non-empty, finite, sides ≤ ``max_side``.

    Same checks and messages as :func:`kernels.parse.as_kernel`; 1-D input becomes one row.
    Returns a float64 copy.

    Examples
    --------
    >>> as_kernel([1, 2, 1])
    array([[1., 2., 1.]])
    """
    k = _parse_as_kernel(values)
    if max(k.shape) > max_side:
        raise KernelError(f"The kernel is {k.shape[0]}×{k.shape[1]}; the largest side allowed here is {max_side}.",
                          "kernel_side", rows=k.shape[0], cols=k.shape[1], max=max_side)
    return np.array(k, dtype=np.float64)


def dc_gain(kernel: object) -> float:
    """The kernel's response at zero frequency (the sum of its weights).

    Examples
    --------
    >>> dc_gain([[0, 1, 0], [1, -4, 1], [0, 1, 0]])
    0.0
    """
    return float(np.sum(as_kernel(kernel)))


def normalise(kernel: object) -> np.ndarray:
    """Scale the kernel so its weights sum to 1 (flat areas keep their brightness).

    A kernel whose sum is zero (or numerically zero: below ``1e-9 × sum|k|``) — every
    high-pass kernel, or an all-zero grid — cannot be normalised: :class:`KernelError`.

    Examples
    --------
    >>> normalise([[1, 2, 1]])
    array([[0.25, 0.5 , 0.25]])
    """
    k = as_kernel(kernel)
    total = float(k.sum())
    scale = float(np.abs(k).sum())
    if scale == 0.0:
        raise KernelError("The kernel is all zeros; it cannot be normalised.", "kernel_zeros")
    if abs(total) <= _ZERO_SUM_RTOL * scale:
        raise KernelError("The kernel's weights sum to zero; it cannot be normalised to sum 1.", "kernel_zero_sum")
    return k / total


def zero_mean(kernel: object) -> np.ndarray:
    """Subtract the mean weight so the weights sum to 0: the DC response becomes 0.

    A blur larger than 3×3 becomes a band-pass (a Gaussian turns into a "Mexican hat": zero at
    DC, still small for the finest detail, so its gain peaks in between).  A constant kernel
    (e.g. a box blur) has nothing left after its mean is removed: :class:`KernelError` —
    use :func:`complement` ("identity − blur") for that.

    Examples
    --------
    >>> zero_mean([[1, 2, 3]])
    array([[-1.,  0.,  1.]])
    """
    k = as_kernel(kernel)
    out = k - k.mean()
    out[np.abs(out) <= 1e-15 * max(1.0, float(np.abs(k).max()))] = 0.0
    if not out.any():
        raise KernelError("The kernel is constant; removing its mean leaves only zeros.", "kernel_constant")
    return out


def complement(kernel: object) -> np.ndarray:
    """Identity minus the normalised kernel: ``δ − k / sum(k)``, the complementary high-pass.

    Convolving with it gives ``image − low-pass part``: the detail a blur removes.  Its DC
    response is 0.  The kernel must be normalisable (non-zero sum).

    Examples
    --------
    >>> complement([[1, 1, 1]])
    array([[-0.33333333,  0.66666667, -0.33333333]])
    """
    k = normalise(kernel)
    out = -k
    out[k.shape[0] // 2, k.shape[1] // 2] += 1.0
    return out


def flip(kernel: object) -> np.ndarray:
    """Rotate by 180° (``k[::-1, ::-1]``): turns convolution into correlation and back.

    For odd sides ``convolve(x, flip(k)) == correlate(x, k)`` exactly; for an even side the
    anchor moves by one pixel, so the result is shifted by one pixel along that axis.

    Examples
    --------
    >>> flip([[1, 2], [3, 4]])
    array([[4., 3.],
           [2., 1.]])
    """
    return as_kernel(kernel)[::-1, ::-1].copy()


def transpose(kernel: object) -> np.ndarray:
    """Swap rows and columns (a vertical edge detector becomes a horizontal one).

    Examples
    --------
    >>> transpose([[1.0, 0.0, -1.0]])
    array([[ 1.],
           [ 0.],
           [-1.]])
    """
    return as_kernel(kernel).T.copy()


def _pad_crop_axis(k: np.ndarray, n: int, axis: int) -> np.ndarray:
    m = k.shape[axis]
    before = n // 2 - m // 2  # keeps the anchor (side // 2) on the same offset
    after = n - m - before
    if before < 0:
        k = np.take(k, range(-before, m), axis=axis)
        before = 0
    if after < 0:
        k = np.take(k, range(0, k.shape[axis] + after), axis=axis)
        after = 0
    widths = [(0, 0), (0, 0)]
    widths[axis] = (before, after)
    return np.pad(k, widths)


def _area_axis(x: np.ndarray, n: int, axis: int) -> np.ndarray:
    """Resample one axis to ``n`` cells, each taking the *mass* that falls in it."""
    m = x.shape[axis]
    if m == n:
        return x
    moved = np.moveaxis(x, axis, 0)
    cum = np.concatenate([np.zeros((1,) + moved.shape[1:]), np.cumsum(moved, axis=0)], axis=0)
    edges = np.arange(n + 1) * (m / n)
    grid = np.arange(m + 1, dtype=np.float64)
    flat = cum.reshape(m + 1, -1)
    at = np.stack([np.interp(edges, grid, flat[:, j]) for j in range(flat.shape[1])], axis=1)
    out = np.diff(at, axis=0).reshape((n,) + moved.shape[1:])
    return np.moveaxis(out, 0, axis)


def area_resample(values: np.ndarray, shape: tuple[int, int], *, mean: bool = False) -> np.ndarray:
    """Resample a 2-D array to ``shape`` by area: each new cell gets the mass over its area.

    The input is treated as piecewise constant over unit cells.  The total (sum) is
    preserved; with ``mean=True`` each cell holds the *average* over its area instead
    (what rasterising a drawing needs).

    Examples
    --------
    >>> area_resample(np.ones((4, 4)), (2, 2))
    array([[4., 4.],
           [4., 4.]])
    >>> area_resample(np.ones((4, 4)), (2, 2), mean=True)
    array([[1., 1.],
           [1., 1.]])
    """
    x = np.asarray(values, dtype=np.float64)
    h, w = int(shape[0]), int(shape[1])
    if h < 1 or w < 1:
        raise KernelError("The new size must be at least 1×1.", "kernel_resize_small")
    out = _area_axis(_area_axis(x, h, 0), w, 1)
    if mean:
        out = out * (h * w) / (x.shape[0] * x.shape[1])
    return out


def resize(kernel: object, shape: tuple[int, int] | int, *, method: str = "pad") -> np.ndarray:
    """Change the kernel's size.

    ``method="pad"`` (default) pads with zeros or crops, keeping the centre element
    ``(kh // 2, kw // 2)`` on the same pixel: growing never changes the output, shrinking
    cuts the outer weights (a cropped Gaussian loses its tails).

    ``method="resample"`` stretches the kernel's shape to the new size by area
    (:func:`area_resample`): the kernel is treated as a piecewise-constant function over its
    cells, each new cell takes the weight that falls in it, so the sum (DC gain) is kept and
    a 3×3 box becomes a 9×9 box of the same total.

    Examples
    --------
    >>> resize([[1.0]], 3)
    array([[0., 0., 0.],
           [0., 1., 0.],
           [0., 0., 0.]])
    >>> resize(np.full((2, 2), 0.25), 4, method="resample").sum()
    np.float64(1.0)
    """
    k = as_kernel(kernel)
    if isinstance(shape, (int, np.integer)):
        shape = (int(shape), int(shape))
    h, w = (int(s) for s in shape)
    if not (1 <= h <= MAX_KERNEL_SIDE and 1 <= w <= MAX_KERNEL_SIDE):
        raise KernelError(f"The new size must be between 1 and {MAX_KERNEL_SIDE}.", "kernel_resize_range", max=MAX_KERNEL_SIDE)
    if method == "pad":
        return _pad_crop_axis(_pad_crop_axis(k, h, 0), w, 1)
    if method == "resample":
        return area_resample(k, (h, w))
    raise KernelError(f"Unknown resize method {method!r}; choose one of {', '.join(RESIZE_METHODS)}.",
                      "kernel_resize_method", value=repr(method), options=", ".join(RESIZE_METHODS))


def canvas_ink(rgba: object, *, signed: bool = False) -> np.ndarray:
    """Ink per canvas pixel from an RGBA drawing on a transparent background, in [0, 1].

    The ink is the pixel's opacity (alpha / 255), so any stroke colour counts and
    anti-aliased stroke edges give partial weights.  With ``signed=True`` the ink takes the
    sign of ``red − blue``: strokes drawn in red are positive weights, in blue negative
    (``alpha × (R − B) / 255``), in [-1, 1].  An RGB (no alpha) or grey array is read as
    brightness (white ink on black).

    Examples
    --------
    >>> rgba = np.zeros((2, 2, 4), np.uint8); rgba[0, 0] = (0, 0, 0, 255)  # one opaque black pixel
    >>> canvas_ink(rgba)
    array([[1., 0.],
           [0., 0.]])
    """
    a = np.asarray(rgba)
    if a.ndim == 2:
        return a.astype(np.float64) / (255.0 if a.dtype == np.uint8 else 1.0)
    if a.ndim != 3 or a.shape[2] not in (3, 4) or a.size == 0:
        raise KernelError(f"Expected an RGBA drawing (H, W, 4); got shape {a.shape}.", "kernel_canvas_shape",
                          shape=str(a.shape))
    x = a.astype(np.float64) / (255.0 if a.dtype == np.uint8 else 1.0)
    if a.shape[2] == 3:
        ink = x.max(axis=2)
        return (x[..., 0] - x[..., 2]) if signed else ink
    alpha = x[..., 3]
    if signed:
        return alpha * (x[..., 0] - x[..., 2])
    return alpha


def rasterise_canvas(
    rgba: object,
    size: int | tuple[int, int],
    *,
    normalise_sum: bool = True,
    signed: bool = False,
    crop: bool = False,
) -> np.ndarray:
    """Turn a canvas drawing into kernel weights of ``size`` (odd or even, ≤ 31).

    The canvas is divided into ``kh × kw`` cells and each weight is the cell's mean ink
    (area average, see :func:`canvas_ink` and :func:`area_resample`): a thick stroke fills
    its cells, a thin one gives partial weights.  ``crop=True`` first crops the canvas to a
    square around the ink so a small drawing still fills the kernel.  With
    ``normalise_sum`` the weights are scaled to sum 1 (a drawn blur keeps brightness); an
    empty canvas (or, signed, one whose ink cancels) cannot be normalised: KernelError.

    Examples
    --------
    >>> canvas = np.zeros((90, 90, 4), np.uint8); canvas[40:50, :, 3] = 255
    >>> rasterise_canvas(canvas, 3).round(3)
    array([[0.   , 0.   , 0.   ],
           [0.333, 0.333, 0.333],
           [0.   , 0.   , 0.   ]])
    """
    if isinstance(size, (int, np.integer)):
        size = (int(size), int(size))
    kh, kw = (int(s) for s in size)
    if not (1 <= kh <= MAX_EDIT_SIDE and 1 <= kw <= MAX_EDIT_SIDE):
        raise KernelError(f"The kernel size must be between 1 and {MAX_EDIT_SIDE}.", "kernel_draw_size", max=MAX_EDIT_SIDE)
    ink = canvas_ink(rgba, signed=signed)
    if crop:
        ink = _crop_to_ink(ink)
    weights = area_resample(ink, (kh, kw), mean=True)
    weights[np.abs(weights) < 1e-12] = 0.0
    if normalise_sum:
        if not weights.any():
            raise KernelError("The canvas is empty; draw something first.", "kernel_canvas_empty")
        return normalise(weights)
    return weights


def _crop_to_ink(ink: np.ndarray) -> np.ndarray:
    """The smallest square (centred on the ink's bounding box) holding all the ink."""
    rows = np.flatnonzero(np.abs(ink).max(axis=1) > 0)
    cols = np.flatnonzero(np.abs(ink).max(axis=0) > 0)
    if rows.size == 0:
        return ink
    r0, r1, c0, c1 = rows[0], rows[-1] + 1, cols[0], cols[-1] + 1
    side = max(r1 - r0, c1 - c0)
    cy, cx = (r0 + r1) / 2, (c0 + c1) / 2
    top, left = int(math.floor(cy - side / 2)), int(math.floor(cx - side / 2))
    padded = np.pad(ink, side)
    return padded[top + side : top + 2 * side, left + side : left + 2 * side]
