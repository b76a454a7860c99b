"""The CNN Lab's arithmetic tab: stride, padding and dilation of one C1 kernel, the output-size
formula checked against the computed map, a footprint animation, and transposed convolution.

A fragment: its own widgets rerun only this tab. Numbers come from :mod:`.arithmetic`,
cached pictures from :mod:`.pipeline`.
"""

from __future__ import annotations

import streamlit as st

from app.backend import cnn as L
from app.backend import group_conv as gc
from app.labs.cnn_lab import pipeline as run
from app.labs.cnn_lab.parts import arithmetic as A
from app.labs.cnn_lab.parts import footprint_export, groups, text
from app.labs.cnn_lab.parts.arithmetic_figures import FRAME_MS, footprint_figure
from app.labs.cnn_lab.parts.model import bank_args
from app.labs.cnn_lab.schema import ANIM_SIDES, GROUP_KERNELS, PAD_CHOICES, SCHEMA
from app.ui import page, shell, takeaway
from app.ui.a11y import alt_text, chart
from app.ui.format import count, number, percent
from app.ui.safe_text import literal
from app.ui.strings import t

CFG = {"displayModeBar": False}


def _controls(bank: L.KernelBank, lang: str) -> A.ConvArgs:
    """Kernel, stride, padding and dilation widgets; the settings they hold."""
    ss = st.session_state
    if ss["cnn_xk"] >= bank.n_out:  # a smaller bank than the link's
        ss["cnn_xk"] = 0
    names = text.kernel_names(bank, lang, short=True)
    a, b, c, d = st.columns(4, gap="medium")
    a.selectbox(t("cnn.x.kernel", lang), range(bank.n_out), format_func=lambda i: f"C1-{i + 1} · {names[i]}", key="cnn_xk")
    with b:
        page.slider(SCHEMA, "cnn_xs", t("cnn.x.stride", lang))
    c.selectbox(t("cnn.x.pad", lang), PAD_CHOICES, format_func=lambda m: t(f"cnn.x.pad.{m}", lang), key="cnn_xpad",
                help=t("cnn.x.pad_help", lang))
    if ss["cnn_xpad"] == "explicit":
        with c:
            page.slider(SCHEMA, "cnn_xp", t("cnn.x.p", lang))
    with d:
        page.slider(SCHEMA, "cnn_xd", t("cnn.x.dilation", lang), help=t("cnn.x.dilation_help", lang))
    return A.conv_args(page.current(SCHEMA))


def _formula(grey: run.Grey, bank: L.KernelBank, args: A.ConvArgs, lang: str, side: int) -> None:
    """The output-size formula with today's numbers, the computed map and whether they agree."""
    index = page.current(SCHEMA).xk
    kernel = bank.first_kernels()[index]
    try:
        axes = A.axis_sizes(grey.pixels.shape, kernel.shape, args)
    except ValueError as exc:
        st.error(t("cnn.err", lang, detail=literal(str(exc), limit=300)))
        return
    same_axes = axes[0].n == axes[1].n and axes[0].k == axes[1].k
    for axis in axes[:1] if same_axes else axes:
        if not same_axes:
            st.caption(t("cnn.x.axis", lang, n=axis.n, k=axis.k))
        st.latex(axis.latex())
    map_jpg, spec_jpg, shape = run.arithmetic_map(grey, bank_args(page.current(SCHEMA)), index, args, side, shell.palette())
    pred = A.predicted_shape(axes)
    sizes = {"fh": pred[0], "fw": pred[1], "h": shape[0], "w": shape[1]}
    if tuple(shape) == pred:
        st.success(t("cnn.x.match", lang, **sizes))
    else:  # never expected: the formula and conv2d are the same arithmetic, so say so loudly
        st.error(t("cnn.x.mismatch", lang, **sizes))
    m, s, note = st.columns([1, 1, 1], gap="small")
    alt = t("cnn.x.map_alt", lang, h=shape[0], w=shape[1])
    m.image(map_jpg, width="stretch", caption=t("cnn.x.map", lang, h=shape[0], w=shape[1]), alt=alt)
    s.image(spec_jpg, width="stretch", caption=t("cnn.x.spectrum", lang), alt=t("cnn.x.spectrum", lang))
    note.markdown(t("cnn.x.read", lang))


def _animation(bank: L.KernelBank, args: A.ConvArgs, lang: str, proj: bool) -> None:
    """The footprint animation on a small grid with the same kernel size, stride, padding and dilation."""
    st.markdown(f"##### {t('cnn.x.anim', lang)}")
    with st.columns([1, 2])[0]:
        n = page.slider(SCHEMA, "cnn_xn", t("cnn.x.anim_n", lang))
    k = bank.first_kernels()[page.current(SCHEMA).xk].shape[0]
    try:
        pads, out_side, frames = A.animation(n, k, args)
    except ValueError as exc:
        st.error(t("cnn.err", lang, detail=literal(str(exc), limit=300)))
        return
    labels = {"input": t("cnn.x.anim_in", lang, n=n, p=f"{pads[0]} + {pads[1]}"),
              "output": t("cnn.x.anim_out", lang, m=out_side),
              "play": t("sl.fig.play", lang), "pause": t("sl.fig.pause", lang)}
    fig = footprint_figure(frames, n, pads, out_side, labels=labels, projector=proj)
    caption = t("cnn.x.anim_cap", lang, k=k, s=args.stride, d=args.dilation, cap=ANIM_SIDES[1], frames=len(frames))
    alt = alt_text(t("cnn.x.anim", lang), lang, note=f"{labels['input']}; {labels['output']}. {caption}")
    chart(fig, alt, width="content", config=CFG, key="cnn_fig_footprint")
    st.caption(caption)
    takeaway.offer("cnn_fp", (n, k, args, lang), lang,
                   lambda: footprint_export.frames_for(frames, n, pads, out_side, lang), "convscope_footprint",
                   frame_ms=FRAME_MS)


def _transposed(grey: run.Grey, lang: str, side: int) -> None:
    """Stride-2 transposed convolution beside resize-then-convolve: images, spectra, flat-input patterns, scores."""
    st.markdown(f"##### {t('cnn.x.t_title', lang)}")
    st.markdown(t("cnn.x.t_intro", lang))
    k = page.slider(SCHEMA, "cnn_tk", t("cnn.x.t_k", lang))
    res = run.upsampled(grey, k, side, shell.palette())
    for col, name, score in zip(st.columns(2, gap="medium"), ("transposed", "resized"), res["scores"]):
        img, spec, flat, shape = res[name]
        with col:
            st.markdown(f"**{t(f'cnn.x.t_{name}', lang)}**")
            a, b = st.columns(2, gap="small")
            a.image(img, width="stretch", caption=t("cnn.x.t_out", lang, h=shape[0], w=shape[1]),
                    alt=t(f"cnn.x.t_{name}", lang))
            b.image(spec, width="stretch", caption=t("cnn.x.spectrum", lang), alt=t("cnn.x.spectrum", lang))
            c, d = st.columns(2, gap="small")
            c.image(flat, width="stretch", caption=t("cnn.x.t_flat", lang), alt=t("cnn.x.t_flat", lang))
            d.metric(t("cnn.x.t_score", lang), percent(score), help=t("cnn.x.t_score_help", lang))
    key = "cnn.x.t_even" if k % 2 == 0 else "cnn.x.t_uneven"
    st.info(t(key, lang, k=k, score=number(res["scores"][0])))


def _groups(lang: str) -> None:
    """Grouped and depthwise convolution: a groups slider over the divisors of C_in, the costs, the check."""
    st.markdown(f"##### {t('cnn.g.title', lang)}")
    st.markdown(t("cnn.g.intro", lang))
    ss = st.session_state
    a, b, c, d = st.columns(4, gap="medium")
    with a:
        page.slider(SCHEMA, "cnn_gcin", t("cnn.g.cin", lang))
    with b:
        page.slider(SCHEMA, "cnn_gmult", t("cnn.g.mult", lang), help=t("cnn.g.mult_help", lang))
    c.select_slider(t("cnn.g.k", lang), GROUP_KERNELS, key="cnn_gk")
    c_in = int(ss["cnn_gcin"])
    ss["cnn_gg"] = groups.snap_groups(int(ss["cnn_gg"]), c_in)  # the slider offers the divisors of C_in only
    d.select_slider(t("cnn.g.groups", lang), gc.divisors(c_in), key="cnn_gg", help=t("cnn.g.groups_help", lang))
    s = page.current(SCHEMA)
    case = groups.group_case(c_in, s.gmult, s.gk, s.gg)
    kind = "dense" if case.groups == 1 else "depthwise" if case.groups == case.c_in else "grouped"
    fields = {"cin": case.c_in, "cout": case.c_out, "g": case.groups, "per": case.c_in // case.groups, "k": case.k,
              "h": case.out_shape[0], "w": case.out_shape[1], "params": count(case.cost.parameters),
              "macs": count(case.cost.multiply_adds), "dense_params": count(case.dense.parameters),
              "dense_macs": count(case.dense.multiply_adds), "ratio": case.groups}
    st.markdown(t(f"cnn.g.kind.{kind}", lang, **fields))
    with st.container(key="cnn_groups_cost"):  # plain text: the tab's metrics and success box are the formula's
        st.markdown(t("cnn.g.cost", lang, **fields))
    st.caption(t("cnn.g.vs_dense", lang, **fields))
    if case.max_difference == 0.0:
        st.caption(t("cnn.g.check", lang, **fields))
    else:  # never expected: both are the same sums, so say so loudly
        st.error(t("cnn.g.check_bad", lang, diff=number(case.max_difference), **fields))


@st.fragment
def arithmetic_tab(grey: run.Grey, bank: L.KernelBank, lang: str, proj: bool) -> None:
    """The whole tab (a fragment: its sliders rerun only it)."""
    st.markdown(f"#### {t('cnn.x.title', lang)}")
    st.markdown(t("cnn.x.intro", lang))
    side = 360 if proj else 256
    args = _controls(bank, lang)
    _formula(grey, bank, args, lang, side)
    _animation(bank, args, lang, proj)
    _transposed(grey, lang, side)
    _groups(lang)
    page.close()
