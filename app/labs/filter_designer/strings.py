"""Strings of the Filter Designer (keys "fd.")."""

STRINGS = {
    # ---- page -------------------------------------------------------------------------------
    "fd.title": {"en": "Filter Designer", "zh": "频域滤波器设计"},
    "fd.intro": {
        "en": "Shape the spectrum directly — keep these frequencies, remove those — and see the spatial kernel "
        "your mask implies. Click the bright spots of periodic noise to notch them out.",
        "zh": "直接在频谱上设计滤波器：保留哪些频率、去掉哪些频率，并看到这个掩模对应的空间卷积核。"
        "点击周期噪声在频谱上形成的亮点，就能用陷波滤波把它去掉。",
    },
    "fd.side.image": {"en": "Image", "zh": "图像"},
    "fd.use_lab": {"en": "Use the Image Lab's image", "zh": "使用图像卷积实验室中的图片"},
    "fd.use_lab_help": {
        "en": "Work on the image currently open in the Image Lab instead of choosing one here.",
        "zh": "直接使用图像卷积实验室里当前打开的图片，而不是在这里另选。",
    },
    "fd.lab_image": {"en": "The Image Lab's image: {name} ({w}×{h})", "zh": "图像卷积实验室的图片：{name}（{w}×{h}）"},
    "fd.demo_hint": {
        "en": "Textbook demo: the sample “photo with periodic noise” is loaded. Press **Find noise peaks** (or click "
        "the bright off-centre dots in the spectrum) and watch the stripes disappear.",
        "zh": "课本示例：已载入示例图“带周期噪声的照片”。点击 **自动查找噪声亮点**（或直接点击频谱中偏离中心的亮点），"
        "条纹就会消失。",
    },
    # ---- mask controls ------------------------------------------------------------------------
    "fd.sec.mask": {"en": "1 · Design the mask", "zh": "1 · 设计频域掩模"},
    "fd.shape": {"en": "Mask shape", "zh": "掩模类型"},
    "fd.shape.none": {"en": "None (all-pass: notches only)", "zh": "无（全通，只用陷波）"},
    "fd.shape.ideal": {"en": "Ideal (brick wall)", "zh": "理想滤波器（硬截止）"},
    "fd.shape.butterworth": {"en": "Butterworth", "zh": "巴特沃斯"},
    "fd.shape.gaussian": {"en": "Gaussian", "zh": "高斯"},
    "fd.shape.explain.none": {
        "en": "No parametric mask: only your notches and free-hand regions act.",
        "zh": "不使用参数化掩模：只有陷波和手绘区域起作用。",
    },
    "fd.shape.explain.ideal": {
        "en": "Gain jumps from 1 to 0 at the cutoff. The sharp edge makes the image ring (Gibbs phenomenon).",
        "zh": "增益在截止频率处从 1 突变为 0。边缘太陡，图像会出现振铃（吉布斯现象）。",
    },
    "fd.shape.explain.butterworth": {
        "en": "1 / (1 + (D/D₀)²ⁿ): gain 0.5 at the cutoff; a higher order n is steeper and rings more.",
        "zh": "1 / (1 + (D/D₀)²ⁿ)：截止处增益为 0.5；阶数 n 越高越陡，振铃也越明显。",
    },
    "fd.shape.explain.gaussian": {
        "en": "exp(−D²/2D₀²): gain e^(−1/2) ≈ 0.61 at the cutoff. Its kernel is a Gaussian too — no ringing.",
        "zh": "exp(−D²/2D₀²)：截止处增益为 e^(−1/2) ≈ 0.61。它对应的卷积核也是高斯函数，没有振铃。",
    },
    "fd.band": {"en": "Band", "zh": "频带"},
    "fd.band.lowpass": {"en": "Low-pass", "zh": "低通"},
    "fd.band.highpass": {"en": "High-pass", "zh": "高通"},
    "fd.band.bandpass": {"en": "Band-pass", "zh": "带通"},
    "fd.band.bandstop": {"en": "Band-stop", "zh": "带阻"},
    "fd.cutoff": {"en": "Cutoff D₀ (cycles/pixel)", "zh": "截止频率 D₀（周期/像素）"},
    "fd.cutoff_help": {
        "en": "0.5 cycles/pixel is the Nyquist frequency (the finest stripes: one pixel light, one dark).",
        "zh": "0.5 周期/像素是奈奎斯特频率（最细的条纹：一个像素亮、一个像素暗）。",
    },
    "fd.low": {"en": "Lower cutoff (cycles/pixel)", "zh": "下截止频率（周期/像素）"},
    "fd.high": {"en": "Upper cutoff (cycles/pixel)", "zh": "上截止频率（周期/像素）"},
    "fd.order": {"en": "Butterworth order n", "zh": "巴特沃斯阶数 n"},
    "fd.err.band": {
        "en": "For {band} the lower cutoff ({low}) must be below the upper cutoff ({high}). "
        "Move the lower slider down or the upper slider up — until then the previous mask is used.",
        "zh": "{band}滤波要求下截止频率（{low}）小于上截止频率（{high}）。请调小下截止频率或调大上截止频率；"
        "在此之前沿用上一个掩模。",
    },
    "fd.err.mask": {"en": "This mask cannot be built: {detail}", "zh": "无法生成该掩模：{detail}"},
    # ---- notches ------------------------------------------------------------------------------
    "fd.sec.notch": {"en": "Notch filters", "zh": "陷波滤波"},
    "fd.notch_kind": {"en": "Notch profile", "zh": "陷波形状"},
    "fd.notch_kind.gaussian": {"en": "Gaussian", "zh": "高斯"},
    "fd.notch_kind.ideal": {"en": "Ideal", "zh": "理想"},
    "fd.notch_kind.butterworth": {"en": "Butterworth", "zh": "巴特沃斯"},
    "fd.notch_r": {"en": "Notch radius (cycles/pixel)", "zh": "陷波半径（周期/像素）"},
    "fd.snap": {"en": "Snap to the nearest peak", "zh": "自动吸附到附近亮点"},
    "fd.snap_help": {
        "en": "A click a little off the peak would leave most of the noise; snapping moves the notch onto the peak.",
        "zh": "点击位置稍有偏差就会漏掉大部分噪声；吸附会把陷波中心移到亮点上。",
    },
    "fd.detect": {"en": "Find noise peaks", "zh": "自动查找噪声亮点"},
    "fd.detect_help": {
        "en": "Proposes notches at the strongest isolated off-centre peaks of the spectrum.",
        "zh": "在频谱中偏离中心、最突出的孤立亮点处自动放置陷波。",
    },
    "fd.detect.none": {
        "en": "No isolated peaks stand out in this spectrum (periodic noise shows as bright dots away from the centre).",
        "zh": "这个频谱中没有明显的孤立亮点（周期噪声会在远离中心的位置形成亮点）。",
    },
    "fd.detect.found": {"en": "Added {n} notch pair(s).", "zh": "已添加 {n} 对陷波。"},
    "fd.clear": {"en": "Remove all notches", "zh": "删除全部陷波"},
    "fd.notch.list": {"en": "Notches (each with its mirror at −f)", "zh": "陷波列表（每个都自动配有 −f 处的对称陷波）"},
    "fd.notch.item": {
        "en": "**{i}.** fx = {fx}, fy = {fy} cycles/pixel (period ≈ {period} px)",
        "zh": "**{i}.** fx = {fx}，fy = {fy} 周期/像素（周期约 {period} 像素）",
    },
    "fd.notch.delete": {"en": "Delete notch {i}", "zh": "删除陷波 {i}"},
    "fd.notch.empty": {
        "en": "No notches yet: click the spectrum (tool “Click: add notch”) or press “Find noise peaks”.",
        "zh": "还没有陷波：在频谱上点击（工具选“点击：添加陷波”），或点击“自动查找噪声亮点”。",
    },
    "fd.notch.full": {"en": "At most {n} notch pairs.", "zh": "最多 {n} 对陷波。"},
    "fd.notch.dc": {
        "en": "That click is on the centre (DC, the mean brightness): no notch there.",
        "zh": "这次点击在频谱中心（直流分量，即平均亮度），不在此处放置陷波。",
    },
    "fd.notch.added": {"en": "Notch added at fx = {fx}, fy = {fy}.", "zh": "已在 fx = {fx}，fy = {fy} 处添加陷波。"},
    # ---- spectrum tools -----------------------------------------------------------------------
    "fd.tool": {"en": "Spectrum tool", "zh": "频谱工具"},
    "fd.tool.notch": {"en": "Click: add notch", "zh": "点击：添加陷波"},
    "fd.tool.remove": {"en": "Lasso: remove region", "zh": "套索：去除区域"},
    "fd.tool.keep": {"en": "Lasso: keep only regions", "zh": "套索：只保留区域"},
    "fd.tool.paint": {"en": "Brush: paint to remove", "zh": "画笔：涂抹去除"},
    "fd.tool.explain.paint": {
        "en": "Paint over the spectrum: painted frequencies (and their mirror images) are removed.",
        "zh": "在频谱上涂抹：涂到的频率（及其中心对称位置）都会被去除。",
    },
    "fd.brush": {"en": "Brush size (screen pixels)", "zh": "画笔粗细（屏幕像素）"},
    "fd.panel.brush": {"en": "Paint on the spectrum (full view)", "zh": "在频谱上涂抹（完整频谱）"},
    "fd.brush.cap": {
        "en": "Blue strokes are removed from the spectrum, together with their mirror images. "
        "Switch back to “Click: add notch” to see the mask drawn over the spectrum.",
        "zh": "蓝色笔迹处的频率会被去除，中心对称位置也一并去除。切换回“点击：添加陷波”即可看到叠加在频谱上的掩模。",
    },
    "fd.brush.grid": {
        "en": "The drawing canvas is not available here: tick the cells to remove instead (a coarse grid over the spectrum).",
        "zh": "此处无法使用画布：请勾选要去除的格子（覆盖整个频谱的粗网格）。",
    },
    "fd.free.painted": {"en": "Brush: {pct} % of the spectrum painted.", "zh": "画笔：已涂抹频谱的 {pct}%。"},
    "fd.tool.explain.notch": {
        "en": "Click a bright dot in the spectrum: a notch is placed there and at its mirror image.",
        "zh": "在频谱上点击亮点：该处及其中心对称位置都会放置陷波。",
    },
    "fd.tool.explain.remove": {
        "en": "Drag a loop around frequencies to remove them (free-hand). The mirror region is removed too.",
        "zh": "按住鼠标圈出要去除的频率（手绘）。中心对称的区域也会一并去除。",
    },
    "fd.tool.explain.keep": {
        "en": "Drag loops around the frequencies to keep; everything outside them is removed.",
        "zh": "圈出要保留的频率；圈外的频率全部去除。",
    },
    "fd.free.smooth": {"en": "Soften free-hand edges (cycles/pixel)", "zh": "柔化手绘边缘（周期/像素）"},
    "fd.free.smooth_help": {
        "en": "Blurs the free-hand mask: hard edges ring like the ideal filter, soft edges do not.",
        "zh": "对手绘掩模做模糊：硬边缘会像理想滤波器一样振铃，柔和的边缘则不会。",
    },
    "fd.free.count": {
        "en": "Free-hand regions: {remove} removed, {keep} kept.",
        "zh": "手绘区域：去除 {remove} 个，保留 {keep} 个。",
    },
    "fd.free.clear": {"en": "Clear free-hand regions", "zh": "清除手绘区域"},
    "fd.free.not_in_link": {
        "en": "Free-hand regions are not saved in the page link (too large for a URL); the mask settings and notches are.",
        "zh": "手绘区域无法保存在页面链接中（数据太大）；掩模参数和陷波会保存在链接里。",
    },
    "fd.free.fallback": {
        "en": "Free-hand masks: pick a lasso tool and drag loops on the spectrum chart, or pick the brush and paint.",
        "zh": "手绘掩模：选择套索工具后在频谱图上拖动圈选，或选择画笔直接涂抹。",
    },
    "fd.zoom": {"en": "Spectrum view", "zh": "频谱显示范围"},
    "fd.zoom.1": {"en": "Full (±0.5)", "zh": "完整（±0.5）"},
    "fd.zoom.2": {"en": "Centre ×2 (±0.25)", "zh": "中心放大 2 倍（±0.25）"},
    "fd.zoom.4": {"en": "Centre ×4 (±0.125)", "zh": "中心放大 4 倍（±0.125）"},
    # ---- panels -------------------------------------------------------------------------------
    "fd.sec.result": {"en": "2 · Spectrum, mask and result", "zh": "2 · 频谱、掩模与滤波结果"},
    "fd.panel.input": {"en": "Input image f", "zh": "输入图像 f"},
    "fd.panel.spectrum": {"en": "Log spectrum |F| with the mask", "zh": "对数频谱 |F| 与掩模"},
    "fd.panel.spectrum_cap": {
        "en": "Orange = removed by the mask (darker = removed more); circles = notches. Centre = zero frequency.",
        "zh": "橙色 = 被掩模去除的频率（越暗去除越多）；圆圈 = 陷波。中心是零频率（直流）。",
    },
    "fd.panel.output": {"en": "Filtered output", "zh": "滤波结果"},
    "fd.panel.output_plain": {"en": "Values outside [0, 1] clipped: {pct} % of pixels.", "zh": "超出 [0, 1] 的值已截断：占 {pct}% 像素。"},
    "fd.panel.output_signed": {
        "en": "The mask removes the mean (DC gain {dc}): shown with zero as mid-grey.",
        "zh": "掩模去掉了平均亮度（直流增益 {dc}）：以中灰色表示 0。",
    },
    "fd.panel.diff": {"en": "What the filter removed (input − output)", "zh": "被滤掉的部分（输入 − 输出）"},
    "fd.panel.diff_cap": {
        "en": "Red = brighter in the input, blue = darker; white = unchanged. Largest change {peak}.",
        "zh": "红色 = 输入比输出亮，蓝色 = 更暗；白色 = 没有变化。最大变化 {peak}。",
    },
    "fd.panel.fout": {"en": "Output spectrum |M·F|", "zh": "输出频谱 |M·F|"},
    "fd.panel.fout_cap": {"en": "Same brightness scale as the input spectrum.", "zh": "与输入频谱使用相同的亮度标尺。"},
    "fd.axis.cpp": {"en": "cycles/pixel", "zh": "周期/像素"},
    "fd.axis.fx": {"en": "fx (cycles/pixel)", "zh": "fx（周期/像素）"},
    "fd.axis.fy": {"en": "fy (cycles/pixel)", "zh": "fy（周期/像素）"},
    "fd.radial.title": {"en": "Radial profile: spectrum, mask × spectrum", "zh": "径向剖面：频谱与 掩模×频谱"},
    "fd.radial.x": {"en": "radial frequency (cycles/pixel)", "zh": "径向频率（周期/像素）"},
    "fd.radial.y": {"en": "mean |F| (log)", "zh": "平均 |F|（对数）"},
    "fd.radial.y2": {"en": "mask gain", "zh": "掩模增益"},
    "fd.radial.input": {"en": "|F| input", "zh": "|F| 输入"},
    "fd.radial.output": {"en": "|M·F| output", "zh": "|M·F| 输出"},
    "fd.radial.mask": {"en": "mask M (right axis)", "zh": "掩模 M（右轴）"},
    "fd.imag": {
        "en": "Largest imaginary part after the inverse FFT: {imag} — the mask is symmetric (M(−f) = M(f)), so the output is real.",
        "zh": "逆 FFT 后虚部的最大值：{imag}。掩模中心对称（M(−f) = M(f)），所以输出是实数图像。",
    },
    # ---- implied kernel -----------------------------------------------------------------------
    "fd.sec.kernel": {"en": "3 · The spatial kernel this mask implies", "zh": "3 · 这个掩模对应的空间卷积核"},
    "fd.kernel.intro": {
        "en": "The inverse Fourier transform of the mask is a convolution kernel h: filtering with M in frequency "
        "equals convolving with h in space. A real kernel must be finite, so it is cropped to a window.",
        "zh": "掩模的傅里叶逆变换就是一个卷积核 h：在频域乘以 M 等于在空间域与 h 做卷积。"
        "实际使用的卷积核必须是有限大小的，所以要截取中间的一块。",
    },
    "fd.crop": {"en": "Kernel size (crop)", "zh": "卷积核大小（截取）"},
    "fd.crop_help": {
        "en": "Odd size of the central window kept. At most 63×63 (the Image Lab's limit).",
        "zh": "截取中心窗口的大小（奇数），最大 63×63（图像卷积实验室的上限）。",
    },
    "fd.kernel.image": {"en": "Kernel h, cropped to {k}×{k}", "zh": "卷积核 h（截取为 {k}×{k}）"},
    "fd.kernel.image_cap": {"en": "Red = positive, blue = negative, white = 0.", "zh": "红色 = 正值，蓝色 = 负值，白色 = 0。"},
    "fd.kernel.cross": {"en": "Cross-section through the centre", "zh": "过中心的剖面"},
    "fd.kernel.cross_x": {"en": "offset (pixels)", "zh": "偏移（像素）"},
    "fd.kernel.cross_y": {"en": "h (tap value)", "zh": "h（卷积核系数）"},
    "fd.kernel.full": {"en": "full kernel", "zh": "完整卷积核"},
    "fd.kernel.kept": {"en": "kept by the crop", "zh": "截取保留部分"},
    "fd.kernel.lobe_note": {"en": "largest negative lobe", "zh": "最大负旁瓣"},
    "fd.kernel.resp": {
        "en": "Mask vs. response of the cropped kernel (along fx at fy = {fy})",
        "zh": "掩模与截取后卷积核的频率响应（沿 fx，fy = {fy}）",
    },
    "fd.kernel.resp_x": {"en": "fx (cycles/pixel)", "zh": "fx（周期/像素）"},
    "fd.kernel.resp_y": {"en": "gain", "zh": "增益"},
    "fd.kernel.resp_mask": {"en": "mask M", "zh": "掩模 M"},
    "fd.kernel.resp_crop": {"en": "cropped kernel {k}×{k}", "zh": "截取的 {k}×{k} 卷积核"},
    "fd.metric.lobe": {"en": "Neg. lobe", "zh": "负旁瓣"},
    "fd.metric.lobe_help": {
        "en": "Most negative kernel tap divided by the largest tap. Negative lobes are what makes edges ring.",
        "zh": "卷积核中最负的系数除以最大系数。负旁瓣正是边缘产生振铃的原因。",
    },
    "fd.metric.crop": {"en": "Crop error (RMS)", "zh": "截取误差（均方根）"},
    "fd.metric.crop_help": {
        "en": "‖H_crop − M‖ / ‖M‖ over all frequencies, where H_crop is the DFT of the cropped kernel.",
        "zh": "在所有频率上计算 ‖H_截取 − M‖ / ‖M‖，其中 H_截取 是截取后卷积核的 DFT。",
    },
    "fd.metric.sum": {"en": "Sum of taps (DC gain)", "zh": "系数之和（直流增益）"},
    "fd.kernel.ringing": {
        "en": "Ringing: the kernel dips to {pct} % of its peak. Convolving an edge with these negative side lobes "
        "draws light/dark ripples beside it — the Gibbs phenomenon of the sharp mask edge.",
        "zh": "振铃：卷积核的负旁瓣达到峰值的 {pct}%。边缘与这些负旁瓣卷积后，两侧会出现明暗相间的波纹——"
        "这就是陡峭掩模边缘造成的吉布斯现象。",
    },
    "fd.kernel.smooth": {
        "en": "No noticeable ringing: the kernel has no negative lobe below 1 % of its peak.",
        "zh": "没有明显振铃：卷积核的负旁瓣不到峰值的 1%。",
    },
    "fd.kernel.crop_note": {
        "en": "Cropping to {k}×{k} changes the response by {rms} % (RMS); the largest change at any frequency is {max}.",
        "zh": "截取为 {k}×{k} 后，频率响应改变了 {rms}%（均方根）；单个频率上的最大变化为 {max}。",
    },
    "fd.kernel.crop_bad": {
        "en": "That is a large change: a sharp mask needs a much larger kernel. Try a smoother mask (Gaussian) or a larger crop.",
        "zh": "变化很大：陡峭的掩模需要大得多的卷积核。可以换成更平滑的掩模（高斯）或增大截取尺寸。",
    },
    "fd.use": {"en": "Use as kernel in the Image Lab", "zh": "作为卷积核发送到图像卷积实验室"},
    "fd.use_help": {
        "en": "Stores the cropped kernel and opens the Image Lab, which convolves with it in space.",
        "zh": "保存截取后的卷积核并打开图像卷积实验室，在空间域中用它做卷积。",
    },
    "fd.kernel.name": {"en": "Filter Designer: {mask} ({k}×{k})", "zh": "频域滤波器设计：{mask}（{k}×{k}）"},
    "fd.kernel.name_notches": {"en": "{n} notch pair(s)", "zh": "{n} 对陷波"},
    "fd.kernel.name_free": {"en": "free-hand", "zh": "手绘"},
    "fd.kernel.name_allpass": {"en": "all-pass", "zh": "全通"},
    # ---- leakage ------------------------------------------------------------------------------
    "fd.sec.leak": {"en": "4 · Spectral leakage and the Hann window", "zh": "4 · 频谱泄漏与汉宁窗"},
    "fd.leak.intro": {
        "en": "The FFT treats the image as one tile of an endless periodic wallpaper. Where the right border meets the "
        "left (and the top meets the bottom) the brightness jumps, and those jumps put a bright cross on the "
        "spectrum's axes — spectral leakage. A Hann window fades the image to zero at its borders, so the tiles join smoothly.",
        "zh": "FFT 把图像看成一张无限重复的“壁纸”中的一块。右边界接上左边界（上边界接上下边界）时亮度会突变，"
        "这些突变在频谱的坐标轴上形成一个明亮的十字——这就是频谱泄漏。汉宁窗让图像在边界处渐变为 0，各块之间就能平滑衔接。",
    },
    "fd.window": {"en": "Window before the FFT", "zh": "FFT 之前加窗"},
    "fd.window.none": {"en": "None (rectangular)", "zh": "不加窗（矩形窗）"},
    "fd.window.hann": {"en": "Hann window", "zh": "汉宁窗"},
    "fd.window_help": {
        "en": "Applies to the spectrum above and to the filtering (a windowed image is darker at its borders).",
        "zh": "作用于上方的频谱以及滤波（加窗后图像边缘会变暗）。",
    },
    "fd.leak.tiles": {"en": "What the FFT sees: 2×2 tiles, {window}", "zh": "FFT“看到”的图像：2×2 拼接，{window}"},
    "fd.leak.spec": {"en": "Spectrum, {window}", "zh": "频谱，{window}"},
    "fd.leak.cross": {
        "en": "Axis cross: {db} dB brighter than its surroundings.",
        "zh": "坐标轴十字比周围亮 {db} dB。",
    },
    "fd.leak.summary": {
        "en": "The Hann window lowers the leakage cross from {none} dB to {hann} dB.",
        "zh": "汉宁窗把泄漏十字从 {none} dB 降到了 {hann} dB。",
    },
    # ---- explanation ------------------------------------------------------------------------
    "fd.explain.title": {"en": "How does this work?", "zh": "原理说明"},
    "fd.explain.body": {
        "en": "1. The image f is transformed: F = FFT(f), shown centred (zero frequency in the middle).\n"
        "2. The mask M multiplies the spectrum: G = M · F. Removing the noise peaks (notches) or a whole band "
        "changes only those frequencies.\n"
        "3. The inverse FFT gives the output g. Because M(−f) = M(f), g is real — every notch gets its mirror.\n"
        "4. Multiplying by M in frequency equals convolving with h = IFFT(M) in space (the convolution theorem), "
        "so every mask *is* a kernel. Sharp masks give wide kernels with negative lobes (ringing); smooth masks give "
        "compact kernels.",
        "zh": "1. 对图像 f 做傅里叶变换：F = FFT(f)，并把零频率移到中心显示。\n"
        "2. 用掩模 M 乘以频谱：G = M · F。去掉噪声亮点（陷波）或整个频带，只会改变这些频率。\n"
        "3. 逆 FFT 得到输出 g。由于 M(−f) = M(f)，g 是实数图像——所以每个陷波都有对称的“孪生”陷波。\n"
        "4. 频域乘以 M 等于空间域与 h = IFFT(M) 卷积（卷积定理），所以每个掩模本身就是一个卷积核。"
        "陡峭的掩模对应宽大且带负旁瓣的卷积核（振铃），平滑的掩模对应紧凑的卷积核。",
    },
    "fd.err.image": {"en": "This image cannot be filtered: {detail}", "zh": "无法对该图像滤波：{detail}"},
}
