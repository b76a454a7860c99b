"""The live camera in a real browser, shared by the browser tests and bench_camera.py."""

from __future__ import annotations

from tests.browser.drag import install_probe
from tests.browser.helpers import open_page

#: Chromium's fake camera: a moving test pattern, opened without a permission prompt
FAKE_CAMERA = ("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream")
CAMERA = ".cs-cam"  # the component's root (its data-live, data-sent, data-busy say what it does)
OUT_IMG = ".st-key-il_out_panel img"


def start_camera(page, app_url: str, query: str = "") -> None:
    """Open the Image Lab on a sample, start recording the output's pictures, then choose the
    Camera source and wait until the video is on (it starts by itself)."""
    open_page(page, app_url, query=query)
    install_probe(page, OUT_IMG)
    page.locator("[data-testid=stSidebar]").get_by_role("radio", name="Camera", exact=True).click()
    page.locator(f"{CAMERA}[data-live='1']").wait_for()  # Playwright's CSS pierces the component's shadow root
