"""Text alternatives and chart text colours (issue 22): one rule for every image and chart."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import pytest
from plotly.subplots import make_subplots

from app.ui.a11y import BOUNDARY_COLOR, TEXT_COLOR, alt_text, readable_text


def test_alt_text_states_the_range_of_the_values_shown():
    x = np.random.default_rng(7).normal(size=(40, 30))
    alt = alt_text("Output", "en", values=x, note="Gaussian blur σ 3")
    assert alt == f"Output. Values {x.min():.4g} to {x.max():.4g}. Gaussian blur σ 3"


def test_alt_text_ignores_missing_values_and_empty_notes():
    x = np.array([[np.nan, 0.25], [0.5, np.nan]])
    assert alt_text("Patch", "en", values=x, note=["", "outside the image"]) == \
        "Patch. Values 0.25 to 0.5. outside the image"


def test_alt_text_in_chinese_uses_chinese_words_and_stops():
    alt = alt_text("输出", "zh", values=(0.0, 0.95), note="高斯模糊。")
    assert alt == "输出。数值 0 至 0.95。高斯模糊"


@pytest.mark.parametrize("axis", ["xaxis", "xaxis2", "yaxis", "yaxis2"])
def test_every_axis_of_a_chart_gets_readable_ticks_and_titles(axis):
    fig = make_subplots(rows=2, cols=1)
    fig.add_scatter(y=[1, 3], row=1, col=1)
    fig.add_scatter(y=[2, 1], row=2, col=1)
    readable_text(fig)
    assert fig.layout[axis].tickfont.color == TEXT_COLOR
    assert fig.layout[axis].title.font.color == TEXT_COLOR


def test_text_with_a_colour_of_its_own_keeps_it_and_controls_get_visible_edges():
    fig = go.Figure(go.Scatter(y=[1, 2]))
    fig.add_annotation(text="series note", font={"color": "#D55E00"}, x=0, y=1)
    fig.add_annotation(text="plain note", x=1, y=2)
    fig.update_layout(updatemenus=[{"type": "buttons", "buttons": [{"label": "Play", "method": "animate"}]}],
                      sliders=[{"steps": [{"label": "0"}], "font": {"color": "rgba(0,0,0,0)"}}])
    readable_text(fig)
    assert [a.font.color for a in fig.layout.annotations] == ["#D55E00", TEXT_COLOR]
    assert fig.layout.updatemenus[0].bordercolor == fig.layout.sliders[0].bordercolor == BOUNDARY_COLOR
    assert fig.layout.updatemenus[0].font.color == TEXT_COLOR
    assert fig.layout.sliders[0].font.color == "rgba(0,0,0,0)"  # hidden tick labels stay hidden
