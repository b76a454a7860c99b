"""A link whose keys are a markdown link and a markdown image (a phishing link and a tracking pixel a
student could post in the class chat): the page shows them as plain text, and the browser fetches
nothing outside the app."""

from __future__ import annotations

from urllib.parse import urlsplit

from app.ui.strings import t
from tests.browser.helpers import assert_no_exception, open_page, screenshot

HOSTILE_QUERY = "[Session expired - log in again](https://evil.example/login)=1&![x](https://evil.example/pixel.png)=1"


def test_markdown_in_link_keys_is_text_and_nothing_leaves_the_origin(page, app_url):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_page(page, app_url, "image_lab", HOSTILE_QUERY)
    head = t("state.rejected", "en", keys="").strip()
    notice = page.locator("[data-testid=stAlert]").filter(has_text=head)
    notice.first.wait_for()
    page.wait_for_load_state("networkidle")
    screenshot(page, "link_text_notice")

    assert notice.count() == 1
    assert notice.locator("a").count() == 0 and notice.locator("img").count() == 0
    text = notice.inner_text().replace("\u2060", "")  # the invisible joiner that stops automatic links
    # the keys' own characters, shortened to 32
    assert "ignored: [Session expired - log in again…, ![x](https://evil.example/pixel…" in text
    # nowhere on the page: no link to the outside host, no image from it
    assert page.locator("a[href*='evil.example']").count() == 0
    assert page.locator("img[src*='evil.example']").count() == 0

    origin = urlsplit(app_url)
    assert any(u.startswith(app_url) for u in requests)  # the listener saw the page's own requests
    outside = [u for u in requests if not u.startswith(("data:", "blob:"))
               and (urlsplit(u).scheme, urlsplit(u).netloc) != (origin.scheme, origin.netloc)]
    assert outside == [], outside
    assert_no_exception(page)
