"""Hybrid Lab: A's low frequencies plus B's high frequencies, seen up close and from far away.

Layout only: settings from :mod:`.schema` through the page contract, every number and picture
from :mod:`.pipeline` (cached) and :mod:`.figures`, the question from :mod:`.questions`.
"""

from __future__ import annotations

import streamlit as st

from app.labs.hybrid_lab import figures as figs
from app.labs.hybrid_lab import pipeline as lab
from app.labs.hybrid_lab.questions import FAR
from app.labs.hybrid_lab.schema import KEY_A, KEY_B, SCHEMA
from app.ui import image_picker, page, predict, shell
from app.ui.a11y import alt_text
from app.ui.format import number
from app.ui.strings import t

lang = shell.lang()
proj = shell.projector()
if not proj:
    st.title(t("hy.title", lang))
    st.caption(t("hy.tagline", lang))
page.open(SCHEMA, lang)
messages = st.container()
if not proj:
    with st.expander(t("hy.explain_title", lang)):
        st.markdown(t("hy.explain", lang))


def _sources() -> tuple[tuple, tuple]:
    """((A, digest), (B, digest)): the shipped pair, or the two pickers' images."""
    st.toggle(t("hy.pair", lang), key="hy_pair", help=t("hy.pair_help", lang))
    if page.current(SCHEMA).pair:
        return lab.shipped_pair()
    picked = []
    for key, col, title in ((KEY_A, col_a, "hy.a"), (KEY_B, col_b, "hy.b")):
        with col:
            st.markdown(f"**{t(title, lang)}**")
            p = image_picker.image_picker(lang, key=key, allow_colour=False, allow_size=False, allow_camera=False,
                                          messages=messages)
        picked.append((p.image, p.digest))
    return picked[0], picked[1]


with st.sidebar:
    st.subheader(t("hy.title", lang))
    col_a, col_b = st.container(), st.container()
    (a, a_digest), (b, b_digest) = _sources()

controls = st.columns(2 if proj else [1, 1, 1.2])
with controls[0]:
    page.slider(SCHEMA, "hy_slow", t("hy.slow", lang), help=t("hy.slow_help", lang))
with controls[1]:
    page.slider(SCHEMA, "hy_shigh", t("hy.shigh", lang), help=t("hy.shigh_help", lang))
with controls[-1] if not proj else st.container():
    with st.expander(t("hy.align", lang), expanded=False):
        page.slider(SCHEMA, "hy_dx", t("hy.dx", lang))
        page.slider(SCHEMA, "hy_dy", t("hy.dy", lang))
        page.slider(SCHEMA, "hy_scale", t("hy.scale", lang))

s = page.current(SCHEMA)
run = lab.compute(a_digest, b_digest, s.dx, s.dy, s.scale, s.slow, s.shigh, shell.palette(), _a=a, _b=b)

for col, name, title, shown in zip(st.columns(3), ("low", "high", "hybrid"), ("hy.low", "hy.high", "hy.hybrid"),
                                   (run.low, run.high, run.image)):
    with col, st.container(key=f"hy_pic_{name}"):
        st.markdown(f"**{t(title, lang)}**")
        note = lab.shown_note(shown, lang)
        st.image(shown.pixels, width="stretch", alt=alt_text(t(title, lang), lang, note=note))
        st.caption(note)

gain_col, walk_col = st.columns([1, 1.4]) if not proj else (st.container(), st.container())
with gain_col:
    st.markdown(f"**{t('hy.gain.title', lang)}**")
    st.plotly_chart(figs.gain_figure(run.freqs, run.gain_low, run.gain_high, run.crossover, lang=lang,
                                     projector=proj), key="hy_gain_chart", config={"displayModeBar": False})
    if run.crossover is None:
        st.warning(t("hy.no_cross", lang))
    else:
        st.markdown(t("hy.cross", lang, f=number(run.crossover, 3), period=number(1 / run.crossover, 3)))
with walk_col:
    st.markdown(f"**{t('hy.walk', lang)}**")
    predict.ask(FAR, run.facts, lang)
    if predict.pending(FAR):
        st.caption(t("hy.walk_hidden", lang))
    else:
        with st.container(key="hy_walk"):
            walk = t("hy.walk_caption", lang)
            st.image(figs.distance_strip(run.views), caption=walk, alt=alt_text(walk, lang))
page.close()
