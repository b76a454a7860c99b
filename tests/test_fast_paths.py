"""The slider path's fast paths equal the plain definitions they replace.

* ``ImageAnalysis(dtype=np.float32)`` (the app's slider path) agrees with float64 to float32
  accuracy, far below one display level; the float64 default stays exact.
* ``downsample_for_display`` 2:1 and 3:2 integer paths equal Pillow's BOX resize within one level.
* ``_unit_to_u8`` (the fused uint8 conversion of the display rule) is round-of-clipped.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from app.backend import BOUNDARIES, ImageAnalysis, convolve, downsample_for_display, spectrum_to_uint8
from app.backend.display import _unit_to_u8


# --------------------------------------------------------------------------------------------
# ImageAnalysis dtype
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("boundary", BOUNDARIES)
@pytest.mark.parametrize("colour", [False, True])
def test_float32_analysis_matches_float64_to_display_precision(boundary, colour):
    rng = np.random.default_rng(5)
    x = rng.random((40, 33, 3) if colour else (40, 33))
    k = rng.standard_normal((7, 5))
    a64 = ImageAnalysis(x, boundary=boundary, max_kernel_side=9)
    a32 = ImageAnalysis(x, boundary=boundary, max_kernel_side=9, dtype=np.float32)
    assert a64.dtype == np.float64 and a32.dtype == np.float32 and a32.grid == a64.grid
    r64, r32 = a64.apply(k), a32.apply(k, correlate=False)
    ref = convolve(x, k, boundary=boundary, method="direct")
    scale = float(np.abs(k).sum() * np.abs(x).max())
    # float64 default: exact
    assert r64.output.dtype == np.float64
    assert np.abs(r64.output - ref).max() <= 1e-10 * scale
    # float32 fast path: single precision, far below one display level (1/255 of the range)
    assert r32.output.dtype == np.float32 and r32.output.shape == x.shape
    assert np.abs(r32.output.astype(np.float64) - ref).max() <= 1e-5 * scale
    assert r32.theorem_error <= 1e-5 * scale
    # display spectra: within one level of the float64 ones
    for which in ("image", "response", "output"):
        d = np.abs(r32.spectrum_uint8(which, 80.0).astype(int) - r64.spectrum_uint8(which, 80.0))
        assert d.max() <= 1


def test_dtype_option_validates_and_default_follows_the_policy():
    x = np.random.default_rng(0).random((12, 12))
    assert ImageAnalysis(x).dtype == np.float64
    assert ImageAnalysis(x.astype(np.float32)).dtype == np.float32
    assert ImageAnalysis(x.astype(np.float32), dtype=np.float64).dtype == np.float64
    assert ImageAnalysis(x, dtype="float32").image.dtype == np.float32
    with pytest.raises(ValueError, match="float32 or float64"):
        ImageAnalysis(x, dtype=np.int16)
    # the caller's array is neither modified nor made read-only
    ImageAnalysis(x, dtype=np.float32).apply(np.ones((3, 3)))
    assert x.flags.writeable and x.dtype == np.float64


# --------------------------------------------------------------------------------------------
# downsample_for_display integer paths
# --------------------------------------------------------------------------------------------
def _pillow_box(a: np.ndarray, max_side: int) -> np.ndarray:
    h, w = a.shape[:2]
    if max(h, w) <= max_side:
        return a
    s = max_side / max(h, w)
    size = (max(1, round(w * s)), max(1, round(h * s)))
    return np.array(Image.fromarray(a).resize(size, Image.Resampling.BOX))


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 40), st.integers(1, 40), st.sampled_from([(2, 1), (3, 2)]), st.integers(0, 2**32 - 1))
def test_integer_ratio_downsample_equals_pillow_within_one_level(h2, w2, ratio, seed):
    p, q = ratio
    th, tw = 2 * h2, 2 * w2  # even display sides
    a = np.random.default_rng(seed).integers(0, 256, (th * p // q, tw * p // q), dtype=np.uint8)
    max_side = max(th, tw)
    got = downsample_for_display(a, max_side)
    ref = _pillow_box(a, max_side)
    assert got.shape == ref.shape and got.dtype == np.uint8
    assert np.abs(got.astype(int) - ref).max() <= 1


def test_spectrum_sized_downsample_keeps_constants_and_peaks():
    # 576 -> 384 (the Image Lab's 512-pixel images): constants stay, a one-pixel peak survives
    a = np.full((576, 576), 77, np.uint8)
    assert np.all(downsample_for_display(a, 384) == 77)
    a[300, 301] = 255
    assert downsample_for_display(a, 384).max() > 77 + (255 - 77) // 4


# --------------------------------------------------------------------------------------------
# the display rule's uint8 conversion
# --------------------------------------------------------------------------------------------
def test_unit_to_u8_is_round_of_clipped_values():
    x = np.array([-1e300, -0.5, 0.0, 0.4 / 255, 0.5 / 255, 0.5, 1.0, 1.0 + 1e-9, 2.0, 1e300])
    for dtype in (np.float64, np.float32):
        xd = x.astype(dtype) if dtype == np.float64 else np.clip(x, -1e30, 1e30).astype(dtype)
        ref = (np.clip(xd, 0.0, 1.0).astype(np.float32) * np.float32(255) + np.float32(0.5)).astype(np.uint8)
        assert np.array_equal(_unit_to_u8(xd), ref)


def test_spectrum_to_uint8_unchanged_by_fast_power():
    # the analysis' |H|^2 via abs() is the same display as re^2 + im^2
    rng = np.random.default_rng(9)
    x = rng.random((30, 31))
    r = ImageAnalysis(x, max_kernel_side=5).apply(rng.standard_normal((5, 5)))
    assert np.abs(r.spectrum_uint8("output", 60.0).astype(int) - spectrum_to_uint8(r.output_spectrum, 60.0)).max() <= 1


def test_main_panels_are_rendered_once_per_result_and_shared():
    """A move to a value drawn before (by any session) reuses the encoded panels."""
    import kernels
    from app.labs.image_lab import pipeline as lab
    from app.ui import image_picker

    picked = image_picker.resolve_image(image_picker.ImageChoice(size=128), None, "en").picked
    settings = lab.LabSettings(kernel_name="gaussian", family="low-pass", params={"sigma": 2.0})
    first = lab.main_panels(lab.compute(picked, kernels.make("gaussian", sigma=2.0), settings), 21, 300)
    again = lab.main_panels(lab.compute(picked, kernels.make("gaussian", sigma=2.0), settings), 21, 300)
    other = lab.main_panels(lab.compute(picked, kernels.make("gaussian", sigma=2.5), settings), 21, 300)
    assert again is first and other is not first
    assert other.output_jpeg != first.output_jpeg and other.kernel_png != first.kernel_png
    assert first.output.pixels.size == 0  # the cache keeps the encoded image, not the array
