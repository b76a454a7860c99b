"""Reading a centred spectrum: radial profiles under a mask, periodic-noise peaks, leakage, mask overlay.

The Filter Designer's read-outs, on the grid conventions of :mod:`app.backend.filtering`
(centred spectra, frequencies in cycles/pixel).  Pure numpy/scipy (never streamlit).
"""

from __future__ import annotations

import numpy as np
from scipy import ndimage

from .spectra import frequency_axes, radial_profile

__all__ = [
    "masked_radial_profiles",
    "detect_peaks",
    "snap_to_peak",
    "axis_cross_db",
    "overlay_mask",
]


def masked_radial_profiles(spectrum: np.ndarray, mask: np.ndarray) -> dict[str, np.ndarray]:
    """Radial means of ``|F|``, ``|M · F|`` and ``M`` (keys ``freqs``, ``input``, ``output``, ``mask``).

    Examples
    --------
    >>> from app.backend.filtering import centred_spectrum, parametric_mask
    >>> f = centred_spectrum(np.random.default_rng(0).random((32, 32)))
    >>> p = masked_radial_profiles(f, parametric_mask((32, 32), 'ideal', 'lowpass', low=0.2))
    >>> sorted(p), bool(np.all(p['output'] <= p['input'] + 1e-12))
    (['freqs', 'input', 'mask', 'output'], True)
    """
    mag = np.abs(spectrum)
    m = np.asarray(mask, dtype=np.float64)
    freqs, p_in = radial_profile(mag)
    _, p_out = radial_profile(mag * m)
    _, p_mask = radial_profile(m)
    return {"freqs": freqs, "input": p_in, "output": p_out, "mask": p_mask}


def detect_peaks(
    spectrum: np.ndarray,
    *,
    count: int = 4,
    min_radius: float = 0.03,
    min_prominence_db: float = 15.0,
    axis_guard: int = 2,
) -> list[tuple[float, float]]:
    """Strongest off-centre isolated peaks ``(fy, fx)`` in cycles/pixel, one per mirror pair.

    A peak must stand ``min_prominence_db`` above the local median of the log magnitude,
    lie at least ``min_radius`` from the centre and off the two axes (± ``axis_guard``
    pixels: the leakage cross and the image's own axis energy are not periodic noise).

    Examples
    --------
    >>> from app.backend.filtering import centred_spectrum
    >>> yy, xx = np.mgrid[:64, :64]
    >>> img = 0.5 + 0.4 * np.cos(2 * np.pi * (0.25 * xx + 0.125 * yy))  # one tone, off the axes
    >>> detect_peaks(centred_spectrum(img), count=1)
    [(0.125, 0.25)]
    """
    mag = np.abs(np.asarray(spectrum))
    h, w = mag.shape
    db = 20.0 * np.log10(mag + 1e-12 * max(float(mag.max()), 1e-300))
    background = ndimage.median_filter(db, size=9, mode="wrap")
    prom = db - background
    is_max = db == ndimage.maximum_filter(db, size=5, mode="wrap")
    fy, fx = frequency_axes((h, w))
    r = np.hypot(fy[:, None], fx[None, :])
    rows = np.arange(h)[:, None]
    cols = np.arange(w)[None, :]
    off_axis = (np.abs(rows - h // 2) > axis_guard) & (np.abs(cols - w // 2) > axis_guard)
    # one of each mirror pair: the lower half-plane (fy > 0), or fy == 0 and fx > 0
    half = (fy[:, None] > 0) | ((fy[:, None] == 0) & (fx[None, :] > 0))
    cand = is_max & off_axis & half & (r >= min_radius) & (prom >= min_prominence_db)
    iy, ix = np.nonzero(cand)
    order = np.argsort(-prom[iy, ix])[: max(0, int(count))]
    return [(float(fy[iy[i]]), float(fx[ix[i]])) for i in order]


def snap_to_peak(spectrum: np.ndarray, fy: float, fx: float, radius: float) -> tuple[float, float]:
    """The brightest spectrum sample within ``radius`` (cycles/pixel) of ``(fy, fx)``.

    Examples
    --------
    >>> f = np.zeros((64, 64)); f[32, 48] = 1.0  # brightest sample at (0, 0.25) cycles/pixel
    >>> snap_to_peak(f, 0.02, 0.23, 0.05)
    (0.0, 0.25)
    """
    mag = np.abs(np.asarray(spectrum))
    h, w = mag.shape
    ay, ax = frequency_axes((h, w))
    iy = np.nonzero(np.abs(ay - fy) <= radius)[0]
    ix = np.nonzero(np.abs(ax - fx) <= radius)[0]
    if iy.size == 0 or ix.size == 0:
        return float(fy), float(fx)
    sub = mag[np.ix_(iy, ix)].copy()
    d2 = (ay[iy][:, None] - fy) ** 2 + (ax[ix][None, :] - fx) ** 2
    sub[d2 > radius * radius] = -1.0
    # never snap onto the DC term
    cy = np.nonzero(iy == h // 2)[0]
    cx = np.nonzero(ix == w // 2)[0]
    if cy.size and cx.size:
        sub[cy[0], cx[0]] = -1.0
    j = np.unravel_index(int(np.argmax(sub)), sub.shape)
    if sub[j] < 0:
        return float(fy), float(fx)
    return float(ay[iy[j[0]]]), float(ax[ix[j[1]]])


def axis_cross_db(spectrum: np.ndarray, *, offset: int = 4, min_radius: float = 0.05) -> float:
    """How much brighter the spectrum's axes are than lines ``offset`` samples beside them, in dB.

    The bright "+" on the axes of an unwindowed spectrum comes from the jump between
    opposite image borders (the DFT treats the image as periodic); a Hann window removes it.

    Examples
    --------
    >>> from app.backend.filtering import centred_spectrum
    >>> img = np.random.default_rng(0).random((64, 64))
    >>> axis_cross_db(centred_spectrum(img)) < 6  # random texture: no bright axis cross
    True
    """
    mag = np.abs(np.asarray(spectrum))
    h, w = mag.shape
    cy, cx = h // 2, w // 2
    fy, fx = frequency_axes((h, w))
    far_x = np.abs(fx) >= min_radius
    far_y = np.abs(fy) >= min_radius
    tiny = 1e-12 * max(float(mag.max()), 1e-300)

    def mean_db(values: np.ndarray) -> float:
        return float(np.mean(20.0 * np.log10(values + tiny)))

    on = np.concatenate([mag[cy, far_x], mag[far_y, cx]])
    beside = np.concatenate(
        [mag[(cy + offset) % h, far_x], mag[(cy - offset) % h, far_x], mag[far_y, (cx + offset) % w], mag[far_y, (cx - offset) % w]]
    )
    return mean_db(on) - mean_db(beside)


def overlay_mask(spectrum_u8: np.ndarray, mask: np.ndarray, *, strength: float = 0.6) -> np.ndarray:
    """Tint a grey uint8 spectrum where the mask removes frequencies (RGB uint8).

    Kept frequencies stay grey; removed ones are darkened and tinted orange
    (``strength`` × (1 − gain)), so the mask's shape reads over the spectrum.

    Examples
    --------
    >>> rgb = overlay_mask(np.full((4, 4), 200, np.uint8), np.zeros((4, 4)))
    >>> rgb.shape, rgb.dtype
    ((4, 4, 3), dtype('uint8'))
    """
    g = np.asarray(spectrum_u8)
    if g.dtype != np.uint8 or g.ndim != 2:
        raise ValueError("expected a 2-D uint8 spectrum image")
    m = np.clip(np.asarray(mask, dtype=np.float32), 0.0, 1.0)
    if m.shape != g.shape:
        raise ValueError(f"mask shape {m.shape} does not match the spectrum image {g.shape}")
    a = (np.float32(strength) * (1.0 - m))[..., None]
    grey = g.astype(np.float32)[..., None]
    tint = np.array([213.0, 94.0, 0.0], dtype=np.float32)  # Okabe–Ito vermillion
    out = grey * (1.0 - a) + (0.55 * grey + 0.45 * tint) * a
    return np.clip(out + 0.5, 0, 255).astype(np.uint8)
