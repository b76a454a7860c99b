"""What the Image Lab writes under its panels, in the reader's language (pure: no Streamlit).

Every number goes through :mod:`app.ui.format`, so a value reads the same here as on the other
pages, in the export and on the command line.
"""

from __future__ import annotations

import kernels
from app.ui.format import number, percent
from app.ui.image_lab_run import OutputDisplay, TheoremCheck
from app.ui.strings import t
from app.ui.widgets import PickedImage


def explained(key: str, lang: str, extra: str = "", **values: object) -> str:
    """A panel's explanation (``key``, formatted with ``values``) followed by ``extra`` (sizes, ranges).

    Examples
    --------
    >>> explained("il.panel.h_cap", "en", "(gain 1 = white)")
    'Bright = passed, dark = removed. (gain 1 = white)'
    >>> explained("il.wrap.diff_cap", "en", peak="0.405").startswith("Largest difference 0.405")
    True
    """
    return t(key, lang, **values) + (" " + extra if extra else "")


def input_note(picked: PickedImage, working_size: int, lang: str) -> str:
    """The input's size, and where it was downscaled from."""
    h, w = picked.image.shape[:2]
    if picked.resized:
        oh, ow = picked.original_shape[:2]
        return t("il.pick.resized", lang, ow=ow, oh=oh, w=w, h=h, size=working_size)
    return t("il.panel.size", lang, w=w, h=h)


def kernel_note(kernel, lang: str) -> str:
    """Taps and the sum of the weights (a Laplacian's 1.7e-16 reads as 0).

    Examples
    --------
    >>> import numpy as np
    >>> kernel_note(np.array([[0.0, 1, 0], [1, -4, 1], [0, 1, 0]]), "en")
    '3×3 taps, sum = 0.'
    """
    kh, kw = kernel.shape
    return t("il.panel.kernel_info", lang, kh=kh, kw=kw, total=number(float(kernel.sum())))


def output_note(od: OutputDisplay, lang: str) -> str:
    """The output's value range and how it is shown (never a silent clip)."""
    note = t("il.out.range", lang, lo=number(od.lo, 3), hi=number(od.hi, 3)) + " " + t(f"il.out.mode.{od.mode}", lang)
    if od.mode == "diverging":
        note += " " + t("il.out.saturate", lang, lim=number(od.limit, 3), pct=f"{100 * od.clipped_fraction:.1f}")
    return note


def kernel_caption(name: str, params: dict, lang: str) -> str:
    """The kernel and its parameters in a few words, for the back row ("Gaussian blur · Size 15 · Sigma σ 3").

    Examples
    --------
    >>> kernel_caption("gaussian", {"size": 15, "sigma": 3.0}, "en")
    'Gaussian blur · Size 15 · Sigma σ 3'
    >>> kernel_caption("gaussian", {"size": 15, "sigma": 3.0}, "zh")
    '高斯模糊 · 尺寸 15 · σ 3'
    """
    spec = kernels.get(name)
    parts = [spec.label[lang]]
    for p in spec.params:
        label = p.label[lang].split("（")[0].split(" (")[0]
        value = params.get(p.name, p.default)
        shown = p.option_label(value, lang) if p.kind == "choice" else number(value, 3)
        parts.append(f"{label} {shown}")
    return " · ".join(parts)


def scale_note(shared: bool, db: int, lang: str) -> str:
    return t("il.spectra.scale_shared" if shared else "il.spectra.scale_own", lang, db=db) + " " + t("il.spectra.axes", lang)


def radial_heading(family: str, hf_ratio: float, lang: str) -> str:
    """The radial chart's heading: the kernel's family, and what share of high frequencies it keeps.

    Examples
    --------
    >>> radial_heading("low-pass", 0.031, "en")
    'Radial profile — Low-pass (blur) · High frequencies kept: 3.1 %'
    """
    kept = t("il.hf.label", lang) + ": " + percent(hf_ratio)
    return f"{t('il.radial.title', lang, family=kernels.FAMILY_LABELS[family][lang])} · {kept}"


def radial_labels(kernel_name: str, lang: str) -> dict[str, str]:
    """Legend, axis titles and band note of the radial chart."""
    band = kernels.BAND_LABELS[kernels.expected_band(kernel_name)][lang]
    return {
        "image": t("il.radial.image", lang), "response": t("il.radial.h", lang), "output": t("il.radial.output", lang),
        "x": t("il.radial.x", lang), "y": t("il.radial.y", lang), "band": t("il.radial.band", lang, band=band),
    }


def theorem_note(check: TheoremCheck, grid: tuple[int, int], lang: str) -> str:
    method = t("il.theorem.method", lang, n1=grid[0], n2=grid[1])
    where = t("il.theorem.all" if check.full else "il.theorem.sampled", lang, n=check.pixels)
    return t("il.theorem.result2", lang, err=f"{check.error:.1e}", method=method, where=where)
