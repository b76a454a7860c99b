"""Predict, then reveal, in AppTest: the CNN Lab's vector question (answer hidden by a teacher's
link, then revealed; the right choice is the computed length) and the Signal Lab's
find-the-maximum exercise (the true maximum is the computed y's, the marker moves there)."""

from __future__ import annotations

import re

import numpy as np
import pytest

from app.backend import signal_convolution as sconv
from app.backend import signals as sg
from app.labs.signal_lab.pipeline import times
from app.ui import predict
from app.ui.strings import TABLE
from tests.apptest.helpers import open_lab, texts

PICK, REVEAL = "q_cnn_vector_pick", "q_cnn_vector_reveal"
LENGTH = re.compile(r"(?:Vector length|向量长度) \*\*([\d,?]+)\*\*")


def _ok(at, what: str) -> None:
    assert not at.exception, f"{what}: {[e.value for e in at.exception]}"
    assert not at.error, f"{what}: {[e.value for e in at.error]}"


def _strip_length(at) -> str:
    return LENGTH.search(texts(at)).group(1)


VERDICT_OPENINGS = tuple(TABLE[k][lang].split("{right}")[0] for k in predict.VERDICTS.values() for lang in ("en", "zh"))


def _verdicts(at) -> list[str]:
    return [str(m.value) for m in [*at.success, *at.info] if str(m.value).startswith(VERDICT_OPENINGS)]


def test_cnn_answer_hidden_until_revealed_and_taken_from_the_computation():
    at = open_lab("cnn_lab", link={"answers": "hidden"})
    _ok(at, "hidden")
    assert _strip_length(at) == "?" and not _verdicts(at)
    assert "hidden until someone presses" in texts(at)
    at.radio(key=PICK).set_value(0).run()  # "4: one number per map": wrong, and still nothing shown
    assert _strip_length(at) == "?" and not _verdicts(at)
    at.button(key=REVEAL).click().run()
    _ok(at, "revealed")
    assert _strip_length(at) == "65,536"  # 128 × 128 × 4 after S4
    [verdict] = _verdicts(at)
    assert verdict.startswith("Not quite. The answer is 128 × 128 × 4") and "**65,536**" in verdict
    # the answer follows the computation: C3 off makes S2 the last stage, 256 × 256 × 4
    at.selectbox(key="cnn_c3").set_value("off").run()
    at.radio(key=PICK).set_value(2).run()
    [verdict] = _verdicts(at)
    assert verdict.startswith("Right: 256 × 256 × 4") and _strip_length(at) == f"{256 * 256 * 4:,}"


def test_cnn_answer_shows_once_picked_without_the_flag_and_in_chinese():
    at = open_lab("cnn_lab", lang="zh")
    _ok(at, "zh")
    assert _strip_length(at) == "65,536" and not _verdicts(at)
    assert REVEAL not in {b.key for b in at.button}  # without the flag, picking is the reveal
    at.radio(key=PICK).set_value(3).run()  # the maps before pooling: 256 × 256 × 4
    [verdict] = _verdicts(at)
    assert verdict.startswith("不太对。答案是 128 × 128 × 4")


@pytest.fixture(scope="module")
def signal_y() -> tuple[np.ndarray, np.ndarray]:
    """y at the slider's times for the default signals (rect * exp), computed here, not by the page."""
    grid = sg.make_grid("continuous")
    ts = times("continuous")
    return ts, sconv.slide_frames(sg.make_signal("rect", grid), sg.make_signal("exp", grid), ts).y


def test_find_the_maximum_shows_the_true_maximum_and_moves_the_marker(signal_y):
    ts, y = signal_y
    t_max, y_max = float(ts[np.argmax(y)]), float(y.max())
    at = open_lab("signal_lab")
    _ok(at, "signal lab")
    at.slider(key="sl_guess_t").set_value(2.5).run()
    assert not at.info and "is largest at" not in texts(at)  # nothing until checked
    at.button(key="q_sl_max_reveal").click().run()
    [off] = [str(i.value) for i in at.info if "largest" in str(i.value)]
    assert f"y is largest at t = {t_max:g}, where y = {y_max:.4g}" in off and f"is {abs(2.5 - t_max):g} away" in off
    at.button(key="q_sl_max_show").click().run()
    _ok(at, "marker moved")
    assert at.session_state["sl_t"] == pytest.approx(t_max)
    assert at.slider(key="sl_guess_t").value == 2.5
    at.slider(key="sl_guess_t").set_value(t_max).run()  # a new guess hides the answer until checked again
    assert not [i for i in at.info if "largest" in str(i.value)]
    at.button(key="q_sl_max_reveal").click().run()
    assert any(str(s.value).startswith("Right on: y is largest at t = ") for s in at.success)


def test_find_the_maximum_in_discrete_mode_in_chinese():
    at = open_lab("signal_lab", lang="zh", sl_mode="discrete")
    _ok(at, "discrete zh")
    at.slider(key="sl_guess_n").set_value(0).run()
    at.button(key="q_sl_max_reveal").click().run()
    assert any("y 在 n = " in str(m.value) for m in [*at.info, *at.success])


def _lesson_infos(at) -> list[str]:
    return [str(i.value) for i in at.info if "zone plate's rings" in str(i.value)]


def _load_lesson(lesson: str, tab: str = "Lessons", **kw):
    at = open_lab("image_lab", il_tab=tab, **kw)
    at.selectbox(key="teach_lesson_pick").set_value(lesson).run()
    at.button(key="teach_lesson_load").click().run()
    _ok(at, lesson)
    return at


def test_lesson_question_hidden_until_revealed_and_answered_by_the_run():
    at = _load_lesson("blur_high", link={"answers": "hidden"})
    assert "How much of its fine detail" in at.radio(key="q_lesson_blur_high_pick").label
    assert "hidden until someone presses" in texts(at) and not _verdicts(at)
    assert not _lesson_infos(at)  # the tab's explanation waits for the answer
    at.radio(key="q_lesson_blur_high_pick").set_value(0).run()
    assert not _verdicts(at)
    at.button(key="q_lesson_blur_high_reveal").click().run()
    _ok(at, "revealed")
    [verdict] = _verdicts(at)
    assert verdict.startswith("Not quite. The answer is Almost none (under 5 %).")
    assert _lesson_infos(at)


def test_lesson_answer_follows_the_setting_and_speaks_chinese():
    at = _load_lesson("direction")
    at.radio(key="q_lesson_direction_pick").set_value(0).run()
    [verdict] = _verdicts(at)
    assert verdict.startswith("Right: Those pointing left and right")
    at.selectbox(key="il_kernel").set_value("sobel_y").run()
    [verdict] = _verdicts(at)
    assert verdict.startswith("Not quite. The answer is Those pointing up and down")
    zh = _load_lesson("direction", "课堂示例", lang="zh")
    zh.radio(key="q_lesson_direction_pick").set_value(1).run()
    [verdict] = _verdicts(zh)
    assert verdict.startswith("不太对。答案是 指向左右的")


def test_filter_designer_question_hidden_then_revealed_and_following_the_mask():
    at = open_lab("filter_designer", link={"answers": "hidden"})
    _ok(at, "filter designer")
    assert "What will the output look like?" in at.radio(key="q_fd_effect_pick").label
    assert "hidden until someone presses" in texts(at) and not _verdicts(at)
    at.button(key="q_fd_effect_reveal").click().run()
    [verdict] = _verdicts(at)
    assert verdict.startswith("The answer is Practically unchanged.")  # no mask yet: all ones
    for shape, band, right in (("gaussian", "lowpass", "Blurred"), ("gaussian", "highpass", "Edges and detail only"),
                               ("ideal", "bandpass", "Edges and detail only"), ("ideal", "bandstop", "The same picture")):
        at.session_state["fd_shape"], at.session_state["fd_band"] = shape, band
        at.run()
        [verdict] = _verdicts(at)
        assert verdict.startswith(f"The answer is {right}"), band


def test_fourier_lab_question_answered_by_the_swap():
    at = open_lab("fourier_lab", fl_tab="phase", link={"answers": "hidden"})
    _ok(at, "fourier lab")
    assert "Which photo will it look like?" in at.radio(key="q_fl_swap_pick").label
    assert not _verdicts(at)
    at.radio(key="q_fl_swap_pick").set_value(1).run()
    at.button(key="q_fl_swap_reveal").click().run()
    [verdict] = _verdicts(at)
    assert verdict.startswith("Right: Photo B, which gave the phase.")
    at.selectbox(key="fl_b").set_value("camera").run()  # B = A: the swap is A itself
    [verdict] = _verdicts(at)
    assert verdict.startswith("Not quite. The answer is Both alike")


def test_fourier_lab_wiener_question_follows_k():
    from app.labs.image_lab.teaching.lessons import PAGE_LESSONS

    at = open_lab("fourier_lab", link={"answers": "hidden"}, **PAGE_LESSONS["wiener_k"][1])
    _ok(at, "wiener")
    assert "will the error be" in at.radio(key="q_fl_wiener_pick").label and not _verdicts(at)
    assert [m.value for m in at.metric if m.label == "RMSE Wiener"] == ["?"]
    at.button(key="q_fl_wiener_reveal").click().run()
    [verdict] = _verdicts(at)
    assert verdict.startswith("The answer is larger: the noise is amplified.")  # K = 10⁻⁶: the lesson's start
    at.button(key="fl_best_btn").click().run()
    [verdict] = _verdicts(at)
    assert verdict.startswith("The answer is smaller: the blur is undone.")
