"""The CNN Lab's footprint animation: a kernel moving over a padded grid, conv_arithmetic style.

One plotly figure, cells drawn as square markers: the padded input on the left (blue cells
the input, white ones the zero padding), the output on the right. Only the footprint and
the current output cell change from frame to frame, so ▶ Play runs in the browser (frames
computed once, no server rerun) and each frame is a few dozen integers. The figure has a
fixed size in pixels so that a marker of ``cell`` pixels fills one grid cell exactly.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from app.backend.conv_arithmetic import Footprint
from app.labs.signal_lab.figures import AnimatedFigure
from app.ui.figures import SERIES_COLORS, font_size

C_INPUT, C_KERNEL, C_OUTPUT = "#9ecae1", SERIES_COLORS[0], SERIES_COLORS[2]
C_PAD_LINE = "#9ca3af"
GAP = 2  # empty cells between the padded input and the output
WIDTH = 700  # px; fits the main column in both modes (a narrower column would shrink the grid, not the markers)
FRAME_MS = 450


def _cells(rows: np.ndarray, cols: np.ndarray, x0: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Marker positions (x = column, y = row) as small ints, the output grid shifted by ``x0``."""
    return (np.asarray(cols) + x0).astype(np.int16), np.asarray(rows).astype(np.int16)


def _grid(side: int) -> tuple[np.ndarray, np.ndarray]:
    return np.divmod(np.arange(side * side), side)


def footprint_figure(frames: list[Footprint], n: int, pads: tuple[int, int], out_side: int, *,
                     labels: dict[str, str], projector: bool = False, width: int = WIDTH) -> go.Figure:
    """The animation of ``frames`` (from :func:`~app.backend.conv_arithmetic.footprint_frames`).

    ``labels`` holds the texts ``input``, ``output``, ``play`` and ``pause`` (in the page's language).
    """
    padded = n + pads[0] + pads[1]
    x0 = padded + GAP
    span_x, span_y = x0 + out_side, max(padded, out_side)
    margin = {"l": 10, "r": 10, "t": 40, "b": 90}
    cell = (width - margin["l"] - margin["r"]) / span_x
    height = int(cell * span_y + margin["t"] + margin["b"])
    rows, cols = _grid(padded)
    inside = (rows >= pads[0]) & (rows < pads[0] + n) & (cols >= pads[0]) & (cols < pads[0] + n)
    o_rows, o_cols = _grid(out_side)

    def squares(x, y, colour: str, size: float, line: str, opacity: float = 1.0) -> go.Scatter:
        """Square markers of ``size`` px with a 1 px ``line`` (white: a gap between neighbours)."""
        return go.Scatter(x=x, y=y, mode="markers", hoverinfo="skip", showlegend=False, opacity=opacity,
                          marker={"symbol": "square", "size": size, "color": colour,
                                  "line": {"width": 1, "color": line}})

    def moving(f: Footprint) -> list[dict]:
        """The frame's footprint and output cell (traces 3 and 4)."""
        fx, fy = _cells(*np.array(f.cells).T)
        ox, oy = _cells([f.out[0]], [f.out[1]], x0)
        return [{"type": "scatter", "x": fx, "y": fy}, {"type": "scatter", "x": ox, "y": oy}]

    first = moving(frames[0])
    fig = go.Figure([
        squares(*_cells(rows[~inside], cols[~inside]), "white", cell * 0.9, line=C_PAD_LINE),
        squares(*_cells(rows[inside], cols[inside]), C_INPUT, cell * 0.9, line="white"),
        squares(*_cells(o_rows, o_cols, x0), C_OUTPUT, cell * 0.9, line="white", opacity=0.3),
        squares(first[0]["x"], first[0]["y"], C_KERNEL, cell * 0.6, line=C_KERNEL, opacity=0.85),
        squares(first[1]["x"], first[1]["y"], C_OUTPUT, cell * 0.9, line="white"),
    ])
    fs = font_size(projector)
    for x, text in (((padded - 1) / 2, labels["input"]), (x0 + (out_side - 1) / 2, labels["output"])):
        fig.add_annotation(x=x, y=-0.5, yanchor="bottom", text=text, showarrow=False, font={"size": fs})
    names = [str(i) for i in range(len(frames))]
    step = {"frame": {"duration": 0, "redraw": False}, "mode": "immediate", "transition": {"duration": 0}}
    fig.update_layout(
        width=width, height=height, margin=margin, autosize=False, template="plotly_white",
        xaxis={"visible": False, "range": [-0.6, span_x - 0.4], "fixedrange": True},
        yaxis={"visible": False, "range": [span_y - 0.4, -0.6], "fixedrange": True, "scaleanchor": "x"},
        updatemenus=[{
            "type": "buttons", "direction": "left", "showactive": False, "x": 0, "xanchor": "left",
            "y": 0, "yanchor": "top", "pad": {"t": 40}, "font": {"size": fs},
            "buttons": [
                {"label": labels["play"], "method": "animate",
                 "args": [None, {**step, "frame": {"duration": FRAME_MS, "redraw": False}, "fromcurrent": True}]},
                {"label": labels["pause"], "method": "animate", "args": [[None], step]},
            ],
        }],
        sliders=[{
            "active": 0, "x": 0.32, "len": 0.68, "y": 0, "yanchor": "top", "pad": {"t": 30},  # right of the buttons
            "currentvalue": {"visible": False}, "font": {"color": "rgba(0,0,0,0)", "size": 8},
            "ticklen": 0, "minorticklen": 0, "transition": {"duration": 0},
            "steps": [{"label": name, "method": "animate", "args": [[name], step]} for name in names],
        }],
    )
    return AnimatedFigure(fig.to_dict(), [{"name": name, "data": moving(f), "traces": [3, 4]}
                                          for name, f in zip(names, frames)])
