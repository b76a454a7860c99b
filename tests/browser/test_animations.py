"""Animations to take away in a real browser: the Image Lab's slider sweep is made and downloaded
as a GIF whose frames are the labelled output pictures (one per value)."""

from __future__ import annotations

import io

from PIL import Image

from app.ui.strings import t
from tests.browser.helpers import assert_no_exception, open_page, wait_for_app

FRAMES = 5


def test_a_sweep_downloads_as_a_labelled_gif(page, app_url):
    open_page(page, app_url, "", "il_family=low-pass&il_kernel=box")
    page.get_by_role("tab", name=t("teach.tab.export", "en"), exact=True).click()
    wait_for_app(page)
    frames = page.get_by_role("slider", name=t("teach.sweep.frames", "en"))
    frames.focus()
    for _ in range(20 - FRAMES):  # from the default 20 frames down to 5
        frames.press("ArrowLeft")
    wait_for_app(page)
    page.get_by_role("button", name=t("anim.make", "en")).click()
    download = page.get_by_role("button", name=t("anim.download", "en", mb="").split("(")[0].strip(), exact=False)
    download.wait_for()
    with page.expect_download() as info:
        download.click()
    data = open(info.value.path(), "rb").read()
    assert data[:6] == b"GIF89a"
    with Image.open(io.BytesIO(data)) as im:
        assert im.n_frames == FRAMES
        sizes = {im.size}
    assert len(sizes) == 1
    assert_no_exception(page)


def test_the_signal_lab_flip_and_slide_downloads(page, app_url):
    open_page(page, app_url, "signal_lab", "sl_mode=discrete")
    page.get_by_text(t("sl.anim.title", "en")).click()
    page.get_by_role("button", name=t("anim.make", "en")).click()
    download = page.get_by_role("button", name=t("anim.download", "en", mb="").split("(")[0].strip(), exact=False)
    download.wait_for()
    with page.expect_download() as info:
        download.click()
    with Image.open(info.value.path()) as im:
        assert im.format == "GIF" and im.n_frames > 10
    assert_no_exception(page)
