"""The texts of the Signal Lab's "Hear it" section (en + zh), and the sound errors' messages."""

STRINGS: dict[str, dict[str, str]] = {
    "sl.hear.title": {"en": "Hear it: convolution as sound", "zh": "听一听：声音中的卷积"},
    "sl.hear.intro": {
        "en": "A sound f through an impulse response h: what you hear is f ∗ h. Press play; nothing plays by itself.",
        "zh": "声音 f 经过冲激响应 h：你听到的是 f ∗ h。按播放键收听；不会自动播放。",
    },
    "sl.hear.sound": {"en": "Sound f", "zh": "声音 f"},
    "sl.hear.resp": {"en": "Impulse response h", "zh": "冲激响应 h"},
    "sl.hear.s.voice": {"en": "a voice-like vowel sound", "zh": "类似人声的元音"},
    "sl.hear.s.chord": {"en": "a chord (C major)", "zh": "和弦（C 大调）"},
    "sl.hear.s.clicks": {"en": "clicks", "zh": "咔嗒声"},
    "sl.hear.s.upload": {"en": "my own WAV file", "zh": "我自己的 WAV 文件"},
    "sl.hear.r.lowpass": {"en": "low-pass (muffled)", "zh": "低通（沉闷）"},
    "sl.hear.r.highpass": {"en": "high-pass (tinny)", "zh": "高通（尖细）"},
    "sl.hear.r.echo": {"en": "echo", "zh": "回声"},
    "sl.hear.r.room": {"en": "a room (reverb)", "zh": "房间（混响）"},
    "sl.hear.r.comb": {"en": "comb", "zh": "梳状"},
    "sl.hear.r.lowpass.what": {
        "en": "h averages neighbouring samples: high frequencies are removed, the sound is muffled.",
        "zh": "h 对相邻样本取平均：高频被去掉，声音变得沉闷。",
    },
    "sl.hear.r.highpass.what": {
        "en": "h is an impulse minus a low-pass: only the high frequencies are left, the sound is tinny.",
        "zh": "h 是冲激减去低通：只剩高频，声音变得尖细。",
    },
    "sl.hear.r.echo.what": {
        "en": "h is two spikes 0.25 s apart: f ∗ h is f plus a quieter copy a quarter of a second later.",
        "zh": "h 是相隔 0.25 秒的两个脉冲：f ∗ h 是 f 加上 0.25 秒后一个较轻的副本。",
    },
    "sl.hear.r.room.what": {
        "en": "h is a decaying noise tail, like a room's walls answering: every sample is smeared into reverb.",
        "zh": "h 是逐渐衰减的噪声尾巴，就像房间墙壁的回响：每个样本都被拖成混响。",
    },
    "sl.hear.r.comb.what": {
        "en": "h is spikes every 5 ms: frequencies that are multiples of 200 Hz add up, the others cancel — a metallic ring.",
        "zh": "h 是每 5 毫秒一个脉冲：200 Hz 整数倍的频率相加，其他频率相消——听起来像金属声。",
    },
    "sl.hear.upload": {"en": "WAV file", "zh": "WAV 文件"},
    "sl.hear.upload_help": {
        "en": "A .wav of at most {mb} MB; the first {s} s are used, mixed to mono, at 44.1 kHz.",
        "zh": "最大 {mb} MB 的 .wav 文件；使用前 {s} 秒，混为单声道，44.1 kHz。",
    },
    "sl.hear.no_upload": {"en": "No file yet: you hear the voice meanwhile.", "zh": "尚未上传文件：先播放人声。"},
    "sl.hear.bad_wav": {
        "en": "This file cannot be played: {error}. You hear the voice instead.",
        "zh": "这个文件无法播放：{error}。改为播放人声。",
    },
    "sl.hear.shortened": {
        "en": "Your sound was shortened so that f ∗ h fits in {s} s.",
        "zh": "你的声音被截短，使 f ∗ h 不超过 {s} 秒。",
    },
    "sl.hear.play.f": {"en": "f (the sound)", "zh": "f（声音）"},
    "sl.hear.play.h": {"en": "h (the impulse response)", "zh": "h（冲激响应）"},
    "sl.hear.play.y": {"en": "f ∗ h (what you hear)", "zh": "f ∗ h（你听到的）"},
    "sl.hear.spec.f": {"en": "|F|", "zh": "|F|"},
    "sl.hear.spec.h": {"en": "|H|", "zh": "|H|"},
    "sl.hear.spec.y": {"en": "|F · H| (what plays)", "zh": "|F · H|（播放的声音）"},
    "sl.hear.hz": {"en": "frequency (Hz)", "zh": "频率（Hz）"},
    "sl.hear.spec_title": {"en": "Spectra of f, h and what plays", "zh": "f、h 与播放声音的频谱"},
    "sl.hear.loudest": {"en": "{name}: loudest at {hz} Hz", "zh": "{name}：最响处在 {hz} Hz"},
    "sl.hear.db": {"en": "level (dB)", "zh": "电平（dB）"},
    "sl.hear.spec_note": {
        "en": "Each curve is in dB below its own peak. The spectrum of what you hear is the product of the two "
              "spectra: in dB, the |F| curve plus the |H| curve (shifted to peak at 0 dB).",
        "zh": "每条曲线都以自身峰值为 0 dB。你听到的声音的频谱是两个频谱的乘积：用 dB 表示时，就是 |F| 曲线加上 |H| 曲线（再平移到峰值为 0 dB）。",
    },
    "sl.anim.title": {"en": "Take the flip-and-slide away as an animation", "zh": "把翻转平移动画带走"},
    "sl.anim.label": {"en": "{var} = {t} · area = y = {y}", "zh": "{var} = {t} · 面积 = y = {y}"},
    "sl.anim.note": {
        "en": "Blue f(τ), orange g flipped and slid, green their product (its area is y); below, y drawn up to now.",
        "zh": "蓝色 f(τ)，橙色为翻转平移后的 g，绿色为两者乘积（面积即 y）；下方为画到当前时刻的 y。",
    },
    "err.audio_array": {"en": "the {what} holds no usable samples", "zh": "{what}没有可用的样本"},
    "err.audio_too_large": {"en": "the file is larger than {limit} MB", "zh": "文件大于 {limit} MB"},
    "err.audio_rate": {"en": "its sample rate of {rate} Hz is not supported", "zh": "不支持 {rate} Hz 的采样率"},
    "err.audio_empty": {"en": "the file holds no samples", "zh": "文件中没有样本"},
    "err.audio_unreadable": {"en": "it is not a WAV sound that can be read", "zh": "它不是可读取的 WAV 声音"},
}
