"""Small numeric helpers for the Image Lab: high-frequency energy and colour maps for grey displays.

Pure numpy (never streamlit). Added by the image-lab developer.
"""

from __future__ import annotations

import numpy as np

__all__ = ["COLORMAPS", "apply_colormap", "high_frequency_energy", "high_frequency_ratio"]

# Anchor colours (sRGB) of perceptually ordered maps; "grey" is the identity.
_ANCHORS: dict[str, list[tuple[int, int, int]]] = {
    # matplotlib "inferno" (9 anchors): dark → bright, high contrast on projectors
    "inferno": [
        (0, 0, 4), (31, 12, 72), (85, 15, 109), (136, 34, 106), (186, 54, 85),
        (227, 89, 51), (249, 140, 10), (249, 201, 50), (252, 255, 164),
    ],
    # matplotlib "viridis" (9 anchors)
    "viridis": [
        (68, 1, 84), (72, 40, 120), (62, 74, 137), (49, 104, 142), (38, 130, 142),
        (31, 158, 137), (53, 183, 121), (109, 205, 89), (253, 231, 37),
    ],
}
COLORMAPS: tuple[str, ...] = ("grey", *_ANCHORS)


def _lut(name: str) -> np.ndarray:
    anchors = np.asarray(_ANCHORS[name], dtype=np.float64)
    pos = np.linspace(0, len(anchors) - 1, 256)
    idx = np.arange(len(anchors))
    return np.rint(np.stack([np.interp(pos, idx, anchors[:, c]) for c in range(3)], axis=1)).astype(np.uint8)


_LUTS = {name: _lut(name) for name in _ANCHORS}


def apply_colormap(grey: np.ndarray, name: str = "grey") -> np.ndarray:
    """Colour a uint8 grey image with a 256-entry map; ``"grey"`` returns it unchanged.

    Examples
    --------
    >>> apply_colormap(np.array([[0, 255]], np.uint8), "inferno").tolist()
    [[[0, 0, 4], [252, 255, 164]]]
    """
    a = np.asarray(grey)
    if a.dtype != np.uint8 or a.ndim != 2:
        raise ValueError("apply_colormap expects an (H, W) uint8 image")
    if name == "grey":
        return a
    if name not in _LUTS:
        raise ValueError(f"unknown colour map {name!r}; choose one of {', '.join(COLORMAPS)}")
    return _LUTS[name][a]


def high_frequency_energy(spectrum: np.ndarray, cutoff: float = 0.25) -> float:
    """Energy (sum of |S|²) of a *centred* spectrum at radial frequencies above ``cutoff`` cycles/pixel.

    Examples
    --------
    >>> s = np.zeros((8, 8)); s[4, 4] = 1.0      # DC only
    >>> high_frequency_energy(s)
    0.0
    """
    s = np.asarray(spectrum)
    if s.ndim != 2:
        raise ValueError("spectrum must be 2-D (centred)")
    h, w = s.shape
    fy = (np.arange(h) - h // 2) / h
    fx = (np.arange(w) - w // 2) / w
    r2 = fy[:, None] ** 2 + fx[None, :] ** 2
    power = np.abs(s) ** 2
    return float(power[r2 > cutoff * cutoff].sum())


def high_frequency_ratio(output_spectrum: np.ndarray, image_spectrum: np.ndarray, cutoff: float = 0.25) -> float:
    """High-frequency energy of the output relative to the input's (1 = unchanged, 0 = removed).

    Examples
    --------
    >>> s = np.ones((8, 8))
    >>> high_frequency_ratio(0.5 * s, s)
    0.25
    """
    base = high_frequency_energy(image_spectrum, cutoff)
    if base <= 0:
        return 0.0
    return high_frequency_energy(output_spectrum, cutoff) / base
