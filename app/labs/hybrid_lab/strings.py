"""The Hybrid Lab's texts (en + zh)."""

STRINGS: dict[str, dict[str, str]] = {
    "hy.title": {"en": "Hybrid images", "zh": "混合图像"},
    "hy.tagline": {
        "en": "The low frequencies of picture A plus the high frequencies of picture B: B from close up, A from the back of the room.",
        "zh": "图 A 的低频加上图 B 的高频：走近看是 B，从教室后排看是 A。",
    },
    "hy.explain_title": {"en": "How it works", "zh": "原理"},
    "hy.explain": {
        "en": "`low = G_σlow ∗ A` keeps A's coarse shapes; `high = B − G_σhigh ∗ B` keeps B's edges and fine "
              "texture (it is signed: zero mean). Their sum is the hybrid. Up close your eye resolves the fine "
              "detail, so B wins; from far away (or in a smaller picture) the fine detail is averaged out and "
              "only A's low frequencies are left (Oliva, Torralba & Schyns, 2006).",
        "zh": "`low = G_σlow ∗ A` 保留 A 的大致形状；`high = B − G_σhigh ∗ B` 保留 B 的边缘和细纹理（有正有负，均值为零）。"
              "两者相加就是混合图像。近看时眼睛能分辨细节，于是看到 B；远看（或图片变小）时细节被平均掉，只剩 A 的低频"
              "（Oliva、Torralba 与 Schyns，2006）。",
    },
    "hy.pair": {"en": "Use the shipped pair (happy / sad face)", "zh": "使用内置图片对（笑脸 / 哭脸）"},
    "hy.pair_help": {
        "en": "Switch off to pick your own two pictures (samples or uploads).",
        "zh": "关闭后可自选两张图片（示例或上传）。",
    },
    "hy.a": {"en": "A: low frequencies (seen from far away)", "zh": "A：低频（远看）"},
    "hy.b": {"en": "B: high frequencies (seen up close)", "zh": "B：高频（近看）"},
    "hy.align": {"en": "Line B up with A", "zh": "对齐 B 与 A"},
    "hy.dx": {"en": "Move B right (pixels)", "zh": "B 向右移动（像素）"},
    "hy.dy": {"en": "Move B down (pixels)", "zh": "B 向下移动（像素）"},
    "hy.scale": {"en": "Scale B", "zh": "缩放 B"},
    "hy.slow": {"en": "σ low (blur of A, pixels)", "zh": "σ 低频（A 的模糊，像素）"},
    "hy.slow_help": {"en": "Larger: less of A's detail is kept.", "zh": "越大，A 保留的细节越少。"},
    "hy.shigh": {"en": "σ high (B minus its blur, pixels)", "zh": "σ 高频（B 减去其模糊，像素）"},
    "hy.shigh_help": {"en": "Larger: more of B's coarser detail is kept.", "zh": "越大，B 保留的较粗细节越多。"},
    "hy.low": {"en": "Low part  G_σlow ∗ A", "zh": "低频部分  G_σlow ∗ A"},
    "hy.high": {"en": "High part  B − G_σhigh ∗ B (signed)", "zh": "高频部分  B − G_σhigh ∗ B（有正负）"},
    "hy.hybrid": {"en": "Hybrid = low + high", "zh": "混合图像 = 低频 + 高频"},
    "hy.note.plain": {"en": "values {lo} … {hi}, shown as they are", "zh": "取值 {lo} … {hi}，按原值显示"},
    "hy.note.clip": {
        "en": "values {lo} … {hi}; {pct} of pixels lie outside 0 … 1 and are shown clipped",
        "zh": "取值 {lo} … {hi}；{pct} 的像素超出 0 … 1，显示时被截断",
    },
    "hy.note.diverging": {
        "en": "values {lo} … {hi}; blue below 0, red above, ±{limit} full colour ({pct} beyond)",
        "zh": "取值 {lo} … {hi}；蓝色小于 0，红色大于 0，±{limit} 为最深色（{pct} 超出）",
    },
    "hy.gain.title": {"en": "What each part keeps", "zh": "两部分各保留什么"},
    "hy.gain.low": {"en": "low part (A)", "zh": "低频部分（A）"},
    "hy.gain.high": {"en": "high part (B)", "zh": "高频部分（B）"},
    "hy.gain.x": {"en": "radial frequency (cycles/pixel)", "zh": "径向频率（周期/像素）"},
    "hy.gain.y": {"en": "gain", "zh": "增益"},
    "hy.gain.cross": {"en": "crossover {f}", "zh": "交点 {f}"},
    "hy.cross": {
        "en": "The curves cross at **{f} cycles/pixel** (a period of {period} pixels): coarser than that you see A, finer you see B.",
        "zh": "两条曲线在 **{f} 周期/像素**处相交（周期 {period} 像素）：比它粗的看到 A，比它细的看到 B。",
    },
    "hy.no_cross": {
        "en": "The curves do not cross below 0.5 cycles/pixel: A's part dominates everywhere. Lower σ low or raise σ high.",
        "zh": "两条曲线在 0.5 周期/像素以内不相交：处处是 A 的部分占优。请减小 σ 低频或增大 σ 高频。",
    },
    "hy.walk": {"en": "Walk away from it", "zh": "走远一点看"},
    "hy.walk_caption": {
        "en": "The hybrid at full, 1/2, 1/4 and 1/8 size (each block-averaged, as a distant eye does).",
        "zh": "混合图像的原尺寸、1/2、1/4 和 1/8（每个都经块平均，如同远处的眼睛所见）。",
    },
    "hy.walk_hidden": {
        "en": "The smaller views appear once the answer is revealed.",
        "zh": "揭晓答案后显示缩小的图像。",
    },
    "hy.q.far": {
        "en": "From the back of the room (the picture at 1/{scale} size), which one do you see?",
        "zh": "从教室后排看（图片缩小到 1/{scale}），你看到的是哪一张？",
    },
    "hy.q.far.a": {"en": "A (the low-frequency picture)", "zh": "A（低频图片）"},
    "hy.q.far.b": {"en": "B (the high-frequency picture)", "zh": "B（高频图片）"},
    "hy.q.far.both": {"en": "both, equally", "zh": "两张一样明显"},
    "hy.q.far.why": {
        "en": "At 1/{scale} size the hybrid correlates {ra} with A and {rb} with B: shrinking averages away the fine detail that carries B.",
        "zh": "缩小到 1/{scale} 时，混合图像与 A 的相关系数为 {ra}，与 B 为 {rb}：缩小把承载 B 的细节平均掉了。",
    },
}
