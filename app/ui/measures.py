"""Small measurements and classifications the prediction questions of every lab share.

Pure functions of arrays and numbers: the mean of a spectrum-shaped array in the centre and
in the fine-detail band, and the rules that turn two numbers (or one) into a choice index.
"""

from __future__ import annotations

import numpy as np

from kernels.bands import HIGH_EDGE, LOW_EDGE, radial_frequency

__all__ = ["CONTRAST", "TINY", "band_means", "dominant", "level"]

CONTRAST = 2.0  # one number counts as larger than another beyond this factor
TINY = 1e-9  # below this a difference is round-off


def band_means(values: np.ndarray, *, centred: bool) -> dict[str, float]:
    """Mean of a spectrum-shaped array in the low and the high band (:mod:`kernels.bands`' edges).

    ``centred``: zero frequency in the middle (``fftshift`` layout) rather than at ``[0, 0]``.

    Examples
    --------
    >>> m = np.zeros((16, 16)); m[8, 8] = 1.0
    >>> band_means(m, centred=True)["low"], band_means(m, centred=False)["low"]  # 9 pixels within 0.1
    (0.1111111111111111, 0.0)
    """
    radius = radial_frequency(values.shape, centred=centred)
    return {"low": float(values[radius < LOW_EDGE].mean()), "high": float(values[radius > HIGH_EDGE].mean())}


def dominant(a: float, b: float) -> int:
    """0 when ``a`` exceeds ``b`` by the factor :data:`CONTRAST`, 1 when ``b`` exceeds ``a`` so, else 2.

    Examples
    --------
    >>> dominant(3.0, 1.0), dominant(1.0, 3.0), dominant(1.0, 1.5)
    (0, 1, 2)
    """
    if a > CONTRAST * b + TINY:
        return 0
    if b > CONTRAST * a + TINY:
        return 1
    return 2


def level(x: float, low: float, high: float) -> int:
    """0 below ``low``, 1 between ``low`` and ``high``, 2 above ``high``."""
    return 0 if x < low else 2 if x > high else 1
