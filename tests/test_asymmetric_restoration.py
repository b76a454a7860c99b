"""Inverse and Wiener restoration with kernels that are NOT symmetric about their centre.

For a kernel symmetric under a 180° turn ``H`` is real and ``conj(H) == H``, so a Wiener filter
written with ``H`` instead of ``conj(H)`` passes every symmetric test. Here ``H`` is complex
(a two-tap shift ``[[0, .5, .5]]``, a one-sided motion blur, a seeded random 5×5), and every
restoration is compared with an independent ``G·conj(H)/(|H|²+K)`` built from ``numpy.fft`` and
a blur from ``scipy.ndimage`` (never ConvScope's own functions) — in the library and through the
command line's ``--kernel-file``.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import ndimage

from app.backend import optimal_wiener_k, restoration_curve, wiener_filter
from app.backend.deconvolution import inverse_filter
from app.backend.images import load_sample, working_copy
from tests.test_cli import ok

SHAPE = (24, 33)  # odd width: the two-tap kernel's H has no exact zero (it vanishes only at Nyquist)

ASYMMETRIC = {
    "two_tap_shift": np.array([[0.0, 0.5, 0.5]]),
    "one_sided_motion": np.array([[0.0, 0.0, 0.0, 0.25, 0.25, 0.25, 0.25]]),
    "random_5x5": np.random.default_rng(7).random((5, 5)),
}


def _reference_h(kernel: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """``H`` of a kernel anchored at its centre, zero-padded to the grid (uncentred, numpy.fft)."""
    grid = np.zeros(shape)
    kh, kw = kernel.shape
    grid[:kh, :kw] = kernel
    return np.fft.fft2(np.roll(grid, (-(kh // 2), -(kw // 2)), axis=(0, 1)))


def _reference_wiener(g: np.ndarray, kernel: np.ndarray, k: float) -> np.ndarray:
    h = _reference_h(kernel, g.shape)
    return np.fft.ifft2(np.fft.fft2(g) * np.conj(h) / (np.abs(h) ** 2 + k)).real


def _blurred(kernel: np.ndarray, shape: tuple[int, int] = SHAPE, noise: float = 0.01) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(3)
    clean = rng.random(shape)
    g = ndimage.convolve(clean, kernel, mode="wrap") + rng.normal(0.0, noise, shape)
    return clean, g


@pytest.mark.parametrize("name", sorted(ASYMMETRIC))
def test_the_kernels_are_asymmetric_so_h_is_complex(name):
    h = _reference_h(ASYMMETRIC[name], SHAPE)
    assert np.abs(h.imag).max() > 0.1  # conj(H) != H: the test below can tell them apart


@pytest.mark.parametrize("k", [0.0, 1e-3, 0.1])
@pytest.mark.parametrize("name", sorted(ASYMMETRIC))
def test_wiener_with_an_asymmetric_kernel_uses_conj_h(name, k):
    kernel = ASYMMETRIC[name]
    _clean, g = _blurred(kernel)
    np.testing.assert_allclose(wiener_filter(g, kernel, k), _reference_wiener(g, kernel, k), atol=1e-9)


@pytest.mark.parametrize("name", sorted(ASYMMETRIC))
def test_inverse_filter_with_an_asymmetric_kernel_undoes_the_blur(name):
    kernel = ASYMMETRIC[name]
    clean, g = _blurred(kernel, noise=0.0)
    h = _reference_h(kernel, SHAPE)
    assert np.abs(h).min() > 1e-3  # no frequency is left out at eps = 1e-3
    restored, suppressed = inverse_filter(g, kernel, eps=1e-3)
    assert not suppressed.any()
    np.testing.assert_allclose(restored, np.fft.ifft2(np.fft.fft2(g) / h).real, atol=1e-9)
    np.testing.assert_allclose(restored, clean, atol=1e-9)


@pytest.mark.parametrize("name", sorted(ASYMMETRIC))
def test_restoration_curve_and_optimal_k_with_an_asymmetric_kernel(name):
    kernel = ASYMMETRIC[name]
    clean, g = _blurred(kernel, noise=0.02)
    ks = [1e-4, 1e-2, 1.0]
    expected = [np.sqrt(np.mean((_reference_wiener(g, kernel, k) - clean) ** 2)) for k in ks]
    np.testing.assert_allclose(restoration_curve(g, kernel, clean, ks), expected, rtol=1e-9)
    best = optimal_wiener_k(g, kernel, clean)
    assert best.rmse == pytest.approx(np.sqrt(np.mean((_reference_wiener(g, kernel, best.k) - clean) ** 2)), rel=1e-9)


@pytest.mark.parametrize("method", ["wiener", "inverse"])
def test_cli_kernel_file_restores_with_an_asymmetric_kernel(tmp_path, method):
    kernel = ASYMMETRIC["one_sided_motion"]
    kernel_file = tmp_path / "k.csv"
    np.savetxt(kernel_file, kernel, delimiter=",")
    out = tmp_path / "r.npy"
    how = ["--wiener", "0.01"] if method == "wiener" else ["--inverse", "--eps", "0"]
    # 63 pixels: the 4-tap blur's zeros (at multiples of 1/4 cycle per pixel) miss the grid
    ok("deconvolve", "sample:camera", "--long-side", "63", "--kernel-file", kernel_file, *how, "--out", out)
    clean = working_copy(load_sample("camera"), 63).image
    g = ndimage.convolve(clean, kernel, mode="wrap")  # no noise: the CLI's default
    h = _reference_h(kernel, clean.shape)
    if method == "wiener":
        expected = _reference_wiener(g, kernel, 0.01)
    else:  # every |H| > 0 on this grid, so the inverse filter gives the clean image back
        assert np.abs(h).min() > 1e-6
        expected = clean
    np.testing.assert_allclose(np.load(out), expected, atol=1e-8)
