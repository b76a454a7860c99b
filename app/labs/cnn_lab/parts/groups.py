"""Grouped and depthwise convolution for the CNN Lab's arithmetic tab (no widgets).

A layer with ``C_in`` input channels, ``C_out = m · C_in`` filters of ``k × k`` and ``g`` groups
(``g`` a divisor of ``C_in``; ``g = C_in`` is depthwise): its parameter count and multiply-adds
(:func:`app.backend.group_conv.group_cost`) beside the ordinary layer's, and its output
(:func:`app.backend.group_conv.group_conv2d`) checked against the same layer built as ``g``
ordinary layers side by side, each seeing its own channels — what "groups" means.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.backend import group_conv as gc

SIDE = 16  # the input stack is C_in seeded random 16 × 16 maps
SEED = 0


@dataclass(frozen=True)
class GroupCase:
    """One grouped layer: its shape, costs (and the ordinary layer's), and the output check."""

    c_in: int
    c_out: int
    k: int
    groups: int
    out_shape: tuple[int, int]
    cost: gc.GroupCost
    dense: gc.GroupCost  # the same layer with groups = 1
    max_difference: float  # |grouped output − g ordinary layers side by side|, largest


def group_case(c_in: int, multiplier: int, k: int, groups: int) -> GroupCase:
    """The grouped layer ``C_in → m·C_in`` with ``k × k`` filters and ``groups`` groups ("same" padding).

    Examples
    --------
    >>> case = group_case(6, 1, 3, 3)
    >>> case.cost.parameters, case.dense.parameters, case.max_difference
    (108, 324, 0.0)
    """
    c_out = c_in * multiplier
    rng = np.random.default_rng(SEED)
    x = rng.standard_normal((c_in, SIDE, SIDE))
    w = rng.standard_normal((c_out, c_in // groups, k, k))
    out = gc.group_conv2d(x, w, groups=groups, padding=k // 2)
    per_in, per_out = c_in // groups, c_out // groups
    side_by_side = np.concatenate([
        gc.group_conv2d(x[g * per_in:(g + 1) * per_in], w[g * per_out:(g + 1) * per_out], groups=1, padding=k // 2)
        for g in range(groups)])
    shape = (int(out.shape[1]), int(out.shape[2]))
    return GroupCase(c_in, c_out, k, groups, shape,
                     gc.group_cost(c_in=c_in, c_out=c_out, k=k, groups=groups, out_shape=shape),
                     gc.group_cost(c_in=c_in, c_out=c_out, k=k, groups=1, out_shape=shape),
                     float(np.abs(out - side_by_side).max()))


def snap_groups(groups: int, c_in: int) -> int:
    """The largest divisor of ``c_in`` not above ``groups`` (a link or a smaller C_in may ask for another).

    Examples
    --------
    >>> snap_groups(4, 6), snap_groups(6, 6), snap_groups(5, 1)
    (3, 6, 1)
    """
    return max(d for d in gc.divisors(c_in) if d <= max(1, groups))
