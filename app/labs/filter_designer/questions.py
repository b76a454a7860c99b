"""The Filter Designer's prediction question: what will this mask do to the picture?

The facts are the live mask's own gains: at zero frequency (the mean brightness), its mean in
the centre, the middle band and the fine-detail band, and the share of the spectrum it
removes. The right choice follows from them (see :mod:`app.ui.predict`), so it
changes as the student draws.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import streamlit as st

from app.ui import predict
from app.ui.format import number, percent
from app.ui.measures import CONTRAST
from app.ui.shell import answers_hidden
from app.ui.strings import t
from kernels.bands import HIGH_EDGE, LOW_EDGE, radial_frequency

REMOVED = 0.5  # a frequency counts as removed where the mask's gain is below this


def mask_facts(mask: np.ndarray) -> dict[str, float]:
    """A centred mask's gain at zero frequency, its mean gain in three bands, and the share it removes.

    ``dc``: the gain at zero frequency (the middle of the centred grid); ``low``, ``mid``,
    ``high``: the mean gain below :data:`~kernels.bands.LOW_EDGE`, between it and
    :data:`~kernels.bands.HIGH_EDGE`, and beyond (cycles/pixel); ``removed``: the
    share of frequencies whose gain is below :data:`REMOVED`.

    Examples
    --------
    >>> f = mask_facts(np.ones((32, 32)))
    >>> f["dc"], f["low"], f["mid"], f["high"], f["removed"], EFFECT.answer(f)
    (1.0, 1.0, 1.0, 1.0, 0.0, 2)
    """
    h, w = mask.shape[:2]
    radius = radial_frequency((h, w), centred=True)
    middle = (radius >= LOW_EDGE) & (radius <= HIGH_EDGE)
    return {
        "dc": float(mask[h // 2, w // 2]),
        "low": float(mask[radius < LOW_EDGE].mean()),
        "mid": float(mask[middle].mean()) if middle.any() else float("nan"),
        "high": float(mask[radius > HIGH_EDGE].mean()),
        "removed": float(np.mean(mask < REMOVED)),
    }


def effect(f: Mapping[str, float]) -> int:
    """Blur (0), edges and detail only (1), unchanged (2), or some waves removed (3).

    Nothing removed: unchanged. Zero frequency removed (gain below :data:`REMOVED`): the mean
    brightness is gone, only changes remain — whatever else the mask keeps (a band-pass too).
    Zero frequency kept and the fine detail at most half as strong as the centre
    (:data:`~app.ui.measures.CONTRAST`): a blur. Otherwise the centre and the fine
    detail both pass and only some waves in between (or a few points) are removed.
    """
    if f["removed"] == 0:  # not one frequency removed
        return 2
    if f["dc"] < REMOVED:
        return 1
    if CONTRAST * f["high"] <= f["low"]:
        return 0
    return 3


EFFECT = predict.Question(
    key="q_fd_effect",
    prompt="q.fd.effect",
    choices=("q.fd.effect.blur", "q.fd.effect.edges", "q.fd.effect.same", "q.fd.effect.patterns"),
    explain="q.fd.effect.why",
    fields=lambda f: {"dc": number(f["dc"], 3), "low": number(f["low"], 3), "mid": number(f["mid"], 3),
                      "high": number(f["high"], 3), "pct": percent(f["removed"], 2)},
    answer=effect,
)


def effect_question(mask: np.ndarray, lang: str) -> bool:
    """The question in a fold (open with a teacher's ``?answers=hidden`` link); whether the page may
    show the output (not while the answer is hidden)."""
    with st.expander(t("q.fd.title", lang), expanded=answers_hidden()):
        predict.ask(EFFECT, mask_facts(mask), lang)
    return not predict.pending(EFFECT)
