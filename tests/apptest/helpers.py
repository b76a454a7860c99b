"""Open a ConvScope page in Streamlit's AppTest (no browser)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

MAIN = Path(__file__).resolve().parents[2] / "app" / "main.py"


def open_lab(view: str, *, lang: str = "en", timeout: float = 60, **session: Any) -> AppTest:
    """Run the app, switch to ``app/views/<view>.py`` and return the finished AppTest.

    ``session`` values are put into session state before the page's first run (e.g.
    widget keys), as a shared link would.
    """
    at = AppTest.from_file(str(MAIN), default_timeout=timeout)
    at.session_state["lang"] = lang
    for key, value in session.items():
        at.session_state[key] = value
    at.switch_page(f"views/{view}.py")
    return at.run()


def texts(at: AppTest) -> str:
    """All markdown, caption, title, header and info/warning/error text of the page, joined."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        parts.extend(str(el.value) for el in getattr(at, kind))
    return "\n".join(parts)
