"""Grouped convolution in the CNN Lab's arithmetic tab, in a real browser: moving the groups slider
from the keyboard divides the parameter count; en and zh screenshots of the section."""

from __future__ import annotations

import re

import pytest

from app.ui.strings import t
from tests.browser.helpers import assert_no_exception, open_page, screenshot, wait_for_app, wait_text_change

COST = ".st-key-cnn_groups_cost"
TAB = {"en": "Stride, padding, dilation", "zh": "步幅、填充、空洞"}


def _open(page, app_url, lang="en"):
    open_page(page, app_url, "cnn_lab", f"lang={lang}")
    page.get_by_role("tab", name=TAB[lang]).click()
    page.locator(COST).wait_for()
    wait_for_app(page)


def _params(text: str) -> int:
    return int(re.findall(r"= ([0-9,]+)", text)[1].replace(",", ""))


def test_more_groups_fewer_parameters(page, app_url):
    _open(page, app_url)
    before = page.locator(COST).inner_text()
    assert _params(before) == 6 * 6 * 9
    slider = page.get_by_role("slider", name=t("cnn.g.groups", "en"))
    slider.focus()
    slider.press("ArrowRight")  # g: 1 → 2
    after = wait_text_change(page, COST, before)
    assert _params(after) == 6 * 3 * 9
    assert_no_exception(page)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_screenshot(page, app_url, lang):
    _open(page, app_url, lang)
    page.locator(COST).scroll_into_view_if_needed()
    assert_no_exception(page)
    screenshot(page, f"cnn_groups_{lang}")
