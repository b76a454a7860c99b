"""Regenerate ConvScope's synthetic sample images (numpy + Pillow only).

Run from anywhere::

    python sample_images/make_patterns.py

Writes, next to this script, 8-bit grey PNGs (512 px long side):

* ``zone_plate.png``     cos(pi r^2 / N): local frequency grows linearly with the
                         radius and reaches Nyquist (0.5 cycles/pixel) on the axes
                         at the border, so every frequency is present at once.
* ``siemens_star.png``   36 black/white sectors (supersampled 4x, box-averaged).
* ``checkerboard.png``   32-pixel squares.
* ``bars.png``           four bands of vertical square-wave bars with periods 64,
                         32, 16 and 8 pixels (0.016 ... 0.125 cycles/pixel).
* ``text.png``           large text drawn with Pillow's default font.
* ``periodic_noise.png`` the cameraman photo (``camera.png``, must exist) plus two
                         strong 2-D sinusoids at exactly representable frequencies
                         (24, 40) and (48, -20) cycles per image, i.e. two clear
                         off-centre peak pairs in the spectrum, for notch filters.
* ``hybrid_happy.png`` / ``hybrid_sad.png``  a hybrid-image pair: a bold smiling face
                         (its low frequencies) and a thin-lined frowning one (its high
                         frequencies), drawn on the same outline so they line up.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
SIZE = 512

#: (cycles per image along y, cycles per image along x, amplitude) of the noise
PERIODIC_NOISE = ((24, 40, 0.10), (48, -20, 0.10))


def _to_png(array: np.ndarray, name: str) -> Path:
    """Save a float array in [0, 1] as an 8-bit grey PNG."""
    u8 = np.round(np.clip(array, 0.0, 1.0) * 255.0).astype(np.uint8)
    path = HERE / f"{name}.png"
    Image.fromarray(u8).save(path, optimize=True)
    return path


def zone_plate(n: int = SIZE) -> np.ndarray:
    """Circular zone plate ``0.5 + 0.5 cos(pi r^2 / n)``; frequency r/n cycles/pixel."""
    c = np.arange(n) - n / 2 + 0.5
    y, x = np.meshgrid(c, c, indexing="ij")
    return 0.5 + 0.5 * np.cos(np.pi * (x**2 + y**2) / n)


def siemens_star(n: int = SIZE, spokes: int = 36, oversample: int = 4) -> np.ndarray:
    """Siemens star with ``spokes`` sectors on a white background, anti-aliased."""
    big = n * oversample
    img = Image.new("L", (big, big), 255)
    draw = ImageDraw.Draw(img)
    margin = 8 * oversample
    box = (margin, margin, big - margin, big - margin)
    step = 360.0 / spokes
    for i in range(0, spokes, 2):
        draw.pieslice(box, start=i * step, end=(i + 1) * step, fill=0)
    small = img.resize((n, n), resample=Image.Resampling.BOX)
    return np.asarray(small, dtype=np.float64) / 255.0


def checkerboard(n: int = SIZE, square: int = 32) -> np.ndarray:
    """Black/white checkerboard with ``square``-pixel squares."""
    idx = np.arange(n) // square
    return ((idx[:, None] + idx[None, :]) % 2).astype(np.float64)


def bars(n: int = SIZE, periods: tuple[int, ...] = (64, 32, 16, 8)) -> np.ndarray:
    """Horizontal bands of vertical square-wave bars, one period per band."""
    out = np.zeros((n, n))
    x = np.arange(n)
    edges = np.linspace(0, n, len(periods) + 1).astype(int)
    for period, top, bottom in zip(periods, edges[:-1], edges[1:]):
        row = ((x // (period // 2)) % 2 == 0).astype(np.float64)
        out[top:bottom] = row
    return out


def text(n: int = SIZE) -> np.ndarray:
    """Dark text on white, drawn large with Pillow's default (scalable) font."""
    img = Image.new("L", (n, n), 255)
    draw = ImageDraw.Draw(img)
    lines = [("ConvScope", 72), ("f * h  <->  F . H", 44), ("Edges are", 56), ("high", 96), ("frequencies", 60)]
    y = 24
    for line, size in lines:
        try:
            font = ImageFont.load_default(size=size)
        except TypeError:  # very old Pillow: fixed bitmap font
            font = ImageFont.load_default()
        left, top, right, bottom = draw.textbbox((0, 0), line, font=font)
        draw.text(((n - (right - left)) / 2 - left, y - top), line, fill=0, font=font)
        y += (bottom - top) + 28
    return np.asarray(img, dtype=np.float64) / 255.0


def periodic_noise(photo: Path = HERE / "camera.png") -> np.ndarray:
    """The cameraman photo plus the sinusoids in :data:`PERIODIC_NOISE`."""
    base = np.asarray(Image.open(photo).convert("L"), dtype=np.float64) / 255.0
    h, w = base.shape
    y, x = np.meshgrid(np.arange(h), np.arange(w), indexing="ij")
    total_amp = sum(a for _, _, a in PERIODIC_NOISE)
    # compress the photo's range so photo + noise stays inside [0, 1] (no clipping,
    # which would add harmonics to the spectrum)
    out = total_amp + (1.0 - 2.0 * total_amp) * base
    for ky, kx, amp in PERIODIC_NOISE:
        out = out + amp * np.cos(2.0 * np.pi * (ky * y / h + kx * x / w))
    return out


def _face(n: int, *, smile: bool, line: int, fill: int | None, eye: int, oversample: int = 4) -> np.ndarray:
    """A face: outline, two eyes and a mouth that smiles or frowns, anti-aliased."""
    m = n * oversample
    img = Image.new("L", (m, m), 255)
    draw = ImageDraw.Draw(img)
    s = oversample
    draw.ellipse((40 * s, 40 * s, (n - 40) * s, (n - 40) * s), outline=0, width=line * s, fill=fill)
    for cx in (n * 0.36, n * 0.64):
        draw.ellipse(((cx - eye) * s, (n * 0.38 - eye) * s, (cx + eye) * s, (n * 0.38 + eye) * s), fill=0)
    box = (n * 0.28 * s, n * 0.45 * s, n * 0.72 * s, n * 0.75 * s) if smile else \
        (n * 0.28 * s, n * 0.62 * s, n * 0.72 * s, n * 0.92 * s)
    draw.arc(box, 20 if smile else 200, 160 if smile else 340, fill=0, width=line * s)
    return np.asarray(img.resize((n, n), Image.Resampling.BOX), dtype=np.float64) / 255.0


def hybrid_happy(n: int = SIZE) -> np.ndarray:
    """The low-frequency half of the shipped hybrid pair: a bold smiling face (big shapes only)."""
    return _face(n, smile=True, line=44, fill=170, eye=46)


def hybrid_sad(n: int = SIZE) -> np.ndarray:
    """The high-frequency half of the shipped hybrid pair: a thin-lined frowning face."""
    return _face(n, smile=False, line=5, fill=None, eye=14)


def main() -> None:
    """Write all synthetic patterns next to this script."""
    for name, array in (
        ("zone_plate", zone_plate()),
        ("siemens_star", siemens_star()),
        ("checkerboard", checkerboard()),
        ("bars", bars()),
        ("text", text()),
        ("periodic_noise", periodic_noise()),
        ("hybrid_happy", hybrid_happy()),
        ("hybrid_sad", hybrid_sad()),
    ):
        print(_to_png(array, name))


if __name__ == "__main__":
    main()
