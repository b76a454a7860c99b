"""The Fourier Lab's logic module without a browser: readout, markers, K mapping, pipelines, schema, lessons."""

from __future__ import annotations

import math

import numpy as np
import pytest

from app.backend import fourier as fr
from app.labs.fourier_lab import figures as figs
from app.labs.fourier_lab import pipeline as lab
from app.labs.fourier_lab.schema import PROPERTIES, SCHEMA, WIENER_EXPONENTS
from app.labs.image_lab.teaching.lessons import PAGE_LESSONS
from app.ui import state
from app.ui.spectrum_readout import wave_readout

RNG = np.random.default_rng(0)
IMAGE = np.clip(np.cumsum(np.cumsum(RNG.random((64, 48)) - 0.5, 0), 1) / 40 + 0.5, 0, 1)
DIGEST = "test-image-64x48"


# --- 1. waves -----------------------------------------------------------------------------------
def test_readout_gives_cycles_per_pixel_period_and_angle():
    info = fr.wave_info((64, 64), -8, 8)  # diagonal: up and to the right on screen
    text = wave_readout(info, "en")
    assert "(u, v) = (-8, 8)" in text
    assert f"{math.hypot(1 / 8, 1 / 8):.4g} cycles/pixel" in text
    assert f"{1 / math.hypot(1 / 8, 1 / 8):.3g} px" in text
    assert "45.0°" in text and "(8, -8)" in text


def test_readout_of_dc_says_no_oscillation_in_both_languages():
    info = fr.wave_info((64, 64), 0, 0)
    assert "∞" in wave_readout(info, "en") and "∞" in wave_readout(info, "zh")
    assert "周期/像素" in wave_readout(info, "zh")


@pytest.mark.parametrize(("u", "v"), [(-6, 10), (5, -3), (0, 7)])
def test_markers_ring_the_point_and_its_mirror(u, v):
    spec = np.zeros((64, 48), np.uint8)
    marked, _, _, info = lab.wave_view(spec, u, v)
    factor = lab.zoom_factor(spec.shape)
    assert marked.shape == (64 * factor, 48 * factor, 3)
    for colour, (row, col) in ((lab.POINT_COLOUR, info.index), (lab.MIRROR_COLOUR, info.mirror_index)):
        ys, xs = np.nonzero(np.all(marked == colour, axis=2))
        assert ys.size > 0, colour
        # the ring is centred on the enlarged sample (row, col)
        assert abs(ys.mean() - ((row + 0.5) * factor - 0.5)) < 1.5
        assert abs(xs.mean() - ((col + 0.5) * factor - 0.5)) < 1.5
    assert info.index == (u + 32, v + 24)
    assert info.mirror_index == (-u + 32, -v + 24)


def test_wave_parts_are_signed_images_on_the_diverging_map():
    big = lab.wave_view(np.zeros((300, 200), np.uint8), 3, 4)[1]
    assert big.pixels.shape == (2 * lab.WAVE_CROP, 2 * lab.WAVE_CROP, 3)  # a crop of a large image
    _, cos_part, sin_part, _ = lab.wave_view(np.zeros((64, 48), np.uint8), 3, 4)
    for part in (cos_part, sin_part):
        assert part.pixels.dtype == np.uint8 and part.pixels.shape == (128, 96, 3)  # 2×2 blocks
        assert part.mode == "diverging" and part.limit == pytest.approx(1.0) and part.clipped_fraction == 0.0


def test_a_click_maps_to_the_frequency_under_it():
    shape = (64, 48)
    # the centre of the shown picture is (0, 0); the top-left corner is the most negative frequency
    assert lab.click_to_frequency((200, 200, 400, 400), shape) == (0, 0)
    assert lab.click_to_frequency((0, 0, 400, 400), shape) == (-32, -24)
    assert lab.click_to_frequency((399, 399, 400, 400), shape) == (31, 23)


def test_frequencies_from_a_larger_image_are_clamped():
    assert lab.clamp_frequency((64, 48), 999, -999) == (31, -24)


# --- 2. build -----------------------------------------------------------------------------------
def test_k_options_are_log_spaced_from_one_to_all():
    opts = lab.k_options(64 * 48)
    assert opts[0] == 1 and opts[-1] == 64 * 48 and len(opts) == lab.K_STEPS
    assert all(b > a for a, b in zip(opts, opts[1:]))
    middle = opts[len(opts) // 2]
    assert math.sqrt(64 * 48) / 3 < middle < 3 * math.sqrt(64 * 48)  # log-spaced: the middle is near the geometric mean


def test_snap_k_picks_the_nearest_option_on_a_log_scale():
    opts = (1, 10, 100, 1000)
    assert lab.snap_k(30, opts) == 10 and lab.snap_k(40, opts) == 100
    assert lab.snap_k(10**9, opts) == 1000 and lab.snap_k(0, opts) == 1


def test_build_outputs_and_k_all_is_exact():
    few = lab.build(DIGEST, IMAGE, "count", 10, 0.0)
    everything = lab.build(DIGEST, IMAGE, "count", IMAGE.size, 0.0)
    assert few.shown.pixels.dtype == np.uint8 and few.shown.pixels.shape[:2] == IMAGE.shape
    assert few.spectrum.shape == (*IMAGE.shape, 3) and few.kept in (10, 11)
    assert not few.exact and everything.exact and everything.psnr > 200 > few.psnr
    radius = lab.build(DIGEST, IMAGE, "radius", 1, 0.1)
    assert 1 < radius.kept < IMAGE.size


def test_psnr_curve_never_falls():
    curve = lab.psnr_curve(DIGEST, IMAGE, lab.k_options(IMAGE.size))
    assert np.all(np.diff(curve) >= -1e-9) and math.isinf(curve[-1])


# --- display ------------------------------------------------------------------------------------
def test_out_of_range_pictures_are_clipped_with_the_share_said():
    x = np.array([[-0.5, 0.5], [0.25, 1.5]])
    shown = lab.grey_pixels(x)
    assert shown.mode == "clip" and shown.clipped_fraction == 0.5
    assert "50.0 %" in lab.shown_note(shown, "en")
    assert lab.grey_pixels(np.array([[0.0, 1.0]])).mode == "plain"


def test_signed_pictures_keep_zero_white_and_report_saturation():
    """The magnitude-only picture saturates its strongest 0.5 % of |x| (and says how much), and
    its value nearest zero is drawn the neutral white."""
    a = np.random.default_rng(3).random((48, 48))
    mag = lab.mag_phase("seeded-48", a, "camera")["mag"]
    x = fr.magnitude_only(a, centred=True)
    lim = float(np.percentile(np.abs(x), 99.5))
    assert mag.mode == "diverging" and mag.limit == pytest.approx(lim, rel=1e-9)
    assert mag.clipped_fraction == pytest.approx(float(np.mean(np.abs(x) > lim)))
    assert 0 < mag.clipped_fraction <= 0.011
    near_zero = np.unravel_index(np.argmin(np.abs(x)), x.shape)
    assert np.abs(mag.pixels[near_zero].astype(int) - 247).max() <= 3


def test_stretch_maps_the_range_to_black_and_white():
    shown = lab.stretch_pixels(np.array([[-2.0, 0.0, 6.0]]))
    assert shown.pixels.tolist() == [[0, 64, 255]]


# --- 3. magnitude and phase ---------------------------------------------------------------------
def test_mag_phase_returns_same_size_pictures():
    out = lab.mag_phase(DIGEST, IMAGE, "chelsea")
    assert set(out) == {"b", "ab", "ba", "mag", "phase"}
    for shown in out.values():
        assert shown.pixels.dtype == np.uint8 and shown.pixels.shape[:2] == IMAGE.shape


# --- 4. properties ------------------------------------------------------------------------------
PARAMS = {
    "shift": (("dx", 5), ("dy", -3)),
    "rotate": (("angle", 30.0),),
    "scale": (("factor", 2.0),),
    "mirror": (("axis", 1),),
    "modulate": (("u", 0), ("v", 8)),
    "even": (),
}


@pytest.mark.parametrize("prop", PROPERTIES)
def test_every_property_gives_pictures_and_numbers(prop):
    view = lab.property_view(DIGEST, IMAGE, prop, PARAMS[prop])
    assert view.before.pixels.shape[:2] == view.after.pixels.shape[:2] == IMAGE.shape
    assert view.spec_before[:2] == view.spec_after[:2] == b"\xff\xd8"  # JPEG
    assert view.numbers and all(isinstance(v, str) and v for _, v in view.numbers)


def test_shift_numbers_prove_the_theorem():
    view = lab.property_view(DIGEST, IMAGE, "shift", PARAMS["shift"])
    numbers = dict(view.numbers)
    assert float(numbers["fl.num.mag_err"]) < 1e-12 and float(numbers["fl.num.phase_err"]) < 1e-8


# --- 5. deconvolution ---------------------------------------------------------------------------
def test_kernels_follow_the_settings():
    values = {"fl_sigma": 2.0, "fl_length": 9, "fl_mangle": 0.0, "fl_box": 5}
    assert lab.deconv_kernel(SCHEMA.read(values | {"fl_kernel": "gaussian"})).shape == (13, 13)
    assert lab.deconv_kernel(SCHEMA.read(values | {"fl_kernel": "box"})).shape == (5, 5)
    assert lab.deconv_kernel(SCHEMA.read(values | {"fl_kernel": "motion"})).sum() == pytest.approx(1.0)


def test_deconvolution_larger_k_is_smoother_and_the_optimum_is_best():
    kernel = lab.deconv_kernel(SCHEMA.read({"fl_kernel": "gaussian", "fl_sigma": 1.5}))
    d = lab.deconvolve(DIGEST, IMAGE, kernel, 0.02, "wrap")
    small, large = lab.wiener(IMAGE, d, 1e-5), lab.wiener(IMAGE, d, 1e-1)
    assert large.roughness < small.roughness
    assert d.best.rmse <= d.curve.min() + 1e-12
    assert d.suppressed > 0 and d.boundary_peak > 0
    fig = figs.wiener_figure(d, 1e-2, "en", False)
    assert fig.layout.xaxis.type == "log"


def test_nearest_exponent_is_a_slider_position():
    assert lab.nearest_exponent(3e-3) == -2.5
    assert lab.nearest_exponent(1e-12) == WIENER_EXPONENTS[0]


# --- URL state and lessons ----------------------------------------------------------------------
def test_schema_accepts_good_values_and_rejects_hostile_ones():
    values, rejected = state.decode(SCHEMA.fields, {"fl_tab": "deconv", "fl_u": "-3", "fl_kw": "-2.5", "fl_k": "500"})
    assert values == {"fl_tab": "deconv", "fl_u": -3, "fl_kw": -2.5, "fl_k": 500} and rejected == []
    _, rejected = state.decode(SCHEMA.fields, {"fl_u": "999999", "fl_k": "abc", "fl_kernel": "../etc", "fl_noise": "nan"})
    assert sorted(rejected) == ["fl_k", "fl_kernel", "fl_noise", "fl_u"]


def test_every_default_is_valid_for_its_own_field():
    encoded = {k: state._format(f, f.default) for k, f in SCHEMA.fields.items()}
    values, rejected = state.decode(SCHEMA.fields, encoded)
    assert rejected == [] and values == {k: f.default for k, f in SCHEMA.fields.items()}


@pytest.mark.parametrize("lesson", sorted(PAGE_LESSONS))
def test_fourier_lessons_are_valid_settings_of_the_page(lesson):
    page, settings = PAGE_LESSONS[lesson]
    assert page == "fourier_lab"
    encoded = state.encode(SCHEMA.fields, settings)
    values, rejected = state.decode(SCHEMA.fields, encoded)
    assert rejected == [] and all(values.get(k, SCHEMA.fields[k].default) == v for k, v in settings.items())


def test_the_wave_parts_follow_the_palette():
    spec = np.zeros((64, 64), np.uint8)
    _, cos_std, _, _ = lab.wave_view(spec, 3, 0)
    _, cos_safe, _, _ = lab.wave_view(spec, 3, 0, "colour_safe")
    assert cos_std.mode == cos_safe.mode == "diverging" and cos_std.limit == cos_safe.limit
    positive = cos_std.pixels[0, 0]  # cos(0) = +1: the positive end
    assert positive.tolist() == [103, 0, 31] and cos_safe.pixels[0, 0].tolist() == [127, 59, 8]
