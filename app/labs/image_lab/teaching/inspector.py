"""Pixel inspector tab: the k×k patch, the kernel as applied, the products and their sum."""

from __future__ import annotations

import numpy as np
import streamlit as st

from app.backend import display, to_uint8
from app.backend.inspect import inspect_pixel
from app.labs.image_lab.teaching import figures as fig
from app.labs.image_lab.teaching import kernel_state
from app.ui import canvas
from app.ui.a11y import alt_text, chart
from app.ui.strings import t

CLICK_SIDE = 280
GRID_SIDE = 190
GRID_SIDE_PROJECTOR = 240
CHANNELS = ("R", "G", "B")


def _marked(image: np.ndarray, y: int, x: int, side: int) -> tuple[np.ndarray, float]:
    """The input as uint8 at ≤ ``side`` with a marker round (y, x); returns pixels and scale."""
    u8 = to_uint8(image)
    if u8.ndim == 2:
        u8 = np.repeat(u8[..., None], 3, axis=2)
    u8 = display.downsample_for_display(u8, side)
    scale = u8.shape[0] / image.shape[0]
    yy, xx = int(y * scale), int(x * scale)
    r = 6
    h, w = u8.shape[:2]
    u8 = u8.copy()
    for d in (r, r + 1):
        for (a, b) in ((yy - d, slice(max(0, xx - d), min(w, xx + d + 1))), (yy + d, slice(max(0, xx - d), min(w, xx + d + 1)))):
            if 0 <= a < h:
                u8[a, b] = (255, 0, 0)
        for (b, a) in ((xx - d, slice(max(0, yy - d), min(h, yy + d + 1))), (xx + d, slice(max(0, yy - d), min(h, yy + d + 1)))):
            if 0 <= b < w:
                u8[a, b] = (255, 0, 0)
    return u8, scale


def render(lang: str, run, projector: bool = False) -> None:
    ss = st.session_state
    image = run.image.image
    h, w = image.shape[:2]
    colour = image.ndim == 3
    ss.setdefault("teach_py", h // 2)
    ss.setdefault("teach_px", w // 2)
    ss["teach_py"] = int(min(max(int(ss["teach_py"]), 0), h - 1))
    ss["teach_px"] = int(min(max(int(ss["teach_px"]), 0), w - 1))
    st.caption(t("teach.insp.intro", lang))
    left, right = st.columns([2, 3], gap="medium")
    with left:
        pixels, scale = _marked(image, ss["teach_py"], ss["teach_px"], CLICK_SIDE)
        click = canvas.click_image(pixels, key="teach_click", width=pixels.shape[1])
        if click is not None and ss.get("_teach_last_click") != click:
            ss["_teach_last_click"] = click
            x, y, sw, sh = click
            ss["teach_px"] = int(min(w - 1, max(0, x * w / max(sw, 1))))
            ss["teach_py"] = int(min(h - 1, max(0, y * h / max(sh, 1))))
            kernel_state.rerun_fragment()
        if canvas.clicks_available():
            st.caption(t("teach.insp.click", lang))
        c1, c2 = st.columns(2)
        c1.number_input(t("teach.insp.x", lang, n=w - 1), 0, w - 1, step=1, key="teach_px")
        c2.number_input(t("teach.insp.y", lang, n=h - 1), 0, h - 1, step=1, key="teach_py")
        if colour:
            ss.setdefault("teach_pc", "R")
            st.radio(t("teach.insp.channel", lang), CHANNELS, key="teach_pc", horizontal=True)
    y, x = int(ss["teach_py"]), int(ss["teach_px"])
    c = CHANNELS.index(ss.get("teach_pc", "R")) if colour else None
    channel = image[..., c] if colour else image
    out = run.output[..., c] if colour else run.output
    s = run.settings
    r = inspect_pixel(channel, run.kernel, y, x, boundary=s.boundary, correlate=s.correlate)
    kh, kw = r.patch.shape
    oy, ox = r.offset
    with right:
        with st.container(key="teach_insp_sum"):
            st.markdown(t("teach.insp.sum", lang, n=kh * kw, total=f"{r.total:.6f}"))
        with st.container(key="teach_insp_out"):
            st.markdown(t("teach.insp.output", lang, x=x, y=y, value=f"{float(out[y, x]):.6f}"))
        st.caption(t("teach.insp.flip_corr" if s.correlate else "teach.insp.flip_conv", lang))
        if r.outside.any():
            st.caption(t("teach.insp.border", lang, boundary=t(f"teach.boundary.{s.boundary}", lang)))
        if max(kh, kw) > fig.TEXT_UP_TO:
            st.caption(t("teach.insp.no_numbers", lang, n=fig.TEXT_UP_TO))
    # the three grids in one row, at a fixed size (a hidden tab has no width to autosize to)
    side = GRID_SIDE_PROJECTOR if projector else GRID_SIDE
    titles = (
        t("teach.insp.patch", lang),
        t("teach.insp.kernel_corr" if s.correlate else "teach.insp.kernel_conv", lang),
        t("teach.insp.products", lang),
    )
    figures = (
        fig.grid_figure(r.patch, diverging=False, outside=r.outside, highlight=(oy, ox), projector=projector, size=side),
        fig.grid_figure(r.kernel_applied, projector=projector, size=side, palette=s.palette),
        fig.grid_figure(r.products, highlight=(oy, ox), projector=projector, size=side, palette=s.palette),
    )
    ops = ("×", "=")
    cols = st.columns([4, 1, 4, 1, 4], vertical_alignment="center")
    grids = (r.patch, r.kernel_applied, r.products)
    for i, (title, figure, key, grid) in enumerate(zip(titles, figures, ("patch", "kernel", "products"), grids)):
        with cols[2 * i]:
            st.markdown(f"**{title}**")
            chart(figure, alt_text(title, lang, values=grid), key=f"teach_insp_{key}", config={"displayModeBar": False},
                  width="content")
        if i < 2:
            cols[2 * i + 1].markdown(f"### {ops[i]}")
