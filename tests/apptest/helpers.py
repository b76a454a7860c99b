"""Open a ConvScope page in Streamlit's AppTest (no browser)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

MAIN = Path(__file__).resolve().parents[2] / "app" / "main.py"


def open_lab(
    view: str, *, lang: str = "en", timeout: float = 60, link: Mapping[str, str] | None = None, **session: Any
) -> AppTest:
    """Run the app, switch to ``app/labs/<view>/view.py`` and return the finished AppTest.

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
    switch_to_lab(at, view)
    return at.run()


def switch_to_lab(at: AppTest, lab: str) -> AppTest:
    """Point ``at`` at ``app/labs/<lab>/view.py`` before its first run.

    Before a first run AppTest finds a page by its file's name, and every lab's file is named
    ``view.py``; st.navigation knows a page by the hash of its ``url_path`` (the lab's name), so
    the page is addressed that way (a first run on another page would consume the opening link).
    """
    at.switch_page(f"labs/{lab}/view.py")  # checks that the file exists
    at._page_hash = calc_hash(lab)
    return at


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


def _live_element(at: AppTest, key: str):
    from app.ui.live_slider import component_key

    found = [e for e in at.get("bidi_component") if e.proto.id.endswith("-" + component_key(key))]
    assert found, f"no live slider for {key!r} on the page"
    return found[0]


def live_data(at: AppTest, key: str) -> dict[str, Any]:
    """What the page sent to the live slider holding ``key`` (label, min, max, step, value, labels...)."""
    import json

    return json.loads(_live_element(at, key).proto.json)


def move_live(at: AppTest, key: str, value: Any, *, dragging: bool = False) -> AppTest:
    """Send ``value`` to the live slider holding ``key`` as its browser half does, and run.

    AppTest cannot drive custom components, so this adds the component's widget state (a JSON
    ``move``) to the widget states of the other widgets: the page's real callback, sanitiser and
    draft/full switch run as in a browser. ``value`` may be anything a hostile client could send.
    """
    import json

    seq = int(at.session_state["_live_seq_" + key]) + 1 if "_live_seq_" + key in at.session_state else 1
    states = at._tree.get_widget_states()
    state = states.widgets.add()
    state.id = _live_element(at, key).proto.id
    state.json_value = json.dumps({"move": {"value": value, "dragging": dragging, "seq": seq}})
    return at._run(states)  # AppTest.run() would send only the states of widgets it knows
