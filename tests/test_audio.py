"""Sound convolution against independent references (numpy's FFT, scipy.signal, scipy.io.wavfile)."""

import io

import numpy as np
import pytest
from scipy import signal
from scipy.io import wavfile

from app.backend.audio import (
    MAX_SECONDS,
    MAX_WAV_BYTES,
    RESPONSES,
    SAMPLE_RATE,
    SOUNDS,
    AudioError,
    apply_response,
    magnitude_spectrum,
    make_response,
    make_sound,
    normalise,
    read_wav,
    to_wav_bytes,
)


@pytest.mark.parametrize("name", SOUNDS)
def test_sounds_are_peak_normalised_without_clipping(name):
    x = make_sound(name, seconds=1.0)
    assert x.size == SAMPLE_RATE
    assert np.abs(x).max() == pytest.approx(0.99)


@pytest.mark.parametrize("response", RESPONSES)
def test_output_equals_numpy_linear_convolution(response):
    f = make_sound("clicks", seconds=0.5)
    h = make_response(response)
    np.testing.assert_allclose(apply_response(f, h), np.convolve(f, h), atol=1e-10)


@pytest.mark.parametrize("response", RESPONSES)
def test_spectrum_of_what_plays_equals_the_product_of_spectra(response):
    f = make_sound("voice", seconds=0.5)
    h = make_response(response)
    y = apply_response(f, h)
    n = y.size
    played = read_wav(to_wav_bytes(y))  # what the browser gets, decoded again: 16-bit
    _, got = magnitude_spectrum(normalise(y), n)
    expected = np.abs(np.fft.rfft(f, n) * np.fft.rfft(h, n)) * (0.99 / np.abs(y).max())
    np.testing.assert_allclose(got, expected, atol=1e-6 * expected.max())
    assert np.abs(played - normalise(y)).max() < 2 / 32768


def test_lowpass_muffles_and_highpass_thins():
    freqs, low = magnitude_spectrum(make_response("lowpass"), 8192)
    _, high = magnitude_spectrum(make_response("highpass"), 8192)
    assert low[freqs < 400].min() > 0.9 and low[freqs > 2000].max() < 0.01
    assert high[freqs < 1000].max() < 0.01 and high[freqs > 4000].min() > 0.9


def test_echo_and_comb_have_their_delays():
    echo = make_response("echo")
    assert np.flatnonzero(echo).tolist() == [0, int(0.25 * SAMPLE_RATE)]
    comb = make_response("comb")
    assert np.diff(np.flatnonzero(comb)).tolist() == [int(0.005 * SAMPLE_RATE)] * 8


def test_room_response_decays_by_60_db_in_its_reverberation_time():
    h = make_response("room")[1:]
    window = int(0.05 * SAMPLE_RATE)
    early, late = np.sqrt(np.mean(h[:window] ** 2)), np.sqrt(np.mean(h[int(0.6 * SAMPLE_RATE) - window:int(0.6 * SAMPLE_RATE)] ** 2))
    # the -60 dB-in-0.6 s envelope between the two windows' centres (0.025 s and 0.575 s)
    expected_db = 20 * np.log10(np.exp(6.91 * (0.575 - 0.025) / 0.6))
    assert 20 * np.log10(early / late) == pytest.approx(expected_db, abs=3)


def test_output_is_cut_to_the_longest_sound():
    long = make_sound("chord", seconds=MAX_SECONDS)
    assert apply_response(long, make_response("room")).size == int(MAX_SECONDS * SAMPLE_RATE)


@pytest.mark.parametrize(("dtype", "scale"), [(np.int16, 32767), (np.int32, 2**31 - 1), (np.float32, 1.0)])
def test_read_wav_decodes_stereo_at_other_rates(dtype, scale):
    t = np.arange(22050) / 22050
    tone = 0.5 * np.sin(2 * np.pi * 440 * t)
    stereo = np.stack([tone, tone], axis=1)
    buf = io.BytesIO()
    wavfile.write(buf, 22050, (stereo * scale).astype(dtype))
    x = read_wav(buf.getvalue())
    assert x.size == SAMPLE_RATE
    reference = signal.resample_poly(tone, 2, 1)
    np.testing.assert_allclose(x, reference, atol=1e-3)


def test_read_wav_refuses_bad_files_with_a_clear_message():
    with pytest.raises(AudioError, match="not a WAV"):
        read_wav(b"RIFF....WAVEjunk")
    with pytest.raises(AudioError, match="larger than"):
        read_wav(b"\0" * (MAX_WAV_BYTES + 1))
    buf = io.BytesIO()
    wavfile.write(buf, 44100, np.zeros(0, np.int16))
    with pytest.raises(AudioError, match="no samples"):
        read_wav(buf.getvalue())


def test_read_wav_keeps_only_the_first_five_seconds():
    buf = io.BytesIO()
    wavfile.write(buf, 8000, np.zeros(8000 * 7, np.int16))
    assert read_wav(buf.getvalue()).size == int(MAX_SECONDS * SAMPLE_RATE)


@pytest.mark.parametrize("data", [b"RIFF\x00\x00\x00\x00WAVE this is not a sound", b"RIFF\x04\x00\x00\x00WAVE",
                                  b"RIFF\x10\x00\x00\x00WAVEfmt \x02\x00\x00\x00\x01\x00"])
def test_broken_wav_headers_are_refused_kindly(data):
    with pytest.raises(AudioError, match="not a WAV"):
        read_wav(data)
