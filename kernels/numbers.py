"""How a number is written, for people: the one rule of every page, the CLI and the engine's messages.

It lives at the bottom of the engine so the engine's own English messages (which must not import
the UI) write numbers exactly as the pages do; :func:`app.ui.format.number` is this function.
"""

from __future__ import annotations

import math

__all__ = ["format_number"]

_ZERO = 1e-9  # below this a shown value is round-off, not a measurement
_FIXED = (5e-4, 1e5)  # plain decimals in this magnitude range, scientific outside


def format_number(x: float, digits: int = 4) -> str:
    """``x`` with ``digits`` significant digits, plain decimals where they read well.

    Examples
    --------
    >>> [format_number(v) for v in (150, 1.5, 0.38343, -2.0, 1e-17, 3.2e-5, 2.5e6)]
    ['150', '1.5', '0.3834', '-2', '0', '3.2e-05', '2.5e+06']
    >>> format_number(1 / 3, 2), format_number(63)
    ('0.33', '63')
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
