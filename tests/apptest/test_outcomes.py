"""Page outcomes, not page loads: what the Filter Designer and the CNN Lab compute and say."""

from __future__ import annotations

import re

import numpy as np

from app.backend import filtering as flt
from app.backend import mask_kernel
from app.backend.images import load_sample
from app.labs.filter_designer.parts import design
from app.labs.filter_designer.schema import SCHEMA as FD
from tests.apptest.helpers import open_lab, page_settings

RANGE = re.compile(r"^(\S+) … (\S+)$")


def _fd_mask(at) -> np.ndarray:
    """The mask the Filter Designer page holds (its settings through the page's own rules)."""
    s = page_settings(at, FD)
    pmask, _, _ = design.parametric((512, 512), design.MaskSpec.of(s), None)
    return design.full_mask(pmask, s.notches, s.notch_r, s.notch_kind)


def test_filter_designer_removes_the_periodic_noise_tones_by_30_db():
    at = open_lab("filter_designer")
    at.button(key="fd_detect").click().run()
    assert not at.exception
    res = flt.FrequencyFilter(load_sample("periodic_noise")).apply(_fd_mask(at))
    tones = [(24, 40), (48, -20)]  # cycles per image, see sample_images/make_patterns.py
    for ky, kx in tones:
        for sign in (1, -1):
            r, c = 256 + sign * ky, 256 + sign * kx
            before, after = abs(res.spectrum_in[r, c]), abs(res.spectrum_out[r, c])
            assert after <= before * 10 ** (-30 / 20), (ky, kx, sign)


def test_filter_designer_ringing_warning_is_the_computed_one():
    seen = set()
    for shape, crop in (("ideal", 31), ("butterworth", 21), ("gaussian", 21)):
        at = open_lab("filter_designer", link={"fd_shape": shape, "fd_lo": "0.08", "fd_crop": str(crop)})
        rep = mask_kernel.kernel_report(_fd_mask(at), crop)
        warned = [w.value for w in at.warning if "Ringing" in w.value]
        seen.add(design.rings(rep))
        if design.rings(rep):
            assert warned and f"{100 * rep.negative_lobe:.1f} %" in warned[0], (shape, crop)
        else:
            assert not warned and at.success, (shape, crop)
    assert seen == {True, False}  # both branches checked


def _ranges(at) -> list[tuple[float, float]]:
    return [(float(m.group(1)), float(m.group(2))) for c in at.caption if (m := RANGE.match(str(c.value)))]


def test_cnn_relu_maps_are_non_negative_and_pooling_modes_change_the_maps():
    at = open_lab("cnn_lab", link={"cnn_c3": "off", "cnn_b0": "-0.5", "cnn_act": "none"})
    assert min(lo for lo, _ in _ranges(at)) < 0  # without ReLU, edge maps go negative
    at.radio(key="cnn_act").set_value("relu").run()
    ranges = _ranges(at)
    assert len(ranges) == 8 and min(lo for lo, _ in ranges) >= 0  # 4 C1 maps, 4 S2 maps
    pooled = {}
    for mode in ("max", "average", "subsample"):
        at.selectbox(key="cnn_pool").set_value(mode).run()
        pooled[mode] = _ranges(at)[4:]
    assert pooled["max"] != pooled["average"] != pooled["subsample"] != pooled["max"]
    assert all(m[1] >= a[1] for m, a in zip(pooled["max"], pooled["average"]))  # max ≥ mean, per map
