"""The CNN Lab's maps tab: every map with its spectrum; C1's cards also show the kernel, |H| and band.

Layout only (the maps come from the cached :mod:`app.labs.cnn_lab.pipeline`). On a projector a card
is one row high and two cards share a row, so the first maps fit the first screen.
"""

from __future__ import annotations

import streamlit as st

from app.backend import cnn as L
from app.labs.cnn_lab import pipeline as run
from app.labs.cnn_lab.parts import text
from app.labs.cnn_lab.parts.model import Net
from app.ui import shell
from app.ui.a11y import alt_text
from app.ui.format import number
from app.ui.strings import t


def _per_row(proj: bool) -> int:
    return 2 if proj else 4


def _thumb(proj: bool) -> int:
    """Side (px) of a map thumbnail."""
    return 320 if proj else 200


def _map_card(thumb: tuple, name: str, lang: str, aside: tuple[tuple[bytes, str], ...] = ()) -> None:
    """Map ``name`` and its spectrum side by side (``aside``: small (image, alt text) pairs stacked in a narrow
    column before them)."""
    map_jpg, spec_jpg, lo, hi, _ = thumb
    *first, a, b = st.columns([0.8, 2, 2] if aside else [1, 1], gap="small")
    for image, alt in aside:
        first[0].image(image, width="stretch", alt=alt)
    a.image(map_jpg, width="stretch", alt=alt_text(t("cnn.alt.map", lang, name=name), lang, values=(lo, hi)))
    b.image(spec_jpg, width="stretch", alt=alt_text(t("cnn.alt.spectrum", lang, name=name), lang))
    st.caption(t("cnn.card.range", lang, lo=number(lo), hi=number(hi)))


def _grid(n: int, per_row: int):
    """Columns for ``n`` cards, ``per_row`` a row: yields (column, index)."""
    for start in range(0, n, per_row):
        cols = st.columns(per_row, gap="small", vertical_alignment="bottom")
        yield from zip(cols, range(start, min(start + per_row, n)))


def _map_grid(prefix: str, thumbs: list, names: list[str], lang: str, proj: bool) -> None:
    for col, i in _grid(len(thumbs), _per_row(proj)):
        with col, st.container(key=f"cnn_{prefix.strip('-').lower()}_{i}"):  # e.g. cnn_s2_0: tests find a map
            st.markdown(f"**{prefix}{i + 1} · {names[i]}**")
            _map_card(thumbs[i], f"{prefix}{i + 1} {names[i]}", lang)


# ------------------------------------------------------------------------------------ panels
def _c1_grid(grey: run.Grey, n: Net, bank: L.KernelBank, lang: str, proj: bool) -> None:
    """C1's cards: the kernel, its |H| and band, the map and its spectrum (on a projector the kernel
    and |H| stand in a narrow column beside the map, so a card is one row high)."""
    st.markdown(f"##### {t('cnn.maps.c1', lang)}")
    bands = run.bands(n.c1.bank, 160 if proj else 110, shell.palette())
    short = text.kernel_names(bank, lang, short=True)
    thumbs = run.thumbs(grey, n, "C1", run.display_scales(n)[0], _thumb(proj), shell.palette())
    if not proj:
        st.caption(t("cnn.maps.c1_cap", lang, scale=t(f"cnn.scale.{thumbs[0][4]}", lang)))
    for col, i in _grid(bank.n_out, _per_row(proj)):
        k_png, h_png, centroid, label = bands[i]
        with col, st.container(key=f"cnn_c1_{i}"):
            name = f"C1-{i + 1} {short[i]}"
            st.markdown(f"**C1-{i + 1} · {short[i]}**")
            band = t("cnn.band.caption", lang, band=t(f"cnn.band.{label}", lang), f=f"{centroid:.2f}")
            kernel = (k_png, alt_text(t("cnn.alt.kernel", lang, name=name), lang))
            response = (h_png, alt_text(t("cnn.alt.response", lang, name=name), lang, note=band))
            if not proj:
                k1, k2 = st.columns(2, gap="small")
                k1.image(kernel[0], width="stretch", alt=kernel[1])
                k2.image(response[0], width="stretch", alt=response[1])
                st.caption(band)
            _map_card(thumbs[i], name, lang, (kernel, response) if proj else ())
            if proj:
                st.caption(band)


def render(grey: run.Grey, n: Net, stages: tuple[str, ...], bank: L.KernelBank, lang: str, proj: bool) -> None:
    """Every map with its spectrum; C1 cards also show the kernel, |H| and its band."""
    inp = run.thumbs(grey, n, "input", "unit", _thumb(proj), shell.palette())[0]
    input_box, c1_box = shell.figures_first(proj)  # on a projector the first maps come first
    with input_box:
        a, b, c = st.columns([1, 1, 2] if not proj else [1, 1, 1], gap="small")
    h, w = grey.pixels.shape
    a.image(inp[0], width="stretch", caption=t("cnn.input.card", lang),
            alt=alt_text(t("cnn.alt.input", lang, w=w, h=h), lang, values=inp[2:4]))
    b.image(inp[1], width="stretch", alt=alt_text(t("cnn.alt.spectrum", lang, name=t("cnn.input.card", lang)), lang))
    c.markdown(t("cnn.input.explain", lang) + " " + text.stop_band_note(*run.c1_stop_band(grey, n.c1), n.c1.act, lang))
    with c1_box:
        _c1_grid(grey, n, bank, lang, proj)
    st.markdown(f"##### {t('cnn.maps.s2', lang)}")
    short = text.kernel_names(bank, lang, short=True)
    conv_scale, pooled_scale = run.display_scales(n)
    if not proj:
        st.caption(t("cnn.maps.pooled_cap", lang, stride=n.pool.stride, nyq=number(0.5 / n.pool.stride)))
    _map_grid("S2-", run.thumbs(grey, n, "S2", pooled_scale, _thumb(proj), shell.palette()), short, lang, proj)
    if "C3" in stages:
        c3_names = text.kernel_names(run.c3_bank(n.c3, bank.n_out), lang, short=True)
        st.markdown(f"##### {t('cnn.maps.c3', lang)}")
        _map_grid("C3-", run.thumbs(grey, n, "C3", conv_scale, _thumb(proj), shell.palette()), c3_names, lang, proj)
        if "S4" in stages:
            st.markdown(f"##### {t('cnn.maps.s4', lang)}")
            _map_grid("S4-", run.thumbs(grey, n, "S4", pooled_scale, _thumb(proj), shell.palette()), c3_names, lang, proj)
    with st.expander(t("cnn.formulas", lang), expanded=False):
        for formula in text.FORMULAS:
            st.latex(formula)
        st.markdown(t("cnn.formulas.note", lang))
