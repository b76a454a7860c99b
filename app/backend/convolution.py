"""Two-dimensional convolution of images with small kernels: direct, FFT and automatic.

This module is the numerical heart of ConvScope.  Everything here is pure numpy/scipy.

Conventions
-----------
Boundary modes
    ``BOUNDARIES = ("reflect", "zero", "wrap", "nearest")`` map to

    ========== ======================== ================== ======================
    boundary   extension                 ``scipy.ndimage``  ``numpy.pad``
    ========== ======================== ================== ======================
    reflect    ``d c b a | a b c d``     ``"reflect"``      ``"symmetric"``
    zero       ``0 0 0 0 | a b c d``     ``"constant"``     ``"constant"``
    wrap       ``a b c d | a b c d``     ``"wrap"``         (circular FFT)
    nearest    ``a a a a | a b c d``     ``"nearest"``      ``"edge"``
    ========== ======================== ================== ======================

Kernel centre (anchor)
    The kernel element ``kernel[kh // 2, kw // 2]`` sits on the output pixel, for odd *and*
    even sides.  This is ``scipy.ndimage``'s convention with ``origin=0`` for both
    ``convolve`` and ``correlate``: for an even side the anchor is the higher of the two
    middle indices, e.g. index 1 of ``[a, b]`` and index 2 of ``[a, b, c, d]``.  So with
    anchor ``(ay, ax)``::

        convolve:   out[i, j] = sum_{m, n} k[m, n] * x[i - (m - ay), j - (n - ax)]
        correlate:  out[i, j] = sum_{m, n} k[m, n] * x[i + (m - ay), j + (n - ax)]

dtype policy
    See :func:`working_dtype`: ``float32`` input stays ``float32`` (computed in single
    precision on the FFT path); every other real input (``float64``, integers, booleans,
    ``float16``) is computed and returned as ``float64``.  Complex input is rejected.

Accuracy
    The direct and FFT paths agree to ``1e-10 * scale`` in float64 and ``1e-5 * scale`` in
    float32, where ``scale = max(1, sum|kernel| * max|image|)`` (the largest value the output
    can take).
"""

from __future__ import annotations

import math
import os
from typing import Literal

import numpy as np
import scipy.fft as sp_fft
from scipy import ndimage

from ._validate import choice

__all__ = [
    "BOUNDARIES",
    "METHODS",
    "convolve",
    "choose_method",
    "working_dtype",
    "pad_image",
    "fft_shape",
    "rank1_factors",
    "inverse_crop",
]

Boundary = Literal["reflect", "zero", "wrap", "nearest"]
Method = Literal["auto", "direct", "fft"]

BOUNDARIES: tuple[str, ...] = ("reflect", "zero", "wrap", "nearest")
METHODS: tuple[str, ...] = ("auto", "direct", "fft")

_NDIMAGE_MODE = {"reflect": "reflect", "zero": "constant", "wrap": "wrap", "nearest": "nearest"}
_PAD_MODE = {"reflect": "symmetric", "zero": "constant", "wrap": "wrap", "nearest": "edge"}

# ---------------------------------------------------------------------------------------------
# Cost model for ``method="auto"`` (see :func:`choose_method`), in seconds.  Fitted with
# ``python -m app.bench --calibrate`` (best-of-N timings) on the project's 2-vCPU AVX-512
# machines, numpy 2.4 / scipy 1.17, float64.  Only the ratios matter for the choice.
# ---------------------------------------------------------------------------------------------
COST = {
    "direct_tap": 0.70e-9,  # ndimage.convolve: per output sample per kernel tap
    "direct_sample": 1.0e-9,  # ... plus per output sample
    "separable_tap": 0.50e-9,  # rank-1 kernel, two 1-D passes: per output sample per 1-D tap
    "separable_sample": 3.0e-9,  # ... plus per output sample
    "fft_nlogn": 0.40e-9,  # one real 2-D transform: per grid sample per log2(grid samples)
    # (0.40: the 0.50 fit made 512² FFTs look ~2x dearer than measured, so a separable 31×31
    # Gaussian at 512² ran direct at 1.25x the FFT's time; 2048² FFTs are still not underrated)
    "fft_sample": 4.0e-9,  # padding, spectral product, crop: per grid sample
    "direct_call": 2.0e-5,  # fixed cost per channel of a direct call
    "fft_call": 1.0e-4,  # fixed cost of an FFT call
    "float32_fft": 0.6,  # float32 FFTs relative to float64 (ndimage is not faster in float32)
}

#: Columns this short use ndimage's 2-D routine for the column pass of a separable kernel.
_SHORT_COLUMN = 7

#: Number of images samples from which the FFTs use two threads (``workers=2``).
FFT_THREADS_FROM: int = 1024 * 1024


# ---------------------------------------------------------------------------------------------
# validation and dtype policy
# ---------------------------------------------------------------------------------------------
def working_dtype(dtype: np.dtype | type) -> np.dtype:
    """The dtype in which an image of ``dtype`` is convolved and returned (the dtype policy).

    ``float32`` stays ``float32``; any other real dtype (``float64``, ``float16``, integers,
    booleans) becomes ``float64``.

    Examples
    --------
    >>> working_dtype(np.uint8), working_dtype(np.float32)
    (dtype('float64'), dtype('float32'))
    """
    dtype = np.dtype(dtype)
    if dtype.kind == "c":
        raise ValueError("complex images are not supported; pass a real array")
    if dtype.kind not in "biuf":
        raise ValueError(f"image dtype {dtype} is not numeric")
    return np.dtype(np.float32) if dtype == np.float32 else np.dtype(np.float64)


def _check_boundary(boundary: str) -> str:
    return choice(boundary, BOUNDARIES, "boundary")


def _check_method(method: str) -> str:
    return choice(method, METHODS, "method")


def _as_image(image: object, *, check_finite: bool = True) -> np.ndarray:
    """Validate an image and convert it to its working dtype (see :func:`working_dtype`)."""
    x = np.asarray(image)
    if x.ndim not in (2, 3):
        raise ValueError(f"image must be 2-D (H, W) or 3-D (H, W, C); got shape {x.shape}")
    if x.size == 0:
        raise ValueError(f"image is empty (shape {x.shape})")
    x = x.astype(working_dtype(x.dtype), copy=False)
    # a finite sum proves finite values (one pass, no temporary); only then is the slow check skipped
    if check_finite and not (np.isfinite(x.sum()) or np.isfinite(x).all()):
        raise ValueError("image contains NaN or infinite values")
    return x


def _as_kernel(kernel: object, dtype: np.dtype = np.dtype(np.float64)) -> np.ndarray:
    """Validate a kernel: real, 2-D, non-empty and finite; returned as ``dtype``."""
    k = np.asarray(kernel)
    if k.ndim != 2:
        raise ValueError(f"kernel must be 2-D; got {k.ndim}-D with shape {k.shape}")
    if k.size == 0:
        raise ValueError(f"kernel is empty (shape {k.shape})")
    if k.dtype.kind not in "biuf":
        raise ValueError(f"kernel must be real numbers; got dtype {k.dtype}")
    k = k.astype(dtype, copy=False)
    if not np.isfinite(k).all():
        raise ValueError("kernel contains NaN or infinite values")
    return k


def anchor(kernel_shape: tuple[int, int]) -> tuple[int, int]:
    """The kernel index that sits on the output pixel: ``(kh // 2, kw // 2)``.

    Examples
    --------
    >>> anchor((3, 4))
    (1, 2)
    """
    return (kernel_shape[0] // 2, kernel_shape[1] // 2)


def _fft_workers(n_samples: int) -> int:
    """Threads for scipy.fft: two from about 1024² samples up (faster there, slower below)."""
    return min(2, os.cpu_count() or 1) if n_samples >= FFT_THREADS_FROM else 1


# ---------------------------------------------------------------------------------------------
# separable kernels
# ---------------------------------------------------------------------------------------------
def rank1_factors(kernel: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """Column and row vectors ``(u, v)`` with ``kernel == np.outer(u, v)``, or ``None``.

    The test is exact up to rounding (relative ``1e-13``), so a separable path built on the
    factors agrees with the 2-D one to ``1e-12``.  Box, Gaussian, Sobel, Prewitt and motion
    (0°/90°) kernels are rank 1; Laplacians, discs and random kernels are not.

    Examples
    --------
    >>> u, v = rank1_factors(np.outer([1.0, 2.0, 1.0], [1.0, 0.0, -1.0]))
    >>> np.allclose(np.outer(u, v), [[1, 0, -1], [2, 0, -2], [1, 0, -1]])
    True
    """
    k = np.asarray(kernel, dtype=np.float64)
    if k.ndim != 2 or k.size == 0:
        return None
    i, j = np.unravel_index(np.argmax(np.abs(k)), k.shape)
    pivot = k[i, j]
    if pivot == 0.0:
        return None
    u = k[:, j] / pivot
    v = k[i, :].copy()
    residual = np.abs(k - np.outer(u, v)).max()
    if residual > 1e-13 * abs(pivot):
        return None
    return u, v


# ---------------------------------------------------------------------------------------------
# padding and FFT sizes (shared with analysis.ImageAnalysis)
# ---------------------------------------------------------------------------------------------
def pad_image(image: np.ndarray, pad: tuple[int, int], boundary: str) -> np.ndarray:
    """Pad the first two axes of ``image`` by ``pad = (py, px)`` on both sides, boundary-style.

    Examples
    --------
    >>> pad_image(np.array([[1.0, 2.0]]), (0, 2), "reflect")
    array([[2., 1., 1., 2., 2., 1.]])
    """
    py, px = pad
    widths = [(py, py), (px, px)] + [(0, 0)] * (image.ndim - 2)
    return np.pad(image, widths, mode=_PAD_MODE[_check_boundary(boundary)])


def fft_shape(shape: tuple[int, int]) -> tuple[int, int]:
    """Fast real-FFT sizes ``>= shape`` (``scipy.fft.next_fast_len(n, real=True)`` per axis).

    Examples
    --------
    >>> fft_shape((97, 100))
    (100, 100)
    """
    return (sp_fft.next_fast_len(int(shape[0]), real=True), sp_fft.next_fast_len(int(shape[1]), real=True))


def _fft_grid(image_shape: tuple[int, ...], pad: tuple[int, int], boundary: str) -> tuple[int, int]:
    """The FFT grid for an image padded by ``pad``: exact image size for ``wrap``."""
    if boundary == "wrap":
        return (int(image_shape[0]), int(image_shape[1]))
    return fft_shape((image_shape[0] + 2 * pad[0], image_shape[1] + 2 * pad[1]))


def kernel_rfft2(kernel: np.ndarray, grid: tuple[int, int], *, workers: int = 1) -> np.ndarray:
    """Half spectrum (rfft2 layout) of ``kernel`` placed at the top-left of a ``grid`` array.

    Cheaper than ``rfft2(kernel, s=grid)``: the row transform only runs over the ``kh``
    non-zero rows, and a rank-1 kernel costs two 1-D transforms and an outer product.
    Kernels wider or taller than the grid are folded (summed modulo the grid), which is what a
    circular convolution at that size does.

    Examples
    --------
    >>> k = np.array([[1.0, 2.0], [3.0, 4.0]])
    >>> np.allclose(kernel_rfft2(k, (4, 6)), np.fft.rfft2(k, s=(4, 6)))
    True
    >>> kernel_rfft2(k, (4, 6)).shape
    (4, 4)
    """
    n1, n2 = grid
    kh, kw = kernel.shape
    if kh > n1 or kw > n2:
        kernel = _fold(kernel, grid)
        kh, kw = kernel.shape
    factors = rank1_factors(kernel) if kh > 1 and kw > 1 else None
    if factors is not None:
        u, v = (f.astype(kernel.dtype, copy=False) for f in factors)
        return sp_fft.fft(u, n=n1)[:, None] * sp_fft.rfft(v, n=n2)[None, :]
    rows = sp_fft.rfft(kernel, n=n2, axis=1)
    return sp_fft.fft(rows, n=n1, axis=0, workers=workers)


def _fold(kernel: np.ndarray, grid: tuple[int, int]) -> np.ndarray:
    n1, n2 = min(grid[0], kernel.shape[0]), min(grid[1], kernel.shape[1])
    out = np.zeros((n1, n2), kernel.dtype)
    rows = np.arange(kernel.shape[0]) % n1
    cols = np.arange(kernel.shape[1]) % n2
    np.add.at(out, (rows[:, None], cols[None, :]), kernel)
    return out


def _flip_for_correlation(kernel: np.ndarray) -> tuple[np.ndarray, tuple[int, int]]:
    """Correlation with ``k`` == convolution with ``k[::-1, ::-1]`` anchored at ``k-1-a``."""
    kh, kw = kernel.shape
    ay, ax = anchor(kernel.shape)
    return kernel[::-1, ::-1], (kh - 1 - ay, kw - 1 - ax)


def _convolution_taps(kernel: np.ndarray, correlate: bool) -> tuple[np.ndarray, tuple[int, int]]:
    """The convolution kernel and its anchor that implement the requested operation."""
    if correlate:
        return _flip_for_correlation(kernel)
    return kernel, anchor(kernel.shape)


# ---------------------------------------------------------------------------------------------
# cost model
# ---------------------------------------------------------------------------------------------
def _direct_cost(image_shape: tuple[int, ...], kernel_shape: tuple[int, int], separable: bool) -> float:
    h, w = image_shape[:2]
    c = image_shape[2] if len(image_shape) == 3 else 1
    kh, kw = kernel_shape
    n = h * w * c
    if separable and kh > 1 and kw > 1:
        per_sample = COST["separable_sample"] + COST["separable_tap"] * (kh + kw)
    else:
        per_sample = COST["direct_sample"] + COST["direct_tap"] * kh * kw
    return COST["direct_call"] * c + n * per_sample


def _fft_cost(image_shape: tuple[int, ...], kernel_shape: tuple[int, int], boundary: str, itemsize: int) -> float:
    c = image_shape[2] if len(image_shape) == 3 else 1
    n1, n2 = _fft_grid(image_shape, anchor(kernel_shape), boundary)
    size = n1 * n2
    scale = COST["float32_fft"] if itemsize == 4 else 1.0
    if _fft_workers(size) > 1:
        scale *= 0.7
    transforms = 2 * c + 0.5  # forward + inverse per channel, half a kernel transform
    return COST["fft_call"] + size * c * COST["fft_sample"] + scale * COST["fft_nlogn"] * size * math.log2(max(size, 2)) * transforms


def choose_method(
    image_shape: tuple[int, ...],
    kernel_shape: tuple[int, int],
    *,
    separable: bool = False,
    boundary: str = "reflect",
    dtype: np.dtype | type = np.float64,
) -> str:
    """Pick ``"direct"`` or ``"fft"`` for ``convolve(method="auto")`` from a cost model.

    Like :func:`scipy.signal.choose_conv_method` (which times or estimates the two methods
    of :func:`scipy.signal.convolve`), but calibrated here by measurement
    (``python -m app.bench --calibrate`` fits the constants in :data:`COST`) and aware of
    separable kernels:

    * direct, full kernel: ``n_out * (1.0 + 0.7 kh kw) ns`` (``scipy.ndimage.convolve``);
    * direct, rank-1 kernel (more than 9 taps): ``n_out * (3 + 0.5 (kh + kw)) ns`` (two 1-D
      passes);
    * FFT: ``(2 C + 0.5) * 0.4 ns * N log2 N + 4 ns * N * C + 100 µs`` on the padded fast
      grid of ``N`` samples (forward and inverse real transform per channel, half a kernel
      transform, padding and the spectral product); FFTs cost ×0.6 in float32.

    The cheaper estimate wins.  Typically FFT wins from 7×7 (full kernels, float64); a
    separable kernel (two 1-D passes) stays direct up to ~15×15–21×21.

    Examples
    --------
    >>> choose_method((512, 512), (3, 3))
    'direct'
    >>> choose_method((512, 512), (31, 31))
    'fft'
    """
    if len(image_shape) not in (2, 3) or len(kernel_shape) != 2:
        raise ValueError("image_shape must be (H, W) or (H, W, C) and kernel_shape (kh, kw)")
    itemsize = np.dtype(dtype).itemsize
    direct = _direct_cost(tuple(image_shape), tuple(kernel_shape), separable)
    fft = _fft_cost(tuple(image_shape), tuple(kernel_shape), boundary, itemsize)
    return "direct" if direct <= fft else "fft"


# ---------------------------------------------------------------------------------------------
# the two engines
# ---------------------------------------------------------------------------------------------
def _direct_channel(
    x: np.ndarray, kernel: np.ndarray, mode: str, correlate: bool, factors: tuple[np.ndarray, np.ndarray] | None
) -> np.ndarray:
    if factors is None:
        return (ndimage.correlate if correlate else ndimage.convolve)(x, kernel, mode=mode)
    u, v = factors
    # rows (contiguous) with the 1-D routine; columns with the 2-D routine on a (kh, 1) kernel
    # for short columns (ndimage's strided 1-D pass costs ~10 ns/sample there), else 1-D
    rows = (ndimage.correlate1d if correlate else ndimage.convolve1d)(x, v, axis=1, mode=mode)
    if len(u) <= _SHORT_COLUMN:
        return (ndimage.correlate if correlate else ndimage.convolve)(rows, u[:, None], mode=mode)
    return (ndimage.correlate1d if correlate else ndimage.convolve1d)(rows, u, axis=0, mode=mode)


def _convolve_direct(
    x: np.ndarray, kernel: np.ndarray, boundary: str, correlate: bool, factors: tuple[np.ndarray, np.ndarray] | None
) -> np.ndarray:
    mode = _NDIMAGE_MODE[boundary]
    if x.ndim == 2:
        return _direct_channel(x, kernel, mode, correlate, factors)
    out = np.empty_like(x)
    for c in range(x.shape[2]):
        out[..., c] = _direct_channel(np.ascontiguousarray(x[..., c]), kernel, mode, correlate, factors)
    return out


def inverse_crop(
    spec: np.ndarray, grid: tuple[int, int], start: tuple[int, int], size: tuple[int, int], *, circular: bool, workers: int = 1
) -> np.ndarray:
    """``irfft2(spec, s=grid)[r0:r0+h, c0:c0+w]`` over the last two axes, computing only those rows.

    The column transform runs in place (``spec`` is overwritten); the row transform only over
    the ``h`` rows that are kept.  ``circular`` wraps the crop around the grid.

    Examples
    --------
    >>> y = np.arange(12.0).reshape(3, 4)
    >>> inverse_crop(np.fft.rfft2(y), (3, 4), (1, 1), (2, 2), circular=False).round(6)
    array([[ 5.,  6.],
           [ 9., 10.]])
    """
    n1, n2 = grid
    (r0, c0), (h, w) = start, size
    z = sp_fft.ifft(spec, axis=-2, workers=workers, overwrite_x=True)
    if circular:
        rows = np.arange(r0, r0 + h) % n1
        y = sp_fft.irfft(z[..., rows, :], n=n2, axis=-1, workers=workers)
        return y[..., np.arange(c0, c0 + w) % n2]
    y = sp_fft.irfft(z[..., r0 : r0 + h, :], n=n2, axis=-1, workers=workers)
    return y[..., c0 : c0 + w]


def _convolve_fft(x: np.ndarray, kernel: np.ndarray, boundary: str, correlate: bool) -> np.ndarray:
    h, w = x.shape[:2]
    taps, (ay, ax) = _convolution_taps(kernel.astype(x.dtype, copy=False), correlate)
    pad = (0, 0) if boundary == "wrap" else anchor(kernel.shape)  # k // 2 covers both sides
    xp = x if boundary == "wrap" else pad_image(x, pad, boundary)
    if x.ndim == 3:  # channels first: every transform runs over contiguous planes
        xp = np.ascontiguousarray(np.moveaxis(xp, 2, 0))
    grid = _fft_grid(x.shape, pad, boundary)
    workers = _fft_workers(grid[0] * grid[1])
    hk = kernel_rfft2(taps, grid, workers=workers)
    spec = sp_fft.rfft2(xp, s=grid, axes=(-2, -1), workers=workers)
    spec *= hk
    # the kernel sits at the top-left, so output pixel i is at padded index i + pad + anchor
    y = inverse_crop(spec, grid, (pad[0] + ay, pad[1] + ax), (h, w), circular=boundary == "wrap", workers=workers)
    return np.ascontiguousarray(np.moveaxis(y, 0, 2)) if x.ndim == 3 else y


# ---------------------------------------------------------------------------------------------
# public entry point
# ---------------------------------------------------------------------------------------------
def convolve(
    image: np.ndarray,
    kernel: np.ndarray,
    *,
    boundary: Boundary = "reflect",
    correlate: bool = False,
    method: Method = "auto",
) -> np.ndarray:
    """Convolve (or correlate) an image with a 2-D kernel; the output has the image's shape.

    Parameters
    ----------
    image : array_like, shape (H, W) or (H, W, C)
        Real, finite pixel values.  Colour channels are filtered independently.
    kernel : array_like, shape (kh, kw)
        Real, finite and non-empty.  Its anchor is ``(kh // 2, kw // 2)`` (see the module
        docstring), as in :mod:`scipy.ndimage`.  It may be larger than the image (a 15×15
        kernel on a 1×1 image): the boundary then extends the image as far as needed, exactly
        as ``scipy.ndimage`` does (repeated reflections, repeated tiles, edge values or zeros).
    boundary : {"reflect", "zero", "wrap", "nearest"}
        How the image is extended beyond its edges; equal to ``scipy.ndimage`` modes
        ``reflect``, ``constant`` (``cval=0``), ``wrap`` and ``nearest``.
    correlate : bool
        Cross-correlate (no kernel flip), as CNN layers and ``cv2.filter2D`` do.
    method : {"auto", "direct", "fft"}
        ``direct`` runs :mod:`scipy.ndimage` (two 1-D passes for rank-1 kernels); ``fft`` pads
        the image by the kernel radius in the boundary's own way and multiplies real spectra
        at fast sizes (``wrap`` is circular at exactly the image size); ``auto`` asks
        :func:`choose_method`.

    Returns
    -------
    numpy.ndarray
        Same shape as ``image``; ``float32`` for ``float32`` input, otherwise ``float64``
        (see :func:`working_dtype`).

    Raises
    ------
    ValueError
        Bad shapes, NaN/inf values, or an unknown ``boundary``/``method`` (the message lists
        the choices).

    Examples
    --------
    >>> x = np.zeros((5, 5)); x[2, 2] = 1.0
    >>> convolve(x, np.full((3, 3), 1 / 9))[1:4, 1:4].round(3)
    array([[0.111, 0.111, 0.111],
           [0.111, 0.111, 0.111],
           [0.111, 0.111, 0.111]])

    A kernel larger than the image is fine; here a 1×1 image with ``reflect`` is a constant:

    >>> convolve(np.array([[2.0]]), np.ones((5, 5)) / 25)
    array([[2.]])
    """
    _check_boundary(boundary)
    _check_method(method)
    x = _as_image(image)
    k = _as_kernel(kernel)
    factors = rank1_factors(k) if min(k.shape) > 1 and k.size > 9 else None
    if method == "auto":
        method = choose_method(x.shape, k.shape, separable=factors is not None, boundary=boundary, dtype=x.dtype)
    if method == "direct":
        out = _convolve_direct(x, k, boundary, bool(correlate), factors)
    else:
        out = _convolve_fft(x, k, boundary, bool(correlate))
    return out.astype(x.dtype, copy=False)
