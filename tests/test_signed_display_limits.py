"""The signed display's limit is ``max|x|`` (or its robust percentile), never ``max(x)``.

An output that is mostly negative (an edge detector on a dark-to-bright edge, ``[-2, 0, 1]``) is
where a limit taken from ``max(x)`` goes wrong: the negative side saturates and the positive side
is drawn at full strength. Each mode's pixels are recomputed here from the definition, the two
ends of the diverging map are checked to be blue (negative) and red/orange (positive) in every
palette, and saturation is counted on both signs.
"""

from __future__ import annotations

import numpy as np
import pytest

from app.backend import signed_to_rgb
from app.backend.colormaps import PALETTES, diverging_lut
from app.backend.display import SATURATE_PERCENTILE, signed_display

MOSTLY_NEGATIVE = np.array([[-2.0, 0.0, 1.0]])
ALL_NEGATIVE = np.array([[-2.0, -1.0, 0.0]])


def _grey(u8: np.ndarray) -> list[int]:
    """The first channel of a grey RGB row (abs/offset maps are grey: R = G = B)."""
    assert np.array_equal(u8[..., 0], u8[..., 1]) and np.array_equal(u8[..., 0], u8[..., 2])
    return u8[0, :, 0].tolist()


def _expected_grey(x: np.ndarray, mode: str, lim: float) -> list[int]:
    t = np.abs(x) / lim if mode == "abs" else 0.5 + x / (2 * lim)
    return np.floor(255 * np.clip(t, 0, 1) + 0.5).astype(int)[0].tolist()


def _lut_index(x: np.ndarray, lim: float) -> np.ndarray:
    return (np.floor(127 * np.clip(x / lim, -1, 1) + 127 + 0.5)).astype(int)[0]


@pytest.mark.parametrize("mode", ["abs", "offset"])
@pytest.mark.parametrize("x", [MOSTLY_NEGATIVE, ALL_NEGATIVE], ids=["mostly_negative", "all_negative"])
def test_abs_and_offset_scale_mostly_negative_outputs_by_max_abs(x, mode):
    lim = float(np.abs(x).max())  # 2, from the negative side
    d = signed_display(x, mode)
    assert d.mode == mode and d.limit == lim and d.clipped_fraction == 0.0
    assert (d.lo, d.hi) == (float(x.min()), float(x.max()))
    assert _grey(d.pixels) == _expected_grey(x, mode, lim)
    # the same rule in every other entry point that picks the limit itself
    assert _grey(signed_to_rgb(x, mode)) == _expected_grey(x, mode, lim)
    assert _grey(signed_display(x, mode, limit="peak").pixels) == _expected_grey(x, mode, lim)


def test_abs_and_offset_give_the_most_negative_value_its_full_strength():
    """``-2`` is the largest magnitude: white in ``abs``, black in ``offset``; ``+1`` is half way."""
    assert _grey(signed_display(MOSTLY_NEGATIVE, "abs").pixels) == [255, 0, 128]
    assert _grey(signed_display(MOSTLY_NEGATIVE, "offset").pixels) == [0, 128, 191]


@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize("x", [MOSTLY_NEGATIVE, ALL_NEGATIVE], ids=["mostly_negative", "all_negative"])
def test_diverging_scales_mostly_negative_outputs_by_max_abs(x, palette):
    lut = diverging_lut(palette)
    lim = float(np.abs(x).max())
    want = lut[_lut_index(x, lim)].tolist()
    assert signed_to_rgb(x, "diverging", palette=palette)[0].tolist() == want
    assert signed_display(x, "diverging", palette=palette, limit="peak").pixels[0].tolist() == want
    robust = float(np.percentile(np.abs(x), SATURATE_PERCENTILE))  # the page's rule: a robust limit
    d = signed_display(x, "diverging", palette=palette)
    assert d.limit == pytest.approx(robust)
    assert d.pixels[0].tolist() == lut[_lut_index(x, robust)].tolist()


@pytest.mark.parametrize("palette", PALETTES)
def test_diverging_ends_are_blue_for_negative_and_warm_for_positive(palette):
    """The most negative value is the table's blue end, the largest positive one its red/orange end."""
    x = np.array([[-3.0, -1.0, 0.0, 3.0]])
    rgb = signed_to_rgb(x, "diverging", palette=palette)[0].astype(int)
    lut = diverging_lut(palette)
    assert rgb[0].tolist() == lut[0].tolist() and rgb[3].tolist() == lut[-1].tolist()
    assert rgb[2].tolist() == lut[127].tolist()  # zero: the neutral middle
    (r0, _g0, b0), (r3, _g3, b3) = rgb[0], rgb[3]
    assert b0 > r0 + 50, rgb[0]  # negative: blue
    assert r3 > b3 + 50, rgb[3]  # positive: red (standard) / dark orange (colour-safe)
    # −1 of ±3 is a third of the way to blue: bluer than white, less blue than the end
    assert rgb[2][0] > rgb[1][0] > rgb[0][0]


def test_diverging_saturation_is_counted_on_both_signs():
    """1000 small values with 4 outliers: 2 far negative, 2 far positive. The robust limit saturates
    all four, and the count and the colours say so on each side."""
    rng = np.random.default_rng(5)
    x = rng.uniform(-0.1, 0.1, (1, 1004))
    x[0, :2], x[0, -2:] = -9.0, 9.0
    d = signed_display(x, "diverging")
    robust = float(np.percentile(np.abs(x), SATURATE_PERCENTILE))
    assert d.limit == pytest.approx(robust) and robust < 9.0
    assert d.clipped_fraction == pytest.approx(float(np.mean(np.abs(x) > robust)))
    assert d.clipped_fraction >= 4 / 1004
    lut = diverging_lut("standard")
    assert d.pixels[0, :2].tolist() == [lut[0].tolist()] * 2  # saturated negative: the blue end
    assert d.pixels[0, -2:].tolist() == [lut[-1].tolist()] * 2  # saturated positive: the red end
    # only negatives beyond the limit: counted too (a limit from max(x) would miss the sign)
    neg = x.copy()
    neg[0, -2:] = 0.05
    dn = signed_display(neg, "diverging")
    assert dn.clipped_fraction == pytest.approx(float(np.mean(np.abs(neg) > dn.limit)))
    assert dn.clipped_fraction > 0 and dn.pixels[0, :2].tolist() == [lut[0].tolist()] * 2


@pytest.mark.parametrize("palette", PALETTES)
def test_an_explicit_limit_saturates_beyond_it_and_counts_the_share(palette):
    """``limit=1`` on ``[-3, -0.5, 0, 0.5, 3]``: the two ±3 saturate at the table's ends, ±0.5 sit
    half way, and 2 of 5 pixels are counted."""
    x = np.array([[-3.0, -0.5, 0.0, 0.5, 3.0]])
    d = signed_display(x, "diverging", limit=1.0, palette=palette)
    assert d.limit == 1.0 and d.clipped_fraction == pytest.approx(2 / 5)
    assert d.pixels[0].tolist() == diverging_lut(palette)[_lut_index(x, 1.0)].tolist()


def test_data_signed_by_nature_get_the_signed_map_even_inside_0_1():
    """A difference of zero is neutral white, not black; a positive-only difference still diverges."""
    zero = signed_display(np.zeros((2, 2)), "diverging", signed=True)
    assert zero.mode == "diverging" and zero.pixels.reshape(-1, 3).tolist() == [[247, 247, 247]] * 4
    assert signed_display(np.zeros((2, 2)), "diverging").mode == "plain"  # data alone: a plain image
    small = np.array([[0.0, 0.5]])
    d = signed_display(small, "offset", signed=True)
    assert d.mode == "offset" and _grey(d.pixels) == _expected_grey(small, "offset", 0.5)


def test_a_limit_that_is_not_positive_is_refused():
    with pytest.raises(ValueError, match="limit must be a positive number"):
        signed_display(np.array([[-1.0, 1.0]]), "diverging", limit=0.0)
