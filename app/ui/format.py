"""How numbers are written on every page: one rule, so a value reads the same everywhere.

:func:`number` is for measured values (kernel weights, map ranges, readouts), :func:`count`
for counts of things (parameters), :func:`percent` for fractions.
"""

from __future__ import annotations

import math

from kernels.numbers import format_number

_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")

#: ``x`` with ``digits`` significant digits (:func:`kernels.numbers.format_number`, the engine's
#: messages use it too): ``number(0.38343) == '0.3834'``, ``number(1e-17) == '0'``.
number = format_number


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
