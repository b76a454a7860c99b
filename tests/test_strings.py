"""The one string table: complete in both languages, and every key the app uses exists."""

import re
from pathlib import Path

import pytest

from app.ui.strings import LANGS, TABLE, t

APP = Path(__file__).resolve().parents[1] / "app"
KEY_USE = re.compile(r"""\bt\(\s*["']([\w.\-]+)["']""")


@pytest.mark.parametrize("lang", LANGS)
def test_every_key_has_text_in_every_language(lang):
    missing = [key for key, texts in TABLE.items() if not texts.get(lang, "").strip()]
    assert missing == []


def test_chinese_is_not_a_copy_of_english():
    copies = [k for k, v in TABLE.items() if v["zh"] == v["en"] and re.search(r"[A-Za-z]{4,}", v["en"])]
    # Proper names and formulas may stay as they are; whole sentences may not.
    assert [k for k in copies if len(TABLE[k]["en"].split()) > 3] == []


def test_every_key_used_in_the_app_exists():
    used = {m.group(1) for path in APP.rglob("*.py") for m in KEY_USE.finditer(path.read_text(encoding="utf-8"))}
    assert used, "the scan found no t() calls at all"
    assert sorted(used - TABLE.keys()) == []


def test_format_fields_match_between_languages():
    field = re.compile(r"{(\w*)")
    mismatched = [k for k, v in TABLE.items() if set(field.findall(v["en"])) != set(field.findall(v["zh"]))]
    assert mismatched == []


def test_unknown_key_raises_and_unknown_language_falls_back():
    with pytest.raises(KeyError, match=r"'no\.such\.key'"):
        t("no.such.key", "en")
    assert t("app.title", "fr") == TABLE["app.title"]["en"]
