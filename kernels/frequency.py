"""Frequency-domain masks on a centred FFT grid (for the Filter Designer).

Conventions
-----------
* A mask has the image's shape ``(H, W)`` and is **centred** like
  ``numpy.fft.fftshift(numpy.fft.fft2(image))``: row ``i`` holds frequency
  ``fftshift(fftfreq(H))[i]`` cycles/pixel (positive = downwards), column ``j`` holds
  ``fftshift(fftfreq(W))[j]`` (positive = to the right). Apply it with
  ``ifft2(fft2(image) * ifftshift(mask)).real``.
* Cutoffs, notch centres and radii are **fractions of the Nyquist frequency**
  (1.0 = 0.5 cycles/pixel) and are isotropic in cycles/pixel, so a cutoff is a circle
  even for non-square images. The corners of the grid are at √2.
* Low-pass forms (``D`` = distance from DC, ``D0`` = cutoff):
  ideal ``D <= D0``; Butterworth (Gonzalez–Woods) ``1 / (1 + (D/D0)^(2n))`` — gain 0.5 at the
  cutoff for every order; Gaussian ``exp(-D^2 / (2 D0^2))`` — gain ``e^(-1/2)`` at the cutoff.
  High-pass = 1 − low-pass; band-pass = high-pass(low) × low-pass(high); band-stop = 1 − band-pass.
* Every mask returned is **exactly Hermitian-symmetric on the grid**
  (``M[k] == M[-k mod N]`` in unshifted indexing, also for even sizes), so filtering a real
  image gives a real result.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from numbers import Integral, Real

import numpy as np

from .numbers import format_number
from .spec import KernelError

__all__ = [
    "MASK_NAMES", "MASK_KINDS", "MASK_BANDS", "NOTCH_BANDS", "MAX_ORDER", "MAX_GRID_SIDE",
    "frequency_grid", "radius_grid", "lowpass", "highpass", "bandpass", "bandstop",
    "ideal", "butterworth", "gaussian", "notch",
    "mirror", "symmetrize", "is_hermitian", "implied_kernel", "crop_centre", "apply_mask",
    "cycles_to_nyquist", "nyquist_to_cycles",
]

#: Mask builders named like a filter (a spatial-kernel lookup of one of them points here).
MASK_NAMES: tuple[str, ...] = ("ideal", "butterworth", "notch")
#: Profile shapes (used by the band masks and by each notch).
MASK_KINDS: tuple[str, ...] = ("ideal", "butterworth", "gaussian")
MASK_BANDS: tuple[str, ...] = ("low", "high", "bandpass", "bandstop")
NOTCH_BANDS: tuple[str, ...] = ("reject", "pass")
MAX_ORDER: int = 10
MAX_GRID_SIDE: int = 8192


# ----------------------------------------------------------------------------- validation
def _shape(shape) -> tuple[int, int]:
    try:
        h, w = (int(s) for s in shape)
        ok = all(isinstance(s, (Integral, np.integer)) or float(s).is_integer() for s in shape)
    except (TypeError, ValueError):
        raise KernelError(f"The grid shape must be two whole numbers (got {shape!r}).") from None
    if not ok or h < 1 or w < 1 or h > MAX_GRID_SIDE or w > MAX_GRID_SIDE:
        raise KernelError(f"The grid shape must be two whole numbers from 1 to {MAX_GRID_SIDE} (got {shape!r}).")
    return h, w


def _fraction(value, what: str, *, allow_zero: bool = False, hi: float = 1.0) -> float:
    if isinstance(value, bool) or not isinstance(value, (Real, np.floating, np.integer)):
        raise KernelError(f"The {what} must be a number (got {value!r}).")
    v = float(value)
    lo_ok = v >= 0 if allow_zero else v > 0
    if not (math.isfinite(v) and lo_ok and v <= hi):
        rng = f"from 0 to {format_number(hi)}" if allow_zero else f"above 0 and at most {format_number(hi)}"
        raise KernelError(f"The {what} must be {rng} (fraction of Nyquist; got {value!r}).")
    return v


def _order(order) -> int:
    if isinstance(order, bool) or not isinstance(order, (Real, np.integer)) or not float(order).is_integer() \
            or not 1 <= int(order) <= MAX_ORDER:
        raise KernelError(f"The Butterworth order must be a whole number from 1 to {MAX_ORDER} (got {order!r}).")
    return int(order)


def _kind(kind: str) -> str:
    if kind == "gaussian_freq":
        kind = "gaussian"
    if kind not in MASK_KINDS:
        raise KernelError(f"Unknown mask kind {kind!r}; use one of: {', '.join(MASK_KINDS)}.")
    return kind


def _band_pair(low, high, band: str) -> tuple[float, float]:
    lo = _fraction(low, "low cutoff")
    hi = _fraction(high, "high cutoff")
    if not lo < hi:
        name = "Band-pass" if band == "bandpass" else "Band-stop"
        raise KernelError(f"{name} needs the low cutoff below the high cutoff (got {format_number(lo)} and {format_number(hi)}).")
    return lo, hi


# ----------------------------------------------------------------------------- grids
def frequency_grid(shape) -> tuple[np.ndarray, np.ndarray]:
    """Centred frequencies ``(fy, fx)`` in cycles/pixel, as 2-D broadcastable arrays.

    ``fy`` has shape ``(H, 1)`` and ``fx`` shape ``(1, W)``; values are
    ``fftshift(fftfreq(n))``, i.e. in ``[-0.5, 0.5)``.

    Examples
    --------
    >>> fy, fx = frequency_grid((4, 5))
    >>> fy.ravel().tolist(), fx.ravel().tolist()
    ([-0.5, -0.25, 0.0, 0.25], [-0.4, -0.2, 0.0, 0.2, 0.4])
    """
    h, w = _shape(shape)
    fy = np.fft.fftshift(np.fft.fftfreq(h))[:, None]
    fx = np.fft.fftshift(np.fft.fftfreq(w))[None, :]
    return fy, fx


def radius_grid(shape) -> np.ndarray:
    """Distance of every grid point from DC in fractions of Nyquist (0 at the centre, √2 at corners).

    Examples
    --------
    >>> radius_grid((4, 4))[2, 0]
    np.float64(1.0)
    """
    fy, fx = frequency_grid(shape)
    return np.sqrt((2.0 * fy) ** 2 + (2.0 * fx) ** 2)


def cycles_to_nyquist(f: float) -> float:
    """Convert cycles/pixel to a fraction of Nyquist (``0.25 → 0.5``).

    Examples
    --------
    >>> cycles_to_nyquist(0.25)
    0.5
    """
    return 2.0 * f


def nyquist_to_cycles(f: float) -> float:
    """Convert a fraction of Nyquist to cycles/pixel (``0.5 → 0.25``).

    Examples
    --------
    >>> nyquist_to_cycles(0.5)
    0.25
    """
    return 0.5 * f


# ----------------------------------------------------------------------------- symmetry
def mirror(mask: np.ndarray) -> np.ndarray:
    """The centred mask seen at ``-f``: ``out[k] = mask[-k mod N]`` in unshifted indexing.

    Examples
    --------
    >>> m = np.arange(4.0).reshape(1, 4)   # frequencies -2, -1, 0, 1 (of 4)
    >>> mirror(m)
    array([[0., 3., 2., 1.]])
    """
    m = np.asarray(mask)
    if m.ndim != 2:
        raise KernelError("A mask must be a 2-D array.")
    u = np.fft.ifftshift(m)
    u = np.roll(u[::-1, ::-1], 1, axis=(0, 1))
    return np.fft.fftshift(u)


def symmetrize(mask: np.ndarray, how: str = "mean") -> np.ndarray:
    """Make a centred real mask exactly Hermitian-symmetric (float64).

    ``how="mean"`` averages ``M(f)`` and ``M(-f)``; ``"min"`` keeps the smaller gain (a region
    removed on one side is removed on both); ``"max"`` the larger (kept on both).  Use it on
    free-hand masks; the parametric masks here are already symmetric.

    Examples
    --------
    >>> is_hermitian(symmetrize(np.random.default_rng(0).random((6, 7))))
    True
    >>> m = np.ones((8, 8)); m[4, 5] = 0.0  # one side of a mirror pair only
    >>> [float(symmetrize(m, how)[4, 3]) for how in ("mean", "min", "max")]
    [0.5, 0.0, 1.0]
    """
    m = np.asarray(mask, dtype=np.float64)
    mm = mirror(m)
    if how == "mean":
        return (m + mm) * 0.5
    if how == "min":
        return np.minimum(m, mm)
    if how == "max":
        return np.maximum(m, mm)
    raise KernelError(f"how must be 'mean', 'min' or 'max', not {how!r}.")


def is_hermitian(mask: np.ndarray, atol: float = 0.0) -> bool:
    """True if ``mask[k] == mask[-k]`` on the grid (within ``atol``; exact by default).

    Examples
    --------
    >>> is_hermitian(gaussian((16, 16), 0.3))
    True
    >>> m = np.ones((8, 8)); m[4, 5] = 0.0
    >>> is_hermitian(m)
    False
    """
    m = np.asarray(mask)
    if atol == 0.0:
        return bool(np.array_equal(m, mirror(m)))
    return bool(np.allclose(m, mirror(m), rtol=0.0, atol=atol))


# ----------------------------------------------------------------------------- profiles
def _low_profile(d: np.ndarray, cutoff: float, kind: str, order: int) -> np.ndarray:
    if kind == "ideal":
        return (d <= cutoff).astype(np.float64)
    if kind == "butterworth":
        with np.errstate(over="ignore"):
            return 1.0 / (1.0 + (d / cutoff) ** (2 * order))
    return np.exp(-(d * d) / (2.0 * cutoff * cutoff))


def lowpass(shape, cutoff: float, kind: str = "gaussian", order: int = 2) -> np.ndarray:
    """Low-pass mask: keeps frequencies inside ``cutoff`` (fraction of Nyquist).

    Parameters
    ----------
    shape : (int, int)
        Grid shape (the image's, or its padded FFT size).
    cutoff : float
        In (0, 1]; 1 = Nyquist (0.5 cycles/pixel).
    kind : {"ideal", "butterworth", "gaussian"}
    order : int
        Butterworth order n (1 … 10); ignored otherwise.

    Examples
    --------
    >>> m = lowpass((64, 64), 0.25, "butterworth", order=3)
    >>> float(m[32, 32]), float(m[32, 32 + 8])     # DC and the cutoff (8/64 cyc/px = 0.25 Nyquist)
    (1.0, 0.5)
    """
    kind = _kind(kind)
    order = _order(order) if kind == "butterworth" else 1
    c = _fraction(cutoff, "cutoff")
    return _low_profile(radius_grid(shape), c, kind, order)


def highpass(shape, cutoff: float, kind: str = "gaussian", order: int = 2) -> np.ndarray:
    """High-pass mask ``1 - lowpass(...)``.

    Examples
    --------
    >>> float(highpass((8, 8), 0.5, "ideal")[4, 4])
    0.0
    """
    return 1.0 - lowpass(shape, cutoff, kind, order)


def bandpass(shape, low: float, high: float, kind: str = "gaussian", order: int = 2) -> np.ndarray:
    """Band-pass mask ``highpass(low) * lowpass(high)``; needs ``0 < low < high <= 1``.

    Examples
    --------
    >>> m = bandpass((64, 64), 0.2, 0.6, "ideal")
    >>> float(m[32, 32]), float(m[32, 32 + 10])   # DC removed; 0.3125 Nyquist kept
    (0.0, 1.0)
    """
    lo, hi = _band_pair(low, high, "bandpass")
    return highpass(shape, lo, kind, order) * lowpass(shape, hi, kind, order)


def bandstop(shape, low: float, high: float, kind: str = "gaussian", order: int = 2) -> np.ndarray:
    """Band-stop mask ``1 - bandpass(...)``; needs ``0 < low < high <= 1``.

    Examples
    --------
    >>> m = bandstop((64, 64), 0.2, 0.6)
    >>> float(m[32, 32]), round(float(m[32, 32 + 14]), 3)  # DC passes, mid-band is cut to about 0.3
    (1.0, 0.303)
    """
    lo, hi = _band_pair(low, high, "bandstop")
    return 1.0 - bandpass(shape, lo, hi, kind, order)


def _by_band(shape, cutoff, band: str, kind: str, order: int) -> np.ndarray:
    if band in ("low", "high"):
        if isinstance(cutoff, (tuple, list)):
            raise KernelError(f"A {band}-pass mask takes one cutoff, not two.")
        return (lowpass if band == "low" else highpass)(shape, cutoff, kind, order)
    if band in ("bandpass", "bandstop"):
        try:
            low, high = cutoff
        except (TypeError, ValueError):
            raise KernelError(f"A {band} mask needs two cutoffs (low, high).") from None
        return (bandpass if band == "bandpass" else bandstop)(shape, low, high, kind, order)
    raise KernelError(f"Unknown band {band!r}; use one of: {', '.join(MASK_BANDS)}.")


def ideal(shape, cutoff=0.25, band: str = "low") -> np.ndarray:
    """Ideal (brick-wall) mask. ``cutoff`` is one number, or ``(low, high)`` for band masks.

    Examples
    --------
    >>> ideal((16, 16), (0.25, 0.75), "bandstop").shape
    (16, 16)
    """
    return _by_band(shape, cutoff, band, "ideal", 1)


def butterworth(shape, cutoff=0.25, band: str = "low", order: int = 2) -> np.ndarray:
    """Butterworth mask ``1/(1+(D/D0)^(2n))`` (gain 0.5 at the cutoff). See :func:`ideal`.

    Examples
    --------
    >>> m = butterworth((64, 64), 0.25)
    >>> float(m[32, 32]), float(m[32, 32 + 8])  # gain 1/2 at a quarter of Nyquist
    (1.0, 0.5)
    """
    return _by_band(shape, cutoff, band, "butterworth", order)


def gaussian(shape, cutoff=0.25, band: str = "low") -> np.ndarray:
    """Gaussian mask ``exp(-D^2/(2 D0^2))`` (gain e^-1/2 at the cutoff). See :func:`ideal`.

    Examples
    --------
    >>> m = gaussian((64, 64), 0.25)
    >>> round(float(m[32, 32 + 8]), 4)  # e^-1/2 at the cutoff
    0.6065
    """
    return _by_band(shape, cutoff, band, "gaussian", 1)


def _coord(value, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (Real, np.floating, np.integer)):
        raise KernelError(f"The {what} must be a number (got {value!r}).")
    v = float(value)
    if not (math.isfinite(v) and -1.0 <= v <= 1.0):
        raise KernelError(f"The {what} must be from -1 to 1 (fraction of Nyquist; got {value!r}).")
    return v


def _centres(centres) -> list[tuple[float, float]]:
    try:
        pts = [tuple(c) for c in centres]
    except TypeError:
        raise KernelError("Notch centres must be a list of (fx, fy) pairs.") from None
    out: list[tuple[float, float]] = []
    for i, p in enumerate(pts, start=1):
        if len(p) != 2:
            raise KernelError(f"Notch {i} must be a pair (fx, fy) (got {p!r}).")
        fx, fy = (_coord(v, f"notch {i} {axis} position") for v, axis in zip(p, "xy"))
        # drop a centre whose mirror (or itself) is already listed: the mirror is added anyway
        if any(abs(fx - a) < 1e-12 and abs(fy - b) < 1e-12 or abs(fx + a) < 1e-12 and abs(fy + b) < 1e-12
               for a, b in out):
            continue
        out.append((fx, fy))
    return out


def notch(shape, centres: Iterable[Sequence[float]], radius: float = 0.05, kind: str = "gaussian",
          *, order: int = 2, band: str = "reject") -> np.ndarray:
    """Notch mask: removes (or keeps only) small discs around ``centres`` **and their mirrors**.

    Parameters
    ----------
    shape : (int, int)
    centres : sequence of (fx, fy)
        Horizontal then vertical frequency of each notch, fractions of Nyquist in [-1, 1];
        ``fy`` positive means lower rows of the centred spectrum. The mirror ``(-fx, -fy)``
        is added automatically, so the filtered image stays real.
    radius : float
        Notch radius (fraction of Nyquist, > 0).
    kind : {"ideal", "butterworth", "gaussian"}
        Profile of each notch (same forms as the low-pass masks; gain 0 at each centre).
    order : int
        Butterworth order.
    band : {"reject", "pass"}
        ``"reject"`` removes the notches; ``"pass"`` keeps only them (``1 - reject``).

    Examples
    --------
    >>> m = notch((64, 64), [(0.25, 0.0)], radius=0.05)
    >>> float(m[32, 32 + 8]), float(m[32, 32 - 8]), round(float(m[32, 32]), 4)   # notch, mirror, DC
    (0.0, 0.0, 1.0)
    """
    h, w = _shape(shape)
    kind = _kind(kind)
    order = _order(order) if kind == "butterworth" else 1
    r = _fraction(radius, "notch radius")
    if band not in NOTCH_BANDS:
        raise KernelError(f"Unknown notch band {band!r}; use 'reject' or 'pass'.")
    fy, fx = frequency_grid((h, w))
    gy, gx = 2.0 * fy, 2.0 * fx
    raw = np.ones((h, w))
    for cx, cy in _centres(centres):
        d = np.sqrt((gx - cx) ** 2 + (gy - cy) ** 2)
        raw *= 1.0 - _low_profile(d, r, kind, order)
    m = raw * mirror(raw)  # the mirror of a notch at c is a notch at -c; the product is exactly symmetric
    return m if band == "reject" else 1.0 - m


# ----------------------------------------------------------------------------- helpers for pages
def apply_mask(image: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Filter a real 2-D image with a centred mask of the same shape (circular, no padding).

    Examples
    --------
    >>> img = np.random.default_rng(1).random((8, 8))
    >>> bool(np.allclose(apply_mask(img, np.ones((8, 8))), img))
    True
    """
    img = np.asarray(image, dtype=np.float64)
    m = np.asarray(mask, dtype=np.float64)
    if img.ndim != 2 or img.shape != m.shape:
        raise KernelError(f"The mask shape {m.shape} does not match the image shape {img.shape}.")
    return np.fft.ifft2(np.fft.fft2(img) * np.fft.ifftshift(m)).real


def implied_kernel(mask: np.ndarray, size: int | None = None) -> np.ndarray:
    """The spatial kernel a centred mask implies: ``fftshift(ifft2(ifftshift(mask))).real``.

    Centred at index ``(H//2, W//2)``; with ``size`` (odd) the central ``size × size`` crop
    (:func:`crop_centre`). Convolving with the full kernel (circularly) equals
    applying the mask; its sum equals the mask's value at DC.

    Examples
    --------
    >>> k = implied_kernel(lowpass((64, 64), 0.3, "gaussian"), size=7)
    >>> k.shape, bool(k[3, 3] == k.max())
    ((7, 7), True)
    """
    m = np.asarray(mask, dtype=np.float64)
    if m.ndim != 2:
        raise KernelError("A mask must be a 2-D array.")
    k = np.fft.fftshift(np.fft.ifft2(np.fft.ifftshift(m)).real)
    return k if size is None else crop_centre(k, size)


def crop_centre(kernel: np.ndarray, size: int) -> np.ndarray:
    """The central ``size × size`` taps of a kernel centred at ``(H // 2, W // 2)`` (``size`` odd).

    Square, and symmetric about the centre: at most the largest odd side that fits the grid.

    Examples
    --------
    >>> crop_centre(np.arange(25.0).reshape(5, 5), 3)
    array([[ 6.,  7.,  8.],
           [11., 12., 13.],
           [16., 17., 18.]])
    >>> crop_centre(np.zeros((7, 9)), 63).shape
    (7, 7)
    """
    if isinstance(size, bool) or int(size) != size or size < 1 or size % 2 == 0:
        raise KernelError(f"The kernel size must be an odd whole number (got {size!r}).")
    h = np.asarray(kernel)
    ny, nx = h.shape
    cy, cx = ny // 2, nx // 2
    r = min(int(size) // 2, cy, ny - 1 - cy, cx, nx - 1 - cx)
    return h[cy - r: cy + r + 1, cx - r: cx + r + 1].copy()
