"""Guess the kernel: self-grading exercises, and teacher links that do not give the answer away.

A challenge shows ``f`` and ``f ∗ h`` with ``h`` hidden; the student's kernel ``ĥ`` is graded by
the PSNR of ``f ∗ ĥ`` against ``f ∗ h`` (the peak is the target output's value range, so signed
edge outputs are graded fairly) and by the relative spectral error ``‖Ĥ − H‖ / ‖H‖``.

A teacher can turn any kernel into a challenge link. The kernel travels in the link encrypted
and authenticated with a server secret (HMAC-SHA256 as a keystream and as a tag; standard
library only): a student who decodes the link finds no taps, and a changed link is refused.

Examples
--------
>>> rng = np.random.default_rng(0)
>>> image = rng.random((32, 32))
>>> s = score(image, kernel_of("box3"), np.full((3, 3), 1 / 9))
>>> s.solved, s.psnr
(True, inf)
>>> token = encode_kernel_token(np.eye(3), b"server secret")
>>> bool(np.array_equal(decode_kernel_token(token, b"server secret"), np.eye(3)))
True
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import math
import secrets
import zlib
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

import kernels

from ._validate import BackendError
from .convolution import convolve
from .spectra import frequency_response

__all__ = [
    "CHALLENGES",
    "SOLVED_PSNR",
    "MAX_TOKEN_CHARS",
    "Challenge",
    "ChallengeError",
    "Score",
    "kernel_of",
    "score",
    "encode_kernel_token",
    "decode_kernel_token",
]

#: Output PSNR (dB) from which a challenge counts as solved.
SOLVED_PSNR: float = 40.0
#: Longest challenge token accepted from a link (characters).
MAX_TOKEN_CHARS: int = 12_000
_MAX_SIDE = kernels.MAX_KERNEL_SIDE
_NONCE = 12
_TAG = 16


class ChallengeError(BackendError):
    """A challenge token that cannot be used (garbage, changed, or from another server)."""


@dataclass(frozen=True)
class Challenge:
    """One exercise: an id (its string-table key), a level 1–3 and the hidden catalogue kernel."""

    id: str
    level: int
    kernel: str
    params: MappingProxyType


def _c(cid: str, level: int, kernel: str, **params: object) -> Challenge:
    return Challenge(cid, level, kernel, MappingProxyType(dict(params)))


#: The exercises, easy → hard.
CHALLENGES: tuple[Challenge, ...] = (
    _c("identity", 1, "identity"),
    _c("box3", 1, "box", size=3),
    _c("box7", 1, "box", size=7),
    _c("sobel_x", 1, "sobel_x"),
    _c("sobel_y", 2, "sobel_y"),
    _c("gaussian2", 2, "gaussian", sigma=2.0),
    _c("laplacian", 2, "laplacian", alpha=0.0),
    _c("sharpen", 2, "sharpen"),
    _c("motion45", 3, "motion", length=9, angle=45.0),
    _c("emboss", 3, "emboss", angle=315.0),
    _c("bandpass", 3, "dog", sigma1=1.0, sigma2=2.0),
    _c("gaussian_wide", 3, "gaussian", sigma=3.5),
)
_BY_ID = {c.id: c for c in CHALLENGES}


def kernel_of(challenge_id: str) -> np.ndarray:
    """The hidden kernel of a shipped challenge.

    Examples
    --------
    >>> kernel_of("sobel_x")[1].tolist()
    [2.0, 0.0, -2.0]
    """
    if challenge_id not in _BY_ID:
        raise ChallengeError(f"unknown challenge {challenge_id!r}", "challenge_unknown", value=repr(challenge_id))
    c = _BY_ID[challenge_id]
    return kernels.make(c.kernel, **dict(c.params))


@dataclass(frozen=True)
class Score:
    """PSNR of the outputs (dB; ``inf`` when equal), relative spectral error, and solved or not."""

    psnr: float
    spectral_error: float
    solved: bool


def score(image: np.ndarray, target: np.ndarray, guess: np.ndarray, *, boundary: str = "reflect") -> Score:
    """Grade a guessed kernel against the hidden one on ``image``.

    Parameters
    ----------
    image : numpy.ndarray
        The challenge's input (grey or colour, values in ``[0, 1]``).
    target, guess : numpy.ndarray
        The hidden and the guessed kernel (any sizes up to 63 × 63).
    boundary : str
        The boundary rule both outputs use.

    Examples
    --------
    >>> img = np.random.default_rng(3).random((24, 24))
    >>> s = score(img, kernel_of("sobel_x"), kernel_of("sobel_y"))
    >>> s.solved, s.psnr < 25
    (False, True)
    """
    f = np.asarray(image, dtype=np.float64)
    want = convolve(f, target, boundary=boundary, method="fft")
    got = convolve(f, guess, boundary=boundary, method="fft")
    mse = float(np.mean((got - want) ** 2))
    peak = float(want.max() - want.min()) or 1.0
    psnr = math.inf if mse <= (peak * 1e-12) ** 2 else 10.0 * math.log10(peak * peak / mse)
    grid = f.shape[:2]
    h_t, h_g = frequency_response(target, grid), frequency_response(guess, grid)
    spectral = float(np.linalg.norm(h_g - h_t) / max(np.linalg.norm(h_t), 1e-300))
    return Score(psnr=psnr, spectral_error=spectral, solved=psnr >= SOLVED_PSNR)


def _keys(secret: bytes) -> tuple[bytes, bytes]:
    if not isinstance(secret, (bytes, bytearray)) or len(secret) < 8:
        raise ValueError("the server secret must be at least 8 bytes")
    return (hmac.new(bytes(secret), b"convscope challenge: encrypt", hashlib.sha256).digest(),
            hmac.new(bytes(secret), b"convscope challenge: authenticate", hashlib.sha256).digest())


def _keystream(key: bytes, nonce: bytes, n: int) -> bytes:
    blocks = (hmac.new(key, nonce + i.to_bytes(4, "big"), hashlib.sha256).digest() for i in range(-(-n // 32)))
    return b"".join(blocks)[:n]


def _xor(data: bytes, stream: bytes) -> bytes:
    return (int.from_bytes(data, "big") ^ int.from_bytes(stream, "big")).to_bytes(len(data), "big")


def encode_kernel_token(kernel: np.ndarray, secret: bytes) -> str:
    """An opaque, URL-safe token that carries ``kernel`` (encrypted and authenticated).

    Examples
    --------
    >>> t1, t2 = encode_kernel_token(np.ones((1, 1)), b"12345678"), encode_kernel_token(np.ones((1, 1)), b"12345678")
    >>> t1 != t2  # a fresh random nonce each time
    True
    """
    k = np.asarray(kernel, dtype=np.float64)
    if k.ndim != 2 or k.size == 0 or max(k.shape) > _MAX_SIDE or not np.isfinite(k).all():
        raise ChallengeError(f"a challenge kernel must be a finite 2-D array of at most {_MAX_SIDE} × {_MAX_SIDE}",
                             "challenge_kernel")
    enc_key, mac_key = _keys(secret)
    payload = zlib.compress(json.dumps({"shape": k.shape, "taps": k.ravel().tolist()}).encode(), 9)
    nonce = secrets.token_bytes(_NONCE)
    body = nonce + _xor(payload, _keystream(enc_key, nonce, len(payload)))
    tag = hmac.new(mac_key, body, hashlib.sha256).digest()[:_TAG]
    return base64.urlsafe_b64encode(body + tag).decode().rstrip("=")


def decode_kernel_token(token: str, secret: bytes) -> np.ndarray:
    """The kernel inside a token from :func:`encode_kernel_token`; anything else is refused.

    Raises
    ------
    ChallengeError
        Too long, not base64, changed (wrong tag), or not a kernel.

    Examples
    --------
    >>> decode_kernel_token("bm90IGEgdG9rZW4", b"12345678")
    Traceback (most recent call last):
    ...
    app.backend.challenges.ChallengeError: this challenge link is damaged or from another server
    """
    damaged = ChallengeError("this challenge link is damaged or from another server", "challenge_token")
    if not isinstance(token, str) or len(token) > MAX_TOKEN_CHARS:
        raise damaged
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except (ValueError, TypeError):
        raise damaged from None
    if len(raw) <= _NONCE + _TAG:
        raise damaged
    enc_key, mac_key = _keys(secret)
    body, tag = raw[:-_TAG], raw[-_TAG:]
    if not hmac.compare_digest(hmac.new(mac_key, body, hashlib.sha256).digest()[:_TAG], tag):
        raise damaged
    nonce, cipher = body[:_NONCE], body[_NONCE:]
    try:  # authenticated, so written by this server; still bounded
        inflater = zlib.decompressobj()
        text = inflater.decompress(_xor(cipher, _keystream(enc_key, nonce, len(cipher))), 200_000)
        data = json.loads(text)
        k = np.asarray(data["taps"], dtype=np.float64).reshape(tuple(data["shape"]))
    except (ValueError, KeyError, TypeError, zlib.error):
        raise damaged from None
    if k.ndim != 2 or max(k.shape) > _MAX_SIDE or not np.isfinite(k).all():
        raise damaged
    return k
