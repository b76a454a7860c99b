"""Kernel edit actions and canvas rasterisation (kernels.edit)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from app.backend.convolution import convolve
from kernels import bands, edit
from kernels.spec import KernelError

RNG = np.random.default_rng(7)
BOUNDARIES = ("reflect", "zero", "wrap", "nearest")

kernels_st = arrays(
    np.float64,
    st.tuples(st.integers(1, 9), st.integers(1, 9)),
    elements=st.floats(-10, 10, allow_nan=False, allow_infinity=False),
)


# --- normalise ---------------------------------------------------------------------------
def test_normalise_sums_to_one():
    k = edit.normalise(RNG.random((5, 5)) + 0.1)
    assert k.sum() == pytest.approx(1.0, abs=1e-12)


def test_normalise_keeps_shape_pattern_and_sign_of_negative_sum():
    k = np.array([[-1.0, -2.0, -1.0]])
    out = edit.normalise(k)
    np.testing.assert_allclose(out, [[0.25, 0.5, 0.25]])


@pytest.mark.parametrize(("bad", "message"), [
    (np.zeros((3, 3)), r"The kernel is all zeros; it cannot be normalised\."),
    (np.array([[-1.0, 2.0, -1.0]]), r"The kernel's weights sum to zero; it cannot be normalised to sum 1\."),
    (np.array([[1, 0, -1]] * 3), r"The kernel's weights sum to zero; it cannot be normalised to sum 1\."),
])
def test_normalise_zero_sum_raises(bad, message):
    with pytest.raises(KernelError, match=message):
        edit.normalise(bad)


def test_normalise_near_zero_sum_raises():
    k = np.array([[1.0, -1.0 + 1e-14]])
    with pytest.raises(KernelError, match=r"The kernel's weights sum to zero; it cannot be normalised"):
        edit.normalise(k)


@given(kernels_st)
@settings(max_examples=60, deadline=None)
def test_normalise_property(k):
    s, a = k.sum(), np.abs(k).sum()
    if a == 0 or abs(s) <= 1e-9 * a:
        with pytest.raises(KernelError, match=r"The kernel is all zeros; it cannot be normalised\."):
            edit.normalise(k)
    else:
        assert edit.normalise(k).sum() == pytest.approx(1.0, rel=1e-9, abs=1e-9)


# --- zero mean / complement --------------------------------------------------------------
def test_zero_mean_dc_response_is_zero_on_a_flat_image():
    k = edit.zero_mean(np.outer([1, 4, 6, 4, 1], [1, 4, 6, 4, 1]) / 256.0)
    assert abs(k.sum()) < 1e-15
    flat = np.full((20, 20), 0.7)
    for b in ("reflect", "wrap", "nearest"):
        assert np.abs(convolve(flat, k, boundary=b)).max() < 1e-12
    # zero padding makes the border non-flat; the interior still sees DC only
    assert np.abs(convolve(flat, k, boundary="zero")[2:-2, 2:-2]).max() < 1e-12


def test_zero_mean_turns_a_gaussian_into_a_high_pass():
    g = np.outer([1, 4, 6, 4, 1], [1, 4, 6, 4, 1]) / 256.0
    hp = edit.zero_mean(g)
    freq = np.abs(np.fft.fft2(hp, s=(64, 64)))
    assert freq[0, 0] < 1e-12  # DC gone
    # low frequencies are blocked, higher ones pass (it peaks near a quarter of the sampling rate)
    assert freq[0, 1] < 0.01 and freq[0, 15] > 0.4 and freq[0, 32] > 0.1


def test_zero_mean_of_constant_kernel_raises():
    with pytest.raises(KernelError, match=r"The kernel is constant; removing its mean leaves only zeros\."):
        edit.zero_mean(np.full((3, 3), 1 / 9))


def test_complement_splits_the_image():
    img = RNG.random((24, 24))
    box = np.full((3, 3), 1 / 9)
    low = convolve(img, box)
    high = convolve(img, edit.complement(box))
    np.testing.assert_allclose(low + high, img, atol=1e-12)
    assert abs(edit.complement(box).sum()) < 1e-15


# --- flip / transpose ----------------------------------------------------------------------
@pytest.mark.parametrize("boundary", BOUNDARIES)
def test_flip_turns_convolution_into_correlation_for_odd_kernels(boundary):
    img = RNG.random((16, 18))
    k = RNG.normal(size=(3, 5))
    np.testing.assert_allclose(
        convolve(img, edit.flip(k), boundary=boundary), convolve(img, k, boundary=boundary, correlate=True), atol=1e-12
    )


def test_flip_twice_is_identity_and_transpose_swaps():
    k = RNG.normal(size=(3, 4))
    np.testing.assert_array_equal(edit.flip(edit.flip(k)), k)
    assert edit.transpose(k).shape == (4, 3)
    sobel_x = np.array([[1, 0, -1], [2, 0, -2], [1, 0, -1]], float)
    np.testing.assert_array_equal(edit.transpose(sobel_x), sobel_x.T)


# --- resize --------------------------------------------------------------------------------
@pytest.mark.parametrize("old,new", [((3, 3), (7, 7)), ((4, 4), (9, 6)), ((3, 5), (4, 8)), ((1, 1), (2, 3))])
@pytest.mark.parametrize("boundary", BOUNDARIES)
def test_pad_keeps_the_output(old, new, boundary):
    img = RNG.random((20, 22))
    k = RNG.normal(size=old)
    big = edit.resize(k, new)
    assert big.shape == new
    np.testing.assert_allclose(convolve(img, big, boundary=boundary), convolve(img, k, boundary=boundary), atol=1e-12)
    np.testing.assert_allclose(
        convolve(img, big, boundary=boundary, correlate=True),
        convolve(img, k, boundary=boundary, correlate=True),
        atol=1e-12,
    )


def test_crop_keeps_the_centre():
    k = np.arange(25.0).reshape(5, 5)
    np.testing.assert_array_equal(edit.resize(k, 3), k[1:4, 1:4])
    assert edit.resize(k, 1)[0, 0] == k[2, 2]
    # pad then crop back is the identity
    np.testing.assert_array_equal(edit.resize(edit.resize(k, (9, 8)), (5, 5)), k)


@given(kernels_st, st.integers(1, 31), st.integers(1, 31))
@settings(max_examples=60, deadline=None)
def test_resample_preserves_sum(k, h, w):
    out = edit.resize(k, (h, w), method="resample")
    assert out.shape == (h, w)
    assert out.sum() == pytest.approx(k.sum(), rel=1e-9, abs=1e-9)


def test_resample_box_stays_a_box():
    out = edit.resize(np.full((3, 3), 1 / 9), 9, method="resample")
    np.testing.assert_allclose(out, np.full((9, 9), 1 / 81))


def test_resize_rejects_bad_sizes_and_methods():
    for bad in (0, 64):
        with pytest.raises(KernelError, match=r"The new size must be between 1 and 63\."):
            edit.resize(np.ones((3, 3)), bad)
    with pytest.raises(KernelError, match=r"Unknown resize method 'cubic'; choose one of pad, resample\."):
        edit.resize(np.ones((3, 3)), 5, method="cubic")


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ([[1, 2], [3]], r"The kernel must be a rectangular table of numbers\."),
        ([[1, np.nan]], r"Row 1, column 2 is not a finite number \(nan\)\."),
        ([[np.inf]], r"Row 1, column 1 is not a finite number \(inf\)\."),
        ("abc", r"The kernel must contain only numbers\."),
        (np.ones((64, 2)), r"The kernel is 64×2; the largest allowed is 63×63\."),
        (np.ones((2, 2, 2)), r"The array has 3 dimensions; a kernel needs 2 \(rows × columns\)\."),
        (np.zeros((0, 3)), r"The kernel is empty\."),
    ],
)
def test_as_kernel_rejects(bad, message):
    with pytest.raises(KernelError, match=message):
        edit.as_kernel(bad)


# --- canvas rasterisation ------------------------------------------------------------------
def _canvas(side=300):
    return np.zeros((side, side, 4), np.uint8)


def test_rasterise_horizontal_stroke_is_a_horizontal_motion_blur():
    c = _canvas()
    c[140:160, :, :3] = 255
    c[140:160, :, 3] = 255
    k = edit.rasterise_canvas(c, 15)
    assert k.sum() == pytest.approx(1.0)
    assert np.argmax(k.sum(axis=1)) == 7  # the middle row holds the weight
    np.testing.assert_allclose(k[7], np.full(15, k[7, 0]))  # uniform along the stroke
    assert k[7].sum() > 0.99


def test_rasterise_diagonal_stroke():
    c = _canvas(150)
    for i in range(150):
        c[max(0, i - 4) : i + 5, i, 3] = 255
    k = edit.rasterise_canvas(c, 5)
    assert np.diag(k).sum() > 0.5
    assert k[0, 4] == pytest.approx(0.0, abs=1e-12) and k[4, 0] == pytest.approx(0.0, abs=1e-12)


def test_rasterise_area_average_of_alpha():
    c = _canvas(100)
    c[:50, :50, 3] = 255  # top-left quarter full ink
    c[50:, 50:, 3] = 128  # bottom-right half ink
    k = edit.rasterise_canvas(c, 2, normalise_sum=False)
    np.testing.assert_allclose(k, [[1.0, 0.0], [0.0, 128 / 255]])


def test_rasterise_non_integer_ratio_and_even_size():
    c = _canvas(280)
    c[..., 3] = 255
    k = edit.rasterise_canvas(c, (6, 4), normalise_sum=False)
    np.testing.assert_allclose(k, np.ones((6, 4)))


def test_rasterise_signed_red_positive_blue_negative():
    c = _canvas(90)
    c[:, :30, 0] = 255
    c[:, :30, 3] = 255  # red left column
    c[:, 60:, 2] = 255
    c[:, 60:, 3] = 255  # blue right column
    k = edit.rasterise_canvas(c, 3, normalise_sum=False, signed=True)
    np.testing.assert_allclose(k, [[1, 0, -1]] * 3)


def test_rasterise_crop_to_ink():
    c = _canvas(300)
    c[100:110, 100:200, 3] = 255  # a short stroke in the middle
    k = edit.rasterise_canvas(c, 5, crop=True)
    assert (k[2] > 0).all()  # fills the full width after cropping


def test_rasterise_empty_canvas_raises_when_normalising():
    with pytest.raises(KernelError, match=r"The canvas is empty; draw something first\."):
        edit.rasterise_canvas(_canvas(50), 5)
    assert not edit.rasterise_canvas(_canvas(50), 5, normalise_sum=False).any()


@pytest.mark.parametrize("size", [0, 32])
def test_rasterise_rejects_sizes(size):
    with pytest.raises(KernelError, match=r"The kernel size must be between 1 and 31\."):
        edit.rasterise_canvas(_canvas(50), size)


def test_rasterise_rejects_non_images():
    with pytest.raises(KernelError, match=r"Expected an RGBA drawing \(H, W, 4\); got shape \(5, 5, 2\)\."):
        edit.rasterise_canvas(np.zeros((5, 5, 2)), 3)


# --- measured band -------------------------------------------------------------------------
def test_measured_band_agrees_with_the_catalogue():
    import kernels

    for spec in kernels.catalog():
        k = kernels.make(spec.name, **kernels.defaults(spec.name))
        assert bands.measured_band(k) == kernels.expected_band(spec.name), spec.name


def test_measured_band_of_edited_kernels():
    g = np.outer([1, 4, 6, 4, 1], [1, 4, 6, 4, 1]) / 256.0
    assert bands.measured_band(g) == "low"
    assert bands.measured_band(edit.complement(g)) == "high"
    assert bands.measured_band(edit.zero_mean(g)) == "band"
    assert bands.measured_band([[1.0]]) == "all"
