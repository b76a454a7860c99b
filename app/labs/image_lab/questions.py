"""Predict, then reveal, for the Image Lab's lessons: one question per lesson, answered by the run.

Each lesson's question (a :class:`app.ui.predict.Question`) takes its *facts* from a
small measurement of the live :class:`app.labs.image_lab.pipeline.LabRun` (the output's range, the
kernel's gain in a frequency band, where two boundaries differ, ...), so the right choice
follows the computation: change the lesson's setting and it changes with it.

The measurements are pure functions of arrays (tested without a page); :func:`facts_for` picks
what a lesson measures from a run.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

import kernels
from app.backend.kernel_facts import turn_symmetric
from app.labs.image_lab.pipeline import wrap_difference
from app.ui import predict
from app.ui.format import number, percent
from app.ui.measures import TINY, band_means, dominant, level
from app.ui.strings import t

__all__ = ["QUESTIONS", "LessonQuestion", "axis_gains", "band_gains", "border_shift", "difference_sides",
           "facts_for", "lesson_fields", "lesson_text", "odd_share", "overshoot"]

GAIN_GRID = 64  # the kernel's |H| is sampled on a 64 × 64 frequency grid (padded FFT)


def _gain(kernel: np.ndarray) -> np.ndarray:
    """|H| of ``kernel`` on a padded grid (at least :data:`GAIN_GRID` and twice the kernel), DC at [0, 0]."""
    n = max(GAIN_GRID, 2 * max(kernel.shape))
    return np.abs(np.fft.fft2(kernel, (n, n)))


def band_gains(kernel: np.ndarray) -> dict[str, float]:
    """Mean |H| in the centre and in the fine-detail band (:func:`.measures.band_means`).

    Examples
    --------
    >>> g = band_gains(np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]], float))
    >>> g["low"] < 1 < g["high"]
    True
    """
    return band_means(_gain(kernel), centred=False)


def axis_gains(kernel: np.ndarray) -> dict[str, float]:
    """Mean |H| along the horizontal (``fx``) and the vertical (``fy``) frequency axes, DC left out.

    Examples
    --------
    >>> g = axis_gains(np.array([[1, 0, -1], [2, 0, -2], [1, 0, -1]], float))  # Sobel x
    >>> g["fx"] > 1, g["fy"] < 1e-9
    (True, True)
    """
    gain = _gain(kernel)
    return {"fx": float(gain[0, 1:].mean()), "fy": float(gain[1:, 0].mean())}


def overshoot(output: np.ndarray) -> dict[str, float]:
    """The output's smallest and largest values and the shares of pixels below 0 and above 1."""
    return {"lo": float(output.min()), "hi": float(output.max()),
            "below": float(np.mean(output < -TINY)), "above": float(np.mean(output > 1 + TINY))}


def _band(side: int, reach: int) -> int:
    """Rows (or columns) of a border band: what the kernel reaches over the edge, within a quarter."""
    return int(np.clip(reach, 1, max(1, side // 4)))


def difference_sides(diff: np.ndarray, reach: int) -> dict[str, float]:
    """Mean |diff| in the top and bottom bands, in the left and right bands, and its peak.

    ``reach`` is the band's width in pixels (e.g. the kernel's half size); colour channels add up.

    Examples
    --------
    >>> d = np.zeros((8, 8)); d[0] = d[-1] = 1.0
    >>> s = difference_sides(d, 2); s["rows"] > s["cols"], s["peak"]
    (True, 1.0)
    """
    mag = np.abs(diff).sum(axis=-1) if diff.ndim == 3 else np.abs(diff)
    by, bx = _band(mag.shape[0], reach), _band(mag.shape[1], reach)
    rows = np.concatenate([mag[:by], mag[-by:]]).mean()
    cols = np.concatenate([mag[:, :bx], mag[:, -bx:]], axis=1).mean()
    return {"rows": float(rows), "cols": float(cols), "peak": float(mag.max())}


def border_shift(image: np.ndarray, output: np.ndarray, reach: int) -> dict[str, float]:
    """Mean brightness of the output's border band minus the input's (``reach`` pixels wide).

    Examples
    --------
    >>> img = np.ones((8, 8)); out = img.copy(); out[0] = 0.0
    >>> border_shift(img, out, 1)["shift"] < 0
    True
    """
    by, bx = _band(image.shape[0], reach), _band(image.shape[1], reach)
    inner = np.zeros(image.shape[:2], bool)
    inner[by:-by, bx:-bx] = True
    return {"shift": float(output[~inner].mean() - image[~inner].mean())}


def odd_share(kernel: np.ndarray) -> dict[str, float]:
    """Share of the kernel's norm in its odd part ``(k − rot180(k)) / 2``: what a 180° flip negates.

    Examples
    --------
    >>> odd_share(np.ones((3, 3)))["odd"], odd_share(np.array([[1.0, 0, -1]]))["odd"]
    (0.0, 1.0)
    """
    norm = float(np.linalg.norm(kernel)) or 1.0
    return {"odd": float(np.linalg.norm(kernel - kernel[::-1, ::-1]) / 2 / norm)}


def _reach(run) -> int:
    return max(run.kernel.shape) // 2


@dataclass(frozen=True)
class LessonQuestion:
    """A lesson's question and the measurement of the run that answers it."""

    question: predict.Question
    measure: Callable[[object], Mapping[str, float]]


def _q(lesson: str, choices: int, fields: Callable[[Mapping[str, float]], Mapping[str, object]],
       answer: Callable[[Mapping[str, float]], int]) -> predict.Question:
    """Question of ``lesson`` with its strings under ``q.lesson.<lesson>.*`` (choices ``.0`` …)."""
    stem = f"q.lesson.{lesson}"
    return predict.Question(key=f"q_lesson_{lesson}", prompt=stem, explain=f"{stem}.why",
                            choices=tuple(f"{stem}.{i}" for i in range(choices)), fields=fields, answer=answer)


def _gains(f: Mapping[str, float]) -> dict[str, str]:
    return {"low": number(f["low"], 3), "high": number(f["high"], 3)}


#: lesson id → its question (keys of :data:`app.labs.image_lab.teaching.lessons.LESSONS`)
QUESTIONS: dict[str, LessonQuestion] = {
    "blur_high": LessonQuestion(
        _q("blur_high", 3, lambda f: {"pct": f"{number(100 * f['ratio'], 2)} %"},
           lambda f: 2 - level(f["ratio"], 0.05, 0.5)),  # most / some / almost none survives
        lambda run: {"ratio": float(run.hf_ratio)},
    ),
    "edges_high": LessonQuestion(
        _q("edges_high", 3, _gains, lambda f: dominant(f["low"], f["high"])),  # centre / outside / even
        lambda run: band_gains(run.kernel),
    ),
    "ideal_vs_gaussian": LessonQuestion(
        _q("ideal_vs_gaussian", 3, lambda f: {"lo": number(f["lo"], 3), "hi": number(f["hi"], 3)},
           lambda f: 2 - (f["below"] > 0) - (f["above"] > 0)),  # both sides / one side / neither
        lambda run: overshoot(run.output),
    ),
    "wrap_artefact": LessonQuestion(
        _q("wrap_artefact", 3, lambda f: {"rows": number(f["rows"], 3), "cols": number(f["cols"], 3)},
           lambda f: 2 if f["peak"] < 1e-6 else int(f["cols"] > f["rows"])),  # top+bottom / sides / nowhere
        lambda run: difference_sides(wrap_difference(run)[0], _reach(run)),
    ),
    "zero_border": LessonQuestion(
        _q("zero_border", 3, lambda f: {"shift": number(f["shift"], 3)},
           lambda f: level(f["shift"], -0.02, 0.02)),  # darker / about the same / brighter
        lambda run: border_shift(run.image.image, run.output, _reach(run)),
    ),
    "conv_vs_corr": LessonQuestion(  # same output exactly when a 180° turn changes nothing (odd sides)
        _q("conv_vs_corr", 3, lambda f: {"pct": percent(f["odd"])}, lambda f: 0 if f["same"] else 1),
        lambda run: {**odd_share(run.kernel), "same": turn_symmetric(run.kernel)},
    ),
    "direction": LessonQuestion(
        _q("direction", 3, lambda f: {"fx": number(f["fx"], 3), "fy": number(f["fy"], 3)},
           lambda f: dominant(f["fx"], f["fy"])),  # left–right spokes / up–down spokes / none fade
        lambda run: axis_gains(run.kernel),
    ),
    "sharpen": LessonQuestion(
        _q("sharpen", 3, _gains, lambda f: level(f["high"], 0.95, 1.05)),  # weakened / kept / boosted
        lambda run: band_gains(run.kernel),
    ),
}


def facts_for(lesson: str, run) -> Mapping[str, float]:
    """What ``lesson``'s question measures in this run of the Image Lab."""
    return QUESTIONS[lesson].measure(run)


def lesson_fields(lesson_id: str) -> dict[str, str]:
    """The numbers a lesson's text states, computed from the lesson's own settings.

    Examples
    --------
    >>> lesson_fields("sharpen")["alpha"], lesson_fields("blur_high")
    ('0.8', {})
    """
    if lesson_id != "sharpen":
        return {}
    # imported here: the teaching package imports this module (its kernel source grades lessons)
    from app.labs.image_lab.teaching.lessons import LESSONS

    alpha = float(LESSONS["sharpen"]["il_unsharp_alpha"])

    def high(a: float) -> str:
        return number(band_gains(kernels.make("unsharp", alpha=a))["high"], 3)

    return {"alpha": number(alpha, 3), "now": high(alpha), "a0": high(0.0), "a1": high(1.0)}


def lesson_text(lesson_id: str, lang: str) -> str:
    """A lesson's explanation with the numbers it states (:func:`lesson_fields`) filled in."""
    return t(f"teach.lesson.{lesson_id}.text", lang, **lesson_fields(lesson_id))
