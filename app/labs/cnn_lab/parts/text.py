"""Words and tables of the CNN Lab: kernel names, shapes, the shapes strip, the weights table."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

import kernels
from app.backend import cnn as L
from app.ui.format import count, percent
from app.ui.strings import t


def shape(maps: np.ndarray, lang: str) -> str:
    """``H × W × C`` of a stage's maps."""
    h, w, c = L.stage_shape(maps)
    return t("cnn.shape", lang, h=h, w=w, c=c)


def kernel_name(bank: L.KernelBank, i: int, lang: str, *, short: bool = False) -> str:
    """The name of kernel ``i`` of ``bank`` with its tag (``short`` drops the explanation in brackets).

    Examples
    --------
    >>> kernel_name(L.c1_bank("edges"), 0, "en", short=True)
    'Sobel x'
    """
    name, tag = bank.names[i], bank.tags[i]
    if name == "random":
        label = t("cnn.random", lang)
    else:
        label = kernels.get(name).label[lang]
        if short:  # "Sobel y (horizontal edges)" -> "Sobel y"
            label = label.split(" (")[0].split("（")[0]
    if tag == "Σ":
        return f"Σ {label}"
    return f"{label} {tag}".strip()


def kernel_names(bank: L.KernelBank, lang: str, *, short: bool = False) -> list[str]:
    """:func:`kernel_name` of every kernel of ``bank``."""
    return [kernel_name(bank, i, lang, short=short) for i in range(bank.n_out)]


def shapes_strip(stages: Sequence[tuple[str, np.ndarray]], lang: str, *, vector: bool = True) -> str:
    """``Input **H × W × 1** → C1 · conv **…** → … → Vector length **N**`` (markdown; ``N`` is ``?``
    without ``vector``, while a prediction question asks for it)."""
    parts = [f"{t(f'cnn.stage.{name}', lang)} **{shape(maps, lang)}**" for name, maps in stages]
    parts.append(f"{t('cnn.stage.vector', lang)} **{f'{stages[-1][1].size:,}' if vector else '?'}**")
    return "&nbsp;→&nbsp; ".join(parts)


def weight_row(name: str, x: np.ndarray, y: np.ndarray, params: L.LayerParameters | int, lang: str) -> dict:
    """One row of the weights table: shown cells and the numbers the chart plots
    (``params`` is a conv layer's :class:`L.LayerParameters` or a pooling layer's count)."""
    row = {"layer": name, "in": shape(x, lang), "out": shape(y, lang)}
    if isinstance(params, L.LayerParameters):
        return row | {
            "conv": f"{params.weights:,} + {params.biases:,} = **{params.total:,}**",
            "dense": f"{count(params.dense_weights)} + {count(params.dense_biases)}",
            "ratio": count(params.ratio), "conv_n": params.total, "dense_n": params.dense_total,
        }
    conv = t("cnn.w.pool_params", lang, n=params) if params else t("cnn.w.none", lang)
    return row | {"conv": conv, "dense": "—", "ratio": "—", "conv_n": params, "dense_n": 0}


#: The layers' formulas, as LaTeX (the same in every language).
FORMULAS: tuple[str, ...] = (
    r"\text{C1: } a_o[i,j] = f\Big(\sum_{m,n} k_o[m,n]\, x[i+m,\,j+n] + b_o\Big)",
    r"\text{C3: } c_p = f\Big(\sum_{o} k_{p,o} \star s_o + b_p\Big)",
    r"\text{max: } S[i,j] = \max_{0\le u,v<p} a[si+u,\,sj+v] \qquad "
    r"\text{average: } S[i,j] = \tfrac{1}{p^2}\sum_{0\le u,v<p} a[si+u,\,sj+v]",
    r"\text{LeNet: } S[i,j] = \sigma\Big(w \sum_{0\le u,v<p} a[pi+u,\,pj+v] + b\Big)",
)

_COLUMNS = ("layer", "in", "out", "conv", "dense", "ratio")


def weights_table(rows: Sequence[dict], lang: str) -> str:
    """The weights table as markdown (headers in ``lang``).

    Examples
    --------
    >>> print(weights_table([dict(layer="S2", **{"in": "a", "out": "b"}, conv="0", dense="—", ratio="—")], "en"))
    | Layer | Input | Output | Convolution: weights + biases | Fully connected: weights + biases | Times more |
    |---|---|---|---|---|---|
    | S2 | a | b | 0 | — | — |
    """
    head = [t(f"cnn.w.{c}", lang) for c in _COLUMNS]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(r[c] for c in _COLUMNS) + " |" for r in rows]
    return "\n".join(lines)


def stop_band_note(before: float, after: float, act: str, lang: str) -> str:
    """What the C1 spectra show: the filtered maps (no activation), or maps after an activation
    that moved energy where the kernel's |H| is below 5 % of its peak (:func:`app.backend.cnn.stop_band_energy`).

    Examples
    --------
    >>> print(stop_band_note(0.0088, 0.1086, "relu", "en").split(": ")[1])
    **10.9 %** of a map's energy lies where |H| is below 5 % of its peak, against **0.9 %** before it.
    """
    if act == "none":
        return t("cnn.input.linear", lang, before=percent(before))
    name = t(f"cnn.act.{act}", lang).split("  ")[0]
    return t("cnn.input.activated", lang, act=name, before=percent(before), after=percent(after))
