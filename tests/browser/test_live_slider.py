"""The live slider in a real browser: the Image Lab's picture follows the hand during a drag.

No timing assertions: the counts below hold on any machine (the backpressure sends the next value
only when the previous one is drawn, so a slow machine draws fewer pictures, never none).
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser.drag import drag, install_probe, live_slider, wait_settled
from tests.browser.helpers import assert_no_exception, element_src, open_page, screenshot, settle
from tests.servers import streamlit_app

SIGMA = "Sigma σ (spread)"
OUT_IMG = ".st-key-il_out_panel img"


def _link(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def test_a_mouse_drag_draws_pictures_during_the_drag_and_ends_on_the_release_value(page, app_url):
    open_page(page, app_url)
    install_probe(page, OUT_IMG)
    before = element_src(page, OUT_IMG)
    result = drag(page, SIGMA, seconds=2.0, start=0.1, end=0.5)
    during = {src for _t, src in result.during} - {before}
    assert len(during) >= 3, f"only {len(during)} distinct pictures while the hand moved"
    # the release value is what the page shows and holds
    thumb = live_slider(page, SIGMA)
    assert thumb.get_attribute("aria-valuenow") == result.value
    released = float(result.value)
    assert 0.1 < released < 20.0
    assert element_src(page, OUT_IMG) == result.final_src
    assert page.evaluate("() => window.__csDrag.last") == result.final_src
    # the link holds the release value (written on release, not during the drag)
    assert float(_link(page)["il_gaussian_sigma"][0]) == released
    assert_no_exception(page)
    settle(page)
    screenshot(page, "live_slider_after_drag")


def test_the_keyboard_moves_the_live_slider_and_changes_the_picture(page, app_url):
    open_page(page, app_url)
    thumb = live_slider(page, SIGMA)
    assert thumb.get_attribute("aria-valuetext") == "3 px"  # the lab opens at σ = 3 (a unit for screen readers)
    assert (thumb.get_attribute("aria-valuemin"), thumb.get_attribute("aria-valuemax")) == ("0.1", "20")
    before = element_src(page, OUT_IMG)
    thumb.focus()
    thumb.press("ArrowRight")
    wait_settled(page, SIGMA)
    assert thumb.get_attribute("aria-valuenow") == "3.1"
    after = element_src(page, OUT_IMG)
    assert after != before
    thumb.press("PageDown")  # a tenth of the range: 2 px down
    wait_settled(page, SIGMA)
    assert thumb.get_attribute("aria-valuenow") == "1.1"
    thumb.press("Home")
    wait_settled(page, SIGMA)
    assert thumb.get_attribute("aria-valuenow") == "0.1"
    assert element_src(page, OUT_IMG) not in (before, after)
    assert _link(page)["il_gaussian_sigma"] == ["0.1"]
    assert_no_exception(page)


def test_projector_mode_drag_and_screenshot(page, app_url):
    page.set_viewport_size({"width": 1280, "height": 720})
    open_page(page, app_url, query="projector=1")
    install_probe(page, OUT_IMG)
    before = element_src(page, OUT_IMG)
    result = drag(page, SIGMA, seconds=2.0, start=0.3, end=0.05)
    assert len({src for _t, src in result.during} - {before}) >= 3
    assert float(_link(page)["il_gaussian_sigma"][0]) == float(result.value)
    assert_no_exception(page)
    settle(page)
    screenshot(page, "live_slider_projector")


@pytest.fixture(scope="module")
def one_slider_url():
    with streamlit_app("live-slider-page.log", script="tests/browser/live_slider_page.py") as (url, _proc):
        yield url


def _reported(page) -> str:
    return page.locator("[data-testid=stMarkdownContainer] p").first.inner_text()


def test_help_tooltip_touch_and_whole_number_steps(browser, one_slider_url):
    context = browser.new_context(viewport={"width": 800, "height": 500}, has_touch=True)
    page = context.new_page()
    try:
        open_page(page, one_slider_url)
        thumb = live_slider(page, "Odd size")
        assert _reported(page) == "value=5 dragging=False"
        assert thumb.get_attribute("aria-valuetext") == "5 px"
        help_icon = page.locator(".cs-help")
        assert help_icon.get_attribute("aria-label") == "An odd number of pixels"
        assert not page.locator(".cs-tip").is_visible()
        help_icon.hover()
        assert page.locator(".cs-tip").is_visible() and page.locator(".cs-tip").inner_text() == "An odd number of pixels"
        thumb.focus()
        thumb.press("ArrowUp")
        wait_settled(page, "Odd size")
        assert _reported(page) == "value=7 dragging=False"  # one step is 2: odd sizes only
        thumb.press("End")
        wait_settled(page, "Odd size")
        assert _reported(page) == "value=21 dragging=False" and thumb.get_attribute("aria-valuenow") == "21"
        box = thumb.evaluate("(t) => { const b = t.parentElement.getBoundingClientRect();"
                             " return {x: b.x, y: b.y, width: b.width, height: b.height}; }")
        page.touchscreen.tap(box["x"] + 0.3 * box["width"], box["y"] + box["height"] / 2)  # a finger on a phone
        wait_settled(page, "Odd size")
        assert _reported(page) == "value=7 dragging=False"  # 30 % of 1..21
        assert_no_exception(page)
        screenshot(page, "live_slider_help_touch")
    finally:
        context.close()
