"""Kernels larger than the image (pixel-level demos: 1×1 … 8×8 images, kernels up to 15×15).

scipy.ndimage extends the image as far as a kernel needs (repeated reflections for
``reflect``, repeated tiles for ``wrap``, edge values for ``nearest``, zeros for
``constant``).  Every path of ConvScope must give the same numbers: ``convolve`` with each
method, the cached-spectrum ``ImageAnalysis.apply`` and the pixel inspector.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import ndimage

from app.backend import BOUNDARIES, ImageAnalysis, convolve
from app.backend.convolution import pad_image
from app.backend.inspect import inspect_pixel

NDIMAGE_MODE = {"reflect": "reflect", "zero": "constant", "wrap": "wrap", "nearest": "nearest"}
TOL = 1e-10


def reference(x: np.ndarray, k: np.ndarray, boundary: str, correlate: bool) -> np.ndarray:
    """scipy.ndimage per channel, float64."""
    op = ndimage.correlate if correlate else ndimage.convolve
    mode = NDIMAGE_MODE[boundary]
    if x.ndim == 2:
        return op(x, k, mode=mode, cval=0.0)
    return np.stack([op(x[..., c], k, mode=mode, cval=0.0) for c in range(x.shape[2])], axis=-1)


@st.composite
def tiny_cases(draw):
    h, w = draw(st.integers(1, 8)), draw(st.integers(1, 8))
    kh, kw = draw(st.integers(1, 15)), draw(st.integers(1, 15))
    colour = draw(st.booleans())
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    x = rng.random((h, w, 3) if colour else (h, w))
    if draw(st.booleans()):
        k = rng.standard_normal((kh, kw))
    else:  # rank 1: exercises the separable direct path and the rank-1 kernel transform
        k = np.outer(rng.standard_normal(kh), rng.standard_normal(kw))
    return x, k, draw(st.sampled_from(BOUNDARIES)), draw(st.booleans())


@settings(max_examples=150, deadline=None)
@given(tiny_cases())
def test_every_path_equals_ndimage_for_kernels_larger_than_the_image(case):
    x, k, boundary, correlate = case
    want = reference(x, k, boundary, correlate)
    scale = max(1.0, float(np.abs(k).sum() * np.abs(x).max()))
    for method in ("direct", "fft", "auto"):
        got = convolve(x, k, boundary=boundary, correlate=correlate, method=method)
        assert got.shape == x.shape
        assert np.abs(got - want).max() <= TOL * scale, (method, boundary, x.shape, k.shape)
    analysis = ImageAnalysis(x, boundary=boundary, max_kernel_side=15)
    got = analysis.apply(k, correlate=correlate).output
    assert np.abs(got - want).max() <= TOL * scale, ("analysis", boundary, x.shape, k.shape)


@pytest.mark.parametrize("boundary", BOUNDARIES)
@pytest.mark.parametrize("shape", [(1, 1), (1, 4), (3, 2), (8, 8)])
def test_worst_case_15x15_on_tiny_images(boundary, shape):
    """Exhaustive corner of the property: the biggest kernel on the smallest images."""
    rng = np.random.default_rng(12)
    x = rng.random(shape)
    k = rng.standard_normal((15, 15))
    want = reference(x, k, boundary, False)
    for method in ("direct", "fft"):
        np.testing.assert_allclose(convolve(x, k, boundary=boundary, method=method), want, rtol=0, atol=1e-10 * 15 * 15)
    got = ImageAnalysis(x, boundary=boundary).apply(k).output  # the app's default limit (63)
    np.testing.assert_allclose(got, want, rtol=0, atol=1e-10 * 15 * 15)


def test_one_pixel_image_is_a_constant_field_for_every_extension_but_zero():
    x = np.array([[0.25]])
    k = np.full((9, 9), 1 / 81)
    for boundary in ("reflect", "wrap", "nearest"):
        assert convolve(x, k, boundary=boundary)[0, 0] == pytest.approx(0.25, abs=1e-15)
    assert convolve(x, k, boundary="zero")[0, 0] == pytest.approx(0.25 / 81, abs=1e-15)


@pytest.mark.parametrize("boundary", BOUNDARIES)
def test_pad_larger_than_the_image_repeats_like_ndimage(boundary):
    """numpy's pad ('symmetric', 'wrap', 'edge', 'constant') beyond the image == ndimage's extension."""
    x = np.array([[1.0, 2.0, 3.0]])
    padded = pad_image(x, (0, 7), boundary)
    # ndimage's extension, read off by correlating with a shifted delta at each offset
    want = []
    for offset in range(-7, 3 + 7):
        delta = np.zeros((1, 2 * 10 + 1))
        delta[0, 10 + offset] = 1.0  # correlate: out[0] = x_extended[offset]
        want.append(ndimage.correlate(x, delta, mode=NDIMAGE_MODE[boundary], cval=0.0)[0, 0])
    np.testing.assert_array_equal(padded[0], want)


@pytest.mark.parametrize("boundary", BOUNDARIES)
@pytest.mark.parametrize("correlate", [False, True])
def test_pixel_inspector_sums_to_the_output_for_big_kernels(boundary, correlate):
    rng = np.random.default_rng(7)
    img = rng.random((3, 5))
    k = rng.standard_normal((11, 8))
    out = convolve(img, k, boundary=boundary, correlate=correlate)
    for y in range(3):
        for x in range(5):
            r = inspect_pixel(img, k, y, x, boundary=boundary, correlate=correlate)
            assert abs(r.total - out[y, x]) <= 1e-12 * np.abs(k).sum()
            assert r.outside.sum() >= 11 * 8 - 3 * 5  # most of the window is outside the image
