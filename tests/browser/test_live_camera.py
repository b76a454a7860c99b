"""The Image Lab's live camera in a real browser with Chromium's fake camera (a moving test pattern).

``http://127.0.0.1`` is a secure context, so ``getUserMedia`` works without HTTPS. No timing
assertions: the backpressure sends the next frame only when the previous one is drawn, so a slow
machine draws fewer frames, never none.
"""

from __future__ import annotations

import pytest

from tests.browser.drag import install_probe, live_slider, wait_settled
from tests.browser.helpers import LOAD_TIMEOUT_MS, assert_no_exception, element_src, open_page, screenshot, settle

OUT_IMG = ".st-key-il_out_panel img"
IN_IMG = ".st-key-il_in_panel img"
CAMERA = ".cs-cam"
SIGMA = "Sigma σ (spread)"

# the number of distinct output pictures the probe has recorded
_DISTINCT = "() => new Set(window.__csDrag.pictures.map((p) => p[1])).size"


@pytest.fixture
def camera_page(camera_browser):
    context = camera_browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(LOAD_TIMEOUT_MS)
    yield page
    context.close()


def start_camera(page, app_url: str) -> None:
    """Open the Image Lab on a sample, then choose the Camera source (the video starts by itself)."""
    open_page(page, app_url)
    install_probe(page, OUT_IMG)
    page.locator("[data-testid=stSidebar]").get_by_role("radio", name="Camera", exact=True).click()
    page.locator(f"{CAMERA}[data-live='1']").wait_for()  # Playwright's CSS pierces the component's shadow root


def test_the_fake_camera_drives_the_output_and_freeze_keeps_a_frame(camera_page, app_url):
    page = camera_page
    start_camera(page, app_url)
    page.wait_for_function(f"() => ({_DISTINCT})() >= 4", timeout=LOAD_TIMEOUT_MS)  # the sample's + 3 frames
    assert page.evaluate(_DISTINCT) >= 4
    assert page.locator(f"{CAMERA} .cs-msg").inner_text() == ""  # no "camera unavailable" message
    screenshot(page, "live_camera_running")

    page.get_by_role("button", name="Freeze", exact=True).click()
    page.get_by_role("button", name="Live again", exact=True).wait_for()
    page.locator(f"{CAMERA}[data-live='0']").wait_for()
    settle(page)
    frozen_in, frozen_out = element_src(page, IN_IMG), element_src(page, OUT_IMG)
    sent = int(page.locator(CAMERA).get_attribute("data-sent"))
    page.wait_for_timeout(1500)  # the fake camera keeps moving: a live page would change meanwhile
    settle(page)
    assert (element_src(page, IN_IMG), element_src(page, OUT_IMG)) == (frozen_in, frozen_out)
    assert int(page.locator(CAMERA).get_attribute("data-sent")) == sent  # the camera is off, nothing sent

    thumb = live_slider(page, SIGMA)  # a slider works on the frozen frame
    thumb.focus()
    thumb.press("End")
    wait_settled(page, SIGMA)
    settle(page)
    assert element_src(page, IN_IMG) == frozen_in
    assert element_src(page, OUT_IMG) != frozen_out
    assert "il_source=camera" in page.url and "base64" not in page.url  # the link names the source, not the frame
    assert_no_exception(page)
    screenshot(page, "live_camera_frozen")


def test_without_a_secure_page_the_camera_says_why(camera_page, app_url):
    """``http://<machine name>`` is not a secure context: the camera explains https/localhost instead."""
    page = camera_page
    page.add_init_script("Object.defineProperty(window, 'isSecureContext', {get: () => false})")
    start_camera_blocked = page.locator(CAMERA)
    open_page(page, app_url)
    page.locator("[data-testid=stSidebar]").get_by_role("radio", name="Camera", exact=True).click()
    start_camera_blocked.wait_for()
    message = page.locator(f"{CAMERA} .cs-msg")
    message.wait_for()
    assert "https://" in message.inner_text() and "localhost" in message.inner_text()
    assert start_camera_blocked.get_attribute("data-live") == "0"
    assert_no_exception(page)
