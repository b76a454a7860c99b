"""The palettes of :mod:`app.backend.colormaps`: cividis is ordered in lightness, the
colour-safe diverging map stays two-sided under simulated red–green colour-vision deficiency."""

from __future__ import annotations

import numpy as np
import pytest

from app.backend import display
from app.backend.colormaps import PALETTES, diverging_lut, sequential_lut, spectrum_colormap
from app.backend.panels import kernel_panel

# Machado, Oliveira & Fernandes (2009), "A physiologically-based model for simulation of color
# vision deficiency", IEEE TVCG 15(6):1291-1298 — severity 1.0 matrices, applied to linear sRGB.
PROTANOPIA = np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]])
DEUTERANOPIA = np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]])
SRGB_TO_XYZ = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])  # IEC 61966-2-1, D65


def _linear(u8: np.ndarray) -> np.ndarray:
    c = np.asarray(u8, dtype=np.float64) / 255.0
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _lab(linear_rgb: np.ndarray) -> np.ndarray:
    """CIE L*a*b* (D65) of linear sRGB."""
    xyz = linear_rgb @ SRGB_TO_XYZ.T / SRGB_TO_XYZ.sum(axis=1)
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.stack([116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]), 200 * (f[..., 1] - f[..., 2])], axis=-1)


def _seen(u8: np.ndarray, deficiency: np.ndarray) -> np.ndarray:
    """L*a*b* of ``u8`` colours as simulated for a dichromat."""
    return _lab(np.clip(_linear(u8) @ deficiency.T, 0.0, 1.0))


def _delta_e(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.linalg.norm(a - b, axis=-1)


def test_cividis_lightness_rises_monotonically():
    lightness = _lab(_linear(sequential_lut("cividis")))[:, 0]
    assert (np.diff(lightness) >= 0).all()
    assert lightness[-1] - lightness[0] > 70


@pytest.mark.parametrize("deficiency", [PROTANOPIA, DEUTERANOPIA], ids=["protanopia", "deuteranopia"])
def test_colour_safe_diverging_ends_stay_apart_for_dichromats(deficiency):
    lut = diverging_lut("colour_safe")
    half = (len(lut) - 1) // 2
    steps = np.arange(half // 3, half + 1)  # from a third of the limit out: -t and +t
    seen = _delta_e(_seen(lut[half - steps], deficiency), _seen(lut[half + steps], deficiency))
    assert seen.min() > 20
    assert _delta_e(_seen(lut[0], deficiency), _seen(lut[-1], deficiency)) > 60


@pytest.mark.parametrize("deficiency", [PROTANOPIA, DEUTERANOPIA], ids=["protanopia", "deuteranopia"])
def test_the_simulation_collapses_a_red_green_map(deficiency):
    # the control: a green (-) / red (+) pair, ~100 apart for trichromats, is not for dichromats
    green, red = np.array([27, 120, 55]), np.array([178, 24, 43])
    assert _delta_e(_lab(_linear(green)), _lab(_linear(red))) > 90
    assert _delta_e(_seen(green, deficiency), _seen(red, deficiency)) < 25


@pytest.mark.parametrize("palette", PALETTES)
def test_zero_is_white_in_every_palette(palette):
    rgb = display.signed_to_rgb(np.array([[-1.0, 0.0, 1.0]]), palette=palette)
    assert rgb[0, 1].tolist() == [247, 247, 247]
    assert kernel_panel(np.array([[0.0, 1.0], [-1.0, 0.0]]), side=40, palette=palette)[5, 5].tolist() == [247, 247, 247]
    assert display.signed_display(np.array([[-1.0, 0.0, 1.0]]), palette=palette).pixels[0, 1].tolist() == [247, 247, 247]


def test_palettes_differ_where_they_should():
    x = np.array([[-1.0, 0.0, 1.0]])
    std, safe = (display.signed_to_rgb(x, palette=p) for p in PALETTES)
    assert std[0, 0].tolist() == safe[0, 0].tolist()  # negatives stay blue
    assert std[0, 2].tolist() != safe[0, 2].tolist()  # positives: red -> orange
    assert spectrum_colormap("colour_safe", projector=True) == "cividis"


def test_bad_palette_is_refused():
    with pytest.raises(ValueError, match="palette"):
        display.signed_to_rgb(np.zeros((2, 2)), palette="rainbow")
    with pytest.raises(ValueError, match="palette"):
        spectrum_colormap("rainbow")


@pytest.mark.parametrize("palette", PALETTES)
def test_the_inspector_grids_use_the_kernel_pictures_colours(palette):
    """The pixel inspector's heatmap colour scale, interpolated linearly as plotly does, gives the
    255-entry table the kernel pictures and the signed display use (within rounding)."""
    from app.labs.image_lab.teaching.figures import grid_figure

    scale = grid_figure(np.array([[-1.0, 0.0, 1.0]]), palette=palette).data[0].colorscale
    pos = np.array([p for p, _ in scale])
    rgb = np.array([[int(v) for v in c[c.index("(") + 1 : -1].split(",")] for _, c in scale], dtype=float)
    t = np.linspace(0.0, 1.0, 255)
    drawn = np.stack([np.interp(t, pos, rgb[:, c]) for c in range(3)], axis=1)
    lut = diverging_lut(palette).astype(float)
    assert np.abs(drawn - lut).max() <= 0.5 + 1e-9
