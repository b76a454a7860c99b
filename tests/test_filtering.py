"""The Filter Designer's backend (app.backend.filtering): masks, filtering, implied kernels."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.backend import filtering as F
from app.backend import mask_kernel, spectrum_reading
from app.backend.images import load_sample
from app.backend.spectra import frequency_axes
from kernels import frequency as kf

RNG = np.random.default_rng(7)


def _photo(shape=(64, 80)):
    """A smooth-ish random 'photo' (low-pass random field) in [0, 1]."""
    from scipy import ndimage

    x = ndimage.gaussian_filter(RNG.random(shape), 2.0, mode="wrap")
    return (x - x.min()) / (x.max() - x.min())


def _all_masks(shape):
    for kind in ("ideal", "butterworth", "gaussian"):
        for band in F.MASK_BANDS:
            yield f"{kind}-{band}", F.parametric_mask(shape, kind, band, low=0.08, high=0.3, order=3)
    yield "notch", F.notch_mask(shape, [(0.1, 0.17), (-0.2, 0.05), (0.5, 0.0)], 0.02)
    remove = F.polygon_region(shape, [0.05, 0.3, 0.25], [0.05, 0.1, 0.35])
    yield "freehand", F.freehand_mask(shape, remove=remove, smooth=0.01)


# --------------------------------------------------------------------------- symmetry, realness
@pytest.mark.parametrize("shape", [(64, 80), (63, 65), (64, 63)])
def test_every_mask_is_hermitian_and_keeps_real_images_real(shape):
    img = _photo(shape)
    ff = F.FrequencyFilter(img)
    for name, mask in _all_masks(shape):
        assert F.hermitian_error(mask) <= 1e-15, name
        res = ff.apply(mask)
        assert res.imag_max <= 1e-12, (name, res.imag_max)
        assert res.output.shape == img.shape


@settings(max_examples=25, deadline=None)
@given(
    h=st.integers(8, 40),
    w=st.integers(8, 40),
    kind=st.sampled_from(F.MASK_SHAPES),
    band=st.sampled_from(F.MASK_BANDS),
    low=st.floats(0.02, 0.3),
    width=st.floats(0.02, 0.2),
    order=st.integers(1, 10),
)
def test_parametric_filtering_of_a_real_image_is_real(h, w, kind, band, low, width, order):
    img = np.random.default_rng(h * 100 + w).random((h, w, 3))
    mask = F.parametric_mask((h, w), kind, band, low=low, high=min(low + width, 0.5), order=order)
    res = F.FrequencyFilter(img).apply(mask)
    assert res.imag_max <= 1e-12
    assert np.isfinite(res.output).all()


def test_colour_is_filtered_per_channel():
    img = np.stack([_photo(), _photo(), _photo()], axis=-1)
    mask = F.parametric_mask(img.shape[:2], "butterworth", "lowpass", low=0.1, order=2)
    out = F.FrequencyFilter(img).apply(mask).output
    for c in range(3):
        np.testing.assert_allclose(out[..., c], F.FrequencyFilter(img[..., c]).apply(mask).output, atol=1e-12)


def test_all_pass_returns_the_image_and_the_output_spectrum_is_mask_times_input():
    img = _photo()
    ff = F.FrequencyFilter(img)
    np.testing.assert_allclose(ff.apply(np.ones(img.shape)).output, img, atol=1e-12)
    mask = F.parametric_mask(img.shape, "gaussian", "highpass", low=0.1)
    res = ff.apply(mask)
    np.testing.assert_allclose(res.spectrum_out, mask * res.spectrum_in)
    # and it is the spectrum of the output
    np.testing.assert_allclose(F.centred_spectrum(res.output), res.spectrum_out, atol=1e-9)


def test_mask_must_match_the_grid():
    with pytest.raises(ValueError, match=r"mask shape \(10, 10\) does not match the image grid \(64, 80\)"):
        F.FrequencyFilter(_photo()).apply(np.ones((10, 10)))


# --------------------------------------------------------------------------- documented gains
@pytest.mark.parametrize("order", range(1, 11))
def test_butterworth_gain_at_the_cutoff_is_one_half_for_every_order(order):
    m = F.parametric_mask((64, 64), "butterworth", "lowpass", low=8 / 64, order=order)
    assert m[32, 32 + 8] == pytest.approx(0.5, abs=1e-12)
    assert m[32 - 8, 32] == pytest.approx(0.5, abs=1e-12)


def test_gaussian_gain_at_the_cutoff_is_exp_minus_half():
    m = F.parametric_mask((64, 64), "gaussian", "lowpass", low=8 / 64)
    assert m[32, 32 + 8] == pytest.approx(math.exp(-0.5), abs=1e-12)


def test_cutoffs_are_in_cycles_per_pixel_and_circular_on_non_square_grids():
    m = F.parametric_mask((40, 100), "ideal", "lowpass", low=0.2)
    r = kf.radius_grid((40, 100)) * F.NYQUIST  # cycles/pixel
    assert np.array_equal(m > 0.5, r <= 0.2 + 1e-12)


def test_band_masks_need_low_below_high():
    for band in ("bandpass", "bandstop"):
        with pytest.raises(ValueError, match="below"):
            F.parametric_mask((32, 32), "ideal", band, low=0.3, high=0.2)
        with pytest.raises(ValueError, match=r"the lower cutoff \(0\.2\) must be below the upper cutoff \(0\.2\)"):
            F.parametric_mask((32, 32), "gaussian", band, low=0.2, high=0.2)
    # low/high-pass ignore the upper cutoff
    assert F.parametric_mask((32, 32), "ideal", "lowpass", low=0.3, high=0.1).shape == (32, 32)


# --------------------------------------------------------------------------- implied kernel
def test_the_implied_kernel_of_a_gaussian_mask_is_a_gaussian():
    d0 = 0.08  # cycles/pixel
    n = 128
    mask = F.parametric_mask((n, n), "gaussian", "lowpass", low=d0)
    h = mask_kernel.implied_kernel(mask)
    # exp(-f²/(2 d0²)) <-> Gaussian of sigma 1/(2π d0) pixels, unit sum
    sigma = 1.0 / (2.0 * math.pi * d0)
    y, x = np.mgrid[:n, :n] - n // 2
    g = np.exp(-(x**2 + y**2) / (2 * sigma**2)) / (2 * math.pi * sigma**2)
    assert h.sum() == pytest.approx(1.0, abs=1e-12)
    assert np.max(np.abs(h - g)) <= 1e-4 * g.max()
    # the cross-section is the 1-D Gaussian too
    offsets, taps = mask_kernel.cross_section(h)
    assert offsets[n // 2] == 0 and taps.argmax() == n // 2
    np.testing.assert_allclose(taps, g[n // 2], atol=1e-4 * g.max())


def test_ideal_low_pass_rings_and_gaussian_does_not():
    shape = (128, 128)
    ideal = mask_kernel.kernel_report(F.parametric_mask(shape, "ideal", "lowpass", low=0.1), 31)
    gauss = mask_kernel.kernel_report(F.parametric_mask(shape, "gaussian", "lowpass", low=0.1), 31)
    # the 2-D sinc (jinc) side lobe: about -13 % of the peak
    assert -0.16 < ideal.negative_lobe < -0.10
    assert ideal.negative_lobe_cropped < -0.10
    assert gauss.negative_lobe > -1e-4
    assert gauss.negative_lobe_cropped > -1e-4
    assert ideal.max_imag <= 1e-15 and gauss.max_imag <= 1e-15
    assert ideal.dc_gain == 1.0 and gauss.cropped_sum == pytest.approx(1.0, abs=1e-4)


@pytest.mark.parametrize("kind", ["gaussian", "butterworth"])
def test_crop_error_decreases_with_crop_size(kind):
    mask = F.parametric_mask((96, 96), kind, "lowpass", low=0.08, order=2)
    errors = [mask_kernel.crop_error(mask, s).rel_l2 for s in (3, 5, 9, 15, 25, 41, 63)]
    assert all(b <= a + 1e-12 for a, b in zip(errors, errors[1:])), errors
    assert errors[-1] < 0.05 * errors[0]


def test_crop_error_of_the_ideal_filter_is_large_and_shrinks():
    mask = F.parametric_mask((96, 96), "ideal", "lowpass", low=0.1)
    small, big = mask_kernel.crop_error(mask, 5), mask_kernel.crop_error(mask, 63)
    assert big.rel_l2 < small.rel_l2
    assert big.max_abs > 0.3  # a finite kernel cannot make a brick wall: Gibbs overshoot at the edge


def test_uncropped_kernel_reproduces_the_mask_exactly():
    mask = F.parametric_mask((33, 33), "ideal", "bandpass", low=0.1, high=0.3)
    err = mask_kernel.crop_error(mask, 33)
    assert err.max_abs < 1e-12 and err.rel_l2 < 1e-12


def test_crop_centre_keeps_the_centre_and_clips_to_the_grid():
    h = np.arange(7 * 9, dtype=float).reshape(7, 9)
    c = kf.crop_centre(h, 3)
    assert c.shape == (3, 3) and c[1, 1] == h[3, 4]
    assert kf.crop_centre(h, 63).shape == (7, 7)
    with pytest.raises(ValueError, match=r"kernel size must be an odd whole number \(got 4\)"):
        kf.crop_centre(h, 4)


# --------------------------------------------------------------------------- notches
def _noisy(n=128, k=(10, 17), amp=0.3):
    base = _photo((n, n)) * 0.5
    y, x = np.mgrid[:n, :n]
    return base, base + amp * np.cos(2 * np.pi * (k[0] * y + k[1] * x) / n)


def _tone_db(image, n, k):
    """Energy of the (k0, k1) tone pair in dB (20 log10 |DFT| at the tone)."""
    f = np.fft.fft2(image)
    return 20 * np.log10(abs(f[k[0] % n, k[1] % n]) + 1e-300)


def test_notch_removes_a_sinusoid_by_at_least_40_db():
    n, k = 128, (10, 17)
    base, noisy = _noisy(n, k)
    mask = F.notch_mask((n, n), [(k[0] / n, k[1] / n)], radius=0.015)
    out = F.FrequencyFilter(noisy).apply(mask).output
    assert _tone_db(noisy, n, k) - _tone_db(out, n, k) >= 40
    # ... and the mirrored tone too, while the photo is kept
    assert _tone_db(noisy, n, (-k[0], -k[1])) - _tone_db(out, n, (-k[0], -k[1])) >= 40
    assert np.sqrt(np.mean((out - base) ** 2)) < 0.02


def test_a_click_next_to_the_peak_snaps_onto_it_and_still_removes_40_db():
    n, k = 128, (10, 17)
    _, noisy = _noisy(n, k)
    ff = F.FrequencyFilter(noisy)
    click = (k[0] / n + 0.011, k[1] / n - 0.009)  # ~1.5 bins off
    unsnapped = ff.apply(F.notch_mask((n, n), [click], 0.01)).output
    assert _tone_db(noisy, n, k) - _tone_db(unsnapped, n, k) < 40  # why snapping matters
    snapped = spectrum_reading.snap_to_peak(ff.spectrum, *click, radius=0.02)
    assert snapped == (k[0] / n, k[1] / n)
    out = ff.apply(F.notch_mask((n, n), [snapped], 0.01)).output
    assert _tone_db(noisy, n, k) - _tone_db(out, n, k) >= 40


def test_snap_never_lands_on_dc():
    spec = F.centred_spectrum(_photo((64, 64)) + 5.0)
    assert spectrum_reading.snap_to_peak(spec, 0.0, 0.01, 0.03) != (0.0, 0.0)


@pytest.mark.parametrize("profile", ["ideal", "butterworth", "gaussian"])
def test_notch_profiles_zero_the_centre_and_its_mirror(profile):
    m = F.notch_mask((64, 64), [(8 / 64, -5 / 64)], 0.02, profile=profile)
    assert m[32 + 8, 32 - 5] == 0.0 and m[32 - 8, 32 + 5] == 0.0
    assert m[32, 32] == pytest.approx(1.0, abs=1e-2)  # Butterworth tails reach a little further
    assert F.hermitian_error(m) == 0.0


def test_empty_notch_list_is_all_pass_and_bad_radius_is_refused():
    assert np.array_equal(F.notch_mask((8, 8), [], 0.01), np.ones((8, 8)))
    with pytest.raises(ValueError, match=r"notch radius must be in \(0, 0\.5\] cycles/pixel, got 0\.0"):
        F.notch_mask((8, 8), [(0.1, 0.1)], 0.0)


def test_detect_peaks_finds_the_periodic_noise_of_the_sample():
    img = load_sample("periodic_noise")
    spec = F.FrequencyFilter(img).spectrum
    peaks = spectrum_reading.detect_peaks(spec, count=4)
    want = {(24 / 512, 40 / 512), (48 / 512, -20 / 512)}
    assert want <= set(peaks)
    # one per mirror pair, never the centre, never on the axes
    assert all(fy > 0 or (fy == 0 and fx > 0) for fy, fx in peaks)
    # notching them cleans the photo: the noisy sample gets much closer to the clean cameraman
    clean = load_sample("camera")
    photo = 0.2 + 0.6 * clean  # the sample's compressed photo range (make_patterns.py)
    out = F.FrequencyFilter(img).apply(F.notch_mask(img.shape, sorted(want), 0.01)).output
    before = np.sqrt(np.mean((img - photo) ** 2))
    after = np.sqrt(np.mean((out - photo) ** 2))
    assert after < 0.25 * before


def test_detect_peaks_on_a_clean_photo_finds_little():
    spec = F.FrequencyFilter(load_sample("camera")).spectrum
    assert len(spectrum_reading.detect_peaks(spec, count=4, min_prominence_db=25)) <= 1


# --------------------------------------------------------------------------- free-hand
def test_freehand_regions_are_mirrored_and_smoothing_keeps_symmetry():
    shape = (64, 65)
    region = F.polygon_region(shape, [0.1, 0.3, 0.3, 0.1], [0.1, 0.1, 0.2, 0.2])
    assert region.any() and not region[: shape[0] // 2].any()  # painted below the centre only
    m = F.freehand_mask(shape, remove=region)
    assert F.hermitian_error(m) == 0.0
    assert m[region].max() == 0.0 and m[kf.mirror(region)].max() == 0.0
    assert m[shape[0] // 2, shape[1] // 2] == 1.0
    s = F.freehand_mask(shape, remove=region, smooth=0.02)
    assert F.hermitian_error(s) <= 1e-15
    assert 0.0 < s[region].max() < 1.0  # edges softened
    assert s.min() >= 0 and s.max() <= 1


def test_freehand_keep_regions_remove_everything_else():
    shape = (32, 32)
    r = kf.radius_grid(shape) * F.NYQUIST  # cycles/pixel
    ring = (r > 0.1) & (r < 0.2)
    m = F.freehand_mask(shape, keep=ring)
    assert np.array_equal(m > 0.5, ring | kf.mirror(ring))


def test_polygon_needs_three_vertices():
    assert not F.polygon_region((16, 16), [0.1, 0.2], [0.1, 0.2]).any()


# --------------------------------------------------------------------------- leakage, profiles, overlay
def test_the_hann_window_removes_the_axis_cross():
    img = load_sample("camera")
    plain = spectrum_reading.axis_cross_db(F.centred_spectrum(img, "none"))
    hann = spectrum_reading.axis_cross_db(F.centred_spectrum(img, "hann"))
    assert plain > 6.0
    assert hann < plain - 5.0


def test_a_periodic_image_has_no_cross_even_without_window():
    n = 64
    y, x = np.mgrid[:n, :n]
    img = 0.5 + 0.2 * np.cos(2 * np.pi * (3 * x + 5 * y) / n) + 0.01 * RNG.random((n, n))
    assert abs(spectrum_reading.axis_cross_db(F.centred_spectrum(img))) < 3.0


def test_hann_window_is_periodic_and_peaks_at_the_centre():
    w = F.hann_window((8, 10))
    assert w[0, 0] == 0.0 and w[4, 5] == pytest.approx(1.0)
    with pytest.raises(ValueError, match=r"window must be one of \('none', 'hann'\), not 'kaiser'"):
        F.apply_window(np.ones((4, 4)), "kaiser")


def test_masked_radial_profiles():
    img = _photo((64, 64))
    ff = F.FrequencyFilter(img)
    mask = F.parametric_mask((64, 64), "ideal", "lowpass", low=0.2)
    p = spectrum_reading.masked_radial_profiles(ff.spectrum, mask)
    assert p["freqs"].shape == p["input"].shape == p["output"].shape == p["mask"].shape
    high = p["freqs"] > 0.25
    assert np.all(p["output"][high] == 0) and np.all(p["input"][high] > 0)
    assert np.all(p["mask"][p["freqs"] < 0.15] == 1.0)


def test_overlay_keeps_kept_frequencies_grey_and_tints_removed_ones():
    g = np.full((4, 4), 200, np.uint8)
    m = np.ones((4, 4))
    m[0, 0] = 0.0
    rgb = spectrum_reading.overlay_mask(g, m)
    assert rgb.shape == (4, 4, 3) and rgb.dtype == np.uint8
    assert rgb[1, 1].tolist() == [200, 200, 200]
    r, gg, b = rgb[0, 0].tolist()
    assert r > gg > b


def test_display_range_makes_the_median_visible():
    spec = F.FrequencyFilter(load_sample("camera")).spectrum
    vmax, dr = F.display_range(spec)
    assert 30.0 <= dr <= 120.0 and vmax < np.abs(spec).max()
    median_db = 20 * np.log10(np.median(np.abs(spec)) / vmax)
    assert -dr * 0.85 < median_db < 0  # the bulk of the spectrum is not black
    assert F.display_range(np.zeros((4, 4))) == (1.0, 80.0)


def test_kernel_report_rows_follow_a_chosen_fy():
    mask = F.notch_mask((64, 64), [(8 / 64, 5 / 64)], 0.02)
    rep = mask_kernel.kernel_report(mask, 15, row_fy=8 / 64)
    assert rep.row_fy == 8 / 64
    assert rep.mask_row.min() == 0.0  # the row passes through the notch
    assert rep.crop_row.shape == rep.fx.shape == (64,)


def test_notch_text_round_trip_and_refusals():
    notches = ((0.046875, 0.078125), (-0.09375, 0.0390625))
    assert F.notches_from_text(F.notches_to_text(notches)) == notches
    refused = {
        "0.1": r"a notch is 'fy,fx', got '0\.1'",
        "0.1,0.2,0.3": r"a notch is 'fy,fx', got '0\.1,0\.2,0\.3'",
        "a,b": r"could not convert string to float: 'a'",
        "0.7,0.1": r"notch '0\.7,0\.1' is outside ±0\.5 cycles/pixel",
        "nan,0.1": r"notch 'nan,0\.1' is outside ±0\.5 cycles/pixel",
        ";".join(["0.1,0.1"] * (F.MAX_NOTCHES + 1)): rf"at most {F.MAX_NOTCHES} notches",
    }
    for bad, message in refused.items():
        with pytest.raises(ValueError, match=message):
            F.notches_from_text(bad)


def test_painting_to_grid_maps_the_canvas_over_the_full_spectrum():
    painted = np.zeros((100, 100), bool)
    painted[75:, 75:] = True  # lower-right quarter of the canvas = fy, fx >= +0.25
    grid = F.painting_to_grid((64, 80), painted)
    fy, fx = np.meshgrid(*frequency_axes((64, 80)), indexing="ij")
    assert np.array_equal(grid, (fy >= 0.25) & (fx >= 0.25))
    m = F.freehand_mask((64, 80), remove=grid)
    mirrored = (fy <= -0.25) & (fy > -0.5) & (fx <= -0.25) & (fx > -0.5)  # -0.5 is its own mirror
    assert m[mirrored].max() == 0.0 and m[grid].max() == 0.0
    with pytest.raises(ValueError, match=r"the painting must be a non-empty 2-D array"):
        F.painting_to_grid((8, 8), np.zeros((0, 3), bool))


# ----------------------------------------------------------------------------- closed forms: notch gain at its radius
_N = 256  # the notch's mirror lies 33 radii away: its factor is 1 to ~1e-12 where the gain is read
_R_BINS = 4


@pytest.mark.parametrize("profile, gain_at_radius", [
    ("gaussian", 1.0 - math.exp(-0.5)),  # 1 − e^{−d²/2r²} at d = r
    ("butterworth", 0.5),                 # 1 − 1 / (1 + (d/r)^{2n}) at d = r, any order
])
@pytest.mark.parametrize("offset", [(0, _R_BINS), (0, -_R_BINS), (_R_BINS, 0), (-_R_BINS, 0)])
def test_notch_gain_at_its_radius_is_the_closed_form(profile, gain_at_radius, offset):
    c = _N // 2
    m = F.notch_mask((_N, _N), [(0.0, 0.25)], _R_BINS / _N, profile=profile, order=4)
    cy, cx = c, c + _N // 4  # the notch centre (fy, fx) = (0, 0.25) cycles/pixel
    assert m[cy, cx] == pytest.approx(0.0, abs=1e-12)
    assert m[cy + offset[0], cx + offset[1]] == pytest.approx(gain_at_radius, rel=1e-9)
    assert m[c, 2 * c - cx] == pytest.approx(0.0, abs=1e-12)  # the mirror notch


def test_ideal_notch_edge_is_at_its_radius():
    c = _N // 2
    m = F.notch_mask((_N, _N), [(0.0, 0.25)], _R_BINS / _N, profile="ideal")
    row = m[c, c + _N // 4:]
    assert row[:_R_BINS + 1].tolist() == [0.0] * (_R_BINS + 1)  # inside and on the radius: removed
    assert row[_R_BINS + 1] == 1.0  # one bin beyond: kept
