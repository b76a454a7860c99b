"""A Gaussian's size follows sigma (2⌈3σ⌉ + 1, within 3 … 63) unless it is given explicitly."""

from __future__ import annotations

import math

import numpy as np
import pytest

import kernels
from kernels.spatial import gaussian, gaussian_size


@pytest.mark.parametrize(("sigma", "side"), [(0.1, 3), (0.5, 5), (1.0, 7), (1.5, 11), (2.0, 13), (3.0, 19),
                                             (10.0, 61), (10.5, 63), (20.0, 63)])
def test_make_with_only_sigma_sizes_the_kernel_to_three_sigma(sigma, side):
    k = kernels.make("gaussian", sigma=sigma)
    assert k.shape == (side, side)
    assert kernels.validate_params("gaussian", {"sigma": sigma}) == {"size": side, "sigma": float(sigma)}
    assert gaussian(sigma=sigma).shape == (side, side)
    assert gaussian_size(sigma) == side


def test_explicit_size_wins():
    assert kernels.make("gaussian", sigma=3.0, size=5).shape == (5, 5)
    assert kernels.make("gaussian", size=5).shape == (5, 5)
    assert kernels.coerce_params("gaussian", {"sigma": "3", "size": "9"}) == {"size": 9, "sigma": 3.0}


def test_sigma_3_is_a_gaussian_not_a_box():
    """At 19×19 the edge weight is e^{-4.5} of the centre's; the old 5×5 cut it at e^{-2/9} (a near-box)."""
    k = kernels.make("gaussian", sigma=3.0)
    centre, edge = k[9, 9], k[9, 0]
    assert edge / centre == pytest.approx(math.exp(-81 / 18), rel=1e-12)
    short = kernels.make("gaussian", sigma=3.0, size=5)
    assert short[2, 0] / short[2, 2] > 0.8  # what the old default did: almost flat
    # spectrum: the largest side lobe (gain after the first dip) of the short one is box-like
    def side_lobe(kernel):
        gain = np.abs(np.fft.rfft(kernel.sum(axis=0), 512))
        first_dip = int(np.argmax(np.diff(gain) > 0))
        return float(gain[first_dip:].max())

    assert side_lobe(k) < 2e-3  # the 3σ Gaussian: lobes near -60 dB
    assert side_lobe(short) > 0.1  # the 5×5 cut: lobes above -20 dB, like a box


def test_defaults_follow_the_same_rule():
    spec = kernels.get("gaussian")
    assert kernels.defaults("gaussian")["size"] == gaussian_size(kernels.defaults("gaussian")["sigma"])
    np.testing.assert_array_equal(kernels.make("gaussian"), kernels.make("gaussian", sigma=1.0))
    assert spec.follow("size", {"sigma": 3.0}) == 19


def test_cli_param_sigma_follows(tmp_path):
    from tests.test_cli import ok

    ok("kernel", "gaussian", "--param", "sigma=3", "--out", tmp_path / "g.npy")
    np.testing.assert_array_equal(np.load(tmp_path / "g.npy"), gaussian(19, 3.0))
