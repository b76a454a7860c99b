"""ImageAnalysis: the cached slider path equals convolve(), and its spectra are consistent."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.backend import (
    BOUNDARIES,
    ImageAnalysis,
    convolve,
    frequency_response,
    spectrum_to_uint8,
)
from app.backend.analysis import check_pixels, direct_at


@st.composite
def cases(draw):
    h = draw(st.integers(2, 24))
    w = draw(st.integers(2, 24))
    channels = draw(st.sampled_from([0, 0, 3]))
    dtype = draw(st.sampled_from([np.float64, np.float64, np.float32]))
    max_side = draw(st.integers(1, 9))
    kh = draw(st.integers(1, min(h, max_side)))
    kw = draw(st.integers(1, min(w, max_side)))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    x = rng.random((h, w, channels) if channels else (h, w)).astype(dtype)
    k = rng.standard_normal((kh, kw)) if draw(st.booleans()) else np.outer(rng.random(kh), rng.random(kw))
    return x, k, draw(st.sampled_from(BOUNDARIES)), draw(st.booleans()), max_side


@settings(max_examples=50, deadline=None)
@given(cases())
def test_apply_equals_convolve(case):
    x, k, boundary, correlate, max_side = case
    analysis = ImageAnalysis(x, boundary=boundary, max_kernel_side=max_side)
    result = analysis.apply(k, correlate=correlate)
    ref = convolve(x, k, boundary=boundary, correlate=correlate, method="direct")
    assert result.output.shape == x.shape and result.output.dtype == x.dtype
    scale = max(1.0, float(np.abs(k).sum() * np.abs(x).max()))
    tol = (1e-5 if x.dtype == np.float32 else 1e-10) * scale
    assert np.abs(result.output.astype(np.float64) - ref).max() <= tol
    assert result.theorem_error <= tol
    assert result.method == "fft"


@pytest.mark.parametrize("boundary", BOUNDARIES)
@pytest.mark.parametrize("correlate", [False, True])
def test_output_spectrum_is_product_and_inverts_to_output(boundary, correlate):
    rng = np.random.default_rng(11)
    x = rng.random((21, 18))
    k = rng.standard_normal((4, 5))
    a = ImageAnalysis(x, boundary=boundary, max_kernel_side=7)
    r = a.apply(k, correlate=correlate)
    assert r.image_spectrum.shape == r.response.shape == r.output_spectrum.shape == a.grid
    np.testing.assert_allclose(r.output_spectrum, r.image_spectrum * r.response, atol=1e-9)
    np.testing.assert_allclose(r.response, frequency_response(k, a.grid, correlate=correlate), atol=1e-12)
    # IFFT(F . H), cropped at the padding, is the output
    y = np.fft.ifft2(np.fft.ifftshift(r.output_spectrum)).real
    y = np.roll(y, (-a.pad[0], -a.pad[1]), axis=(0, 1))[: x.shape[0], : x.shape[1]]
    np.testing.assert_allclose(y, r.output, atol=1e-11)
    # the image spectrum is that of the padded image
    if boundary == "wrap":
        assert a.grid == x.shape and a.pad == (0, 0)
        np.testing.assert_allclose(r.image_spectrum, np.fft.fftshift(np.fft.fft2(x)), atol=1e-10)


def test_colour_spectra_are_luminance_and_output_is_per_channel():
    rng = np.random.default_rng(3)
    x = rng.random((16, 20, 3))
    k = np.ones((3, 3)) / 9
    a = ImageAnalysis(x, max_kernel_side=5)
    r = a.apply(k)
    lum = x @ np.array([0.299, 0.587, 0.114])
    ra = ImageAnalysis(lum, max_kernel_side=5).apply(k)
    np.testing.assert_allclose(r.image_spectrum, ra.image_spectrum, atol=1e-10)
    np.testing.assert_allclose(r.output_spectrum, ra.output_spectrum, atol=1e-10)
    for c in range(3):
        np.testing.assert_allclose(r.output[..., c], convolve(x[..., c], k), atol=1e-12)


def test_display_helpers_match_the_full_arrays():
    rng = np.random.default_rng(4)
    x = rng.random((30, 27))
    a = ImageAnalysis(x, max_kernel_side=9)
    r = a.apply(rng.standard_normal((5, 5)))
    for which, full in (("image", r.image_spectrum), ("response", r.response), ("output", r.output_spectrum)):
        fast = r.spectrum_uint8(which, 60.0)
        assert fast.shape == a.grid and fast.dtype == np.uint8
        assert np.abs(fast.astype(int) - spectrum_to_uint8(full, 60.0)).max() <= 1
        np.testing.assert_allclose(r.magnitude(which), np.abs(full), rtol=1e-9, atol=1e-12)
    assert np.array_equal(a.image_spectrum_uint8(), r.spectrum_uint8("image"))


def test_padding_and_grid():
    x = np.zeros((100, 50))
    a = ImageAnalysis(x, max_kernel_side=63)
    assert a.pad == (31, 31)  # the largest kernel radius, even beyond the image (ndimage-style)
    assert a.grid[0] >= 100 + 62 and a.grid[1] >= 50 + 62
    assert ImageAnalysis(x, boundary="wrap").grid == (100, 50)


def test_apply_validates_kernels():
    a = ImageAnalysis(np.zeros((20, 20)), max_kernel_side=7)
    with pytest.raises(ValueError, match="exceeds"):
        a.apply(np.ones((9, 9)))
    with pytest.raises(ValueError, match=r"kernel contains NaN or infinite values"):
        a.apply(np.array([[np.inf]]))
    with pytest.raises(ValueError, match=r"kernel must be 2-D; got 1-D with shape \(3,\)"):
        a.apply(np.ones(3))
    with pytest.raises(ValueError, match="reflect, zero, wrap, nearest"):
        ImageAnalysis(np.zeros((4, 4)), boundary="circular")
    with pytest.raises(ValueError, match=r"max_kernel_side must be a positive integer; got 0"):
        ImageAnalysis(np.zeros((4, 4)), max_kernel_side=0)
    with pytest.raises(ValueError, match=r"image contains NaN or infinite values"):
        ImageAnalysis(np.full((4, 4), np.nan))


def test_image_is_not_modified_and_is_read_only():
    x = np.random.default_rng(0).random((10, 10))
    before = x.copy()
    a = ImageAnalysis(x)
    a.apply(np.ones((3, 3)))
    np.testing.assert_array_equal(x, before)
    assert x.flags.writeable
    assert not a.image.flags.writeable


@settings(max_examples=40, deadline=None)
@given(
    h=st.integers(3, 14), w=st.integers(3, 14), kh=st.integers(1, 6), kw=st.integers(1, 6),
    boundary=st.sampled_from(BOUNDARIES), correlate=st.booleans(), colour=st.booleans(), seed=st.integers(0, 99),
)
def test_direct_at_equals_convolve_everywhere(h, w, kh, kw, boundary, correlate, colour, seed):
    assume(kh <= h and kw <= w)  # a kernel larger than the image is refused (tested elsewhere)
    rng = np.random.default_rng(seed)
    x = rng.random((h, w, 3) if colour else (h, w))
    k = rng.normal(size=(kh, kw))
    ref = convolve(x, k, boundary=boundary, correlate=correlate, method="direct")
    ys, xs = np.mgrid[:h, :w]
    got = direct_at(x, k, ys.ravel(), xs.ravel(), boundary=boundary, correlate=correlate)
    assert np.allclose(got.reshape(ref.shape), ref, atol=1e-12)


def test_check_pixels_cover_the_borders():
    ys, xs = check_pixels((6, 7), n_inside=5)
    border = {(y, x) for y, x in zip(ys, xs) if y in (0, 5) or x in (0, 6)}
    assert len(border) == 2 * 7 + 2 * 6 - 4  # small image: every border pixel
    assert len(ys) == len(border) + 5
    ys, xs = check_pixels((512, 300), n_inside=10, per_edge=64)
    pts = set(zip(ys.tolist(), xs.tolist()))
    assert {(0, 0), (0, 299), (511, 0), (511, 299)} <= pts
    assert sum(1 for y, x in pts if y == 0) == 64 and sum(1 for y, x in pts if x == 0) == 64


def test_a_read_only_image_is_kept_not_copied_and_a_writable_one_is_copied():
    frozen = np.random.default_rng(5).random((32, 32))
    frozen.setflags(write=False)
    assert ImageAnalysis(frozen).image is frozen  # the app's images are read-only: no second copy
    writable = np.random.default_rng(6).random((32, 32))
    kept = ImageAnalysis(writable).image
    writable[0, 0] = 99.0  # the caller changing its array later cannot change the analysis
    assert kept is not writable and kept[0, 0] != 99.0
