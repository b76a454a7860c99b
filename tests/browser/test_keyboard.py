"""Keyboard only, in every lab: from the top of the page the Tab key reaches the lab's main slider (a bounded
number of presses), an arrow key changes the lab's output, and the focused slider's thumb shows a solid focus
ring; every main tab opens from the keyboard. Sliders are found by their role (``slider``), which both
st.slider and a custom slider component expose."""

from __future__ import annotations

import pytest

from app.ui.strings import t
from tests.browser.helpers import (
    assert_no_exception,
    element_src,
    element_text,
    open_page,
    screenshot,
    wait_for_app,
    wait_src_change,
    wait_text_change,
)

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
    raise AssertionError(f"{limit} Tab presses did not reach the target; focus on "
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


#: lab → its link, its main slider's label, what shows the output, and how to tell it changed (the "src" of an
#: image or its "text")
LABS = {
    "signal_lab": ("", t("sl.t"), "p.cs-sr-only", "text"),  # the chart's text alternative carries t, area and y
    "cnn_lab": ("", t("cnn.pool.size"), ".st-key-cnn_strip", "text"),  # the shapes strip
    # the designer opens with no mask (its cutoff slider disabled): a teacher's link to a Gaussian low-pass
    "filter_designer": ("fd_shape=gaussian", t("fd.cutoff"), ".st-key-fd_output_panel img", "src"),
    "fourier_lab": ("", t("fl.wave.u"), ".st-key-fl_wave_cos img", "src"),
}


@pytest.mark.parametrize("lab", sorted(LABS))
def test_each_lab_tab_to_its_main_slider_and_change_the_output_with_arrow_keys(page, app_url, lab):
    query, label, output, kind = LABS[lab]
    read, wait_change = (element_src, wait_src_change) if kind == "src" else (element_text, wait_text_change)
    open_page(page, app_url, lab, query)
    assert_no_exception(page)
    slider = page.get_by_role("slider", name=label)
    slider.wait_for()
    before, value = read(page, output), slider.get_attribute("aria-valuenow")
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    _tab_to(page, slider, 2 * MAX_TABS)
    ring = slider.evaluate(FOCUS_RING)
    assert ring is not None and ring["style"] == "solid" and ring["width"] >= 3, ring
    page.keyboard.press("ArrowRight")
    assert wait_change(page, output, before) != before
    assert page.get_by_role("slider", name=label).get_attribute("aria-valuenow") != value
    assert_no_exception(page)


@pytest.mark.parametrize("lab", ["image_lab", "cnn_lab", "fourier_lab"])
def test_every_main_tab_opens_from_the_keyboard(page, app_url, lab):
    open_page(page, app_url, lab)
    tabs = page.locator("[data-testid=stMain] [role=tab]")
    names = tabs.all_inner_texts()
    assert len(names) >= 5
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    _tab_to(page, tabs.first, 2 * MAX_TABS)
    ring = tabs.first.evaluate("el => getComputedStyle(el).outlineStyle + ' ' + parseFloat(getComputedStyle(el).outlineWidth)")
    assert ring.startswith("solid") and float(ring.split()[1]) >= 3, ring
    for i in range(1, len(names)):
        # keyboard only: Tab from the top of the page reaches the tab list (on its selected tab), the arrow
        # key moves along it, Enter opens the next tab. (A tab change reruns the page, which can redraw the
        # tab bar; a reader then Tabs back in, which is what this does.)
        page.evaluate("() => document.activeElement && document.activeElement.blur()")
        _tab_to(page, tabs.nth(i - 1), 2 * MAX_TABS)
        page.keyboard.press("ArrowRight")  # the focus moves along the tab list
        page.wait_for_function("el => el === document.activeElement", arg=tabs.nth(i).element_handle())
        page.keyboard.press("Enter")
        page.wait_for_function("el => el.getAttribute('aria-selected') === 'true'", arg=tabs.nth(i).element_handle())
        wait_for_app(page)
        assert_no_exception(page)
