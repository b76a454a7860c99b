"""Input checks shared by the Fourier modules (:mod:`app.backend.fourier` and its neighbours):
grey images and frequencies in the centred convention described there."""

from __future__ import annotations

import numpy as np

from ._validate import BackendError, whole_number
from .convolution import _as_image


def _as_gray(image: object, what: str = "image") -> np.ndarray:
    """A finite, non-empty, real 2-D float64 array (colour images are refused, not converted)."""
    x = np.asarray(image)
    if x.ndim != 2:
        raise ValueError(f"{what} must be a 2-D grey image; got shape {x.shape} (convert colour with to_gray)")
    x = _as_image(x)
    return x.astype(np.float64, copy=False)


def _check_frequency(n: int, f: object, what: str) -> int:
    """An integer frequency in the centred range of a side of ``n`` samples."""
    f = whole_number(f, what)
    lo, hi = -(n // 2), (n - 1) // 2
    if not lo <= f <= hi:
        raise BackendError(f"{what} must be between {lo} and {hi} for a side of {n}; got {f}", "range",
                           what=what, value=f, lo=lo, hi=hi)
    return f


def _wrap(f: int, n: int) -> int:
    """Fold an integer frequency into the centred range ``-(n // 2) .. (n - 1) // 2``."""
    return (f + n // 2) % n - n // 2
