"""Animations to take away on the Signal Lab and the CNN Lab (AppTest): the *Make* button makes a
labelled animation of the page's own frames, in both languages, and changing what the page shows
hides the old file."""

from __future__ import annotations

import pytest

from app.backend import animation
from app.labs.signal_lab.pipeline import times
from app.ui import takeaway
from tests.apptest.helpers import open_lab
from tests.apptest.test_cnn_arithmetic import TAB


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_signal_lab_makes_its_flip_and_slide(lang):
    at = open_lab("signal_lab", lang=lang, link={"sl_mode": "discrete"})
    at.button(key="_sl_anim_make").click().run()
    assert not at.exception, at.exception
    recipe, fmt, data = at.session_state[takeaway.file_key("sl")]
    assert fmt == "gif" and recipe[0] == "discrete"
    assert len(animation.read_frames(data)) == min(animation.MAX_FRAMES, times("discrete").size)
    assert any(b.proto.label.startswith(takeaway.t("anim.download", lang, mb="")[:3]) for b in at.get("download_button"))
    at.toggle(key="sl_corr").set_value(True).run()  # another picture: the old file is not offered
    assert not at.get("download_button")


def test_the_cnn_lab_makes_its_footprint_animation():
    at = open_lab("cnn_lab", cnn_tab=TAB["en"])
    at.selectbox(key="_cnn_fp_anim_fmt").set_value("apng").run()
    at.button(key="_cnn_fp_anim_make").click().run()
    assert not at.exception, at.exception
    _, fmt, data = at.session_state[takeaway.file_key("cnn_fp")]
    assert fmt == "apng" and data[:8] == b"\x89PNG\r\n\x1a\n"
    frames = animation.read_frames(data)
    assert 1 < len(frames) <= animation.MAX_FRAMES and len({f.shape for f in frames}) == 1
