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


def _reveal_shows(page, answer: str, name: str) -> None:
    """With ?answers=hidden nothing is said until Reveal; then the computed answer shows."""
    assert page.get_by_text("hidden until someone presses").first.is_visible()
    assert page.get_by_text(answer).count() == 0
    page.get_by_role("button", name="Reveal the answer").click()
    page.get_by_text(answer).first.wait_for(state="visible")
    wait_for_app(page)
    assert_no_exception(page)
    settle(page)
    screenshot(page, name)


def test_image_lab_lesson_question_hidden_then_revealed(page, app_url):
    open_page(page, app_url, "image_lab", "answers=hidden")
    page.get_by_role("tab", name="Lessons").click()
    page.get_by_role("button", name="Load lesson").click()
    page.get_by_text("How much of its fine detail").first.wait_for(state="visible")
    wait_for_app(page)
    _reveal_shows(page, "The answer is Almost none (under 5 %).", "predict_image_lab_lesson")


def test_filter_designer_question_hidden_then_revealed(page, app_url):
    open_page(page, app_url, "filter_designer", "answers=hidden")
    page.get_by_text("What will the output look like?").first.wait_for(state="visible")
    assert page.locator(".st-key-fd_output_panel img").count() == 0  # the result waits for the reveal
    _reveal_shows(page, "The answer is Practically unchanged.", "predict_filter_designer")
    assert page.locator(".st-key-fd_output_panel img").count() == 1


def test_fourier_lab_question_hidden_then_revealed(page, app_url):
    open_page(page, app_url, "fourier_lab", "fl_tab=phase&answers=hidden")
    page.get_by_text("Which photo will it look like?").first.wait_for(state="visible")
    _reveal_shows(page, "The answer is Photo B, which gave the phase.", "predict_fourier_lab")
