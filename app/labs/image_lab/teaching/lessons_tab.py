"""Lessons menu: pick a preset, load it (a callback sets the page's widgets before they exist).

A loaded lesson asks its prediction question (:mod:`.lesson_questions`) first, answered by the
live run; the lesson's explanation follows once the answer shows.
"""

from __future__ import annotations

import streamlit as st

from app.labs.image_lab.questions import QUESTIONS, facts_for, lesson_text
from app.labs.image_lab.teaching import kernel_state
from app.labs.image_lab.teaching.lessons import LESSONS, PAGE_LESSONS, lesson_ids, settings_for
from app.ui import predict
from app.ui.strings import t


def apply_lesson(lesson_id: str) -> None:
    """Put the lesson's settings into session state (call from a callback or before the widgets)."""
    ss = st.session_state
    for key, value in settings_for(lesson_id).items():
        ss[key] = value
    ss[kernel_state.LESSON] = lesson_id
    ss[kernel_state.APP_RERUN] = True  # the sample lives outside the page's fragment


def _on_load() -> None:
    lesson = st.session_state.get("teach_lesson_pick")
    if lesson in LESSONS:
        apply_lesson(lesson)


def _question(lesson: str, run, lang: str) -> bool:
    """The loaded lesson's question in a box; whether its answer is showing."""
    with st.container(border=True, key="teach_lesson_question"):
        st.markdown(f"**{t('q.lesson.title', lang)}**")
        return predict.ask(QUESTIONS[lesson].question, facts_for(lesson, run), lang)


def render(lang: str, run) -> None:
    """The lessons menu; ``run`` (an :class:`app.labs.image_lab.pipeline.LabRun`) answers the loaded lesson's question."""
    ss = st.session_state
    if ss.get("teach_lesson_pick") not in LESSONS:
        ss["teach_lesson_pick"] = lesson_ids()[0]
    st.caption(t("teach.lesson.intro", lang))
    c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
    c1.selectbox(
        t("teach.lesson.pick", lang), lesson_ids(), format_func=lambda i: t(f"teach.lesson.{i}.title", lang),
        key="teach_lesson_pick",
    )
    c2.button(t("teach.lesson.load", lang), key="teach_lesson_load", on_click=_on_load, type="primary", width="stretch")
    pick = ss["teach_lesson_pick"]
    if ss.get(kernel_state.LESSON) != pick or _question(pick, run, lang):  # they give the answer away: after the prediction
        _explanations(pick, lang)
    _page_lessons(lang)


def _explanations(pick: str, lang: str) -> None:
    """The picked lesson's explanation and, folded, every lesson's."""
    st.info(lesson_text(pick, lang))
    with st.expander(t("teach.lesson.all", lang)):
        for i in lesson_ids():
            st.markdown(f"**{t(f'teach.lesson.{i}.title', lang)}** — {lesson_text(i, lang)}")


def _page_lessons(lang: str) -> None:
    """Lessons on other pages: a button puts that page's settings in place and opens it."""
    st.markdown(f"**{t('teach.lesson.other_pages', lang)}**")
    for i, (page, settings) in PAGE_LESSONS.items():
        c1, c2 = st.columns([3, 1], vertical_alignment="center")
        c1.markdown(f"**{t(f'teach.lesson.{i}.title', lang)}** — {lesson_text(i, lang)}")
        if c2.button(t(f"teach.lesson.open.{page}", lang), key=f"teach_lesson_open_{i}", width="stretch"):
            # settings are set before the page draws its widgets; a link would only load on a session's first page
            st.session_state.update(settings)
            st.switch_page(f"labs/{page}/view.py")
