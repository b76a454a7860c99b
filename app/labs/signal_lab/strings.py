"""Strings of the Signal Lab (1-D flip-and-slide convolution). Keys start with ``sl.``."""

STRINGS = {
    "sl.title": {"en": "Signal Lab: convolution in one dimension", "zh": "一维信号卷积：翻转、平移、相乘、求和"},
    "sl.tagline": {
        "en": "Convolution = flip g + slide it to t + multiply with f + add up the overlap.  "
              "Watch the shaded area become the output y(t).",
        "zh": "卷积 = 翻转（卷）+ 平移 + 相乘 + 求和（积）。看阴影部分的面积，如何一点点变成输出 y(t)。",
    },
    "sl.f_box": {"en": "Input signal f(t)", "zh": "输入信号 f(t)"},
    "sl.g_box": {"en": "System: impulse response g(t)", "zh": "系统：冲激响应 g(t)"},
    "sl.kind": {"en": "Shape", "zh": "信号类型"},
    "sl.formula": {"en": "Formula: {formula}", "zh": "表达式：{formula}"},
    "sl.custom_values": {"en": "Values (numbers separated by commas or spaces)", "zh": "数值（用逗号或空格分隔）"},
    "sl.custom_help": {
        "en": "Up to 64 numbers. Each value lasts the chosen time per value; at 0.25 (one sample) the discrete view shows exactly your numbers.",
        "zh": "最多 64 个数，中英文逗号均可。每个数值持续所选的时长；时长为 0.25（一个采样点）时，离散视图显示的正好就是你输入的数。",
    },
    "sl.custom_bad": {
        "en": "Could not read these numbers: {error} The previous signal is kept.",
        "zh": "无法读取这些数字：{error} 仍使用上一次的信号。",
    },
    "sl.mode": {"en": "View", "zh": "视图"},
    "sl.mode.continuous": {"en": "Continuous (integral)", "zh": "连续时间（积分）"},
    "sl.mode.discrete": {"en": "Discrete (sum)", "zh": "离散时间（求和）"},
    "sl.correlate": {"en": "Correlation (no flip)", "zh": "相关（不翻转）"},
    "sl.correlate_help": {
        "en": "Correlation slides g without flipping it: y(t) = ∫ f(τ)·g(τ − t) dτ. It measures how much f looks like g placed at t.",
        "zh": "相关运算只平移、不翻转：y(t) = ∫ f(τ)·g(τ − t) dτ，衡量 f 与放在 t 处的 g 有多相似。",
    },
    "sl.t": {"en": "Time t (where g is slid to)", "zh": "时刻 t（g 平移到的位置）"},
    "sl.n": {"en": "Sample n (where g is slid to)", "zh": "序号 n（g 平移到的位置）"},
    "sl.play_hint": {
        "en": "▶ Play runs the animation in your browser (no waiting for the server); drag the slider under the chart to scrub. "
              "The slider above sets the still picture.",
        "zh": "▶ 播放 在浏览器里直接运行动画，不用等服务器；拖动图下方的滑块可逐帧查看。上面的滑块用于设置静止画面。",
    },
    "sl.time_tab": {"en": "Flip and slide", "zh": "翻转与平移"},
    "sl.freq_tab": {"en": "Frequency view", "zh": "频域视图"},
    "sl.readout": {
        "en": "Still picture (slider above), {var} = {t}: shaded area ∫ f(τ)·g(…) dτ = **{area}**, and the output y({t}) = **{y}** — the same number.",
        "zh": "静止画面（上方滑块）{var} = {t}：阴影面积 ∫ f(τ)·g(…) dτ = **{area}**，输出 y({t}) = **{y}** —— 两者相等。",
    },
    "sl.readout_sum": {
        "en": "Still picture (slider above), {var} = {t}: sum of the bars Σ f[m]·g[…] = **{area}**, and the output y[{t}] = **{y}** — the same number.",
        "zh": "静止画面（上方滑块）{var} = {t}：柱子之和 Σ f[m]·g[…] = **{area}**，输出 y[{t}] = **{y}** —— 两者相等。",
    },
    "sl.impulse_note": {
        "en": "Arrows are impulses δ: their height shows their weight (area), not their (infinite) value.",
        "zh": "箭头表示冲激 δ：箭头高度表示冲激的强度（面积），而不是它（无穷大）的取值。",
    },
    # figure texts
    "sl.fig.top": {"en": "① f(τ) and g flipped & slid to t; the shaded overlap is f(τ)·g(t − τ)",
                   "zh": "① f(τ) 与翻转并平移到 t 的 g；阴影为重叠部分 f(τ)·g(t − τ)"},
    "sl.fig.top_corr": {"en": "① f(τ) and g slid to t (no flip); the shaded overlap is f(τ)·g(τ − t)",
                        "zh": "① f(τ) 与平移到 t 的 g（不翻转）；阴影为重叠部分 f(τ)·g(τ − t)"},
    "sl.fig.bottom": {"en": "② output y(t) = shaded area, drawn up to t", "zh": "② 输出 y(t) = 阴影面积，画到当前时刻 t"},
    "sl.fig.tau": {"en": "τ (time)", "zh": "τ（时间）"},
    "sl.fig.t": {"en": "t (time)", "zh": "t（时间）"},
    "sl.fig.m": {"en": "m (sample)", "zh": "m（序号）"},
    "sl.fig.n": {"en": "n (sample)", "zh": "n（序号）"},
    "sl.fig.f": {"en": "f(τ)", "zh": "f(τ)"},
    "sl.fig.g_conv": {"en": "g(t − τ) flipped, slid", "zh": "g(t − τ) 翻转后平移"},
    "sl.fig.g_corr": {"en": "g(τ − t) slid", "zh": "g(τ − t) 仅平移"},
    "sl.fig.product": {"en": "overlap f·g (area = y)", "zh": "重叠乘积 f·g（面积 = y）"},
    "sl.fig.y_conv": {"en": "y = f ∗ g", "zh": "y = f ∗ g"},
    "sl.fig.y_corr": {"en": "y = f ⋆ g (correlation)", "zh": "y = f ⋆ g（相关）"},
    "sl.fig.now": {"en": "now", "zh": "当前"},
    "sl.fig.numbers": {"en": "{var} = {t}   area = {area}   y = {y}", "zh": "{var} = {t}   面积 = {area}   y = {y}"},
    "sl.fig.play": {"en": "▶ Play", "zh": "▶ 播放"},
    "sl.fig.pause": {"en": "❚❚ Pause", "zh": "❚❚ 暂停"},
    "sl.fig.spec_title": {"en": "Magnitude spectra: |F·G| = |F|·|G|", "zh": "幅度谱：|F·G| = |F|·|G|"},
    "sl.fig.freq_c": {"en": "frequency (cycles per time unit)", "zh": "频率（每单位时间的周期数）"},
    "sl.fig.freq_d": {"en": "frequency (cycles per sample)", "zh": "频率（每个采样点的周期数）"},
    "sl.fig.F": {"en": "|F|", "zh": "|F|"},
    "sl.fig.G": {"en": "|G|", "zh": "|G|"},
    "sl.fig.FG": {"en": "|F·G|", "zh": "|F·G|"},
    "sl.fig.check_title": {"en": "Back in time: IFFT(F·G) vs. direct convolution", "zh": "回到时域：IFFT(F·G) 与直接卷积对比"},
    "sl.fig.direct": {"en": "direct (flip and slide)", "zh": "直接计算（翻转平移）"},
    "sl.fig.via_fft": {"en": "via FFT: IFFT(F·G)", "zh": "频域计算：IFFT(F·G)"},
    "sl.fig.magnitude": {"en": "magnitude", "zh": "幅度"},
    "sl.fig.value": {"en": "value", "zh": "数值"},
    # frequency view
    "sl.pad": {"en": "Zero-pad the FFT (linear convolution)", "zh": "FFT 前补零（线性卷积）"},
    "sl.pad_help": {
        "en": "Without padding the FFT computes a circular convolution: whatever runs past the right end wraps around to the left.",
        "zh": "不补零时，FFT 算的是循环卷积：超出右端的部分会绕回到左端。",
    },
    "sl.fft_padded": {
        "en": "FFT length N = {n} ≥ len(f) + len(g) − 1 = {needed}: linear convolution. Largest difference |IFFT(F·G) − direct| = {err}.",
        "zh": "FFT 长度 N = {n} ≥ len(f) + len(g) − 1 = {needed}：得到线性卷积。最大误差 |IFFT(F·G) − 直接卷积| = {err}。",
    },
    "sl.fft_circular": {
        "en": "FFT length N = {n} < {needed} (no padding): circular convolution. The tail wraps around; "
              "largest difference from the direct result in view = {err}.",
        "zh": "FFT 长度 N = {n} < {needed}（未补零）：得到循环卷积，尾部绕回开头；"
              "在图中范围内与直接卷积的最大差值 = {err}。",
    },
    "sl.fft_wrap_tip": {
        "en": "Tip: to see the wrap-around clearly, pick a step or a slow decay (small a), or move the signals to the right.",
        "zh": "提示：想清楚看到“绕回”，可选阶跃信号或衰减较慢（a 较小）的指数信号，或把信号往右移。",
    },
    "sl.freq_explain": {
        "en": "The convolution theorem: convolving in time = multiplying spectra. Where |G| is small the system lets little of f through.",
        "zh": "卷积定理：时域卷积 = 频域相乘。|G| 小的频率，系统几乎不让 f 的这些成分通过。",
    },
    # explanations
    "sl.explain_title": {"en": "How to read this page", "zh": "怎么看这一页"},
    "sl.explain": {
        "en": (
            "Think of **g** as a *system*: its **impulse response** g(t) is what comes out when a single short kick δ(t) goes in "
            "(e^(−at)·u(t) is a response that fades away). An input f is a row of many small kicks, each of size f(τ)·dτ. "
            "A kick at time τ is still echoing at a later time t with strength g(t − τ), so the output adds up all past inputs, "
            "each weighted by how much its echo has faded:\n\n"
            "$$y(t) = (f * g)(t) = \\int f(\\tau)\\, g(t-\\tau)\\, d\\tau$$\n\n"
            "1. **Flip** g: g(−τ) (the echo of older inputs ends up on the left).\n"
            "2. **Slide** it to t: g(t − τ).\n"
            "3. **Multiply** by f(τ): the shaded overlap.\n"
            "4. **Add up** (integrate) the overlap: its area is the output y(t).\n\n"
            "Press ▶ Play and watch the marker on the lower plot: its height is always the shaded area above it."
        ),
        "zh": (
            "把 **g** 看成一个**系统**：**冲激响应** g(t) 就是给系统输入一个极短的“冲击” δ(t) 时得到的输出"
            "（e^(−at)·u(t) 表示一个逐渐衰减的响应）。输入信号 f 可以看成一连串小冲击，每个大小为 f(τ)·dτ。"
            "τ 时刻的冲击到了稍后的 t 时刻仍有“余音”，强度为 g(t − τ)。所以输出是把过去所有输入按各自衰减后的权重加起来：\n\n"
            "$$y(t) = (f * g)(t) = \\int f(\\tau)\\, g(t-\\tau)\\, d\\tau$$\n\n"
            "1. **翻转（卷）**：把 g 变成 g(−τ)（越早的输入，对应的余音越靠左）。\n"
            "2. **平移**：移到 t 处，得到 g(t − τ)。\n"
            "3. **相乘**：与 f(τ) 相乘，就是图中的阴影部分。\n"
            "4. **求和（积）**：对阴影积分，面积就是输出 y(t)。\n\n"
            "点 ▶ 播放，盯住下图的圆点：它的高度始终等于上图阴影的面积。"
        ),
    },
    "sl.explain_discrete": {
        "en": "In the **discrete** view the same steps use samples: y[n] = Σ_m f[m]·g[n − m]. The integral becomes a sum "
              "(each bar has width 1), and one time unit is 4 samples.",
        "zh": "在**离散**视图中步骤完全相同，只是换成采样点：y[n] = Σ_m f[m]·g[n − m]。积分变成求和（每根柱子宽度为 1），"
              "一个时间单位等于 4 个采样点。",
    },
    "sl.explain_corr": {
        "en": "**Correlation** skips the flip: y(t) = ∫ f(τ)·g(τ − t) dτ — it asks “how much does f look like g placed at t?” "
              "(used for matching and detecting patterns; CNN “convolution” layers actually compute correlations). "
              "For a g symmetric about t = 0 the two agree; for a g symmetric about another time c correlation gives "
              "the same y moved by −2c; for a lopsided g such as e^(−at)·u(t) the output changes shape and moves to "
              "the other side of f. "
              "Here it matches numpy.correlate(f, g, 'full').",
        "zh": "**相关**省去了翻转：y(t) = ∫ f(τ)·g(τ − t) dτ，它回答“f 与放在 t 处的 g 有多像”"
              "（用于模板匹配和模式检测；卷积神经网络里的“卷积层”其实算的是相关）。"
              "g 关于 t = 0 对称时两者相同；g 关于另一个时刻 c 对称时，相关的结果是卷积结果平移 −2c；"
              "g 不对称（例如 e^(−at)·u(t)）时，输出的形状会改变，并出现在 f 的另一侧。"
              "本页的结果与 numpy.correlate(f, g, 'full') 一致。",
    },
    "sl.sym.zero": {
        "en": "g is symmetric about {var} = 0, so convolution and correlation give the same y (largest at {var} = {conv}).",
        "zh": "g 关于 {var} = 0 对称，所以卷积和相关得到同样的 y（在 {var} = {conv} 处最大）。",
    },
    "sl.sym.shifted": {
        "en": "g is symmetric about {var} = {c}, not about 0: correlation gives convolution's y moved by {shift} "
              "(largest at {var} = {conv} for convolution, {corr} for correlation).",
        "zh": "g 关于 {var} = {c} 对称，而不是关于 0：相关的 y 是卷积的 y 平移 {shift}"
              "（卷积在 {var} = {conv} 处最大，相关在 {corr} 处最大）。",
    },
    "sl.sym.none": {
        "en": "g is not symmetric, so convolution and correlation give different y "
              "(largest at {var} = {conv} for convolution, {corr} for correlation).",
        "zh": "g 不对称，所以卷积和相关得到不同的 y（卷积在 {var} = {conv} 处最大，相关在 {corr} 处最大）。",
    },
}
