"""Draw-tab helpers: the showcase path, its Fabric.js JSON and its rasterisation into a kernel."""

from __future__ import annotations

import numpy as np

from app.labs.image_lab.teaching import draw
from kernels import edit


def test_rasterised_straight_stroke_is_a_motion_blur():
    pts = [(20.0 + i * 12.0, 140.0) for i in range(21)]
    rgba = draw.rasterise_path(pts, width=14)
    assert rgba.shape == (280, 280, 4) and rgba.dtype == np.uint8
    k = edit.rasterise_canvas(rgba, 15, signed=True)
    assert abs(k.sum() - 1) < 1e-12
    assert k[7].sum() > 0.95  # the weight sits on the middle row
    assert (k[7, 1:-1] > 0).all()


def test_shake_path_kernel_is_a_curved_blur():
    pts = draw.shake_path()
    k = edit.rasterise_canvas(draw.rasterise_path(pts, width=14), 15, signed=True)
    rows = np.flatnonzero(k.sum(axis=1) > 1e-3)
    assert rows.size >= 4  # not a straight line
    assert (k >= 0).all()


def test_path_drawing_is_fabric_json():
    pts = [(10.0, 20.0), (30.0, 40.0), (50.0, 20.0)]
    d = draw.path_drawing(pts, width=10, colour="#ff0000")
    obj = d["objects"][0]
    assert obj["type"] == "path" and obj["stroke"] == "#ff0000" and obj["strokeWidth"] == 10
    assert obj["path"][0] == ["M", 10.0, 20.0] and obj["path"][-1] == ["L", 50.0, 20.0]
    assert obj["left"] == 5.0 and obj["top"] == 15.0
