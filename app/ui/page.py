"""The page contract: how every lab loads its link, reads its settings and writes them back.

A lab declares its settings once, as a :class:`Schema` (URL key → :class:`~app.ui.state.Field`,
each key and default in one place). Its view then makes one call at the top and one at the
end; everything about links, defaults and rejected keys happens here::

    # app/labs/my_lab/schema.py
    SCHEMA = page.Schema("MyLabSettings", "ml_", {
        "ml_n": Field("int", 3, lo=1, hi=9),
        "ml_mode": Field("choice", "fast", choices=("fast", "exact")),
    })

    # app/labs/my_lab/view.py (labels come from the en/zh table through t(); left out here)
    s = page.open(SCHEMA, lang)        # link loaded once, notice naming rejected keys
    page.slider(SCHEMA, "ml_n", "n")   # a live slider: range, step, default from the schema
    s = page.current(SCHEMA)           # after widgets (or inside a fragment): today's values
    ... s.n, s.mode ...                # a frozen, hashable settings object
    page.close()                       # the address bar becomes a link to these settings

Widgets are created without ``value=``/``index=``: session state (filled by :func:`open`)
rules. A fragment that owns settings starts with :func:`refresh` and ends with :func:`close`,
as a fragment rerun reaches neither the router nor the end of the page.

Cross-page hand-offs are typed: the sender calls :func:`hand_over` with a frozen dataclass
(e.g. :class:`DesignedKernel`), the receiving page calls :func:`received` with that class.
"""

from __future__ import annotations

import dataclasses
import keyword
from collections.abc import Mapping
from dataclasses import dataclass, make_dataclass
from types import MappingProxyType
from typing import Any, TypeVar

import numpy as np
import streamlit as st

from app.ui import live_slider, state
from app.ui.safe_text import literal_list
from app.ui.state import Field
from app.ui.strings import t
from kernels import MAX_KERNEL_SIDE

__all__ = ["Schema", "Field", "open", "current", "refresh", "close", "slider", "DesignedKernel", "hand_over", "received", "handoff_key"]

_TYPES: dict[str, type] = {"choice": object, "int": int, "float": float, "bool": bool, "custom": object}
_HANDOFF = "_page_handoff_"
T = TypeVar("T")


def _frozen_value(value: Any) -> Any:
    """Lists (a multiselect's value) become tuples, so a settings object is hashable."""
    return tuple(value) if isinstance(value, list) else value


class Schema:
    """A lab's settings: its URL keys and fields, and the frozen settings class they define.

    Parameters
    ----------
    name : name of the settings class (shown in reprs).
    prefix : the lab's key prefix; an attribute is its key without it (``"ml_n"`` → ``n``).
    fields : URL key → field; the key is also the widget key holding the setting.

    Examples
    --------
    >>> s = Schema("Demo", "d_", {"d_n": Field("int", 3, lo=1, hi=9)})
    >>> s.read({})
    Demo(n=3)
    >>> s.read({"d_n": 5}).n
    5
    """

    def __init__(self, name: str, prefix: str, fields: Mapping[str, Field]) -> None:
        names = {}
        for key in fields:
            attr = key.removeprefix(prefix)
            if not key.startswith(prefix) or not attr.isidentifier() or keyword.iskeyword(attr):
                raise ValueError(f"key {key!r} does not make an attribute with prefix {prefix!r}")
            names[key] = attr
        self.prefix = prefix
        self.fields: Mapping[str, Field] = MappingProxyType(dict(fields))
        self._attrs = names
        self.type = make_dataclass(name, [(names[k], _TYPES[f.kind]) for k, f in fields.items()], frozen=True)

    def defaults(self) -> Any:
        """The settings a page opens with when no link says otherwise."""
        return self.read({})

    def read(self, values: Mapping[str, Any]) -> Any:
        """Settings from ``values`` (session state or decoded query), defaults where missing."""
        return self.type(**{
            attr: _frozen_value(values[key] if key in values else self.fields[key].default)
            for key, attr in self._attrs.items()
        })

    def values(self, settings: Any) -> dict[str, Any]:
        """``settings`` as URL key → value (the inverse of :meth:`read`)."""
        return {key: getattr(settings, attr) for key, attr in self._attrs.items()}


def open(schema: Schema, lang: str) -> Any:  # noqa: A001 - the verb of the contract
    """Load the opening link (first page of a session only), show a notice naming each
    rejected key where called, fill defaults, and return the page's settings.

    Call before the first widget whose key is in the schema.
    """
    rejected = state.sync_query_params(schema.fields)
    if rejected:
        st.info(t("state.rejected", lang, keys=literal_list(rejected)))  # link text: shown literally, shortened
    return current(schema)


def current(schema: Schema) -> Any:
    """The page's settings as session state holds them now (after widgets, in fragments)."""
    return schema.read(st.session_state)


def refresh(schema: Schema, *, skip: frozenset[str] = frozenset()) -> Any:
    """Top of a fragment: keep the settings whose widgets this run may not draw (Streamlit
    drops them), fill missing defaults, and return the settings.

    A fragment rerun does not pass through the router, which does this for full runs.
    ``skip`` names settings drawn outside the fragment (they must not be re-assigned here).
    """
    ss = st.session_state
    for key, field in schema.fields.items():
        if key not in skip:
            ss[key] = ss[key] if key in ss else field.default
    return current(schema)


def close() -> None:
    """Write the current settings into the address bar (the end of a page or fragment)."""
    state.write_query_params()


def slider(schema: Schema, key: str, label: str, *, within: tuple[float, float] | None = None, **options: Any) -> Any:
    """The live slider of the number setting ``key``: range, step, unit and default from ``schema``.

    ``within`` narrows the range for this image (e.g. frequencies of a smaller working size; the
    schema holds the widest range a link may carry). ``options`` go to
    :func:`app.ui.live_slider.live_slider` (``help``, ``on_change``, ``args``, ``disabled``, ``unit``,
    ``labels``). Returns the value; ``live_slider.dragging(key)`` says whether the hand is still on
    it (a lab may draw a cheaper draft until the release).
    """
    field = schema.fields[key]
    if within is not None:
        field = dataclasses.replace(field, lo=max(field.lo, within[0]), hi=min(field.hi, within[1]))
    return live_slider.live_slider(key, field, label, **options)


# ---- typed hand-offs between pages ---------------------------------------------------------------
@dataclass(frozen=True)
class DesignedKernel:
    """A kernel designed on one page and sent to the Image Lab's custom-kernel slot.

    ``kernel`` is copied into a read-only float64 array; it must be 2-D, finite and at most
    ``max_side`` a side (the interactive kernels' limit).

    Examples
    --------
    >>> DesignedKernel(np.ones((3, 3)) / 9, "box").kernel.flags.writeable
    False
    """

    kernel: np.ndarray
    name: str
    max_side: int = MAX_KERNEL_SIDE

    def __post_init__(self) -> None:
        k = np.array(self.kernel, dtype=np.float64)
        if k.ndim != 2 or k.size == 0 or not np.isfinite(k).all() or max(k.shape) > self.max_side:
            raise ValueError(f"a designed kernel must be 2-D, finite and at most {self.max_side} a side")
        k.setflags(write=False)
        object.__setattr__(self, "kernel", k)


def handoff_key(kind: type) -> str:
    """The session-state key a hand-off of class ``kind`` travels under."""
    return _HANDOFF + kind.__qualname__


def hand_over(item: Any) -> None:
    """Leave ``item`` (a frozen dataclass) for the page that reads its class with :func:`received`."""
    st.session_state[handoff_key(type(item))] = item


def received(kind: type[T]) -> T | None:
    """The last ``kind`` hand-off left by another page, or ``None``."""
    item = st.session_state.get(handoff_key(kind))
    return item if isinstance(item, kind) else None
