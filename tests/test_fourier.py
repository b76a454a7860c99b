"""Fourier Lab engine: basis waves, reconstruction from few coefficients, magnitude vs phase, properties.

Oracles, not self-comparison: waves against ``scipy.fft.ifft2`` of a spike, reconstructions
against the image itself and Parseval, property checks against transforms whose spectra are
known in closed form (and against deliberately wrong predictions, so a check that always
reported 0 would fail).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.fft as sp_fft
from hypothesis import given, settings
from hypothesis import strategies as st

from app.backend import (
    basis_wave,
    circular_shift,
    even_check,
    even_part,
    index_to_frequency,
    keep_radius,
    keep_strongest,
    load_sample,
    log_spaced_counts,
    magnitude_only,
    mirror_check,
    modulate,
    modulation_check,
    phase_only,
    psnr,
    radial_window,
    reconstruction_curve,
    rmse,
    rotate90_check,
    rotate_image,
    rotation_check,
    scale_check,
    scale_image,
    shift_check,
    spectrum,
    swap_magnitude_phase,
    wave_info,
)
from app.backend.images import to_gray, working_copy


def rand(shape, seed=0):
    return np.random.default_rng(seed).random(shape)


@pytest.fixture(scope="module")
def camera64():
    return to_gray(working_copy(load_sample("camera"), 64).image)


@pytest.fixture(scope="module")
def camera128():
    return to_gray(working_copy(load_sample("camera"), 128).image)


# --------------------------------------------------------------------------- 1. basis waves
@pytest.mark.parametrize("shape", [(8, 8), (7, 10), (9, 5), (1, 6)])
def test_basis_wave_is_scaled_ifft2_of_a_spike_for_every_frequency(shape):
    h, w = shape
    n = h * w
    for u in range(-(h // 2), (h - 1) // 2 + 1):
        for v in range(-(w // 2), (w - 1) // 2 + 1):
            spike = np.zeros(shape, complex)
            spike[u % h, v % w] = 1.0
            want = sp_fft.ifft2(spike) * n
            c, s = basis_wave(shape, u, v)
            np.testing.assert_allclose(c, want.real, atol=1e-12)
            np.testing.assert_allclose(s, want.imag, atol=1e-12)


def test_basis_wave_spike_sits_at_the_centred_index():
    """The centred spectrum of cos part = two half-spikes at index and mirror index."""
    shape = (16, 12)
    c, s = basis_wave(shape, 3, -2)
    info = wave_info(shape, 3, -2)
    f = spectrum(c) / c.size
    assert f[info.index] == pytest.approx(0.5)
    assert f[info.mirror_index] == pytest.approx(0.5)
    assert np.abs(f).sum() == pytest.approx(1.0)
    fs = spectrum(s) / s.size  # sin part: -i/2 at (u, v), +i/2 at the mirror
    assert fs[info.index] == pytest.approx(-0.5j)
    assert fs[info.mirror_index] == pytest.approx(0.5j)


def test_basis_wave_period_along_rows_and_columns():
    c, _ = basis_wave((32, 32), 0, 4)  # v: columns -> varies along x, vertical stripes
    assert np.allclose(c, c[0:1, :])
    np.testing.assert_allclose(c[:, 8:], c[:, :-8], atol=1e-12)  # period 32 / 4 = 8 px
    c, _ = basis_wave((32, 32), 4, 0)  # u: rows -> varies along y, horizontal stripes
    assert np.allclose(c, c[:, 0:1])


def test_wave_info_numbers():
    info = wave_info((64, 128), 0, 16)
    assert (info.fy, info.fx) == (0.0, 0.125)
    assert info.period == 8.0 and info.orientation_deg == 0.0
    assert info.index == (32, 80) and info.mirror == (0, -16) and info.mirror_index == (32, 48)
    assert not info.self_mirror
    up = wave_info((64, 64), -8, 0)  # above the centre on screen: oscillates vertically
    assert up.orientation_deg == 90.0 and up.period == 8.0
    assert wave_info((64, 64), 8, 0).orientation_deg == 90.0  # mirror: the same wave
    assert wave_info((64, 64), -8, 8).orientation_deg == 45.0
    assert wave_info((64, 64), 8, 8).orientation_deg == 135.0
    diag = wave_info((64, 64), 4, 3)
    assert diag.frequency == pytest.approx(5 / 64) and diag.period == pytest.approx(64 / 5)


def test_wave_info_dc_and_nyquist_are_their_own_mirror():
    dc = wave_info((8, 9), 0, 0)
    assert dc.period == math.inf and dc.self_mirror and dc.mirror_index == dc.index == (4, 4)
    nyq = wave_info((8, 9), -4, 0)
    assert nyq.self_mirror and nyq.mirror == (-4, 0) and nyq.fy == -0.5
    assert np.abs(basis_wave((8, 9), -4, 0)[1]).max() < 1e-12  # no sine part
    odd = wave_info((8, 9), 0, -4)
    assert not odd.self_mirror and odd.mirror == (0, 4)


def test_index_to_frequency_round_trip():
    shape = (10, 7)
    for row in range(10):
        for col in range(7):
            u, v = index_to_frequency(shape, row, col)
            assert wave_info(shape, u, v).index == (row, col)


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: basis_wave((8, 8), 4, 0), "u must be between -4 and 3"),
        (lambda: basis_wave((8, 8), 0, -5), "v must be between"),
        (lambda: basis_wave((8, 8), 1.5, 0), "whole number"),
        (lambda: basis_wave((8, 8), True, 0), "whole number"),
        (lambda: basis_wave((0, 8), 0, 0), "positive"),
        (lambda: basis_wave("ab", 0, 0), "two positive integers"),
        (lambda: wave_info((8, 8), 0, 9), "v must be"),
        (lambda: index_to_frequency((8, 8), 8, 0), "outside"),
    ],
)
def test_wave_validation(call, match):
    with pytest.raises(ValueError, match=match):
        call()


# --------------------------------------------------------------------------- 2. reconstruction
def test_keep_all_gives_the_image_back(camera64):
    rec, mask = keep_strongest(camera64, camera64.size)
    assert mask.all()
    assert np.abs(rec - camera64).max() < 1e-12


def test_keep_strongest_keeps_conjugate_pairs_and_is_real():
    x = rand((12, 15), 1)
    for k in range(0, x.size + 1, 7):
        rec, mask = keep_strongest(x, k)
        assert rec.dtype == np.float64 and rec.shape == x.shape
        assert mask.sum() in (k, k + 1)
        # centred mask is point-symmetric about the centre pixel (Hermitian pairs)
        unc = sp_fft.ifftshift(mask)
        mirror = unc[(-np.arange(12)) % 12][:, (-np.arange(15)) % 15]
        np.testing.assert_array_equal(unc, mirror)
        # the reconstruction is the real ifft2 of the masked full spectrum
        want = sp_fft.ifft2(sp_fft.fft2(x) * unc)
        assert np.abs(want.imag).max() < 1e-12
        np.testing.assert_allclose(rec, want.real, atol=1e-12)


def test_keep_strongest_keeps_the_largest_magnitudes():
    x = rand((16, 16), 2)
    mag = np.abs(spectrum(x))
    for k in (1, 5, 40, 200):
        _, mask = keep_strongest(x, k)
        assert mag[mask].min() >= mag[~mask].max() - 1e-12


def test_keep_strongest_ties_are_deterministic():
    x = np.zeros((8, 8))
    x[::2, ::2] = 1.0  # many equal magnitudes
    a = keep_strongest(x, 3)[1]
    b = keep_strongest(x.copy(), 3)[1]
    np.testing.assert_array_equal(a, b)
    assert a[4, 4]  # DC first


def test_error_never_rises_with_k(camera64):
    ks = log_spaced_counts(camera64.size, 25)
    curve = reconstruction_curve(camera64, ks)
    assert np.all(np.diff(curve) >= 0)
    assert curve[-1] == np.inf
    errors = [rmse(camera64, keep_strongest(camera64, int(k))[0]) for k in ks]
    assert all(b <= a + 1e-12 for a, b in zip(errors, errors[1:]))


def test_reconstruction_curve_matches_real_reconstructions(camera64):
    ks = [1, 2, 10, 100, 1000, 4000]
    curve = reconstruction_curve(camera64, ks)
    for k, value in zip(ks, curve):
        assert value == pytest.approx(psnr(camera64, keep_strongest(camera64, k)[0]), abs=1e-8)
    curve2 = reconstruction_curve(camera64, ks, data_range=2.0)
    np.testing.assert_allclose(curve2 - curve, 20 * np.log10(2.0))


def test_keep_radius(camera64):
    rec, mask = keep_radius(camera64, 0.1)
    fy, fx = np.meshgrid(*[sp_fft.fftshift(sp_fft.fftfreq(n)) for n in camera64.shape], indexing="ij")
    np.testing.assert_array_equal(mask, np.hypot(fy, fx) <= 0.1)
    want = sp_fft.ifft2(sp_fft.fft2(camera64) * sp_fft.ifftshift(mask))
    np.testing.assert_allclose(rec, want.real, atol=1e-12)
    full, mask = keep_radius(camera64, 0.71)
    assert mask.all() and np.abs(full - camera64).max() < 1e-12
    # a larger radius never loses accuracy
    errs = [rmse(camera64, keep_radius(camera64, r)[0]) for r in (0.02, 0.05, 0.1, 0.2, 0.4)]
    assert errs == sorted(errs, reverse=True)


def test_psnr_and_rmse_values():
    a = np.zeros((4, 4))
    assert psnr(a, a) == math.inf
    assert psnr(a, a + 0.01) == pytest.approx(40.0)
    assert psnr(a, a + 0.5, data_range=255) == pytest.approx(20 * math.log10(255 / 0.5))
    assert rmse(a, a + 0.25) == 0.25
    with pytest.raises(ValueError, match="shapes differ"):
        psnr(a, np.zeros((4, 5)))
    with pytest.raises(ValueError, match="data_range"):
        psnr(a, a, data_range=0)


@pytest.mark.parametrize("total, n", [(1, 1), (1, 5), (7, 7), (10, 3), (65536, 30), (100, 100), (5, 50)])
def test_log_spaced_counts(total, n):
    ks = log_spaced_counts(total, n)
    assert ks[0] == 1 and ks[-1] == total
    assert len(ks) == min(n, total)
    assert np.all(np.diff(ks) > 0)


def test_log_spaced_counts_are_about_geometric():
    ks = log_spaced_counts(10**6, 7)
    np.testing.assert_array_equal(ks, [1, 10, 100, 1000, 10**4, 10**5, 10**6])


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: keep_strongest(rand((4, 4)), 17), "between 0 and 16"),
        (lambda: keep_strongest(rand((4, 4)), -1), "between 0 and 16"),
        (lambda: keep_strongest(rand((4, 4)), 2.0), "whole number"),
        (lambda: keep_strongest(rand((4, 4, 3)), 2), "2-D grey"),
        (lambda: keep_strongest(np.full((4, 4), np.nan), 2), "NaN"),
        (lambda: keep_radius(rand((4, 4)), -0.1), "radius"),
        (lambda: keep_radius(rand((4, 4)), float("nan")), "radius"),
        (lambda: reconstruction_curve(rand((4, 4)), [1, 17]), "between 0 and 16"),
        (lambda: reconstruction_curve(rand((4, 4)), [0.5]), "whole numbers"),
        (lambda: log_spaced_counts(0, 3), "at least 1"),
    ],
)
def test_reconstruction_validation(call, match):
    with pytest.raises(ValueError, match=match):
        call()


# --------------------------------------------------------------------------- 3. magnitude / phase
def test_swap_with_itself_is_identity(camera64):
    ab, ba = swap_magnitude_phase(camera64, camera64)
    assert np.abs(ab - camera64).max() < 1e-12
    assert np.abs(ba - camera64).max() < 1e-12


def test_swap_structure_follows_the_phase(camera64):
    other = to_gray(working_copy(load_sample("text"), 64).image)[: camera64.shape[0], : camera64.shape[1]]
    ab, ba = swap_magnitude_phase(camera64, other)
    # magnitudes exactly as promised ...
    np.testing.assert_allclose(np.abs(sp_fft.fft2(ab)), np.abs(sp_fft.fft2(camera64)), atol=1e-9)
    np.testing.assert_allclose(np.abs(sp_fft.fft2(ba)), np.abs(sp_fft.fft2(other)), atol=1e-9)
    # ... and each looks like the image whose phase it has (Oppenheim & Lim)
    def corr(a, b):
        return np.corrcoef(a.ravel(), b.ravel())[0, 1]

    assert corr(ab, other) > corr(ab, camera64)
    assert corr(ba, camera64) > corr(ba, other)


def test_swap_shapes_must_match():
    with pytest.raises(ValueError, match="same shape"):
        swap_magnitude_phase(rand((8, 8)), rand((8, 9)))


def test_magnitude_only_and_phase_only(camera64):
    m = magnitude_only(camera64)
    f = sp_fft.fft2(camera64)
    np.testing.assert_allclose(sp_fft.fft2(m), np.abs(f), atol=1e-9)  # zero phase
    np.testing.assert_allclose(magnitude_only(camera64, centred=True), sp_fft.fftshift(m))
    assert np.unravel_index(np.argmax(m), m.shape) == (0, 0)
    p = phase_only(camera64)
    fp = sp_fft.fft2(p)
    np.testing.assert_allclose(np.abs(fp), 1.0, atol=1e-9)  # unit magnitude
    np.testing.assert_allclose(np.angle(fp * np.conj(f)), 0.0, atol=1e-9)  # the same phase
    assert np.sqrt(np.mean(p**2)) == pytest.approx(1 / np.sqrt(camera64.size))


# --------------------------------------------------------------------------- 4. properties
def test_circular_shift_leaves_magnitude_equal(camera128):
    c = shift_check(camera128, 17, -40)
    assert c.magnitude_error < 1e-10
    assert c.phase_error < 1e-9
    assert c.max_ramp > 3.0
    direct = np.abs(np.abs(sp_fft.fft2(circular_shift(camera128, 17, -40))) - np.abs(sp_fft.fft2(camera128)))
    assert direct.max() / np.abs(sp_fft.fft2(camera128)).max() < 1e-10


@settings(max_examples=25, deadline=None)
@given(
    h=st.integers(1, 24),
    w=st.integers(1, 24),
    dy=st.integers(-30, 30),
    dx=st.integers(-30, 30),
    seed=st.integers(0, 2**16),
)
def test_shift_property_for_random_shapes(h, w, dy, dx, seed):
    c = shift_check(rand((h, w), seed), dy, dx)
    assert c.magnitude_error < 1e-10
    assert c.phase_error < 1e-8


def test_shift_check_detects_a_wrong_ramp(camera64, monkeypatch):
    """The phase error is a real measurement: with the ramp's sign flipped it is large."""
    import app.backend.fourier_properties as fp

    good = shift_check(camera64, 3, 5)
    monkeypatch.setattr(fp, "circular_shift", lambda x, dy, dx: np.roll(x, (-dy, -dx), axis=(0, 1)))
    bad = fp.shift_check(camera64, 3, 5)
    assert good.phase_error < 1e-9 < 1.0 < bad.phase_error
    assert bad.magnitude_error < 1e-10  # magnitudes still agree


@pytest.mark.parametrize("shape", [(64, 64), (33, 20), (8, 13)])
@pytest.mark.parametrize("k", [1, 2, 3])
def test_rotation_by_90_is_exact(shape, k):
    c = rotate90_check(rand(shape, 3), k)
    assert c.magnitude_error < 1e-10 and c.spectrum_error < 1e-10


def test_rotation_by_90_moves_centred_magnitudes_like_rot90():
    x = rand((9, 9), 4)  # odd sides: the centred picture turns about its middle pixel
    np.testing.assert_allclose(np.abs(spectrum(np.rot90(x))), np.rot90(np.abs(spectrum(x))), atol=1e-10)


def test_rotate_image_direction():
    x = np.zeros((9, 9))
    x[4, 7] = 1.0  # right of centre
    for angle, where in [(90, (1, 4)), (180, (4, 1)), (-90, (7, 4))]:
        y = rotate_image(x, angle)
        assert np.unravel_index(np.argmax(y), y.shape) == where


def test_rotation_check_spectrum_follows_the_angle(camera128):
    c = rotation_check(camera128, 30)
    assert c.correlation > 0.85
    assert c.correlation > c.baseline + 0.15
    wrong = rotation_check(camera128, 0)  # rotating by 0: both measures are the same and ~1
    assert wrong.correlation == pytest.approx(wrong.baseline) and wrong.correlation > 0.99


def test_scale_check_measures_inverse_scaling(camera128):
    for factor in (0.5, 1.5, 2.0):
        c = scale_check(camera128, factor)
        assert c.predicted_ratio == pytest.approx(1 / factor)
        assert c.relative_error < 0.06, c
        assert c.measured_ratio == pytest.approx(c.centroid_scaled / c.centroid)
    assert scale_check(camera128, 1.0).relative_error < 1e-9


def test_scale_image_keeps_a_centred_disc_centred():
    w = radial_window((33, 33), 6.0)
    s = scale_image(w, 2.0, order=3)
    assert np.unravel_index(np.argmax(s), s.shape) == (16, 16)
    assert (s > 0.5).sum() == pytest.approx(4 * (w > 0.5).sum(), rel=0.15)  # area x factor²


@pytest.mark.parametrize("axis", [0, 1])
@pytest.mark.parametrize("shape", [(16, 16), (9, 14)])
def test_mirror_check_exact(axis, shape):
    c = mirror_check(rand(shape, 5), axis)
    assert c.magnitude_error < 1e-10 and c.spectrum_error < 1e-10 and c.conjugate_error < 1e-10


def test_modulation_shifts_the_spectrum(camera128):
    c = modulation_check(camera128, 10, -20)
    assert c.peak_shift in ((10, -20), (-10, 20))
    assert c.shift_error == 0.0
    assert c.spectrum_error < 1e-10
    m = modulate(camera128, 10, -20)
    f = np.abs(spectrum(m))
    centre = (64, 64)
    # the DC peak has moved away from the centre to the two copies
    assert f[centre[0] + 10, centre[1] - 20] > 10 * f[centre]


def test_real_even_image_has_real_spectrum(camera128):
    c = even_check(camera128)
    assert c.max_imag < 1e-12
    assert c.max_imag_original > 1e-3
    e = even_part(camera128)
    # even about the centre pixel: x[c + d] == x[c - d]
    np.testing.assert_allclose(e[64 + 5, 64 - 9], e[64 - 5, 64 + 9])


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: shift_check(rand((8, 8)), 1.5, 0), "whole number"),
        (lambda: rotate_image(rand((8, 8)), float("inf")), "finite"),
        (lambda: rotation_check(rand((4, 4)), 10), "too small"),
        (lambda: scale_check(rand((16, 16)), 5.0), "between 0.25 and 4"),
        (lambda: scale_image(rand((8, 8)), 0.0), "positive"),
        (lambda: mirror_check(rand((8, 8)), 2), "axis"),
        (lambda: modulation_check(rand((8, 8)), 4, 0), "u must be between"),
        (lambda: even_check(rand((8, 8, 3))), "2-D grey"),
    ],
)
def test_property_validation(call, match):
    with pytest.raises(ValueError, match=match):
        call()


@pytest.mark.parametrize("module, examples", [("app.backend.fourier", 15), ("app.backend.fourier_waves", 5),
                                               ("app.backend.fourier_swaps", 10),
                                               ("app.backend.fourier_properties", 20)])
def test_docstring_examples_run(module, examples):
    import doctest
    import importlib

    res = doctest.testmod(importlib.import_module(module), optionflags=doctest.NORMALIZE_WHITESPACE)
    assert res.attempted >= examples and res.failed == 0


def test_fourier_modules_are_exported_from_the_backend():
    import app.backend as backend
    from app.backend import deconvolution, fourier, fourier_properties, fourier_swaps, fourier_waves, image_transforms

    for mod in (fourier, fourier_waves, fourier_swaps, fourier_properties, image_transforms, deconvolution):
        missing = [n for n in mod.__all__ if n not in backend.__all__ or getattr(backend, n) is not getattr(mod, n)]
        assert not missing, (mod.__name__, missing)
