"""The image transforms whose spectra the Fourier Lab's properties predict.

Circular shift, rotation, scaling, modulation by a cosine, the even part, and the radial
window that keeps interpolated rotations and scalings free of border artefacts.  Grey 2-D
images; conventions (``(u, v)`` = row, column frequency) are those of
:mod:`app.backend.fourier`.  :mod:`app.backend.fourier_properties` checks each one by a number.
"""

from __future__ import annotations

import math

import numpy as np
from scipy import ndimage

from ._fourier_input import _as_gray
from ._validate import finite_number, whole_number
from .fourier_waves import basis_wave

__all__ = [
    "circular_shift",
    "rotate_image",
    "scale_image",
    "modulate",
    "even_part",
    "radial_window",
]


def circular_shift(image: np.ndarray, dy: int, dx: int) -> np.ndarray:
    """Shift an image circularly by ``dy`` rows (down) and ``dx`` columns (right).

    Examples
    --------
    >>> circular_shift(np.arange(4.0).reshape(1, 4), 0, 1)
    array([[3., 0., 1., 2.]])
    """
    x = _as_gray(image)
    return np.roll(x, (whole_number(dy, "dy"), whole_number(dx, "dx")), axis=(0, 1))


def _affine_about(a: np.ndarray, matrix: np.ndarray, centre: tuple[float, float], order: int) -> np.ndarray:
    """``out[o] = a[matrix @ (o - centre) + centre]`` (zero outside), interpolated."""
    c = np.asarray(centre, dtype=np.float64)
    return ndimage.affine_transform(a, matrix, offset=c - matrix @ c, order=order, mode="constant", cval=0.0)


def _centre(shape: tuple[int, int]) -> tuple[int, int]:
    return shape[0] // 2, shape[1] // 2


def rotate_image(image: np.ndarray, angle_deg: float, *, order: int = 1) -> np.ndarray:
    """Rotate counter-clockwise (as displayed) by ``angle_deg`` about pixel ``(H // 2, W // 2)``.

    The centre is the pixel where a centred spectrum keeps its zero frequency, so the same
    call rotates an image and its spectrum alike.  Pixels brought in from outside are 0.

    Examples
    --------
    >>> x = np.zeros((5, 5)); x[2, 4] = 1.0
    >>> [int(i) for i in np.argwhere(rotate_image(x, 90) > 0.5)[0]]
    [0, 2]
    """
    x = _as_gray(image)
    t = math.radians(finite_number(angle_deg, "angle_deg"))
    c, s = math.cos(t), math.sin(t)
    # forward map (row, col) -> (r cos - c sin, r sin + c cos); affine_transform wants the inverse
    inverse = np.array([[c, s], [-s, c]])
    return _affine_about(x, inverse, _centre(x.shape), order)


def scale_image(image: np.ndarray, factor: float, *, order: int = 1) -> np.ndarray:
    """Magnify (``factor > 1``) or shrink (``factor < 1``) about pixel ``(H // 2, W // 2)``.

    The output keeps the input's size; what leaves the frame is lost, what enters is 0.

    Examples
    --------
    >>> x = np.zeros((9, 9)); x[4, 5] = 1.0  # one pixel right of the centre
    >>> y = scale_image(x, 2.0)
    >>> [int(i) for i in np.unravel_index(np.argmax(y), y.shape)], float(y.max())
    ([4, 6], 1.0)
    """
    x = _as_gray(image)
    factor = finite_number(factor, "factor")
    if factor <= 0:
        raise ValueError(f"factor must be positive; got {factor}")
    return _affine_about(x, np.eye(2) / factor, _centre(x.shape), order)


def modulate(image: np.ndarray, u: int, v: int) -> np.ndarray:
    """Multiply an image by the cosine wave of frequency ``(u, v)`` (see :func:`~app.backend.fourier.basis_wave`).

    Examples
    --------
    >>> modulate(np.ones((1, 4)), 0, -2)
    array([[ 1., -1.,  1., -1.]])
    """
    x = _as_gray(image)
    return x * basis_wave(x.shape, u, v)[0]


def even_part(image: np.ndarray) -> np.ndarray:
    """The part of an image that is even about pixel ``(H // 2, W // 2)`` (circularly).

    ``(x[i, j] + x[2 cy - i, 2 cx - j]) / 2`` with indices taken modulo the size: the image
    and its point reflection through the centre, averaged.  Its spectrum, taken with that
    pixel as the origin (``fft2(ifftshift(x))``), is real.

    Examples
    --------
    >>> even_part(np.array([[0.0, 1.0, 2.0, 3.0]]))
    array([[0., 2., 2., 2.]])
    """
    x = _as_gray(image)
    h, w = x.shape
    cy, cx = _centre(x.shape)
    rows = (2 * cy - np.arange(h)) % h
    cols = (2 * cx - np.arange(w)) % w
    return 0.5 * (x + x[rows][:, cols])


def radial_window(shape: tuple[int, int], radius: float | None = None) -> np.ndarray:
    """A round Hann window ``0.5 (1 + cos(π r / R))`` for ``r < R`` about pixel ``(H // 2, W // 2)``.

    Rotation-invariant (unlike a separable window), so windowing and rotating commute.
    ``R`` defaults to ``min(H, W) / 2``.

    Examples
    --------
    >>> w = radial_window((5, 5))
    >>> float(w[2, 2]), float(w[0, 0])
    (1.0, 0.0)
    """
    h, w = int(shape[0]), int(shape[1])
    r_max = min(h, w) / 2 if radius is None else finite_number(radius, "radius")
    if r_max <= 0:
        raise ValueError(f"radius must be positive; got {r_max}")
    cy, cx = h // 2, w // 2
    r = np.hypot(np.arange(h)[:, None] - cy, np.arange(w)[None, :] - cx)
    return np.where(r < r_max, 0.5 * (1.0 + np.cos(np.pi * np.minimum(r / r_max, 1.0))), 0.0)


def _windowed_object(x: np.ndarray, radius: float) -> np.ndarray:
    """``window · (x - weighted mean)``: a finite, zero-mean object inside a disc."""
    w = radial_window(x.shape, radius)
    mean = float((w * x).sum() / w.sum())
    return w * (x - mean)
