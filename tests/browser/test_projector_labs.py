"""Projector mode at 1280×720 for the other labs: each lab's central figures lie inside the first
screen (no scrolling) with projector=true, in English and Chinese; the first screen is kept in
docs/screenshots/projector_<lab>_<lang>.png (the whole page in tests/artifacts)."""

from __future__ import annotations

import shutil

import pytest

from tests.browser.helpers import REPO, assert_no_exception, inside, open_page, screenshot, settle

WIDTH, HEIGHT = 1280, 720

#: lab → selectors of its central figures
LABS = {
    "signal_lab": (".st-key-sl_slide_chart",),
    "cnn_lab": (".st-key-cnn_strip", *(f".st-key-cnn_c1_{i} [data-testid=stImage] img >> nth=2" for i in (0, 1))),
    "filter_designer": ("[class*=st-key-fd_spectrum_]", ".st-key-fd_output_panel img"),
    "fourier_lab": (".st-key-fl_wave_spec iframe", ".st-key-fl_wave_cos img"),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("lab", sorted(LABS))
def test_the_central_figures_fit_a_1280x720_projector(browser, app_url, lab, lang):
    selectors = LABS[lab]
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
    page = context.new_page()
    try:
        open_page(page, app_url, lab, f"projector=true&lang={lang}")
        for sel in selectors:
            page.locator(sel).first.wait_for()
        settle(page)
        assert_no_exception(page)
        first_screen = screenshot(page, f"projector_{lab}_{lang}_full").with_name(f"projector_{lab}_{lang}.png")
        page.screenshot(path=str(first_screen))
        shutil.copy(first_screen, REPO / "docs" / "screenshots" / first_screen.name)
        boxes = {sel: page.locator(sel).first.bounding_box() for sel in selectors}
        assert all(inside(b, WIDTH, HEIGHT) for b in boxes.values()), boxes
        assert all(b["width"] >= 200 for b in boxes.values()), boxes
    finally:
        context.close()
