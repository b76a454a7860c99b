"""The Image Lab's words (pure functions): what the back row reads and what screen readers say."""

from __future__ import annotations

import doctest

import numpy as np
import pytest

import kernels
from app.labs.image_lab.parts import text as words
from app.labs.image_lab.pipeline import display_output
from app.ui.strings import t


def test_docstring_examples_run():
    assert doctest.testmod(words).failed == 0


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_kernel_caption_names_the_kernel_and_every_parameter(lang):
    caption = words.kernel_caption("sinc", {"size": 21, "cutoff": 0.125, "window": "hann"}, lang)
    spec = kernels.get("sinc")
    assert caption.startswith(spec.label[lang])
    assert "21" in caption and "0.125" in caption and spec.param("window").option_label("hann", lang) in caption
    assert caption.count(" · ") == len(spec.params)


def test_a_zero_sum_kernel_reads_as_zero_not_round_off():
    laplacian = kernels.make("laplacian")
    assert abs(laplacian.sum()) < 1e-12
    assert words.kernel_note(laplacian, "en").endswith("sum = 0.")


def test_a_signed_output_says_it_is_diverging_and_how_much_saturates():
    rng = np.random.default_rng(0)
    edges = rng.normal(0, 0.2, (64, 64))
    od = display_output(edges, "auto", kernel_sum=0.0)
    note = words.output_note(od, "en")
    assert od.mode == "diverging" and t("il.out.mode.diverging", "en") in note
    assert f"{100 * od.clipped_fraction:.1f}" in note


def test_a_plain_output_says_it_is_shown_as_is():
    od = display_output(np.linspace(0, 1, 64).reshape(8, 8), "auto", kernel_sum=1.0)
    assert words.output_note(od, "zh").endswith(t("il.out.mode.plain", "zh"))
