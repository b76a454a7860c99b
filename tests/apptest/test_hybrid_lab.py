"""The Hybrid Lab page (AppTest): it opens in both languages, σ sliders change the pictures and the
crossover the way they should, the question is graded from the computation, and the shipped pair
gives way to two pickers."""

from __future__ import annotations

import re

import numpy as np
import pytest

from app.backend import hybrid
from app.ui.strings import t
from tests.apptest.helpers import move_live, open_lab, texts


def _crossover_shown(at) -> float:
    m = re.search(r"\*\*([0-9.]+) cycles/pixel\*\*", texts(at))
    assert m, texts(at)
    return float(m.group(1))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_lab_opens_with_the_shipped_pair(lang):
    at = open_lab("hybrid_lab", lang=lang)
    assert not at.exception, at.exception
    assert t("hy.title", lang) in texts(at)
    assert at.toggle(key="hy_pair").value is True
    assert not at.selectbox  # no pickers while the shipped pair is on


def test_a_larger_sigma_low_moves_the_crossover_down():
    at = open_lab("hybrid_lab")
    before = _crossover_shown(at)
    assert before == pytest.approx(hybrid.crossover_frequency(6.0, 2.0), abs=1e-3)
    move_live(at, "hy_slow", 9.0)
    assert not at.exception, at.exception
    after = _crossover_shown(at)
    assert after < before
    # independent: the continuous Gaussians' gains are equal there
    assert np.exp(-2 * np.pi**2 * 81 * after**2) == pytest.approx(1 - np.exp(-2 * np.pi**2 * 4 * after**2), abs=5e-3)


def test_the_question_is_graded_from_the_smallest_view():
    at = open_lab("hybrid_lab")
    at.radio(key="q_hy_far_pick").set_value(0).run()  # "A": the shipped pair's far view is the happy face
    assert not at.exception, at.exception
    assert at.success and t("q.correct", "en", right=t("hy.q.far.a", "en")) in at.success[0].value
    at.radio(key="q_hy_far_pick").set_value(1).run()
    assert not at.success and at.info


def test_answers_hidden_keeps_the_small_views_back_until_revealed():
    at = open_lab("hybrid_lab", link={"answers": "hidden"})
    assert not at.exception, at.exception
    assert t("hy.walk_hidden", "en") in texts(at)
    at.button(key="q_hy_far_reveal").click().run()
    assert t("hy.walk_hidden", "en") not in texts(at)
    assert t("hy.walk_caption", "en") in texts(at)


def test_switching_the_pair_off_shows_two_pickers_and_a_new_hybrid():
    at = open_lab("hybrid_lab")
    note_before = [c.value for c in at.caption]
    at.toggle(key="hy_pair").set_value(False).run()
    assert not at.exception, at.exception
    assert at.selectbox(key="hy_a_sample").value == "camera"
    assert at.selectbox(key="hy_b_sample").value == "astronaut"
    assert [c.value for c in at.caption] != note_before  # the pictures' value ranges changed
