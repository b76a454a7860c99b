"""Learning a kernel from an input/output pair, against independent numpy least squares."""

import numpy as np
import pytest
from scipy import ndimage

import kernels
from app.backend import load_sample
from app.backend.kernel_learning import (
    KAPPA_CAP,
    MAX_LEARN_SIDE,
    band_errors,
    best_rate_and_momentum,
    gradient_descent_kernel,
    least_squares_kernel,
    normal_equations,
)


@pytest.fixture(scope="module")
def camera():
    return load_sample("camera")


def _hidden_output(f, h, noise=0.0, seed=0):
    # scipy's convolve with its own anchor rule (the centre, higher index for even sides)
    g = ndimage.convolve(f, h, mode="reflect")
    return g + noise * np.random.default_rng(seed).standard_normal(f.shape)


def test_least_squares_recovers_hidden_sobel_x_on_the_camera(camera):
    h = kernels.make("sobel_x")
    est = least_squares_kernel(camera, _hidden_output(camera, h), (3, 3))
    assert np.abs(est - h).max() < 1e-6


@pytest.mark.parametrize("h", [np.array([[0.0, 0.5, 0.5]]), np.arange(12.0).reshape(3, 4) / 10,
                               np.array([[1.0, -2.0], [0.5, 0.25]])])
def test_least_squares_recovers_asymmetric_and_even_kernels(h):
    f = np.random.default_rng(4).random((40, 36))
    est = least_squares_kernel(f, _hidden_output(f, h), h.shape)
    np.testing.assert_allclose(est, h, atol=1e-9)


def test_normal_equations_equal_numpy_lstsq_on_noisy_data():
    rng = np.random.default_rng(8)
    f = rng.random((30, 30))
    h = rng.standard_normal((3, 3))
    g = _hidden_output(f, h, noise=0.05)
    # independent: explicit design matrix of the interior pixels, flipped kernel columns
    rows, b = [], []
    for i in range(1, 29):
        for j in range(1, 29):
            rows.append(f[i - 1:i + 2, j - 1:j + 2][::-1, ::-1].ravel())
            b.append(g[i, j])
    expected = np.linalg.lstsq(np.array(rows), np.array(b), rcond=None)[0].reshape(3, 3)
    np.testing.assert_allclose(least_squares_kernel(f, g, (3, 3)), expected, atol=1e-10)


def test_gradient_descent_learns_sobel_x_within_300_steps(camera):
    h = kernels.make("sobel_x")
    eq = normal_equations(camera, _hidden_output(camera, h), (3, 3))
    descent = gradient_descent_kernel(eq, steps=300)
    assert np.abs(descent.kernels[-1] - h).max() < 1e-2
    assert descent.losses[-1] < 1e-4 * descent.losses[0]
    # plain steps (no momentum, a safe rate) crawl on a natural image: the reason for momentum
    plain = gradient_descent_kernel(eq, steps=300, rate=1.9, momentum=0.0)
    assert np.abs(plain.kernels[-1] - h).max() > 10 * np.abs(descent.kernels[-1] - h).max()


def test_best_rate_and_momentum_follow_the_curvature_eigenvalues():
    rng = np.random.default_rng(9)
    f = rng.random((32, 32))
    eq = normal_equations(f, f, (2, 2))
    lam = np.linalg.eigvalsh(eq.gram)
    rate, momentum = best_rate_and_momentum(eq)
    kappa = lam[-1] / lam[0]
    assert kappa < KAPPA_CAP  # this input is well conditioned: no cap applies
    assert rate == pytest.approx(0.9 * 4 * lam[-1] / (np.sqrt(lam[-1]) + np.sqrt(lam[0])) ** 2)
    assert momentum == pytest.approx(((np.sqrt(kappa) - 1) / (np.sqrt(kappa) + 1)) ** 2)


def test_default_descent_never_blows_up_on_a_blurred_input(camera):
    """A σ = 3 blur leaves curvatures 10⁻¹⁰ of the largest: the defaults must still lower the loss."""
    h = kernels.make("sobel_x")
    blurred = ndimage.gaussian_filter(camera[::2, ::2], 3.0, mode="reflect")
    eq = normal_equations(blurred, _hidden_output(blurred, h, noise=0.01), (3, 3))
    lam = np.linalg.eigvalsh(eq.gram)
    assert lam[-1] / lam[0] > 1e6  # far past the cap
    d = gradient_descent_kernel(eq, steps=300)
    assert d.losses.max() <= 1.05 * d.losses[0]  # momentum may overshoot a little, never run away
    assert d.losses[-1] < 0.1 * d.losses[0]


def test_loss_decreases_along_the_descent_with_momentum_off_and_a_small_rate():
    f = np.random.default_rng(10).random((24, 24))
    eq = normal_equations(f, _hidden_output(f, np.ones((3, 3)) / 9), (3, 3))
    d = gradient_descent_kernel(eq, steps=50, rate=1.0, momentum=0.0)
    assert np.all(np.diff(d.losses) <= 1e-15)


def test_bands_the_blurred_input_never_showed_are_flagged_and_have_large_errors(camera):
    h = kernels.make("sobel_x")
    blurred = ndimage.gaussian_filter(camera, 3.0, mode="reflect")
    est = least_squares_kernel(blurred, _hidden_output(blurred, h, noise=0.01), (3, 3))
    bands = band_errors(blurred, est, h)
    flagged = ~bands.identifiable
    assert flagged.any() and (~flagged).any()
    assert bands.errors[flagged].mean() >= 10 * bands.errors[~flagged].mean()
    # independent check of the flags' direction: the blur removed high frequencies, so only the
    # outer rings may be flagged
    assert flagged.tolist() == sorted(flagged.tolist())
    # the input's energy shares: a distribution over the rings, mostly in the inner ring after a blur
    assert bands.input_share.min() >= 0 and bands.input_share.sum() == pytest.approx(1.0)
    assert int(np.argmax(bands.input_share)) == 0 and bands.input_share[flagged].sum() < 1e-3


def test_a_sharp_input_leaves_no_band_unidentifiable(camera):
    h = kernels.make("sobel_x")
    est = least_squares_kernel(camera, _hidden_output(camera, h), (3, 3))
    assert band_errors(camera, est, h).identifiable.all()


def test_bad_inputs_are_refused():
    with pytest.raises(ValueError, match="one shape"):
        least_squares_kernel(np.zeros((8, 8)), np.zeros((8, 9)), (3, 3))
    with pytest.raises(ValueError, match="kernel height"):
        least_squares_kernel(np.zeros((64, 64)), np.zeros((64, 64)), (MAX_LEARN_SIDE + 1, 3))
    with pytest.raises(ValueError, match="too small"):
        least_squares_kernel(np.zeros((5, 5)), np.zeros((5, 5)), (3, 3))
    with pytest.raises(ValueError, match="finite"):
        least_squares_kernel(np.full((8, 8), np.nan), np.zeros((8, 8)), (3, 3))
