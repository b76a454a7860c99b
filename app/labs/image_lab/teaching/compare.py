"""Low-pass vs high-pass tab: two kernels side by side, one radial chart, the complementary split."""

from __future__ import annotations

import dataclasses

import numpy as np
import streamlit as st

import kernels
from app.backend import display, radial_profile, to_uint8
from app.backend.display import signed_display
from app.labs.image_lab import pipeline as lab
from app.labs.image_lab.teaching import figures as fig
from app.ui.a11y import alt_text, chart
from app.ui.errors import backend_message
from app.ui.kernel_picker import params_from_state
from app.ui.strings import t

LOW_FAMILIES = ("low-pass",)
HIGH_FAMILIES = ("high-pass", "directional", "band-pass")
SHOW_SIDE = 320


def _kernel(name: str) -> np.ndarray:
    """Catalogue kernel with the Image Lab's current slider values for it (defaults otherwise)."""
    try:
        params = params_from_state(st.session_state, "il", name)
    except (kernels.KernelError, ValueError):
        params = kernels.defaults(name)
    return kernels.make(name, **params)


def _label(name: str, lang: str) -> str:
    spec = kernels.get(name)
    return spec.label.get(lang, spec.label["en"])


def _small(u8: np.ndarray) -> np.ndarray:
    return display.downsample_for_display(u8, SHOW_SIDE)


def output_pixels(run: lab.LabRun) -> np.ndarray:
    """A run's output as the Image Lab shows it (same rule, same kernel sum), at compare size."""
    s = run.settings
    shown = lab.display_output(run.output, s.signed_mode, kernel_sum=float(run.kernel.sum()), palette=s.palette)
    return _small(shown.pixels)


def render(lang: str, run, projector: bool = False) -> None:
    ss = st.session_state
    lows = [n for f in LOW_FAMILIES for n in kernels.names(f)]
    highs = [n for f in HIGH_FAMILIES for n in kernels.names(f)]
    ss.setdefault("teach_cmp_lo", "gaussian")
    ss.setdefault("teach_cmp_hi", "laplacian")
    if ss["teach_cmp_lo"] not in lows:
        ss["teach_cmp_lo"] = lows[0]
    if ss["teach_cmp_hi"] not in highs:
        ss["teach_cmp_hi"] = highs[0]
    st.caption(t("teach.cmp.intro", lang))
    c1, c2 = st.columns(2)
    c1.selectbox(t("teach.cmp.low", lang), lows, format_func=lambda n: _label(n, lang), key="teach_cmp_lo")
    c2.selectbox(t("teach.cmp.high", lang), highs, format_func=lambda n: _label(n, lang), key="teach_cmp_hi")
    settings = dataclasses.replace(run.settings, correlate=False)
    runs = {}
    for side, name in (("lo", ss["teach_cmp_lo"]), ("hi", ss["teach_cmp_hi"])):
        try:
            runs[side] = lab.compute(run.image, _kernel(name), settings)
        except (kernels.KernelError, ValueError) as exc:
            st.error(t("teach.cmp.error", lang, detail=backend_message(exc, lang)), icon=":material/warning:")
            return
    spectra = {side: lab.spectra_uint8(r) for side, r in runs.items()}
    cols = st.columns(2, gap="medium")
    for col, side in zip(cols, ("lo", "hi")):
        r = runs[side]
        with col:
            name = _label(ss["teach_cmp_" + side], lang)
            hf = t("teach.cmp.hf", lang, ratio=f"{100 * r.hf_ratio:.1f}")
            st.markdown(f"**{name}**")
            a, b, c = st.columns(3)
            for col, pixels, key, values in ((a, output_pixels(r), "teach.cmp.output", r.output),
                                             (b, _small(spectra[side]["response"]), "teach.cmp.response", None),
                                             (c, _small(spectra[side]["output"]), "teach.cmp.spectrum", None)):
                col.image(pixels, caption=t(key, lang), width="stretch",
                          alt=alt_text(f"{name}: {t(key, lang)}", lang, values=values, note=hf))
            st.caption(hf)
    # one radial profile chart for both
    lo_res = runs["lo"].result
    f_lo, h_lo = radial_profile(lo_res.magnitude("response"))
    _, h_hi = radial_profile(runs["hi"].result.magnitude("response"))
    gain = float(runs["lo"].kernel.sum()) or 1.0
    _, h_rest = radial_profile(np.abs(1.0 - lo_res.response / gain))  # the complementary split's high-pass
    rest = t("teach.cmp.curve_rest", lang)
    curves = {
        t("teach.cmp.curve_low", lang, name=_label(ss["teach_cmp_lo"], lang)): h_lo,
        t("teach.cmp.curve_high", lang, name=_label(ss["teach_cmp_hi"], lang)): h_hi,
        rest: h_rest,
    }
    chart(
        fig.radial_compare_figure(
            f_lo, curves, title=t("teach.cmp.radial", lang), x_title=t("teach.cmp.freq", lang),
            y_title=t("teach.cmp.gain", lang), dashed=(rest,), projector=projector,
        ),
        alt_text(t("teach.cmp.radial", lang), lang, note=list(curves)),
        key="teach_cmp_radial",
        config={"displayModeBar": False},
    )
    _split(lang, run, runs["lo"])


def _split(lang: str, run, lo_run) -> None:
    """image = low-pass part + (image − low-pass part): the second is an edge image."""
    st.markdown(f"**{t('teach.cmp.split', lang)}**")
    image = run.image.image
    k = lo_run.kernel
    low = lo_run.output if abs(float(k.sum()) - 1.0) < 1e-9 else lo_run.output / float(k.sum() or 1.0)
    high = image - low
    err = float(np.abs(image - (low + high)).max())
    a, op1, b, op2, c = st.columns([4, 1, 4, 1, 4], vertical_alignment="center")
    parts = ((a, to_uint8(image), "teach.cmp.split.image", image), (b, to_uint8(low), "teach.cmp.split.low", low),
             (c, signed_display(high, "diverging", palette=run.settings.palette).pixels, "teach.cmp.split.high", high))
    for col, pixels, key, values in parts:
        col.image(_small(pixels), caption=t(key, lang), width="stretch", alt=alt_text(t(key, lang), lang, values=values))
    op1.markdown("## =")
    op2.markdown("## +")
    st.caption(t("teach.cmp.split.note", lang, err=f"{err:.1e}"))
