"""Page state <-> URL query string, validated and never trusted.

A page declares a *schema*: one :class:`Field` per setting, keyed by the widget key
that holds it. :func:`sync_query_params` (top of the page, before the widgets) loads a
shared link once per session and fills defaults; :func:`write_query_params` (end of
the page) writes the current settings back so the address bar is always a shareable
link. Query values are only ever parsed into the field's type and checked against its
choices or range; anything else is rejected with a notice, never used as a path or code.

The pure half (:func:`encode`, :func:`decode`) has no Streamlit dependency and is what
the tests exercise.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import streamlit as st

# Query keys Streamlit itself uses; they are neither ours nor hostile.
_STREAMLIT_KEYS = frozenset({"embed", "embed_options"})
_MAX_STR = 2000
_PERSIST = "_state_persist_keys"
_LINK = "_state_opening_link"
_GLOBAL = "_state_global_schema"
_PAGE = "_state_page_schema"
_HELD = "_state_link_held"


@dataclass(frozen=True)
class Field:
    """One setting that can travel in a link.

    kind is ``"choice"`` (one of ``choices``), ``"int"``/``"float"`` (within
    ``lo``..``hi``), ``"bool"``, or ``"custom"`` (``parse`` turns the text into a
    value or raises ``ValueError``; ``format`` does the reverse). ``step`` and ``unit`` are
    for the slider that edits a number (:mod:`app.ui.live_slider`); a link may hold any
    value in range.
    """

    kind: str
    default: Any
    choices: tuple | None = None
    lo: float | None = None
    hi: float | None = None
    parse: Callable[[str], Any] | None = None
    format: Callable[[Any], str] | None = None
    step: float | None = None
    unit: str = ""


def _parse(field: Field, text: str) -> Any:
    if len(text) > _MAX_STR:
        raise ValueError("too long")
    if field.kind == "choice":
        for choice in field.choices or ():
            if str(choice) == text:
                return choice
        raise ValueError("not a choice")
    if field.kind == "bool":
        if text in ("1", "true"):
            return True
        if text in ("0", "false"):
            return False
        raise ValueError("not a bool")
    if field.kind in ("int", "float"):
        value: float = int(text) if field.kind == "int" else float(text)
        if not math.isfinite(value):
            raise ValueError("not finite")
        if (field.lo is not None and value < field.lo) or (field.hi is not None and value > field.hi):
            raise ValueError("out of range")
        return value
    if field.kind == "custom" and field.parse is not None:
        return field.parse(text)
    raise ValueError(f"unknown field kind {field.kind!r}")


def _format(field: Field, value: Any) -> str:
    if field.kind == "bool":
        return "1" if value else "0"
    if field.kind == "float":
        return repr(float(value))
    if field.kind == "custom" and field.format is not None:
        return field.format(value)
    return str(value)


def encode(schema: Mapping[str, Field], values: Mapping[str, Any]) -> dict[str, str]:
    """Query parameters for ``values``; settings equal to their default are left out.

    Examples
    --------
    >>> encode({"n": Field("int", 3, lo=1, hi=9)}, {"n": 5})
    {'n': '5'}
    """
    out: dict[str, str] = {}
    for key, field in schema.items():
        if key in values and values[key] != field.default:
            out[key] = _format(field, values[key])
    return out


def decode(schema: Mapping[str, Field], params: Mapping[str, str]) -> tuple[dict[str, Any], list[str]]:
    """Validated values from query parameters, and the keys that were rejected.

    Unknown keys and values that do not parse or lie outside their field's choices or
    range are rejected; nothing from ``params`` is used without passing its field.

    Examples
    --------
    >>> decode({"n": Field("int", 3, lo=1, hi=9)}, {"n": "42", "x": "1"})
    ({}, ['n', 'x'])
    """
    values: dict[str, Any] = {}
    rejected: list[str] = []
    for key, text in params.items():
        if key in _STREAMLIT_KEYS:
            continue
        field = schema.get(key)
        if field is None:
            rejected.append(key)
            continue
        try:
            values[key] = _parse(field, str(text))
        except (ValueError, TypeError, OverflowError):
            rejected.append(key)
    return values, rejected


def open_session(global_schema: Mapping[str, Field]) -> None:
    """Remember the link this session was opened with and apply its global settings.

    Called by the router on every run before the sidebar; only the first run of a
    session reads the address bar. ``global_schema`` holds settings shared by all pages
    (language, projector mode).
    """
    ss = st.session_state
    ss[_GLOBAL] = dict(global_schema)
    ss[_PAGE] = {}  # the page that runs next registers its own schema
    if _LINK not in ss:
        ss[_LINK] = {k: v for k, v in st.query_params.items()}
        values, _ = decode(global_schema, {k: v for k, v in ss[_LINK].items() if k in global_schema})
        ss.update(values)
    _fill_defaults(global_schema)
    _remember(global_schema)


def sync_query_params(schema: Mapping[str, Field]) -> list[str]:
    """Load the opening link into this page's settings (first page of a session only).

    Call at the top of a page, before creating the widgets whose keys are the schema's
    keys, and create those widgets without ``value=``/``index=`` so session state rules.
    Returns the rejected query keys so the page can show a notice.
    """
    ss = st.session_state
    ss[_PAGE] = dict(schema)
    rejected: list[str] = []
    link = ss.get(_LINK)
    if link:
        ss[_LINK] = {}  # a link is consumed by the page it opened, never by a later page
        values, rejected = decode({**ss.get(_GLOBAL, {}), **schema}, link)
        # global settings were applied by open_session before their widgets were drawn;
        # setting them again here (after the sidebar) would raise in Streamlit
        ss.update({k: v for k, v in values.items() if k not in ss.get(_GLOBAL, {})})
    _fill_defaults(schema)
    _remember(schema)
    return rejected


def current_query_params() -> dict[str, str]:
    """The query parameters of the current page's settings and the global ones (the share link)."""
    ss = st.session_state
    schema = {**ss.get(_GLOBAL, {}), **ss.get(_PAGE, {})}
    return encode(schema, {k: ss[k] for k in schema if k in ss})


def hold_link(holder: str, held: bool) -> None:
    """While any holder holds the link (a live slider mid-drag), :func:`write_query_params` waits."""
    st.session_state.setdefault(_HELD, {})[holder] = held


def link_held(holder: str | None = None) -> bool:
    """True while ``holder`` (by default: any holder) holds the link."""
    held = st.session_state.get(_HELD, {})
    return bool(held.get(holder)) if holder is not None else any(held.values())


def page_query_params() -> dict[str, str]:
    """The query parameters of the current page's own settings (no global ones)."""
    ss = st.session_state
    schema = ss.get(_PAGE, {})
    return encode(schema, {k: ss[k] for k in schema if k in ss})


def open_link(params: Mapping[str, str]) -> None:
    """Make the next page load ``params`` as if the session had been opened with that link.

    Page settings of earlier pages go back to their defaults first, so a setting the link leaves
    out is the default there too (a class following its teacher sees the teacher's page).
    """
    ss = st.session_state
    for key in ss.get(_PERSIST, set()) - set(ss.get(_GLOBAL, {})):
        ss.pop(key, None)
    ss[_LINK] = dict(params)


def write_query_params() -> None:
    """Make the address bar a link to the current page's settings (and the global ones).

    Call at the end of a page and at the end of any fragment that changes settings. Nothing
    happens while the link is held (:func:`hold_link`): a drag's link is written on release.
    """
    if link_held():
        return
    wanted = current_query_params()
    if dict(st.query_params.items()) != wanted:
        st.query_params.from_dict(wanted)


def keep_widget_state() -> None:
    """Stop Streamlit from dropping settings of pages that are not on screen.

    Streamlit deletes a widget's value when a run does not draw the widget (e.g. after
    switching pages); re-assigning it at the top of every run keeps it.
    """
    for key in st.session_state.get(_PERSIST, ()):
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def _fill_defaults(schema: Mapping[str, Field]) -> None:
    for key, field in schema.items():
        if key not in st.session_state:
            st.session_state[key] = field.default


def _remember(schema: Mapping[str, Field]) -> None:
    st.session_state.setdefault(_PERSIST, set()).update(schema)
