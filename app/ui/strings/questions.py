"""Strings of the prediction questions (section "q.")."""

from app.ui.strings.glossary import term

STRINGS = {
    "q.reveal": {"en": "Reveal the answer", "zh": "揭晓答案"},
    "q.hidden": {"en": "The answer is hidden until someone presses “Reveal”.", "zh": "答案已隐藏，按下“揭晓答案”后显示。"},
    "q.pick": {"en": "Pick your prediction first; the answer follows.", "zh": "先选出你的预测，然后显示答案。"},
    "q.correct": {"en": "Right: {right}.", "zh": "答对了：{right}。"},
    "q.wrong": {"en": "Not quite. The answer is {right}.", "zh": "不太对。答案是 {right}。"},
    "q.answer": {"en": "The answer is {right}.", "zh": "答案是 {right}。"},
    # ---- CNN Lab -------------------------------------------------------------------------------
    "q.cnn.title": {"en": "Predict first: how long is the vector?", "zh": "先预测：向量有多长？"},
    "q.cnn.vector": {
        "en": "{stage} gives {c} maps of {h} × {w} pixels, and the classifier receives them flattened into one "
              "vector. How long is that vector?",
        "zh": "{stage} 输出 {c} 张 {h} × {w} 像素的特征图，分类器接收的是把它们展平后的一个向量。这个向量有多长？",
    },
    "q.cnn.vector.c": {"en": "{c}: one number per map", "zh": "{c}：每张特征图一个数"},
    "q.cnn.vector.hw": {"en": "{h} × {w}: the pixels of one map", "zh": "{h} × {w}：一张特征图的像素数"},
    "q.cnn.vector.hwc": {"en": "{h} × {w} × {c}: every pixel of every map", "zh": "{h} × {w} × {c}：所有特征图的所有像素"},
    "q.cnn.vector.conv": {"en": "{hc} × {wc} × {c}: the maps before pooling", "zh": "{hc} × {wc} × {c}：池化之前的特征图"},
    "q.cnn.vector.why": {
        "en": "Flattening keeps every value of every map: {h} × {w} × {c} = **{n}** numbers, the length the lab "
              "computed (the shapes strip shows it). Pooling came before, so the pooled maps count, not the larger "
              "ones before it.",
        "zh": "展平会保留每张特征图的每个值：{h} × {w} × {c} = **{n}** 个数，正是实验室算出的长度（见上方的形状条）。"
              "池化在展平之前，所以计入的是池化后的特征图，而不是池化前更大的特征图。",
    },
    # ---- Signal Lab: find the maximum -----------------------------------------------------------
    "q.max.title": {"en": "Exercise: where is y largest?", "zh": "练习：y 在哪里最大？"},
    "q.max.prompt": {
        "en": "Before sliding: picture f and the flipped g passing each other. Set {var} where you expect the "
              "output y({var}) to be largest, then check.",
        "zh": "先别拖动：想象 f 与翻转后的 g 互相滑过。把 {var} 设在你认为输出 y({var}) 最大的位置，然后检查。",
    },
    "q.max.guess": {"en": "My guess: y is largest at {var} =", "zh": "我的猜测：y 在 {var} = 处最大"},
    "q.max.check": {"en": "Check my guess", "zh": "检查我的猜测"},
    "q.max.right": {
        "en": "Right on: y is largest at {var} = {where}, where y = {y_max}. Your guess {var} = {guess} hits it.",
        "zh": "完全正确：y 在 {var} = {where} 处最大，y = {y_max}。你的猜测 {var} = {guess} 正中。",
    },
    "q.max.off": {
        "en": "y is largest at {var} = {where}, where y = {y_max}. Your guess {var} = {guess} is {dist} away and "
              "gives y = {y_guess}, {short} below the maximum. The peak is where the shaded overlap has the "
              "largest area. {why}",
        "zh": "y 在 {var} = {where} 处最大，y = {y_max}。你的猜测 {var} = {guess} 相差 {dist}，此处 y = {y_guess}，"
              "比最大值低 {short}。峰值出现在阴影重叠面积最大的地方。{why}",
    },
    "q.max.why.front_end": {
        "en": "Here that is the moment the front of the sliding g reaches the end of f ({var} = {at}).",
        "zh": "这里正是滑动的 g 的前沿到达 f 末端的时刻（{var} = {at}）。",
    },
    "q.max.why.back_start": {
        "en": "Here that is the moment the back of the sliding g leaves the start of f ({var} = {at}).",
        "zh": "这里正是滑动的 g 的后沿离开 f 起点的时刻（{var} = {at}）。",
    },
    "q.max.why.begin": {
        "en": "Here that is the moment the overlap begins ({var} = {at}).",
        "zh": "这里正是开始重叠的时刻（{var} = {at}）。",
    },
    "q.max.why.end": {
        "en": "Here that is the moment the overlap ends ({var} = {at}).",
        "zh": "这里正是重叠结束的时刻（{var} = {at}）。",
    },
    "q.max.why.between": {
        "en": "Here that lies between the moments where the signals' edges meet: where the large parts of f and of "
              "the sliding g lie over each other.",
        "zh": "这里它位于两个信号边缘相遇的时刻之间：f 的主要部分与滑动的 g 的主要部分相互重叠的地方。",
    },
    "q.max.show": {"en": "Move the chart's marker to the maximum", "zh": "把图上的标记移到最大值处"},
    # ---- Image Lab lessons (app.labs.image_lab.questions) ------------------------------------
    "q.lesson.title": {"en": "Predict first", "zh": "先预测"},
    "q.lesson.blur_high": {
        "en": "The blur runs over the picture. How much of its fine detail (the energy above 0.25 cycles/pixel) "
              "survives in the output?",
        "zh": "模糊作用于整幅图像。图像的细节（0.25 周期/像素以上的能量）在输出中还剩多少？",
    },
    "q.lesson.blur_high.0": {"en": "Most of it (over 50 %)", "zh": "大部分（超过 50 %）"},
    "q.lesson.blur_high.1": {"en": "Some of it (5–50 %)", "zh": "一部分（5–50 %）"},
    "q.lesson.blur_high.2": {"en": "Almost none (under 5 %)", "zh": "几乎没有（不到 5 %）"},
    "q.lesson.blur_high.why": {
        "en": "The output keeps **{pct}** of the input's energy above 0.25 cycles/pixel. Its spectrum is F · H, "
              "and |H| is small away from the centre, so F · H goes dark there (compare the spectrum panels).",
        "zh": "输出保留了输入在 0.25 周期/像素以上能量的 **{pct}**。输出频谱是 F · H，而 |H| 离中心越远越小，"
              "所以 F · H 在外圈变暗（对比几幅频谱图）。",
    },
    "q.lesson.edges_high": {
        "en": "Where is this kernel's frequency response |H| brightest?",
        "zh": "这个卷积核的频率响应 |H| 在哪里最亮？",
    },
    "q.lesson.edges_high.0": {"en": "In the centre (low frequencies)", "zh": "中心（低频）"},
    "q.lesson.edges_high.1": {"en": "Away from the centre (high frequencies)", "zh": "远离中心处（高频）"},
    "q.lesson.edges_high.2": {"en": "About the same everywhere", "zh": "各处差不多"},
    "q.lesson.edges_high.why": {
        "en": "The mean |H| is **{low}** in the centre (below 0.1 cycles/pixel) and **{high}** beyond 0.25 "
              "cycles/pixel. Weights summing to 0 give |H| = 0 at the centre: flat areas vanish and edges remain.",
        "zh": "|H| 的平均值在中心（0.1 周期/像素以内）为 **{low}**，在 0.25 周期/像素以外为 **{high}**。"
              "权重之和为 0 时，中心处 |H| = 0：平坦区域消失，只留下边缘。",
    },
    "q.lesson.ideal_vs_gaussian": {
        "en": "Every input pixel lies in [0, 1]. Will this low-pass output go below 0 or above 1?",
        "zh": "输入的每个像素都在 [0, 1] 内。这个低通滤波的输出会低于 0 或高于 1 吗？",
    },
    "q.lesson.ideal_vs_gaussian.0": {"en": "Yes, on both sides (below 0 and above 1)", "zh": "会，两边都会（低于 0 也高于 1）"},
    "q.lesson.ideal_vs_gaussian.1": {"en": "Only on one side", "zh": "只在一边"},
    "q.lesson.ideal_vs_gaussian.2": {"en": "No, it stays within [0, 1]", "zh": "不会，始终在 [0, 1] 内"},
    "q.lesson.ideal_vs_gaussian.why": {
        "en": "The output runs from **{lo}** to **{hi}**. Non-negative weights summing to 1 only average, so they "
              "stay in [0, 1]; the ideal low-pass's jinc kernel has negative ripples, so edges overshoot (ringing).",
        "zh": "输出范围是 **{lo}** 到 **{hi}**。非负且和为 1 的权重只是在求平均，结果不会超出 [0, 1]；"
              "理想低通的 jinc 卷积核有负的波纹，所以边缘处会过冲（振铃）。",
    },
    "q.lesson.wrap_artefact": {
        "en": "Compare this output with the same kernel under the other boundary (wrap ↔ reflect). Where do the "
              "two differ most?",
        "zh": "把这个输出与同一卷积核在另一种边界（" + term("boundary.wrap", "zh") + " ↔ " + term("boundary.reflect", "zh")
              + "）下的输出比较。两者在哪里差别最大？",
    },
    "q.lesson.wrap_artefact.0": {"en": "Along the top and bottom edges", "zh": "上下两条边"},
    "q.lesson.wrap_artefact.1": {"en": "Along the left and right edges", "zh": "左右两条边"},
    "q.lesson.wrap_artefact.2": {"en": "Nowhere: they are the same", "zh": "没有差别"},
    "q.lesson.wrap_artefact.why": {
        "en": "The mean difference is **{rows}** in the top and bottom bands and **{cols}** in the left and right "
              "bands (the Boundary tab shows it). Wrapping repeats the picture, so a blur along one direction "
              "drags the opposite edge in across the borders it crosses.",
        "zh": "上下边带的平均差为 **{rows}**，左右边带为 **{cols}**（“边界”标签页里可以看到）。“" + term("boundary.wrap", "zh") + "”边界把图像当成周期重复的，"
              "所以沿某个方向的模糊会把对边的内容拖进它所跨越的边界。",
    },
    "q.lesson.zero_border": {
        "en": "A large blur with this boundary: compared with the input, will the output's border be …",
        "zh": "在这种边界下做大尺寸模糊：与输入相比，输出的边缘会……",
    },
    "q.lesson.zero_border.0": {"en": "darker", "zh": "更暗"},
    "q.lesson.zero_border.1": {"en": "about as bright", "zh": "差不多一样亮"},
    "q.lesson.zero_border.2": {"en": "brighter", "zh": "更亮"},
    "q.lesson.zero_border.why": {
        "en": "On average the output's border band is **{shift}** brighter than the input's (negative: darker). "
              "Zero padding mixes black into every pixel the kernel reaches over the edge; reflect or nearest "
              "padding brings in picture instead.",
        "zh": "输出边缘带的平均亮度比输入高 **{shift}**（负数表示更暗）。补零会把黑色混进卷积核越过边缘所能触及的每个像素；"
              "“" + term("boundary.reflect", "zh") + "”或“" + term("boundary.nearest", "zh") + "”边界补进来的则是图像本身。",
    },
    "q.lesson.conv_vs_corr": {
        "en": "Switch between correlation and convolution (the kernel turned by 180°). What happens to the output?",
        "zh": "在相关和卷积之间切换（卷积核旋转 180°）。输出会怎样？",
    },
    "q.lesson.conv_vs_corr.0": {"en": "Nothing: it stays the same", "zh": "不变"},
    "q.lesson.conv_vs_corr.1": {"en": "Light and shadow swap: the relief turns inside out", "zh": "亮面和阴影对调：浮雕凹凸反转"},
    "q.lesson.conv_vs_corr.2": {"en": "The whole picture turns upside down", "zh": "整幅图上下颠倒"},
    "q.lesson.conv_vs_corr.why": {
        "en": "**{pct}** of the kernel is odd: it changes sign when the kernel turns by 180°. A symmetric kernel "
              "gives the same output both ways; an odd part inverts what it adds (the relief) while the picture "
              "stays where it is.",
        "zh": "卷积核中有 **{pct}** 是奇对称部分：旋转 180° 后它会变号。对称的卷积核两种方式结果相同；"
              "奇对称部分会把它加上的东西（浮雕）反转，而图像本身不动。",
    },
    "q.lesson.direction": {
        "en": "Which spokes of the star fade out in this output?",
        "zh": "输出中星形图的哪些辐条会消失？",
    },
    "q.lesson.direction.0": {"en": "Those pointing left and right (horizontal edges)", "zh": "指向左右的（水平边缘）"},
    "q.lesson.direction.1": {"en": "Those pointing up and down (vertical edges)", "zh": "指向上下的（竖直边缘）"},
    "q.lesson.direction.2": {"en": "None: every direction shows alike", "zh": "都不会：各个方向一样"},
    "q.lesson.direction.why": {
        "en": "The mean |H| along the horizontal frequency axis is **{fx}**, along the vertical axis **{fy}**. Edges "
              "whose brightness changes along a dark axis give no answer: a dark vertical axis hides horizontal edges.",
        "zh": "|H| 沿水平频率轴的平均值为 **{fx}**，沿竖直频率轴为 **{fy}**。亮度沿暗轴方向变化的边缘没有响应："
              "竖直轴暗，水平边缘就看不见。",
    },
    "q.lesson.sharpen": {
        "en": "What does this kernel do to fine detail (frequencies above 0.25 cycles/pixel)?",
        "zh": "这个卷积核对细节（0.25 周期/像素以上的频率）有什么作用？",
    },
    "q.lesson.sharpen.0": {"en": "Weakens it (gain below 1)", "zh": "减弱（增益小于 1）"},
    "q.lesson.sharpen.1": {"en": "Leaves it as it is (gain about 1)", "zh": "保持不变（增益约为 1）"},
    "q.lesson.sharpen.2": {"en": "Boosts it (gain above 1)", "zh": "增强（增益大于 1）"},
    "q.lesson.sharpen.why": {
        "en": "The mean |H| is **{low}** in the centre and **{high}** for fine detail. Unsharp masking adds the edge "
              "image back: the gain stays 1 at frequency 0 and rises above 1 for detail, hence the halos.",
        "zh": "|H| 的平均值在中心为 **{low}**，在细节频段为 **{high}**。反锐化掩模把边缘图加回原图：零频增益仍为 1，"
              "细节处增益大于 1，所以会出现光晕。",
    },
    # ---- Filter Designer (app.labs.filter_designer.questions) -------------------------------------
    "q.fd.title": {"en": "Predict first: what will this mask do?", "zh": "先预测：这个掩模会做什么？"},
    "q.fd.effect": {
        "en": "The output is the image's spectrum times this mask, transformed back. What will the output look like?",
        "zh": "输出是图像频谱乘以这个掩模再变换回来。输出会是什么样子？",
    },
    "q.fd.effect.blur": {"en": "Blurred: the centre is kept, fine detail removed", "zh": "变模糊：保留中心，去掉细节"},
    "q.fd.effect.edges": {"en": "Edges and detail only: the mean brightness (the centre) is removed",
                          "zh": "只剩边缘和细节：平均亮度（中心）被去掉了"},
    "q.fd.effect.same": {"en": "Practically unchanged", "zh": "几乎不变"},
    "q.fd.effect.patterns": {"en": "The same picture with some waves gone (a few stripes, or one band of detail)",
                             "zh": "图像基本不变，只是少了一些波（几种条纹，或某一段细节）"},
    "q.fd.effect.why": {
        "en": "The mask's gain is **{dc}** at zero frequency (the mean brightness); its mean gain is **{low}** in "
              "the centre (below 0.1 cycles/pixel), **{mid}** from 0.1 to 0.25 and **{high}** beyond 0.25 "
              "cycles/pixel, and it removes **{pct}** of the spectrum (gain below 0.5). Without zero frequency "
              "flat areas lose their brightness and only changes remain; with it and without the fine detail the "
              "picture blurs; each point of the spectrum is one wave, so removing points in between removes "
              "those waves.",
        "zh": "掩模在零频（平均亮度）处的增益为 **{dc}**；平均增益在中心（0.1 周期/像素以内）为 **{low}**，"
              "在 0.1 到 0.25 之间为 **{mid}**，在 0.25 周期/像素以外为 **{high}**，共去掉了频谱的 **{pct}**（增益低于 0.5）。"
              "去掉零频，平坦区域就失去亮度，只剩变化；保留零频而去掉细节，图像就变模糊；频谱上每个点是一个波，"
              "去掉中间的点就去掉了那些波。",
    },
    # ---- Fourier Lab (app.labs.fourier_lab.questions) --------------------------------------------
    "q.fl.title": {"en": "Predict first: magnitude or phase?", "zh": "先预测：幅度还是相位？"},
    "q.fl.swap": {
        "en": "A picture is rebuilt from the magnitude spectrum of photo A and the phase spectrum of photo B. "
              "Which photo will it look like?",
        "zh": "用照片 A 的幅度谱和照片 B 的相位谱重建一幅图。它会像哪张照片？",
    },
    "q.fl.swap.a": {"en": "Photo A, which gave the magnitude", "zh": "照片 A（提供幅度）"},
    "q.fl.swap.b": {"en": "Photo B, which gave the phase", "zh": "照片 B（提供相位）"},
    "q.fl.swap.both": {"en": "Both alike (a blend)", "zh": "两张一样像（混合）"},
    "q.fl.swap.why": {
        "en": "Its correlation with A is **{ra}** and with B **{rb}**. Where edges and shapes sit is written "
              "in the phase; the magnitude mostly says how much of each frequency there is, which photos share.",
        "zh": "它与 A 的相关系数为 **{ra}**，与 B 为 **{rb}**。边缘和形状的位置写在相位里；"
              "幅度主要说明各个频率有多少，而这一点不同照片差不多。",
    },
    "q.fl.wiener.title": {"en": "Predict first: better or worse?", "zh": "先预测：变好还是变坏？"},
    "q.fl.wiener": {
        "en": "The blurred, noisy photo is off the sharp one by {blurred} (RMSE). Restored with the Wiener "
              "filter at K = {k}, will the error be …",
        "zh": "模糊且有噪声的照片与清晰原图的误差为 {blurred}（RMSE）。用 K = {k} 的维纳滤波复原后，误差会……",
    },
    "q.fl.wiener.better": {"en": "smaller: the blur is undone", "zh": "更小：模糊被撤销了"},
    "q.fl.wiener.same": {"en": "about the same", "zh": "差不多"},
    "q.fl.wiener.worse": {"en": "larger: the noise is amplified", "zh": "更大：噪声被放大了"},
    "q.fl.wiener.why": {
        "en": "The restoration's error is **{restored}**, against **{blurred}** for the blurred photo. Where |H| is "
              "small, dividing by H multiplies the noise; K caps that gain: too small and the noise explodes, too "
              "large and the blur stays. The best K here is {best_k} (error {best}).",
        "zh": "复原后的误差为 **{restored}**，模糊照片的误差为 **{blurred}**。在 |H| 很小的地方，除以 H 会放大噪声；"
              "K 限制了这种放大：太小噪声爆炸，太大模糊留下。这里最优的 K 是 {best_k}（误差 {best}）。",
    },
    "q.lesson.first": {
        "en": "First predict: the question is in the Lessons tab. The explanation follows your answer.",
        "zh": "先预测：问题在“课堂示例”标签页里。回答之后再看讲解。",
    },
}
