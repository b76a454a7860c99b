"""Projector mode at a classroom projector's 1280×720: the six panels and the kernel's first slider
fit the first screen, each panel at least 240 px wide; at 1920×1080 the panels grow."""

from __future__ import annotations

import pytest

from app.ui.strings import t
from tests.browser.helpers import REPO, assert_no_exception, inside, open_page, screenshot

PANELS = "[data-testid=stMain] [data-testid=stImage] img"  # the grid's six, then the radial chart


def _open(browser, app_url: str, width: int, height: int, lang: str):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    open_page(page, app_url, "", f"projector=true&lang={lang}")
    page.locator(PANELS).nth(5).wait_for()
    assert_no_exception(page)
    return context, page


def _boxes(page) -> list[dict]:
    return [page.locator(PANELS).nth(i).bounding_box() for i in range(6)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_six_panels_and_the_first_slider_fit_a_1280x720_projector(browser, app_url, lang):
    context, page = _open(browser, app_url, 1280, 720, lang)
    try:
        boxes = _boxes(page)
        assert all(inside(b, 1280, 720) for b in boxes), boxes
        assert min(b["width"] for b in boxes) >= 240, [b["width"] for b in boxes]
        slider = page.locator("[data-testid=stMain]").get_by_role("slider").first.bounding_box()
        assert inside(slider, 1280, 720), slider
        # the sidebar starts closed, and the back row reads which kernel this is
        assert page.locator("[data-testid=stSidebar]").get_attribute("data-collapsed") == "true"
        caption = page.locator(".st-key-present_caption").inner_text()
        assert caption.startswith("Gaussian blur" if lang == "en" else "高斯模糊") and "15" in caption
        screenshot(page, f"projector_1280x720_{lang}")  # the whole page, for a look
        page.screenshot(path=REPO / "docs" / "screenshots" / f"projector_image_lab_{lang}.png")  # the first screen
    finally:
        context.close()


def test_panels_grow_on_a_1920x1080_screen(browser, app_url):
    small_ctx, small = _open(browser, app_url, 1280, 720, "en")
    big_ctx, big = _open(browser, app_url, 1920, 1080, "en")
    try:
        assert min(b["width"] for b in _boxes(big)) > max(b["width"] for b in _boxes(small))
        assert all(inside(b, 1920, 1080) for b in _boxes(big))
    finally:
        small_ctx.close()
        big_ctx.close()


def test_the_sidebar_arrow_opens_the_settings(browser, app_url):
    context, page = _open(browser, app_url, 1280, 720, "en")
    try:
        page.locator("[data-testid=stExpandSidebarButton]").click()
        page.get_by_text(t("shell.projector", "en")).wait_for()  # its controls are there again
        assert page.locator("[data-testid=stSidebar]").get_attribute("data-collapsed") == "false"
    finally:
        context.close()
