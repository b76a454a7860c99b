"""The Hybrid Lab's prediction question (see :mod:`app.ui.predict`): from the back of the room,
which picture do you see?

The facts are the correlations of the hybrid's smallest view (1/8 size: what a far-away eye
resolves) with A and with the aligned B at that size (:func:`app.labs.hybrid_lab.pipeline.far_facts`);
the right choice is the one it resembles, or "both" when neither correlation is twice the other.
"""

from __future__ import annotations

from app.labs.hybrid_lab.pipeline import Facts
from app.ui import predict
from app.ui.format import number

FAR = predict.Question(
    key="q_hy_far",
    prompt="hy.q.far",
    choices=("hy.q.far.a", "hy.q.far.b", "hy.q.far.both"),
    explain="hy.q.far.why",
    fields=lambda f: {"scale": f.scale, "ra": number(f.corr_a, 2), "rb": number(f.corr_b, 2)},
    answer=lambda f: f.seen,
)

__all__ = ["FAR", "Facts"]
