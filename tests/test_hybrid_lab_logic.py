"""The Hybrid Lab's logic without a page: the run's pictures, the question's facts (recomputed with
numpy/scipy), the viewing-distance strip and the gain figure."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import ndimage

from app.backend import display, hybrid
from app.labs.hybrid_lab import figures as figs
from app.labs.hybrid_lab import pipeline as lab
from app.labs.hybrid_lab.questions import FAR


@pytest.fixture(scope="module")
def pair():
    return hybrid.load_pair()


def _reference_far(image, a, b, scale=8):
    """Correlations at 1/scale size, by scipy's block means and numpy's corrcoef (no ConvScope code)."""
    def small(x):
        h, w = x.shape[0] // scale * scale, x.shape[1] // scale * scale
        labels = (np.arange(h)[:, None] // scale) * (w // scale) + np.arange(w)[None, :] // scale
        return ndimage.mean(x[:h, :w], labels, np.arange((h // scale) * (w // scale)))
    img = small(image)
    return np.corrcoef(img, small(a))[0, 1], np.corrcoef(img, small(b))[0, 1]


def test_the_shipped_pair_is_seen_as_a_from_the_back_of_the_room(pair):
    a, b = pair
    run = lab.run(a, b, dx=0, dy=0, scale=1.0, sigma_low=6.0, sigma_high=2.0)
    h = hybrid.hybrid_image(a, b, sigma_low=6.0, sigma_high=2.0).image
    ra, rb = _reference_far(h, a, b)
    assert run.facts.corr_a == pytest.approx(ra, abs=1e-9)
    assert run.facts.corr_b == pytest.approx(rb, abs=1e-9)
    assert ra > 2 * max(rb, 0)
    assert FAR.answer(run.facts) == lab.SEES_A


def test_a_mostly_b_hybrid_is_seen_as_b():
    rng = np.random.default_rng(3)
    a = rng.random((64, 64))
    b = ndimage.gaussian_filter(rng.random((64, 64)), 6)  # B has coarse structure, A only fine noise
    facts = lab.far_facts(0.02 * a + b, a, b)
    ra, rb = _reference_far(0.02 * a + b, a, b)
    assert (facts.corr_a, facts.corr_b) == pytest.approx((ra, rb), abs=1e-9)
    assert facts.seen == lab.SEES_B and FAR.answer(facts) == 1


def test_the_run_shows_what_the_engine_computes(pair):
    a, b = pair
    run = lab.run(a, b, dx=7, dy=-4, scale=1.25, sigma_low=5.0, sigma_high=1.5)
    b_aligned = ndimage.affine_transform(b, [0.8, 0.8], offset=(np.array(b.shape) - 1) / 2 * 0.2 - np.array([-4, 7]) * 0.8,
                                         order=1, mode="nearest")
    h = hybrid.hybrid_image(a, b_aligned, sigma_low=5.0, sigma_high=1.5)
    np.testing.assert_array_equal(run.image.pixels, display.signed_display(h.image, kernel_sum=1.0).pixels)
    assert run.high.mode == "diverging" and run.high.lo < 0 < run.high.hi  # the signed part keeps its sign
    assert [v.shape[:2] for v in run.views] == [(512, 512), (256, 256), (128, 128), (64, 64)]
    assert run.crossover == pytest.approx(hybrid.crossover_frequency(5.0, 1.5))


def test_a_larger_sigma_low_lowers_the_crossover_and_smooths_the_low_part(pair):
    a, b = pair
    soft = lab.run(a, b, dx=0, dy=0, scale=1.0, sigma_low=9.0, sigma_high=2.0)
    sharp = lab.run(a, b, dx=0, dy=0, scale=1.0, sigma_low=2.0, sigma_high=2.0)
    assert soft.crossover < sharp.crossover

    def detail(px):
        return float(np.abs(np.diff(px.astype(float), axis=1)).mean())

    assert detail(soft.low.pixels) < detail(sharp.low.pixels)


def test_fit_to_matches_the_partner_shape():
    x = np.linspace(0, 1, 30 * 20).reshape(30, 20)
    y = lab.fit_to(x, (60, 40))
    assert y.shape == (60, 40) and y.min() >= -1e-6 and y.max() <= 1 + 1e-6


def test_distance_strip_keeps_each_view_at_its_size_bottom_aligned():
    views = [np.full((8, 8), 10, np.uint8), np.full((4, 4), 20, np.uint8), np.full((2, 2), 30, np.uint8)]
    strip = figs.distance_strip(views, gap=3)
    assert strip.shape == (8, 8 + 3 + 4 + 3 + 2, 3)
    assert (strip[:, :8] == 10).all()
    assert (strip[4:, 11:15] == 20).all() and (strip[:4, 11:15] == 255).all()
    assert (strip[6:, 18:20] == 30).all() and (strip[:6, 18:20] == 255).all()


def test_gain_figure_draws_the_gain_curves_and_marks_the_crossover():
    freqs, g_low, g_high, cross = lab.gains(4.0, 2.0)
    fig = figs.gain_figure(freqs, g_low, g_high, cross, lang="zh")
    np.testing.assert_array_equal(fig.data[0].y, g_low)
    np.testing.assert_array_equal(fig.data[1].y, g_high)
    assert fig.layout.shapes[0].x0 == pytest.approx(cross)
    # at the marked frequency the two curves cross (independent: the continuous Gaussian's gains)
    f = cross
    assert np.exp(-2 * np.pi**2 * 16 * f * f) == pytest.approx(1 - np.exp(-2 * np.pi**2 * 4 * f * f), abs=5e-3)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_display_note_names_the_clipped_share(lang, pair):
    a, b = pair
    run = lab.run(a, b, dx=0, dy=0, scale=1.0, sigma_low=6.0, sigma_high=2.0)
    pct = f"{100 * np.mean((run.image.pixels == 0) | (run.image.pixels == 255)):.1f}"
    note = lab.shown_note(run.image, lang)
    assert run.image.mode == "clip" and "%" in note
    ref = np.mean((lambda h: (h < 0) | (h > 1))(hybrid.hybrid_image(a, b, sigma_low=6.0, sigma_high=2.0).image))
    assert f"{100 * ref:.1f}" in note
    assert float(pct) >= 100 * ref - 1e-9  # clipped pixels show as pure black or white
