"""uint8 pixels to bytes for the browser: downsampling by area averaging, PNG and JPEG.

The last step of every display path of :mod:`app.backend.display` (which re-exports these
names): :func:`downsample_for_display` never upscales, :func:`encode_png` keeps exact pixels,
:func:`encode_jpeg` is for photos and spectra.  Pure numpy + Pillow.
"""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

from ._validate import whole_number

__all__ = ["JPEG_QUALITY", "downsample_for_display", "enlarge", "encode_png", "encode_jpeg"]

#: The one JPEG quality of every picture sent to the browser (photos and spectra alike): q85–90 keeps
#: edges and spectrum speckle clean at a fifth of quality 100's bytes.
JPEG_QUALITY: int = 88


def _check_uint8(img: object) -> np.ndarray:
    a = np.asarray(img)
    if a.dtype != np.uint8:
        raise ValueError(f"expected a uint8 image (use to_uint8 first); got dtype {a.dtype}")
    if a.ndim not in (2, 3) or (a.ndim == 3 and a.shape[2] not in (1, 3, 4)) or a.size == 0:
        raise ValueError(f"expected an (H, W), (H, W, 3) or (H, W, 4) image; got shape {a.shape}")
    return a[..., 0] if a.ndim == 3 and a.shape[2] == 1 else a


def _display_size(h: int, w: int, max_side: int) -> tuple[int, int] | None:
    if max_side < 1:
        raise ValueError(f"max_side must be at least 1; got {max_side}")
    if max(h, w) <= max_side:
        return None
    s = max_side / max(h, w)
    return (max(1, round(w * s)), max(1, round(h * s)))


def downsample_for_display(img: np.ndarray, max_side: int = 512) -> np.ndarray:
    """Shrink a uint8 image so its long side is at most ``max_side``, by area averaging.

    Never upscales; returns the input unchanged when it already fits.

    Examples
    --------
    >>> downsample_for_display(np.zeros((1024, 600), np.uint8)).shape
    (512, 300)
    """
    a = _check_uint8(img)
    size = _display_size(a.shape[0], a.shape[1], max_side)
    if size is None:
        return a
    (w, h), (n1, n2) = size, a.shape[:2]
    if a.ndim == 2 and (n1, n2) in ((2 * h, 2 * w), (3 * h // 2, 3 * w // 2)) and h % 2 == w % 2 == 0:
        return _box_reduce_u8(a, 2 if n1 == 2 * h else 3)
    return np.array(Image.fromarray(a).resize(size, Image.Resampling.BOX))


def enlarge(a: np.ndarray, factor: int) -> np.ndarray:
    """Nearest-neighbour enlargement by a whole ``factor``: each sample becomes a crisp square.

    Examples
    --------
    >>> enlarge(np.array([[1, 2]]), 2).tolist()
    [[1, 1, 2, 2], [1, 1, 2, 2]]
    """
    factor = whole_number(factor, "enlargement factor", lo=1)
    a = np.asarray(a)
    return np.repeat(np.repeat(a, factor, axis=0), factor, axis=1) if factor > 1 else a


def _box_sums(a: np.ndarray, axis: int, step: int) -> np.ndarray:
    """Pillow's BOX weights along ``axis`` as uint16 sums of weight 2: 2:1 ``a0 + a1``;
    3:2 ``a0 + a1`` and ``2 a2`` (Pillow samples the box at pixel centres, so at 3:2 each
    source pixel lands in exactly one output pixel)."""
    a = np.moveaxis(a, axis, 0)
    if step == 2:
        out = np.add(a[0::2], a[1::2], dtype=np.uint16)
    else:
        out = np.empty((2 * (a.shape[0] // 3),) + a.shape[1:], np.uint16)
        np.add(a[0::3], a[1::3], out=out[0::2], dtype=np.uint16)
        np.multiply(a[2::3], 2, out=out[1::2], dtype=np.uint16)
    return np.moveaxis(out, 0, axis)


def _box_reduce_u8(a: np.ndarray, step: int) -> np.ndarray:
    """Pillow's ``resize(BOX)`` of a grey uint8 image by exactly 2:1 (``step=2``) or 3:2 (``3``),
    in integers: ~3x faster, equal to within one level (Pillow rounds between its two passes)."""
    t = _box_sums(_box_sums(a, 0, step), 1, step)
    t += 2
    t >>= 2
    return t.astype(np.uint8)


def encode_png(img: np.ndarray, *, compress_level: int = 1) -> bytes:
    """PNG bytes of a uint8 ``(H, W)``, ``(H, W, 3)`` or ``(H, W, 4)`` image (exact pixels).

    Examples
    --------
    >>> encode_png(np.zeros((2, 2), np.uint8))[:4]
    b'\\x89PNG'
    """
    buf = io.BytesIO()
    Image.fromarray(_check_uint8(img)).save(buf, format="PNG", compress_level=compress_level)
    return buf.getvalue()


def encode_jpeg(img: np.ndarray, quality: int = JPEG_QUALITY) -> bytes:
    """JPEG bytes of a uint8 ``(H, W)`` or ``(H, W, 3)`` image (photos and spectra).

    Examples
    --------
    >>> encode_jpeg(np.zeros((8, 8, 3), np.uint8))[:2]
    b'\\xff\\xd8'
    """
    a = _check_uint8(img)
    if a.ndim == 3 and a.shape[2] == 4:
        raise ValueError("JPEG has no alpha channel; pass (H, W) or (H, W, 3)")
    quality = whole_number(int(quality), "quality", lo=1, hi=100)
    buf = io.BytesIO()
    Image.fromarray(a).save(buf, format="JPEG", quality=int(quality))
    return buf.getvalue()
