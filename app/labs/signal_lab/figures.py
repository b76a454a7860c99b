"""Figures of the Signal Lab: the animated flip-and-slide chart and the frequency view.

The flip-and-slide chart is ONE plotly figure with two rows (top: f(τ), the flipped and
slid g, their shaded product; bottom: y(t) drawn up to t with a marker) and plotly
animation *frames* computed once, so ▶ Play runs in the browser without a server rerun.
The figure's own plotly slider follows the frames. Arrays go in as float32 (sent as
compact binary by plotly) and curves are decimated to ≤ ~200 points per frame.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from app.backend.signal_convolution import SlideFrames, SpectrumCheck
from app.backend.signals import Signal
from app.ui.figures import SERIES_COLORS, font_size, style_line_figure
from app.ui.format import number
from app.ui.strings import t as tr

C_F, C_G, C_Y, C_P = SERIES_COLORS[0], SERIES_COLORS[1], SERIES_COLORS[6], SERIES_COLORS[2]
C_LINE = "#6b7280"
FILL = "rgba(0,158,115,0.35)"
MAX_CURVE_POINTS = 201  # static curves
MAX_ANIMATED_POINTS = 101  # curves that change in every frame (payload: ~1 KB per curve per frame)


class AnimatedFigure(go.Figure):
    """A ``go.Figure`` whose animation frames are kept as plain dicts.

    The base figure is built and validated trace by trace as usual; the frames only hold
    new data for those same traces. Turning ~100 frames × 7 traces into plotly objects
    costs 0.5–1 s per slider move on this machine for no benefit, so they are added only
    when the figure is serialised (``to_dict``/``to_json``, which is what Streamlit and
    ``plotly.io`` use). ``self.frames`` therefore stays empty; ``to_dict()["frames"]`` has them.
    """

    def __init__(self, base=None, frames=None):
        super().__init__(base, _validate=False)  # ``base`` comes from a validated figure's to_dict()
        self._plain_frames = list(frames or [])

    def to_dict(self):
        out = super().to_dict()
        out["frames"] = self._plain_frames
        return out

    def __reduce__(self):  # pickling (st.cache_data) keeps the frames plain too
        base = super().to_dict()
        return (AnimatedFigure, (base, self._plain_frames))


def _f32(a) -> np.ndarray:
    return np.asarray(a, dtype=np.float32)


def _stems(x, h, offset: float = 0.0):
    """x/y lists drawing vertical stems from 0 to h at x (None-separated), and marker sizes."""
    xs, ys = [], []
    for xi, hi in zip(np.asarray(x, float), np.asarray(h, float)):
        xs += [round(xi + offset, 4), round(xi + offset, 4), None]
        ys += [0.0, round(float(hi), 5), None]
    return xs, ys


def _stem_sizes(n: int, size: float) -> list:
    return [0, size, 0] * n


def _fonts(fig: go.Figure, projector: bool) -> None:
    """Explicit axis/legend font sizes (Streamlit's chart theme would otherwise keep its small defaults)."""
    fs = font_size(projector)
    fig.update_xaxes(tickfont={"size": fs - 1}, title_font={"size": fs})
    fig.update_yaxes(tickfont={"size": fs - 1}, title_font={"size": fs})
    fig.update_layout(legend_font_size=fs - 1)


def _span(*arrays, pad: float = 0.12) -> list[float]:
    vals = [np.asarray(a, float).ravel() for a in arrays if np.size(a)]
    vals = [v[np.isfinite(v)] for v in vals]
    lo = min([0.0] + [float(v.min()) for v in vals if v.size])
    hi = max([0.0] + [float(v.max()) for v in vals if v.size])
    if hi - lo < 1e-9:
        hi = lo + 1.0
    d = (hi - lo) * pad
    return [lo - d, hi + d]


def slide_figure(f: Signal, g: Signal, frames: SlideFrames, *, current: int, correlate: bool, lang: str,
                 projector: bool = False, frame_ms: int | None = None) -> go.Figure:
    """The animated flip-and-slide chart.

    ``frames`` must come from ``slide_frames(f, g, times, correlate=correlate)`` with
    ``stride=1``; ``current`` is the index of the frame shown as the still picture (and
    where the plotly slider starts). :func:`at_frame` moves the still picture to another frame.
    """
    discrete = f.grid.mode == "discrete"
    w = 1.0 if discrete else f.grid.weight
    fi = bool(f.impulsive and not discrete)
    gi = bool(g.impulsive and not discrete)
    y_scale = w if (fi and gi) else 1.0
    stride = 1 if discrete else max(1, int(np.ceil((f.grid.size - 1) / (MAX_CURVE_POINTS - 1))))
    astride = 1 if discrete else max(1, int(np.ceil((f.grid.size - 1) / (MAX_ANIMATED_POINTS - 1))))
    tau = frames.tau
    tau_d = tau[::stride]
    tau_a = tau[::astride]
    times = frames.times
    n_frames = times.size
    var = "n" if discrete else "t"
    stem_size = 11 if projector else 8
    lw = 4 if projector else 2.5

    f_disp = f.values * (w if fi else 1.0)
    g_disp = frames.g_shifted * (w if gi else 1.0)
    p_disp = frames.product * (w ** (int(fi) + int(gi)))
    y_disp = frames.y * y_scale
    area_disp = frames.area * y_scale
    out = frames.output
    out_x = out.axis
    inwin = (out_x >= tau[0] - 1e-9) & (out_x <= tau[-1] + 1e-9)
    yx_full = out_x[inwin]
    yv_full = out.values[inwin] * y_scale
    if not discrete and not (fi and gi):
        ystride = max(1, int(np.ceil((yx_full.size - 1) / (MAX_ANIMATED_POINTS - 1))))
        yx_full, yv_full = yx_full[::ystride], yv_full[::ystride]

    top_range = _span(f_disp, g_disp, p_disp)
    bot_range = _span(yv_full, y_disp)
    dx = 0.14 if discrete else 0.0  # side-by-side stems in the discrete view

    def frame_traces(k: int) -> list[dict]:
        tk = float(times[k])
        # flipped and slid g
        if discrete or gi:
            nz = np.nonzero(g_disp[k])[0]
            xs, ys = _stems(tau[nz], g_disp[k][nz], dx)
            g_tr = {"x": xs or [None], "y": ys or [None], "marker": {"size": _stem_sizes(nz.size, stem_size) or [0]}}
        else:  # x stays the base trace's (frames merge into the trace): send y only
            g_tr = {"y": _f32(g_disp[k][::astride])}
        # overlap product
        if discrete:
            p_tr = {"x": _f32(tau), "y": _f32(p_disp[k])}
        elif fi or gi:
            nz = np.nonzero(p_disp[k])[0]
            xs, ys = _stems(tau[nz], p_disp[k][nz])
            p_tr = {"x": xs or [None], "y": ys or [None], "marker": {"size": _stem_sizes(nz.size, stem_size) or [0]}}
        else:
            p_tr = {"y": _f32(p_disp[k][::astride])}
        # output up to t
        done = yx_full <= tk + 1e-9
        if discrete or (fi and gi):
            nzy = np.nonzero(done & (np.abs(yv_full) > 0 if (fi and gi) else done))[0]
            xs, ys = _stems(yx_full[nzy], yv_full[nzy])
            y_tr = {"x": xs or [None], "y": ys or [None],
                    "marker": {"size": _stem_sizes(nzy.size, stem_size * 0.8) or [0]}}
        else:
            y_tr = {"x": _f32(np.append(yx_full[done], tk) if done.any() else [tk]),
                    "y": _f32(np.append(yv_full[done], y_disp[k]) if done.any() else [y_disp[k]])}
        num = tr("sl.fig.numbers", lang, var=var, t=number(tk), area=number(area_disp[k]), y=number(y_disp[k]))
        return [
            g_tr,
            p_tr,
            {"x": [tk, tk], "y": top_range},
            y_tr,
            {"x": [tk], "y": [float(y_disp[k])], "text": [number(y_disp[k])]},
            {"x": [tk, tk], "y": bot_range},
            {"text": [num]},
        ]

    fig = make_subplots(rows=2, cols=1, vertical_spacing=0.19, row_heights=[0.55, 0.45],
                        subplot_titles=(tr("sl.fig.top_corr" if correlate else "sl.fig.top", lang),
                                        tr("sl.fig.bottom", lang)))
    base = frame_traces(current)
    # 0: f (static)
    if discrete or fi:
        nz = np.nonzero(f_disp)[0]
        xs, ys = _stems(tau[nz], f_disp[nz], -dx)
        fig.add_trace(go.Scatter(x=xs or [None], y=ys or [None], mode="lines+markers", name=tr("sl.fig.f", lang),
                                 line={"color": C_F, "width": lw},
                                 marker={"size": _stem_sizes(nz.size, stem_size) or [0], "color": C_F,
                                         "symbol": "circle" if discrete else "triangle-up"}), 1, 1)
    else:
        fig.add_trace(go.Scatter(x=_f32(tau_d), y=_f32(f_disp[::stride]), mode="lines", name=tr("sl.fig.f", lang),
                                 line={"color": C_F, "width": lw}), 1, 1)
    g_name = tr("sl.fig.g_corr" if correlate else "sl.fig.g_conv", lang)
    # 1: g shifted
    if discrete or gi:
        fig.add_trace(go.Scatter(mode="lines+markers", name=g_name, line={"color": C_G, "width": lw},
                                 marker={"color": C_G, "symbol": "diamond" if discrete else "triangle-up",
                                         **base[0]["marker"]},
                                 x=base[0]["x"], y=base[0]["y"]), 1, 1)
    else:
        fig.add_trace(go.Scatter(mode="lines", name=g_name, line={"color": C_G, "width": lw, "dash": "dash"},
                                 x=_f32(tau_a), **base[0]), 1, 1)
    # 2: product
    p_name = tr("sl.fig.product", lang)
    if discrete:
        fig.add_trace(go.Bar(name=p_name, width=1.0, marker={"color": FILL, "line": {"width": 0}}, **base[1]), 1, 1)
    elif fi or gi:
        fig.add_trace(go.Scatter(mode="lines+markers", name=p_name, line={"color": C_P, "width": lw + 1},
                                 marker={"color": C_P, "symbol": "triangle-up", **base[1]["marker"]},
                                 x=base[1]["x"], y=base[1]["y"]), 1, 1)
    else:
        fig.add_trace(go.Scatter(mode="lines", name=p_name, fill="tozeroy", fillcolor=FILL,
                                 line={"color": C_P, "width": 1}, x=_f32(tau_a), **base[1]), 1, 1)
    # 3: the line tau = t
    fig.add_trace(go.Scatter(mode="lines", line={"color": C_LINE, "width": 1.5, "dash": "dot"}, showlegend=False,
                             hoverinfo="skip", **base[2]), 1, 1)
    # 4: y up to t
    y_name = tr("sl.fig.y_corr" if correlate else "sl.fig.y_conv", lang)
    if discrete or (fi and gi):
        fig.add_trace(go.Scatter(mode="lines+markers", name=y_name, line={"color": C_Y, "width": lw},
                                 marker={"color": C_Y, **base[3]["marker"]}, x=base[3]["x"], y=base[3]["y"]), 2, 1)
    else:
        fig.add_trace(go.Scatter(mode="lines", name=y_name, line={"color": C_Y, "width": lw}, **base[3]), 2, 1)
    # 5: marker at (t, y(t)) with its value
    fig.add_trace(go.Scatter(mode="markers+text", name=tr("sl.fig.now", lang), showlegend=False,
                             marker={"size": 16 if projector else 12, "color": C_P, "line": {"color": "black", "width": 1.5}},
                             textposition="top right", textfont={"size": font_size(projector) + 2, "color": "#111"},
                             cliponaxis=False,
                             **base[4]), 2, 1)
    # 6: the line t in the lower plot
    fig.add_trace(go.Scatter(mode="lines", line={"color": C_LINE, "width": 1.5, "dash": "dot"}, showlegend=False,
                             hoverinfo="skip", **base[5]), 2, 1)
    # 7: numbers (t, area, y), top-left of the upper plot
    fig.add_trace(go.Scatter(mode="text", x=[float(tau[0])], y=[top_range[1]], textposition="bottom right",
                             cliponaxis=False,
                             textfont={"size": font_size(projector) + 1, "color": "#111"}, showlegend=False,
                             hoverinfo="skip", text=base[6]["text"]), 1, 1)

    style_line_figure(fig, height=(600 if projector else 640), projector=projector)  # 600: fits 1280×720
    fig.update_layout(
        margin={"l": 55, "r": 15, "t": 70, "b": 150},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.06, "x": 0, "xanchor": "left"},
        barmode="overlay",
        hovermode="x unified" if discrete else "closest",
    )
    fig.update_xaxes(range=[float(tau[0]) - 0.3 * (1 if not discrete else 3), float(tau[-1]) + 0.3 * (1 if not discrete else 3)])
    fig.update_xaxes(title_text=tr("sl.fig.m" if discrete else "sl.fig.tau", lang), row=1, col=1)
    fig.update_xaxes(title_text=tr("sl.fig.n" if discrete else "sl.fig.t", lang), row=2, col=1)
    fig.update_yaxes(range=top_range, row=1, col=1, zeroline=True, zerolinecolor="#9ca3af")
    fig.update_yaxes(range=bot_range, row=2, col=1, zeroline=True, zerolinecolor="#9ca3af")
    _fonts(fig, projector)
    for ann in fig.layout.annotations:  # subplot titles: left-aligned, readable
        ann.update(x=0, xanchor="left", font={"size": font_size(projector) + 1})

    animated = [1, 2, 3, 4, 5, 6, 7]
    names = [f"{x:.6g}" for x in times]
    types = [tr_.type for tr_ in fig.data]
    frames = []
    for k in range(n_frames):
        data = frame_traces(k)
        for i, d in zip(animated, data):
            d["type"] = types[i]
        frames.append({"name": names[k], "data": data, "traces": animated})
    ms = frame_ms or (200 if discrete else 100)
    redraw = bool(discrete)  # scatter-only frames animate without a full redraw (much cheaper)
    play_args = {"frame": {"duration": ms, "redraw": redraw}, "fromcurrent": True, "transition": {"duration": 0},
                 "mode": "immediate"}
    fig.update_layout(
        updatemenus=[{
            "type": "buttons", "direction": "left", "showactive": False,
            "x": 0, "xanchor": "left", "y": -0.2, "yanchor": "top", "pad": {"t": 0, "r": 10},
            "font": {"size": font_size(projector) + 1},
            "buttons": [
                {"label": tr("sl.fig.play", lang), "method": "animate", "args": [None, play_args]},
                {"label": tr("sl.fig.pause", lang), "method": "animate",
                 "args": [[None], {"frame": {"duration": 0, "redraw": False}, "mode": "immediate",
                                   "transition": {"duration": 0}}]},
            ],
        }],
        sliders=[{
            "active": int(current), "x": 0.24, "len": 0.76, "xanchor": "left", "y": -0.14, "yanchor": "top",
            "pad": {"t": 10, "b": 0},
            "currentvalue": {"prefix": f"{var} = ", "visible": True, "xanchor": "right",
                             "font": {"size": font_size(projector) + 2, "color": "#111"}},
            "font": {"color": "rgba(0,0,0,0)", "size": 8},  # 100 tick labels would be unreadable; hide them
            "ticklen": 0, "minorticklen": 0,
            "transition": {"duration": 0},
            "steps": [{"label": number(times[k]), "method": "animate",
                       "args": [[names[k]], {"frame": {"duration": 0, "redraw": redraw}, "mode": "immediate",
                                             "transition": {"duration": 0}}]} for k in range(n_frames)],
        }],
    )
    return AnimatedFigure(fig.to_dict(), frames)


def _merged(base: dict, new: dict) -> dict:
    """``base`` updated by ``new`` as plotly merges an animation frame into a trace (nested dicts merged)."""
    out = dict(base)
    for key, value in new.items():
        out[key] = _merged(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def at_frame(figure: dict, frames: list, k: int, *, animate: bool = True) -> AnimatedFigure:
    """The chart of :func:`slide_figure` showing frame ``k`` as its still picture (its slider at ``k``).

    ``figure`` is ``slide_figure(...).to_dict()`` without ``"frames"``, ``frames`` its frames: a move
    of t merges one frame into a copy instead of building the figure again (the result equals
    ``slide_figure(..., current=k)``). ``animate=False`` leaves out the Play frames: the same
    picture and layout with a tenth of the data, a draft while t is dragged.
    """
    data = list(figure["data"])
    for i, new in zip(frames[k]["traces"], frames[k]["data"]):
        data[i] = _merged(data[i], new)
    layout = dict(figure["layout"])
    layout["sliders"] = [{**layout["sliders"][0], "active": int(k)}]
    return AnimatedFigure({"data": data, "layout": layout}, frames if animate else [])


def _fmax(freqs: np.ndarray, *mags: np.ndarray, discrete: bool) -> float:
    if discrete:
        return float(freqs[-1])
    energy = sum(np.abs(m) ** 2 for m in mags)
    c = np.cumsum(energy)
    if c[-1] <= 0:
        return 5.0
    f99 = float(freqs[min(np.searchsorted(c, 0.995 * c[-1]), freqs.size - 1)])
    return float(np.clip(1.5 * f99, 1.0, 8.0))


def _style_small_figure(fig: go.Figure, *, title: str, x_title: str, y_title: str, projector: bool) -> None:
    """Shared look of the frequency-view line charts: titles, height, horizontal legend under the plot."""
    style_line_figure(fig, title=title, x_title=x_title, y_title=y_title,
                      height=(380 if projector else 300), projector=projector)
    fig.update_layout(margin={"l": 55, "r": 15, "t": 50, "b": 50}, title={"y": 0.97, "yanchor": "top"},
                      legend={"orientation": "h", "x": 0, "xanchor": "left", "y": -0.32, "yanchor": "top"})
    fig.update_layout(height=fig.layout.height + 40, margin_b=90)
    _fonts(fig, projector)


def spectrum_figure(spec: SpectrumCheck, *, lang: str, projector: bool = False) -> go.Figure:
    """|F|, |G| and |F·G| against frequency (positive half; cycles per unit or per sample)."""
    discrete = spec.direct.grid.mode == "discrete"
    fmax = _fmax(spec.freqs, spec.F, spec.G, discrete=discrete)
    sel = spec.freqs <= fmax + 1e-12
    fx = _f32(spec.freqs[sel])
    fig = go.Figure()
    for key, arr, color, dash in (("sl.fig.F", spec.F, C_F, "solid"), ("sl.fig.G", spec.G, C_G, "dash"),
                                  ("sl.fig.FG", spec.Y, C_P, "solid")):
        fig.add_trace(go.Scatter(x=fx, y=_f32(np.abs(arr[sel])), mode="lines", name=tr(key, lang),
                                 line={"color": color, "dash": dash, "width": 2.5}))
    _style_small_figure(fig, title=tr("sl.fig.spec_title", lang),
                        x_title=tr("sl.fig.freq_d" if discrete else "sl.fig.freq_c", lang),
                        y_title=tr("sl.fig.magnitude", lang), projector=projector)
    return fig


def check_figure(spec: SpectrumCheck, *, window: tuple[float, float], lang: str, projector: bool = False) -> go.Figure:
    """The direct convolution and IFFT(F·G) on the time axis (circular wrap-around visible)."""
    out = spec.direct
    discrete = out.grid.mode == "discrete"
    x = out.axis
    sel = np.nonzero((x >= window[0] - 1e-9) & (x <= window[1] + 1e-9))[0]
    if not discrete:
        sel = sel[:: max(1, int(np.ceil(sel.size / 400)))]
    scale = out.grid.weight if out.order else 1.0
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=_f32(x[sel]), y=_f32(out.values[sel] * scale), mode="lines",
                             name=tr("sl.fig.direct", lang), line={"color": C_Y, "width": 5, "shape": "hv" if discrete else "linear"},
                             opacity=0.35))
    fig.add_trace(go.Scatter(x=_f32(x[sel]), y=_f32(spec.y_fft[sel] * scale), mode="lines",
                             name=tr("sl.fig.via_fft", lang),
                             line={"color": C_G, "width": 2, "dash": "dash", "shape": "hv" if discrete else "linear"}))
    _style_small_figure(fig, title=tr("sl.fig.check_title", lang),
                        x_title=tr("sl.fig.n" if discrete else "sl.fig.t", lang),
                        y_title=tr("sl.fig.value", lang), projector=projector)
    return fig
