"""The Challenge Lab page (AppTest): the grade follows the student's kernel (the exact kernel
solves it, PSNR recomputed with numpy), bad taps keep the last kernel with a message, a teacher's
link opens the teacher's kernel, a bad link gets a friendly message, and the answer can be revealed."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import numpy as np
import pytest
from scipy import ndimage

import kernels
from app.backend import images as bimages
from app.ui.image_picker import make_picked
from app.ui.strings import t
from tests.apptest.helpers import move_live, open_lab, texts

SOBEL_X = "1 0 -1\n2 0 -2\n1 0 -1"


def _psnr_shown(at) -> float:
    m = re.search(r"PSNR \*\*([0-9.∞]+) dB", texts(at))
    assert m, texts(at)
    return float("inf") if m.group(1) == "∞" else float(m.group(1))


def _typed(at, taps: str):
    at.radio(key="ch_ksrc").set_value("taps").run()
    at.text_area(key="ch_taps").set_value(taps).run()
    assert not at.exception, at.exception
    return at


def _reference_psnr(target: np.ndarray, guess: np.ndarray) -> float:
    """PSNR of the two reflect-boundary outputs on the page's picture (scipy, not ConvScope's score)."""
    f = make_picked(bimages.load_sample("camera"), name="camera", source="sample", colour=False, size=256).image
    want = ndimage.correlate(f, target[::-1, ::-1], mode="reflect")
    got = ndimage.correlate(f, guess[::-1, ::-1], mode="reflect")
    peak = want.max() - want.min()
    return 10 * np.log10(peak**2 / np.mean((got - want) ** 2))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_lab_opens_and_the_box_slider_solves_the_first_challenge(lang):
    at = open_lab("challenge_lab", lang=lang)
    assert not at.exception, at.exception
    assert t("ch.title", lang) in texts(at)
    assert at.info[-1].value == t("ch.not_yet", lang)  # a 3 × 3 box against the hidden 7 × 7 one
    before = _psnr_shown(at)
    move_live(at, "ch_box_size", 5)
    assert before < _psnr_shown(at) < 40
    move_live(at, "ch_box_size", 7)
    assert _psnr_shown(at) == float("inf") and at.success[0].value == t("ch.solved", lang)


def test_closer_kernels_score_higher_and_the_exact_one_solves_it():
    at = open_lab("challenge_lab", link={"ch_id": "sobel_x"})
    start = _psnr_shown(at)
    _typed(at, "1 0 -1\n1 0 -1\n1 0 -1")  # Prewitt: close to Sobel x
    close = _psnr_shown(at)
    assert close == pytest.approx(_reference_psnr(kernels.make("sobel_x"), np.array([[1, 0, -1]] * 3, float)), abs=0.06)
    assert start < close < 40
    _typed(at, SOBEL_X)
    assert _psnr_shown(at) == float("inf") and at.success[0].value == t("ch.solved", "en")
    _typed(at, "-1 0 1\n-2 0 2\n-1 0 1")  # the flipped kernel: the classic mistake
    assert _psnr_shown(at) < start and not at.success


def test_bad_taps_keep_the_last_kernel_and_say_why():
    at = _typed(open_lab("challenge_lab", link={"ch_id": "sobel_x"}), SOBEL_X)
    at.text_area(key="ch_taps").set_value("1 0 -1\n2 zero -2").run()
    assert not at.exception, at.exception
    assert "zero" in at.error[0].value
    assert _psnr_shown(at) == float("inf")  # still the last good kernel


def test_a_teacher_link_opens_the_teachers_kernel_and_the_answer_is_revealed():
    teacher = _typed(open_lab("challenge_lab"), "0 1 0\n0 0 0\n0 0 0")  # a shift: not a shipped challenge
    teacher.button(key="ch_make").click().run()
    link = teacher.code[0].value
    query = {k: v[0] for k, v in parse_qs(urlsplit(link).query).items()}
    assert "0 1 0" not in link and "ch_taps" not in query
    student = open_lab("challenge_lab", link=query)
    assert not student.exception, student.exception
    assert student.selectbox(key="ch_id").value == "teacher" and not student.warning
    _typed(student, "0 1 0\n0 0 0\n0 0 0")
    assert _psnr_shown(student) == float("inf")
    student.button(key="q_ch_answer_reveal").click().run()
    assert t("ch.answer", "en", h=3, w=3) in texts(student)


def test_a_bad_teacher_link_gets_a_friendly_message():
    at = open_lab("challenge_lab", lang="zh", link={"ch_id": "teacher", "ch_token": "AAAAbrokenAAAA"})
    assert not at.exception, at.exception
    assert at.warning and t("err.challenge_token", "zh") in at.warning[0].value


def _tap_errors(at) -> list[float]:
    return [float(m) for m in re.findall(r"tap error: \*\*([0-9.e+-]+)\*\*", texts(at))]


def test_the_computer_learns_the_hidden_kernel_and_a_blurred_input_hides_bands():
    at = open_lab("challenge_lab", link={"ch_id": "sobel_x", "ch_learn": "true", "ch_noise": "0"})
    assert not at.exception, at.exception
    ls, gd = _tap_errors(at)
    assert ls < 1e-6 and gd < 1e-2
    assert t("ch.learn.moral", "en") in texts(at) and not at.warning
    move_live(at, "ch_noise", 0.01)
    move_live(at, "ch_blur", 3.0)
    assert not at.exception, at.exception
    assert _tap_errors(at)[0] > 100 * ls  # the data no longer pins the taps down
    assert at.warning and "cycles/pixel" in at.warning[0].value


def test_a_chosen_step_and_momentum_replace_the_best_ones():
    at = open_lab("challenge_lab", link={"ch_id": "sobel_x", "ch_learn": "true", "ch_noise": "0"})
    best_gd = _tap_errors(at)[1]
    at.toggle(key="ch_auto").set_value(False).run()
    move_live(at, "ch_mom", 0.0)
    move_live(at, "ch_rate", 0.5)
    assert not at.exception, at.exception
    assert _tap_errors(at)[1] > 10 * best_gd  # plain, timid steps: far from the kernel after 300 steps
