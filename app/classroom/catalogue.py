"""The questions a class can answer: question id → number of choices.

Every :class:`app.ui.predict.Question` registers itself when its module is imported, so
a process knows every question its pages can ask; the store accepts answers only to these.

Examples
--------
>>> register("demo_q", 3)
>>> QUESTIONS["demo_q"]
3
"""

from __future__ import annotations

#: question id → number of choices (filled by :func:`register`)
QUESTIONS: dict[str, int] = {}


def register(question: str, choices: int) -> None:
    """Record that ``question`` exists with ``choices`` options (a re-import replaces it)."""
    if not question or choices < 1:
        raise ValueError(f"question {question!r} needs an id and at least one choice")
    QUESTIONS[question] = choices
