"""Signal Lab in a real browser: loads, ▶ Play animates client-side (no rerun per frame), screenshots."""

from __future__ import annotations

import json
import time

import numpy as np

from tests.browser.helpers import assert_no_exception, open_page, screenshot, wait_for_app

CHART = "[data-testid=stPlotlyChart] .js-plotly-plot"
CURRENT = ".slider-container .slider-group > text.slider-label"


def _ws_counter(page) -> list[int]:
    """Count websocket frames received from the Streamlit server (bytes of each)."""
    frames: list[int] = []

    def on_ws(ws):
        ws.on("framereceived", lambda payload: frames.append(len(payload)))

    page.on("websocket", on_ws)
    return frames


def _current_value(page) -> str:
    return page.locator(CURRENT).first.text_content() or ""


def _wait_chart(page) -> None:
    page.wait_for_selector(CHART)
    page.wait_for_selector(CURRENT)


def test_play_animates_in_the_browser_without_reruns(page, app_url):
    page.set_viewport_size({"width": 1400, "height": 1900})
    received = _ws_counter(page)
    t0 = time.monotonic()
    open_page(page, app_url, "signal_lab")
    _wait_chart(page)
    load_s = time.monotonic() - t0
    assert_no_exception(page)
    assert "t = 1.5" in _current_value(page)  # the still picture sits at the default t

    n_before, bytes_before = len(received), sum(received)
    start_value = _current_value(page)
    page.locator(".updatemenu-container .updatemenu-button").first.click()  # ▶ Play
    sequence = []
    deadline = time.monotonic() + 4.0
    while time.monotonic() < deadline:
        sequence.append(float(_current_value(page).split("=")[1]))
        page.wait_for_timeout(150)
    during = received[n_before:]
    page.locator(".updatemenu-container .updatemenu-button").nth(1).click()  # ❚❚ Pause
    # The plotly slider followed the frames: many distinct t values, moving forward in time
    # (the first Play starts from the first frame, t = -3).
    seen = set(sequence) | {start_value}
    assert len(set(sequence)) >= 8, sequence
    steps = np.diff(sequence)
    assert (steps >= 0).mean() > 0.9 and sequence[-1] > sequence[0], sequence
    # ...and the server was not asked for anything: at most a couple of keep-alive/housekeeping frames.
    assert len(during) <= 3, during
    report = {"load_s": round(load_s, 2), "ws_frames_during_play": len(during), "ws_bytes_during_play": sum(during),
              "ws_frames_page_load": n_before, "ws_bytes_page_load": bytes_before, "distinct_t_seen": len(seen)}
    (screenshot(page, "signal_lab_en_playing").parent / "signal_lab_play.json").write_text(json.dumps(report))
    assert_no_exception(page)


def test_screenshots_en_zh_and_correlation(page, app_url):
    page.set_viewport_size({"width": 1400, "height": 1900})  # Streamlit scrolls inside the page: show it all
    open_page(page, app_url, "signal_lab")
    _wait_chart(page)
    assert_no_exception(page)
    screenshot(page, "signal_lab_en")
    # the Streamlit t slider moves the still picture (one rerun), and the plotly slider follows
    slider = page.get_by_role("slider", name="Time t (where g is slid to)")
    slider.focus()
    slider.press("ArrowRight")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.slider-group > text.slider-label')].some(e => e.textContent.includes('t = 1.6'))"
    )
    wait_for_app(page)
    assert_no_exception(page)

    # Chinese, discrete view, correlation on, opened from a shared link
    open_page(page, app_url, "signal_lab", "lang=zh&sl_mode=discrete&sl_corr=1&sl_g_kind=exp")
    _wait_chart(page)
    assert_no_exception(page)
    body = page.locator("[data-testid=stMain]").inner_text()
    assert "相关（不翻转）" in body and "离散时间（求和）" in body
    assert "n = 6" in _current_value(page)
    screenshot(page, "signal_lab_zh_discrete_corr")

    open_page(page, app_url, "signal_lab", "lang=zh&sl_f_kind=impulse_train&sl_pad=0")
    _wait_chart(page)
    assert_no_exception(page)
    assert "循环卷积" in page.locator("[data-testid=stMain]").inner_text()
    screenshot(page, "signal_lab_zh")
