"""The Fourier Lab's prediction questions (see :mod:`app.ui.predict`).

* Magnitude or phase: the facts are the correlations of the computed swap ``|A|·e^{i∠B}`` with A
  and with B; the right choice is the photo it resembles (B equal to A makes "both alike" right).
* Undoing a blur: the facts are the Wiener restoration's error and the blurred photo's; the right
  choice says whether this K made things better or worse.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import streamlit as st

from app.backend import fourier as fr
from app.ui import predict
from app.ui.format import number
from app.ui.measures import level
from app.ui.shell import answers_hidden
from app.ui.strings import t

CLOSE = 0.05  # correlations this close count as "resembles both alike"
SAME = 0.05  # restored errors within ±5 % of the blurred photo's count as "about the same"


def _corr(x: np.ndarray, y: np.ndarray) -> float:
    """Pearson correlation of two same-size pictures (0 when one is flat)."""
    x, y = x - x.mean(), y - y.mean()
    norm = float(np.linalg.norm(x) * np.linalg.norm(y))
    return float((x * y).sum() / norm) if norm > 0 else 0.0


def swap_facts(a: np.ndarray, b: np.ndarray) -> dict[str, float]:
    """Correlation of ``|A|·e^{i∠B}`` with A (``ra``) and with B (``rb``).

    Examples
    --------
    >>> rng = np.random.default_rng(0); a, b = rng.random((2, 32, 32))
    >>> f = swap_facts(a, b); f["rb"] > f["ra"], SWAP.answer(f)
    (True, 1)
    """
    ab = fr.swap_magnitude_phase(a, b)[0]
    return {"ra": _corr(ab, a), "rb": _corr(ab, b)}


def resembles(f: Mapping[str, float]) -> int:
    """A (0), B (1), or both alike (2)."""
    return 2 if abs(f["ra"] - f["rb"]) < CLOSE else int(f["rb"] > f["ra"])


SWAP = predict.Question(
    key="q_fl_swap",
    prompt="q.fl.swap",
    choices=("q.fl.swap.a", "q.fl.swap.b", "q.fl.swap.both"),
    explain="q.fl.swap.why",
    fields=lambda f: {"ra": number(f["ra"], 2), "rb": number(f["rb"], 2)},
    answer=resembles,
)


def swap_question(a: np.ndarray, b: np.ndarray, lang: str) -> bool:
    """The question in a fold (open with a teacher's ``?answers=hidden`` link); whether the page may
    show the swapped pictures (not while the answer is hidden)."""
    with st.expander(t("q.fl.title", lang), expanded=answers_hidden()):
        predict.ask(SWAP, swap_facts(a, b), lang)
    return not predict.pending(SWAP)


def wiener_facts(d, restored_rmse: float, k: float) -> dict[str, float]:
    """Errors (RMSE against the sharp image) of the blurred photo and of its restoration with ``k``,
    and the best K (``d``: an :class:`app.labs.fourier_lab.pipeline.Deconv`)."""
    return {"blurred": d.blurred_rmse, "restored": restored_rmse, "k": k, "best_k": d.best.k, "best": d.best.rmse}


WIENER = predict.Question(
    key="q_fl_wiener",
    prompt="q.fl.wiener",
    choices=("q.fl.wiener.better", "q.fl.wiener.same", "q.fl.wiener.worse"),
    explain="q.fl.wiener.why",
    fields=lambda f: {name: number(v, 3) for name, v in f.items()},
    answer=lambda f: level(f["restored"] / f["blurred"], 1 - SAME, 1 + SAME),
)


def wiener_question(facts: dict[str, float], lang: str) -> bool:
    """The question in a fold (open with ``?answers=hidden``); whether the page may show the restoration."""
    with st.expander(t("q.fl.wiener.title", lang), expanded=answers_hidden()):
        predict.ask(WIENER, facts, lang)
    return not predict.pending(WIENER)
