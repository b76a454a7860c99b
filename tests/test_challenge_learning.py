"""The Challenge Lab's "let the computer guess" logic: the training pair, least squares against an
explicit numpy lstsq, gradient descent's convergence, the flagged bands of a blurred input, and the
client-side player's frames (the kernels of the steps they name)."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.lib.stride_tricks import sliding_window_view
from scipy import ndimage

from app.backend import challenges
from app.backend import images as bimages
from app.labs.challenge_lab import figures as figs
from app.labs.challenge_lab.parts import learning
from app.ui.image_picker import make_picked


@pytest.fixture(scope="module")
def camera():
    return make_picked(bimages.load_sample("camera"), name="camera", source="sample", colour=False, size=256).image


def _lstsq_reference(f, g, shape):
    """Taps by numpy's lstsq on the explicit patch matrix (valid pixels only)."""
    kh, kw = shape
    patches = sliding_window_view(f, shape).reshape(-1, kh * kw)
    target = g[kh // 2:kh // 2 + f.shape[0] - kh + 1, kw // 2:kw // 2 + f.shape[1] - kw + 1].ravel()
    x = np.linalg.lstsq(patches, target, rcond=None)[0]
    return x.reshape(shape)[::-1, ::-1]


def test_the_training_pair_is_the_hidden_output_plus_seeded_noise(camera):
    h = challenges.kernel_of("sobel_x")
    f, g = learning.pair(camera, h, noise=0.02, blur=0.0)
    clean = ndimage.correlate(camera, h[::-1, ::-1], mode="reflect")
    assert f is camera
    assert np.std(g - clean) == pytest.approx(0.02, rel=0.02)
    np.testing.assert_array_equal(g, learning.pair(camera, h, noise=0.02, blur=0.0)[1])  # seeded


def test_hidden_sobel_x_is_found_by_least_squares_and_by_descent(camera):
    h = challenges.kernel_of("sobel_x")
    r = learning.learn(camera, h, noise=0.0, blur=0.0, rate=None, momentum=None, steps=300)
    f, g = learning.pair(camera, h, noise=0.0, blur=0.0)
    np.testing.assert_allclose(r.least_squares, _lstsq_reference(f, g, (3, 3)), atol=1e-9)
    assert np.abs(r.least_squares - h).max() < 1e-6 and r.ls_error < 1e-6
    assert np.abs(r.descent.kernels[-1] - h).max() < 1e-2
    assert r.descent.losses[-1] < 1e-3 * r.descent.losses[0]


def test_more_noise_means_a_larger_least_squares_error(camera):
    h = challenges.kernel_of("sobel_x")
    errors = [learning.learn(camera, h, noise=n, blur=0.0, rate=None, momentum=None, steps=5).ls_error
              for n in (0.0, 0.01, 0.05)]
    assert errors[0] < errors[1] < errors[2]


def test_a_blurred_input_flags_the_bands_it_never_showed_and_they_are_wrong(camera):
    h = challenges.kernel_of("sobel_x")
    r = learning.learn(camera, h, noise=0.01, blur=3.0, rate=None, momentum=None, steps=5)
    flagged = ~r.bands.identifiable
    assert flagged.any() and not flagged[0]
    assert r.bands.errors[flagged].mean() >= 10 * r.bands.errors[~flagged].mean()
    sharp = learning.learn(camera, h, noise=0.01, blur=0.0, rate=None, momentum=None, steps=5)
    assert sharp.bands.identifiable.all()


def test_a_wide_kernel_is_learned_as_its_central_window(camera):
    h = challenges.kernel_of("gaussian_wide")
    assert h.shape[0] > 9 and learning.learn_shape(h) == (9, 9)
    np.testing.assert_array_equal(learning.central(h, (9, 9)), h[h.shape[0] // 2 - 4:h.shape[0] // 2 + 5,
                                                                  h.shape[1] // 2 - 4:h.shape[1] // 2 + 5])


def test_the_player_frames_are_the_descent_kernels_of_their_steps(camera):
    r = learning.learn(camera, challenges.kernel_of("sobel_x"), noise=0.0, blur=0.0, rate=None, momentum=None,
                       steps=300)
    steps = learning.player_steps(300)
    assert steps[0] == 0 and steps[-1] == 300 and len(steps) <= learning.PLAYER_FRAMES
    fig = figs.player_figure(r.descent.kernels, steps, lang="zh")
    assert [f.name for f in fig.frames] == [str(s) for s in steps]
    for frame, s in zip(fig.frames, steps):
        np.testing.assert_array_equal(np.asarray(frame.data[0].z), r.descent.kernels[s][::-1])
    np.testing.assert_array_equal(np.asarray(fig.data[0].z), r.descent.kernels[300][::-1])


def test_the_loss_and_band_charts_draw_the_computed_arrays(camera):
    r = learning.learn(camera, challenges.kernel_of("sobel_x"), noise=0.01, blur=3.0, rate=None, momentum=None,
                       steps=20)
    np.testing.assert_array_equal(figs.loss_figure(r.descent.losses, lang="en").data[0].y, r.descent.losses)
    bars = figs.band_figure(r.bands, lang="en").data[0]
    np.testing.assert_array_equal(bars.y, r.bands.errors)
    assert len(set(bars.marker.color)) == 2  # seen and never-seen bands differ in colour
