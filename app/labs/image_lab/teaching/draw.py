"""Draw tab: paint a kernel; the strokes become weights at the chosen size (area average)."""

from __future__ import annotations

import numpy as np
import streamlit as st

import kernels
from app.backend.display import encode_png
from app.backend.panels import kernel_panel
from app.labs.image_lab.teaching import kernel_state
from app.ui import canvas, shell
from app.ui.a11y import alt_text
from app.ui.errors import backend_message
from app.ui.format import number
from app.ui.strings import t
from kernels import edit

SIDE = 280
COLOURS = {"plus": "#ff0000", "minus": "#0000ff"}
SEEN = "_teach_draw_seen"
VERSION = "_teach_canvas_version"
INITIAL = "_teach_canvas_initial"
RASTER = "_teach_canvas_raster"  # pixels of the initial drawing (the canvas sends none until touched)


def preview_png(kernel: np.ndarray, projector: bool = False) -> bytes:
    """PNG of a kernel preview, drawn as the Image Lab draws it (palette, larger on a projector)."""
    return encode_png(kernel_panel(kernel, side=360 if projector else 300, palette=shell.palette()))


def shake_path(side: int = SIDE) -> list[tuple[float, float]]:
    """A hand-like camera-shake trajectory (canvas pixel coordinates)."""
    s = np.linspace(0.0, 1.0, 40)
    x = side * (0.15 + 0.7 * s)
    y = side * (0.5 + 0.18 * np.sin(2.4 * np.pi * s) * (1 - 0.5 * s) - 0.1 * s)
    return [(float(a), float(b)) for a, b in zip(x, y)]


def path_drawing(points: list[tuple[float, float]], *, width: int, colour: str) -> dict:
    """Fabric.js JSON of one stroked polyline (what the canvas's free-draw brush makes)."""
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    cmds = [["M", points[0][0], points[0][1]]] + [["L", x, y] for x, y in points[1:]]
    return {
        "version": "5.3.0",
        "objects": [
            {
                "type": "path",
                "originX": "left",
                "originY": "top",
                "left": min(xs) - width / 2,
                "top": min(ys) - width / 2,
                "width": max(xs) - min(xs),
                "height": max(ys) - min(ys),
                "fill": None,
                "stroke": colour,
                "strokeWidth": width,
                "strokeLineCap": "round",
                "strokeLineJoin": "round",
                "path": cmds,
            }
        ],
    }


def rasterise_path(points: list[tuple[float, float]], *, width: float, side: int = SIDE) -> np.ndarray:
    """RGBA pixels of a round-capped polyline (what the canvas returns for the drawing)."""
    yy, xx = np.mgrid[0:side, 0:side] + 0.5
    dist = np.full((side, side), np.inf)
    for (x0, y0), (x1, y1) in zip(points[:-1], points[1:]):
        dx, dy = x1 - x0, y1 - y0
        L2 = dx * dx + dy * dy or 1e-12
        u = np.clip(((xx - x0) * dx + (yy - y0) * dy) / L2, 0, 1)
        dist = np.minimum(dist, np.hypot(xx - (x0 + u * dx), yy - (y0 + u * dy)))
    alpha = np.clip(width / 2 - dist + 0.5, 0, 1)
    rgba = np.zeros((side, side, 4), np.uint8)
    rgba[..., 0] = 255
    rgba[..., 3] = np.round(alpha * 255).astype(np.uint8)
    return rgba


def _showcase(lang: str) -> None:
    ss = st.session_state
    pts = shake_path()
    width = int(ss.get("teach_draw_brush", 14))
    ss[VERSION] = ss.get(VERSION, 0) + 1
    ss[INITIAL] = path_drawing(pts, width=width, colour=COLOURS["plus"])
    ss[RASTER] = rasterise_path(pts, width=width)
    ss["teach_draw_norm"] = True
    ss["teach_draw_crop"] = False
    k = edit.rasterise_canvas(ss[RASTER], int(ss.get("teach_draw_size", 15)), signed=True)
    ss[SEEN] = kernel_state.digest(k)
    kernel_state.queue_kernel(k, t("teach.draw.shake_name", lang))


def _clear() -> None:
    ss = st.session_state
    ss[VERSION] = ss.get(VERSION, 0) + 1
    ss[INITIAL] = None
    ss[RASTER] = None
    ss.pop(SEEN, None)


def render(lang: str, projector: bool = False) -> None:
    ss = st.session_state
    ss.setdefault("teach_draw_size", 15)
    ss.setdefault("teach_draw_brush", 14)
    ss.setdefault("teach_draw_norm", True)
    ss.setdefault("teach_draw_crop", False)
    ss.setdefault("teach_draw_ink", "plus")
    st.caption(t("teach.draw.intro", lang))
    left, right = st.columns([3, 2], gap="medium")
    with left:
        c1, c2, c3 = st.columns(3)
        # release-only: these set up the drawing (grid size, brush width), nothing is drawn from them until the
        # next stroke, and a new grid size clears the drawing canvas: redrawing it at every value would flicker
        c1.slider(t("teach.draw.size", lang), 3, edit.MAX_EDIT_SIDE, step=1, key="teach_draw_size")
        c2.slider(t("teach.draw.brush", lang), 2, 40, step=1, key="teach_draw_brush")
        c3.radio(
            t("teach.draw.ink", lang), tuple(COLOURS), format_func=lambda c: t(f"teach.draw.ink.{c}", lang),
            key="teach_draw_ink", horizontal=True,
        )
        with st.container(key="teach_draw_area"):
            drawing = canvas.drawing_canvas(
                key=f"teach_canvas_{ss.get(VERSION, 0)}",
                side=SIDE,
                stroke_width=int(ss["teach_draw_brush"]),
                stroke_color=COLOURS[ss["teach_draw_ink"]],
                initial_drawing=ss.get(INITIAL),
                grid_cells=int(ss["teach_draw_size"]),
            )
        if drawing.backend == "grid":
            st.caption(t("teach.draw.grid_fallback", lang))
        b1, b2 = st.columns(2)
        b1.button(t("teach.draw.clear", lang), key="teach_draw_clear", on_click=_clear, width="stretch")
        b2.button(t("teach.draw.showcase", lang), key="teach_draw_showcase", on_click=_showcase, args=(lang,), width="stretch")
        o1, o2 = st.columns(2)
        o1.toggle(t("teach.draw.normalise", lang), key="teach_draw_norm")
        o2.toggle(t("teach.draw.crop", lang), key="teach_draw_crop", help=t("teach.draw.crop.help", lang))
    rgba = drawing.rgba if drawing.rgba is not None else ss.get(RASTER)
    with right:
        if rgba is None:
            st.info(t("teach.draw.empty", lang))
            return
        try:
            k = edit.rasterise_canvas(
                rgba, int(ss["teach_draw_size"]), normalise_sum=bool(ss["teach_draw_norm"]), signed=True,
                crop=bool(ss["teach_draw_crop"]),
            )
        except kernels.KernelError as exc:
            st.error(t("teach.err.draw", lang) + f" ({backend_message(exc, lang)})", icon=":material/warning:")
            return
        st.image(preview_png(k, projector), caption=t("teach.draw.preview", lang, n=k.shape[0]),
                 alt=alt_text(t("teach.draw.preview", lang, n=k.shape[0]), lang, values=k,
                              note=t("teach.draw.sum", lang, s=number(k.sum()))))
        st.caption(t("teach.draw.sum", lang, s=number(k.sum())))
        d = kernel_state.digest(k)
        if ss.get(SEEN) != d and k.any():
            ss[SEEN] = d
            kernel_state.queue_kernel(k, t("teach.draw.name", lang))
            kernel_state.rerun_fragment()
