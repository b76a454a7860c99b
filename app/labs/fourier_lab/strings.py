"""Strings of the Fourier Lab (what a spectrum means). Keys start with ``fl.``."""

STRINGS = {
    "fl.title": {"en": "Fourier Lab", "zh": "傅里叶实验室"},
    "fl.tagline": {
        "en": "What a spectrum is: every point is one wave, waves add up to the image, the phase carries the "
              "structure, the transform obeys rules you can check, and a blur can (almost) be undone.",
        "zh": "频谱到底是什么：每个点是一列波，波叠加成图像，结构藏在相位里，变换遵守可以验证的规律，而模糊（几乎）可以被撤销。",
    },
    "fl.side.image": {"en": "Image", "zh": "图像"},
    "fl.err.compute": {"en": "This image cannot be used here: {detail}", "zh": "这张图像无法用于此处：{detail}"},
    "fl.size": {"en": "Working size (pixels, longer side)", "zh": "工作尺寸（长边像素）"},
    "fl.size_help": {
        "en": "The image is reduced to this size before any transform. Larger is sharper but slower.",
        "zh": "所有变换之前先把图像缩小到这个尺寸。越大越清晰，但越慢。",
    },
    "fl.size_note": {
        "en": "Capped at 512, default {size}: this page runs five sections of FFT work on every image.",
        "zh": "上限 512，默认 {size}：本页对每张图像要做五部分的 FFT 计算。",
    },
    "fl.tab.wave": {"en": "① One point = one wave", "zh": "① 一个点 = 一列波"},
    "fl.tab.build": {"en": "② Build from waves", "zh": "② 用波搭出图像"},
    "fl.tab.phase": {"en": "③ Magnitude or phase?", "zh": "③ 幅度还是相位？"},
    "fl.tab.props": {"en": "④ Properties", "zh": "④ 傅里叶变换的性质"},
    "fl.tab.deconv": {"en": "⑤ Undo a blur", "zh": "⑤ 撤销模糊：反卷积"},
    # how arrays became pixels
    "fl.shown.plain": {"en": "Values {lo} … {hi}, shown as they are (0 = black, 1 = white).",
                       "zh": "取值 {lo} … {hi}，按原值显示（0 = 黑，1 = 白）。"},
    "fl.shown.clip": {"en": "Values {lo} … {hi}: shown clipped to [0, 1]; {pct} % of the pixels lie outside.",
                      "zh": "取值 {lo} … {hi}：裁剪到 [0, 1] 显示；{pct}% 的像素超出此范围。"},
    "fl.shown.diverging": {
        "en": "Signed values {lo} … {hi}: blue = −{lim}, white = 0, red = +{lim}; {pct} % of the pixels saturate.",
        "zh": "有正有负，取值 {lo} … {hi}：蓝 = −{lim}，白 = 0，红 = +{lim}；{pct}% 的像素超出色标而饱和。",
    },
    "fl.shown.stretch": {"en": "Values {lo} … {hi}, stretched linearly: {lo} = black, {hi} = white.",
                         "zh": "取值 {lo} … {hi}，线性拉伸显示：{lo} = 黑，{hi} = 白。"},
    # 1. waves
    "fl.wave.spectrum": {"en": "Centred log spectrum |F(u, v)|", "zh": "中心化对数频谱 |F(u, v)|"},
    "fl.wave.click": {
        "en": "Click a point (orange ring); its mirror (−u, −v) gets the blue ring. Centre = zero frequency, "
              "edges = ±0.5 cycles/pixel. Or use the sliders.",
        "zh": "点击频谱上的一点（橙色圆圈）；它的镜像点 (−u, −v) 用蓝色圆圈标出。中心是零频，边缘是 ±0.5 周期/像素。也可以用滑块。",
    },
    "fl.wave.no_click": {
        "en": "Set the point with the sliders (clicking needs streamlit-image-coordinates). Orange = (u, v), blue = its mirror.",
        "zh": "用滑块选择频点（点击功能需要 streamlit-image-coordinates）。橙色 = (u, v)，蓝色 = 镜像点。",
    },
    "fl.wave.u": {"en": "u (vertical frequency, cycles per image height)", "zh": "u（竖直方向频率，每图像高度的周期数）"},
    "fl.wave.v": {"en": "v (horizontal frequency, cycles per image width)", "zh": "v（水平方向频率，每图像宽度的周期数）"},
    "fl.wave.crop": {
        "en": "Shown: the top-left {h}×{w} pixels, each as a 2×2 block (the wave is the same everywhere; "
              "shrunk to fit, a fine wave would turn into moiré).",
        "zh": "显示：左上角 {h}×{w} 个像素，每个像素放大为 2×2 的方块（波在各处都一样；若缩小显示整幅图，细密的波会变成摩尔纹）。",
    },
    "fl.wave.cos": {"en": "cos part (weight Re F)", "zh": "余弦部分（权重 Re F）"},
    "fl.wave.sin": {"en": "sin part (weight −Im F)", "zh": "正弦部分（权重 −Im F）"},
    "fl.wave.pair": {
        "en": "A real image needs F(−u, −v) = conj F(u, v): the two rings are one real wave, "
              "Re F·cos − Im F·sin, counted twice. The angle is that of the wave's direction of travel (0° = vertical stripes).",
        "zh": "实图像满足 F(−u, −v) = F(u, v) 的共轭：两个圆圈合起来是同一列实数波 Re F·cos − Im F·sin（计两次）。"
              "角度是波的传播方向（0° = 竖条纹）。",
    },
    "fl.wave.self_mirror": {
        "en": "This point is its own mirror (zero or Nyquist frequency): its wave has no sine part.",
        "zh": "这个点就是它自己的镜像点（零频或奈奎斯特频率）：它的波没有正弦部分。",
    },
    # 2. build
    "fl.build.mode": {"en": "Keep", "zh": "保留"},
    "fl.build.mode.count": {"en": "the K strongest coefficients", "zh": "最强的 K 个系数"},
    "fl.build.mode.radius": {"en": "all frequencies inside a radius", "zh": "半径以内的全部频率"},
    "fl.build.k": {"en": "K (coefficients kept, log-spaced)", "zh": "K（保留的系数个数，对数刻度）"},
    "fl.build.all": {"en": "{k:,} (all)", "zh": "{k:,}（全部）"},
    "fl.build.radius": {"en": "Radius (cycles/pixel)", "zh": "半径（周期/像素）"},
    "fl.build.rec": {"en": "Reconstruction", "zh": "重建图像"},
    "fl.build.kept": {"en": "Kept coefficients (yellow)", "zh": "保留的系数（黄色）"},
    "fl.build.kept_cap": {
        "en": "Coefficients are kept in mirror pairs, so the reconstruction stays real.",
        "zh": "系数成对（与镜像点一起）保留，所以重建结果仍是实数图像。",
    },
    "fl.build.psnr": {"en": "PSNR against the image", "zh": "与原图相比的 PSNR"},
    "fl.build.exact": {"en": "exact", "zh": "完全还原"},
    "fl.build.rounding": {"en": "Measured {psnr} dB: the only error left is floating-point rounding.",
                          "zh": "实测 {psnr} dB：剩下的误差只是浮点舍入。"},
    "fl.build.kept_n": {"en": "Coefficients kept", "zh": "保留的系数"},
    "fl.build.share": {"en": "{pct} % of all {total}", "zh": "占全部 {total} 个的 {pct}%"},
    "fl.build.curve_name": {"en": "K strongest", "zh": "最强的 K 个"},
    "fl.build.now": {"en": "now", "zh": "当前"},
    "fl.build.k_axis": {"en": "K (coefficients kept)", "zh": "K（保留的系数）"},
    "fl.build.curve_cap": {
        "en": "PSNR never falls as K grows; K = all gives the image back exactly (only rounding error is left: off the chart). "
              "The dashed line is the current reconstruction.",
        "zh": "PSNR 随 K 增大从不下降；K = 全部时完全还原图像（只剩舍入误差，超出图表）。虚线为当前的重建。",
    },
    # 3. magnitude / phase
    "fl.phase.b": {"en": "Second image B", "zh": "第二张图像 B"},
    "fl.phase.a": {"en": "A (the page's image)", "zh": "A（本页的图像）"},
    "fl.phase.bimg": {"en": "B", "zh": "B"},
    "fl.phase.ab": {"en": "|A| with the phase of B", "zh": "A 的幅度 + B 的相位"},
    "fl.phase.ba": {"en": "|B| with the phase of A", "zh": "B 的幅度 + A 的相位"},
    "fl.phase.point": {
        "en": "Each swap looks like the image that gave the phase: the structure lives in the phase "
              "(Oppenheim & Lim, 1981).",
        "zh": "交换后的图像像提供相位的那张：图像的结构藏在相位里（Oppenheim & Lim，1981）。",
    },
    "fl.phase.mag": {"en": "Magnitude only (phase = 0)", "zh": "只有幅度（相位 = 0）"},
    "fl.phase.phase": {"en": "Phase only (|F| = 1)", "zh": "只有相位（|F| = 1）"},
    "fl.phase.explain": {
        "en": "**Magnitude only** keeps the mean and the energy but no shapes: a symmetric blob at the centre "
              "(moved there from pixel (0, 0)). **Phase only** keeps the edges and outlines (whitened); its values "
              "are tiny and signed, so both are shown on a diverging scale whose limit is the 99.5th percentile "
              "of |x| — the share that saturates is given under each picture.",
        "zh": "**只有幅度**：保留平均值和能量，但没有任何形状——中心一团对称的斑（从像素 (0, 0) 移到中心显示）。"
              "**只有相位**：保留边缘和轮廓（被“白化”）；数值很小且有正有负，所以两者都用发散色标显示，"
              "色标上限取 |x| 的第 99.5 百分位数——每张图下方注明饱和像素的比例。",
    },
    # 4. properties
    "fl.prop.pick": {"en": "Property", "zh": "性质"},
    "fl.prop.shift": {"en": "Shift", "zh": "平移"},
    "fl.prop.rotate": {"en": "Rotation", "zh": "旋转"},
    "fl.prop.scale": {"en": "Scaling", "zh": "缩放"},
    "fl.prop.mirror": {"en": "Mirror", "zh": "镜像"},
    "fl.prop.modulate": {"en": "Modulation", "zh": "调制"},
    "fl.prop.even": {"en": "Even part", "zh": "偶部"},
    "fl.prop.shift.explain": {
        "en": "A circular shift by (dx, dy) leaves |F| unchanged; the phase gains a linear ramp −2π(u·dy/H + v·dx/W).",
        "zh": "循环平移 (dx, dy) 不改变 |F|；相位增加一个线性斜坡 −2π(u·dy/H + v·dx/W)。",
    },
    "fl.prop.rotate.explain": {
        "en": "Rotating an image rotates its spectrum by the same angle. Shown on a windowed, zero-mean disc "
              "(the check's object), so the picture's border does not add a cross to the spectrum.",
        "zh": "图像旋转，频谱也旋转同样的角度。这里用加窗、去均值的圆盘（检验所用的对象）演示，避免图像边框在频谱上产生十字。",
    },
    "fl.prop.scale.explain": {
        "en": "Magnifying an image by a factor shrinks its spectrum by the same factor (and shrinking widens it).",
        "zh": "把图像放大若干倍，频谱就缩小同样的倍数（缩小图像则频谱展宽）。",
    },
    "fl.prop.mirror.explain": {
        "en": "Mirroring the image mirrors the spectrum the same way (up to a phase factor).",
        "zh": "图像镜像翻转，频谱也同样翻转（相差一个相位因子）。",
    },
    "fl.prop.modulate.explain": {
        "en": "Multiplying by a cosine wave of frequency (u, v) moves two half-height copies of the spectrum to ±(u, v).",
        "zh": "乘以频率为 (u, v) 的余弦波，频谱被复制成两份、高度减半，分别移到 ±(u, v)。",
    },
    "fl.prop.even.explain": {
        "en": "A real image that is even about its centre has a purely real spectrum (no imaginary part).",
        "zh": "关于中心对称（偶对称）的实图像，其频谱是纯实数（没有虚部）。",
    },
    "fl.prop.angle": {"en": "Angle (degrees, counter-clockwise)", "zh": "角度（度，逆时针）"},
    "fl.prop.factor": {"en": "Scale factor", "zh": "缩放倍数"},
    "fl.prop.axis": {"en": "Mirror", "zh": "翻转方向"},
    "fl.prop.axis.1": {"en": "left ↔ right", "zh": "左右翻转"},
    "fl.prop.axis.0": {"en": "up ↕ down", "zh": "上下翻转"},
    "fl.prop.before": {"en": "Before", "zh": "变换前"},
    "fl.prop.after": {"en": "After", "zh": "变换后"},
    "fl.prop.spec_before": {"en": "|F| before", "zh": "变换前的 |F|"},
    "fl.prop.spec_after": {"en": "|F| after", "zh": "变换后的 |F|"},
    "fl.prop.spec_cap": {
        "en": "Both spectra share one white point, the larger peak of the two: {side} (|F| = {peak}); the other "
              "spectrum's peak is {other} of it. 80 dB range.",
        "zh": "两个频谱使用同一白点，即两者中较大的峰值：{side}（|F| = {peak}）；另一个频谱的峰值是它的 {other}。动态范围 80 dB。",
    },
    "fl.prop.numbers": {"en": "The numbers that prove it", "zh": "证明它的数字"},
    "fl.num.mag_err": {"en": "max | |F′| − |F| | / max |F| (0 up to rounding)",
                       "zh": "max | |F′| − |F| | / max |F|（除舍入误差外为 0）"},
    "fl.num.phase_err": {"en": "largest deviation of the phase change from the predicted ramp (radians)",
                         "zh": "相位变化与预测斜坡的最大偏差（弧度）"},
    "fl.num.max_ramp": {"en": "largest phase change of the ramp (radians: the ramp is real)",
                        "zh": "斜坡的最大相位变化（弧度：斜坡确实存在）"},
    "fl.num.corr": {"en": "correlation of log |F′| with log |F| rotated by the angle",
                    "zh": "log |F′| 与旋转同样角度后的 log |F| 的相关系数"},
    "fl.num.baseline": {"en": "the same with log |F| not rotated (what the theorem improves on)",
                        "zh": "与未旋转的 log |F| 的相关系数（对照）"},
    "fl.num.rot90": {"en": "exact quarter turn (rot90): relative spectrum error",
                     "zh": "恰好旋转 90°（rot90）：频谱的相对误差"},
    "fl.num.centroids": {"en": "mean radial frequency before → after (cycles/pixel)",
                         "zh": "平均径向频率 变换前 → 变换后（周期/像素）"},
    "fl.num.ratio": {"en": "measured ratio / predicted 1 ÷ factor", "zh": "测得的比值 / 预测值 1 ÷ 倍数"},
    "fl.num.rel_err": {"en": "relative difference (interpolation, windowing)", "zh": "相对差异（来自插值与加窗）"},
    "fl.num.spec_err": {"en": "F′ against the predicted spectrum, relative error", "zh": "F′ 与预测频谱的相对误差"},
    "fl.num.conj_err": {"en": "F′ against the conjugate of F mirrored the other way, relative error",
                        "zh": "F′ 与沿另一方向翻转的 F 的共轭之间的相对误差"},
    "fl.num.peak_shift": {"en": "where the largest coefficient moved (u, v)", "zh": "最大系数移动的位置 (u, v)"},
    "fl.num.shift_err": {"en": "distance from ±(u, v) (frequency samples)", "zh": "与 ±(u, v) 的距离（频率采样点）"},
    "fl.num.imag_even": {"en": "even part: max |Im F| / max |F| (0 up to rounding)",
                         "zh": "偶部：max |Im F| / max |F|（除舍入误差外为 0）"},
    "fl.num.imag_orig": {"en": "the image itself: max |Im F| / max |F|", "zh": "原图像：max |Im F| / max |F|"},
    # 5. deconvolution
    "fl.dec.kernel": {"en": "Blur", "zh": "模糊核"},
    "fl.dec.kernel.gaussian": {"en": "Gaussian", "zh": "高斯"},
    "fl.dec.kernel.motion": {"en": "Motion", "zh": "运动"},
    "fl.dec.kernel.box": {"en": "Box", "zh": "均值（方框）"},
    "fl.dec.length": {"en": "Length (pixels)", "zh": "长度（像素）"},
    "fl.dec.angle": {"en": "Angle (degrees)", "zh": "角度（度）"},
    "fl.dec.box": {"en": "Size (pixels)", "zh": "尺寸（像素）"},
    "fl.dec.noise": {"en": "Noise σ", "zh": "噪声 σ"},
    "fl.dec.noise_help": {"en": "White Gaussian noise, fixed seed {seed}: the same σ always gives the same noise.",
                          "zh": "高斯白噪声，固定随机种子 {seed}：同样的 σ 总是得到同样的噪声。"},
    "fl.dec.boundary": {"en": "Blur boundary", "zh": "模糊的边界处理"},
    "fl.dec.boundary.wrap": {"en": "wrap (circular)", "zh": "循环（wrap）"},
    "fl.dec.boundary.reflect": {"en": "reflect", "zh": "镜像（reflect）"},
    "fl.dec.k": {"en": "Wiener K (log scale)", "zh": "维纳 K（对数刻度）"},
    "fl.dec.use_best": {"en": "Use the optimal K", "zh": "使用最优 K"},
    "fl.dec.best": {
        "en": "Optimal K = {k} (RMSE {rmse}), found by searching against the clean image ({n} evaluations).",
        "zh": "最优 K = {k}（RMSE {rmse}），通过与干净原图比较搜索得到（计算 {n} 次）。",
    },
    "fl.dec.model": {
        "en": "The restorations assume a circular blur: g = h ⊛ x + n with wrap-around, so G = H·X + N exactly. "
              "A blur made with reflect breaks that model at the edges, which then ring.",
        "zh": "复原方法假设模糊是循环卷积：g = h ⊛ x + n（边界循环），于是 G = H·X + N 精确成立。"
              "用 reflect 边界做的模糊在图像边缘不符合这个模型，复原后边缘会出现振铃。",
    },
    "fl.dec.blurred": {"en": "Blurred + noise", "zh": "模糊 + 噪声"},
    "fl.dec.diff": {"en": "wrap blur − reflect blur (no noise)", "zh": "循环模糊 − 镜像模糊（无噪声）"},
    "fl.dec.diff_cap": {"en": "Largest difference {peak}: only the edges differ.", "zh": "最大差异 {peak}：只有边缘不同。"},
    "fl.dec.spec_blurred": {"en": "|G| of the blurred image", "zh": "模糊图像的 |G|"},
    "fl.dec.inverse": {"en": "Inverse filter G / H", "zh": "逆滤波 G / H"},
    "fl.dec.h": {"en": "|H|, red where |H| < 0.001 (not inverted)", "zh": "|H|，红色处 |H| < 0.001（不做除法）"},
    "fl.dec.h_cap": {
        "en": "{n} frequencies ({pct} %) have |H| < 0.001: dividing there would explode, so they are set to 0; "
              "just above the threshold the noise is still multiplied by up to 1000.",
        "zh": "有 {n} 个频率（{pct}%）的 |H| < 0.001：在这些地方做除法会爆炸，因此置为 0；阈值之上噪声仍会被放大至多 1000 倍。",
    },
    "fl.dec.wiener": {"en": "Wiener, K = {k}", "zh": "维纳滤波，K = {k}"},
    "fl.dec.m_blurred": {"en": "RMSE blurred", "zh": "模糊图 RMSE"},
    "fl.dec.m_inverse": {"en": "RMSE inverse filter", "zh": "逆滤波 RMSE"},
    "fl.dec.m_wiener": {"en": "RMSE Wiener", "zh": "维纳滤波 RMSE"},
    "fl.dec.m_rough": {"en": "Roughness (Wiener)", "zh": "粗糙度（维纳）"},
    "fl.dec.rough_help": {
        "en": "Mean absolute difference between neighbouring pixels: lower = smoother. A larger K smooths more.",
        "zh": "相邻像素差的绝对值的平均：越小越平滑。K 越大越平滑。",
    },
    "fl.dec.curve_name": {"en": "Wiener RMSE", "zh": "维纳 RMSE"},
    "fl.dec.best_name": {"en": "optimal K", "zh": "最优 K"},
    "fl.dec.rmse_axis": {"en": "RMSE against the clean image", "zh": "与干净原图的 RMSE"},
    "fl.dec.spec_restored": {"en": "|X̂| restored (Wiener)", "zh": "复原结果的 |X̂|（维纳）"},
    "fl.dec.spec_error": {"en": "|X̂ − X| error", "zh": "误差 |X̂ − X|"},
    "fl.dec.spec_cap": {
        "en": "Spectra share the clean image's peak as white, 80 dB range: the error sits where |H| is small.",
        "zh": "各频谱以干净原图频谱的峰值为白点，动态范围 80 dB：误差集中在 |H| 很小的地方。",
    },
}
