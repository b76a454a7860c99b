"""The CNN Lab's prediction question: how long is the vector the classifier receives?

The facts come from the maps the lab computed; the right choice is the one whose number
equals the computed vector's length (see :mod:`app.ui.predict`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import streamlit as st

from app.backend import cnn as L
from app.ui import predict
from app.ui.shell import answers_hidden
from app.ui.strings import t


@dataclass(frozen=True)
class VectorFacts:
    """The last stage (a pooling), its maps' ``h × w × c``, the conv stage's ``h × w`` before it, and
    the length of the vector the lab flattened."""

    stage: str
    h: int
    w: int
    c: int
    h_conv: int
    w_conv: int
    length: int

    def candidates(self) -> tuple[int, ...]:
        """The choices' numbers, in the order of :data:`VECTOR`'s choices."""
        return self.c, self.h * self.w, self.h * self.w * self.c, self.h_conv * self.w_conv * self.c


def vector_facts(stages: Sequence[tuple[str, np.ndarray]]) -> VectorFacts:
    """Facts of the computed ``(stage name, maps)`` list (input first; at least C1 and S2).

    Examples
    --------
    >>> f = vector_facts([("C1", np.zeros((4, 8, 8))), ("S2", np.zeros((4, 4, 4)))])
    >>> f.length, f.candidates(), VECTOR.answer(f)
    (64, (4, 16, 64, 256), 2)
    """
    (_, conv), (stage, last) = stages[-2], stages[-1]
    h, w, c = L.stage_shape(last)
    h_conv, w_conv, _ = L.stage_shape(conv)
    return VectorFacts(stage, h, w, c, h_conv, w_conv, int(last.size))


VECTOR = predict.Question(
    key="q_cnn_vector",
    prompt="q.cnn.vector",
    choices=("q.cnn.vector.c", "q.cnn.vector.hw", "q.cnn.vector.hwc", "q.cnn.vector.conv"),
    explain="q.cnn.vector.why",
    fields=lambda f: {"stage": f.stage, "h": f.h, "w": f.w, "c": f.c, "hc": f.h_conv, "wc": f.w_conv,
                      "n": f"{f.length:,}"},
    answer=lambda f: f.candidates().index(f.length),
)


def vector_question(stages: Sequence[tuple[str, np.ndarray]], lang: str) -> bool:
    """The question in a fold, open when a teacher's link hides the answers (``?answers=hidden``).

    Returns whether the page may show the vector's length (not while the answer is hidden).
    """
    with st.expander(t("q.cnn.title", lang), expanded=answers_hidden()):  # constant: a reveal must not fold it
        predict.ask(VECTOR, vector_facts(stages), lang)
    return not predict.pending(VECTOR)
