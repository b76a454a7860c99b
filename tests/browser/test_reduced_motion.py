"""Reduced motion (issue 22): a browser that asks for it (``prefers-reduced-motion: reduce``) gets animated
charts that start paused (the Signal Lab's flip-and-slide, the CNN Lab's kernel footprint: they move only on
their Play button) and no CSS transition or animation from the page itself."""

from __future__ import annotations

import pytest

from tests.browser.helpers import assert_no_exception, open_page, settle, wait_for_app

#: lab → (the main tab holding the chart, or None; the chart's container)
CHARTS = {
    "signal_lab": (None, ".st-key-sl_slide_chart"),
    "cnn_lab": (4, ".st-key-cnn_fig_footprint"),  # the convolution-arithmetic tab
}
#: elements whose CSS still moves: a transition or animation longer than the reduced-motion 0.01 ms
_MOVING = """() => [...document.querySelectorAll('*')].filter(e => {
    const s = getComputedStyle(e);
    const longest = v => Math.max(...v.split(',').map(d => parseFloat(d) * (d.trim().endsWith('ms') ? 1 : 1000)));
    return longest(s.transitionDuration) > 0.01 || (s.animationName !== 'none' && longest(s.animationDuration) > 0.01);
}).map(e => e.tagName + '.' + (e.getAttribute('data-testid') || e.className.baseVal || e.className)).slice(0, 10)"""


def _drawn(page, chart: str) -> str:
    """The chart's drawn traces (SVG), which change from frame to frame while it plays."""
    return page.locator(f"{chart} .scatterlayer").first.inner_html()


@pytest.mark.parametrize("lab", sorted(CHARTS))
def test_with_reduced_motion_the_animation_starts_paused_and_the_page_does_not_move(browser, app_url, lab):
    tab, chart = CHARTS[lab]
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, reduced_motion="reduce")
    page = context.new_page()
    try:
        open_page(page, app_url, lab)
        if tab is not None:
            page.locator("[data-testid=stMain] [role=tab]").nth(tab).focus()
            page.keyboard.press("Enter")
            page.locator(chart).wait_for()
            wait_for_app(page)
        page.locator(f"{chart} .scatterlayer").first.wait_for()
        settle(page)
        assert_no_exception(page)
        assert page.evaluate("() => matchMedia('(prefers-reduced-motion: reduce)').matches")
        assert page.evaluate(_MOVING) == []
        still = _drawn(page, chart)
        # let the browser paint 90 frames (about 1.5 s): a playing animation would have moved meanwhile
        page.evaluate("() => { window.__csFrames = 0; }")
        page.wait_for_function("() => ++window.__csFrames >= 90", polling="raf")
        assert _drawn(page, chart) == still
        # the check can see motion: Play (a click, as a reader would) moves it
        page.locator(f"{chart} .updatemenu-button").first.click()
        page.wait_for_function("([sel, still]) => document.querySelector(sel).innerHTML !== still",
                               arg=[f"{chart} .scatterlayer", still], timeout=10_000)
    finally:
        context.close()
