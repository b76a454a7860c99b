"""convolve(): FFT == direct == scipy.ndimage for every boundary, dtype policy, validation."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import ndimage

from app.backend import BOUNDARIES, choose_method, convolve, rank1_factors, working_dtype
from app.backend.convolution import anchor, pad_image

NDIMAGE_MODE = {"reflect": "reflect", "zero": "constant", "wrap": "wrap", "nearest": "nearest"}


def reference(x: np.ndarray, k: np.ndarray, boundary: str, correlate: bool) -> np.ndarray:
    """scipy.ndimage, per channel, in float64."""
    op = ndimage.correlate if correlate else ndimage.convolve
    x64 = x.astype(np.float64)
    mode = NDIMAGE_MODE[boundary]
    if x.ndim == 2:
        return op(x64, k, mode=mode, cval=0.0)
    return np.stack([op(x64[..., c], k, mode=mode, cval=0.0) for c in range(x.shape[2])], axis=-1)


def tolerance(x: np.ndarray, k: np.ndarray) -> float:
    scale = max(1.0, float(np.abs(k).sum() * np.abs(x).max()))
    return (1e-5 if x.dtype == np.float32 else 1e-10) * scale


@st.composite
def cases(draw):
    h = draw(st.integers(1, 14))
    w = draw(st.integers(1, 14))
    channels = draw(st.sampled_from([0, 0, 3]))
    dtype = draw(st.sampled_from([np.float64, np.float32]))
    kh = draw(st.integers(1, h))
    kw = draw(st.integers(1, w))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    x = rng.random((h, w, channels) if channels else (h, w)).astype(dtype)
    if draw(st.booleans()):
        k = rng.standard_normal((kh, kw))
    else:  # separable
        k = np.outer(rng.standard_normal(kh), rng.standard_normal(kw))
    boundary = draw(st.sampled_from(BOUNDARIES))
    correlate = draw(st.booleans())
    return x, k, boundary, correlate


@settings(max_examples=50, deadline=None)
@given(cases())
def test_fft_direct_and_ndimage_agree(case):
    x, k, boundary, correlate = case
    ref = reference(x, k, boundary, correlate)
    tol = tolerance(x, k)
    outs = {m: convolve(x, k, boundary=boundary, correlate=correlate, method=m) for m in ("direct", "fft", "auto")}
    for method, out in outs.items():
        assert out.shape == x.shape, method
        assert out.dtype == x.dtype, method
        assert np.abs(out.astype(np.float64) - ref).max() <= tol, (method, boundary, correlate, k.shape)
    assert np.abs(outs["direct"].astype(np.float64) - outs["fft"]).max() <= tol


@pytest.mark.parametrize("boundary", BOUNDARIES)
@pytest.mark.parametrize("correlate", [False, True])
@pytest.mark.parametrize("kshape", [(2, 2), (4, 3), (3, 6), (1, 4), (5, 1)])
def test_even_and_non_square_kernels_follow_ndimage(boundary, correlate, kshape):
    rng = np.random.default_rng(7)
    x = rng.random((11, 12))
    k = rng.standard_normal(kshape)
    ref = reference(x, k, boundary, correlate)
    for method in ("direct", "fft"):
        out = convolve(x, k, boundary=boundary, correlate=correlate, method=method)
        np.testing.assert_allclose(out, ref, rtol=0, atol=1e-11)


def test_anchor_is_ndimage_centre_for_even_kernels():
    x = np.zeros((7, 7))
    x[3, 3] = 1.0
    k = np.arange(1.0, 5.0).reshape(2, 2)  # [[1, 2], [3, 4]], anchor (1, 1) -> value 4
    assert anchor(k.shape) == (1, 1)
    corr = convolve(x, k, correlate=True, boundary="zero")
    # correlation: out[i, j] = sum k[m, n] x[i + m - 1, j + n - 1]; the impulse at (3, 3)
    # lands on out[4 - m, 4 - n] with weight k[m, n] (the kernel rotated by 180 degrees)
    assert corr[3, 3] == 4.0 and corr[4, 4] == 1.0 and corr[4, 3] == 2.0 and corr[3, 4] == 3.0
    np.testing.assert_array_equal(corr, ndimage.correlate(x, k, mode="constant"))
    conv = convolve(x, k, boundary="zero")  # convolution shows the kernel itself, anchored
    assert conv[3, 3] == 4.0 and conv[2, 2] == 1.0 and conv[2, 3] == 2.0 and conv[3, 2] == 3.0
    np.testing.assert_array_equal(conv, ndimage.convolve(x, k, mode="constant"))


def test_identity_kernel_returns_the_image():
    x = np.random.default_rng(0).random((9, 10, 3))
    for method in ("direct", "fft"):
        for boundary in BOUNDARIES:
            out = convolve(x, np.array([[1.0]]), boundary=boundary, method=method)
            np.testing.assert_allclose(out, x, atol=1e-14)


def test_box_blur_of_constant_is_constant_except_zero_boundary():
    x = np.full((16, 16), 0.25)
    k = np.ones((5, 5)) / 25
    for boundary in ("reflect", "wrap", "nearest"):
        np.testing.assert_allclose(convolve(x, k, boundary=boundary, method="fft"), 0.25, atol=1e-14)
    zero = convolve(x, k, boundary="zero")
    assert zero[0, 0] == pytest.approx(0.25 * 9 / 25)


@pytest.mark.parametrize("dtype", [np.uint8, np.int32, np.bool_, np.float16, np.float64])
def test_dtype_policy_non_float32_becomes_float64(dtype):
    x = (np.random.default_rng(1).random((8, 8)) * 2).astype(dtype)
    assert working_dtype(dtype) == np.float64
    out = convolve(x, np.ones((3, 3)) / 9)
    assert out.dtype == np.float64
    np.testing.assert_allclose(out, reference(x, np.ones((3, 3)) / 9, "reflect", False), atol=1e-12)


def test_float32_stays_float32_on_both_paths():
    x = np.random.default_rng(2).random((40, 40)).astype(np.float32)
    k = np.random.default_rng(3).standard_normal((9, 9))
    for method in ("direct", "fft", "auto"):
        assert convolve(x, k, method=method).dtype == np.float32


def test_large_kernel_up_to_image_size():
    rng = np.random.default_rng(4)
    x = rng.random((10, 9))
    k = rng.standard_normal((10, 9))
    for boundary in BOUNDARIES:
        ref = reference(x, k, boundary, False)
        np.testing.assert_allclose(convolve(x, k, boundary=boundary, method="fft"), ref, atol=1e-10)


def test_pad_image_matches_boundary_modes():
    x = np.array([[1.0, 2.0, 3.0]])
    assert pad_image(x, (0, 2), "reflect").tolist() == [[2, 1, 1, 2, 3, 3, 2]]
    assert pad_image(x, (0, 2), "zero").tolist() == [[0, 0, 1, 2, 3, 0, 0]]
    assert pad_image(x, (0, 2), "wrap").tolist() == [[2, 3, 1, 2, 3, 1, 2]]
    assert pad_image(x, (0, 2), "nearest").tolist() == [[1, 1, 1, 2, 3, 3, 3]]


# --------------------------------------------------------------------------- rank 1 / choice
def test_rank1_factors_detects_separable_kernels():
    g = np.exp(-np.linspace(-2, 2, 7) ** 2)
    u, v = rank1_factors(np.outer(g, g))
    np.testing.assert_allclose(np.outer(u, v), np.outer(g, g), atol=1e-15)
    sobel = np.array([[1.0, 0, -1], [2, 0, -2], [1, 0, -1]])
    assert rank1_factors(sobel) is not None
    laplacian = np.array([[0.0, 1, 0], [1, -4, 1], [0, 1, 0]])
    assert rank1_factors(laplacian) is None
    assert rank1_factors(np.zeros((3, 3))) is None


def test_choose_method_prefers_direct_for_small_and_fft_for_large_kernels():
    assert choose_method((512, 512), (3, 3)) == "direct"
    assert choose_method((512, 512), (31, 31)) == "fft"
    assert choose_method((1024, 1024), (63, 63)) == "fft"
    # a separable kernel stays direct longer than a full one
    assert choose_method((512, 512), (15, 15), separable=True) == "direct"
    assert choose_method((512, 512), (15, 15), separable=False) == "fft"


# --------------------------------------------------------------------------- validation
@pytest.mark.parametrize(
    "image, kernel, kwargs, match",
    [
        (np.zeros((5, 5)), np.ones(3), {}, "kernel must be 2-D"),
        (np.zeros((5, 5)), np.ones((0, 3)), {}, "empty"),
        (np.zeros((5, 5)), np.array([[np.nan]]), {}, "NaN"),
        (np.zeros((5, 5)), np.array([[np.inf]]), {}, "NaN or infinite"),
        (np.full((5, 5), np.nan), np.ones((3, 3)), {}, "NaN"),
        (np.zeros(5), np.ones((3, 3)), {}, "image must be 2-D"),
        (np.zeros((5, 5, 3, 1)), np.ones((3, 3)), {}, "image must be 2-D"),
        (np.zeros((0, 5)), np.ones((1, 1)), {}, "empty"),
        (np.zeros((5, 5), complex), np.ones((3, 3)), {}, "complex"),
        (np.zeros((5, 5)), np.ones((3, 3), complex), {}, "real"),
        (np.zeros((5, 5)), np.ones((3, 3)), {"boundary": "mirror"}, "reflect, zero, wrap, nearest"),
        (np.zeros((5, 5)), np.ones((3, 3)), {"method": "fast"}, "auto, direct, fft"),
    ],
)
def test_validation_errors(image, kernel, kwargs, match):
    with pytest.raises(ValueError, match=match):
        convolve(image, kernel, **kwargs)


def test_import_backend_does_not_import_streamlit():
    code = (
        "import sys; import app.backend; import app.backend.analysis, app.backend.display; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('streamlit', 'plotly')]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=".", timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
