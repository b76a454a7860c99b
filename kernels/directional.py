"""Directional kernels: derivative (Sobel, Prewitt, Scharr, Roberts), emboss, and the Kirsch and
line-detector templates; the conventions of :mod:`kernels.spatial` hold (angles in degrees,
counter-clockwise on screen; templates stored as the textbooks draw them).

Examples
--------
>>> sobel_x().sum(), kirsch("n").sum()
(np.float64(0.0), np.float64(0.0))
"""

from __future__ import annotations

import math

import numpy as np

from .spatial import _check_angle, _check_choice, _offsets

__all__ = [
    "sobel_x", "sobel_y", "prewitt_x", "prewitt_y", "scharr_x", "scharr_y", "roberts", "emboss",
    "kirsch", "line", "KIRSCH_DIRECTIONS", "LINE_DIRECTIONS",
]


def _derivative(smooth: tuple[float, float, float]) -> np.ndarray:
    """x-derivative kernel ``smooth ⊗ [1, 0, -1]`` (positive for brightness rising to the right)."""
    return np.outer(np.asarray(smooth, dtype=np.float64), np.array([1.0, 0.0, -1.0]))


def sobel_x() -> np.ndarray:
    """Sobel x-derivative ``[[1,0,-1],[2,0,-2],[1,0,-1]]``: finds vertical edges.

    Examples
    --------
    >>> sobel_x()
    array([[ 1.,  0., -1.],
           [ 2.,  0., -2.],
           [ 1.,  0., -1.]])
    """
    return _derivative((1.0, 2.0, 1.0))


def sobel_y() -> np.ndarray:
    """Sobel y-derivative ``[[1,2,1],[0,0,0],[-1,-2,-1]]``: finds horizontal edges.

    Examples
    --------
    >>> sobel_y()
    array([[ 1.,  2.,  1.],
           [ 0.,  0.,  0.],
           [-1., -2., -1.]])
    """
    return sobel_x().T.copy()


def prewitt_x() -> np.ndarray:
    """Prewitt x-derivative ``[[1,0,-1],[1,0,-1],[1,0,-1]]``.

    Examples
    --------
    >>> prewitt_x()
    array([[ 1.,  0., -1.],
           [ 1.,  0., -1.],
           [ 1.,  0., -1.]])
    """
    return _derivative((1.0, 1.0, 1.0))


def prewitt_y() -> np.ndarray:
    """Prewitt y-derivative ``[[1,1,1],[0,0,0],[-1,-1,-1]]``.

    Examples
    --------
    >>> prewitt_y()
    array([[ 1.,  1.,  1.],
           [ 0.,  0.,  0.],
           [-1., -1., -1.]])
    """
    return prewitt_x().T.copy()


def scharr_x() -> np.ndarray:
    """Scharr x-derivative ``[[3,0,-3],[10,0,-10],[3,0,-3]]`` (more rotation-invariant than Sobel).

    Examples
    --------
    >>> scharr_x()[1]
    array([ 10.,   0., -10.])
    """
    return _derivative((3.0, 10.0, 3.0))


def scharr_y() -> np.ndarray:
    """Scharr y-derivative ``[[3,10,3],[0,0,0],[-3,-10,-3]]``.

    Examples
    --------
    >>> scharr_y()[:, 1]
    array([ 10.,   0., -10.])
    """
    return scharr_x().T.copy()


def roberts() -> np.ndarray:
    """Roberts cross ``[[1, 0], [0, -1]]`` (2×2, diagonal difference).

    Examples
    --------
    >>> roberts()
    array([[ 1.,  0.],
           [ 0., -1.]])
    """
    return np.array([[1.0, 0.0], [0.0, -1.0]])


def emboss(angle: float = 315.0) -> np.ndarray:
    """3×3 emboss: a directional derivative plus the identity (sums to 1).

    The weights grow towards ``angle`` (degrees, counter-clockwise, 0 = right). At 315°
    (towards the bottom right) this is the classic ``[[-2,-1,0],[-1,1,1],[0,1,2]]``.

    Examples
    --------
    >>> emboss(315)
    array([[-2., -1.,  0.],
           [-1.,  1.,  1.],
           [ 0.,  1.,  2.]])
    """
    t = math.radians(_check_angle(angle))
    ct, st = math.cos(t), math.sin(t)
    r, c = _offsets(1)
    w = (c * ct + (-r) * st) / max(abs(ct), abs(st))
    w = np.round(w, 12) + 0.0  # exact integers at multiples of 45°, and no -0.0
    w[1, 1] = 1.0
    return w


#: Directions of :func:`kirsch`, clockwise from north (the side of the mask holding the 5s).
KIRSCH_DIRECTIONS: tuple[str, ...] = ("n", "ne", "e", "se", "s", "sw", "w", "nw")
# The eight border cells of a 3×3 mask, clockwise from the top-left corner.
_RING = ((0, 0), (0, 1), (0, 2), (1, 2), (2, 2), (2, 1), (2, 0), (1, 0))


def kirsch(direction: str = "n") -> np.ndarray:
    """Kirsch compass mask: ``5`` on three adjacent border cells, ``−3`` on the other five, 0 centre.

    ``direction`` names the side holding the 5s (Kirsch 1971): ``"n"`` is
    ``[[5, 5, 5], [-3, 0, -3], [-3, -3, -3]]`` and each step clockwise (``"ne"``, ``"e"``, …)
    moves the 5s one border cell round. As a template (correlation) it responds most where
    the image is brighter on that side; convolution flips it (then ``"n"`` responds to
    brighter-below). The Kirsch edge strength is the maximum over the eight directions.

    Examples
    --------
    >>> kirsch("ne")
    array([[-3.,  5.,  5.],
           [-3.,  0.,  5.],
           [-3., -3., -3.]])
    """
    i = KIRSCH_DIRECTIONS.index(_check_choice(direction, KIRSCH_DIRECTIONS, "direction"))
    h = np.full((3, 3), -3.0)
    h[1, 1] = 0.0
    for j in range(i, i + 3):
        h[_RING[j % 8]] = 5.0
    return h


#: Directions of :func:`line`: the line's angle on screen (counter-clockwise from the +x axis).
LINE_DIRECTIONS: tuple[str, ...] = ("horizontal", "plus45", "vertical", "minus45")


def line(direction: str = "horizontal") -> np.ndarray:
    """Line detector (Gonzalez & Woods): ``2`` along a one-pixel line through the centre, ``−1`` elsewhere.

    ``"horizontal"`` is ``[[-1, -1, -1], [2, 2, 2], [-1, -1, -1]]``, ``"vertical"`` its
    transpose; ``"plus45"`` is the line rising to the right on screen (the anti-diagonal)
    and ``"minus45"`` the line falling to the right (the main diagonal), following this
    catalogue's angle convention. Gonzalez & Woods draw the same four masks but measure
    angles in their image axes (x down, y right), where the main diagonal is +45°. Each
    mask sums to 0 and is point-symmetric, so convolution and correlation agree.

    Examples
    --------
    >>> line("plus45")
    array([[-1., -1.,  2.],
           [-1.,  2., -1.],
           [ 2., -1., -1.]])
    """
    d = _check_choice(direction, LINE_DIRECTIONS, "direction")
    on_line = np.zeros((3, 3))
    if d == "horizontal":
        on_line[1, :] = 1.0
    elif d == "vertical":
        on_line[:, 1] = 1.0
    else:
        on_line = np.eye(3) if d == "minus45" else np.eye(3)[::-1]
    return 3.0 * on_line - 1.0
