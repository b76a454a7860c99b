"""Real mouse drags on a live slider (app/ui/live_slider.py), shared by the browser tests and bench_drag.py.

A probe in the page records every *new* picture of one image element once the browser has loaded
it (its time and ``src``), checked at every animation frame; the drag itself is Playwright mouse
events at a fixed rate. Nothing here asserts a time: the benchmark prints them, the tests count.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

_PROBE = """(sel) => {
    const rec = window.__csDrag = {pictures: [], last: null, release: null};
    window.addEventListener('pointerup', () => { rec.release = performance.now(); }, true);
    const tick = () => {
        const img = document.querySelector(sel);
        if (img && img.complete && img.naturalWidth > 0 && img.src !== rec.last) {
            rec.last = img.src;
            rec.pictures.push([performance.now(), img.src]);
        }
        requestAnimationFrame(tick);
    };
    tick();
}"""

# Resolves when the slider's own value is drawn, no move is on its way, no run is going and every
# image has loaded: then the picture on screen is the one for the value under the hand.
_SETTLED = """(thumb) => new Promise((done) => {
    const r = thumb.closest('.cs-live').dataset;
    const tick = () => {
        const app = document.querySelector('[data-testid=stApp]');
        const idle = app && app.getAttribute('data-test-script-state') !== 'running';
        if (idle && r.busy === '0' && r.drawn === r.value && r.drawnDragging === '0'
                && [...document.images].every((i) => i.complete)) {
            done(performance.now());
        } else {
            requestAnimationFrame(tick);
        }
    };
    tick();
})"""


@dataclass(frozen=True)
class DragResult:
    """What one drag drew: pictures as (ms, src), the release time (ms, page clock), when the release
    value was on screen, and the slider's value at release."""

    pictures: list[tuple[float, str]]
    released_ms: float
    settled_ms: float
    value: str

    @property
    def during(self) -> list[tuple[float, str]]:
        """Pictures that appeared while the hand was down."""
        return [p for p in self.pictures if p[0] <= self.released_ms]

    @property
    def final_src(self) -> str:
        return self.pictures[-1][1] if self.pictures else ""


def live_slider(page, name: str):
    """The live slider's thumb (``role=slider``) with the accessible name ``name``."""
    return page.get_by_role("slider", name=name, exact=True)


def install_probe(page, image_selector: str) -> None:
    """Start recording the pictures of ``image_selector`` (call once the page is loaded)."""
    page.evaluate(_PROBE, image_selector)


def drag(page, name: str, *, seconds: float = 2.0, hz: float = 60.0, start: float = 0.15,
         end: float = 0.6) -> DragResult:
    """Press on the slider ``name`` at ``start`` (fraction of its track), move to ``end`` in steps at
    ``hz`` for ``seconds``, release, and wait until the release value is on screen."""
    thumb = live_slider(page, name)
    thumb.scroll_into_view_if_needed()
    box = thumb.evaluate("(t) => { const b = t.parentElement.getBoundingClientRect();"
                         " return {x: b.x, y: b.y, width: b.width, height: b.height}; }")  # the track
    y = box["y"] + box["height"] / 2
    steps = max(2, round(seconds * hz))
    page.evaluate("() => { window.__csDrag.pictures = []; window.__csDrag.release = null; }")
    page.mouse.move(box["x"] + start * box["width"], y)
    page.mouse.down()
    t0 = time.perf_counter()
    for i in range(1, steps + 1):
        page.mouse.move(box["x"] + (start + (end - start) * i / steps) * box["width"], y)
        pause = t0 + i / hz - time.perf_counter()  # keep the rate whatever each event cost
        if pause > 0:
            time.sleep(pause)
    page.mouse.up()
    settled = thumb.evaluate(_SETTLED)
    rec = page.evaluate("() => window.__csDrag")
    value = thumb.get_attribute("aria-valuenow") or ""
    return DragResult([tuple(p) for p in rec["pictures"]], rec["release"], settled, value)


def wait_settled(page, name: str) -> None:
    """Wait until the picture on screen is the one for the slider's value (after keys or a drag)."""
    live_slider(page, name).evaluate(_SETTLED)
