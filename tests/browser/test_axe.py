"""Everyone can read it (issue 22), checked in a real browser.

* axe-core (``axe-playwright-python`` ships it) finds no WCAG 2.1 A or AA violation on any main tab of any lab,
  in English and Chinese, in normal and projector mode. One server, one browser, one page per language × mode;
  each tab is opened with the keyboard (focus, Enter) and checked in place, with the components' frames in it.
  No axe rule is disabled; inside one third-party component two findings are expected (:data:`THIRD_PARTY`).
* The rendered text colours, measured with getComputedStyle (opacity and alpha blended over the background the
  text really stands on), reach WCAG's ratios: captions, widget labels and chart text (ticks, axis titles,
  legends) >= 4.5:1 in normal mode and >= 7:1 (AAA) in projector mode. axe leaves SVG text (the charts) out,
  so this is the only check of the charts' text.
"""

from __future__ import annotations

import re

import pytest

from tests.browser.helpers import assert_no_exception, open_page, settle, wait_for_app

LABS = ("image_lab", "signal_lab", "cnn_lab", "filter_designer", "fourier_lab")
MODES = {"normal": "", "projector": "&projector=true"}
VIEWPORTS = {"normal": {"width": 1400, "height": 1000}, "projector": {"width": 1280, "height": 720}}
#: every WCAG 2.0 / 2.1 rule of level A and AA that axe-core has; none is switched off
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
           "resultTypes": ["violations"]}
MAIN_TABS = "[data-testid=stMain] [role=tab]"
#: (component, rule) found inside a third-party component's own frame, which the app cannot change.
#: streamlit-image-coordinates (the clickable spectrum in the Fourier Lab and the Image Lab's inspector) draws
#: its <img> without alt (it takes no alt argument) in a scrolling box: the page gives the picture's text
#: alternative right after the frame (app/ui/canvas.py) and sliders do what a click does, from the keyboard.
THIRD_PARTY = {("streamlit_image_coordinates", "image-alt"), ("streamlit_image_coordinates", "scrollable-region-focusable")}

#: the text whose contrast is measured, and the ratio it needs per mode
TEXT = ("[data-testid=stCaptionContainer], [data-testid=stWidgetLabel] p, .xtick text, .ytick text, "
        ".g-xtitle text, .g-ytitle text, .legendtext, .gtitle")
RATIO = {"normal": 4.5, "projector": 7.0}

#: per visible text element in the main area: its colour (SVG text: fill), the product of the opacities above
#: it, and the background colours from the element up to the page (the first opaque one ends the list)
_COLOURS = """sel => [...document.querySelectorAll('[data-testid=stMain]')].flatMap(m => [...m.querySelectorAll(sel)])
  .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && e.textContent.trim(); })
  .map(e => {
    const s = getComputedStyle(e);
    let opacity = 1, backgrounds = [];
    for (let a = e; a && a.nodeType === 1; a = a.parentElement) {
      const st = getComputedStyle(a);
      opacity *= parseFloat(st.opacity);
      const bg = st.backgroundColor;
      if (bg && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') {
        backgrounds.push(bg);
        if (!bg.startsWith('rgba')) break;
      }
    }
    return {text: e.textContent.trim().slice(0, 40), colour: e instanceof SVGElement ? s.fill : s.color,
            opacity, backgrounds};
  })"""


def _rgba(css: str) -> tuple[float, float, float, float]:
    parts = [float(v) for v in re.findall(r"[\d.]+", css)]
    return (*parts[:3], parts[3] if len(parts) > 3 else 1.0)


def _over(top: tuple[float, ...], alpha: float, bottom: tuple[float, ...]) -> tuple[float, float, float]:
    return tuple(alpha * a + (1 - alpha) * b for a, b in zip(top[:3], bottom[:3]))


def _luminance(rgb: tuple[float, ...]) -> float:
    lin = [c / 255 / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(colour: str, opacity: float, backgrounds: list[str]) -> float:
    """WCAG contrast of text in ``colour`` (times ``opacity``) over the stacked ``backgrounds`` (innermost first,
    on white when none is opaque).

    >>> round(contrast("rgb(31, 111, 235)", 1.0, ["rgb(221, 232, 248)"]), 2)
    3.75
    >>> round(contrast("rgba(27, 31, 36, 0.6)", 1.0, []), 2)
    4.4
    """
    bg: tuple[float, ...] = (255.0, 255.0, 255.0)
    for layer in reversed(backgrounds):
        rgba = _rgba(layer)
        bg = _over(rgba, rgba[3], bg)
    fg = _rgba(colour)
    text = _over(fg, fg[3] * opacity, bg)
    hi, lo = sorted((_luminance(text), _luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _open_tabs(page):
    """Yield once per main tab of the open lab (once when it has none), that tab opened with the keyboard."""
    tabs = page.locator(MAIN_TABS)
    n = tabs.count()
    for i in range(max(n, 1)):
        if n and tabs.nth(i).get_attribute("aria-selected") != "true":
            tabs.nth(i).focus()
            page.keyboard.press("Enter")
            page.wait_for_function("t => t.getAttribute('aria-selected') === 'true'", arg=tabs.nth(i).element_handle())
            wait_for_app(page)
        yield tabs.nth(i).inner_text() if n else ""


def _violations(page, axe) -> list[tuple[str, dict]]:
    """axe's WCAG A/AA violations in the page and in each component's frame, as (component or "", violation).

    A component redrawn by a late rerun replaces its frame while it is checked: then the page is checked again."""
    from playwright.sync_api import Error

    for _ in range(3):
        try:
            return [(frame.url.split("/component/")[1].split(".")[0] if "/component/" in frame.url else "", v)
                    for frame in page.frames for v in axe.run(frame, options=WCAG_AA).response["violations"]]
        except Error as exc:
            if "detached" not in str(exc):
                raise
            wait_for_app(page)
    raise AssertionError("the components' frames kept being replaced while they were checked")


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.mark.parametrize("mode", sorted(MODES))
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_wcag_aa_violation_on_any_tab_of_any_lab(browser, app_url, axe, capsys, lang, mode):
    context = browser.new_context(viewport=VIEWPORTS[mode])
    page = context.new_page()
    found, states = {}, 0
    try:
        for lab in LABS:
            open_page(page, app_url, lab, f"lang={lang}{MODES[mode]}")
            for tab in _open_tabs(page):
                settle(page)  # drawn: components mounted, images decoded
                assert_no_exception(page)
                for component, v in _violations(page, axe):
                    if (component, v["id"]) not in THIRD_PARTY:
                        found[f"{lab} [{tab}] {component} {v['id']}"] = [n["target"] for n in v["nodes"][:3]] + [
                            v["nodes"][0].get("failureSummary", "")[:300]]
                states += 1
    finally:
        context.close()
    with capsys.disabled():
        print(f"\naxe-core WCAG 2.1 AA: {states} page states checked ({lang}, {mode}), {len(found)} with violations")
    assert states >= len(LABS) + 15  # every lab, and the Image, CNN and Fourier Labs' tabs
    assert found == {}


@pytest.mark.parametrize("mode", sorted(MODES))
def test_captions_labels_and_chart_text_reach_the_contrast_ratio(browser, app_url, capsys, mode):
    context = browser.new_context(viewport=VIEWPORTS[mode])
    page = context.new_page()
    low, ratios = [], []
    try:
        for lab in LABS:
            open_page(page, app_url, lab, f"lang=en{MODES[mode]}")
            if lab in ("signal_lab", "filter_designer"):  # their charts are on the first screen
                page.locator(".xtick text").first.wait_for()
            for item in page.evaluate(_COLOURS, TEXT):
                ratio = contrast(item["colour"], item["opacity"], item["backgrounds"])
                ratios.append(ratio)
                if ratio < RATIO[mode]:
                    low.append((lab, item["text"], item["colour"], item["backgrounds"][:1], round(ratio, 2)))
    finally:
        context.close()
    with capsys.disabled():
        print(f"\ntext contrast ({mode}): {len(ratios)} captions, labels and chart texts, lowest {min(ratios):.2f}:1")
    assert len(ratios) > 100, len(ratios)  # captions, labels and the charts' ticks were found
    assert low == []
