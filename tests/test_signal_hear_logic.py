"""The Signal Lab's "Hear it" logic: what plays is f, h and the full f ∗ h (scipy's convolution),
the WAV bytes are those sounds, the spectrum drawn for the output is |F · H| (numpy's FFTs), and
the decimation keeps every band's peak."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import signal

from app.backend import audio
from app.labs.signal_lab.parts import sound


def _band_peaks(freqs, magnitude, starts_hz):
    """Largest magnitude from each drawn point's frequency up to the next one (numpy, no ConvScope code)."""
    idx = [int(np.flatnonzero(freqs == x)[0]) for x in starts_hz] + [freqs.size]
    return np.array([magnitude[a:b].max() for a, b in zip(idx[:-1], idx[1:])])


@pytest.mark.parametrize("response", audio.RESPONSES)
def test_the_output_played_is_the_full_convolution(response):
    f, h = audio.make_sound("chord", seconds=0.5), audio.make_response(response)
    heard = sound.hear(f, h)
    y = signal.fftconvolve(f, h)
    np.testing.assert_allclose(heard.y, y * 0.99 / np.abs(y).max(), atol=1e-9)
    for wav, played in zip(heard.wavs, (heard.f, heard.h, heard.y)):
        assert np.abs(audio.read_wav(wav) - played).max() < 2 / 32768


@pytest.mark.parametrize("response", ["room", "comb"])
def test_the_drawn_output_spectrum_is_f_times_h(response):
    f, h = audio.make_sound("voice", seconds=0.5), audio.make_response(response)
    heard = sound.hear(f, h)
    fig = sound.spectrum_figure(heard, lang="en")
    n = f.size + h.size - 1
    product = np.abs(np.fft.rfft(f, n) * np.fft.rfft(h, n)) * 0.99 / np.abs(signal.fftconvolve(f, h)).max()
    freqs = np.fft.rfftfreq(n, 1 / audio.SAMPLE_RATE)
    reference = product.max()
    drawn = fig.data[2]
    expected = 20 * np.log10(_band_peaks(freqs, product, np.asarray(drawn.x)) / reference)
    shown = np.asarray(drawn.y)
    audible = expected > sound.FLOOR_DB + 1
    np.testing.assert_allclose(shown[audible], expected[audible], atol=1e-6)


def test_a_long_upload_is_shortened_so_the_whole_output_fits():
    f = np.sin(np.arange(int(6 * audio.SAMPLE_RATE)) / 10.0)[: int(audio.MAX_SECONDS * audio.SAMPLE_RATE)]
    h = audio.make_response("room")
    heard = sound.hear(f, h)
    assert heard.shortened and heard.y.size == int(audio.MAX_SECONDS * audio.SAMPLE_RATE)
    assert heard.f.size + h.size - 1 == heard.y.size


def test_decimation_keeps_every_band_peak_and_spans_the_audible_range():
    rng = np.random.default_rng(4)
    freqs = np.fft.rfftfreq(44100, 1 / audio.SAMPLE_RATE)
    mag = rng.random(freqs.size)
    x, y = sound.decimate(freqs, mag, 300)
    assert x[0] >= sound.LOWEST_HZ and x.size <= 300 and np.all(np.diff(x) > 0)
    np.testing.assert_array_equal(y, _band_peaks(freqs[freqs >= sound.LOWEST_HZ], mag[freqs >= sound.LOWEST_HZ], x))


def test_a_bad_wav_is_refused_with_a_friendly_code():
    with pytest.raises(audio.AudioError, match="not a WAV") as info:
        audio.read_wav(b"RIFF0000WAVEnope")
    from app.ui.errors import backend_message

    assert backend_message(info.value, "zh") == "它不是可读取的 WAV 声音"
