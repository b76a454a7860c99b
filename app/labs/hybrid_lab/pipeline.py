"""The Hybrid Lab's logic: line B up with A, build the hybrid, and see it from further away.

Everything the page shows is computed here (no Streamlit widgets): :func:`compute` returns one
:class:`HybridRun` per setting, cached on the two images' digests and the settings (the images
themselves travel as unhashed arguments). The engine is :mod:`app.backend.hybrid`; every signed
or out-of-range picture goes through :func:`app.backend.display.signed_display`, whose note the
page prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import streamlit as st
from PIL import Image

from app.backend import display, hybrid
from app.ui.format import number, percent
from app.ui.measures import dominant
from app.ui.strings import t

#: The question's choices: the low image (A), the high image (B), or no clear winner.
SEES_A, SEES_B, SEES_BOTH = 0, 1, 2


def fit_to(image: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """``image`` resized (bilinear) to ``shape`` so the two sources can be added pixel by pixel.

    Examples
    --------
    >>> fit_to(np.zeros((4, 6)), (8, 8)).shape
    (8, 8)
    >>> x = np.ones((5, 5)); fit_to(x, (5, 5)) is x
    True
    """
    if image.shape[:2] == tuple(shape):
        return image
    pic = Image.fromarray(np.asarray(image, dtype=np.float32), mode="F")
    return np.asarray(pic.resize((shape[1], shape[0]), Image.BILINEAR), dtype=np.float64)


def correlation(x: np.ndarray, y: np.ndarray) -> float:
    """Pearson correlation of two same-shape pictures (0 when either is flat).

    Examples
    --------
    >>> a = np.arange(16.0).reshape(4, 4)
    >>> correlation(a, 2 * a + 1), correlation(a, np.ones((4, 4)))
    (1.0, 0.0)
    """
    a, b = np.ravel(x) - np.mean(x), np.ravel(y) - np.mean(y)
    denom = float(np.sqrt((a @ a) * (b @ b)))
    return round(float(a @ b) / denom, 12) if denom > 1e-12 else 0.0


@dataclass(frozen=True)
class Facts:
    """How much the hybrid, seen at 1/``scale`` size, looks like each source at that size."""

    scale: int
    corr_a: float
    corr_b: float

    @property
    def seen(self) -> int:
        """:data:`SEES_A`, :data:`SEES_B` or :data:`SEES_BOTH` (neither correlation twice the other)."""
        return dominant(max(self.corr_a, 0.0), max(self.corr_b, 0.0))


def far_facts(image: np.ndarray, low_source: np.ndarray, high_source: np.ndarray) -> Facts:
    """Which source the smallest view of the hybrid resembles (correlation at 1/8 size).

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> a, b = rng.random((64, 64)), rng.random((64, 64))
    >>> far_facts(a + 0.01 * b, a, b).seen == SEES_A
    True
    """
    scale = hybrid.VIEWING_SCALES[-1]
    small = [hybrid.viewing_distances(x, (scale,))[0] for x in (image, low_source, high_source)]
    return Facts(scale, correlation(small[0], small[1]), correlation(small[0], small[2]))


@dataclass(frozen=True)
class HybridRun:
    """Everything the page shows for one setting."""

    low: display.SignedDisplay
    high: display.SignedDisplay
    image: display.SignedDisplay
    views: tuple[np.ndarray, ...]  # uint8 pictures at full, 1/2, 1/4, 1/8 size
    freqs: np.ndarray
    gain_low: np.ndarray
    gain_high: np.ndarray
    crossover: float | None
    facts: Facts


def _shown(x: np.ndarray) -> display.SignedDisplay:
    # the hybrid and its low part keep the picture's brightness scale: out-of-range values are
    # clipped and counted (the page prints how many)
    return display.signed_display(x, kernel_sum=1.0)


def shown_note(d: display.SignedDisplay, lang: str) -> str:
    """One line saying how a picture's values became pixels (nothing is clipped silently)."""
    fields = {"lo": number(d.lo, 3), "hi": number(d.hi, 3), "limit": number(d.limit, 3),
              "pct": percent(d.clipped_fraction)}
    return t(f"hy.note.{d.mode}", lang, **fields)


def run(a: np.ndarray, b: np.ndarray, *, dx: int, dy: int, scale: float, sigma_low: float,
        sigma_high: float, palette: str = "standard") -> HybridRun:
    """Align B (resized to A's shape, then shifted and scaled), build the hybrid, and measure it.

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> r = run(rng.random((64, 64)), rng.random((64, 64)), dx=0, dy=0, scale=1.0, sigma_low=4, sigma_high=1)
    >>> [v.shape[0] for v in r.views], r.high.mode
    ([64, 32, 16, 8], 'diverging')
    """
    b_aligned = hybrid.align(fit_to(b, a.shape[:2]), dx=dx, dy=dy, scale=scale)
    h = hybrid.hybrid_image(a, b_aligned, sigma_low=sigma_low, sigma_high=sigma_high)
    freqs, g_low, g_high, crossover = gains(float(sigma_low), float(sigma_high))
    views = tuple(_shown(v).pixels for v in hybrid.viewing_distances(h.image))
    return HybridRun(
        low=_shown(h.low), high=display.signed_display(h.high, "diverging", palette=palette), image=_shown(h.image), views=views,
        freqs=freqs, gain_low=g_low, gain_high=g_high,
        crossover=crossover,
        facts=far_facts(h.image, a, b_aligned),
    )


@lru_cache(maxsize=64)
def gains(sigma_low: float, sigma_high: float) -> tuple[np.ndarray, np.ndarray, np.ndarray, float | None]:
    """The two gain curves and their crossover (a pure function of the σs, kept per process:
    the crossover's bisection costs as much as the filtering)."""
    freqs, g_low, g_high = hybrid.gain_curves(sigma_low, sigma_high)
    for x in (freqs, g_low, g_high):
        x.setflags(write=False)
    return freqs, g_low, g_high, hybrid.crossover_frequency(sigma_low, sigma_high)


@st.cache_data(max_entries=8, show_spinner=False)
def compute(a_digest: str, b_digest: str, dx: int, dy: int, scale: float, sigma_low: float, sigma_high: float,
            palette: str, *, _a: np.ndarray, _b: np.ndarray) -> HybridRun:
    """:func:`run`, cached on the images' digests and the settings."""
    return run(_a, _b, dx=dx, dy=dy, scale=scale, sigma_low=sigma_low, sigma_high=sigma_high, palette=palette)


@st.cache_resource(show_spinner=False)
def shipped_pair() -> tuple[tuple[np.ndarray, str], tuple[np.ndarray, str]]:
    """The shipped pair (:func:`app.backend.hybrid.load_pair`) with digests, read once per process."""
    from app.backend.images import image_digest

    a, b = hybrid.load_pair()
    for x in (a, b):
        x.setflags(write=False)
    return (a, image_digest(a)), (b, image_digest(b))
