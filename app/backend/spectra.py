"""Spectra: image spectra, kernel frequency responses, log magnitude, radial profiles.

All full spectra here are *centred* (``fftshift``: zero frequency in the middle, at index
``n // 2``) and frequencies are in cycles/pixel in ``[-0.5, 0.5)``.  A kernel's frequency
response is computed with the kernel's anchor (``kernel[kh // 2, kw // 2]``, the pixel that
sits on the output, see :mod:`app.backend.convolution`) at the origin, so a kernel symmetric
about its anchor has a real response.

Real signals have Hermitian spectra, so the work is done on ``rfft2`` half spectra and the
full centred arrays are made by mirroring (:func:`full_from_half`) only when they are shown.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import scipy.fft as sp_fft

from kernels.bands import HIGH_EDGE

from ._validate import positive_number
from .convolution import (
    _as_image,
    _as_kernel,
    _check_boundary,
    _convolution_taps,
    _fft_grid,
    anchor,
    convolve,
    kernel_rfft2,
    pad_image,
)
from .images import REC601

__all__ = [
    "spectrum",
    "frequency_response",
    "log_magnitude",
    "phase",
    "radial_profile",
    "frequency_axes",
    "theorem_check",
    "full_from_half",
    "luminance_weights",
    "radial_profile_half",
    "high_frequency_energy",
    "high_frequency_energy_half",
    "high_frequency_power_half",
]


def luminance_weights(n_channels: int) -> np.ndarray:
    """Weights that turn ``n_channels`` colour channels into luminance (Rec. 601 for RGB/RGBA).

    Examples
    --------
    >>> luminance_weights(3)
    array([0.299, 0.587, 0.114])
    """
    if n_channels in (3, 4):
        return np.concatenate([REC601, np.zeros(n_channels - 3)])
    return np.full(n_channels, 1.0 / n_channels)


def _luminance(image: np.ndarray) -> np.ndarray:
    x = _as_image(image)
    if x.ndim == 2:
        return x
    return x @ luminance_weights(x.shape[2]).astype(x.dtype)


def frequency_axes(shape: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """Centred frequency axes ``(fy, fx)`` in cycles/pixel for a ``shape`` grid.

    Examples
    --------
    >>> frequency_axes((4, 5))[0]
    array([-0.5 , -0.25,  0.  ,  0.25])
    """
    h, w = int(shape[0]), int(shape[1])
    return sp_fft.fftshift(sp_fft.fftfreq(h)), sp_fft.fftshift(sp_fft.fftfreq(w))


def full_from_half(half: np.ndarray, n_cols: int, *, centred: bool = True) -> np.ndarray:
    """Rebuild a full 2-D spectrum of a real signal from its ``rfft2`` half (last two axes).

    Works for complex half spectra (Hermitian mirror: ``F[-p, -q] = conj(F[p, q])``) and for
    real, even quantities such as magnitudes or display values (plain mirror).

    Parameters
    ----------
    half : ndarray, shape (..., n_rows, n_cols // 2 + 1)
    n_cols : int
        Width of the full spectrum (the real signal's width).
    centred : bool
        Apply ``fftshift`` over the last two axes.

    Examples
    --------
    >>> x = np.random.default_rng(0).random((4, 5))
    >>> np.allclose(full_from_half(np.fft.rfft2(x), 5, centred=False), np.fft.fft2(x))
    True
    """
    m = half.shape[-1]
    if m != n_cols // 2 + 1:
        raise ValueError(f"half spectrum width {m} does not match n_cols={n_cols}")
    if centred:
        return _centred_from_half(half, n_cols)
    full = np.empty(half.shape[:-1] + (n_cols,), dtype=half.dtype)
    full[..., :m] = half
    n_mirror = n_cols - m
    if n_mirror:
        # row p of the mirrored part comes from row (-p) mod n_rows, column q from n_cols - q
        flipped = np.roll(half[..., ::-1, :], 1, axis=-2)
        part = flipped[..., n_mirror:0:-1]
        full[..., m:] = np.conj(part) if np.iscomplexobj(half) else part
    return full


def _centred_from_half(half: np.ndarray, n_cols: int) -> np.ndarray:
    """``fftshift(full_from_half(half, n_cols, centred=False))`` with slice copies only.

    Centred column ``j >= n2 // 2`` holds frequency ``q = j - n2 // 2`` straight from the half;
    column ``j < n2 // 2`` holds ``q = j - n2 // 2 + n2``, the mirror of half column
    ``n2 // 2 - j`` at the negated row.  Rows are rotated by ``n1 // 2`` (direct part) or
    reversed about it (mirrored part).
    """
    n1, n2 = half.shape[-2], n_cols
    s1, s2 = n1 // 2, n2 // 2
    out = np.empty(half.shape[:-1] + (n2,), dtype=half.dtype)
    direct = half[..., : n2 - s2]
    out[..., :s1, s2:] = direct[..., n1 - s1 :, :]
    out[..., s1:, s2:] = direct[..., : n1 - s1, :]
    if s2:
        mirror = half[..., s2:0:-1]  # half columns s2, s2 - 1, ..., 1
        if np.iscomplexobj(half):
            mirror = np.conj(mirror)
        out[..., : s1 + 1, :s2] = mirror[..., s1::-1, :]
        out[..., s1 + 1 :, :s2] = mirror[..., n1 - 1 : s1 : -1, :]
    return out


def spectrum(image: np.ndarray) -> np.ndarray:
    """Centred complex spectrum of an image (colour images: of their luminance).

    Examples
    --------
    >>> float(spectrum(np.ones((4, 4)))[2, 2].real)
    16.0
    """
    g = _luminance(image)
    return sp_fft.fftshift(sp_fft.fft2(g))


def anchor_phase(grid: tuple[int, int], shift: tuple[int, int], dtype=np.complex128) -> tuple[np.ndarray, np.ndarray]:
    """Column/row phase ramps ``exp(+2πi p s / n)`` that move a top-left kernel to its anchor.

    Returned as ``(py[:, None], px[None, :])`` over the ``rfft2`` half grid.

    Examples
    --------
    >>> py, px = anchor_phase((4, 4), (1, 0))
    >>> py.shape, px.shape
    ((4, 1), (1, 3))
    >>> bool(np.allclose(py.ravel(), [1, 1j, -1, -1j]))  # a one-row shift on a 4-row grid
    True
    """
    n1, n2 = grid
    p = sp_fft.fftfreq(n1) * n1
    q = np.arange(n2 // 2 + 1)
    py = np.exp(2j * np.pi * p * shift[0] / n1).astype(dtype)
    px = np.exp(2j * np.pi * q * shift[1] / n2).astype(dtype)
    return py[:, None], px[None, :]


def _response_half(kernel: np.ndarray, grid: tuple[int, int], correlate: bool) -> np.ndarray:
    """Anchored half response of ``kernel`` (or of the correlation with it) on ``grid``."""
    taps, shift = _convolution_taps(kernel, correlate)
    half = kernel_rfft2(taps, grid)
    py, px = anchor_phase(grid, shift)
    return half * py * px


def frequency_response(kernel: np.ndarray, shape: tuple[int, int], *, correlate: bool = False) -> np.ndarray:
    """Centred complex frequency response of ``kernel`` on a ``shape`` grid.

    The kernel's anchor ``(kh // 2, kw // 2)`` is put at the origin, so a kernel symmetric
    about its anchor (box, Gaussian, Laplacian with odd sides) has a real response.  With
    ``correlate=True`` the response of the correlation, ``conj(H)``, is returned.  Kernels
    larger than the grid are folded (circular convolution at that size).

    Examples
    --------
    >>> h = frequency_response(np.full((3, 3), 1 / 9), (8, 8))
    >>> float(h[4, 4].real), bool(np.abs(h.imag).max() < 1e-12)
    (1.0, True)
    """
    k = _as_kernel(kernel)
    n1, n2 = int(shape[0]), int(shape[1])
    if n1 < 1 or n2 < 1:
        raise ValueError(f"shape must be positive; got {shape}")
    ay, ax = anchor(k.shape)
    placed = np.zeros((n1, n2))
    rows = (np.arange(k.shape[0]) - ay) % n1
    cols = (np.arange(k.shape[1]) - ax) % n2
    np.add.at(placed, (rows[:, None], cols[None, :]), k)
    half = sp_fft.rfft2(placed)
    if correlate:
        np.conj(half, out=half)
    return full_from_half(half, n2)


def _power(a: np.ndarray) -> np.ndarray:
    """``|a|²`` of a complex spectrum or of non-negative magnitudes (float64 for integers)."""
    if np.iscomplexobj(a):
        re, im = a.real, a.imag
        return re * re + im * im
    a = np.asarray(a, dtype=np.float64) if a.dtype.kind != "f" else a
    if a.size and a.min() < 0:
        raise ValueError("magnitudes must be non-negative (pass the complex spectrum instead)")
    return a * a


def log_magnitude(
    spec_or_mag: np.ndarray, *, dynamic_range_db: float = 80.0, vmax: float | None = None
) -> np.ndarray:
    """Log magnitude scaled to ``[0, 1]``: ``vmax`` maps to 1, ``vmax - dynamic_range_db`` to 0.

    Parameters
    ----------
    spec_or_mag : ndarray
        Complex spectrum or non-negative magnitude.
    dynamic_range_db : float
        Decibels (``20 log10``) shown between black and white; must be positive.
    vmax : float, optional
        Magnitude shown as white (default: the maximum).  Fix it to compare spectra.

    Examples
    --------
    >>> log_magnitude(np.array([1.0, 0.1, 1e-9]), dynamic_range_db=40)
    array([1. , 0.5, 0. ])
    """
    positive_number(dynamic_range_db, "dynamic_range_db")
    a = np.asarray(spec_or_mag)
    power = _power(a)
    top = float(power.max()) if vmax is None else float(vmax) ** 2
    if power.size == 0:
        return np.zeros(a.shape)
    if not top > 0:
        return np.zeros(a.shape)
    with np.errstate(divide="ignore"):
        db = 10.0 * np.log10(power / top)
    out = 1.0 + db / dynamic_range_db
    np.clip(out, 0.0, 1.0, out=out)
    return out


def phase(spec: np.ndarray, *, floor: float = 1e-12) -> np.ndarray:
    """Phase angle in radians ``(-π, π]``; set to 0 where ``|spec| <= floor * max|spec|``.

    Examples
    --------
    >>> phase(np.array([1j, -1.0, 0.0]))
    array([1.57079633, 3.14159265, 0.        ])
    """
    s = np.asarray(spec)
    ang = np.angle(s)
    mag = np.abs(s)
    if mag.size:
        ang[mag <= floor * mag.max()] = 0.0
    return ang


def radial_profile(magnitude: np.ndarray, *, n_bins: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Mean magnitude in rings of radial frequency ``sqrt(fy² + fx²)`` from 0 to 0.5 cycles/pixel.

    Parameters
    ----------
    magnitude : ndarray, shape (H, W)
        *Centred* magnitude (complex input is converted with ``abs``).  The corners beyond
        0.5 cycles/pixel are left out.
    n_bins : int, optional
        Number of rings (default ``min(H, W) // 2``, one frequency sample wide).

    Returns
    -------
    freqs : ndarray, shape (n_bins,)
        Ring centres in cycles/pixel.
    mean_mag : ndarray, shape (n_bins,)
        Mean magnitude per ring (NaN for a ring with no sample).

    Examples
    --------
    >>> f, m = radial_profile(np.ones((8, 8)))
    >>> f, m
    (array([0.0625, 0.1875, 0.3125, 0.4375]), array([1., 1., 1., 1.]))
    """
    m = np.asarray(magnitude)
    if m.ndim != 2 or m.size == 0:
        raise ValueError(f"magnitude must be a non-empty 2-D array; got shape {m.shape}")
    if np.iscomplexobj(m):
        m = np.abs(m)
    h, w = m.shape
    if n_bins is None:
        n_bins = max(1, min(h, w) // 2)
    if n_bins < 1:
        raise ValueError("n_bins must be at least 1")
    fy, fx = frequency_axes((h, w))
    r = np.sqrt(fy[:, None] ** 2 + fx[None, :] ** 2)
    idx = np.floor(r * (2 * n_bins)).astype(np.intp).ravel()
    keep = idx < n_bins
    sums = np.bincount(idx[keep], weights=m.ravel()[keep].astype(np.float64), minlength=n_bins)
    counts = np.bincount(idx[keep], minlength=n_bins)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)
    freqs = (np.arange(n_bins) + 0.5) / (2 * n_bins)
    return freqs, mean


def theorem_check(
    image: np.ndarray, kernel: np.ndarray, *, boundary: str = "reflect", correlate: bool = False
) -> float:
    """The convolution theorem on the padded grid: ``max |direct(x * k) - IFFT(F · H)|``.

    The image is padded by the kernel radius in the boundary's way (``wrap``: not padded), both
    are transformed on the same fast grid, multiplied, inverted and cropped, and compared with
    :func:`~app.backend.convolution.convolve` with ``method="direct"`` (``scipy.ndimage``).

    Examples
    --------
    >>> x = np.random.default_rng(1).random((16, 16))
    >>> theorem_check(x, np.ones((3, 3)) / 9) < 1e-12
    True
    """
    _check_boundary(boundary)
    x = _as_image(image)
    k = _as_kernel(kernel)
    direct = convolve(x, k, boundary=boundary, correlate=correlate, method="direct")
    pad = (0, 0) if boundary == "wrap" else anchor(k.shape)  # k // 2 covers both sides
    xp = x if boundary == "wrap" else pad_image(x, pad, boundary)
    grid = _fft_grid(x.shape, pad, boundary)
    f = sp_fft.rfft2(xp, s=grid, axes=(0, 1))
    hk = _response_half(k, grid, correlate).astype(f.dtype)
    if x.ndim == 3:
        hk = hk[..., None]
    y = sp_fft.irfft2(f * hk, s=grid, axes=(0, 1))
    y = np.roll(y, (-pad[0], -pad[1]), axis=(0, 1))[: x.shape[0], : x.shape[1]]
    return float(np.abs(direct - y).max())


# --------------------------------------------------------------------------- #
# high-frequency energy; radial statistics straight from rfft2 half spectra (the slider path)
# --------------------------------------------------------------------------- #
def high_frequency_energy(spectrum: np.ndarray, cutoff: float = HIGH_EDGE) -> float:
    """Energy (sum of |S|²) of a *centred* spectrum at radial frequencies above ``cutoff`` cycles/pixel.

    Examples
    --------
    >>> s = np.zeros((8, 8)); s[4, 4] = 1.0      # DC only
    >>> high_frequency_energy(s)
    0.0
    """
    s = np.asarray(spectrum)
    if s.ndim != 2:
        raise ValueError("spectrum must be 2-D (centred)")
    h, w = s.shape
    fy = (np.arange(h) - h // 2) / h
    fx = (np.arange(w) - w // 2) / w
    r2 = fy[:, None] ** 2 + fx[None, :] ** 2
    power = np.abs(s) ** 2
    return float(power[r2 > cutoff * cutoff].sum())


def _mirror_weights(n_cols: int) -> np.ndarray:
    """How many full-spectrum columns each rfft2 column stands for (1 for DC and Nyquist, else 2)."""
    w = np.full(n_cols // 2 + 1, 2.0)
    w[0] = 1.0
    if n_cols % 2 == 0:
        w[-1] = 1.0
    return w


@lru_cache(maxsize=16)
def _rings(grid: tuple[int, int], n_bins: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Ring index (``n_bins`` = outside) and mirror weight of every half-spectrum sample, and the counts."""
    n1, n2 = grid
    fy = np.fft.fftfreq(n1)
    fx = np.arange(n2 // 2 + 1) / n2
    r = np.sqrt(fy[:, None] ** 2 + fx[None, :] ** 2)
    idx = np.minimum(np.floor(r * (2 * n_bins)).astype(np.intp), n_bins).ravel()
    w = np.broadcast_to(_mirror_weights(n2), r.shape).ravel().copy()
    counts = np.bincount(idx, weights=w, minlength=n_bins + 1)[:n_bins]
    for a in (idx, w, counts):
        a.setflags(write=False)
    return idx, w, counts


def radial_profile_half(half: np.ndarray, n_cols: int, *, n_bins: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """:func:`app.backend.spectra.radial_profile` of the full magnitude, from an rfft2 half spectrum.

    ``half`` is the (uncentred) ``rfft2`` layout of a real signal whose full spectrum has
    ``n_cols`` columns (complex or magnitude). Same rings as ``radial_profile`` on the centred
    full magnitude, several times cheaper (the ring indices are cached per grid).

    Examples
    --------
    >>> x = np.random.default_rng(0).random((12, 10))
    >>> f1, m1 = radial_profile(np.fft.fftshift(np.abs(np.fft.fft2(x))))
    >>> f2, m2 = radial_profile_half(np.fft.rfft2(x), 10)
    >>> bool(np.allclose(f1, f2) and np.allclose(m1, m2, equal_nan=True))
    True
    """
    h = np.asarray(half)
    n1 = h.shape[0]
    if n_bins is None:
        n_bins = max(1, min(n1, n_cols) // 2)
    idx, w, counts = _rings((n1, int(n_cols)), int(n_bins))
    mag = np.abs(h).ravel() if np.iscomplexobj(h) else np.asarray(h, dtype=np.float64).ravel()
    sums = np.bincount(idx, weights=mag * w, minlength=n_bins + 1)[:n_bins]
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)
    freqs = (np.arange(n_bins) + 0.5) / (2 * n_bins)
    return freqs, mean


@lru_cache(maxsize=16)
def _hf_weights(grid: tuple[int, int], cutoff: float) -> np.ndarray:
    n1, n2 = grid
    fy = np.fft.fftfreq(n1)
    fx = np.arange(n2 // 2 + 1) / n2
    r2 = fy[:, None] ** 2 + fx[None, :] ** 2
    w = np.where(r2 > cutoff * cutoff, _mirror_weights(n2)[None, :], 0.0).ravel()
    w.setflags(write=False)
    return w


def high_frequency_energy_half(half: np.ndarray, n_cols: int, cutoff: float = HIGH_EDGE) -> float:
    """:func:`high_frequency_energy` of the full spectrum, from its rfft2 half (mirror-weighted).

    Examples
    --------
    >>> x = np.random.default_rng(1).random((16, 14))
    >>> full = np.fft.fftshift(np.fft.fft2(x))
    >>> bool(np.isclose(high_frequency_energy_half(np.fft.rfft2(x), 14), high_frequency_energy(full)))
    True
    """
    h = np.asarray(half)
    if np.iscomplexobj(h):
        power = h.real * h.real
        power += h.imag * h.imag
    else:
        power = np.asarray(h, dtype=np.float64) ** 2
    return high_frequency_power_half(power, n_cols, cutoff)


def high_frequency_power_half(power: np.ndarray, n_cols: int, cutoff: float = HIGH_EDGE) -> float:
    """:func:`high_frequency_energy_half` from the squared magnitude ``|half|²`` (no complex pass).

    Examples
    --------
    >>> half = np.fft.rfft2(np.random.default_rng(1).random((16, 14)))
    >>> bool(np.isclose(high_frequency_power_half(np.abs(half) ** 2, 14), high_frequency_energy_half(half, 14)))
    True
    """
    p = np.asarray(power, dtype=np.float64)
    w = _hf_weights((p.shape[0], int(n_cols)), float(cutoff))
    return float(np.dot(p.ravel(), w))
