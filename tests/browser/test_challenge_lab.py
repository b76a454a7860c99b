"""Challenge Lab in a real browser: typing the hidden kernel's taps solves the challenge; en and
zh screenshots (zh at projector size, spectra hint on)."""

from __future__ import annotations

import pytest

from app.ui.strings import t
from tests.browser.helpers import assert_no_exception, element_text, open_page, screenshot, wait_for_app

SCORE = ".st-key-ch_score"


def test_typing_the_hidden_taps_solves_the_challenge(page, app_url):
    open_page(page, app_url, "challenge_lab", "ch_id=sobel_x&ch_ksrc=taps")
    assert t("ch.not_yet", "en") in element_text(page, SCORE)
    box = page.get_by_label(t("ch.taps", "en"))
    box.fill("1 0 -1\n2 0 -2\n1 0 -1")
    box.press("Control+Enter")
    page.wait_for_function("([sel, want]) => document.querySelector(sel)?.innerText.includes(want)",
                           arg=[SCORE, t("ch.solved", "en")])
    wait_for_app(page)
    assert "∞" in element_text(page, SCORE)
    assert_no_exception(page)


@pytest.mark.parametrize(("lang", "size"), [("en", (1400, 1000)), ("zh", (1280, 720))])
def test_screenshots(page, app_url, lang, size):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    open_page(page, app_url, "challenge_lab", f"lang={lang}&ch_id=motion45&ch_hint=true")
    page.wait_for_selector(".st-key-ch_pic_target img")
    assert_no_exception(page)
    screenshot(page, f"challenge_lab_{lang}_{size[0]}x{size[1]}")
