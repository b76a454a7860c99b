"""CNN Lab's arithmetic tab in a real browser: the formula's result equals the shown map size as the
stride changes, the footprint animation plays without a server round trip, en/zh screenshots."""

from __future__ import annotations

import re

from tests.browser.drag import live_slider
from tests.browser.helpers import assert_no_exception, open_page, screenshot, settle, wait_for_app, wait_text_change

CHECK = "[data-testid=stAlertContentSuccess]"
TALL = {"width": 1400, "height": 3000}


def _open_tab(page, app_url: str, lang: str = "en") -> None:
    open_page(page, app_url, "cnn_lab", "lang=zh" if lang == "zh" else "")
    page.get_by_role("tab", name={"en": "Stride, padding, dilation", "zh": "步幅、填充、空洞"}[lang]).click()
    page.locator(CHECK).first.wait_for(state="visible")
    wait_for_app(page)


def _formula_result(page) -> int:
    """The number after the last '=' of the rendered formula (KaTeX keeps its TeX source)."""
    tex = page.locator("annotation[encoding='application/x-tex']").first.text_content()
    return int(re.search(r"=\s*(\d+)\s*$", tex.strip()).group(1))


def _sizes(check: str) -> tuple[tuple[int, int], tuple[int, int]]:
    formula, shown = [tuple(map(int, m)) for m in re.findall(r"(\d+) × (\d+)", check)]
    return formula, shown


def test_stride_changes_the_formula_and_the_map_alike(page, app_url):
    _open_tab(page, app_url)
    assert_no_exception(page)
    check = page.locator(CHECK).first.inner_text()
    formula, shown = _sizes(check)
    assert formula == shown == (_formula_result(page),) * 2 == (255, 255)  # (512 − 3)//2 + 1
    assert "✓" in check

    slider = live_slider(page, "Stride s")  # the pooling slider is "Stride"
    for expected in (170, 128):  # stride 3, then 4
        slider.focus()
        slider.press("ArrowRight")
        check = wait_text_change(page, CHECK, check)
        formula, shown = _sizes(check)
        assert formula == shown == (_formula_result(page),) * 2 == (expected, expected)
        assert_no_exception(page)
    caption = page.get_by_text("The map, 128 × 128").first
    assert caption.is_visible()


def test_play_runs_in_the_browser_and_screenshots(page, app_url):
    received: list[int] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda data: received.append(len(data))))
    _open_tab(page, app_url)
    figure = page.locator(".js-plotly-plot").first
    figure.scroll_into_view_if_needed()
    footprint = "() => document.querySelector('.js-plotly-plot')._fullData[3].x.join(',')"
    before, quiet = page.evaluate(footprint), len(received)
    # count the frames plotly draws (its own event), so the wait is on frames, not on time
    page.evaluate("() => { window.__frames = 0; document.querySelector('.js-plotly-plot')"
                  ".on('plotly_animatingframe', () => { window.__frames += 1; }); }")
    figure.locator(".updatemenu-button").first.click()  # ▶ Play
    page.wait_for_function(f"([old]) => ({footprint})() !== old", arg=[before], timeout=10_000)
    page.wait_for_function("() => window.__frames >= 4", timeout=10_000)
    assert len(received) == quiet, "playing the animation must not talk to the server"
    figure.locator(".updatemenu-button").nth(1).click()  # pause, so the screenshot is still
    assert_no_exception(page)
    page.set_viewport_size(TALL)
    settle(page)
    screenshot(page, "cnn_arithmetic_en")

    _open_tab(page, app_url, "zh")
    assert_no_exception(page)
    settle(page)
    screenshot(page, "cnn_arithmetic_zh")
