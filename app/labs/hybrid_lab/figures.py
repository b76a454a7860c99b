"""The Hybrid Lab's pictures: the two gain curves with their crossover, and the hybrid seen from
further and further away (the four sizes side by side, bottom-aligned, at their true sizes)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from app.ui.figures import SERIES_COLORS, style_line_figure
from app.ui.format import number
from app.ui.strings import t

GAP = 12  # white pixels between the viewing-distance pictures
PAPER = 255


def gain_figure(freqs: np.ndarray, gain_low: np.ndarray, gain_high: np.ndarray, crossover: float | None, *,
                lang: str, projector: bool = False) -> go.Figure:
    """The low part's and the high part's gain against radial frequency, the crossover marked."""
    # shapes, annotation and axis ranges go in with the layout: plotly's add_vline/update_*axes
    # helpers cost more than the whole hybrid
    mark = [] if crossover is None else [{"type": "line", "x0": crossover, "x1": crossover, "y0": 0, "y1": 1,
                                           "yref": "paper", "line": {"dash": "dash", "color": "#555"}}]
    note = [] if crossover is None else [{"x": crossover, "y": 1, "yref": "paper", "xanchor": "left",
                                           "showarrow": False, "text": t("hy.gain.cross", lang, f=number(crossover, 3))}]
    fig = go.Figure(
        data=[go.Scatter(x=freqs, y=gain_low, name=t("hy.gain.low", lang), line={"color": SERIES_COLORS[0]}),
              go.Scatter(x=freqs, y=gain_high, name=t("hy.gain.high", lang), line={"color": SERIES_COLORS[1]})],
        layout={"shapes": mark, "annotations": note, "yaxis": {"range": [0, 1.05]}, "xaxis": {"range": [0, 0.5]}},
    )
    style_line_figure(fig, x_title=t("hy.gain.x", lang), y_title=t("hy.gain.y", lang), height=280,
                      projector=projector)
    return fig


def distance_strip(views: Sequence[np.ndarray], gap: int = GAP) -> np.ndarray:
    """The pictures side by side on white, bottom-aligned, each at its own size (uint8).

    Examples
    --------
    >>> strip = distance_strip([np.zeros((4, 4), np.uint8), np.zeros((2, 2), np.uint8)], gap=1)
    >>> strip.shape, int(strip[0, 5, 0]), int(strip[3, 5, 0])
    ((4, 7, 3), 255, 0)
    """
    rgb = [np.repeat(v[..., None], 3, axis=2) if v.ndim == 2 else v for v in views]
    height = max(v.shape[0] for v in rgb)
    width = sum(v.shape[1] for v in rgb) + gap * (len(rgb) - 1)
    strip = np.full((height, width, 3), PAPER, dtype=np.uint8)
    x = 0
    for v in rgb:
        strip[height - v.shape[0]:, x:x + v.shape[1]] = v
        x += v.shape[1] + gap
    return strip
