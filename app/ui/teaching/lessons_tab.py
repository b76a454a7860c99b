"""Lessons menu: pick a preset, load it (a callback sets the page's widgets before they exist)."""

from __future__ import annotations

import streamlit as st

from app.ui.strings import t
from app.ui.teaching import kernel_state
from app.ui.teaching.lessons import LESSONS, PAGE_LESSONS, lesson_ids, settings_for


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


def render(lang: str) -> None:
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
    st.info(t(f"teach.lesson.{pick}.text", lang))
    with st.expander(t("teach.lesson.all", lang)):
        for i in lesson_ids():
            st.markdown(f"**{t(f'teach.lesson.{i}.title', lang)}** — {t(f'teach.lesson.{i}.text', lang)}")
    _page_lessons(lang)


def _page_lessons(lang: str) -> None:
    """Lessons on other pages: a button puts that page's settings in place and opens it."""
    st.markdown(f"**{t('teach.lesson.other_pages', lang)}**")
    for i, (page, settings) in PAGE_LESSONS.items():
        c1, c2 = st.columns([3, 1], vertical_alignment="center")
        c1.markdown(f"**{t(f'teach.lesson.{i}.title', lang)}** — {t(f'teach.lesson.{i}.text', lang)}")
        if c2.button(t(f"teach.lesson.open.{page}", lang), key=f"teach_lesson_open_{i}", width="stretch"):
            # settings are set before the page draws its widgets; a link would only load on a session's first page
            st.session_state.update(settings)
            st.switch_page(f"views/{page}.py")
