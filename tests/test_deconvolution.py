"""Deconvolution engine: blur model, transfer function, inverse and Wiener filters, optimal K.

Oracles: a noiseless wrap blur whose |H| has no zeros is undone exactly by the inverse filter;
Wiener with K -> 0 is the inverse filter; the searched optimum beats every K on a grid; the
Parseval errors equal the spatial ones.
"""

from __future__ import annotations

import numpy as np
import pytest
import scipy.fft as sp_fft
from hypothesis import given, settings
from hypothesis import strategies as st

import kernels
from app.backend import (
    DEFAULT_K_GRID,
    blur,
    convolve,
    frequency_response,
    inverse_filter,
    load_sample,
    optimal_wiener_k,
    restoration_curve,
    rmse,
    transfer_function,
    wiener_filter,
)
from app.backend.images import to_gray, working_copy


@pytest.fixture(scope="module")
def camera():
    return to_gray(working_copy(load_sample("camera"), 96).image)


@pytest.fixture(scope="module")
def gauss08():
    return kernels.make("gaussian", size=5, sigma=0.8)


def total_variation(x):
    return float(np.abs(np.diff(x, axis=0)).sum() + np.abs(np.diff(x, axis=1)).sum())


# --------------------------------------------------------------------------- model
def test_transfer_function_matches_wrap_convolution():
    rng = np.random.default_rng(0)
    x = rng.random((20, 17))
    for k in (rng.random((3, 5)), rng.random((4, 4)), kernels.make("motion", length=7, angle=30)):
        h = sp_fft.ifftshift(transfer_function(k, x.shape))
        via_fft = sp_fft.ifft2(sp_fft.fft2(x) * h)
        assert np.abs(via_fft.imag).max() < 1e-12
        np.testing.assert_allclose(convolve(x, k, boundary="wrap"), via_fft.real, atol=1e-12)
        np.testing.assert_allclose(transfer_function(k, x.shape), frequency_response(k, x.shape), atol=1e-13)


def test_blur_adds_seeded_noise(camera, gauss08):
    clean = blur(camera, gauss08)
    np.testing.assert_allclose(clean, convolve(camera, gauss08, boundary="wrap"), atol=1e-15)
    a = blur(camera, gauss08, noise_sigma=0.02, seed=7)
    b = blur(camera, gauss08, noise_sigma=0.02, seed=7)
    c = blur(camera, gauss08, noise_sigma=0.02, seed=8)
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)
    assert np.std(a - clean) == pytest.approx(0.02, rel=0.05)
    reflect = blur(camera, gauss08, boundary="reflect")
    assert np.abs(reflect - clean)[:, :1].max() > 1e-3  # the edges differ ...
    np.testing.assert_allclose(reflect[3:-3, 3:-3], clean[3:-3, 3:-3], atol=1e-12)  # ... the inside not


# --------------------------------------------------------------------------- inverse filter
def test_inverse_filter_undoes_a_noiseless_wrap_blur(camera, gauss08):
    assert np.abs(transfer_function(gauss08, camera.shape)).min() > 1e-3  # no zeros
    restored, suppressed = inverse_filter(blur(camera, gauss08), gauss08)
    assert not suppressed.any()
    assert np.abs(restored - camera).max() < 1e-8


def test_inverse_filter_colour_channels():
    x = np.random.default_rng(1).random((24, 30, 3))
    k = kernels.make("gaussian", size=5, sigma=0.8)
    restored, _ = inverse_filter(blur(x, k), k)
    assert restored.shape == x.shape and np.abs(restored - x).max() < 1e-8


def test_inverse_filter_reports_and_zeroes_small_h():
    x = np.random.default_rng(2).random((27, 27))
    k = np.full((3, 3), 1 / 9)  # zeros at 1/3 cycle/pixel: 9/27 exactly on the grid
    h = transfer_function(k, x.shape)
    restored, suppressed = inverse_filter(blur(x, k), k, eps=1e-6)
    np.testing.assert_array_equal(suppressed, np.abs(h) < 1e-6)
    assert 0 < suppressed.sum() < x.size
    spec = np.fft.fftshift(np.fft.fft2(restored))
    assert np.abs(spec[suppressed]).max() < 1e-9  # those frequencies are lost (set to 0)
    keep = ~suppressed
    np.testing.assert_allclose(spec[keep], np.fft.fftshift(np.fft.fft2(x))[keep], atol=1e-7)


def test_inverse_filter_explodes_with_noise(camera):
    k = kernels.make("gaussian", size=13, sigma=2.0)
    g = blur(camera, k, noise_sigma=0.01, seed=0)
    naive, _ = inverse_filter(g, k, eps=1e-8)
    assert rmse(camera, naive) > 10 * rmse(camera, g)  # worse than not restoring at all
    safer, suppressed = inverse_filter(g, k, eps=0.1)
    assert suppressed.sum() > 0 and rmse(camera, safer) < rmse(camera, naive)


# --------------------------------------------------------------------------- Wiener
def test_wiener_with_k_to_zero_is_the_inverse_filter(camera, gauss08):
    g = blur(camera, gauss08, noise_sigma=0.01, seed=1)
    inv, suppressed = inverse_filter(g, gauss08, eps=0.0)
    assert not suppressed.any()
    wie = wiener_filter(g, gauss08, 1e-14)
    scale = np.abs(inv).max()
    assert np.abs(wie - inv).max() < 1e-6 * scale


def test_wiener_k_zero_matches_inverse_where_h_is_nonzero():
    x = np.random.default_rng(3).random((27, 27))
    k = np.full((3, 3), 1 / 9)
    g = blur(x, k)
    h = sp_fft.ifftshift(transfer_function(k, x.shape))
    inv, suppressed = inverse_filter(g, k, eps=1e-6)
    wie = wiener_filter(g, k, 1e-14)
    fi, fw = np.fft.fft2(inv), np.fft.fft2(wie)
    nonzero = np.abs(h) >= 1e-6
    np.testing.assert_allclose(fw[nonzero], fi[nonzero], atol=1e-6)


def test_restoration_curve_equals_spatial_rmse(camera):
    k = kernels.make("gaussian", size=9, sigma=1.5)
    g = blur(camera, k, noise_sigma=0.02, seed=2)
    ks = [0.0, 1e-6, 1e-3, 0.05, 2.0]
    curve = restoration_curve(g, k, camera, ks)
    direct = [rmse(camera, wiener_filter(g, k, kk)) for kk in ks]
    np.testing.assert_allclose(curve, direct, rtol=1e-9)


def test_restoration_curve_colour():
    rng = np.random.default_rng(4)
    x = rng.random((16, 21, 3))
    k = kernels.make("box", size=3)
    g = blur(x, k, noise_sigma=0.05, seed=1)
    curve = restoration_curve(g, k, x, [1e-3, 0.1])
    np.testing.assert_allclose(curve, [rmse(x, wiener_filter(g, k, kk)) for kk in (1e-3, 0.1)], rtol=1e-9)


def test_optimal_k_beats_every_k_on_a_grid(camera):
    k = kernels.make("gaussian", size=13, sigma=2.0)
    g = blur(camera, k, noise_sigma=0.01, seed=0)
    best = optimal_wiener_k(g, k, camera)
    assert DEFAULT_K_GRID[0] <= best.k <= DEFAULT_K_GRID[-1]
    fine = np.logspace(-10, 1, 301)
    curve = restoration_curve(g, k, camera, fine)
    assert best.rmse <= curve.min() * (1 + 1e-12)
    assert best.rmse == pytest.approx(rmse(camera, wiener_filter(g, k, best.k)), rel=1e-9)
    assert best.rmse < rmse(camera, g)  # restoring helps
    assert best.evaluations > DEFAULT_K_GRID.size


def test_optimal_k_with_a_custom_grid(camera):
    k = kernels.make("motion", length=9, angle=0)
    g = blur(camera, k, noise_sigma=0.02, seed=5)
    grid = [1e-4, 1e-3, 1e-2, 1e-1, 1.0]
    best = optimal_wiener_k(g, k, camera, k_grid=grid[::-1])  # any order
    assert 1e-4 <= best.k <= 1.0
    assert best.rmse <= restoration_curve(g, k, camera, np.logspace(-4, 0, 81)).min() * (1 + 1e-12)


def test_optimal_k_grows_with_noise(camera):
    k = kernels.make("gaussian", size=9, sigma=1.5)
    ks = [optimal_wiener_k(blur(camera, k, noise_sigma=s, seed=0), k, camera).k for s in (0.002, 0.01, 0.05)]
    assert ks[0] < ks[1] < ks[2]


@settings(max_examples=10, deadline=None)
@given(sigma=st.floats(0.005, 0.1), seed=st.integers(0, 1000))
def test_larger_k_is_smoother(sigma, seed):
    x = np.random.default_rng(seed).random((32, 32))
    k = kernels.make("gaussian", size=7, sigma=1.2)
    g = blur(x, k, noise_sigma=sigma, seed=seed)
    tvs = [total_variation(wiener_filter(g, k, kk)) for kk in (1e-4, 1e-3, 1e-2, 1e-1)]
    assert all(b < a for a, b in zip(tvs, tvs[1:]))


def test_noisy_deblur_larger_k_has_less_high_frequency_energy(camera):
    k = kernels.make("gaussian", size=13, sigma=2.0)
    g = blur(camera, k, noise_sigma=0.01, seed=0)
    fy, fx = np.meshgrid(*[sp_fft.fftfreq(n) for n in camera.shape], indexing="ij")
    high = np.hypot(fy, fx) > 0.25
    energy = [float((np.abs(sp_fft.fft2(wiener_filter(g, k, kk)))[high] ** 2).sum()) for kk in (1e-4, 1e-2, 1.0)]
    assert energy[0] > energy[1] > energy[2]


# --------------------------------------------------------------------------- validation
@pytest.mark.parametrize(
    "call, match",
    [
        (lambda x, k: blur(x, k, noise_sigma=-1), "noise_sigma"),
        (lambda x, k: blur(x, k, noise_sigma=float("nan")), "noise_sigma"),
        (lambda x, k: blur(x, k, seed=-1), "seed"),
        (lambda x, k: blur(x, k, seed=1.5), "whole number"),
        (lambda x, k: blur(x, k, boundary="mirror"), "reflect, zero, wrap, nearest"),
        (lambda x, k: transfer_function(np.ones((9, 9)), (8, 8)), "larger than the image"),
        (lambda x, k: transfer_function(k, (0, 8)), "positive"),
        (lambda x, k: inverse_filter(x, k, eps=-1), "eps"),
        (lambda x, k: inverse_filter(x, np.ones((3,))), "2-D"),
        (lambda x, k: wiener_filter(x, k, -0.1), "k must be"),
        (lambda x, k: wiener_filter(np.full((8, 8), np.inf), k, 0.1), "NaN or infinite"),
        (lambda x, k: restoration_curve(x, k, x[:4], [0.1]), "differs"),
        (lambda x, k: restoration_curve(x, k, x, []), "non-empty"),
        (lambda x, k: restoration_curve(x, k, x, [-1.0]), ">= 0"),
        (lambda x, k: optimal_wiener_k(x, k, x, k_grid=[0.0, 1.0]), "> 0"),
        (lambda x, k: optimal_wiener_k(x, k, x, k_grid=["a"]), "sequence of numbers"),
    ],
)
def test_validation(call, match):
    x = np.random.default_rng(0).random((8, 8))
    with pytest.raises(ValueError, match=match):
        call(x, np.full((3, 3), 1 / 9))


def test_docstring_examples_run():
    import doctest

    from app.backend import deconvolution

    res = doctest.testmod(deconvolution, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert res.attempted >= 15 and res.failed == 0
