"""The Signal Lab's and the CNN Lab's animations to take away: which frames are exported, and that
each picture shows its own frame (the marker at the frame's time, the taps on the frame's cells)."""

from __future__ import annotations

import numpy as np

from app.backend import animation
from app.backend import conv_arithmetic as ca
from app.labs.cnn_lab.parts import footprint_export as fp
from app.labs.signal_lab.parts import animation_export as sl

F_KEY = ("rect", (("amp", 1.0), ("shift", 0.0), ("width", 1.0)), None)
G_KEY = ("exp", (("amp", 1.0), ("shift", 0.0), ("a", 1.0)), None)


def _colour_columns(picture: np.ndarray, colour, rows=slice(None)) -> np.ndarray:
    return np.flatnonzero((picture[rows] == colour).all(axis=2).any(axis=0))


def test_the_flip_and_slide_frames_follow_the_pages_times_and_output():
    fr = sl.slide_data("continuous", F_KEY, G_KEY, False)
    idx = sl.frame_indices(fr.times.size)
    assert idx[0] == 0 and idx[-1] == fr.times.size - 1 and idx.size == animation.MAX_FRAMES
    pictures, labels = sl.frames(fr, "continuous", "en")
    assert len(pictures) == len(labels) == idx.size
    # the output marker sits at the frame's time, left to right
    dots = [(_colour_columns(p, sl.OVERLAP, slice(sl.PANEL, None))).mean() for p in pictures]
    assert np.all(np.diff(dots) > 0)
    span = sl.WIDTH - 2 * sl.MARGIN
    expected = sl.MARGIN + (fr.times[idx] - fr.times[0]) / (fr.times[-1] - fr.times[0]) * span
    np.testing.assert_allclose(dots, expected, atol=1.5)
    # g slides right with t: the flipped exponential's peak (its topmost orange pixel) sits at τ = t
    def peak_column(p):
        rows, cols = np.nonzero((p[:sl.PANEL] == sl.G_INK).all(axis=2))
        return cols[rows == rows.min()].mean()

    peaks = [peak_column(p) for p in pictures]
    tau_x = sl.MARGIN + (fr.times[idx] - fr.tau[0]) / (fr.tau[-1] - fr.tau[0]) * span
    inside = (fr.times[idx] > fr.tau[0]) & (fr.times[idx] < fr.tau[-1])
    np.testing.assert_allclose(np.array(peaks)[inside], tau_x[inside], atol=3)
    # the label says the frame's time and its y (the area)
    k = int(idx[10])
    assert labels[10].startswith(f"t = {fr.times[k]:g}") and np.isclose(fr.area[k], fr.y[k])


def test_the_footprint_frames_put_the_taps_on_their_cells():
    n, k = 5, 3
    pads = ca.resolve_padding("same", k, 1)
    frames = ca.footprint_frames(n, k, 1, pads, 1)
    out_side = ca.output_size(n, k, 1, pads, 1)
    c = fp.cell_size(n, pads, out_side)
    for i in (0, 7, len(frames) - 1):
        pic = fp.picture(frames, i, n, pads, out_side)
        taps = {(r, col) for r in range(n + 2) for col in range(n + 2)
                if (pic[r * c + c // 2, col * c + c // 2] == fp.KERNEL).all()}
        assert taps == set(frames[i].cells)
        x0 = (n + sum(pads) + fp.GAP) * c
        r, col = frames[i].out
        assert (pic[r * c + c // 2, x0 + col * c + c // 2] == fp.OUTPUT).all()
        done = sum((pic[rr * c + c // 2, x0 + cc * c + c // 2] == fp.DONE).all()
                   for rr in range(out_side) for cc in range(out_side))
        assert done == i
    many = ca.footprint_frames(26, 3, 1, (1, 1), 1)
    assert fp.frame_indices(len(many)).size == animation.MAX_FRAMES
    assert max(fp.picture(many, 0, 26, (1, 1), 26).shape[:2]) <= animation.MAX_SIDE
