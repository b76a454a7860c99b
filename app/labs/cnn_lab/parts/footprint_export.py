"""The CNN Lab's footprint animation as an animation to take away: one Pillow picture per output
cell (at most 60, evenly spread), from the same :class:`~app.backend.conv_arithmetic.Footprint`
frames as the page's chart — the padded input (padding white), the kernel's taps on it, and the
output grid with the cell being computed."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from app.backend import animation
from app.backend.conv_arithmetic import Footprint
from app.ui.strings import t

CELL = 24  # pixels per cell; a side of up to 26 cells keeps the picture within 640 px
GAP = 2  # empty cells between the padded input and the output
INPUT, PAD, KERNEL, OUTPUT, DONE, LINE = (158, 202, 225), (255, 255, 255), (0, 114, 178), (0, 158, 115), \
    (190, 230, 215), (156, 163, 175)


def frame_indices(n_frames: int, limit: int = animation.MAX_FRAMES) -> np.ndarray:
    """At most ``limit`` evenly spread frame indices, first and last kept.

    Examples
    --------
    >>> frame_indices(100, 3).tolist()
    [0, 50, 99]
    """
    return np.unique(np.linspace(0, n_frames - 1, min(limit, n_frames)).round().astype(int))


def cell_size(n: int, pads: tuple[int, int], out_side: int) -> int:
    """Pixels per cell so the whole picture fits :data:`~app.backend.animation.MAX_SIDE`."""
    cells = n + sum(pads) + GAP + out_side
    return max(4, min(CELL, animation.MAX_SIDE // cells))


def picture(frames: list[Footprint], k: int, n: int, pads: tuple[int, int], out_side: int) -> np.ndarray:
    """Frame ``k``: the padded input with the kernel's taps, and the output with cells done so far."""
    c = cell_size(n, pads, out_side)
    side = n + sum(pads)
    img = Image.new("RGB", ((side + GAP + out_side) * c + 1, side * c + 1), "white")
    draw = ImageDraw.Draw(img)

    def box(row: int, col: int, fill, x0: int = 0) -> None:
        draw.rectangle([(col + x0) * c, row * c, (col + x0 + 1) * c, (row + 1) * c], fill=fill, outline=LINE)

    inside = range(pads[0], pads[0] + n)
    for r in range(side):
        for col in range(side):
            box(r, col, INPUT if r in inside and col in inside else PAD)
    for r, col in frames[k].cells:
        box(r, col, KERNEL)
    done = {f.out for f in frames[:k]}
    x0 = side + GAP
    for r in range(out_side):
        for col in range(out_side):
            box(r, col, OUTPUT if (r, col) == frames[k].out else DONE if (r, col) in done else PAD, x0)
    return np.asarray(img)


def frames_for(frames: list[Footprint], n: int, pads: tuple[int, int], out_side: int,
               lang: str) -> tuple[list[np.ndarray], list[str]]:
    """The exported pictures and their labels (``output cell (row, col)``)."""
    idx = frame_indices(len(frames))
    return ([picture(frames, int(k), n, pads, out_side) for k in idx],
            [t("cnn.x.anim_label", lang, r=frames[k].out[0], c=frames[k].out[1], i=int(k) + 1, n=len(frames))
             for k in idx])
