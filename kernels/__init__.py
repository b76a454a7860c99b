"""ConvScope kernel catalogue: spatial kernels, frequency-domain masks and custom-kernel parsing.

Pure numpy/scipy; never imports streamlit or ``app``.

Examples
--------
>>> import kernels
>>> kernels.make("gaussian", size=3, sigma=0.5).round(4)[1, 1]
np.float64(0.6193)
>>> [s.name for s in kernels.catalog() if s.family == "low-pass"]
['box', 'gaussian', 'disk', 'motion', 'tent', 'binomial', 'sinc']
>>> kernels.defaults("gaussian")
{'size': 7, 'sigma': 1.0}
>>> kernels.make("gaussian", sigma=3).shape  # the size follows sigma unless given
(19, 19)
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from functools import lru_cache

import numpy as np

from . import bands, frequency, parse
from .bands import BAND_LABELS, BANDS
from .catalogue import BUILDERS, SPECS
from .parse import MAX_KERNEL_FILE_BYTES, as_kernel, load_kernel_bytes, parse_text
from .spec import (
    FAMILIES,
    FAMILY_LABELS,
    MAX_KERNEL_SIDE,
    ChoiceParam,
    KernelError,
    KernelSpec,
    Param,
)

__all__ = [
    "FAMILIES", "FAMILY_LABELS", "BANDS", "BAND_LABELS", "MAX_KERNEL_SIDE", "MAX_KERNEL_FILE_BYTES",
    "KernelError", "KernelSpec", "Param", "ChoiceParam",
    "catalog", "get", "make", "defaults", "expected_band", "family", "names", "by_family",
    "coerce_params", "validate_params",
    "parse_text", "load_kernel_bytes", "as_kernel",
    "bands", "frequency", "parse",
]

_BY_NAME: dict[str, KernelSpec] = {s.name: s for s in SPECS}
# Catalogue order: grouped by family in FAMILIES order, keeping the order within a family.
_ORDERED: tuple[KernelSpec, ...] = tuple(s for f in FAMILIES for s in SPECS if s.family == f)


def catalog() -> tuple[KernelSpec, ...]:
    """All spatial kernels, grouped by family (in :data:`FAMILIES` order).

    Examples
    --------
    >>> catalog()[0].name
    'box'
    """
    return _ORDERED


def names(family: str | None = None) -> list[str]:
    """Kernel names, optionally only those of one family.

    Examples
    --------
    >>> names('directional')[:2]
    ['sobel_x', 'sobel_y']
    """
    if family is not None and family not in FAMILIES:
        raise KernelError(f"Unknown family {family!r}; families are: {', '.join(FAMILIES)}.")
    return [s.name for s in _ORDERED if family is None or s.family == family]


def by_family() -> dict[str, tuple[KernelSpec, ...]]:
    """``{family: specs}`` for every family in :data:`FAMILIES` (empty tuples included).

    Examples
    --------
    >>> [s.name for s in by_family()['low-pass']]
    ['box', 'gaussian', 'disk', 'motion', 'tent', 'binomial', 'sinc']
    """
    return {f: tuple(s for s in _ORDERED if s.family == f) for f in FAMILIES}


def get(name: str) -> KernelSpec:
    """The :class:`KernelSpec` called ``name``.

    Raises
    ------
    KernelError
        For an unknown name; the message suggests close names.

    Examples
    --------
    >>> get("sobel_x").family
    'directional'
    """
    if not isinstance(name, str):
        raise KernelError(f"A kernel name must be text (got {name!r}).")
    spec = _BY_NAME.get(name)
    if spec is None:
        spec = _BY_NAME.get(name.strip().lower().replace("-", "_").replace(" ", "_"))
    if spec is not None:
        return spec
    raise KernelError(_unknown_message(name))


def _unknown_message(name: str) -> str:
    if name in frequency.MASK_NAMES:
        return (f"{name!r} is a frequency-domain mask, not a spatial kernel; "
                f"build it with kernels.frequency.{name}().")
    close = difflib.get_close_matches(name.lower(), list(_BY_NAME), n=4, cutoff=0.5)
    if close:
        return f"Unknown kernel {name!r}. Did you mean: {', '.join(close)}?"
    return f"Unknown kernel {name!r}. Known kernels: {', '.join(names())}."


def defaults(name: str) -> dict:
    """Default parameter values of kernel ``name``.

    Examples
    --------
    >>> defaults("box")
    {'size': 3}
    """
    return get(name).defaults()


def expected_band(name: str) -> str:
    """What the kernel's frequency response does: one of :data:`BANDS`.

    ``"all"`` (identity), ``"low"``, ``"high"``, ``"band"`` or ``"high-boost"``
    (DC kept, high frequencies amplified: sharpen, unsharp, emboss).

    Examples
    --------
    >>> expected_band("gaussian"), expected_band("laplacian"), expected_band("gabor")
    ('low', 'high', 'band')
    """
    return get(name).band


def family(name: str) -> str:
    """The family of kernel ``name`` (one of :data:`FAMILIES`).

    Examples
    --------
    >>> family('sobel_x')
    'directional'
    """
    return get(name).family


def validate_params(name: str, params: Mapping[str, object] | None = None) -> dict:
    """Check ``params`` for kernel ``name`` and return the full, typed parameter dict.

    Missing parameters take their defaults, except those that follow others (a Gaussian's
    size follows sigma: ``2⌈3σ⌉ + 1``, clipped to 3 … 63). Raises :class:`KernelError` for an
    unknown kernel, an unknown parameter, a wrong type or a value out of range.

    Examples
    --------
    >>> validate_params("gaussian", {"sigma": 2})
    {'size': 13, 'sigma': 2.0}
    >>> validate_params("gaussian", {"sigma": 2, "size": 5})
    {'size': 5, 'sigma': 2.0}
    """
    spec = get(name)
    params = dict(params or {})
    out = spec.defaults()
    for key, value in params.items():
        out[key] = spec.param(key).validate(value, kernel=spec.name)
    for key in spec.follows:
        if key not in params:
            out[key] = spec.follow(key, out)
    return out


def coerce_params(name: str, raw: Mapping[str, str]) -> dict:
    """Convert text values (CLI ``k=v``, URL query) to typed, validated parameters.

    Examples
    --------
    >>> coerce_params("gaussian", {"size": "7", "sigma": "1.5"})
    {'size': 7, 'sigma': 1.5}
    """
    spec = get(name)
    typed = {}
    for key, text in raw.items():
        p = spec.param(key)
        typed[key] = p.parse(text, kernel=spec.name) if isinstance(text, str) else text
    return validate_params(name, typed)


@lru_cache(maxsize=512)
def _build(name: str, items: tuple) -> np.ndarray:
    h = np.asarray(BUILDERS[name](**dict(items)), dtype=np.float64)
    h.setflags(write=False)
    return h


def make(name: str, **params) -> np.ndarray:
    """Build catalogue kernel ``name`` as a float64 2-D array.

    Parameters
    ----------
    name : str
        A name from :func:`catalog` (e.g. ``"gaussian"``).
    **params
        Kernel parameters; missing ones take their defaults (see :func:`defaults`).

    Returns
    -------
    numpy.ndarray
        A fresh, writeable float64 array, at most ``MAX_KERNEL_SIDE`` per side.

    Raises
    ------
    KernelError
        Unknown kernel (with suggestions) or parameter, wrong type, value out of range.

    Examples
    --------
    >>> make("box", size=3).sum()
    np.float64(1.0)
    >>> make("laplacian", alpha=0)
    array([[ 0.,  1.,  0.],
           [ 1., -4.,  1.],
           [ 0.,  1.,  0.]])
    """
    full = validate_params(name, params)
    spec = get(name)
    return _build(spec.name, tuple(sorted(full.items()))).copy()
