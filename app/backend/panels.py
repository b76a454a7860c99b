"""Pillow panels: a spectrum with frequency axes, a kernel with its values, the six-panel figure.

The Image Lab sends the spectrum and kernel panels as plain JPEG/PNG images (``st.image``),
which a browser swaps in far faster than it re-renders a plotly chart; the six-panel figure
(input | kernel | output ; F(input) | H | F(output)) is the CLI's ``figure`` command and the
app's "download figure" button.  Pure numpy + Pillow (never streamlit or plotly); every
array → uint8 conversion goes through :mod:`app.backend.display`.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from kernels.numbers import format_number

from ._validate import real_array
from .colormaps import diverging_lut, spectrum_colormap
from .encoding import enlarge

__all__ = [
    "FREQ_TICKS", "spectrum_panel", "kernel_panel", "format_tap",
    "DEFAULT_TITLES", "PANEL_SIDE", "panel_origin", "render_six_panel_png",
]

FREQ_TICKS: tuple[float, ...] = (-0.5, -0.25, 0.0, 0.25, 0.5)

#: Default titles of the six-panel figure, row by row (input, kernel, output, F(input), H, F(output)).
DEFAULT_TITLES: tuple[str, ...] = (
    "Input f",
    "Kernel h",
    "Output f * h",
    "log |F| (input spectrum)",
    "log |H| (frequency response)",
    "log |F·H| (output spectrum)",
)

#: Side of one square panel of the six-panel figure in pixels.
PANEL_SIDE: int = 320

_WHITE = (255, 255, 255)
_INK = (40, 40, 40)  # spectrum axes
_FRAME = (150, 150, 150)
_TITLE_INK = (20, 20, 20)  # six-panel figure
_NOTE_INK = (110, 110, 110)
_PANEL_FRAME = (200, 200, 200)


@lru_cache(maxsize=8)
def _font(size: int, path: str | None = None) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    """The one font loader: a TrueType file when given (CJK titles), else Pillow's default."""
    if path:
        return ImageFont.truetype(path, size)
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow without FreeType: fixed bitmap font
        return ImageFont.load_default()


def _tick_label(f: float) -> str:
    return format_number(f)


@lru_cache(maxsize=8)
def _frame(h: int, w: int, font_px: int) -> tuple[np.ndarray, int, int]:
    """White canvas with the frequency ticks and labels for an ``h × w`` spectrum, and its offset."""
    font = _font(font_px)
    left, bottom, top, right = int(font_px * 3.4), int(font_px * 1.9), font_px // 2 + 4, int(font_px * 1.3)
    canvas = Image.new("RGB", (w + left + right, h + top + bottom), _WHITE)
    d = ImageDraw.Draw(canvas)
    d.rectangle([left - 1, top - 1, left + w, top + h], outline=_FRAME)
    tick = max(3, font_px // 3)
    for f in FREQ_TICKS:
        x = left + (f + 0.5) * (w - 1)
        y = top + (f + 0.5) * (h - 1)
        label = _tick_label(f)
        d.line([(x, top + h), (x, top + h + tick)], fill=_INK)
        d.text((x, top + h + tick + 1), label, fill=_INK, font=font, anchor="ma")
        d.line([(left - 1 - tick, y), (left - 1, y)], fill=_INK)
        d.text((left - tick - 3, y), label, fill=_INK, font=font, anchor="rm")
    arr = np.asarray(canvas)
    arr.setflags(write=False)
    return arr, top, left


def spectrum_panel(pixels: np.ndarray, *, font_px: int = 13) -> np.ndarray:
    """A centred spectrum (uint8 grey or RGB) framed with frequency ticks in cycles/pixel.

    The x axis runs left → right and the y axis top → bottom from −0.5 to 0.5 (zero frequency
    in the middle). Returns an RGB uint8 image slightly larger than the input. The frame is
    drawn once per size and reused.

    Examples
    --------
    >>> spectrum_panel(np.zeros((64, 64), np.uint8)).shape[2]
    3
    """
    a = np.asarray(pixels)
    if a.dtype != np.uint8 or a.ndim not in (2, 3):
        raise ValueError("spectrum_panel expects a uint8 (H, W) or (H, W, 3) image")
    h, w = a.shape[:2]
    frame, top, left = _frame(h, w, int(font_px))
    out = frame.copy()
    out[top:top + h, left:left + w] = a[..., None] if a.ndim == 2 else a[..., :3]
    return out


def format_tap(v: float) -> str:
    """Short text of one kernel weight: ``1``, ``-0.25``, ``0.061``, ``3.4e-05``.

    Examples
    --------
    >>> [format_tap(v) for v in (0.0, 2.0, -0.25, 1 / 16, 3.4e-5)]
    ['0', '2', '-0.25', '0.062', '3.4e-05']
    """
    if v == 0:
        return "0"
    if abs(v - round(v)) < 1e-9 and abs(v) < 1000:
        s = str(int(round(v)))
    elif abs(v) >= 0.01:
        s = f"{v:.3f}".rstrip("0").rstrip(".")
    else:
        s = f"{v:.1e}"
    return s


def kernel_panel(
    kernel: np.ndarray, *, side: int = 300, max_text_side: int = 9, font_px: int | None = None, palette: str = "standard"
) -> np.ndarray:
    """The kernel as a small image: diverging colours (zero = white), values written in the cells.

    Each tap becomes a square cell (nearest neighbour, no smoothing); cells are separated by thin
    grid lines when they are large enough; values are written up to ``max_text_side`` × ``max_text_side``.
    The colour scale is symmetric, ±max|k|, so zero is always the neutral white; ``palette``
    picks the diverging colours (:func:`app.backend.colormaps.diverging_lut`).

    Examples
    --------
    >>> kernel_panel(np.array([[0.0, 1.0], [-1.0, 0.0]]), side=40).shape
    (40, 40, 3)
    """
    k = real_array(kernel, "the kernel", ndim=(2,))
    kh, kw = k.shape
    cell = max(2, side // max(kh, kw))
    m = float(np.abs(k).max()) or 1.0
    lut = diverging_lut(palette)
    half = (len(lut) - 1) // 2
    idx = np.rint(np.clip(k / m, -1, 1) * half).astype(np.intp) + half
    colours = lut[idx]  # (kh, kw, 3)
    big = enlarge(colours, cell)
    img = Image.fromarray(np.ascontiguousarray(big))
    d = ImageDraw.Draw(img)
    if cell >= 8:
        for i in range(1, kh):
            d.line([(0, i * cell), (kw * cell, i * cell)], fill=_WHITE, width=1)
        for j in range(1, kw):
            d.line([(j * cell, 0), (j * cell, kh * cell)], fill=_WHITE, width=1)
    if max(kh, kw) <= max_text_side:
        size = font_px or max(9, min(28, int(cell * 0.26)))
        font = _font(size)
        lum = colours @ np.array([0.299, 0.587, 0.114])
        for i in range(kh):
            for j in range(kw):
                ink = _WHITE if lum[i, j] < 110 else _TITLE_INK
                d.text(((j + 0.5) * cell, (i + 0.5) * cell), format_tap(k[i, j]), fill=ink, font=font, anchor="mm")
    # mark the anchor (the tap that sits on the output pixel) with a thin dark frame
    ay, ax = kh // 2, kw // 2
    if cell >= 6:
        d.rectangle([ax * cell, ay * cell, (ax + 1) * cell - 1, (ay + 1) * cell - 1], outline=(30, 30, 30), width=2)
    return np.asarray(img)


# --------------------------------------------------------------------------- six-panel figure
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
    palette: str = "standard",
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
        2-D kernel, drawn by :func:`kernel_panel` (the page's kernel panel).
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
    palette : {"standard", "colour_safe"}, default "standard"
        Colours of the kernel, a signed output and the spectra (:mod:`app.backend.colormaps`):
        the colour-vision-safe palette draws spectra in cividis, not grey.

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
    from .display import apply_colormap, signed_display, spectrum_to_uint8, to_uint8

    titles = tuple(DEFAULT_TITLES if titles is None else titles)
    if len(titles) != 6:
        raise ValueError(f"expected 6 panel titles, got {len(titles)}")
    if not 64 <= int(panel_side) <= 1024:
        raise ValueError(f"panel_side must be between 64 and 1024, not {panel_side}")
    panel_side = int(panel_side)
    kernel = real_array(kernel, "the kernel", ndim=(2,))

    image_u8 = to_uint8(np.asarray(image, dtype=np.float64))
    k_limit = float(np.max(np.abs(kernel))) or 1.0
    shown = signed_display(
        np.asarray(output, dtype=np.float64), signed_mode, kernel_sum=float(kernel.sum()), palette=palette
    )
    f_mag = np.abs(np.asarray(image_spectrum))
    shared_max = float(f_mag.max()) or 1.0
    cmap = spectrum_colormap(palette)
    f_u8 = apply_colormap(spectrum_to_uint8(f_mag, dynamic_range_db, vmax=shared_max), cmap)
    h_u8 = apply_colormap(spectrum_to_uint8(np.abs(np.asarray(response)), dynamic_range_db), cmap)
    g_mag = np.abs(np.asarray(output_spectrum))
    g_u8 = apply_colormap(spectrum_to_uint8(g_mag, dynamic_range_db, vmax=shared_max), cmap)

    kh, kw = kernel.shape
    notes = (
        f"{image_u8.shape[1]}x{image_u8.shape[0]}",
        f"{kh}x{kw}, ±{format_number(k_limit, 3)}",
        shown.note,
        f"{format_number(dynamic_range_db)} dB",
        f"{format_number(dynamic_range_db)} dB",
        f"{format_number(dynamic_range_db)} dB, same scale as input",
    )
    panels = [
        _fit(_as_rgb(image_u8), panel_side),
        _as_rgb(kernel_panel(kernel, side=panel_side, palette=palette)),
        _fit(_as_rgb(shown.pixels), panel_side),
        _fit(_as_rgb(f_u8), panel_side),
        _fit(_as_rgb(h_u8), panel_side),
        _fit(_as_rgb(g_u8), panel_side),
    ]

    title_font = _font(_title_px(panel_side), font_path)
    note_font = _font(_note_px(panel_side), font_path)
    gap, title_h, note_h, cell_h = _layout(panel_side)
    cell_w = panel_side
    canvas = Image.new("RGB", (3 * cell_w + 4 * gap, 2 * cell_h + 3 * gap), _WHITE)
    draw = ImageDraw.Draw(canvas)
    for i, (panel, title, note) in enumerate(zip(panels, titles, notes)):
        x0, top = panel_origin(i, panel_side)
        draw.text((x0 + cell_w / 2, top - title_h / 2), title, fill=_TITLE_INK, font=title_font, anchor="mm")
        draw.rectangle((x0 - 1, top - 1, x0 + panel_side, top + panel_side), outline=_PANEL_FRAME)
        px = x0 + (panel_side - panel.width) // 2
        py = top + (panel_side - panel.height) // 2
        canvas.paste(panel, (px, py))
        if note:
            draw.text((x0 + cell_w / 2, top + panel_side + note_h / 2), note, fill=_NOTE_INK, font=note_font, anchor="mm")
    buf = io.BytesIO()
    canvas.save(buf, format="PNG", optimize=False, compress_level=6)
    return buf.getvalue()
