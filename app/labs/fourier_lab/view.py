"""Fourier Lab: what a spectrum means — one point is one wave, building an image from waves,
magnitude vs phase, the transform's properties, and undoing a blur.

Layout only: settings come from :mod:`app.labs.fourier_lab.schema` through the page contract,
the computation and display conversion from :mod:`app.labs.fourier_lab.pipeline`, the plotly
figures from :mod:`app.labs.fourier_lab.figures`. The image (sidebar) reruns the page; each tab
is a fragment, so a slider reruns one tab, and only the open tab is drawn.
"""

from __future__ import annotations

import streamlit as st

from app.backend import display
from app.backend import images as bimages
from app.labs.fourier_lab import figures as figs
from app.labs.fourier_lab import pipeline as lab
from app.labs.fourier_lab import questions as question
from app.labs.fourier_lab.parts import controls
from app.labs.fourier_lab.schema import BUILD_MODES, DEFAULT_SIZE, KEY, PROPERTIES, SCHEMA, SIZES, TABS
from app.ui import canvas, image_picker, page, shell
from app.ui.a11y import alt_text, chart
from app.ui.format import count, number
from app.ui.spectrum_readout import wave_readout
from app.ui.strings import t

lang = shell.lang()
proj = shell.projector()
ss = st.session_state

if not proj:  # on a projector the first screen is for the spectrum and the wave
    st.title(t("fl.title", lang))
    st.caption(t("fl.tagline", lang))
opened = page.open(SCHEMA, lang)
messages = st.container()

with st.sidebar:
    st.subheader(t("fl.side.image", lang))
    picked = image_picker.image_picker(lang, key=KEY, allow_colour=False, allow_size=False, allow_camera=False,
                                  messages=messages)
    st.select_slider(t("fl.size", lang), SIZES, key="fl_size", help=t("fl.size_help", lang))
    st.caption(t("fl.size_note", lang, size=DEFAULT_SIZE))
image, digest = picked.image, picked.digest
h, w = image.shape


def _title(key: str, **fmt) -> None:
    st.markdown(f"**{t(key, lang, **fmt)}**")


def _show(shown: lab.Shown, title_key: str, **fmt) -> None:
    """A titled picture with the line saying how its values became pixels (also its text alternative)."""
    _title(title_key, **fmt)
    note = lab.shown_note(shown, lang)
    st.image(display.encode_png(shown.pixels), width="stretch", alt=alt_text(t(title_key, lang, **fmt), lang, note=note))
    st.caption(note)


def _jpeg(data: bytes, title_key: str, caption_key: str | None = None) -> None:
    _title(title_key)
    note = t(caption_key, lang) if caption_key else ""
    st.image(data, width="stretch", output_format="JPEG", alt=alt_text(t(title_key, lang), lang, note=note))
    if caption_key:
        st.caption(note)


@controls.tab_fragment(lang)
def wave_section() -> None:
    s = page.current(SCHEMA)
    ss["fl_u"], ss["fl_v"] = u, v = lab.clamp_frequency((h, w), s.u, s.v)
    spec_u8 = lab.spectrum_view(digest, image)
    marked, cos_part, sin_part, info = lab.wave_view(spec_u8, u, v, shell.palette())
    left, right = st.columns([1, 1.3], gap="medium")
    with left:
        _title("fl.wave.spectrum")
        with st.container(key="fl_wave_spec"):
            click = canvas.click_image(marked, key="fl_click", width=min(marked.shape[1], 420),
                                       alt=alt_text(t("fl.wave.spectrum", lang), lang,
                                                    note=f"(u, v) = ({ss['fl_u']}, {ss['fl_v']})"))
        if click is not None and ss.get("_fl_last_click") != click:
            ss["_fl_last_click"] = click
            ss["fl_u"], ss["fl_v"] = lab.click_to_frequency(click, (h, w))
            st.rerun(scope="fragment")
        st.caption(t("fl.wave.click" if canvas.clicks_available() else "fl.wave.no_click", lang))
        page.slider(SCHEMA, "fl_u", t("fl.wave.u", lang), within=lab.freq_range(h))
        page.slider(SCHEMA, "fl_v", t("fl.wave.v", lang), within=lab.freq_range(w))
    with right:
        with st.container(key="fl_wave_readout"):
            st.markdown(wave_readout(info, lang))
        c1, c2 = st.columns(2)
        with c1, st.container(key="fl_wave_cos"):
            _show(cos_part, "fl.wave.cos")
        with c2:
            _show(sin_part, "fl.wave.sin")
        st.caption(t("fl.wave.crop", lang, h=min(h, lab.WAVE_CROP), w=min(w, lab.WAVE_CROP)) + " "
                   + t("fl.wave.self_mirror" if info.self_mirror else "fl.wave.pair", lang))


@controls.tab_fragment(lang)
def build_section() -> None:
    mode = st.radio(t("fl.build.mode", lang), BUILD_MODES, format_func=lambda m: t(f"fl.build.mode.{m}", lang),
                    key="fl_mode", horizontal=True)
    options = lab.k_options(image.size)
    if mode == "count":
        controls.k_slider(options, image.size, lang)
    else:
        page.slider(SCHEMA, "fl_r", t("fl.build.radius", lang))
    s = page.current(SCHEMA)
    b = lab.build(digest, image, mode, int(s.k), float(s.r))
    c1, c2, c3 = st.columns([1, 1, 1.3], gap="medium")
    with c1, st.container(key="fl_build_rec"):
        _show(b.shown, "fl.build.rec")
    with c2:
        _title("fl.build.kept")
        kept = (f"{t('fl.build.kept_n', lang)} {count(b.kept)}", t("fl.build.kept_cap", lang))
        alt = alt_text(t("fl.build.kept", lang), lang, note=kept)
        st.image(display.encode_png(display.enlarge(b.spectrum, 2)), width="stretch", alt=alt)
        st.caption(t("fl.build.kept_cap", lang))
    with c3:
        m1, m2 = st.columns(2)
        psnr = t("fl.build.exact", lang) if b.exact else f"{number(b.psnr, 4)} dB"
        m1.metric(t("fl.build.psnr", lang), psnr)
        if b.exact:
            m1.caption(t("fl.build.rounding", lang, psnr=f"{b.psnr:.0f}"))
        m2.metric(t("fl.build.kept_n", lang), count(b.kept))
        m2.caption(t("fl.build.share", lang, pct=number(100 * b.kept / b.total, 2), total=count(b.total)))
        curve = lab.psnr_curve(digest, image, options)
        chart(figs.psnr_figure(options, curve, b, lang, proj), figs.psnr_alt(b, lang), key="fl_psnr_chart",
              config={"displayModeBar": False})
        st.caption(t("fl.build.curve_cap", lang))


@controls.tab_fragment(lang)
def phase_section() -> None:
    names = bimages.sample_names()
    st.selectbox(t("fl.phase.b", lang), names, key="fl_b",
                 format_func=lambda n: bimages.SAMPLES.get(n, {}).get(lang, n))
    b_name = page.current(SCHEMA).b
    shown = lab.mag_phase(digest, image, b_name, shell.palette())
    swaps_shown = question.swap_question(image, lab.second_image(b_name, image.shape), lang)
    cols = st.columns(4, gap="small")
    for col, (name, title) in zip(cols, (("a", "fl.phase.a"), ("b", "fl.phase.bimg"), ("ab", "fl.phase.ab"),
                                         ("ba", "fl.phase.ba"))):
        with col:
            if name in ("ab", "ba") and not swaps_shown:
                _title(title)
                st.caption(t("q.hidden", lang))
            else:
                _show(lab.grey_pixels(image) if name == "a" else shown[name], title)
    if swaps_shown:  # it states the answer
        st.info(t("fl.phase.point", lang))
    c1, c2, c3 = st.columns([1, 1, 2], gap="small")
    with c1:
        _show(shown["mag"], "fl.phase.mag")
    with c2:
        _show(shown["phase"], "fl.phase.phase")
    with c3:
        st.markdown(t("fl.phase.explain", lang))


@controls.tab_fragment(lang)
def props_section() -> None:
    prop = st.segmented_control(t("fl.prop.pick", lang), PROPERTIES, key="fl_prop",
                                format_func=lambda p: t(f"fl.prop.{p}", lang)) or "shift"
    st.markdown(t(f"fl.prop.{prop}.explain", lang))
    params = controls.property_controls(prop, (h, w), lang)
    view = lab.property_view(digest, image, prop, params, shell.palette())
    cols = st.columns(4, gap="small")
    with cols[0]:
        _show(view.before, "fl.prop.before")
    with cols[1]:
        _show(view.after, "fl.prop.after")
    with cols[2]:
        _jpeg(view.spec_before, "fl.prop.spec_before")
    with cols[3]:
        _jpeg(view.spec_after, "fl.prop.spec_after")
        st.caption(lab.white_note(view, lang))
    with st.container(border=True, key="fl_prop_numbers"):
        _title("fl.prop.numbers")
        st.markdown("\n".join(f"- {t(key, lang)}: **{value}**" for key, value in view.numbers))


@controls.tab_fragment(lang)
def deconv_section() -> None:
    ctrl, main = st.columns([1, 3.2], gap="medium")
    with ctrl:
        controls.deconv_controls(lang)
    s = page.current(SCHEMA)
    d = lab.deconvolve(digest, image, lab.deconv_kernel(s), float(s.noise), s.boundary, shell.palette())
    k = 10.0 ** float(s.kw)
    wr = lab.wiener(image, d, k)
    with main:
        restored_shown = question.wiener_question(question.wiener_facts(d, wr.rmse, k), lang)
    with ctrl:
        st.button(t("fl.dec.use_best", lang), key="fl_best_btn", on_click=ss.__setitem__,
                  args=("fl_kw", lab.nearest_exponent(d.best.k)))
        st.caption(t("fl.dec.best", lang, k=number(d.best.k, 3), rmse=f"{d.best.rmse:.4f}", n=d.best.evaluations))
    with main:
        st.warning(t("fl.dec.model", lang))
        r1 = st.columns(3, gap="small")
        with r1[0]:
            _show(lab.grey_pixels(d.blurred), "fl.dec.blurred")
        with r1[1]:
            _show(d.boundary_diff, "fl.dec.diff")
            st.caption(t("fl.dec.diff_cap", lang, peak=number(d.boundary_peak, 3)))
        with r1[2]:
            _jpeg(d.spec_blurred, "fl.dec.spec_blurred")
        r2 = st.columns(3, gap="small")
        with r2[0]:
            _show(d.inverse, "fl.dec.inverse")
        with r2[1]:
            _jpeg(d.h_panel, "fl.dec.h")
            st.caption(t("fl.dec.h_cap", lang, n=d.suppressed, pct=f"{100 * d.suppressed / image.size:.1f}"))
        with r2[2], st.container(key="fl_dec_wiener"):
            if restored_shown:
                _show(wr.shown, "fl.dec.wiener", k=number(k, 2))
            else:
                _title("fl.dec.wiener", k=number(k, 2))
                st.caption(t("q.hidden", lang))
        m = st.columns(4)
        m[0].metric(t("fl.dec.m_blurred", lang), f"{d.blurred_rmse:.4f}")
        m[1].metric(t("fl.dec.m_inverse", lang), number(d.inverse_rmse))
        m[2].metric(t("fl.dec.m_wiener", lang), f"{wr.rmse:.4f}" if restored_shown else "?")
        m[3].metric(t("fl.dec.m_rough", lang), f"{wr.roughness:.4f}", help=t("fl.dec.rough_help", lang))
        g1, g2, g3 = st.columns([1.4, 1, 1], gap="small")
        with g1:
            chart(figs.wiener_figure(d, k, lang, proj), figs.wiener_alt(d, lang), key="fl_wiener_chart",
                  config={"displayModeBar": False})
        with g2:
            _jpeg(wr.spec_restored, "fl.dec.spec_restored")
        with g3:
            _jpeg(wr.spec_error, "fl.dec.spec_error", "fl.dec.spec_cap")


SECTIONS = (wave_section, build_section, phase_section, props_section, deconv_section)
labels = [t(f"fl.tab.{name}", lang) for name in TABS]
if ss.get("_fl_tabs") != labels[TABS.index(opened.tab)]:  # the URL keeps the tab id, the widget its label; set
    ss["_fl_tabs"] = labels[TABS.index(opened.tab)]  # only on a change (a set widget is re-made: focus lost)


def _on_tab() -> None:
    ss["fl_tab"] = TABS[labels.index(ss["_fl_tabs"])]


tabs = st.tabs(labels, key="_fl_tabs", on_change=_on_tab)
for tab, section in zip(tabs, SECTIONS):
    with tab:
        if tab.open is not False:  # only the open tab is drawn
            section()
page.close()
