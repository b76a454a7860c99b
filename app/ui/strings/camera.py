"""Strings of the live camera (section "cam.", :mod:`app.ui.live_camera`)."""

STRINGS = {
    "cam.start": {"en": "Start camera", "zh": "打开摄像头"},
    "cam.stop": {"en": "Stop camera", "zh": "关闭摄像头"},
    "cam.starting": {"en": "Opening the camera… (the browser may ask for permission)",
                     "zh": "正在打开摄像头……（浏览器可能会请求权限）"},
    "cam.stopped": {"en": "The camera is off. The last picture stays.", "zh": "摄像头已关闭，保留最后一帧画面。"},
    "cam.frozen": {"en": "Frozen: the page works on this picture. Press “Live again” for video.",
                   "zh": "已定格：页面使用这一帧画面。点击“继续实时”恢复视频。"},
    "cam.insecure": {
        "en": "This browser opens a camera only on a secure page: https://… or http://localhost. "
              "Ask your teacher to serve ConvScope over HTTPS (README, “Live camera”), or use Upload.",
        "zh": "浏览器只在安全页面上打开摄像头：https://… 或 http://localhost。"
              "请老师用 HTTPS 提供 ConvScope（见 README 的“Live camera”一节），或者改用上传图片。",
    },
    "cam.denied": {
        "en": "The camera is blocked for this page. Allow it in the browser (the camera icon in the address bar), "
              "then press “Start camera”.",
        "zh": "此页面的摄像头权限被拒绝。请在浏览器中允许（地址栏里的摄像头图标），然后点击“打开摄像头”。",
    },
    "cam.nodevice": {"en": "No camera was found on this computer. Use Upload or a sample instead.",
                     "zh": "这台电脑上没有找到摄像头。请改用上传图片或示例图片。"},
    "cam.busy": {"en": "The camera is in use by another program or tab. Close it, then press “Start camera”.",
                 "zh": "摄像头正被其他程序或标签页使用。请关闭它，然后点击“打开摄像头”。"},
    "cam.failed": {"en": "The camera could not be opened. Press “Start camera” to try again.",
                   "zh": "无法打开摄像头。点击“打开摄像头”重试。"},
    "cam.freeze": {"en": "Freeze", "zh": "定格"},
    "cam.freeze_help": {
        "en": "Keep the current frame: the camera stops and every setting works on this picture.",
        "zh": "保留当前这一帧：摄像头停止，所有设置都作用于这张图片。",
    },
    "cam.live_again": {"en": "Live again", "zh": "继续实时"},
    "cam.side": {"en": "Camera frame size (long side, px)", "zh": "摄像头画面尺寸（长边，像素）"},
    "cam.side_help": {
        "en": "Frames are taken at this size. Smaller = more pictures per second. Frames stay on the server "
              "for this page only: never saved, never in a link.",
        "zh": "按这个尺寸截取画面。越小，每秒画面越多。画面只在服务器上供本页面使用：不保存，也不放进链接。",
    },
    "cam.refused": {
        "en": "The camera sent something that is not a picture ConvScope can read. The previous image is kept.",
        "zh": "摄像头发送的内容不是 ConvScope 能读取的图片，已保留之前的图片。",
    },
}
