"""A page with one live slider and what it reports (``streamlit run tests/browser/live_slider_page.py``).

Used by tests/browser/test_live_slider.py for what the Image Lab's sliders do not show: a help
tooltip, whole-number steps of 2, touch input and the value the page reads. Not part of the app.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import streamlit as st  # noqa: E402

from app.ui.live_slider import dragging, live_slider  # noqa: E402
from app.ui.state import Field  # noqa: E402

SIZE = Field("int", 5, lo=1, hi=21, step=2, unit="px")

value = live_slider("size", SIZE, "Odd size", help="An odd number of pixels")
st.markdown(f"value={value!r} dragging={dragging('size')}")
