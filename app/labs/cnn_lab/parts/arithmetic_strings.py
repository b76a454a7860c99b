"""Strings of the CNN Lab's arithmetic tab ("cnn.x."), LeNet's C3 table and S4's own pooling."""

from app.ui.strings.glossary import term

STRINGS = {
    "cnn.tab.arith": {"en": "Stride, padding, dilation", "zh": "步幅、填充、空洞"},
    "cnn.x.title": {"en": "How big is the output? Stride, padding and dilation", "zh": "输出有多大？步幅、填充与空洞"},
    "cnn.x.intro": {
        "en": "Apply one C1 kernel to the lab's image the way a CNN layer does (cross-correlation, zero padding). "
              "The stride s skips output positions, the padding p adds zeros around the input, and the dilation d "
              "spreads the kernel's taps apart. The formula below predicts the map's size; the map is then computed "
              "and its real size compared.",
        "zh": "像 CNN 层那样把一个 C1 卷积核作用在实验室的图像上（互相关、零填充）。步幅 s 跳过输出位置，"
              "填充 p 在输入四周补零，空洞（膨胀）d 让卷积核的抽头彼此分开。下面的公式先预测特征图的大小，"
              "然后真正计算特征图，并比较它的实际大小。",
    },
    "cnn.x.kernel": {"en": "Kernel", "zh": "卷积核"},
    "cnn.x.stride": {"en": "Stride s", "zh": "步幅 s"},
    "cnn.x.pad": {"en": "Padding", "zh": "填充"},
    "cnn.x.pad.valid": {"en": "valid (p = 0)", "zh": "valid（p = 0）"},
    "cnn.x.pad.same": {"en": "same", "zh": "same"},
    "cnn.x.pad.full": {"en": "full", "zh": "full"},
    "cnn.x.pad.explicit": {"en": "explicit p", "zh": "指定 p"},
    "cnn.x.pad_help": {
        "en": "valid: no zeros, the kernel stays inside the image. same: enough zeros that stride 1 keeps the size "
              "(an even kernel gets the extra zero at the bottom/right). full: every position where kernel and image "
              "overlap at all. explicit: p zeros on every side.",
        "zh": "valid：不补零，卷积核始终在图像内部。same：补足够的零，使步幅为 1 时尺寸不变（偶数大小的卷积核把多出的一个零补在下方/右侧）。"
              "full：卷积核与图像只要有重叠的位置都输出。指定 p：每边补 p 个零。",
    },
    "cnn.x.p": {"en": "Zeros on each side, p", "zh": "每边补零数 p"},
    "cnn.x.dilation": {"en": "Dilation d", "zh": "空洞率 d"},
    "cnn.x.dilation_help": {
        "en": "d − 1 skipped pixels between neighbouring taps: a 3×3 kernel with d = 2 covers 5×5 pixels with 9 weights.",
        "zh": "相邻抽头之间跳过 d − 1 个像素：d = 2 的 3×3 卷积核用 9 个权值覆盖 5×5 个像素。",
    },
    "cnn.x.axis": {"en": "Rows and columns differ; this axis: n = {n}, k = {k}", "zh": "行列不同；此方向：n = {n}，k = {k}"},
    "cnn.x.match": {
        "en": "The formula gives **{fh} × {fw}** ✓ matches the computed map: **{h} × {w}**",
        "zh": "公式给出 **{fh} × {fw}** ✓ 与计算出的特征图一致：**{h} × {w}**",
    },
    "cnn.x.mismatch": {
        "en": "The formula gives **{fh} × {fw}** ✗ but the computed map is **{h} × {w}**",
        "zh": "公式给出 **{fh} × {fw}** ✗ 但计算出的特征图是 **{h} × {w}**",
    },
    "cnn.x.map": {"en": "The map, {h} × {w} (blue < 0 < red)", "zh": "特征图，{h} × {w}（蓝 < 0 < 红）"},
    "cnn.x.map_alt": {
        "en": "Feature map of the chosen kernel, {h} by {w} pixels, negative values blue, positive red",
        "zh": "所选卷积核的特征图，{h} × {w} 像素，负值为蓝色，正值为红色",
    },
    "cnn.x.spectrum": {"en": "Its spectrum (log |F|, mean removed)", "zh": "它的频谱（log |F|，去掉均值）"},
    "cnn.x.read": {
        "en": "**Reading it.** Stride 2 halves each side: only every second position is computed, so the map's "
              "spectrum is the stride-1 spectrum folded into a band half as wide (aliasing, as in pooling). "
              "Padding adds positions at the border; dilation makes the kernel reach further with the same weights, "
              "and its frequency response repeats d times across the band.",
        "zh": "**怎么看。** 步幅 2 让每边减半：只计算每隔一个的位置，所以特征图的频谱是步幅 1 时的频谱折叠进一个一半宽的频带"
              "（混叠，和池化一样）。填充在边界处增加位置；空洞让卷积核用同样的权值看得更远，它的频率响应在频带内重复 d 次。",
    },
    "cnn.x.anim": {"en": "Watch the kernel move (a small grid, played in your browser)", "zh": "看卷积核如何移动（小网格，在浏览器中播放）"},
    "cnn.x.anim_n": {"en": "Grid side n for the animation", "zh": "动画网格边长 n"},
    "cnn.x.anim_in": {"en": "input {n}×{n}, padding {p} (white)", "zh": "输入 {n}×{n}，填充 {p}（白色）"},
    "cnn.x.anim_out": {"en": "output {m}×{m}", "zh": "输出 {m}×{m}"},
    "cnn.x.anim_cap": {
        "en": "Same kernel size k = {k}, stride s = {s}, dilation d = {d} and padding as above, on a grid of at most "
              "{cap}×{cap} cells so that every step stays visible ({frames} steps). Dark squares: the cells under the "
              "kernel's taps; the green square: the output cell they make.",
        "zh": "卷积核大小 k = {k}、步幅 s = {s}、空洞率 d = {d} 和填充与上面相同，网格最多 {cap}×{cap} 格，"
              "以便看清每一步（共 {frames} 步）。深色方块：卷积核抽头下的格子；绿色方块：它们算出的输出格。",
    },
    "cnn.x.t_title": {
        "en": "Transposed convolution (stride 2) and the checkerboard artefact",
        "zh": "转置卷积（步幅 2）与棋盘格伪影",
    },
    "cnn.x.t_intro": {
        "en": "Upsampling layers often use a transposed convolution: each input pixel adds a copy of the kernel to the "
              "output, copies 2 pixels apart. When the kernel size is not a multiple of the stride, some output pixels "
              "receive more copies than their neighbours: a checkerboard. Resizing first (nearest neighbour) and then "
              "convolving gives every pixel the same number of taps. Both use the same k × k box here, on the lab's "
              "image shrunk to at most 128 pixels a side.",
        "zh": "上采样层常用转置卷积：每个输入像素向输出加上一份卷积核的拷贝，拷贝之间相隔 2 个像素。当卷积核大小不是步幅的整数倍时，"
              "有些输出像素比邻居接收到更多拷贝，就出现了棋盘格。先缩放（最近邻）再卷积，则每个像素得到同样多的抽头。"
              "这里两者使用同一个 k × k 方框核，作用在缩小到每边最多 128 像素的实验室图像上。",
    },
    "cnn.x.t_k": {"en": "Kernel size k (stride 2)", "zh": "卷积核大小 k（步幅 2）"},
    "cnn.x.t_transposed": {"en": "Transposed convolution", "zh": "转置卷积"},
    "cnn.x.t_resized": {"en": "Resize, then convolve", "zh": "先缩放再卷积"},
    "cnn.x.t_out": {"en": "Output, {h} × {w}", "zh": "输出，{h} × {w}"},
    "cnn.x.t_flat": {"en": "Of a constant input", "zh": "常数输入的输出"},
    "cnn.x.t_score": {"en": "Checkerboard score", "zh": "棋盘格分数"},
    "cnn.x.t_score_help": {
        "en": "How unevenly the four 2×2 phases of the output carry energy for a constant input, border left out: "
              "0 % is even, 100 % means one phase gets nothing.",
        "zh": "常数输入时（去掉边框）输出的四个 2×2 相位承载能量的不均匀程度：0 % 表示均匀，100 % 表示某个相位完全没有能量。",
    },
    "cnn.x.t_even": {
        "en": "k = {k} is a multiple of the stride 2: every output pixel gets the same number of kernel copies, "
              "score {score}. No checkerboard.",
        "zh": "k = {k} 是步幅 2 的整数倍：每个输出像素得到同样多的卷积核拷贝，分数 {score}。没有棋盘格。",
    },
    "cnn.x.t_uneven": {
        "en": "k = {k} is not a multiple of the stride 2: the copies overlap unevenly, score {score}. The checkerboard "
              "also shows in the spectrum as bright copies near the corners and edges (±½ cycle/pixel).",
        "zh": "k = {k} 不是步幅 2 的整数倍：拷贝重叠不均匀，分数 {score}。棋盘格在频谱中表现为靠近角落和边缘（±½ 周期/像素）的亮点。",
    },
    # ---- LeNet's C3 table and S4's own pooling (the C3 → S4 column) ---------------------------
    "cnn.c3.preset.lenet": {"en": "LeNet-5's sparse table (6 maps)", "zh": "LeNet-5 稀疏连接表（6 张图）"},
    "cnn.c3.explain.lenet": {
        "en": "LeCun et al. (1998), Table I: 16 C3 maps, each reading only 3, 4 or all 6 of the six S2 maps (random "
              "3×3 kernels). Fewer connections mean fewer weights, and different maps are pushed to learn different "
              "features. Choose a C1 bank of exactly 6 kernels (random or catalogue).",
        "zh": "LeCun 等（1998）表 I：16 张 C3 特征图，每张只读取六张 S2 特征图中的 3 张、4 张或全部 6 张（随机 3×3 卷积核）。"
              "连接越少权值越少，不同的特征图也被迫学习不同的特征。请选择恰好 6 个卷积核的 C1 组（随机或目录）。",
    },
    "cnn.c3.table": {"en": "Rows: S2 maps 1–6; columns: C3 maps 1–16; dark: connected", "zh": "行：S2 特征图 1–6；列：C3 特征图 1–16；深色：有连接"},
    "cnn.c3.table_alt": {
        "en": "LeNet-5's C3 connection table, 6 rows by 16 columns, dark cells where a C3 map reads an S2 map",
        "zh": "LeNet-5 的 C3 连接表，6 行 16 列，深色格表示该 C3 特征图读取该 S2 特征图",
    },
    "cnn.s4.own": {"en": "S4 pools with its own settings", "zh": "S4 使用自己的池化设置"},
    "cnn.s4.own_help": {
        "en": "Off: S4 pools like S2. On: choose S4's pooling, window and stride here (LeNet subsampling stays S2's).",
        "zh": "关闭：S4 与 S2 的池化相同。打开：在这里选择 S4 的池化方式、窗口和步幅（LeNet 下采样仍跟随 S2）。",
    },
    "cnn.s4.mode": {"en": "S4 pooling", "zh": "S4 池化方式"},
    "cnn.s4.size": {"en": "S4 window size", "zh": "S4 窗口大小"},
    "cnn.s4.stride": {"en": "S4 stride", "zh": "S4 " + term("stride", "zh")},
    "cnn.x.anim_label": {"en": "output cell ({r}, {c}) · step {i} of {n}", "zh": "输出单元 ({r}, {c}) · 第 {i} / {n} 步"},
    "cnn.g.title": {"en": "Grouped and depthwise convolution", "zh": "分组卷积与逐通道（depthwise）卷积"},
    "cnn.g.intro": {
        "en": "Split the input channels into g groups; each group gets its own filters that see only its channels. "
              "g = 1 is an ordinary layer, g = C_in a depthwise one (MobileNet).",
        "zh": "把输入通道分成 g 组；每组有自己的滤波器，只看本组的通道。g = 1 是普通卷积层，g = C_in 是逐通道卷积（MobileNet）。",
    },
    "cnn.g.cin": {"en": "Input channels C_in", "zh": "输入通道数 C_in"},
    "cnn.g.mult": {"en": "Filters per input channel (C_out / C_in)", "zh": "每个输入通道的滤波器数（C_out / C_in）"},
    "cnn.g.mult_help": {"en": "C_out = this × C_in, so every divisor of C_in also divides C_out.",
                        "zh": "C_out = 此值 × C_in，因此 C_in 的每个因数也整除 C_out。"},
    "cnn.g.k": {"en": "Filter side k", "zh": "滤波器边长 k"},
    "cnn.g.groups": {"en": "Groups g (divisors of C_in)", "zh": "组数 g（C_in 的因数）"},
    "cnn.g.groups_help": {"en": "g must divide C_in: each group gets C_in / g channels.",
                          "zh": "g 必须整除 C_in：每组分到 C_in / g 个通道。"},
    "cnn.g.kind.dense": {
        "en": "g = 1: an ordinary layer — each of the {cout} filters sees all {cin} channels.",
        "zh": "g = 1：普通卷积层——{cout} 个滤波器每个都看全部 {cin} 个通道。",
    },
    "cnn.g.kind.grouped": {
        "en": "g = {g}: {g} groups of {per} channels; each filter sees only the {per} channels of its group.",
        "zh": "g = {g}：{g} 组，每组 {per} 个通道；每个滤波器只看本组的 {per} 个通道。",
    },
    "cnn.g.kind.depthwise": {
        "en": "g = C_in = {g}: depthwise — each filter sees a single channel.",
        "zh": "g = C_in = {g}：逐通道卷积——每个滤波器只看一个通道。",
    },
    "cnn.g.cost": {
        "en": "Parameters C_out·(C_in/g)·k² = {cout}·({cin}/{g})·{k}² = **{params}** · multiply-adds on a 16 × 16 "
              "input = parameters·H_out·W_out = {params}·{h}·{w} = **{macs}**",
        "zh": "参数量 C_out·(C_in/g)·k² = {cout}·({cin}/{g})·{k}² = **{params}** · 16 × 16 输入上的乘加次数 = "
              "参数量·H_out·W_out = {params}·{h}·{w} = **{macs}**",
    },
    "cnn.g.vs_dense": {
        "en": "The ordinary layer (g = 1) needs {dense_params} weights and {dense_macs} multiply-adds: {ratio}× as many.",
        "zh": "普通卷积层（g = 1）需要 {dense_params} 个权重和 {dense_macs} 次乘加：是它的 {ratio} 倍。",
    },
    "cnn.g.check": {
        "en": "✓ Checked: the grouped layer's {cout} output maps equal those of {g} ordinary layers side by side, each given only its own {per} channel(s).",
        "zh": "✓ 已验证：分组卷积层的 {cout} 张输出图，与 {g} 个并排的普通卷积层（每个只输入本组的 {per} 个通道）的输出完全相同。",
    },
    "cnn.g.check_bad": {
        "en": "The grouped layer and {g} ordinary layers side by side differ by {diff}: please report this.",
        "zh": "分组卷积层与 {g} 个并排的普通卷积层相差 {diff}：请报告此问题。",
    },
}
