"""Magnitude or phase? Rebuilding images from one half of their spectra and swapping the halves
of two images (Oppenheim & Lim 1981).

Part of the Fourier Lab's engine; conventions are those of :mod:`app.backend.fourier`.  Results are
raw float arrays (no clipping). Pure numpy/scipy.
"""

from __future__ import annotations

import numpy as np
import scipy.fft as sp_fft

from ._fourier_input import _as_gray

__all__ = ["swap_magnitude_phase", "magnitude_only", "phase_only"]


def _unit_phase(half: np.ndarray) -> np.ndarray:
    """``F / |F|`` (0 where ``F == 0``)."""
    mag = np.abs(half)
    return np.divide(half, mag, out=np.zeros_like(half), where=mag > 0)


def swap_magnitude_phase(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Exchange magnitude and phase of two same-size images (Oppenheim & Lim 1981).

    Returns ``(|A|·e^{i∠B}, |B|·e^{i∠A})`` transformed back: the first looks like ``b``,
    the second like ``a`` — structure lives in the phase.  Where a spectrum is exactly zero
    its phase is taken as 0.

    Parameters
    ----------
    a, b : ndarray, shape (H, W)
        Grey images of the same shape.

    Returns
    -------
    mag_a_phase_b, mag_b_phase_a : ndarray, shape (H, W)
        Real float64 (raw values: not clipped to the input range).

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> a, b = rng.random((8, 8)), rng.random((8, 8))
    >>> ab, ba = swap_magnitude_phase(a, a)
    >>> bool(np.abs(ab - a).max() < 1e-12)
    True
    >>> ab, ba = swap_magnitude_phase(a, b)
    >>> bool(np.isclose(ab.mean(), a.mean())), bool(np.isclose(ba.mean(), b.mean()))
    (True, True)
    """
    x = _as_gray(a, "a")
    y = _as_gray(b, "b")
    if x.shape != y.shape:
        raise ValueError(f"images must have the same shape; got {x.shape} and {y.shape}")
    fa, fb = sp_fft.rfft2(x), sp_fft.rfft2(y)
    ab = sp_fft.irfft2(np.abs(fa) * _unit_phase(fb), s=x.shape)
    ba = sp_fft.irfft2(np.abs(fb) * _unit_phase(fa), s=x.shape)
    return ab, ba


def magnitude_only(image: np.ndarray, *, centred: bool = False) -> np.ndarray:
    """The image rebuilt from its magnitude with zero phase: ``ifft2(|F|)``.

    The result is real and even, peaked at the origin pixel ``(0, 0)``; ``centred=True``
    moves that to the middle of the picture (``fftshift``) for display.  It keeps the mean
    and the energy of the image but none of its shapes.

    Examples
    --------
    >>> x = np.random.default_rng(0).random((8, 8))
    >>> m = magnitude_only(x)
    >>> bool(np.isclose(m.mean(), x.mean())), bool(np.isclose((m**2).sum(), (x**2).sum()))
    (True, True)
    >>> bool(np.unravel_index(np.argmax(magnitude_only(x, centred=True)), (8, 8)) == (4, 4))
    True
    """
    x = _as_gray(image)
    out = sp_fft.irfft2(np.abs(sp_fft.rfft2(x)), s=x.shape)
    return sp_fft.fftshift(out) if centred else out


def phase_only(image: np.ndarray) -> np.ndarray:
    """The image rebuilt from its phase with unit magnitude: ``ifft2(F / |F|)``.

    Edges and shapes survive (whitened); values are small (RMS ``1 / sqrt(H·W)``) and signed,
    so the display layer should stretch them.  Coefficients that are exactly zero stay zero.

    Examples
    --------
    >>> x = np.zeros((8, 8)); x[2, 3] = 1.0
    >>> p = phase_only(x)
    >>> [int(i) for i in np.unravel_index(np.argmax(p), p.shape)], round(float(p.max()), 6)
    ([2, 3], 1.0)
    """
    x = _as_gray(image)
    return sp_fft.irfft2(_unit_phase(sp_fft.rfft2(x)), s=x.shape)
