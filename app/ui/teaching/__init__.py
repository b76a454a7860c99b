"""Teaching tools of the Image Lab: kernel source slot, editor, drawing, pixel
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
from app.ui.teaching.kernel_source import KernelChoice, kernel_source

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
    views = (
        lambda: editor.render(lang, run.kernel, projector),
        lambda: draw.render(lang, projector),
        lambda: inspector.render(lang, run, projector),
        lambda: compare.render(lang, run, projector),
        lambda: export.render(lang, run, name),
        lambda: lessons_tab.render(lang),
    )
    for tab, view in zip(tabs, views):
        with tab:
            # with tab-state tracking (st.tabs(key=..., on_change="rerun")) only the open tab is
            # drawn, so a slider move costs nothing here unless a teaching tab is open
            if getattr(tab, "open", None) is not False:
                view()
