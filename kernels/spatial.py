"""Spatial convolution kernels: small pure functions returning float64 2-D arrays.

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

from .spec import MAX_KERNEL_SIDE, ChoiceParam, KernelError, KernelSpec, Param

__all__ = [
    "identity", "box", "gaussian", "gaussian_size", "disk", "motion", "tent", "binomial", "sinc",
    "laplacian", "log", "outline", "sharpen", "unsharp", "high_boost",
    "sobel_x", "sobel_y", "prewitt_x", "prewitt_y", "scharr_x", "scharr_y", "roberts", "emboss",
    "kirsch", "line",
    "dog", "gabor",
    "KIRSCH_DIRECTIONS", "LINE_DIRECTIONS", "WINDOWS",
    "SPECS", "BUILDERS",
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
        raise KernelError(f"radius must be at most {MAX_KERNEL_SIDE / 2:g} (got {radius:g}).")
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


# ----------------------------------------------------------------------------- high-pass
def laplacian(alpha: float = 0.2) -> np.ndarray:
    """3×3 Laplacian (MATLAB ``fspecial('laplacian', alpha)``), sums to 0.

    ``alpha`` (0 … 1) blends the 4-neighbour (alpha 0) and the diagonal form (alpha 1).

    Examples
    --------
    >>> laplacian(0.0)
    array([[ 0.,  1.,  0.],
           [ 1., -4.,  1.],
           [ 0.,  1.,  0.]])
    """
    a = _check_alpha(alpha)
    e = (1.0 - a) / 4.0
    d = a / 4.0
    h = np.array([[d, e, d], [e, -1.0, e], [d, e, d]]) * (4.0 / (a + 1.0))
    return h


def log(size: int = 9, sigma: float = 1.4) -> np.ndarray:
    """Laplacian of Gaussian ("Mexican hat" turned over), zero-sum (MATLAB ``fspecial('log')``).

    Negative in the centre like :func:`laplacian`; ``sigma`` sets the scale of the edges found.

    Examples
    --------
    >>> bool(abs(log(9, 1.4).sum()) < 1e-12)
    True
    """
    size = _check_odd_size(size)
    sigma = _check_positive(sigma, "sigma")
    r, c = _offsets(size // 2)
    d2 = r * r + c * c
    g = np.exp(-d2 / (2.0 * sigma * sigma))
    g /= g.sum()
    h = g * (d2 - 2.0 * sigma * sigma) / sigma**4
    return h - h.mean()


def outline() -> np.ndarray:
    """8-neighbour outline / edge kernel ``[[-1,-1,-1],[-1,8,-1],[-1,-1,-1]]`` (sums to 0).

    Examples
    --------
    >>> outline()
    array([[-1., -1., -1.],
           [-1.,  8., -1.],
           [-1., -1., -1.]])
    """
    h = -np.ones((3, 3))
    h[1, 1] = 8.0
    return h


def sharpen() -> np.ndarray:
    """Classic sharpen ``[[0,-1,0],[-1,5,-1],[0,-1,0]]`` = identity − Laplacian (sums to 1).

    Examples
    --------
    >>> sharpen().sum()
    np.float64(1.0)
    """
    return np.array([[0.0, -1.0, 0.0], [-1.0, 5.0, -1.0], [0.0, -1.0, 0.0]])


def unsharp(alpha: float = 0.2) -> np.ndarray:
    """3×3 unsharp-masking kernel (MATLAB ``fspecial('unsharp', alpha)``), sums to 1.

    Equals ``identity - laplacian(alpha)``.

    Examples
    --------
    >>> round(float(unsharp(0.2).sum()), 12)
    1.0
    """
    a = _check_alpha(alpha)
    return np.array([[-a, a - 1, -a], [a - 1, a + 5, a - 1], [-a, a - 1, -a]]) / (a + 1.0)


def high_boost(A: float = 1.5, alpha: float = 0.0) -> np.ndarray:  # noqa: N803 - the textbook's name
    """High-boost filter ``A·δ − ∇²`` (Gonzalez & Woods), sums to ``A``.

    Gonzalez & Woods define high-boost filtering as ``f_hb = A f − f_lp`` (``A ≥ 1``), i.e.
    ``(A − 1) f + f_hp``, and take the high-pass part as the Laplacian sharpening
    ``f − ∇²f``, which gives the composite mask ``A·δ − ∇²``: centre ``A + 4`` and ``−1`` on
    the four neighbours for ``alpha = 0`` (their 4-neighbour high-boost mask). ``∇²`` is
    :func:`laplacian` (``alpha`` blends in the diagonals, as in MATLAB), so the kernel is
    ``(A − 1)·identity + unsharp(alpha)``: ``A = 1`` gives :func:`unsharp` (and, with
    ``alpha = 0``, :func:`sharpen`); larger ``A`` adds more of the original image, so the DC
    gain (brightness) is ``A`` while high frequencies are still boosted.

    Parameters
    ----------
    A : float
        Boost factor, ``A ≥ 1``.
    alpha : float
        Diagonal weight of the Laplacian, 0 … 1.

    Examples
    --------
    >>> high_boost(1.5)
    array([[ 0. , -1. ,  0. ],
           [-1. ,  5.5, -1. ],
           [ 0. , -1. ,  0. ]])
    """
    boost = _check_positive(A, "A")
    if boost < 1.0:
        raise KernelError(f"A must be a number of at least 1 (got {A!r}).")
    h = 0.0 - laplacian(alpha)  # 0.0 - x: no -0.0 where the Laplacian is 0
    h[1, 1] += boost
    return h


# ----------------------------------------------------------------------------- directional
def _derivative(smooth: tuple[float, float, float]) -> np.ndarray:
    """x-derivative kernel ``smooth ⊗ [1, 0, -1]`` (positive for brightness rising to the right)."""
    return np.outer(np.asarray(smooth, dtype=np.float64), np.array([1.0, 0.0, -1.0]))


def sobel_x() -> np.ndarray:
    """Sobel x-derivative ``[[1,0,-1],[2,0,-2],[1,0,-1]]``: finds vertical edges.

    Examples
    --------
    >>> sobel_x()
    array([[ 1.,  0., -1.],
           [ 2.,  0., -2.],
           [ 1.,  0., -1.]])
    """
    return _derivative((1.0, 2.0, 1.0))


def sobel_y() -> np.ndarray:
    """Sobel y-derivative ``[[1,2,1],[0,0,0],[-1,-2,-1]]``: finds horizontal edges.

    Examples
    --------
    >>> sobel_y()
    array([[ 1.,  2.,  1.],
           [ 0.,  0.,  0.],
           [-1., -2., -1.]])
    """
    return sobel_x().T.copy()


def prewitt_x() -> np.ndarray:
    """Prewitt x-derivative ``[[1,0,-1],[1,0,-1],[1,0,-1]]``.

    Examples
    --------
    >>> prewitt_x()
    array([[ 1.,  0., -1.],
           [ 1.,  0., -1.],
           [ 1.,  0., -1.]])
    """
    return _derivative((1.0, 1.0, 1.0))


def prewitt_y() -> np.ndarray:
    """Prewitt y-derivative ``[[1,1,1],[0,0,0],[-1,-1,-1]]``.

    Examples
    --------
    >>> prewitt_y()
    array([[ 1.,  1.,  1.],
           [ 0.,  0.,  0.],
           [-1., -1., -1.]])
    """
    return prewitt_x().T.copy()


def scharr_x() -> np.ndarray:
    """Scharr x-derivative ``[[3,0,-3],[10,0,-10],[3,0,-3]]`` (more rotation-invariant than Sobel).

    Examples
    --------
    >>> scharr_x()[1]
    array([ 10.,   0., -10.])
    """
    return _derivative((3.0, 10.0, 3.0))


def scharr_y() -> np.ndarray:
    """Scharr y-derivative ``[[3,10,3],[0,0,0],[-3,-10,-3]]``.

    Examples
    --------
    >>> scharr_y()[:, 1]
    array([ 10.,   0., -10.])
    """
    return scharr_x().T.copy()


def roberts() -> np.ndarray:
    """Roberts cross ``[[1, 0], [0, -1]]`` (2×2, diagonal difference).

    Examples
    --------
    >>> roberts()
    array([[ 1.,  0.],
           [ 0., -1.]])
    """
    return np.array([[1.0, 0.0], [0.0, -1.0]])


def emboss(angle: float = 315.0) -> np.ndarray:
    """3×3 emboss: a directional derivative plus the identity (sums to 1).

    The weights grow towards ``angle`` (degrees, counter-clockwise, 0 = right). At 315°
    (towards the bottom right) this is the classic ``[[-2,-1,0],[-1,1,1],[0,1,2]]``.

    Examples
    --------
    >>> emboss(315)
    array([[-2., -1.,  0.],
           [-1.,  1.,  1.],
           [ 0.,  1.,  2.]])
    """
    t = math.radians(_check_angle(angle))
    ct, st = math.cos(t), math.sin(t)
    r, c = _offsets(1)
    w = (c * ct + (-r) * st) / max(abs(ct), abs(st))
    w = np.round(w, 12) + 0.0  # exact integers at multiples of 45°, and no -0.0
    w[1, 1] = 1.0
    return w


#: Directions of :func:`kirsch`, clockwise from north (the side of the mask holding the 5s).
KIRSCH_DIRECTIONS: tuple[str, ...] = ("n", "ne", "e", "se", "s", "sw", "w", "nw")
# The eight border cells of a 3×3 mask, clockwise from the top-left corner.
_RING = ((0, 0), (0, 1), (0, 2), (1, 2), (2, 2), (2, 1), (2, 0), (1, 0))


def kirsch(direction: str = "n") -> np.ndarray:
    """Kirsch compass mask: ``5`` on three adjacent border cells, ``−3`` on the other five, 0 centre.

    ``direction`` names the side holding the 5s (Kirsch 1971): ``"n"`` is
    ``[[5, 5, 5], [-3, 0, -3], [-3, -3, -3]]`` and each step clockwise (``"ne"``, ``"e"``, …)
    moves the 5s one border cell round. As a template (correlation) it responds most where
    the image is brighter on that side; convolution flips it (then ``"n"`` responds to
    brighter-below). The Kirsch edge strength is the maximum over the eight directions.

    Examples
    --------
    >>> kirsch("ne")
    array([[-3.,  5.,  5.],
           [-3.,  0.,  5.],
           [-3., -3., -3.]])
    """
    i = KIRSCH_DIRECTIONS.index(_check_choice(direction, KIRSCH_DIRECTIONS, "direction"))
    h = np.full((3, 3), -3.0)
    h[1, 1] = 0.0
    for j in range(i, i + 3):
        h[_RING[j % 8]] = 5.0
    return h


#: Directions of :func:`line`: the line's angle on screen (counter-clockwise from the +x axis).
LINE_DIRECTIONS: tuple[str, ...] = ("horizontal", "plus45", "vertical", "minus45")


def line(direction: str = "horizontal") -> np.ndarray:
    """Line detector (Gonzalez & Woods): ``2`` along a one-pixel line through the centre, ``−1`` elsewhere.

    ``"horizontal"`` is ``[[-1, -1, -1], [2, 2, 2], [-1, -1, -1]]``, ``"vertical"`` its
    transpose; ``"plus45"`` is the line rising to the right on screen (the anti-diagonal)
    and ``"minus45"`` the line falling to the right (the main diagonal), following this
    catalogue's angle convention. Gonzalez & Woods draw the same four masks but measure
    angles in their image axes (x down, y right), where the main diagonal is +45°. Each
    mask sums to 0 and is point-symmetric, so convolution and correlation agree.

    Examples
    --------
    >>> line("plus45")
    array([[-1., -1.,  2.],
           [-1.,  2., -1.],
           [ 2., -1., -1.]])
    """
    d = _check_choice(direction, LINE_DIRECTIONS, "direction")
    on_line = np.zeros((3, 3))
    if d == "horizontal":
        on_line[1, :] = 1.0
    elif d == "vertical":
        on_line[:, 1] = 1.0
    else:
        on_line = np.eye(3) if d == "minus45" else np.eye(3)[::-1]
    return 3.0 * on_line - 1.0


# ----------------------------------------------------------------------------- band-pass
def dog(sigma1: float = 1.0, sigma2: float = 2.0) -> np.ndarray:
    """Difference of Gaussians ``G(sigma1) - G(sigma2)``, exactly zero-sum.

    Each Gaussian is normalised on the same grid of side ``2*ceil(3*max(sigma)) + 1``.
    With ``sigma1 < sigma2`` the centre is positive (a band-pass "Mexican hat").

    Examples
    --------
    >>> dog(1.0, 2.0).shape
    (13, 13)
    """
    s1 = _check_positive(sigma1, "sigma1")
    s2 = _check_positive(sigma2, "sigma2")
    half = int(math.ceil(3.0 * max(s1, s2)))
    half = min(half, (MAX_KERNEL_SIDE - 1) // 2)
    r, c = _offsets(half)
    d2 = r * r + c * c
    g1 = np.exp(-d2 / (2 * s1 * s1))
    g2 = np.exp(-d2 / (2 * s2 * s2))
    h = g1 / g1.sum() - g2 / g2.sum()
    return h - h.mean()


def gabor(
    size: int = 21,
    sigma: float = 4.0,
    wavelength: float = 10.0,
    theta: float = 0.0,
    psi: float = 0.0,
    gamma: float = 0.5,
) -> np.ndarray:
    """Gabor filter: a cosine wave under a Gaussian window (tuned to one frequency and direction).

    ``g = exp(-(x'^2 + gamma^2 y'^2) / (2 sigma^2)) * cos(2 pi x' / wavelength + psi)``
    with ``x' = x cos(theta) + y sin(theta)``, ``y' = -x sin(theta) + y cos(theta)``
    (the OpenCV ``getGaborKernel`` form, but ``theta`` and ``psi`` in degrees), divided by the
    sum of the Gaussian window so outputs stay in the image's range. Its frequency response
    peaks at ``1 / wavelength`` cycles/pixel in direction ``theta``.

    Examples
    --------
    >>> gabor(21, 4, 10, 0, 0, 0.5).shape
    (21, 21)
    """
    size = _check_odd_size(size)
    sigma = _check_positive(sigma, "sigma")
    wavelength = _check_positive(wavelength, "wavelength")
    gamma = _check_positive(gamma, "gamma")
    r, c = _offsets(size // 2)
    x, y = c, -r
    t = math.radians(_check_angle(theta, "theta"))
    psi = _check_angle(psi, "psi")
    xp = x * math.cos(t) + y * math.sin(t)
    yp = -x * math.sin(t) + y * math.cos(t)
    env = np.exp(-(xp * xp + gamma * gamma * yp * yp) / (2.0 * sigma * sigma))
    wave = np.cos(2.0 * math.pi * xp / wavelength + math.radians(psi))
    return env * wave / env.sum()


# ----------------------------------------------------------------------------- metadata
def _p(name, kind, lo, hi, step, default, en, zh, unit=""):
    return Param(name, kind, lo, hi, step, default, {"en": en, "zh": zh}, unit)


_size = lambda default, lo=3: _p("size", "int", lo, MAX_KERNEL_SIDE, 2, default, "Size (pixels)", "尺寸（像素）", "px")  # noqa: E731
_sigma = lambda default, lo=0.2, hi=20.0: _p("sigma", "float", lo, hi, 0.1, default, "Sigma σ (spread)", "σ（标准差）", "px")  # noqa: E731
_alpha = lambda default: _p("alpha", "float", 0.0, 1.0, 0.05, default, "Alpha α (diagonal weight)", "α（对角权重）")  # noqa: E731


def _choice(name, options, default, en, zh, option_labels):
    labels = {o: {"en": l_en, "zh": l_zh} for o, (l_en, l_zh) in zip(options, option_labels)}
    return ChoiceParam(name, tuple(options), default, {"en": en, "zh": zh}, labels)


def _s(name, family, band, params, en, zh, den, dzh, follows=None):
    return KernelSpec(name, family, tuple(params), {"en": en, "zh": zh}, {"en": den, "zh": dzh}, band, follows or {})


SPECS: tuple[KernelSpec, ...] = (
    # ---- low-pass
    _s("box", "low-pass", "low", [_size(3, lo=1)],
       "Box blur (mean)", "均值模糊（方框）",
       "Replaces each pixel by the average of its neighbours.",
       "用邻域像素的平均值代替每个像素。"),
    _s("gaussian", "low-pass", "low", [_size(7), _sigma(1.0, lo=0.1)],
       "Gaussian blur", "高斯模糊",
       "A smooth weighted average; larger σ blurs more and removes more high frequencies.",
       "按高斯权重做加权平均；σ 越大越模糊，去掉的高频越多。",
       follows={"size": lambda v: gaussian_size(v["sigma"])}),
    _s("disk", "low-pass", "low",
       [_p("radius", "float", 0.5, 31.5, 0.5, 3.0, "Radius (pixels)", "半径（像素）", "px")],
       "Disk blur (defocus)", "圆盘模糊（失焦）",
       "Averages over a disc, like an out-of-focus camera lens.",
       "在一个圆盘内求平均，就像镜头失焦。"),
    _s("motion", "low-pass", "low",
       [_p("length", "int", 1, MAX_KERNEL_SIDE, 1, 9, "Length (pixels)", "长度（像素）", "px"),
        _p("angle", "float", 0.0, 180.0, 5.0, 0.0, "Angle (degrees)", "角度（度）", "°")],
       "Motion blur", "运动模糊",
       "Smears the image along one direction, like a camera moving during the exposure.",
       "沿一个方向拖尾，就像曝光时相机在移动。"),
    _s("tent", "low-pass", "low", [_size(5)],
       "Tent blur (bilinear)", "帐篷模糊（双线性）",
       "A triangle-weighted average (a box blurred by a box): the kernel of bilinear interpolation.",
       "按三角形权重求平均（方框核与方框核的卷积）：双线性插值用的核。"),
    _s("binomial", "low-pass", "low",
       [_p("order", "int", 2, MAX_KERNEL_SIDE - 1, 2, 4, "Order n (side n + 1)", "阶数 n（边长 n + 1）")],
       "Binomial blur", "二项式模糊",
       "Pascal's-triangle weights, like [1, 2, 1]: a whole-number stand-in for the Gaussian.",
       "用杨辉三角的一行（如 [1, 2, 1]）作权重：高斯核的整数近似。"),
    _s("sinc", "low-pass", "low",
       [_size(21),
        _p("cutoff", "float", 0.02, 0.45, 0.01, 0.15, "Cutoff (cycles/pixel)", "截止频率（周期/像素）"),
        _choice("window", WINDOWS, "rectangular", "Window", "窗函数",
                [("Rectangular (plain truncation)", "矩形窗（直接截断）"), ("Hann", "汉宁窗（Hann）"),
                 ("Hamming", "汉明窗（Hamming）")])],
       "Windowed sinc (ideal low-pass)", "加窗 sinc（理想低通）",
       "The ideal low-pass cut to a few pixels: a sharp cutoff but ripples (ringing); a window tames them.",
       "截短到有限像素的理想低通：截止陡峭，但会出现波纹（振铃）；加窗可以减弱它。"),
    # ---- high-pass
    _s("laplacian", "high-pass", "high", [_alpha(0.2)],
       "Laplacian", "拉普拉斯算子",
       "Second derivative: responds to edges and fine detail in every direction, zero on flat areas.",
       "二阶导数：对各个方向的边缘和细节都有响应，平坦区域输出为零。"),
    _s("outline", "high-pass", "high", [],
       "Outline (8-neighbour)", "轮廓（八邻域）",
       "Centre minus all eight neighbours: keeps only outlines and fine texture.",
       "中心减去周围八个邻居：只留下轮廓和细小纹理。"),
    _s("sharpen", "high-pass", "high-boost", [],
       "Sharpen", "锐化",
       "Original plus its edges: keeps the picture and boosts high frequencies.",
       "原图加上边缘：保留画面，同时增强高频。"),
    _s("unsharp", "high-pass", "high-boost", [_alpha(0.2)],
       "Unsharp mask", "反锐化掩模",
       "Sharpening by subtracting a Laplacian from the image (MATLAB's unsharp filter).",
       "从原图中减去拉普拉斯结果来锐化（MATLAB 的 unsharp 滤波器）。"),
    _s("high_boost", "high-pass", "high-boost",
       [_p("A", "float", 1.0, 5.0, 0.05, 1.5, "Boost A (≥ 1)", "提升系数 A（≥ 1）"), _alpha(0.0)],
       "High-boost", "高提升滤波",
       "A times the image minus its Laplacian: sharpens and keeps A times the brightness (A = 1: sharpen).",
       "A 倍原图减去拉普拉斯：既锐化，又保留 A 倍的亮度（A = 1 即普通锐化）。"),
    # ---- band-pass
    _s("log", "band-pass", "band", [_size(9), _sigma(1.4, lo=0.5, hi=10.0)],
       "Laplacian of Gaussian (LoG)", "高斯拉普拉斯（LoG）",
       "Blur, then Laplacian: finds edges at the scale set by σ, a ring in the spectrum.",
       "先高斯模糊再求拉普拉斯：检测尺度由 σ 决定的边缘，频谱上是一个圆环。"),
    _s("dog", "band-pass", "band",
       [_p("sigma1", "float", 0.3, 10.0, 0.1, 1.0, "Inner σ1", "内层 σ1", "px"),
        _p("sigma2", "float", 0.3, 10.0, 0.1, 2.0, "Outer σ2", "外层 σ2", "px")],
       "Difference of Gaussians (DoG)", "高斯差分（DoG）",
       "A narrow blur minus a wide blur: keeps the band of frequencies between the two.",
       "窄的高斯模糊减去宽的高斯模糊：只保留两者之间的一段频率。"),
    # ---- directional
    _s("sobel_x", "directional", "band", [],
       "Sobel x (vertical edges)", "索贝尔算子 x（竖直边缘）",
       "Horizontal derivative with smoothing: bright where brightness changes left to right.",
       "带平滑的水平方向导数：亮度左右变化处响应强。"),
    _s("sobel_y", "directional", "band", [],
       "Sobel y (horizontal edges)", "索贝尔算子 y（水平边缘）",
       "Vertical derivative with smoothing: bright where brightness changes top to bottom.",
       "带平滑的竖直方向导数：亮度上下变化处响应强。"),
    _s("prewitt_x", "directional", "band", [],
       "Prewitt x (vertical edges)", "Prewitt 算子 x（竖直边缘）",
       "Like Sobel x but with equal weights across the three rows.",
       "与索贝尔算子 x 类似，但三行权重相同。"),
    _s("prewitt_y", "directional", "band", [],
       "Prewitt y (horizontal edges)", "Prewitt 算子 y（水平边缘）",
       "Like Sobel y but with equal weights across the three columns.",
       "与索贝尔算子 y 类似，但三列权重相同。"),
    _s("scharr_x", "directional", "band", [],
       "Scharr x (vertical edges)", "Scharr 算子 x（竖直边缘）",
       "A Sobel-like derivative whose response depends less on the edge direction.",
       "类似索贝尔算子，但各个方向的边缘响应更一致（更各向同性）。"),
    _s("scharr_y", "directional", "band", [],
       "Scharr y (horizontal edges)", "Scharr 算子 y（水平边缘）",
       "The vertical-derivative version of Scharr.",
       "Scharr 算子的竖直方向版本。"),
    _s("roberts", "directional", "high", [],
       "Roberts cross", "Roberts 交叉算子",
       "The smallest edge detector: a 2×2 diagonal difference.",
       "最小的边缘检测核：2×2 的对角差分。"),
    _s("emboss", "directional", "high-boost",
       [_p("angle", "float", 0.0, 360.0, 5.0, 315.0, "Light direction (degrees)", "光照方向（度）", "°")],
       "Emboss", "浮雕",
       "Adds a directional derivative to the image so edges look raised, lit from one side.",
       "在原图上加一个方向导数，让边缘看起来像被侧光照亮的浮雕。"),
    _s("kirsch", "directional", "band",
       [_choice("direction", KIRSCH_DIRECTIONS, "n", "Direction (side of the 5s)", "方向（5 所在的一侧）",
                [("North (N)", "北（N）"), ("North-east (NE)", "东北（NE）"), ("East (E)", "东（E）"),
                 ("South-east (SE)", "东南（SE）"), ("South (S)", "南（S）"), ("South-west (SW)", "西南（SW）"),
                 ("West (W)", "西（W）"), ("North-west (NW)", "西北（NW）")])],
       "Kirsch compass", "Kirsch 罗盘算子",
       "One of eight rotated 5/−3 masks: finds edges that are brighter on one compass side.",
       "八个旋转的 5/−3 模板之一：检测某个罗盘方向一侧更亮的边缘。"),
    _s("line", "directional", "high",
       [_choice("direction", LINE_DIRECTIONS, "horizontal", "Line direction", "直线方向",
                [("Horizontal (0°)", "水平（0°）"), ("+45° (rising ╱)", "+45°（右上 ╱）"),
                 ("Vertical (90°)", "竖直（90°）"), ("−45° (falling ╲)", "−45°（右下 ╲）")])],
       "Line detector", "线检测器",
       "2 along a one-pixel line, −1 beside it: responds to thin lines in one of four directions.",
       "线上为 2、两侧为 −1：对四个方向之一的细线响应最强。"),
    _s("gabor", "directional", "band",
       [_size(21),
        _p("sigma", "float", 0.5, 15.0, 0.5, 4.0, "Window σ", "窗口 σ", "px"),
        _p("wavelength", "float", 2.0, 40.0, 0.5, 10.0, "Wavelength λ (pixels)", "波长 λ（像素）", "px"),
        _p("theta", "float", 0.0, 180.0, 5.0, 0.0, "Orientation θ (degrees)", "方向 θ（度）", "°"),
        _p("psi", "float", 0.0, 360.0, 15.0, 0.0, "Phase ψ (degrees)", "相位 ψ（度）", "°"),
        _p("gamma", "float", 0.1, 2.0, 0.05, 0.5, "Aspect ratio γ", "纵横比 γ")],
       "Gabor filter", "伽博滤波器",
       "A wave under a Gaussian window: picks one frequency in one direction, like V1 cells and CNN filters.",
       "高斯窗口下的余弦波：只选出某个方向上的某个频率，类似视觉皮层细胞和 CNN 卷积核。"),
    # ---- other
    _s("identity", "other", "all", [],
       "Identity (no change)", "恒等核（不改变图像）",
       "A single 1 in the centre: the output equals the input; every frequency passes unchanged.",
       "中心只有一个 1：输出等于输入，所有频率原样通过。"),
)

BUILDERS = {
    "identity": identity, "box": box, "gaussian": gaussian, "disk": disk, "motion": motion,
    "tent": tent, "binomial": binomial, "sinc": sinc,
    "laplacian": laplacian, "log": log, "outline": outline, "sharpen": sharpen, "unsharp": unsharp,
    "high_boost": high_boost,
    "sobel_x": sobel_x, "sobel_y": sobel_y, "prewitt_x": prewitt_x, "prewitt_y": prewitt_y,
    "scharr_x": scharr_x, "scharr_y": scharr_y, "roberts": roberts, "emboss": emboss,
    "kirsch": kirsch, "line": line,
    "dog": dog, "gabor": gabor,
}

assert {s.name for s in SPECS} == set(BUILDERS)
