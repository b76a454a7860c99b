"""The Signal Lab's "Hear it" logic: a sound ``f``, an impulse response ``h`` and ``f ∗ h`` as WAV
bytes, and the spectra of what plays (no widgets; the layout is :mod:`app.labs.signal_lab.parts.hear`).

What plays is peak-normalised (:func:`app.backend.audio.to_wav_bytes`), so the spectra drawn are
those of the normalised sounds; the output's is ``|F · H|`` times the output's normalising factor,
because the output is the full linear convolution (an uploaded sound is shortened first so that
``f ∗ h`` fits in :data:`app.backend.audio.MAX_SECONDS`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go
import streamlit as st

from app.backend import audio
from app.ui.a11y import alt_text
from app.ui.figures import SERIES_COLORS, style_line_figure
from app.ui.format import number
from app.ui.strings import t

SECONDS = 2.0  # length of the shipped test sounds
PLOT_POINTS = 1200  # log-spaced frequency bins of the drawn spectra
LOWEST_HZ = 20.0
FLOOR_DB = -100.0


@dataclass(frozen=True)
class Heard:
    """The three sounds as played (normalised) and their WAV bytes."""

    f: np.ndarray
    h: np.ndarray
    y: np.ndarray
    wavs: tuple[bytes, bytes, bytes]
    shortened: bool  # the uploaded sound was cut so that f ∗ h fits in MAX_SECONDS


def fit_input(f: np.ndarray, h: np.ndarray) -> tuple[np.ndarray, bool]:
    """``f`` cut so the full ``f ∗ h`` is at most :data:`~app.backend.audio.MAX_SECONDS` long.

    Examples
    --------
    >>> f, cut = fit_input(np.ones(audio.SAMPLE_RATE * 5), np.ones(441))
    >>> f.size + 441 - 1 == int(audio.MAX_SECONDS * audio.SAMPLE_RATE), cut
    (True, True)
    """
    room = int(audio.MAX_SECONDS * audio.SAMPLE_RATE) - h.size + 1
    return (f[:room], True) if f.size > room else (f, False)


def hear(f: np.ndarray, h: np.ndarray) -> Heard:
    """The sound, the response and their convolution, normalised as played, with WAV bytes."""
    f, shortened = fit_input(np.asarray(f, dtype=np.float64), h)
    y = audio.apply_response(f, h)
    played = tuple(audio.normalise(x) for x in (f, h, y))
    return Heard(*played, wavs=tuple(audio.to_wav_bytes(x) for x in played), shortened=shortened)


@st.cache_data(max_entries=16, show_spinner=False)
def heard(sound_key: str, response: str, *, _sound: np.ndarray) -> Heard:
    """:func:`hear` of a sound (``sound_key``: its name or the upload's digest) and a shipped response."""
    return hear(_sound, audio.make_response(response))


@st.cache_data(max_entries=8, show_spinner=False)
def shipped_sound(name: str) -> np.ndarray:
    """A shipped test sound of :data:`SECONDS`."""
    return audio.make_sound(name, seconds=SECONDS)


def upload_key(data: bytes) -> str:
    """The cache key of an uploaded file's bytes."""
    return "upload:" + hashlib.sha1(data).hexdigest()


def spectra(heard_: Heard) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """``|F|``, ``|H|`` and ``|Y|`` of what plays, all on the output's FFT length (Hz, magnitude)."""
    n = heard_.y.size
    return {name: audio.magnitude_spectrum(x, n) for name, x in (("f", heard_.f), ("h", heard_.h), ("y", heard_.y))}


def decimate(freqs: np.ndarray, magnitude: np.ndarray, points: int = PLOT_POINTS) -> tuple[np.ndarray, np.ndarray]:
    """The largest magnitude in each of ``points`` log-spaced bands from 20 Hz up (peaks survive).

    Examples
    --------
    >>> f = np.linspace(0, 22050, 22051); m = np.zeros_like(f); m[1000] = 5.0
    >>> x, y = decimate(f, m, 50)
    >>> float(y.max()), bool(x[np.argmax(y)] <= 1000 < x[np.argmax(y)] * 1.2)
    (5.0, True)
    """
    keep = freqs >= LOWEST_HZ
    freqs, magnitude = freqs[keep], magnitude[keep]
    edges = np.geomspace(LOWEST_HZ, freqs[-1] * (1 + 1e-9), points + 1)
    starts = np.unique(np.searchsorted(freqs, edges[:-1]))
    starts = starts[starts < freqs.size]
    return freqs[starts], np.maximum.reduceat(magnitude, starts)


def to_db(magnitude: np.ndarray, reference: float) -> np.ndarray:
    """``20 log10(m / reference)``, floored at :data:`FLOOR_DB`."""
    return np.maximum(20 * np.log10(np.maximum(magnitude, 1e-300) / reference), FLOOR_DB)


def spectrum_figure(heard_: Heard, *, lang: str, projector: bool = False) -> go.Figure:
    """The three spectra of what plays, each in dB below its own loudest bin (log frequency): the
    output's curve is the sum of the other two plus a constant."""
    fig = go.Figure()
    for (name, (freqs, mag)), colour in zip(spectra(heard_).items(), SERIES_COLORS):
        x, y = decimate(freqs, mag)
        fig.add_scatter(x=x, y=to_db(y, float(mag.max()) or 1.0), name=t(f"sl.hear.spec.{name}", lang),
                        line={"color": colour})
    style_line_figure(fig, x_title=t("sl.hear.hz", lang), y_title=t("sl.hear.db", lang), height=300,
                      projector=projector)
    fig.update_xaxes(type="log")
    return fig


def spectrum_alt(heard_: Heard, lang: str) -> str:
    """The spectra chart's text alternative: where each of the three sounds is loudest (Hz)."""
    notes = [t("sl.hear.loudest", lang, name=t(f"sl.hear.spec.{name}", lang), hz=number(float(freqs[mag.argmax()]), 4))
             for name, (freqs, mag) in spectra(heard_).items()]
    return alt_text(t("sl.hear.spec_title", lang), lang, note=notes)
