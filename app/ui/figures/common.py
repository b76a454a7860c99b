"""Shared figure helpers: image panels sent as PNG, one line-chart style, projector sizing.

Images are always sent as encoded PNG inside the figure (``binary_string=True``), never
as float heatmaps: a 512² float heatmap costs megabytes per slider move.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.express as px
import plotly.graph_objects as go

# Colour-blind-safe series colours (Okabe–Ito), also clear on a washed-out projector.
SERIES_COLORS: tuple[str, ...] = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")


def font_size(projector: bool) -> int:
    """Base font size for figures: larger in projector mode."""
    return 20 if projector else 13


def image_figure(
    pixels: np.ndarray,
    *,
    title: str = "",
    x: Sequence[float] | None = None,
    y: Sequence[float] | None = None,
    x_title: str = "",
    y_title: str = "",
    height: int = 340,
    projector: bool = False,
) -> go.Figure:
    """A figure showing a uint8 image (grey or RGB) as one PNG, optionally with axes.

    ``x``/``y`` give the coordinates of the pixel centres (e.g. cycles/pixel for a
    spectrum); without them the axes are hidden.
    """
    if pixels.dtype != np.uint8:
        raise ValueError("image_figure expects uint8 pixels; convert with app.backend.display first")
    fig = px.imshow(pixels, binary_string=True, x=x, y=y, binary_compression_level=1)
    show_axes = x is not None or y is not None
    fig.update_xaxes(visible=show_axes, title_text=x_title)
    fig.update_yaxes(visible=show_axes, title_text=y_title)
    fig.update_layout(
        title={"text": title, "x": 0.5, "xanchor": "center"} if title else None,
        height=height,
        margin={"l": 10 if not show_axes else 50, "r": 10, "t": 40 if title else 10, "b": 10 if not show_axes else 45},
        font={"size": font_size(projector)},
        hovermode=False,
    )
    return fig


def style_line_figure(
    fig: go.Figure, *, title: str = "", x_title: str = "", y_title: str = "", height: int = 360, projector: bool = False
) -> go.Figure:
    """Apply ConvScope's line-chart look (legend on top, readable fonts) in place and return ``fig``."""
    fig.update_layout(
        title={"text": title, "x": 0.5, "xanchor": "center"} if title else None,
        height=height,
        margin={"l": 60, "r": 20, "t": 60 if title else 20, "b": 50},
        font={"size": font_size(projector)},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        xaxis_title=x_title,
        yaxis_title=y_title,
        template="plotly_white",
    )
    if projector:
        fig.update_traces(line={"width": 4}, selector={"type": "scatter"})
    return fig
