"""Projector mode at 1280×720 for the other labs: each lab's central figures lie inside the first
screen (no scrolling) with projector=true; screenshots in tests/artifacts/projector_<lab>.png."""

from __future__ import annotations

import pytest

from tests.browser.helpers import assert_no_exception, open_page, screenshot, settle

WIDTH, HEIGHT = 1280, 720

#: lab → (query, selectors of its central figures)
LABS = {
    "signal_lab": ("", (".st-key-sl_slide_chart",)),
    "cnn_lab": ("", (".st-key-cnn_strip", *(f".st-key-cnn_c1_{i} [data-testid=stImage] img >> nth=2" for i in (0, 1)))),
    "filter_designer": ("", ("[class*=st-key-fd_spectrum_]", ".st-key-fd_output_panel img")),
    "fourier_lab": ("", (".st-key-fl_wave_spec iframe", ".st-key-fl_wave_cos img")),
}


def _inside(box: dict | None) -> bool:
    return box is not None and box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= WIDTH \
        and box["y"] + box["height"] <= HEIGHT


@pytest.mark.parametrize("lab", sorted(LABS))
def test_the_central_figures_fit_a_1280x720_projector(browser, app_url, lab):
    query, selectors = LABS[lab]
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
    page = context.new_page()
    try:
        open_page(page, app_url, lab, "projector=true" + query)
        for sel in selectors:
            page.locator(sel).first.wait_for()
        settle(page)
        assert_no_exception(page)
        page.screenshot(path=str(screenshot(page, f"projector_{lab}_full").with_name(f"projector_{lab}.png")))
        boxes = {sel: page.locator(sel).first.bounding_box() for sel in selectors}
        assert all(_inside(b) for b in boxes.values()), boxes
        assert all(b["width"] >= 200 for b in boxes.values()), boxes
    finally:
        context.close()
