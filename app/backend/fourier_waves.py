"""One point of a spectrum is one wave: the DFT basis wave of a frequency ``(u, v)`` and what it
looks like (period, orientation, mirror partner).

Part of the Fourier Lab's engine; the frequency conventions are those of :mod:`app.backend.fourier`.
Pure numpy.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ._fourier_input import _check_frequency, _wrap
from ._validate import shape2, whole_number

__all__ = ["WaveInfo", "basis_wave", "wave_info", "index_to_frequency"]


@dataclass(frozen=True)
class WaveInfo:
    """The wave that spectrum point ``(u, v)`` stands for (see :func:`wave_info`).

    Attributes
    ----------
    u, v : int
        Row and column frequency in cycles per image height / width (centred convention).
    fy, fx : float
        The same in cycles/pixel (``u / H``, ``v / W``).
    frequency : float
        ``hypot(fy, fx)`` in cycles/pixel.
    period : float
        ``1 / frequency`` in pixels, measured across the stripes (``inf`` for DC).
    orientation_deg : float
        Direction in which the wave oscillates (its wave vector, perpendicular to the
        stripes), counter-clockwise from the +x axis as seen on screen (rows grow downwards),
        folded into ``[0, 180)``: 0 = vertical stripes, 90 = horizontal stripes.  It is the
        angle of the point as seen from the centre of the displayed spectrum.  0 for DC.
    index : tuple of int
        ``(row, col)`` of the point in the centred spectrum.
    mirror : tuple of int
        ``(-u, -v)`` folded into the centred range: the conjugate partner.
    mirror_index : tuple of int
        ``(row, col)`` of the mirror in the centred spectrum.
    self_mirror : bool
        The point is its own mirror (DC, Nyquist): its wave has no sine part.
    """

    u: int
    v: int
    fy: float
    fx: float
    frequency: float
    period: float
    orientation_deg: float
    index: tuple[int, int]
    mirror: tuple[int, int]
    mirror_index: tuple[int, int]
    self_mirror: bool


def basis_wave(shape: tuple[int, int], u: int, v: int) -> tuple[np.ndarray, np.ndarray]:
    """The DFT basis wave of frequency ``(u, v)``: its cosine and sine parts.

    ``cos(θ)`` and ``sin(θ)`` with ``θ[y, x] = 2π (u y / H + v x / W)``: the real and
    imaginary parts of ``exp(iθ)``, which is ``H·W·ifft2`` of a unit spike at ``(u, v)``.
    A real image is a sum of these with real weights ``Re F / (H·W)`` (cos) and
    ``-Im F / (H·W)`` (sin), the mirror ``(-u, -v)`` contributing the same wave again.

    Parameters
    ----------
    shape : (int, int)
        Image size ``(H, W)``.
    u, v : int
        Row and column frequency, ``-(H // 2) <= u <= (H - 1) // 2`` and likewise ``v``
        (see the module docstring).

    Returns
    -------
    cos_part, sin_part : ndarray, shape (H, W)
        Values in ``[-1, 1]``.

    Examples
    --------
    >>> c, s = basis_wave((4, 4), 0, 1)
    >>> c[0].round(6).tolist(), s[0].round(6).tolist()
    ([1.0, 0.0, -1.0, -0.0], [0.0, 1.0, 0.0, -1.0])
    """
    h, w = shape2(shape)
    u = _check_frequency(h, u, "u")
    v = _check_frequency(w, v, "v")
    # integer phases taken modulo the side keep theta in [0, 2π) exactly at every pixel
    ty = 2.0 * np.pi * ((u * np.arange(h)) % h) / h
    tx = 2.0 * np.pi * ((v * np.arange(w)) % w) / w
    theta = ty[:, None] + tx[None, :]
    return np.cos(theta), np.sin(theta)


def wave_info(shape: tuple[int, int], u: int, v: int) -> WaveInfo:
    """Frequency, period, orientation and mirror point of spectrum point ``(u, v)``.

    Parameters
    ----------
    shape : (int, int)
        Image size ``(H, W)``.
    u, v : int
        Row and column frequency in the centred convention (see :func:`basis_wave`).

    Returns
    -------
    WaveInfo

    Examples
    --------
    >>> info = wave_info((64, 64), 0, 8)
    >>> info.fx, info.period, info.orientation_deg, info.index, info.mirror_index
    (0.125, 8.0, 0.0, (32, 40), (32, 24))
    >>> wave_info((64, 64), -8, 8).orientation_deg
    45.0
    """
    h, w = shape2(shape)
    u = _check_frequency(h, u, "u")
    v = _check_frequency(w, v, "v")
    fy, fx = u / h, v / w
    freq = math.hypot(fy, fx)
    period = math.inf if freq == 0 else 1.0 / freq
    # screen angle: x to the right, y up (= minus the row direction); a wave and its mirror
    # are the same wave, so fold into [0, 180)
    angle = 0.0 if freq == 0 else math.degrees(math.atan2(-fy, fx)) % 180.0
    angle = round(angle, 12) % 180.0
    mu, mv = _wrap(-u, h), _wrap(-v, w)
    return WaveInfo(
        u=u,
        v=v,
        fy=fy,
        fx=fx,
        frequency=freq,
        period=period,
        orientation_deg=angle,
        index=(u + h // 2, v + w // 2),
        mirror=(mu, mv),
        mirror_index=(mu + h // 2, mv + w // 2),
        self_mirror=(mu, mv) == (u, v),
    )


def index_to_frequency(shape: tuple[int, int], row: int, col: int) -> tuple[int, int]:
    """The frequency ``(u, v)`` at ``(row, col)`` of a centred spectrum (a clicked point).

    Examples
    --------
    >>> index_to_frequency((64, 65), 32, 32)
    (0, 0)
    >>> index_to_frequency((64, 65), 0, 64)
    (-32, 32)
    """
    h, w = shape2(shape)
    row, col = whole_number(row, "row"), whole_number(col, "col")
    if not (0 <= row < h and 0 <= col < w):
        raise ValueError(f"index ({row}, {col}) is outside a {h}x{w} spectrum")
    return row - h // 2, col - w // 2
