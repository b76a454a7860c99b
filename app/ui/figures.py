"""Shared figure helpers: one line-chart style, projector sizing."""

from __future__ import annotations

import plotly.graph_objects as go

# Colour-blind-safe series colours (Okabe–Ito), also clear on a washed-out projector.
SERIES_COLORS: tuple[str, ...] = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")


def font_size(projector: bool) -> int:
    """Base font size for figures: larger in projector mode."""
    return 20 if projector else 13


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
