"""Every image has a text alternative in the page's language, every chart one for screen readers, and the
numbers in them are the live ones (issue 22)."""

from __future__ import annotations

import re

import numpy as np
import pytest

from tests.apptest.helpers import move_live, open_lab

CJK = re.compile(r"[\u4e00-\u9fff]")
SR_ONLY = re.compile(r'<p class="cs-sr-only">(.*)</p>', re.DOTALL)


def _alts(at) -> list[str]:
    return [img.alt for el in at.get("image") for img in el.proto.imgs]


def _chart_texts(at) -> list[str]:
    return [m.group(1) for el in at.get("html") if (m := SR_ONLY.search(el.proto.body))]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("lab", ["image_lab", "cnn_lab", "filter_designer", "fourier_lab"])
def test_every_image_has_a_text_alternative_in_the_pages_language(lab, lang):
    at = open_lab(lab, lang=lang)
    assert not at.exception, at.exception
    alts = _alts(at)
    assert alts and all(a.strip() for a in alts), alts
    if lang == "zh":
        assert all(CJK.search(a) for a in alts), [a for a in alts if not CJK.search(a)]
    else:
        assert not any(CJK.search(a) for a in alts), [a for a in alts if CJK.search(a)]


def _flip_and_slide(t: float) -> float:
    """y(t) = ∫ f(τ) g(t − τ) dτ for the page's first signals: f = rect on [0, 1], g(t) = e^(−t) for t ≥ 0."""
    tau = np.linspace(0.0, 1.0, 200_001)
    lag = t - tau
    return float(np.trapezoid(np.where(lag >= 0, np.exp(-np.clip(lag, 0, None)), 0.0), tau))


def test_every_chart_has_a_text_alternative_with_the_live_output_value():
    at = open_lab("signal_lab")
    assert not at.exception, at.exception
    assert (at.selectbox(key="sl_f_kind").value, at.selectbox(key="sl_g_kind").value) == ("rect", "exp")
    charts = _chart_texts(at)
    assert len(charts) == len(at.get("plotly_chart")) == 4  # slide, spectra, check, and "Hear it"
    for t in (1.5, 2.5):
        move_live(at, "sl_t", t)
        slide = _chart_texts(at)[0]
        assert f"y({t}) = {_flip_and_slide(t):.4g}" in slide, slide
