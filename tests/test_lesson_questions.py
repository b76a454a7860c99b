"""Every Image Lab lesson asks a prediction question whose right choice is the live computation:
run the lesson's kernel on its sample (through the lab's own pipeline), change the setting the
lesson is about, and the right choice follows."""

from __future__ import annotations

import doctest

import numpy as np
import pytest

import kernels
from app.labs.image_lab import pipeline as lab
from app.labs.image_lab import questions as lq
from app.labs.image_lab.teaching.lessons import LESSONS
from app.labs.image_lab.teaching.link_fields import ideal_lowpass
from app.ui import image_picker, measures
from app.ui.strings import TABLE

SIDE = 128  # small working images: the same pipeline, a fraction of the time


def _run(sample: str, kernel: np.ndarray, boundary: str = "reflect", correlate: bool = False) -> lab.LabRun:
    picked = image_picker.resolve_image(image_picker.ImageChoice(sample=sample, size=SIDE), None, "en").picked
    return lab.compute(picked, kernel, lab.LabSettings(boundary=boundary, correlate=correlate))


def _right(lesson: str, run: lab.LabRun) -> int:
    return lq.QUESTIONS[lesson].question.answer(lq.facts_for(lesson, run))


def test_the_module_examples_run():
    assert doctest.testmod(lq).failed == 0 and doctest.testmod(measures).failed == 0


def test_every_lesson_has_a_question_with_three_or_four_choices_in_both_languages():
    assert set(lq.QUESTIONS) == set(LESSONS)
    for lesson, item in lq.QUESTIONS.items():
        q = item.question
        assert 3 <= len(q.choices) <= 4 and q.key == f"q_lesson_{lesson}"
        for key in (q.prompt, q.explain, *q.choices):
            assert TABLE[key]["en"] and TABLE[key]["zh"], key


GAUSS = kernels.make("gaussian", size=21, sigma=3.0)
IDENTITY = np.array([[0.0, 0, 0], [0, 1, 0], [0, 0, 0]])

# lesson -> (the lesson's setting, its right choice), (the setting changed, the new right choice)
CASES = {
    "blur_high": ((("zone_plate", GAUSS), 2), (("zone_plate", IDENTITY), 0)),
    "edges_high": ((("camera", kernels.make("laplacian", alpha=0.2)), 1), (("camera", GAUSS), 0)),
    "ideal_vs_gaussian": ((("camera", ideal_lowpass(0.15, 31)), 0), (("camera", GAUSS), 2)),
    "wrap_artefact": ((("camera", kernels.make("motion", length=61, angle=90.0), "wrap"), 0),
                      (("camera", kernels.make("motion", length=61, angle=0.0), "wrap"), 1)),
    "zero_border": ((("coffee", kernels.make("box", size=31), "zero"), 0),
                    (("coffee", kernels.make("box", size=31), "reflect"), 1)),
    "conv_vs_corr": ((("siemens_star", kernels.make("emboss", angle=315.0), "reflect", True), 1),
                     (("siemens_star", GAUSS, "reflect", True), 0)),
    "direction": ((("siemens_star", kernels.make("sobel_x")), 0), (("siemens_star", kernels.make("sobel_y")), 1)),
    "sharpen": ((("astronaut", kernels.make("unsharp", alpha=0.8)), 2), (("astronaut", GAUSS), 0)),
}


@pytest.mark.parametrize("lesson", sorted(CASES))
def test_the_right_choice_follows_the_computation(lesson):
    for args, right in CASES[lesson]:
        assert _right(lesson, _run(*args)) == right, (lesson, args[0], right)


def test_an_identity_kernel_leaves_everything_unchanged():
    run = _run("camera", IDENTITY, "wrap")
    assert [_right(name, run) for name in ("edges_high", "ideal_vs_gaussian", "wrap_artefact", "conv_vs_corr",
                                           "direction", "sharpen")] == [2, 2, 2, 0, 2, 1]


def test_the_explanation_shows_the_measured_numbers():
    run = _run("camera", ideal_lowpass(0.15, 31))
    facts = lq.facts_for("ideal_vs_gaussian", run)
    fields = lq.QUESTIONS["ideal_vs_gaussian"].question.fields(facts)
    assert facts["lo"] == pytest.approx(run.output.min()) and facts["lo"] < 0 < 1 < facts["hi"]
    assert TABLE["q.lesson.ideal_vs_gaussian.why"]["en"].format(**fields).startswith("The output runs from **-")
