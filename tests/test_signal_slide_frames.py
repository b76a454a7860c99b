"""The Signal Lab's slide chart moved to another frame (``at_frame``) is the chart built for that frame."""

from __future__ import annotations

import json

import pytest

from app.backend import signal_convolution as sconv
from app.backend import signals as sg
from app.labs.signal_lab import figures as figs
from app.labs.signal_lab.pipeline import times


def _chart(mode: str, f_name: str, g_name: str, current: int, correlate: bool = False):
    grid = sg.make_grid(mode)
    f, g = sg.make_signal(f_name, grid), sg.make_signal(g_name, grid)
    frames = sconv.slide_frames(f, g, times(mode), correlate=correlate)
    return figs.slide_figure(f, g, frames, current=current, correlate=correlate, lang="en")


@pytest.mark.parametrize(("mode", "f_name", "g_name", "correlate"), [
    ("continuous", "rect", "exp", False), ("discrete", "rect", "triangle", True), ("continuous", "impulse", "rect", False),
])
def test_a_chart_moved_to_frame_k_equals_the_chart_built_at_frame_k(mode, f_name, g_name, correlate):
    first = _chart(mode, f_name, g_name, 0, correlate).to_dict()
    frames = first.pop("frames")
    for k in (1, len(frames) // 3, len(frames) - 1):
        moved = figs.at_frame(first, frames, k)
        assert json.loads(moved.to_json()) == json.loads(_chart(mode, f_name, g_name, k, correlate).to_json())


def test_a_draft_has_the_same_picture_and_layout_without_the_play_frames():
    first = _chart("continuous", "rect", "exp", 0).to_dict()
    frames = first.pop("frames")
    full, draft = figs.at_frame(first, frames, 12).to_dict(), figs.at_frame(first, frames, 12, animate=False).to_dict()
    assert draft["frames"] == [] and len(full["frames"]) == len(times("continuous"))
    assert json.dumps({k: draft[k] for k in ("data", "layout")}, default=str) == \
        json.dumps({k: full[k] for k in ("data", "layout")}, default=str)
    assert first["layout"]["sliders"][0]["active"] == 0  # the shared chart was not changed
