"""The custom kernel in session state, and messages shown at the widgets that caused them.

The custom kernel lives in ``st.session_state["teach_kernel"]`` (float64, read-only) with a
display name; the URL carries ``il_ksrc`` (catalogue or custom) and ``il_kedit`` (the kernel
as compact text when ≤ 7×7, see :mod:`app.labs.image_lab.teaching.link_fields`).  Every change goes through
:func:`queue_kernel`, applied by :func:`apply_pending` at the top of the kernel-source slot,
before the ``il_ksrc`` widget exists — so callbacks and in-script changes (followed by
``st.rerun()``) both work without touching a widget after it was drawn.
"""

from __future__ import annotations

import hashlib

import numpy as np
import streamlit as st
from streamlit.errors import StreamlitAPIException

from app.labs.image_lab.teaching import link_fields
from app.ui import page

KERNEL = "teach_kernel"
NAME = "teach_kernel_name"
SEEN = "_teach_kedit_seen"
PENDING = "_teach_pending"
DESIGNER_SEEN = "_teach_designer_seen"
LESSON = "teach_active_lesson"
ERRORS = "_teach_errors"
APP_RERUN = "_teach_app_rerun"


def digest(kernel: np.ndarray) -> str:
    k = np.ascontiguousarray(kernel, dtype=np.float64)
    return hashlib.sha1(k.tobytes() + str(k.shape).encode()).hexdigest()[:12]


def queue_kernel(kernel: np.ndarray, name: str, *, text: str | None = None, activate: bool = True) -> None:
    """Make ``kernel`` the custom kernel (from the next point the slot runs)."""
    k = np.array(kernel, dtype=np.float64)
    k.setflags(write=False)
    st.session_state[PENDING] = (k, name, link_fields.format_kernel_text(k) if text is None else text, activate)


def apply_pending() -> None:
    ss = st.session_state
    pending = ss.pop(PENDING, None)
    if pending is None:
        return
    k, name, text, activate = pending
    ss[KERNEL] = k
    ss[NAME] = name
    ss["il_kedit"] = text
    ss[SEEN] = text
    if activate:
        ss["il_ksrc"] = "custom"


def adopt_designer_kernel() -> None:
    """Pick up a kernel the Filter Designer handed over (once per new kernel)."""
    ss = st.session_state
    designed = page.received(page.DesignedKernel)
    if designed is None:
        return
    d = digest(designed.kernel)
    if ss.get(DESIGNER_SEEN) == d:
        return
    ss[DESIGNER_SEEN] = d
    queue_kernel(designed.kernel, designed.name)
    apply_pending()


def sync_from_link() -> None:
    """A new ``il_kedit`` (opening link or lesson) becomes the custom kernel."""
    ss = st.session_state
    text = ss.get("il_kedit", "")
    if text == ss.get(SEEN, ""):
        return
    ss[SEEN] = text
    if not text:
        return
    try:
        k = link_fields.kernel_from_text(text)
    except ValueError:
        return
    if k is not None:
        k.setflags(write=False)
        ss[KERNEL] = k
        ss[NAME] = text if text.startswith("ideal:") else "link"


def custom_kernel() -> tuple[np.ndarray | None, str]:
    ss = st.session_state
    return ss.get(KERNEL), ss.get(NAME, "")


def set_error(slot: str, message: str) -> None:
    st.session_state.setdefault(ERRORS, {})[slot] = message


def show_error(slot: str) -> None:
    """Show (once) the message a callback left for the widget ``slot``."""
    msg = st.session_state.get(ERRORS, {}).pop(slot, None)
    if msg:
        st.error(msg, icon=":material/warning:")


def rerun_fragment() -> None:
    """Rerun the page's fragment (or the whole app when not inside one)."""
    try:
        st.rerun(scope="fragment")
    except StreamlitAPIException:
        st.rerun()
