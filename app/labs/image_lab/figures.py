"""Figures of the Image Lab: the radial profile chart (SVG) and image data URIs.

Image-sized data always travels as one encoded JPEG/PNG (``go.Image`` with a data URI),
never as a float heatmap. The kernel is drawn by :func:`app.backend.panels.kernel_panel`.
"""

from __future__ import annotations

import base64

import numpy as np

from app.backend import display
from app.ui.figures import SERIES_COLORS
from app.ui.format import number

MAX_POINTS = 160  # per curve of the radial chart (760 px wide)


def data_uri(pixels: np.ndarray, *, fmt: str = "jpeg") -> str:
    """``data:`` URI of a uint8 image (JPEG for photos/spectra, PNG for exact small images)."""
    if fmt == "png":
        return "data:image/png;base64," + base64.b64encode(display.encode_png(pixels)).decode("ascii")
    return "data:image/jpeg;base64," + base64.b64encode(display.encode_jpeg(pixels)).decode("ascii")


def _top(profiles: dict) -> float:
    return max(10.0, float(np.nanmax([np.nanmax(profiles[k]) for k in ("image", "response", "output")])) + 5)


def radial_svg(
    profiles: dict,
    *,
    names: dict,
    x_title: str,
    y_title: str,
    band_note: str = "",
    width: int = 900,
    height: int = 340,
    projector: bool = False,
    floor_db: float = -100.0,
) -> str:
    """The radial profile chart as a small, self-contained SVG (image spectrum, |H|, output; dB).

    A static SVG is what a browser redraws fastest on every slider move (no plotly re-render);
    the labels are ordinary text, so they are localized and stay sharp on a projector.
    """
    from html import escape

    fs = 20 if projector else 14
    lw = 4 if projector else 2.5
    ml, mr, mt, mb = int(fs * 4.2), 20, int(fs * 2.6), int(fs * 3.2)
    pw, ph = width - ml - mr, height - mt - mb
    top = _top(profiles)
    top = float(np.ceil(top / 20.0) * 20.0)
    f = np.asarray(profiles["freqs"], dtype=float)

    def sx(v):
        return ml + pw * (np.asarray(v, float) / 0.5)

    def sy(v):
        return mt + ph * (top - np.clip(np.asarray(v, float), floor_db, top)) / (top - floor_db)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'font-family="Source Sans, Source Sans Pro, Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif" font-size="{fs}">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
    ]
    for db in np.arange(floor_db, top + 0.1, 20.0):
        y = float(sy(db))
        parts.append(f'<line x1="{ml}" x2="{ml + pw}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e6e6e6"/>')
        parts.append(f'<text x="{ml - 6}" y="{y:.1f}" text-anchor="end" dominant-baseline="middle" fill="#444">{db:.0f}</text>')
    for fx in (0.0, 0.1, 0.2, 0.3, 0.4, 0.5):
        x = float(sx(fx))
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{mt}" y2="{mt + ph}" stroke="#e6e6e6"/>')
        parts.append(f'<text x="{x:.1f}" y="{mt + ph + fs * 1.3:.1f}" text-anchor="middle" fill="#444">{number(fx)}</text>')
    parts.append(f'<rect x="{ml}" y="{mt}" width="{pw}" height="{ph}" fill="none" stroke="#999"/>')
    styles = {
        "image": (SERIES_COLORS[0], ""),
        "response": (SERIES_COLORS[1], f' stroke-dasharray="{lw * 3:.0f},{lw * 2:.0f}"'),
        "output": (SERIES_COLORS[2], ""),
    }
    step = max(1, len(f) // MAX_POINTS)  # a point every few pixels looks the same and halves what is sent
    for key in ("image", "response", "output"):
        color, dash = styles[key]
        ys = sy(np.nan_to_num(np.asarray(profiles[key])[::step], nan=floor_db))
        pts = " ".join(f"{x:.0f},{y:.1f}" for x, y in zip(sx(f[::step]), ys))
        parts.append(f'<polyline points="{pts}" fill="none" stroke="{color}" stroke-width="{lw}"{dash} '
                     f'stroke-linejoin="round"/>')
    # legend (top, three evenly spaced entries), axis titles, band note
    slot = pw / 3.0
    for i, key in enumerate(("image", "response", "output")):
        color, dash = styles[key]
        x = ml + i * slot
        label = escape(names[key])
        lfs = fs if (2.6 + 0.6 * _text_units(names[key])) * fs <= slot else fs * 0.8
        parts.append(f'<line x1="{x:.0f}" x2="{x + 2.0 * fs:.0f}" y1="{fs}" y2="{fs}" stroke="{color}" stroke-width="{lw}"{dash}/>')
        parts.append(f'<text x="{x + 2.4 * fs:.0f}" y="{fs}" dominant-baseline="middle" fill="#222" font-size="{lfs:.0f}">'
                     f'{label}</text>')
    parts.append(f'<text x="{ml + pw / 2:.0f}" y="{height - fs * 0.5:.0f}" text-anchor="middle" fill="#222">'
                 f'{escape(x_title)}</text>')
    parts.append(f'<text transform="translate({fs * 1.1:.0f},{mt + ph / 2:.0f}) rotate(-90)" text-anchor="middle" '
                 f'fill="#222">{escape(y_title)}</text>')
    if band_note:
        parts.append(f'<text x="{ml + pw - 8}" y="{mt + ph - 10}" text-anchor="end" fill="#333" '
                     f'paint-order="stroke" stroke="white" stroke-width="4">{escape(band_note)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _text_units(text: str) -> float:
    """Rough width of ``text`` in units of 0.62 em (CJK characters count double)."""
    return sum(1.9 if ord(c) > 0x2E80 else 1.0 for c in text)
