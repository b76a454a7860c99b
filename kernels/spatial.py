"""Spatial convolution kernels: small pure functions returning float64 2-D arrays. The low-pass
kernels live here, the high-pass and band-pass ones in :mod:`kernels.detail`, the derivative and
template ones in :mod:`kernels.directional`.

Conventions (shared by every function here)
-------------------------------------------
* Kernels are meant for **convolution** (``app.backend.convolve``); the centre of an
  odd-sized kernel is its middle element. Only ``roberts`` is 2×2 (its classic form).
* Angles are in **degrees, counter-clockwise from the +x axis as seen on screen**
  (x to the right, y up; array rows go down).
* Sign of derivative kernels: convolving with ``sobel_x`` gives a positive response where
  brightness increases to the right, ``sobel_y`` where it increases downwards
  (the textbook ``[[1, 0, -1], [2, 0, -2], [1, 0, -1]]`` form).
* Low-pass kernels sum to 1; Laplacian-type kernels, the DoG and the Kirsch and line masks
  sum to 0; ``high_boost`` sums to its boost factor ``A``.
* Masks that are classically *templates* (Kirsch, line detector) are stored exactly as the
  textbooks draw them. Used as templates (correlation) they respond to the pattern they show;
  convolution flips them (it makes no difference for the point-symmetric line masks).
"""

from __future__ import annotations

import math

import numpy as np
from scipy.signal import windows as _windows
from scipy.special import comb

from .numbers import format_number
from .spec import MAX_KERNEL_SIDE, KernelError

__all__ = [
    "identity", "box", "gaussian", "gaussian_size", "disk", "motion", "tent", "binomial", "sinc",
    "WINDOWS",
]


# ----------------------------------------------------------------------------- helpers
def _offsets(radius: int) -> tuple[np.ndarray, np.ndarray]:
    """Row and column offsets ``(r, c)`` of a ``(2*radius+1)``-square kernel, centre = 0."""
    ax = np.arange(-radius, radius + 1, dtype=np.float64)
    return np.meshgrid(ax, ax, indexing="ij")


def _check_odd_size(size: int, name: str = "size") -> int:
    try:
        ok = float(size).is_integer() and 1 <= size <= MAX_KERNEL_SIDE and int(size) % 2 == 1
    except (TypeError, ValueError):
        ok = False
    if not ok or isinstance(size, bool):
        raise KernelError(f"{name} must be an odd whole number from 1 to {MAX_KERNEL_SIDE} (got {size!r}).")
    return int(size)


def _check_positive(value: float, name: str) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        v = math.nan
    if isinstance(value, (bool, str)) or not (math.isfinite(v) and v > 0):
        raise KernelError(f"{name} must be a positive number (got {value!r}).")
    return v


def _check_alpha(alpha: float) -> float:
    try:
        a = float(alpha)
    except (TypeError, ValueError):
        a = math.nan
    if isinstance(alpha, (bool, str)) or not (0.0 <= a <= 1.0):
        raise KernelError(f"alpha must be a number from 0 to 1 (got {alpha!r}).")
    return a


def _check_angle(angle: float, name: str = "angle") -> float:
    try:
        a = float(angle)
    except (TypeError, ValueError):
        a = math.nan
    if isinstance(angle, (bool, str)) or not math.isfinite(a):
        raise KernelError(f"{name} must be a number of degrees (got {angle!r}).")
    return a


def _check_choice(value: str, options: tuple[str, ...], name: str) -> str:
    key = value.strip().lower() if isinstance(value, str) else None
    if key not in options:
        raise KernelError(f"{name} must be one of: {', '.join(options)} (got {value!r}).")
    return key


def _coverage(radius: int, inside, samples: int = 11, near=None) -> np.ndarray:
    """Fraction of each pixel of a ``(2r+1)``-square grid where ``inside(col, up)`` holds.

    Supersampled with ``samples × samples`` points per pixel, placed symmetrically so that
    symmetric shapes give exactly symmetric kernels. ``up`` is ``-row`` (y points up).
    ``near(col, up)``, if given, marks the pixel centres that may be covered at all (the
    others are 0 and skipped), which keeps long thin shapes cheap.
    """
    sub = (np.arange(samples) + 0.5) / samples - 0.5
    r, c = _offsets(radius)
    out = np.zeros_like(r)
    sel = np.ones(r.shape, dtype=bool) if near is None else near(c, -r)
    rows = r[sel][:, None, None] + sub[None, :, None]
    cols = c[sel][:, None, None] + sub[None, None, :]
    out[sel] = inside(cols, -rows).mean(axis=(1, 2))
    return out


def _normalise(h: np.ndarray) -> np.ndarray:
    return h / h.sum()


# ----------------------------------------------------------------------------- low-pass
def identity() -> np.ndarray:
    """The 3×3 identity kernel: convolving with it changes nothing (all-pass).

    Examples
    --------
    >>> identity()[1, 1]
    np.float64(1.0)
    """
    h = np.zeros((3, 3))
    h[1, 1] = 1.0
    return h


def box(size: int = 3) -> np.ndarray:
    """Box (mean) filter: ``ones((size, size)) / size**2``.

    Parameters
    ----------
    size : int
        Odd side length, 1 … 63.

    Examples
    --------
    >>> box(3).sum()
    np.float64(1.0)
    """
    size = _check_odd_size(size)
    return np.full((size, size), 1.0 / (size * size))


def gaussian_size(sigma: float) -> int:
    """The odd side that holds a Gaussian to ±3σ: ``2⌈3σ⌉ + 1`` (at most ``MAX_KERNEL_SIDE``).

    Cutting a Gaussian much shorter leaves a box-like kernel whose spectrum has side lobes.

    Examples
    --------
    >>> gaussian_size(1.0), gaussian_size(3.0), gaussian_size(0.5), gaussian_size(20.0)
    (7, 19, 5, 63)
    """
    sigma = _check_positive(sigma, "sigma")
    return min(2 * math.ceil(3.0 * sigma - 1e-9) + 1, MAX_KERNEL_SIDE)


def gaussian(size: int | None = None, sigma: float = 1.0) -> np.ndarray:
    """Gaussian blur, normalised to sum 1 (MATLAB ``fspecial('gaussian', size, sigma)``).

    Parameters
    ----------
    size : int, optional
        Odd side length; by default :func:`gaussian_size` (``2⌈3σ⌉ + 1``), so it follows sigma.
    sigma : float
        Standard deviation in pixels.

    Examples
    --------
    >>> gaussian(3, 0.5).round(4)[1]
    array([0.0838, 0.6193, 0.0838])
    >>> gaussian(sigma=3).shape
    (19, 19)
    """
    sigma = _check_positive(sigma, "sigma")
    size = _check_odd_size(gaussian_size(sigma) if size is None else size)
    r, c = _offsets(size // 2)
    h = np.exp(-(r * r + c * c) / (2.0 * sigma * sigma))
    return _normalise(h)


def disk(radius: float = 3.0) -> np.ndarray:
    """Pill-box (defocus) blur: a disc of the given radius, anti-aliased, sum 1.

    Side ``2*ceil(radius - 0.5) + 1`` as in MATLAB ``fspecial('disk', radius)``; each pixel is
    weighted by the exact fraction of its area inside the disc (MATLAB's centre-pixel quirk
    is not copied).

    Examples
    --------
    >>> disk(1.0).shape
    (3, 3)
    >>> bool(disk(2.5)[2, 2] == disk(2.5).max())
    True
    """
    radius = _check_positive(radius, "radius")
    half = max(int(math.ceil(radius - 0.5)), 0)
    if 2 * half + 1 > MAX_KERNEL_SIDE:
        raise KernelError(f"radius must be at most {format_number(MAX_KERNEL_SIDE / 2)} (got {format_number(radius)}).")
    n = 2 * half + 1
    sub = max(64, 4096 // n)  # midpoint rule in x (error ~1e-5 of a pixel); the y-overlap is exact
    xs = (np.arange(n * sub) + 0.5) / sub - half - 0.5
    s = np.sqrt(np.maximum(radius * radius - xs * xs, 0.0))
    edges = np.arange(n + 1) - half - 0.5
    top = np.minimum(edges[1:, None], s[None, :])
    bottom = np.maximum(edges[:-1, None], -s[None, :])
    overlap = np.clip(top - bottom, 0.0, None)  # (rows, x-samples)
    area = overlap.reshape(n, n, sub).mean(axis=2)
    area = 0.5 * (area + area.T)  # the disc is symmetric under x<->y; remove integration asymmetry
    return _normalise(area)


def motion(length: int = 9, angle: float = 0.0) -> np.ndarray:
    """Linear motion blur: a 1-pixel-wide line of ``length`` pixels at ``angle`` degrees, sum 1.

    At 0° and 90° it is exactly ``ones(length) / length`` (as MATLAB ``fspecial('motion')``);
    other angles are anti-aliased by pixel coverage. The kernel is square and odd-sized.

    Examples
    --------
    >>> motion(5, 0)[2]
    array([0.2, 0.2, 0.2, 0.2, 0.2])
    """
    length = _check_positive(length, "length")
    t = math.radians(_check_angle(angle))
    ct, st = math.cos(t), math.sin(t)
    # snap tiny cos/sin (e.g. cos 90°) so that 0°, 90°, 180° are exact
    ct = 0.0 if abs(ct) < 1e-12 else ct
    st = 0.0 if abs(st) < 1e-12 else st
    ext_x = length / 2 * abs(ct) + 0.5 * abs(st)
    ext_y = length / 2 * abs(st) + 0.5 * abs(ct)
    # Near-axis angles at the longest lengths overhang the largest kernel by a sliver of one
    # pixel; cropping that sliver (then renormalising) keeps every slider value usable.
    half = min(max(int(math.ceil(max(ext_x, ext_y) + 0.5)) - 1, 0), MAX_KERNEL_SIDE // 2)

    def inside(x, y):
        along = x * ct + y * st
        across = -x * st + y * ct
        return (np.abs(along) <= length / 2) & (np.abs(across) <= 0.5)

    reach = 0.5 * math.sqrt(2.0) + 1e-9  # a pixel's half-diagonal

    def near(x, y):
        along = x * ct + y * st
        across = -x * st + y * ct
        return (np.abs(along) <= length / 2 + reach) & (np.abs(across) <= 0.5 + reach)

    h = _coverage(half, inside, samples=11, near=near)
    return _normalise(h)


def _triangle(size: int) -> np.ndarray:
    """1-D triangle ``1, 2, …, r+1, …, 2, 1`` of odd length ``size = 2r + 1``, sum 1."""
    r = size // 2
    t = r + 1.0 - np.abs(np.arange(-r, r + 1, dtype=np.float64))
    return t / t.sum()


def tent(size: int = 5) -> np.ndarray:
    """Tent (bilinear) blur: the outer product of two triangles, sum 1.

    ``t = [1, 2, …, r+1, …, 2, 1] / (r+1)**2`` with ``size = 2r + 1``; the triangle is a
    box of width ``r + 1`` convolved with itself, and the kernel of bilinear interpolation
    for an upsampling factor of ``r + 1``.

    Parameters
    ----------
    size : int
        Odd side length, 1 … 63.

    Examples
    --------
    >>> tent(3) * 16
    array([[1., 2., 1.],
           [2., 4., 2.],
           [1., 2., 1.]])
    """
    t = _triangle(_check_odd_size(size))
    return np.outer(t, t)


def binomial(order: int = 4) -> np.ndarray:
    """Binomial blur: the outer product of row ``order`` of Pascal's triangle, sum 1.

    ``b[k] = C(order, k) / 2**order`` for ``k = 0 … order``, a ``(order+1)``-square kernel
    (``order`` 2 gives ``[1, 2, 1]ᵀ[1, 2, 1] / 16``). It is ``[1, 1] / 2`` convolved with
    itself ``order`` times, and approaches a Gaussian of σ² = order / 4.

    Parameters
    ----------
    order : int
        Even whole number, 0 … 62 (even, so the kernel has a centre pixel).

    Examples
    --------
    >>> binomial(4)[2] * 256
    array([ 6., 24., 36., 24.,  6.])
    """
    ok = isinstance(order, (int, np.integer)) or (isinstance(order, float) and order.is_integer())
    if isinstance(order, bool) or not ok or not 0 <= order <= MAX_KERNEL_SIDE - 1 or int(order) % 2:
        raise KernelError(f"order must be an even whole number from 0 to {MAX_KERNEL_SIDE - 1} (got {order!r}).")
    n = int(order)
    b = comb(n, np.arange(n + 1)) / 2.0**n
    return np.outer(b, b)


#: Windows of :func:`sinc` (``scipy.signal.windows``, symmetric: Hann is zero at both ends).
WINDOWS: tuple[str, ...] = ("rectangular", "hann", "hamming")
_WINDOW_FUNCTIONS = {"rectangular": _windows.boxcar, "hann": _windows.hann, "hamming": _windows.hamming}


def sinc(size: int = 21, cutoff: float = 0.15, window: str = "rectangular") -> np.ndarray:
    """Windowed-sinc low-pass: the ideal (brick-wall) low-pass cut to ``size`` pixels, sum 1.

    Separable: the outer product of the 1-D filter ``h[n] ∝ 2 fc sinc(2 fc n) w[n]``
    (``n = -size//2 … size//2``, ``sinc(x) = sin(πx)/(πx)``), normalised to sum 1 — the same
    taps as ``scipy.signal.firwin(size, cutoff, window=..., fs=1)``. The rectangular window
    (plain truncation) keeps the ideal filter's sharp cut but shows its ringing (a Gibbs
    overshoot in the response — 4.1 % for the default 21 taps; it depends on the size and the
    cutoff, and the 9 % often quoted is the limit of an ideal step — and ripples beside edges
    in the image); the Hann and Hamming windows taper the sinc and trade a wider transition
    for much less ringing.

    Parameters
    ----------
    size : int
        Odd side length, 1 … 63.
    cutoff : float
        Cutoff frequency ``fc`` in cycles/pixel, 0 < fc ≤ 0.5 (0.5 is the Nyquist frequency).
    window : {"rectangular", "hann", "hamming"}
        Taper applied to the sinc.

    Examples
    --------
    >>> h = sinc(21, 0.15, "hann")
    >>> h.shape, round(float(h.sum()), 12), bool(h[0, 0] == 0)
    ((21, 21), 1.0, True)
    >>> taps = sinc(21, 0.15)[10] / sinc(21, 0.15)[10].sum()  # the 1-D filter (one row)
    >>> round(float(np.abs(np.fft.fft(taps, 8192)).max() - 1), 3)  # Gibbs overshoot at 21 taps
    0.041
    """
    size = _check_odd_size(size)
    fc = _check_positive(cutoff, "cutoff")
    if fc > 0.5:
        raise KernelError(f"cutoff must be a number of cycles/pixel above 0 and at most 0.5 (got {cutoff!r}).")
    w = _WINDOW_FUNCTIONS[_check_choice(window, WINDOWS, "window")](size)
    n = np.arange(size, dtype=np.float64) - size // 2
    h = 2.0 * fc * np.sinc(2.0 * fc * n) * w
    h /= h.sum()
    return np.outer(h, h)
