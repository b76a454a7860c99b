"""Strings shared by every page: app shell, navigation, generic messages."""

STRINGS = {
    "app.title": {"en": "ConvScope", "zh": "ConvScope 卷积透镜"},
    "app.tagline": {
        "en": "See convolution in space and in frequency: f ∗ h ↔ F · H",
        "zh": "在空间域和频率域同时看懂卷积：f ∗ h ↔ F · H",
    },
    "app.unexpected_error": {
        "en": "Something went wrong on this page. Change a setting or reload the page; if it happens again, "
              "give your teacher this reference: {reference}",
        "zh": "此页面出现了问题。请更改一个设置或刷新页面；如果再次出现，请把这个编号告诉老师：{reference}",
    },
    "nav.image_lab": {"en": "Image Lab", "zh": "图像卷积实验室"},
    "nav.signal_lab": {"en": "Signal Lab (1-D)", "zh": "一维信号卷积"},
    "nav.cnn_lab": {"en": "CNN Lab", "zh": "卷积神经网络实验室"},
    "nav.filter_designer": {"en": "Filter Designer", "zh": "频域滤波器设计"},
    "nav.fourier_lab": {"en": "Fourier Lab", "zh": "傅里叶实验室"},
    "nav.hybrid_lab": {"en": "Hybrid images", "zh": "混合图像"},
    "anim.format": {"en": "Animation format", "zh": "动画格式"},
    "anim.make": {"en": "Make the animation", "zh": "生成动画"},
    "anim.download": {"en": "Download ({mb} MB)", "zh": "下载（{mb} MB）"},
    "anim.failed": {"en": "The animation was not made: {error}", "zh": "未能生成动画：{error}"},
    "nav.challenge_lab": {"en": "Guess the kernel", "zh": "猜卷积核"},
    "shell.language": {"en": "Language / 语言", "zh": "语言 / Language"},
    "shell.projector": {"en": "Projector mode", "zh": "投影模式"},
    "shell.projector_help": {
        "en": "Larger text, fewer controls and high-contrast colour maps for the back row.",
        "zh": "字体更大、控件更少、配色对比更强，后排同学也能看清。",
    },
    "shell.palette": {"en": "Colour-vision-safe colours", "zh": "色觉友好配色"},
    "shell.palette_help": {
        "en": "Spectra in cividis and signed values in blue (−) / white (0) / orange (+): "
              "readable with red–green colour-vision deficiency.",
        "zh": "频谱使用 cividis 配色，正负值使用蓝（负）/ 白（零）/ 橙（正）：红绿色觉异常也能分辨。",
    },
    "state.rejected": {
        "en": "Some settings in the link were not valid and were ignored: {keys}",
        "zh": "链接中的部分设置无效，已忽略：{keys}",
    },
    "state.upload_not_in_link": {
        "en": "An uploaded image cannot travel in a link; the link opens with the sample image instead.",
        "zh": "上传的图片无法随链接分享，打开链接时将显示示例图片。",
    },
    # backend errors by code (app.ui.errors.backend_message); "{what}" is the backend's name of the value
    "err.values_type": {
        "en": "Type the signal as numbers separated by commas or spaces.",
        "zh": "请把信号输入为用逗号或空格分隔的数字。",
    },
    "err.values_long": {"en": "The text is too long; type at most {n} numbers.", "zh": "文本太长；最多输入 {n} 个数。"},
    "err.values_empty": {"en": "Type at least one number, e.g. 1, 2, 1.", "zh": "请至少输入一个数，例如 1, 2, 1。"},
    "err.values_many": {
        "en": "Too many values ({count}); type at most {n}.",
        "zh": "数值太多（{count} 个）；最多输入 {n} 个。",
    },
    "err.values_not_number": {
        "en": "{item} is not a number; type numbers separated by commas or spaces.",
        "zh": "{item} 不是数字；请用逗号或空格分隔各个数字。",
    },
    "err.values_unusable": {
        "en": "{item} is not a usable number (it must be finite and at most 1e6 in size).",
        "zh": "{item} 不能使用（必须是有限数，绝对值不超过 1e6）。",
    },
    "err.pool_window": {
        "en": "the {h}×{w} maps are smaller than the {size}×{size} pooling window",
        "zh": "{h}×{w} 的特征图小于 {size}×{size} 的池化窗口",
    },
    "err.pool_stride": {
        "en": "the {h}×{w} maps are smaller than the pooling stride {stride}",
        "zh": "{h}×{w} 的特征图小于池化步幅 {stride}",
    },
    "err.choice": {"en": "unknown {what} {value}; choose one of {options}", "zh": "未知的 {what}：{value}；可选：{options}"},
    "err.number": {"en": "{what} must be a number; got {value}", "zh": "{what} 必须是数字；收到 {value}"},
    "err.finite": {"en": "{what} must be finite; got {value}", "zh": "{what} 必须是有限数；收到 {value}"},
    "err.range": {"en": "{what} must be between {lo} and {hi}; got {value}", "zh": "{what} 必须在 {lo} 与 {hi} 之间；收到 {value}"},
    "err.at_least": {"en": "{what} must be a finite number >= {lo}; got {value}", "zh": "{what} 必须是不小于 {lo} 的有限数；收到 {value}"},
    "err.at_most": {"en": "{what} must be a finite number <= {hi}; got {value}", "zh": "{what} 必须是不大于 {hi} 的有限数；收到 {value}"},
    "err.positive": {"en": "{what} must be a positive number; got {value}", "zh": "{what} 必须是正数；收到 {value}"},
    "err.whole": {"en": "{what} must be a whole number; got {value}", "zh": "{what} 必须是整数；收到 {value}"},
    "err.whole_range": {
        "en": "{what} must be a whole number from {lo} to {hi}; got {value}",
        "zh": "{what} 必须是 {lo} 到 {hi} 之间的整数；收到 {value}",
    },
    "err.whole_at_least": {
        "en": "{what} must be a whole number of at least {lo}; got {value}",
        "zh": "{what} 必须是不小于 {lo} 的整数；收到 {value}",
    },
    "err.odd": {"en": "{what} must be odd; got {value}", "zh": "{what} 必须是奇数；收到 {value}"},
    "err.real": {"en": "{what} must be real numbers; got dtype {dtype}", "zh": "{what} 必须是实数；收到类型 {dtype}"},
    "err.array_shape": {
        "en": "{what} must be a non-empty {dims} array; got shape {shape}",
        "zh": "{what} 必须是非空的 {dims} 数组；收到形状 {shape}",
    },
    "err.nonfinite": {"en": "{what} contains NaN or infinite values", "zh": "{what} 含有 NaN 或无穷大"},
    "err.shape": {"en": "{what} must be two positive integers (H, W); got {value}", "zh": "{what} 必须是两个正整数 (H, W)；收到 {value}"},
    # one point of a spectrum: the readout every clickable spectrum shows (Fourier Lab, Filter Designer)
    "spectrum.readout": {
        "en": "**(u, v) = ({u}, {v})** · frequency **{f} cycles/pixel** (fx = {fx}, fy = {fy}) · "
              "period **{period} px** · orientation **{angle}°** · mirror point **({mu}, {mv})**",
        "zh": "**(u, v) = ({u}, {v})** · 频率 **{f} 周期/像素**（fx = {fx}，fy = {fy}）· "
              "周期 **{period} 像素** · 方向 **{angle}°** · 镜像点 **({mu}, {mv})**",
    },
    "spectrum.period_inf": {"en": "∞ (the mean: no oscillation)", "zh": "∞（平均值：不振荡）"},
    # text alternatives of images and charts (app/ui/a11y.py)
    "a11y.values": {"en": "Values {lo} to {hi}", "zh": "数值 {lo} 至 {hi}"},
    "a11y.join": {"en": ". ", "zh": "。"},
}
