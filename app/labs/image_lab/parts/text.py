"""What the Image Lab writes under its panels, in the reader's language (pure: no Streamlit).

Every number goes through :mod:`app.ui.format`, so a value reads the same here as on the other
pages, in the export and on the command line.
"""

from __future__ import annotations

import numpy as np

import kernels
from app.backend import kernel_facts
from app.labs.image_lab.pipeline import OutputDisplay, TheoremCheck
from app.ui.format import count, number, percent
from app.ui.image_picker import PickedImage
from app.ui.strings import t
from app.ui.strings.glossary import term
from kernels.bands import measured_band


def explained(key: str, lang: str, extra: str = "", **values: object) -> str:
    """A panel's explanation (``key``, formatted with ``values``) followed by ``extra`` (sizes, ranges).

    Examples
    --------
    >>> explained("il.panel.h_cap", "en", "White = gain 8.")
    'Bright = passed, dark = removed. White = gain 8.'
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
    return t("il.panel.kernel_info", lang, kh=kh, kw=kw, total=number(float(kernel.sum()))) + overshoot_note(kernel, lang)


def overshoot_note(kernel, lang: str) -> str:
    """For a low-pass whose |H| rises above its zero-frequency gain (a truncated sinc): by how much,
    computed for these taps — the Gibbs overshoot behind the ringing; "" for any other kernel.

    Examples
    --------
    >>> overshoot_note(kernels.make("sinc", size=21), "en")
    ' |H| rises 8.33 % above its gain at 0 (4.08 % along an axis): the Gibbs overshoot of these 21×21 taps, seen as ringing beside edges.'
    >>> overshoot_note(kernels.make("gaussian"), "en")
    ''
    """
    peak = kernel_facts.response_peak(kernel)
    if peak.dc <= 0 or peak.gain <= peak.dc * (1 + 1e-6) or measured_band(kernel) != "low":
        return ""
    kh, kw = kernel.shape
    return " " + t("il.panel.overshoot", lang, pct=percent(peak.gain / peak.dc - 1, 2),
                   axis=percent(peak.axis_gain / peak.dc - 1, 2), kh=kh, kw=kw)


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


def scale_note(shared: bool, db: int, white: float, lang: str, saturated: tuple[int, int] = (0, 1)) -> str:
    """How the spectra are scaled, with the gain H draws white (:func:`app.labs.image_lab.pipeline.response_white`)
    and the share of F·H above F's white point (:func:`app.labs.image_lab.pipeline.output_saturation`).

    Examples
    --------
    >>> scale_note(True, 80, 8.0, "en").split(";")[2].split(".")[0]
    ' in H white = gain 8'
    >>> scale_note(True, 80, 9.0, "en", (1, 331776)).split(". ")[1]
    'F·H exceeds that white point at 1 of 331,776 frequencies (where |H| > 1): they are drawn white'
    """
    key = "il.spectra.scale_shared" if shared else "il.spectra.scale_own"
    note = t(key, lang, db=db, white=number(white, 3))
    if saturated[0] > 0:
        note += " " + t("il.spectra.saturated", lang, n=count(saturated[0]), total=count(saturated[1]))
    return note + " " + t("il.spectra.axes", lang)


def white_note(white: float, lang: str) -> str:
    """The H panel's note: the gain drawn white."""
    return t("il.panel.h_white", lang, white=number(white, 3))


def radial_heading(family: str, hf_ratio: float, lang: str) -> str:
    """The radial chart's heading: the kernel's family, and what share of high frequencies it keeps.

    Examples
    --------
    >>> radial_heading("low-pass", 0.031, "en")
    'Radial profile — Low-pass (blur) · High frequencies kept: 3.1 %'
    """
    kept = t("il.hf.label", lang) + ": " + percent(hf_ratio)
    return f"{t('il.radial.title', lang, family=kernels.FAMILY_LABELS[family][lang])} · {kept}"


def radial_labels(kernel: np.ndarray, lang: str) -> dict[str, str]:
    """Legend, axis titles and band note of the radial chart; the band and its numbers measured
    from the live kernel's response.

    Examples
    --------
    >>> radial_labels(kernels.make("line"), "en")["band"]
    'This kernel passes high frequencies: |H| is largest at 0.5 cycles/pixel (gain 12); at 0 the gain is 0.'
    """
    band = kernels.BAND_LABELS[measured_band(kernel)][lang]
    peak = kernel_facts.response_peak(kernel)
    note = t("il.radial.band", lang, band=band, f=number(peak.frequency, 3), gain=number(peak.gain, 3), dc=number(peak.dc, 3))
    return {
        "image": t("il.radial.image", lang), "response": t("il.radial.h", lang), "output": t("il.radial.output", lang),
        "x": t("il.radial.x", lang), "y": t("il.radial.y", lang), "band": note,
    }


def operation_notes(kernel: np.ndarray, correlate: bool, lang: str) -> list[str]:
    """What the operation does to this kernel: whether convolution and correlation differ, and,
    when they do, which edge direction the kernel answers under the current operation.

    Examples
    --------
    >>> operation_notes(kernels.make("kirsch", direction="n"), False, "en")[1]
    'Under convolution (the kernel turned by 180°) the largest output (**15**) comes from an edge brighter towards **south (S)**; an edge brighter towards north (N) gives -9.'
    """
    if kernel_facts.turn_symmetric(kernel):
        return [t("il.turn.same", lang)]
    responses = kernel_facts.compass_responses(kernel, correlate=correlate)
    side, best = kernel_facts.strongest_side(kernel, correlate=correlate)
    opposite = kernel_facts.COMPASS[(kernel_facts.COMPASS.index(side) + 4) % 8]
    compass = t("il.compass", lang, op=t("il.op.correlate" if correlate else "il.op.convolve", lang),
                best=number(best, 3), side=term(f"side.{side}", lang), opposite=term(f"side.{opposite}", lang),
                opp=number(responses[opposite], 3))
    return [t("il.turn.differs", lang), compass]


def theorem_note(check: TheoremCheck, grid: tuple[int, int], lang: str) -> str:
    method = t("il.theorem.method", lang, n1=grid[0], n2=grid[1])
    where = t("il.theorem.all" if check.full else "il.theorem.sampled", lang, n=check.pixels)
    return t("il.theorem.result2", lang, err=f"{check.error:.1e}", method=method, where=where)
