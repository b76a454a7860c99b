"""Pixel inspector: the shown sum equals the convolution output (app.backend.inspect)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.backend.convolution import BOUNDARIES, convolve
from app.backend.inspect import inspect_pixel

SHAPES = [(1, 1), (3, 3), (5, 5), (2, 2), (4, 4), (3, 4), (2, 5), (1, 6), (7, 2), (6, 6)]


def _check(img, k, y, x, boundary, correlate, out):
    r = inspect_pixel(img, k, y, x, boundary=boundary, correlate=correlate)
    scale = max(1.0, np.abs(k).sum() * np.abs(img).max())
    assert abs(r.total - out[y, x]) <= 1e-12 * scale, (boundary, correlate, k.shape, y, x)
    np.testing.assert_array_equal(r.products, r.patch * r.kernel_applied)
    assert r.total == pytest.approx(r.products.sum())


@pytest.mark.parametrize("boundary", BOUNDARIES)
@pytest.mark.parametrize("correlate", [False, True])
@pytest.mark.parametrize("shape", SHAPES)
def test_sum_equals_output_at_borders_and_random_pixels(boundary, correlate, shape):
    rng = np.random.default_rng([BOUNDARIES.index(boundary), int(correlate), *shape])  # seeded, not hash()
    img = rng.random((12, 15))
    k = rng.normal(size=shape)
    h, w = img.shape
    pixels = {(0, 0), (0, w - 1), (h - 1, 0), (h - 1, w - 1), (0, 7), (h - 1, 3), (5, 0), (6, w - 1), (1, 1)}
    pixels |= {(int(rng.integers(h)), int(rng.integers(w))) for _ in range(10)}
    for method in ("direct", "fft"):
        out = convolve(img, k, boundary=boundary, correlate=correlate, method=method)
        for y, x in pixels:
            _check(img, k, y, x, boundary, correlate, out)


@given(
    st.integers(1, 7), st.integers(1, 7), st.sampled_from(BOUNDARIES), st.booleans(), st.integers(0, 2**31 - 1)
)
@settings(max_examples=80, deadline=None)
def test_sum_equals_output_property(kh, kw, boundary, correlate, seed):
    rng = np.random.default_rng(seed)
    img = rng.random((int(rng.integers(kh, 14)), int(rng.integers(kw, 14))))
    k = rng.normal(size=(kh, kw))
    out = convolve(img, k, boundary=boundary, correlate=correlate)
    y, x = int(rng.integers(img.shape[0])), int(rng.integers(img.shape[1]))
    _check(img, k, y, x, boundary, correlate, out)


def test_every_pixel_of_a_colour_channel():
    rng = np.random.default_rng(3)
    img = rng.random((9, 10, 3))
    k = rng.normal(size=(3, 3))
    out = convolve(img, k, boundary="wrap")
    for y in range(9):
        for x in range(10):
            _check(img[..., 1], k, y, x, "wrap", False, out[..., 1])


def test_kernel_is_flipped_when_convolving_only():
    img = np.arange(25.0).reshape(5, 5)
    k = np.arange(9.0).reshape(3, 3)
    conv = inspect_pixel(img, k, 2, 2, boundary="zero", correlate=False)
    corr = inspect_pixel(img, k, 2, 2, boundary="zero", correlate=True)
    np.testing.assert_array_equal(conv.kernel_applied, k[::-1, ::-1])
    np.testing.assert_array_equal(corr.kernel_applied, k)
    np.testing.assert_array_equal(conv.patch, img[1:4, 1:4])


@pytest.mark.parametrize(
    "boundary,expected",
    [
        ("zero", [[0, 0, 0], [0, 0, 1], [0, 5, 6]]),
        ("nearest", [[0, 0, 1], [0, 0, 1], [5, 5, 6]]),
        ("reflect", [[0, 0, 1], [0, 0, 1], [5, 5, 6]]),
        ("wrap", [[24, 20, 21], [4, 0, 1], [9, 5, 6]]),
    ],
)
def test_padded_values_at_the_corner(boundary, expected):
    img = np.arange(25.0).reshape(5, 5)
    r = inspect_pixel(img, np.ones((3, 3)), 0, 0, boundary=boundary)
    np.testing.assert_array_equal(r.patch, expected)
    np.testing.assert_array_equal(r.outside, [[True, True, True], [True, False, False], [True, False, False]])
    np.testing.assert_array_equal(r.rows, [-1, 0, 1])


def test_reflect_differs_from_nearest_two_pixels_out():
    img = np.arange(25.0).reshape(5, 5)
    refl = inspect_pixel(img, np.ones((5, 5)), 0, 0, boundary="reflect")
    near = inspect_pixel(img, np.ones((5, 5)), 0, 0, boundary="nearest")
    assert refl.patch[0, 2] == img[1, 0]  # d c b a | a b c d
    assert near.patch[0, 2] == img[0, 0]


def test_even_kernel_window_offsets():
    img = np.arange(36.0).reshape(6, 6)
    k = np.arange(4.0).reshape(2, 2)
    assert inspect_pixel(img, k, 3, 3, correlate=True).offset == (1, 1)
    assert inspect_pixel(img, k, 3, 3, correlate=False).offset == (0, 0)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((np.zeros((5, 5)), np.ones((3, 3)), 5, 0), r"pixel \(5, 0\) is outside the 5x5 image"),
        ((np.zeros((5, 5)), np.ones((3, 3)), 0, -1), r"pixel \(0, -1\) is outside the 5x5 image"),
        ((np.zeros((5, 5, 3)), np.ones((3, 3)), 0, 0), r"image_channel must be a non-empty 2-D array"),
        ((np.zeros((5, 5)), np.ones(3), 0, 0), r"kernel must be a non-empty 2-D array"),
    ],
)
def test_rejects_bad_input(args, message):
    with pytest.raises(ValueError, match=message):
        inspect_pixel(*args)


def test_rejects_unknown_boundary():
    with pytest.raises(ValueError, match=r"unknown boundary 'mirror'; choose one of reflect, zero"):
        inspect_pixel(np.zeros((5, 5)), np.ones((3, 3)), 0, 0, boundary="mirror")
