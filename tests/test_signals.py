"""Signal Lab backend: closed forms, numpy conventions, FFT route, flip-and-slide, library, errors."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from app.backend import signal_convolution as sconv
from app.backend import signals as sg
from app.backend.convolution import convolve as convolve2d

CONT = sg.make_grid("continuous")
DISC = sg.make_grid("discrete")
DT = sg.CONTINUOUS_DT


# ---------------------------------------------------------------------------------------------
# continuous view against closed forms
# ---------------------------------------------------------------------------------------------
def test_rect_conv_rect_is_the_triangle():
    f = sg.make_signal("rect", CONT, width=1.0)
    y = sconv.convolve_signals(f, f)
    x = y.axis
    tri = np.clip(1.0 - np.abs(x - 1.0), 0.0, None)
    assert np.max(np.abs(y.values - tri)) <= DT  # the grid's error (one step)
    assert y.at(1.0) == pytest.approx(1.0, abs=DT)


@pytest.mark.parametrize("w1, w2", [(1.0, 2.0), (0.5, 1.5)])
def test_rect_conv_rect_of_different_widths_is_a_trapezoid(w1, w2):
    f, g = sg.make_signal("rect", CONT, width=w1), sg.make_signal("rect", CONT, width=w2)
    x = sconv.convolve_signals(f, g).axis
    y = sconv.convolve_signals(f, g).values
    trap = np.clip(np.minimum.reduce([x, np.full_like(x, min(w1, w2)), w1 + w2 - x]), 0, None)
    assert np.max(np.abs(y - trap)) <= DT


@pytest.mark.parametrize("a", [0.5, 1.0, 3.0])
def test_exponential_decay_conv_step_closed_form(a):
    e = sg.make_signal("exp", CONT, a=a)
    u = sg.make_signal("step", CONT)
    y = sconv.convolve_signals(e, u)
    x = y.axis
    closed = np.where(x >= 0, (1 - np.exp(-a * np.maximum(x, 0))) / a, 0.0)
    inside = x <= sg.WINDOW[1]  # beyond the window both signals are cut off
    assert np.max(np.abs(y.values[inside] - closed[inside])) <= DT
    assert y.at(5.0) == pytest.approx((1 - np.exp(-5 * a)) / a, abs=DT)


def test_error_shrinks_with_the_grid_step():
    errs = []
    for dt in (0.02, 0.01, 0.005):
        grid = sg.make_grid("continuous", dt=dt)
        y = sconv.convolve_signals(sg.make_signal("exp", grid, a=2.0), sg.make_signal("step", grid))
        errs.append(abs(y.at(1.0) - (1 - np.exp(-2.0)) / 2.0))
    assert errs[2] < errs[1] < errs[0]


def test_impulse_is_the_identity_and_has_unit_area():
    d = sg.make_signal("impulse", CONT, shift=1.0)
    assert d.values.sum() * DT == pytest.approx(1.0)
    assert d.display_values().max() == pytest.approx(1.0)
    g = sg.make_signal("gauss", CONT, shift=0.5)
    y = sconv.convolve_signals(g, d)
    # f * δ(t − 1) = f(t − 1)
    expected = sg.make_signal("gauss", CONT, shift=1.5).values
    assert np.allclose(y.on(CONT), expected, atol=1e-12)


def test_impulse_conv_impulse_is_an_impulse_of_weight_product():
    d1 = sg.make_signal("impulse", CONT, shift=1.0, amp=2.0)
    d2 = sg.make_signal("impulse", CONT, shift=0.5, amp=1.5)
    y = sconv.convolve_signals(d1, d2)
    assert y.order == 1
    disp = y.display_values()
    assert disp.max() == pytest.approx(3.0)
    assert y.axis[np.argmax(disp)] == pytest.approx(1.5)


# ---------------------------------------------------------------------------------------------
# discrete view == numpy
# ---------------------------------------------------------------------------------------------
small = arrays(np.float64, st.integers(1, 12), elements=st.floats(-5, 5, allow_nan=False, width=32))


@settings(max_examples=60, deadline=None)
@given(small, small, st.integers(-8, 8), st.integers(-8, 8))
def test_discrete_equals_numpy_convolve_and_correlate(a, b, sa, sb):
    grid = sg.make_grid("discrete", window=(-3.0, 7.0))
    f = sg.make_signal("custom", grid, values=a, shift=sa / 4)
    g = sg.make_signal("custom", grid, values=b, shift=sb / 4)
    conv = sconv.convolve_signals(f, g)
    corr = sconv.convolve_signals(f, g, correlate=True)
    assert np.allclose(conv.values, np.convolve(f.values, g.values))
    assert np.allclose(corr.values, np.correlate(f.values, g.values, "full"))
    # on the time axis: y[sa + sb + k] = (a ∗ b)[k]
    ref = np.convolve(a, b)
    got = np.array([conv.at(sa + sb + k) for k in range(ref.size)])
    assert np.allclose(got, ref)
    # correlation: y[n] = Σ f[m] g[m − n]; numpy.correlate(a, b, 'full')[j] is lag j − (len b − 1)
    refc = np.correlate(a, b, "full")
    gotc = np.array([corr.at(sa - sb + j - (b.size - 1)) for j in range(refc.size)])
    assert np.allclose(gotc, refc)


@settings(max_examples=40, deadline=None)
@given(small, small, st.booleans())
def test_fft_route_equals_direct_route(a, b, correlate):
    for grid in (DISC, CONT):
        f = sg.make_signal("custom", grid, values=a)
        g = sg.make_signal("custom", grid, values=b, shift=0.5)
        direct = sconv.convolve_signals(f, g, correlate=correlate)
        fft = sconv.convolve_signals(f, g, correlate=correlate, method="fft")
        scale = max(1.0, np.abs(a).sum() * np.abs(b).sum())
        assert np.max(np.abs(direct.values - fft.values)) <= 1e-9 * scale
        check = sconv.signal_spectra(f, g, correlate=correlate)
        assert check.max_error <= 1e-9 * scale
        assert check.n_fft >= check.needed


def test_same_convention_as_the_2d_engine():
    """1-D rows through app.backend.convolve (zero boundary) are centred crops of our full output."""
    rng = np.random.default_rng(3)
    x = rng.standard_normal(20)
    k = rng.standard_normal(5)
    grid = sg.make_grid("discrete", window=(0.0, 4.75))  # 20 samples, n = 0..19
    f = sg.make_signal("custom", grid, values=x)
    gk = sg.make_signal("custom", grid, values=k)
    for correlate in (False, True):
        out = sconv.convolve_signals(f, gk, correlate=correlate)
        two_d = convolve2d(x[None, :], k[None, :], boundary="zero", correlate=correlate)[0]
        ref = np.correlate(x, k, "full") if correlate else np.convolve(x, k)
        first = -(k.size - 1) if correlate else 0  # sample n of ref[0]
        assert np.allclose([out.at(first + j) for j in range(ref.size)], ref)
        anchor = k.size // 2
        start = (k.size - 1 - anchor) if correlate else anchor
        assert np.allclose(two_d, ref[start:start + x.size])


# ---------------------------------------------------------------------------------------------
# flip and slide
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("grid", [CONT, DISC], ids=["continuous", "discrete"])
@pytest.mark.parametrize("correlate", [False, True])
def test_flip_and_slide_area_equals_y(grid, correlate):
    f = sg.make_signal("sine_burst", grid, duration=2.0)
    g = sg.make_signal("exp", grid, a=0.7, shift=0.5)
    out = sconv.convolve_signals(f, g, correlate=correlate)
    for t in (-1.0, 0.3, 1.0, 2.5, 4.0):
        pos = t * grid.unit
        s = sconv.flip_and_slide(f, g, pos, correlate=correlate)
        assert s.area == pytest.approx(out.at(pos), abs=1e-12)
        assert s.area == pytest.approx(s.y, abs=1e-12)
        # g(t − τ) really is g flipped and shifted: at τ = t − 0.5 − Δ it reads g(0.5 + Δ)
    frames = sconv.slide_frames(f, g, np.arange(-3, 7, 0.5) * grid.unit, correlate=correlate)
    assert np.allclose(frames.area, frames.y, atol=1e-12)


def test_flip_and_slide_shows_g_flipped_and_shifted():
    f = sg.make_signal("rect", DISC, width=4.0)
    g = sg.make_signal("custom", DISC, values=[1, 2, 3])  # g[0..2] = 1, 2, 3
    s = sconv.flip_and_slide(f, g, 5)
    tau = s.tau.astype(int)
    # convolution: g(5 − τ) -> τ = 5, 4, 3 carry g[0], g[1], g[2]
    assert [s.g_shifted[tau == m][0] for m in (5, 4, 3)] == [1, 2, 3]
    c = sconv.flip_and_slide(f, g, 5, correlate=True)
    # correlation: g(τ − 5) -> τ = 5, 6, 7 carry g[0], g[1], g[2] (no flip)
    assert [c.g_shifted[tau == m][0] for m in (5, 6, 7)] == [1, 2, 3]


def test_correlation_differs_for_asymmetric_g_and_matches_numpy_correlate():
    f = sg.make_signal("rect", CONT, width=1.0)
    g = sg.make_signal("exp", CONT, a=1.0)
    conv = sconv.convolve_signals(f, g)
    corr = sconv.convolve_signals(f, g, correlate=True)
    assert np.max(np.abs(conv.on(CONT) - corr.on(CONT))) > 0.3
    # documented convention: numpy.correlate(f, g, "full") · dt, starting at f.start − g.end
    assert np.allclose(corr.values, np.correlate(f.values, g.values, "full") * DT)
    assert corr.grid.start == pytest.approx(f.start - g.end)
    # correlation = convolution with the time-reversed g
    g_rev = sg.Signal("rev", g.values[::-1], sg.Grid("continuous", -g.end, DT, g.grid.size))
    assert np.allclose(sconv.convolve_signals(f, g_rev).values, corr.values)
    # causal g: convolution output lives at t ≥ 0, correlation output at t ≤ 1 (mirror side)
    assert conv.at(-0.5) == 0 and corr.at(-0.5) > 0.1
    assert corr.at(1.5) == 0 and conv.at(1.5) > 0.1


def test_symmetric_g_gives_the_same_result_both_ways():
    f = sg.make_signal("exp", CONT)
    g = sg.make_signal("gauss", CONT, shift=0.0)
    assert np.allclose(sconv.convolve_signals(f, g).on(CONT), sconv.convolve_signals(f, g, correlate=True).on(CONT),
                       atol=1e-9)


# ---------------------------------------------------------------------------------------------
# frequency view
# ---------------------------------------------------------------------------------------------
def test_circular_convolution_wraps_around_without_padding():
    f = sg.make_signal("step", CONT, shift=2.0)
    g = sg.make_signal("rect", CONT, shift=2.0, width=3.0)
    lin = sconv.signal_spectra(f, g, pad=True, window=sg.WINDOW)
    circ = sconv.signal_spectra(f, g, pad=False, window=sg.WINDOW)
    assert lin.max_error < 1e-9 and lin.n_fft >= lin.needed
    assert circ.n_fft == CONT.size < circ.needed
    assert circ.max_error > 1.0
    # the wrapped tail shows up at the left of the window where the linear result is 0
    i = lin.direct.grid.index(-1.0)
    assert lin.direct.values[i] == 0 and circ.y_fft[i] > 1.0
    # circular result = linear result folded with period n_fft
    folded = np.zeros(circ.n_fft)
    np.add.at(folded, np.arange(lin.direct.values.size) % circ.n_fft, lin.direct.values)
    assert np.allclose(circ.y_fft[: circ.n_fft], folded)


def test_spectra_magnitudes_multiply():
    f = sg.make_signal("gauss", CONT, sigma=0.3)
    g = sg.make_signal("exp", CONT, a=2.0)
    s = sconv.signal_spectra(f, g)
    assert np.allclose(np.abs(s.Y), np.abs(s.F) * np.abs(s.G))
    assert s.freqs[0] == 0 and s.freqs[-1] == pytest.approx(0.5 / DT, rel=0.01)
    # continuous scaling approximates the Fourier transform: F(0) = area, G(0) = 1/a
    assert abs(s.F[0]) == pytest.approx(0.3 * np.sqrt(2 * np.pi), rel=1e-3)
    assert abs(s.G[0]) == pytest.approx(0.5, abs=DT)
    d = sconv.signal_spectra(sg.make_signal("rect", DISC), sg.make_signal("rect", DISC))
    assert d.freqs[-1] <= 0.5 and abs(d.F[0]) == pytest.approx(4.0)


# ---------------------------------------------------------------------------------------------
# the library
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", sg.signal_names())
@pytest.mark.parametrize("grid", [CONT, DISC], ids=["continuous", "discrete"])
def test_every_signal_builds_with_defaults_and_extremes(name, grid):
    spec = sg.signal_spec(name)
    assert set(spec.label) == {"en", "zh"} and spec.label["zh"] != spec.label["en"]
    s = sg.make_signal(name, grid)
    assert s.values.shape == (grid.size,) and np.all(np.isfinite(s.values))
    assert np.any(s.values != 0)
    for p in spec.params:
        assert set(p.label) == {"en", "zh"}
        for v in (p.min, p.max):
            out = sg.make_signal(name, grid, **{p.name: int(v) if p.kind == "int" else v})
            assert np.all(np.isfinite(out.values))


def test_discrete_signals_are_the_samples_of_the_same_shapes():
    rect = sg.make_signal("rect", DISC, width=1.0, shift=0.5)
    assert DISC.axis[rect.values == 1].tolist() == [2, 3, 4, 5]
    step = sg.make_signal("step", DISC)
    assert step.values[DISC.axis == 0][0] == 1 and step.values[DISC.axis == -1][0] == 0
    e = sg.make_signal("exp", DISC, a=1.0)
    assert e.values[DISC.axis == 4][0] == pytest.approx(np.exp(-1.0))  # 4 samples = 1 time unit
    d = sg.make_signal("impulse", DISC, shift=1.0)
    assert d.values.sum() == 1 and d.values[DISC.axis == 4][0] == 1


def test_noise_is_seeded_and_custom_values_are_held():
    a = sg.make_signal("noise", CONT, seed=7)
    b = sg.make_signal("noise", CONT, seed=7)
    c = sg.make_signal("noise", CONT, seed=8)
    assert np.array_equal(a.values, b.values) and not np.array_equal(a.values, c.values)
    dn = sg.make_signal("noise", DISC, seed=7)
    assert np.count_nonzero(dn.values) == 12  # 3 time units · 4 samples
    cu = sg.make_signal("custom", DISC, values=[1, 2], hold=0.5)
    assert cu.values[(DISC.axis >= 0) & (DISC.axis < 4)].tolist() == [1, 1, 2, 2]


def test_parse_values():
    assert sg.parse_values("1, 2 3;4\n5").tolist() == [1, 2, 3, 4, 5]
    assert sg.parse_values("[0.5, -1e-1]").tolist() == [0.5, -0.1]
    assert sg.parse_values("1，2、3；4").tolist() == [1, 2, 3, 4]
    assert sg.parse_values(sg.format_values([1.0, 0.25, -3.0])).tolist() == [1.0, 0.25, -3.0]
    for bad, word in [("", "at least one"), ("1, x", "'x' is not a number"), ("nan", "finite"),
                      ("1e9", "finite"), (", ".join(["1"] * 65), "at most 64")]:
        with pytest.raises(sg.SignalError, match=word):
            sg.parse_values(bad)


def test_clear_errors():
    with pytest.raises(sg.SignalError, match="Unknown signal"):
        sg.make_signal("sawtooth", CONT)
    with pytest.raises(sg.SignalError, match="a must be a number from 0.1 to 5"):
        sg.make_signal("exp", CONT, a=9)
    with pytest.raises(sg.SignalError, match="count must be a whole number"):
        sg.make_signal("impulse_train", CONT, count=2.5)
    with pytest.raises(sg.SignalError, match="has no parameter"):
        sg.make_signal("rect", CONT, sigma=1.0)
    with pytest.raises(sg.SignalError, match="Only the custom"):
        sg.make_signal("rect", CONT, values=[1, 2])
    with pytest.raises(sg.SignalError, match="same view"):
        sconv.convolve_signals(sg.make_signal("rect", CONT), sg.make_signal("rect", DISC))
    with pytest.raises(sg.SignalError, match="Unknown view"):
        sg.make_grid("sampled")
    with pytest.raises(sg.SignalError, match="finite"):
        sconv.flip_and_slide(sg.make_signal("rect", CONT), sg.make_signal("rect", CONT), float("nan"))
    assert issubclass(sg.SignalError, ValueError)
