"""Predict, then reveal, without a browser: questions answered by the computation, the CNN Lab's
vector question, the Signal Lab's find-the-maximum check."""

from __future__ import annotations

import doctest

import numpy as np
import pytest

from app.ui.cnn_lab import questions
from app.ui.signal_lab import maximum
from app.ui.strings import TABLE
from app.ui.teaching import predict


def test_the_module_examples_run():
    assert doctest.testmod(questions).failed == 0 and doctest.testmod(maximum).failed == 0


def test_a_question_has_three_or_four_choices():
    with pytest.raises(ValueError, match="3 or 4 choices"):
        predict.Question("q", "q.reveal", ("a", "b"), "q.answer", lambda f: {}, lambda f: 0)


def test_judge_takes_the_right_choice_from_the_facts():
    q = predict.Question("q", "p", ("a", "b", "c"), "e", lambda f: {"n": f}, lambda f: f % 3)
    assert predict.judge(q, 4, 1) == predict.Verdict(1, True, {"n": 4})
    assert predict.judge(q, 5, 1).correct is False and predict.judge(q, 5, None).correct is None
    with pytest.raises(ValueError, match="not a choice"):
        predict.judge(predict.Question("q", "p", ("a", "b", "c"), "e", dict, lambda f: 3), {}, None)


@pytest.mark.parametrize(("conv", "pooled"), [((4, 64, 64), (4, 32, 32)), ((16, 28, 28), (16, 14, 14)),
                                                ((1, 10, 10), (1, 1, 1)), ((3, 9, 5), (3, 3, 1))])
def test_the_vector_question_is_answered_by_the_flattened_length(conv, pooled):
    stages = [("input", np.zeros((1, 9, 9))), ("C3", np.zeros(conv)), ("S4", np.zeros(pooled))]
    facts = questions.vector_facts(stages)
    right = questions.VECTOR.answer(facts)
    assert facts.candidates()[right] == np.zeros(pooled).size == facts.length
    assert facts.stage == "S4" and (facts.h, facts.w, facts.c) == (pooled[1], pooled[2], pooled[0])


def test_every_question_text_exists_in_both_languages():
    q = questions.VECTOR
    for key in (q.prompt, q.explain, *q.choices, *predict.VERDICTS.values()):
        assert TABLE[key]["en"] and TABLE[key]["zh"]


def test_find_the_maximum_on_a_peak_and_on_a_flat_top():
    times = np.round(np.arange(-3, 7.05, 0.1), 6)
    peak = np.exp(-((times - 1.3) ** 2))
    c = maximum.check_guess(times, peak, 2.0)
    assert c.t_first == c.t_last == pytest.approx(1.3) and c.distance == pytest.approx(0.7)
    assert c.y_guess == pytest.approx(np.exp(-0.49)) and c.shortfall == pytest.approx(1 - np.exp(-0.49))
    flat = np.clip(2 - np.abs(times - 2), 0, 1)  # y = 1 for 1 ≤ t ≤ 3
    on_top = maximum.check_guess(times, flat, 2.6)
    assert (on_top.t_first, on_top.t_last, on_top.distance, on_top.shortfall) == (pytest.approx(1.0), pytest.approx(3.0), 0.0, 0.0)
    assert maximum.check_guess(times, flat, 4.0).distance == pytest.approx(1.0)


def test_a_guess_between_samples_is_checked_at_the_nearest_sample():
    c = maximum.check_guess(np.arange(4.0), np.array([0.0, 2.0, 1.0, 0.0]), 2.4)
    assert (c.guess, c.y_guess, c.distance, c.shortfall) == (2.0, 1.0, 1.0, 0.5)
