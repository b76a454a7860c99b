"""Predict, then reveal, in a real browser: the CNN Lab's question with a teacher's ?answers=hidden
link (length hidden, then revealed) and the Signal Lab's find-the-maximum exercise; screenshots."""

from __future__ import annotations

from tests.browser.helpers import assert_no_exception, open_page, screenshot, settle, wait_for_app

STRIP = "[data-testid=stMarkdownContainer]"


def _strip(page) -> str:
    return page.locator(STRIP, has_text="Vector length").first.inner_text()


def test_cnn_question_hidden_then_revealed(page, app_url):
    open_page(page, app_url, "cnn_lab", "answers=hidden")
    page.get_by_text("How long is that vector?").first.wait_for(state="visible")
    assert_no_exception(page)
    assert _strip(page).endswith("Vector length ?")
    page.get_by_text("every pixel of every map").first.click()
    wait_for_app(page)
    assert _strip(page).endswith("Vector length ?")  # a pick alone reveals nothing
    page.get_by_role("button", name="Reveal the answer").click()
    page.get_by_text("Right: 128 × 128 × 4").first.wait_for(state="visible")
    wait_for_app(page)
    assert _strip(page).endswith("Vector length 65,536")
    assert page.get_by_text("Right: 128 × 128 × 4").first.is_visible()  # the fold stays open after the reveal
    assert_no_exception(page)
    settle(page)
    screenshot(page, "predict_cnn_revealed")


def test_signal_lab_find_the_maximum(page, app_url):
    open_page(page, app_url, "signal_lab")
    page.get_by_text("Exercise: where is y largest?").first.click()
    guess = page.get_by_role("slider", name="My guess: y is largest at t =")
    guess.wait_for(state="visible")
    guess.focus()
    for _ in range(3):  # 0 → 0.3, one rerun each
        guess.press("ArrowRight")
        wait_for_app(page)
    page.get_by_role("button", name="Check my guess").click()
    result = page.get_by_text("y is largest at t = 1, where y = 0.6296").first
    result.wait_for(state="visible")
    assert "Your guess t = 0.3 is 0.7 away" in result.inner_text()
    page.get_by_role("button", name="Move the chart's marker to the maximum").click()
    page.get_by_text("y(1) = ").first.wait_for(state="visible")
    wait_for_app(page)
    assert_no_exception(page)
    settle(page)
    screenshot(page, "predict_signal_maximum")
