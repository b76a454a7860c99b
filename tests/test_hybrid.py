"""Hybrid images against independent references (scipy.ndimage, the analytic Gaussian)."""

import math

import numpy as np
import pytest
from scipy import ndimage, optimize

from app.backend.hybrid import (
    SIGMA_RANGE,
    align,
    crossover_frequency,
    gain_curves,
    hybrid_image,
    load_pair,
    viewing_distances,
)


def _reference_blur(image, sigma):
    # the catalogue Gaussian holds ±3σ: radius ceil(3σ), reflect = scipy's half-sample symmetric
    return ndimage.gaussian_filter(image, sigma, mode="reflect", radius=math.ceil(3 * sigma - 1e-9))


@pytest.mark.parametrize(("s_low", "s_high"), [(1.0, 1.0), (2.5, 1.5), (6.0, 3.0), (10.0, 0.5)])
def test_hybrid_parts_equal_scipy_gaussian_filters(s_low, s_high):
    rng = np.random.default_rng(11)
    a, b = rng.random((40, 48)), rng.random((40, 48))
    h = hybrid_image(a, b, sigma_low=s_low, sigma_high=s_high)
    np.testing.assert_allclose(h.low, _reference_blur(a, s_low), atol=1e-12)
    np.testing.assert_allclose(h.high, b - _reference_blur(b, s_high), atol=1e-12)
    np.testing.assert_allclose(h.image, h.low + h.high, atol=0)


def test_hybrid_colour_images_are_filtered_per_channel():
    rng = np.random.default_rng(12)
    a, b = rng.random((24, 24, 3)), rng.random((24, 24, 3))
    h = hybrid_image(a, b, sigma_low=2.0, sigma_high=1.0)
    for c in range(3):
        np.testing.assert_allclose(h.low[..., c], _reference_blur(a[..., c], 2.0), atol=1e-12)


def test_hybrid_refuses_mismatched_shapes_and_sigmas_out_of_range():
    with pytest.raises(ValueError, match="same shape"):
        hybrid_image(np.zeros((8, 8)), np.zeros((8, 9)), sigma_low=1, sigma_high=1)
    with pytest.raises(ValueError, match="sigma_low"):
        hybrid_image(np.zeros((8, 8)), np.zeros((8, 8)), sigma_low=SIGMA_RANGE[1] + 0.1, sigma_high=1)
    with pytest.raises(ValueError, match="sigma_high"):
        hybrid_image(np.zeros((8, 8)), np.zeros((8, 8)), sigma_low=1, sigma_high=SIGMA_RANGE[0] - 0.1)


@pytest.mark.parametrize(("s_low", "s_high"), [(2.0, 1.0), (4.0, 2.0), (6.0, 3.0), (8.0, 1.5)])
def test_crossover_matches_the_analytic_gaussian_gains(s_low, s_high):
    # continuous Gaussian: gain exp(-2π²σ²f²); the sampled one differs by far less than the tolerance
    def gap(f):
        return math.exp(-2 * math.pi**2 * s_low**2 * f * f) - (1 - math.exp(-2 * math.pi**2 * s_high**2 * f * f))

    expected = optimize.brentq(gap, 1e-6, 0.5)
    assert crossover_frequency(s_low, s_high) == pytest.approx(expected, abs=2e-3)


def test_gain_curves_equal_the_dft_of_the_catalogue_kernel_along_an_axis():
    f, low, high = gain_curves(3.0, 1.5, n=9)
    import kernels

    for sigma, gains, flip in ((3.0, low, False), (1.5, high, True)):
        k = kernels.make("gaussian", sigma=sigma)
        n = 256  # f = 0 .. 0.5 in steps of 1/16 are on this grid
        response = np.abs(np.fft.fft2(k, (n, n)))[0, : n // 2 + 1 : 16]
        np.testing.assert_allclose(gains, 1 - response if flip else response, atol=1e-12)


def test_viewing_distances_are_block_means():
    rng = np.random.default_rng(13)
    img = rng.random((32, 20))
    views = viewing_distances(img, (1, 2, 4))
    np.testing.assert_array_equal(views[0], img)
    assert views[1][3, 5] == pytest.approx(img[6:8, 10:12].mean())
    assert views[2].shape == (8, 5)
    assert views[2][1, 1] == pytest.approx(img[4:8, 4:8].mean())
    with pytest.raises(ValueError, match="does not fit"):
        viewing_distances(img, (64,))


def test_align_shifts_by_whole_pixels_and_scales_about_the_centre():
    img = np.zeros((21, 21))
    img[10, 10] = 1.0
    moved = align(img, dx=3, dy=-2)
    assert np.unravel_index(moved.argmax(), moved.shape) == (8, 13)
    bigger = align(np.pad(np.ones((5, 5)), 8), scale=2.0)
    assert bigger.sum() == pytest.approx(4 * 25, rel=0.15)  # area grows by scale²
    with pytest.raises(ValueError, match="scale"):
        align(img, scale=10)


def test_shipped_pair_is_seen_as_the_low_image_from_far_and_the_high_image_close_up():
    a, b = load_pair()
    h = hybrid_image(a, b, sigma_low=6.0, sigma_high=3.0)
    views = viewing_distances(h.image)

    def corr(x, y):
        return float(np.corrcoef(x.ravel(), y.ravel())[0, 1])

    # close up the fine lines (B's high frequencies) dominate the detail; from 1/8 size the image
    # correlates with A far more than with B
    far = views[-1]
    far_a, far_b = viewing_distances(a)[-1], viewing_distances(b)[-1]
    assert corr(far, far_a) > corr(far, far_b) + 0.2
    detail = h.image - ndimage.gaussian_filter(h.image, 3.0, mode="reflect")
    detail_b = b - ndimage.gaussian_filter(b, 3.0, mode="reflect")
    detail_a = a - ndimage.gaussian_filter(a, 3.0, mode="reflect")
    assert corr(detail, detail_b) > corr(detail, detail_a) + 0.2
