"""Hybrid Lab in a real browser: a σ slider moved from the keyboard changes the hybrid and the
crossover sentence; en and zh screenshots (the zh one at projector size)."""

from __future__ import annotations

import pytest

from app.ui.strings import t
from tests.browser.helpers import assert_no_exception, element_src, open_page, screenshot, wait_src_change

HYBRID_IMG = ".st-key-hy_pic_hybrid img"
LOW_IMG = ".st-key-hy_pic_low img"


def test_sigma_low_from_the_keyboard_changes_the_hybrid(page, app_url):
    open_page(page, app_url, "hybrid_lab")
    assert_no_exception(page)
    old_hybrid, old_low = element_src(page, HYBRID_IMG), element_src(page, LOW_IMG)
    sentence = page.get_by_text("The curves cross at")
    before = sentence.inner_text()
    slider = page.get_by_role("slider", name=t("hy.slow", "en"))
    slider.focus()
    for _ in range(4):
        slider.press("ArrowRight")
    assert wait_src_change(page, HYBRID_IMG, old_hybrid) != old_hybrid
    assert element_src(page, LOW_IMG) != old_low
    assert sentence.inner_text() != before  # a blurrier A hands over to B at a lower frequency
    assert "**" not in before  # rendered markdown, not raw text
    assert_no_exception(page)


@pytest.mark.parametrize(("lang", "size"), [("en", (1400, 1000)), ("zh", (1280, 720))])
def test_screenshots(page, app_url, lang, size):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    open_page(page, app_url, "hybrid_lab", f"lang={lang}")
    page.get_by_text(t("hy.q.far.a", lang)).click()
    page.wait_for_selector(".st-key-hy_walk img")
    assert_no_exception(page)
    screenshot(page, f"hybrid_lab_{lang}_{size[0]}x{size[1]}")
