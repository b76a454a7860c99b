"""Real mouse drags on a live slider (app/ui/live_slider.py), shared by the browser tests and bench_drag.py.

A probe in the page records every *new* picture of one image or chart once the browser has drawn
it (its time and ``src`` or SVG hash), checked at every animation frame; the drag itself is Playwright mouse
events at a fixed rate. Nothing here asserts a time: the benchmark prints them, the tests count.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

# What a "picture" is: an image's ``src`` once loaded, or for a chart (Plotly, drawn as SVG) a hash of its
# SVG, so a Plotly chart that redraws in place counts as a new picture too. ``null`` while not drawn.
_SIGNATURE = """(el) => {
    if (!el) return null;
    if (el.tagName === 'IMG') return el.complete && el.naturalWidth > 0 ? el.src : null;
    const svgs = [...el.querySelectorAll('svg.main-svg')];
    if (!svgs.length) return null;
    let h = 5381;
    for (const s of svgs) { const x = s.innerHTML; for (let i = 0; i < x.length; i++) h = (h * 33 + x.charCodeAt(i)) | 0; }
    return 'svg:' + h;
}"""

_PROBE = """(sel) => {
    const sig = SIGNATURE;
    const rec = window.__csDrag = {pictures: [], last: null, press: null, release: null};
    window.addEventListener('pointerdown', () => { rec.press = performance.now(); }, true);
    window.addEventListener('pointerup', () => { rec.release = performance.now(); }, true);
    const tick = () => {
        const now = sig(document.querySelector(sel));
        if (now !== null && now !== rec.last) {
            rec.last = now;
            rec.pictures.push([performance.now(), now]);
        }
        requestAnimationFrame(tick);
    };
    tick();
}""".replace("SIGNATURE", _SIGNATURE)


@dataclass(frozen=True)
class LabSlider:
    """A lab's main live slider as a student meets it: the page, its accessible name, its setting key and the
    picture that follows it (CSS selector of an image or a chart)."""

    path: str
    query: str
    name: str
    key: str
    picture: str


def _label(key: str) -> str:
    from app.ui.strings import t

    return t(key, "en")


#: Each lab's main slider (the one app.loadtest --drag drags: app.loadtest.PAGES has the same keys).
MAIN_SLIDERS: dict[str, LabSlider] = {
    "image_lab": LabSlider("", "", "Sigma σ (spread)", "il_gaussian_sigma", ".st-key-il_out_panel img"),
    "signal_lab": LabSlider("signal_lab", "", _label("sl.t"), "sl_t", ".st-key-sl_slide_chart"),
    "cnn_lab": LabSlider("cnn_lab", "", _label("cnn.pool.size"), "cnn_psize", ".st-key-cnn_s2_0 img"),
    "filter_designer": LabSlider("filter_designer", "fd_shape=gaussian", _label("fd.cutoff"), "fd_lo",
                                 ".st-key-fd_output_panel img"),
    "fourier_lab": LabSlider("fourier_lab", "", _label("fl.wave.u"), "fl_u", ".st-key-fl_wave_cos img"),
    "hybrid_lab": LabSlider("hybrid_lab", "", _label("hy.slow"), "hy_slow", ".st-key-hy_pic_hybrid img"),
    "challenge_lab": LabSlider("challenge_lab", "", "Size (pixels)", "ch_box_size", ".st-key-ch_pic_yours img"),
}


def picture(page, selector: str) -> str | None:
    """The picture ``selector`` shows now, as the probe records it (an image's ``src``, a chart's SVG hash)."""
    return page.evaluate(f"(sel) => ({_SIGNATURE})(document.querySelector(sel))", selector)


def wait_picture_change(page, selector: str, old: str | None) -> str:
    """Wait until ``selector`` shows a drawn picture other than ``old``; return it."""
    page.wait_for_function(f"([sel, old]) => {{ const now = ({_SIGNATURE})(document.querySelector(sel));"
                           " return now !== null && now !== old; }", arg=[selector, old])
    return picture(page, selector) or ""


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


# The same drag made of pointer events created in the page on its own clock (``hz`` per second):
# Playwright's mouse.move waits for the renderer to take each event, so on a loaded machine it
# cannot keep 60 Hz while the page draws; a real mouse is not held back that way. With
# ``minPictures`` the hand, once at ``end``, sweeps back and forth (still pressed) until the probe has
# seen that many distinct new pictures or ``maxSeconds`` have passed: a slow machine drags longer
# instead of drawing too few pictures to judge (the hand releases where it is, at one end).
_PAGE_DRAG = """(thumb, [start, end, seconds, hz, minPictures, maxSeconds]) => new Promise((done) => {
    const track = thumb.parentElement;
    const box = track.getBoundingClientRect();
    const y = box.y + box.height / 2;
    const at = (f) => ({clientX: box.x + f * box.width, clientY: y, pointerId: 1, pointerType: 'mouse',
                        isPrimary: true, bubbles: true, composed: true, button: 0, buttons: 1});
    const drawn = () => new Set((window.__csDrag || {pictures: []}).pictures.map((p) => p[1])).size;
    track.dispatchEvent(new PointerEvent('pointerdown', at(start)));
    const t0 = performance.now();
    let events = 1;
    let where = start;
    const tick = () => {
        const elapsed = (performance.now() - t0) / 1000;
        const sweep = Math.floor(elapsed / seconds);
        const f = (elapsed % seconds) / seconds;
        where = sweep % 2 === 0 ? start + (end - start) * f : end + (start - end) * f;
        const more = drawn() < minPictures && elapsed < maxSeconds;
        if (sweep >= 1 && !more) {
            where = sweep % 2 === 1 ? end : start;
            track.dispatchEvent(new PointerEvent('pointermove', at(where)));
            track.dispatchEvent(new PointerEvent('pointerup', {...at(where), buttons: 0}));
            done(events / (performance.now() - t0) * 1000);
            return;
        }
        track.dispatchEvent(new PointerEvent('pointermove', at(where)));
        events += 1;
        setTimeout(tick, Math.max(0, t0 + events * 1000 / hz - performance.now()));
    };
    setTimeout(tick, 1000 / hz);
})"""


@dataclass(frozen=True)
class DragResult:
    """What one drag drew: pictures as (ms, src), the press and release times (ms, page clock), when
    the release value was on screen, and the slider's value at release."""

    pictures: list[tuple[float, str]]
    pressed_ms: float
    released_ms: float
    settled_ms: float
    value: str
    event_hz: float  # mouse events per second actually dispatched (fewer than asked on a busy machine)

    @property
    def during(self) -> list[tuple[float, str]]:
        """Pictures that appeared while the hand was down."""
        return [p for p in self.pictures if self.pressed_ms <= p[0] <= self.released_ms]

    @property
    def final_src(self) -> str:
        return self.pictures[-1][1] if self.pictures else ""


def live_slider(page, name: str):
    """The live slider's thumb (``role=slider``) with the accessible name ``name``."""
    return page.get_by_role("slider", name=name, exact=True)


def install_probe(page, selector: str) -> None:
    """Start recording the pictures of the image or chart ``selector`` (call once the page is loaded)."""
    page.wait_for_selector(selector, state="attached")
    page.evaluate(_PROBE, selector)


def drag(page, name: str, *, seconds: float = 2.0, hz: float = 60.0, start: float = 0.15,
         end: float = 0.6, in_page: bool = False, min_pictures: int = 0, max_seconds: float = 0.0) -> DragResult:
    """Press on the slider ``name`` at ``start`` (fraction of its track), move towards ``end`` with
    mouse events at up to ``hz`` for ``seconds``, release at ``end``, and wait until the release
    value is on screen. ``in_page``: the events are made in the page (see ``_PAGE_DRAG``), and then
    ``min_pictures``/``max_seconds`` may keep the hand sweeping until that many pictures were drawn."""
    thumb = live_slider(page, name)
    if in_page:
        page.evaluate("() => { window.__csDrag.pictures = []; }")
        event_hz = thumb.evaluate(_PAGE_DRAG, [start, end, seconds, hz, min_pictures, max_seconds])
        return _finish(page, thumb, event_hz)
    thumb.scroll_into_view_if_needed()
    box = thumb.evaluate("(t) => { const b = t.parentElement.getBoundingClientRect();"
                         " return {x: b.x, y: b.y, width: b.width, height: b.height}; }")  # the track
    y = box["y"] + box["height"] / 2
    page.evaluate("() => { window.__csDrag.pictures = []; }")
    page.mouse.move(box["x"] + start * box["width"], y)
    page.mouse.down()
    t0 = time.perf_counter()
    events = 0
    # the hand's position follows the clock: on a busy machine fewer events, never a longer drag
    while (elapsed := time.perf_counter() - t0) < seconds:
        page.mouse.move(box["x"] + (start + (end - start) * elapsed / seconds) * box["width"], y)
        events += 1
        pause = t0 + events / hz - time.perf_counter()
        if pause > 0:
            time.sleep(pause)
    page.mouse.move(box["x"] + end * box["width"], y)
    page.mouse.up()
    return _finish(page, thumb, (events + 1) / (time.perf_counter() - t0))


def _finish(page, thumb, event_hz: float) -> DragResult:
    settled = thumb.evaluate(_SETTLED)
    rec = page.evaluate("() => window.__csDrag")
    value = thumb.get_attribute("aria-valuenow") or ""
    return DragResult([tuple(p) for p in rec["pictures"]], rec["press"], rec["release"], settled, value, event_hz)


def wait_settled(page, name: str) -> None:
    """Wait until the picture on screen is the one for the slider's value (after keys or a drag)."""
    live_slider(page, name).evaluate(_SETTLED)
