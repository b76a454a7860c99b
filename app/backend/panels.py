"""Display panels drawn with Pillow: a spectrum with frequency axes, a kernel with its values.

The Image Lab sends these as plain JPEG/PNG images (``st.image``), which a browser swaps in
far faster than it re-renders a plotly chart. Pure numpy + Pillow (never streamlit).
Added by the image-lab developer.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from .display import DIVERGING_LUT

__all__ = ["FREQ_TICKS", "spectrum_panel", "kernel_panel", "format_tap"]

FREQ_TICKS: tuple[float, ...] = (-0.5, -0.25, 0.0, 0.25, 0.5)
_INK = (40, 40, 40)
_FRAME = (150, 150, 150)


@lru_cache(maxsize=8)
def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow without FreeType
        return ImageFont.load_default()


def _tick_label(f: float) -> str:
    return "0" if f == 0 else f"{f:g}"


@lru_cache(maxsize=8)
def _frame(h: int, w: int, font_px: int) -> tuple[np.ndarray, int, int]:
    """White canvas with the frequency ticks and labels for an ``h × w`` spectrum, and its offset."""
    font = _font(font_px)
    left, bottom, top, right = int(font_px * 3.4), int(font_px * 1.9), font_px // 2 + 4, int(font_px * 1.3)
    canvas = Image.new("RGB", (w + left + right, h + top + bottom), (255, 255, 255))
    d = ImageDraw.Draw(canvas)
    d.rectangle([left - 1, top - 1, left + w, top + h], outline=_FRAME)
    tick = max(3, font_px // 3)
    for f in FREQ_TICKS:
        x = left + (f + 0.5) * (w - 1)
        y = top + (f + 0.5) * (h - 1)
        label = _tick_label(f)
        d.line([(x, top + h), (x, top + h + tick)], fill=_INK)
        d.text((x, top + h + tick + 1), label, fill=_INK, font=font, anchor="ma")
        d.line([(left - 1 - tick, y), (left - 1, y)], fill=_INK)
        d.text((left - tick - 3, y), label, fill=_INK, font=font, anchor="rm")
    arr = np.asarray(canvas)
    arr.setflags(write=False)
    return arr, top, left


def spectrum_panel(pixels: np.ndarray, *, font_px: int = 13) -> np.ndarray:
    """A centred spectrum (uint8 grey or RGB) framed with frequency ticks in cycles/pixel.

    The x axis runs left → right and the y axis top → bottom from −0.5 to 0.5 (zero frequency
    in the middle). Returns an RGB uint8 image slightly larger than the input. The frame is
    drawn once per size and reused.

    Examples
    --------
    >>> spectrum_panel(np.zeros((64, 64), np.uint8)).shape[2]
    3
    """
    a = np.asarray(pixels)
    if a.dtype != np.uint8 or a.ndim not in (2, 3):
        raise ValueError("spectrum_panel expects a uint8 (H, W) or (H, W, 3) image")
    h, w = a.shape[:2]
    frame, top, left = _frame(h, w, int(font_px))
    out = frame.copy()
    out[top:top + h, left:left + w] = a[..., None] if a.ndim == 2 else a[..., :3]
    return out


def format_tap(v: float) -> str:
    """Short text of one kernel weight: ``1``, ``-0.25``, ``0.061``, ``3.4e-05``.

    Examples
    --------
    >>> [format_tap(v) for v in (0.0, 2.0, -0.25, 1 / 16, 3.4e-5)]
    ['0', '2', '-0.25', '0.062', '3.4e-05']
    """
    if v == 0:
        return "0"
    if abs(v - round(v)) < 1e-9 and abs(v) < 1000:
        s = str(int(round(v)))
    elif abs(v) >= 0.01:
        s = f"{v:.3f}".rstrip("0").rstrip(".")
    else:
        s = f"{v:.1e}"
    return s


def kernel_panel(kernel: np.ndarray, *, side: int = 300, max_text_side: int = 9, font_px: int | None = None) -> np.ndarray:
    """The kernel as a small image: diverging colours (zero = white), values written in the cells.

    Each tap becomes a square cell (nearest neighbour, no smoothing); cells are separated by thin
    grid lines when they are large enough; values are written up to ``max_text_side`` × ``max_text_side``.
    The colour scale is symmetric, ±max|k|, so zero is always the neutral white.

    Examples
    --------
    >>> kernel_panel(np.array([[0.0, 1.0], [-1.0, 0.0]]), side=40).shape
    (40, 40, 3)
    """
    k = np.asarray(kernel, dtype=np.float64)
    if k.ndim != 2 or k.size == 0 or not np.all(np.isfinite(k)):
        raise ValueError("kernel_panel expects a finite 2-D kernel")
    kh, kw = k.shape
    cell = max(2, side // max(kh, kw))
    m = float(np.abs(k).max()) or 1.0
    half = (len(DIVERGING_LUT) - 1) // 2
    idx = np.rint(np.clip(k / m, -1, 1) * half).astype(np.intp) + half
    colours = DIVERGING_LUT[idx]  # (kh, kw, 3)
    big = np.repeat(np.repeat(colours, cell, axis=0), cell, axis=1)
    img = Image.fromarray(np.ascontiguousarray(big))
    d = ImageDraw.Draw(img)
    if cell >= 8:
        for i in range(1, kh):
            d.line([(0, i * cell), (kw * cell, i * cell)], fill=(255, 255, 255), width=1)
        for j in range(1, kw):
            d.line([(j * cell, 0), (j * cell, kh * cell)], fill=(255, 255, 255), width=1)
    if max(kh, kw) <= max_text_side:
        size = font_px or max(9, min(28, int(cell * 0.26)))
        font = _font(size)
        lum = colours @ np.array([0.299, 0.587, 0.114])
        for i in range(kh):
            for j in range(kw):
                ink = (255, 255, 255) if lum[i, j] < 110 else (20, 20, 20)
                d.text(((j + 0.5) * cell, (i + 0.5) * cell), format_tap(k[i, j]), fill=ink, font=font, anchor="mm")
    # mark the anchor (the tap that sits on the output pixel) with a thin dark frame
    ay, ax = kh // 2, kw // 2
    if cell >= 6:
        d.rectangle([ax * cell, ay * cell, (ax + 1) * cell - 1, (ay + 1) * cell - 1], outline=(30, 30, 30), width=2)
    return np.asarray(img)
