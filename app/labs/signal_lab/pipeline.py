"""The Signal Lab's page data for one setting, cached (a rerun with the same settings is free)."""

from __future__ import annotations

import numpy as np
import streamlit as st

from app.backend import signals as sg
from app.backend import signal_convolution as sconv
from app.labs.signal_lab import figures as figs
from app.labs.signal_lab.schema import N_RANGE, T_RANGE, T_STEP


def times(mode: str) -> np.ndarray:
    """The animation's frame times: every integer n (discrete) or t in steps of :data:`T_STEP`."""
    if mode == "discrete":
        return np.arange(N_RANGE[0], N_RANGE[1] + 1, dtype=float)
    return np.round(np.arange(T_RANGE[0], T_RANGE[1] + T_STEP / 2, T_STEP), 6)


@st.cache_data(max_entries=24, show_spinner=False)
def build(mode: str, f_key: tuple, g_key: tuple, correlate: bool, position: float, pad: bool, lang: str,
          projector: bool) -> dict:
    """All numbers and figures of the page for one setting; ``f_key``/``g_key`` are
    (shape, ((parameter, value), ...), custom values or ``None``)."""
    grid = sg.make_grid(mode)
    f = sg.make_signal(f_key[0], grid, values=f_key[2], **dict(f_key[1]))
    g = sg.make_signal(g_key[0], grid, values=g_key[2], **dict(g_key[1]))
    ts = times(mode)
    frames = sconv.slide_frames(f, g, ts, correlate=correlate)
    current = int(np.argmin(np.abs(ts - position)))
    slide = sconv.flip_and_slide(f, g, float(ts[current]), correlate=correlate)
    window = (grid.start, grid.end)
    spec = sconv.signal_spectra(f, g, pad=pad, correlate=correlate, window=window)
    scale = grid.weight if (f.impulsive and g.impulsive and mode == "continuous") else 1.0
    return {
        "slide_fig": figs.slide_figure(f, g, frames, current=current, correlate=correlate, lang=lang, projector=projector),
        "spec_fig": figs.spectrum_figure(spec, lang=lang, projector=projector),
        "check_fig": figs.check_figure(spec, window=window, lang=lang, projector=projector),
        "t": float(ts[current]),
        "area": slide.area * scale,
        "y": slide.y * scale,
        "n_fft": spec.n_fft,
        "needed": spec.needed,
        "error": spec.max_error,
        "impulses": bool((f.impulsive or g.impulsive) and mode == "continuous"),
        "times": ts,  # y at every time of the slider: the "find the maximum" exercise checks against it
        "ys": frames.y * scale,
    }
