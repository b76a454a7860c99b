"""The Filter Designer: shape the spectrum directly and see the spatial kernel it implies.

Flow: image (sidebar, full rerun) → one fragment that owns every control: parametric mask ×
notches × free-hand regions → the cached image FFT applies the mask → panels (input, spectrum
with the mask, output, removed part, output spectrum, radial profile) → the implied kernel
(IFFT of the mask, cropped; "use as kernel" sends it to the Image Lab) → leakage (window).
Layout only: settings from :mod:`app.labs.filter_designer.schema` through the page contract,
rules from :mod:`~app.labs.filter_designer.parts.design`, sections from :mod:`~app.labs.filter_designer.parts.panels`.

Clicks on the spectrum arrive as plotly selection events on an invisible grid of scatter
points (selection does not work on image traces); a click adds a notch, a lasso adds a
free-hand region. The chart's key changes after each handled event so the next click is new.
"""

from __future__ import annotations

import functools

import numpy as np
import streamlit as st

from app.backend import display, spectrum_reading
from app.backend import filtering as flt
from app.labs.filter_designer import figures as figs
from app.labs.filter_designer import pipeline
from app.labs.filter_designer import questions as question
from app.labs.filter_designer.parts import actions, design, panels
from app.labs.filter_designer.schema import DEMO_SAMPLE, PICKER_KEYS, SCHEMA
from app.ui import image_picker, live_slider, page, shell
from app.ui.a11y import alt_text, chart
from app.ui.errors import backend_message
from app.ui.format import number
from app.ui.safe_text import literal
from app.ui.strings import t

lang = shell.lang()
proj = shell.projector()
ss = st.session_state
SPECTRUM_SIDE = 400  # px sent for the clickable spectrum (shown ~350-450 px wide)

if not proj:  # on a projector the first screen is for the spectrum and the output
    st.title(t("fd.title", lang))
    st.caption(t("fd.intro", lang))
page.open(SCHEMA, lang)
actions.start()
messages = st.container()

# ---- image (sidebar; a change reruns the whole page) ---------------------------------------
with st.sidebar:
    st.subheader(t("fd.side.image", lang))
    lab_image = image_picker.current_image()
    if lab_image is not None:
        st.toggle(t("fd.use_lab", lang), key="fd_use_lab", help=t("fd.use_lab_help", lang))
    if lab_image is not None and ss["fd_use_lab"]:
        picked = lab_image
        st.caption(t("fd.lab_image", lang, name=literal(picked.name), w=picked.image.shape[1], h=picked.image.shape[0]))
    else:
        picked = image_picker.image_picker(lang, key="fd", allow_size=not proj, allow_camera=not proj, messages=messages)
        if picked.source == "upload" and ss["fd_source"] == "upload":
            st.caption(t("state.upload_not_in_link", lang))


def _mask(shape: tuple[int, int], s) -> tuple[np.ndarray, design.MaskSpec, tuple, tuple, np.ndarray | None]:
    """The design's mask, the parametric spec used, notches, regions and painting; an invalid
    parametric setting is reported and the last good one used."""
    pmask, spec, error = design.parametric(shape, design.MaskSpec.of(s), ss.get(actions.LAST_GOOD))
    if error is None:
        ss[actions.LAST_GOOD] = spec
    else:
        st.error(design.mask_error(design.MaskSpec.of(s), error, lang), icon=":material/warning:")
    regions, paint = tuple(ss[actions.REGIONS]), ss[actions.PAINT]
    if paint is not None and paint.shape != shape:  # painted on another image
        paint = ss[actions.PAINT] = None
    mask = design.full_mask(pmask, s.notches, s.notch_r, s.notch_kind, regions, paint, s.smooth)
    return mask, spec, tuple(s.notches), regions, paint


# ---- the designer (reruns alone on every control change) ------------------------------------
@st.fragment
def designer(picked: image_picker.PickedImage) -> None:
    s = page.refresh(SCHEMA, skip=PICKER_KEYS)
    shape = picked.image.shape[:2]
    height = 470 if proj else 400
    if picked.name == DEMO_SAMPLE and not s.notches and s.shape == "none" and not proj:
        st.info(t("fd.demo_hint", lang), icon=":material/lightbulb:")

    mask_box, result_box = shell.figures_first(proj)
    with mask_box:
        st.subheader(t("fd.sec.mask", lang))
        panels.controls(picked, s, lang, proj)
        panels.message()
    s = page.current(SCHEMA)

    with result_box:
        ask = st.container()  # the question comes before the result; it needs the mask, built below
        if not proj:
            st.subheader(t("fd.sec.result", lang))
        r1, r2, r3 = st.columns([1, 1.3, 1], gap="small")
    painting = s.tool == "paint"
    if painting:
        with r2:  # the brush runs before the mask is built, so a stroke shows at once
            panels.brush(picked, s, lang)
    else:
        ss[actions.CANVAS_BG] = None  # the next brush session starts from the current mask
    mask, spec, notches, regions, paint = _mask(shape, s)
    with ask:
        output_shown = question.effect_question(mask, lang)

    filt = pipeline.filter_for(picked, s.window)
    res = filt.apply(mask)
    windowed = flt.apply_window(picked.image, s.window)  # what the FFT saw (the cached filter does not keep it)
    vmax, db_range = filt.display_range
    zoom = 1 if proj else int(s.zoom)
    view = spectrum_reading.overlay_mask(display.spectrum_to_uint8(res.spectrum_in, db_range, vmax=vmax), mask)
    ss[actions.FULL_VIEW] = display.downsample_for_display(view, panels.VIEW_SIDE)  # the brush canvas's background
    view, yedges, xedges = design.zoom_crop(view, zoom)
    half = 0.5 / zoom
    designed = design.describe(spec, len(notches), bool(regions) or paint is not None, lang)

    with r1, st.container(key="fd_input_panel"):
        st.markdown(f"**{t('fd.panel.input', lang)}**")
        panels.jpeg(display.to_uint8(np.clip(windowed, 0.0, 1.0)), alt_text(t("fd.panel.input", lang), lang, values=windowed))
    with r2:
        if not painting:
            st.markdown(f"**{t('fd.panel.spectrum', lang)}**")
            fig = figs.spectrum_figure(
                display.downsample_for_display(view, SPECTRUM_SIDE), x_edges=xedges, y_edges=yedges, half_range=half,
                notches=list(notches), notch_radius=s.notch_r, tool=s.tool, cutoffs=spec.cutoffs,
                x_title=t("fd.axis.fx", lang), y_title=t("fd.axis.fy", lang), height=height, projector=proj,
            )
            chart_key = f"fd_spectrum_{ss[actions.CLICKS]}"
            chart(
                fig, alt_text(t("fd.panel.spectrum", lang), lang, note=designed), key=chart_key, on_select=functools.partial(actions.on_select, chart_key, picked, half),
                selection_mode=("points", "box", "lasso"), width="stretch",
                config={"displaylogo": False, "modeBarButtonsToRemove": ["toImage"]},
            )
            st.caption(t("fd.panel.spectrum_cap", lang))
    with r3, st.container(key="fd_output_panel"):
        st.markdown(f"**{t('fd.panel.output', lang)}**")
        pixels, caption, values = design.output_view(res.output, mask)
        if not output_shown:
            st.caption(t("q.hidden", lang))
        else:
            note = t(caption, lang, **values) if caption else ""
            panels.jpeg(pixels, alt_text(t("fd.panel.output", lang), lang, values=res.output, note=(designed, note)))
            if caption:
                st.caption(note)

    d1, d2, d3 = st.columns([1, 1, 1.3], gap="small")
    with d1:
        removed, peak = design.removed_view(windowed - res.output, shell.palette())
        st.markdown(f"**{t('fd.panel.diff', lang)}**")
        removed_note = t("fd.panel.diff_cap", lang, peak=number(peak))
        panels.jpeg(removed, alt_text(t("fd.panel.diff", lang), lang, note=removed_note))
        st.caption(removed_note)
    with d2:
        st.markdown(f"**{t('fd.panel.fout', lang)}**")
        panels.jpeg(design.zoom_crop(display.spectrum_to_uint8(res.spectrum_out, db_range, vmax=vmax), zoom)[0],
                    alt_text(t("fd.panel.fout", lang), lang, note=designed))
        st.caption(t("fd.panel.fout_cap", lang))
    with d3:
        def radial():
            prof = spectrum_reading.masked_radial_profiles(res.spectrum_in, mask)
            return figs.radial_figure(
                prof["freqs"], prof["input"], prof["output"], prof["mask"],
                names={k: t(f"fd.radial.{k}", lang) for k in ("input", "output", "mask")},
                x_title=t("fd.radial.x", lang), y_title=t("fd.radial.y", lang),
                y2_title=t("fd.radial.y2", lang), height=height - 40, projector=proj,
            )
        st.markdown(f"**{t('fd.radial.title', lang)}**")
        # a secondary chart: mid-drag it keeps its last picture (a draft), the release redraws it
        chart(live_slider.settled("fd_radial", radial), alt_text(t("fd.radial.title", lang), lang, note=designed),
              key="fd_radial", config=panels.CFG, width="stretch")
    st.caption(t("fd.imag", lang, imag=f"{res.imag_max:.1e}"))

    panels.notch_list(notches, regions, paint, lang)
    panels.kernel(mask, spec, notches, regions, bool(regions) or paint is not None, lang, proj, height)
    panels.leakage(picked, lang)
    with st.expander(t("fd.explain.title", lang), expanded=False):
        st.markdown(t("fd.explain.body", lang))
    page.close()


try:
    designer(picked)
except (ValueError, MemoryError) as exc:  # never a traceback
    st.error(t("fd.err.image", lang, detail=backend_message(exc, lang)))
