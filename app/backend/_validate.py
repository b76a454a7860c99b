"""The backend's shared input checks, defined once (scikit-image's ``_shared/utils`` pattern).

Every check returns the cleaned value or raises :class:`BackendError`, a ``ValueError`` whose
English message names the bad value and whose ``code`` and ``params`` let a page show the
same message translated (``app.ui.errors.backend_message``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from numbers import Integral

import numpy as np

from kernels.numbers import format_number

__all__ = ["BackendError", "choice", "finite_number", "positive_number", "whole_number", "odd_number", "real_array", "shape2"]


class BackendError(ValueError):
    """A bad input to the backend: one English line, a ``code`` and the ``params`` of its text.

    Examples
    --------
    >>> err = BackendError("x must be a number; got 'a'", "number", what="x", value="'a'")
    >>> isinstance(err, ValueError), err.code, err.params["what"]
    (True, 'number', 'x')
    """

    def __init__(self, message: str, code: str = "invalid", **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


def choice(value: object, options: Sequence[str], what: str) -> str:
    """``value`` if it is one of ``options``.

    Examples
    --------
    >>> choice("wrap", ("reflect", "wrap"), "boundary")
    'wrap'
    >>> choice("mirror", ("reflect", "wrap"), "boundary")
    Traceback (most recent call last):
    ...
    app.backend._validate.BackendError: unknown boundary 'mirror'; choose one of reflect, wrap
    """
    if not isinstance(value, str) or value not in options:
        names = ", ".join(map(str, options))
        raise BackendError(f"unknown {what} {value!r}; choose one of {names}", "choice",
                           what=what, value=repr(value), options=names)
    return value


def finite_number(value: object, what: str, *, lo: float | None = None, hi: float | None = None) -> float:
    """``value`` as a finite float in ``[lo, hi]`` (either bound optional).

    Examples
    --------
    >>> finite_number("2.5", "sigma", lo=0)
    2.5
    >>> finite_number(-1, "sigma", lo=0)
    Traceback (most recent call last):
    ...
    app.backend._validate.BackendError: sigma must be a finite number >= 0; got -1.0
    """
    try:
        x = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise BackendError(f"{what} must be a number; got {value!r}", "number", what=what, value=repr(value)) from None
    if not math.isfinite(x):
        raise BackendError(f"{what} must be finite; got {x}", "finite", what=what, value=x)
    if lo is not None and hi is not None and not lo <= x <= hi:
        raise BackendError(f"{what} must be between {format_number(lo)} and {format_number(hi)}; got {x}", "range", what=what, value=x, lo=lo, hi=hi)
    if lo is not None and x < lo:
        raise BackendError(f"{what} must be a finite number >= {format_number(lo)}; got {x}", "at_least", what=what, value=x, lo=lo)
    if hi is not None and x > hi:
        raise BackendError(f"{what} must be a finite number <= {format_number(hi)}; got {x}", "at_most", what=what, value=x, hi=hi)
    return x


def positive_number(value: object, what: str) -> float:
    """``value`` as a finite float ``> 0``.

    Examples
    --------
    >>> positive_number(0.5, "limit")
    0.5
    >>> positive_number(0, "limit")
    Traceback (most recent call last):
    ...
    app.backend._validate.BackendError: limit must be a positive number; got 0
    """
    try:
        x = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        x = math.nan
    if not (math.isfinite(x) and x > 0):
        raise BackendError(f"{what} must be a positive number; got {value}", "positive", what=what, value=value)
    return x


def whole_number(value: object, what: str, *, lo: int | None = None, hi: int | None = None) -> int:
    """``value`` as an int in ``[lo, hi]`` (either bound optional); bools and floats are refused.

    Examples
    --------
    >>> whole_number(np.int64(3), "size", lo=1)
    3
    >>> whole_number(12, "size", lo=1, hi=9)
    Traceback (most recent call last):
    ...
    app.backend._validate.BackendError: size must be a whole number from 1 to 9; got 12
    """
    ok = isinstance(value, Integral) and not isinstance(value, (bool, np.bool_))
    n = int(value) if ok else None  # type: ignore[call-overload]
    if n is None or (lo is not None and n < lo) or (hi is not None and n > hi):
        if lo is not None and hi is not None:
            bounds, code = f" from {lo} to {hi}", "whole_range"
        elif lo is not None:
            bounds, code = f" of at least {lo}", "whole_at_least"
        else:
            bounds, code = "", "whole"
        raise BackendError(f"{what} must be a whole number{bounds}; got {value!r}", code,
                           what=what, value=repr(value), lo=lo, hi=hi)
    return n


def odd_number(value: object, what: str, *, lo: int = 1, hi: int | None = None) -> int:
    """:func:`whole_number` that must also be odd (a kernel side with a centre tap).

    Examples
    --------
    >>> odd_number(4, "the kernel size", hi=15)
    Traceback (most recent call last):
    ...
    app.backend._validate.BackendError: the kernel size must be odd; got 4
    """
    n = whole_number(value, what, lo=lo, hi=hi)
    if n % 2 == 0:
        raise BackendError(f"{what} must be odd; got {n}", "odd", what=what, value=n)
    return n


def real_array(x: object, what: str = "image", *, ndim: tuple[int, ...] = (2, 3)) -> np.ndarray:
    """``x`` as a non-empty, finite float64 array with one of the dimensions ``ndim``.

    Examples
    --------
    >>> real_array([[0, 1]]).dtype
    dtype('float64')
    >>> real_array([[np.nan]], "kernel")
    Traceback (most recent call last):
    ...
    app.backend._validate.BackendError: kernel contains NaN or infinite values
    """
    a = np.asarray(x)
    if a.dtype.kind not in "biuf":
        raise BackendError(f"{what} must be real numbers; got dtype {a.dtype}", "real", what=what, dtype=str(a.dtype))
    if a.ndim not in ndim or a.size == 0:
        dims = " or ".join(f"{n}-D" for n in ndim)
        raise BackendError(f"{what} must be a non-empty {dims} array; got shape {a.shape}", "array_shape",
                           what=what, dims=dims, shape=str(a.shape))
    a = a.astype(np.float64, copy=False)
    if not np.all(np.isfinite(a)):
        raise BackendError(f"{what} contains NaN or infinite values", "nonfinite", what=what)
    return a


def shape2(shape: object, what: str = "shape") -> tuple[int, int]:
    """``shape`` as two positive ints ``(H, W)``.

    Examples
    --------
    >>> shape2([4, 5.0])
    (4, 5)
    >>> shape2((0, 3))
    Traceback (most recent call last):
    ...
    app.backend._validate.BackendError: shape must be positive; got (0, 3)
    """
    try:
        h, w = (int(s) for s in shape)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        raise BackendError(f"{what} must be two positive integers (H, W); got {shape!r}", "shape",
                           what=what, value=repr(shape)) from None
    if h < 1 or w < 1:
        raise BackendError(f"{what} must be positive; got {shape!r}", "shape", what=what, value=repr(shape))
    return h, w
