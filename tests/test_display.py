"""display: arrays -> uint8 without silent clipping; spectra; encoders; area downsampling."""

from __future__ import annotations

import io

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from PIL import Image

from app.backend import (
    downsample_for_display,
    encode_jpeg,
    encode_png,
    half_spectrum_to_uint8,
    is_signed,
    signed_to_rgb,
    spectrum_to_uint8,
    to_uint8,
)
from app.backend.display import DIVERGING_LUT, RANGE_TOLERANCE, apply_colormap, signed_display

NEUTRAL = DIVERGING_LUT[len(DIVERGING_LUT) // 2].tolist()


def test_to_uint8_maps_unit_range_and_clips_only_rounding():
    out = to_uint8(np.array([[0.0, 0.5, 1.0, -1e-9, 1 + 1e-9]]))
    assert out.dtype == np.uint8
    assert out.tolist() == [[0, 128, 255, 0, 255]]
    assert to_uint8(np.zeros((2, 2, 3))).shape == (2, 2, 3)
    with pytest.raises(ValueError, match="signed_to_rgb"):
        to_uint8(np.array([[-0.2, 0.5]]))
    with pytest.raises(ValueError, match="signed_to_rgb"):
        to_uint8(np.array([[0.2, 1.5]]))
    with pytest.raises(ValueError, match="NaN"):
        to_uint8(np.array([[np.nan]]))
    u = np.arange(6, dtype=np.uint8).reshape(2, 3)
    assert to_uint8(u) is u


def test_is_signed():
    assert not is_signed(np.array([[0.0, 1.0]]))
    assert not is_signed(np.array([[-RANGE_TOLERANCE / 2, 1.0]]))
    assert is_signed(np.array([[-0.1, 0.5]]))
    assert is_signed(np.array([[0.0, 3.0]]))
    assert not is_signed(np.zeros((2, 2), np.uint8))


def test_diverging_zero_is_neutral_and_limits_are_the_ends():
    x = np.array([[-3.0, 0.0, 3.0, 1.5]])
    rgb = signed_to_rgb(x)
    assert rgb.shape == (1, 4, 3) and rgb.dtype == np.uint8
    assert rgb[0, 1].tolist() == NEUTRAL
    assert rgb[0, 0].tolist() == DIVERGING_LUT[0].tolist()
    assert rgb[0, 2].tolist() == DIVERGING_LUT[-1].tolist()
    assert max(NEUTRAL) - min(NEUTRAL) < 8 and min(NEUTRAL) > 200  # neutral near-white grey
    # symmetric: only positive data still puts zero at neutral and max at the red end
    pos = signed_to_rgb(np.array([[0.0, 2.0]]))
    assert pos[0, 0].tolist() == NEUTRAL and pos[0, 1].tolist() == DIVERGING_LUT[-1].tolist()
    # opposite values get mirror-image table positions
    mirrored = signed_to_rgb(np.array([[-1.0, -0.5, 0.5, 1.0]]))
    assert mirrored[0, 1].tolist() != mirrored[0, 2].tolist()


@given(arrays(np.float64, st.tuples(st.integers(1, 6), st.integers(1, 6)), elements=st.floats(-1e6, 1e6)))
@settings(max_examples=50, deadline=None)
def test_signed_maps_never_clip_silently(x):
    """With the default limit every value keeps its own colour: only max|x| reaches an end."""
    peak = np.abs(x).max()
    rgb = signed_to_rgb(x)
    ends = {tuple(DIVERGING_LUT[0]), tuple(DIVERGING_LUT[-1])}
    at_end = np.array([[tuple(p) in ends for p in row] for row in rgb])
    if peak > 0:
        assert np.all(at_end <= (np.abs(x) >= peak * (1 - 1 / 254)))
    off = signed_to_rgb(x, "offset")[..., 0].astype(int)
    assert np.all((off == 0) <= (x <= -peak * (1 - 1 / 255)))
    assert np.all((off == 255) <= (x >= peak * (1 - 1 / 255)))


def test_offset_abs_clip_modes():
    x = np.array([[-2.0, 0.0, 2.0, 1.0]])
    assert signed_to_rgb(x, "offset")[0, :, 0].tolist() == [0, 128, 255, 191]
    assert signed_to_rgb(x, "abs")[0, :, 0].tolist() == [255, 0, 255, 128]
    assert signed_to_rgb(x, "clip")[0, :, 0].tolist() == [0, 0, 255, 255]
    assert signed_to_rgb(x, "offset", limit=4.0)[0, :, 0].tolist() == [64, 128, 191, 159]
    with pytest.raises(ValueError, match="diverging, abs, offset, clip"):
        signed_to_rgb(x, "rainbow")
    with pytest.raises(ValueError, match=r"limit must be a positive number; got 0"):
        signed_to_rgb(x, limit=0)
    assert signed_to_rgb(np.zeros((2, 2))).tolist() == [[NEUTRAL, NEUTRAL], [NEUTRAL, NEUTRAL]]


def test_colour_signed_data():
    x = np.random.default_rng(0).standard_normal((4, 5, 3))
    assert signed_to_rgb(x).shape == (4, 5, 3)
    off = signed_to_rgb(x, "offset")
    assert off.shape == (4, 5, 3)
    assert not np.array_equal(off[..., 0], off[..., 1])  # per channel


def test_signed_display_picks_the_right_path_and_the_page_downsamples_after_it():
    plain = np.random.default_rng(1).random((8, 8))
    assert signed_display(plain).pixels.shape == (8, 8)
    assert signed_display(plain - 0.5).pixels.shape == (8, 8, 3)
    # the pages' path: the rule at full size, then area-averaging of the pixels
    assert downsample_for_display(signed_display(np.zeros((1024, 1024)) + 0.25).pixels, 512).max() == 64
    half = np.zeros((1000, 1000))
    half[:, :500] = -1.0
    half[:, 500:] = 1.0
    d = downsample_for_display(signed_display(half, "diverging").pixels, 100)
    assert d.shape == (100, 100, 3)
    assert d[0, 0].tolist() == DIVERGING_LUT[0].tolist() and d[0, -1].tolist() == DIVERGING_LUT[-1].tolist()


def test_spectrum_to_uint8_range_and_dynamic_range():
    mag = np.array([[1.0, 0.1, 0.03, 1e-4, 1e-9, 0.0]])
    out = spectrum_to_uint8(mag, 80.0)
    assert out.dtype == np.uint8
    with np.errstate(divide="ignore"):
        expected = np.clip(255 * (1 + 20 * np.log10(mag) / 80), 0, 255)
    assert np.abs(out - expected).max() <= 0.5 + 1e-3
    assert out[0, 0] == 255 and out[0, 3] == 0 and out[0, 5] == 0
    assert spectrum_to_uint8(mag * (3 + 4j) / 5, 80.0).tolist() == out.tolist()
    assert spectrum_to_uint8(mag, 40.0)[0, 1] == 128 or spectrum_to_uint8(mag, 40.0)[0, 1] == 127
    assert spectrum_to_uint8(mag, 80.0, vmax=10.0)[0, 0] == 191
    assert spectrum_to_uint8(np.zeros((2, 2))).max() == 0
    with pytest.raises(ValueError, match=r"dynamic_range_db must be a positive number; got 0\.0"):
        spectrum_to_uint8(mag, 0.0)
    with pytest.raises(ValueError, match=r"magnitudes must be non-negative \(pass the complex spectrum"):
        spectrum_to_uint8(-mag)


@given(st.integers(1, 12), st.integers(1, 12))
@settings(max_examples=30, deadline=None)
def test_half_spectrum_display_equals_full(h, w):
    x = np.random.default_rng(h * 13 + w).random((h, w))
    fast = half_spectrum_to_uint8(np.fft.rfft2(x), w, 70.0)
    full = spectrum_to_uint8(np.fft.fftshift(np.fft.fft2(x)), 70.0)
    assert fast.shape == full.shape
    assert np.abs(fast.astype(int) - full).max() <= 1


def test_downsample_for_display_area_averages():
    img = np.zeros((1024, 1024), np.uint8)
    img[::2, :] = 200  # alternate rows: area average is 100
    small = downsample_for_display(img, 512)
    assert small.shape == (512, 512)
    assert np.all(np.abs(small.astype(int) - 100) <= 1)
    rgb = np.zeros((600, 300, 3), np.uint8)
    assert downsample_for_display(rgb, 200).shape == (200, 100, 3)
    same = np.zeros((10, 10), np.uint8)
    assert downsample_for_display(same) is same
    with pytest.raises(ValueError, match="uint8"):
        downsample_for_display(np.zeros((4, 4)))


def test_encoders_round_trip():
    rgb = (np.random.default_rng(3).random((16, 24, 3)) * 255).astype(np.uint8)
    png = encode_png(rgb)
    assert np.array_equal(np.asarray(Image.open(io.BytesIO(png))), rgb)
    grey = np.arange(64, dtype=np.uint8).reshape(8, 8)
    assert np.array_equal(np.asarray(Image.open(io.BytesIO(encode_png(grey)))), grey)
    jpg = encode_jpeg(rgb, quality=90)
    assert jpg[:2] == b"\xff\xd8"
    back = np.asarray(Image.open(io.BytesIO(jpg)))
    assert back.shape == rgb.shape
    with pytest.raises(ValueError, match=r"JPEG has no alpha channel; pass \(H, W\) or \(H, W, 3\)"):
        encode_jpeg(np.zeros((4, 4, 4), np.uint8))
    with pytest.raises(ValueError, match=r"quality must be a whole number from 1 to 100; got 0"):
        encode_jpeg(rgb, quality=0)
    with pytest.raises(ValueError, match=r"expected a uint8 image \(use to_uint8 first\); got dtype"):
        encode_png(np.zeros((4, 4)))


def test_apply_colormap():
    g = np.arange(256, dtype=np.uint8).reshape(16, 16)
    assert apply_colormap(g, "grey") is g
    inf = apply_colormap(g, "inferno")
    assert inf.shape == (16, 16, 3) and inf[0, 0].sum() < inf[-1, -1].sum()
    with pytest.raises(ValueError, match=r"unknown colour map 'rainbow'; choose one of grey, inferno"):
        apply_colormap(g, "rainbow")


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_signed_display_refuses_nan_and_inf(bad):
    x = np.zeros((8, 8))
    x[3, 4] = bad
    with pytest.raises(ValueError, match="NaN or infinite"):
        signed_display(x)
