"""Strings of the Image Lab and of the shared pickers (section "il.")."""

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
        "en": "No photo taken yet. Meanwhile the previous image is shown.",
        "zh": "还没有拍照。在此之前显示之前的图片。",
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
        "en": "That image has too many pixels: {detail} The previous image is kept.",
        "zh": "这张图片像素太多（上限 4000 万像素），已保留之前的图片。详情：{detail}",
    },
    "il.err.file_too_large": {
        "en": "That file is too large: {detail} The previous image is kept.",
        "zh": "文件太大（上限 50 MB），已保留之前的图片。详情：{detail}",
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
