"""Small adapters over third-party components, so they can be swapped without touching pages.

* :func:`drawing_canvas` — a free-hand drawing canvas.  Backed by ``streamlit-drawable-canvas``
  (0.13, a Streamlit Components v2 package; verified drawing and returning RGBA pixels in
  Streamlit 1.67 + Chromium).  When that package cannot be imported (not installed, or a
  future Streamlit breaks it) a grid painter (``st.data_editor`` of check boxes) stands in:
  the page gets the same :class:`Drawing` either way.
* :func:`click_image` — the pixel a user clicked on an image, via
  ``streamlit-image-coordinates`` (0.4.1); ``None`` when it is unavailable (pages then rely on
  their x/y inputs).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import streamlit as st

from app.ui.a11y import describe

__all__ = ["Drawing", "canvas_backend", "drawing_canvas", "click_image", "clicks_available"]


@dataclass(frozen=True)
class Drawing:
    """What a canvas holds: RGBA pixels (transparent background; ``None`` before any drawing)."""

    rgba: np.ndarray | None
    backend: str  # "drawable-canvas" | "grid"
    json: dict | None = None


@lru_cache(maxsize=1)
def _canvas_module():
    try:
        import streamlit_drawable_canvas as mod  # registers a Components v2 component

        return mod
    except Exception:  # noqa: BLE001 - any import-time failure means: use the fallback
        return None


@lru_cache(maxsize=1)
def _coords_module():
    try:
        import streamlit_image_coordinates as mod

        return mod
    except Exception:  # noqa: BLE001
        return None


def canvas_backend() -> str:
    """``"drawable-canvas"`` when the component is usable, else ``"grid"``."""
    return "drawable-canvas" if _canvas_module() is not None else "grid"


def clicks_available() -> bool:
    return _coords_module() is not None


def drawing_canvas(
    *,
    key: str,
    side: int = 280,
    stroke_width: int = 16,
    stroke_color: str = "#ff0000",
    initial_drawing: dict | None = None,
    grid_cells: int = 15,
    force_grid: bool = False,
    background_image=None,  # Filter Designer: PIL image under the strokes; drawable canvas only
) -> Drawing:
    """A square drawing surface of ``side`` pixels; returns its pixels as RGBA.

    ``initial_drawing`` is Fabric.js JSON (only for the drawable canvas).  The grid fallback
    shows ``grid_cells × grid_cells`` tick boxes; a ticked box is opaque ink.
    """
    mod = None if force_grid else _canvas_module()
    if mod is not None:
        res = mod.st_canvas(
            stroke_width=int(stroke_width),
            stroke_color=stroke_color,
            background_color="",
            background_image=background_image,
            height=int(side),
            width=int(side),
            drawing_mode="freedraw",
            initial_drawing=initial_drawing,
            return_image_data=True,
            key=key,
        )
        try:
            rgba = res.image_data
        except Exception:  # noqa: BLE001 - a half-sent drawing
            rgba = None
        if rgba is not None and rgba.ndim == 3 and rgba.shape[2] == 4 and not rgba[..., 3].any():
            rgba = None
        return Drawing(rgba, "drawable-canvas", res.json_data)
    return _grid_painter(key=key, cells=grid_cells, stroke_color=stroke_color)


def _grid_painter(*, key: str, cells: int, stroke_color: str) -> Drawing:
    import pandas as pd

    cells = int(max(1, min(cells, 31)))
    df = pd.DataFrame(np.zeros((cells, cells), bool), columns=[str(i + 1) for i in range(cells)])
    edited = st.data_editor(
        df,
        key=key,
        hide_index=True,
        num_rows="fixed",
        column_config={c: st.column_config.CheckboxColumn(c, width="small") for c in df.columns},
    )
    ink = np.asarray(edited, dtype=bool)
    if not ink.any():
        return Drawing(None, "grid")
    rgb = np.array([int(stroke_color[i : i + 2], 16) for i in (1, 3, 5)], np.uint8)
    rgba = np.zeros((cells, cells, 4), np.uint8)
    rgba[ink, :3] = rgb
    rgba[ink, 3] = 255
    return Drawing(rgba, "grid")


def click_image(pixels: np.ndarray, *, key: str, width: int | None = None, alt: str = "") -> tuple[int, int, int, int] | None:
    """Show ``pixels`` (uint8) and return ``(x, y, shown_width, shown_height)`` of the last click.

    ``alt`` is the picture's text alternative (:func:`app.ui.a11y.alt_text`); the clickable component draws
    it in a frame of its own, so it is also given there as text for screen readers.

    ``None`` before the first click, or when the component is unavailable (the image is then
    shown with ``st.image`` and the page's x/y inputs do the job).
    """
    mod = _coords_module()
    if mod is None:
        st.image(pixels, width=width or "content", alt=alt or None)
        return None
    value = mod.streamlit_image_coordinates(pixels, key=key, width=width, cursor="crosshair")
    if alt:
        describe(alt)
    if not value:
        return None
    try:
        return int(value["x"]), int(value["y"]), int(value["width"]), int(value["height"])
    except (KeyError, TypeError, ValueError):
        return None
