"""Nothing from a link, a file name or a pasted kernel is rendered as markdown: the page shows the
characters themselves (a phishing link or a tracking pixel in a link's keys stays plain text)."""

from __future__ import annotations

import re

import pytest

from app.ui.safe_text import literal, literal_list
from app.ui.strings import t
from tests.apptest.helpers import open_lab, rendered, texts

PHISHING = "[Session expired - log in again](https://evil.example/login)"
PIXEL = "![x](https://evil.example/pixel.png)"
#: What markdown would turn into a link, an image, an autolink, HTML or a Streamlit directive:
#: any of these characters without a backslash before it.
ACTIVE = re.compile(r"(?<!\\)[\[\]!<>:*_`$|~@&]")


def unescaped_syntax(markdown: str) -> list[str]:
    return ACTIVE.findall(markdown)


@pytest.mark.parametrize("view", ["image_lab", "signal_lab", "filter_designer"])
def test_link_keys_are_shown_as_text_never_as_a_link_or_an_image(view):
    at = open_lab(view, link={PHISHING: "1", PIXEL: "1"})
    assert not at.exception, at.exception
    head = t("state.rejected", "en", keys="")
    notices = [str(i.value) for i in at.info if str(i.value).startswith(head)]
    assert len(notices) == 1, [str(i.value) for i in at.info]
    keys = notices[0][len(head):]
    assert unescaped_syntax(keys) == [], keys  # every bracket, colon, "!" ... is escaped
    assert not re.search(r"(?<!\\)\]\(", keys) and "://" not in keys  # no link syntax, no autolink
    # a reader sees the keys' own characters, shortened
    shown = [rendered(k) for k in keys.split(", ")]
    assert shown == [PHISHING[:31] + "…", PIXEL[:31] + "…"]
    # and no other text of the page carries them
    assert "evil.example" not in texts(at).replace(notices[0], "")


def test_many_rejected_keys_are_counted_not_listed():
    link = {f"k{i}": "1" for i in range(104)}
    at = open_lab("signal_lab", link=link)
    head = t("state.rejected", "en", keys="")
    notice = next(str(i.value) for i in at.info if str(i.value).startswith(head))
    assert notice[len(head):] == ", ".join(f"k{i}" for i in range(100)) + ", +4"


def test_literal_escapes_every_markdown_construct():
    for hostile in (PHISHING, PIXEL, "<img src=x onerror=alert(1)>", "https://evil.example", "www.evil.example",
                    "a@evil.example", ":red[big]", ":material/warning:", "$x^2$", "**bold** _it_ `code`",
                    "# heading", "- item", "1. item", "> quote", "| a | b |", "~~gone~~", "\\[x](y)"):
        out = literal(hostile)
        assert unescaped_syntax(out) == [], (hostile, out)
        assert "://" not in out and "www." not in out and "@" not in out.replace("\\@", "")
        assert rendered(out) == hostile  # nothing lost: the reader sees the text itself
    assert literal("line one\nline two\r\n\x00\x1b[31m") == "line one line two \\[31m"
    assert literal_list(["a" * 50]) == "a" * 31 + "…"
