"""Where the Image Lab's kernel comes from: the catalogue picker or the custom kernel (edited, drawn, designed)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import streamlit as st

import kernels
from app.labs.image_lab.questions import QUESTIONS, lesson_text
from app.labs.image_lab.teaching import kernel_state, link_fields
from app.labs.image_lab.teaching.lessons import LESSONS
from app.ui import predict
from app.ui.format import number
from app.ui.safe_text import literal
from app.ui.strings import t


@dataclass(frozen=True)
class KernelChoice:
    """The kernel the page applies: the catalogue's or the custom one."""

    kernel: np.ndarray
    name: str
    family: str
    custom: bool


def kernel_source(lang: str, picked) -> KernelChoice:
    """Radio "catalogue / my kernel" + what the custom kernel is; returns the kernel to apply.

    ``picked`` is the kernel picker's result (:class:`app.ui.kernel_picker.PickedKernel`).
    """
    ss = st.session_state
    if ss.pop(kernel_state.APP_RERUN, False):
        st.rerun(scope="app")  # a lesson changed settings drawn outside the page's fragment
    kernel_state.adopt_designer_kernel()
    kernel_state.apply_pending()
    kernel_state.sync_from_link()
    if ss.get("il_ksrc") not in link_fields.KERNEL_SOURCES:
        ss["il_ksrc"] = "catalog"
    _lesson_note(lang)
    st.radio(
        t("teach.src.label", lang),
        link_fields.KERNEL_SOURCES,
        format_func=lambda s: t(f"teach.src.{s}", lang),
        key="il_ksrc",
        horizontal=True,
        help=t("teach.src.help", lang),
    )
    kernel, name = kernel_state.custom_kernel()
    if ss["il_ksrc"] == "custom":
        if kernel is None:
            st.info(t("teach.src.empty", lang))
        else:
            if name.startswith("ideal:"):
                label = t("teach.src.ideal", lang, c=literal(name.split(":")[1]))
            else:
                label = literal(name) if name and name != "link" else t("teach.src.custom_name", lang)  # a file name
            with st.container(key="teach_src_caption"):
                st.caption(
                    t("teach.src.caption", lang, name=label, h=kernel.shape[0], w=kernel.shape[1], s=number(kernel.sum()))
                )
            band = kernels.BAND_LABELS[kernels.bands.measured_band(kernel)]
            st.caption(t("teach.src.band", lang, band=band.get(lang, band["en"])))
            if max(kernel.shape) > link_fields.LINK_MAX_SIDE and not str(ss.get("il_kedit", "")).startswith("ideal:"):
                st.caption(t("teach.src.no_link", lang, n=link_fields.LINK_MAX_SIDE))
            return KernelChoice(kernel, label, "other", True)
    return KernelChoice(picked.kernel, picked.name, picked.family, False)


def _lesson_note(lang: str) -> None:
    lesson = st.session_state.get(kernel_state.LESSON)
    if lesson not in LESSONS:
        return
    with st.container(border=True, key="teach_lesson_note"):
        st.markdown(f"**{t(f'teach.lesson.{lesson}.title', lang)}**")
        # the explanation gives the answer away: only once the lesson's prediction is answered
        if predict.answer_showing(QUESTIONS[lesson].question):
            st.markdown(lesson_text(lesson, lang))
        else:
            st.caption(t("q.lesson.first", lang))
        st.button(t("teach.lesson.close", lang), key="teach_lesson_close", on_click=_close_lesson, type="tertiary")


def _close_lesson() -> None:
    st.session_state.pop(kernel_state.LESSON, None)
