"""The Filter Designer's prediction question: what will this mask do to the picture?

The facts are the live mask's mean gain in the centre and in the fine-detail band and the
share of the spectrum it removes; the right choice follows from them (see
:mod:`app.ui.predict`), so it changes as the student draws.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import streamlit as st

from app.ui.format import number, percent
from app.ui.shell import answers_hidden
from app.ui.strings import t
from app.ui import predict
from app.ui.measures import band_means, dominant

REMOVED = 0.5  # a frequency counts as removed where the mask's gain is below this


def mask_facts(mask: np.ndarray) -> dict[str, float]:
    """Mean gain of a centred mask in the centre and the fine-detail band, and the share it removes.

    Examples
    --------
    >>> f = mask_facts(np.ones((32, 32)))
    >>> f["low"], f["high"], f["removed"], EFFECT.answer(f)
    (1.0, 1.0, 0.0, 2)
    """
    return {**band_means(mask, centred=True), "removed": float(np.mean(mask < REMOVED))}


def effect(f: Mapping[str, float]) -> int:
    """Blur (0), edges only (1), unchanged (2), or a few patterns removed (3)."""
    if f["removed"] == 0:  # not one frequency removed
        return 2
    side = dominant(f["low"], f["high"])
    return 3 if side == 2 else side


EFFECT = predict.Question(
    key="q_fd_effect",
    prompt="q.fd.effect",
    choices=("q.fd.effect.blur", "q.fd.effect.edges", "q.fd.effect.same", "q.fd.effect.patterns"),
    explain="q.fd.effect.why",
    fields=lambda f: {"low": number(f["low"], 3), "high": number(f["high"], 3), "pct": percent(f["removed"], 2)},
    answer=effect,
)


def effect_question(mask: np.ndarray, lang: str) -> bool:
    """The question in a fold (open with a teacher's ``?answers=hidden`` link); whether the page may
    show the output (not while the answer is hidden)."""
    with st.expander(t("q.fd.title", lang), expanded=answers_hidden()):
        predict.ask(EFFECT, mask_facts(mask), lang)
    return not predict.pending(EFFECT)
