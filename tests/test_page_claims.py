"""Issue 18 §1: every sentence a page states about the live data is recomputed here independently
(numpy/scipy directly, never ConvScope's own function), over several kernels and settings, and
every prediction question is graded against an independent computation of what it asks."""

from __future__ import annotations

import numpy as np
import pytest

from app.backend import filtering as flt
from app.ui.filter_designer import question as fdq


# --------------------------------------------------------------------- Filter Designer question
def _radius(shape):
    """Radial frequency (cycles/pixel) of each cell of a centred grid, built from the cell indices."""
    iy, ix = np.indices(shape, dtype=float)
    return np.hypot((iy - shape[0] // 2) / shape[0], (ix - shape[1] // 2) / shape[1])


def _expected_effect(mask):
    """The grading rule from first principles: what the output image loses."""
    h, w = mask.shape
    rng = np.random.default_rng(7)
    image = 0.5 + 0.1 * rng.standard_normal((h, w))
    out = np.fft.ifft2(np.fft.ifftshift(np.fft.fftshift(np.fft.fft2(image)) * mask)).real
    r = _radius(mask.shape)
    if not (mask < 0.5).any():
        return 2
    if abs(out.mean()) < 0.5 * image.mean():  # the mean brightness is gone: only changes remain
        return 1
    if 2 * mask[r > 0.25].mean() <= mask[r < 0.1].mean():
        return 0
    return 3


MASK_GRID = [(shape, kind, band, lo, hi)
             for shape in ((64, 64), (48, 80), (63, 63))
             for kind in ("ideal", "butterworth", "gaussian")
             for band in flt.MASK_BANDS
             for lo, hi in ((0.05, 0.3), (0.1, 0.25), (0.2, 0.45), (0.3, 0.4))]


@pytest.mark.parametrize(("shape", "kind", "band", "lo", "hi"), MASK_GRID)
def test_the_filter_designer_question_is_graded_from_the_masks_gains(shape, kind, band, lo, hi):
    mask = flt.parametric_mask(shape, kind, band, low=lo, high=hi)
    facts = fdq.mask_facts(mask)
    r = _radius(shape)
    assert facts["dc"] == pytest.approx(mask[r == 0].item())
    assert facts["mid"] == pytest.approx(mask[(r >= 0.1) & (r <= 0.25)].mean())
    assert facts["removed"] == pytest.approx(np.count_nonzero(mask < 0.5) / mask.size)
    assert fdq.EFFECT.answer(facts) == _expected_effect(mask)


@pytest.mark.parametrize(("lo", "hi"), [(0.1, 0.25), (0.05, 0.3)])
def test_a_band_pass_removes_the_mean_brightness_and_is_graded_so(lo, hi):
    """The issue's two cases: graded "a few stripes gone" and "blurred, centre kept" before."""
    mask = flt.parametric_mask((256, 256), "ideal", "bandpass", low=lo, high=hi)
    facts = fdq.mask_facts(mask)
    assert facts["dc"] == 0.0
    assert fdq.EFFECT.answer(facts) == 1  # edges and detail only
    if (lo, hi) == (0.1, 0.25):
        assert facts["removed"] == pytest.approx(0.835, abs=5e-4)


def test_the_filter_designer_explanation_shows_every_gain_it_grades_on():
    from app.ui.strings import TABLE

    for lang in ("en", "zh"):
        text = TABLE[fdq.EFFECT.explain][lang]
        for field in ("{dc}", "{low}", "{mid}", "{high}", "{pct}"):
            assert field in text, (lang, field)


# --------------------------------------------------------------------- convolution docstring
def test_the_documented_anchor_is_the_higher_middle_index_for_even_sides():
    from scipy import ndimage

    from app.backend import convolution

    assert "the higher of the two" in convolution.__doc__ and "the lower of the two" not in convolution.__doc__
    for n in (2, 4, 6):
        x = np.zeros(2 * n + 1)
        x[n] = 1.0
        taps = np.arange(1.0, n + 1)
        out = ndimage.correlate1d(x, taps, mode="constant")
        # correlating an impulse at n puts tap m at n - (m - anchor): tap `anchor` lands on n
        assert out[n] == taps[n // 2] and convolution.anchor((n, n)) == (n // 2, n // 2)
