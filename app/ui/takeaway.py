"""Animations to take away: the shared "make, then download" controls of every lab's animation
export (a format choice, a button that makes the file, friendly refusals, the download button).

A lab passes a ``recipe`` (anything hashable saying what the file shows) and a function that
returns the frames and their labels; the file made is kept in the session only while the page
still shows that recipe.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from pathlib import Path

import numpy as np
import streamlit as st

from app.backend import animation
from app.ui.errors import backend_message
from app.ui.format import number
from app.ui.strings import t

MIME = {"gif": "image/gif", "webp": "image/webp", "apng": "image/apng"}
EXTENSION = {"gif": "gif", "webp": "webp", "apng": "png"}


def font_for(lang: str) -> str | None:
    """A font with CJK glyphs for Chinese labels (the Image Lab's figure fonts), else Pillow's default."""
    from app.labs.image_lab.teaching.export import CJK_FONTS

    return next((p for p in CJK_FONTS if Path(p).exists()), None) if lang == "zh" else None


def file_key(key: str) -> str:
    """The session key holding ``(recipe, format, bytes)`` of the last file made under ``key``."""
    return f"_{key}_anim_file"


def offer(key: str, recipe: Hashable, lang: str, frames: Callable[[], tuple[Sequence[np.ndarray], Sequence[str]]],
          file_stem: str, *, frame_ms: int = 200) -> None:
    """Format choice, *Make* button and, once made for this ``recipe``, the download button."""
    c1, c2, c3 = st.columns([1, 1.4, 1.6], vertical_alignment="bottom")
    fmt = c1.selectbox(t("anim.format", lang), animation.FORMATS, key=f"_{key}_anim_fmt",
                       format_func=lambda f: f.upper())
    store = file_key(key)
    if c2.button(t("anim.make", lang), key=f"_{key}_anim_make", icon=":material/animation:"):
        pictures, labels = frames()
        try:
            data = animation.encode_animation(pictures, labels, fmt=fmt, frame_ms=frame_ms, font_path=font_for(lang))
            st.session_state[store] = (recipe, fmt, data)
        except ValueError as exc:  # over the size limit: the message says what to change
            st.session_state.pop(store, None)
            st.error(t("anim.failed", lang, error=backend_message(exc, lang)))
    made = st.session_state.get(store)
    if made is not None and made[:2] == (recipe, fmt):  # only the file of what the page shows now
        c3.download_button(t("anim.download", lang, mb=number(len(made[2]) / 2**20, 2)), data=made[2],
                           file_name=f"{file_stem}.{EXTENSION[fmt]}", mime=MIME[fmt], key=f"_{key}_anim_dl",
                           on_click="ignore", icon=":material/download:")
