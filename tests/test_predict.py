"""Predict, then reveal, without a browser: questions answered by the computation, the CNN Lab's
vector question, the Signal Lab's find-the-maximum check."""

from __future__ import annotations

import doctest

import numpy as np
import pytest

from app.labs.cnn_lab import questions
from app.labs.signal_lab import questions as maximum
from app.ui import predict
from app.ui.strings import TABLE


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


def test_the_filter_designer_question_follows_the_mask():
    from app.labs.filter_designer import questions as fdq
    from kernels import frequency

    assert doctest.testmod(fdq).failed == 0
    shape = (64, 64)
    notch = np.ones(shape)
    notch[10, 20] = notch[54, 44] = 0.0
    masks = {0: frequency.ideal(shape, 0.3, "low"), 1: frequency.ideal(shape, 0.3, "high"), 2: np.ones(shape), 3: notch}
    for right, mask in masks.items():
        facts = fdq.mask_facts(mask)
        assert fdq.EFFECT.answer(facts) == right, (right, facts)
    assert fdq.mask_facts(notch)["removed"] == pytest.approx(2 / 64**2)


def test_the_fourier_lab_question_follows_the_swap():
    from app.labs.fourier_lab import questions as flq

    assert doctest.testmod(flq).failed == 0
    rng = np.random.default_rng(1)
    a, b = rng.random((2, 48, 48))
    assert flq.SWAP.answer(flq.swap_facts(a, b)) == 1
    assert flq.SWAP.answer(flq.swap_facts(a, a)) == 2
    facts = flq.swap_facts(b, a)  # the roles swapped: it looks like a, which now gave the phase
    assert facts["rb"] > 0.5 > facts["ra"]


def test_every_lab_question_text_exists_in_both_languages():
    from app.labs.filter_designer import questions as fdq
    from app.labs.fourier_lab import questions as flq

    for q in (fdq.EFFECT, flq.SWAP, flq.WIENER):
        for key in (q.prompt, q.explain, *q.choices):
            assert TABLE[key]["en"] and TABLE[key]["zh"], key


@pytest.mark.parametrize(("restored", "right"), [(0.05, 0), (0.1, 1), (0.3, 2)])
def test_the_wiener_question_compares_the_restoration_with_the_blurred_photo(restored, right):
    from app.labs.fourier_lab import questions as flq

    facts = {"blurred": 0.1, "restored": restored, "k": 1e-3, "best_k": 1e-2, "best": 0.04}
    assert flq.WIENER.answer(facts) == right
