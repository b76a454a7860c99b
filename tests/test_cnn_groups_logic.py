"""Grouped convolution for the CNN Lab, without a page: the costs are C_out·(C_in/g)·k² and that
times the output size, the grouped output equals a numpy einsum of each group's filters over its
own channels, and the groups snap to divisors of C_in."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.lib.stride_tricks import sliding_window_view

from app.labs.cnn_lab.parts import groups


def _einsum_reference(c_in: int, mult: int, k: int, g: int) -> np.ndarray:
    """The layer by numpy alone: zero padding k//2, cross-correlation, group o // (C_out/g) sees its channels."""
    rng = np.random.default_rng(groups.SEED)
    x = rng.standard_normal((c_in, groups.SIDE, groups.SIDE))
    w = rng.standard_normal((c_in * mult, c_in // g, k, k))
    patches = sliding_window_view(np.pad(x, ((0, 0), (k // 2,) * 2, (k // 2,) * 2)), (k, k), axis=(1, 2))
    per_in, per_out = c_in // g, c_in * mult // g
    return np.concatenate([np.einsum("chwij,ocij->ohw", patches[j * per_in:(j + 1) * per_in],
                                     w[j * per_out:(j + 1) * per_out]) for j in range(g)])


@pytest.mark.parametrize(("c_in", "mult", "k", "g"), [(6, 1, 3, 1), (6, 1, 3, 3), (6, 2, 3, 6), (8, 1, 5, 4),
                                                    (16, 1, 1, 16), (5, 3, 7, 5)])
def test_costs_and_the_check_follow_the_definition(c_in, mult, k, g):
    case = groups.group_case(c_in, mult, k, g)
    c_out = c_in * mult
    assert case.cost.parameters == c_out * (c_in // g) * k * k
    assert case.cost.multiply_adds == case.cost.parameters * groups.SIDE * groups.SIDE
    assert case.dense.parameters == g * case.cost.parameters
    assert case.out_shape == (groups.SIDE, groups.SIDE)
    assert case.max_difference == 0.0


@pytest.mark.parametrize(("c_in", "mult", "k", "g"), [(6, 1, 3, 3), (4, 2, 5, 4)])
def test_the_grouped_output_equals_numpy_einsum(c_in, mult, k, g):
    from app.backend import group_conv as gc

    rng = np.random.default_rng(groups.SEED)
    x = rng.standard_normal((c_in, groups.SIDE, groups.SIDE))
    w = rng.standard_normal((c_in * mult, c_in // g, k, k))
    np.testing.assert_allclose(gc.group_conv2d(x, w, groups=g, padding=k // 2), _einsum_reference(c_in, mult, k, g),
                               atol=1e-12)


def test_groups_snap_to_the_divisors_of_c_in():
    for c_in in range(1, 17):
        for asked in range(1, 17):
            g = groups.snap_groups(asked, c_in)
            assert c_in % g == 0 and g <= max(asked, 1)
            assert not any(c_in % d == 0 for d in range(g + 1, asked + 1))
