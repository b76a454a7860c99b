"""Teaching tools of the Image Lab (issue 4): kernel source slot, editor, drawing, pixel
inspector, low-pass vs high-pass comparison, export & share, lessons.

The Image Lab calls two things::

    pk = teaching.apply_kernel_source(lang, pk)           # after the kernel picker
    ...
    tabs = st.tabs([... , *teaching.tab_labels(lang)])
    teaching.render_tabs(tabs[n:], lang, run, projector=proj)   # run = app.ui.image_lab_run.LabRun

Everything else lives in this package's modules.
"""

from __future__ import annotations

import streamlit as st

from app.ui.strings import t
from app.ui.teaching.slot import KernelChoice, kernel_source

__all__ = ["KernelChoice", "kernel_source", "apply_kernel_source", "TABS", "tab_labels", "render_tabs"]

TABS: tuple[str, ...] = ("edit", "draw", "inspect", "compare", "export", "lessons")


def apply_kernel_source(lang: str, picked):
    """The kernel-source slot for the Image Lab: ``picked`` with its kernel replaced by the
    custom one when "my kernel" is chosen (the catalogue name is kept for the page's labels)."""
    import dataclasses

    choice = kernel_source(lang, picked)
    st.session_state["_teach_choice"] = choice
    if not choice.custom:
        return picked
    return dataclasses.replace(picked, kernel=choice.kernel, error=None)


def tab_labels(lang: str) -> list[str]:
    return [t(f"teach.tab.{name}", lang) for name in TABS]


def render_tabs(tabs, lang: str, run, choice: KernelChoice | None = None, *, projector: bool = False) -> None:
    """Fill the teaching tabs (``tabs`` in :data:`TABS` order) for this run of the page."""
    from app.ui.teaching import compare, draw, editor, export, inspector, lessons_tab

    choice = choice if choice is not None else st.session_state.get("_teach_choice")
    name = choice.name if choice is not None else ""
    with tabs[0]:
        editor.render(lang, run.kernel, projector)
    with tabs[1]:
        draw.render(lang, projector)
    with tabs[2]:
        inspector.render(lang, run, projector)
    with tabs[3]:
        compare.render(lang, run, projector)
    with tabs[4]:
        export.render(lang, run, name)
    with tabs[5]:
        lessons_tab.render(lang)
