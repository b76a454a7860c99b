"""Accessibility of images and charts (WCAG 2.1 AA, issue 22).

Text alternatives, one rule for every lab: an image or a chart is announced as its title, the range of
the values it shows (live numbers, written by :func:`app.ui.format.number`) and a short note, in the
page's language. The Image Lab's panels started the rule (title, then the caption's explanation).
Images carry it as their ``alt`` text; a plotly chart, which has no alt, is followed by the same text in a
paragraph that only screen readers see (``cs-sr-only``, styled in :mod:`app.ui.shell`).

Charts are shown through :func:`chart`, which also draws their text readable (:func:`readable_text`).
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go
import streamlit as st

from app.ui.format import number
from app.ui.strings import t

#: Text of every chart (titles, axis labels, ticks, legend, notes): Streamlit's chart theme writes ticks and
#: axis titles in #808495 (3.8:1 on white, below WCAG AA); this is 18.9:1, enough for a projector's 7:1 too.
TEXT_COLOR = "#0d1117"
#: Edges of a chart's own controls (Play buttons, its slider's track and handle): plotly's #bec8d9 is 1.7:1;
#: this is 4.8:1 (WCAG 1.4.11 asks 3:1 of a control's boundary).
BOUNDARY_COLOR = "#6b7280"


def alt_text(title: str, lang: str, *, values: np.ndarray | tuple[float, float] | None = None,
             note: str | Sequence[str] = "") -> str:
    """What a screen reader says for an image or chart: ``title``, the values' range, ``note`` (one or more).

    ``values`` is the data the picture shows (an array, or its ``(low, high)`` already measured).

    Examples
    --------
    >>> alt_text("Output", "en", values=np.array([0.01, 0.5, 0.95]), note="Gaussian blur σ 3")
    'Output. Values 0.01 to 0.95. Gaussian blur σ 3'
    >>> alt_text("输出", "zh", values=(0.0, 1.0), note=["低通", ""])
    '输出。数值 0 至 1。低通'
    """
    parts = [title.strip().rstrip(".。")]
    if values is not None:
        lo, hi = (float(np.nanmin(values)), float(np.nanmax(values))) if isinstance(values, np.ndarray) else values
        parts.append(t("a11y.values", lang, lo=number(lo), hi=number(hi)))
    parts += [n.strip().rstrip(".。") for n in ([note] if isinstance(note, str) else note)]
    return t("a11y.join", lang).join(p for p in parts if p)


def describe(text: str) -> None:
    """``text`` in the page for screen readers only (a chart's text alternative)."""
    st.html(f'<p class="cs-sr-only">{html.escape(text)}</p>')


def chart(fig: go.Figure, alt: str, **kwargs) -> None:
    """``st.plotly_chart(fig, **kwargs)`` with readable text colours, followed by its text alternative ``alt``."""
    st.plotly_chart(readable_text(fig), **kwargs)
    describe(alt)


def readable_text(fig: go.Figure) -> go.Figure:
    """Draw ``fig``'s text in :data:`TEXT_COLOR` (text given its own colour keeps it) and the edges of its
    buttons and slider in :data:`BOUNDARY_COLOR`; return ``fig``.

    Examples
    --------
    >>> fig = readable_text(go.Figure(go.Scatter(y=[1, 2]), layout={"xaxis_title": "x"}))
    >>> fig.layout.xaxis.tickfont.color == fig.layout.xaxis.title.font.color == TEXT_COLOR
    True
    """
    fig.update_layout(font_color=TEXT_COLOR, legend_font_color=TEXT_COLOR, title_font_color=TEXT_COLOR)
    fig.update_xaxes(tickfont_color=TEXT_COLOR, title_font_color=TEXT_COLOR)
    fig.update_yaxes(tickfont_color=TEXT_COLOR, title_font_color=TEXT_COLOR)
    fig.update_annotations(font_color=TEXT_COLOR, selector=lambda a: a.font.color is None)
    for control in (*fig.layout.updatemenus, *fig.layout.sliders):
        control.bordercolor = BOUNDARY_COLOR
    for menu in fig.layout.updatemenus:
        menu.font.color = menu.font.color or TEXT_COLOR
    return fig
