"""The six-panel figure (input | kernel | output ; F(input) | H | F(output)) as a PNG.

Drawn with Pillow only (no plotly, no browser), so it works from the command line
(``python -m app.cli figure ...``) and for the app's "download figure" button.
All array → uint8 conversions go through :mod:`app.backend.display`.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFont

__all__ = ["DEFAULT_TITLES", "PANEL_SIDE", "panel_origin", "render_six_panel_png"]

#: Default panel titles, row by row (input, kernel, output, F(input), H, F(output)).
DEFAULT_TITLES: tuple[str, ...] = (
    "Input f",
    "Kernel h",
    "Output f * h",
    "log |F| (input spectrum)",
    "log |H| (frequency response)",
    "log |F·H| (output spectrum)",
)

#: Side of one square panel in pixels.
PANEL_SIDE: int = 320

_BACKGROUND = (255, 255, 255)
_INK = (20, 20, 20)
_MUTED = (110, 110, 110)
_FRAME = (200, 200, 200)


@lru_cache(maxsize=8)
def _font(size: int, path: str | None = None) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    if path:
        return ImageFont.truetype(path, size)
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow without FreeType: fixed bitmap font
        return ImageFont.load_default()


def _as_rgb(u8: np.ndarray) -> Image.Image:
    u8 = np.ascontiguousarray(u8, dtype=np.uint8)
    if u8.ndim == 2:
        return Image.fromarray(u8).convert("RGB")
    if u8.ndim == 3 and u8.shape[2] == 3:
        return Image.fromarray(u8)
    if u8.ndim == 3 and u8.shape[2] == 4:
        return Image.fromarray(u8).convert("RGB")
    raise ValueError(f"cannot show an array of shape {u8.shape} as an image")


def _title_px(panel_side: int) -> int:
    return max(12, panel_side // 18)


def _note_px(panel_side: int) -> int:
    return max(10, panel_side // 24)


def _layout(panel_side: int) -> tuple[int, int, int, int]:
    """(gap, title height, note height, cell height) of the six-panel grid."""
    gap = max(8, panel_side // 20)
    title_h = _title_px(panel_side) + 10
    note_h = _note_px(panel_side) + 8
    return gap, title_h, note_h, title_h + panel_side + note_h


def panel_origin(index: int, panel_side: int = PANEL_SIDE) -> tuple[int, int]:
    """Top-left pixel ``(x, y)`` of panel ``index`` (0..5, row by row) in the six-panel figure.

    A panel smaller than ``panel_side`` is centred in its ``panel_side`` square box.

    Examples
    --------
    >>> panel_origin(0, 320), panel_origin(5, 320)
    ((16, 43), (688, 427))
    """
    if not 0 <= index < 6:
        raise ValueError(f"panel index must be 0..5, not {index}")
    gap, title_h, _, cell_h = _layout(panel_side)
    row, col = divmod(index, 3)
    return gap + col * (panel_side + gap), gap + row * (cell_h + gap) + title_h


def _fit(img: Image.Image, side: int) -> Image.Image:
    """Scale ``img`` to fit a ``side``x``side`` box, keeping the aspect ratio (area average when shrinking)."""
    w, h = img.size
    scale = side / max(w, h)
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    if size == (w, h):
        return img
    return img.resize(size, resample=Image.Resampling.BOX if scale < 1 else Image.Resampling.LANCZOS)


def render_six_panel_png(
    image: np.ndarray,
    kernel: np.ndarray,
    output: np.ndarray,
    image_spectrum: np.ndarray,
    response: np.ndarray,
    output_spectrum: np.ndarray,
    *,
    titles: Sequence[str] | None = None,
    panel_side: int = PANEL_SIDE,
    dynamic_range_db: float = 80.0,
    signed_mode: str = "auto",
    font_path: str | None = None,
) -> bytes:
    """Render the six linked panels as one PNG.

    Layout (2 rows x 3 columns)::

        input f        | kernel h        | output f * h
        log |F|        | log |H|         | log |F·H|

    Parameters
    ----------
    image : numpy.ndarray
        Input, ``(H, W)`` or ``(H, W, 3)`` float in ``[0, 1]``.
    kernel : numpy.ndarray
        2-D kernel, drawn by :func:`app.backend.panels.kernel_panel` (the page's kernel panel).
    output : numpy.ndarray
        Convolution result, shown by :func:`app.backend.display.signed_display` (the page's
        rule; ``signed_mode`` picks the mapping).  How it was mapped is written under the panel.
    image_spectrum, response, output_spectrum : numpy.ndarray
        Centred (fftshifted) complex spectra or magnitudes: F(input), H and
        F(output) = F·H.  Input and output spectra share one log scale (the input's
        maximum), so frequencies the kernel removes are visibly dark.
    titles : sequence of 6 str, optional
        Panel titles (default :data:`DEFAULT_TITLES`).  Pillow's default font has
        no CJK glyphs: pass ``font_path`` to a CJK TrueType font for Chinese titles.
    panel_side : int, default 320
        Side of each square panel in pixels (64 .. 1024).
    dynamic_range_db : float, default 80
        Dynamic range of the log-magnitude spectra.
    signed_mode : {"auto", "diverging", "abs", "offset", "clip"}, default "auto"
        How a signed output is shown (:data:`app.backend.display.DISPLAY_RULES`).
    font_path : str, optional
        TrueType font for the titles.

    Returns
    -------
    bytes
        The PNG file.

    Raises
    ------
    ValueError
        Wrong number of titles, bad shapes, non-finite values or a bad panel size.

    Examples
    --------
    >>> from app.backend import convolve, frequency_response, spectrum
    >>> x = np.random.default_rng(0).random((32, 32)); k = np.full((3, 3), 1 / 9)
    >>> y = convolve(x, k)
    >>> png = render_six_panel_png(x, k, y, spectrum(x), frequency_response(k, x.shape), spectrum(y), panel_side=64)
    >>> png[1:4], len(png) > 1000
    (b'PNG', True)
    """
    from app.backend.display import signed_display, spectrum_to_uint8, to_uint8
    from app.backend.panels import kernel_panel

    titles = tuple(DEFAULT_TITLES if titles is None else titles)
    if len(titles) != 6:
        raise ValueError(f"expected 6 panel titles, got {len(titles)}")
    if not 64 <= int(panel_side) <= 1024:
        raise ValueError(f"panel_side must be between 64 and 1024, not {panel_side}")
    panel_side = int(panel_side)
    kernel = np.asarray(kernel, dtype=np.float64)
    if kernel.ndim != 2 or kernel.size == 0:
        raise ValueError(f"the kernel must be a non-empty 2-D array, got shape {kernel.shape}")
    if not np.all(np.isfinite(kernel)):
        raise ValueError("The kernel contains NaN or infinite values.")

    image_u8 = to_uint8(np.asarray(image, dtype=np.float64))
    k_limit = float(np.max(np.abs(kernel))) or 1.0
    shown = signed_display(np.asarray(output, dtype=np.float64), signed_mode, kernel_sum=float(kernel.sum()))
    f_mag = np.abs(np.asarray(image_spectrum))
    shared_max = float(f_mag.max()) or 1.0
    f_u8 = spectrum_to_uint8(f_mag, dynamic_range_db, vmax=shared_max)
    h_u8 = spectrum_to_uint8(np.abs(np.asarray(response)), dynamic_range_db)
    g_u8 = spectrum_to_uint8(np.abs(np.asarray(output_spectrum)), dynamic_range_db, vmax=shared_max)

    kh, kw = kernel.shape
    notes = (
        f"{image_u8.shape[1]}x{image_u8.shape[0]}",
        f"{kh}x{kw}, ±{k_limit:.3g}",
        shown.note,
        f"{dynamic_range_db:g} dB",
        f"{dynamic_range_db:g} dB",
        f"{dynamic_range_db:g} dB, same scale as input",
    )
    panels = [
        _fit(_as_rgb(image_u8), panel_side),
        _as_rgb(kernel_panel(kernel, side=panel_side)),
        _fit(_as_rgb(shown.pixels), panel_side),
        _fit(_as_rgb(f_u8), panel_side),
        _fit(_as_rgb(h_u8), panel_side),
        _fit(_as_rgb(g_u8), panel_side),
    ]

    title_font = _font(_title_px(panel_side), font_path)
    note_font = _font(_note_px(panel_side), font_path)
    gap, title_h, note_h, cell_h = _layout(panel_side)
    cell_w = panel_side
    canvas = Image.new("RGB", (3 * cell_w + 4 * gap, 2 * cell_h + 3 * gap), _BACKGROUND)
    draw = ImageDraw.Draw(canvas)
    for i, (panel, title, note) in enumerate(zip(panels, titles, notes)):
        x0, top = panel_origin(i, panel_side)
        draw.text((x0 + cell_w / 2, top - title_h / 2), title, fill=_INK, font=title_font, anchor="mm")
        draw.rectangle((x0 - 1, top - 1, x0 + panel_side, top + panel_side), outline=_FRAME)
        px = x0 + (panel_side - panel.width) // 2
        py = top + (panel_side - panel.height) // 2
        canvas.paste(panel, (px, py))
        if note:
            draw.text((x0 + cell_w / 2, top + panel_side + note_h / 2), note, fill=_MUTED, font=note_font, anchor="mm")
    buf = io.BytesIO()
    canvas.save(buf, format="PNG", optimize=False, compress_level=6)
    return buf.getvalue()
