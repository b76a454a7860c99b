"""Predict, then reveal: a question asked before the lab shows its result, answered by the live computation.

A :class:`Question` holds string keys and two functions of the page's *facts* (whatever the
lab computed: shapes, lengths, values): one gives the format fields of its texts, the other
the index of the right choice. So the right answer is never typed in; it is the computation.

Reveal rule: normally the verdict shows as soon as a choice is picked. A teacher's link with
``?answers=hidden`` (a global setting, carried by every link) keeps the verdict, and the
lab's own number it gives away (:func:`pending`), hidden until someone presses *Reveal*
(:func:`app.ui.shell.answers_hidden`)::

    revealed = predict.ask(CNN_VECTOR, facts, lang)      # radio + reveal button + verdict
    ... show the vector length only if revealed or not predict.pending(CNN_VECTOR) ...
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import streamlit as st

from app.classroom import catalogue
from app.ui import classroom
from app.ui.shell import answers_hidden
from app.ui.strings import t


@dataclass(frozen=True)
class Question:
    """A multiple-choice prediction whose answer comes from the live computation.

    Attributes
    ----------
    key : str
        Widget-key stem (unique on the page).
    prompt, explain : str
        String keys of the question and of the explanation shown with the answer.
    choices : tuple of str
        3–4 string keys; every text is formatted with ``fields(facts)``.
    fields : callable
        ``facts → {name: value}``: the numbers the texts show.
    answer : callable
        ``facts → index`` of the right choice.
    """

    key: str
    prompt: str
    choices: tuple[str, ...]
    explain: str
    fields: Callable[[Any], Mapping[str, object]]
    answer: Callable[[Any], int]

    def __post_init__(self) -> None:
        if not 3 <= len(self.choices) <= 4:
            raise ValueError(f"a question has 3 or 4 choices, not {len(self.choices)}")
        catalogue.register(self.key, len(self.choices))  # a class may answer it


#: The verdict's opening words: right, wrong, or nothing picked (the answer revealed anyway).
VERDICTS: dict[bool | None, str] = {True: "q.correct", False: "q.wrong", None: "q.answer"}


@dataclass(frozen=True)
class Verdict:
    """The right choice, whether the pick was right (``None``: nothing picked), the text fields."""

    right: int
    correct: bool | None
    fields: Mapping[str, object]


def judge(q: Question, facts: Any, picked: int | None) -> Verdict:
    """The verdict on ``picked`` (a choice index or ``None``) for these facts."""
    right = q.answer(facts)
    if not 0 <= right < len(q.choices):
        raise ValueError(f"question {q.key!r}: answer index {right} is not a choice")
    return Verdict(right, None if picked is None else picked == right, q.fields(facts))


def _revealed_key(key: str) -> str:
    return f"_{key}_revealed"


def revealed(key: str) -> bool:
    """True once the *Reveal* button of ``key`` was pressed in this session, or the class's teacher revealed it."""
    return bool(st.session_state.get(_revealed_key(key), False)) or classroom.revealed(key)


def conceal(key: str) -> None:
    """Hide ``key``'s answer again (e.g. when the student changes the prediction)."""
    st.session_state[_revealed_key(key)] = False


def reveal_button(key: str, lang: str, label: str = "q.reveal") -> bool:
    """A button (string key ``label``) that reveals ``key``'s answer for the rest of the session; whether it is revealed."""
    st.button(t(label, lang), key=f"{key}_reveal", on_click=st.session_state.__setitem__,
              args=(_revealed_key(key), True), disabled=revealed(key))
    return revealed(key)


def pending(q: Question) -> bool:
    """True while ``q``'s answer (and the lab's number giving it away) must stay hidden."""
    return answers_hidden() and not revealed(q.key)


def answer_showing(q: Question) -> bool:
    """Whether :func:`ask` shows ``q``'s answer now: revealed (answers hidden) or a choice picked."""
    if answers_hidden():
        return revealed(q.key)
    return st.session_state.get(f"{q.key}_pick") is not None


def ask(q: Question, facts: Any, lang: str) -> bool:
    """Draw ``q``: prompt, choices (a radio), *Reveal* button, and the verdict once revealed.

    Returns whether the answer is showing. A class's student gets it as a fragment that also brings the
    teacher's reveal (:func:`app.ui.classroom.student_question`).
    """
    if classroom.is_student():
        return classroom.student_question(q.key, lang, lambda: _ask(q, facts, lang))
    return _ask(q, facts, lang)


def _ask(q: Question, facts: Any, lang: str) -> bool:
    fields = q.fields(facts)
    picked = st.radio(t(q.prompt, lang, **fields), range(len(q.choices)), index=None, key=f"{q.key}_pick",
                      format_func=lambda i: t(q.choices[i], lang, **fields))
    v = judge(q, facts, picked)
    if classroom.active():  # the teacher reveals for the whole class
        if not classroom.question(q.key, [t(c, lang, **fields) for c in q.choices], picked, lang):
            return False
    elif answers_hidden():
        if not reveal_button(q.key, lang):
            st.caption(t("q.hidden", lang))
            return False
    elif picked is None:
        st.caption(t("q.pick", lang))
        return False
    text = t(VERDICTS[v.correct], lang, right=t(q.choices[v.right], lang, **fields)) + " " + t(q.explain, lang, **fields)
    if v.correct:
        st.success(text)
    else:
        st.info(text)
    return True
