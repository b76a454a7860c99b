"""Hybrid images (Oliva, Torralba & Schyns 2006): the low frequencies of one image plus the high
frequencies of another.

``low = G_σ1 ∗ A`` and ``high = B − G_σ2 ∗ B``; their sum looks like ``B`` from close up and like
``A`` from across the room, because distance (or a smaller picture) removes exactly the high
frequencies that carry ``B``. The gain curves of the two parts along a frequency axis and their
crossover frequency say where the hand-over happens.

Examples
--------
>>> rng = np.random.default_rng(0)
>>> a, b = rng.random((64, 64)), rng.random((64, 64))
>>> h = hybrid_image(a, b, sigma_low=4.0, sigma_high=2.0)
>>> h.image.shape, bool(np.allclose(h.image, h.low + h.high))
((64, 64), True)
>>> 0.0 < crossover_frequency(4.0, 2.0) < 0.5
True
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import ndimage

import kernels

from ._validate import BackendError, finite_number
from .convolution import convolve
from .images import SAMPLE_DIR, load_image

__all__ = [
    "HYBRID_PAIRS",
    "SIGMA_RANGE",
    "VIEWING_SCALES",
    "HybridImage",
    "align",
    "crossover_frequency",
    "gain_curves",
    "hybrid_image",
    "load_pair",
    "viewing_distances",
]

#: Smallest and largest σ (pixels) of either Gaussian: the catalogue's kernel side limit (±3σ in
#: 63 taps) sets the top.
SIGMA_RANGE: tuple[float, float] = (0.5, 10.0)
#: The picture sizes shown side by side, as fractions of the full size ("walking away").
VIEWING_SCALES: tuple[int, ...] = (1, 2, 4, 8)
#: Shipped pairs that work well: name → (low-frequency file, high-frequency file).
HYBRID_PAIRS: dict[str, tuple[str, str]] = {"happy_sad": ("hybrid_happy.png", "hybrid_sad.png")}


@dataclass(frozen=True)
class HybridImage:
    """A hybrid image and its two parts (``image == low + high``, not clipped)."""

    low: np.ndarray
    high: np.ndarray
    image: np.ndarray
    sigma_low: float
    sigma_high: float


def _sigma(value: object, what: str) -> float:
    return finite_number(value, what, lo=SIGMA_RANGE[0], hi=SIGMA_RANGE[1])


def _blur(image: np.ndarray, sigma: float) -> np.ndarray:
    return convolve(image, kernels.make("gaussian", sigma=sigma), boundary="reflect", method="fft")


def hybrid_image(low_source: np.ndarray, high_source: np.ndarray, *, sigma_low: float,
                 sigma_high: float) -> HybridImage:
    """The low frequencies of ``low_source`` plus the high frequencies of ``high_source``.

    Parameters
    ----------
    low_source, high_source : numpy.ndarray
        Images of the same shape (grey ``(H, W)`` or colour ``(H, W, 3)``), values in ``[0, 1]``.
    sigma_low : float
        σ of the Gaussian that keeps ``low_source``'s low frequencies (pixels, 0.5–10).
    sigma_high : float
        σ of the Gaussian whose complement keeps ``high_source``'s high frequencies.

    Returns
    -------
    HybridImage
        ``low = G_σlow ∗ A``, ``high = B − G_σhigh ∗ B`` (reflect boundary) and their sum.
        ``high`` is signed (zero mean): show it with a signed display.

    Examples
    --------
    >>> flat = np.full((32, 32), 0.5)
    >>> h = hybrid_image(flat, flat, sigma_low=2, sigma_high=2)
    >>> float(abs(h.high).max()) < 1e-12, float(h.image.mean())
    (True, 0.5)
    """
    a, b = np.asarray(low_source, dtype=np.float64), np.asarray(high_source, dtype=np.float64)
    if a.shape != b.shape:
        raise BackendError(f"the two images must have the same shape; got {a.shape} and {b.shape}",
                           "hybrid_shape", a=str(a.shape), b=str(b.shape))
    s_low, s_high = _sigma(sigma_low, "sigma_low"), _sigma(sigma_high, "sigma_high")
    low = _blur(a, s_low)
    high = b - _blur(b, s_high)
    return HybridImage(low=low, high=high, image=low + high, sigma_low=s_low, sigma_high=s_high)


def _gaussian_gain(sigma: float, freqs: np.ndarray) -> np.ndarray:
    """Gain of the sampled catalogue Gaussian along one frequency axis (cycles/pixel).

    The 2-D kernel is separable and sums to 1, so its response at ``(0, f)`` is the 1-D
    response of one of its rows' profiles.
    """
    g = kernels.make("gaussian", sigma=sigma).sum(axis=0)
    taps = np.arange(g.size) - g.size // 2
    return np.abs(np.exp(-2j * np.pi * np.outer(freqs, taps)) @ g)


def gain_curves(sigma_low: float, sigma_high: float, n: int = 257) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Frequencies ``0 … 0.5`` cycles/pixel and the gains of the low part and of the high part.

    Examples
    --------
    >>> f, low, high = gain_curves(3.0, 1.0, n=5)
    >>> f.tolist(), round(float(low[0]), 6), round(float(high[0]), 6)
    ([0.0, 0.125, 0.25, 0.375, 0.5], 1.0, 0.0)
    """
    s_low, s_high = _sigma(sigma_low, "sigma_low"), _sigma(sigma_high, "sigma_high")
    freqs = np.linspace(0.0, 0.5, int(n))
    return freqs, _gaussian_gain(s_low, freqs), 1.0 - _gaussian_gain(s_high, freqs)


def crossover_frequency(sigma_low: float, sigma_high: float) -> float | None:
    """The frequency (cycles/pixel) where the two gain curves cross, or ``None`` if they do not.

    Below it the hybrid shows mostly the low image, above it mostly the high one.

    Examples
    --------
    >>> round(crossover_frequency(6.0, 2.0), 4)
    0.0495
    """
    s_low, s_high = _sigma(sigma_low, "sigma_low"), _sigma(sigma_high, "sigma_high")

    def difference(f: float) -> float:
        x = np.array([f])
        return float(_gaussian_gain(s_low, x)[0] - (1.0 - _gaussian_gain(s_high, x)[0]))

    lo, hi = 0.0, 0.5
    if difference(hi) > 0:  # the low part still dominates at Nyquist: no hand-over
        return None
    for _ in range(60):  # the difference falls monotonically from +1 at f = 0
        mid = 0.5 * (lo + hi)
        lo, hi = (mid, hi) if difference(mid) > 0 else (lo, mid)
    return 0.5 * (lo + hi)


def _shrink(image: np.ndarray, factor: int) -> np.ndarray:
    """Block-average by ``factor`` (what an eye further away integrates), cropping the remainder."""
    h, w = image.shape[0] // factor * factor, image.shape[1] // factor * factor
    cropped = image[:h, :w]
    shape = (h // factor, factor, w // factor, factor) + cropped.shape[2:]
    return cropped.reshape(shape).mean(axis=(1, 3))


def viewing_distances(image: np.ndarray, scales: tuple[int, ...] = VIEWING_SCALES) -> list[np.ndarray]:
    """The image as seen from further away: block-averaged to 1/s of its size for each scale.

    Examples
    --------
    >>> [v.shape for v in viewing_distances(np.zeros((64, 48)))]
    [(64, 48), (32, 24), (16, 12), (8, 6)]
    """
    img = np.asarray(image, dtype=np.float64)
    out = []
    for s in scales:
        if not isinstance(s, (int, np.integer)) or s < 1 or img.shape[0] < s or img.shape[1] < s:
            raise BackendError(f"scale {s!r} does not fit an image of shape {img.shape}", "hybrid_scale")
        out.append(img if s == 1 else _shrink(img, int(s)))
    return out


def align(image: np.ndarray, *, dx: float = 0.0, dy: float = 0.0, scale: float = 1.0) -> np.ndarray:
    """Shift (pixels) and scale (about the centre) an image to line it up with its partner.

    Examples
    --------
    >>> a = np.arange(16.0).reshape(4, 4)
    >>> bool(np.allclose(align(a), a))
    True
    >>> float(align(a, dx=1)[0, 1])
    0.0
    """
    img = np.asarray(image, dtype=np.float64)
    dx, dy = finite_number(dx, "dx", lo=-img.shape[1], hi=img.shape[1]), finite_number(dy, "dy", lo=-img.shape[0], hi=img.shape[0])
    scale = finite_number(scale, "scale", lo=0.25, hi=4.0)
    if dx == 0 and dy == 0 and scale == 1:
        return img.copy()
    centre = (np.array(img.shape[:2]) - 1) / 2.0
    # output pixel p samples input (p - centre - shift) / scale + centre
    offset = centre - (centre + np.array([dy, dx])) / scale
    channels = [img] if img.ndim == 2 else [img[..., c] for c in range(img.shape[2])]
    moved = [ndimage.affine_transform(ch, np.full(2, 1.0 / scale), offset=offset, order=1, mode="nearest")
             for ch in channels]
    return moved[0] if img.ndim == 2 else np.stack(moved, axis=-1)


def load_pair(name: str = "happy_sad") -> tuple[np.ndarray, np.ndarray]:
    """A shipped pair that works well: ``(low-frequency image, high-frequency image)``, grey.

    Examples
    --------
    >>> a, b = load_pair()
    >>> a.shape == b.shape
    True
    """
    if name not in HYBRID_PAIRS:
        raise BackendError(f"unknown hybrid pair {name!r}; choose one of {', '.join(HYBRID_PAIRS)}", "choice",
                           what="hybrid pair", value=repr(name), options=", ".join(HYBRID_PAIRS))
    return tuple(load_image(Path(SAMPLE_DIR) / f) for f in HYBRID_PAIRS[name])  # type: ignore[return-value]

