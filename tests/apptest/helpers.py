"""Open a ConvScope page in Streamlit's AppTest (no browser)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

MAIN = Path(__file__).resolve().parents[2] / "app" / "main.py"


def open_lab(
    view: str, *, lang: str = "en", timeout: float = 60, link: Mapping[str, str] | None = None, **session: Any
) -> AppTest:
    """Run the app, switch to ``app/views/<view>.py`` and return the finished AppTest.

    ``link`` is a shared link's query string (key → text): it goes through the app's real
    decoder, as when a student opens the link. ``session`` values are put into session state
    before the first run (a shortcut to a state; they are never validated).
    """
    at = AppTest.from_file(str(MAIN), default_timeout=timeout)
    at.session_state["lang"] = lang
    for key, text in (link or {}).items():
        at.query_params[key] = text
    for key, value in session.items():
        at.session_state[key] = value
    at.switch_page(f"views/{view}.py")
    return at.run()


def texts(at: AppTest) -> str:
    """All markdown, caption, title, header, info/warning/error text and image captions of the page, joined."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        parts.extend(str(el.value) for el in getattr(at, kind))
    parts.extend(c for el in at.get("image") for c in el.captions if c)
    return "\n".join(parts)


def page_settings(at: AppTest, schema) -> Any:
    """The settings the page holds now (an :class:`app.ui.page.Schema`'s settings object)."""
    return schema.read({k: at.session_state[k] for k in schema.fields if k in at.session_state})


def notice_keys(at: AppTest) -> set[str]:
    """The keys the rejected-link notice names (empty when there is no notice)."""
    from app.ui.strings import t

    head = t("state.rejected", "en", keys="")
    return {rendered(k) for i in at.info if str(i.value).startswith(head) for k in str(i.value)[len(head):].split(", ")}


def rendered(markdown: str) -> str:
    """What a reader sees of markdown text whose only syntax is backslash escapes and invisible word
    joiners (:mod:`app.ui.safe_text`)."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")
