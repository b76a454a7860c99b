"""Arrays to pixels: every float -> uint8 conversion of ConvScope lives here.

Rules
-----
* Positive images in ``[0, 1]`` -> :func:`to_uint8`.  Only rounding excursions (within
  ``RANGE_TOLERANCE`` of the range) are clipped; anything further out raises ``ValueError``.
* Signed results (Laplacian, Sobel, unnormalised kernels) -> :func:`signed_to_rgb`, with an
  explicit mode: a diverging map with zero as neutral white and symmetric limits, ``|x|``, an
  offset grey, or an explicit clip.  :func:`signed_display` is the one rule the pages, the export
  and the CLI use: it picks the path (:func:`is_signed`, :func:`display_mode`) and the limit, and
  reports what it saturated.  Signed data are never clipped silently.
* Spectra -> :func:`spectrum_to_uint8` (log magnitude over a dynamic range in dB), or
  :func:`half_spectrum_to_uint8` straight from an ``rfft2`` half spectrum (cheaper, identical).
* Colours: every coloured path takes ``palette`` (``"standard"`` or ``"colour_safe"``, see
  :mod:`app.backend.colormaps`); zero stays the same neutral white in both.
* Bytes for the browser: :func:`encode_jpeg` (photos, spectra), :func:`encode_png` (exact),
  after :func:`downsample_for_display` (area averaging) or :func:`enlarge` (nearest neighbour, whole
  factors), at the one :data:`JPEG_QUALITY` — from :mod:`app.backend.encoding`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from PIL import Image

from kernels.numbers import format_number

from ._validate import choice, positive_number
from .colormaps import PALETTES, SEQUENTIAL, diverging_lut, sequential_lut
from .encoding import JPEG_QUALITY, downsample_for_display, encode_jpeg, encode_png, enlarge
from .spectra import _power, full_from_half, luminance_weights

__all__ = [
    "RANGE_TOLERANCE",
    "SIGNED_MODES",
    "DISPLAY_RULES",
    "SATURATE_PERCENTILE",
    "SignedDisplay",
    "display_mode",
    "signed_display",
    "to_uint8",
    "signed_to_rgb",
    "spectrum_to_uint8",
    "half_spectrum_to_uint8",
    "power_to_uint8",
    "is_signed",
    "encode_png",
    "encode_jpeg",
    "downsample_for_display",
    "enlarge",
    "JPEG_QUALITY",
    "DIVERGING_LUT",
    "COLORMAPS",
    "apply_colormap",
]

SignedMode = Literal["diverging", "abs", "offset", "clip"]
SIGNED_MODES: tuple[str, ...] = ("diverging", "abs", "offset", "clip")
#: What a page, the export and the CLI offer: ``"auto"`` picks a mode per output (:func:`display_mode`).
DISPLAY_RULES: tuple[str, ...] = ("auto", *SIGNED_MODES)
#: The diverging map of :func:`signed_display` saturates the strongest 0.5 % of ``|x|`` (and says so).
SATURATE_PERCENTILE: float = 99.5

#: Excursions outside [0, 1] smaller than this are rounding, and are clipped by :func:`to_uint8`.
RANGE_TOLERANCE: float = 1e-3

#: The standard palette's 255-entry diverging table (see :func:`app.backend.colormaps.diverging_lut`).
DIVERGING_LUT: np.ndarray = diverging_lut("standard")
_LUT_HALF = (len(DIVERGING_LUT) - 1) // 2
# Pillow palettes (256 entries each) of every diverging table, for :func:`_apply_lut`
_PIL_PALETTES = {p: np.concatenate([diverging_lut(p).ravel(), np.zeros(3, np.uint8)]).tobytes() for p in PALETTES}


def _finite_float(x: object, what: str = "image", *, check_finite: bool = True) -> np.ndarray:
    a = np.asarray(x)
    if a.dtype.kind not in "biuf":
        raise ValueError(f"{what} must be real numbers; got dtype {a.dtype}")
    if a.ndim not in (2, 3) or a.size == 0:
        raise ValueError(f"{what} must be a non-empty (H, W) or (H, W, C) array; got shape {a.shape}")
    if check_finite and a.dtype.kind == "f" and not (np.isfinite(a.sum()) or np.isfinite(a).all()):
        raise ValueError(f"{what} contains NaN or infinite values")
    return a


def is_signed(x: np.ndarray) -> bool:
    """True if ``x`` is not a plain ``[0, 1]`` image and needs :func:`signed_to_rgb`.

    That is, it has values below 0 (or above 1) by more than :data:`RANGE_TOLERANCE` — the
    output of a Laplacian or Sobel kernel, or of a kernel whose taps do not sum to 1.

    Examples
    --------
    >>> is_signed(np.array([[0.0, 1.0]])), is_signed(np.array([[-0.5, 0.5]]))
    (False, True)
    """
    a = np.asarray(x)
    if a.dtype == np.uint8 or a.size == 0:
        return False
    return bool(a.min() < -RANGE_TOLERANCE or a.max() > 1.0 + RANGE_TOLERANCE)


def to_uint8(image: np.ndarray) -> np.ndarray:
    """A positive image in ``[0, 1]`` to uint8 (``round(255 x)``); shape is kept.

    Only rounding excursions within :data:`RANGE_TOLERANCE` of ``[0, 1]`` are clipped; data
    further out raise ``ValueError`` (use :func:`signed_to_rgb`, e.g. ``mode="clip"`` to clip on
    purpose).  uint8 input passes through; booleans map to 0/255.

    Examples
    --------
    >>> to_uint8(np.array([[0.0, 0.5, 1.0000001]]))
    array([[  0, 128, 255]], dtype=uint8)
    """
    a = np.asarray(image)
    if a.dtype == np.uint8:
        return a
    if a.dtype == np.bool_:
        return a.astype(np.uint8) * np.uint8(255)
    a = _finite_float(a)
    if is_signed(a):
        raise ValueError(
            f"image values span [{format_number(a.min(), 3)}, {format_number(a.max(), 3)}], outside [0, 1]; "
            "use signed_to_rgb(x, mode=...) to show signed or out-of-range data"
        )
    out = np.clip(a, 0.0, 1.0).astype(np.float32)
    out *= 255.0
    out += 0.5
    return out.astype(np.uint8)


def _grey_to_rgb(g: np.ndarray) -> np.ndarray:
    return np.repeat(g[..., None], 3, axis=-1) if g.ndim == 2 else g


def _luma(a: np.ndarray) -> np.ndarray:
    if a.ndim == 2:
        return a
    return a @ luminance_weights(a.shape[2]).astype(a.dtype if a.dtype.kind == "f" else np.float64)


def _unit_to_u8(t: np.ndarray) -> np.ndarray:
    """``round(255 clip(t, 0, 1))`` as uint8, in float32; three passes, one temporary."""
    with np.errstate(over="ignore", invalid="ignore"):
        out = np.multiply(t, np.float32(255.0), dtype=np.float32)  # == float32(t) * 255
    out += np.float32(0.5)
    np.clip(out, np.float32(0.0), np.float32(255.5), out=out)  # == clip first, then scale
    return out.astype(np.uint8)


def signed_to_rgb(
    x: np.ndarray, mode: SignedMode = "diverging", *, limit: float | None = None, palette: str = "standard"
) -> np.ndarray:
    """Show signed data as an ``(H, W, 3)`` uint8 image, with an explicit mapping.

    Parameters
    ----------
    x : ndarray, shape (H, W) or (H, W, C)
        Real, finite data.  Colour data are shown per channel for ``abs``/``offset``/``clip``
        (3 channels) and as luminance for ``diverging``.
    mode : {"diverging", "abs", "offset", "clip"}
        * ``diverging``: blue (``-limit``) – neutral white (0) – red (``+limit``; dark orange
          in the ``colour_safe`` palette); zero is always the neutral middle colour.
        * ``abs``: grey ``|x| / limit``.
        * ``offset``: grey ``0.5 + x / (2 limit)`` (zero is mid grey).
        * ``clip``: grey ``clip(x, 0, 1)`` — clipping on purpose (with ``limit``: of ``x / limit``).
    limit : float, optional
        Symmetric display limit; default ``max |x|`` (1 for all-zero data), so nothing is
        clipped.  A smaller explicit limit saturates larger values at the ends.
    palette : {"standard", "colour_safe"}, default "standard"
        The diverging map's colours (:func:`app.backend.colormaps.diverging_lut`): the
        colour-vision-safe one ends in dark orange instead of red.

    Examples
    --------
    >>> rgb = signed_to_rgb(np.array([[-2.0, 0.0, 2.0]]))
    >>> rgb[0, 1].tolist(), rgb[0, 0].tolist(), rgb[0, 2].tolist()
    ([247, 247, 247], [5, 48, 97], [103, 0, 31])
    >>> signed_to_rgb(np.array([[0.0, 2.0]]), palette="colour_safe")[0].tolist()
    [[247, 247, 247], [127, 59, 8]]
    >>> signed_to_rgb(np.array([[-1.0, 0.0, 1.0]]), "offset")[0, :, 0].tolist()
    [0, 128, 255]
    """
    choice(mode, SIGNED_MODES, "mode")
    choice(palette, PALETTES, "palette")
    a = _finite_float(x, "data")
    if a.dtype.kind != "f":
        a = a.astype(np.float64)
    if limit is None:
        peak = max(-float(a.min()), float(a.max()))
        lim = peak if peak > 0 else 1.0
    else:
        lim = positive_number(limit, "limit")
    return _signed_rgb(a, mode, lim, scale_clip=limit is not None, palette=palette)


def _signed_rgb(a: np.ndarray, mode: str, lim: float, *, scale_clip: bool, palette: str = "standard") -> np.ndarray:
    """:func:`signed_to_rgb` on validated float data with a resolved limit."""
    if mode == "diverging":
        return _apply_lut(_diverging_index(_luma(a), lim), palette)
    if a.ndim == 3 and a.shape[2] != 3:
        a = _luma(a)
    with np.errstate(over="ignore"):  # tiny explicit limits saturate, as documented
        if mode == "abs":
            grey = _unit_to_u8(np.abs(a) / lim)
        elif mode == "offset":
            grey = _unit_to_u8(0.5 + a / (2.0 * lim))
        else:  # clip, on request
            grey = _unit_to_u8(a / lim if scale_clip else a)
    return _grey_to_rgb(grey)


def _apply_lut(idx: np.ndarray, palette: str) -> np.ndarray:
    """``diverging_lut(palette)[idx]`` as (H, W, 3) uint8, via a Pillow palette image (~2x np.take)."""
    h, w = idx.shape
    img = Image.frombuffer("P", (w, h), np.ascontiguousarray(idx), "raw", "P", 0, 1)
    img.putpalette(_PIL_PALETTES[palette])
    return np.array(img.convert("RGB"))  # writeable, like every other output here


def _diverging_index(a: np.ndarray, lim: float) -> np.ndarray:
    """LUT index ``round(127 * clip(a / lim, -1, 1)) + 127`` as uint8, in float32 (display precision)."""
    scale = _LUT_HALF / lim
    if 1e-30 < scale < 1e30:  # float32 is plenty for 255 colours
        t = np.multiply(a, np.float32(scale), dtype=np.float32)
    else:  # extreme limits: divide first, in float64 (|a / lim| <= 1 for the default limit)
        with np.errstate(over="ignore"):
            t = (np.divide(a, lim, dtype=np.float64) * _LUT_HALF).astype(np.float32)
    t += np.float32(_LUT_HALF + 0.5)
    np.clip(t, 0.0, 2 * _LUT_HALF + 0.5, out=t)
    return t.astype(np.uint8)


@dataclass(frozen=True)
class SignedDisplay:
    """Pixels of a filter output and how they were made (see :func:`signed_display`).

    ``mode`` is ``"plain"`` or one of :data:`SIGNED_MODES`; ``lo``/``hi`` are the output's range;
    ``clipped_fraction`` is the share of pixels outside ``[0, 1]`` (``clip``) or beyond ``±limit``
    (``diverging``); ``limit`` is the colour-scale limit of the diverging, abs and offset maps.
    """

    pixels: np.ndarray
    mode: str
    lo: float
    hi: float
    clipped_fraction: float
    limit: float = 0.0

    @property
    def note(self) -> str:
        """How the pixels were made, in a few English words (``""`` for a plain image).

        Examples
        --------
        >>> signed_display(np.array([[-1.0, 0.0, 1.0]])).note
        'diverging ±1 (0.0 % saturated)'
        """
        pct = f"{100 * self.clipped_fraction:.1f} %"
        return {
            "plain": "",
            "clip": f"clipped to 0..1 ({pct} of pixels)",
            "diverging": f"diverging ±{format_number(self.limit, 3)} ({pct} saturated)",
            "abs": f"|x| / {format_number(self.limit, 3)}",
            "offset": f"0.5 + x / {format_number(2 * self.limit, 3)}",
        }[self.mode]


def display_mode(output: np.ndarray, mode: str = "auto", *, kernel_sum: float | None = None) -> str:
    """The mapping :func:`signed_display` uses: ``"plain"`` or one of :data:`SIGNED_MODES`.

    An output inside ``[0, 1]`` stays plain whatever ``mode`` asks.  ``"auto"`` shows the output
    of a kernel whose weights sum to 1 (sharpen, unsharp mask: the picture is kept, edges
    boosted) clipped to ``[0, 1]``, and any other signed output (edge detectors, weights summing
    to 0) with the diverging map, zero = neutral.

    Examples
    --------
    >>> x = np.array([[-0.5, 1.5]])
    >>> display_mode(x), display_mode(x, kernel_sum=1.0), display_mode(x / 2 + 0.25, "abs")
    ('diverging', 'clip', 'plain')
    """
    choice(mode, DISPLAY_RULES, "display mode")
    if not is_signed(output):
        return "plain"
    if mode != "auto":
        return mode
    return "clip" if kernel_sum is not None and abs(kernel_sum - 1.0) < 1e-6 else "diverging"


def signed_display(
    output: np.ndarray,
    mode: str = "auto",
    *,
    kernel_sum: float | None = None,
    palette: str = "standard",
    limit: float | Literal["robust", "peak"] = "robust",
    signed: bool | None = None,
) -> SignedDisplay:
    """The one display rule of a filter output, shared by every page, the export and the CLI.

    Parameters
    ----------
    output : ndarray, shape (H, W) or (H, W, C)
        Real, finite filter output.
    mode : {"auto", "diverging", "abs", "offset", "clip"}, default "auto"
        See :func:`display_mode`.  ``clip`` clips to ``[0, 1]``; the other maps use ``limit``.
    kernel_sum : float, optional
        Sum of the kernel's weights (``auto`` clips the output of kernels summing to 1).
    palette : {"standard", "colour_safe"}, default "standard"
        Colours of the diverging map (:func:`app.backend.colormaps.diverging_lut`).
    limit : "robust", "peak" or float, default "robust"
        The colour scale's symmetric limit.  ``"robust"``: the diverging map uses ``±`` the
        :data:`SATURATE_PERCENTILE` th percentile of ``|x|`` (of the luminance for colour) so faint
        edges stay visible, ``abs``/``offset`` use ``±max|x|``; ``"peak"``: ``±max|x|`` in every map
        (nothing saturates); a number: that limit (larger values saturate, and are counted).
    signed : bool, optional
        ``True`` for data that are signed by nature (a difference, a wave): always a signed map,
        even when the values happen to lie in ``[0, 1]`` (an all-zero difference is neutral, not
        black).  Default: decided from the data (:func:`is_signed`).

    Returns
    -------
    SignedDisplay
        uint8 pixels at full size, the mode used, the range, and the share of pixels clipped
        or saturated — the caller shows it, so nothing is clipped silently.

    Examples
    --------
    >>> d = signed_display(np.array([[-0.5, 0.5, 1.5]]), kernel_sum=1.0)
    >>> d.mode, d.pixels[0, :, 0].tolist(), round(d.clipped_fraction, 3)
    ('clip', [0, 128, 255], 0.667)
    >>> signed_display(np.array([[0.0, 1.0]])).pixels.tolist()
    [[0, 255]]
    >>> d = signed_display(np.zeros((1, 2)), "diverging", signed=True)
    >>> d.mode, d.pixels[0, 0].tolist()
    ('diverging', [247, 247, 247])
    >>> signed_display(np.array([[-2.0, 1.0]]), "diverging", limit=1.0).clipped_fraction
    0.5
    """
    a = _finite_float(output, "output")
    if not (isinstance(limit, str) and limit in ("robust", "peak")):
        limit = positive_number(limit, "limit")
    shown = display_mode(a, mode, kernel_sum=kernel_sum)
    if signed and shown == "plain":
        shown = "diverging" if mode == "auto" else mode
    lo, hi = float(a.min()), float(a.max())
    if shown == "plain":
        return SignedDisplay(to_uint8(a), shown, lo, hi, 0.0)
    if shown == "clip":
        return SignedDisplay(signed_to_rgb(a, "clip"), shown, lo, hi, float(np.mean((a < 0) | (a > 1))))
    mag = np.abs(_luma(a) if shown == "diverging" else a)
    peak = float(mag.max()) or 1.0
    if not isinstance(limit, str):
        scale = float(limit)
    elif limit == "robust" and shown == "diverging":
        robust = float(np.percentile(mag, SATURATE_PERCENTILE))
        scale = min(peak, robust) if robust > 1e-12 else peak
    else:
        scale = peak
    fraction = float(np.mean(mag > scale))
    return SignedDisplay(signed_to_rgb(a, shown, limit=scale, palette=palette), shown, lo, hi, fraction, scale)


def power_to_uint8(power: np.ndarray, dynamic_range_db: float = 80.0, *, vmax: float | None = None) -> np.ndarray:
    """:func:`spectrum_to_uint8` from squared magnitudes (``vmax`` is still a magnitude).

    Examples
    --------
    >>> power_to_uint8(np.array([1.0, 0.01, 1e-8]), 80.0)
    array([255, 191,   0], dtype=uint8)
    """
    power = np.asarray(power)
    positive_number(dynamic_range_db, "dynamic_range_db")
    top = float(power.max()) if vmax is None else float(vmax) ** 2
    if not top > 0:
        return np.zeros(power.shape, np.uint8)
    # 255 * (1 + 10 log10(p / top) / DR), in float32 (display precision)
    p = power.astype(np.float32, copy=False)
    with np.errstate(divide="ignore"):
        out = np.log10(p, dtype=np.float32)
    out *= np.float32(2550.0 / dynamic_range_db)
    out += np.float32(255.0 - 2550.0 * np.log10(top) / dynamic_range_db + 0.5)
    np.clip(out, 0.0, 255.0, out=out)
    return out.astype(np.uint8)


def spectrum_to_uint8(spec_or_mag: np.ndarray, dynamic_range_db: float = 80.0, *, vmax: float | None = None) -> np.ndarray:
    """Log-magnitude display of a spectrum: ``vmax`` -> 255, ``vmax - dynamic_range_db`` dB -> 0.

    Parameters
    ----------
    spec_or_mag : ndarray
        Complex spectrum or non-negative magnitude (any shape; usually centred 2-D).
    dynamic_range_db : float
        Decibels (``20 log10`` of magnitude) between black and white.
    vmax : float, optional
        Magnitude shown white (default: the maximum); fix it to compare several spectra.

    Examples
    --------
    >>> spectrum_to_uint8(np.array([[1.0, 0.1, 1e-4, 0.0]]), 80.0)
    array([[255, 191,   0,   0]], dtype=uint8)
    """
    a = np.asarray(spec_or_mag)
    if a.size == 0:
        raise ValueError("spectrum is empty")
    return power_to_uint8(_power(a), dynamic_range_db, vmax=vmax)


def half_spectrum_to_uint8(
    half: np.ndarray, n_cols: int, dynamic_range_db: float = 80.0, *, vmax: float | None = None, centred: bool = True
) -> np.ndarray:
    """:func:`spectrum_to_uint8` of the full (centred) spectrum, from its ``rfft2`` half.

    Log-scales only the half spectrum, then mirrors the uint8 values: about 2.5x cheaper than
    building the full complex spectrum first, pixel-identical.

    Examples
    --------
    >>> x = np.random.default_rng(0).random((6, 7))
    >>> a = half_spectrum_to_uint8(np.fft.rfft2(x), 7)
    >>> b = spectrum_to_uint8(np.fft.fftshift(np.fft.fft2(x)))
    >>> int(np.abs(a.astype(int) - b).max()) <= 1
    True
    """
    return full_from_half(spectrum_to_uint8(half, dynamic_range_db, vmax=vmax), int(n_cols), centred=centred)


COLORMAPS: tuple[str, ...] = ("grey", *SEQUENTIAL)


def apply_colormap(grey: np.ndarray, name: str = "grey") -> np.ndarray:
    """Colour a uint8 grey image with a 256-entry map; ``"grey"`` returns it unchanged.

    Examples
    --------
    >>> apply_colormap(np.array([[0, 255]], np.uint8), "inferno").tolist()
    [[[0, 0, 4], [252, 255, 164]]]
    """
    a = np.asarray(grey)
    if a.dtype != np.uint8 or a.ndim != 2:
        raise ValueError("apply_colormap expects an (H, W) uint8 image")
    if name == "grey":
        return a
    choice(name, COLORMAPS, "colour map")
    return sequential_lut(name)[a]
