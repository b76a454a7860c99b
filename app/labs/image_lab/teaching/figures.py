"""Figures of the teaching tools: small numeric grids (kernels, patches, products) and the
low-pass vs high-pass radial profile.

Grids are kernel-sized (≤ 63×63), so a ``go.Heatmap`` is fine here (never image-sized).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from app.backend.colormaps import PALETTES, diverging_stops
from app.ui.figures import SERIES_COLORS, font_size, style_line_figure
from app.ui.format import number

#: Diverging colour scales per palette: the very colours of every kernel picture
#: (:func:`app.backend.colormaps.diverging_stops`): negative blue, zero white, positive red or orange.
DIVERGING = {p: diverging_stops(p) for p in PALETTES}
GREYS = [[0.0, "#000000"], [1.0, "#ffffff"]]
TEXT_UP_TO = 9  # cells get their value written up to this side


def grid_figure(
    values: np.ndarray,
    *,
    title: str = "",
    diverging: bool = True,
    outside: np.ndarray | None = None,
    highlight: tuple[int, int] | None = None,
    projector: bool = False,
    height: int | None = None,
    zrange: tuple[float, float] | None = None,
    size: int | None = None,
    palette: str = "standard",
) -> go.Figure:
    """A small grid of numbers as coloured cells (values written up to 9×9), in ``palette``'s colours.

    ``outside`` marks cells that come from the boundary padding (drawn hatched/dimmed);
    ``highlight`` draws a frame round one cell (the pixel being computed).
    """
    v = np.asarray(values, dtype=np.float64)
    kh, kw = v.shape
    if zrange is None:
        if diverging:
            lim = float(np.abs(v).max()) or 1.0
            zrange = (-lim, lim)
        else:
            zrange = (min(0.0, float(v.min())), max(1.0, float(v.max())))
    show_text = max(kh, kw) <= TEXT_UP_TO
    text = [[number(x, 3) for x in row] for row in v] if show_text else None
    fig = go.Figure(
        go.Heatmap(
            z=v,
            x=list(range(kw)),
            y=list(range(kh)),
            colorscale=DIVERGING[palette] if diverging else GREYS,
            zmin=zrange[0],
            zmax=zrange[1],
            showscale=False,
            text=text,
            texttemplate="%{text}" if show_text else None,
            textfont={"size": font_size(projector) - (1 if max(kh, kw) > 5 else -1)},
            hovertemplate="row %{y}, col %{x}: %{z:.4g}<extra></extra>",
            xgap=1,
            ygap=1,
        )
    )
    if outside is not None and np.any(outside):
        ys, xs = np.nonzero(outside)
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="markers",
                marker={"symbol": "square-open", "size": max(8, 200 // max(kh, kw)), "color": "#7f7f7f", "line": {"width": 2}},
                hoverinfo="skip",
                showlegend=False,
            )
        )
    if highlight is not None:
        y, x = highlight
        fig.add_shape(type="rect", x0=x - 0.5, x1=x + 0.5, y0=y - 0.5, y1=y + 0.5, line={"color": "#00c853", "width": 3})
    side = size or height or min(360, max(200, 34 * max(kh, kw) + 60))
    fig.update_xaxes(visible=False, constrain="domain")
    fig.update_yaxes(visible=False, autorange="reversed", scaleanchor="x")
    fig.update_layout(
        title={"text": title, "x": 0.5, "xanchor": "center"} if title else None,
        height=side + (40 if title else 0),
        width=size,
        margin={"l": 5, "r": 5, "t": 40 if title else 5, "b": 5},
        font={"size": font_size(projector)},
        plot_bgcolor="#ffffff",
    )
    return fig


def radial_compare_figure(
    freqs: np.ndarray,
    curves: Mapping[str, np.ndarray],
    *,
    title: str = "",
    x_title: str = "",
    y_title: str = "",
    dashed: Sequence[str] = (),
    projector: bool = False,
) -> go.Figure:
    """One radial-profile chart for several curves (gains |H| and normalised spectra)."""
    fig = go.Figure()
    for i, (name, y) in enumerate(curves.items()):
        fig.add_trace(
            go.Scatter(
                x=freqs,
                y=y,
                name=name,
                mode="lines",
                line={"color": SERIES_COLORS[i % len(SERIES_COLORS)], "width": 3, "dash": "dot" if name in dashed else None},
            )
        )
    style_line_figure(fig, title=title, x_title=x_title, y_title=y_title, projector=projector)
    fig.update_xaxes(range=[0, 0.5])
    return fig
