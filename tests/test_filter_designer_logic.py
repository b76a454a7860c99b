"""The Filter Designer's rules without a browser: masks with fallback, notches, clicks, zoom,
how the output is shown, and the cached per-image work."""

from __future__ import annotations

import numpy as np
import pytest

from app.backend import filtering as flt
from app.backend import mask_kernel, spectrum_reading
from app.backend.images import load_sample
from app.labs.filter_designer import pipeline
from app.labs.filter_designer.parts import design
from app.labs.filter_designer.schema import SCHEMA, parse_crop
from app.ui.image_picker import make_picked

SHAPE = (64, 64)


def test_defaults_are_all_pass_with_no_notches():
    s = SCHEMA.defaults()
    spec = design.MaskSpec.of(s)
    mask, used, err = design.parametric(SHAPE, spec, None)
    assert used == spec and err is None and np.all(mask == 1) and spec.cutoffs == ()
    assert s.notches == () and s.crop == 31


def test_an_invalid_band_falls_back_to_the_last_good_mask_and_says_why():
    good = design.MaskSpec("ideal", "lowpass", 0.1, 0.25, 2)
    bad = design.MaskSpec("ideal", "bandpass", 0.35, 0.3, 2)
    mask, used, err = design.parametric(SHAPE, bad, good)
    assert used == good and isinstance(err, ValueError)
    np.testing.assert_array_equal(mask, good.build(SHAPE))
    text = design.mask_error(bad, err, "en")
    assert "lower cutoff (0.350) must be below the upper cutoff (0.300)" in text
    assert "带通" in design.mask_error(bad, err, "zh")


def test_notches_are_not_added_twice_nor_as_their_mirror_and_the_list_fills_up():
    notches, added, full = design.add_notches((), [(0.1, 0.2), (-0.1, -0.2), (0.1004, 0.2)], 0.01)
    assert notches == ((0.1, 0.2),) and added == 1 and not full
    many = [(0.01 * i, 0.3) for i in range(flt.MAX_NOTCHES + 3)]
    notches, added, full = design.add_notches((), many, 0.001)
    assert len(notches) == flt.MAX_NOTCHES and full


def test_selection_events_become_polygons_or_a_click():
    ident = np.asarray
    polys, point = design.selection({"selection": {"box": [{"x": [0.1, 0.2], "y": [0.0, 0.3]}]}}, ident)
    assert polys == [([0.1, 0.2, 0.2, 0.1], [0.0, 0.0, 0.3, 0.3])] and point is None
    polys, point = design.selection({"selection": {"points": [{"x": 0.2, "y": -0.1}]}}, ident)
    assert polys == [] and point == (-0.1, 0.2)
    assert design.selection(None, ident) == ([], None)
    assert design.is_dc((0.0, 0.01), SHAPE) and not design.is_dc((0.0, 0.1), SHAPE)


@pytest.mark.parametrize("zoom", [1, 2, 4])
def test_zoom_crop_is_centred_and_its_edges_match_the_range(zoom):
    u8 = np.arange(64 * 64, dtype=np.uint8).reshape(SHAPE)
    crop, ye, xe = design.zoom_crop(u8, zoom)
    assert crop.shape[0] == crop.shape[1] and crop[crop.shape[0] // 2, crop.shape[1] // 2] == u8[32, 32]
    assert ye == xe and ye[1] == pytest.approx(0.5 / zoom + 0.5 / 64 if zoom > 1 else 31.5 / 64)


def test_output_is_plain_when_the_mask_keeps_the_mean_and_signed_when_not():
    out = np.linspace(-0.1, 1.1, 64 * 64).reshape(SHAPE)
    low = design.MaskSpec("gaussian", "lowpass", 0.1, 0.25, 2).build(SHAPE)
    high = design.MaskSpec("gaussian", "highpass", 0.1, 0.25, 2).build(SHAPE)
    pixels, caption, values = design.output_view(out, low)
    grey = np.floor(255 * np.clip(out, 0, 1) + 0.5)  # a plain picture, clipped to [0, 1] (and said so)
    assert all(np.array_equal(pixels[..., c], grey) for c in range(3))
    assert caption == "fd.panel.output_plain" and float(values["pct"]) == pytest.approx(100 * np.mean((out < 0) | (out > 1)), abs=0.01)
    pixels, caption, values = design.output_view(out, high)
    assert pixels.ndim == 3 and caption == "fd.panel.output_signed" and values["dc"] == "0.00"
    assert design.output_view(np.full(SHAPE, 0.5), low)[1] is None


def test_ringing_is_the_computed_negative_lobe():
    ideal = design.MaskSpec("ideal", "lowpass", 0.1, 0.25, 2).build(SHAPE)
    gauss = design.MaskSpec("gaussian", "lowpass", 0.1, 0.25, 2).build(SHAPE)
    assert design.rings(mask_kernel.kernel_report(ideal, 31)) and not design.rings(mask_kernel.kernel_report(gauss, 31))


def test_free_hand_regions_remove_and_keep():
    ones = np.ones(SHAPE)
    square = ("remove", (0.1, 0.3, 0.3, 0.1), (0.1, 0.1, 0.3, 0.3))
    mask = design.full_mask(ones, (), 0.01, "gaussian", (square,))
    assert mask.min() == 0 and mask[32, 32] == 1
    assert np.allclose(mask, mask[::-1, ::-1][np.r_[-1, :63]][:, np.r_[-1, :63]])  # mirrored: a real output


def test_the_periodic_noise_tones_lose_30_db_with_detected_notches():
    image = load_sample("periodic_noise")
    picked = make_picked(image, name="periodic_noise", source="sample", colour=False, size=512)
    filt = pipeline.filter_for(picked, "none")
    notches, added, _ = design.add_notches((), spectrum_reading.detect_peaks(filt.spectrum, count=6), 0.01)
    assert added >= 2
    mask = design.full_mask(np.ones(image.shape), notches, 0.01, "gaussian")
    res = filt.apply(mask)
    for fy, fx in notches:
        r, c = (int(round(f * n)) + n // 2 for f, n in zip((fy, fx), image.shape))
        before, after = np.abs(res.spectrum_in[r, c]), np.abs(res.spectrum_out[r, c])
        assert after <= before * 10 ** (-30 / 20)  # at least 30 dB down


def test_describe_and_parse_crop():
    assert design.describe(design.MaskSpec("none", "lowpass", 0.1, 0.2, 2), 0, False, "en") == "all-pass"
    assert design.describe(design.MaskSpec("ideal", "bandstop", 0.1, 0.2, 2), 0, True, "en").endswith("+ free-hand")
    with pytest.raises(ValueError, match=r"crop size must be odd, 3\.\.63"):
        parse_crop("4")


def test_removed_view_follows_the_palette():
    removed = np.array([[-0.5, 0.0, 0.5]])
    standard, _ = design.removed_view(removed)
    safe, peak = design.removed_view(removed, "colour_safe")
    assert peak == 0.5 and standard[0, 1].tolist() == safe[0, 1].tolist() == [247, 247, 247]
    assert standard[0, 2].tolist() == [103, 0, 31] and safe[0, 2].tolist() == [127, 59, 8]  # red -> dark orange
