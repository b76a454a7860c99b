"""The kernel picker (Image Lab): family → kernel → one slider per catalogue parameter, returning a
:class:`PickedKernel` (the array plus its name and parameter values), and the URL-schema fields of
its widgets (:func:`kernel_fields`, one key per kernel and parameter, see :func:`param_key`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import streamlit as st

from app.ui.errors import backend_message
from app.ui.live_slider import live_slider
from app.ui.strings import t


@dataclass(frozen=True)
class PickedKernel:
    """The kernel chosen in the kernel picker."""

    kernel: np.ndarray  # float64 2-D, read-only
    name: str  # catalogue name
    family: str
    params: dict = field(default_factory=dict)
    error: str | None = None  # set when the requested parameters were refused (previous kernel kept)


def _kernels():
    import kernels  # lazily: the image picker must work for labs that never touch kernels

    return kernels


def param_key(key: str, kernel: str, param: str) -> str:
    """Widget/URL key of one kernel parameter slider, e.g. ``il_gaussian_sigma``."""
    return f"{key}_{kernel}_{param}"


def kernel_fields(key: str, *, default_kernel: str = "gaussian", overrides: dict | None = None) -> dict:
    """URL-schema fields of the kernel picker: family, kernel and one per catalogue parameter.

    ``overrides`` maps ``param_key(...)`` to an opening value other than the catalogue default.
    """
    from app.ui import state

    k = _kernels()
    overrides = overrides or {}
    spec0 = k.get(default_kernel)
    fields: dict[str, state.Field] = {
        f"{key}_family": state.Field("choice", spec0.family, choices=tuple(k.FAMILIES)),
        f"{key}_kernel": state.Field("choice", default_kernel, choices=tuple(k.names())),
    }
    for spec in k.catalog():
        for p in spec.params:
            pk = param_key(key, spec.name, p.name)
            default = overrides.get(pk, p.default)
            fields[pk] = param_field(p, default)
    return fields


def param_field(p, default: Any):
    """The URL/slider field of one catalogue parameter: its choices, or its range, step and unit."""
    from app.ui import state

    if p.kind == "choice":
        return state.Field("choice", default, choices=p.options)
    if p.kind == "int":
        return state.Field("int", int(default), lo=int(p.min), hi=int(p.max), step=int(p.step), unit=p.unit)
    return state.Field("float", float(default), lo=float(p.min), hi=float(p.max), step=float(p.step), unit=p.unit)


def _on_family_change(key: str) -> None:
    k = _kernels()
    ss = st.session_state
    fam = ss.get(f"{key}_family")
    if fam in k.FAMILIES and k.names(fam) and ss.get(f"{key}_kernel") not in k.names(fam):
        ss[f"{key}_kernel"] = k.names(fam)[0]


def follow_params(values: dict, key: str, kernel: str, changed: str) -> dict:
    """Slider values that follow ``changed`` (a Gaussian's size follows sigma); pure, no Streamlit.

    Returns ``{widget key: value}`` for each following parameter of ``kernel`` that the user has
    not moved (no ``_<widget key>_pinned`` flag in ``values``); moving one pins it.
    """
    spec = _kernels().get(kernel)
    if changed in spec.follows:
        return {f"_{param_key(key, kernel, changed)}_pinned": True}
    current = {p.name: values.get(param_key(key, kernel, p.name), p.default) for p in spec.params}
    return {
        param_key(key, kernel, name): spec.follow(name, current)
        for name in spec.follows
        if not values.get(f"_{param_key(key, kernel, name)}_pinned")
    }


def _on_param_change(key: str, kernel: str, changed: str) -> None:
    st.session_state.update(follow_params(st.session_state, key, kernel, changed))


def kernel_from_state(values: dict, key: str) -> tuple[str, dict]:
    """(kernel name, validated params) from session-state-like ``values``; pure, no Streamlit."""
    name = _kernels().get(values.get(f"{key}_kernel", "gaussian")).name
    return name, params_from_state(values, key, name)


def params_from_state(values: dict, key: str, name: str) -> dict:
    """Validated parameters of kernel ``name`` from the picker's keys in ``values`` (defaults if absent).

    Slider values are put back on their type (``5.0`` → ``5`` for whole-number parameters);
    choice values are option keys already. Raises ``kernels.KernelError`` for refused values.
    """
    k = _kernels()
    spec = k.get(name)
    raw = {}
    for p in spec.params:
        v = values.get(param_key(key, spec.name, p.name), p.default)
        raw[p.name] = v if p.kind == "choice" else int(round(v)) if p.kind == "int" else float(v)
    return k.validate_params(spec.name, raw)


def kernel_picker(lang: str, *, key: str = "il", columns: int = 1) -> PickedKernel:
    """Family → kernel → one slider per parameter (from the catalogue); returns the kernel.

    Widget keys: ``<key>_family``, ``<key>_kernel`` and :func:`param_key` per parameter.
    Values missing from session state start at the catalogue defaults.
    """
    k = _kernels()
    ss = st.session_state
    ss.setdefault(f"{key}_kernel", "gaussian")
    if ss[f"{key}_kernel"] not in k.names():
        ss[f"{key}_kernel"] = "gaussian"
    ss.setdefault(f"{key}_family", k.family(ss[f"{key}_kernel"]))
    # a link (or an old session) may name a kernel of another family: the kernel wins
    if ss.get(f"{key}_family") not in k.FAMILIES or k.family(ss[f"{key}_kernel"]) != ss[f"{key}_family"]:
        ss[f"{key}_family"] = k.family(ss[f"{key}_kernel"])
    families = [f for f in k.FAMILIES if k.names(f)]
    st.selectbox(
        t("il.kernel.family", lang),
        families,
        format_func=lambda f: k.FAMILY_LABELS[f].get(lang, k.FAMILY_LABELS[f]["en"]),
        key=f"{key}_family",
        on_change=_on_family_change,
        args=(key,),
    )
    family = ss[f"{key}_family"]
    choices = k.names(family)
    name = st.selectbox(
        t("il.kernel.kernel", lang),
        choices,
        format_func=lambda n: k.get(n).label.get(lang, k.get(n).label["en"]),
        key=f"{key}_kernel",
    )
    spec = k.get(name)
    st.caption(spec.description.get(lang, spec.description["en"]))
    cols = st.columns(columns) if columns > 1 and len(spec.params) > 1 else None
    for i, p in enumerate(spec.params):
        pk = param_key(key, spec.name, p.name)
        if pk not in ss:
            ss[pk] = p.validate(p.default)
        # keep the stored value on the slider's grid and range, or among the options (links, old sessions)
        if p.kind == "choice":
            ss[pk] = ss[pk] if ss[pk] in p.options else p.default
        elif p.kind == "int":
            v = int(round(ss[pk]))
            v = min(max(v, int(p.min)), int(p.max))
            v = int(p.min) + ((v - int(p.min)) // int(p.step)) * int(p.step)
            ss[pk] = v
        else:
            ss[pk] = float(min(max(float(ss[pk]), float(p.min)), float(p.max)))
        label = p.label.get(lang, p.label["en"])
        where = cols[i % columns] if cols else st.container()
        with where:
            follow = {"on_change": _on_param_change, "args": (key, spec.name, p.name)} if spec.follows else {}
            if p.kind == "choice":
                st.selectbox(label, p.options, format_func=lambda o, p=p: p.option_label(o, lang), key=pk, **follow)
            else:  # live: the picture follows the hand during a drag
                live_slider(pk, param_field(p, p.default), label, **follow)
    try:
        name, params = kernel_from_state(ss, key)
        kernel = k.make(name, **params)
        error = None
    except (k.KernelError, ValueError) as exc:
        # never a traceback: fall back to the last good kernel
        prev = ss.get(f"_{key}_last_kernel")
        if prev is None:
            kernel, name, params = k.make("gaussian"), "gaussian", k.defaults("gaussian")
        else:
            return PickedKernel(prev.kernel, prev.name, prev.family, prev.params, error=backend_message(exc, lang))
        error = backend_message(exc, lang)
    kernel.setflags(write=False)
    picked = PickedKernel(kernel, name, k.family(name), params, error=error)
    if error is None:
        ss[f"_{key}_last_kernel"] = picked
    return picked
