"""Grouped convolution against a numpy einsum reference."""

import numpy as np
import pytest
from numpy.lib.stride_tricks import sliding_window_view

from app.backend.group_conv import divisors, group_conv2d, group_cost


def _einsum_reference(x, w, groups, stride, pad):
    c_in, c_out = x.shape[0], w.shape[0]
    xp = np.pad(x, ((0, 0), (pad, pad), (pad, pad)))
    k = w.shape[2]
    win = sliding_window_view(xp, (k, k), axis=(1, 2))[:, ::stride, ::stride]  # (C_in, Ho, Wo, k, k)
    per_in, per_out = c_in // groups, c_out // groups
    outs = []
    for g in range(groups):
        xs = win[g * per_in:(g + 1) * per_in]
        ws = w[g * per_out:(g + 1) * per_out]
        outs.append(np.einsum("cyxab,ocab->oyx", xs, ws))
    return np.concatenate(outs)


@pytest.mark.parametrize(("c_in", "c_out", "groups", "stride", "pad"),
                         [(4, 4, 1, 1, 0), (4, 8, 2, 1, 1), (6, 6, 6, 2, 1), (6, 12, 3, 1, 0), (8, 8, 4, 2, 2)])
def test_group_conv_equals_einsum_reference(c_in, c_out, groups, stride, pad):
    rng = np.random.default_rng(c_in * 100 + groups)
    x = rng.standard_normal((c_in, 11, 9))
    w = rng.standard_normal((c_out, c_in // groups, 3, 3))
    got = group_conv2d(x, w, groups=groups, stride=stride, padding=pad)
    np.testing.assert_allclose(got, _einsum_reference(x, w, groups, stride, pad), atol=1e-12)


def test_cost_counts_weights_and_multiply_adds_of_the_output():
    rng = np.random.default_rng(5)
    x, w = rng.standard_normal((6, 10, 10)), rng.standard_normal((12, 2, 3, 3))
    out = group_conv2d(x, w, groups=3, padding=1)
    cost = group_cost(c_in=6, c_out=12, k=3, groups=3, out_shape=out.shape[1:])
    assert cost.parameters == w.size == 12 * 2 * 9
    assert cost.multiply_adds == w.size * out.shape[1] * out.shape[2]
    assert group_cost(c_in=6, c_out=12, k=3, groups=1, out_shape=(10, 10)).parameters == 3 * cost.parameters


def test_divisors_are_the_allowed_group_counts():
    assert divisors(12) == tuple(d for d in range(1, 13) if 12 % d == 0)
    with pytest.raises(ValueError, match="channel count"):
        divisors(0)


def test_groups_that_do_not_divide_are_refused():
    with pytest.raises(ValueError, match="must divide"):
        group_conv2d(np.zeros((4, 5, 5)), np.zeros((4, 1, 3, 3)), groups=3)
    with pytest.raises(ValueError, match="input channels"):
        group_conv2d(np.zeros((4, 5, 5)), np.zeros((4, 4, 3, 3)), groups=2)
