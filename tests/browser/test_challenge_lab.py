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


def test_the_learned_kernel_plays_in_the_browser(page, app_url):
    open_page(page, app_url, "challenge_lab", "ch_id=sobel_x&ch_learn=true")
    player = page.locator(".st-key-ch_learn_gd .js-plotly-plot")
    player.wait_for()
    first = player.locator(".slider-container").first
    first.wait_for()
    before = player.locator("text.slider-label, .slider-label").first.text_content() or ""
    page.get_by_text(t("ch.learn.play", "en")).click()  # plotly animates in the browser: no rerun
    page.wait_for_function(
        "([sel, old]) => { const l = document.querySelector(sel); return l && l.textContent !== old; }",
        arg=[".st-key-ch_learn_gd .slider-label", before])
    assert_no_exception(page)
    screenshot(page, "challenge_lab_learn_en_1400x1000")
