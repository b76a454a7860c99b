"""The Signal Lab's "find the maximum" exercise: guess where y is largest, then check.

Graphical convolution's most common error is placing the output's peak wrongly (Crockett
et al., IEEE Trans. Educ. 2023). The student sets the time where they expect y to be
largest; the check shows the true maximum over the slider's times, the distance to it, and
a button that moves the chart's marker there.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import streamlit as st

from app.labs.signal_lab.schema import N_RANGE, T_RANGE, T_STEP
from app.ui import predict
from app.ui.format import number, percent
from app.ui.shell import answers_hidden
from app.ui.strings import t

KEY = "q_sl_max"

REL_TOL = 1e-9  # values this close (relative to the peak) to the maximum count as the maximum (flat tops)


@dataclass(frozen=True)
class MaxCheck:
    """The true maximum (a flat top has several maximising times) and how far a guess is from it."""

    y_max: float
    t_first: float  # the first and last times where y is largest
    t_last: float
    guess: float
    y_guess: float
    distance: float  # from the guess to the nearest maximising time (0 on a flat top)
    shortfall: float  # (y_max − y(guess)) / |y_max|, 0 … (0 when y_max is 0)


def check_guess(times: np.ndarray, ys: np.ndarray, guess: float) -> MaxCheck:
    """Check ``guess`` against the maximum of ``ys`` sampled at ``times``.

    Examples
    --------
    >>> c = check_guess(np.arange(5.0), np.array([0.0, 1, 3, 3, 1]), 0.0)
    >>> c.y_max, c.t_first, c.t_last, c.distance, round(c.shortfall, 3)
    (3.0, 2.0, 3.0, 2.0, 1.0)
    """
    times, ys = np.asarray(times, float), np.asarray(ys, float)
    y_max = float(ys.max())
    top = times[ys >= y_max - REL_TOL * max(abs(y_max), 1e-300)]
    i = int(np.argmin(np.abs(times - guess)))
    y_guess = float(ys[i])
    shortfall = (y_max - y_guess) / abs(y_max) if y_max != 0 else 0.0
    return MaxCheck(y_max, float(top[0]), float(top[-1]), float(times[i]), y_guess,
                    float(np.abs(top - times[i]).min()), shortfall)


#: Moments of the slide, in the order they are named when the peak falls on several.
LANDMARKS: tuple[str, ...] = ("front_end", "back_start", "begin", "end")


def landmark_times(f_span: tuple[float, float], g_span: tuple[float, float], correlate: bool) -> dict[str, float]:
    """When, as g slides over f, the overlap begins and ends, the front of the sliding g reaches
    the end of f, and its back leaves the start of f.

    Convolution slides the flipped g, which covers ``[t − g1, t − g0]`` at time t; correlation
    slides g itself, covering ``[t + g0, t + g1]``.

    Examples
    --------
    >>> landmark_times((0.0, 1.0), (0.0, 7.0), correlate=False)  # rect ∗ exp
    {'front_end': 1.0, 'back_start': 7.0, 'begin': 0.0, 'end': 8.0}
    """
    (f0, f1), (g0, g1) = f_span, g_span
    if correlate:
        return {"front_end": f1 - g1, "back_start": f0 - g0, "begin": f0 - g1, "end": f1 - g0}
    return {"front_end": f1 + g0, "back_start": f0 + g1, "begin": f0 + g0, "end": f1 + g1}


def peak_landmark(times: dict[str, float], peak: tuple[float, float], tol: float) -> str | None:
    """The first of :data:`LANDMARKS` whose time lies on the peak (first … last, within ``tol``), else ``None``.

    Examples
    --------
    >>> peak_landmark({"front_end": 1.0, "back_start": 7.0, "begin": 0.0, "end": 8.0}, (1.0, 1.0), 0.01)
    'front_end'
    """
    for name in LANDMARKS:
        if peak[0] - tol <= times[name] <= peak[1] + tol:
            return name
    return None


def peak_reason(times: np.ndarray, ys: np.ndarray, f_span, g_span, correlate: bool, var: str, lang: str) -> str:
    """Why y peaks where it does, from the live signals: the moment of the slide it falls on."""
    c = check_guess(times, ys, float(times[0]))
    tol = float(np.min(np.diff(times))) / 2 + 1e-9 if times.size > 1 else 1e-9
    if not all(np.isfinite((*f_span, *g_span))):
        return ""
    moments = landmark_times(f_span, g_span, correlate)
    name = peak_landmark(moments, (c.t_first, c.t_last), tol)
    if name is None:
        return t("q.max.why.between", lang)
    return t(f"q.max.why.{name}", lang, var=var, at=number(moments[name]))


def _span_text(span: tuple[float, float]) -> str:
    return number(span[0]) if span[0] == span[1] else f"{number(span[0])} … {number(span[1])}"


def symmetry_note(g_centre: float | None, peaks: dict[str, tuple[float, float]], var: str, lang: str) -> str:
    """Whether convolution and correlation agree for the live g, and where each output peaks.

    Examples
    --------
    >>> symmetry_note(1.0, {"convolve": (1.5, 1.5), "correlate": (-0.5, -0.5)}, "t", "en")
    "g is symmetric about t = 1, not about 0: correlation gives convolution's y moved by -2 (largest at t = 1.5 for convolution, -0.5 for correlation)."
    """
    conv, corr = _span_text(peaks["convolve"]), _span_text(peaks["correlate"])
    if g_centre is None:
        return t("sl.sym.none", lang, var=var, conv=conv, corr=corr)
    if g_centre == 0:
        return t("sl.sym.zero", lang, var=var, conv=conv)
    return t("sl.sym.shifted", lang, var=var, c=number(g_centre), shift=number(-2 * g_centre), conv=conv, corr=corr)


def _guess_slider(mode: str, lang: str) -> float:
    """The guess, on the time slider's own grid (t in steps of :data:`T_STEP`, or n); a new guess
    hides the last check's answer."""
    again = {"on_change": predict.conceal, "args": (KEY,)}
    # release-only on purpose: nothing on the page depends on the guess until Check, so a live drag
    # would only re-run the whole lab for pictures that do not change
    if mode == "discrete":
        return float(st.slider(t("q.max.guess", lang, var="n"), *N_RANGE, value=0, step=1, key="sl_guess_n", **again))
    return float(st.slider(t("q.max.guess", lang, var="t"), *T_RANGE, value=0.0, step=T_STEP, key="sl_guess_t",
                           **again))


def exercise(times: np.ndarray, ys: np.ndarray, mode: str, lang: str, reason: str = "") -> None:
    """The exercise in a fold: guess slider, *Check* button, then the maximum, the error (with
    ``reason``, :func:`peak_reason`) and a button that moves the chart's marker (the time slider)
    to the maximum."""
    var = "n" if mode == "discrete" else "t"
    with st.expander(t("q.max.title", lang), expanded=answers_hidden()):
        st.markdown(t("q.max.prompt", lang, var=var))
        c = check_guess(times, ys, _guess_slider(mode, lang))
        if not predict.reveal_button(KEY, lang, "q.max.check"):
            return
        where = number(c.t_first) if c.t_first == c.t_last else f"{number(c.t_first)} … {number(c.t_last)}"
        fields = {"var": var, "where": where, "y_max": number(c.y_max), "guess": number(c.guess),
                  "y_guess": number(c.y_guess), "dist": number(c.distance), "short": percent(c.shortfall),
                  "why": reason}
        if c.distance == 0:
            st.success(t("q.max.right", lang, **fields))
        else:
            st.info(t("q.max.off", lang, **fields))
        target = "sl_n" if mode == "discrete" else "sl_t"
        nearest = c.t_first if abs(c.t_first - c.guess) <= abs(c.t_last - c.guess) else c.t_last
        st.button(t("q.max.show", lang), key=f"{KEY}_show", on_click=st.session_state.__setitem__,
                  args=(target, int(nearest) if mode == "discrete" else nearest))
