"""Bounded decoding for :mod:`app.backend.images`: encoded bytes to a float picture in ``[0, 1]``,
area-averaged by an integer factor while it is converted a strip at a time, and the area-averaging
resize to a working copy's size.

The rules (modes, transparency, ranges) and the memory bound are described in
:mod:`app.backend.images`; this module holds how they are carried out. Callers hold
:data:`~app.backend.images.DECODE_SLOT`.
"""

from __future__ import annotations

import functools
import io
import math

import numpy as np
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

from .images import MAX_PIXELS, SUPPORTED_FORMATS, ImageError

#: Pixels converted to float at a time (the float temporaries stay a few tens of MB).
_STRIP_PIXELS: int = 1 << 16


def _megapixels(n: int) -> str:
    return f"{n / 1e6:.1f}"


def _too_large(width: int, height: int, max_pixels: int) -> ImageError:
    mp, limit = _megapixels(width * height), _megapixels(max_pixels)
    return ImageError(
        f"The image is too large: {width}×{height} pixels ({mp} megapixels; the limit is {limit} megapixels).",
        "too_large", pixels=mp, limit=limit,
    )



def _on_white(rgb: np.ndarray, alpha: np.ndarray) -> np.ndarray:
    """Composite ``rgb`` (H, W[, C]) with straight ``alpha`` (H, W) in [0, 1] on white, in place."""
    if rgb.ndim == 3:
        alpha = alpha[..., None]
    rgb *= alpha
    rgb += 1.0
    rgb -= alpha
    return rgb


def _unit(img: Image.Image, scale: float) -> np.ndarray:
    a = np.asarray(img, dtype=np.float64)
    a /= scale
    return a


def _strip_values(img: Image.Image) -> np.ndarray:
    """Float64 values of one strip of a loaded Pillow image (any mode).

    Everything but modes ``I`` and ``F`` is final here (scaled to [0, 1], transparency
    on white, palettes and other colour spaces as RGB); ``I`` and ``F`` are returned
    raw, their range is settled over the whole picture by :func:`_settle_range`.
    """
    mode = img.mode
    if mode == "1":
        return _unit(img.convert("L"), 255.0)
    if mode == "L":
        return _unit(img, 255.0)
    if mode.startswith("I;16"):
        return _unit(img, 65535.0)
    if mode in ("I", "F"):
        return np.asarray(img, dtype=np.float64)
    if mode in ("LA", "La"):
        la = _unit(img.convert("LA") if mode == "La" else img, 255.0)
        return _on_white(la[..., 0], la[..., 1])
    if mode in ("P", "PA"):
        has_alpha = mode == "PA" or "transparency" in img.info
        return _strip_values(img.convert("RGBA" if has_alpha else "RGB"))
    if mode in ("RGBA", "RGBa"):
        rgba = _unit(img.convert("RGBA") if mode == "RGBa" else img, 255.0)
        return _on_white(rgba[..., :3], rgba[..., 3])
    if mode == "RGB":
        return _unit(img, 255.0)
    # CMYK, YCbCr, LAB, HSV, RGBX, ... -> RGB
    try:
        return _unit(img.convert("RGB"), 255.0)
    except (ValueError, OSError):
        raise ImageError(f"Unsupported image mode {mode!r}.", "not_image") from None


def _box_reduce(a: np.ndarray, k: int) -> np.ndarray:
    """Average ``k``×``k`` blocks of ``a`` (H, W[, C]); the last row/column blocks may be partial."""
    if k == 1:
        return a
    rows, cols = np.arange(0, a.shape[0], k), np.arange(0, a.shape[1], k)
    sums = np.add.reduceat(np.add.reduceat(a, rows, axis=0), cols, axis=1)
    count = np.outer(np.diff(rows, append=a.shape[0]), np.diff(cols, append=a.shape[1]))
    sums /= count[..., None] if a.ndim == 3 else count
    return sums


def _settle_range(out: np.ndarray, mode: str, lo: float, hi: float) -> None:
    """Bring the raw values of an ``I`` / ``F`` picture to [0, 1] in place (module rules).

    ``lo``/``hi`` are the extremes of the full-size picture (averaging keeps ``out``
    inside them, and min-max normalising commutes with averaging).
    """
    if mode == "I" and lo >= 0 and hi <= 65535:
        out /= 65535.0
    elif mode == "F" and lo >= 0.0 and hi <= 1.0:
        return
    elif hi > lo:
        out -= lo
        out /= hi - lo
    else:  # a constant picture
        out[...] = 1.0 if lo >= 1.0 else max(lo, 0.0)


def _to_float(img: Image.Image, k: int, dtype: type) -> np.ndarray:
    """The loaded picture as an array in [0, 1], area-averaged by ``k``, converted a strip at a time.

    Only strips of about :data:`_STRIP_PIXELS` pixels exist as full-size floats; the
    result is allocated once, at the reduced size.
    """
    width, height = img.size
    rows = k * max(1, _STRIP_PIXELS // (width * k))  # a strip is a whole number of k-row blocks
    raw_range = img.mode in ("I", "F")
    lo, hi = math.inf, -math.inf
    grey = img.mode in ("P", "PA")  # a palette picture whose colours are all grey is a grey picture
    out: np.ndarray | None = None
    for y0 in range(0, height, rows):
        strip = _strip_values(img.crop((0, y0, width, min(height, y0 + rows))))
        if raw_range:
            if not np.all(np.isfinite(strip)):
                raise ImageError("The image contains invalid (NaN or infinite) values.", "invalid")
            lo, hi = min(lo, float(strip.min())), max(hi, float(strip.max()))
        if grey:
            grey = bool(np.array_equal(strip[..., 0], strip[..., 1]) and np.array_equal(strip[..., 1], strip[..., 2]))
        small = _box_reduce(strip, k)
        if out is None:
            out = np.empty((-(-height // k), -(-width // k)) + small.shape[2:], dtype=dtype)
        out[y0 // k : y0 // k + small.shape[0]] = small
    assert out is not None  # the picture has at least one row
    if raw_range:
        _settle_range(out, img.mode, lo, hi)
    if grey:
        out = np.ascontiguousarray(out[..., 0])
    np.clip(out, 0.0, 1.0, out=out)
    return out


@functools.lru_cache(maxsize=1)
def _available_formats() -> list[str]:
    Image.init()
    return [f for f in SUPPORTED_FORMATS if f in Image.OPEN]


def _factor(long: int, long_side: int, at_least: bool) -> int:
    return max(1, long // long_side) if at_least else max(1, -(-long // long_side))


def decode(data: bytes, long_side: int, at_least: bool,
            max_pixels: int = MAX_PIXELS) -> tuple[np.ndarray, tuple[int, ...]]:
    """Decode ``data``; return the picture area-averaged by an integer factor and its full shape.

    The factor brings the long side to at most ``long_side`` (``at_least=False``), or
    keeps it at ``long_side`` or more, below twice that (``at_least=True``, for a working
    copy that is resized exactly afterwards).  Callers hold :data:`DECODE_SLOT`.

    Examples
    --------
    >>> import io
    >>> buf = io.BytesIO(); Image.new("L", (40, 20), 255).save(buf, "PNG")
    >>> picture, full = decode(buf.getvalue(), 10, at_least=False)
    >>> picture.shape, full, float(picture.max())
    ((5, 10), (20, 40), 1.0)
    """
    # No global Pillow state is changed here (Streamlit runs sessions in threads):
    # Image.open reads only the header; the pixel cap is checked below, before any
    # decoding.  Pillow's own guard (DecompressionBombError above 2 x
    # Image.MAX_IMAGE_PIXELS, or its warning if a caller turned that into an error)
    # is caught as well.
    try:
        img = Image.open(io.BytesIO(data), formats=_available_formats())
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        limit = _megapixels(max_pixels)
        raise ImageError(
            f"The image is too large (a 'decompression bomb'; the limit is {limit} megapixels).",
            "too_large", pixels=f"> {limit}", limit=limit,
        ) from None
    except UnidentifiedImageError:
        raise ImageError(
            "The file is not an image ConvScope can read (PNG, JPEG, BMP, TIFF, WebP or GIF).",
            "not_image",
        ) from None
    except Exception:  # header parsers raise SyntaxError, struct.error, EOFError, ...
        raise ImageError("The image file is damaged or truncated.", "truncated") from None

    with img:
        width, height = img.size
        if width <= 0 or height <= 0:
            raise ImageError("The image has no pixels.", "invalid")
        # checked from the header, BEFORE any pixel is decoded (decompression-bomb guard)
        if width * height > max_pixels:
            raise _too_large(width, height, max_pixels)
        try:
            img.seek(0)  # first frame of animations
            k = _factor(max(width, height), long_side, at_least)
            if k > 1 and img.format == "JPEG":  # libjpeg decodes at 1/2, 1/4 or 1/8 scale for free
                img.draft(img.mode, (-(-width // k), -(-height // k)))
            # never decode half a file silently, whatever a caller set globally
            if ImageFile.LOAD_TRUNCATED_IMAGES:
                _strict_load(img)
            else:
                img.load()
        except ImageError:
            raise
        except Image.DecompressionBombError:
            raise _too_large(width, height, max_pixels) from None
        except Exception:
            raise ImageError("The image file is damaged or truncated.", "truncated") from None
        drafted = img.size
        try:
            ImageOps.exif_transpose(img, in_place=True)
        except Exception:  # a broken EXIF block must not lose the picture
            pass
        # the full shape as the file states it, turned upright (a JPEG draft may be smaller)
        full = (width, height) if img.size != drafted else (height, width)
        long = max(img.size)
        # a working copy is resized once more, through float32 (:func:`working_copy`): half the bytes
        dtype = np.float32 if at_least and long > long_side else np.float64
        out = _to_float(img, _factor(long, long_side, at_least), dtype)
    return out, full + out.shape[2:]


def _strict_load(img: Image.Image) -> None:
    old = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        img.load()
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = old


def _box_resize(channel: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """Area-average a 2-D float array to ``size`` = (width, height) with Pillow's BOX filter."""
    pil = Image.fromarray(np.ascontiguousarray(channel, dtype=np.float32))
    return np.asarray(pil.resize(size, resample=Image.Resampling.BOX))


def working_shape(h: int, w: int, long_side: int) -> tuple[int, int]:
    """(rows, columns) of the working copy of an ``h``×``w`` picture (long side ``long_side``).

    Examples
    --------
    >>> working_shape(600, 800, 512), working_shape(100, 50, 512)
    ((384, 512), (100, 50))
    """
    if max(h, w) <= long_side:
        return h, w
    scale = long_side / max(h, w)
    return max(1, min(long_side, int(round(h * scale)))), max(1, min(long_side, int(round(w * scale))))


def resize_to(arr: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """Area-average ``arr`` (H, W[, C]) to ``shape`` as float64, channel by channel, straight into
    the result (no full-size float64 copy of the input).

    Examples
    --------
    >>> resize_to(np.ones((4, 4, 3), np.float32), (2, 2)).shape
    (2, 2, 3)
    """
    new_h, new_w = shape
    if arr.shape[:2] == shape:
        return arr.astype(np.float64, copy=False)
    if arr.ndim == 2:
        return _box_resize(arr, (new_w, new_h)).astype(np.float64)
    out = np.empty((new_h, new_w, arr.shape[2]), dtype=np.float64)
    for c in range(arr.shape[2]):
        out[..., c] = _box_resize(arr[..., c], (new_w, new_h))
    return out
