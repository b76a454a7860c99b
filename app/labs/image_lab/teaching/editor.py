"""Kernel editor tab: the current kernel as an editable grid, edit actions, paste, upload."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

import kernels
from app.labs.image_lab.teaching import kernel_state
from app.labs.image_lab.teaching.draw import preview_png
from app.ui.a11y import alt_text
from app.ui.errors import backend_message
from app.ui.format import number
from app.ui.strings import t
from kernels import edit

ACTIONS = ("normalise", "zero_mean", "complement", "flip", "transpose")
_FUNCS = {
    "normalise": edit.normalise,
    "zero_mean": edit.zero_mean,
    "complement": edit.complement,
    "flip": edit.flip,
    "transpose": edit.transpose,
}


def _columns(k: int) -> list[str]:
    return [str(j + 1) for j in range(k)]


def _on_grid_change(key: str, base: np.ndarray, lang: str) -> None:
    delta = st.session_state.get(key) or {}
    k = np.array(base, dtype=np.float64)
    cols = _columns(k.shape[1])
    try:
        for row, changes in (delta.get("edited_rows") or {}).items():
            for col, value in changes.items():
                if value is None or value == "":
                    raise kernels.KernelError(t("teach.err.empty_cell", lang, r=int(row) + 1, c=col))
                v = float(value)
                if not np.isfinite(v):
                    raise kernels.KernelError(t("teach.err.empty_cell", lang, r=int(row) + 1, c=col))
                k[int(row), cols.index(str(col))] = v
    except (kernels.KernelError, ValueError, TypeError) as exc:
        kernel_state.set_error("grid", backend_message(exc, lang) if isinstance(exc, kernels.KernelError) else t("teach.err.not_number", lang))
        return
    kernel_state.queue_kernel(k, t("teach.src.edited", lang))


def _on_action(action: str, base: np.ndarray, lang: str) -> None:
    try:
        k = _FUNCS[action](base)
    except kernels.KernelError as exc:
        kernel_state.set_error("actions", t(f"teach.err.{action}", lang) + f" ({backend_message(exc, lang)})")
        return
    kernel_state.queue_kernel(k, t(f"teach.edit.{action}", lang))


def _on_resize(base: np.ndarray, lang: str) -> None:
    ss = st.session_state
    try:
        k = edit.resize(base, (int(ss["teach_rs_h"]), int(ss["teach_rs_w"])), method=ss["teach_rs_method"])
    except (kernels.KernelError, ValueError) as exc:
        kernel_state.set_error("actions", backend_message(exc, lang))
        return
    kernel_state.queue_kernel(k, t("teach.edit.resized", lang))


def _on_paste(lang: str) -> None:
    text = st.session_state.get("teach_paste", "")
    try:
        k = edit.as_kernel(kernels.parse_text(text), max_side=edit.MAX_EDIT_SIDE)
    except kernels.KernelError as exc:
        kernel_state.set_error("paste", t("teach.err.parse", lang, detail=backend_message(exc, lang)))
        return
    kernel_state.queue_kernel(k, t("teach.src.pasted", lang))


def _on_upload(lang: str) -> None:
    f = st.session_state.get("teach_upload")
    if f is None:
        return
    try:
        k = edit.as_kernel(kernels.load_kernel_bytes(f.getvalue(), f.name), max_side=edit.MAX_EDIT_SIDE)
    except kernels.KernelError as exc:
        kernel_state.set_error("upload", t("teach.err.parse", lang, detail=backend_message(exc, lang)))
        return
    kernel_state.queue_kernel(k, f.name)


def render(lang: str, kernel: np.ndarray, projector: bool = False) -> None:
    base = np.asarray(kernel, dtype=np.float64)
    st.caption(t("teach.edit.intro", lang))
    kh, kw = base.shape
    left, right = st.columns([3, 2], gap="medium")
    with left:
        if max(kh, kw) > edit.MAX_EDIT_SIDE:
            st.warning(t("teach.edit.too_big", lang, h=kh, w=kw, n=edit.MAX_EDIT_SIDE))
        else:
            key = f"teach_grid_{kernel_state.digest(base)}"
            df = pd.DataFrame(base, columns=_columns(kw), index=[str(i + 1) for i in range(kh)])
            st.data_editor(
                df,
                key=key,
                num_rows="fixed",
                on_change=_on_grid_change,
                args=(key, base, lang),
                column_config={c: st.column_config.NumberColumn(c, format="%.4g", width="small") for c in df.columns},
            )
            kernel_state.show_error("grid")
        st.caption(t("teach.edit.stats", lang, h=kh, w=kw, s=number(base.sum()), m=number(np.abs(base).max())))
    with right:
        st.image(preview_png(base, projector), caption=t("teach.edit.preview", lang),
                 alt=alt_text(t("teach.edit.preview", lang), lang, values=base))
    st.markdown(f"**{t('teach.edit.actions', lang)}**")
    cols = st.columns(len(ACTIONS))
    for col, action in zip(cols, ACTIONS):
        col.button(
            t(f"teach.edit.{action}", lang),
            key=f"teach_act_{action}",
            on_click=_on_action,
            args=(action, base, lang),
            help=t(f"teach.edit.{action}.help", lang),
            width="stretch",
        )
    c1, c2, c3, c4 = st.columns([1, 1, 2, 1], vertical_alignment="bottom")
    st.session_state.setdefault("teach_rs_h", kh if kh <= edit.MAX_EDIT_SIDE else edit.MAX_EDIT_SIDE)
    st.session_state.setdefault("teach_rs_w", kw if kw <= edit.MAX_EDIT_SIDE else edit.MAX_EDIT_SIDE)
    st.session_state.setdefault("teach_rs_method", "pad")
    c1.number_input(t("teach.edit.rows", lang), 1, edit.MAX_EDIT_SIDE, step=1, key="teach_rs_h")
    c2.number_input(t("teach.edit.cols", lang), 1, edit.MAX_EDIT_SIDE, step=1, key="teach_rs_w")
    c3.selectbox(
        t("teach.edit.method", lang), edit.RESIZE_METHODS, format_func=lambda m: t(f"teach.edit.method.{m}", lang),
        key="teach_rs_method",
    )
    c4.button(t("teach.edit.resize", lang), key="teach_act_resize", on_click=_on_resize, args=(base, lang), width="stretch")
    kernel_state.show_error("actions")
    p1, p2 = st.columns(2, gap="medium")
    with p1:
        st.text_area(t("teach.edit.paste", lang), key="teach_paste", height=110, placeholder="1, 2, 1\n2, 4, 2\n1, 2, 1")
        st.button(t("teach.edit.paste_use", lang), key="teach_paste_use", on_click=_on_paste, args=(lang,))
        kernel_state.show_error("paste")
    with p2:
        st.file_uploader(
            t("teach.edit.upload", lang), type=["npy", "csv", "txt"], key="teach_upload", on_change=_on_upload, args=(lang,)
        )
        kernel_state.show_error("upload")
