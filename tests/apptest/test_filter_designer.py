"""The Filter Designer page in AppTest (no browser): every mask, messages, both languages."""

from __future__ import annotations

import numpy as np
import pytest

from app.backend import filtering as flt
from app.ui import page
from app.ui.strings import t
from tests.apptest.helpers import live_data, move_live, notice_keys, open_lab, rendered, texts

PEAKS = ((0.046875, 0.078125), (0.09375, -0.0390625))  # the periodic-noise sample's two tone pairs


def _open(**session):
    at = open_lab("filter_designer", **session)
    assert not at.exception, at.exception
    return at


def test_opens_on_the_periodic_noise_demo():
    at = _open()
    assert at.selectbox(key="fd_sample").value == "periodic_noise"
    body = texts(at)
    assert t("fd.title", "en") in body
    assert "Find noise peaks" in body  # the demo hint names the button
    assert at.session_state["fd_notches"] == ()


def _dc_gain(at) -> float:
    """The page's "Sum of taps (DC gain)" metric."""
    return float(next(m.value for m in at.metric if m.label == t("fd.metric.sum", "en")))


#: What each band does to the zero frequency: kept (gain 1) or removed (gain 0)
DC_KEPT = {"lowpass": True, "highpass": False, "bandpass": False, "bandstop": True}


@pytest.mark.parametrize("shape", flt.MASK_SHAPES)
def test_every_mask_shape_and_band_runs_and_keeps_or_removes_the_mean(shape):
    """Each shape × band draws without error, and its kernel's DC gain (the sum of its 31×31 taps)
    says what the band does to the image's mean: about 1 where the band keeps it, about 0 where not
    (within 0.25: cropping an ideal mask's kernel moves its sum, e.g. 1.12 for the 0.1 low-pass)."""
    at = _open()
    at.selectbox(key="fd_shape").set_value(shape).run()
    assert not at.exception
    if shape == "none":  # all-pass: no band to choose
        assert at.radio(key="fd_band").disabled and live_data(at, "fd_lo")["disabled"]
        assert _dc_gain(at) == pytest.approx(1.0, abs=1e-4)
        return
    for band in flt.MASK_BANDS:
        at.radio(key="fd_band").set_value(band).run()
        assert not at.exception, (shape, band)
        assert not at.error, (shape, band, [e.value for e in at.error])
        assert _dc_gain(at) == pytest.approx(1.0 if DC_KEPT[band] else 0.0, abs=0.25), (shape, band)
        if shape == "butterworth":
            move_live(at, "fd_order", 6)
            assert not at.exception
            assert _dc_gain(at) == pytest.approx(1.0 if DC_KEPT[band] else 0.0, abs=0.25), (shape, band, 6)


def test_ideal_low_pass_reports_ringing_and_gaussian_does_not():
    at = _open(fd_shape="ideal", fd_band="lowpass", fd_lo=0.1)
    lobe = [m for m in at.metric if m.label == t("fd.metric.lobe", "en")][0]
    assert float(lobe.value.split()[0]) < -10  # about -13 % of the peak
    assert any("Gibbs" in w.value for w in at.warning)
    at.selectbox(key="fd_shape").set_value("gaussian").run()
    lobe = [m for m in at.metric if m.label == t("fd.metric.lobe", "en")][0]
    assert abs(float(lobe.value.split()[0])) < 1
    assert any("No noticeable ringing" in s.value for s in at.success)


def test_band_pass_with_low_above_high_gives_a_clear_message():
    at = _open(fd_shape="butterworth", fd_band="bandpass", fd_lo=0.1, fd_hi=0.3)
    assert not at.error
    move_live(at, "fd_lo", 0.35)
    assert not at.exception
    errors = " ".join(e.value for e in at.error)
    assert "lower cutoff (0.350) must be below the upper cutoff (0.300)" in errors
    # the page keeps working with the previous mask; fixing the slider clears the message
    move_live(at, "fd_hi", 0.45)
    assert not at.error and not at.exception


def test_band_message_in_chinese():
    at = _open(lang="zh", fd_shape="ideal", fd_band="bandstop", fd_lo=0.3, fd_hi=0.3)
    errors = " ".join(e.value for e in at.error)
    assert "下截止频率" in errors and "带阻" in errors


def test_find_noise_peaks_adds_the_two_notch_pairs_and_cleans_the_image():
    at = _open()
    at.button(key="fd_detect").click().run()
    assert not at.exception
    notches = at.session_state["fd_notches"]
    assert set(PEAKS) <= set(notches)
    body = texts(at)
    assert "fx = +0.0781, fy = +0.0469" in body
    # the link carries the notches
    assert "fd_notches" in at.query_params


def _notch_lines(at) -> list[str]:
    return [line for line in texts(at).splitlines() if line.startswith("**") and " fx = " in line]


def _notch_line(i: int, fy: float, fx: float) -> str:
    """The list's line for notch ``i``, recomputed: its frequencies and its period 1/|f| in pixels."""
    return f"**{i}.** fx = {fx:+.4f}, fy = {fy:+.4f} cycles/pixel (period ≈ {1 / np.hypot(fx, fy):.1f} px)"


def test_notches_from_a_link_and_delete():
    link = ";".join(f"{fy},{fx}" for fy, fx in PEAKS)  # the link text the address bar carries
    at = open_lab("filter_designer", link={"fd_notches": link})  # through the real decoder
    assert not at.exception and not notice_keys(at)
    assert at.session_state["fd_notches"] == PEAKS
    assert _notch_lines(at) == [_notch_line(1, *PEAKS[0]), _notch_line(2, *PEAKS[1])]
    at.button(key="fd_del_0").click().run()
    assert at.session_state["fd_notches"] == (PEAKS[1],)
    assert _notch_lines(at) == [_notch_line(1, *PEAKS[1])]  # the second notch is now the first
    assert at.query_params["fd_notches"] == "{},{}".format(*PEAKS[1])  # the link follows
    at.button(key="fd_clear").click().run()
    assert at.session_state["fd_notches"] == () and _notch_lines(at) == []
    assert "fd_notches" not in at.query_params


def test_a_bad_notch_link_is_rejected_with_a_notice():
    at = open_lab("filter_designer", link={"fd_notches": "0.9,0.1", "fd_crop": "4", "fd_shape": "ideal"})
    assert not at.exception
    assert notice_keys(at) == {"fd_notches", "fd_crop"}
    assert at.session_state["fd_shape"] == "ideal"


def test_free_hand_regions_and_smoothing_run():
    regions = (("remove", (0.05, 0.2, 0.2, 0.05), (0.05, 0.05, 0.2, 0.2)), ("keep", (-0.3, 0.3, 0.0), (0.3, 0.3, -0.3)))
    at = _open(fd_regions=regions, fd_smooth=0.01)
    assert not at.exception
    assert "1 removed, 1 kept" in texts(at)
    at.button(key="fd_free_clear").click().run()
    assert at.session_state["fd_regions"] == ()


def test_crop_size_and_window_and_zoom():
    at = _open(fd_shape="ideal", fd_lo=0.1)
    move_live(at, "fd_crop", 9)
    assert "Cropping to 9×9" in texts(at)
    at.radio(key="fd_window").set_value("hann").run()
    assert not at.exception
    assert "Hann window lowers the leakage cross" in texts(at)
    at.select_slider(key="fd_zoom").set_value(4).run()
    assert not at.exception


def test_use_as_kernel_stores_the_cropped_kernel_and_opens_the_image_lab():
    at = _open(fd_shape="gaussian", fd_lo=0.08, fd_crop=15)
    at.button(key="fd_use").click().run()
    assert not at.exception
    sent = at.session_state[page.handoff_key(page.DesignedKernel)]
    k = sent.kernel
    assert isinstance(k, np.ndarray) and k.dtype == np.float64 and k.shape == (15, 15)
    assert k.sum() == pytest.approx(1.0, abs=1e-3)
    assert "Gaussian" in sent.name
    assert t("il.title", "en") in texts(at)  # the Image Lab is now on screen


def test_chinese_page():
    at = _open(lang="zh", fd_shape="ideal")
    body = texts(at)
    for word in ("频域滤波器设计", "振铃", "频谱泄漏", "汉宁窗", "陷波"):
        assert word in body, word
    assert at.selectbox(key="fd_shape").format_func("butterworth") == "巴特沃斯"


def test_projector_mode_runs_with_the_same_numbers_and_fewer_words():
    normal = _open(fd_shape="butterworth")
    at = _open(projector=True, fd_shape="butterworth")
    assert not at.exception
    assert _dc_gain(at) == _dc_gain(normal) == pytest.approx(1.0, abs=0.1)  # a low-pass keeps the mean
    assert [m.value for m in at.metric] == [m.value for m in normal.metric]
    assert t("fd.kernel.intro", "en") in texts(normal) and t("fd.kernel.intro", "en") not in texts(at)


def test_brush_tool_and_a_painted_mask_run():
    paint = np.zeros((512, 512), bool)
    paint[300:320, 300:340] = True
    at = _open(fd_tool="paint", fd_paint=paint)
    assert not at.exception
    assert "Brush: 0.3 % of the spectrum painted." in texts(at)
    at.radio(key="fd_tool").set_value("notch").run()  # the painting survives a tool change
    assert not at.exception and "0.3 %" in texts(at)
    at.button(key="fd_free_clear").click().run()
    assert at.session_state["fd_paint"] is None


def test_hidden_controls_keep_their_values():
    at = _open(fd_shape="butterworth", fd_band="bandpass", fd_lo=0.05, fd_hi=0.2)
    move_live(at, "fd_order", 7)
    at.selectbox(key="fd_shape").set_value("gaussian").run()  # order slider hidden
    at.radio(key="fd_band").set_value("lowpass").run()  # upper cutoff hidden
    at.selectbox(key="fd_shape").set_value("butterworth").run()
    at.radio(key="fd_band").set_value("bandpass").run()
    assert at.session_state["fd_order"] == 7
    assert at.session_state["fd_hi"] == pytest.approx(0.2)


def test_the_image_labs_image_can_be_used():
    from app.backend.images import load_sample
    from app.ui.image_picker import make_picked

    lab = make_picked(load_sample("zone_plate"), name="zone_plate", source="sample", colour=False, size=256)
    at = _open(**{page.handoff_key(type(lab)): lab}, fd_use_lab=True, fd_shape="gaussian")
    assert at.toggle(key="fd_use_lab").value is True
    assert "zone_plate (256×256)" in rendered(texts(at))  # the name is shown literally (escaped markdown)
    at.toggle(key="fd_use_lab").set_value(False).run()
    assert not at.exception
    assert at.selectbox(key="fd_sample").value == "periodic_noise"


def test_colour_image_is_filtered_per_channel():
    at = _open(fd_sample="coffee", fd_colour=True, fd_shape="ideal", fd_band="highpass", fd_lo=0.05)
    assert not at.exception
    assert "zero as mid-grey" in texts(at)  # a high-pass removes the mean: signed output


def test_grid_units_round_trip():
    from app.labs.filter_designer import figures as figs

    for half in (0.5, 0.25, 0.125):
        f = np.array([-half, -0.01, 0.0, 0.03, half])
        np.testing.assert_allclose(figs.from_grid(figs.to_grid(f, half), half), f, atol=1e-15)
        assert figs.to_grid(-half, half) == 0 and figs.to_grid(half, half) == figs.CLICK_GRID - 1
