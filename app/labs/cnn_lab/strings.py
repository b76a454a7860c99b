"""Strings of the CNN Lab (section "cnn.")."""

from app.ui.strings.glossary import TERMS, term

STRINGS = {
    "cnn.title": {"en": "CNN Lab: what convolutional layers do", "zh": "卷积神经网络实验室：卷积层做了什么"},
    "cnn.intro": {
        "en": "A convolutional layer slides a few small kernels over the image. Each kernel passes its own band of "
              "frequencies, an activation function bends the result, and pooling keeps a coarser version. "
              "Follow LeNet's chain C1 → S2 → C3 → S4 → vector on your own image.",
        "zh": "卷积层用几个小卷积核在图像上滑动，每个卷积核只让一段频率通过；激活函数再对结果做一次非线性变换；"
              "池化则保留一个更粗的版本。在你自己的图片上走一遍 LeNet 的流程：C1 → S2 → C3 → S4 → 向量。",
    },
    # ---- input ---------------------------------------------------------------------------------
    "cnn.input.title": {"en": "Input image", "zh": "输入图像"},
    "cnn.input.which": {"en": "Use", "zh": "使用"},
    "cnn.input.lab": {"en": "The Image Lab's image", "zh": "图像卷积实验室中的图片"},
    "cnn.input.own": {"en": "A sample or upload", "zh": "示例图片或上传"},
    "cnn.input.no_lab": {
        "en": "The Image Lab has no image yet in this session, so a sample is used.",
        "zh": "本次会话中图像卷积实验室还没有图片，因此使用示例图片。",
    },
    "cnn.input.grey": {
        "en": "Grey, {w} × {h} pixels (CNN input, at most {side} px a side).",
        "zh": "灰度图，{w} × {h} 像素（网络输入，每边最多 {side} 像素）。",
    },
    "cnn.input.card": {"en": "Input (grey)", "zh": "输入（灰度）"},
    # ---- controls -------------------------------------------------------------------------------
    "cnn.c1.title": {"en": "C1 · convolution layer", "zh": "C1 · 卷积层"},
    "cnn.c1.preset": {"en": "Kernel bank", "zh": "卷积核组"},
    "cnn.c1.preset.edges": {"en": "Edge bank: Sobel x/y, Laplacian, Gaussian", "zh": "边缘组：索贝尔 x/y、拉普拉斯、高斯"},
    "cnn.c1.preset.gabor": {"en": "Gabor bank: 4 orientations", "zh": "伽博组：4 个方向"},
    "cnn.c1.preset.dog": {"en": "DoG bank: 3 scales", "zh": "高斯差分组：3 个尺度"},
    "cnn.c1.preset.random": {"en": "Random kernels (untrained network)", "zh": "随机卷积核（未训练的网络）"},
    "cnn.c1.preset.catalog": {"en": "Pick from the kernel catalogue", "zh": "从卷积核目录中挑选"},
    "cnn.c1.n": {"en": "Number of kernels", "zh": "卷积核个数"},
    "cnn.c1.ksize": {"en": "Kernel size", "zh": "卷积核尺寸"},
    "cnn.c1.seed": {"en": "Random seed", "zh": "随机种子"},
    "cnn.c1.seed_help": {
        "en": "The same seed always gives the same random kernels, so a link shows the same network.",
        "zh": "相同的种子总是生成相同的随机卷积核，分享链接时大家看到的是同一个网络。",
    },
    "cnn.c1.catalog": {"en": "Kernels (one feature map each, up to 8)", "zh": "卷积核（每个生成一张特征图，最多 8 个）"},
    "cnn.c1.catalog_empty": {"en": "Pick at least one kernel; showing the Sobel x kernel meanwhile.", "zh": "请至少选择一个卷积核；暂时显示索贝尔 x。"},
    "cnn.c1.biases": {"en": "Bias of each kernel", "zh": "每个卷积核的偏置"},
    "cnn.c1.biases_help": {
        "en": "Added to the whole feature map before the activation. With ReLU a negative bias keeps only strong responses.",
        "zh": "在激活函数之前加到整张特征图上。配合 ReLU，负的偏置只留下较强的响应。",
    },
    "cnn.c1.bias": {"en": "b{i} · {name}", "zh": "b{i} · {name}"},
    "cnn.act": {"en": "Activation function", "zh": "激活函数"},
    "cnn.act.none": {"en": "None (linear)", "zh": "无（线性）"},
    "cnn.act.relu": {"en": "ReLU  max(0, x)", "zh": "ReLU  max(0, x)"},
    "cnn.act.sigmoid": {"en": "Sigmoid  1/(1+e⁻ˣ)", "zh": "Sigmoid  1/(1+e⁻ˣ)"},
    "cnn.act.tanh": {"en": "tanh", "zh": "tanh"},
    "cnn.act_help": {
        "en": "Applied to every feature map (C1 and C3). LeNet squashed with sigmoid/tanh; networks today use ReLU.",
        "zh": "作用于每张特征图（C1 和 C3）。LeNet 用 sigmoid/tanh 压缩，如今的网络多用 ReLU。",
    },
    "cnn.pool.title": {"en": "S2 · pooling", "zh": "S2 · 池化"},
    "cnn.pool.mode": {"en": "Pooling", "zh": "池化方式"},
    "cnn.pool.mode.max": {"en": "Max pooling", "zh": "最大池化"},
    "cnn.pool.mode.average": {"en": "Average pooling", "zh": "平均池化"},
    "cnn.pool.mode.subsample": {"en": "Plain subsampling (no filter)", "zh": "直接降采样（不滤波）"},
    "cnn.pool.mode.lenet": {"en": "LeNet subsampling (sum × w + b, sigmoid)", "zh": "LeNet 下采样（求和 × w + b，再 sigmoid）"},
    "cnn.pool.size": {"en": "Window size", "zh": "窗口大小"},
    "cnn.pool.stride": {"en": "Stride", "zh": term("stride", "zh")},
    "cnn.pool.lenet_w": {"en": "LeNet weight w", "zh": "LeNet 权重 w"},
    "cnn.pool.lenet_b": {"en": "LeNet bias b", "zh": "LeNet 偏置 b"},
    "cnn.pool.lenet_note": {
        "en": "LeNet's blocks do not overlap: the stride equals the window size. w and b are shared by all maps here.",
        "zh": "LeNet 的块互不重叠：步幅等于窗口大小。这里所有特征图共用同一组 w 和 b。",
    },
    "cnn.c3.title": {"en": "C3 → S4 · second layer", "zh": "C3 → S4 · 第二层"},
    "cnn.c3.preset": {"en": "C3 kernels", "zh": "C3 卷积核"},
    "cnn.c3.preset.off": {"en": "Off (stop after S2)", "zh": "关闭（到 S2 为止）"},
    "cnn.c3.preset.edge_sum": {"en": "Sum of edge responses", "zh": "边缘响应之和"},
    "cnn.c3.preset.random": {"en": "Random, mixing all maps", "zh": "随机，混合所有特征图"},
    "cnn.c3.n": {"en": "Number of C3 maps", "zh": "C3 特征图个数"},
    "cnn.c3.seed": {"en": "C3 random seed", "zh": "C3 随机种子"},
    "cnn.c3.bias": {"en": "C3 bias (all maps)", "zh": "C3 偏置（所有特征图）"},
    "cnn.c3.explain.edge_sum": {
        "en": "Each C3 map applies one kernel (Sobel x, Sobel y, Laplacian, Gaussian 3×3) to every S2 map and adds the "
              "results (divided by the number of maps). S4 pools like S2 unless the switch below gives it its own settings.",
        "zh": "每张 C3 特征图用同一个卷积核（索贝尔 x、索贝尔 y、拉普拉斯、3×3 高斯）处理所有 S2 特征图再相加"
              "（除以特征图个数）。除非用下面的开关单独设置，S4 沿用 S2 的池化设置。",
    },
    "cnn.c3.explain.random": {
        "en": "Each C3 map has its own random 3×3 kernel for every S2 map and adds all the results, as in LeNet. "
              "S4 pools with the S2 settings.",
        "zh": "和 LeNet 一样，每张 C3 特征图对每张 S2 特征图都有自己的 3×3 随机卷积核，再把结果全部相加。"
              "除非用下面的开关单独设置，S4 沿用 S2 的池化设置。",
    },
    "cnn.c3.explain.off": {"en": "The network ends after S2; its maps are flattened into the vector.", "zh": "网络在 S2 之后结束，S2 特征图被展平成向量。"},
    # ---- shapes ---------------------------------------------------------------------------------
    "cnn.shapes.caption": {
        "en": "Shape of each stage: height × width × number of maps. The last stage is flattened into one vector for the classifier (softmax).",
        "zh": "每一级的形状：高 × 宽 × 特征图个数。最后一级被展平成一个向量，送给分类器（softmax）。",
    },
    "cnn.stage.input": {"en": "Input", "zh": "输入"},
    "cnn.stage.C1": {"en": "C1 · conv", "zh": "C1 · 卷积"},
    "cnn.stage.S2": {"en": "S2 · pool", "zh": "S2 · 池化"},
    "cnn.stage.C3": {"en": "C3 · conv", "zh": "C3 · 卷积"},
    "cnn.stage.S4": {"en": "S4 · pool", "zh": "S4 · 池化"},
    "cnn.stage.vector": {"en": "Vector length", "zh": "向量长度"},
    "cnn.shape": {"en": "{h} × {w} × {c}", "zh": "{h} × {w} × {c}"},
    # ---- tabs -----------------------------------------------------------------------------------
    "cnn.tab.maps": {"en": "Feature maps and spectra", "zh": "特征图与频谱"},
    "cnn.tab.weights": {"en": "Weight sharing", "zh": "权值共享"},
    "cnn.tab.alias": {"en": "Pooling and aliasing", "zh": "池化与混叠"},
    "cnn.tab.shift": TERMS["shift_tolerance"],  # the tab measures that the invariance is only partial
    # ---- feature maps ---------------------------------------------------------------------------
    "cnn.maps.c1": {"en": "C1: kernel, |H| (ring = band centre), feature map, spectrum", "zh": "C1：卷积核、|H|（圆环 = 频带中心）、特征图、频谱"},
    "cnn.maps.c1_cap": {
        "en": "Each kernel extracts a different frequency band: compare the bright part of |H| with the spectrum of its map. "
              "Maps: {scale}. Spectra: log magnitude with the mean removed, centre = zero frequency.",
        "zh": "每个卷积核提取不同的频带：对比 |H| 的亮区和对应特征图的频谱。特征图：{scale}。频谱：去掉均值后的对数幅度，中心为零频。",
    },
    "cnn.maps.s2": {"en": "S2: pooled maps and their spectra", "zh": "S2：池化后的特征图及其频谱"},
    "cnn.maps.c3": {"en": "C3: maps mixing all S2 maps", "zh": "C3：混合所有 S2 特征图的特征图"},
    "cnn.maps.s4": {"en": "S4: pooled again", "zh": "S4：再次池化"},
    "cnn.maps.pooled_cap": {
        "en": "Each pooled map has fewer pixels, so its spectrum covers a narrower band of the original frequencies: "
              "the edge of this spectrum is 1/(2·{stride}) = {nyq} cycles per original pixel.",
        "zh": "池化后的特征图像素更少，它的频谱只覆盖原图频率中较窄的一段：这张频谱的边缘对应原图的 1/(2·{stride}) = {nyq} 周期/像素。",
    },
    "cnn.scale.relu": {"en": "black = 0, white = the map's 99.5th percentile", "zh": "黑 = 0，白 = 该图的 99.5% 分位数"},
    "cnn.scale.unit": {"en": "black = 0, white = 1", "zh": "黑 = 0，白 = 1"},
    "cnn.scale.stretch": {
        "en": "black = the map's smallest value, white = its largest (sigmoid squeezes values into a narrow band around 0.5: see the range under each map)",
        "zh": "黑 = 该图最小值，白 = 最大值（sigmoid 会把数值挤到 0.5 附近很窄的范围里：见每张图下方的数值范围）",
    },
    "cnn.scale.signed": {"en": "blue < 0 < red, white = 0, full colour at the 99.5th percentile of |value|", "zh": "蓝 < 0 < 红，白 = 0，|值| 的 99.5% 分位数处颜色最深"},
    "cnn.input.explain": {
        "en": "The input and its spectrum (centre = zero frequency). Before the activation, each C1 map's spectrum "
              "is this spectrum multiplied by its kernel's |H|: the kernel chooses which frequencies survive.",
        "zh": "输入图像及其频谱（中心为零频）。在激活之前，每张 C1 特征图的频谱就是这个频谱乘以其卷积核的 |H|："
              "卷积核决定哪些频率能留下来。",
    },
    "cnn.input.linear": {
        "en": "No activation here, so the maps below are exactly these filtered images: only **{before}** of a map's "
              "energy lies where |H| is below 5 % of its peak (the boundary's share).",
        "zh": "这里没有激活函数，所以下面的特征图正是这些滤波结果：特征图能量中只有 **{before}** 落在 |H| 低于峰值 5 % 的地方"
              "（来自边界）。",
    },
    "cnn.input.activated": {
        "en": "The maps and spectra below are shown after the activation ({act}), which creates new frequencies: "
              "**{after}** of a map's energy lies where |H| is below 5 % of its peak, against **{before}** before it.",
        "zh": "下面的特征图和频谱是激活（{act}）之后的，激活会产生新的频率：特征图能量中有 **{after}** 落在 |H| 低于峰值 5 % "
              "的地方，激活之前只有 **{before}**。",
    },
    "cnn.card.range": {"en": "{lo} … {hi}", "zh": "{lo} … {hi}"},
    "cnn.band.low": {"en": "low band", "zh": "低频"},
    "cnn.band.band": {"en": "middle band", "zh": "中频"},
    "cnn.band.high": {"en": "high band", "zh": "高频"},
    "cnn.band.all": {"en": "all frequencies", "zh": "全部频率"},
    "cnn.band.caption": {"en": "{band} · centre {f} cycles/px", "zh": "{band} · 中心 {f} 周期/像素"},
    # text alternatives (app/ui/a11y.py)
    "cnn.alt.map": {"en": "{name}: feature map", "zh": "{name}：特征图"},
    "cnn.alt.spectrum": {"en": "{name}: its spectrum (log |F|, mean removed)", "zh": "{name}：它的频谱（log |F|，去掉均值）"},
    "cnn.alt.kernel": {"en": "{name}: the kernel's weights", "zh": "{name}：卷积核的权重"},
    "cnn.alt.response": {"en": "{name}: the kernel's frequency response |H|", "zh": "{name}：卷积核的频率响应 |H|"},
    "cnn.alt.params": {"en": "{layer}: {conv} with shared weights, {dense} fully connected",
                       "zh": "{layer}：共享权值 {conv} 个，全连接 {dense} 个"},
    "cnn.alt.shift": {"en": "Relative change of the maps for every shift d; at d = {d}: {values}",
                      "zh": "每个平移量 d 下特征图的相对变化；d = {d} 时：{values}"},
    "cnn.alt.input": {"en": "The network's input, grey, {w} × {h} pixels", "zh": "网络的输入，灰度图，{w} × {h} 像素"},
    "cnn.random": {"en": "random", "zh": "随机"},
    "cnn.sum": {"en": "Σ", "zh": "Σ"},
    "cnn.formulas": {"en": "The formulas behind the pictures", "zh": "图片背后的公式"},
    "cnn.formulas.note": {
        "en": "f is the activation, ⋆ is correlation (CNNs do not flip the kernel), p the pooling window, s the stride, σ the sigmoid. "
              "Without f, a conv layer is a filter: its output spectrum is the input spectrum times the kernel's response.",
        "zh": "f 是激活函数，⋆ 表示相关运算（CNN 不翻转卷积核），p 是池化窗口，s 是步幅，σ 是 sigmoid 函数。"
              "去掉 f，卷积层就是一个滤波器：输出频谱 = 输入频谱 × 卷积核的频率响应。",
    },
    # ---- weight sharing -------------------------------------------------------------------------
    "cnn.w.title": {"en": "Weight sharing, in numbers", "zh": "权值共享：用数字说话"},
    "cnn.w.intro": {
        "en": "A convolutional layer uses the same small kernels at every position. A fully connected layer producing the "
              "same outputs from the same inputs needs one weight for every (input value, output value) pair.",
        "zh": "卷积层在每个位置都使用同一组小卷积核。若用全连接层从相同的输入得到相同形状的输出，"
              "每一对（输入值，输出值）都需要一个权重。",
    },
    "cnn.w.layer": {"en": "Layer", "zh": "层"},
    "cnn.w.in": {"en": "Input", "zh": "输入"},
    "cnn.w.out": {"en": "Output", "zh": "输出"},
    "cnn.w.conv": {"en": "Convolution: weights + biases", "zh": "卷积层：权重 + 偏置"},
    "cnn.w.dense": {"en": "Fully connected: weights + biases", "zh": "全连接层：权重 + 偏置"},
    "cnn.w.ratio": {"en": "Times more", "zh": "倍数"},
    "cnn.w.pool_params": {"en": "{n} (LeNet: w and b per map)", "zh": "{n}（LeNet：每张图一组 w、b）"},
    "cnn.w.none": {"en": "0 (nothing to learn)", "zh": "0（没有要学习的参数）"},
    "cnn.w.formula": {
        "en": "Convolution: k·k·(input maps)·(output maps) + (output maps). Fully connected: "
              "(H·W·C in)·(H·W·C out) + (H·W·C out).",
        "zh": "卷积层：k·k·（输入图数）·（输出图数）+（输出图数）。全连接层：（输入 H·W·C）·（输出 H·W·C）+（输出 H·W·C）。",
    },
    "cnn.w.headline": {
        "en": "C1 learns {conv} numbers; a fully connected layer doing the same would need {dense} — {ratio} times more.",
        "zh": "C1 只需学习 {conv} 个参数；做同样事情的全连接层需要 {dense} 个——多 {ratio} 倍。",
    },
    "cnn.w.chart": {"en": "Parameters per layer (log scale)", "zh": "每层参数个数（对数坐标）"},
    "cnn.w.chart_conv": {"en": "convolution (shared weights)", "zh": "卷积（权值共享）"},
    "cnn.w.chart_dense": {"en": "fully connected", "zh": "全连接"},
    "cnn.w.y": {"en": "parameters", "zh": "参数个数"},
    # ---- pooling and aliasing -------------------------------------------------------------------
    "cnn.a.title": {"en": "Pooling as a filter: average pooling vs plain subsampling", "zh": "把池化看作滤波：平均池化与直接降采样"},
    "cnn.a.intro": {
        "en": "Keeping one pixel in {stride} (in each direction) lowers the Nyquist frequency to {nyq} cycles/pixel (dashed square). "
              "Anything outside the square folds back as false patterns (aliasing). Average pooling first blurs with a "
              "{size}×{size} box — a low-pass filter — then subsamples.",
        "zh": "每 {stride} 个像素只保留一个，奈奎斯特频率就降到 {nyq} 周期/像素（虚线方框）。方框外的频率会折叠回来，"
              "形成虚假的图案（混叠）。平均池化先用 {size}×{size} 方框做模糊（低通滤波），再降采样。",
    },
    "cnn.a.map": {"en": "Map to pool", "zh": "要池化的图"},
    "cnn.a.map.input": {"en": "Input image", "zh": "输入图像"},
    "cnn.a.map.c1": {"en": "C1 map {i}: {name}", "zh": "C1 特征图 {i}：{name}"},
    "cnn.a.zone": {"en": "Try it on the zone plate", "zh": "换成波带片试试"},
    "cnn.a.zone_help": {
        "en": "The zone plate has rings of every frequency, so aliasing is easy to see.",
        "zh": "波带片包含各种频率的圆环，最容易看出混叠。",
    },
    "cnn.a.before": {"en": "Before pooling", "zh": "池化前"},
    "cnn.a.average": {"en": "Average pooling", "zh": "平均池化"},
    "cnn.a.max": {"en": "Max pooling", "zh": "最大池化"},
    "cnn.a.subsample": {"en": "Plain subsampling", "zh": "直接降采样"},
    "cnn.a.energy_before": {"en": "Energy outside the square", "zh": "方框外的能量"},
    "cnn.a.energy_before_help": {
        "en": "Share of the map's energy (mean removed) above the new Nyquist frequency: plain subsampling folds all of it back.",
        "zh": "新奈奎斯特频率以上的能量占整张图能量（去掉均值）的比例：直接降采样会把它全部折叠回来。",
    },
    "cnn.a.energy_after": {"en": "… left after the average filter", "zh": "经平均滤波后剩下"},
    "cnn.a.energy_after_help": {
        "en": "What is left there after the {size}×{size} box filter of average pooling, as a share of the same total.",
        "zh": "经过平均池化的 {size}×{size} 方框滤波后，那里剩下的能量（占同一总能量的比例）。",
    },
    "cnn.a.read": {
        "en": "Compare the three pooled spectra: plain subsampling shows strong false rings (aliasing); average pooling "
              "damps them; max pooling is not a linear filter, it keeps bright details and aliases less than plain "
              "subsampling but more than averaging.",
        "zh": "比较三个池化后的频谱：直接降采样出现明显的虚假圆环（混叠）；平均池化把它们压低了；"
              "最大池化不是线性滤波，它保留亮的细节，混叠比直接降采样少、比平均池化多。",
    },
    "cnn.a.zoom": {"en": "Zoom: top-left {n} × {n} pixels, pixel-exact", "zh": "放大：左上角 {n} × {n} 像素，逐像素显示"},
    "cnn.a.zoom_help": {
        "en": "Shows every pixel as a block, so the screen does not blur or alias the images itself. The zone plate's "
              "finest rings are in its corners.",
        "zh": "每个像素显示成一个方块，屏幕本身不会再把图像模糊或混叠。波带片最细的圆环在四个角上。",
    },
    "cnn.a.display_note": {
        "en": "The whole map is shown reduced to fit the screen (by averaging), which hides its finest detail: "
              "turn on the zoom to see the pixels themselves.",
        "zh": "整张图为适应屏幕被缩小显示（按面积平均），最细的细节因此看不出来：打开放大即可看到真实像素。",
    },
    "cnn.a.spectrum_cap": {"en": "spectrum (log, mean removed), {h}×{w}", "zh": "频谱（对数，去均值），{h}×{w}"},
    # ---- shift tolerance ------------------------------------------------------------------------
    "cnn.s.title": {"en": "Does pooling make the network shift-invariant? Measure it.", "zh": "池化真的带来平移不变性吗？测一测。"},
    "cnn.s.intro": {
        "en": "The input is rolled right by d pixels (periodically, so the edges play no part) and run through C1, the "
              "activation and S2 again. The curves show how much the maps changed: ‖new − old‖ / ‖old‖.",
        "zh": "把输入循环右移 d 个像素（周期平移，边缘不起作用），再经过 C1、激活函数和 S2。曲线给出特征图变化了多少：‖新 − 旧‖ / ‖旧‖。",
    },
    "cnn.s.d": {"en": "Shift d (pixels)", "zh": "平移量 d（像素）"},
    "cnn.s.c1_moved": {"en": "C1 maps, as is", "zh": "C1（直接比较）"},
    "cnn.s.c1_back": {"en": "C1, shifted back by d", "zh": "C1（移回 d 像素）"},
    "cnn.s.pool_moved": {"en": "S2 maps, as is", "zh": "S2（直接比较）"},
    "cnn.s.pool_back": {"en": "S2, back by whole cells", "zh": "S2（按整格移回）"},
    "cnn.s.pool_back_help": {
        "en": "Rolled back by d / stride pooled cells, rounded: {q} cell(s) for d = {d}.",
        "zh": "移回 d / 步幅 个池化格（四舍五入）：d = {d} 时移回 {q} 格。",
    },
    "cnn.s.x": {"en": "shift d (pixels)", "zh": "平移量 d（像素）"},
    "cnn.s.y": {"en": "relative change", "zh": "相对变化"},
    "cnn.s.read": {
        "en": "Convolution is equivariant: the C1 maps move with the input and match exactly once shifted back (≈ 0 %). "
              "For small shifts the pooled maps usually change less than the C1 maps — the tolerance pooling buys, "
              "larger for bigger windows — and they are exactly a shifted copy when d is a multiple of the stride ({stride}); "
              "in between they really change. "
              "So pooling gives partial, not full, translation invariance.",
        "zh": "卷积具有平移等变性：C1 特征图随输入一起移动，移回去后完全一致（≈ 0 %）。对小的平移，池化后的特征图通常比 C1 变化更小——"
              "这就是池化带来的容忍度，窗口越大越明显；当 d 是步幅（{stride}）的整数倍时，池化结果恰好是平移后的副本；介于之间时它确实改变了。"
              "所以池化只带来部分的平移不变性，而不是完全的。",
    },
    "cnn.s.crop": {
        "en": "Measured on the central {w} × {h} pixels with circular padding.",
        "zh": "在图像中央 {w} × {h} 像素上用循环填充测量。",
    },
    # ---- errors ---------------------------------------------------------------------------------
    "cnn.err": {"en": "This setting cannot be computed: {detail}", "zh": "这个设置无法计算：{detail}"},
    "cnn.err.s4": {
        "en": "S4 cannot pool these maps: {detail} Use a smaller pooling window.",
        "zh": "S4 无法池化这些特征图：{detail} 请把池化窗口调小。",
    },
}
