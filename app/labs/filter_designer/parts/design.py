"""The Filter Designer's rules, pure and unit-tested: the mask from the settings (with the last
good parametric mask when a setting is invalid), notch de-duplication, clicks and lassos in
chart units, zoom cropping, how the output is shown, and the words naming a design."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from app.backend import display, mask_kernel
from app.backend import filtering as flt
from app.ui.safe_text import literal
from app.ui.strings import t

RINGING = -0.01  # a negative lobe below this (relative to the peak) is visible ringing
PLAIN_DC = 0.5  # masks keeping at least this much of the mean show the output as a plain image

Notch = tuple[float, float]  # (fy, fx) in cycles/pixel; its mirror is implied
Region = tuple[str, tuple[float, ...], tuple[float, ...]]  # ("remove" | "keep", xs, ys)


@dataclass(frozen=True)
class MaskSpec:
    """The parametric part of a mask (``kind`` ``"none"``: all-pass)."""

    kind: str
    band: str
    lo: float
    hi: float
    order: int

    @classmethod
    def of(cls, s: Any) -> MaskSpec:
        """The mask of settings ``s`` (:data:`.schema.SCHEMA`)."""
        return cls(s.shape, s.band, float(s.lo), float(s.hi), int(s.order))

    @property
    def two_cutoffs(self) -> bool:
        return self.band in ("bandpass", "bandstop")

    @property
    def cutoffs(self) -> tuple[float, ...]:
        """The cutoff radii drawn on the spectrum."""
        if self.kind == "none":
            return ()
        return (self.lo, self.hi) if self.two_cutoffs else (self.lo,)

    def build(self, shape: tuple[int, int]) -> np.ndarray:
        return flt.parametric_mask(shape, self.kind, self.band, low=self.lo, high=self.hi, order=self.order)


def parametric(shape: tuple[int, int], spec: MaskSpec, last_good: MaskSpec | None) -> tuple[np.ndarray, MaskSpec, ValueError | None]:
    """The parametric mask, the spec it was built from, and the error when ``spec`` was invalid.

    An invalid spec (e.g. a band-pass with low ≥ high) falls back to ``last_good``, else to
    all-pass, so the page keeps working while the student fixes the slider.

    Examples
    --------
    >>> bad = MaskSpec("ideal", "bandpass", 0.3, 0.2, 2)
    >>> mask, used, err = parametric((8, 8), bad, None)
    >>> used.kind, bool(mask.all()), err is not None
    ('none', True, True)
    """
    try:
        return spec.build(shape), spec, None
    except ValueError as exc:
        error = exc
    if last_good is not None:
        try:
            return last_good.build(shape), last_good, error
        except ValueError:
            return np.ones(shape), last_good, error
    return np.ones(shape), MaskSpec("none", spec.band, spec.lo, spec.hi, spec.order), error


def mask_error(spec: MaskSpec, error: ValueError, lang: str) -> str:
    """What the page says about an invalid mask."""
    if spec.two_cutoffs and spec.lo >= spec.hi:
        return t("fd.err.band", lang, band=t(f"fd.band.{spec.band}", lang), low=f"{spec.lo:.3f}", high=f"{spec.hi:.3f}")
    return t("fd.err.mask", lang, detail=literal(str(error), limit=300))


def full_mask(
    pmask: np.ndarray, notches: Sequence[Notch], radius: float, profile: str,
    regions: Sequence[Region] = (), paint: np.ndarray | None = None, smooth: float = 0.0,
) -> np.ndarray:
    """Parametric mask × notches × free-hand regions (lassos and brush strokes)."""
    shape = pmask.shape
    mask = pmask * flt.notch_mask(shape, list(notches), radius, profile=profile or "gaussian")
    if not regions and paint is None:
        return mask
    remove = np.zeros(shape, bool) if paint is None else paint.copy()
    keep = np.zeros(shape, bool)
    for mode, xs, ys in regions:
        target = keep if mode == "keep" else remove
        target |= flt.polygon_region(shape, xs, ys)
    return mask * flt.freehand_mask(shape, remove=remove, keep=keep, smooth=smooth)


def same_notch(a: Notch, b: Notch, tol: float) -> bool:
    """Whether ``a`` is ``b`` or its mirror, within ``tol`` cycles/pixel."""
    return (abs(a[0] - b[0]) < tol and abs(a[1] - b[1]) < tol) or (abs(a[0] + b[0]) < tol and abs(a[1] + b[1]) < tol)


def add_notches(notches: Sequence[Notch], new: Iterable[Notch], radius: float) -> tuple[tuple[Notch, ...], int, bool]:
    """``notches`` with the ``new`` ones that are not already there (nor their mirrors, within
    half a notch radius); also how many were added and whether the list ran full.

    Examples
    --------
    >>> add_notches([(0.1, 0.2)], [(-0.1, -0.2), (0.05, 0.0)], 0.01)
    (((0.1, 0.2), (0.05, 0.0)), 1, False)
    """
    out = list(notches)
    tol = max(0.5 * radius, 1e-6)
    added = 0
    for n in new:
        if len(out) >= flt.MAX_NOTCHES:
            return tuple(out), added, True
        if not any(same_notch(n, m, tol) for m in out):
            out.append((float(n[0]), float(n[1])))
            added += 1
    return tuple(out), added, False


def selection(event: Mapping | None, to_cycles) -> tuple[list[tuple[list[float], list[float]]], Notch | None]:
    """Polygons (lassos and boxes) and the clicked point (fy, fx) of a chart selection event;
    ``to_cycles`` turns chart units into cycles/pixel."""
    sel = (event or {}).get("selection") or {}

    def cyc(values) -> list[float]:
        return [float(v) for v in to_cycles(values)]

    polys = [(cyc(p.get("x", [])), cyc(p.get("y", []))) for p in sel.get("lasso") or []]
    for b in sel.get("box") or []:
        (x0, x1), (y0, y1) = cyc(b.get("x", [0, 0])[:2]), cyc(b.get("y", [0, 0])[:2])
        polys.append(([x0, x1, x1, x0], [y0, y0, y1, y1]))
    point = None
    if not polys and sel.get("points"):
        fx, fy = cyc([sel["points"][0]["x"], sel["points"][0]["y"]])
        point = (fy, fx)
    return polys, point


def is_dc(point: Notch, shape: tuple[int, ...]) -> bool:
    """Whether a click lands on the mean (a notch there would remove the image's brightness)."""
    h, w = shape[:2]
    return abs(point[1]) < 1.5 / w and abs(point[0]) < 1.5 / h


def zoom_crop(u8: np.ndarray, zoom: int) -> tuple[np.ndarray, tuple[float, float], tuple[float, float]]:
    """Central part of a centred spectrum image for ``±0.5/zoom`` and its pixel-edge extents
    (rows, columns) in cycles/pixel.

    Examples
    --------
    >>> crop, ye, xe = zoom_crop(np.zeros((8, 8), np.uint8), 2)
    >>> crop.shape, ye
    ((5, 5), (-0.3125, 0.3125))
    """
    r = 0.5 / zoom
    edges, sl = [], []
    for n in u8.shape[:2]:
        c = n // 2
        k = int(np.floor(r * n + 1e-9))
        lo, hi = (0, n - 1) if zoom == 1 else (max(0, c - k), min(n - 1, c + k))
        sl.append(slice(lo, hi + 1))
        edges.append(((lo - c - 0.5) / n, (hi - c + 0.5) / n))
    return np.ascontiguousarray(u8[sl[0], sl[1]]), edges[0], edges[1]


def dc_gain(mask: np.ndarray) -> float:
    """The mask's gain at zero frequency (the centre of a centred mask)."""
    return float(mask[mask.shape[0] // 2, mask.shape[1] // 2])


def output_view(out: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, str | None, dict]:
    """How the filtered output is shown: pixels, the caption's string key (or ``None``) and
    its values. A mask that keeps the mean gives an image (clipped to [0, 1]); one that
    removes it gives a signed output, shown with zero as mid-grey."""
    dc = dc_gain(mask)
    if dc >= PLAIN_DC:
        shown = display.signed_display(out, "clip")
        caption = "fd.panel.output_plain" if shown.clipped_fraction > 0 else None
        return shown.pixels, caption, {"pct": f"{100 * shown.clipped_fraction:.2f}"}
    return display.signed_display(out, "offset", signed=True).pixels, "fd.panel.output_signed", {"dc": f"{dc:.2f}"}


def removed_view(removed: np.ndarray, palette: str = "standard") -> tuple[np.ndarray, float]:
    """The removed part (input − output), diverging around zero in ``palette``'s colours, and its peak."""
    peak = float(np.abs(removed).max())
    # at least one grey level: round-off (~1e-16) must not be stretched into visible noise
    shown = display.signed_display(removed, "diverging", limit=max(peak, 1.0 / 255), palette=palette, signed=True)
    return shown.pixels, peak


def response_row(notches: Sequence[Notch], spec: MaskSpec, regions: Sequence[Region]) -> float:
    """The row (fy) whose frequency response is plotted: through the first notch when the
    design is only notches, else through the centre."""
    return notches[0][0] if notches and spec.kind == "none" and not regions else 0.0


def rings(report: mask_kernel.KernelReport) -> bool:
    """Whether the implied kernel's negative lobe is deep enough to see as ringing."""
    return report.negative_lobe < RINGING


def describe(spec: MaskSpec, n_notch: int, free_hand: bool, lang: str) -> str:
    """A short name of a design (the kernel's name in the Image Lab).

    Examples
    --------
    >>> describe(MaskSpec("butterworth", "lowpass", 0.1, 0.25, 2), 2, False, "en")
    'Butterworth n=2 Low-pass 0.100 + 2 notch pair(s)'
    """
    parts = []
    if spec.kind != "none":
        cut = f"{spec.lo:.3f}–{spec.hi:.3f}" if spec.two_cutoffs else f"{spec.lo:.3f}"
        label = t(f"fd.shape.{spec.kind}", lang) + (f" n={spec.order}" if spec.kind == "butterworth" else "")
        parts.append(f"{label} {t(f'fd.band.{spec.band}', lang)} {cut}")
    if n_notch:
        parts.append(t("fd.kernel.name_notches", lang, n=n_notch))
    if free_hand:
        parts.append(t("fd.kernel.name_free", lang))
    return " + ".join(parts) or t("fd.kernel.name_allpass", lang)


def period(notch: Notch) -> str:
    """The period (pixels) of a notch's tone, ``∞`` at DC."""
    f = float(np.hypot(notch[0], notch[1]))
    return f"{1 / f:.1f}" if f > 0 else "∞"
