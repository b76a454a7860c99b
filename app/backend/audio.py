"""Convolution you can hear: test sounds, impulse responses, and WAV in and out.

Every sound is a float64 mono signal at :data:`SAMPLE_RATE` (44.1 kHz), at most
:data:`MAX_SECONDS` long. An impulse response ``h`` acts on a sound ``f`` by linear convolution,
``y = f ∗ h`` (computed with FFTs), so its spectrum is ``|F · H|``: a low-pass response sounds
muffled, a high-pass one tinny, a delayed copy is an echo, a decaying noise tail a room.
What is played is peak-normalised (the loudest sample at 0.99 of full scale, never clipped).

Examples
--------
>>> f = make_sound("clicks", seconds=1.0)
>>> y = apply_response(f, make_response("echo"))
>>> y.size == f.size + make_response("echo").size - 1
True
>>> wav = to_wav_bytes(y)
>>> read_wav(wav).size == y.size
True
"""

from __future__ import annotations

import io
import math
import struct
import warnings

import numpy as np
import scipy.fft as sp_fft
from scipy import signal as sp_signal
from scipy.io import wavfile

from ._validate import BackendError, choice, finite_number

__all__ = [
    "SAMPLE_RATE",
    "MAX_SECONDS",
    "MAX_WAV_BYTES",
    "SOUNDS",
    "RESPONSES",
    "AudioError",
    "make_sound",
    "make_response",
    "apply_response",
    "normalise",
    "magnitude_spectrum",
    "to_wav_bytes",
    "read_wav",
]

#: Samples per second of every sound.
SAMPLE_RATE: int = 44_100
#: Longest sound (seconds) made, read or played.
MAX_SECONDS: float = 5.0
#: Largest WAV file accepted (bytes): 5 s of 48 kHz 32-bit stereo is 1.9 MB; the rest is headroom.
MAX_WAV_BYTES: int = 8 * 1024 * 1024
#: Shipped test sounds.
SOUNDS: tuple[str, ...] = ("voice", "chord", "clicks")
#: Shipped impulse responses.
RESPONSES: tuple[str, ...] = ("lowpass", "highpass", "echo", "room", "comb")

_PEAK = 0.99
_MAX_SAMPLES = int(MAX_SECONDS * SAMPLE_RATE)


class AudioError(BackendError):
    """A sound that cannot be used: one friendly sentence and a ``code`` for translation."""


def _time(seconds: float) -> np.ndarray:
    seconds = finite_number(seconds, "seconds", lo=0.05, hi=MAX_SECONDS)
    return np.arange(int(round(seconds * SAMPLE_RATE))) / SAMPLE_RATE


def _voice(t: np.ndarray) -> np.ndarray:
    """A voice-like vowel sequence: a 120 Hz glottal buzz through three formant resonators."""
    f0 = 120.0 * (1 + 0.03 * np.sin(2 * np.pi * 5.0 * t))  # vibrato
    phase = 2 * np.pi * np.cumsum(f0) / SAMPLE_RATE
    n_harm = int(SAMPLE_RATE / 2 / 130)
    buzz = sum(np.sin(k * phase) / k for k in range(1, n_harm + 1))
    vowels = ((730, 1090, 2440), (270, 2290, 3010), (300, 870, 2240))  # "a", "i", "u"
    out = np.zeros_like(t)
    edges = np.linspace(0, t.size, len(vowels) + 1).astype(int)
    for (a, b), formants in zip(zip(edges[:-1], edges[1:]), vowels):
        seg = buzz[a:b]
        shaped = np.zeros_like(seg)
        for fc in formants:  # a two-pole resonator per formant, 80 Hz wide
            r = math.exp(-math.pi * 80.0 / SAMPLE_RATE)
            theta = 2 * math.pi * fc / SAMPLE_RATE
            shaped += sp_signal.lfilter([1 - r], [1, -2 * r * math.cos(theta), r * r], seg)
        envelope = np.sin(np.linspace(0, np.pi, seg.size)) ** 0.5
        out[a:b] = shaped * envelope
    return out


def make_sound(name: str, seconds: float = 2.0) -> np.ndarray:
    """A shipped test sound: ``"voice"`` (vowels a-i-u), ``"chord"`` (C major) or ``"clicks"``.

    Examples
    --------
    >>> make_sound("chord", seconds=0.5).shape
    (22050,)
    """
    choice(name, SOUNDS, "sound")
    t = _time(seconds)
    if name == "voice":
        x = _voice(t)
    elif name == "chord":  # C4, E4, G4 with a few harmonics and a soft decay
        x = sum(np.sin(2 * np.pi * f * k * t) / k ** 1.5 for f in (261.63, 329.63, 392.0) for k in (1, 2, 3))
        x = x * np.exp(-0.6 * t)
    else:  # four clicks a second: their spectrum is flat, so a filter's own sound is heard
        x = np.zeros_like(t)
        x[:: SAMPLE_RATE // 4] = 1.0
    return normalise(x)


def _windowed_sinc(cutoff_hz: float, taps: int = 511) -> np.ndarray:
    return sp_signal.firwin(taps, cutoff_hz, fs=SAMPLE_RATE)


def make_response(name: str) -> np.ndarray:
    """A shipped impulse response (sampled at 44.1 kHz).

    ``lowpass``: a 511-tap windowed sinc at 800 Hz (muffled); ``highpass``: its spectral
    inverse at 2 kHz (tinny); ``echo``: the sound plus a copy 0.25 s later at 0.6; ``room``:
    exponentially decaying noise (reverberation time 0.6 s, seeded) after the direct sound;
    ``comb``: copies every 5 ms with falling gains (a metallic ring at 200 Hz and its harmonics).

    Examples
    --------
    >>> h = make_response("echo")
    >>> float(h[0]), float(h[int(0.25 * SAMPLE_RATE)])
    (1.0, 0.6)
    """
    choice(name, RESPONSES, "impulse response")
    if name == "lowpass":
        return _windowed_sinc(800.0)
    if name == "highpass":
        h = -_windowed_sinc(2000.0)
        h[h.size // 2] += 1.0
        return h
    if name == "echo":
        h = np.zeros(int(0.25 * SAMPLE_RATE) + 1)
        h[0], h[-1] = 1.0, 0.6
        return h
    if name == "room":
        n = int(0.8 * SAMPLE_RATE)
        t = np.arange(n) / SAMPLE_RATE
        tail = np.random.default_rng(7).standard_normal(n) * np.exp(-6.91 * t / 0.6)  # -60 dB at 0.6 s
        h = 0.3 * tail
        h[0] = 1.0
        return h
    step = int(0.005 * SAMPLE_RATE)
    h = np.zeros(8 * step + 1)
    h[::step] = 0.7 ** np.arange(9)
    return h


def apply_response(sound: np.ndarray, response: np.ndarray) -> np.ndarray:
    """``sound ∗ response`` (full linear convolution, FFT), cut to :data:`MAX_SECONDS`.

    Examples
    --------
    >>> apply_response(np.array([1.0, 2.0]), np.array([1.0, 0.5])).tolist()
    [1.0, 2.5, 1.0]
    """
    f, h = _mono(sound, "sound"), _mono(response, "impulse response")
    n = f.size + h.size - 1
    size = sp_fft.next_fast_len(n, real=True)
    y = sp_fft.irfft(sp_fft.rfft(f, size) * sp_fft.rfft(h, size), size)[:n]
    return y[:_MAX_SAMPLES]


def _mono(x: np.ndarray, what: str) -> np.ndarray:
    a = np.asarray(x, dtype=np.float64)
    if a.ndim != 1 or a.size == 0 or not np.isfinite(a).all():
        raise AudioError(f"the {what} must be a non-empty 1-D array of finite numbers", "audio_array", what=what)
    return a


def normalise(x: np.ndarray) -> np.ndarray:
    """Scale so the loudest sample is at 0.99 of full scale (silence stays silence).

    Examples
    --------
    >>> normalise(np.array([0.0, -2.0, 1.0])).tolist()
    [0.0, -0.99, 0.495]
    """
    a = _mono(x, "sound")
    peak = np.abs(a).max()
    return a * (_PEAK / peak) if peak > 0 else a.copy()


def magnitude_spectrum(x: np.ndarray, n_fft: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Frequencies (Hz) and ``|X|`` of a sound's real FFT (zero-padded to ``n_fft``).

    Examples
    --------
    >>> f, m = magnitude_spectrum(np.ones(4))
    >>> f.tolist(), m.tolist()
    ([0.0, 11025.0, 22050.0], [4.0, 0.0, 0.0])
    """
    a = _mono(x, "sound")
    n = a.size if n_fft is None else int(n_fft)
    return sp_fft.rfftfreq(n, 1.0 / SAMPLE_RATE), np.abs(sp_fft.rfft(a, n))


def to_wav_bytes(x: np.ndarray) -> bytes:
    """A 16-bit mono 44.1 kHz WAV of the peak-normalised sound (for ``st.audio``).

    Examples
    --------
    >>> to_wav_bytes(np.array([0.0, 1.0]))[:4]
    b'RIFF'
    """
    pcm = np.round(normalise(x) * 32767).astype(np.int16)
    buf = io.BytesIO()
    wavfile.write(buf, SAMPLE_RATE, pcm)
    return buf.getvalue()


def _resample(x: np.ndarray, rate: int) -> np.ndarray:
    if rate == SAMPLE_RATE:
        return x
    g = math.gcd(int(rate), SAMPLE_RATE)
    return sp_signal.resample_poly(x, SAMPLE_RATE // g, int(rate) // g)


def read_wav(data: bytes) -> np.ndarray:
    """Decode an uploaded WAV: mono (channels averaged), 44.1 kHz, in ``[-1, 1]``, ≤ 5 s.

    Raises
    ------
    AudioError
        Not a WAV, too large, empty, or silent-length; the message is one friendly sentence.

    Examples
    --------
    >>> read_wav(b"not a wav")
    Traceback (most recent call last):
    ...
    app.backend.audio.AudioError: this file is not a WAV sound that can be read
    """
    if len(data) > MAX_WAV_BYTES:
        raise AudioError(f"the sound file is larger than {MAX_WAV_BYTES // (1024 * 1024)} MB", "audio_too_large",
                         limit=MAX_WAV_BYTES // (1024 * 1024))
    try:
        with warnings.catch_warnings():  # unknown chunks are skipped; the file is judged by its samples
            warnings.simplefilter("ignore", wavfile.WavFileWarning)
            rate, samples = wavfile.read(io.BytesIO(data))
    # scipy's reader fails on hostile files in many ways: a header without a "fmt " chunk ends in an
    # UnboundLocalError, a short chunk in struct.error
    except (ValueError, EOFError, OSError, IndexError, KeyError, struct.error, UnboundLocalError) as exc:
        raise AudioError("this file is not a WAV sound that can be read", "audio_unreadable") from exc
    if not 1000 <= rate <= 384_000:
        raise AudioError(f"the sample rate {rate} Hz is not supported", "audio_rate", rate=rate)
    a = np.asarray(samples)
    if a.size == 0:
        raise AudioError("the sound file holds no samples", "audio_empty")
    if a.dtype.kind in "iu":
        info = np.iinfo(a.dtype)
        a = (a.astype(np.float64) - (info.max + 1 + info.min) / 2) / ((info.max - info.min + 1) / 2)
    a = a.astype(np.float64)
    mono = a.mean(axis=1) if a.ndim == 2 else a
    mono = mono[: int(MAX_SECONDS * rate)]
    if not np.isfinite(mono).all():
        raise AudioError("the sound file holds values that are not numbers", "audio_unreadable")
    return np.clip(_resample(mono, rate), -1.0, 1.0)[:_MAX_SAMPLES]
