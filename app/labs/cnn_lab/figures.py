"""Pictures and figures of the CNN Lab: map/spectrum thumbnails, kernel and |H| tiles, charts.

Feature maps go to the browser as small JPEG/PNG thumbnails (bytes for ``st.image``), never
as heatmaps.  Every float → uint8 step goes through :mod:`app.backend.display`; this module
only arranges uint8 pixels (nearest-neighbour enlargement, a ring, a dashed square).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from app.backend import display
from app.backend.cnn import ShiftReport
from app.backend.colormaps import spectrum_colormap
from app.backend.panels import kernel_panel
from app.ui.figures import SERIES_COLORS, font_size, style_line_figure
from app.ui.format import count

RING = np.array([230, 159, 0], np.uint8)  # Okabe–Ito orange: the band centre on |H|
BOX = np.array([213, 94, 0], np.uint8)  # vermillion: the new Nyquist square


def _rgb(u8: np.ndarray) -> np.ndarray:
    return np.repeat(u8[..., None], 3, axis=-1) if u8.ndim == 2 else u8.copy()


def fit_side(u8: np.ndarray, side: int) -> np.ndarray:
    """Fit a uint8 image to about ``side`` pixels: area-average down, or repeat pixels up.

    Enlarging by whole-pixel repetition keeps pooled maps visibly blocky instead of letting
    the browser blur them.
    """
    h, w = u8.shape[:2]
    if max(h, w) > side:
        return display.downsample_for_display(u8, side)
    f = max(1, side // max(h, w))
    return display.enlarge(u8, f)


def _robust_peak(a: np.ndarray) -> float:
    """99.5th percentile of ``a`` (on a subsample for speed), or its max if that is 0."""
    sub = a[:: max(1, a.shape[0] // 256), :: max(1, a.shape[1] // 256)]
    p = float(np.percentile(sub, 99.5))
    return p if p > 0 else float(a.max())


def map_pixels(m: np.ndarray, *, scale: str = "auto", palette: str = "standard") -> tuple[np.ndarray, str]:
    """uint8 pixels of one feature map and the scale used ("unit", "stretch", "relu" or "signed").

    * ``unit``: a plain ``[0, 1]`` image (the input), black = 0 and white = 1.
    * ``stretch`` (sigmoid outputs, which often sit in a narrow band around 0.5): black = the
      map's minimum, white = its maximum; the page prints the range under each map.
    * ``auto``: maps with negative values use the diverging map (blue < 0 < red, white = 0)
      with symmetric limits at the 99.5th percentile of ``|m|``; non-negative maps (ReLU) are
      grey with black = 0 and white = the 99.5th percentile (a few very strong edges would
      otherwise leave the rest black).

    ``palette`` picks the diverging map's colours (:func:`app.backend.colormaps.diverging_lut`).
    """
    lo, hi = float(m.min()), float(m.max())
    if scale == "unit" and lo >= 0.0 and hi <= 1.0:
        return display.to_uint8(m), "unit"
    if scale == "stretch" and hi > lo:
        return display.to_uint8((m - lo) / (hi - lo)), "stretch"
    if lo >= 0.0:
        peak = _robust_peak(m)
        scaled = np.minimum(m / peak, 1.0) if peak > 0 else np.zeros_like(m)
        return display.to_uint8(scaled), "relu"
    peak = _robust_peak(np.abs(m))
    return display.signed_to_rgb(m, "diverging", limit=peak if peak > 0 else None, palette=palette), "signed"


def spectrum_pixels(half: np.ndarray, n_cols: int, *, db: float = 70.0, palette: str = "standard") -> np.ndarray:
    """Centred log-magnitude pixels of a map's spectrum from its rfft2 half (cividis when colour-safe)."""
    return display.apply_colormap(display.half_spectrum_to_uint8(half, n_cols, db), spectrum_colormap(palette))


def kernel_tile(kernel: np.ndarray, side: int = 120, palette: str = "standard") -> bytes:
    """A kernel as PNG, drawn as the Image Lab draws its kernel (no values: the tiles are small)."""
    return display.encode_png(kernel_panel(kernel, side=side, max_text_side=0, palette=palette))


def band_tile(magnitude: np.ndarray, centroid: float, side: int = 120) -> bytes:
    """|H| (linear, white = peak) with an orange ring at the band's radial centroid."""
    mag = np.asarray(magnitude, dtype=np.float64)
    peak = float(mag.max())
    grey = display.to_uint8(mag / peak if peak > 0 else mag)
    g = mag.shape[0]
    px = _rgb(grey)
    yy, xx = np.mgrid[:g, :g]
    r = np.hypot(yy - g // 2, xx - g // 2) / g  # cycles/pixel
    ring = np.abs(r - centroid) < 0.6 / g
    if centroid > 0:
        px[ring] = RING
    return display.encode_png(fit_side(px, side))


def nyquist_square(spec_u8: np.ndarray, fraction: float) -> np.ndarray:
    """Draw a dashed square at ``|fx|, |fy| = fraction`` (cycles/pixel) on a centred spectrum."""
    px = _rgb(spec_u8)
    h, w = px.shape[:2]
    cy, cx = h // 2, w // 2
    ry, rx = int(round(fraction * h)), int(round(fraction * w))
    y0, y1 = max(cy - ry, 0), min(cy + ry, h - 1)
    x0, x1 = max(cx - rx, 0), min(cx + rx, w - 1)
    dash = max(2, min(h, w) // 64)
    on_x = (np.arange(x0, x1 + 1) // dash) % 2 == 0
    on_y = (np.arange(y0, y1 + 1) // dash) % 2 == 0
    thick = max(1, min(h, w) // 256)
    for t in range(thick):
        px[min(y0 + t, h - 1), x0 : x1 + 1][on_x] = BOX
        px[max(y1 - t, 0), x0 : x1 + 1][on_x] = BOX
        px[y0 : y1 + 1, min(x0 + t, w - 1)][on_y] = BOX
        px[y0 : y1 + 1, max(x1 - t, 0)][on_y] = BOX
    return px


def connection_tile(table: np.ndarray, cell: int = 20) -> bytes:
    """A boolean connection table (rows: input maps, columns: output maps) as PNG: dark = connected."""
    px = np.where(np.asarray(table, bool), 40, 240).astype(np.uint8)
    px = display.enlarge(px, cell)
    px[::cell, :] = px[:, ::cell] = 160  # grid lines between cells
    return display.encode_png(px)


def jpeg(u8: np.ndarray, side: int) -> bytes:
    """Thumbnail bytes (JPEG q88) of uint8 pixels fitted to ``side``."""
    return display.encode_jpeg(fit_side(u8, side))


def params_figure(
    layers: Sequence[str],
    conv: Sequence[int],
    dense: Sequence[int],
    *,
    names: tuple[str, str],
    y_title: str,
    title: str = "",
    projector: bool = False,
) -> go.Figure:
    """Grouped bars (log scale): convolution vs fully connected parameters per layer."""
    fig = go.Figure()
    fig.add_bar(x=list(layers), y=[max(v, 1) for v in conv], name=names[0], marker_color=SERIES_COLORS[2],
                text=[f"{v:,}" for v in conv], textposition="outside")
    fig.add_bar(x=list(layers), y=[max(v, 1) for v in dense], name=names[1], marker_color=SERIES_COLORS[1],
                text=[count(v) for v in dense], textposition="outside")
    style_line_figure(fig, title=title, y_title=y_title, height=420 if projector else 340, projector=projector)
    top = max([1, *conv, *dense])
    fig.update_yaxes(type="log", range=[0, np.log10(top) + 1.2], exponentformat="power")
    fig.update_layout(barmode="group", hovermode=False, uniformtext={"minsize": font_size(projector) - 3})
    return fig


def shift_figure(
    report: ShiftReport,
    d: int,
    *,
    names: dict[str, str],
    x_title: str,
    y_title: str,
    projector: bool = False,
) -> go.Figure:
    """Relative change vs shift d for the four measurements, with the chosen d marked."""
    fig = go.Figure()
    series = [
        ("c1_moved", report.c1_moved, SERIES_COLORS[0], "solid"),
        ("c1_back", report.c1_realigned, SERIES_COLORS[5], "dot"),
        ("pool_moved", report.pooled_moved, SERIES_COLORS[1], "solid"),
        ("pool_back", report.pooled_realigned, SERIES_COLORS[2], "dash"),
    ]
    x = report.shifts.tolist()
    for key, y, colour, dash in series:
        fig.add_scatter(
            x=x, y=(100 * np.asarray(y)).round(2).tolist(), name=names[key], mode="lines+markers",
            line={"color": colour, "dash": dash, "width": 3}, marker={"size": 7},
        )
    style_line_figure(fig, x_title=x_title, y_title=y_title + " (%)", height=440 if projector else 380,
                      projector=projector)
    for k in range(0, int(max(x)) + 1, report.stride):
        fig.add_vline(x=k, line={"color": "#d0d0d0", "width": 1})
    fig.add_vline(x=d, line={"color": "#000000", "width": 2, "dash": "dot"})
    fig.update_xaxes(dtick=max(1, report.stride) if report.stride <= 4 else 2, rangemode="tozero")
    fig.update_yaxes(rangemode="tozero")
    fig.update_layout(hovermode="x unified", legend={"font": {"size": font_size(projector)}})
    return fig
