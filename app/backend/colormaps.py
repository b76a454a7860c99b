"""Named colour palettes: which maps colour spectra and which colours signed data and kernels.

Chosen once (the sidebar's colour-vision-safe toggle, ``palette=`` in the link, ``--palette``
on the CLI) and passed to every renderer in :mod:`app.backend.display` and
:mod:`app.backend.panels`.

* ``standard``: grey spectra (inferno in projector mode) and a blue – white – red diverging
  map (ColorBrewer RdBu) for signed data and kernels.
* ``colour_safe``: cividis spectra (Nuñez, Anderton & Renslow 2018, PLoS ONE 13(7) e0199239:
  built to look the same under red–green colour-vision deficiency, lightness rising
  monotonically) and a blue – white – orange diverging map: its ends differ along the
  blue–yellow axis that deuteranopes and protanopes keep, not only along red–green.
"""

from __future__ import annotations

import numpy as np

from ._validate import choice

__all__ = ["PALETTES", "SEQUENTIAL", "diverging_lut", "diverging_stops", "sequential_lut", "spectrum_colormap"]

PALETTES: tuple[str, ...] = ("standard", "colour_safe")

# Diverging anchors (sRGB), -limit -> 0 (neutral near-white, the middle anchor) -> +limit.
_DIVERGING_ANCHORS: dict[str, list[tuple[int, int, int]]] = {
    # ColorBrewer RdBu, reversed: negative = blue, positive = red
    "standard": [
        (5, 48, 97), (33, 102, 172), (67, 147, 195), (146, 197, 222), (209, 229, 240), (247, 247, 247),
        (253, 219, 199), (244, 165, 130), (214, 96, 77), (178, 24, 43), (103, 0, 31),
    ],
    # the same blue half; the positive half is ColorBrewer PuOr's orange arm (dark orange at +limit)
    "colour_safe": [
        (5, 48, 97), (33, 102, 172), (67, 147, 195), (146, 197, 222), (209, 229, 240), (247, 247, 247),
        (254, 224, 182), (253, 184, 99), (224, 130, 20), (179, 88, 6), (127, 59, 8),
    ],
}

# Sequential anchors (sRGB), dark -> bright, evenly spaced along each map.
_SEQUENTIAL_ANCHORS: dict[str, list[tuple[int, int, int]]] = {
    # matplotlib "inferno" (9 anchors): high contrast on projectors
    "inferno": [
        (0, 0, 4), (31, 12, 72), (85, 15, 109), (136, 34, 106), (186, 54, 85),
        (227, 89, 51), (249, 140, 10), (249, 201, 50), (252, 255, 164),
    ],
    # matplotlib "viridis" (9 anchors)
    "viridis": [
        (68, 1, 84), (72, 40, 120), (62, 74, 137), (49, 104, 142), (38, 130, 142),
        (31, 158, 137), (53, 183, 121), (109, 205, 89), (253, 231, 37),
    ],
    # cividis (Nuñez et al. 2018) at 0, 0.2, ..., 1: dark blue -> grey -> yellow
    "cividis": [(0, 34, 78), (53, 69, 108), (102, 105, 112), (148, 142, 119), (200, 184, 102), (254, 232, 56)],
}
#: Names of the coloured sequential maps (``"grey"`` is the identity and needs no table).
SEQUENTIAL: tuple[str, ...] = tuple(_SEQUENTIAL_ANCHORS)


def _interpolate(anchors: list[tuple[int, int, int]], n: int) -> np.ndarray:
    """``n`` colours linearly interpolated between evenly spaced anchors, as (n, 3) uint8."""
    a = np.asarray(anchors, dtype=np.float64)
    pos = np.linspace(0.0, len(a) - 1, n)
    idx = np.arange(len(a))
    lut = np.rint(np.stack([np.interp(pos, idx, a[:, c]) for c in range(3)], axis=1)).astype(np.uint8)
    lut.flags.writeable = False  # shared by every caller
    return lut


# 255 diverging entries: an odd count puts zero exactly on the middle anchor (entry 127)
_DIVERGING = {name: _interpolate(anchors, 255) for name, anchors in _DIVERGING_ANCHORS.items()}
_SEQUENTIAL = {name: _interpolate(anchors, 256) for name, anchors in _SEQUENTIAL_ANCHORS.items()}


def diverging_lut(palette: str = "standard") -> np.ndarray:
    """The 255-entry diverging table of ``palette``: entry 0 is ``-limit``, 127 zero, 254 ``+limit``.

    Parameters
    ----------
    palette : {"standard", "colour_safe"}

    Returns
    -------
    ndarray, shape (255, 3), uint8
        Read-only; zero (entry 127) is the same neutral near-white in every palette.

    Examples
    --------
    >>> lut = diverging_lut("colour_safe")
    >>> lut[0].tolist(), lut[127].tolist(), lut[-1].tolist()
    ([5, 48, 97], [247, 247, 247], [127, 59, 8])
    """
    return _DIVERGING[choice(palette, PALETTES, "palette")]


def diverging_stops(palette: str = "standard") -> list[list]:
    """The diverging map of ``palette`` as evenly spaced colour stops ``[position, "rgb(r, g, b)"]``.

    A chart library interpolating linearly between these stops (a plotly ``colorscale``) draws
    exactly :func:`diverging_lut`'s colours: the grids of numbers match every kernel picture.

    Examples
    --------
    >>> stops = diverging_stops("standard")
    >>> stops[0], stops[5], stops[-1]
    ([0.0, 'rgb(5, 48, 97)'], [0.5, 'rgb(247, 247, 247)'], [1.0, 'rgb(103, 0, 31)'])
    """
    anchors = _DIVERGING_ANCHORS[choice(palette, PALETTES, "palette")]
    last = len(anchors) - 1
    return [[i / last, f"rgb({r}, {g}, {b})"] for i, (r, g, b) in enumerate(anchors)]


def sequential_lut(name: str) -> np.ndarray:
    """The 256-entry table of the sequential map ``name`` (one of :data:`SEQUENTIAL`).

    Examples
    --------
    >>> lut = sequential_lut("cividis")
    >>> lut.shape, lut[0].tolist(), lut[-1].tolist()
    ((256, 3), [0, 34, 78], [254, 232, 56])
    """
    return _SEQUENTIAL[choice(name, SEQUENTIAL, "colour map")]


def spectrum_colormap(palette: str = "standard", *, projector: bool = False) -> str:
    """The map spectra are drawn with: cividis when colour-safe, else grey (inferno on a projector).

    Examples
    --------
    >>> spectrum_colormap(), spectrum_colormap(projector=True), spectrum_colormap("colour_safe")
    ('grey', 'inferno', 'cividis')
    """
    if choice(palette, PALETTES, "palette") == "colour_safe":
        return "cividis"
    return "inferno" if projector else "grey"
