"""Issue 18 §1: every sentence a page states about the live data is recomputed here independently
(numpy/scipy directly, never ConvScope's own function), over several kernels and settings, and
every prediction question is graded against an independent computation of what it asks."""

from __future__ import annotations

import numpy as np
import pytest

from app.backend import filtering as flt
from app.labs.filter_designer import questions as fdq


# --------------------------------------------------------------------- Filter Designer question
def _radius(shape):
    """Radial frequency (cycles/pixel) of each cell of a centred grid, built from the cell indices."""
    iy, ix = np.indices(shape, dtype=float)
    return np.hypot((iy - shape[0] // 2) / shape[0], (ix - shape[1] // 2) / shape[1])


def _expected_effect(mask):
    """The grading rule from first principles: what the output image loses."""
    h, w = mask.shape
    rng = np.random.default_rng(7)
    image = 0.5 + 0.1 * rng.standard_normal((h, w))
    out = np.fft.ifft2(np.fft.ifftshift(np.fft.fftshift(np.fft.fft2(image)) * mask)).real
    r = _radius(mask.shape)
    if not (mask < 0.5).any():
        return 2
    if abs(out.mean()) < 0.5 * image.mean():  # the mean brightness is gone: only changes remain
        return 1
    if 2 * mask[r > 0.25].mean() <= mask[r < 0.1].mean():
        return 0
    return 3


MASK_GRID = [(shape, kind, band, lo, hi)
             for shape in ((64, 64), (48, 80), (63, 63))
             for kind in ("ideal", "butterworth", "gaussian")
             for band in flt.MASK_BANDS
             for lo, hi in ((0.05, 0.3), (0.1, 0.25), (0.2, 0.45), (0.3, 0.4))]


@pytest.mark.parametrize(("shape", "kind", "band", "lo", "hi"), MASK_GRID)
def test_the_filter_designer_question_is_graded_from_the_masks_gains(shape, kind, band, lo, hi):
    mask = flt.parametric_mask(shape, kind, band, low=lo, high=hi)
    facts = fdq.mask_facts(mask)
    r = _radius(shape)
    assert facts["dc"] == pytest.approx(mask[r == 0].item())
    assert facts["mid"] == pytest.approx(mask[(r >= 0.1) & (r <= 0.25)].mean())
    assert facts["removed"] == pytest.approx(np.count_nonzero(mask < 0.5) / mask.size)
    assert fdq.EFFECT.answer(facts) == _expected_effect(mask)


@pytest.mark.parametrize(("lo", "hi"), [(0.1, 0.25), (0.05, 0.3)])
def test_a_band_pass_removes_the_mean_brightness_and_is_graded_so(lo, hi):
    """The issue's two cases: graded "a few stripes gone" and "blurred, centre kept" before."""
    mask = flt.parametric_mask((256, 256), "ideal", "bandpass", low=lo, high=hi)
    facts = fdq.mask_facts(mask)
    assert facts["dc"] == 0.0
    assert fdq.EFFECT.answer(facts) == 1  # edges and detail only
    if (lo, hi) == (0.1, 0.25):
        assert facts["removed"] == pytest.approx(0.835, abs=5e-4)


def test_the_filter_designer_explanation_shows_every_gain_it_grades_on():
    from app.ui.strings import TABLE

    for lang in ("en", "zh"):
        text = TABLE[fdq.EFFECT.explain][lang]
        for field in ("{dc}", "{low}", "{mid}", "{high}", "{pct}"):
            assert field in text, (lang, field)


# --------------------------------------------------------------------- convolution docstring
def test_the_documented_anchor_is_the_higher_middle_index_for_even_sides():
    from scipy import ndimage

    from app.backend import convolution

    assert "the higher of the two" in convolution.__doc__ and "the lower of the two" not in convolution.__doc__
    for n in (2, 4, 6):
        x = np.zeros(2 * n + 1)
        x[n] = 1.0
        taps = np.arange(1.0, n + 1)
        out = ndimage.correlate1d(x, taps, mode="constant")
        # correlating an impulse at n puts tap m at n - (m - anchor): tap `anchor` lands on n
        assert out[n] == taps[n // 2] and convolution.anchor((n, n)) == (n // 2, n // 2)


# --------------------------------------------------------------------- Image Lab: kernel facts
def _kernel_grid():
    """Catalogue kernels at their defaults and at other settings: every family, odd and even sides."""
    import kernels

    out = [(s.name, {}) for s in kernels.catalog()]
    out += [("motion", {"length": n, "angle": a}) for n in (4, 9, 15) for a in (0, 20, 45, 90, 135, 170)]
    out += [("kirsch", {"direction": d}) for d in ("ne", "e", "se", "s", "sw", "w", "nw")]
    out += [("line", {"direction": d}) for d in ("plus45", "vertical", "minus45")]
    out += [("emboss", {"angle": a}) for a in (0, 90, 200)]
    out += [("gabor", {"psi": 90.0, "theta": 30.0}), ("box", {"size": 5}), ("gaussian", {"size": 9, "sigma": 2.0})]
    return out


def _make(name, params):
    import kernels

    return kernels.make(name, **params)


def _peak_by_numpy(k, n=2048):
    """max |H| and the lowest radius reaching it, on an n × n grid (n a multiple of 4: 0.25 and 0.5 lie on it)."""
    mag = np.abs(np.fft.fft2(k, s=(n, n)))
    f = np.fft.fftfreq(n)
    r = np.sqrt(f[:, None] ** 2 + f[None, :] ** 2)
    return mag.max(), r[mag >= mag.max() * (1 - 1e-9)].min()


def _numbers(text):
    import re

    return [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?(?:e[-+]\d+)?", text)]


@pytest.mark.parametrize(("name", "params"), _kernel_grid(), ids=str)
def test_the_radial_note_states_the_kernels_measured_peak(name, params):
    from app.labs.image_lab.parts import text as words

    k = _make(name, params)
    gain, freq = _peak_by_numpy(k)
    for lang in ("en", "zh"):
        note = words.radial_labels(k, lang)["band"]
        values = _numbers(note.split("|H|")[1])  # frequency, peak gain, (en: "at 0",) gain at 0
        shown_f, shown_gain, shown_dc = values[0], values[1], values[-1]
        assert shown_f == pytest.approx(freq, abs=2 / 512 + 5e-4), note
        assert shown_gain == pytest.approx(gain, rel=6e-3), note  # 3 significant digits
        assert shown_dc == pytest.approx(k.sum(), rel=6e-3, abs=1e-9), note


@pytest.mark.parametrize("direction", ["horizontal", "plus45", "vertical", "minus45"])
def test_line_detectors_are_high_pass_their_gain_peaking_at_nyquist(direction):
    import kernels
    from app.labs.image_lab.parts import text as words

    k = kernels.make("line", direction=direction)
    gain, freq = _peak_by_numpy(k)
    assert freq >= 0.45 and gain == pytest.approx(12.0 if direction in ("horizontal", "vertical") else 9.0, abs=0.01)
    assert kernels.expected_band("line") == "high"
    assert "passes high frequencies" in words.radial_labels(k, "en")["band"]
    assert "middle" not in words.radial_labels(k, "en")["band"]


def _random_image(shape=(24, 27), seed=3):
    return np.random.default_rng(seed).random(shape)


@pytest.mark.parametrize(("name", "params"), _kernel_grid(), ids=str)
def test_the_page_says_whether_convolution_and_correlation_differ_as_scipy_does(name, params):
    from scipy import ndimage

    from app.labs.image_lab.parts import text as words
    from app.ui.strings import t

    k = _make(name, params)
    x = _random_image()
    same = np.allclose(ndimage.convolve(x, k, mode="reflect"), ndimage.correlate(x, k, mode="reflect"), atol=1e-12)
    for lang in ("en", "zh"):
        notes = words.operation_notes(k, False, lang)
        assert notes[0] == t("il.turn.same" if same else "il.turn.differs", lang)


@pytest.mark.parametrize("angle", range(0, 181, 5))
def test_a_motion_blur_is_unchanged_by_a_180_degree_turn(angle):
    """The old help said convolution and correlation differ for motion blur."""
    from scipy import ndimage

    from app.ui.strings import TABLE

    k = _make("motion", {"length": 9, "angle": angle})
    x = _random_image()
    np.testing.assert_allclose(ndimage.convolve(x, k), ndimage.correlate(x, k), atol=1e-12)
    assert "motion blur" in TABLE["il.correlate_explain"]["en"].split("Sobel")[0]  # named among the unchanged


@pytest.mark.parametrize("name", ["sobel_x", "emboss", "kirsch"])
def test_the_kernels_the_help_names_as_changing_do_change(name):
    from scipy import ndimage

    k, x = _make(name, {}), _random_image()
    assert not np.allclose(ndimage.convolve(x, k), ndimage.correlate(x, k))


def _edge_image(side, size=15):
    """1 on the half-plane towards ``side`` (north = up), 0 elsewhere and on the edge line itself."""
    compass = {"n": (0, 1), "ne": (1, 1), "e": (1, 0), "se": (1, -1), "s": (0, -1), "sw": (-1, -1), "w": (-1, 0),
               "nw": (-1, 1)}
    right, up = compass[side]
    rows, cols = np.indices((size, size)) - size // 2
    return (cols * right - rows * up > 0).astype(float)


COMPASS_KERNELS = [(n, p) for n, p in _kernel_grid() if n in ("kirsch", "sobel_x", "sobel_y", "prewitt_x", "scharr_y",
                                                              "emboss")]


@pytest.mark.parametrize("correlate", [False, True])
@pytest.mark.parametrize(("name", "params"), COMPASS_KERNELS, ids=str)
def test_the_named_edge_direction_is_the_one_scipy_answers_most(name, params, correlate):
    from scipy import ndimage

    from app.labs.image_lab.parts import text as words
    from app.ui.format import number
    from app.ui.strings.glossary import term

    k = _make(name, params)
    op = ndimage.correlate if correlate else ndimage.convolve
    c = 7
    out = {side: op(_edge_image(side), k, mode="nearest")[c, c] for side in
           ("n", "ne", "e", "se", "s", "sw", "w", "nw")}
    best = max(out.values())
    note = words.operation_notes(k, correlate, "en")[1]
    named = note.split("brighter towards **")[1].split("**")[0]
    assert out[next(s for s in out if term(f"side.{s}", "en") == named)] == pytest.approx(best)
    assert f"(**{number(best, 3)}**)" in note


def test_kirsch_north_under_convolution_answers_an_edge_brighter_to_the_south():
    """The issue's numbers: the "N" mask convolved gives +15 for brighter-south, −9 for brighter-north."""
    from app.labs.image_lab.parts import text as words

    note = words.operation_notes(_make("kirsch", {"direction": "n"}), False, "en")[1]
    assert "(**15**)" in note and "towards **south (S)**" in note and "north (N) gives -9" in note
    assert "towards **north (N)**" in words.operation_notes(_make("kirsch", {"direction": "n"}), True, "en")[1]


# --------------------------------------------------------------------- Image Lab: H's white point
@pytest.fixture(scope="module")
def camera():
    from app.ui import image_picker as widgets

    return widgets.resolve_image(widgets.ImageChoice(), None, "en").picked


@pytest.mark.parametrize("shared", [True, False])
@pytest.mark.parametrize(("name", "params"), [("sobel_x", {}), ("sharpen", {}), ("gaussian", {}), ("laplacian", {}),
                                              ("high_boost", {"A": 3.0}), ("box", {"size": 5}), ("line", {})])
def test_the_h_panel_states_the_gain_it_draws_white(camera, name, params, shared):
    from app.labs.image_lab import pipeline as lab
    from app.labs.image_lab.parts import text as words
    from app.ui.format import number

    k = _make(name, params)
    run = lab.compute(camera, k, lab.LabSettings(kernel_name=name, shared_scale=shared))
    peak = np.abs(np.fft.fft2(k, s=run.result.grid)).max()
    white = max(1.0, peak) if shared else peak
    assert lab.response_white(run) == pytest.approx(white)
    assert f"white = gain {number(white, 3)}" in words.scale_note(shared, 80, lab.response_white(run), "en")
    assert f"白色 = 增益 {number(white, 3)}" in words.white_note(lab.response_white(run), "zh")
    # the drawn H panel: the peak gain is drawn at the top of the scale only when it is the white point
    u8 = run.result.spectrum_uint8("response", 80, vmax=white if shared else None)
    assert u8.max() == 255


def test_white_is_gain_8_for_sobel_and_9_for_sharpen(camera):
    from app.labs.image_lab import pipeline as lab

    whites = {n: lab.response_white(lab.compute(camera, _make(n, {}), lab.LabSettings(kernel_name=n)))
              for n in ("sobel_x", "sharpen", "gaussian")}
    assert whites == pytest.approx({"sobel_x": 8.0, "sharpen": 9.0, "gaussian": 1.0}, abs=0.02)


# --------------------------------------------------------------------- Fourier Lab: properties' white point
@pytest.fixture(scope="module")
def grey_photo():
    from app.backend import load_sample, to_gray

    return to_gray(load_sample("camera"))[100:196, 140:236]


PROPERTY_GRID = ([("scale", (("factor", f),)) for f in (0.25, 0.5, 1.0, 2.0, 3.0, 4.0)]
                 + [("rotate", (("angle", a),)) for a in (0.0, 30.0, 90.0)]
                 + [("shift", (("dx", 7), ("dy", -5))), ("mirror", (("axis", 1),)), ("even", ())])


@pytest.mark.parametrize(("prop", "params"), PROPERTY_GRID, ids=str)
def test_the_properties_spectra_share_the_larger_peak_and_say_which(grey_photo, prop, params):
    from app.labs.fourier_lab import pipeline as lab
    from app.ui.format import percent

    view = lab.property_view(f"claims-{prop}-{params}", grey_photo, prop, params)
    before, after, _ = lab._transform(grey_photo, prop, dict(params))
    peaks = np.abs(np.fft.fft2(before)).max(), np.abs(np.fft.fft2(after)).max()
    assert view.peaks == pytest.approx(peaks)
    larger = "after" if peaks[1] > peaks[0] * (1 + 1e-9) else "before"
    for lang in ("en", "zh"):
        note = lab.white_note(view, lang)
        assert lab.t(f"fl.prop.{larger}", lang).lower() in note
        assert percent(min(peaks) / max(peaks)) in note
    # nothing brighter than white: both panels drawn from the larger peak
    for x in (before, after):
        assert lab.log_spectrum(x, max(view.peaks)).max() <= 255
        assert np.abs(np.fft.fft2(x)).max() <= max(view.peaks) * (1 + 1e-12)


def test_a_magnified_image_has_the_larger_peak(grey_photo):
    """The old caption said the white point was the before-peak, but magnifying raises the peak."""
    from app.labs.fourier_lab import pipeline as lab

    for factor in (2.0, 4.0):
        view = lab.property_view(f"claims-mag-{factor}", grey_photo, "scale", (("factor", factor),))
        assert view.peaks[1] > view.peaks[0]
        assert lab.white_point(view.peaks)[0] == "after"


# --------------------------------------------------------------------- CNN Lab: C1 spectra and |H|
def _stop_band_share(maps, kernels_, threshold=0.05):
    shares = []
    for x, k in zip(maps, kernels_):
        power = np.abs(np.fft.fft2(x - x.mean())) ** 2
        gain = np.abs(np.fft.fft2(k, s=x.shape))
        shares.append(power[gain < threshold * gain.max()].sum() / power.sum())
    return float(np.mean(shares))


@pytest.mark.parametrize("act", ["none", "relu", "sigmoid", "tanh"])
@pytest.mark.parametrize(("preset", "biases"), [("edges", (0.0, 0.0, 0.0, 0.0)), ("dog", (0.1, -0.1, 0.0)),
                                                ("random", (0.0, 0.05, -0.05, 0.0))])
def test_the_cnn_lab_states_how_much_energy_the_activation_moves_into_the_stop_band(grey_photo, preset, biases, act):
    from scipy import ndimage

    from app.backend import cnn as L
    from app.labs.cnn_lab import pipeline as run
    from app.labs.cnn_lab.parts import text
    from app.labs.cnn_lab.parts.model import BankArgs, Layer1
    from app.ui.format import percent

    grey = run.Grey(f"claims-{preset}", grey_photo.astype(np.float32))
    c1 = Layer1(BankArgs(preset, 4, 5, 0, ()), biases, act)
    before, after = run.c1_stop_band(grey, c1)
    ks = L.c1_bank(preset, n=4, size=5, seed=0).first_kernels()
    pre = np.stack([ndimage.correlate(grey_photo, k, mode="reflect") + b for k, b in zip(ks, biases)])
    post = {"none": pre, "relu": np.maximum(pre, 0), "sigmoid": 1 / (1 + np.exp(-pre)), "tanh": np.tanh(pre)}[act]
    assert before == pytest.approx(_stop_band_share(pre, ks), rel=1e-3, abs=1e-6)
    assert after == pytest.approx(_stop_band_share(post, ks), rel=1e-3, abs=1e-6)
    for lang in ("en", "zh"):
        note = text.stop_band_note(before, after, act, lang)
        assert percent(before) in note and (act == "none" or percent(after) in note)


def test_after_relu_much_more_energy_lies_where_the_kernels_pass_nothing():
    """The issue's finding (the page's default: the camera photo, edge kernels, ReLU): 11 % against 1 %,
    where the old sentence called the after-ReLU spectra "input spectrum × |H|"."""
    from app.backend import load_sample, to_gray
    from app.labs.cnn_lab import pipeline as run
    from app.labs.cnn_lab.parts.model import BankArgs, Layer1
    from app.ui.strings import TABLE

    photo = to_gray(load_sample("camera")).astype(np.float32)
    before, after = run.c1_stop_band(run.Grey("claims-relu", photo),
                                     Layer1(BankArgs("edges", 4, 5, 0, ()), (0.0,) * 4, "relu"))
    assert after > 10 * before  # the activation, not the kernel, put that energy there
    assert "after the activation" in TABLE["cnn.input.activated"]["en"]
    assert "Before the activation" in TABLE["cnn.input.explain"]["en"]


# --------------------------------------------------------------------- Signal Lab: symmetry and the peak
SIGNAL_PAIRS = [
    (("rect", ()), ("exp", ())),  # the page's default
    (("rect", ()), ("gauss", ())),  # a g symmetric about t = 1
    (("rect", ()), ("gauss", (("shift", 0.0),))),  # ... about t = 0
    (("triangle", ()), ("rect", (("shift", -0.5),))),  # a rect symmetric about 0
    (("rect", (("width", 2.0),)), ("rect", ())),  # flat top
    (("exp", (("a", 0.5),)), ("triangle", (("shift", 2.0),))),
    (("gauss", (("shift", -1.0),)), ("exp", (("shift", 1.0), ("a", 2.0)))),
    (("step", ()), ("rect", (("shift", 1.0), ("width", 0.5)))),
]


def _build(mode, f_key, g_key, correlate):
    from app.labs.signal_lab.pipeline import build

    return build(mode, (f_key[0], f_key[1], None), (g_key[0], g_key[1], None), correlate, 0.0, True, "en", False)


def _signal(name, params, mode):
    from app.backend import signals as sg

    s = sg.make_signal(name, sg.make_grid(mode), **dict(params))
    return s.axis, s.values


def _nonzero_span(axis, values):
    on = np.abs(values) > 1e-9 * np.abs(values).max()
    return axis[on][0], axis[on][-1]


def _peak_span(axis, y):
    top = axis[y >= y.max() - 1e-9 * abs(y.max())]
    return top[0], top[-1]


@pytest.mark.parametrize("mode", ["continuous", "discrete"])
@pytest.mark.parametrize(("f_key", "g_key"), SIGNAL_PAIRS, ids=str)
def test_the_signal_lab_says_how_the_live_g_relates_convolution_and_correlation(mode, f_key, g_key):
    from app.labs.signal_lab import questions as maximum
    from app.ui.format import number

    (fa, fv), (ga, gv) = _signal(*f_key, mode), _signal(*g_key, mode)
    step = fa[1] - fa[0]
    conv, corr = np.convolve(fv, gv), np.correlate(fv, gv, "full")
    conv_axis = fa[0] + ga[0] + step * np.arange(conv.size)
    corr_axis = fa[0] - ga[-1] + step * np.arange(corr.size)
    g0, g1 = _nonzero_span(ga, gv)
    part = gv[(ga >= g0) & (ga <= g1)]
    symmetric = np.allclose(part, part[::-1], atol=1e-6 * np.abs(gv).max())
    centre = round((g0 + g1) / 2, 9) if symmetric else None
    result = _build(mode, f_key, g_key, False)
    var = "n" if mode == "discrete" else "t"
    note = maximum.symmetry_note(result["g_centre"], result["peaks"], var, "en")
    pc, pr = _peak_span(conv_axis, conv), _peak_span(corr_axis, corr)
    shown = [number(v) for v in (*pc, *pr)]
    assert all(s in note for s in shown), (note, shown)
    if centre is None:
        assert note.startswith("g is not symmetric") and result["g_centre"] is None
    else:
        assert result["g_centre"] == pytest.approx(centre)
        if abs(centre) < 1e-9:  # the only case where both outputs coincide in time
            assert "give the same y" in note
            np.testing.assert_allclose(np.interp(conv_axis, corr_axis, corr), conv, atol=1e-9 * np.abs(conv).max())
        else:
            assert f"moved by {number(-2 * centre)}" in note
            assert (pr[0] - pc[0]) == pytest.approx(-2 * centre, abs=step)


@pytest.mark.parametrize("correlate", [False, True])
@pytest.mark.parametrize("mode", ["continuous", "discrete"])
@pytest.mark.parametrize(("f_key", "g_key"), SIGNAL_PAIRS, ids=str)
def test_the_find_the_maximum_hint_names_the_moment_the_peak_really_falls_on(mode, f_key, g_key, correlate):
    from app.labs.signal_lab import questions as maximum
    from app.ui.strings import t

    (fa, fv), (ga, gv) = _signal(*f_key, mode), _signal(*g_key, mode)
    f0, f1 = _nonzero_span(fa, fv)
    g0, g1 = _nonzero_span(ga, gv)
    result = _build(mode, f_key, g_key, correlate)
    times, ys = result["times"], result["ys"]
    step = times[1] - times[0]
    peak = _peak_span(times, ys)
    if correlate:  # g itself slides: at time t it covers [t + g0, t + g1]
        moments = {"front_end": f1 - g1, "back_start": f0 - g0, "begin": f0 - g1, "end": f1 - g0}
    else:  # the flipped g slides: at time t it covers [t - g1, t - g0]
        moments = {"front_end": f1 + g0, "back_start": f0 + g1, "begin": f0 + g0, "end": f1 + g1}
    on_peak = [m for m in ("front_end", "back_start", "begin", "end") if peak[0] - step / 2 <= moments[m] <= peak[1] + step / 2]
    var = "n" if mode == "discrete" else "t"
    reason = maximum.peak_reason(times, ys, (f0, f1), (g0, g1), correlate, var, "en")
    if on_peak:
        assert reason.startswith(t(f"q.max.why.{on_peak[0]}", "en", var=var, at="").split("(")[0])
    else:
        assert reason == t("q.max.why.between", "en")


def test_the_default_rect_through_exp_peaks_exactly_where_f_ends():
    """The old hint said the peak is "not where the two signals start or end"; for the default it is at t = 1."""
    from app.labs.signal_lab import questions as maximum
    from app.ui.strings import TABLE

    result = _build("continuous", ("rect", ()), ("exp", ()), False)
    reason = maximum.peak_reason(result["times"], result["ys"], result["f_span"], result["g_span"], False, "t", "en")
    assert reason == "Here that is the moment the front of the sliding g reaches the end of f (t = 1)."
    for lang in ("en", "zh"):
        assert "not where the two signals start or end" not in TABLE["q.max.off"][lang]
        assert "{why}" in TABLE["q.max.off"][lang]


# --------------------------------------------------------------------- lessons and help
def _mean_high_gain(k, n=64):
    mag = np.abs(np.fft.fft2(k, s=(n, n)))
    f = np.fft.fftfreq(n)
    return mag[np.sqrt(f[:, None] ** 2 + f[None, :] ** 2) > 0.25].mean()


def test_the_sharpen_lesson_names_its_real_control_and_its_direction():
    import kernels
    from app.labs.image_lab.questions import lesson_text
    from app.ui.format import number
    from app.ui.strings import TABLE

    gains = [_mean_high_gain(kernels.make("unsharp", alpha=a)) for a in np.linspace(0, 1, 21)]
    assert all(np.diff(gains) < 0)  # "a lower α sharpens more", over the whole slider
    assert _mean_high_gain(kernels.make("unsharp", alpha=0.8)) == pytest.approx(3.52, abs=0.005)
    assert _mean_high_gain(kernels.make("unsharp", alpha=1.0)) == pytest.approx(3.24, abs=0.005)
    spec = kernels.get("unsharp")
    assert [p.name for p in spec.params] == ["alpha"]  # no strength control exists
    for lang in ("en", "zh"):
        text = lesson_text("sharpen", lang)
        for a in (0.0, 0.8, 1.0):
            assert number(_mean_high_gain(kernels.make("unsharp", alpha=a)), 3) in text
        assert "strength up" not in TABLE["teach.lesson.sharpen.text"][lang] and "强度调大" not in text
        assert "α" in spec.params[0].label[lang] and "α" in text  # the control, named as the slider names it


BLURS = [("gaussian", {"size": s, "sigma": sg}) for s, sg in ((5, 1.0), (7, 1.0), (9, 1.5), (15, 2.0), (21, 3.0))]
BLURS += [("disk", {"radius": r}) for r in (2.0, 3.0, 5.5)] + [("tent", {"size": 5}), ("tent", {"size": 9}),
                                                                ("binomial", {"order": 4}), ("binomial", {"order": 8}),
                                                                ("motion", {"length": 9, "angle": 30.0})]


@pytest.mark.parametrize(("name", "params"), BLURS, ids=str)
def test_a_zero_mean_blur_larger_than_3x3_is_a_band_pass(name, params):
    from kernels import bands, edit

    k = _make(name, params)
    assert max(k.shape) > 3
    z = k - k.mean()  # what "zero mean" does, by hand
    np.testing.assert_allclose(edit.zero_mean(k), z, atol=1e-15)
    n = 512
    mag = np.abs(np.fft.fft2(z, s=(n, n)))
    f = np.fft.fftfreq(n)
    r = np.sqrt(f[:, None] ** 2 + f[None, :] ** 2)
    peak_r = r[np.unravel_index(mag.argmax(), mag.shape)]
    assert mag[0, 0] < 1e-12 and 0.02 < peak_r < 0.35  # zero at DC, largest in between
    assert mag[r >= 0.45].max() < mag.max()  # the finest detail is not where it peaks
    assert bands.measured_band(z) == "band"


def test_the_zero_mean_help_says_band_pass():
    from app.ui.strings import TABLE

    assert "band-pass" in TABLE["teach.edit.zero_mean.help"]["en"] and "high-pass" not in TABLE["teach.edit.zero_mean.help"]["en"]
    assert "带通" in TABLE["teach.edit.zero_mean.help"]["zh"] and "高通" not in TABLE["teach.edit.zero_mean.help"]["zh"]


def test_the_ideal_lesson_kernel_is_a_jinc_not_a_sinc():
    from scipy.special import j1

    from app.labs.image_lab.teaching.link_fields import ideal_lowpass
    from app.ui.strings import TABLE

    k = ideal_lowpass(0.15, 31)  # the lesson's "ideal:0.15:31"
    fc = 0.15 * 0.5  # cycles/pixel
    rows, cols = np.indices(k.shape) - 15
    r = np.hypot(rows, cols)
    with np.errstate(invalid="ignore", divide="ignore"):
        jinc = np.where(r == 0, np.pi * fc**2, fc * j1(2 * np.pi * fc * r) / r)
    sinc2 = np.outer(np.sinc(2 * fc * np.arange(-15, 16)), np.sinc(2 * fc * np.arange(-15, 16)))

    def likeness(a, b):
        return np.corrcoef(a.ravel(), b.ravel())[0, 1]

    assert likeness(k, jinc) > 0.99 > likeness(k, sinc2) + 0.005
    for key in ("teach.lesson.ideal_vs_gaussian.text", "q.lesson.ideal_vs_gaussian.why"):
        for lang in ("en", "zh"):
            assert "jinc" in TABLE[key][lang] and "sinc with" not in TABLE[key][lang]


# --------------------------------------------------------------------- one glossary for the Chinese (and English) labels
def test_no_text_uses_a_word_the_glossary_retired():
    import re

    from app.ui.strings import TABLE
    from app.ui.strings.glossary import RETIRED

    for key, texts in TABLE.items():
        for name, patterns in RETIRED.items():
            for pattern in patterns:
                assert not re.search(pattern, texts.get("zh", "")), (key, name, texts["zh"])


def test_the_controls_are_labelled_with_the_glossary_terms():
    from app.labs.image_lab.schema import BOUNDARIES
    from app.ui.strings import TABLE
    from app.ui.strings.glossary import TERMS

    for lang in ("en", "zh"):
        for b in BOUNDARIES:
            assert TABLE[f"il.boundary.{b}"][lang] == TERMS[f"boundary.{b}"][lang]
            assert TABLE[f"teach.boundary.{b}"][lang].startswith(TERMS[f"boundary.{b}"][lang])
        for key in ("fl.dec.boundary.wrap", "fl.dec.boundary.reflect"):
            assert TERMS[f"boundary.{key.rsplit('.', 1)[1]}"]["zh"] in TABLE[key]["zh"]
        assert TABLE["cnn.tab.shift"][lang] == TERMS["shift_tolerance"][lang]
        for key in ("cnn.pool.stride", "cnn.s4.stride", "cnn.x.stride"):
            assert TERMS["stride"][lang].lower() in TABLE[key][lang].lower(), key


def _control_labels(lang):
    """Texts short enough to be a widget's label, a tab, a button or an option."""
    import kernels
    from app.ui.strings import TABLE

    labels = {v[lang].lower() for v in TABLE.values() if len(v.get(lang, "")) <= 40}
    for spec in kernels.catalog():
        labels.add(spec.label[lang].lower())
        for p in spec.params:
            labels.add(p.label[lang].lower())
    return labels


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_quoted_term_in_a_lesson_or_question_names_a_control_that_exists(lang):
    import re

    from app.ui.strings import TABLE
    from app.ui.strings.glossary import TERMS

    labels = _control_labels(lang)
    quoted = [(key, q) for key, texts in TABLE.items() if key.startswith(("teach.lesson.", "q."))
              for q in re.findall(r"“([^”]+)”", texts.get(lang, ""))]
    assert len(quoted) >= 5  # the check has something to check
    for key, q in quoted:
        assert any(label.startswith(q.lower()) for label in labels), (key, q)
    # and every boundary mode a lesson or question names is the boundary control's own label
    modes = {TERMS[f"boundary.{b}"][lang] for b in ("reflect", "zero", "wrap", "nearest")}
    for key, texts in TABLE.items():
        if key.startswith(("teach.lesson.", "q.lesson.")) and lang == "zh":
            for word in re.findall(r"“([^”]+)”边界|（(\S+) ↔ (\S+)）", texts["zh"]):
                for w in filter(None, word if isinstance(word, tuple) else (word,)):
                    assert w in modes, (key, w)


# --------------------------------------------------------------------- lesson questions, graded over a grid
LESSON_KERNELS = [("gaussian", {"size": 21, "sigma": 3.0}), ("gaussian", {"size": 5, "sigma": 0.6}),
                  ("box", {"size": 15}), ("motion", {"length": 31, "angle": 90.0}), ("motion", {"length": 31, "angle": 0.0}),
                  ("laplacian", {"alpha": 0.2}), ("outline", {}), ("sharpen", {}), ("unsharp", {"alpha": 0.8}),
                  ("unsharp", {"alpha": 0.0}), ("sobel_x", {}), ("sobel_y", {}), ("emboss", {"angle": 315.0}),
                  ("kirsch", {"direction": "ne"}), ("line", {"direction": "vertical"}), ("roberts", {}),
                  ("identity", {}), ("log", {})]
SIDE = 96


def _lesson_run(sample, name, params, boundary="reflect", correlate=False):
    from app.labs.image_lab import pipeline as lab
    from app.ui import image_picker as widgets

    picked = widgets.resolve_image(widgets.ImageChoice(sample=sample, size=SIDE), None, "en").picked
    return lab.compute(picked, _make(name, params), lab.LabSettings(boundary=boundary, correlate=correlate))


def _graded(lesson, run):
    from app.labs.image_lab import questions as lq

    return lq.QUESTIONS[lesson].question.answer(lq.facts_for(lesson, run))


def _two_way(a, b, factor=2.0):
    """0 when a is more than factor × b, 1 when b is more than factor × a, else 2; None when too close to call."""
    for x, y, side in ((a, b, 0), (b, a, 1)):
        if x > factor * y * 1.1 + 1e-12:
            return side
    if max(a, b) < factor * min(a, b) * 0.9 or max(a, b) < 1e-12:
        return 2
    return None


def _band_mean_gains(k, n=256):
    mag = np.abs(np.fft.fft2(k, s=(n, n)))
    f = np.fft.fftfreq(n)
    r = np.sqrt(f[:, None] ** 2 + f[None, :] ** 2)
    return mag[r < 0.1].mean(), mag[r > 0.25].mean(), mag[0, 1:].mean(), mag[1:, 0].mean()


@pytest.mark.parametrize(("name", "params"), LESSON_KERNELS, ids=str)
def test_the_kernel_lesson_questions_agree_with_numpy(name, params):
    from scipy import ndimage

    run = _lesson_run("camera", name, params)
    k = run.kernel
    low, high, along_x, along_y = _band_mean_gains(k)
    expected = _two_way(low, high)  # "where is |H| brightest?": centre / outside / even
    if expected is not None:
        assert _graded("edges_high", run) == expected
    expected = _two_way(along_x, along_y)  # which spokes fade: those whose edges the kernel does not see
    if expected is not None:
        assert _graded("direction", run) == expected
    if abs(high - 1) > 0.1:  # "what does it do to fine detail": weakens / keeps / boosts
        assert _graded("sharpen", run) == (0 if high < 1 else 2)
    x = run.image.image if run.image.image.ndim == 2 else run.image.image[..., 0]
    same = np.allclose(ndimage.convolve(x, k, mode="reflect"), ndimage.correlate(x, k, mode="reflect"), atol=1e-9)
    assert _graded("conv_vs_corr", run) == (0 if same else 1)


@pytest.mark.parametrize(("name", "params"), [("gaussian", {"size": 21, "sigma": 3.0}), ("box", {"size": 9}),
                                              ("sinc", {}), ("sinc", {"window": "hann"}), ("sharpen", {}),
                                              ("laplacian", {"alpha": 0.2}), ("identity", {})], ids=str)
def test_the_overshoot_question_agrees_with_scipy(name, params):
    from scipy import ndimage

    run = _lesson_run("camera", name, params)
    img = run.image.image
    k = run.kernel
    out = (np.stack([ndimage.convolve(img[..., c], k, mode="reflect") for c in range(img.shape[2])], -1)
           if img.ndim == 3 else ndimage.convolve(img, k, mode="reflect"))
    below, above = (out < -1e-9).any(), (out > 1 + 1e-9).any()
    assert _graded("ideal_vs_gaussian", run) == 2 - int(below) - int(above)


@pytest.mark.parametrize("boundary", ["zero", "reflect", "nearest", "wrap"])
@pytest.mark.parametrize(("name", "params"), [("box", {"size": 31}), ("box", {"size": 9}),
                                              ("motion", {"length": 31, "angle": 90.0})], ids=str)
def test_the_border_question_agrees_with_scipy(boundary, name, params):
    from scipy import ndimage

    run = _lesson_run("coffee", name, params, boundary)
    img, k = run.image.image, run.kernel
    mode = {"zero": "constant", "reflect": "reflect", "nearest": "nearest", "wrap": "wrap"}[boundary]
    out = np.stack([ndimage.convolve(img[..., c], k, mode=mode) for c in range(img.shape[2])], -1) if img.ndim == 3 \
        else ndimage.convolve(img, k, mode=mode)
    reach = max(k.shape) // 2
    b = int(np.clip(reach, 1, max(1, SIDE // 4)))
    ring = np.ones(img.shape[:2], bool)
    ring[b:-b, b:-b] = False
    shift = out[ring].mean() - img[ring].mean()
    if abs(abs(shift) - 0.02) > 0.003:  # "darker / about as bright / brighter", away from the ±0.02 line
        assert _graded("zero_border", run) == (0 if shift < -0.02 else 2 if shift > 0.02 else 1)


@pytest.mark.parametrize("angle", [0.0, 30.0, 60.0, 90.0])
@pytest.mark.parametrize("boundary", ["wrap", "reflect"])
def test_the_wrap_question_agrees_with_scipy(angle, boundary):
    from scipy import ndimage

    run = _lesson_run("camera", "motion", {"length": 31, "angle": angle}, boundary)
    img, k = run.image.image, run.kernel
    grey = img if img.ndim == 2 else img
    other = "reflect" if boundary == "wrap" else "wrap"

    def conv(mode):
        if grey.ndim == 3:
            return np.stack([ndimage.convolve(grey[..., c], k, mode=mode) for c in range(grey.shape[2])], -1)
        return ndimage.convolve(grey, k, mode=mode)

    diff = np.abs(conv(boundary) - conv(other))
    diff = diff.sum(axis=-1) if diff.ndim == 3 else diff
    b = int(np.clip(max(k.shape) // 2, 1, max(1, SIDE // 4)))
    rows = np.concatenate([diff[:b], diff[-b:]]).mean()
    cols = np.concatenate([diff[:, :b], diff[:, -b:]], axis=1).mean()
    if abs(rows - cols) > 0.05 * max(rows, cols):
        assert _graded("wrap_artefact", run) == (0 if rows > cols else 1)


@pytest.mark.parametrize(("name", "params"), [("gaussian", {"size": 21, "sigma": 3.0}), ("gaussian", {"size": 3, "sigma": 0.5}),
                                              ("box", {"size": 3}), ("identity", {}), ("laplacian", {"alpha": 0.2}),
                                              ("sharpen", {})], ids=str)
def test_the_blur_question_agrees_with_numpy(name, params):
    from scipy import ndimage

    run = _lesson_run("zone_plate", name, params, "wrap")
    img, k = run.image.image, run.kernel
    grey = img if img.ndim == 2 else img.mean(axis=-1)
    out = ndimage.convolve(grey, k, mode="wrap")
    f = np.fft.fftfreq(grey.shape[0])[:, None], np.fft.fftfreq(grey.shape[1])[None, :]
    outer = np.sqrt(f[0] ** 2 + f[1] ** 2) > 0.25
    ratio = (np.abs(np.fft.fft2(out))[outer] ** 2).sum() / (np.abs(np.fft.fft2(grey))[outer] ** 2).sum()
    if min(abs(ratio - 0.05), abs(ratio - 0.5)) > 0.1 * ratio:  # "most / some / almost none survives"
        assert _graded("blur_high", run) == (0 if ratio > 0.5 else 1 if ratio >= 0.05 else 2)


# --------------------------------------------------------------------- Fourier Lab questions, graded over a grid
def _photo(name, side=96):
    from app.backend import load_sample, to_gray

    g = to_gray(load_sample(name))
    step = max(1, min(g.shape) // side)
    return np.ascontiguousarray(g[: side * step : step, : side * step : step])


def _pearson(x, y):
    return np.corrcoef(x.ravel(), y.ravel())[0, 1]


@pytest.mark.parametrize(("a", "b"), [("camera", "chelsea"), ("chelsea", "camera"), ("coffee", "astronaut"),
                                      ("text", "camera"), ("camera", "camera"), ("siemens_star", "coffee")])
def test_the_swap_question_agrees_with_a_numpy_swap(a, b):
    from app.labs.fourier_lab import questions as flq

    x, y = _photo(a), _photo(b)
    swapped = np.fft.ifft2(np.abs(np.fft.fft2(x)) * np.exp(1j * np.angle(np.fft.fft2(y)))).real
    ra, rb = _pearson(swapped, x), _pearson(swapped, y)
    facts = flq.swap_facts(x, y)
    assert (facts["ra"], facts["rb"]) == pytest.approx((ra, rb), abs=1e-6)
    expected = 2 if abs(ra - rb) < 0.05 else int(rb > ra)
    assert flq.SWAP.answer(facts) == expected
    if a != b:
        assert expected == 1  # the photo that gave the phase


@pytest.mark.parametrize("k_exp", [-6.0, -4.0, -2.0, -1.0, 0.0])
@pytest.mark.parametrize(("blur", "noise"), [(("motion", {"length": 9, "angle": 30.0}), 0.01),
                                             (("gaussian", {"size": 9, "sigma": 1.5}), 0.02),
                                             (("motion", {"length": 15, "angle": 0.0}), 0.0)], ids=str)
def test_the_wiener_question_agrees_with_a_numpy_restoration(blur, noise, k_exp):
    from app.labs.fourier_lab import pipeline as lab
    from app.labs.fourier_lab import questions as flq

    x = _photo("camera")
    k = _make(*blur)
    d = lab.deconvolve(f"claims-{blur}-{noise}", x, k, noise, "wrap")
    K = 10.0 ** k_exp
    placed = np.zeros(x.shape)
    placed[: k.shape[0], : k.shape[1]] = k
    placed = np.roll(placed, (-(k.shape[0] // 2), -(k.shape[1] // 2)), axis=(0, 1))  # anchor at the origin
    H = np.fft.fft2(placed)
    restored = np.fft.ifft2(np.fft.fft2(d.blurred) * np.conj(H) / (np.abs(H) ** 2 + K)).real
    rmse = np.sqrt(np.mean((restored - x) ** 2))
    blurred_rmse = np.sqrt(np.mean((d.blurred - x) ** 2))
    facts = flq.wiener_facts(d, lab.wiener(x, d, K).rmse, K)
    assert (facts["restored"], facts["blurred"]) == pytest.approx((rmse, blurred_rmse), rel=1e-6)
    ratio = rmse / blurred_rmse
    assert flq.WIENER.answer(facts) == (0 if ratio < 0.95 else 2 if ratio > 1.05 else 1)


@pytest.mark.parametrize(("name", "params"), [("high_boost", {"A": 3.0}), ("high_boost", {"A": 1.0}), ("sharpen", {}),
                                              ("gaussian", {}), ("laplacian", {}), ("identity", {})], ids=str)
def test_the_scale_note_says_how_much_of_the_output_spectrum_saturates(camera, name, params):
    from app.backend.spectra import full_from_half
    from app.labs.image_lab import pipeline as lab
    from app.labs.image_lab.parts import text as words
    from app.ui.format import count

    run = lab.compute(camera, _make(name, params), lab.LabSettings(kernel_name=name))
    res = run.result
    f2 = full_from_half(res.power_half("image"), res.grid[1])
    h2 = full_from_half(res.power_half("response"), res.grid[1])
    above = np.count_nonzero(f2 * h2 > f2.max() * (1 + 1e-12))  # |F·H| above max |F|
    assert lab.output_saturation(run) == (above, f2.size)
    note = words.scale_note(True, 100, lab.response_white(run), "en", lab.output_saturation(run))
    assert (f"at {count(above)} of {count(f2.size)} frequencies" in note) == (above > 0)
    if name == "high_boost" and params["A"] > 1:
        assert above > 0  # the zero frequency itself is boosted A times


@pytest.mark.parametrize("window", ["rectangular", "hann", "hamming"])
@pytest.mark.parametrize(("size", "cutoff"), [(21, 0.15), (11, 0.15), (41, 0.15), (63, 0.1), (21, 0.3), (7, 0.2)])
def test_the_kernel_note_gives_the_gibbs_overshoot_at_the_live_tap_count(size, cutoff, window):
    from scipy import signal

    from app.labs.image_lab.parts import text as words

    k = _make("sinc", {"size": size, "cutoff": cutoff, "window": window})
    taps = signal.firwin(size, cutoff, window={"rectangular": "boxcar"}.get(window, window), fs=1)
    taps = taps / taps.sum()
    _, h1 = signal.freqz(taps, worN=8192)
    along = np.abs(h1).max() - 1  # the 1-D overshoot, from scipy's own filter design
    overall = (1 + along) ** 2 - 1 if along > 0 else 0.0  # separable: the two axes' peaks multiply
    note = words.kernel_note(k, "en")
    if overall <= 1e-6:
        assert "Gibbs" not in note
        return
    import re

    pct, axis = (float(v) for v in re.findall(r"(\d+\.\d+) %", note)[:2])
    assert pct == pytest.approx(100 * overall, abs=0.02) and axis == pytest.approx(100 * along, abs=0.02)
    assert f"{size}×{size} taps" in note
    assert "Gibbs" in note and "吉布斯" in words.kernel_note(k, "zh")


def test_the_default_sinc_overshoots_4_1_percent_along_an_axis_not_9():
    from app.labs.image_lab.parts import text as words

    note = words.kernel_note(_make("sinc", {}), "en")
    assert "(4.08 % along an axis)" in note and "9 %" not in note


def test_the_ui_module_examples_run():
    """The examples of the page-text modules (the engine's run through pytest's doctest collection)."""
    import doctest

    from app.labs.cnn_lab.parts import text
    from app.labs.filter_designer import questions as question
    from app.labs.fourier_lab import pipeline as fourier_lab
    from app.labs.image_lab import questions as lesson_questions
    from app.labs.image_lab.parts import text as image_lab_text
    from app.labs.signal_lab import questions as maximum
    from app.ui.strings import glossary

    for module in (fourier_lab, image_lab_text, text, question, maximum, glossary, lesson_questions):
        assert doctest.testmod(module).failed == 0, module.__name__


@pytest.mark.parametrize(("name", "params"), [("gaussian", {}), ("gaussian", {"size": 15, "sigma": 2.5}),
                                              ("laplacian", {"alpha": 0.7}), ("line", {"direction": "plus45"}),
                                              ("line", {"direction": "vertical"})], ids=str)
def test_the_kernels_the_help_names_as_unchanged_are_unchanged(name, params):
    from scipy import ndimage

    k, x = _make(name, params), _random_image()
    np.testing.assert_allclose(ndimage.convolve(x, k), ndimage.correlate(x, k), atol=1e-12)
