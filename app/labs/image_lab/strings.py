"""Strings of the Image Lab and of the shared pickers (section "il.")."""

from app.ui.strings.glossary import TERMS

STRINGS = {
    # ---- image picker ------------------------------------------------------------------------
    "il.pick.source": {"en": "Image source", "zh": "图片来源"},
    "il.pick.src.sample": {"en": "Sample", "zh": "示例图片"},
    "il.pick.src.upload": {"en": "Upload", "zh": "上传"},
    "il.pick.src.camera": {"en": "Camera", "zh": "摄像头"},
    "il.pick.sample": {"en": "Sample image", "zh": "示例图片"},
    "il.pick.upload": {"en": "Upload an image", "zh": "上传一张图片"},
    "il.pick.upload_help": {
        "en": "PNG, JPEG, BMP, TIFF, WebP or GIF, up to {mb} MB. It stays on this computer's server and is never put in a link.",
        "zh": "支持 PNG、JPEG、BMP、TIFF、WebP、GIF，最大 {mb} MB。图片只在本机服务器上处理，不会放进分享链接。",
    },
    "il.pick.camera": {"en": "Take a photo", "zh": "拍一张照片"},
    "il.pick.camera_name": {"en": "camera photo", "zh": "摄像头照片"},
    "il.pick.colour": {"en": "Colour", "zh": "彩色"},
    "il.pick.colour_help": {
        "en": "Off: work on the grey (luminance) image. On: convolve each colour channel; spectra show the luminance.",
        "zh": "关闭：使用灰度（亮度）图像。打开：对每个颜色通道分别卷积，频谱显示的是亮度。",
    },
    "il.pick.size": {"en": "Working size (long side, px)", "zh": "处理尺寸（长边，像素）"},
    "il.pick.size_help": {
        "en": "Larger images are shrunk (area averaging) to this long side before any computation. Bigger = sharper but slower.",
        "zh": "更大的图片会先按面积平均缩小到这个长边再计算。越大越清晰，但越慢。",
    },
    "il.pick.no_upload": {
        "en": "No file uploaded yet: drop an image above. Meanwhile the previous image is shown.",
        "zh": "还没有上传文件：请把图片拖到上方。在此之前显示之前的图片。",
    },
    "il.pick.no_camera": {
        "en": "No camera picture yet. Meanwhile the previous image is shown.",
        "zh": "还没有摄像头画面。在此之前显示之前的图片。",
    },
    "il.pick.resized": {
        "en": "Downscaled from {ow}×{oh} to {w}×{h} pixels (working size {size}).",
        "zh": "已从 {ow}×{oh} 缩小到 {w}×{h} 像素（处理尺寸 {size}）。",
    },
    # ---- friendly image errors (ImageError.code) ---------------------------------------------
    "il.err.empty": {
        "en": "That file is empty. The previous image is kept.",
        "zh": "这个文件是空的，已保留之前的图片。",
    },
    "il.err.not_image": {
        "en": "That file is not an image ConvScope can read (PNG, JPEG, BMP, TIFF, WebP or GIF). The previous image is kept.",
        "zh": "这个文件不是 ConvScope 能读取的图片（PNG、JPEG、BMP、TIFF、WebP 或 GIF），已保留之前的图片。",
    },
    "il.err.truncated": {
        "en": "That image file is damaged or incomplete (truncated). The previous image is kept.",
        "zh": "这个图片文件已损坏或不完整（被截断），已保留之前的图片。",
    },
    "il.err.too_large": {
        "en": "That image has too many pixels ({pixels} megapixels; the limit is {limit}). The previous image is kept.",
        "zh": "这张图片像素太多（{pixels} 百万像素，上限 {limit} 百万像素），已保留之前的图片。",
    },
    "il.err.file_too_large": {
        "en": "That file is too large ({mb} MB; the limit is {limit} MB). The previous image is kept.",
        "zh": "文件太大（{mb} MB，上限 {limit} MB），已保留之前的图片。",
    },
    "il.err.not_found": {
        "en": "The image file could not be found or read. The previous image is kept.",
        "zh": "找不到或无法读取这个图片文件，已保留之前的图片。",
    },
    "il.err.unknown_sample": {
        "en": "There is no such sample image; showing the default sample.",
        "zh": "没有这个示例图片，改为显示默认示例。",
    },
    "il.err.invalid": {
        "en": "That image cannot be used: {detail} The previous image is kept.",
        "zh": "这张图片无法使用，已保留之前的图片。详情：{detail}",
    },
}
STRINGS.update({
    "il.kernel.family": {"en": "Kernel family", "zh": "卷积核类别"},
    "il.kernel.kernel": {"en": "Kernel", "zh": "卷积核"},
})

STRINGS.update({
    # ---- page --------------------------------------------------------------------------------
    "il.title": {"en": "Image Lab", "zh": "图像卷积实验室"},
    "il.side.image": {"en": "Image", "zh": "图像"},
    "il.side.kernel": {"en": "Kernel", "zh": "卷积核"},
    "il.tab.main": {"en": "Six panels & spectra", "zh": "六联图与频谱"},
    "il.tab.boundary": {"en": "Boundary & wrap-around", "zh": "边界处理与循环卷绕"},
    "il.err.kernel": {
        "en": "Those kernel settings cannot be used ({detail}); the previous kernel is kept.",
        "zh": "这些卷积核参数无法使用（{detail}），已保留之前的卷积核。",
    },
    "il.err.compute": {
        "en": "This kernel cannot be applied to this image: {detail}. Pick a smaller kernel or a larger image.",
        "zh": "无法把这个卷积核用在这张图片上：{detail}。请选更小的卷积核或更大的图片。",
    },
    # ---- boundary ----------------------------------------------------------------------------
    "il.boundary": {"en": "Boundary (what lies beyond the edge)", "zh": "边界处理（图像边缘之外是什么）"},
    "il.boundary_help": {
        "en": "Near the edge the kernel reaches past the image. The boundary mode decides which values it sees there.",
        "zh": "在图像边缘附近，卷积核会伸到图像外面。边界模式决定那里取什么值。",
    },
    # the control's labels are the glossary's terms: lessons and questions name them the same way
    "il.boundary.reflect": TERMS["boundary.reflect"],
    "il.boundary.zero": TERMS["boundary.zero"],
    "il.boundary.wrap": TERMS["boundary.wrap"],
    "il.boundary.nearest": TERMS["boundary.nearest"],
    "il.boundary.reflect.explain": {
        "en": "The image is mirrored at its edge (d c b a | a b c d): no artificial edge appears.",
        "zh": "在边缘处把图像镜像翻折（d c b a | a b c d），不会产生人为的边缘。",
    },
    "il.boundary.zero.explain": {
        "en": "Outside is black (0 0 0 | a b c d): a blur darkens the border, edge detectors draw a frame.",
        "zh": "图像外面全是黑色（0 0 0 | a b c d）：模糊会让边缘变暗，边缘检测会画出一圈边框。",
    },
    "il.boundary.wrap.explain": {
        "en": "The image repeats like a tile (a b c d | a b c d): the left edge meets the right edge. This is what a plain FFT product does.",
        "zh": "图像像瓷砖一样周期重复（a b c d | a b c d）：左边缘接上右边缘。直接做 FFT 相乘就是这种情况。",
    },
    "il.boundary.nearest.explain": {
        "en": "The edge pixel is repeated outwards (a a a | a b c d).",
        "zh": "把最外面一圈像素向外重复（a a a | a b c d）。",
    },
    # ---- convolution vs correlation ----------------------------------------------------------
    "il.correlate": {"en": "Correlation (no flip)", "zh": "相关（不翻转）"},
    "il.correlate_explain": {
        "en": "Convolution turns the kernel by 180° before sliding it; correlation slides it as it is. The two "
              "give the same output exactly when the turn leaves the kernel unchanged (odd sides): Gaussian, "
              "Laplacian, motion blur, line detector. Sobel, emboss and Kirsch change, so the output changes.",
        "zh": "卷积在滑动前先把卷积核旋转 180°，相关则直接滑动原来的卷积核。只有当旋转 180° 后卷积核不变（边长为奇数）时，"
              "两者的输出才完全相同：高斯、拉普拉斯、运动模糊、线检测器都是这样；索贝尔、浮雕、Kirsch 旋转后会变，输出也就不同。",
    },
    "il.turn.same": {
        "en": "This kernel is unchanged by a 180° turn: convolution and correlation give the same output.",
        "zh": "这个卷积核旋转 180° 后不变：卷积和相关的输出相同。",
    },
    "il.turn.differs": {
        "en": "This kernel changes under a 180° turn: convolution and correlation give different outputs.",
        "zh": "这个卷积核旋转 180° 后会改变：卷积和相关的输出不同。",
    },
    "il.op.convolve": {"en": "convolution (the kernel turned by 180°)", "zh": "卷积（卷积核旋转 180°）"},
    "il.op.correlate": {"en": "correlation (the kernel as it is)", "zh": "相关（卷积核不旋转）"},
    "il.compass": {
        "en": "Under {op} the largest output (**{best}**) comes from an edge brighter towards **{side}**; "
              "an edge brighter towards {opposite} gives {opp}.",
        "zh": "在{op}下，最大的输出（**{best}**）来自{side}一侧更亮的边缘；{opposite}一侧更亮的边缘给出 {opp}。",
    },
    # ---- display options ---------------------------------------------------------------------
    "il.display": {"en": "Display options", "zh": "显示选项"},
    "il.signed": {"en": "Negative / out-of-range output shown as", "zh": "负值或超范围输出的显示方式"},
    "il.signed_help": {
        "en": "High-pass kernels give negative values. They must be mapped to colours somehow; nothing is clipped unless you choose 'clipped'.",
        "zh": "高通卷积核会产生负值，必须用某种方式映射成颜色；除非选择“截断”，否则不会截掉任何值。",
    },
    "il.signed.auto": {
        "en": "automatic (edges: diverging; sharpening: clipped, with a note)",
        "zh": "自动（边缘检测：双色；锐化：截断并注明）",
    },
    "il.signed.diverging": {"en": "diverging: blue − / white 0 / red +", "zh": "双色：蓝为负 / 白为零 / 红为正"},
    "il.signed.abs": {"en": "magnitude |x|", "zh": "绝对值 |x|"},
    "il.signed.offset": {"en": "offset grey (0 = mid grey)", "zh": "偏移灰度（0 为中灰）"},
    "il.signed.clip": {"en": "clipped to [0, 1]", "zh": "截断到 [0, 1]"},
    "il.shared": {"en": "One shared colour scale for F and F·H", "zh": "F 与 F·H 使用同一色标"},
    "il.shared_help": {
        "en": "On: F and F·H share the same white point, so the output spectrum is exactly as much darker as |H| makes it; H shows the larger of gain 1 and its peak gain as white.",
        "zh": "打开：F 和 F·H 用同一个白点，输出频谱变暗的程度正好由 |H| 决定；H 中白色是增益 1 与峰值增益中较大的那个。",
    },
    "il.db": {"en": "Spectrum range (dB)", "zh": "频谱显示范围（dB）"},
    "il.db_help": {
        "en": "How many decibels from white to black in the log-magnitude spectra.",
        "zh": "对数幅度谱中从白到黑跨越多少分贝。",
    },
    # ---- panels --------------------------------------------------------------------------------
    "il.panel.input": {"en": "f — input image", "zh": "f — 输入图像"},
    "il.panel.input_cap": {"en": "What goes in.", "zh": "输入的图像。"},
    "il.panel.size": {"en": "{w}×{h} pixels.", "zh": "{w}×{h} 像素。"},
    "il.panel.kernel": {"en": "h — kernel", "zh": "h — 卷积核"},
    "il.panel.kernel_cap": {
        "en": "The weights; red positive, blue negative, white zero.",
        "zh": "权重：红色为正，蓝色为负，白色为零。",
    },
    "il.panel.kernel_info": {"en": "{kh}×{kw} taps, sum = {total}.", "zh": "{kh}×{kw} 个权重，总和 = {total}。"},
    "il.panel.overshoot": {
        "en": "|H| rises {pct} above its gain at 0 ({axis} along an axis): the Gibbs overshoot of these {kh}×{kw} "
              "taps, seen as ringing beside edges.",
        "zh": "|H| 比零频增益高出 {pct}（沿一个坐标轴为 {axis}）：这是这 {kh}×{kw} 个权重的吉布斯过冲，表现为边缘旁的振铃。",
    },
    "il.panel.output": {"en": "f ∗ h — output", "zh": "f ∗ h — 输出"},
    "il.panel.output_cap": {
        "en": "Each pixel = weighted sum of its neighbours.",
        "zh": "每个像素 = 邻域像素的加权和。",
    },
    "il.panel.fin": {"en": "F — input spectrum", "zh": "F — 输入频谱"},
    "il.panel.fin_cap": {
        "en": "Log magnitude, centre = zero frequency (flat areas), edge = finest detail.",
        "zh": "对数幅度；中心是零频（平坦区域），越往外细节越精细。",
    },
    "il.panel.h": {"en": "H — kernel response", "zh": "H — 卷积核频响"},
    "il.panel.h_cap": {
        "en": "Bright = passed, dark = removed.",
        "zh": "亮的地方被保留，暗的地方被去掉。",
    },
    "il.panel.h_white": {"en": "White = gain {white}.", "zh": "白色 = 增益 {white}。"},
    "il.panel.fout": {"en": "F · H — output spectrum", "zh": "F · H — 输出频谱"},
    "il.panel.fout_cap": {
        "en": "The product: where H is dark, the output has nothing.",
        "zh": "两者相乘：H 暗的地方，输出频谱也没有了。",
    },
    "il.axis.cpp": {"en": "cycles/pixel", "zh": "周期/像素"},
    "il.spectra.scale_shared": {
        "en": "Spectra: log magnitude over {db} dB; F and F·H on one shared scale (white = the peak of |F|); in H white = gain {white}.",
        "zh": "频谱：对数幅度，显示 {db} dB 范围；F 与 F·H 使用同一色标（白色 = |F| 的峰值）；H 中白色 = 增益 {white}。",
    },
    "il.spectra.saturated": {
        "en": "F·H exceeds that white point at {n} of {total} frequencies (where |H| > 1): they are drawn white.",
        "zh": "F·H 在 {total} 个频率中的 {n} 个上超过这个白点（那里 |H| > 1）：它们都画成白色。",
    },
    "il.spectra.scale_own": {
        "en": "Spectra: log magnitude over {db} dB; each panel scaled to its own maximum (in H white = gain {white}).",
        "zh": "频谱：对数幅度，显示 {db} dB 范围；每幅图按各自的最大值缩放（H 中白色 = 增益 {white}）。",
    },
    # ---- output display notes ----------------------------------------------------------------
    "il.out.range": {"en": "Values from {lo} to {hi}.", "zh": "数值范围 {lo} 到 {hi}。"},
    "il.out.mode.plain": {"en": "Shown as is (all within [0, 1]).", "zh": "直接显示（全部在 [0, 1] 内）。"},
    "il.out.mode.diverging": {
        "en": "Shown diverging: blue negative, white zero, red positive.",
        "zh": "双色显示：蓝色为负，白色为零，红色为正。",
    },
    "il.out.mode.abs": {"en": "Shown as magnitude |x| (signs lost).", "zh": "显示绝对值 |x|（正负号丢失）。"},
    "il.out.mode.offset": {
        "en": "Shown offset: mid grey = 0, darker negative, brighter positive.",
        "zh": "偏移显示：中灰 = 0，更暗为负，更亮为正。",
    },
    "il.out.mode.clip": {"en": "Shown clipped to [0, 1].", "zh": "截断到 [0, 1] 显示。"},
    "il.out.clip_note": {
        "en": "Clipped display: {pct}% of the pixels lie outside [0, 1] and are drawn as pure black or white.",
        "zh": "截断显示：有 {pct}% 的像素超出 [0, 1]，被画成纯黑或纯白。",
    },
    # ---- radial profile ------------------------------------------------------------------------
    "il.radial.title": {"en": "Radial profile — {family}", "zh": "径向剖面——{family}"},
    "il.radial.image": {"en": "image spectrum |F|", "zh": "图像频谱 |F|"},
    "il.radial.h": {"en": "kernel response |H|", "zh": "卷积核响应 |H|"},
    "il.radial.output": {"en": "output spectrum |F·H|", "zh": "输出频谱 |F·H|"},
    "il.radial.x": {"en": "radial frequency (cycles/pixel)", "zh": "径向频率（周期/像素）"},
    "il.radial.y": {"en": "magnitude (dB)", "zh": "幅度（dB）"},
    "il.radial.band": {
        "en": "This kernel passes {band}: |H| is largest at {f} cycles/pixel (gain {gain}); at 0 the gain is {dc}.",
        "zh": "这个卷积核保留{band}：|H| 在 {f} 周期/像素处最大（增益 {gain}）；零频增益为 {dc}。",
    },
    "il.radial.read": {
        "en": "In dB a product becomes a sum: output curve = image curve + |H| curve.",
        "zh": "用 dB 表示时乘法变成加法：输出曲线 = 图像曲线 + |H| 曲线。",
    },
    "il.hf.label": {"en": "High frequencies kept", "zh": "高频保留"},
    "il.hf.help": {
        "en": "Energy of the output above 0.25 cycles/pixel, as a share of the input's. Blur → near 0 %, edge detectors → often above 100 %.",
        "zh": "输出中高于 0.25 周期/像素的能量占输入的百分比。模糊 → 接近 0%，边缘检测 → 常常超过 100%。",
    },
    # ---- theorem ---------------------------------------------------------------------------------
    "il.theorem.method": {
        "en": "output computed as IFFT(F · H) on a {n1}×{n2} grid",
        "zh": "输出由 IFFT(F · H) 在 {n1}×{n2} 网格上算出",
    },
    "il.theorem.run": {"en": "Check every pixel", "zh": "逐个像素全部验证"},
    "il.theorem.on_release": {
        "en": "Convolution theorem: checked against the direct sum when you release the slider.",
        "zh": "卷积定理：松开滑块后再与直接求和比对验证。",
    },
    # ---- explanation ---------------------------------------------------------------------------
    "il.explain.title": {"en": "Why does this work? f ∗ h ↔ F · H", "zh": "为什么？f ∗ h ↔ F · H"},
    "il.explain.body": {
        "en": (
            "**Convolution theorem.** Sliding the kernel h over the image f and summing weighted neighbours "
            "(convolution, f ∗ h) is the same as multiplying their Fourier transforms, F · H, and transforming back.\n\n"
            "* **Top row (space):** every output pixel is a weighted sum of the input pixels under the kernel.\n"
            "* **Bottom row (frequency):** every frequency of the image is multiplied by the kernel's gain H at that "
            "frequency. Where |H| is near 0 (dark), that frequency disappears from the output.\n"
            "* A **blur** (low-pass) keeps the centre of the spectrum and darkens the outside: fine detail is lost.\n"
            "* An **edge detector** (high-pass) removes the centre (H(0) = sum of the weights = 0): flat areas become 0, "
            "only changes remain — which is why its output has negative values."
        ),
        "zh": (
            "**卷积定理。** 把卷积核 h 在图像 f 上滑动、对邻域像素加权求和（卷积 f ∗ h），"
            "等价于把两者的傅里叶变换相乘 F · H，再做逆变换回到空间域。\n\n"
            "* **上排（空间域）：** 每个输出像素都是卷积核覆盖范围内输入像素的加权和。\n"
            "* **下排（频率域）：** 图像的每个频率都乘上卷积核在该频率的增益 H。|H| 接近 0（暗）的频率，在输出中就消失了。\n"
            "* **模糊**（低通）保留频谱中心、压暗外围：细节丢失。\n"
            "* **边缘检测**（高通）去掉频谱中心（H(0) = 权重之和 = 0）：平坦区域变成 0，只留下变化的地方——"
            "所以它的输出会有负值。"
        ),
    },
    # ---- wrap-around ---------------------------------------------------------------------------
    "il.wrap.intro": {
        "en": (
            "Multiplying spectra (F · H) computes a **circular** convolution: the image behaves as if it repeated "
            "like a tile, so near the left edge the kernel sees the right edge. ConvScope pads the image first "
            "(in the chosen boundary mode) to avoid that. The image below is the difference between the two: "
            "it is zero (white) in the middle and lights up only along the borders."
        ),
        "zh": (
            "频谱相乘（F · H）算出的是**循环**卷积：图像好像像瓷砖一样周期重复，所以在左边缘附近，卷积核会“看到”右边缘的像素。"
            "ConvScope 会先按所选的边界模式把图像填充扩展，避免这种情况。下图是两者之差："
            "中间为零（白色），只有靠近边缘的地方才有颜色。"
        ),
    },
    "il.wrap.diff_title": {
        "en": "Difference: {this} − {other}",
        "zh": "差值：{this} − {other}",
    },
    "il.wrap.diff_cap": {
        "en": "Largest difference {peak}; blue negative, white zero, red positive (scaled to the largest difference).",
        "zh": "最大差值 {peak}；蓝色为负，白色为零，红色为正（按最大差值缩放）。",
    },
    "il.wrap.tip": {
        "en": "Try a large blur on the checkerboard or the text sample with zero boundary: the difference frames the image.",
        "zh": "试试在棋盘格或文字示例上用大尺寸模糊、补零边界：差值图会在图像四周形成一圈边框。",
    },
})

STRINGS.update({
    "il.out.saturate": {
        "en": "Colour scale ±{lim}; the strongest {pct}% of pixels saturate.",
        "zh": "色标范围 ±{lim}；最强的 {pct}% 像素达到饱和色。",
    },
})

STRINGS.update({
    "il.spectra.axes": {
        "en": "Axes: frequency in cycles/pixel, zero frequency in the centre.",
        "zh": "坐标轴：频率，单位为周期/像素，中心为零频。",
    },
})

STRINGS.update({
    "il.theorem.result2": {
        "en": "Convolution theorem check — spatial sum vs inverse FFT of F·H: max difference {err} {where} ({method}).",
        "zh": "卷积定理验证——空间域直接求和 与 F·H 的逆傅里叶变换：{where}最大差 {err}（{method}）。",
    },
    "il.theorem.all": {"en": "over all {n} pixels", "zh": "全部 {n} 个像素中"},
    "il.theorem.sampled": {
        "en": "over {n} pixels (along all four borders, where the boundary matters, and at random inside)",
        "zh": "在 {n} 个像素中（沿四条边——边界处理起作用的地方——以及随机的内部像素）",
    },
})

STRINGS.update({
    "il.side.settings": {"en": "Convolution settings", "zh": "卷积设置"},
})

STRINGS.update({
    "il.perchan": {"en": "Spectra per colour channel", "zh": "分通道显示频谱"},
    "il.perchan_help": {
        "en": "Also show the input and output spectra of the red, green and blue channels (the six panels show luminance).",
        "zh": "另外显示红、绿、蓝三个通道各自的输入和输出频谱（六联图显示的是亮度）。",
    },
    "il.perchan.title": {"en": "Spectra per colour channel", "zh": "各颜色通道的频谱"},
    "il.perchan.in": {"en": "input", "zh": "输入"},
    "il.perchan.out": {"en": "output", "zh": "输出"},
    "il.chan.r": {"en": "Red channel", "zh": "红色通道"},
    "il.chan.g": {"en": "Green channel", "zh": "绿色通道"},
    "il.chan.b": {"en": "Blue channel", "zh": "蓝色通道"},
})
