"""URL fields of the teaching tools and the compact kernel text that travels in a link.

Pure (no Streamlit calls): the Image Lab's schema (:mod:`app.labs.image_lab.schema`) merges
:data:`FIELDS`.  A custom kernel travels in the link when it is at most
:data:`LINK_MAX_SIDE` × :data:`LINK_MAX_SIDE`, written compactly (``"1,2,1;2,4,2;1,2,1"``:
rows by ``;``, values by ``,``, shortest exact float text), or as a recipe
(``"ideal:0.2:31"``: the ideal low-pass of cutoff 0.2 × Nyquist cropped to 31×31, used by
a lesson).  Anything else in the query string is rejected by :func:`parse_kernel_text`
(never evaluated).
"""

from __future__ import annotations

import re

import numpy as np

from app.ui import state

__all__ = [
    "LINK_MAX_SIDE",
    "MAX_TEXT",
    "KERNEL_SOURCES",
    "FIELDS",
    "format_kernel_text",
    "parse_kernel_text",
    "kernel_from_text",
    "ideal_lowpass",
]

#: Largest side of a custom kernel written into a link.
LINK_MAX_SIDE: int = 7
#: Longest accepted kernel text in a link.
MAX_TEXT: int = 1500
#: Where the Image Lab's kernel comes from: the catalogue picker or the custom slot.
KERNEL_SOURCES: tuple[str, ...] = ("catalog", "custom")

_NUMBER = r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d{1,3})?"
_ROW = rf"{_NUMBER}(?:,{_NUMBER}){{0,{LINK_MAX_SIDE - 1}}}"
_LITERAL = re.compile(rf"^{_ROW}(?:;{_ROW}){{0,{LINK_MAX_SIDE - 1}}}$")
_RECIPE = re.compile(r"^ideal:(0?\.\d{1,4}|1(?:\.0{1,4})?):(\d{1,2})$")


def _num(v: float) -> str:
    v = float(v)
    if v == 0.0:
        return "0"
    if v.is_integer() and abs(v) < 1e15:
        return str(int(v))
    return repr(v)


def format_kernel_text(kernel: np.ndarray) -> str:
    """Compact exact text of a kernel (≤ 7×7), or ``""`` when it is too big for a link.

    Examples
    --------
    >>> format_kernel_text(np.array([[1.0, 2.0, 1.0], [0.0, -0.5, 0.0]]))
    '1,2,1;0,-0.5,0'
    >>> format_kernel_text(np.ones((9, 9)))
    ''
    """
    k = np.asarray(kernel, dtype=np.float64)
    if k.ndim != 2 or k.size == 0 or max(k.shape) > LINK_MAX_SIDE or not np.isfinite(k).all():
        return ""
    return ";".join(",".join(_num(v) for v in row) for row in k)


def ideal_lowpass(cutoff: float, size: int) -> np.ndarray:
    """Spatial kernel of the ideal (brick-wall) low-pass: a jinc (the circular cut-off's kernel,
    ``J1(2π fc r) / r``), cropped to ``size``.

    ``cutoff`` is a fraction of Nyquist (0..1]; built on a 128×128 grid with
    :func:`kernels.frequency.ideal` and :func:`kernels.frequency.implied_kernel`; the
    cropped kernel is scaled to sum 1 (flat areas keep their brightness).
    """
    from kernels import frequency

    size = int(size)
    if size % 2 == 0:
        size += 1
    mask = frequency.ideal((128, 128), float(cutoff), "low")
    k = frequency.implied_kernel(mask, size=size)
    return k / k.sum()


def parse_kernel_text(text: str) -> str:
    """Validate a kernel text from a link; returns it unchanged or raises ``ValueError``.

    Only the compact literal (≤ 7×7, rectangular, finite numbers) and the ``ideal:c:n``
    recipe (0 < c ≤ 1, 3 ≤ n ≤ 31) pass.
    """
    if not isinstance(text, str) or len(text) > MAX_TEXT:
        raise ValueError("kernel text too long")
    if text == "":
        return ""
    m = _RECIPE.match(text)
    if m:
        c, n = float(m.group(1)), int(m.group(2))
        if not (0 < c <= 1 and 3 <= n <= 31):
            raise ValueError("recipe out of range")
        return text
    if not _LITERAL.match(text):
        raise ValueError("not a kernel")
    rows = [r.split(",") for r in text.split(";")]
    if len({len(r) for r in rows}) != 1:
        raise ValueError("ragged kernel")
    values = np.array([[float(v) for v in r] for r in rows])
    if not np.isfinite(values).all():
        raise ValueError("not finite")
    return text


def kernel_from_text(text: str) -> np.ndarray | None:
    """The kernel a (validated) text stands for; ``None`` for ``""``."""
    text = parse_kernel_text(text)
    if text == "":
        return None
    m = _RECIPE.match(text)
    if m:
        return ideal_lowpass(float(m.group(1)), int(m.group(2)))
    return np.array([[float(v) for v in r.split(",")] for r in text.split(";")], dtype=np.float64)


#: Fields merged into the Image Lab's URL schema.
FIELDS: dict[str, state.Field] = {
    "il_ksrc": state.Field("choice", "catalog", choices=KERNEL_SOURCES),
    "il_kedit": state.Field("custom", "", parse=parse_kernel_text, format=str),
}
