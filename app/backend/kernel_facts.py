"""What the pages say about a kernel, computed from the kernel: where its response peaks, whether
a 180° turn changes it, and which edge direction it answers most.

Each function returns the number a sentence on a page states, so the sentence cannot drift from
the picture next to it (issue 18: "every word true").
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

__all__ = ["COMPASS", "ResponsePeak", "compass_responses", "response_peak", "strongest_side", "turn_symmetric"]

#: The eight compass sides, clockwise from north (north = up on the screen).
COMPASS: tuple[str, ...] = ("n", "ne", "e", "se", "s", "sw", "w", "nw")
_TIE = 1e-9  # relative: values this close count as equal (round-off of the FFT)


@dataclass(frozen=True)
class ResponsePeak:
    """The largest gain ``|H|``, the lowest radial frequency (cycles/pixel) where it is reached,
    the gain at zero frequency (the sum of the weights), and the largest gain along the
    horizontal frequency axis (``fy = 0``)."""

    gain: float
    frequency: float
    dc: float
    axis_gain: float


def _as_kernel(kernel: object) -> np.ndarray:
    k = np.asarray(kernel, dtype=np.float64)
    if k.ndim != 2 or k.size == 0 or not np.isfinite(k).all():
        raise ValueError(f"a kernel must be a non-empty finite 2-D array; got shape {k.shape}")
    return k


def response_peak(kernel: object, *, grid: int = 512) -> ResponsePeak:
    """Where the kernel's frequency response ``|H|`` is largest.

    ``|H|`` is sampled on a square FFT grid of at least ``grid`` (and twice the kernel's side),
    a multiple of 4, so 0.25 and the Nyquist frequency 0.5 cycles/pixel are on it; the peak's
    height is then refined between the samples (a long sinc's overshoot is a narrow ripple),
    its frequency is the grid's.

    Examples
    --------
    >>> p = response_peak([[-1, -1, -1], [2, 2, 2], [-1, -1, -1]])  # a line detector
    >>> round(p.gain, 6), p.frequency, p.dc, round(p.axis_gain, 6)
    (12.0, 0.5, 0.0, 0.0)
    """
    k = _as_kernel(kernel)
    return _response_peak(k.tobytes(), k.shape, int(grid))


@lru_cache(maxsize=32)
def _response_peak(data: bytes, shape: tuple[int, int], grid: int) -> ResponsePeak:
    """:func:`response_peak` of the kernel in ``data``, cached: a page asks for it several times a rerun."""
    k = np.frombuffer(data, dtype=np.float64).reshape(shape)
    n = 4 * math.ceil(max(grid, 2 * max(k.shape)) / 4)
    mag = np.abs(np.fft.rfft2(k, s=(n, n)))  # a real kernel: |H(−f)| = |H(f)|, half the plane says all
    fy, fx = np.fft.fftfreq(n), np.fft.rfftfreq(n)
    radius = np.hypot(fy[:, None], fx[None, :])
    gain = float(mag.max())
    at_peak = mag >= gain * (1 - _TIE)
    iy, ix = np.unravel_index(int(np.argmax(mag)), mag.shape)
    near = np.linspace(-1.0, 1.0, 33) / n  # ± one grid step: a narrow ripple's top lies between samples
    gain = max(gain, float(_dtft(k, fy[iy] + near, fx[ix] + near).max()))
    jx = int(np.argmax(mag[0]))
    axis_gain = max(float(mag[0, jx]), float(_dtft(k, np.zeros(1), fx[jx] + near).max()))
    return ResponsePeak(gain, float(radius[at_peak].min()), float(k.sum()), axis_gain)


def _dtft(k: np.ndarray, fy: np.ndarray, fx: np.ndarray) -> np.ndarray:
    """``|H|`` at the frequencies ``fy`` × ``fx`` (cycles/pixel), summed directly.

    ``(Cy − i Sy) k (Cx − i Sx)`` in real products (complex matrix products are many times slower
    with the threaded BLAS these machines use).
    """
    ay = 2 * np.pi * np.outer(fy, np.arange(k.shape[0]))
    ax = 2 * np.pi * np.outer(np.arange(k.shape[1]), fx)
    cy, sy, cx, sx = np.cos(ay), np.sin(ay), np.cos(ax), np.sin(ax)
    ck, sk = cy @ k, sy @ k
    return np.hypot(ck @ cx - sk @ sx, ck @ sx + sk @ cx)


def turn_symmetric(kernel: object) -> bool:
    """Whether convolution and correlation with ``kernel`` give the same output.

    Convolution turns the kernel by 180° about its anchor; that changes nothing exactly when
    the kernel equals its 180° turn and both sides are odd (an even side puts the anchor off
    the middle, so the turn also shifts the output by a pixel).

    Examples
    --------
    >>> turn_symmetric([[1, 2, 1]]), turn_symmetric([[-1, 0, 1]]), turn_symmetric([[1, 1]])
    (True, False, False)
    """
    k = _as_kernel(kernel)
    if k.shape[0] % 2 == 0 or k.shape[1] % 2 == 0:
        return False
    return bool(np.allclose(k, k[::-1, ::-1], rtol=0.0, atol=_TIE * float(np.abs(k).max() or 1.0)))


def _side_vector(side: str) -> tuple[float, float]:
    """(right, up) components of a compass side."""
    angle = math.radians(90.0 - 45.0 * COMPASS.index(side))
    return round(math.cos(angle), 12), round(math.sin(angle), 12)


def compass_responses(kernel: object, *, correlate: bool) -> dict[str, float]:
    """The output at a straight edge brighter on each compass side (1 there, 0 on the other side).

    The edge runs through the output pixel; pixels on the edge line itself are 0. Convolution
    (``correlate=False``) turns the kernel by 180° first, so the side it answers turns too.

    Examples
    --------
    >>> north = [[5, 5, 5], [-3, 0, -3], [-3, -3, -3]]  # the Kirsch "N" mask
    >>> compass_responses(north, correlate=True)["n"], compass_responses(north, correlate=False)["n"]
    (15.0, -9.0)
    """
    k = _as_kernel(kernel)
    rows, cols = np.indices(k.shape)
    dy, dx = rows - k.shape[0] // 2, cols - k.shape[1] // 2  # offset of each tap's pixel (correlation)
    if not correlate:
        dy, dx = -dy, -dx
    out = {}
    for side in COMPASS:
        right, up = _side_vector(side)
        out[side] = float(k[dx * right - dy * up > 1e-9].sum()) + 0.0
    return out


def strongest_side(kernel: object, *, correlate: bool) -> tuple[str, float]:
    """The compass side whose brighter edge gives the largest output, and that output.

    Examples
    --------
    >>> north = [[5, 5, 5], [-3, 0, -3], [-3, -3, -3]]
    >>> strongest_side(north, correlate=True), strongest_side(north, correlate=False)
    (('n', 15.0), ('s', 15.0))
    """
    responses = compass_responses(kernel, correlate=correlate)
    side = max(COMPASS, key=lambda s: responses[s])
    return side, responses[side]
