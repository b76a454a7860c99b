"""How numbers are written on every page: one rule, so a value reads the same everywhere.

:func:`number` is for measured values (kernel weights, map ranges, readouts), :func:`count`
for counts of things (parameters), :func:`percent` for fractions.
"""

from __future__ import annotations

import math

_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
_ZERO = 1e-9  # below this a shown value is round-off, not a measurement
_FIXED = (5e-4, 1e5)  # plain decimals in this magnitude range, scientific outside


def number(x: float, digits: int = 4) -> str:
    """``x`` with ``digits`` significant digits, plain decimals where they read well.

    Examples
    --------
    >>> [number(v) for v in (150, 1.5, 0.38343, -2.0, 1e-17, 3.2e-5, 2.5e6)]
    ['150', '1.5', '0.3834', '-2', '0', '3.2e-05', '2.5e+06']
    """
    x = float(x)
    if not math.isfinite(x):
        return str(x)
    a = abs(x)
    if a < _ZERO:
        return "0"
    if not _FIXED[0] <= a < _FIXED[1]:
        mantissa, exponent = f"{x:.{digits - 1}e}".split("e")
        return f"{_strip(mantissa)}e{exponent}"
    decimals = max(0, digits - 1 - math.floor(math.log10(a)))
    return _strip(f"{x:.{decimals}f}")


def _strip(text: str) -> str:
    """Trailing zeros of a decimal fraction (and a bare point) removed."""
    return text.rstrip("0").rstrip(".") if "." in text else text


def count(n: float) -> str:
    """A count with thousands separators; from ten million on, as ``2.75 × 10¹¹``.

    Examples
    --------
    >>> count(1234567), count(2.75e11)
    ('1,234,567', '2.75 × 10¹¹')
    """
    if n < 10_000_000:
        return f"{int(round(n)):,}"
    e = int(math.floor(math.log10(n)))
    return f"{n / 10**e:.2f} × 10{str(e).translate(_SUPERSCRIPT)}"


def percent(fraction: float, decimals: int = 1) -> str:
    """``fraction`` as a percentage: ``percent(0.1234) == '12.3 %'``."""
    return f"{100 * fraction:.{decimals}f} %"
