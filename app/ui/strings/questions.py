"""Strings of the prediction questions (section "q.")."""

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
              "gives y = {y_guess}, {short} below the maximum. The peak is where the flipped g overlaps the "
              "largest part of f, not where the two signals start or end.",
        "zh": "y 在 {var} = {where} 处最大，y = {y_max}。你的猜测 {var} = {guess} 相差 {dist}，此处 y = {y_guess}，"
              "比最大值低 {short}。峰值出现在翻转后的 g 与 f 最大部分重叠的地方，而不是两个信号开始或结束的地方。",
    },
    "q.max.show": {"en": "Move the chart's marker to the maximum", "zh": "把图上的标记移到最大值处"},
}
