"""One-dimensional signals for the Signal Lab: the signal library, its time grids, custom values.

Pure numpy (no Streamlit, no plotly). With :mod:`app.backend.signal_convolution`, everything
the Signal Lab page shows is computed here, so a notebook can reproduce every number on the screen.

Time grids
----------
Two *views* (``MODES``) of the same signals:

``"continuous"``
    A fine grid ``τ = WINDOW[0] + k·dt`` (``dt = CONTINUOUS_DT = 0.01`` time units).
    Integrals are Riemann sums with weight ``dt``: ``y(t) ≈ Σ_k f(τ_k)·g(t − τ_k)·dt``.
    Discontinuities are *cell-averaged* (a sample on a jump holds the fraction of its cell
    ``[τ − dt/2, τ + dt/2]`` that is covered), which makes the sum as accurate as the
    trapezoid rule at the edges. An impulse δ(t − t₀) of weight ``w`` is one sample of
    height ``w/dt`` (unit area times ``w``) at the grid point nearest ``t₀``.
``"discrete"``
    Integer samples ``n``, ``SAMPLES_PER_UNIT = 4`` samples per time unit, so the window
    ``[-3, 7)`` time units is ``n = -12 … 28``. Sums have weight 1:
    ``y[n] = Σ_m f[m]·g[n − m]``; δ[n] is a single sample of height 1.

Signal parameters are in *time units* in both views (a rectangle of width 1 lasts 4
samples in the discrete view), so switching views shows the same shapes.

Signals are zero outside the window ``WINDOW`` (a step is a step that ends at the window's
right edge).

Convolution, correlation, flip-and-slide and spectra of these signals:
:mod:`app.backend.signal_convolution`.

Examples
--------
>>> f = make_signal("rect", make_grid("discrete"), width=1.0)  # 4 samples of 1 starting at n = 0
>>> f.display_values()[12:17].tolist()
[1.0, 1.0, 1.0, 1.0, 0.0]
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import numpy as np

from kernels.numbers import format_number
from kernels.spec import Param

from ._validate import BackendError

__all__ = [
    "MODES",
    "WINDOW",
    "CONTINUOUS_DT",
    "SAMPLES_PER_UNIT",
    "MAX_CUSTOM_VALUES",
    "SignalError",
    "SignalParam",
    "SignalSpec",
    "Grid",
    "Signal",
    "signal_catalog",
    "signal_spec",
    "signal_names",
    "make_grid",
    "make_signal",
    "parse_values",
    "format_values",
]

MODES: tuple[str, ...] = ("continuous", "discrete")

#: The time window (in time units) on which signals live and the page draws: [start, end].
WINDOW: tuple[float, float] = (-3.0, 7.0)
#: Step of the continuous view's fine grid (time units).
CONTINUOUS_DT: float = 0.01
#: Samples per time unit in the discrete view (n = SAMPLES_PER_UNIT · t).
SAMPLES_PER_UNIT: int = 4
#: Longest custom signal accepted (values).
MAX_CUSTOM_VALUES: int = 64
#: Largest magnitude accepted for a custom value.
MAX_CUSTOM_ABS: float = 1e6


class SignalError(BackendError):
    """A signal could not be built or read: one short, friendly English line (and a ``code``)."""


# ---------------------------------------------------------------------------------------------
# catalogue metadata
# ---------------------------------------------------------------------------------------------
class SignalParam(Param):
    """One numeric parameter of a library signal (becomes a slider).

    The kernel catalogue's :class:`kernels.spec.Param` (same fields, range text and
    validation) whose :meth:`~kernels.spec.Param.validate` raises :class:`SignalError`;
    the label must hold exactly ``"en"`` and ``"zh"``.

    Examples
    --------
    >>> p = SignalParam("a", "float", 0.1, 5.0, 0.1, 1.0, {"en": "Decay rate a", "zh": "衰减率 a"})
    >>> p.validate(2)
    2.0
    """

    error = SignalError

    def __post_init__(self) -> None:
        super().__post_init__()
        if set(self.label) != {"en", "zh"}:
            raise ValueError(f"SignalParam {self.name}: label needs 'en' and 'zh'")


@dataclass(frozen=True)
class SignalSpec:
    """One library signal: its name, parameters (slider order), labels and formula.

    ``impulsive`` signals (δ, impulse train) are made of impulses: in the continuous view
    their samples are spikes of height ``weight/dt``.
    """

    name: str
    params: tuple = ()
    label: dict = field(default_factory=dict, compare=False)
    formula: str = ""
    impulsive: bool = False

    def __hash__(self) -> int:
        return hash((self.name, self.params, self.impulsive))

    def param(self, name: str) -> SignalParam:
        """The parameter called ``name`` (:class:`SignalError` if there is none)."""
        for p in self.params:
            if p.name == name:
                return p
        raise SignalError(f"{self.name} has no parameter {name!r}; it has {', '.join(p.name for p in self.params)}.")

    def defaults(self) -> dict:
        """Default parameter values, ``{name: value}``."""
        return {p.name: (int(p.default) if p.kind == "int" else float(p.default)) for p in self.params}


def _p(name, kind, lo, hi, step, default, en, zh) -> SignalParam:
    return SignalParam(name, kind, lo, hi, step, default, {"en": en, "zh": zh})


def _amp() -> SignalParam:
    return _p("amp", "float", -2.0, 2.0, 0.1, 1.0, "Amplitude", "幅度")


def _start(default: float = 0.0) -> SignalParam:
    return _p("shift", "float", -2.0, 4.0, 0.25, default, "Start time", "起始时刻")


def _centre(default: float = 0.0) -> SignalParam:
    return _p("shift", "float", -2.0, 4.0, 0.25, default, "Centre", "中心位置")


_CATALOG: tuple[SignalSpec, ...] = (
    SignalSpec("rect", (_amp(), _start(), _p("width", "float", 0.25, 4.0, 0.25, 1.0, "Width", "宽度")),
               {"en": "Rectangle (pulse)", "zh": "矩形脉冲"}, "A · rect"),
    SignalSpec("triangle", (_amp(), _centre(1.0), _p("width", "float", 0.25, 3.0, 0.25, 1.0, "Half-width", "半宽")),
               {"en": "Triangle", "zh": "三角波"}, "A · tri"),
    SignalSpec("step", (_amp(), _start()), {"en": "Unit step u(t)", "zh": "单位阶跃 u(t)"}, "A · u(t − t₀)"),
    SignalSpec("exp", (_amp(), _start(), _p("a", "float", 0.1, 5.0, 0.1, 1.0, "Decay rate a", "衰减系数 a")),
               {"en": "Exponential decay e^(−at)·u(t)", "zh": "指数衰减 e^(−at)·u(t)"}, "A · e^(−a(t−t₀)) u(t − t₀)"),
    SignalSpec("gauss", (_amp(), _centre(1.0), _p("sigma", "float", 0.1, 1.5, 0.05, 0.4, "Width σ", "宽度 σ")),
               {"en": "Gaussian", "zh": "高斯脉冲"}, "A · exp(−(t−t₀)²/2σ²)"),
    SignalSpec("sine_burst", (_amp(), _start(),
                              _p("freq", "float", 0.25, 2.0, 0.25, 1.0, "Frequency (cycles per unit)", "频率（每单位时间周期数）"),
                              _p("duration", "float", 0.5, 6.0, 0.25, 3.0, "Duration", "持续时间")),
               {"en": "Sine burst", "zh": "正弦波串"}, "A · sin(2πf(t−t₀)) on [t₀, t₀+T]"),
    SignalSpec("impulse", (_amp(), _start()), {"en": "Impulse δ(t)", "zh": "单位冲激 δ(t)"}, "A · δ(t − t₀)",
               impulsive=True),
    SignalSpec("impulse_train", (_amp(), _start(),
                                 _p("period", "float", 0.25, 3.0, 0.25, 1.0, "Period", "周期"),
                                 _p("count", "int", 1, 12, 1, 4, "Number of impulses", "冲激个数")),
               {"en": "Impulse train", "zh": "冲激串"}, "A · Σ δ(t − t₀ − kP)", impulsive=True),
    SignalSpec("noise", (_amp(), _start(), _p("duration", "float", 0.5, 6.0, 0.25, 3.0, "Duration", "持续时间"),
                         _p("seed", "int", 0, 999, 1, 0, "Random seed", "随机种子")),
               {"en": "Noise (seeded)", "zh": "随机噪声（固定种子）"}, "A · noise"),
    SignalSpec("custom", (_p("shift", "float", -2.0, 4.0, 0.25, 0.0, "Start time", "起始时刻"),
                          _p("hold", "float", 0.25, 2.0, 0.25, 0.25, "Time per value", "每个数值持续的时间")),
               {"en": "Custom (type numbers)", "zh": "自定义（输入数字）"}, "your numbers"),
)
_BY_NAME = {s.name: s for s in _CATALOG}

#: Values of the custom signal when none are given.
DEFAULT_CUSTOM_VALUES: tuple[float, ...] = (1.0, 2.0, 3.0, 2.0, 1.0, 0.5)


def signal_catalog() -> tuple[SignalSpec, ...]:
    """All library signals, in the order the page lists them.

    Examples
    --------
    >>> [s.name for s in signal_catalog()][:3]
    ['rect', 'triangle', 'step']
    """
    return _CATALOG


def signal_names() -> tuple[str, ...]:
    """Names of the library signals (keys for :func:`make_signal`).

    Examples
    --------
    >>> 'rect' in signal_names()
    True
    """
    return tuple(_BY_NAME)


def signal_spec(name: str) -> SignalSpec:
    """The :class:`SignalSpec` called ``name`` (:class:`SignalError` if unknown).

    Examples
    --------
    >>> signal_spec('rect').name
    'rect'
    """
    try:
        return _BY_NAME[name]
    except (KeyError, TypeError):
        raise SignalError(f"Unknown signal {name!r}; choose one of {', '.join(_BY_NAME)}.") from None


# ---------------------------------------------------------------------------------------------
# grids and signals
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Grid:
    """A uniform sample grid: ``axis = start + step · arange(size)``.

    ``weight`` is the integration measure: ``dt`` in the continuous view, 1 in the discrete
    view (a sum). In the discrete view ``start`` and the axis are sample numbers ``n``.
    """

    mode: str
    start: float
    step: float
    size: int

    @property
    def axis(self) -> np.ndarray:
        return self.start + self.step * np.arange(self.size)

    @property
    def end(self) -> float:
        """Position of the last sample."""
        return self.start + self.step * (self.size - 1)

    @property
    def weight(self) -> float:
        return self.step if self.mode == "continuous" else 1.0

    @property
    def unit(self) -> float:
        """Grid positions per time unit (1 in the continuous view, 4 in the discrete one)."""
        return 1.0 if self.mode == "continuous" else float(SAMPLES_PER_UNIT)

    def index(self, position: float) -> int:
        """Index of the sample nearest ``position`` (may lie outside ``0..size-1``)."""
        return int(round((position - self.start) / self.step))


def make_grid(mode: str = "continuous", *, window: tuple[float, float] = WINDOW, dt: float = CONTINUOUS_DT) -> Grid:
    """The sample grid of a view over ``window`` (time units, both ends included).

    Examples
    --------
    >>> g = make_grid("discrete")
    >>> g.start, g.size
    (-12.0, 41)
    >>> make_grid("continuous").size
    1001
    """
    if mode not in MODES:
        raise SignalError(f"Unknown view {mode!r}; choose 'continuous' or 'discrete'.")
    lo, hi = float(window[0]), float(window[1])
    if not (math.isfinite(lo) and math.isfinite(hi) and hi > lo):
        raise SignalError("The window must be two finite times, start < end.")
    if mode == "discrete":
        n0, n1 = math.floor(lo * SAMPLES_PER_UNIT), math.ceil(hi * SAMPLES_PER_UNIT)
        return Grid("discrete", float(n0), 1.0, n1 - n0 + 1)
    if not (math.isfinite(dt) and dt > 0):
        raise SignalError("dt must be a positive number.")
    size = int(round((hi - lo) / dt)) + 1
    if size > 200_001:
        raise SignalError("The grid is too fine (more than 200 000 samples); use a larger dt.")
    return Grid("continuous", lo, float(dt), size)


@dataclass(frozen=True, eq=False)
class Signal:
    """Samples of one signal on a grid.

    ``impulsive`` marks a signal made of impulses (continuous view: spikes of height
    ``weight/dt``; their *display* height is ``values · dt``, the impulse weight).
    """

    name: str
    values: np.ndarray
    grid: Grid
    impulsive: bool = False

    @property
    def start(self) -> float:
        return self.grid.start

    @property
    def end(self) -> float:
        return self.grid.end

    @property
    def axis(self) -> np.ndarray:
        return self.grid.axis

    def display_values(self) -> np.ndarray:
        """Values to draw: impulses as their weights (area), everything else unchanged."""
        return self.values * self.grid.weight if (self.impulsive and self.grid.mode == "continuous") else self.values


def _box(x: np.ndarray, a: float, b: float, cell: float) -> np.ndarray:
    """Indicator of [a, b): cell-averaged (continuous) or half-open on samples (discrete)."""
    if cell > 0:
        lo = np.maximum(x - cell / 2, a)
        hi = np.minimum(x + cell / 2, b)
        return np.clip(hi - lo, 0.0, cell) / cell
    eps = 1e-9
    return ((x >= a - eps) & (x < b - eps)).astype(float)


def parse_values(text: str) -> np.ndarray:
    """Read a custom signal typed as numbers (commas, spaces, semicolons or new lines; full-width "，" too).

    Raises
    ------
    SignalError
        With a one-line message naming the first bad item.

    Examples
    --------
    >>> parse_values("1, 2, 3\\n-0.5")
    array([ 1. ,  2. ,  3. , -0.5])
    >>> parse_values("1, two")
    Traceback (most recent call last):
    ...
    app.backend.signals.SignalError: 'two' is not a number; type numbers separated by commas or spaces.
    """
    if not isinstance(text, str):
        raise SignalError("Type the signal as numbers separated by commas or spaces.", "values_type")
    if len(text) > 4000:
        raise SignalError(f"The text is too long; type at most {MAX_CUSTOM_VALUES} numbers.", "values_long",
                          n=MAX_CUSTOM_VALUES)
    # full-width separators too: Chinese keyboards type "1，2，3" or "1、2、3"
    items = [s for s in re.split(r"[\s,;，；、]+", text.strip().strip("[]()［］（）")) if s]
    if not items:
        raise SignalError("Type at least one number, e.g. 1, 2, 1.", "values_empty")
    if len(items) > MAX_CUSTOM_VALUES:
        raise SignalError(f"Too many values ({len(items)}); type at most {MAX_CUSTOM_VALUES}.", "values_many",
                          count=len(items), n=MAX_CUSTOM_VALUES)
    out = []
    for s in items:
        try:
            v = float(s)
        except ValueError:
            raise SignalError(f"{s[:20]!r} is not a number; type numbers separated by commas or spaces.",
                              "values_not_number", item=repr(s[:20])) from None
        if not math.isfinite(v) or abs(v) > MAX_CUSTOM_ABS:
            raise SignalError(f"{s[:20]!r} is not a usable number (it must be finite and at most 1e6 in size).",
                              "values_unusable", item=repr(s[:20]))
        out.append(v)
    return np.array(out, dtype=float)


def format_values(values) -> str:
    """The inverse of :func:`parse_values`: ``"1, 2, 0.5"``.

    Examples
    --------
    >>> format_values([1.0, 2.0, 0.5])
    '1, 2, 0.5'
    """
    return ", ".join(format_number(v) for v in values)


def _check_params(spec: SignalSpec, params: dict) -> dict:
    values = spec.defaults()
    for key, val in params.items():
        values[key] = spec.param(key).validate(val, kernel=spec.name)  # names the signal in the message
    return values


def make_signal(name: str, grid: Grid, *, values=None, **params) -> Signal:
    """Sample the library signal ``name`` on ``grid``.

    Parameters
    ----------
    name : str
        One of :func:`signal_names`.
    grid : Grid
        From :func:`make_grid`.
    values : sequence of float, optional
        Only for ``"custom"``: the numbers, one per ``hold`` time units (default
        :data:`DEFAULT_CUSTOM_VALUES`). Continuous view: each value is held constant
        (zero-order hold); discrete view: each value fills ``hold·4`` samples.
    **params
        The signal's parameters (see ``signal_spec(name).params``); missing ones take
        their defaults. Out-of-range values raise :class:`SignalError`.

    Examples
    --------
    >>> g = make_grid("discrete")
    >>> s = make_signal("impulse_train", g, period=0.5, count=3)
    >>> [int(n) for n in s.axis[s.values != 0]]
    [0, 2, 4]
    >>> c = make_signal("exp", make_grid("continuous"), a=2.0)
    >>> round(float(c.values[c.grid.index(0.5)]), 4)    # e^(-1)
    0.3679
    """
    spec = signal_spec(name)
    p = _check_params(spec, params)
    if values is not None and name != "custom":
        raise SignalError("Only the custom signal takes values.")
    unit = grid.unit  # grid positions per time unit
    x = grid.axis
    cont = grid.mode == "continuous"
    cell = grid.step if cont else 0.0
    s0 = p.get("shift", 0.0) * unit
    amp = p.get("amp", 1.0)

    if name == "rect":
        y = _box(x, s0, s0 + p["width"] * unit, cell)
    elif name == "triangle":
        y = np.clip(1.0 - np.abs(x - s0) / (p["width"] * unit), 0.0, None)
    elif name == "step":
        y = _box(x, s0, np.inf, cell)
    elif name == "exp":
        rate = p["a"] / unit
        y = _box(x, s0, np.inf, cell) * np.exp(-rate * np.maximum(x - s0, 0.0))
    elif name == "gauss":
        y = np.exp(-0.5 * ((x - s0) / (p["sigma"] * unit)) ** 2)
    elif name == "sine_burst":
        y = _box(x, s0, s0 + p["duration"] * unit, cell) * np.sin(2 * np.pi * p["freq"] / unit * (x - s0))
    elif name in ("impulse", "impulse_train"):
        y = np.zeros(grid.size)
        count = 1 if name == "impulse" else p["count"]
        period = 0.0 if name == "impulse" else p["period"] * unit
        height = 1.0 / grid.weight
        for k in range(count):
            i = grid.index(s0 + k * period)
            if 0 <= i < grid.size:
                y[i] += height
    elif name in ("noise", "custom"):
        if name == "noise":
            n_vals = int(round(p["duration"] * SAMPLES_PER_UNIT))
            vals = np.random.default_rng(p["seed"]).standard_normal(n_vals)
            hold = 1.0 / SAMPLES_PER_UNIT
        else:
            vals = np.asarray(DEFAULT_CUSTOM_VALUES if values is None else values, dtype=float).ravel()
            if vals.size == 0 or vals.size > MAX_CUSTOM_VALUES or not np.all(np.isfinite(vals)):
                raise SignalError(f"A custom signal needs 1 to {MAX_CUSTOM_VALUES} finite numbers.")
            hold = p["hold"]
        y = np.zeros(grid.size)
        h = hold * unit
        # in the discrete view each value covers [s0 + k·h, s0 + (k+1)·h) on the samples
        for k, v in enumerate(vals):
            y += v * _box(x, s0 + k * h, s0 + (k + 1) * h, cell)
    else:  # pragma: no cover - catalogue and branches are kept in step by the tests
        raise SignalError(f"Unknown signal {name!r}.")
    return Signal(name, amp * y, grid, impulsive=spec.impulsive)
