"""The CNN Lab: kernel banks, activation, pooling and a second layer, each map with its spectrum.

Flow: input (sidebar) → C1 bank + biases + activation → S2 pooling → C3 (mixing all maps) →
S4 → flattened vector. Layout only: settings come from :mod:`app.labs.cnn_lab.schema` through
the page contract, every stage from the cached :mod:`app.labs.cnn_lab.pipeline` (moving a
slider recomputes only the stages downstream of it). The aliasing, shift and arithmetic panels
are fragments (their sliders rerun only them); :mod:`.questions` asks for the vector's length first.
"""

from __future__ import annotations

import math

import numpy as np
import streamlit as st

from app.labs.cnn_lab import figures as figs
from app.labs.cnn_lab import pipeline as run
from app.labs.cnn_lab import questions
from app.labs.cnn_lab.parts import controls, maps_tab, text
from app.labs.cnn_lab.parts.arithmetic_panel import arithmetic_tab
from app.labs.cnn_lab.parts.model import Net, bank_args, net
from app.labs.cnn_lab.schema import SCHEMA, ZONE_PLATE
from app.ui import page, shell
from app.ui.a11y import alt_text, chart
from app.ui.errors import backend_message
from app.ui.format import count, number, percent
from app.ui.strings import t

lang = shell.lang()
proj = shell.projector()
ss = st.session_state

CFG = {"displayModeBar": False}


def _weights_tab(grey: run.Grey, n: Net, stages: tuple[str, ...]) -> None:
    raw = run.parameter_rows(grey, n, stages)
    rows = [text.weight_row(*r, lang) for r in raw]
    c1p = raw[0][3]
    st.markdown(f"#### {t('cnn.w.title', lang)}")
    st.markdown(t("cnn.w.intro", lang))
    st.info(t("cnn.w.headline", lang, conv=f"{c1p.total:,}", dense=count(c1p.dense_total), ratio=count(c1p.ratio)))
    st.markdown(text.weights_table(rows, lang))
    st.caption(t("cnn.w.formula", lang))
    conv_rows = [r for r in rows if r["dense_n"]]
    fig = figs.params_figure(
        [r["layer"] for r in conv_rows], [r["conv_n"] for r in conv_rows], [r["dense_n"] for r in conv_rows],
        names=(t("cnn.w.chart_conv", lang), t("cnn.w.chart_dense", lang)), y_title=t("cnn.w.y", lang),
        title=t("cnn.w.chart", lang), projector=proj,
    )
    bars = [t("cnn.alt.params", lang, layer=r["layer"], conv=count(r["conv_n"]), dense=count(r["dense_n"]))
            for r in conv_rows]
    chart(fig, alt_text(t("cnn.w.chart", lang), lang, note="; ".join(bars)), config=CFG, key="cnn_fig_params")


@st.fragment
def _aliasing_panel(grey: run.Grey, n: Net, c1_names: list[str]) -> None:
    if ss["cnn_amap"] > len(c1_names):
        ss["cnn_amap"] = 0
    choice = st.selectbox(
        t("cnn.a.map", lang), list(range(len(c1_names) + 1)), key="cnn_amap",
        format_func=lambda i: t("cnn.a.map.input", lang) if i == 0 else t("cnn.a.map.c1", lang, i=i, name=c1_names[i - 1]),
    )
    st.toggle(t("cnn.a.zoom", lang, n=run.ZOOM), key="cnn_azoom", help=t("cnn.a.zoom_help", lang))
    zoom = page.current(SCHEMA).azoom
    size, stride = n.pool.size, n.pool.stride
    res = run.aliasing(grey, n.c1, choice, size, stride, 360 if proj else 256, zoom, shell.palette())
    st.markdown(t("cnn.a.intro", lang, stride=stride, nyq=number(res["nyquist"]), size=size))
    labels = ("cnn.a.before", "cnn.a.average", "cnn.a.max", "cnn.a.subsample")
    for col, name, label in zip(st.columns(4, gap="small"), run.ALIAS_TILES, labels):
        img, spec, shape = res["tiles"][name]
        with col:
            st.markdown(f"**{t(label, lang)}**")
            st.image(img, width="stretch", alt=alt_text(t(label, lang), lang))
            spectrum = t("cnn.a.spectrum_cap", lang, h=shape[0], w=shape[1])
            st.image(spec, width="stretch", alt=alt_text(t(label, lang), lang, note=spectrum))
            st.caption(spectrum)
    if not zoom:
        st.caption(t("cnn.a.display_note", lang))
    m1, m2 = st.columns(2)
    m1.metric(t("cnn.a.energy_before", lang), percent(res["before"]), help=t("cnn.a.energy_before_help", lang))
    m2.metric(t("cnn.a.energy_after", lang), percent(res["after"]), help=t("cnn.a.energy_after_help", lang, size=size))
    st.caption(t("cnn.a.read", lang))
    page.close()


@st.fragment
def _shift_panel(grey: run.Grey, n: Net) -> None:
    st.markdown(f"#### {t('cnn.s.title', lang)}")
    st.markdown(t("cnn.s.intro", lang))
    d = page.slider(SCHEMA, "cnn_shift", t("cnn.s.d", lang))
    try:
        rep = run.shift_report(grey, n.c1, n.pool)
    except ValueError as exc:
        st.error(t("cnn.err", lang, detail=backend_message(exc, lang)))
        return
    names = {k: t(f"cnn.s.{k}", lang) for k in ("c1_moved", "c1_back", "pool_moved", "pool_back")}
    i = int(np.searchsorted(rep.shifts, d))
    q = int(math.floor(d / rep.stride + 0.5))
    values = [rep.c1_moved[i], rep.c1_realigned[i], rep.pooled_moved[i], rep.pooled_realigned[i]]
    for col, (k, label), v in zip(st.columns(4), names.items(), values):
        col.metric(label, percent(v), help=t("cnn.s.pool_back_help", lang, q=q, d=d) if k == "pool_back" else None)
    fig = figs.shift_figure(rep, d, names=names, x_title=t("cnn.s.x", lang), y_title=t("cnn.s.y", lang), projector=proj)
    now = "; ".join(f"{label} {percent(v)}" for label, v in zip(names.values(), values))
    chart(fig, alt_text(t("cnn.alt.shift", lang, d=d, values=now), lang), config=CFG, key="cnn_fig_shift")
    h, w = grey.pixels.shape
    crop = [(min(side, 256) // rep.stride) * rep.stride for side in (w, h)]
    st.caption(t("cnn.s.crop", lang, w=crop[0], h=crop[1]))
    st.markdown(t("cnn.s.read", lang, stride=rep.stride))
    page.close()


def _computed_stages(grey: run.Grey, n: Net) -> tuple[str, ...] | None:
    """The stages that could be computed (``None``: not even C1 and S2), errors shown."""
    done: list[str] = []
    for stage in n.stages:
        try:
            run.maps(grey, n, stage)
        except ValueError as exc:
            st.error(t("cnn.err.s4" if "C3" in done else "cnn.err", lang, detail=backend_message(exc, lang)))
            return tuple(done) if "S2" in done else None
        done.append(stage)
    return tuple(done)


# ------------------------------------------------------------------------------------ page
def main() -> None:
    if not proj:  # on a projector the first screen is for the shapes strip and the first maps
        st.title(t("cnn.title", lang))
        st.caption(t("cnn.intro", lang))
    page.open(SCHEMA, lang)
    with st.sidebar:
        picked = controls.input_sidebar(lang)
    grey = run.grey_image(picked.digest, picked.image)

    strip = st.container(border=True, key="cnn_strip")
    if proj:  # the layers' settings wait in the sidebar (its arrow opens it): the maps take the screen
        c_c1, c_pool, c_c3 = (st.sidebar.container(border=True) for _ in range(3))
    else:
        c_c1, c_pool, c_c3 = st.columns(3, gap="medium", border=True)
    with c_c1:
        controls.c1_controls(lang)
    try:
        bank = run.c1_bank(bank_args(page.current(SCHEMA)))
    except ValueError as exc:
        st.error(t("cnn.err", lang, detail=backend_message(exc, lang)))
        return
    with c_c1:
        controls.bias_controls(bank, lang)
    with c_pool:
        controls.pool_controls(lang)
    with c_c3:
        controls.c3_controls(lang, proj)
    n = net(page.current(SCHEMA), bank.n_out)

    with st.sidebar:
        h, w = grey.pixels.shape
        st.image(figs.jpeg(figs.map_pixels(grey.pixels, scale="unit")[0], 256), width="stretch",
                 alt=alt_text(t("cnn.alt.input", lang, w=w, h=h), lang, values=grey.pixels))
        st.caption(t("cnn.input.grey", lang, w=w, h=h, side=run.MAX_SIDE))

    stages = _computed_stages(grey, n)
    if stages is None:
        return
    computed = [(s, run.maps(grey, n, s)) for s in stages]
    length_shown = questions.vector_question(computed, lang)  # asked before the strip gives the answer away
    with strip:
        if not proj:
            st.caption(t("cnn.shapes.caption", lang))
        st.markdown(text.shapes_strip(computed, lang, vector=length_shown))

    # lazy tabs: only the open tab's panel is computed and sent (a slider move stays cheap)
    tabs = st.tabs([t(f"cnn.tab.{k}", lang) for k in ("maps", "weights", "alias", "shift", "arith")], key="cnn_tab",
                   on_change="rerun")
    if tabs[0].open:
        with tabs[0]:
            maps_tab.render(grey, n, stages, bank, lang, proj)
    if tabs[1].open:
        with tabs[1]:
            _weights_tab(grey, n, stages)
    if tabs[2].open:
        with tabs[2]:
            st.markdown(f"#### {t('cnn.a.title', lang)}")
            st.button(t("cnn.a.zone", lang), on_click=ss.update, args=(ZONE_PLATE,), help=t("cnn.a.zone_help", lang),
                      key="cnn_zone_btn")
            _aliasing_panel(grey, n, text.kernel_names(bank, lang))
    if tabs[3].open:
        with tabs[3]:
            _shift_panel(grey, n)
    if tabs[4].open:
        with tabs[4]:
            arithmetic_tab(grey, bank, lang, proj)


main()
page.close()
