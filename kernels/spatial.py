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
* Low-pass kernels sum to 1; Laplacian-type kernels and the DoG sum to 0.
"""

from __future__ import annotations

import math

import numpy as np

from .spec import MAX_KERNEL_SIDE, KernelError, KernelSpec, Param

__all__ = [
    "identity", "box", "gaussian", "gaussian_size", "disk", "motion",
    "laplacian", "log", "outline", "sharpen", "unsharp",
    "sobel_x", "sobel_y", "prewitt_x", "prewitt_y", "scharr_x", "scharr_y", "roberts", "emboss",
    "dog", "gabor",
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
    "laplacian": laplacian, "log": log, "outline": outline, "sharpen": sharpen, "unsharp": unsharp,
    "sobel_x": sobel_x, "sobel_y": sobel_y, "prewitt_x": prewitt_x, "prewitt_y": prewitt_y,
    "scharr_x": scharr_x, "scharr_y": scharr_y, "roberts": roberts, "emboss": emboss,
    "dog": dog, "gabor": gabor,
}

assert {s.name for s in SPECS} == set(BUILDERS)
