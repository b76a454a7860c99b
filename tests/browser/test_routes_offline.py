"""Routes and offline use in a real browser: /image_lab answers, and no request leaves the app.

Classrooms are often offline and schools block third-party hosts: a page load must fetch
everything (favicon, icon font, scripts, images) from the app's own origin, or inline
(``data:``/``blob:``).
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest

from app.ui.strings import t
from tests.browser.helpers import assert_no_exception, open_page

OUT_IMG = ".st-key-il_out_panel img"


def _page_not_found_shown(page) -> bool:
    return page.get_by_text("Page not found").count() > 0


def test_image_lab_answers_at_its_own_path(page, app_url):
    open_page(page, app_url, "image_lab")
    page.wait_for_selector(OUT_IMG, state="attached")  # the lab ran and drew its output
    assert not _page_not_found_shown(page)
    assert urlsplit(page.url).path.rstrip("/").endswith("/image_lab")
    assert page.get_by_role("tab", name=t("il.tab.main", "en")).count() == 1
    assert page.locator("[data-testid=stSidebarNav]").get_by_text(t("nav.image_lab", "en")).count() == 1
    assert_no_exception(page)


def test_unknown_path_still_says_page_not_found(page, app_url):
    """The check above can fail: a path that does not exist shows the dialog."""
    open_page(page, app_url, "no_such_lab")
    page.get_by_text("Page not found").first.wait_for()
    assert _page_not_found_shown(page)


@pytest.mark.parametrize("path", ["", "image_lab", "signal_lab", "cnn_lab", "filter_designer"])
def test_a_page_load_requests_nothing_outside_the_app(page, app_url, path):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_page(page, app_url, path)
    page.wait_for_load_state("networkidle")
    origin = urlsplit(app_url)
    assert any(u.startswith(app_url) for u in requests)  # the listener saw the page's own requests
    outside = [
        u for u in requests
        if not u.startswith(("data:", "blob:"))
        and (urlsplit(u).scheme, urlsplit(u).netloc) != (origin.scheme, origin.netloc)
    ]
    assert outside == [], outside
    favicon = page.locator("link[rel~=icon]").first.get_attribute("href") or ""
    assert favicon and urlsplit(urljoin(page.url, favicon)).netloc == origin.netloc, favicon
    assert_no_exception(page)
