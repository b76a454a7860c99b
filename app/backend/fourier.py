"""What a spectrum means: basis waves, reconstruction from few coefficients, magnitude vs phase.

The engine of the Fourier Lab.  Pure numpy/scipy.  Reconstruction lives here; the basis waves in
:mod:`app.backend.fourier_waves` and the magnitude/phase swaps in :mod:`app.backend.fourier_swaps`
(every name is importable from here too).

Conventions
-----------
Frequencies ``(u, v)``
    ``u`` is the frequency along the **rows** (vertical, axis 0) and ``v`` along the
    **columns** (horizontal, axis 1), in whole cycles per image height / width, as in
    ``numpy.fft.fft2``'s ``F[u, v]``.  They are given in the *centred* convention of
    :func:`~app.backend.spectra.spectrum`: ``u`` runs over ``-(H // 2) .. (H - 1) // 2`` and
    sits at row ``u + H // 2`` of a centred spectrum (likewise ``v``), so ``(0, 0)`` is the
    middle of the picture and negative frequencies are allowed.  In cycles/pixel
    ``fy = u / H`` and ``fx = v / W`` (the axes of :func:`~app.backend.spectra.frequency_axes`).
Real images
    A real image has a Hermitian spectrum, ``F[-u, -v] = conj(F[u, v])``: every coefficient
    comes with its *mirror* ``(-u, -v)`` and the pair adds up to one real cosine wave.  Points
    that are their own mirror (DC and, for even sides, the Nyquist rows/columns) carry a
    purely real coefficient.
Display
    Every function returns raw float arrays (no clipping, no rescaling); the display layer
    (:mod:`app.backend.display`) maps them to pixels.
Images
    The functions here take grey 2-D images (convert colour with
    :func:`~app.backend.images.to_gray`).
"""

from __future__ import annotations

import numpy as np
import scipy.fft as sp_fft

from ._fourier_input import _as_gray
from ._validate import finite_number, positive_number, whole_number
from .convolution import _as_image
from .fourier_swaps import magnitude_only, phase_only, swap_magnitude_phase
from .fourier_waves import WaveInfo, basis_wave, index_to_frequency, wave_info
from .spectra import full_from_half

__all__ = [
    "WaveInfo",
    "basis_wave",
    "wave_info",
    "index_to_frequency",
    "keep_strongest",
    "keep_radius",
    "psnr",
    "rmse",
    "log_spaced_counts",
    "reconstruction_curve",
    "swap_magnitude_phase",
    "magnitude_only",
    "phase_only",
]


# ---------------------------------------------------------------------------------------------
# 2. build the image from waves
# ---------------------------------------------------------------------------------------------
def _full_spectrum(x: np.ndarray) -> np.ndarray:
    """Uncentred ``fft2`` of a real image, exactly Hermitian (mirrored from ``rfft2``)."""
    return full_from_half(sp_fft.rfft2(x), x.shape[1], centred=False)


def _pair_order(mag: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Conjugate-pair units sorted strongest first.

    Returns the units' linear indices (uncentred, one per pair: the smaller), their mirrors'
    linear indices, and how many coefficients each unit holds (1 or 2).  Ties keep the
    row-major (uncentred ``fft2``) order, so the order is deterministic.
    """
    h, w = mag.shape
    idx = np.arange(h * w).reshape(h, w)
    mirror = idx[(-np.arange(h)) % h][:, (-np.arange(w)) % w]
    unit = idx <= mirror
    first = idx[unit]
    partner = mirror[unit]
    order = np.argsort(-mag.ravel()[first], kind="stable")
    first, partner = first[order], partner[order]
    return first, partner, np.where(first == partner, 1, 2)


def _reconstruct(x_half: np.ndarray, mask: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """``irfft2`` of an rfft2 half spectrum kept where the (uncentred, Hermitian) mask is set."""
    keep = mask[:, : shape[1] // 2 + 1]
    return sp_fft.irfft2(np.where(keep, x_half, 0), s=shape)


def keep_strongest(image: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Rebuild an image from its ``k`` largest-magnitude Fourier coefficients.

    Coefficients are kept in conjugate pairs, so the result is real: when the ``k``-th
    coefficient is one of a pair its mirror is kept too (``mask.sum()`` is ``k`` or
    ``k + 1``).  Equal magnitudes are ranked in row-major order of the uncentred ``fft2``
    layout (DC first), so the choice is deterministic.

    Parameters
    ----------
    image : ndarray, shape (H, W)
        Grey image.
    k : int
        ``0 <= k <= H·W``; ``H·W`` gives the image back (to rounding).

    Returns
    -------
    reconstruction : ndarray, shape (H, W)
        Real float64, not clipped.
    mask : ndarray of bool, shape (H, W)
        The kept coefficients in the *centred* layout (as :func:`~app.backend.spectra.spectrum`).

    Examples
    --------
    >>> x = np.random.default_rng(0).random((8, 8))
    >>> rec, mask = keep_strongest(x, 64)
    >>> bool(np.abs(rec - x).max() < 1e-12), int(mask.sum())
    (True, 64)
    >>> rec, mask = keep_strongest(x, 1)
    >>> bool(mask[4, 4]), bool(np.allclose(rec, x.mean()))
    (True, True)
    """
    x = _as_gray(image)
    total = x.size
    k = whole_number(k, "k")
    if not 0 <= k <= total:
        raise ValueError(f"k must be between 0 and {total} (the number of coefficients); got {k}")
    half = sp_fft.rfft2(x)
    full = full_from_half(half, x.shape[1], centred=False)
    first, partner, count = _pair_order(np.abs(full))
    n_units = int(np.searchsorted(np.cumsum(count), k, side="left")) + 1 if k else 0
    flat = np.zeros(total, dtype=bool)
    flat[first[:n_units]] = True
    flat[partner[:n_units]] = True
    mask = flat.reshape(x.shape)
    return _reconstruct(half, mask, x.shape), sp_fft.fftshift(mask)


def keep_radius(image: np.ndarray, radius: float) -> tuple[np.ndarray, np.ndarray]:
    """Rebuild an image from all frequencies with ``hypot(fy, fx) <= radius`` (cycles/pixel).

    An ideal low-pass: ``radius >= sqrt(0.5)`` keeps everything (the corners of the
    spectrum lie at ``hypot(0.5, 0.5)``).

    Parameters
    ----------
    image : ndarray, shape (H, W)
        Grey image.
    radius : float
        Non-negative cut-off in cycles/pixel; 0 keeps only the mean.

    Returns
    -------
    reconstruction : ndarray, shape (H, W)
    mask : ndarray of bool, shape (H, W)
        Kept coefficients, centred layout.

    Examples
    --------
    >>> x = np.random.default_rng(0).random((8, 8))
    >>> rec, mask = keep_radius(x, 0.0)
    >>> int(mask.sum()), bool(np.allclose(rec, x.mean()))
    (1, True)
    >>> bool(np.allclose(keep_radius(x, 0.75)[0], x))
    True
    """
    x = _as_gray(image)
    radius = finite_number(radius, "radius (cycles/pixel)", lo=0.0)
    h, w = x.shape
    fy, fx = sp_fft.fftfreq(h), sp_fft.fftfreq(w)
    mask = np.hypot(fy[:, None], fx[None, :]) <= radius
    return _reconstruct(sp_fft.rfft2(x), mask, x.shape), sp_fft.fftshift(mask)


def _check_pair(reference: np.ndarray, test: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    a = _as_image(reference).astype(np.float64, copy=False)
    b = _as_image(test).astype(np.float64, copy=False)
    if a.shape != b.shape:
        raise ValueError(f"shapes differ: {a.shape} and {b.shape}")
    return a, b


def rmse(reference: np.ndarray, test: np.ndarray) -> float:
    """Root-mean-square difference of two same-shape images.

    Examples
    --------
    >>> rmse(np.zeros((2, 2)), np.full((2, 2), 0.5))
    0.5
    """
    a, b = _check_pair(reference, test)
    return float(np.sqrt(np.mean((a - b) ** 2)))


def _psnr_from_mse(mse: np.ndarray | float, data_range: float) -> np.ndarray:
    mse = np.asarray(mse, dtype=np.float64)
    with np.errstate(divide="ignore"):
        return np.where(mse > 0, 10.0 * np.log10(data_range**2 / np.maximum(mse, 1e-300)), np.inf)


def _check_range(data_range: float) -> float:
    return positive_number(data_range, "data_range")


def psnr(reference: np.ndarray, test: np.ndarray, data_range: float = 1.0) -> float:
    """Peak signal-to-noise ratio ``10 log10(data_range² / MSE)`` in dB (``inf`` if identical).

    Examples
    --------
    >>> round(psnr(np.zeros((4, 4)), np.full((4, 4), 0.1)), 6)
    20.0
    """
    data_range = _check_range(data_range)
    a, b = _check_pair(reference, test)
    return float(_psnr_from_mse(np.mean((a - b) ** 2), data_range))


def log_spaced_counts(total: int, n: int) -> np.ndarray:
    """``min(n, total)`` distinct integers from 1 to ``total`` inclusive, about log-spaced.

    Rounding a geometric series would repeat small values; each value is instead at least
    one more than the previous one (and leaves room for the rest), so the result is strictly
    increasing, starts at 1 and ends at ``total``.

    Examples
    --------
    >>> log_spaced_counts(1000, 4).tolist()
    [1, 10, 100, 1000]
    >>> log_spaced_counts(10, 6).tolist()
    [1, 2, 3, 4, 6, 10]
    """
    total = whole_number(total, "total")
    n = whole_number(n, "n")
    if total < 1 or n < 1:
        raise ValueError(f"total and n must be at least 1; got total={total}, n={n}")
    n = min(n, total)
    if n == 1:
        return np.array([total])
    g = np.rint(np.geomspace(1, total, n)).astype(np.int64)
    out = np.empty(n, dtype=np.int64)
    prev = 0
    for i, value in enumerate(g):
        prev = min(max(int(value), prev + 1), total - (n - 1 - i))
        out[i] = prev
    return out


def reconstruction_curve(image: np.ndarray, ks: object, *, data_range: float = 1.0) -> np.ndarray:
    """PSNR (dB) of :func:`keep_strongest` for each ``k`` in ``ks``, without reconstructing.

    By Parseval, the squared error of a reconstruction is the energy of the dropped
    coefficients divided by ``(H·W)²``, so one sort gives the whole curve.  It never falls
    as ``k`` grows and is ``inf`` at ``k = H·W``.

    Examples
    --------
    >>> x = np.random.default_rng(0).random((16, 16))
    >>> curve = reconstruction_curve(x, [1, 16, 256])
    >>> bool(curve[0] < curve[1]), float(curve[2])
    (True, inf)
    >>> round(float(curve[1]), 6) == round(psnr(x, keep_strongest(x, 16)[0]), 6)
    True
    """
    x = _as_gray(image)
    data_range = _check_range(data_range)
    total = x.size
    ks_arr = np.asarray(ks)
    if ks_arr.ndim != 1 or ks_arr.size == 0 or ks_arr.dtype.kind not in "iu":
        raise ValueError("ks must be a non-empty 1-D sequence of whole numbers")
    if ks_arr.min() < 0 or ks_arr.max() > total:
        raise ValueError(f"every k must be between 0 and {total}")
    full = _full_spectrum(x)
    mag = np.abs(full)
    first, _, count = _pair_order(mag)
    energy = count * mag.ravel()[first] ** 2
    # dropped energy after keeping the first j units: suffix sums (monotone, never negative)
    dropped = np.concatenate([np.cumsum(energy[::-1])[::-1], [0.0]])
    units = np.where(ks_arr > 0, np.searchsorted(np.cumsum(count), ks_arr, side="left") + 1, 0)
    mse = dropped[units] / float(total) ** 2
    return _psnr_from_mse(mse, data_range)
