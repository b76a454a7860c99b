"""The kernel catalogue: one :class:`~kernels.spec.KernelSpec` per spatial kernel (its family,
band, parameters with ranges, steps and defaults, and the en/zh names and descriptions) and the
builder of each (the functions of :mod:`kernels.spatial`, :mod:`kernels.detail` and
:mod:`kernels.directional`).

Examples
--------
>>> from kernels.catalogue import BUILDERS, SPECS
>>> SPECS[0].name, BUILDERS[SPECS[0].name](size=3).sum()
('box', np.float64(1.0))
"""

from __future__ import annotations

from .detail import dog, gabor, high_boost, laplacian, log, outline, sharpen, unsharp
from .directional import (
    KIRSCH_DIRECTIONS,
    LINE_DIRECTIONS,
    emboss,
    kirsch,
    line,
    prewitt_x,
    prewitt_y,
    roberts,
    scharr_x,
    scharr_y,
    sobel_x,
    sobel_y,
)
from .spatial import (
    WINDOWS,
    binomial,
    box,
    disk,
    gaussian,
    gaussian_size,
    identity,
    motion,
    sinc,
    tent,
)
from .spec import MAX_KERNEL_SIDE, ChoiceParam, KernelSpec, Param

__all__ = ["SPECS", "BUILDERS"]


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
