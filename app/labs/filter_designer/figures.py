"""Figures of the Filter Designer.

* :func:`spectrum_figure` — the log spectrum with the mask tinted over it (one JPEG inside a
  ``go.Image``), notch circles, and an invisible grid of clickable points (``go.Scattergl``):
  Streamlit's plotly selection events work on scatter traces, not on images, so a click on
  the spectrum selects the nearest grid point and a lasso drag selects a polygon.
* :func:`cross_section_figure`, :func:`response_figure`, :func:`radial_figure` — line charts.
* The kernel itself is drawn by :func:`app.backend.panels.kernel_panel` (the Image Lab's look).

Image-sized data travels as one encoded JPEG; no figure here holds an image-sized float array.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from app.labs.image_lab.figures import data_uri
from app.ui.figures import SERIES_COLORS, font_size, style_line_figure
from app.ui.format import number

__all__ = ["CLICK_GRID", "to_grid", "from_grid", "spectrum_figure", "cross_section_figure", "response_figure", "radial_figure"]

#: Clickable points per side over the visible spectrum (81² = 6561 invisible WebGL markers).
CLICK_GRID = 81
NOTCH_COLOR = "#56B4E9"  # Okabe–Ito sky blue: visible over grey and over the orange tint


def to_grid(f, half_range: float, grid: int = CLICK_GRID):
    """Cycles/pixel → the spectrum chart's axis unit (click-grid index: -half_range → 0, +half_range → grid-1)."""
    return (np.asarray(f, dtype=np.float64) + half_range) * (grid - 1) / (2.0 * half_range)


def from_grid(u, half_range: float, grid: int = CLICK_GRID):
    """The chart's axis unit (as in selection events) → cycles/pixel; inverse of :func:`to_grid`."""
    return np.asarray(u, dtype=np.float64) * (2.0 * half_range) / (grid - 1) - half_range


def spectrum_figure(
    pixels: np.ndarray,
    *,
    x_edges: tuple[float, float] | None = None,
    y_edges: tuple[float, float] | None = None,
    half_range: float = 0.5,
    notches: Sequence[tuple[float, float]] = (),
    notch_radius: float = 0.01,
    cutoffs: Sequence[float] = (),
    tool: str = "notch",
    x_title: str = "",
    y_title: str = "",
    height: int = 420,
    projector: bool = False,
    grid: int = CLICK_GRID,
) -> go.Figure:
    """The (zoomed) centred spectrum ``pixels`` (uint8); the axes show ``±half_range`` cycles/pixel.

    ``x_edges``/``y_edges`` are the outer pixel edges of ``pixels`` in cycles/pixel (default
    ``±half_range``), so every pixel sits at its true frequency after cropping/downsampling.

    ``notches`` are ``(fy, fx)``; each is drawn with its mirror; ``cutoffs`` (cycles/pixel) are
    drawn as dashed circles (the parametric mask's edges). ``tool`` is ``"notch"``
    (click selects one grid point) or ``"remove"``/``"keep"`` (lasso drag).

    The axes run in click-grid units (:func:`to_grid`; tick labels in cycles/pixel) so the
    clickable points travel as two small uint8 arrays; selection events come back in those
    units (:func:`from_grid`).
    """
    h, w = pixels.shape[:2]
    r = float(half_range)
    g = int(grid)
    xe = to_grid(x_edges or (-r, r), r, g)
    ye = to_grid(y_edges or (-r, r), r, g)
    dx, dy = (xe[1] - xe[0]) / w, (ye[1] - ye[0]) / h
    fig = go.Figure(
        go.Image(source=data_uri(pixels), x0=xe[0] + dx / 2, dx=dx, y0=ye[0] + dy / 2, dy=dy,
                 hoverinfo="skip")
    )
    idx = np.arange(g, dtype=np.uint8 if g <= 256 else np.uint16)
    gx, gy = np.meshgrid(idx, idx)
    fig.add_trace(
        go.Scattergl(
            x=gx.ravel(),
            y=gy.ravel(),
            mode="markers",
            marker={"size": max(4, int(height / g * 1.2)), "color": "rgba(0,0,0,0)"},
            selected={"marker": {"opacity": 0}},
            unselected={"marker": {"opacity": 0}},
            hoverinfo="none",
            showlegend=False,
            name="click",
        )
    )
    fs = font_size(projector)
    scale = (g - 1) / (2.0 * r)  # grid units per cycle/pixel
    c0 = float(to_grid(0.0, r, g))
    for c in cutoffs:
        fig.add_shape(type="circle", xref="x", yref="y", x0=c0 - c * scale, x1=c0 + c * scale,
                      y0=c0 - c * scale, y1=c0 + c * scale,
                      line={"color": "white", "width": 2 if projector else 1.5, "dash": "dash"})
    nr = notch_radius * scale
    for i, (fy, fx) in enumerate(notches, start=1):
        for sign, suffix in ((1, ""), (-1, "′")):
            cx, cy = float(to_grid(sign * fx, r, g)), float(to_grid(sign * fy, r, g))
            fig.add_shape(
                type="circle", xref="x", yref="y", x0=cx - nr, x1=cx + nr, y0=cy - nr, y1=cy + nr,
                line={"color": NOTCH_COLOR, "width": 3 if projector else 2},
            )
            if abs(sign * fx) <= r and abs(sign * fy) <= r:
                fig.add_annotation(
                    x=cx + nr, y=cy - nr, text=f"<b>{i}{suffix}</b>", showarrow=False,
                    xanchor="left", yanchor="bottom", font={"color": NOTCH_COLOR, "size": fs - 1},
                )
    ticks = np.linspace(-r, r, 5)
    tickvals = [float(v) for v in to_grid(ticks, r, g)]
    ticktext = [number(v) for v in ticks]
    fig.update_xaxes(range=[0, g - 1], tickvals=tickvals, ticktext=ticktext, title_text=x_title, constrain="domain",
                     title_standoff=4, showgrid=False, zeroline=False)
    fig.update_yaxes(range=[g - 1, 0], tickvals=tickvals, ticktext=ticktext, title_text=y_title, scaleanchor="x",
                     constrain="domain", showgrid=False, zeroline=False, title_standoff=2)
    fig.update_layout(
        height=height,
        margin={"l": 50, "r": 6, "t": 6, "b": 40},
        font={"size": fs - 1},
        clickmode="event+select",
        dragmode="lasso" if tool in ("remove", "keep") else "zoom",
        hovermode="closest",
        plot_bgcolor="white",
        showlegend=False,
        newselection={"line": {"color": "#E69F00" if tool == "keep" else "#D55E00", "width": 2}},
    )
    return fig


def cross_section_figure(
    offsets: np.ndarray,
    taps: np.ndarray,
    *,
    crop_radius: int,
    names: dict,
    title: str = "",
    x_title: str = "",
    y_title: str = "",
    lobe_note: str = "",
    height: int = 340,
    projector: bool = False,
) -> go.Figure:
    """The kernel's centre row: the full kernel (line) and the taps the crop keeps (markers)."""
    view = max(2 * crop_radius + 4, 12)
    sel = np.abs(offsets) <= view
    x, y = offsets[sel], taps[sel]
    kept = np.abs(x) <= crop_radius
    fig = go.Figure()
    fig.add_vrect(x0=-crop_radius - 0.5, x1=crop_radius + 0.5, fillcolor="#E69F00", opacity=0.12, line_width=0)
    fig.add_hline(y=0, line={"color": "#888", "width": 1})
    fig.add_trace(go.Scatter(x=x, y=y, mode="lines", name=names["full"], line={"color": SERIES_COLORS[0], "width": 2}))
    fig.add_trace(
        go.Scatter(
            x=x[kept], y=y[kept], mode="markers", name=names["kept"],
            marker={"color": SERIES_COLORS[1], "size": 9 if projector else 6},
        )
    )
    if lobe_note and y.size and y.min() < -0.01 * np.abs(y).max():
        j = int(np.argmin(y))
        fig.add_annotation(x=x[j], y=y[j], text=lobe_note, showarrow=True, arrowhead=2, ay=30,
                           font={"color": SERIES_COLORS[1]})
    style_line_figure(fig, title=title, x_title=x_title, y_title=y_title, height=height, projector=projector)
    fig.update_layout(hovermode="x")
    return fig


def response_figure(
    fx: np.ndarray,
    mask_row: np.ndarray,
    crop_row: np.ndarray,
    *,
    names: dict,
    title: str = "",
    x_title: str = "",
    y_title: str = "",
    height: int = 340,
    projector: bool = False,
) -> go.Figure:
    """The mask along fx against the (real part of the) cropped kernel's response."""
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=fx, y=mask_row, mode="lines", name=names["mask"],
                             line={"color": SERIES_COLORS[0], "width": 3}))
    fig.add_trace(go.Scatter(x=fx, y=crop_row, mode="lines", name=names["crop"],
                             line={"color": SERIES_COLORS[1], "width": 2, "dash": "dot"}))
    style_line_figure(fig, title=title, x_title=x_title, y_title=y_title, height=height, projector=projector)
    fig.update_layout(hovermode="x")
    return fig


def radial_figure(
    freqs: np.ndarray,
    p_in: np.ndarray,
    p_out: np.ndarray,
    p_mask: np.ndarray,
    *,
    names: dict,
    title: str = "",
    x_title: str = "",
    y_title: str = "",
    y2_title: str = "",
    height: int = 340,
    projector: bool = False,
) -> go.Figure:
    """Radial means of |F| and |M·F| (log scale) with the mask's radial mean on a right axis."""
    floor = np.nanmax(p_in) * 1e-8 if np.isfinite(np.nanmax(p_in)) else 1e-12
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=freqs, y=np.maximum(p_in, floor), mode="lines", name=names["input"],
                             line={"color": SERIES_COLORS[0], "width": 2}))
    fig.add_trace(go.Scatter(x=freqs, y=np.maximum(p_out, floor), mode="lines", name=names["output"],
                             line={"color": SERIES_COLORS[1], "width": 2}))
    fig.add_trace(go.Scatter(x=freqs, y=p_mask, mode="lines", name=names["mask"], yaxis="y2",
                             line={"color": SERIES_COLORS[2], "width": 2, "dash": "dash"}))
    style_line_figure(fig, title=title, x_title=x_title, y_title=y_title, height=height, projector=projector)
    fig.update_layout(
        yaxis={"type": "log"},
        yaxis2={"overlaying": "y", "side": "right", "range": [0, 1.05], "title": y2_title, "showgrid": False,
                "tickmode": "array", "tickvals": [0, 0.25, 0.5, 0.75, 1.0]},
        hovermode="x",
        margin={"r": 60},
    )
    return fig
