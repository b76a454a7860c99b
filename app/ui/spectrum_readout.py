"""What one point of a spectrum is, in words: the readout every clickable spectrum shows.

A point (u, v) of an image's centred spectrum stands for one 2-D wave; the readout gives its
frequency in cycles/pixel, its period in pixels, its orientation and its mirror point (the pair
that makes a real image). The Fourier Lab shows it for a clicked point, the Filter Designer for a
clicked notch.
"""

from __future__ import annotations

import math

from app.backend import fourier as fr
from app.ui.format import number
from app.ui.strings import t


def wave_readout(info: fr.WaveInfo, lang: str) -> str:
    """Markdown readout of :func:`app.backend.fourier.wave_info` for one point.

    Examples
    --------
    >>> from app.backend.fourier import wave_info
    >>> wave_readout(wave_info((64, 64), 0, 8), "en").split(" · ")[1]
    'frequency **0.125 cycles/pixel** (fx = 0.125, fy = 0)'
    """
    period = t("spectrum.period_inf", lang) if math.isinf(info.period) else number(info.period, 3)
    return t(
        "spectrum.readout", lang, u=info.u, v=info.v, f=number(info.frequency), fx=number(info.fx),
        fy=number(info.fy), period=period, angle=f"{info.orientation_deg:.1f}", mu=info.mirror[0], mv=info.mirror[1],
    )


def readout_at(shape: tuple[int, int], fy: float, fx: float, lang: str) -> str:
    """The readout of the grid point nearest to ``(fy, fx)`` cycles/pixel on an image of ``shape``.

    Examples
    --------
    >>> readout_at((100, 200), 0.0, 0.25, "en").split(" · ")[0]
    '**(u, v) = (0, 50)**'
    """
    h, w = int(shape[0]), int(shape[1])
    u = min(max(round(fy * h), -(h // 2)), (h - 1) // 2)
    v = min(max(round(fx * w), -(w // 2)), (w - 1) // 2)
    return wave_readout(fr.wave_info((h, w), u, v), lang)
