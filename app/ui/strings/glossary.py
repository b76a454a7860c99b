"""One glossary: the name of each control-level term, in English and Chinese.

Lessons, questions and help name controls ("switch the boundary to reflect"); they take the
name from here, and so do the controls, so the two cannot drift apart (issue 18: the lessons
said 反射/回卷/最近 while the boundary control read 镜像/循环/延拓边缘).

Examples
--------
>>> term("boundary.wrap", "zh"), term("stride", "zh")
('循环', '步幅')
"""

from __future__ import annotations

TERMS: dict[str, dict[str, str]] = {
    # the Image Lab's boundary control (and every text naming a boundary mode)
    "boundary.reflect": {"en": "reflect", "zh": "镜像"},
    "boundary.zero": {"en": "zero", "zh": "补零"},
    "boundary.wrap": {"en": "wrap", "zh": "循环"},
    "boundary.nearest": {"en": "nearest", "zh": "延拓边缘"},
    # the CNN Lab's pooling and layer arithmetic
    "stride": {"en": "stride", "zh": "步幅"},
    # the CNN Lab's tab: the page measures that pooling gives only partial invariance
    "shift_tolerance": {"en": "Shift tolerance", "zh": "平移容忍度"},
    # compass sides (edge directions), north = up on the screen
    "side.n": {"en": "north (N)", "zh": "北（N）"},
    "side.ne": {"en": "north-east (NE)", "zh": "东北（NE）"},
    "side.e": {"en": "east (E)", "zh": "东（E）"},
    "side.se": {"en": "south-east (SE)", "zh": "东南（SE）"},
    "side.s": {"en": "south (S)", "zh": "南（S）"},
    "side.sw": {"en": "south-west (SW)", "zh": "西南（SW）"},
    "side.w": {"en": "west (W)", "zh": "西（W）"},
    "side.nw": {"en": "north-west (NW)", "zh": "西北（NW）"},
}

#: Words the glossary replaced (regular expressions): no Chinese text may use them for the term
#: (checked by the tests; 最近邻, "nearest neighbour", is another term).
RETIRED: dict[str, tuple[str, ...]] = {
    "boundary.reflect": ("反射",),
    "boundary.wrap": ("回卷",),
    "boundary.nearest": ("最近(?!邻)",),
    "stride": ("步长",),
}

STRINGS: dict[str, dict[str, str]] = {f"term.{name}": texts for name, texts in TERMS.items()}


def term(name: str, lang: str) -> str:
    """The glossary's word for ``name`` in ``lang`` (English when the language is unknown)."""
    texts = TERMS[name]
    return texts.get(lang) or texts["en"]
