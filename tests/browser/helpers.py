"""Helpers for browser tests: waiting for Streamlit, checking for errors, screenshots."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "tests" / "artifacts"
LOAD_TIMEOUT_MS = 60_000


def wait_for_app(page, timeout_ms: int = LOAD_TIMEOUT_MS) -> None:
    """Wait until the app is connected, has drawn something, and no script run is in progress.

    "notRunning" is also the state *before* a run starts, so it must hold for a few
    consecutive polls (about half a second) before the page counts as settled.
    """
    page.wait_for_selector("[data-testid=stApp][data-test-connection-state=CONNECTED]", timeout=timeout_ms)
    page.wait_for_function(
        """() => {
            const a = document.querySelector('[data-testid=stApp]');
            const main = document.querySelector('[data-testid=stMain]');
            const idle = a && a.getAttribute('data-test-script-state') === 'notRunning'
                && main && main.innerText.trim().length > 0;
            window.__csIdle = idle ? (window.__csIdle || 0) + 1 : 0;
            return window.__csIdle >= 5;
        }""",
        timeout=timeout_ms,
        polling=100,
    )


def settle(page, timeout_ms: int = LOAD_TIMEOUT_MS) -> None:
    """Wait until the page is idle *and* laid out: no script run, every image decoded, two frames painted.

    Use it after a viewport change or before a screenshot, instead of a fixed sleep.
    """
    wait_for_app(page, timeout_ms)
    page.wait_for_function("() => [...document.images].every(i => i.complete)", timeout=timeout_ms, polling=100)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def open_page(page, app_url: str, path: str = "", query: str = "") -> None:
    """Open ``app_url/path?query`` and wait for the first run to finish."""
    page.goto(f"{app_url}/{path}" + (f"?{query}" if query else ""))
    wait_for_app(page)


def assert_no_exception(page) -> None:
    errors = page.locator("[data-testid=stException]")
    assert errors.count() == 0, errors.first.inner_text()


def screenshot(page, name: str) -> Path:
    """Save a screenshot of the whole page to tests/artifacts/<name>.png and return its path.

    Streamlit scrolls inside its own container, so ``full_page`` alone captures only the
    window: the viewport is stretched to the content's height for the shot, then restored.
    """
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    viewport = page.viewport_size
    height = page.evaluate(
        "() => Math.max(...['[data-testid=stMain]', '[data-testid=stAppViewContainer]', 'section.main']"
        ".map(s => document.querySelector(s)).filter(Boolean).map(e => e.scrollHeight), 0)"
    )
    if viewport and height > viewport["height"]:
        page.set_viewport_size({"width": viewport["width"], "height": min(int(height) + 40, 12000)})
        settle(page)
    page.screenshot(path=str(path), full_page=True)
    if viewport:
        page.set_viewport_size(viewport)
    return path


def element_src(page, selector: str) -> str:
    """The ``src`` of the first element matching ``selector`` (waits until it exists)."""
    page.wait_for_selector(selector, state="attached")
    return page.locator(selector).first.get_attribute("src") or ""


def wait_src_change(page, selector: str, old: str, timeout: int = 30_000) -> str:
    """Wait until the element's ``src`` differs from ``old`` and the run has finished; return the new one."""
    page.wait_for_function(
        "([sel, old]) => { const e = document.querySelector(sel);"
        " return e && e.getAttribute('src') && e.getAttribute('src') !== old; }",
        arg=[selector, old],
        timeout=timeout,
    )
    wait_for_app(page)
    return element_src(page, selector)


def element_text(page, selector: str) -> str:
    """The visible text of the first element matching ``selector`` (waits until it exists)."""
    page.wait_for_selector(selector, state="attached")
    return page.locator(selector).first.inner_text()


def wait_text_change(page, selector: str, old: str, timeout: int = 30_000) -> str:
    """Wait until the element's text differs from ``old`` and the run has finished; return the new text."""
    page.wait_for_function(
        "([sel, old]) => { const e = document.querySelector(sel); return e && e.innerText !== old; }",
        arg=[selector, old],
        timeout=timeout,
    )
    wait_for_app(page)
    return element_text(page, selector)


def inside(box: dict | None, width: int, height: int) -> bool:
    """True when a bounding box lies wholly inside a ``width`` × ``height`` viewport (no scrolling)."""
    return box is not None and box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= width \
        and box["y"] + box["height"] <= height
