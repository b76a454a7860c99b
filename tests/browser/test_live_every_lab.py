"""Every lab's main slider is live in a real browser: a mouse drag draws pictures while the hand moves
and ends on the release value, the keyboard moves it, and the link holds the release value.

One server for the module (the session's ``app_url``), one 2-second drag per lab made of pointer
events at 60 Hz created in the page (Playwright's own mouse waits for the renderer at every event,
so on a loaded machine it moves far slower than a hand). No timing assertions: with the slider's
backpressure a slow machine draws fewer pictures a second, so the hand keeps sweeping (still
pressed, up to 20 s) until four new pictures were drawn. The Image Lab's σ slider has the same
checks with Playwright's mouse (and projector mode) in ``test_live_slider.py``.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from app.labs.challenge_lab.schema import SCHEMA as CHALLENGE
from app.labs.cnn_lab.schema import SCHEMA as CNN
from app.labs.filter_designer.schema import SCHEMA as FD
from app.labs.fourier_lab.schema import SCHEMA as FOURIER
from app.labs.hybrid_lab.schema import SCHEMA as HYBRID
from app.labs.signal_lab.schema import SCHEMA as SIGNAL
from app.loadtest import PAGES
from tests.browser.drag import (
    MAIN_SLIDERS,
    drag,
    install_probe,
    live_slider,
    picture,
    wait_picture_change,
    wait_settled,
)
from tests.browser.helpers import assert_no_exception, open_page

SCHEMAS = {"signal_lab": SIGNAL, "cnn_lab": CNN, "filter_designer": FD, "fourier_lab": FOURIER, "hybrid_lab": HYBRID,
           "challenge_lab": CHALLENGE}


def _linked(page, lab: str) -> float:
    """The main slider's value the address bar holds (absent: the schema's default)."""
    key = MAIN_SLIDERS[lab].key
    return float(parse_qs(urlparse(page.url).query).get(key, [SCHEMAS[lab].fields[key].default])[0])


def _open(page, app_url: str, lab: str) -> None:
    s = MAIN_SLIDERS[lab]
    open_page(page, app_url, s.path, s.query)
    live_slider(page, s.name).scroll_into_view_if_needed()


def test_every_lab_has_a_main_slider_and_the_load_test_drags_the_same_one():
    assert set(MAIN_SLIDERS) == set(PAGES) == set(SCHEMAS) | {"image_lab"}
    assert all(MAIN_SLIDERS[lab].key == PAGES[lab].slider_key for lab in PAGES)
    assert all(SCHEMAS[lab].fields[MAIN_SLIDERS[lab].key].kind in ("int", "float") for lab in SCHEMAS)


@pytest.mark.parametrize("lab", list(SCHEMAS))
def test_a_drag_draws_pictures_while_the_hand_moves_and_the_link_keeps_the_release_value(page, app_url, lab):
    s = MAIN_SLIDERS[lab]
    _open(page, app_url, lab)
    install_probe(page, s.picture)
    before = picture(page, s.picture)
    result = drag(page, s.name, seconds=2.0, start=0.05, end=0.95, in_page=True, min_pictures=4, max_seconds=20)
    during = {sig for _t, sig in result.during} - {before}
    assert len(during) >= 3, f"{lab}: only {len(during)} distinct pictures while the hand moved"
    thumb = live_slider(page, s.name)
    released = float(result.value)
    assert thumb.get_attribute("aria-valuenow") == result.value
    lo, hi = float(thumb.get_attribute("aria-valuemin")), float(thumb.get_attribute("aria-valuemax"))
    assert released in (pytest.approx(lo + 0.95 * (hi - lo), abs=0.02 * (hi - lo) + 0.5),
                        pytest.approx(lo + 0.05 * (hi - lo), abs=0.02 * (hi - lo) + 0.5))  # the hand's last place
    assert picture(page, s.picture) == result.final_src  # the picture on screen is the last one drawn
    assert _linked(page, lab) == released  # written on release
    assert_no_exception(page)


@pytest.mark.parametrize("lab", list(SCHEMAS))
def test_the_keyboard_moves_the_main_slider_and_changes_the_picture(page, app_url, lab):
    s = MAIN_SLIDERS[lab]
    _open(page, app_url, lab)
    thumb = live_slider(page, s.name)
    start = float(thumb.get_attribute("aria-valuenow"))
    before = picture(page, s.picture)
    thumb.focus()
    thumb.press("ArrowRight")
    wait_settled(page, s.name)
    one_step = float(thumb.get_attribute("aria-valuenow"))
    assert one_step > start
    wait_picture_change(page, s.picture, before)  # a chart may redraw just after the run ends
    thumb.press("End")
    wait_settled(page, s.name)
    assert thumb.get_attribute("aria-valuenow") == thumb.get_attribute("aria-valuemax")
    assert _linked(page, lab) == float(thumb.get_attribute("aria-valuemax"))
    assert_no_exception(page)
