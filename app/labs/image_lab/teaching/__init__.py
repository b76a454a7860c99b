"""Teaching tools of the Image Lab: kernel source slot, editor, drawing, pixel
inspector, low-pass vs high-pass comparison, export & share, lessons.

The Image Lab calls two things::

    pk = teaching.apply_kernel_source(lang, pk)           # after the kernel picker
    ...
    tabs = st.tabs([... , *teaching.tab_labels(lang)])
    teaching.render_view(name, lang, run, projector=proj)   # the open tab; run = pipeline.LabRun

Everything else lives in this package's modules; the predict/reveal machinery they use
(:mod:`app.ui.predict`) serves every lab.
"""

from __future__ import annotations

import streamlit as st

from app.labs.image_lab.teaching.kernel_source import KernelChoice, kernel_source
from app.ui.strings import t

__all__ = ["KernelChoice", "kernel_source", "apply_kernel_source", "TABS", "tab_labels", "render_view"]

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


def render_view(name: str, lang: str, run, *, projector: bool = False) -> None:
    """Draw the teaching view ``name`` (one of :data:`TABS`) for this run of the Image Lab."""
    from app.labs.image_lab.teaching import compare, draw, editor, export, inspector, lessons_tab

    choice = st.session_state.get("_teach_choice")
    views = {
        "edit": lambda: editor.render(lang, run.kernel, projector),
        "draw": lambda: draw.render(lang, projector),
        "inspect": lambda: inspector.render(lang, run, projector),
        "compare": lambda: compare.render(lang, run, projector),
        "export": lambda: export.render(lang, run, choice.name if choice is not None else ""),
        "lessons": lambda: lessons_tab.render(lang, run),
    }
    views[name]()
