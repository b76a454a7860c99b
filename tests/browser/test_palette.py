"""The sidebar's colour-vision-safe toggle in a real browser: the Image Lab's signed output and
spectra are redrawn, and the address bar carries ``palette=colour_safe``."""

from __future__ import annotations

from app.ui.strings import t
from tests.browser.helpers import assert_no_exception, element_src, open_page, wait_src_change

OUT_IMG = ".st-key-il_out_panel img"
MAIN_IMGS = "[data-testid=stMain] [data-testid=stImage] img"


def _srcs(page) -> list[str]:
    return [img.get_attribute("src") or "" for img in page.locator(MAIN_IMGS).all()]


def test_the_toggle_recolours_the_output_and_the_spectra(page, app_url):
    open_page(page, app_url, "", "il_family=directional&il_kernel=sobel_x")  # a signed output
    assert_no_exception(page)
    old_out = element_src(page, OUT_IMG)
    before = _srcs(page)
    page.locator("[data-testid=stSidebar]").get_by_text(t("shell.palette", "en"), exact=True).click()
    wait_src_change(page, OUT_IMG, old_out)
    assert_no_exception(page)
    after = _srcs(page)
    assert len(after) == len(before) >= 6  # input, kernel, output and the three spectra
    changed = sum(a != b for a, b in zip(before, after))
    assert changed >= 5  # everything but the input photo: kernel, output, |F|, |H|, |F·H|
    assert "palette=colour_safe" in page.url
