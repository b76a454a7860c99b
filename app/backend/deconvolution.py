"""Undo a blur: blur model, inverse filter, Wiener filter and the search for the best Wiener K.

The engine of the Fourier Lab's deconvolution section.  Pure numpy/scipy.

The model is circular: ``g = h ⊛ x + n`` on the image grid (``boundary="wrap"``), so in the
frequency domain ``G = H · X + N`` exactly, with ``H`` the kernel's transfer function
(:func:`transfer_function`, kernel anchor at the origin, the convention of
:func:`~app.backend.convolution.convolve`).  The restorations divide by ``H``:

* inverse filter ``X̂ = G / H`` (frequencies where ``|H| < eps`` are set to 0 and reported:
  there the division explodes);
* Wiener filter ``X̂ = G · conj(H) / (|H|² + K)``; ``K`` is the noise-to-signal power ratio
  (``K → 0`` is the inverse filter, larger ``K`` smooths more).

A blur made with another boundary (``reflect``) breaks the model at the image edges, which
then ring after deconvolution — the reason the model is stated.

Images may be grey ``(H, W)`` or colour ``(H, W, C)`` (channels restored independently).
Errors are computed in the frequency domain by Parseval's theorem, which is exact and needs
no inverse transform per ``K``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import scipy.fft as sp_fft
from scipy.optimize import minimize_scalar

from ._validate import finite_number, shape2, whole_number
from .convolution import _as_image, _as_kernel, convolve
from .spectra import _response_half, full_from_half

__all__ = [
    "WienerOptimum",
    "DEFAULT_K_GRID",
    "blur",
    "transfer_function",
    "inverse_filter",
    "wiener_filter",
    "optimal_wiener_k",
    "restoration_curve",
]

#: Default coarse grid of Wiener K for :func:`optimal_wiener_k`: 4 per decade, 1e-10 .. 10.
DEFAULT_K_GRID: np.ndarray = np.logspace(-10, 1, 45)
DEFAULT_K_GRID.setflags(write=False)

#: Default ``eps`` of :func:`inverse_filter`: frequencies with ``|H| < eps`` are not inverted.
DEFAULT_EPS = 1e-3


# ---------------------------------------------------------------------------------------------
# validation and spectra
# ---------------------------------------------------------------------------------------------
def _image(image: object, what: str = "image") -> np.ndarray:
    try:
        return _as_image(image).astype(np.float64, copy=False)
    except ValueError as exc:
        raise ValueError(f"{what}: {exc}") from None


def _check_fits(image_shape: tuple[int, ...], kernel_shape: tuple[int, ...]) -> None:
    """The circular blur model puts the kernel on the image's own grid: it must fit in it."""
    if kernel_shape[0] > image_shape[0] or kernel_shape[1] > image_shape[1]:
        raise ValueError(
            f"kernel {kernel_shape[0]}x{kernel_shape[1]} is larger than the image "
            f"{image_shape[0]}x{image_shape[1]} (the circular blur model needs it to fit)"
        )


def _setup(blurred: object, kernel: object) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(g, G, H)``: the image, its rfft2 over the first two axes, and H broadcastable to G."""
    g = _image(blurred, "blurred")
    k = _as_kernel(kernel)
    _check_fits(g.shape, k.shape)
    spec_g = sp_fft.rfft2(g, axes=(0, 1))
    h = _response_half(k, g.shape[:2], False)
    return g, spec_g, h[..., None] if g.ndim == 3 else h


def _clean_spectrum(clean: object, shape: tuple[int, ...]) -> np.ndarray:
    x = _image(clean, "clean")
    if x.shape != shape:
        raise ValueError(f"clean image shape {x.shape} differs from the blurred image's {shape}")
    return sp_fft.rfft2(x, axes=(0, 1))


def _half_weights(shape: tuple[int, ...]) -> np.ndarray:
    """Parseval weights of rfft2 columns: mirrored columns count twice."""
    w = shape[1]
    weights = np.full(w // 2 + 1, 2.0)
    weights[0] = 1.0
    if w % 2 == 0:
        weights[-1] = 1.0
    return weights[:, None] if len(shape) == 3 else weights


def _rmse_from_spectrum(err: np.ndarray, shape: tuple[int, ...], weights: np.ndarray) -> float:
    """RMSE of ``irfft2(err)`` over ``shape`` from its half spectrum (Parseval)."""
    n_pix = shape[0] * shape[1]
    energy = float((weights * (err.real**2 + err.imag**2)).sum())
    return math.sqrt(max(energy, 0.0) / (n_pix * n_pix * (shape[2] if len(shape) == 3 else 1)))


def _inverse(spec: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    return sp_fft.irfft2(spec, s=shape[:2], axes=(0, 1))


# ---------------------------------------------------------------------------------------------
# the blur model
# ---------------------------------------------------------------------------------------------
def blur(
    image: np.ndarray,
    kernel: np.ndarray,
    boundary: str = "wrap",
    noise_sigma: float = 0.0,
    seed: int = 0,
) -> np.ndarray:
    """Blur an image with a kernel and add white Gaussian noise: ``g = h * x + n``.

    Parameters
    ----------
    image : ndarray, shape (H, W) or (H, W, C)
    kernel : ndarray, shape (kh, kw)
        Anchored at ``(kh // 2, kw // 2)``, as in :func:`~app.backend.convolution.convolve`.
    boundary : str
        ``"wrap"`` (the circular model the restorations assume) or another boundary of
        :data:`~app.backend.convolution.BOUNDARIES` (``"reflect"`` shows what breaking the
        model costs).
    noise_sigma : float
        Standard deviation of the added noise (0 = none); the result is not clipped.
    seed : int
        Seed of the :func:`numpy.random.default_rng` that draws the noise.

    Returns
    -------
    ndarray
        float64, the image's shape.

    Examples
    --------
    >>> x = np.zeros((5, 5)); x[0, 0] = 1.0
    >>> blur(x, np.full((3, 3), 1 / 9))[4, 4].round(4)  # wraps around the corner
    np.float64(0.1111)
    >>> a = blur(x, np.ones((1, 1)), noise_sigma=0.1, seed=3)
    >>> bool(np.array_equal(a, blur(x, np.ones((1, 1)), noise_sigma=0.1, seed=3)))
    True
    """
    x = _image(image)
    sigma = finite_number(noise_sigma, "noise_sigma", lo=0.0)
    seed = whole_number(seed, "seed", lo=0)
    out = convolve(x, kernel, boundary=boundary)
    if sigma > 0:
        out = out + np.random.default_rng(seed).normal(0.0, sigma, size=out.shape)
    return out


def transfer_function(kernel: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """The kernel's DFT ``H`` on an image grid, centred, with the kernel anchor at the origin.

    ``convolve(x, kernel, boundary="wrap")`` equals ``ifft2(fft2(x) · H)`` exactly (with
    ``H`` uncentred), so dividing by ``H`` undoes a wrap blur.  Same values as
    :func:`~app.backend.spectra.frequency_response`; the kernel must fit in the grid.

    Examples
    --------
    >>> h = transfer_function(np.full((3, 3), 1 / 9), (9, 9))  # zeros at 1/3 cycle/pixel
    >>> round(float(h[4, 4].real), 12), round(float(np.abs(h).min()), 6)
    (1.0, 0.0)
    """
    k = _as_kernel(kernel)
    h, w = shape2(shape)
    _check_fits((h, w), k.shape)
    return full_from_half(_response_half(k, (h, w), False), w)


# ---------------------------------------------------------------------------------------------
# restorations
# ---------------------------------------------------------------------------------------------
def inverse_filter(
    blurred: np.ndarray, kernel: np.ndarray, eps: float = DEFAULT_EPS
) -> tuple[np.ndarray, np.ndarray]:
    """Restore with the (truncated) inverse filter ``X̂ = G / H``.

    Parameters
    ----------
    blurred : ndarray, shape (H, W) or (H, W, C)
    kernel : ndarray, shape (kh, kw)
    eps : float
        Frequencies with ``|H| < eps`` are set to 0 instead of divided (``eps = 0``: only
        exact zeros).  ``|H|`` is 1 at DC for a kernel that sums to 1.  Just above ``eps``
        the division still multiplies the noise by up to ``1 / eps``.

    Returns
    -------
    restored : ndarray
        float64, the input's shape (not clipped).
    suppressed : ndarray of bool, shape (H, W)
        Where ``|H| < eps``, centred layout (as :func:`transfer_function`).

    Examples
    --------
    >>> x = np.random.default_rng(0).random((16, 16))
    >>> k = np.array([[0.0, 0.1, 0.0], [0.1, 0.6, 0.1], [0.0, 0.1, 0.0]])
    >>> restored, suppressed = inverse_filter(blur(x, k), k)
    >>> bool(np.abs(restored - x).max() < 1e-10), int(suppressed.sum())
    (True, 0)
    """
    g, spec, h = _setup(blurred, kernel)
    eps = finite_number(eps, "eps", lo=0.0)
    mag = np.abs(h)
    keep = mag >= eps if eps > 0 else mag > 0
    restored = _inverse(np.divide(spec, h, out=np.zeros_like(spec), where=keep), g.shape)
    small = ~keep[..., 0] if g.ndim == 3 else ~keep
    return restored, full_from_half(small, g.shape[1])


def _wiener_gain(h: np.ndarray, k: float) -> np.ndarray:
    denom = h.real**2 + h.imag**2 + k
    return np.divide(np.conj(h), denom, out=np.zeros_like(h), where=denom > 0)


def wiener_filter(blurred: np.ndarray, kernel: np.ndarray, k: float) -> np.ndarray:
    """Restore with the Wiener filter ``X̂ = G · conj(H) / (|H|² + K)``.

    Parameters
    ----------
    blurred : ndarray, shape (H, W) or (H, W, C)
    kernel : ndarray, shape (kh, kw)
    k : float
        ``K >= 0``, the noise-to-signal power ratio; 0 is the inverse filter (exact zeros
        of ``H`` give 0).

    Returns
    -------
    ndarray
        float64, the input's shape (not clipped).

    Examples
    --------
    >>> x = np.random.default_rng(0).random((16, 16))
    >>> k = np.full((3, 3), 1 / 9)
    >>> g = blur(x, k, noise_sigma=0.01)
    >>> err = [float(np.sqrt(np.mean((wiener_filter(g, k, K) - x) ** 2))) for K in (1e-6, 1e-2)]
    >>> err[1] < err[0]
    True
    """
    g, spec, h = _setup(blurred, kernel)
    k = finite_number(k, "k", lo=0.0)
    return _inverse(spec * _wiener_gain(h, k), g.shape)


@dataclass(frozen=True)
class WienerOptimum:
    """The Wiener ``K`` with the smallest restoration error against a known clean image.

    Attributes
    ----------
    k : float
        The best ``K`` found.
    rmse : float
        Root-mean-square error of the restoration at ``k``.
    evaluations : int
        Number of ``K`` values tried (grid plus refinement).
    """

    k: float
    rmse: float
    evaluations: int


def _k_values(ks: object, what: str, *, positive: bool) -> np.ndarray:
    try:
        arr = np.asarray(ks, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"{what} must be a non-empty 1-D sequence of numbers") from None
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError(f"{what} must be a non-empty 1-D sequence of numbers")
    bad = (arr <= 0) if positive else (arr < 0)
    if not np.isfinite(arr).all() or bad.any():
        sign = "> 0" if positive else ">= 0"
        raise ValueError(f"every value of {what} must be finite and {sign}")
    return arr


def restoration_curve(blurred: np.ndarray, kernel: np.ndarray, clean: np.ndarray, ks: object) -> np.ndarray:
    """RMSE of the Wiener restoration against ``clean`` for each ``K`` in ``ks``.

    Computed in the frequency domain (Parseval), equal to
    ``[rmse(clean, wiener_filter(blurred, kernel, K)) for K in ks]`` up to rounding.

    Examples
    --------
    >>> x = np.random.default_rng(0).random((16, 16))
    >>> k = np.full((3, 3), 1 / 9)
    >>> g = blur(x, k, noise_sigma=0.01)
    >>> curve = restoration_curve(g, k, x, [1e-3, 1e-1])
    >>> direct = np.sqrt(np.mean((wiener_filter(g, k, 1e-3) - x) ** 2))
    >>> bool(np.isclose(curve[0], direct, rtol=1e-9))
    True
    """
    g, spec, h = _setup(blurred, kernel)
    spec_x = _clean_spectrum(clean, g.shape)
    ks_arr = _k_values(ks, "ks", positive=False)
    weights = _half_weights(g.shape)
    return np.array([_rmse_from_spectrum(spec * _wiener_gain(h, k) - spec_x, g.shape, weights) for k in ks_arr])


def optimal_wiener_k(
    blurred: np.ndarray, kernel: np.ndarray, clean: np.ndarray, k_grid: object | None = None
) -> WienerOptimum:
    """Search the Wiener ``K`` that restores ``blurred`` closest (RMSE) to ``clean``.

    The error is evaluated on a coarse log grid of ``K`` (default :data:`DEFAULT_K_GRID`),
    then refined between the best grid point's neighbours by bounded (golden-section /
    Brent) minimisation over ``log10 K`` with :func:`scipy.optimize.minimize_scalar`.  The
    result is never worse than the best grid point and stays inside the grid's range.

    Parameters
    ----------
    blurred, clean : ndarray, same shape (H, W) or (H, W, C)
    kernel : ndarray, shape (kh, kw)
    k_grid : sequence of float, optional
        Positive ``K`` values (any order) for the coarse search.

    Returns
    -------
    WienerOptimum

    Examples
    --------
    >>> x = np.random.default_rng(0).random((32, 32))
    >>> k = np.full((3, 3), 1 / 9)
    >>> g = blur(x, k, noise_sigma=0.05)
    >>> best = optimal_wiener_k(g, k, x)
    >>> bool(best.rmse <= restoration_curve(g, k, x, [1e-4, 1e-2, 1.0]).min())
    True
    """
    g, spec, h = _setup(blurred, kernel)
    spec_x = _clean_spectrum(clean, g.shape)
    grid = np.unique(_k_values(DEFAULT_K_GRID if k_grid is None else k_grid, "k_grid", positive=True))
    weights = _half_weights(g.shape)
    # the products that do not depend on K, once
    num = spec * np.conj(h)
    power = h.real**2 + h.imag**2
    evaluations = 0

    def error(k: float) -> float:
        nonlocal evaluations
        evaluations += 1
        denom = power + k
        est = np.divide(num, denom, out=np.zeros_like(num), where=denom > 0)
        return _rmse_from_spectrum(est - spec_x, g.shape, weights)

    errors = np.array([error(k) for k in grid])
    i = int(np.argmin(errors))
    best_k, best_err = float(grid[i]), float(errors[i])
    if grid.size > 1:
        lo, hi = np.log10(grid[max(i - 1, 0)]), np.log10(grid[min(i + 1, grid.size - 1)])
        res = minimize_scalar(lambda t: error(10.0**t), bounds=(lo, hi), method="bounded", options={"xatol": 1e-9})
        if res.fun < best_err:
            best_k, best_err = float(10.0**res.x), float(res.fun)
    return WienerOptimum(k=best_k, rmse=best_err, evaluations=evaluations)
