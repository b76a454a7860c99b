"""What a spectrum means: basis waves, reconstruction from few coefficients, magnitude vs phase.

The engine of the Fourier Lab.  Pure numpy/scipy.

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

import math
from dataclasses import dataclass

import numpy as np
import scipy.fft as sp_fft

from ._validate import BackendError, finite_number, positive_number, shape2, whole_number
from .convolution import _as_image
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
# validation
# ---------------------------------------------------------------------------------------------
def _as_gray(image: object, what: str = "image") -> np.ndarray:
    """A finite, non-empty, real 2-D float64 array (colour images are refused, not converted)."""
    x = np.asarray(image)
    if x.ndim != 2:
        raise ValueError(f"{what} must be a 2-D grey image; got shape {x.shape} (convert colour with to_gray)")
    x = _as_image(x)
    return x.astype(np.float64, copy=False)


def _check_frequency(n: int, f: object, what: str) -> int:
    """An integer frequency in the centred range of a side of ``n`` samples."""
    f = whole_number(f, what)
    lo, hi = -(n // 2), (n - 1) // 2
    if not lo <= f <= hi:
        raise BackendError(f"{what} must be between {lo} and {hi} for a side of {n}; got {f}", "range",
                           what=what, value=f, lo=lo, hi=hi)
    return f


def _wrap(f: int, n: int) -> int:
    """Fold an integer frequency into the centred range ``-(n // 2) .. (n - 1) // 2``."""
    return (f + n // 2) % n - n // 2


# ---------------------------------------------------------------------------------------------
# 1. one point of the spectrum is one wave
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class WaveInfo:
    """The wave that spectrum point ``(u, v)`` stands for (see :func:`wave_info`).

    Attributes
    ----------
    u, v : int
        Row and column frequency in cycles per image height / width (centred convention).
    fy, fx : float
        The same in cycles/pixel (``u / H``, ``v / W``).
    frequency : float
        ``hypot(fy, fx)`` in cycles/pixel.
    period : float
        ``1 / frequency`` in pixels, measured across the stripes (``inf`` for DC).
    orientation_deg : float
        Direction in which the wave oscillates (its wave vector, perpendicular to the
        stripes), counter-clockwise from the +x axis as seen on screen (rows grow downwards),
        folded into ``[0, 180)``: 0 = vertical stripes, 90 = horizontal stripes.  It is the
        angle of the point as seen from the centre of the displayed spectrum.  0 for DC.
    index : tuple of int
        ``(row, col)`` of the point in the centred spectrum.
    mirror : tuple of int
        ``(-u, -v)`` folded into the centred range: the conjugate partner.
    mirror_index : tuple of int
        ``(row, col)`` of the mirror in the centred spectrum.
    self_mirror : bool
        The point is its own mirror (DC, Nyquist): its wave has no sine part.
    """

    u: int
    v: int
    fy: float
    fx: float
    frequency: float
    period: float
    orientation_deg: float
    index: tuple[int, int]
    mirror: tuple[int, int]
    mirror_index: tuple[int, int]
    self_mirror: bool


def basis_wave(shape: tuple[int, int], u: int, v: int) -> tuple[np.ndarray, np.ndarray]:
    """The DFT basis wave of frequency ``(u, v)``: its cosine and sine parts.

    ``cos(θ)`` and ``sin(θ)`` with ``θ[y, x] = 2π (u y / H + v x / W)``: the real and
    imaginary parts of ``exp(iθ)``, which is ``H·W·ifft2`` of a unit spike at ``(u, v)``.
    A real image is a sum of these with real weights ``Re F / (H·W)`` (cos) and
    ``-Im F / (H·W)`` (sin), the mirror ``(-u, -v)`` contributing the same wave again.

    Parameters
    ----------
    shape : (int, int)
        Image size ``(H, W)``.
    u, v : int
        Row and column frequency, ``-(H // 2) <= u <= (H - 1) // 2`` and likewise ``v``
        (see the module docstring).

    Returns
    -------
    cos_part, sin_part : ndarray, shape (H, W)
        Values in ``[-1, 1]``.

    Examples
    --------
    >>> c, s = basis_wave((4, 4), 0, 1)
    >>> c[0].round(6).tolist(), s[0].round(6).tolist()
    ([1.0, 0.0, -1.0, -0.0], [0.0, 1.0, 0.0, -1.0])
    """
    h, w = shape2(shape)
    u = _check_frequency(h, u, "u")
    v = _check_frequency(w, v, "v")
    # integer phases taken modulo the side keep theta in [0, 2π) exactly at every pixel
    ty = 2.0 * np.pi * ((u * np.arange(h)) % h) / h
    tx = 2.0 * np.pi * ((v * np.arange(w)) % w) / w
    theta = ty[:, None] + tx[None, :]
    return np.cos(theta), np.sin(theta)


def wave_info(shape: tuple[int, int], u: int, v: int) -> WaveInfo:
    """Frequency, period, orientation and mirror point of spectrum point ``(u, v)``.

    Parameters
    ----------
    shape : (int, int)
        Image size ``(H, W)``.
    u, v : int
        Row and column frequency in the centred convention (see :func:`basis_wave`).

    Returns
    -------
    WaveInfo

    Examples
    --------
    >>> info = wave_info((64, 64), 0, 8)
    >>> info.fx, info.period, info.orientation_deg, info.index, info.mirror_index
    (0.125, 8.0, 0.0, (32, 40), (32, 24))
    >>> wave_info((64, 64), -8, 8).orientation_deg
    45.0
    """
    h, w = shape2(shape)
    u = _check_frequency(h, u, "u")
    v = _check_frequency(w, v, "v")
    fy, fx = u / h, v / w
    freq = math.hypot(fy, fx)
    period = math.inf if freq == 0 else 1.0 / freq
    # screen angle: x to the right, y up (= minus the row direction); a wave and its mirror
    # are the same wave, so fold into [0, 180)
    angle = 0.0 if freq == 0 else math.degrees(math.atan2(-fy, fx)) % 180.0
    angle = round(angle, 12) % 180.0
    mu, mv = _wrap(-u, h), _wrap(-v, w)
    return WaveInfo(
        u=u,
        v=v,
        fy=fy,
        fx=fx,
        frequency=freq,
        period=period,
        orientation_deg=angle,
        index=(u + h // 2, v + w // 2),
        mirror=(mu, mv),
        mirror_index=(mu + h // 2, mv + w // 2),
        self_mirror=(mu, mv) == (u, v),
    )


def index_to_frequency(shape: tuple[int, int], row: int, col: int) -> tuple[int, int]:
    """The frequency ``(u, v)`` at ``(row, col)`` of a centred spectrum (a clicked point).

    Examples
    --------
    >>> index_to_frequency((64, 65), 32, 32)
    (0, 0)
    >>> index_to_frequency((64, 65), 0, 64)
    (-32, 32)
    """
    h, w = shape2(shape)
    row, col = whole_number(row, "row"), whole_number(col, "col")
    if not (0 <= row < h and 0 <= col < w):
        raise ValueError(f"index ({row}, {col}) is outside a {h}x{w} spectrum")
    return row - h // 2, col - w // 2


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


# ---------------------------------------------------------------------------------------------
# 3. magnitude or phase?
# ---------------------------------------------------------------------------------------------
def _unit_phase(half: np.ndarray) -> np.ndarray:
    """``F / |F|`` (0 where ``F == 0``)."""
    mag = np.abs(half)
    return np.divide(half, mag, out=np.zeros_like(half), where=mag > 0)


def swap_magnitude_phase(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Exchange magnitude and phase of two same-size images (Oppenheim & Lim 1981).

    Returns ``(|A|·e^{i∠B}, |B|·e^{i∠A})`` transformed back: the first looks like ``b``,
    the second like ``a`` — structure lives in the phase.  Where a spectrum is exactly zero
    its phase is taken as 0.

    Parameters
    ----------
    a, b : ndarray, shape (H, W)
        Grey images of the same shape.

    Returns
    -------
    mag_a_phase_b, mag_b_phase_a : ndarray, shape (H, W)
        Real float64 (raw values: not clipped to the input range).

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> a, b = rng.random((8, 8)), rng.random((8, 8))
    >>> ab, ba = swap_magnitude_phase(a, a)
    >>> bool(np.abs(ab - a).max() < 1e-12)
    True
    >>> ab, ba = swap_magnitude_phase(a, b)
    >>> bool(np.isclose(ab.mean(), a.mean())), bool(np.isclose(ba.mean(), b.mean()))
    (True, True)
    """
    x = _as_gray(a, "a")
    y = _as_gray(b, "b")
    if x.shape != y.shape:
        raise ValueError(f"images must have the same shape; got {x.shape} and {y.shape}")
    fa, fb = sp_fft.rfft2(x), sp_fft.rfft2(y)
    ab = sp_fft.irfft2(np.abs(fa) * _unit_phase(fb), s=x.shape)
    ba = sp_fft.irfft2(np.abs(fb) * _unit_phase(fa), s=x.shape)
    return ab, ba


def magnitude_only(image: np.ndarray, *, centred: bool = False) -> np.ndarray:
    """The image rebuilt from its magnitude with zero phase: ``ifft2(|F|)``.

    The result is real and even, peaked at the origin pixel ``(0, 0)``; ``centred=True``
    moves that to the middle of the picture (``fftshift``) for display.  It keeps the mean
    and the energy of the image but none of its shapes.

    Examples
    --------
    >>> x = np.random.default_rng(0).random((8, 8))
    >>> m = magnitude_only(x)
    >>> bool(np.isclose(m.mean(), x.mean())), bool(np.isclose((m**2).sum(), (x**2).sum()))
    (True, True)
    >>> bool(np.unravel_index(np.argmax(magnitude_only(x, centred=True)), (8, 8)) == (4, 4))
    True
    """
    x = _as_gray(image)
    out = sp_fft.irfft2(np.abs(sp_fft.rfft2(x)), s=x.shape)
    return sp_fft.fftshift(out) if centred else out


def phase_only(image: np.ndarray) -> np.ndarray:
    """The image rebuilt from its phase with unit magnitude: ``ifft2(F / |F|)``.

    Edges and shapes survive (whitened); values are small (RMS ``1 / sqrt(H·W)``) and signed,
    so the display layer should stretch them.  Coefficients that are exactly zero stay zero.

    Examples
    --------
    >>> x = np.zeros((8, 8)); x[2, 3] = 1.0
    >>> p = phase_only(x)
    >>> [int(i) for i in np.unravel_index(np.argmax(p), p.shape)], round(float(p.max()), 6)
    ([2, 3], 1.0)
    """
    x = _as_gray(image)
    return sp_fft.irfft2(_unit_phase(sp_fft.rfft2(x)), s=x.shape)
