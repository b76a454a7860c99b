"""Tests of the frequency-domain masks (kernels/frequency.py)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kernels import KernelError
from kernels import frequency as F

SHAPES = [(64, 64), (63, 63), (64, 65), (65, 64), (32, 50), (1, 16), (17, 1), (2, 2), (3, 5)]


def mirror_reference(m: np.ndarray) -> np.ndarray:
    """out[k] = m[-k mod N] in unshifted indexing, written with explicit indices."""
    u = np.fft.ifftshift(m)
    h, w = u.shape
    rows = (-np.arange(h)) % h
    cols = (-np.arange(w)) % w
    return np.fft.fftshift(u[np.ix_(rows, cols)])


def all_band_masks(shape):
    for kind in F.MASK_KINDS:
        yield f"{kind}-low", F.lowpass(shape, 0.3, kind, order=3)
        yield f"{kind}-high", F.highpass(shape, 0.3, kind, order=3)
        yield f"{kind}-bandpass", F.bandpass(shape, 0.2, 0.6, kind, order=3)
        yield f"{kind}-bandstop", F.bandstop(shape, 0.2, 0.6, kind, order=3)
        yield f"{kind}-notch", F.notch(shape, [(0.3, -0.5), (-0.9, 0.25), (1.0, 1.0)], 0.1, kind, order=3)


# ----------------------------------------------------------------------------- grid conventions
def test_grid_matches_numpy_fftshift_fftfreq():
    fy, fx = F.frequency_grid((6, 7))
    np.testing.assert_array_equal(fy.ravel(), np.fft.fftshift(np.fft.fftfreq(6)))
    np.testing.assert_array_equal(fx.ravel(), np.fft.fftshift(np.fft.fftfreq(7)))
    d = F.radius_grid((8, 8))
    assert d[4, 4] == 0 and d[0, 4] == 1.0 and d[4, 0] == 1.0
    assert d[0, 0] == pytest.approx(math.sqrt(2))


@pytest.mark.parametrize("shape", SHAPES)
def test_mirror_matches_index_definition(shape):
    m = np.random.default_rng(0).random(shape)
    np.testing.assert_array_equal(F.mirror(m), mirror_reference(m))
    np.testing.assert_array_equal(F.mirror(F.mirror(m)), m)


# ----------------------------------------------------------------------------- Hermitian symmetry
@pytest.mark.parametrize("shape", SHAPES)
def test_masks_are_exactly_hermitian_symmetric(shape):
    for label, m in all_band_masks(shape):
        assert m.shape == shape and m.dtype == np.float64, label
        np.testing.assert_array_equal(m, mirror_reference(m), err_msg=label)
        assert F.is_hermitian(m), label
        assert np.isfinite(m).all() and m.min() >= 0 and m.max() <= 1, label


@pytest.mark.parametrize("shape", [(64, 64), (63, 65), (50, 31)])
def test_filtered_real_image_stays_real(shape):
    img = np.random.default_rng(1).random(shape)
    spec = np.fft.fft2(img)
    for label, m in all_band_masks(shape):
        out = np.fft.ifft2(spec * np.fft.ifftshift(m))
        assert np.abs(out.imag).max() <= 1e-12, label


def test_random_mask_is_not_hermitian_until_symmetrized():
    m = np.random.default_rng(2).random((8, 9))
    assert not F.is_hermitian(m)
    s = F.symmetrize(m)
    assert F.is_hermitian(s)
    assert F.is_hermitian(s + 1e-14 * np.random.default_rng(3).random((8, 9)), atol=1e-12)


@settings(max_examples=50, deadline=None)
@given(
    h=st.integers(1, 40), w=st.integers(1, 40),
    centres=st.lists(st.tuples(st.floats(-1, 1), st.floats(-1, 1)), min_size=0, max_size=4),
    radius=st.floats(0.01, 0.5),
    kind=st.sampled_from(F.MASK_KINDS),
    order=st.integers(1, 10),
)
def test_notch_is_hermitian_for_any_centres(h, w, centres, radius, kind, order):
    m = F.notch((h, w), centres, radius, kind, order=order)
    np.testing.assert_array_equal(m, mirror_reference(m))
    p = F.notch((h, w), centres, radius, kind, order=order, band="pass")
    np.testing.assert_allclose(p, 1 - m, atol=0)


# ----------------------------------------------------------------------------- gains
@pytest.mark.parametrize("order", range(1, 11))
@pytest.mark.parametrize("shape", [(64, 64), (128, 96)])
def test_butterworth_is_half_at_the_cutoff(order, shape):
    # cutoff 0.25 of Nyquist = 0.125 cycles/pixel = exactly 8 bins of 64 / 16 bins of 128
    m = F.lowpass(shape, 0.25, "butterworth", order=order)
    cy, cx = shape[0] // 2, shape[1] // 2
    on_x = cx + round(0.125 * shape[1])
    on_y = cy + round(0.125 * shape[0])
    assert m[cy, on_x] == pytest.approx(0.5, abs=1e-12)
    assert m[on_y, cx] == pytest.approx(0.5, abs=1e-12)
    assert m[cy, cx] == 1.0
    hp = F.highpass(shape, 0.25, "butterworth", order=order)
    assert hp[cy, on_x] == pytest.approx(0.5, abs=1e-12)


def test_butterworth_gets_steeper_with_order():
    d_in, d_out = [], []
    for n in range(1, 11):
        m = F.lowpass((64, 64), 0.25, "butterworth", order=n)
        d_in.append(m[32, 32 + 6])   # inside the cutoff
        d_out.append(m[32, 32 + 10])  # outside
    assert np.all(np.diff(d_in) > 0) and np.all(np.diff(d_out) < 0)


@pytest.mark.parametrize("cutoff,bins", [(0.25, 8), (0.5, 16), (0.125, 4), (1.0, 32)])
def test_gaussian_is_e_to_minus_half_at_the_cutoff(cutoff, bins):
    m = F.lowpass((64, 64), cutoff, "gaussian")
    assert m[32, 32 - bins] == pytest.approx(math.exp(-0.5), abs=1e-12)
    assert m[32 - bins, 32] == pytest.approx(math.exp(-0.5), abs=1e-12)
    assert F.highpass((64, 64), cutoff, "gaussian")[32, 32 - bins] == pytest.approx(1 - math.exp(-0.5), abs=1e-12)


def test_ideal_is_a_brick_wall_including_the_cutoff():
    m = F.lowpass((64, 64), 0.25, "ideal")
    assert m[32, 32 + 8] == 1.0 and m[32, 32 + 9] == 0.0
    assert set(np.unique(m)) == {0.0, 1.0}
    np.testing.assert_array_equal(F.highpass((64, 64), 0.25, "ideal"), 1 - m)


@pytest.mark.parametrize("kind", F.MASK_KINDS)
def test_high_is_one_minus_low_and_bands_are_complementary(kind):
    shape = (40, 48)
    np.testing.assert_array_equal(F.highpass(shape, 0.4, kind), 1 - F.lowpass(shape, 0.4, kind))
    bp = F.bandpass(shape, 0.2, 0.7, kind)
    np.testing.assert_array_equal(F.bandstop(shape, 0.2, 0.7, kind), 1 - bp)
    np.testing.assert_allclose(bp, F.highpass(shape, 0.2, kind) * F.lowpass(shape, 0.7, kind), atol=0)
    assert bp[20, 24] < 1e-12  # DC removed by a band-pass


def test_bandpass_keeps_the_middle_ring():
    m = F.bandpass((64, 64), 0.2, 0.6, "ideal")
    # radius 0.4 of Nyquist = 12.8 bins → bin 13 ≈ 0.406 in, bin 2 (0.0625) out, bin 25 (0.78) out
    assert m[32, 32 + 13] == 1 and m[32, 32 + 2] == 0 and m[32, 32 + 25] == 0


def test_named_wrappers_match_the_generic_builders():
    s = (32, 32)
    np.testing.assert_array_equal(F.ideal(s, 0.3), F.lowpass(s, 0.3, "ideal"))
    np.testing.assert_array_equal(F.butterworth(s, 0.3, "high", order=4), F.highpass(s, 0.3, "butterworth", 4))
    np.testing.assert_array_equal(F.gaussian(s, (0.1, 0.5), "bandpass"), F.bandpass(s, 0.1, 0.5, "gaussian"))
    np.testing.assert_array_equal(F.ideal(s, (0.1, 0.5), "bandstop"), F.bandstop(s, 0.1, 0.5, "ideal"))


# ----------------------------------------------------------------------------- errors
@pytest.mark.parametrize("low,high", [(0.5, 0.3), (0.4, 0.4), (0.9, 0.1)])
@pytest.mark.parametrize("fn", [F.bandpass, F.bandstop])
def test_band_with_low_not_below_high_is_a_clear_error(fn, low, high):
    with pytest.raises(KernelError, match="low cutoff below the high cutoff") as info:
        fn((32, 32), low, high)
    assert f"{low:g}" in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize("cutoff", [0, -0.1, 1.01, float("nan"), float("inf"), "0.3", None, True])
def test_bad_cutoffs(cutoff):
    with pytest.raises(KernelError, match="cutoff"):
        F.lowpass((16, 16), cutoff)


@pytest.mark.parametrize("order", [0, 11, 2.5, "2", True])
def test_bad_butterworth_order(order):
    with pytest.raises(KernelError, match="order"):
        F.lowpass((16, 16), 0.3, "butterworth", order=order)


@pytest.mark.parametrize("shape", [(0, 4), (4,), (4, 4, 4), "abc", (2.5, 4), (10_000, 4), None])
def test_bad_shapes(shape):
    with pytest.raises(KernelError, match="shape"):
        F.lowpass(shape, 0.3)


def test_other_bad_arguments():
    with pytest.raises(KernelError, match="kind"):
        F.lowpass((8, 8), 0.3, "chebyshev")
    with pytest.raises(KernelError, match="band"):
        F.ideal((8, 8), 0.3, band="middle")
    with pytest.raises(KernelError, match="two cutoffs"):
        F.ideal((8, 8), 0.3, band="bandpass")
    with pytest.raises(KernelError, match="one cutoff"):
        F.ideal((8, 8), (0.1, 0.3), band="low")
    with pytest.raises(KernelError, match="pair"):
        F.notch((8, 8), [(0.1, 0.2, 0.3)])
    with pytest.raises(KernelError, match="from -1 to 1"):
        F.notch((8, 8), [(1.5, 0.0)])
    with pytest.raises(KernelError, match="list of"):
        F.notch((8, 8), 5)
    with pytest.raises(KernelError, match="radius"):
        F.notch((8, 8), [(0.5, 0.5)], radius=0)
    with pytest.raises(KernelError, match="reject"):
        F.notch((8, 8), [(0.5, 0.5)], band="stop")


# ----------------------------------------------------------------------------- notch
def _sinusoid_db_drop(shape, kx, ky, kind):
    """Energy drop (dB) of a grid-aligned sinusoid at (kx, ky) bins after the notch at its frequency."""
    h, w = shape
    y, x = np.mgrid[0:h, 0:w]
    rng = np.random.default_rng(5)
    base = np.fft.ifft2(np.fft.fft2(rng.random(shape)) * np.fft.ifftshift(F.lowpass(shape, 0.15, "gaussian"))).real
    wave = 0.5 * np.cos(2 * np.pi * (kx * x / w + ky * y / h) + 0.7)
    img = base + wave
    fx, fy = 2.0 * kx / w, 2.0 * ky / h  # fractions of Nyquist
    m = F.notch(shape, [(fx, fy)], radius=0.04, kind=kind, order=2)
    out = F.apply_mask(img, m)
    spec_in = np.abs(np.fft.fft2(img))[ky % h, kx % w] ** 2
    spec_out = np.abs(np.fft.fft2(out))[ky % h, kx % w] ** 2
    drop = 10 * np.log10(spec_in / max(spec_out, 1e-300))
    # and the rest of the picture survives
    kept = np.linalg.norm(out - base) / np.linalg.norm(base)
    return drop, kept


@pytest.mark.parametrize("kind", F.MASK_KINDS)
@pytest.mark.parametrize("shape,kx,ky", [((128, 128), 20, 0), ((128, 128), 17, -23), ((99, 120), -30, 12),
                                         ((64, 64), 0, 25)])
def test_notch_removes_a_sinusoid_by_40_db(kind, shape, kx, ky):
    drop, kept = _sinusoid_db_drop(shape, kx, ky, kind)
    assert drop >= 40.0
    assert kept < 0.05  # what remains is the picture without the wave


def test_notch_places_the_mirror_and_leaves_dc():
    m = F.notch((64, 64), [(0.25, 0.5)], radius=0.05, kind="ideal")
    assert m[32 + 16, 32 + 8] == 0 and m[32 - 16, 32 - 8] == 0
    assert m[32, 32] == 1
    # giving the mirror explicitly changes nothing
    np.testing.assert_array_equal(F.notch((64, 64), [(0.25, 0.5), (-0.25, -0.5)], 0.05, "ideal"), m)
    assert (F.notch((64, 64), [], 0.05) == 1).all()


def test_notch_at_the_nyquist_edge_of_an_even_grid_is_symmetric():
    m = F.notch((8, 8), [(-1.0, 0.5)], radius=0.3, kind="gaussian")
    np.testing.assert_array_equal(m, mirror_reference(m))
    assert m[4 + 2, 0] < 0.01  # the notch itself


# ----------------------------------------------------------------------------- implied kernels
def test_implied_kernel_of_a_gaussian_mask_is_a_gaussian():
    d0 = 0.2  # fraction of Nyquist → sigma_f = 0.1 cycles/pixel, sigma ≈ 1.6 px
    sigma = 1.0 / (2 * np.pi * (d0 / 2))
    m = F.lowpass((64, 64), d0, "gaussian")
    k = F.implied_kernel(m, size=15)
    r = np.arange(-7, 8)
    g = np.exp(-(r[:, None] ** 2 + r[None, :] ** 2) / (2 * sigma**2)) / (2 * np.pi * sigma**2)
    np.testing.assert_allclose(k, g, atol=1e-6)
    assert F.implied_kernel(m).sum() == pytest.approx(1.0)


def test_implied_kernel_of_an_ideal_mask_rings():
    k = F.implied_kernel(F.lowpass((128, 128), 0.2, "ideal"), size=31)
    assert k[15, 15] == k.max()
    assert k.min() < -0.05 * k.max()  # Gibbs: negative side lobes
    k_g = F.implied_kernel(F.lowpass((128, 128), 0.2, "gaussian"), size=31)
    assert k_g.min() > -1e-6 * k_g.max()


def test_implied_kernel_convolution_equals_the_mask():
    img = np.random.default_rng(7).random((32, 32))
    m = F.bandpass((32, 32), 0.1, 0.5, "butterworth")
    k = F.implied_kernel(m)
    # circular convolution with the full kernel centred at (16, 16)
    out = np.fft.ifft2(np.fft.fft2(img) * np.fft.fft2(np.fft.ifftshift(k))).real
    np.testing.assert_allclose(out, F.apply_mask(img, m), atol=1e-12)
    with pytest.raises(KernelError, match="odd"):
        F.implied_kernel(m, size=4)
    with pytest.raises(KernelError, match="match"):
        F.apply_mask(img, m[:-1])


def test_unit_conversions():
    assert F.cycles_to_nyquist(0.25) == 0.5
    assert F.nyquist_to_cycles(0.5) == 0.25


# ----------------------------------------------------------------------------- range ends
_BUILDERS = {"low": F.lowpass, "high": F.highpass, "bandpass": F.bandpass, "bandstop": F.bandstop}


def _band_cases():
    out = []
    for kind in F.MASK_KINDS:
        orders = (1, F.MAX_ORDER) if kind == "butterworth" else (2,)
        for band in F.MASK_BANDS:
            ends = [(0.01,), (1.0,), (0.25,)] if band in ("low", "high") else [(0.01, 1.0), (0.98, 0.99), (0.2, 0.5)]
            out += [(kind, band, cut, order) for cut in ends for order in orders]
    return out


@pytest.mark.parametrize("kind,band,cutoffs,order", _band_cases())
@pytest.mark.parametrize("shape", [(48, 48), (47, 50)])
def test_band_masks_at_the_range_ends_are_gains_and_hermitian(kind, band, cutoffs, order, shape):
    m = _BUILDERS[band](shape, *cutoffs, kind, order)
    assert m.shape == shape and m.dtype == np.float64
    assert np.isfinite(m).all() and m.min() >= 0 and m.max() <= 1
    np.testing.assert_array_equal(m, mirror_reference(m))


def test_mask_builders_refuse_bad_values_with_a_clear_message():
    s = (32, 40)
    with pytest.raises(KernelError, match="low cutoff below the high cutoff"):
        F.bandpass(s, 0.6, 0.3, "ideal")
    with pytest.raises(KernelError, match=r"above 0 and at most 1"):
        F.lowpass(s, 2, "ideal")
    with pytest.raises(KernelError, match=r"whole number from 1 to 10"):
        F.butterworth(s, 0.3, "low", order=0)
    with pytest.raises(KernelError, match="Unknown notch band"):
        F.notch(s, [(0.5, 0.5)], 0.1, "ideal", band="low")
    with pytest.raises(KernelError, match="Unknown band"):
        F.ideal(s, 0.3, band="sideways")
    with pytest.raises(KernelError, match="how must be 'mean', 'min' or 'max'"):
        F.symmetrize(np.ones((4, 4)), "median")
