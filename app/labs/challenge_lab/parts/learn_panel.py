"""The Challenge Lab's "let the computer guess" part (layout only): the training pair's settings,
least squares and gradient descent side by side, the loss, the kernel step by step (played in the
browser) and the error per frequency band. The work is :mod:`app.labs.challenge_lab.parts.learning`."""

from __future__ import annotations

import numpy as np
import streamlit as st

from app.labs.challenge_lab import figures as figs
from app.labs.challenge_lab.parts import learning
from app.labs.challenge_lab.schema import SCHEMA, STEPS
from app.ui import page
from app.ui.a11y import alt_text
from app.ui.format import number
from app.ui.strings import t


def render(lang: str, image: np.ndarray, image_digest: str, hidden: np.ndarray, hidden_digest: str, *,
           palette: str, projector: bool) -> None:
    if not st.toggle(t("ch.learn", lang), key="ch_learn", help=t("ch.learn_help", lang)):
        return
    st.markdown(t("ch.learn.intro", lang))
    c1, c2, c3 = st.columns(3)
    with c1:
        page.slider(SCHEMA, "ch_noise", t("ch.learn.noise", lang))
    with c2:
        page.slider(SCHEMA, "ch_blur", t("ch.learn.blur", lang), help=t("ch.learn.blur_help", lang))
    with c3:
        auto = st.toggle(t("ch.learn.auto", lang), key="ch_auto")
        page.slider(SCHEMA, "ch_rate", t("ch.learn.rate", lang), disabled=auto)
        page.slider(SCHEMA, "ch_mom", t("ch.learn.mom", lang), disabled=auto)
    s = page.current(SCHEMA)
    r = learning.learned(image_digest, hidden_digest, s.noise, s.blur, None if auto else s.rate,
                         None if auto else s.mom, STEPS, _image=image, _hidden=hidden)
    st.caption(t("ch.learn.best", lang, rate=number(r.best[0], 3), mom=number(r.best[1], 3)))
    if r.truncated:
        st.caption(t("ch.learn.window", lang, h=r.shape[0], w=r.shape[1]))
    ls_col, gd_col = st.columns(2, gap="medium")
    with ls_col, st.container(key="ch_learn_ls"):
        st.markdown(f"**{t('ch.learn.ls', lang)}**")
        st.image(figs.kernel_picture(r.least_squares, palette=palette, projector=projector),
                 alt=alt_text(t("ch.learn.ls", lang), lang, values=r.least_squares))
        st.markdown(t("ch.learn.err", lang, err=number(r.ls_error, 3)))
    with gd_col, st.container(key="ch_learn_gd"):
        st.markdown(f"**{t('ch.learn.gd', lang, n=STEPS)}**")
        st.plotly_chart(figs.player_figure(r.descent.kernels, learning.player_steps(STEPS), lang=lang,
                                           projector=projector), key="ch_player", config={"displayModeBar": False})
        st.markdown(t("ch.learn.err", lang, err=number(r.gd_error, 3)))
    loss_col, band_col = st.columns(2, gap="medium")
    with loss_col:
        st.plotly_chart(figs.loss_figure(r.descent.losses, lang=lang, projector=projector), key="ch_loss",
                        config={"displayModeBar": False})
    with band_col:
        st.plotly_chart(figs.band_figure(r.bands, lang=lang, projector=projector), key="ch_bands",
                        config={"displayModeBar": False})
        unseen = int((~r.bands.identifiable).sum())
        if unseen:
            st.warning(t("ch.learn.unseen_note", lang, n=unseen, f=number(r.bands.edges[np.argmin(r.bands.identifiable)], 3)))
    st.success(t("ch.learn.moral", lang))
