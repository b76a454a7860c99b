"""Fourier Lab in a real browser: a spectrum click changes the wave, the K slider changes the
reconstruction, every tab draws without an exception, en/zh screenshots at two window sizes."""

from __future__ import annotations

import pytest

from app.labs.fourier_lab.schema import TABS
from app.ui.strings import t
from tests.browser.helpers import (
    assert_no_exception,
    element_src,
    element_text,
    open_page,
    screenshot,
    wait_for_app,
    wait_src_change,
)

COS_IMG = ".st-key-fl_wave_cos img"
READOUT = ".st-key-fl_wave_readout"
REC_IMG = ".st-key-fl_build_rec img"


def test_clicking_the_spectrum_changes_the_wave(page, app_url):
    open_page(page, app_url, "fourier_lab")
    assert_no_exception(page)
    old_src, old_text = element_src(page, COS_IMG), element_text(page, READOUT)
    frame = page.frame_locator('iframe[title*="image_coordinates"]').first
    frame.locator("img").click(position={"x": 240, "y": 180})  # up and right of the centre: a diagonal wave
    new_src = wait_src_change(page, COS_IMG, old_src)
    assert new_src != old_src
    assert element_text(page, READOUT) != old_text
    assert_no_exception(page)
    screenshot(page, "fourier_lab_en_1400x1000")


def test_k_slider_changes_the_reconstruction(page, app_url):
    open_page(page, app_url, "fourier_lab", "fl_tab=build")
    assert_no_exception(page)
    old = element_src(page, REC_IMG)
    page.get_by_role("slider", name=t("fl.build.k", "en")).press("ArrowRight")
    assert wait_src_change(page, REC_IMG, old) != old
    assert_no_exception(page)


@pytest.mark.parametrize(("lang", "size"), [("en", (1400, 1000)), ("zh", (1280, 720))])
def test_every_tab_draws_and_screenshots(page, app_url, lang, size):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    open_page(page, app_url, "fourier_lab", f"lang={lang}")
    for tab in TABS:
        page.get_by_role("tab", name=t(f"fl.tab.{tab}", lang), exact=True).click()
        wait_for_app(page)
        page.wait_for_selector("[data-testid=stTabPanel]:visible [data-testid=stImage] img")
        assert_no_exception(page)
        screenshot(page, f"fourier_lab_{lang}_{size[0]}x{size[1]}_{tab}")
