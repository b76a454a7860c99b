"""Challenge Lab: guess the hidden kernel from f and f ∗ h; teachers make challenge links.

Layout only: settings from :mod:`.schema` through the page contract, the hidden kernel, the
pictures and the grade from :mod:`.pipeline` (cached on digests).
"""

from __future__ import annotations

import os

import numpy as np
import streamlit as st

from app.backend import challenges
from app.labs.challenge_lab import figures as figs
from app.labs.challenge_lab import pipeline as lab
from app.labs.challenge_lab.parts import learn_panel
from app.labs.challenge_lab.questions import REVEAL
from app.labs.challenge_lab.schema import CHALLENGE_IDS, KERNEL_SOURCES, KEY, SCHEMA, SIZES
from app.ui import image_picker, kernel_picker, page, predict, shell
from app.ui.a11y import alt_text
from app.ui.errors import backend_message
from app.ui.format import number
from app.ui.strings import t
from kernels.parse import parse_text

lang = shell.lang()
proj = shell.projector()
ss = st.session_state
if not proj:
    st.title(t("ch.title", lang))
    st.caption(t("ch.tagline", lang))
page.open(SCHEMA, lang)
messages = st.container()
LEVELS = {c.id: c.level for c in challenges.CHALLENGES}

with st.sidebar:
    st.subheader(t("ch.side.image", lang))
    picked = image_picker.image_picker(lang, key=KEY, allow_colour=False, allow_size=False, allow_camera=False,
                                       messages=messages)
    st.select_slider(t("ch.size", lang), SIZES, key="ch_size")

st.selectbox(t("ch.pick", lang), CHALLENGE_IDS, key="ch_id",
             format_func=lambda c: t(f"ch.c.{c}", lang) + (f" · {t('ch.level', lang, n=LEVELS[c])}" if c in LEVELS else ""),
             on_change=predict.conceal, args=(REVEAL,))
s = page.current(SCHEMA)
secret = lab.link_secret(os.environ, st.get_option("server.cookieSecret") or "")
hidden = lab.hidden_kernel(s.id, s.token, secret, lang, fallback=CHALLENGE_IDS[0])
if hidden.error:
    messages.warning(t("ch.bad_link", lang, error=hidden.error))
image, palette = picked.image, shell.palette()
target_digest = lab.kernel_digest(hidden.kernel)
want, spec_f, spec_g = lab.target_view(picked.digest, target_digest, palette, _image=image, _kernel=hidden.kernel)


def _student_kernel() -> np.ndarray:
    """The catalogue picker's kernel or the typed taps (the last good taps when the text is refused)."""
    st.radio(t("ch.ksrc", lang), KERNEL_SOURCES, format_func=lambda k: t(f"ch.ksrc.{k}", lang), key="ch_ksrc",
             horizontal=True)
    if page.current(SCHEMA).ksrc == "catalog":
        return kernel_picker.kernel_picker(lang, key=KEY).kernel
    st.text_area(t("ch.taps", lang), key="ch_taps", height=120)
    try:
        ss["_ch_last_taps"] = parse_text(ss["ch_taps"])
    except ValueError as exc:
        st.error(t("ch.taps_bad", lang, error=backend_message(exc, lang)))
    return ss.get("_ch_last_taps", parse_text(SCHEMA.fields["ch_taps"].default))


build_col, out_col = st.columns([1, 2.2], gap="medium")
with build_col, st.container(border=True):
    st.markdown(f"**{t('ch.build', lang)}**")
    guess = _student_kernel()
    st.image(figs.kernel_picture(guess, palette=palette, projector=proj), alt=alt_text(t("ch.build", lang), lang, values=guess))

score, yours = lab.grade(picked.digest, target_digest, lab.kernel_digest(guess), palette, _image=image,
                         _target=hidden.kernel, _guess=guess)
with out_col:
    cols = st.columns(3)
    for col, name, title, pixels in zip(cols, ("f", "target", "yours"), ("ch.f", "ch.target", "ch.yours"),
                                         (image, want.pixels, yours.pixels)):
        with col, st.container(key=f"ch_pic_{name}"):
            st.markdown(f"**{t(title, lang)}**")
            st.image(pixels, width="stretch", clamp=True, alt=alt_text(t(title, lang), lang))
    with st.container(key="ch_score"):
        psnr = "∞" if not np.isfinite(score.psnr) else number(score.psnr, 3)
        st.markdown(t("ch.score", lang, psnr=psnr, need=number(challenges.SOLVED_PSNR),
                      err=number(score.spectral_error, 3)))
        (st.success if score.solved else st.info)(t("ch.solved" if score.solved else "ch.not_yet", lang))
    if st.toggle(t("ch.hint", lang), key="ch_hint"):
        c1, c2 = st.columns(2)
        c1.image(spec_f, caption=t("ch.spec_f", lang), width="stretch", alt=alt_text(t("ch.spec_f", lang), lang))
        c2.image(spec_g, caption=t("ch.spec_g", lang), width="stretch", alt=alt_text(t("ch.spec_g", lang), lang))
        st.caption(t("ch.spec_note", lang))
    if predict.reveal_button(REVEAL, lang, "ch.reveal"):
        h, w = hidden.kernel.shape
        answer = t("ch.answer", lang, h=h, w=w)
        st.image(figs.kernel_picture(hidden.kernel, palette=palette, projector=proj), caption=answer,
                 alt=alt_text(answer, lang, values=hidden.kernel))

learn_panel.render(lang, image, picked.digest, hidden.kernel, target_digest, palette=palette, projector=proj)

with st.expander(t("ch.teacher", lang)):
    st.caption(t("ch.teacher_intro", lang))
    il_kernel = lab.image_lab_kernel(ss)
    sources = ("here",) + (("image_lab",) if il_kernel is not None else ())
    source = st.radio(t("ch.teacher_from", lang), sources, format_func=lambda k: t(f"ch.from.{k}", lang),
                      key="_ch_teacher_from", horizontal=True)
    if st.button(t("ch.make", lang), key="ch_make"):
        token = challenges.encode_kernel_token(guess if source == "here" else il_kernel, secret)
        ss["_ch_link"] = lab.teacher_link(st.context.url or "", token, st.query_params.to_dict())
    if ss.get("_ch_link"):
        st.caption(t("ch.link", lang))
        st.code(ss["_ch_link"], language=None, wrap_lines=True)
        st.caption(t("ch.link_note", lang))
page.close()
