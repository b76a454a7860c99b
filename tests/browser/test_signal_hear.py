"""The Signal Lab's "Hear it" in a real browser: three paused players with sound loaded, a WAV
upload plays, a broken file gets a friendly error (no traceback); en and zh screenshots."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.io import wavfile

from app.ui.strings import t
from tests.browser.helpers import assert_no_exception, open_page, screenshot, wait_for_app

PLAYERS = ".st-key-sl_hear_f audio, .st-key-sl_hear_h audio, .st-key-sl_hear_y audio"


def _open_hear(page, app_url, lang="en", query=""):
    open_page(page, app_url, "signal_lab", f"lang={lang}" + (f"&{query}" if query else ""))
    page.get_by_text(t("sl.hear.title", lang)).click()
    page.locator(PLAYERS).first.wait_for()


def _players_state(page) -> list[dict]:
    return page.locator(PLAYERS).evaluate_all(
        "els => els.map(a => ({paused: a.paused, autoplay: a.autoplay, src: a.currentSrc || a.src}))")


def test_three_paused_players_and_an_uploaded_wav(page, app_url, tmp_path):
    _open_hear(page, app_url, query="sl_sound=upload&sl_resp=room")
    states = _players_state(page)
    assert len(states) == 3 and all(s["paused"] and not s["autoplay"] and s["src"] for s in states)
    uploader = page.locator(".stExpander [data-testid=stFileUploader] input[type=file]")
    broken = tmp_path / "broken.wav"
    broken.write_bytes(b"RIFF\x00\x00\x00\x00WAVE this is not a sound")
    uploader.set_input_files(str(broken))
    page.locator("[data-testid=stAlertContentError]").filter(has_text=t("err.audio_unreadable", "en")).wait_for()
    assert_no_exception(page)
    good = tmp_path / "tone.wav"
    rate = 22_050  # resampled to 44.1 kHz by the page
    wavfile.write(good, rate, (0.3 * np.sin(2 * np.pi * 440 * np.arange(rate) / rate) * 32767).astype(np.int16))
    before = _players_state(page)[0]["src"]
    uploader.set_input_files(str(good))
    page.wait_for_function("([sel, old]) => document.querySelector(sel)?.src !== old",
                           arg=[".st-key-sl_hear_f audio", before])
    wait_for_app(page)
    assert page.locator("[data-testid=stAlertContentError]").count() == 0
    assert all(s["paused"] for s in _players_state(page))
    assert_no_exception(page)


@pytest.mark.parametrize(("lang", "size"), [("en", (1400, 1000)), ("zh", (1280, 720))])
def test_screenshots(page, app_url, lang, size):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    _open_hear(page, app_url, lang, "sl_resp=comb")
    page.locator(".stExpander .js-plotly-plot").first.wait_for()
    page.locator(".stExpander").last.scroll_into_view_if_needed()
    assert_no_exception(page)
    screenshot(page, f"signal_hear_{lang}_{size[0]}x{size[1]}")
