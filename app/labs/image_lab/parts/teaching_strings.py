"""Strings of the Image Lab's teaching tools (keys "teach.")."""

from app.ui.strings.glossary import term

STRINGS: dict[str, dict[str, str]] = {
    # --- tabs ---------------------------------------------------------------------------
    "teach.tab.edit": {"en": "Edit kernel", "zh": "编辑卷积核"},
    "teach.tab.draw": {"en": "Draw kernel", "zh": "手绘卷积核"},
    "teach.tab.inspect": {"en": "Pixel inspector", "zh": "像素放大镜"},
    "teach.tab.compare": {"en": "Low-pass vs high-pass", "zh": "低通 vs 高通"},
    "teach.tab.export": {"en": "Export & share", "zh": "导出与分享"},
    "teach.tab.lessons": {"en": "Lessons", "zh": "课堂示例"},
    # --- kernel source slot ---------------------------------------------------------------
    "teach.src.label": {"en": "Kernel source", "zh": "卷积核来源"},
    "teach.src.catalog": {"en": "Catalogue", "zh": "内置卷积核"},
    "teach.src.custom": {"en": "My kernel (edited / drawn)", "zh": "我的卷积核（编辑 / 手绘）"},
    "teach.src.help": {
        "en": "Use a kernel from the catalogue above, or the one you edited, drew, pasted, uploaded or "
        "brought from the Filter Designer.",
        "zh": "使用上面的内置卷积核，或者你自己编辑、手绘、粘贴、上传的卷积核，以及从滤波器设计器带过来的卷积核。",
    },
    "teach.src.empty": {
        "en": "No kernel of your own yet: edit a cell or draw one in the tabs below.",
        "zh": "还没有你自己的卷积核：在下面的标签页里改一个格子，或者画一个。",
    },
    "teach.src.caption": {
        "en": "Using **{name}** ({h}×{w}, sum of weights {s}).",
        "zh": "正在使用 **{name}**（{h}×{w}，权重之和 {s}）。",
    },
    "teach.src.custom_name": {"en": "my kernel", "zh": "我的卷积核"},
    "teach.src.band": {
        "en": "Measured from its frequency response, it keeps: {band}.",
        "zh": "从频率响应测得，它保留的是：{band}。",
    },
    "teach.src.ideal": {
        "en": "ideal low-pass (cut-off {c} × Nyquist)",
        "zh": "理想低通（截止频率 {c} × 奈奎斯特频率）",
    },
    "teach.src.edited": {"en": "edited kernel", "zh": "编辑后的卷积核"},
    "teach.src.pasted": {"en": "pasted kernel", "zh": "粘贴的卷积核"},
    "teach.src.no_link": {
        "en": "Only kernels up to {n}×{n} travel in a shared link; this one stays on this computer.",
        "zh": "只有不超过 {n}×{n} 的卷积核能放进分享链接；这个卷积核只保存在本机。",
    },
    # --- editor ---------------------------------------------------------------------------
    "teach.edit.intro": {
        "en": "The current kernel, cell by cell. Change a number and the output follows; the buttons "
        "below reshape the whole kernel.",
        "zh": "这是当前的卷积核，一格一个权重。改一个数字，输出图像马上跟着变；下面的按钮可以整体改造卷积核。",
    },
    "teach.edit.preview": {"en": "Kernel (blue < 0 < red)", "zh": "卷积核（蓝 < 0 < 红）"},
    "teach.edit.stats": {
        "en": "{h}×{w} · sum of weights (gain at frequency 0) = {s} · largest |weight| = {m}",
        "zh": "{h}×{w} · 权重之和（零频增益）= {s} · 最大 |权重| = {m}",
    },
    "teach.edit.too_big": {
        "en": "This kernel is {h}×{w}; the grid edits up to {n}×{n}. Resize it below (crop) to edit it.",
        "zh": "这个卷积核是 {h}×{w}，表格最多只能编辑 {n}×{n}。请先在下面调整大小（裁剪）再编辑。",
    },
    "teach.edit.actions": {"en": "Whole-kernel actions", "zh": "整体操作"},
    "teach.edit.normalise": {"en": "Normalise (sum 1)", "zh": "归一化（和为 1）"},
    "teach.edit.normalise.help": {
        "en": "Divide by the sum of the weights: flat areas keep their brightness.",
        "zh": "除以权重之和：平坦区域的亮度保持不变。",
    },
    "teach.edit.zero_mean": {"en": "Zero mean", "zh": "去均值"},
    "teach.edit.zero_mean.help": {
        "en": "Subtract the mean weight: the sum becomes 0, so the response at frequency 0 is 0. A blur larger "
        "than 3×3 turns into a band-pass (a Gaussian into a “Mexican hat”): its gain still falls off for fine "
        "detail, so it peaks in between.",
        "zh": "每个权重减去平均值：权重之和变成 0，零频响应为 0。大于 3×3 的模糊核会变成带通核（高斯核变成“墨西哥草帽”）："
        "细节处的增益仍然很小，所以增益在中间频率最大。",
    },
    "teach.edit.complement": {"en": "1 − kernel", "zh": "1 − 卷积核"},
    "teach.edit.complement.help": {
        "en": "Identity minus the normalised kernel: keeps exactly what the blur removes (image − blurred image).",
        "zh": "单位核减去归一化后的卷积核：正好保留模糊去掉的部分（原图 − 模糊图）。",
    },
    "teach.edit.flip": {"en": "Flip 180°", "zh": "旋转 180°"},
    "teach.edit.flip.help": {
        "en": "Rotate the kernel by 180°: convolution with the flipped kernel is correlation with the original.",
        "zh": "把卷积核旋转 180°：用翻转后的核做卷积，等于用原来的核做相关。",
    },
    "teach.edit.transpose": {"en": "Transpose", "zh": "转置"},
    "teach.edit.transpose.help": {
        "en": "Swap rows and columns: a vertical-edge detector becomes a horizontal one.",
        "zh": "行列互换：检测竖直边缘的核变成检测水平边缘的核。",
    },
    "teach.edit.rows": {"en": "Rows", "zh": "行数"},
    "teach.edit.cols": {"en": "Columns", "zh": "列数"},
    "teach.edit.method": {"en": "How to resize", "zh": "调整方式"},
    "teach.edit.method.pad": {"en": "Pad with zeros / crop (centre kept)", "zh": "补零 / 裁剪（中心不动）"},
    "teach.edit.method.resample": {"en": "Stretch (resample, sum kept)", "zh": "拉伸（重采样，和不变）"},
    "teach.edit.resize": {"en": "Resize", "zh": "调整大小"},
    "teach.edit.resized": {"en": "resized kernel", "zh": "调整大小后的卷积核"},
    "teach.edit.paste": {
        "en": "Paste a kernel (rows of numbers; commas, spaces or tabs; 1/9 works)",
        "zh": "粘贴卷积核（每行一排数字，用逗号、空格或 Tab 分隔；可以写 1/9）",
    },
    "teach.edit.paste_use": {"en": "Use pasted kernel", "zh": "使用粘贴的卷积核"},
    "teach.edit.upload": {"en": "Upload a kernel (.npy, .csv, .txt)", "zh": "上传卷积核（.npy、.csv、.txt）"},
    # --- errors at the widgets (the previous kernel is kept) -------------------------------
    "teach.err.parse": {
        "en": "Could not use this kernel — {detail} The previous kernel is kept.",
        "zh": "无法使用这个卷积核——{detail} 已保留原来的卷积核。",
    },
    "teach.err.empty_cell": {
        "en": "Row {r}, column {c} needs a number; the previous kernel is kept.",
        "zh": "第 {r} 行第 {c} 列需要填一个数字；已保留原来的卷积核。",
    },
    "teach.err.not_number": {
        "en": "Every cell must hold a number; the previous kernel is kept.",
        "zh": "每个格子都必须是数字；已保留原来的卷积核。",
    },
    "teach.err.normalise": {
        "en": "The weights sum to zero, so the kernel cannot be scaled to sum 1 (a high-pass kernel has sum 0).",
        "zh": "权重之和为零，无法归一化为和为 1（高通卷积核的权重之和本来就是 0）。",
    },
    "teach.err.zero_mean": {
        "en": "All weights are equal: removing the mean leaves nothing. Try “1 − kernel” instead.",
        "zh": "所有权重都相等，去掉均值后什么都不剩。可以试试“1 − 卷积核”。",
    },
    "teach.err.complement": {
        "en": "“1 − kernel” needs a kernel whose weights do not sum to zero.",
        "zh": "“1 − 卷积核”要求卷积核的权重之和不为零。",
    },
    "teach.err.flip": {"en": "Could not flip the kernel.", "zh": "无法翻转卷积核。"},
    "teach.err.transpose": {"en": "Could not transpose the kernel.", "zh": "无法转置卷积核。"},
    "teach.err.draw": {
        "en": "Nothing to normalise yet — draw a stroke, or turn “sum 1” off.",
        "zh": "还没有可以归一化的内容——先画一笔，或者关掉“和为 1”。",
    },
    # --- draw -----------------------------------------------------------------------------
    "teach.draw.intro": {
        "en": "Paint on the canvas: each stroke becomes kernel weights (the ink in each cell, averaged). "
        "Red adds positive weights, blue negative ones. A wobbly line is a camera shake: a motion blur.",
        "zh": "在画布上作画：每一笔都会变成卷积核的权重（每个格子里墨迹的平均值）。红色是正权重，蓝色是负权重。"
        "一条歪歪扭扭的线就是相机抖动——运动模糊。",
    },
    "teach.draw.size": {"en": "Kernel size", "zh": "卷积核大小"},
    "teach.draw.brush": {"en": "Brush width", "zh": "笔刷粗细"},
    "teach.draw.ink": {"en": "Ink", "zh": "颜色"},
    "teach.draw.ink.plus": {"en": "＋ red", "zh": "＋ 红"},
    "teach.draw.ink.minus": {"en": "− blue", "zh": "− 蓝"},
    "teach.draw.clear": {"en": "Clear canvas", "zh": "清空画布"},
    "teach.draw.showcase": {"en": "Show a camera-shake path", "zh": "示范：相机抖动轨迹"},
    "teach.draw.normalise": {"en": "Sum 1 (keep brightness)", "zh": "和为 1（保持亮度）"},
    "teach.draw.crop": {"en": "Fit drawing to kernel", "zh": "按笔迹裁剪"},
    "teach.draw.crop.help": {
        "en": "Crop the canvas to the square around your strokes, so a small drawing fills the kernel.",
        "zh": "把画布裁剪到笔迹周围的正方形，小小的一笔也能铺满整个卷积核。",
    },
    "teach.draw.empty": {
        "en": "Draw on the canvas — the kernel appears here and is applied at once (undo/redo/delete are "
        "in the canvas toolbar).",
        "zh": "在画布上画一画——卷积核会显示在这里并立刻生效（撤销、重做、删除在画布的工具栏里）。",
    },
    "teach.draw.preview": {"en": "Your kernel ({n}×{n})", "zh": "你的卷积核（{n}×{n}）"},
    "teach.draw.sum": {"en": "Sum of weights: {s}", "zh": "权重之和：{s}"},
    "teach.draw.name": {"en": "drawn kernel", "zh": "手绘卷积核"},
    "teach.draw.shake_name": {"en": "camera shake (drawn)", "zh": "相机抖动（手绘）"},
    "teach.draw.grid_fallback": {
        "en": "The drawing canvas is not available here; tick cells to paint the kernel.",
        "zh": "这里无法使用画布；勾选格子来“画”卷积核。",
    },
    # --- pixel inspector -------------------------------------------------------------------
    "teach.insp.intro": {
        "en": "One output pixel, worked out by hand: multiply the patch under the kernel by the kernel, "
        "cell by cell, and add everything up.",
        "zh": "手算一个输出像素：把卷积核下面的那块图像和卷积核逐格相乘，再全部加起来。",
    },
    "teach.insp.click": {"en": "Click the image to choose a pixel.", "zh": "点击图像选择一个像素。"},
    "teach.insp.x": {"en": "x (column, 0–{n})", "zh": "x（列，0–{n}）"},
    "teach.insp.y": {"en": "y (row, 0–{n})", "zh": "y（行，0–{n}）"},
    "teach.insp.channel": {"en": "Colour channel", "zh": "颜色通道"},
    "teach.insp.patch": {"en": "Image patch", "zh": "图像小块"},
    "teach.insp.kernel_conv": {"en": "Kernel, flipped 180°", "zh": "卷积核（旋转 180°）"},
    "teach.insp.kernel_corr": {"en": "Kernel (as is)", "zh": "卷积核（不翻转）"},
    "teach.insp.products": {"en": "Patch × kernel", "zh": "逐格相乘"},
    "teach.insp.no_numbers": {
        "en": "Numbers are written in the cells up to {n}×{n}; hover a cell to read it.",
        "zh": "不超过 {n}×{n} 时格子里会写出数字；更大时把鼠标移到格子上查看。",
    },
    "teach.insp.sum": {
        "en": "Sum of the {n} products: **{total}**",
        "zh": "{n} 个乘积之和：**{total}**",
    },
    "teach.insp.output": {
        "en": "Output value at (x={x}, y={y}): **{value}**",
        "zh": "输出图像在 (x={x}, y={y}) 的值：**{value}**",
    },
    "teach.insp.flip_conv": {
        "en": "Convolution flips the kernel before it slides; switch to correlation and it is used as it is.",
        "zh": "卷积会先把卷积核旋转 180° 再滑动；切换成相关运算就直接使用原来的卷积核。",
    },
    "teach.insp.flip_corr": {
        "en": "Correlation uses the kernel as it is (what CNN layers do); convolution would flip it first.",
        "zh": "相关运算直接使用卷积核（CNN 的卷积层就是这样做的）；真正的卷积会先把它翻转。",
    },
    "teach.insp.border": {
        "en": "Framed grey cells lie outside the image: their values come from the boundary mode ({boundary}).",
        "zh": "带灰框的格子在图像外面：它们的值由边界模式（{boundary}）补出来。",
    },
    "teach.boundary.reflect": {"en": term("boundary.reflect", "en") + ": mirror image",
                               "zh": term("boundary.reflect", "zh") + "：镜面翻折"},
    "teach.boundary.zero": {"en": term("boundary.zero", "en") + ": black outside",
                            "zh": term("boundary.zero", "zh") + "：外面是黑色"},
    "teach.boundary.wrap": {"en": term("boundary.wrap", "en") + ": the opposite edge",
                            "zh": term("boundary.wrap", "zh") + "：取对边的像素"},
    "teach.boundary.nearest": {"en": term("boundary.nearest", "en") + ": edge pixel repeated",
                               "zh": term("boundary.nearest", "zh") + "：重复边缘像素"},
    # --- comparison -----------------------------------------------------------------------
    "teach.cmp.intro": {
        "en": "A low-pass kernel keeps the slow changes, a high-pass kernel keeps the fast ones. The same "
        "image, two kernels, and their frequency responses on one chart.",
        "zh": "低通卷积核保留缓慢的变化，高通卷积核保留快速的变化。同一张图、两个卷积核，频率响应画在同一张图表上。",
    },
    "teach.cmp.low": {"en": "Low-pass kernel", "zh": "低通卷积核"},
    "teach.cmp.high": {"en": "High-pass kernel", "zh": "高通卷积核"},
    "teach.cmp.output": {"en": "Output", "zh": "输出"},
    "teach.cmp.response": {"en": "|H| (what passes)", "zh": "|H|（能通过的频率）"},
    "teach.cmp.spectrum": {"en": "Output spectrum", "zh": "输出频谱"},
    "teach.cmp.hf": {
        "en": "High-frequency energy kept: {ratio} % of the input's",
        "zh": "保留的高频能量：输入的 {ratio}%",
    },
    "teach.cmp.radial": {"en": "Radial profile: which frequencies each kernel passes", "zh": "径向剖面：每个卷积核让哪些频率通过"},
    "teach.cmp.freq": {"en": "radial frequency (cycles/pixel)", "zh": "径向频率（周期/像素）"},
    "teach.cmp.gain": {"en": "gain |H|", "zh": "增益 |H|"},
    "teach.cmp.curve_low": {"en": "|H| {name}", "zh": "|H| {name}"},
    "teach.cmp.curve_high": {"en": "|H| {name}", "zh": "|H| {name}"},
    "teach.cmp.curve_rest": {"en": "|1 − H| image − low-pass part", "zh": "|1 − H| 原图 − 低通部分"},
    "teach.cmp.error": {"en": "Could not compare: {detail}", "zh": "无法比较：{detail}"},
    "teach.cmp.split": {
        "en": "Image = low-pass part + (image − low-pass part)",
        "zh": "原图 = 低通部分 +（原图 − 低通部分）",
    },
    "teach.cmp.split.image": {"en": "Image", "zh": "原图"},
    "teach.cmp.split.low": {"en": "Low-pass part (blur)", "zh": "低通部分（模糊）"},
    "teach.cmp.split.high": {"en": "Image − low-pass part: the edges", "zh": "原图 − 低通部分：边缘"},
    "teach.cmp.split.note": {
        "en": "The two parts add back to the image exactly (largest error {err}); what the blur throws away "
        "is the edge image.",
        "zh": "两部分相加正好还原原图（最大误差 {err}）；模糊丢掉的，正是这张边缘图。",
    },
    # --- export & share --------------------------------------------------------------------
    "teach.exp.link": {"en": "Link to exactly this view", "zh": "指向当前画面的链接"},
    "teach.exp.link_help": {
        "en": "Copy it (button at the right of the box, or the address bar): it holds the sample, kernel, "
        "parameters, boundary, conv/corr, display choices and language.",
        "zh": "复制这个链接（框右侧的按钮，或直接复制地址栏）：里面记录了示例图像、卷积核、参数、边界模式、卷积/相关、显示选项和语言。",
    },
    "teach.exp.upload_note": {
        "en": "Your own (uploaded or camera) image cannot travel in a link: whoever opens it sees the "
        "sample image instead. Send the image separately.",
        "zh": "你自己上传或拍摄的图像无法放进链接：打开链接的人看到的是示例图像。请另外发送这张图像。",
    },
    "teach.exp.kernel_note": {
        "en": "Your kernel is larger than {n}×{n}, so the link cannot carry it: download it (CSV / NPY) and share the file.",
        "zh": "你的卷积核大于 {n}×{n}，链接装不下：请下载（CSV / NPY）后把文件发给别人。",
    },
    "teach.exp.downloads": {"en": "Downloads", "zh": "下载"},
    "teach.exp.output": {"en": "Output image (PNG)", "zh": "输出图像（PNG）"},
    "teach.exp.figure": {"en": "Six-panel figure (PNG)", "zh": "六联图（PNG）"},
    "teach.exp.kernel_csv": {"en": "Kernel (CSV)", "zh": "卷积核（CSV）"},
    "teach.exp.kernel_npy": {"en": "Kernel (NPY)", "zh": "卷积核（NPY）"},
    "teach.exp.input": {"en": "Input image used (PNG)", "zh": "使用的输入图像（PNG）"},
    "teach.exp.snippet": {"en": "Python snippet (.py)", "zh": "Python 代码（.py）"},
    "teach.exp.output_note": {
        "en": "Signed outputs (edges) are saved with the diverging colour map, never clipped. The snippet "
        "reproduces the result from the input PNG with numpy, scipy and Pillow only.",
        "zh": "有正有负的输出（边缘）用双色映射保存，不会被截断。Python 代码只用 numpy、scipy 和 Pillow，就能从输入 PNG 重现这个结果。",
    },
    "teach.fig.input": {"en": "Input f", "zh": "输入 f"},
    "teach.fig.kernel": {"en": "Kernel h", "zh": "卷积核 h"},
    "teach.fig.output": {"en": "Output f * h", "zh": "输出 f * h"},
    "teach.fig.fimage": {"en": "log |F| (input spectrum)", "zh": "log |F|（输入频谱）"},
    "teach.fig.response": {"en": "log |H| (frequency response)", "zh": "log |H|（频率响应）"},
    "teach.fig.foutput": {"en": "log |F·H| (output spectrum)", "zh": "log |F·H|（输出频谱）"},
    # --- lessons ---------------------------------------------------------------------------
    "teach.lesson.intro": {
        "en": "Each lesson sets up the page to show one idea; load it, then look at the panels it names.",
        "zh": "每个示例都把页面设置成能说明一个道理的状态；加载后，看看说明里提到的那几幅图。",
    },
    "teach.lesson.pick": {"en": "Lesson", "zh": "示例"},
    "teach.lesson.load": {"en": "Load lesson", "zh": "加载示例"},
    "teach.lesson.close": {"en": "Close lesson note", "zh": "关闭说明"},
    "teach.lesson.all": {"en": "All lessons", "zh": "全部示例"},
    "teach.lesson.other_pages": {"en": "Lessons on other pages", "zh": "其他页面的示例"},
    "teach.lesson.open.fourier_lab": {"en": "Open in the Fourier Lab", "zh": "在傅里叶实验室中打开"},
    "teach.lesson.phase_structure.title": {"en": "Structure lives in the phase", "zh": "结构藏在相位里"},
    "teach.lesson.phase_structure.text": {
        "en": "Swap the magnitude and phase spectra of two photos: each result looks like the photo that gave the "
              "phase. Then compare magnitude-only (a blob) with phase-only (the outlines).",
        "zh": "交换两张照片的幅度谱和相位谱：每个结果都像提供相位的那张照片。再对比只有幅度（一团斑）和只有相位（轮廓还在）。",
    },
    "teach.lesson.wiener_k.title": {"en": "Undoing a blur: noise decides K", "zh": "撤销模糊：噪声决定 K"},
    "teach.lesson.wiener_k.text": {
        "en": "A motion blur with a little noise, restored with a tiny Wiener K: the noise explodes where |H| is small. "
              "Raise K (or press “Use the optimal K”) and watch the error curve reach its minimum.",
        "zh": "带少量噪声的运动模糊，用很小的维纳 K 复原：在 |H| 很小的地方噪声被放大到爆炸。增大 K（或点击“使用最优 K”），看误差曲线如何到达最低点。",
    },
    "teach.lesson.blur_high.title": {"en": "Blur removes high frequencies", "zh": "模糊去掉了高频"},
    "teach.lesson.blur_high.text": {
        "en": "The zone plate's rings get finer towards the corners, and a Gaussian blur wipes out exactly "
        "those fine rings. In the spectra, |H| is a bright disc in the middle: the output spectrum keeps "
        "the centre (low frequencies) and goes dark outside it.",
        "zh": "波带片的圆环越往角落越细，高斯模糊恰好抹掉了这些细环。看频谱：|H| 是中间一个亮圆盘，"
        "输出频谱只保留中心的低频，外面全暗了。",
    },
    "teach.lesson.edges_high.title": {"en": "Edges live at high frequencies", "zh": "边缘藏在高频里"},
    "teach.lesson.edges_high.text": {
        "en": "The Laplacian answers only where brightness changes fast, so the output is an edge map. Its "
        "|H| is dark at the centre and bright outwards: it blocks the slow changes and keeps the fast ones.",
        "zh": "拉普拉斯核只在亮度变化快的地方有响应，所以输出是一张边缘图。它的 |H| 中心暗、外圈亮："
        "挡住缓慢的变化，留下快速的变化。",
    },
    "teach.lesson.ideal_vs_gaussian.title": {"en": "Ideal vs Gaussian low-pass", "zh": "理想低通 vs 高斯低通"},
    "teach.lesson.ideal_vs_gaussian.text": {
        "en": "The ideal low-pass cuts frequencies off like a wall at one radius, and its kernel is a jinc (the "
        "round cousin of the sinc) with rings of ripples, so every edge rings with faint copies. Switch the kernel source to “Catalogue” for the Gaussian: "
        "its |H| falls off smoothly and the ringing is gone (the output is shown clipped to [0, 1]).",
        "zh": "理想低通像一堵墙一样在某个半径处把频率一刀切，它的卷积核是带一圈圈波纹的 jinc 函数（sinc 的圆形版本），于是每条边缘旁边都出现一圈圈"
        "淡淡的振铃。把卷积核来源切换到“内置卷积核”（高斯）：|H| 平滑下降，振铃消失了（输出按 [0, 1] 截断显示）。",
    },
    "teach.lesson.wrap_artefact.title": {"en": "The wrap-around artefact", "zh": "循环卷积的绕回伪影"},
    "teach.lesson.wrap_artefact.text": {
        "en": "A plain FFT product treats the image as if it repeated forever, so a long vertical blur drags "
        "the bottom of the picture into the top. Switch the boundary to “" + term("boundary.reflect", "en") + "” and "
        "the stripe at the edge disappears.",
        "zh": "直接把频谱相乘，相当于把图像当成无限重复的，所以长长的竖直模糊会把图像底部拖到顶部。"
        "把边界模式改成“" + term("boundary.reflect", "zh") + "”，边上的那条带子就消失了。",
    },
    "teach.lesson.zero_border.title": {"en": "Zero padding darkens the border", "zh": "补零让边框变暗"},
    "teach.lesson.zero_border.text": {
        "en": "With zeros outside the image, a big box blur mixes black into every pixel near the edge, so a "
        "dark frame appears. The “" + term("boundary.reflect", "en") + "” or “" + term("boundary.nearest", "en")
        + "” boundary keeps the border as bright as the inside.",
        "zh": "图像外面补的是 0，大尺寸的均值模糊会把黑色混进靠近边缘的每个像素，于是出现一圈暗框。"
        "改用“" + term("boundary.reflect", "zh") + "”或“" + term("boundary.nearest", "zh") + "”边界，边缘就和内部一样亮。",
    },
    "teach.lesson.conv_vs_corr.title": {"en": "Convolution vs correlation", "zh": "卷积 vs 相关"},
    "teach.lesson.conv_vs_corr.text": {
        "en": "Correlation slides the kernel as it is; convolution flips it by 180° first. For the emboss "
        "kernel that swaps the light and the shadow — toggle “correlation” off and watch the relief turn inside out.",
        "zh": "相关运算直接滑动卷积核；卷积会先把它旋转 180°。对浮雕卷积核来说，这正好把亮面和阴影对调——"
        "关掉“相关”，看看浮雕是不是凹凸反过来了。",
    },
    "teach.lesson.direction.title": {"en": "Edge detectors see one direction", "zh": "边缘检测有方向"},
    "teach.lesson.direction.text": {
        "en": "Sobel x responds to vertical edges only, so the spokes pointing left and right (their edges are horizontal) fade out. Its "
        "|H| is bright along the horizontal frequency axis; pick Sobel y and the picture turns by 90°.",
        "zh": "Sobel x 只对竖直边缘有响应，所以星形图里指向左右的辐条（它们的边缘是水平的）几乎看不见。它的 |H| 沿水平频率轴是亮的；"
        "换成 Sobel y，整个结果就转了 90°。",
    },
    "teach.lesson.sharpen.title": {"en": "Sharpening boosts high frequencies", "zh": "锐化就是放大高频"},
    "teach.lesson.sharpen.text": {
        "en": "Unsharp masking adds a bit of the edge image back to the picture: the response is 1 at frequency "
        "0 and rises above 1 for fine detail (mean gain {now} beyond 0.25 cycles/pixel at α = {alpha}). Its one "
        "control, α, is not a strength: a lower α sharpens more ({a0} at α = 0, {a1} at α = 1). Move α down "
        "and watch the halos along the edges grow.",
        "zh": "反锐化掩模把一点边缘图加回原图：零频响应仍是 1，细节处的响应大于 1（α = {alpha} 时 0.25 周期/像素以外的"
        "平均增益为 {now}）。它唯一的参数 α 并不表示强度：α 越小锐化越强（α = 0 时为 {a0}，α = 1 时为 {a1}）。"
        "把 α 调小，就能看到边缘两侧的亮暗光晕变强。",
    },
    "teach.sweep.title": {"en": "Animation of a slider sweep", "zh": "滑块扫动动画"},
    "teach.sweep.none": {
        "en": "Sweeps move a catalogue kernel's slider: pick a catalogue kernel with a numeric parameter.",
        "zh": "扫动需要目录卷积核的滑块：请选择一个带数值参数的目录卷积核。",
    },
    "teach.sweep.param": {"en": "Slider", "zh": "滑块"},
    "teach.sweep.range": {"en": "From – to", "zh": "从 – 到"},
    "teach.sweep.frames": {"en": "Frames", "zh": "帧数"},
    "teach.sweep.format": {"en": "Format", "zh": "格式"},
    "err.anim_too_large": {
        "en": "it would be larger than 5 MB; use fewer frames, a smaller working size or WebP",
        "zh": "文件会超过 5 MB；请减少帧数、减小工作尺寸或改用 WebP",
    },
    "teach.sweep.label": {"en": "output · {name} = {value}", "zh": "输出 · {name} = {value}"},
    "teach.sweep.note": {
        "en": "{n} frames; each is the output picture exactly as this page shows it at that value, with the value written under it.",
        "zh": "共 {n} 帧；每一帧都与本页在该取值下显示的输出图像完全相同，下方写明取值。",
    },
}
