"""The Signal Lab's flip-and-slide as an animation to take away: one still picture per time of the
page's animation (at most 60, evenly spread), drawn with Pillow from the same arrays as the page's
chart (:func:`app.backend.signal_convolution.slide_frames` of the page's signals and times).

Top: ``f(τ)``, the flipped and shifted ``g(t − τ)`` and their shaded product; bottom: the output
``y`` drawn up to the frame's time. Each frame is labelled with ``t`` (or ``n``), the area and ``y``.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from app.backend import animation
from app.backend import signal_convolution as sconv
from app.backend import signals as sg
from app.labs.signal_lab.pipeline import times
from app.ui.format import number
from app.ui.strings import t

WIDTH, PANEL = 640, 180  # picture width and the height of each of the two panels
MARGIN = 12
F_INK, G_INK, Y_INK, AXIS = (0, 114, 178), (213, 94, 0), (20, 20, 20), (170, 170, 170)
OVERLAP = (0, 158, 115)


def frame_indices(n_times: int, limit: int = animation.MAX_FRAMES) -> np.ndarray:
    """At most ``limit`` evenly spread indices into the page's animation times, first and last kept.

    Examples
    --------
    >>> frame_indices(5).tolist(), frame_indices(121, 4).tolist()
    ([0, 1, 2, 3, 4], [0, 40, 80, 120])
    """
    return np.unique(np.linspace(0, n_times - 1, min(limit, n_times)).round().astype(int))


def slide_data(mode: str, f_key: tuple, g_key: tuple, correlate: bool) -> sconv.SlideFrames:
    """The page's flip-and-slide frames (its signals from the pickers' keys, its animation times)."""
    grid = sg.make_grid(mode)
    f = sg.make_signal(f_key[0], grid, values=f_key[2], **dict(f_key[1]))
    g = sg.make_signal(g_key[0], grid, values=g_key[2], **dict(g_key[1]))
    return sconv.slide_frames(f, g, times(mode), correlate=correlate)


def _scale(values: np.ndarray, lo: float, hi: float, top: int, height: int) -> np.ndarray:
    span = hi - lo or 1.0
    return top + MARGIN + (hi - values) / span * (height - 2 * MARGIN)


def picture(fr: sconv.SlideFrames, k: int) -> np.ndarray:
    """Frame ``k`` of the flip-and-slide (RGB uint8, ``2 · PANEL`` × ``WIDTH``)."""
    img = Image.new("RGB", (WIDTH, 2 * PANEL), "white")
    draw = ImageDraw.Draw(img)
    x = MARGIN + (fr.tau - fr.tau[0]) / (fr.tau[-1] - fr.tau[0]) * (WIDTH - 2 * MARGIN)
    top_lo = min(0.0, float(fr.f.min()), float(fr.g_shifted.min()), float(fr.product.min()))
    top_hi = max(float(fr.f.max()), float(fr.g_shifted.max()), float(fr.product.max()), 1e-12)
    zero = float(_scale(np.array([0.0]), top_lo, top_hi, 0, PANEL)[0])
    prod = _scale(fr.product[k], top_lo, top_hi, 0, PANEL)
    draw.polygon([(x[0], zero), *zip(x, prod), (x[-1], zero)], fill=(190, 230, 215))
    draw.line([(MARGIN, zero), (WIDTH - MARGIN, zero)], fill=AXIS)
    draw.line(list(zip(x, _scale(fr.f, top_lo, top_hi, 0, PANEL))), fill=F_INK, width=3)
    draw.line(list(zip(x, _scale(fr.g_shifted[k], top_lo, top_hi, 0, PANEL))), fill=G_INK, width=3)
    tx = MARGIN + (fr.times - fr.times[0]) / (fr.times[-1] - fr.times[0] or 1.0) * (WIDTH - 2 * MARGIN)
    y_lo, y_hi = min(0.0, float(fr.y.min())), max(float(fr.y.max()), 1e-12)
    ys = _scale(fr.y, y_lo, y_hi, PANEL, PANEL)
    y_zero = float(_scale(np.array([0.0]), y_lo, y_hi, PANEL, PANEL)[0])
    draw.line([(MARGIN, PANEL), (WIDTH - MARGIN, PANEL)], fill=AXIS)
    draw.line([(MARGIN, y_zero), (WIDTH - MARGIN, y_zero)], fill=AXIS)
    if k > 0:
        draw.line(list(zip(tx[:k + 1], ys[:k + 1])), fill=Y_INK, width=3)
    draw.ellipse([tx[k] - 5, ys[k] - 5, tx[k] + 5, ys[k] + 5], fill=OVERLAP)
    return np.asarray(img)


def frames(fr: sconv.SlideFrames, mode: str, lang: str) -> tuple[list[np.ndarray], list[str]]:
    """The pictures and labels (``t = 1.5 · area = y = 0.38``) of the exported frames."""
    var = "n" if mode == "discrete" else "t"
    idx = frame_indices(fr.times.size)
    return ([picture(fr, int(k)) for k in idx],
            [t("sl.anim.label", lang, var=var, t=number(fr.times[k]), y=number(fr.y[k])) for k in idx])
