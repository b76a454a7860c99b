"""Signal Lab: 1-D convolution as flip + slide + multiply + add, animated, with spectra."""

from __future__ import annotations

import streamlit as st

from app.backend import signals as sg
from app.labs.signal_lab import questions as maximum
from app.labs.signal_lab.parts import animation_export as take_away
from app.labs.signal_lab.parts import hear
from app.labs.signal_lab.pipeline import build
from app.labs.signal_lab.schema import SCHEMA, WHICH, param_key
from app.ui import live_slider, page, shell, takeaway
from app.ui.a11y import alt_text, chart
from app.ui.errors import backend_message
from app.ui.format import number
from app.ui.strings import t


def signal_picker(which: str, lang: str) -> tuple[str, tuple, tuple | None]:
    """Shape + parameter sliders (+ numbers for the custom signal). Returns (kind, params, values)."""
    names = sg.signal_names()
    specs = {s.name: s for s in sg.signal_catalog()}
    kind = st.selectbox(t("sl.kind", lang), names, format_func=lambda n: specs[n].label[lang], key=f"sl_{which}_kind")
    spec = specs[kind]
    params = []
    cols = st.columns(2)
    for i, p in enumerate(spec.params):
        with cols[i % 2]:
            params.append((p.name, page.slider(SCHEMA, param_key(which, kind, p.name), p.label[lang])))
    values = None
    if kind == "custom":
        good_key = f"_sl_{which}_values_good"
        text = st.text_area(t("sl.custom_values", lang), key=f"sl_{which}_values", height=80,
                            help=t("sl.custom_help", lang))
        try:
            values = tuple(float(v) for v in sg.parse_values(text))
            st.session_state[good_key] = values
        except ValueError as exc:
            st.error(t("sl.custom_bad", lang, error=backend_message(exc, lang)))
            values = st.session_state.get(good_key, tuple(sg.DEFAULT_CUSTOM_VALUES))
    else:
        st.caption(t("sl.formula", lang, formula=spec.formula))
    return kind, tuple(params), values


def _time_slider(mode: str, lang: str) -> float:
    """The still picture's time: t (continuous) or n (discrete)."""
    if mode == "discrete":
        return float(page.slider(SCHEMA, "sl_n", t("sl.n", lang)))
    return float(page.slider(SCHEMA, "sl_t", t("sl.t", lang)))


lang = shell.lang()
projector = shell.projector()
if not projector:  # on a projector the first screen is for the flip-and-slide chart
    st.title(t("sl.title", lang))
    st.markdown(t("sl.tagline", lang))
page.open(SCHEMA, lang)

if not projector:
    with st.expander(t("sl.explain_title", lang), expanded=False):
        st.markdown(t("sl.explain", lang))
        st.markdown(t("sl.explain_discrete", lang))
        st.markdown(t("sl.explain_corr", lang))
first_screen = st.container()  # projector mode: the chart comes first, its controls below it

if projector:  # wide boxes for big type: f and g side by side, the view controls in a row below
    col_f, col_g = st.columns(2)
    col_c = st.container()
else:
    col_f, col_g, col_c = st.columns([1, 1, 0.9])
picked = {}
for which, col in zip(WHICH, (col_f, col_g)):
    with col, st.container(border=True):
        st.markdown(f"**{t('sl.f_box' if which == 'f' else 'sl.g_box', lang)}**")
        picked[which] = signal_picker(which, lang)

with col_c, st.container(border=True):
    c1, c2, c3 = st.columns([1.4, 1.4, 2]) if projector else (st.container(), st.container(), st.container())
    with c1:
        mode = st.radio(t("sl.mode", lang), sg.MODES, format_func=lambda m: t(f"sl.mode.{m}", lang), key="sl_mode",
                        horizontal=True)
    with c2:
        correlate = st.toggle(t("sl.correlate", lang), key="sl_corr", help=t("sl.correlate_help", lang))
    with c3:
        position = _time_slider(mode, lang)

if correlate:
    st.info(t("sl.correlate_help", lang))

pad = page.current(SCHEMA).pad
# mid-drag a draft: the slide chart without its Play frames (the release redraws them)
result = build(mode, picked["f"], picked["g"], bool(correlate), round(position, 6), pad, lang, projector,
               live_slider.any_dragging())
var = "n" if mode == "discrete" else "t"
with col_c:  # under the convolution/correlation switch: what it changes for this g
    st.caption(maximum.symmetry_note(result["g_centre"], result["peaks"], var, lang))

if projector:
    time_col, freq_col = first_screen, st.container()
else:
    time_col, freq_col = st.columns([3, 2], gap="medium")

with time_col:
    key = "sl.readout_sum" if mode == "discrete" else "sl.readout"
    readout = t(key, lang, var=var, t=number(result["t"]), area=number(result["area"]), y=number(result["y"]))
    if not projector:  # the chart's own top line shows t, the area and y
        st.markdown(readout)
    slide_alt = alt_text(t("sl.fig.top_corr" if correlate else "sl.fig.top", lang), lang,
                         note=(t("sl.fig.bottom", lang), readout.replace("**", "")))
    chart(result["slide_fig"], slide_alt, key="sl_slide_chart", config={"displayModeBar": False})
    if not projector:
        st.caption(t("sl.play_hint", lang))
    if result["impulses"]:
        st.caption(t("sl.impulse_note", lang))
    maximum.exercise(result["times"], result["ys"], mode, lang,
                     maximum.peak_reason(result["times"], result["ys"], result["f_span"], result["g_span"],
                                         bool(correlate), var, lang))
    with st.expander(t("sl.anim.title", lang)):
        recipe = (mode, picked["f"], picked["g"], bool(correlate))
        takeaway.offer("sl", recipe, lang, lambda: take_away.frames(take_away.slide_data(*recipe), mode, lang),
                       "convscope_flip_and_slide")
        st.caption(t("sl.anim.note", lang))

with freq_col:
    st.markdown(f"**{t('sl.freq_tab', lang)}**")
    st.toggle(t("sl.pad", lang), key="sl_pad", help=t("sl.pad_help", lang))
    spec_box, check_box = st.columns(2) if projector else (st.container(), st.container())
    with spec_box:
        chart(result["spec_fig"], alt_text(t("sl.fig.spec_title", lang), lang, note=t("sl.freq_explain", lang)),
              key="sl_spec_chart", config={"displayModeBar": False})
        st.caption(t("sl.freq_explain", lang))
    err = f"{result['error']:.2e}"
    fft_note = t("sl.fft_padded" if pad else "sl.fft_circular", lang, n=result["n_fft"], needed=result["needed"], err=err)
    with check_box:
        chart(result["check_fig"], alt_text(t("sl.fig.check_title", lang), lang, note=fft_note),
              key="sl_check_chart", config={"displayModeBar": False})
    if pad:
        st.success(fft_note)
    else:
        st.warning(fft_note)
        st.caption(t("sl.fft_wrap_tip", lang))
hear.render(lang, projector)
page.close()
