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
    # record every change of the plotly slider's label in the page itself (20 ms polling, no round trips)
    page.evaluate("""() => { window.__sl = []; let last = null;
        window.__slTimer = setInterval(() => {
            const e = document.querySelector('.slider-group > text.slider-label');
            const v = e && e.textContent;
            if (v !== last) { window.__sl.push([performance.now(), v]); last = v; }
        }, 20); }""")
    page.wait_for_function("() => window.__sl.length >= 12", timeout=30_000, polling=100)  # ≥ 10 frames shown
    changes = page.evaluate("() => { clearInterval(window.__slTimer); return window.__sl; }")
    sequence = [float(v.split("=")[1]) for _, v in changes[1:]]
    span_s = (changes[-1][0] - changes[1][0]) / 1000 if len(changes) > 2 else 0.0
    fps = (len(changes) - 2) / span_s if span_s else 0.0
    during = received[n_before:]
    page.locator(".updatemenu-container .updatemenu-button").nth(1).click()  # ❚❚ Pause
    # The plotly slider followed the frames: many distinct t values, moving forward in time
    # (the first Play starts from the first frame, t = -3).
    seen = set(sequence) | {start_value}
    assert len(set(sequence)) >= 8, sequence
    steps = np.diff(sequence)
    assert (steps >= 0).mean() > 0.9 and sequence[-1] > sequence[0], sequence
    # (the frame rate is reported below, not asserted: a loaded machine is slower, not wrong)
    # ...and the server was not asked for anything: at most a couple of keep-alive/housekeeping frames.
    assert len(during) <= 3, during
    report = {"load_s": round(load_s, 2), "ws_frames_during_play": len(during), "ws_bytes_during_play": sum(during),
              "ws_frames_page_load": n_before, "ws_bytes_page_load": bytes_before, "distinct_t_seen": len(seen),
              "frames_per_s": round(fps, 1)}
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
    t0 = time.monotonic()
    slider.press("ArrowRight")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.slider-group > text.slider-label')].some(e => e.textContent.includes('t = 1.6'))"
    )
    rerun_s = time.monotonic() - t0
    assert "t = 1.6" in page.locator("[data-testid=stMain]").inner_text()  # the readout followed too
    page.wait_for_function("() => location.search.includes('sl_t=1.6')")  # and the address bar is a shareable link
    (screenshot(page, "signal_lab_en_t16").parent / "signal_lab_rerun.json").write_text(
        json.dumps({"slider_key_to_chart_s": round(rerun_s, 3)}))
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
