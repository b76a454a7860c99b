"""The Image Lab in a real browser (Playwright + Debian's Chromium)."""

from __future__ import annotations

import numpy as np
from PIL import Image

import kernels
from app.ui.strings import t
from tests.browser.helpers import (
    assert_no_exception,
    element_src,
    open_page,
    screenshot,
    settle,
    wait_for_app,
    wait_src_change,
)

OUT_IMG = ".st-key-il_out_panel img"
IN_IMG = ".st-key-il_in_panel img"
IN_CAPTION = ".st-key-il_in_panel"  # the input panel: title, image and its caption
RADIAL_IMG = ".st-key-il_radial img"

# The Image Lab is the default page: it lives at the root URL.
PATH = ""






def _radial_svg(page) -> str:
    """The radial chart's SVG text (it is sent as a data: URL)."""
    import base64

    src = element_src(page, RADIAL_IMG)
    assert src.startswith("data:image/svg+xml;base64,")
    return base64.b64decode(src.split(",", 1)[1]).decode("utf-8")


def _pick(page, label: str, option: str) -> None:
    """Choose ``option`` in the selectbox labelled ``label``."""
    page.get_by_role("combobox", name=label, exact=True).click()
    page.get_by_role("option", name=option, exact=True).click()


def _tall_screenshot(page, name: str, height: int = 1900) -> None:
    """Streamlit scrolls inside the page, so a full-page shot needs a tall viewport."""
    size = page.viewport_size
    page.set_viewport_size({"width": size["width"], "height": height})
    settle(page)
    screenshot(page, name)
    page.set_viewport_size(size)


def _png_file(tmp_path, name: str, shape=(200, 300)) -> str:
    yy, xx = np.mgrid[: shape[0], : shape[1]]
    arr = (((yy // 20 + xx // 20) % 2) * 255).astype(np.uint8)
    path = tmp_path / name
    Image.fromarray(arr).save(path, "PNG")
    return str(path)


def test_loads_with_no_exception_and_all_panels(page, app_url):
    open_page(page, app_url, PATH)
    assert_no_exception(page)
    assert element_src(page, OUT_IMG) and element_src(page, IN_IMG)
    assert page.locator(".st-key-il_radial").count() == 1
    # the three spectra and the kernel are plotly charts with axes in cycles/pixel
    page.wait_for_selector("text=cycles/pixel")
    assert page.get_by_text(t("il.panel.fout", "en")).count() >= 1
    _tall_screenshot(page, "image_lab_en")


def test_moving_a_kernel_slider_changes_the_output_image(page, app_url):
    open_page(page, app_url, PATH)
    before = element_src(page, OUT_IMG)
    slider = page.get_by_role("slider", name=t("il.pick.size", "en"), exact=False).first  # sanity: sidebar slider exists
    assert slider.count() == 1
    sigma = page.get_by_role("slider", name="Sigma σ (spread)")
    sigma.focus()
    sigma.press("ArrowLeft")
    after = wait_src_change(page, OUT_IMG, before)
    assert after != before
    assert_no_exception(page)


def test_switching_the_family_changes_the_radial_profile(page, app_url):
    open_page(page, app_url, PATH)
    before = _radial_svg(page)
    assert before.count("<polyline") == 3 and "low frequencies" in before
    old_src = element_src(page, RADIAL_IMG)
    _pick(page, t("il.kernel.family", "en"), "High-pass (edges, sharpening)")
    wait_src_change(page, RADIAL_IMG, old_src)
    after = _radial_svg(page)
    lines = lambda svg: [chunk.split('"')[0] for chunk in svg.split('<polyline points="')[1:]]  # noqa: E731
    assert lines(after)[1] != lines(before)[1]  # |H| changed shape
    assert "high frequencies" in after
    assert page.get_by_text("Radial profile — High-pass").count() == 1
    assert_no_exception(page)


def test_upload_good_png_then_broken_file_keeps_previous_image(page, app_url, tmp_path):
    open_page(page, app_url, PATH)
    page.locator("[data-testid=stSidebar]").get_by_role("radio", name="Upload", exact=True).click()
    uploader = page.locator("[data-testid=stSidebar] [data-testid=stFileUploader] input[type=file]")
    uploader.wait_for(state="attached")
    wait_for_app(page)
    old_in = element_src(page, IN_IMG)
    uploader.set_input_files(_png_file(tmp_path, "checker.png"))
    page.locator(IN_CAPTION).get_by_text("300×200 pixels").wait_for()
    new_in = wait_src_change(page, IN_IMG, old_in)
    assert_no_exception(page)

    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n this is not really a PNG file")
    uploader.set_input_files(str(broken))
    msg = t("il.err.not_image", "en")
    alt = t("il.err.truncated", "en")
    page.locator("[data-testid=stAlertContentError]").filter(has_text="The previous image is kept").first.wait_for()
    text = page.locator("[data-testid=stAlertContentError]").first.inner_text()
    assert msg in text or alt in text
    wait_for_app(page)
    assert_no_exception(page)
    # the previous (uploaded) image and the settings stay
    assert page.locator(IN_CAPTION).get_by_text("300×200 pixels").count() == 1
    assert element_src(page, IN_IMG) == new_in
    screenshot(page, "image_lab_bad_upload")


def test_switching_to_chinese_changes_the_labels(page, app_url):
    open_page(page, app_url, PATH)
    page.get_by_text(t("il.kernel.family", "en"), exact=True).first.wait_for()
    page.locator("[data-testid=stSidebar]").get_by_role("radio", name="中文").click()
    page.get_by_text(t("il.kernel.family", "zh"), exact=True).first.wait_for()
    wait_for_app(page)
    assert page.locator("h1").filter(has_text=t("il.title", "zh")).count() == 1
    assert page.get_by_text(t("il.kernel.family", "en"), exact=True).count() == 0
    page.wait_for_selector(f"text={t('il.axis.cpp', 'zh')}")
    assert_no_exception(page)
    _tall_screenshot(page, "image_lab_zh")


def test_link_opens_the_same_state(page, app_url):
    open_page(page, app_url, PATH, "il_family=directional&il_kernel=sobel_x&il_boundary=zero&lang=zh&projector=1")
    assert_no_exception(page)
    page.locator(OUT_IMG).wait_for()
    _tall_screenshot(page, "image_lab_projector_zh", 1500)
    assert page.get_by_role("combobox", name=t("il.kernel.kernel", "zh"), exact=True).input_value() == kernels.get("sobel_x").label["zh"]
    assert page.get_by_role("radio", name=t("il.boundary.zero", "zh"), exact=True).is_checked()
    assert "il_kernel=sobel_x" in page.url
