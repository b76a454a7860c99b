"""CNN Lab in a real browser: loads, pooling size changes the shapes, tabs work, en/zh screenshots."""

from __future__ import annotations

from app.ui.strings.glossary import term
from tests.browser.helpers import assert_no_exception, open_page, screenshot, settle, wait_for_app

TALL = {"width": 1400, "height": 4200}  # Streamlit scrolls inside the page: a tall viewport shows it all


def _strip(page) -> str:
    return page.locator("[data-testid=stMarkdownContainer]", has_text="→").first.inner_text()


def _loaded(page, n_images: int = 20) -> None:
    """Wait until the first run has drawn its thumbnails (script state alone is racy)."""
    page.locator("[data-testid=stImage] img").nth(n_images - 1).wait_for(state="visible")
    wait_for_app(page)


def _wait_text(page, text: str) -> None:
    page.get_by_text(text, exact=False).first.wait_for(state="visible")
    wait_for_app(page)


def test_page_loads_and_pooling_size_changes_shapes(page, app_url):
    open_page(page, app_url, "cnn_lab")
    _loaded(page)
    assert_no_exception(page)
    strip = _strip(page)
    assert "256 × 256 × 4" in strip and "65,536" in strip
    # feature-map thumbnails arrive as images, not heatmaps
    assert page.locator("[data-testid=stImage] img").count() >= 20
    assert page.locator(".js-plotly-plot .heatmaplayer").count() == 0

    slider = page.get_by_role("slider", name="Window size")
    slider.focus()
    slider.press("ArrowRight")  # 2 -> 3 with stride 2: (512 - 3) // 2 + 1 = 255
    _wait_text(page, "255 × 255 × 4")
    assert "255 × 255 × 4" in _strip(page)
    assert "256 × 256 × 4" not in _strip(page)
    assert_no_exception(page)

    page.set_viewport_size(TALL)
    settle(page)
    screenshot(page, "cnn_lab_en")
    for tab, name in (("Weight sharing", "weights"), ("Pooling and aliasing", "aliasing"), ("Shift tolerance", "shift")):
        page.get_by_role("tab", name=tab).click()
        _wait_text(page, {"weights": "Weight sharing, in numbers", "aliasing": "Map to pool", "shift": "Shift d (pixels)"}[name])
        settle(page)
        assert_no_exception(page)
        screenshot(page, f"cnn_lab_en_{name}")
        if name == "weights":  # C1 at 512² × 3 maps: a fully connected layer needs ~10¹¹ weights
            assert "10¹¹" in page.locator("[data-testid=stMarkdownContainer] table").first.inner_text()


def test_zone_plate_button_and_shift_tab(page, app_url):
    open_page(page, app_url, "cnn_lab")
    _loaded(page)
    page.get_by_role("tab", name="Pooling and aliasing").click()
    _wait_text(page, "Energy outside the square")
    energy = page.locator("[data-testid=stMetric]", has_text="Energy outside the square")
    before = energy.locator("[data-testid=stMetricValue]").inner_text()
    page.get_by_role("button", name="Try it on the zone plate").click()
    page.wait_for_function(
        "(old) => { const m = [...document.querySelectorAll('[data-testid=stMetric]')]"
        ".find(e => e.innerText.includes('Energy outside the square'));"
        " return m && !m.innerText.includes(old); }",
        arg=before,
    )
    wait_for_app(page)
    assert_no_exception(page)
    value = float(energy.locator("[data-testid=stMetricValue]").inner_text().rstrip(" %"))
    assert value > 50  # the zone plate's rings reach far above the new Nyquist frequency (75 %)
    page.mouse.move(5, 5)  # no tooltip over the panel
    page.set_viewport_size(TALL)
    settle(page)
    screenshot(page, "cnn_lab_en_zone_plate")

    page.get_by_role("tab", name="Shift tolerance").click()
    _wait_text(page, "Shift d (pixels)")
    slider = page.get_by_role("slider", name="Shift d (pixels)")
    slider.focus()
    slider.press("ArrowRight")  # 1 -> 2: a multiple of the stride
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=stMetric]')].some("
        "m => m.innerText.includes('whole cells') && m.innerText.includes('0.0 %'))"
    )
    assert_no_exception(page)
    page.locator(".js-plotly-plot").first.wait_for(state="visible")  # the curve vs d (plotly loads lazily)
    assert "relative change" in page.locator(".js-plotly-plot").first.text_content()


def test_chinese_page_and_projector(page, app_url):
    open_page(page, app_url, "cnn_lab", query="lang=zh")
    _loaded(page)
    assert_no_exception(page)
    assert "向量长度" in _strip(page)
    body = page.locator("[data-testid=stMain]").inner_text()
    for word in ("卷积层", "池化", "激活函数", "特征图", "频谱"):
        assert word in body, word
    page.set_viewport_size(TALL)
    settle(page)
    screenshot(page, "cnn_lab_zh")
    page.get_by_role("tab", name=term("shift_tolerance", "zh")).click()
    _wait_text(page, "平移量 d（像素）")
    settle(page)
    screenshot(page, "cnn_lab_zh_shift")

    open_page(page, app_url, "cnn_lab", query="projector=1")
    _loaded(page, 12)
    settle(page)
    assert_no_exception(page)
    assert page.locator("[data-testid=stImage] img").count() >= 12
    screenshot(page, "cnn_lab_projector")


def test_uses_the_image_lab_image(page, app_url):
    open_page(page, app_url)  # the Image Lab is the default page, at /
    page.locator("[data-testid=stSidebarNav] a", has_text="CNN Lab").click()
    _wait_text(page, "The Image Lab's image")
    assert_no_exception(page)
    assert page.get_by_role("radio", name="The Image Lab's image").is_checked()


def test_link_opens_the_same_network(page, app_url):
    open_page(page, app_url, "cnn_lab", query="cnn_c1=dog&cnn_pool=average&cnn_psize=4&cnn_pstride=4&cnn_c3=off&cnn_bogus=1")
    _loaded(page, 12)
    assert_no_exception(page)
    strip = _strip(page)
    assert "512 × 512 × 3" in strip and "128 × 128 × 3" in strip and f"{128 * 128 * 3:,}" in strip
    assert "cnn_bogus" in page.locator("[data-testid=stAlert]").first.inner_text()  # unknown keys are reported
    assert "cnn_c1=dog" in page.url  # the address bar stays a shareable link
