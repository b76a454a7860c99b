"""The CNN engine (app/backend/cnn/): banks, conv layer, activations, pooling, parameter counts, bands, shift test."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import kernels
from app.backend import convolve
from app.backend.cnn import (
    ACTIVATIONS,
    C1_PRESETS,
    KernelBank,
    LayerInput,
    PoolSpec,
    activate,
    c1_bank,
    c3_bank,
    conv_layer,
    conv_parameters,
    dense_parameters,
    forward,
    half_spectra,
    kernel_band,
    lenet_subsample,
    pool,
    pool_output_shape,
    pooling_aliasing,
    shift_tolerance,
    stage_shape,
)

RNG = np.random.default_rng(1234)


# ----------------------------------------------------------------------------- pooling
def test_pool_hand_computed_example():
    x = np.array(
        [
            [1, 3, 2, 0, 7],
            [4, 2, 1, 1, 7],
            [0, 5, 6, 2, 7],
            [1, 1, 8, 4, 7],
            [9, 9, 9, 9, 9],
        ],
        dtype=float,
    )
    # valid 2x2 windows, stride 2: the last row and column are left over
    np.testing.assert_array_equal(pool(x, "max", 2)[0], [[4, 2], [5, 8]])
    np.testing.assert_array_equal(pool(x, "average", 2)[0], [[2.5, 1.0], [1.75, 5.0]])
    np.testing.assert_array_equal(pool(x, "subsample", 2)[0], [[1, 2], [0, 6]])
    # overlapping 3x3 windows, stride 2
    np.testing.assert_array_equal(pool(x, "max", 3, 2)[0], [[6, 7], [9, 9]])
    np.testing.assert_allclose(pool(x, "average", 3, 2)[0], [[24 / 9, 33 / 9], [48 / 9, 61 / 9]])


def _reference_pool(x: np.ndarray, mode: str, size: int, stride: int) -> np.ndarray:
    c, h, w = x.shape
    ho, wo = (h - size) // stride + 1, (w - size) // stride + 1
    out = np.empty((c, ho, wo))
    for i in range(ho):
        for j in range(wo):
            win = x[:, i * stride : i * stride + size, j * stride : j * stride + size]
            out[:, i, j] = win.max(axis=(1, 2)) if mode == "max" else win.mean(axis=(1, 2))
    return out


@settings(max_examples=60, deadline=None)
@given(
    x=arrays(np.float64, st.tuples(st.integers(1, 3), st.integers(8, 20), st.integers(8, 20)),
             elements=st.floats(-10, 10, allow_nan=False)),
    mode=st.sampled_from(["max", "average"]),
    size=st.integers(1, 5),
    stride=st.integers(1, 5),
)
def test_pool_matches_numpy_reference(x, mode, size, stride):
    got = pool(x, mode, size, stride)
    np.testing.assert_allclose(got, _reference_pool(x, mode, size, stride), rtol=1e-12, atol=1e-12)
    assert got.shape[1:] == pool_output_shape(x.shape[1], x.shape[2], size, stride)


def test_pool_keeps_float32_and_rejects_bad_settings():
    x = RNG.random((2, 16, 16)).astype(np.float32)
    assert pool(x, "max", 2).dtype == np.float32
    with pytest.raises(ValueError, match="pooling size"):
        pool(x, "max", 0)
    with pytest.raises(ValueError, match="unknown pooling"):
        pool(x, "median", 2)
    with pytest.raises(ValueError, match="smaller than"):
        pool(np.zeros((3, 3)), "max", 4)


def test_periodic_pooling_wraps_windows():
    x = np.arange(6.0)[None, None, :].repeat(4, axis=1)  # (1, 4, 6)
    got = pool(x, "max", 3, 2, periodic=True)
    assert got.shape == (1, 2, 3)
    np.testing.assert_array_equal(got[0, 0], [2, 4, 5])  # last window = columns 4, 5, 0


def test_lenet_subsample_formula():
    x = RNG.random((2, 6, 6))
    w, b = np.array([0.5, -1.0]), np.array([0.1, 0.2])
    got = lenet_subsample(x, w, b, 2)
    block_sum = x.reshape(2, 3, 2, 3, 2).sum(axis=(2, 4))
    want = 1 / (1 + np.exp(-(block_sum * w[:, None, None] + b[:, None, None])))
    np.testing.assert_allclose(got, want, rtol=1e-12)
    assert PoolSpec("lenet", 3, 1).stride == 3  # LeNet blocks never overlap
    assert PoolSpec("lenet", 2, 2).parameters(6) == 12 and PoolSpec("max", 2, 2).parameters(6) == 0


# ----------------------------------------------------------------------------- activations
def test_activations():
    x = np.array([-2.0, 0.0, 3.0])
    np.testing.assert_array_equal(activate(x, "none"), x)
    np.testing.assert_array_equal(activate(x, "relu"), [0, 0, 3])
    np.testing.assert_allclose(activate(x, "sigmoid"), 1 / (1 + np.exp(-x)))
    np.testing.assert_allclose(activate(x, "tanh"), np.tanh(x))
    assert activate(np.array([-1000.0, 1000.0]), "sigmoid").tolist() == [0.0, 1.0]
    with pytest.raises(ValueError, match="unknown activation"):
        activate(x, "softplus")
    assert set(ACTIVATIONS) == {"none", "relu", "sigmoid", "tanh"}


# ----------------------------------------------------------------------------- conv layer
@pytest.mark.parametrize("boundary", ["reflect", "zero", "wrap", "nearest"])
def test_conv_layer_equals_sum_of_convolve_calls(boundary):
    x = RNG.random((3, 40, 36))
    bank = c3_bank("random", 3, n_out=4, size=5, seed=3)
    biases = [0.1, -0.2, 0.3, 0.0]
    got = conv_layer(x, bank, biases, boundary=boundary)
    for o in range(4):
        want = sum(convolve(x[i], bank.kernels[o][i], boundary=boundary, correlate=True) for i in range(3)) + biases[o]
        np.testing.assert_allclose(got[o], want, atol=1e-10)
    np.testing.assert_allclose(conv_layer(x, bank, biases, boundary=boundary, method="direct"), got, atol=1e-10)


def test_conv_layer_mixed_kernel_sizes_and_even_kernels():
    x = RNG.random((30, 31))
    bank = KernelBank(((kernels.make("gabor"),), (np.array([[1.0, -1.0]]),), (RNG.random((4, 2)),)),
                      ("gabor", "random", "random"))
    got = conv_layer(x, bank)
    for o in range(3):
        np.testing.assert_allclose(got[o], convolve(x, bank.kernels[o][0], correlate=True), atol=1e-10)


def test_c1_float32_is_accurate_and_fast_path_matches():
    img = RNG.random((64, 64)).astype(np.float32)
    bank = c1_bank("edges")
    got = LayerInput(img, max_kernel=bank.max_shape).apply(bank, 0.0)
    assert got.dtype == np.float32
    ref = conv_layer(img.astype(np.float64), bank, method="direct")
    assert np.abs(got - ref).max() < 1e-5


def test_conv_layer_errors():
    bank = c1_bank("edges")
    with pytest.raises(ValueError, match="input maps"):
        conv_layer(np.zeros((2, 8, 8)), bank)
    with pytest.raises(ValueError, match="does not fit"):
        conv_layer(np.zeros((4, 4)), c1_bank("gabor"))
    with pytest.raises(ValueError, match="bias"):
        conv_layer(np.zeros((8, 8)), bank, [1.0, 2.0])
    with pytest.raises(ValueError, match="NaN"):
        conv_layer(np.full((8, 8), np.nan), bank)
    with pytest.raises(ValueError, match="shifting"):
        LayerInput(np.zeros((8, 8))).apply(c1_bank("edges"), shift=(0, 1))


# ----------------------------------------------------------------------------- banks
@pytest.mark.parametrize("preset", C1_PRESETS)
def test_c1_presets(preset):
    bank = c1_bank(preset, n=6, size=3, seed=2, names=("box", "sobel_x"))
    assert bank.n_in == 1
    assert bank.n_out == {"edges": 4, "gabor": 4, "dog": 3, "random": 6, "catalog": 2}[preset]
    assert len(bank.tags) == bank.n_out


def test_banks_reproducible_and_validated():
    a, b = c1_bank("random", n=3, seed=5), c1_bank("random", n=3, seed=5)
    assert all(np.array_equal(x[0], y[0]) for x, y in zip(a.kernels, b.kernels))
    assert not np.array_equal(a.kernels[0][0], c1_bank("random", n=3, seed=6).kernels[0][0])
    with pytest.raises(ValueError, match="unknown C1 preset"):
        c1_bank("vgg")
    with pytest.raises(ValueError, match="Unknown kernel"):
        c1_bank("catalog", names=("sobel_z",))
    with pytest.raises(ValueError, match="odd"):
        c1_bank("random", size=4)
    edge = c3_bank("edge_sum", 4)
    assert edge.n_out == 4 and edge.n_in == 4
    np.testing.assert_allclose(sum(edge.kernels[3]), kernels.make("gaussian", size=3, sigma=0.8))


def test_edge_sum_layer_is_the_sum_of_edge_responses():
    x = RNG.random((3, 20, 20))
    got = conv_layer(x, c3_bank("edge_sum", 3))
    want = sum(convolve(x[i], kernels.make("sobel_x"), correlate=True) for i in range(3)) / 3
    np.testing.assert_allclose(got[0], want, atol=1e-10)


# ----------------------------------------------------------------------------- parameters
def test_parameter_counts():
    bank = c3_bank("random", 6, n_out=16, size=5)
    p = conv_parameters(bank, (14, 14, 6))
    assert (p.weights, p.biases) == (5 * 5 * 6 * 16, 16)  # LeNet C3 with full connections: 2400 + 16
    assert p.dense_weights == 14 * 14 * 6 * 14 * 14 * 16
    assert p.dense_biases == 14 * 14 * 16
    assert p.total == 2416 and p.ratio == pytest.approx(p.dense_total / 2416)
    edges = conv_parameters(c1_bank("edges"), (512, 512, 1))
    assert (edges.weights, edges.biases) == (9 + 9 + 9 + 25, 4)
    assert dense_parameters((2, 3, 1), (1, 1, 5)) == (30, 5)
    with pytest.raises(ValueError, match=r"the kernel bank expects 6 input maps, not 5"):
        conv_parameters(bank, (14, 14, 5))


def test_forward_shapes_and_vector_length():
    img = RNG.random((100, 90))
    net = forward(img, c1_bank("gabor"), 0.0, "tanh", PoolSpec("average", 3, 2), c3_bank("random", 4, n_out=6))
    shapes = {k: stage_shape(v) for k, v in net.stages.items()}
    assert shapes == {"input": (100, 90, 1), "C1": (100, 90, 4), "S2": (49, 44, 4), "C3": (49, 44, 6), "S4": (24, 21, 6)}
    assert net.vector_length == 24 * 21 * 6
    assert net.parameters["C3"] == 9 * 4 * 6 + 6


# ----------------------------------------------------------------------------- bands, spectra, aliasing
def test_kernel_bands():
    assert kernel_band(kernels.make("gaussian", size=5, sigma=1.0)).label == "low"
    assert kernel_band(kernels.make("laplacian")).label == "high"
    assert kernel_band(kernels.make("identity")).label == "all"
    dogs = [kernel_band(k[0]) for k in c1_bank("dog").kernels]
    assert [d.label for d in dogs] == ["high", "band", "low"]
    assert dogs[0].centroid > dogs[1].centroid > dogs[2].centroid
    assert {kernel_band(k[0]).label for k in c1_bank("gabor").kernels} == {"band"}


def test_half_spectra_batch():
    x = RNG.random((3, 16, 12)).astype(np.float32)
    h = half_spectra(x)
    assert h.shape == (3, 16, 7)
    np.testing.assert_allclose(h[1], np.fft.rfft2(x[1]), rtol=1e-4, atol=1e-4)


def test_average_pooling_reduces_aliasing_on_zone_plate():
    from app.backend import load_sample, to_gray

    zp = to_gray(load_sample("zone_plate"))
    rep = pooling_aliasing(zp, 4)
    assert rep.nyquist == 0.125
    assert rep.above_before > 0.5  # most of a zone plate lies above the new Nyquist
    assert rep.above_after_average < rep.above_before / 3
    assert rep.average.shape == rep.subsampled.shape == rep.maximum.shape == (128, 128)


# ----------------------------------------------------------------------------- shift tolerance
@pytest.mark.parametrize("mode,size,stride", [("max", 2, 2), ("average", 4, 4), ("max", 3, 2), ("lenet", 2, 2)])
def test_shift_multiple_of_stride_gives_no_change_on_periodic_image(mode, size, stride):
    yy, xx = np.mgrid[:64, :64]
    img = (0.5 + 0.25 * np.sin(2 * np.pi * 3 * xx / 64) * np.cos(2 * np.pi * 5 * yy / 64)
           + 0.2 * RNG.random((64, 64))).astype(np.float32)
    rep = shift_tolerance(img, c1_bank("edges"), 0.05, "relu", PoolSpec(mode, size, stride), shifts=range(0, 9))
    assert rep.c1_realigned.max() < 1e-5  # convolution is equivariant
    for d, change in zip(rep.shifts, rep.pooled_realigned):
        if d % stride == 0:
            assert change < 1e-5, (d, change)
        else:
            assert change > 1e-3, (d, change)
    assert rep.c1_moved[1] > 0.05  # the maps really moved


def test_full_update_512_eight_maps_gives_the_pooled_vector():
    """The page's largest update (512², 8 maps, both layers) runs and ends in a 128²×8 vector.

    Its speed is measured by the benchmark (``python -m app.bench``), not asserted here.
    """
    img = RNG.random((512, 512)).astype(np.float32)
    c1 = c1_bank("random", n=8, size=5)
    net = forward(img, c1, 0.0, "relu", PoolSpec(), c3_bank("random", 8, n_out=8))
    assert net.vector_length == 128 * 128 * 8


def test_docstring_examples():
    import doctest

    from app.backend.cnn import bank, diagnostics, layer, network, pooling

    results = [doctest.testmod(m, optionflags=doctest.NORMALIZE_WHITESPACE)
               for m in (bank, layer, pooling, diagnostics, network)]
    assert sum(r.attempted for r in results) >= 25 and not any(r.failed for r in results)
