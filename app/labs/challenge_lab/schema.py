"""The Challenge Lab's settings: every URL key and default once (``ch_`` widget keys)."""

from __future__ import annotations

import re

from app.backend import challenges
from app.backend import images as bimages
from app.ui import image_picker, kernel_picker
from app.ui.page import Field, Schema
from kernels.parse import parse_text

KEY = "ch"
#: The challenge a teacher's link carries (its kernel is in ``ch_token``).
TEACHER = "teacher"
CHALLENGE_IDS: tuple[str, ...] = tuple(c.id for c in challenges.CHALLENGES) + (TEACHER,)
#: Where the student's kernel comes from: the catalogue picker or typed taps.
KERNEL_SOURCES: tuple[str, ...] = ("catalog", "taps")
DEFAULT_TAPS = "0, 0, 0\n0, 1, 0\n0, 0, 0"
#: The challenge pictures' working size (two FFT convolutions per move stay well inside 300 ms).
SIZES: tuple[int, ...] = (256, 512)
#: "Let the computer guess": the noise added to g (standard deviation), the input's blur σ, the steps.
NOISE_MAX = 0.05
BLUR_MAX = 4.0
STEPS = 300
_TOKEN = re.compile(r"^[A-Za-z0-9_-]*$")


def _token(text: str) -> str:
    """A token's form only (URL-safe base64, bounded); whether it opens is the page's business."""
    if len(text) > challenges.MAX_TOKEN_CHARS or not _TOKEN.match(text):
        raise ValueError("not a challenge token")
    return text


def _taps(text: str) -> str:
    parse_text(text)  # KernelError (a ValueError) when not a kernel
    return text


def _fields() -> dict[str, Field]:
    return {
        "ch_id": Field("choice", "box7", choices=CHALLENGE_IDS),
        "ch_token": Field("custom", "", parse=_token, format=str),
        "ch_source": Field("choice", "sample", choices=image_picker.SOURCES[:2]),
        "ch_sample": Field("choice", "camera", choices=tuple(bimages.sample_names())),
        "ch_size": Field("choice", 256, choices=SIZES, parse=int),
        "ch_ksrc": Field("choice", "catalog", choices=KERNEL_SOURCES),
        "ch_taps": Field("custom", DEFAULT_TAPS, parse=_taps, format=str),
        "ch_hint": Field("bool", False),
        # "let the computer guess": learn the hidden kernel from f and g = f ∗ h + noise
        "ch_learn": Field("bool", False),
        "ch_noise": Field("float", 0.01, lo=0.0, hi=NOISE_MAX, step=0.005),
        "ch_blur": Field("float", 0.0, lo=0.0, hi=BLUR_MAX, step=0.5, unit="px"),
        "ch_auto": Field("bool", True),
        "ch_rate": Field("float", 1.0, lo=0.05, hi=4.0, step=0.05, unit="/L"),
        "ch_mom": Field("float", 0.9, lo=0.0, hi=0.99, step=0.01),
        **kernel_picker.kernel_fields(KEY, default_kernel="box")  # a 3 × 3 box: one slider from box7,
    }


SCHEMA = Schema("ChallengeSettings", "ch_", _fields())
