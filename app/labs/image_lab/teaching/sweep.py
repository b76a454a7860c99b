"""Animations to take away (Image Lab, Export tab): a slider sweep of one kernel parameter as an
animated GIF, WebP or APNG, each frame exactly the page's output picture at that value.

A frame goes through the page's own path: the parameter values a student would get by moving the
slider there (the Gaussian's size follows σ unless pinned, as on the page,
:func:`app.ui.kernel_picker.follow_params`), :func:`app.labs.image_lab.pipeline.compute` and
:func:`app.labs.image_lab.pipeline.display_output`; the label strip under each picture says the
value (:func:`app.backend.animation.encode_animation`).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import streamlit as st

import kernels
from app.backend import animation
from app.labs.image_lab import pipeline as lab
from app.ui import kernel_picker, takeaway
from app.ui.format import number
from app.ui.strings import t

KEY = "il"
DEFAULT_FRAMES = 20


def sweepable(kernel_name: str) -> list:
    """The kernel's slider parameters (whole or real numbers): what a sweep can move."""
    return [p for p in kernels.get(kernel_name).params if p.kind in ("int", "float")]


def sweep_values(param, start: float, stop: float, frames: int) -> list[float]:
    """``frames`` values from ``start`` to ``stop`` (at most :data:`~app.backend.animation.MAX_FRAMES`);
    whole-number parameters land on their slider's grid, repeats dropped.

    Examples
    --------
    >>> size = kernels.get("box").params[0]
    >>> sweep_values(size, 3, 9, 7)
    [3, 5, 7, 9]
    """
    frames = int(np.clip(frames, 2, animation.MAX_FRAMES))
    values = np.linspace(float(start), float(stop), frames)
    if param.kind == "float":
        return [float(v) for v in np.round(values, 6)]
    grid = np.round((values - param.min) / param.step) * param.step + param.min
    return [int(v) for v in dict.fromkeys(np.clip(grid, param.min, param.max).astype(int).tolist())]


def params_at(state: Mapping, kernel_name: str, param: str, value: float) -> dict:
    """The kernel's parameters after the page's slider for ``param`` is moved to ``value``
    (``state``: the page's session state, holding its other sliders and pinned flags)."""
    values = dict(state)
    values[kernel_picker.param_key(KEY, kernel_name, param)] = value
    values.update(kernel_picker.follow_params(values, KEY, kernel_name, param))
    return kernel_picker.params_from_state(values, KEY, kernel_name)


def frame_pixels(picked, kernel_name: str, params: dict, settings: lab.LabSettings) -> np.ndarray:
    """The page's output picture (uint8) for this kernel: :func:`lab.compute`, then :func:`lab.display_output`."""
    kernel = kernels.make(kernel_name, **params)
    run = lab.compute(picked, kernel, settings)
    return lab.display_output(run.output, settings.signed_mode, kernel_sum=float(kernel.sum()),
                              palette=settings.palette).pixels


def sweep_frames(picked, state: Mapping, kernel_name: str, param, values: list, settings: lab.LabSettings,
                 lang: str) -> tuple[list[np.ndarray], list[str]]:
    """Every frame's picture and label (``output · σ = 1.5``)."""
    label = param.label.get(lang, param.label["en"])
    pictures = [frame_pixels(picked, kernel_name, params_at(state, kernel_name, param.name, v), settings)
                for v in values]
    return pictures, [t("teach.sweep.label", lang, name=label, value=number(v)) for v in values]


def render(lang: str, run) -> None:
    """The sweep's controls and the shared make-then-download buttons (:func:`app.ui.takeaway.offer`)."""
    s = run.settings
    st.markdown(f"**{t('teach.sweep.title', lang)}**")
    params = sweepable(s.kernel_name) if st.session_state.get("il_ksrc", "catalog") == "catalog" else []
    if not params:
        st.caption(t("teach.sweep.none", lang))
        return
    by_name = {p.name: p for p in params}
    c1, c2, c3 = st.columns([1.2, 2, 1.2])
    name = c1.selectbox(t("teach.sweep.param", lang), list(by_name), key="_il_sweep_param",
                        format_func=lambda n: by_name[n].label.get(lang, by_name[n].label["en"]))
    p = by_name[name]
    lo, hi = (int(p.min), int(p.max)) if p.kind == "int" else (float(p.min), float(p.max))
    span = c2.slider(t("teach.sweep.range", lang), lo, hi, value=(lo, hi), step=p.step if p.kind == "int" else None,
                     key=f"_il_sweep_range_{s.kernel_name}_{name}")
    frames = c3.slider(t("teach.sweep.frames", lang), 2, animation.MAX_FRAMES, value=DEFAULT_FRAMES,
                       key="_il_sweep_frames")
    values = sweep_values(p, span[0], span[1], frames)
    takeaway.offer("il_sweep", (run.image.digest, s, name, tuple(values), lang), lang,
                   lambda: sweep_frames(run.image, st.session_state, s.kernel_name, p, values, s, lang),
                   f"convscope_sweep_{s.kernel_name}_{name}")
    st.caption(t("teach.sweep.note", lang, n=len(values)))
