"""The Signal Lab's page data for one setting, cached (a rerun with the same settings is free)."""

from __future__ import annotations

import numpy as np
import streamlit as st

from app.backend import signal_convolution as sconv
from app.backend import signals as sg
from app.labs.signal_lab import figures as figs
from app.labs.signal_lab.schema import N_RANGE, T_RANGE, T_STEP


def times(mode: str) -> np.ndarray:
    """The animation's frame times: every integer n (discrete) or t in steps of :data:`T_STEP`."""
    if mode == "discrete":
        return np.arange(N_RANGE[0], N_RANGE[1] + 1, dtype=float)
    return np.round(np.arange(T_RANGE[0], T_RANGE[1] + T_STEP / 2, T_STEP), 6)


@st.cache_resource(max_entries=24, show_spinner=False)
def _still(mode: str, f_key: tuple, g_key: tuple, correlate: bool, pad: bool, lang: str, projector: bool) -> dict:
    """Everything that does not depend on the slider's time, shared read-only by every session:
    a move of t only moves the slide chart to another of its frames."""
    grid = sg.make_grid(mode)
    f = sg.make_signal(f_key[0], grid, values=f_key[2], **dict(f_key[1]))
    g = sg.make_signal(g_key[0], grid, values=g_key[2], **dict(g_key[1]))
    ts = times(mode)
    frames = sconv.slide_frames(f, g, ts, correlate=correlate)
    window = (grid.start, grid.end)
    spec = sconv.signal_spectra(f, g, pad=pad, correlate=correlate, window=window)
    scale = grid.weight if (f.impulsive and g.impulsive and mode == "continuous") else 1.0
    slide = figs.slide_figure(f, g, frames, current=0, correlate=correlate, lang=lang, projector=projector).to_dict()
    return {
        "f": f, "g": g, "scale": scale, "slide_frames": slide.pop("frames"), "slide": slide,
        "spec_fig": figs.spectrum_figure(spec, lang=lang, projector=projector),
        "check_fig": figs.check_figure(spec, window=window, lang=lang, projector=projector),
        "n_fft": spec.n_fft,
        "needed": spec.needed,
        "error": spec.max_error,
        "impulses": bool((f.impulsive or g.impulsive) and mode == "continuous"),
        "times": ts,  # y at every time of the slider: the "find the maximum" exercise checks against it
        "ys": frames.y * scale,
        "f_span": sconv.support(f),
        "g_span": sconv.support(g),
        "g_centre": sconv.symmetry_centre(g),
        "peaks": {op: _peak_span(sconv.convolve_signals(f, g, correlate=op == "correlate"))
                  for op in ("convolve", "correlate")},
    }


def _peak_span(out: sconv.Output) -> tuple[float, float]:
    """First and last time where the output is largest (a flat top has several)."""
    v = out.values
    top = out.axis[v >= v.max() - 1e-9 * max(abs(float(v.max())), 1e-300)]
    return float(top[0]), float(top[-1])


def build(mode: str, f_key: tuple, g_key: tuple, correlate: bool, position: float, pad: bool, lang: str,
          projector: bool, draft: bool = False) -> dict:
    """All numbers and figures of the page for one setting; ``f_key``/``g_key`` are
    (shape, ((parameter, value), ...), custom values or ``None``). ``draft``: the slide chart
    without its Play frames (while a slider is dragged; the numbers and the still picture are exact)."""
    still = _still(mode, f_key, g_key, correlate, pad, lang, projector)
    f, g, ts, scale = still["f"], still["g"], still["times"], still["scale"]
    current = int(np.argmin(np.abs(ts - position)))
    slide = sconv.flip_and_slide(f, g, float(ts[current]), correlate=correlate)
    return {
        **{k: v for k, v in still.items() if k not in ("f", "g", "scale", "slide", "slide_frames")},
        "slide_fig": figs.at_frame(still["slide"], still["slide_frames"], current, animate=not draft),
        "t": float(ts[current]),
        "area": slide.area * scale,
        "y": slide.y * scale,
    }
