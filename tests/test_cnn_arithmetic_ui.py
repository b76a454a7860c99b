"""The CNN Lab's arithmetic tab without a browser: settings → arguments, the formula, the
animation figure and the transposed-convolution comparison."""

from __future__ import annotations

import base64
import doctest
import itertools

import numpy as np
import pytest

from app.backend import conv_arithmetic as ca
from app.labs.cnn_lab import pipeline as run
from app.labs.cnn_lab.parts import arithmetic as A
from app.labs.cnn_lab.parts.arithmetic_figures import GAP, footprint_figure
from app.labs.cnn_lab.parts.model import bank_args
from app.labs.cnn_lab.schema import MAX_DILATION, MAX_STRIDE, PAD_CHOICES, SCHEMA

LABELS = {"input": "in", "output": "out", "play": "play", "pause": "pause"}


def _values(xs) -> np.ndarray:
    """Plotly's data: an array, or its binary form ``{"dtype", "bdata"}`` once a figure went through to_dict."""
    if isinstance(xs, dict):
        return np.frombuffer(base64.b64decode(xs["bdata"]), dtype=xs["dtype"])
    return np.asarray(xs)


def test_the_module_examples_run():
    assert doctest.testmod(A).failed == 0


@pytest.mark.parametrize("mode", PAD_CHOICES)
def test_settings_become_arguments(mode):
    args = A.conv_args(SCHEMA.read({"cnn_xs": 3, "cnn_xpad": mode, "cnn_xp": 4, "cnn_xd": 2}))
    assert args == A.ConvArgs(3, 4 if mode == "explicit" else mode, 2)


@pytest.mark.parametrize(("s", "padding", "d"), itertools.product(
    range(1, MAX_STRIDE + 1), ("valid", "same", "full", 0, 3), range(1, MAX_DILATION + 1)))
def test_the_formula_predicts_the_computed_map(s, padding, d):
    x = np.random.default_rng(0).random((23, 17))
    kernel = np.ones((3, 4))
    args = A.ConvArgs(s, padding, d)
    axes = A.axis_sizes(x.shape, kernel.shape, args)
    assert A.predicted_shape(axes) == A.conv_map(x, kernel, args).shape
    for axis in axes:  # the numbers in the formula give the size it states
        (before, after), e = axis.pads, d * (axis.k - 1)
        assert (axis.n + before + after - e - 1) // s + 1 == axis.size
        assert axis.latex().endswith(f"= {axis.size}")


def test_uneven_padding_shows_both_sides():
    rows, _ = A.axis_sizes((8, 8), (4, 4), A.ConvArgs(1, "same", 1))
    assert rows.pads == (1, 2) and "(1 + 2)" in rows.latex() and rows.size == 8


def test_a_kernel_larger_than_the_padded_input_is_refused():
    with pytest.raises(ValueError, match="larger than the padded input"):
        A.axis_sizes((4, 4), (3, 3), A.ConvArgs(1, "valid", 3))


def test_the_animation_has_one_frame_per_output_cell_and_moves_only_the_footprint():
    args = A.ConvArgs(2, "same", 2)
    pads, side, frames = A.animation(7, 3, args)
    assert side == ca.output_size(7, 3, 2, "same", 2) and len(frames) == side * side
    plain = footprint_figure(frames, 7, pads, side, labels=LABELS).to_dict()
    assert len(plain["frames"]) == side * side and all(f["traces"] == [3, 4] for f in plain["frames"])
    padded = 7 + sum(pads)
    n_padding, n_input = (_values(plain["data"][i]["x"]).size for i in (0, 1))
    assert n_input == 49 and n_padding + n_input == padded * padded
    taps, out = plain["frames"][-1]["data"]
    assert len(taps["x"]) == 9 and (out["x"][0] - padded - GAP, out["y"][0]) == (side - 1, side - 1)
    assert plain["layout"]["updatemenus"][0]["buttons"][0]["method"] == "animate"


def test_shrink_keeps_the_mean_of_whole_blocks():
    x = np.random.default_rng(1).random((300, 200))
    small = A.shrink(x, 128)
    assert small.shape == (100, 66) and np.isclose(small.mean(), x[:300, :198].mean())


@pytest.mark.parametrize("k", range(2, 7))
def test_transposed_checkerboard_only_for_kernels_not_divisible_by_the_stride(k):
    u = A.upsample(np.random.default_rng(2).random((20, 20)), k)
    assert u.transposed.shape == (ca.transpose_output_size(20, k, 2),) * 2 and u.resized.shape == (40, 40)
    assert (u.score_transposed > 0.1) == (k % 2 == 1)
    assert u.score_resized == pytest.approx(0.0, abs=1e-12)
    # a constant 1 stays 1 on average inside the border (the box kernels' scaling)
    inner = u.flat_resized[k:-k, k:-k]
    assert np.allclose(inner, 1.0) and u.flat_transposed[k:-k, k:-k].mean() == pytest.approx(1.0, rel=0.05)


@pytest.fixture(scope="module")
def grey() -> run.Grey:
    return run.grey_image("test-noise-48x40", np.random.default_rng(3).random((48, 40)))


def test_cached_map_and_upsampled_tiles(grey):
    args = A.ConvArgs(2, "full", 2)
    jpg, spec, shape = run.arithmetic_map(grey, bank_args(SCHEMA.defaults()), 1, args, 64)
    assert jpg[:2] == spec[:2] == b"\xff\xd8" and shape == (26, 22)
    res = run.upsampled(grey, 3, 64)
    assert res["transposed"][3] == (97, 81) and res["resized"][3] == (96, 80)
    assert res["scores"][0] > 0.5 and res["scores"][1] == pytest.approx(0.0, abs=1e-12)
