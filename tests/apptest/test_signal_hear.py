"""The Signal Lab's "Hear it" section (AppTest): three players that never autoplay, a new response
gives a new output sound, and the spectrum drawn for the output is |F · H| of the sounds the page
plays (recomputed with scipy), in both languages."""

from __future__ import annotations

import base64
import json

import numpy as np
import pytest
from scipy import signal

from app.backend import audio
from app.labs.signal_lab.parts import sound
from app.ui.strings import t
from tests.apptest.helpers import open_lab


def _players(at):
    return [a.proto for a in at.get("audio")]


def _typed(value):
    """A figure's JSON array: plotly sends numpy arrays as base64 ``{"dtype", "bdata"}``."""
    if isinstance(value, dict) and "bdata" in value:
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
    return np.asarray(value)


def _hear_traces(at) -> list[dict]:
    chart = [c for c in at.get("plotly_chart") if c.proto.id.endswith("sl_hear_chart")]
    assert len(chart) == 1
    return json.loads(chart[0].proto.spec)["data"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_three_players_and_nothing_plays_by_itself(lang):
    at = open_lab("signal_lab", lang=lang)
    assert not at.exception, at.exception
    players = _players(at)
    assert len(players) == 3 and not any(p.autoplay for p in players)
    assert t("sl.hear.title", lang) in [e.label for e in at.expander]


def test_a_new_response_changes_only_the_response_and_the_output():
    at = open_lab("signal_lab")
    before = [p.url for p in _players(at)]
    at.selectbox(key="sl_resp").set_value("lowpass").run()
    assert not at.exception, at.exception
    after = [p.url for p in _players(at)]
    assert after[0] == before[0] and after[1] != before[1] and after[2] != before[2]


@pytest.mark.parametrize(("name", "response"), [("voice", "echo"), ("clicks", "lowpass")])
def test_the_drawn_output_spectrum_is_the_product_of_what_plays(name, response):
    at = open_lab("signal_lab", link={"sl_sound": name, "sl_resp": response})
    assert not at.exception, at.exception
    drawn = _hear_traces(at)[2]
    f, h = audio.make_sound(name, seconds=sound.SECONDS), audio.make_response(response)
    n = f.size + h.size - 1
    scale = 0.99 / np.abs(signal.fftconvolve(f, h)).max()
    product = np.abs(np.fft.rfft(f, n) * np.fft.rfft(h, n)) * scale
    freqs = np.fft.rfftfreq(n, 1 / audio.SAMPLE_RATE)
    reference = product.max()
    x = _typed(drawn["x"])
    idx = np.searchsorted(freqs, x).tolist() + [freqs.size]
    expected = 20 * np.log10(np.array([product[a:b].max() for a, b in zip(idx[:-1], idx[1:])]) / reference)
    audible = expected > sound.FLOOR_DB + 1
    np.testing.assert_allclose(_typed(drawn["y"])[audible], expected[audible], atol=1e-6)
