"""The Challenge Lab's logic: the hidden kernel, the pictures, the grade and the teacher's link.

No widgets here. The hidden kernel comes from a shipped challenge or a teacher's token
(:func:`hidden_kernel`), the target output ``f ∗ h`` is cached on the image's and the kernel's
digests, and :func:`grade` calls :func:`app.backend.challenges.score`. The link secret is
``$CONVSCOPE_LINK_SECRET`` when set (links then survive restarts), else the server's
``server.cookieSecret`` (:func:`link_secret`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit, urlunsplit

import numpy as np
import streamlit as st

from app.backend import challenges, display
from app.backend.convolution import convolve
from app.backend.spectra import spectrum
from app.labs.challenge_lab.schema import TEACHER
from app.ui.errors import backend_message

BOUNDARY = "reflect"  # the boundary both outputs use (the score's default)
SECRET_ENV = "CONVSCOPE_LINK_SECRET"
SPECTRUM_DB = 80


def link_secret(environ: Mapping[str, str], cookie_secret: str) -> bytes:
    """The key of teacher links: ``$CONVSCOPE_LINK_SECRET`` if set, else the cookie secret.

    Examples
    --------
    >>> link_secret({"CONVSCOPE_LINK_SECRET": "classroom-42"}, "random")
    b'classroom-42'
    >>> link_secret({}, "abc") == hashlib.sha256(b"convscope link:abc").digest()
    True
    """
    own = environ.get(SECRET_ENV, "")
    if own:
        return own.encode()
    # hashed, so even a short cookie secret makes a key of the backend's minimum length
    return hashlib.sha256(b"convscope link:" + cookie_secret.encode()).digest()


def kernel_digest(kernel: np.ndarray) -> str:
    """A short digest of a kernel's taps and shape (a cache key)."""
    k = np.ascontiguousarray(kernel, dtype=np.float64)
    return hashlib.sha1(k.tobytes() + str(k.shape).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Hidden:
    """The kernel to guess and, when a teacher's link could not be opened, why (localized)."""

    kernel: np.ndarray
    teacher: bool
    error: str | None = None


def hidden_kernel(challenge_id: str, token: str, secret: bytes, lang: str, fallback: str) -> Hidden:
    """The challenge's kernel; a teacher's token that does not open gives ``fallback``'s and a message.

    Examples
    --------
    >>> h = hidden_kernel(TEACHER, "bad", b"12345678", "en", "box3")
    >>> h.teacher, h.kernel.shape, "damaged" in h.error
    (False, (3, 3), True)
    """
    if challenge_id == TEACHER:
        try:
            return Hidden(challenges.decode_kernel_token(token, secret), teacher=True)
        except challenges.ChallengeError as exc:
            return Hidden(challenges.kernel_of(fallback), teacher=False, error=backend_message(exc, lang))
    return Hidden(challenges.kernel_of(challenge_id), teacher=False)


#: The settings a teacher's link keeps besides the challenge: the picture (never the teacher's own kernel).
LINK_KEEPS: tuple[str, ...] = ("ch_source", "ch_sample", "ch_size", "lang")


def teacher_link(page_url: str, token: str, query: Mapping[str, str]) -> str:
    """The address of this page opening the teacher's challenge (``ch_id=teacher&ch_token=…``),
    keeping the picture's settings of ``query`` (:data:`LINK_KEEPS`).

    Examples
    --------
    >>> teacher_link("http://host:8501/challenge_lab?ch_id=box3", "TOK", {"ch_size": "512", "ch_taps": "1"})
    'http://host:8501/challenge_lab?ch_size=512&ch_id=teacher&ch_token=TOK'
    """
    parts = urlsplit(page_url)
    keep = {k: v for k, v in query.items() if k in LINK_KEEPS}
    return urlunsplit((parts.scheme, parts.netloc, parts.path,
                       urlencode({**keep, "ch_id": TEACHER, "ch_token": token}), ""))


def output(image: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """``f ∗ h`` as the challenge computes it (reflect boundary, FFT)."""
    return convolve(image, kernel, boundary=BOUNDARY, method="fft")


def _picture(x: np.ndarray, kernel: np.ndarray, palette: str) -> display.SignedDisplay:
    return display.signed_display(x, kernel_sum=float(np.sum(kernel)), palette=palette)


@st.cache_data(max_entries=16, show_spinner=False)
def target_view(image_digest: str, target_digest: str, palette: str, *, _image: np.ndarray,
                _kernel: np.ndarray) -> tuple[display.SignedDisplay, np.ndarray, np.ndarray]:
    """The target output's picture and the two log spectra (f and f ∗ h), cached on the digests."""
    want = output(_image, _kernel)
    return (_picture(want, _kernel, palette), display.spectrum_to_uint8(spectrum(_image), SPECTRUM_DB),
            display.spectrum_to_uint8(spectrum(want), SPECTRUM_DB))


@st.cache_data(max_entries=32, show_spinner=False)
def grade(image_digest: str, target_digest: str, guess_digest: str, palette: str, *, _image: np.ndarray,
          _target: np.ndarray, _guess: np.ndarray) -> tuple[challenges.Score, display.SignedDisplay]:
    """The score of the guess and the picture of ``f ∗ ĥ``."""
    s = challenges.score(_image, _target, _guess, boundary=BOUNDARY)
    return s, _picture(output(_image, _guess), _guess, palette)


def image_lab_kernel(values: Mapping) -> np.ndarray | None:
    """The Image Lab's current kernel from session-state-like ``values`` (``None`` before the
    Image Lab has run): its custom slot when that is active, else its catalogue picker's kernel."""
    import kernels
    from app.labs.image_lab.teaching.kernel_state import KERNEL
    from app.ui.kernel_picker import kernel_from_state

    if "il_kernel" not in values:
        return None
    if values.get("il_ksrc") == "custom" and values.get(KERNEL) is not None:
        return np.asarray(values[KERNEL], dtype=np.float64)
    try:
        name, params = kernel_from_state(values, "il")
        return kernels.make(name, **params)
    except (kernels.KernelError, ValueError):
        return None
