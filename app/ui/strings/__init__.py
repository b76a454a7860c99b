"""The one string table of ConvScope: every user-facing text, in English and Chinese.

Sections are modules listed in :data:`_SECTIONS`: the shared ones beside this file (``common``,
``questions``) and each lab's ``app/labs/<lab>/strings.py``. Each holds a ``STRINGS`` dict
``{key: {"en": ..., "zh": ...}}`` whose keys carry the section prefix. They are merged here into
one table; a key defined twice is an error at import time.

Examples
--------
>>> t("app.title", "zh")
'ConvScope 卷积透镜'
"""

from __future__ import annotations

from importlib import import_module

LANGS: tuple[str, ...] = ("en", "zh")
LANG_NAMES: dict[str, str] = {"en": "English", "zh": "中文"}

#: every string module, shared first, then one (or more) per lab
_SECTIONS = (
    "app.ui.strings.glossary",
    "app.ui.strings.common",
    "app.ui.strings.questions",
    "app.ui.strings.camera",
    "app.ui.strings.kernel_errors",
    "app.labs.image_lab.strings",
    "app.labs.image_lab.parts.teaching_strings",
    "app.labs.signal_lab.strings",
    "app.labs.signal_lab.parts.hear_strings",
    "app.labs.cnn_lab.strings",
    "app.labs.cnn_lab.parts.arithmetic_strings",
    "app.labs.filter_designer.strings",
    "app.labs.fourier_lab.strings",
    "app.ui.strings.classroom",
    "app.labs.hybrid_lab.strings",
    "app.labs.challenge_lab.strings",
)


def _merge() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    for section in _SECTIONS:
        try:
            module = import_module(section)
        except ModuleNotFoundError as exc:
            if exc.name != section:
                raise
            continue
        for key, texts in module.STRINGS.items():
            if key in table:
                raise ValueError(f"string key {key!r} is defined twice (section {section})")
            table[key] = texts
    return table


TABLE: dict[str, dict[str, str]] = _merge()


def t(key: str, lang: str = "en", **fmt: object) -> str:
    """Return the text for ``key`` in ``lang``, formatted with ``fmt``.

    An unknown language falls back to English; an unknown key raises ``KeyError``
    so a typo fails the tests instead of showing a blank label.
    """
    texts = TABLE[key]
    text = texts.get(lang) or texts["en"]
    return text.format(**fmt) if fmt else text
