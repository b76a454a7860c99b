"""The one string table of ConvScope: every user-facing text, in English and Chinese.

Sections live in sibling modules (``common``, ``image_lab``, ...), each a ``STRINGS``
dict ``{key: {"en": ..., "zh": ...}}`` whose keys carry the section prefix. They are
merged here into one table; a key defined twice is an error at import time.

Examples
--------
>>> t("app.title", "zh")
'ConvScope 卷积透镜'
"""

from __future__ import annotations

from importlib import import_module

LANGS: tuple[str, ...] = ("en", "zh")
LANG_NAMES: dict[str, str] = {"en": "English", "zh": "中文"}

_SECTIONS = ("common", "image_lab", "teaching", "signal_lab", "cnn_lab", "cnn_arithmetic", "filter_designer", "fourier_lab", "questions", "classroom")


def _merge() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    for section in _SECTIONS:
        try:
            module = import_module(f"{__name__}.{section}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{section}":
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
