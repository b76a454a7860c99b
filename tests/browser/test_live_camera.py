"""The Image Lab's live camera in a real browser with Chromium's fake camera (a moving test pattern).

``http://127.0.0.1`` is a secure context, so ``getUserMedia`` works without HTTPS. No timing
assertions: the backpressure sends the next frame only when the previous one is drawn, so a slow
machine draws fewer frames, never none.
"""

from __future__ import annotations

import pytest

from tests.browser.camera import CAMERA, OUT_IMG, start_camera
from tests.browser.drag import live_slider, wait_settled
from tests.browser.helpers import LOAD_TIMEOUT_MS, assert_no_exception, element_src, open_page, screenshot, settle

IN_IMG = ".st-key-il_in_panel img"
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

    # a slider works on the frozen frame; the rerun it causes would carry a new frame if the camera
    # still sent any (the fake camera keeps moving)
    thumb = live_slider(page, SIGMA)
    thumb.focus()
    thumb.press("End")
    wait_settled(page, SIGMA)
    settle(page)
    assert element_src(page, IN_IMG) == frozen_in
    assert element_src(page, OUT_IMG) != frozen_out
    assert int(page.locator(CAMERA).get_attribute("data-sent")) == sent  # the camera is off, nothing sent
    assert "il_source=camera" in page.url and "base64" not in page.url  # the link names the source, not the frame
    assert_no_exception(page)
    screenshot(page, "live_camera_frozen")


def test_without_a_secure_page_the_camera_says_why(camera_page, app_url):
    """``http://<machine name>`` is not a secure context: the camera explains https/localhost instead."""
    page = camera_page
    page.add_init_script("Object.defineProperty(window, 'isSecureContext', {get: () => false})")
    open_page(page, app_url)
    page.locator("[data-testid=stSidebar]").get_by_role("radio", name="Camera", exact=True).click()
    page.locator(f"{CAMERA}[data-error='insecure']").wait_for()
    message = page.locator(f"{CAMERA} .cs-msg").inner_text()
    assert "https://" in message and "localhost" in message and "README" in message
    assert page.locator(CAMERA).get_attribute("data-live") == "0"
    assert_no_exception(page)


def test_leaving_the_camera_source_turns_the_camera_off(camera_page, app_url):
    page = camera_page
    page.add_init_script("""(() => {  // keep every stream the page opens, to look at its tracks later
        const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
        window.__csStreams = [];
        navigator.mediaDevices.getUserMedia = async (c) => { const s = await open(c); window.__csStreams.push(s); return s; };
    })()""")
    start_camera(page, app_url)
    live = "() => window.__csStreams.flatMap((s) => s.getTracks()).filter((t) => t.readyState === 'live').length"
    assert page.evaluate(live) == 1
    page.locator("[data-testid=stSidebar]").get_by_role("radio", name="Sample", exact=True).click()
    page.locator(CAMERA).wait_for(state="detached")
    page.wait_for_function(f"() => ({live})() === 0")
    assert_no_exception(page)
