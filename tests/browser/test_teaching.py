"""The Image Lab's teaching tools in a real browser (Playwright + Debian's Chromium)."""

from __future__ import annotations

import ast
import io
import re

import numpy as np
import pytest
from PIL import Image

from app.labs.image_lab.teaching.lessons import lesson_ids
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

OUT_IMG = ".st-key-il_out_panel img"
SUM = ".st-key-teach_insp_sum"
OUT_VALUE = ".st-key-teach_insp_out"
LINK = ".st-key-teach_share_link code"
PATH = ""  # the Image Lab is the default page (root URL)
IDENTITY_LINK = "il_ksrc=custom&il_kedit=0,0,0;0,1,0;0,0,0"
CAPTION = ".st-key-teach_src_caption"


def _tab(page, key: str, lang: str = "en") -> None:
    page.get_by_role("tab", name=t(f"teach.tab.{key}", lang), exact=True).click()
    wait_for_app(page)


def _main_output(page, old: str | None = None) -> str:
    """Open the main tab (only the open tab is drawn) and return the output image's src,
    waiting until it differs from ``old`` when given."""
    page.get_by_role("tab", name=t("il.tab.main", "en"), exact=True).click()
    if old is None:
        return element_src(page, OUT_IMG)
    return wait_src_change(page, OUT_IMG, old)










def _bold_number(page, selector: str) -> float:
    text = page.locator(f"{selector} strong").first.inner_text()
    return float(text)


def _visible_within(locator, timeout_ms: int) -> bool:
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError  # only where a browser runs

    try:
        locator.wait_for(state="visible", timeout=timeout_ms)
        return True
    except PlaywrightTimeoutError:
        return False


def test_edit_a_kernel_cell_changes_the_output(page, app_url):
    open_page(page, app_url, PATH, IDENTITY_LINK)
    assert_no_exception(page)
    before = _main_output(page)
    _tab(page, "edit")
    grid = page.locator("[data-testid=stDataFrame]").first
    grid.wait_for()
    box = grid.bounding_box()
    # 3×3 grid drawn on a canvas: a ~35 px header, ~35 px rows, a ~51 px index column
    index_w, row_h = 51, 35
    col_w = (box["width"] - index_w) / 3
    editor = page.locator("#portal .gdg-input").first
    for _ in range(6):  # the canvas grid ignores clicks until it has drawn (slow on a loaded machine)
        page.mouse.click(box["x"] + index_w + 1.5 * col_w, box["y"] + row_h * 2.5)  # centre cell
        page.keyboard.press("Enter")  # open the cell editor
        if _visible_within(editor, 5_000):
            break
    editor.wait_for(state="visible")  # the cell editor is open
    page.keyboard.press("Control+A")
    page.keyboard.type("0.25", delay=80)
    page.keyboard.press("Enter")
    page.wait_for_selector(f"{CAPTION}:has-text('sum of weights 0.25')")
    assert_no_exception(page)
    assert _main_output(page, before) != before
    # the grid now holds the edited kernel: the slot names it and the link carries it
    _tab(page, "export")
    link = element_text(page, LINK)
    assert "il_kedit=0%2C0%2C0%3B0%2C0.25%2C0%3B0%2C0%2C0" in link


def test_bad_pasted_kernel_shows_message_and_keeps_kernel(page, app_url):
    open_page(page, app_url, PATH, IDENTITY_LINK)
    before = _main_output(page)
    _tab(page, "edit")
    area = page.get_by_label(t("teach.edit.paste", "en"))
    area.fill("1, 2, x\n3, 4, 5")
    page.get_by_role("button", name=t("teach.edit.paste_use", "en")).click()
    wait_for_app(page)
    page.wait_for_selector("[data-testid=stAlertContentError]")
    assert "previous kernel is kept" in page.locator("[data-testid=stAlertContentError]").first.inner_text()
    assert "sum of weights 1)" in element_text(page, CAPTION)  # the identity kernel is kept
    # a good paste changes the kernel and the output
    area.fill("1 2 1\n2 4 2\n1 2 1")
    page.get_by_role("button", name=t("teach.edit.paste_use", "en")).click()
    page.wait_for_selector(f"{CAPTION}:has-text('sum of weights 16')")
    assert _main_output(page, before) != before
    assert_no_exception(page)


def test_copied_link_restores_the_same_state_in_a_fresh_page(page, app_url, browser):
    query = "il_family=directional&il_kernel=sobel_x&il_boundary=wrap&il_correlate=1&il_sample=zone_plate"
    open_page(page, app_url, PATH, query)
    _tab(page, "edit")
    area = page.get_by_label(t("teach.edit.paste", "en"))
    area.fill("0 1 0\n1 -4 1\n0 1 0")
    page.get_by_role("button", name=t("teach.edit.paste_use", "en")).click()
    page.wait_for_selector(f"{CAPTION}:has-text('pasted kernel')")
    _tab(page, "inspect")
    value = _bold_number(page, OUT_VALUE)
    _tab(page, "export")
    link = element_text(page, LINK).strip()
    assert link.startswith(app_url) and "il_kedit=" in link and "il_ksrc=custom" in link
    wait_for_app(page)
    assert page.url.split("?", 1)[1] == link.split("?", 1)[1]  # the address bar is the same link

    fresh = browser.new_context(viewport={"width": 1400, "height": 1000})
    other = fresh.new_page()
    try:
        other.goto(link)
        wait_for_app(other)
        assert_no_exception(other)
        _tab(other, "export")
        assert element_text(other, LINK).strip() == link
        _tab(other, "inspect")
        assert _bold_number(other, OUT_VALUE) == value
        assert other.get_by_role("radio", name="wrap", exact=True).is_checked()
        screenshot(other, "teaching_link_restored")
    finally:
        fresh.close()


MAGIC = {
    "output": b"\x89PNG\r\n\x1a\n",
    "figure": b"\x89PNG\r\n\x1a\n",
    "input": b"\x89PNG\r\n\x1a\n",
    "kernel_npy": b"\x93NUMPY",
}


def test_every_download_yields_a_file_of_the_right_type(page, app_url):
    open_page(page, app_url, PATH, "il_family=high-pass&il_kernel=laplacian")
    _tab(page, "export")
    files = {}
    for name in ("output", "figure", "kernel_csv", "kernel_npy", "input", "snippet"):
        with page.expect_download() as info:
            page.get_by_role("button", name=t(f"teach.exp.{name}", "en")).click()
        files[name] = open(info.value.path(), "rb").read()
    for name, magic in MAGIC.items():
        assert files[name].startswith(magic), name
    fig = Image.open(io.BytesIO(files["figure"]))
    assert fig.width > fig.height > 300  # six panels, two rows
    out = Image.open(io.BytesIO(files["output"]))
    assert out.size == (512, 512)
    k = np.load(io.BytesIO(files["kernel_npy"]), allow_pickle=False)
    csv = np.array([[float(v) for v in row.split(",")] for row in files["kernel_csv"].decode().strip().splitlines()])
    np.testing.assert_array_equal(k, csv)
    assert abs(k.sum()) < 1e-12  # a Laplacian
    src = files["snippet"].decode()
    ast.parse(src)
    assert "from scipy import ndimage" in src and "ndimage.convolve" in src
    assert_no_exception(page)


def _set_number(page, label: str, value: int) -> None:
    box = page.get_by_label(label, exact=True)
    box.fill(str(value))
    box.press("Enter")


def test_inspector_sum_equals_the_output_value(page, app_url):
    open_page(page, app_url, PATH, "il_family=directional&il_kernel=sobel_x&il_boundary=zero")
    _tab(page, "inspect")
    assert _bold_number(page, SUM) == _bold_number(page, OUT_VALUE)
    # a border pixel: the padded zeros are shown and the sum still matches
    old = element_text(page, OUT_VALUE)
    _set_number(page, t("teach.insp.x", "en", n=511), 0)
    old = wait_text_change(page, OUT_VALUE, old)
    _set_number(page, t("teach.insp.y", "en", n=511), 0)
    wait_text_change(page, OUT_VALUE, old)
    assert "(x=0, y=0)" in element_text(page, OUT_VALUE)
    assert _bold_number(page, SUM) == _bold_number(page, OUT_VALUE)
    assert page.get_by_text(t("teach.insp.border", "en", boundary=t("teach.boundary.zero", "en"))).count() == 1
    # clicking the image picks a pixel
    old = element_text(page, OUT_VALUE)
    frame = page.frame_locator('iframe[title*="image_coordinates"]').first
    frame.locator("img").click(position={"x": 120, "y": 200})
    new = wait_text_change(page, OUT_VALUE, old)
    assert "(x=0, y=0)" not in new
    x, y = (int(v) for v in re.search(r"x=(\d+), y=(\d+)", new).groups())
    assert abs(x - 120 * 512 / 280) <= 3 and abs(y - 200 * 512 / 280) <= 3  # click → image pixel
    assert _bold_number(page, SUM) == _bold_number(page, OUT_VALUE)
    assert_no_exception(page)
    page.set_viewport_size({"width": 1400, "height": 1500})  # the app scrolls inside; show it all
    wait_for_app(page)
    screenshot(page, "teaching_inspector_en")


def test_inspector_and_comparison_screenshots_zh(page, app_url):
    open_page(page, app_url, PATH, "lang=zh&il_family=high-pass&il_kernel=outline")
    _tab(page, "inspect", "zh")
    assert _bold_number(page, SUM) == _bold_number(page, OUT_VALUE)
    page.set_viewport_size({"width": 1400, "height": 1500})
    wait_for_app(page)
    screenshot(page, "teaching_inspector_zh")
    _tab(page, "compare", "zh")
    page.wait_for_selector(".stPlotlyChart .scatterlayer path.js-line", state="attached")
    assert page.get_by_text(t("teach.cmp.split", "zh")).count() == 1
    assert_no_exception(page)
    screenshot(page, "teaching_compare_zh")


def test_comparison_view(page, app_url):
    open_page(page, app_url, PATH)
    _tab(page, "compare")
    lines = page.locator(".stPlotlyChart .scatterlayer path.js-line")
    page.wait_for_selector(".stPlotlyChart .scatterlayer path.js-line", state="attached")
    legend = page.locator(".stPlotlyChart .legendtext").all_text_contents()
    assert any("Gaussian" in s for s in legend) and any("Laplacian" in s for s in legend)
    assert lines.count() >= 3
    note = page.get_by_text(re.compile(r"largest error"))
    assert note.count() == 1
    err = float(re.search(r"largest error ([0-9.e+-]+)\)", note.first.inner_text()).group(1))
    assert err < 1e-12
    assert_no_exception(page)
    page.set_viewport_size({"width": 1400, "height": 1900})
    wait_for_app(page)
    screenshot(page, "teaching_compare_en")


def test_draw_a_stroke_sets_the_kernel(page, app_url):
    open_page(page, app_url, PATH)
    before = _main_output(page)
    _tab(page, "draw")
    canvas = page.locator(".st-key-teach_draw_area canvas").last
    canvas.wait_for()
    box = canvas.bounding_box()
    x0, y0 = box["x"], box["y"]
    page.mouse.move(x0 + 30, y0 + box["height"] / 2)
    page.mouse.down()
    for i in range(1, 21):
        page.mouse.move(x0 + 30 + i * (box["width"] - 60) / 20, y0 + box["height"] / 2, steps=2)
    page.mouse.up()
    page.wait_for_selector(f"{CAPTION}:has-text('drawn kernel')")
    assert page.get_by_role("radio", name=t("teach.src.custom", "en")).is_checked()
    page.get_by_text(t("teach.draw.preview", "en", n=15)).first.wait_for()  # the kernel preview
    assert_no_exception(page)
    screenshot(page, "teaching_draw_en")
    assert _main_output(page, before) != before


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_lesson_loads_with_no_exception(page, app_url, lang):
    open_page(page, app_url, PATH, f"lang={lang}")
    _tab(page, "lessons", lang)
    for lesson in lesson_ids():
        title = t(f"teach.lesson.{lesson}.title", lang)
        _tab(page, "lessons", lang)
        page.get_by_role("combobox", name=t("teach.lesson.pick", lang), exact=True).click()
        page.get_by_role("option", name=title, exact=True).click()
        wait_for_app(page)
        page.get_by_role("button", name=t("teach.lesson.load", lang)).click()
        page.wait_for_selector(f".st-key-teach_lesson_note:has-text('{title}')")
        wait_for_app(page)
        assert_no_exception(page)


def test_upload_a_kernel_file_and_a_broken_one(page, app_url, tmp_path):
    open_page(page, app_url, PATH, IDENTITY_LINK)
    _tab(page, "edit")
    uploader = page.locator(".st-key-teach_upload input[type=file]")
    bad = tmp_path / "broken.npy"
    bad.write_bytes(b"\x93NUMPY garbage")
    uploader.set_input_files(str(bad))
    page.wait_for_selector("[data-testid=stAlertContentError]")
    assert "previous kernel is kept" in page.locator("[data-testid=stAlertContentError]").first.inner_text()
    assert "sum of weights 1)" in element_text(page, CAPTION)
    good = tmp_path / "emboss.npy"
    np.save(good, np.array([[-2.0, -1.0, 0.0], [-1.0, 1.0, 1.0], [0.0, 1.0, 2.0]]))
    uploader.set_input_files(str(good))
    page.wait_for_selector(f"{CAPTION}:has-text('emboss.npy')")
    assert_no_exception(page)
