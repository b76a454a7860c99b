"""The CNN Lab's arithmetic tab: stride, padding and dilation of one C1 kernel, the output-size
formula checked against the computed map, a footprint animation, and transposed convolution.

A fragment: its own widgets rerun only this tab. Numbers come from :mod:`.arithmetic`,
cached pictures from :mod:`.pipeline`.
"""

from __future__ import annotations

import streamlit as st

from app.backend import cnn as L
from app.ui import page, shell
from app.ui.cnn_lab import arithmetic as A
from app.ui.cnn_lab import pipeline as run
from app.ui.cnn_lab import text
from app.ui.cnn_lab.schema import ANIM_SIDES, MAX_DILATION, MAX_PAD, MAX_STRIDE, PAD_CHOICES, SCHEMA, T_KERNELS, bank_args
from app.ui.figures.cnn_arithmetic import footprint_figure
from app.ui.format import number, percent
from app.ui.a11y import alt_text, chart
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
    b.slider(t("cnn.x.stride", lang), 1, MAX_STRIDE, key="cnn_xs")
    c.selectbox(t("cnn.x.pad", lang), PAD_CHOICES, format_func=lambda m: t(f"cnn.x.pad.{m}", lang), key="cnn_xpad",
                help=t("cnn.x.pad_help", lang))
    if ss["cnn_xpad"] == "explicit":
        c.slider(t("cnn.x.p", lang), 0, MAX_PAD, key="cnn_xp")
    d.slider(t("cnn.x.dilation", lang), 1, MAX_DILATION, key="cnn_xd", help=t("cnn.x.dilation_help", lang))
    return A.conv_args(page.current(SCHEMA))


def _formula(grey: run.Grey, bank: L.KernelBank, args: A.ConvArgs, lang: str, side: int) -> None:
    """The output-size formula with today's numbers, the computed map and whether they agree."""
    index = page.current(SCHEMA).xk
    kernel = bank.first_kernels()[index]
    try:
        axes = A.axis_sizes(grey.pixels.shape, kernel.shape, args)
    except ValueError as exc:
        st.error(t("cnn.err", lang, detail=str(exc)))
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
    n = st.columns([1, 2])[0].slider(t("cnn.x.anim_n", lang), *ANIM_SIDES, key="cnn_xn")
    k = bank.first_kernels()[page.current(SCHEMA).xk].shape[0]
    try:
        pads, out_side, frames = A.animation(n, k, args)
    except ValueError as exc:
        st.error(t("cnn.err", lang, detail=str(exc)))
        return
    labels = {"input": t("cnn.x.anim_in", lang, n=n, p=f"{pads[0]} + {pads[1]}"),
              "output": t("cnn.x.anim_out", lang, m=out_side),
              "play": t("sl.fig.play", lang), "pause": t("sl.fig.pause", lang)}
    fig = footprint_figure(frames, n, pads, out_side, labels=labels, projector=proj)
    caption = t("cnn.x.anim_cap", lang, k=k, s=args.stride, d=args.dilation, cap=ANIM_SIDES[1], frames=len(frames))
    alt = alt_text(t("cnn.x.anim", lang), lang, note=f"{labels['input']}; {labels['output']}. {caption}")
    chart(fig, alt, width="content", config=CFG, key="cnn_fig_footprint")
    st.caption(caption)


def _transposed(grey: run.Grey, lang: str, side: int) -> None:
    """Stride-2 transposed convolution beside resize-then-convolve: images, spectra, flat-input patterns, scores."""
    st.markdown(f"##### {t('cnn.x.t_title', lang)}")
    st.markdown(t("cnn.x.t_intro", lang))
    k = st.slider(t("cnn.x.t_k", lang), *T_KERNELS, key="cnn_tk")
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
    page.close()
