"""The Image Lab: spatial convolution next to the spectra — f ∗ h ↔ F · H.

Layout only. The image and the rarely changed settings sit in the sidebar and the views in tabs
(changing either reruns the page). Inside the open tab one fragment holds the kernel controls
and that tab's view, so a slider move reruns only the fragment and re-sends only what a move
changes. The computation is :mod:`app.labs.image_lab.pipeline`, the words :mod:`app.labs.image_lab.parts.text`.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

import kernels
from app.backend import display
from app.labs.image_lab import figures as figs
from app.labs.image_lab import pipeline as lab
from app.labs.image_lab import teaching
from app.labs.image_lab.parts import text as words
from app.labs.image_lab.schema import BOUNDARIES, DB, SETTINGS, SIGNED_MODES
from app.ui import image_picker, kernel_picker, live_slider, page, shell
from app.ui.a11y import alt_text
from app.ui.format import number
from app.ui.safe_text import literal
from app.ui.strings import t

lang = shell.lang()
proj = shell.projector()
s = page.open(SETTINGS, lang)

if not proj:  # on a projector the first screen is for the figures and the sliders
    st.title(t("il.title", lang))
    st.caption(t("app.tagline", lang))
messages = st.container()
if not proj:
    with st.expander(t("il.explain.title", lang), expanded=False):
        st.latex(r"(f * h)[n] = \sum_m f[m]\, h[n-m] \quad\Longleftrightarrow\quad \mathcal{F}\{f * h\} = F \cdot H")
        st.markdown(t("il.explain.body", lang))

with st.sidebar:
    st.subheader(t("il.side.image", lang))
    picked = image_picker.image_picker(
        lang, key="il", allow_size=not proj, allow_camera=not proj, publish=True, live_camera=True, messages=messages
    )
    if picked.source == "upload" and s.source == "upload":
        st.caption(t("state.upload_not_in_link", lang))
    st.subheader(t("il.side.settings", lang))
    st.radio(t("il.boundary", lang), BOUNDARIES, format_func=lambda b: t(f"il.boundary.{b}", lang),
             key="il_boundary", horizontal=True, help=t("il.boundary_help", lang))
    st.caption(t(f"il.boundary.{st.session_state['il_boundary']}.explain", lang))
    st.toggle(t("il.correlate", lang), key="il_correlate")
    st.caption(t("il.correlate_explain", lang))
    if not proj:
        with st.expander(t("il.display", lang), expanded=False):
            st.selectbox(t("il.signed", lang), SIGNED_MODES, format_func=lambda m: t(f"il.signed.{m}", lang),
                         key="il_signed", help=t("il.signed_help", lang))
            st.toggle(t("il.shared", lang), key="il_shared", help=t("il.shared_help", lang))
            live_slider.live_slider("il_db", DB, t("il.db", lang), help=t("il.db_help", lang))
            if picked.is_colour:
                st.toggle(t("il.perchan", lang), key="il_perchan", help=t("il.perchan_help", lang))

KERNEL_SIDE = 360 if proj else 300
FONT_PX = 30 if proj else 21  # the spectrum panels are shown at ~250–450 px: ticks at ≥ 14 px on a projector
VIEWS = ("main", "boundary", *teaching.TABS)


def _controls() -> kernel_picker.PickedKernel:
    if not proj:
        st.subheader(t("il.side.kernel", lang))
    pk = kernel_picker.kernel_picker(lang, key="il")
    if pk.error:
        st.error(t("il.err.kernel", lang, detail=pk.error))
    return teaching.apply_kernel_source(lang, pk)  # catalogue / my kernel (edited, drawn, designed)


def _panel(title: str, image: bytes, caption_key: str, extra: str = "", fmt: str = "JPEG", **values) -> None:
    """A panel's title, image and explanation (the text of ``caption_key`` formatted with ``values``): two
    elements (the explanation is the image's caption; on a projector there is none, so all six panels fit)."""
    st.markdown(f"**{title}**")
    explanation = words.explained(caption_key, lang, extra, **values)
    st.image(image, width="stretch", output_format=fmt, caption=None if proj else explanation,
             alt=alt_text(title, lang, note=explanation))  # what a screen reader says


def _jpeg(pixels: np.ndarray) -> bytes:
    return display.encode_jpeg(pixels)


def _main_view(run: lab.LabRun, aside) -> None:
    st_ = run.settings
    input_jpeg, fin_jpeg = lab.static_panels(run, FONT_PX)
    # shared by every session: rendered once per result; mid-drag a draft (no theorem check)
    drawn = lab.main_panels(run, FONT_PX, KERNEL_SIDE, draft=live_slider.any_dragging())
    od = drawn.output
    c1, c2, c3 = st.columns(3, gap="small")
    with c1, st.container(key="il_in_panel"):
        _panel(t("il.panel.input", lang), input_jpeg, "il.panel.input_cap", words.input_note(run.image, s.size, lang))
    with c2:
        _panel(t("il.panel.kernel", lang), drawn.kernel_png, "il.panel.kernel_cap", words.kernel_note(run.kernel, lang), "PNG")
    with c3, st.container(key="il_out_panel"):
        _panel(t("il.panel.output", lang), drawn.output_jpeg, "il.panel.output_cap", words.output_note(od, lang))
        if od.mode == "clip" and not proj:
            st.warning(t("il.out.clip_note", lang, pct=f"{100 * od.clipped_fraction:.1f}"))
    if proj:  # how the output is shown still matters (signed maps): beside the kernel's sliders
        aside.caption(words.output_note(od, lang))
    d1, d2, d3 = st.columns(3, gap="small")
    with d1:
        _panel(t("il.panel.fin", lang), fin_jpeg, "il.panel.fin_cap")
    with d2:
        _panel(t("il.panel.h", lang), drawn.response_jpeg, "il.panel.h_cap", words.white_note(lab.response_white(run), lang))
    with d3:
        _panel(t("il.panel.fout", lang), drawn.output_spectrum_jpeg, "il.panel.fout_cap")
    st.caption(words.scale_note(st_.shared_scale, st_.db, lab.response_white(run), lang, lab.output_saturation(run)))
    if run.image.is_colour and s.perchan and not proj:
        _per_channel_spectra(run)
    _radial(run, drawn)
    _theorem(run, drawn.theorem)


def _per_channel_spectra(run: lab.LabRun) -> None:
    """Input and output spectra of each colour channel (on request: three more FFT pairs)."""
    st.markdown(f"**{t('il.perchan.title', lang)}**")
    for c, (col, name) in enumerate(zip(st.columns(3, gap="small"), ("r", "g", "b"))):
        fin, fout = lab.channel_spectra(run, c, FONT_PX)
        with col:
            st.caption(t(f"il.chan.{name}", lang))
            for pixels, key in ((fin, "il.perchan.in"), (fout, "il.perchan.out")):
                st.image(pixels, width="stretch", output_format="JPEG", caption=t(key, lang),
                         alt=alt_text(f"{t(f'il.chan.{name}', lang)}: {t(key, lang)}", lang))


def _radial(run: lab.LabRun, drawn: lab.MainPanels) -> None:
    """The radial chart (an SVG image: a browser redraws it far faster than a plotly chart)."""
    labels = words.radial_labels(run.kernel, lang)
    heading = words.radial_heading(run.settings.family, drawn.hf_ratio, lang)
    st.markdown(f"#### {heading}")
    svg = figs.radial_svg(drawn.radial, names=labels, x_title=labels["x"], y_title=labels["y"],
                          band_note=labels["band"], width=760, height=380 if proj else 320, projector=proj)
    with st.container(key="il_radial"):
        read = t("il.radial.read", lang) + " " + t("il.hf.help", lang)
        st.image(svg, width="stretch", caption=None if proj else read, alt=alt_text(heading, lang, note=read))


def _theorem(run: lab.LabRun, check: lab.TheoremCheck | None) -> None:
    if check is None:  # a draft: the same box, checked again when the slider is released
        st.success(t("il.theorem.on_release", lang), icon=":material/check_circle:")
        return
    if st.session_state.pop("_il_full_check", False):  # the button below asked for every pixel
        check = lab.theorem_check(run, full=True)
    st.success(words.theorem_note(check, run.result.grid, lang), icon=":material/check_circle:")
    if not check.full and not proj:
        st.button(t("il.theorem.run", lang), key="il_theorem_btn",
                  on_click=lambda: st.session_state.__setitem__("_il_full_check", True))


def _boundary_view(run: lab.LabRun) -> None:
    st.markdown(t("il.wrap.intro", lang))
    diff, other, peak = lab.wrap_difference(run)
    diff_pixels = lab.display_output(diff, "diverging", palette=run.settings.palette, limit="peak", signed=True).pixels
    b1, b2 = st.columns([1, 1], gap="medium")
    with b1:
        this = t(f"il.boundary.{run.settings.boundary}", lang)
        _panel(t("il.wrap.diff_title", lang, this=this, other=t(f"il.boundary.{other}", lang)),
               _jpeg(diff_pixels), "il.wrap.diff_cap", peak=number(peak, 3))
    with b2:
        for b in BOUNDARIES:
            mark = "▶ " if b == run.settings.boundary else ""
            st.markdown(f"{mark}**{t(f'il.boundary.{b}', lang)}** — {t(f'il.boundary.{b}.explain', lang)}")
        st.info(t("il.wrap.tip", lang))


@st.fragment
def kernel_and_view(view: str) -> None:
    """The kernel controls and one view: what a slider move reruns."""
    ctrl, main = st.columns([1.6, 4] if proj else [1, 3.2], gap="medium")
    with ctrl:
        caption = st.container(key="present_caption") if proj else None
        pk = _controls()
        aside = st.empty()  # projector mode: how the output is shown
        if caption is not None:  # what the back row needs to follow: the kernel and its numbers, large
            caption.markdown(words.kernel_caption(pk.name, pk.params, lang))
    with main:
        settings = lab.settings_for(page.current(SETTINGS), pk.name, kernels.family(pk.name), pk.params, projector=proj)
        try:
            run = lab.compute(picked, pk.kernel, settings)
        except ValueError as exc:  # a kernel the analysis refuses: say so, keep the page
            st.error(t("il.err.compute", lang, detail=literal(str(exc), limit=300)))
        else:
            with ctrl:  # what conv/corr does to this kernel, under the controls that choose both
                for note in words.operation_notes(run.kernel, settings.correlate, lang):
                    st.caption(note)
            if view == "main":
                _main_view(run, aside)
            elif view == "boundary":
                _boundary_view(run)
            else:
                teaching.render_view(view, lang, run, projector=proj)
    page.close()


# the tab bar lives outside the fragment (a move does not re-send it); only the open tab is drawn
tabs = st.tabs([t(f"il.tab.{v}", lang) for v in VIEWS[:2]] + teaching.tab_labels(lang), key="il_tab", on_change="rerun")
for view, tab in zip(VIEWS, tabs):
    if getattr(tab, "open", None) is not False:
        with tab:
            kernel_and_view(view)
        break
page.close()
