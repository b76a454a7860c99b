"""The Filter Designer's sections, drawn by its view: mask controls, brush canvas, notch list,
the implied kernel and leakage. Every number and rule comes from :mod:`.design`."""

from __future__ import annotations

from typing import Any

import numpy as np
import streamlit as st
from PIL import Image

from app.backend import display, mask_kernel
from app.backend import filtering as flt
from app.backend.panels import kernel_panel
from app.labs.filter_designer import figures as figs
from app.labs.filter_designer import pipeline
from app.labs.filter_designer.parts import actions, design
from app.labs.filter_designer.schema import CROP, NOTCH_KINDS, SCHEMA, TOOLS, ZOOMS
from app.ui import canvas, live_slider, page, shell
from app.ui.a11y import alt_text, chart
from app.ui.image_picker import PickedImage
from app.ui.strings import t

BRUSH_SIDE = 340  # px: fits the middle column next to the sidebar
VIEW_SIDE = 512  # px of the image panels
CFG = {"displayModeBar": False}


def jpeg(pixels: np.ndarray, alt: str) -> None:
    """An image panel (uint8 ``pixels``) with its text alternative ``alt`` (:func:`app.ui.a11y.alt_text`)."""
    st.image(display.encode_jpeg(display.downsample_for_display(pixels, VIEW_SIDE)), width="stretch", alt=alt)


def controls(picked: PickedImage, s: Any, lang: str, proj: bool) -> None:
    """Mask shape and band, cutoffs, notches, and the tool for the spectrum."""
    c1, c2, c3, c4 = st.columns([1.1, 1.1, 1.2, 1.1], gap="medium")
    with c1:
        kind = st.selectbox(t("fd.shape", lang), flt.MASK_SHAPES, format_func=lambda v: t(f"fd.shape.{v}", lang),
                            key="fd_shape")
        st.caption(t(f"fd.shape.explain.{kind}", lang))
        band = st.radio(t("fd.band", lang), flt.MASK_BANDS, format_func=lambda b: t(f"fd.band.{b}", lang),
                        key="fd_band", horizontal=True, disabled=kind == "none")
    with c2:
        two = band in ("bandpass", "bandstop")
        page.slider(SCHEMA, "fd_lo", t("fd.low" if two else "fd.cutoff", lang), help=t("fd.cutoff_help", lang),
                    disabled=kind == "none")
        if two:
            page.slider(SCHEMA, "fd_hi", t("fd.high", lang), disabled=kind == "none")
        if kind == "butterworth":
            page.slider(SCHEMA, "fd_order", t("fd.order", lang))
    with c3:
        st.markdown(f"**{t('fd.sec.notch', lang)}**")
        if not proj:
            st.radio(t("fd.notch_kind", lang), NOTCH_KINDS, format_func=lambda v: t(f"fd.notch_kind.{v}", lang),
                     key="fd_notch_kind", horizontal=True)
        page.slider(SCHEMA, "fd_notch_r", t("fd.notch_r", lang))
        if not proj:
            st.toggle(t("fd.snap", lang), key="fd_snap", help=t("fd.snap_help", lang))
        st.button(t("fd.detect", lang), key="fd_detect", on_click=actions.on_detect, args=(picked,),
                  help=t("fd.detect_help", lang), type="primary", width="stretch", icon=":material/my_location:")
        st.button(t("fd.clear", lang), key="fd_clear", on_click=actions.on_clear_notches, width="stretch",
                  disabled=not s.notches)
    with c4:
        tool = st.radio(t("fd.tool", lang), TOOLS, format_func=lambda v: t(f"fd.tool.{v}", lang), key="fd_tool")
        st.caption(t(f"fd.tool.explain.{tool}", lang))
        if not proj:
            st.select_slider(t("fd.zoom", lang), ZOOMS, format_func=lambda z: t(f"fd.zoom.{z}", lang), key="fd_zoom")
            page.slider(SCHEMA, "fd_smooth", t("fd.free.smooth", lang), help=t("fd.free.smooth_help", lang))
        if tool == "paint":  # release-only: only the next stroke uses the brush width, no picture changes with it
            st.slider(t("fd.brush", lang), 4, 40, step=1, key="fd_brush")


def message() -> None:
    """The message a callback left (once)."""
    msg = st.session_state.pop(actions.MESSAGE, None)
    if msg:
        kind, text = msg
        getattr(st, kind if kind in ("success", "warning") else "info")(text)


def brush(picked: PickedImage, s: Any, lang: str) -> None:
    """A drawing canvas over the whole spectrum: painted strokes are removed (and mirrored).

    The painting = that of earlier brush sessions (tinted in the canvas background) | what the
    canvas holds now, so the canvas's own undo and delete buttons act on this session's strokes.
    """
    ss = st.session_state
    shape = picked.image.shape[:2]
    bg = ss.get(actions.CANVAS_BG)
    if bg is None:  # (re)mount: background = spectrum with the current mask, strokes restored
        full = ss.get(actions.FULL_VIEW)
        if full is None or full.shape[:2] != display.downsample_for_display(np.zeros(shape, np.uint8), VIEW_SIDE).shape:
            filt = pipeline.filter_for(picked, s.window)  # first run of the page: the plain spectrum
            vmax, dr = filt.display_range
            full = display.downsample_for_display(display.spectrum_to_uint8(filt.spectrum, dr, vmax=vmax), VIEW_SIDE)
        bg = ss[actions.CANVAS_BG] = Image.fromarray(full)
        ss[actions.PAINT_BASE] = ss.get(actions.PAINT)
        ss[actions.CANVAS_V] = ss.get(actions.CANVAS_V, 0) + 1
    st.markdown(f"**{t('fd.panel.brush', lang)}**")
    with st.container(key="fd_brush_area"):
        drawing = canvas.drawing_canvas(key=f"fd_canvas_{ss[actions.CANVAS_V]}", side=BRUSH_SIDE,
                                        stroke_width=int(s.brush), stroke_color=figs.NOTCH_COLOR,
                                        background_image=bg, grid_cells=31)
    if drawing.backend == "grid":
        st.caption(t("fd.brush.grid", lang))
    if drawing.backend == "grid" or drawing.json is not None:  # None before the canvas's first message
        base = ss.get(actions.PAINT_BASE)
        base = base if base is not None and base.shape == tuple(shape) else None
        now = None if drawing.rgba is None else flt.painting_to_grid(shape, drawing.rgba[..., 3] > 0)
        ss[actions.PAINT] = now if base is None else (base if now is None else base | now)
    st.caption(t("fd.brush.cap", lang))


def notch_list(notches, regions, paint, lang: str) -> None:
    """The notches (each with a delete button) and the free-hand regions."""
    n1, n2 = st.columns([1.4, 1], gap="large")
    with n1, st.container(key="fd_notch_list"):
        st.markdown(f"**{t('fd.notch.list', lang)}**")
        if not notches:
            st.caption(t("fd.notch.empty", lang))
        for i, (fy, fx) in enumerate(notches):
            a, b = st.columns([5, 1])
            a.markdown(t("fd.notch.item", lang, i=i + 1, fx=f"{fx:+.4f}", fy=f"{fy:+.4f}", period=design.period((fy, fx))))
            b.button("✕", key=f"fd_del_{i}", on_click=actions.on_delete, args=(i,), help=t("fd.notch.delete", lang, i=i + 1))
    with n2:
        n_remove = sum(1 for r in regions if r[0] != "keep")
        st.caption(t("fd.free.fallback", lang))
        st.caption(t("fd.free.count", lang, remove=n_remove, keep=len(regions) - n_remove))
        if paint is not None:
            st.caption(t("fd.free.painted", lang, pct=f"{100 * paint.mean():.1f}"))
        st.button(t("fd.free.clear", lang), key="fd_free_clear", on_click=actions.on_clear_regions,
                  disabled=not regions and paint is None)
        st.caption(t("fd.free.not_in_link", lang))


def kernel(mask: np.ndarray, spec: design.MaskSpec, notches, regions, free_hand: bool, lang: str, proj: bool,
           height: int) -> None:
    """The spatial kernel the mask implies: cropped, its cross-section, ringing, response."""
    st.subheader(t("fd.sec.kernel", lang))
    if not proj:
        st.caption(t("fd.kernel.intro", lang))
    k1, k2, k3 = st.columns([1, 1.1, 1.3], gap="medium")
    with k1:
        crop = live_slider.live_slider("fd_crop", CROP, t("fd.crop", lang), help=t("fd.crop_help", lang))
    rep = mask_kernel.kernel_report(mask, int(crop), row_fy=design.response_row(notches, spec, regions))
    k, lobe_pct = rep.size, f"{100 * rep.negative_lobe:.1f}"
    with k1:
        m1, m2 = st.columns(2)
        m1.metric(t("fd.metric.lobe", lang), f"{lobe_pct} %", help=t("fd.metric.lobe_help", lang))
        m2.metric(t("fd.metric.crop", lang), f"{100 * rep.crop.rel_l2:.2f} %", help=t("fd.metric.crop_help", lang))
        st.metric(t("fd.metric.sum", lang), f"{rep.cropped_sum:.4f}")
        if st.button(t("fd.use", lang), key="fd_use", type="primary", help=t("fd.use_help", lang), width="stretch"):
            name = t("fd.kernel.name", lang, mask=design.describe(spec, len(notches), free_hand, lang), k=k)
            actions.use_as_kernel(rep.cropped, name)
    with k2:
        st.markdown(f"**{t('fd.kernel.image', lang, k=k)}**")
        st.image(display.encode_png(kernel_panel(rep.cropped, side=height - 60, palette=shell.palette())), width="stretch",
                 alt=alt_text(t("fd.kernel.image", lang, k=k), lang, values=rep.cropped,
                              note=f"{t('fd.metric.sum', lang)} {rep.cropped_sum:.4f}"))
        st.caption(t("fd.kernel.image_cap", lang))
    with k3:
        offsets, taps = mask_kernel.cross_section(rep.full)
        lobe_note = f"{t('fd.kernel.lobe_note', lang)} {lobe_pct} %"

        def cross():
            return figs.cross_section_figure(
                offsets, taps, crop_radius=k // 2, names={"full": t("fd.kernel.full", lang), "kept": t("fd.kernel.kept", lang)},
                x_title=t("fd.kernel.cross_x", lang), y_title=t("fd.kernel.cross_y", lang),
                lobe_note=lobe_note, height=height - 40, projector=proj,
            )
        st.markdown(f"**{t('fd.kernel.cross', lang)}**")
        # secondary charts: mid-drag they keep their last picture (a draft), the release redraws them
        chart(live_slider.settled("fd_cross", cross), alt_text(t("fd.kernel.cross", lang), lang, values=taps, note=lobe_note),
              key="fd_cross", config=CFG, width="stretch")
    if design.rings(rep):
        st.warning(t("fd.kernel.ringing", lang, pct=lobe_pct), icon=":material/waves:")
    else:
        st.success(t("fd.kernel.smooth", lang))
    e1, e2 = st.columns([2, 1], gap="medium")
    with e1:
        resp_title = t("fd.kernel.resp", lang, fy=f"{rep.row_fy:+.4f}")
        st.markdown(f"**{resp_title}**")
        chart(live_slider.settled("fd_resp", lambda: figs.response_figure(
            rep.fx, rep.mask_row, rep.crop_row,
            names={"mask": t("fd.kernel.resp_mask", lang), "crop": t("fd.kernel.resp_crop", lang, k=k)},
            x_title=t("fd.kernel.resp_x", lang), y_title=t("fd.kernel.resp_y", lang), height=height - 60, projector=proj,
        )), alt_text(resp_title, lang, values=rep.crop_row, note=t("fd.kernel.resp_crop", lang, k=k)),
            key="fd_resp", config=CFG, width="stretch")
    with e2:
        st.markdown(t("fd.kernel.crop_note", lang, k=k, rms=f"{100 * rep.crop.rel_l2:.2f}", max=f"{rep.crop.max_abs:.3f}"))
        if rep.crop.rel_l2 > 0.1:
            st.warning(t("fd.kernel.crop_bad", lang))


def leakage(picked: PickedImage, lang: str) -> None:
    """The image tiled as the DFT sees it, with and without a window, and the leakage cross."""
    st.subheader(t("fd.sec.leak", lang))
    st.markdown(t("fd.leak.intro", lang))
    st.radio(t("fd.window", lang), flt.WINDOWS, format_func=lambda w: t(f"fd.window.{w}", lang), key="fd_window",
             horizontal=True, help=t("fd.window_help", lang))
    leak = pipeline.leakage(picked)
    cols = st.columns(4, gap="small")
    for i, window in enumerate(flt.WINDOWS):
        wname = t(f"fd.window.{window}", lang)
        with cols[2 * i]:
            st.markdown(f"**{t('fd.leak.tiles', lang, window=wname)}**")
            jpeg(leak[window]["tiles"], alt_text(t("fd.leak.tiles", lang, window=wname), lang))
        with cols[2 * i + 1]:
            st.markdown(f"**{t('fd.leak.spec', lang, window=wname)}**")
            cross = t("fd.leak.cross", lang, db=f"{leak[window]['cross_db']:.1f}")
            jpeg(leak[window]["spectrum"], alt_text(t("fd.leak.spec", lang, window=wname), lang, note=cross))
            st.caption(cross)
    st.info(t("fd.leak.summary", lang, none=f"{leak['none']['cross_db']:.1f}", hann=f"{leak['hann']['cross_db']:.1f}"))
