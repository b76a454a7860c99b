"""The Challenge Lab's pictures: the kernel drawn the shared way (:func:`app.backend.panels.kernel_panel`),
and the learning part's charts (loss per step, the learned kernel played step by step, error per band)."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from app.backend.panels import kernel_panel
from app.ui.figures import SERIES_COLORS, font_size, style_line_figure
from app.ui.format import number
from app.ui.strings import t


def kernel_picture(kernel: np.ndarray, *, palette: str, projector: bool = False) -> np.ndarray:
    """The kernel as every lab draws it (diverging colours, values in the cells)."""
    return kernel_panel(kernel, side=300 if projector else 220, palette=palette)


def loss_figure(losses: np.ndarray, *, lang: str, projector: bool = False) -> go.Figure:
    """Gradient descent's loss ``½‖Ax − b‖²/N`` per step (log scale)."""
    fig = go.Figure(go.Scatter(x=np.arange(losses.size), y=losses, name=t("ch.learn.loss", lang),
                               line={"color": SERIES_COLORS[0]}))
    style_line_figure(fig, title=t("ch.learn.loss_title", lang), x_title=t("ch.learn.step", lang),
                      y_title=t("ch.learn.loss", lang), height=280,
                      projector=projector)
    fig.update_yaxes(type="log")
    return fig


def _taps_heatmap(taps: np.ndarray, limit: float) -> go.Heatmap:
    return go.Heatmap(z=taps[::-1], zmin=-limit, zmax=limit, colorscale="RdBu_r", showscale=False,
                      text=[[number(v, 3) for v in row] for row in taps[::-1]], texttemplate="%{text}")


def player_figure(descent_kernels: np.ndarray, steps: np.ndarray, *, lang: str, projector: bool = False) -> go.Figure:
    """The learned kernel at the chosen steps, one plotly frame each: the student plays through
    the steps in the browser (no rerun). Zero is white; the colour scale is fixed over all steps."""
    limit = float(np.abs(descent_kernels[steps]).max()) or 1.0
    label = t("ch.learn.step", lang)
    frames = [go.Frame(data=[_taps_heatmap(descent_kernels[s], limit)], name=str(s)) for s in steps]
    fig = go.Figure(data=frames[-1].data, frames=frames)
    slider = {"active": len(steps) - 1, "currentvalue": {"prefix": f"{label} "}, "pad": {"t": 30},
              "steps": [{"label": str(s), "method": "animate",
                         "args": [[str(s)], {"mode": "immediate", "frame": {"duration": 0, "redraw": True}}]}
                        for s in steps]}
    play = {"type": "buttons", "showactive": False, "x": 0, "y": -0.12, "xanchor": "left",
            "buttons": [{"label": t("ch.learn.play", lang), "method": "animate",
                         "args": [None, {"frame": {"duration": 120, "redraw": True}, "fromcurrent": False}]}]}
    fig.update_layout(sliders=[slider], updatemenus=[play], height=380 if projector else 330,
                      margin={"l": 10, "r": 10, "t": 10, "b": 10}, font={"size": font_size(projector)})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False, scaleanchor="x")
    return fig


def band_figure(bands, *, lang: str, projector: bool = False) -> go.Figure:
    """Mean ``|Ĥ − H|`` per radial band; bands the input never showed in another colour."""
    centres = 0.5 * (bands.edges[:-1] + bands.edges[1:])
    colours = [SERIES_COLORS[2] if ok else SERIES_COLORS[1] for ok in bands.identifiable]
    fig = go.Figure(go.Bar(x=centres, y=bands.errors, marker_color=colours, width=np.diff(bands.edges) * 0.9,
                           hovertext=[t("ch.learn.seen" if ok else "ch.learn.unseen", lang)
                                      for ok in bands.identifiable]))
    style_line_figure(fig, title=t("ch.learn.bands_title", lang), x_title=t("hy.gain.x", lang),
                      y_title=t("ch.learn.band_err", lang), height=280,
                      projector=projector)
    return fig
