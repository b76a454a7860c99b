"""The Signal Lab's "Hear it" section (layout only): pick a sound and an impulse response, play f,
h and f ∗ h (nothing plays by itself), and see the spectra of what plays. The work is
:mod:`app.labs.signal_lab.parts.sound`."""

from __future__ import annotations

import streamlit as st

from app.backend import audio
from app.labs.signal_lab.parts import sound
from app.labs.signal_lab.schema import SCHEMA, SOUND_SOURCES
from app.ui import page
from app.ui.a11y import chart
from app.ui.errors import backend_message
from app.ui.strings import t


def _sound(lang: str):
    """(cache key, samples) of the picked sound; a bad upload says why and plays the voice instead."""
    if page.current(SCHEMA).sound != "upload":
        name = page.current(SCHEMA).sound
        return name, sound.shipped_sound(name)
    up = st.file_uploader(t("sl.hear.upload", lang), type=["wav"], key="sl_wav",
                          help=t("sl.hear.upload_help", lang, mb=audio.MAX_WAV_BYTES // 2**20, s=audio.MAX_SECONDS))
    if up is None:
        st.info(t("sl.hear.no_upload", lang))
    else:
        data = up.getvalue()
        try:
            return sound.upload_key(data), audio.read_wav(data)
        except audio.AudioError as exc:
            st.error(t("sl.hear.bad_wav", lang, error=backend_message(exc, lang)))
    return "voice", sound.shipped_sound("voice")


def render(lang: str, projector: bool) -> None:
    with st.expander(t("sl.hear.title", lang), expanded=False):
        st.caption(t("sl.hear.intro", lang))
        c1, c2 = st.columns(2)
        c1.selectbox(t("sl.hear.sound", lang), SOUND_SOURCES, format_func=lambda s: t(f"sl.hear.s.{s}", lang),
                     key="sl_sound")
        c2.selectbox(t("sl.hear.resp", lang), audio.RESPONSES, format_func=lambda r: t(f"sl.hear.r.{r}", lang),
                     key="sl_resp")
        with c1:
            key, samples = _sound(lang)
        resp = page.current(SCHEMA).resp
        st.caption(t(f"sl.hear.r.{resp}.what", lang))
        heard = sound.heard(key, resp, _sound=samples)
        if heard.shortened:
            st.caption(t("sl.hear.shortened", lang, s=audio.MAX_SECONDS))
        for col, name, wav in zip(st.columns(3), ("f", "h", "y"), heard.wavs):
            with col, st.container(key=f"sl_hear_{name}"):
                st.markdown(f"**{t(f'sl.hear.play.{name}', lang)}**")
                st.audio(wav, format="audio/wav")
        chart(sound.spectrum_figure(heard, lang=lang, projector=projector), sound.spectrum_alt(heard, lang),
              key="sl_hear_chart", config={"displayModeBar": False})
        st.caption(t("sl.hear.spec_note", lang))
