"""Small numeric helpers for the Image Lab: high-frequency energy and colour maps for grey displays.

Pure numpy (never streamlit). Added by the image-lab developer.
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "COLORMAPS", "apply_colormap", "high_frequency_energy", "high_frequency_ratio", "radial_profile_half",
    "high_frequency_energy_half", "check_pixels", "direct_at",
]

# Anchor colours (sRGB) of perceptually ordered maps; "grey" is the identity.
_ANCHORS: dict[str, list[tuple[int, int, int]]] = {
    # matplotlib "inferno" (9 anchors): dark → bright, high contrast on projectors
    "inferno": [
        (0, 0, 4), (31, 12, 72), (85, 15, 109), (136, 34, 106), (186, 54, 85),
        (227, 89, 51), (249, 140, 10), (249, 201, 50), (252, 255, 164),
    ],
    # matplotlib "viridis" (9 anchors)
    "viridis": [
        (68, 1, 84), (72, 40, 120), (62, 74, 137), (49, 104, 142), (38, 130, 142),
        (31, 158, 137), (53, 183, 121), (109, 205, 89), (253, 231, 37),
    ],
}
COLORMAPS: tuple[str, ...] = ("grey", *_ANCHORS)


def _lut(name: str) -> np.ndarray:
    anchors = np.asarray(_ANCHORS[name], dtype=np.float64)
    pos = np.linspace(0, len(anchors) - 1, 256)
    idx = np.arange(len(anchors))
    return np.rint(np.stack([np.interp(pos, idx, anchors[:, c]) for c in range(3)], axis=1)).astype(np.uint8)


_LUTS = {name: _lut(name) for name in _ANCHORS}


def apply_colormap(grey: np.ndarray, name: str = "grey") -> np.ndarray:
    """Colour a uint8 grey image with a 256-entry map; ``"grey"`` returns it unchanged.

    Examples
    --------
    >>> apply_colormap(np.array([[0, 255]], np.uint8), "inferno").tolist()
    [[[0, 0, 4], [252, 255, 164]]]
    """
    a = np.asarray(grey)
    if a.dtype != np.uint8 or a.ndim != 2:
        raise ValueError("apply_colormap expects an (H, W) uint8 image")
    if name == "grey":
        return a
    if name not in _LUTS:
        raise ValueError(f"unknown colour map {name!r}; choose one of {', '.join(COLORMAPS)}")
    return _LUTS[name][a]


def high_frequency_energy(spectrum: np.ndarray, cutoff: float = 0.25) -> float:
    """Energy (sum of |S|²) of a *centred* spectrum at radial frequencies above ``cutoff`` cycles/pixel.

    Examples
    --------
    >>> s = np.zeros((8, 8)); s[4, 4] = 1.0      # DC only
    >>> high_frequency_energy(s)
    0.0
    """
    s = np.asarray(spectrum)
    if s.ndim != 2:
        raise ValueError("spectrum must be 2-D (centred)")
    h, w = s.shape
    fy = (np.arange(h) - h // 2) / h
    fx = (np.arange(w) - w // 2) / w
    r2 = fy[:, None] ** 2 + fx[None, :] ** 2
    power = np.abs(s) ** 2
    return float(power[r2 > cutoff * cutoff].sum())


def high_frequency_ratio(output_spectrum: np.ndarray, image_spectrum: np.ndarray, cutoff: float = 0.25) -> float:
    """High-frequency energy of the output relative to the input's (1 = unchanged, 0 = removed).

    Examples
    --------
    >>> s = np.ones((8, 8))
    >>> high_frequency_ratio(0.5 * s, s)
    0.25
    """
    base = high_frequency_energy(image_spectrum, cutoff)
    if base <= 0:
        return 0.0
    return high_frequency_energy(output_spectrum, cutoff) / base


# --------------------------------------------------------------------------- #
# fast radial statistics straight from rfft2 half spectra (the slider path)
# --------------------------------------------------------------------------- #
from functools import lru_cache  # noqa: E402


def _mirror_weights(n_cols: int) -> np.ndarray:
    """How many full-spectrum columns each rfft2 column stands for (1 for DC and Nyquist, else 2)."""
    w = np.full(n_cols // 2 + 1, 2.0)
    w[0] = 1.0
    if n_cols % 2 == 0:
        w[-1] = 1.0
    return w


@lru_cache(maxsize=16)
def _rings(grid: tuple[int, int], n_bins: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Ring index (``n_bins`` = outside) and mirror weight of every half-spectrum sample, and the counts."""
    n1, n2 = grid
    fy = np.fft.fftfreq(n1)
    fx = np.arange(n2 // 2 + 1) / n2
    r = np.sqrt(fy[:, None] ** 2 + fx[None, :] ** 2)
    idx = np.minimum(np.floor(r * (2 * n_bins)).astype(np.intp), n_bins).ravel()
    w = np.broadcast_to(_mirror_weights(n2), r.shape).ravel().copy()
    counts = np.bincount(idx, weights=w, minlength=n_bins + 1)[:n_bins]
    for a in (idx, w, counts):
        a.setflags(write=False)
    return idx, w, counts


def radial_profile_half(half: np.ndarray, n_cols: int, *, n_bins: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """:func:`app.backend.spectra.radial_profile` of the full magnitude, from an rfft2 half spectrum.

    ``half`` is the (uncentred) ``rfft2`` layout of a real signal whose full spectrum has
    ``n_cols`` columns (complex or magnitude). Same rings as ``radial_profile`` on the centred
    full magnitude, several times cheaper (the ring indices are cached per grid).

    Examples
    --------
    >>> from app.backend.spectra import radial_profile
    >>> x = np.random.default_rng(0).random((12, 10))
    >>> f1, m1 = radial_profile(np.fft.fftshift(np.abs(np.fft.fft2(x))))
    >>> f2, m2 = radial_profile_half(np.fft.rfft2(x), 10)
    >>> bool(np.allclose(f1, f2) and np.allclose(m1, m2, equal_nan=True))
    True
    """
    h = np.asarray(half)
    n1 = h.shape[0]
    if n_bins is None:
        n_bins = max(1, min(n1, n_cols) // 2)
    idx, w, counts = _rings((n1, int(n_cols)), int(n_bins))
    mag = np.abs(h).ravel() if np.iscomplexobj(h) else np.asarray(h, dtype=np.float64).ravel()
    sums = np.bincount(idx, weights=mag * w, minlength=n_bins + 1)[:n_bins]
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)
    freqs = (np.arange(n_bins) + 0.5) / (2 * n_bins)
    return freqs, mean


@lru_cache(maxsize=16)
def _hf_weights(grid: tuple[int, int], cutoff: float) -> np.ndarray:
    n1, n2 = grid
    fy = np.fft.fftfreq(n1)
    fx = np.arange(n2 // 2 + 1) / n2
    r2 = fy[:, None] ** 2 + fx[None, :] ** 2
    w = np.where(r2 > cutoff * cutoff, _mirror_weights(n2)[None, :], 0.0).ravel()
    w.setflags(write=False)
    return w


def high_frequency_energy_half(half: np.ndarray, n_cols: int, cutoff: float = 0.25) -> float:
    """:func:`high_frequency_energy` of the full spectrum, from its rfft2 half (mirror-weighted).

    Examples
    --------
    >>> x = np.random.default_rng(1).random((16, 14))
    >>> full = np.fft.fftshift(np.fft.fft2(x))
    >>> bool(np.isclose(high_frequency_energy_half(np.fft.rfft2(x), 14), high_frequency_energy(full)))
    True
    """
    h = np.asarray(half)
    if np.iscomplexobj(h):
        power = h.real * h.real
        power += h.imag * h.imag
    else:
        power = np.asarray(h, dtype=np.float64) ** 2
    return high_frequency_power_half(power, n_cols, cutoff)


def high_frequency_power_half(power: np.ndarray, n_cols: int, cutoff: float = 0.25) -> float:
    """:func:`high_frequency_energy_half` from the squared magnitude ``|half|²`` (no complex pass).

    Examples
    --------
    >>> half = np.fft.rfft2(np.random.default_rng(1).random((16, 14)))
    >>> bool(np.isclose(high_frequency_power_half(np.abs(half) ** 2, 14), high_frequency_energy_half(half, 14)))
    True
    """
    p = np.asarray(power, dtype=np.float64)
    w = _hf_weights((p.shape[0], int(n_cols)), float(cutoff))
    return float(np.dot(p.ravel(), w))


# --------------------------------------------------------------------------- #
# the convolution theorem at sampled pixels
# --------------------------------------------------------------------------- #
_PAD_MODE = {"reflect": "symmetric", "zero": "constant", "wrap": "wrap", "nearest": "edge"}


def check_pixels(shape: tuple[int, int], n_inside: int = 256, per_edge: int = 64, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Pixels for a sampled convolution check: the four corners, ``per_edge`` evenly spaced
    pixels along each border (where the boundary mode matters) and ``n_inside`` random ones.

    Small images (``per_edge`` ≥ the side) get every border pixel.

    Examples
    --------
    >>> ys, xs = check_pixels((5, 4), n_inside=3)
    >>> len(ys) == len(xs) == 14 + 3
    True
    """
    h, w = int(shape[0]), int(shape[1])
    cols = np.unique(np.linspace(0, w - 1, min(w, per_edge)).round().astype(np.intp))
    rows = np.unique(np.linspace(0, h - 1, min(h, per_edge)).round().astype(np.intp))
    pts = set()
    for x in cols:
        pts.add((0, int(x)))
        pts.add((h - 1, int(x)))
    for y in rows:
        pts.add((int(y), 0))
        pts.add((int(y), w - 1))
    pts = sorted(pts)
    rng = np.random.default_rng(seed)
    inside = rng.integers(0, [h, w], size=(n_inside, 2)) if h > 0 and w > 0 else np.zeros((0, 2), int)
    ys = np.concatenate([np.array([p[0] for p in pts], dtype=np.intp), inside[:, 0]])
    xs = np.concatenate([np.array([p[1] for p in pts], dtype=np.intp), inside[:, 1]])
    return ys, xs


def direct_at(
    image: np.ndarray, kernel: np.ndarray, ys: np.ndarray, xs: np.ndarray, *, boundary: str = "reflect",
    correlate: bool = False,
) -> np.ndarray:
    """The convolution (or correlation) at pixels ``(ys, xs)`` by the defining sum, nothing else.

    Same conventions as :func:`app.backend.convolve` (anchor ``(kh // 2, kw // 2)``, boundary
    padding): ``out[y, x] = Σ k[m, n] · x[y − (m − ay), x − (n − ax)]`` (``+`` for correlation).
    Returns shape ``(len(ys),)`` for grey images, ``(len(ys), C)`` for colour.

    Examples
    --------
    >>> from app.backend import convolve
    >>> x = np.random.default_rng(2).random((9, 11)); k = np.random.default_rng(3).random((3, 4))
    >>> ys, xs = np.array([0, 4, 8]), np.array([0, 5, 10])
    >>> bool(np.allclose(direct_at(x, k, ys, xs, boundary="zero"), convolve(x, k, boundary="zero")[ys, xs]))
    True
    """
    if boundary not in _PAD_MODE:
        raise ValueError(f"unknown boundary {boundary!r}")
    x = np.asarray(image, dtype=np.float64)
    k = np.asarray(kernel, dtype=np.float64)
    kh, kw = k.shape
    ay, ax = kh // 2, kw // 2
    py, px = kh, kw
    pad = ((py, py), (px, px)) + (((0, 0),) if x.ndim == 3 else ())
    mode = _PAD_MODE[boundary]
    xp = np.pad(x, pad, mode=mode)
    sign = 1 if correlate else -1
    rows = np.asarray(ys)[:, None] + sign * (np.arange(kh) - ay)[None, :] + py
    cols = np.asarray(xs)[:, None] + sign * (np.arange(kw) - ax)[None, :] + px
    patches = xp[rows[:, :, None], cols[:, None, :]]  # (P, kh, kw[, C])
    if x.ndim == 3:
        return np.einsum("pmnc,mn->pc", patches, k)
    return np.einsum("pmn,mn->p", patches, k)
