"""Convolution and correlation of 1-D signals: full outputs, flip-and-slide, spectra.

The Signal Lab's operations on the signals of :mod:`app.backend.signals` (same time grids).
Pure numpy/scipy (no Streamlit, no plotly).

Convention (the same as the 2-D engine, :mod:`app.backend.convolution`)
------------------------------------------------------------------------
convolution (flip ``g``, slide, multiply, sum)::

    y(t) = (f ∗ g)(t) = ∫ f(τ) g(t − τ) dτ          numpy.convolve(f, g, "full") · dt

correlation (no flip: ``g`` is only slid)::

    y(t) = (f ⋆ g)(t) = ∫ f(τ) g(τ − t) dτ          numpy.correlate(f, g, "full") · dt

In the 2-D engine, ``f`` is the image and ``g`` the kernel; its ``convolve`` and
``correlate`` (zero boundary) are the centred crops of these full outputs. For real
signals, correlation equals convolution with the time-reversed ``g``; it equals
convolution exactly when ``g`` is symmetric about ``t = 0``.

The full output of a convolution starts at ``f.start + g.start``; the full output of a
correlation starts at ``f.start − g.end`` (``g.end`` is the time of ``g``'s last sample).

Examples
--------
>>> from app.backend.signals import make_grid, make_signal
>>> grid = make_grid("discrete")
>>> f = make_signal("rect", grid, width=1.0)       # 4 samples of 1 starting at n = 0
>>> g = make_signal("rect", grid, width=0.5)       # 2 samples of 1
>>> y = convolve_signals(f, g)
>>> [float(y.at(n)) for n in range(-1, 7)]
[0.0, 1.0, 2.0, 2.0, 2.0, 1.0, 0.0, 0.0]
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import scipy.fft as sp_fft

from .signals import Grid, Signal, SignalError

__all__ = [
    "Output",
    "Slide",
    "SlideFrames",
    "SpectrumCheck",
    "convolve_signals",
    "flip_and_slide",
    "slide_frames",
    "signal_spectra",
    "support",
    "symmetry_centre",
]


# ---------------------------------------------------------------------------------------------
# convolution / correlation
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Output:
    """A full convolution/correlation output on its own grid.

    ``order`` counts the impulses that survive (continuous view): 1 when both inputs are
    impulsive, so ``y`` itself is made of impulses (display them as ``values·dt``).
    """

    values: np.ndarray
    grid: Grid
    order: int = 0

    @property
    def axis(self) -> np.ndarray:
        return self.grid.axis

    def at(self, position: float) -> float:
        """The value at the grid position nearest ``position`` (0 outside the output)."""
        i = self.grid.index(position)
        return float(self.values[i]) if 0 <= i < self.grid.size else 0.0

    def on(self, grid: Grid) -> np.ndarray:
        """The output resampled (nearest sample, zero outside) on another grid with the same step."""
        idx = np.rint((grid.axis - self.grid.start) / self.grid.step).astype(int)
        ok = (idx >= 0) & (idx < self.grid.size)
        out = np.zeros(grid.size)
        out[ok] = self.values[idx[ok]]
        return out

    def display_values(self) -> np.ndarray:
        return self.values * self.grid.weight if self.order else self.values


def _check_pair(f: Signal, g: Signal) -> None:
    if not isinstance(f, Signal) or not isinstance(g, Signal):
        raise SignalError("f and g must be Signals made by make_signal.")
    if f.grid.mode != g.grid.mode or not math.isclose(f.grid.step, g.grid.step):
        raise SignalError("f and g must be on grids of the same view and step.")


def _order(f: Signal, g: Signal) -> int:
    return int(f.impulsive and g.impulsive and f.grid.mode == "continuous")


def _full_start(f: Signal, g: Signal, correlate: bool) -> float:
    return f.start - g.end if correlate else f.start + g.start


def convolve_signals(f: Signal, g: Signal, *, correlate: bool = False, method: str = "direct") -> Output:
    """The full linear convolution ``f ∗ g`` (or correlation ``f ⋆ g``) of two sampled signals.

    Parameters
    ----------
    f, g : Signal
        Input and impulse response, on grids of the same view and step.
    correlate : bool
        ``False``: ``y(t) = ∫ f(τ) g(t − τ) dτ`` (flip g). ``True``: ``y(t) = ∫ f(τ) g(τ − t) dτ``
        (no flip) — ``numpy.correlate(f, g, "full")`` times the weight.
    method : {"direct", "fft"}
        Direct sums (``numpy.convolve``) or zero-padded FFTs (same result to ~1e-12).

    Examples
    --------
    >>> from app.backend.signals import make_grid, make_signal
    >>> grid = make_grid("discrete")
    >>> f = make_signal("custom", grid, values=[1, 2, 3])
    >>> g = make_signal("custom", grid, values=[1, 1])
    >>> y = convolve_signals(f, g)
    >>> [float(y.at(n)) for n in range(4)]
    [1.0, 3.0, 5.0, 3.0]
    """
    _check_pair(f, g)
    if method not in ("direct", "fft"):
        raise SignalError(f"Unknown method {method!r}; choose 'direct' or 'fft'.")
    w = f.grid.weight
    if method == "direct":
        y = (np.correlate(f.values, g.values, "full") if correlate else np.convolve(f.values, g.values)) * w
    else:
        y = _fft_full(f.values, g.values, correlate=correlate, pad=True)[0] * w
    grid = Grid(f.grid.mode, _full_start(f, g, correlate), f.grid.step, f.grid.size + g.grid.size - 1)
    return Output(y, grid, _order(f, g))


def _fft_full(fv: np.ndarray, gv: np.ndarray, *, correlate: bool, pad: bool):
    """Inverse FFT of F·G (or F·conj(G)) arranged on the full-output index axis.

    Returns ``(y_full, F, G, n_fft)``. With ``pad`` the FFT length is at least
    ``len(f)+len(g)−1`` (linear result); without it, ``max(len f, len g)`` and the result is
    circular: ``y_full`` is then the periodic extension (period n_fft) of the circular output.
    """
    nf, ng = fv.size, gv.size
    needed = nf + ng - 1
    n = sp_fft.next_fast_len(needed, real=True) if pad else max(nf, ng)
    F = sp_fft.rfft(fv, n)
    G = sp_fft.rfft(gv, n)
    Y = F * np.conj(G) if correlate else F * G
    c = sp_fft.irfft(Y, n)
    shift = -(ng - 1) if correlate else 0  # full index j  <->  circular index (j + shift) mod n
    j = np.arange(needed)
    return c[(j + shift) % n], F, G, n


# ---------------------------------------------------------------------------------------------
# flip and slide
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Slide:
    """One moment of the flip-and-slide picture.

    ``g_shifted[i]`` is ``g(t − τ_i)`` (convolution) or ``g(τ_i − t)`` (correlation) on f's
    grid; ``product = f · g_shifted``; ``area = Σ product · weight`` equals ``y(t)``.
    """

    t: float
    tau: np.ndarray
    f: np.ndarray
    g_shifted: np.ndarray
    product: np.ndarray
    area: float
    y: float


def _shift_index(f: Signal, g: Signal, t: np.ndarray, correlate: bool) -> np.ndarray:
    """Index into g.values of g(t − τ) (or g(τ − t)) for every frame t and every τ of f's grid."""
    tau = f.axis[None, :]
    t = np.asarray(t, dtype=float)[:, None]
    arg = (tau - t) if correlate else (t - tau)
    return np.rint((arg - g.start) / g.grid.step).astype(int)


def _gather(g: Signal, idx: np.ndarray) -> np.ndarray:
    ok = (idx >= 0) & (idx < g.grid.size)
    return np.where(ok, g.values[np.clip(idx, 0, g.grid.size - 1)], 0.0)


def _snap(f: Signal, t) -> np.ndarray:
    """Times snapped to the grid (multiples of the step from f's start)."""
    t = np.atleast_1d(np.asarray(t, dtype=float))
    if not np.all(np.isfinite(t)):
        raise SignalError("t must be a finite number.")
    return f.start + np.rint((t - f.start) / f.grid.step) * f.grid.step


def flip_and_slide(f: Signal, g: Signal, t: float, *, correlate: bool = False) -> Slide:
    """The overlap picture at time ``t`` (snapped to the grid): ``g(t − τ)``, the product, its area.

    ``area`` (the integral/sum of ``f(τ)·g(t − τ)``) equals the convolution output at ``t``
    (``y``, taken from :func:`convolve_signals`) to rounding.

    Examples
    --------
    >>> from app.backend.signals import make_grid, make_signal
    >>> grid = make_grid("discrete")
    >>> f = make_signal("rect", grid, width=1.0)
    >>> s = flip_and_slide(f, make_signal("rect", grid, width=1.0), 2)
    >>> s.area, s.y
    (3.0, 3.0)
    """
    _check_pair(f, g)
    ts = _snap(f, t)
    gs = _gather(g, _shift_index(f, g, ts, correlate))[0]
    prod = f.values * gs
    y = convolve_signals(f, g, correlate=correlate).at(float(ts[0]))
    return Slide(float(ts[0]), f.axis, f.values, gs, prod, float(prod.sum() * f.grid.weight), y)


@dataclass(frozen=True, eq=False)
class SlideFrames:
    """Flip-and-slide for many times at once (animation frames), on a display sub-grid.

    ``tau`` holds every ``stride``-th sample of f's grid; ``g_shifted``/``product`` are
    ``(len(times), len(tau))``; ``area`` is computed on the *full* grid, so it equals ``y``
    exactly; ``y_times`` is ``y`` at every time (the curve drawn up to the current frame).
    """

    times: np.ndarray
    tau: np.ndarray
    f: np.ndarray
    g_shifted: np.ndarray
    product: np.ndarray
    area: np.ndarray
    y: np.ndarray
    output: Output


def slide_frames(f: Signal, g: Signal, times, *, correlate: bool = False, stride: int = 1) -> SlideFrames:
    """Compute :func:`flip_and_slide` for every time in ``times`` (vectorised).

    Examples
    --------
    >>> from app.backend.signals import make_grid, make_signal
    >>> grid = make_grid("discrete")
    >>> f = make_signal("rect", grid); g = make_signal("exp", grid)
    >>> fr = slide_frames(f, g, [0, 1, 2])
    >>> bool(np.allclose(fr.area, fr.y))
    True
    """
    _check_pair(f, g)
    if not isinstance(stride, int) or stride < 1:
        raise SignalError("stride must be a whole number ≥ 1.")
    ts = _snap(f, times)
    if ts.size > 2000:
        raise SignalError("At most 2000 frames.")
    idx = _shift_index(f, g, ts, correlate)
    gs = _gather(g, idx)
    prod = gs * f.values[None, :]
    area = prod.sum(axis=1) * f.grid.weight
    out = convolve_signals(f, g, correlate=correlate)
    y = np.array([out.at(float(x)) for x in ts])
    sub = slice(None, None, stride)
    return SlideFrames(ts, f.axis[sub], f.values[sub], gs[:, sub], prod[:, sub], area, y, out)


# ---------------------------------------------------------------------------------------------
# frequency view
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class SpectrumCheck:
    """Spectra of f, g and their product, and the convolution theorem check.

    ``freqs`` are in cycles per time unit (continuous) or cycles per sample (discrete).
    ``F``, ``G``, ``Y`` are the rfft's of length ``n_fft`` (continuous: times ``dt``, so they
    approximate the continuous Fourier transform); ``Y = F·G`` (``F·conj(G)`` for correlation).
    ``y_fft`` is the inverse FFT arranged on ``direct.grid`` (for ``padded=False`` the periodic
    extension of the circular result, so the wrap-around shows); ``max_error`` is
    ``max |y_fft − direct|`` over ``window`` (or the whole output).
    """

    freqs: np.ndarray
    F: np.ndarray
    G: np.ndarray
    Y: np.ndarray
    n_fft: int
    needed: int
    padded: bool
    y_fft: np.ndarray
    direct: Output
    max_error: float


def signal_spectra(f: Signal, g: Signal, *, pad: bool = True, correlate: bool = False,
                   window: tuple[float, float] | None = None) -> SpectrumCheck:
    """|F|, |G|, |F·G| and the check ``IFFT(F·G) == f ∗ g``.

    Parameters
    ----------
    pad : bool
        ``True``: zero-pad to ``n_fft ≥ len(f) + len(g) − 1`` (rounded up to a fast size), so
        the FFT route gives the *linear* convolution (``max_error`` ~1e-13). ``False``:
        ``n_fft = max(len f, len g)`` — *circular* convolution: the tail wraps around to the
        start and ``max_error`` shows by how much.
    window : (lo, hi), optional
        Positions (time units or samples, like the grid) where ``max_error`` is measured.

    Examples
    --------
    >>> from app.backend.signals import make_grid, make_signal
    >>> grid = make_grid("discrete")
    >>> f = make_signal("rect", grid, width=2.0); g = make_signal("exp", grid)
    >>> signal_spectra(f, g).max_error < 1e-9
    True
    >>> signal_spectra(f, g, pad=False).max_error > 0.1     # wrap-around
    True
    """
    _check_pair(f, g)
    direct = convolve_signals(f, g, correlate=correlate)
    w = f.grid.weight
    y_full, F, G, n = _fft_full(f.values, g.values, correlate=correlate, pad=pad)
    y_fft = y_full * w
    if window is not None:
        x = direct.axis
        sel = (x >= window[0] - 1e-9) & (x <= window[1] + 1e-9)
    else:
        sel = slice(None)
    err = float(np.max(np.abs(y_fft[sel] - direct.values[sel]), initial=0.0))
    d = f.grid.step if f.grid.mode == "continuous" else 1.0
    freqs = sp_fft.rfftfreq(n, d)
    F, G = F * w, G * w
    Y = F * np.conj(G) if correlate else F * G
    return SpectrumCheck(freqs, F, G, Y, n, f.grid.size + g.grid.size - 1, pad, y_fft, direct, err)


# ---------------------------------------------------------------------------------------------
# what the page says about the live signals
# ---------------------------------------------------------------------------------------------
_NONZERO = 1e-9  # relative: smaller samples count as zero (a Gaussian's far tails)


def support(s: Signal) -> tuple[float, float]:
    """First and last time where ``s`` is not (practically) zero; ``(nan, nan)`` for a zero signal.

    Examples
    --------
    >>> from app.backend.signals import make_grid, make_signal
    >>> support(make_signal("custom", make_grid("discrete"), values=[0, 1, 2, 0]))
    (1.0, 2.0)
    """
    v = np.abs(s.values)
    on = np.flatnonzero(v > _NONZERO * float(v.max())) if v.max() > 0 else np.array([], int)
    if on.size == 0:
        return float("nan"), float("nan")
    return float(s.axis[on[0]]), float(s.axis[on[-1]])


def symmetry_centre(s: Signal) -> float | None:
    """The time ``c`` with ``s(c + τ) = s(c − τ)`` for every τ, or ``None`` when there is none.

    Convolution and correlation with ``g`` agree exactly when ``g`` is symmetric about 0; about
    another ``c`` correlation gives convolution's output moved by ``−2c``.

    Examples
    --------
    >>> from app.backend.signals import make_grid, make_signal
    >>> grid = make_grid("continuous")
    >>> symmetry_centre(make_signal("gauss", grid)), symmetry_centre(make_signal("exp", grid))
    (1.0, None)
    """
    v = s.values
    scale = float(np.abs(v).max())
    if scale == 0:
        return None
    on = np.flatnonzero(np.abs(v) > _NONZERO * scale)
    part = v[on[0]:on[-1] + 1]
    if not np.allclose(part, part[::-1], rtol=0.0, atol=1e-6 * scale):
        return None
    return round(float(s.axis[on[0]] + s.axis[on[-1]]) / 2, 9)
