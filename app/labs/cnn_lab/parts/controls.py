"""The CNN Lab's controls: one widget per setting of :data:`.schema.SCHEMA`, keyed by its URL key.

Widgets are drawn without values: session state (filled by :func:`app.ui.page.open`) rules.
"""

from __future__ import annotations

import streamlit as st

import kernels
from app.backend import cnn as L
from app.backend.conv_arithmetic import LENET_C3_TABLE
from app.labs.cnn_lab.figures import connection_tile
from app.labs.cnn_lab.parts import text
from app.labs.cnn_lab.schema import C3_CHOICES, CATALOG, KERNEL_SIZES, S4_MODES, SCHEMA, UI_MAPS
from app.ui import image_picker, page
from app.ui.strings import t


def input_sidebar(lang: str) -> image_picker.PickedImage:
    """The input picker: the Image Lab's image or the lab's own (grey, no size or camera)."""
    st.subheader(t("cnn.input.title", lang))
    lab_img = image_picker.current_image()
    if lab_img is not None:
        st.radio(t("cnn.input.which", lang), SCHEMA.fields["cnn_input"].choices, format_func=lambda v: t(f"cnn.input.{v}", lang),
                 key="cnn_input")
    if st.session_state["cnn_input"] == "lab":
        if lab_img is not None:
            return lab_img
        st.caption(t("cnn.input.no_lab", lang))
    return image_picker.image_picker(lang, key="cnn", allow_colour=False, allow_size=False, allow_camera=False)


def c1_controls(lang: str) -> None:
    """C1: bank preset and its options, activation."""
    st.markdown(f"#### {t('cnn.c1.title', lang)}")
    preset = st.selectbox(t("cnn.c1.preset", lang), L.C1_PRESETS, format_func=lambda p: t(f"cnn.c1.preset.{p}", lang),
                          key="cnn_c1")
    if preset == "random":
        page.slider(SCHEMA, "cnn_n", t("cnn.c1.n", lang))
        if st.session_state.get("cnn_ksize") is None:  # a segmented control can be de-selected
            st.session_state["cnn_ksize"] = SCHEMA.fields["cnn_ksize"].default
        a, b = st.columns(2)
        a.segmented_control(t("cnn.c1.ksize", lang), KERNEL_SIZES, format_func=lambda k: f"{k}×{k}",
                            key="cnn_ksize", selection_mode="single")
        b.number_input(t("cnn.c1.seed", lang), 0, 9999, step=1, key="cnn_seed", help=t("cnn.c1.seed_help", lang))
    elif preset == "catalog":
        picked = st.multiselect(t("cnn.c1.catalog", lang), CATALOG, format_func=lambda n: kernels.get(n).label[lang],
                                key="cnn_cat", max_selections=UI_MAPS)
        if not picked:
            st.caption(t("cnn.c1.catalog_empty", lang))
    st.radio(t("cnn.act", lang), L.ACTIVATIONS, format_func=lambda a: t(f"cnn.act.{a}", lang), key="cnn_act",
             horizontal=True, help=t("cnn.act_help", lang))


def bias_controls(bank: L.KernelBank, lang: str) -> None:
    """One bias slider per kernel of ``bank``, folded away."""
    with st.expander(t("cnn.c1.biases", lang), expanded=False):
        st.caption(t("cnn.c1.biases_help", lang))
        for i, name in enumerate(text.kernel_names(bank, lang)):
            page.slider(SCHEMA, f"cnn_b{i}", t("cnn.c1.bias", lang, i=i + 1, name=name))


def _pooling(lang: str, modes: tuple[str, ...], keys: tuple[str, str, str], labels: str) -> str:
    """Mode, window size and (except LeNet's, whose stride is its size) stride; the mode chosen.

    ``keys`` are the mode, size and stride widget keys; ``labels`` the string-table prefix of their labels.
    """
    mode = st.selectbox(t(f"{labels}.mode", lang), modes, format_func=lambda m: t(f"cnn.pool.mode.{m}", lang), key=keys[0])
    page.slider(SCHEMA, keys[1], t(f"{labels}.size", lang))
    if mode != "lenet":
        page.slider(SCHEMA, keys[2], t(f"{labels}.stride", lang))
    return mode


def pool_controls(lang: str) -> None:
    """S2 pooling (and S4's unless it has its own): mode, size, and the stride (LeNet: its weight and bias instead)."""
    st.markdown(f"#### {t('cnn.pool.title', lang)}")
    if _pooling(lang, L.POOL_MODES, ("cnn_pool", "cnn_psize", "cnn_pstride"), "cnn.pool") == "lenet":
        a, b = st.columns(2)
        with a:
            page.slider(SCHEMA, "cnn_lw", t("cnn.pool.lenet_w", lang))
        with b:
            page.slider(SCHEMA, "cnn_lb", t("cnn.pool.lenet_b", lang))
        st.caption(t("cnn.pool.lenet_note", lang))


def c3_controls(lang: str, proj: bool) -> None:
    """C3: preset, its options, bias."""
    st.markdown(f"#### {t('cnn.c3.title', lang)}")
    preset = st.selectbox(t("cnn.c3.preset", lang), C3_CHOICES, format_func=lambda p: t(f"cnn.c3.preset.{p}", lang),
                          key="cnn_c3")
    if preset == "random":
        a, b = st.columns(2)
        with a:
            page.slider(SCHEMA, "cnn_c3n", t("cnn.c3.n", lang))
        b.number_input(t("cnn.c3.seed", lang), 0, 9999, step=1, key="cnn_c3seed")
    elif preset == "lenet":
        st.number_input(t("cnn.c3.seed", lang), 0, 9999, step=1, key="cnn_c3seed")
        st.image(connection_tile(LENET_C3_TABLE), width="stretch", caption=t("cnn.c3.table", lang),
                 alt=t("cnn.c3.table_alt", lang))
    if preset != "off":
        page.slider(SCHEMA, "cnn_c3b", t("cnn.c3.bias", lang))
    if not proj:
        st.caption(t(f"cnn.c3.explain.{preset}", lang))
    if preset != "off" and st.toggle(t("cnn.s4.own", lang), key="cnn_s4own", help=t("cnn.s4.own_help", lang)):
        _pooling(lang, S4_MODES, ("cnn_s4pool", "cnn_s4size", "cnn_s4stride"), "cnn.s4")
