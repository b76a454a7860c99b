"""Keyboard only: from the top of the Image Lab the Tab key reaches the sigma slider (a bounded number
of presses), ArrowRight changes the output image, and the focused slider's thumb shows a solid focus ring."""

from __future__ import annotations

from tests.browser.helpers import assert_no_exception, element_src, open_page, screenshot, wait_src_change

SIGMA = "Sigma σ (spread)"
OUTPUT = ".st-key-il_out_panel img"
MAX_TABS = 60  # the sidebar's controls, the tabs and the kernel picker come first

#: the focus ring of a slider: its visible thumb (st.slider marks it data-focus-visible; the live
#: slider's thumb is the focused element itself)
FOCUS_RING = """el => {
    const thumb = el.closest('[data-focus-visible]') || el;
    if (!thumb) return null;
    const s = getComputedStyle(thumb);
    return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), colour: s.outlineColor};
}"""


def _tab_to(page, target, limit: int) -> int:
    """Press Tab until ``target`` has the focus; the number of presses (fails beyond ``limit``)."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if target.evaluate("el => el.getRootNode().activeElement === el"):  # in a shadow root too
            return presses
    raise AssertionError(f"{limit} Tab presses did not reach the slider; focus on "
                         + page.evaluate("() => document.activeElement.outerHTML.slice(0, 200)"))


def test_tab_to_the_sigma_slider_and_change_the_output_with_arrow_keys(page, app_url):
    open_page(page, app_url, "image_lab")
    assert_no_exception(page)
    slider = page.get_by_role("slider", name=SIGMA)
    slider.wait_for()
    before = element_src(page, OUTPUT)
    value = slider.get_attribute("aria-valuenow")
    page.evaluate("() => document.activeElement && document.activeElement.blur()")  # from the top, nothing focused
    presses = _tab_to(page, slider, MAX_TABS)
    ring = slider.evaluate(FOCUS_RING)
    assert ring is not None and ring["style"] == "solid" and ring["width"] >= 3, ring
    screenshot(page, "keyboard_sigma_focused")
    page.keyboard.press("ArrowRight")
    after = wait_src_change(page, OUTPUT, before)
    assert after != before
    assert page.get_by_role("slider", name=SIGMA).get_attribute("aria-valuenow") != value
    assert_no_exception(page)
    assert presses <= MAX_TABS
