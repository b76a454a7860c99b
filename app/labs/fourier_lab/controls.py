"""The Fourier Lab's control panels and tab fragments (widget keys are :data:`app.labs.fourier_lab.schema.SCHEMA` keys)."""

from __future__ import annotations

import functools
from collections.abc import Callable

import streamlit as st

from app.labs.fourier_lab import pipeline as lab
from app.labs.fourier_lab.schema import BOUNDARIES, DECONV_KERNELS, PICKER_KEYS, SCHEMA, WIENER_EXPONENTS
from app.ui import page
from app.ui.errors import backend_message
from app.ui.format import number
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
        return (("dx", c1.slider("dx", -(w // 2), w // 2, key="fl_dx")),
                ("dy", c2.slider("dy", -(h // 2), h // 2, key="fl_dy")))
    if prop == "rotate":
        return (("angle", c1.slider(t("fl.prop.angle", lang), -180.0, 180.0, step=5.0, key="fl_angle")),)
    if prop == "scale":
        return (("factor", c1.slider(t("fl.prop.factor", lang), 0.25, 4.0, step=0.25, key="fl_scale")),)
    if prop == "mirror":
        axis = c1.radio(t("fl.prop.axis", lang), (1, 0), format_func=lambda a: t(f"fl.prop.axis.{a}", lang),
                        key="fl_axis", horizontal=True)
        return (("axis", axis),)
    if prop == "modulate":
        s = page.current(SCHEMA)
        ss["fl_mu"], ss["fl_mv"] = lab.clamp_frequency(shape, s.mu, s.mv)
        (ulo, uhi), (vlo, vhi) = lab.freq_range(h), lab.freq_range(w)
        return (("u", c1.slider(t("fl.wave.u", lang), ulo, uhi, key="fl_mu")),
                ("v", c2.slider(t("fl.wave.v", lang), vlo, vhi, key="fl_mv")))
    return ()


def deconv_controls(lang: str) -> None:
    """Kernel and its parameters, noise, blur boundary and the Wiener K (log-scale positions)."""
    st.radio(t("fl.dec.kernel", lang), DECONV_KERNELS, format_func=lambda k: t(f"fl.dec.kernel.{k}", lang),
             key="fl_kernel", horizontal=True)
    kind = page.current(SCHEMA).kernel
    if kind == "gaussian":
        st.slider("σ", 0.5, 6.0, step=0.25, key="fl_sigma")
    elif kind == "motion":
        st.slider(t("fl.dec.length", lang), 3, 41, key="fl_length")
        st.slider(t("fl.dec.angle", lang), 0.0, 180.0, step=5.0, key="fl_mangle")
    else:
        st.slider(t("fl.dec.box", lang), 3, 21, step=2, key="fl_box")
    st.slider(t("fl.dec.noise", lang), 0.0, 0.1, step=0.005, format="%.3f", key="fl_noise",
              help=t("fl.dec.noise_help", lang, seed=lab.NOISE_SEED))
    st.radio(t("fl.dec.boundary", lang), BOUNDARIES, format_func=lambda b: t(f"fl.dec.boundary.{b}", lang),
             key="fl_boundary", horizontal=True)
    st.select_slider(t("fl.dec.k", lang), WIENER_EXPONENTS, key="fl_kw", format_func=lambda e: number(10 ** e, 2))
