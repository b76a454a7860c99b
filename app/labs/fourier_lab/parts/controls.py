"""The Fourier Lab's control panels and tab fragments (widget keys are :data:`app.labs.fourier_lab.schema.SCHEMA` keys)."""

from __future__ import annotations

import functools
from collections.abc import Callable

import streamlit as st

from app.labs.fourier_lab import pipeline as lab
from app.labs.fourier_lab.schema import BOUNDARIES, DECONV_KERNELS, PICKER_KEYS, SCHEMA, WIENER, WIENER_EXPONENTS
from app.ui import live_slider, page
from app.ui.errors import backend_message
from app.ui.format import number
from app.ui.page import Field
from app.ui.strings import t


def tab_fragment(lang: str) -> Callable[[Callable[[], None]], Callable[[], None]]:
    """Decorator: a tab's body as a fragment (a slider reruns this tab only) on the page contract
    (it starts with :func:`app.ui.page.refresh`, ends with :func:`app.ui.page.close`) that shows a
    friendly error instead of a traceback."""

    def wrap(draw: Callable[[], None]) -> Callable[[], None]:
        @functools.wraps(draw)
        def run() -> None:
            page.refresh(SCHEMA, skip=PICKER_KEYS)
            try:
                draw()
            except ValueError as exc:  # e.g. a blur kernel larger than a tiny upload
                st.error(t("fl.err.compute", lang, detail=backend_message(exc, lang)))
            page.close()

        return st.fragment(run)

    return wrap


def property_controls(prop: str, shape: tuple[int, int], lang: str) -> tuple[tuple[str, float], ...]:
    """The sliders of one property; returns its parameters as sorted pairs (a cache key)."""
    ss = st.session_state
    h, w = shape
    c1, c2 = st.columns(2)
    if prop == "shift":
        with c1:
            dx = page.slider(SCHEMA, "fl_dx", "dx", within=(-(w // 2), w // 2))
        with c2:
            dy = page.slider(SCHEMA, "fl_dy", "dy", within=(-(h // 2), h // 2))
        return (("dx", dx), ("dy", dy))
    if prop == "rotate":
        with c1:
            return (("angle", page.slider(SCHEMA, "fl_angle", t("fl.prop.angle", lang))),)
    if prop == "scale":
        with c1:
            return (("factor", page.slider(SCHEMA, "fl_scale", t("fl.prop.factor", lang))),)
    if prop == "mirror":
        axis = c1.radio(t("fl.prop.axis", lang), (1, 0), format_func=lambda a: t(f"fl.prop.axis.{a}", lang),
                        key="fl_axis", horizontal=True)
        return (("axis", axis),)
    if prop == "modulate":
        s = page.current(SCHEMA)
        ss["fl_mu"], ss["fl_mv"] = lab.clamp_frequency(shape, s.mu, s.mv)
        with c1:
            u = page.slider(SCHEMA, "fl_mu", t("fl.wave.u", lang), within=lab.freq_range(h))
        with c2:
            v = page.slider(SCHEMA, "fl_mv", t("fl.wave.v", lang), within=lab.freq_range(w))
        return (("u", u), ("v", v))
    return ()


# The K slider moves over the positions of the log-spaced counts (session only, not in the link); fl_k holds the count.
_K_POSITION = "fl_kpos"


def _set_k(options: tuple[int, ...]) -> None:
    st.session_state["fl_k"] = options[st.session_state[_K_POSITION]]


def k_slider(options: tuple[int, ...], total: int, lang: str) -> None:
    """The live K slider: one position per log-spaced count (``options``), labelled with the count."""
    ss = st.session_state
    ss["fl_k"] = lab.snap_k(page.current(SCHEMA).k, options)
    ss[_K_POSITION] = options.index(ss["fl_k"])
    labels = tuple(t("fl.build.all", lang, k=k) if k == total else f"{k:,}" for k in options)
    live_slider.live_slider(_K_POSITION, Field("int", 0, lo=0, hi=len(options) - 1), t("fl.build.k", lang),
                            labels=labels, on_change=_set_k, args=(options,))


def deconv_controls(lang: str) -> None:
    """Kernel and its parameters, noise, blur boundary and the Wiener K (log-scale positions)."""
    st.radio(t("fl.dec.kernel", lang), DECONV_KERNELS, format_func=lambda k: t(f"fl.dec.kernel.{k}", lang),
             key="fl_kernel", horizontal=True)
    kind = page.current(SCHEMA).kernel
    if kind == "gaussian":
        page.slider(SCHEMA, "fl_sigma", "σ")
    elif kind == "motion":
        page.slider(SCHEMA, "fl_length", t("fl.dec.length", lang))
        page.slider(SCHEMA, "fl_mangle", t("fl.dec.angle", lang))
    else:
        page.slider(SCHEMA, "fl_box", t("fl.dec.box", lang))
    page.slider(SCHEMA, "fl_noise", t("fl.dec.noise", lang), help=t("fl.dec.noise_help", lang, seed=lab.NOISE_SEED))
    st.radio(t("fl.dec.boundary", lang), BOUNDARIES, format_func=lambda b: t(f"fl.dec.boundary.{b}", lang),
             key="fl_boundary", horizontal=True)
    # live over log10 K (the link's choice field holds the same quarter-decade exponents); shown as K
    live_slider.live_slider("fl_kw", WIENER, t("fl.dec.k", lang), labels=tuple(number(10 ** e, 2) for e in WIENER_EXPONENTS))
