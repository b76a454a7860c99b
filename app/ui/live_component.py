"""The live components' common start: a ``streamlit.components.v2`` component from this package's files.

Each live component (:mod:`app.ui.live_slider`, :mod:`app.ui.live_camera`) is inline HTML/CSS and a
JS module read from this folder (no build step, nothing fetched from elsewhere), preceded by
``live_drawn.js``: the backpressure's wait for a run's pictures, which both share.
"""

from __future__ import annotations

from pathlib import Path

from streamlit.components.v2 import component

_HERE = Path(__file__).parent


def live_component(name: str, html: str, css: str, js_file: str):
    """Register the component ``name`` whose module is ``js_file`` (in ``app/ui``); returns its mount function."""
    js = (_HERE / "live_drawn.js").read_text(encoding="utf-8") + (_HERE / js_file).read_text(encoding="utf-8")
    return component(name, html=html, css=css, js=js)
