"""Strings shared by every page: app shell, navigation, generic messages."""

STRINGS = {
    "app.title": {"en": "ConvScope", "zh": "ConvScope 卷积透镜"},
    "app.tagline": {
        "en": "See convolution in space and in frequency: f ∗ h ↔ F · H",
        "zh": "在空间域和频率域同时看懂卷积：f ∗ h ↔ F · H",
    },
    "nav.image_lab": {"en": "Image Lab", "zh": "图像卷积实验室"},
    "nav.signal_lab": {"en": "Signal Lab (1-D)", "zh": "一维信号卷积"},
    "nav.cnn_lab": {"en": "CNN Lab", "zh": "卷积神经网络实验室"},
    "nav.filter_designer": {"en": "Filter Designer", "zh": "频域滤波器设计"},
    "nav.fourier_lab": {"en": "Fourier Lab", "zh": "傅里叶实验室"},
    "shell.language": {"en": "Language / 语言", "zh": "语言 / Language"},
    "shell.projector": {"en": "Projector mode", "zh": "投影模式"},
    "shell.projector_help": {
        "en": "Larger text, fewer controls and high-contrast colour maps for the back row.",
        "zh": "字体更大、控件更少、配色对比更强，后排同学也能看清。",
    },
    "state.rejected": {
        "en": "Some settings in the link were not valid and were ignored: {keys}",
        "zh": "链接中的部分设置无效，已忽略：{keys}",
    },
    "state.upload_not_in_link": {
        "en": "An uploaded image cannot travel in a link; the link opens with the sample image instead.",
        "zh": "上传的图片无法随链接分享，打开链接时将显示示例图片。",
    },
}
