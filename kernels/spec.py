"""Metadata types of the kernel catalogue: :class:`Param`, :class:`ChoiceParam`, :class:`KernelSpec`,
:class:`KernelError`.

The catalogue itself lives in :mod:`kernels.spatial`, the band names in :mod:`kernels.bands`
and the frequency-domain masks in :mod:`kernels.frequency`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from numbers import Real
from typing import ClassVar

from . import bands
from .numbers import format_number

__all__ = [
    "FAMILIES",
    "FAMILY_LABELS",
    "MAX_KERNEL_SIDE",
    "KernelError",
    "Param",
    "ChoiceParam",
    "KernelSpec",
]

#: Largest kernel side (rows or columns) accepted anywhere in the interactive path.
MAX_KERNEL_SIDE: int = 63

#: Kernel families, in the order the pages list them.
FAMILIES: tuple[str, ...] = ("low-pass", "high-pass", "band-pass", "directional", "other")

#: Human labels of the families (English / Chinese classroom wording).
FAMILY_LABELS: dict[str, dict[str, str]] = {
    "low-pass": {"en": "Low-pass (blur)", "zh": "低通（模糊）"},
    "high-pass": {"en": "High-pass (edges, sharpening)", "zh": "高通（边缘、锐化）"},
    "band-pass": {"en": "Band-pass", "zh": "带通"},
    "directional": {"en": "Directional (oriented edges)", "zh": "方向性（定向边缘）"},
    "other": {"en": "Other", "zh": "其他"},
}

class KernelError(ValueError):
    """A kernel could not be built or read: one short, friendly English line, a ``code`` and the
    ``params`` of its text, so a page can show the same message translated (``app.ui.errors``).

    Examples
    --------
    >>> err = KernelError("The file is empty.", "kernel_file_empty")
    >>> isinstance(err, ValueError), err.code, err.params
    (True, 'kernel_file_empty', {})
    """

    def __init__(self, message: str, code: str = "", **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Param:
    """One numeric parameter of a kernel (becomes a slider).

    Also the parameter type of the Signal Lab's signals (``app.backend.signals.SignalParam``
    is a subclass that only changes :attr:`error`).

    Parameters
    ----------
    name : str
        Keyword used by :func:`kernels.make`.
    kind : {"int", "float"}
        Value type.
    min, max : float
        Inclusive range.
    step : float
        Slider step. For ``"int"`` parameters the step is enforced
        (``min=3, step=2`` means odd numbers only); for ``"float"`` it is only a slider hint.
    default : float
        Default value (inside the range).
    label : dict
        ``{"en": ..., "zh": ...}`` slider label.
    unit : str, optional
        Display unit such as ``"°"`` or ``"px"`` (empty if none).
    """

    #: Exception class raised by :meth:`validate` (a subclass may use its own ``ValueError``).
    error: ClassVar[type[ValueError]] = KernelError

    name: str
    kind: str
    min: float
    max: float
    step: float
    default: float
    label: dict = field(default_factory=dict, compare=False)
    unit: str = ""

    def __post_init__(self) -> None:  # catalogue sanity, checked once at import
        what = f"{type(self).__name__} {self.name}"
        if self.kind not in ("int", "float"):
            raise ValueError(f"{what}: kind must be 'int' or 'float'")
        if not (self.min <= self.default <= self.max):
            raise ValueError(f"{what}: default outside range")
        if self.kind == "int" and (self.default - self.min) % self.step:
            raise ValueError(f"{what}: default not on the step grid")

    def __hash__(self) -> int:
        return hash((self.name, self.kind, self.min, self.max, self.step, self.default, self.unit))

    @property
    def odd_only(self) -> bool:
        """True for integer parameters that take only odd values (kernel sizes)."""
        return self.kind == "int" and self.step == 2 and self.min % 2 == 1

    def range_text(self) -> str:
        """Human description of the allowed values, e.g. ``'an odd whole number from 3 to 63'``."""
        lo, hi = format_number(self.min), format_number(self.max)
        if self.odd_only:
            return f"an odd whole number from {lo} to {hi}"
        if self.kind == "int" and self.step != 1:
            return f"a whole number from {lo} to {hi} in steps of {format_number(self.step)}"
        if self.kind == "int":
            return f"a whole number from {lo} to {hi}"
        return f"a number from {lo} to {hi}"

    def clip(self, value: float) -> int | float:
        """The allowed value nearest to ``value``: clipped to the range, on the step grid for ints.

        Examples
        --------
        >>> Param("size", "int", 3, 63, 2, 5, {"en": "Size", "zh": "尺寸"}).clip(121)
        63
        """
        v = min(max(float(value), float(self.min)), float(self.max))
        if self.kind == "float":
            return v
        lo, step = int(self.min), int(self.step)
        return lo + int(round((v - lo) / step)) * step

    def validate(self, value: object, *, kernel: str = "") -> int | float:
        """Return ``value`` as ``int``/``float`` if allowed, else raise :attr:`error`.

        Integral floats (``5.0``) are accepted for ``"int"`` parameters; booleans,
        strings and non-finite numbers are not. ``kernel`` (the name of the kernel or
        signal the parameter belongs to) prefixes the message when given; the error is
        :class:`KernelError` unless a subclass sets :attr:`error`.

        Examples
        --------
        >>> p = Param("size", "int", 3, 63, 2, 5, {"en": "Size", "zh": "尺寸"})
        >>> p.validate(7.0)
        7
        """
        where = f"{kernel}: " if kernel else ""
        if isinstance(value, bool) or not isinstance(value, Real):
            raise self.error(
                f"{where}{self.name} must be {self.range_text()} (got {value!r})."
            )
        v = float(value)
        if not math.isfinite(v):
            raise self.error(f"{where}{self.name} must be {self.range_text()} (got {value!r}).")
        if self.kind == "int":
            if not v.is_integer():
                raise self.error(f"{where}{self.name} must be {self.range_text()} (got {format_number(v)}).")
            iv = int(v)
            if iv < self.min or iv > self.max or (iv - self.min) % self.step:
                raise self.error(f"{where}{self.name} must be {self.range_text()} (got {iv}).")
            return iv
        # float: allow a tiny tolerance at the ends (slider arithmetic)
        tol = 1e-9 * max(1.0, abs(self.max - self.min))
        if v < self.min - tol or v > self.max + tol:
            raise self.error(f"{where}{self.name} must be {self.range_text()} (got {format_number(v)}).")
        return min(max(v, float(self.min)), float(self.max))

    def parse(self, text: str, *, kernel: str = "") -> float:
        """The number written in ``text`` (CLI ``k=v``, URL query); :meth:`validate` checks it.

        Examples
        --------
        >>> Param("sigma", "float", 0.1, 20, 0.1, 1.0, {"en": "σ", "zh": "σ"}).parse(" 1.5")
        1.5
        """
        try:
            return float(text.strip())
        except ValueError:
            where = f"{kernel}: " if kernel else ""
            raise self.error(f"{where}{self.name} must be {self.range_text()} (got {text!r}).") from None


@dataclass(frozen=True)
class ChoiceParam:
    """One parameter that takes one of a few named values (becomes a select box).

    Same interface as :class:`Param` (``name``, ``kind``, ``default``, ``label``,
    :meth:`validate`, :meth:`parse`, :meth:`range_text`); values are the option keys (short
    ASCII text that travels in links and on the command line).

    Parameters
    ----------
    name : str
        Keyword used by :func:`kernels.make`.
    options : tuple of str
        Allowed values, in the order the select box lists them.
    default : str
        One of ``options``.
    label : dict
        ``{"en": ..., "zh": ...}`` select-box label.
    option_labels : dict
        ``{option: {"en": ..., "zh": ...}}`` for every option.

    Examples
    --------
    >>> p = ChoiceParam("window", ("rectangular", "hann"), "hann", {"en": "Window", "zh": "窗函数"},
    ...                 {"rectangular": {"en": "Rectangular", "zh": "矩形"}, "hann": {"en": "Hann", "zh": "汉宁"}})
    >>> p.validate(" Hann "), p.option_label("hann", "zh")
    ('hann', '汉宁')
    """

    error: ClassVar[type[ValueError]] = KernelError
    kind: ClassVar[str] = "choice"

    name: str
    options: tuple
    default: str
    label: dict = field(default_factory=dict, compare=False)
    option_labels: dict = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:  # catalogue sanity, checked once at import
        what = f"ChoiceParam {self.name}"
        if not self.options or len(set(self.options)) != len(self.options):
            raise ValueError(f"{what}: options must be distinct and not empty")
        if not all(isinstance(o, str) and o == o.strip().lower() and o for o in self.options):
            raise ValueError(f"{what}: options must be lower-case text without spaces at the ends")
        if self.default not in self.options:
            raise ValueError(f"{what}: default not among the options")
        if set(self.option_labels) != set(self.options) or any(
                set(d) != {"en", "zh"} for d in self.option_labels.values()):
            raise ValueError(f"{what}: every option needs exactly 'en' and 'zh' labels")

    def __hash__(self) -> int:
        return hash((self.name, self.options, self.default))

    def range_text(self) -> str:
        """Human description of the allowed values, e.g. ``'one of: rectangular, hann'``."""
        return "one of: " + ", ".join(self.options)

    def option_label(self, option: str, lang: str = "en") -> str:
        """The label of ``option`` in ``lang`` (English if ``lang`` is unknown)."""
        labels = self.option_labels[option]
        return labels.get(lang, labels["en"])

    def validate(self, value: object, *, kernel: str = "") -> str:
        """Return ``value`` as its option key if it is one (case and outer spaces ignored), else
        raise :attr:`error` naming the options."""
        key = value.strip().lower() if isinstance(value, str) else None
        if key not in self.options:
            where = f"{kernel}: " if kernel else ""
            raise self.error(f"{where}{self.name} must be {self.range_text()} (got {value!r}).")
        return key

    def parse(self, text: str, *, kernel: str = "") -> str:
        """Text values are option keys already; :meth:`validate` checks them."""
        return text


@dataclass(frozen=True)
class KernelSpec:
    """Description of one catalogue kernel.

    Attributes
    ----------
    name : str
        Catalogue key, e.g. ``"gaussian"``.
    family : str
        One of :data:`FAMILIES`.
    params : tuple of Param or ChoiceParam
        Parameters in slider order (may be empty).
    label, description : dict
        ``{"en": ..., "zh": ...}``; the description is one classroom sentence.
    band : str
        What the frequency response does, one of :data:`BANDS`.
    follows : dict
        Parameters whose default follows the others: ``{name: rule}`` where ``rule`` maps the
        dict of the other (given or default) values to a number, clipped onto the parameter's
        range and grid.  E.g. a Gaussian's size follows sigma (``2⌈3σ⌉ + 1``) unless given.
        Each such parameter's :attr:`Param.default` must equal its rule at the defaults.
    """

    name: str
    family: str
    params: tuple = ()
    label: dict = field(default_factory=dict, compare=False)
    description: dict = field(default_factory=dict, compare=False)
    band: str = "low"
    follows: Mapping[str, Callable[[Mapping[str, float]], float]] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if self.family not in FAMILIES:
            raise ValueError(f"KernelSpec {self.name}: unknown family {self.family!r}")
        if self.band not in bands.BANDS:
            raise ValueError(f"KernelSpec {self.name}: unknown band {self.band!r}")
        for d in (self.label, self.description):
            if set(d) != {"en", "zh"}:
                raise ValueError(f"KernelSpec {self.name}: labels need exactly 'en' and 'zh'")
        defaults = self.defaults()
        for key in self.follows:
            if self.param(key).default != self.follow(key, defaults):
                raise ValueError(f"KernelSpec {self.name}: default of {key} does not follow its rule")

    def __hash__(self) -> int:
        return hash((self.name, self.family, self.params, self.band))

    def param(self, name: str) -> Param | ChoiceParam:
        """The parameter called ``name`` (:class:`KernelError` if there is none)."""
        for p in self.params:
            if p.name == name:
                return p
        raise KernelError(self._no_param_message(name))

    def defaults(self) -> dict:
        """Default parameter values, ``{name: value}``."""
        return {p.name: p.validate(p.default) for p in self.params}

    def follow(self, name: str, values: Mapping[str, float]) -> int | float:
        """The value of parameter ``name`` that follows ``values`` of the others (see ``follows``).

        Examples
        --------
        >>> import kernels
        >>> kernels.get("gaussian").follow("size", {"sigma": 3.0})
        19
        """
        return self.param(name).clip(self.follows[name](values))

    def _no_param_message(self, name: str) -> str:
        if not self.params:
            return f"{self.name} takes no parameters (got {name!r})."
        names = ", ".join(p.name for p in self.params)
        return f"{self.name} has no parameter {name!r}; its parameters are: {names}."
