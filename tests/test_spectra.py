"""Spectra: frequency responses (analytic values), radial profiles, log magnitude, theorem check."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.backend import (
    BOUNDARIES,
    frequency_axes,
    frequency_response,
    full_from_half,
    log_magnitude,
    phase,
    radial_profile,
    spectrum,
    theorem_check,
)
from app.backend.spectra import high_frequency_energy, high_frequency_energy_half, radial_profile_half


def test_frequency_axes_are_centred_cycles_per_pixel():
    fy, fx = frequency_axes((4, 5))
    np.testing.assert_allclose(fy, [-0.5, -0.25, 0.0, 0.25])
    np.testing.assert_allclose(fx, [-0.4, -0.2, 0.0, 0.2, 0.4])
    assert fy[4 // 2] == 0.0 and fx[5 // 2] == 0.0


@pytest.mark.parametrize("n", [3, 5, 7])
def test_box_response_matches_dirichlet_kernel(n):
    """A centred n-tap box has H(f) = sin(pi n f) / (n sin(pi f)) per axis (real, since symmetric)."""
    shape = (32, 40)
    h = frequency_response(np.ones((n, n)) / n**2, shape)
    fy, fx = frequency_axes(shape)

    def dirichlet(f):
        f = np.asarray(f, dtype=float)
        out = np.ones_like(f)
        nz = f != 0
        out[nz] = np.sin(np.pi * n * f[nz]) / (n * np.sin(np.pi * f[nz]))
        return out

    assert np.abs(h.imag).max() < 1e-12
    for iy, ix in [(16, 20), (16, 25), (20, 20), (3, 7), (0, 0), (31, 39)]:
        expected = dirichlet(fy[iy]) * dirichlet(fx[ix])
        assert h[iy, ix].real == pytest.approx(float(expected), abs=1e-12)


def test_even_box_response_has_half_pixel_phase():
    """A 2-tap box anchored at index 1 is [1, 1]/2 at offsets -1, 0: H = cos(pi f) e^{+i pi f}."""
    h = frequency_response(np.array([[0.5, 0.5]]), (1, 16))[0]
    _, fx = frequency_axes((1, 16))
    np.testing.assert_allclose(h, np.cos(np.pi * fx) * np.exp(1j * np.pi * fx), atol=1e-12)


def test_correlation_response_is_conjugate():
    k = np.random.default_rng(0).standard_normal((3, 4))
    np.testing.assert_allclose(frequency_response(k, (8, 9), correlate=True), np.conj(frequency_response(k, (8, 9))))


def test_symmetric_kernel_has_real_response_and_dc_gain_is_sum():
    lap = np.array([[0.0, 1, 0], [1, -4, 1], [0, 1, 0]])
    h = frequency_response(lap, (16, 16))
    assert np.abs(h.imag).max() < 1e-12
    assert h[8, 8] == pytest.approx(0.0, abs=1e-12)
    # Laplacian: H = 2cos(2 pi fy) + 2cos(2 pi fx) - 4 -> -8 at (0.5, 0.5)
    assert h[0, 0].real == pytest.approx(-8.0)


def test_spectrum_of_colour_is_spectrum_of_luminance():
    x = np.random.default_rng(1).random((6, 7, 3))
    lum = x @ np.array([0.299, 0.587, 0.114])
    np.testing.assert_allclose(spectrum(x), np.fft.fftshift(np.fft.fft2(lum)), atol=1e-12)


@given(st.integers(1, 9), st.integers(1, 9))
@settings(max_examples=30, deadline=None)
def test_full_from_half_rebuilds_fft2(h, w):
    x = np.random.default_rng(h * 10 + w).random((h, w))
    half = np.fft.rfft2(x)
    np.testing.assert_allclose(full_from_half(half, w, centred=False), np.fft.fft2(x), atol=1e-12)
    np.testing.assert_allclose(full_from_half(half, w), np.fft.fftshift(np.fft.fft2(x)), atol=1e-12)
    mag = full_from_half(np.abs(half), w)
    np.testing.assert_allclose(mag, np.abs(np.fft.fftshift(np.fft.fft2(x))), atol=1e-12)


@pytest.mark.parametrize("freq", [0.1, 0.25, 0.375])
def test_radial_profile_of_sinusoid_peaks_at_its_frequency(freq):
    n = 64
    yy, xx = np.mgrid[0:n, 0:n]
    theta = 0.6
    img = np.cos(2 * np.pi * freq * (xx * np.cos(theta) + yy * np.sin(theta)))
    f, m = radial_profile(np.abs(spectrum(img)))
    assert f[0] > 0 and f[-1] < 0.5 and len(f) == n // 2
    peak = f[np.nanargmax(m)]
    assert abs(peak - freq) <= 1.5 / n


def test_radial_profile_validates_and_bins():
    with pytest.raises(ValueError, match=r"magnitude must be a non-empty 2-D array; got shape \(5,\)"):
        radial_profile(np.ones(5))
    f, m = radial_profile(np.ones((16, 16)), n_bins=4)
    np.testing.assert_allclose(f, [0.0625, 0.1875, 0.3125, 0.4375])
    np.testing.assert_allclose(m, 1.0)


def test_log_magnitude_range_and_scaling():
    out = log_magnitude(np.array([10.0, 1.0, 0.1, 0.0]), dynamic_range_db=40)
    np.testing.assert_allclose(out, [1.0, 0.5, 0.0, 0.0])
    spec = np.array([3 + 4j, 0.5 + 0j])
    assert log_magnitude(spec)[0] == 1.0
    assert log_magnitude(np.array([1.0]), vmax=10.0, dynamic_range_db=40)[0] == pytest.approx(0.5)
    assert np.all(log_magnitude(np.zeros(4)) == 0)
    with pytest.raises(ValueError, match=r"magnitudes must be non-negative \(pass the complex spectrum"):
        log_magnitude(np.array([-1.0]))
    with pytest.raises(ValueError, match=r"dynamic_range_db must be a positive number; got 0"):
        log_magnitude(np.array([1.0]), dynamic_range_db=0)


def test_phase_masks_tiny_magnitudes():
    np.testing.assert_allclose(phase(np.array([1j, -1.0, 1e-20 + 1e-20j])), [np.pi / 2, np.pi, 0.0])


@pytest.mark.parametrize("boundary", BOUNDARIES)
@pytest.mark.parametrize("correlate", [False, True])
def test_theorem_check_is_tiny(boundary, correlate):
    rng = np.random.default_rng(5)
    x = rng.random((20, 23, 3))
    for kshape in [(3, 3), (4, 6), (7, 2)]:
        err = theorem_check(x, rng.standard_normal(kshape), boundary=boundary, correlate=correlate)
        assert err < 1e-12


def test_frequency_response_validation():
    with pytest.raises(ValueError, match=r"kernel must be 2-D; got 1-D with shape \(3,\)"):
        frequency_response(np.ones(3), (8, 8))
    with pytest.raises(ValueError, match=r"shape must be positive; got \(0, 8\)"):
        frequency_response(np.ones((3, 3)), (0, 8))
    with pytest.raises(ValueError, match=r"kernel contains NaN or infinite values"):
        frequency_response(np.array([[np.nan]]), (8, 8))


@pytest.mark.parametrize("shape", [(16, 16), (17, 16), (16, 15), (9, 23)])
def test_radial_profile_half_matches_the_full_one(shape):
    x = np.random.default_rng(0).random(shape)
    full = np.fft.fftshift(np.abs(np.fft.fft2(x)))
    f1, m1 = radial_profile(full)
    f2, m2 = radial_profile_half(np.fft.rfft2(x), shape[1])
    assert np.allclose(f1, f2) and np.allclose(m1, m2, equal_nan=True)
    e1 = high_frequency_energy(np.fft.fftshift(np.fft.fft2(x)), 0.2)
    assert np.isclose(high_frequency_energy_half(np.fft.rfft2(x), shape[1], 0.2), e1)
