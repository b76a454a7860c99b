"""The live slider: a slider that answers *during* a drag, not only on release.

Streamlit's ``st.slider`` reports its value only when the mouse is released. This slider is a
``streamlit.components.v2`` component (inline HTML/CSS/JS from this package, nothing fetched from
elsewhere) that sends values while the hand moves, with backpressure: at most one run in flight
per slider, the newest value wins, and the value at release is always drawn
(the protocol's pitfalls it avoids are noted at each step below).

Use it like a keyed widget whose range comes from the page's schema::

    value = live_slider("il_gaussian_sigma", SCHEMA["il_gaussian_sigma"], "Sigma σ")
    if dragging("il_gaussian_sigma"):   # mid-drag: a lab may draw a cheaper draft
        ...

* The value lives in ``st.session_state[key]`` (a plain value, as the schema expects), so
  ``page.current``, links and AppTest (set ``session_state[key]``) keep working.
* The component itself is keyed ``"_live_" + key`` and sends one state, ``move``:
  ``{"value": number, "dragging": bool, "seq": int}``. :func:`sanitise` turns whatever arrives
  into a value on the field's grid and range, or refuses it (NaN, text, lists, wrong shapes),
  as a bad link value is refused: never an exception.
* While any live slider is being dragged :func:`any_dragging` is true and the link is held
  (:func:`app.ui.state.hold_link`): it is written on release, not at every value.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import streamlit as st

from app.ui import state
from app.ui.format import number
from app.ui.live_component import live_component
from app.ui.state import Field

__all__ = ["Move", "live_slider", "sanitise", "grid_step", "dragging", "any_dragging", "component_key", "settled"]

_PREFIX = "_live_"
_SEQ = "_live_seq_"  # + key: the seq of the last move applied (echoed to the browser)
_MAX_LABELS = 4001  # up to this many grid positions the browser gets every label, pre-formatted
_STEPS_IF_UNSET = 100  # a float field without a step moves in hundredths of its range

_HTML = """
<div class="cs-live">
  <div class="cs-head">
    <span class="cs-label"></span>
    <span class="cs-help" tabindex="0" role="img"><span aria-hidden="true">?</span><span class="cs-tip" role="tooltip"></span></span>
  </div>
  <div class="cs-track">
    <div class="cs-rail"><div class="cs-fill"></div></div>
    <div class="cs-bubble" aria-hidden="true"></div>
    <div class="cs-thumb" role="slider" tabindex="0"></div>
  </div>
  <div class="cs-ends" aria-hidden="true"><span class="cs-min"></span><span class="cs-max"></span></div>
</div>
"""

# Sizes in em of one font size, which projector mode raises (--cs-live-slider-font, set in shell.py: custom
# properties are the one thing page CSS passes into the component's shadow root). Colours from the theme.
_CSS = """
.cs-live { font-family: var(--st-font, inherit); color: var(--st-text-color, inherit);
  font-size: var(--cs-live-slider-font, 0.875rem);
  padding: 0 0.5em 0.25em; user-select: none; -webkit-user-select: none; }
.cs-head { display: flex; align-items: center; gap: 0.4em; min-height: 1.5em; margin-bottom: 1.2em; }
.cs-help { position: relative; display: inline-flex; align-items: center; justify-content: center;
  width: 1.15em; height: 1.15em; border-radius: 50%; font-size: 0.85em; cursor: help;
  border: 1px solid currentColor; opacity: 0.7; }
.cs-help[hidden] { display: none; }
.cs-tip { display: none; position: absolute; left: 50%; top: 1.6em; transform: translateX(-50%); z-index: 10;
  width: max-content; max-width: 18em; padding: 0.5em 0.7em; border-radius: 0.4em; line-height: 1.35;
  background: var(--st-text-color, #31333f); color: var(--st-background-color, #fff); opacity: 1;
  font-size: 1.05em; white-space: normal; }
.cs-help:hover .cs-tip, .cs-help:focus .cs-tip { display: block; }
.cs-track { position: relative; height: 2em; margin: 0 0.6em; cursor: pointer; touch-action: none; }
.cs-rail { position: absolute; left: 0; right: 0; top: 50%; height: 0.3em; transform: translateY(-50%);
  border-radius: 0.15em; background: color-mix(in srgb, var(--st-text-color, #31333f) 14%, transparent); }
.cs-fill { height: 100%; border-radius: inherit; background: var(--st-primary-color, #ff4b4b); }
.cs-thumb { position: absolute; top: 50%; width: 1.1em; height: 1.1em; border-radius: 50%;
  transform: translate(-50%, -50%); background: var(--st-primary-color, #ff4b4b); outline: none;
  box-shadow: 0 0 0 0 transparent; }
.cs-track:active .cs-thumb { box-shadow: 0 0 0 0.25em color-mix(in srgb, var(--st-primary-color, #ff4b4b) 35%, transparent); }
.cs-thumb:focus-visible { outline: 3px solid var(--st-primary-color, #1f6feb); outline-offset: 2px; }
.cs-bubble { position: absolute; bottom: 100%; transform: translateX(-50%); white-space: nowrap;
  font-variant-numeric: tabular-nums; color: var(--st-primary-color, #ff4b4b); font-size: 0.95em; }
.cs-ends { display: flex; justify-content: space-between; font-size: 0.85em; opacity: 0.75;
  font-variant-numeric: tabular-nums; }
/* disabled: the track and thumb fade; the words stay readable (>= 4.5:1, WCAG AA) */
.cs-disabled .cs-track { opacity: 0.45; }
.cs-disabled .cs-label, .cs-disabled .cs-ends, .cs-disabled .cs-bubble {
  color: color-mix(in srgb, var(--st-text-color, #31333f) 75%, var(--st-background-color, #fff)); opacity: 1; }
.cs-disabled .cs-track { cursor: not-allowed; }
"""

_mount = live_component("convscope_live_slider", _HTML, _CSS, "live_slider.js")


@dataclass(frozen=True)
class Move:
    """A move the browser sent, after :func:`sanitise`: a value on the grid and whether the hand is still down."""

    value: float | int
    dragging: bool
    seq: int


def grid_step(field: Field) -> float:
    """The slider's step: the field's own, else 1 for whole numbers and a hundredth of the range.

    Examples
    --------
    >>> grid_step(Field("float", 1.0, lo=0.0, hi=5.0)), grid_step(Field("int", 3, lo=1, hi=9, step=2))
    (0.05, 2)
    """
    if field.lo is None or field.hi is None or field.kind not in ("int", "float") or not field.hi > field.lo:
        raise ValueError(f"a live slider needs an int or float field with lo < hi, not {field!r}")
    if field.step is not None and field.step > 0:
        return int(field.step) if field.kind == "int" else float(field.step)
    return 1 if field.kind == "int" else (field.hi - field.lo) / _STEPS_IF_UNSET


def _on_grid(field: Field, value: float) -> float | int:
    """``value`` clamped to the field's range and rounded to its grid (``lo + k·step``)."""
    lo, hi, step = float(field.lo), float(field.hi), grid_step(field)  # type: ignore[arg-type]
    k = round((min(max(value, lo), hi) - lo) / step)
    snapped = min(lo + k * step, hi)
    if field.kind == "int":
        return int(round(snapped))
    return float(f"{snapped:.12g}")  # 0.1 + 29·0.1 is 3.0, not 3.0000000000000004


def sanitise(raw: Any, field: Field) -> Move | None:
    """The move the browser sent, or ``None`` when it is not a move at all.

    A move is ``{"value": number, "dragging": bool, "seq": int}``. A finite number outside the
    range is clamped and put on the grid; anything else (NaN, infinities, text, booleans, lists,
    missing or extra-large keys) is refused, as a bad link value is. Never raises for any input.

    Examples
    --------
    >>> f = Field("float", 3.0, lo=0.1, hi=20.0, step=0.1)
    >>> sanitise({"value": 2.96, "dragging": True, "seq": 7}, f)
    Move(value=3.0, dragging=True, seq=7)
    >>> sanitise({"value": 1e9, "dragging": False, "seq": 8}, f).value
    20.0
    >>> sanitise({"value": float("nan"), "seq": 9}, f) is None, sanitise("3", f) is None
    (True, True)
    """
    if not isinstance(raw, Mapping) or len(raw) > 8:
        return None
    value, seq = raw.get("value"), raw.get("seq", 0)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(seq, bool) or not isinstance(seq, int) or not 0 <= seq < 2**53:
        return None
    try:
        value = float(value)
    except OverflowError:  # an int too large for a float is out of range: refused like NaN
        return None
    if not math.isfinite(value):
        return None
    return Move(_on_grid(field, value), raw.get("dragging") is True, seq)


def component_key(key: str) -> str:
    """The session key of the component behind the live slider holding ``key``."""
    return _PREFIX + key


def dragging(key: str) -> bool:
    """True while the hand is on the live slider ``key`` (the last move drawn was mid-drag)."""
    return state.link_held(key)


def any_dragging() -> bool:
    """True while any live slider of this session is being dragged (links wait for the release)."""
    return state.link_held()


def _positions(field: Field) -> int:
    """How many grid positions the slider has (``lo``, ``lo + step``, ... up to ``hi``)."""
    return int(math.floor((float(field.hi) - float(field.lo)) / grid_step(field) + 1e-9)) + 1  # type: ignore[arg-type]


@functools.lru_cache(maxsize=256)  # fields are frozen: one list per slider, not one per run
def _labels(field: Field) -> tuple[str, ...] | None:
    """Every grid position written by :func:`app.ui.format.number` (the browser shows these)."""
    step, n = grid_step(field), _positions(field)
    if n > _MAX_LABELS:
        return None
    return tuple(number(_on_grid(field, float(field.lo) + k * step)) for k in range(n))  # type: ignore[arg-type]


def _apply_move(key: str, field: Field, on_change: Callable[..., None] | None, args: tuple) -> None:
    """The component's callback (runs before the script): copy the move into session state.

    The echo must come from this same run: ``seq`` goes back in ``data``, and the browser sends
    its next value only when it sees it.
    """
    ss = st.session_state
    move = sanitise(ss.get(component_key(key), {}).get("move"), field)
    if move is None:
        return
    before = ss.get(key)
    ss[key] = move.value
    ss[_SEQ + key] = move.seq
    state.hold_link(key, move.dragging)  # the link is written on release
    if on_change is not None and move.value != before:
        on_change(*args)


def live_slider(
    key: str,
    field: Field,
    label: str,
    *,
    help: str | None = None,  # noqa: A002 - the name every Streamlit widget uses
    unit: str | None = None,
    on_change: Callable[..., None] | None = None,
    args: tuple = (),
    disabled: bool = False,
    labels: tuple[str, ...] | None = None,
) -> float | int:
    """Draw the live slider for the setting ``key`` (range, step and default from ``field``).

    Parameters
    ----------
    key : the setting's session-state key (the schema's key); its value is kept on the grid.
    field : the setting's :class:`~app.ui.state.Field` (``"int"`` or ``"float"`` with ``lo``/``hi``;
        ``step`` optional, ``unit`` optional).
    label, help : the visible label and the tooltip (already translated).
    unit : the unit read by screen readers after the value; default ``field.unit``.
    on_change, args : called as ``on_change(*args)`` before the run when a move changed the value.
    disabled : shown greyed, ignores input.
    labels : the text shown for each grid position, lowest first (default: the value in the app's
        number format); for a slider over positions of a non-uniform scale (``10**e``, log-spaced counts).

    Returns
    -------
    The current value (also in ``st.session_state[key]``). :func:`dragging` says whether it is a
    mid-drag value.
    """
    ss = st.session_state
    step = grid_step(field)
    if "__" in component_key(key):  # Streamlit refuses component ids containing "__"
        raise ValueError(f"a live slider's key must not start with '_' or contain '__': {key!r}")
    if labels is not None and len(labels) != _positions(field):
        raise ValueError(f"{key}: {len(labels)} labels for {_positions(field)} slider positions")
    if key in ss:
        current = sanitise({"value": ss[key]}, field)
        ss[key] = current.value if current is not None else field.default
    else:
        ss[key] = field.default
    value = ss[key]
    _mount(
        key=component_key(key),
        data={
            "value": value, "dragging": dragging(key), "seq": ss.get(_SEQ + key, 0),
            "min": field.lo, "max": field.hi, "step": step, "decimals": _decimals(step),
            "labels": _labels(field) if labels is None else list(labels), "label": label, "help": help or "",
            "unit": field.unit if unit is None else unit, "disabled": disabled,
        },
        default={"move": None},
        on_move_change=functools.partial(_apply_move, key, field, on_change, args),  # mount() passes no args
    )
    return value


def settled(name: str, build: Callable[[], Any]) -> Any:
    """``build()`` on a run with no hand on a live slider; mid-drag, what it returned last time.

    For the secondary parts of a page (a profile chart, a cross-section): while the hand moves they
    keep their last picture, so the page keeps its layout and does not work on them; the release
    run builds them again, exactly. ``name`` is unique on the page (kept in session state).
    """
    ss = st.session_state
    kept = "_live_settled_" + name
    if kept in ss and any_dragging():
        return ss[kept]
    ss[kept] = built = build()
    return built


def _decimals(step: float) -> int:
    """Decimals a grid value needs (0.05 → 2), so the browser rounds 0.1·3 to 0.3."""
    text = f"{step:.10f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0
