"""Animations to take away: labelled frames written as an animated GIF, WebP or APNG.

Each frame is a picture exactly as a page shows it (``uint8`` grey or RGB) with a label strip
under it (what the frame shows and the parameter value). The picture part is copied into the
frame unchanged: APNG keeps every pixel; GIF keeps them too when the whole animation has at most
256 colours (grey pictures always do), else it is quantised; WebP is lossy and the smallest.

Examples
--------
>>> frames = [np.full((16, 16), v, np.uint8) for v in (0, 128, 255)]
>>> data = encode_animation(frames, ["a", "b", "c"], fmt="gif")
>>> data[:6], len(read_frames(data))
(b'GIF89a', 3)
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import numpy as np
from PIL import Image, ImageDraw

from ._validate import BackendError, choice, whole_number
from .panels import _font

__all__ = ["FORMATS", "MAX_FRAMES", "MAX_SIDE", "MAX_BYTES", "label_frame", "encode_animation", "read_frames"]

#: Animation formats: animated GIF, animated WebP, animated PNG.
FORMATS: tuple[str, ...] = ("gif", "webp", "apng")
#: Most frames in one animation.
MAX_FRAMES: int = 60
#: Largest side of a frame's picture (pixels).
MAX_SIDE: int = 640
#: Largest animation written (bytes).
MAX_BYTES: int = 5 * 1024 * 1024
_STRIP_INK, _STRIP_PAPER = (20, 20, 20), (255, 255, 255)


def _rgb(picture: np.ndarray) -> np.ndarray:
    p = np.asarray(picture)
    if p.dtype != np.uint8 or p.ndim not in (2, 3) or (p.ndim == 3 and p.shape[2] != 3):
        raise BackendError(f"a frame must be uint8 (H, W) or (H, W, 3); got {p.dtype} {p.shape}", "anim_frame")
    if max(p.shape[:2]) > MAX_SIDE:
        raise BackendError(f"a frame may be at most {MAX_SIDE} px on a side; got {p.shape[:2]}", "anim_frame")
    return np.repeat(p[..., None], 3, axis=2) if p.ndim == 2 else p


def label_frame(picture: np.ndarray, label: str, *, font_px: int = 16, font_path: str | None = None) -> np.ndarray:
    """The picture (unchanged, at the top) over a white strip with ``label`` in it, RGB uint8.

    Examples
    --------
    >>> f = label_frame(np.zeros((10, 20), np.uint8), "σ = 1")
    >>> f.shape[1], bool((f[:10] == 0).all())
    (20, True)
    """
    rgb = _rgb(picture)
    font_px = whole_number(font_px, "font size", lo=8, hi=64)
    strip_h = int(font_px * 1.6)
    strip = Image.new("RGB", (rgb.shape[1], strip_h), _STRIP_PAPER)
    ImageDraw.Draw(strip).text((4, strip_h // 2), str(label)[:120], fill=_STRIP_INK,
                               font=_font(font_px, font_path), anchor="lm")
    return np.concatenate([rgb, np.asarray(strip)], axis=0)


def _gif_frames(frames: list[np.ndarray]) -> list[Image.Image]:
    """Palette frames: exact when the animation has ≤ 256 colours, otherwise one shared adaptive palette."""
    packed = np.concatenate([(f[..., 0].astype(np.uint32) << 16 | f[..., 1].astype(np.uint32) << 8 | f[..., 2]).ravel()
                             for f in frames])  # one 24-bit key per pixel: a 1-D unique is fast
    keys, index = np.unique(packed, return_inverse=True)
    if len(keys) <= 256:
        palette = np.zeros((256, 3), np.uint8)
        palette[: len(keys)] = np.stack([keys >> 16, keys >> 8 & 255, keys & 255], axis=1)
        out, start = [], 0
        for f in frames:
            n = f.shape[0] * f.shape[1]
            im = Image.fromarray(index[start:start + n].reshape(f.shape[:2]).astype(np.uint8), "P")
            im.putpalette(palette.ravel().tolist())
            out.append(im)
            start += n
        return out
    reference = Image.fromarray(np.concatenate(frames, axis=0)).quantize(256, method=Image.Quantize.MEDIANCUT)
    return [Image.fromarray(f).quantize(palette=reference, dither=Image.Dither.NONE) for f in frames]


def encode_animation(frames: Sequence[np.ndarray], labels: Sequence[str] | None = None, *, fmt: str = "gif",
                     frame_ms: int = 200, font_px: int = 16, font_path: str | None = None) -> bytes:
    """Write labelled frames as one looping animation.

    Parameters
    ----------
    frames : sequence of numpy.ndarray
        1 to 60 ``uint8`` pictures of one shape, at most 640 px on a side.
    labels : sequence of str, optional
        One label per frame (drawn under the picture); ``None`` for no strip.
    fmt : {"gif", "webp", "apng"}
    frame_ms : int
        Time each frame is shown (20–5000 ms).

    Raises
    ------
    ValueError
        No frames, too many, mixed shapes, or an animation over 5 MB.

    Examples
    --------
    >>> data = encode_animation([np.zeros((8, 8), np.uint8)] * 2, fmt="apng")
    >>> data[1:4]
    b'PNG'
    """
    choice(fmt, FORMATS, "animation format")
    if not 1 <= len(frames) <= MAX_FRAMES:
        raise BackendError(f"an animation needs 1 to {MAX_FRAMES} frames; got {len(frames)}", "anim_count")
    if labels is not None and len(labels) != len(frames):
        raise BackendError("give one label per frame", "anim_labels")
    frame_ms = whole_number(frame_ms, "frame time", lo=20, hi=5000)
    rgb = [_rgb(f) for f in frames]
    if len({f.shape for f in rgb}) != 1:
        raise BackendError("all frames must have the same size", "anim_shape")
    if labels is not None:
        rgb = [label_frame(f, lab, font_px=font_px, font_path=font_path) for f, lab in zip(rgb, labels)]
    buf = io.BytesIO()
    if fmt == "gif":
        images = _gif_frames(rgb)
        images[0].save(buf, "GIF", save_all=True, append_images=images[1:], duration=frame_ms, loop=0,
                       optimize=False, disposal=1)
    else:
        images = [Image.fromarray(f) for f in rgb]
        extra = {"lossless": False, "quality": 80, "method": 4} if fmt == "webp" else {"optimize": False}
        images[0].save(buf, "WEBP" if fmt == "webp" else "PNG", save_all=True, append_images=images[1:],
                       duration=frame_ms, loop=0, **extra)
    data = buf.getvalue()
    if len(data) > MAX_BYTES:
        raise BackendError(f"the animation would be {len(data) / 2**20:.1f} MB, over the 5 MB limit: use fewer "
                           "frames, a smaller size or WebP", "anim_too_large", size=len(data))
    return data


def read_frames(data: bytes) -> list[np.ndarray]:
    """Decode every frame of an animation as RGB ``uint8`` (for checks and tests).

    Examples
    --------
    >>> frames = read_frames(encode_animation([np.full((4, 4), 9, np.uint8)], fmt="apng"))
    >>> frames[0].shape, int(frames[0][0, 0, 0])
    ((4, 4, 3), 9)
    """
    out = []
    with Image.open(io.BytesIO(data)) as im:
        for i in range(getattr(im, "n_frames", 1)):
            im.seek(i)
            out.append(np.asarray(im.convert("RGB")).copy())
    return out
