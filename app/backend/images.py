"""Image loading, validation, working copies and the shipped sample images.

Everything here is pure numpy + Pillow (never streamlit). Every decoded image is
returned as a ``float64`` array with values in ``[0, 1]``:

* shape ``(H, W)`` for grey images (Pillow modes ``1``, ``L``, ``LA``, ``I;16*``,
  ``I``, ``F`` and palette images whose palette is grey),
* shape ``(H, W, 3)`` for colour images (``RGB``, ``RGBA``, ``CMYK``, ``YCbCr``,
  colour palettes, ...).

Rules applied while decoding
----------------------------
* EXIF orientation is honoured (``ImageOps.exif_transpose``).
* Transparency (``LA``, ``PA``, ``RGBA``, palette transparency) is composited on
  a white background.
* 16-bit grey (``I;16`` family) is divided by 65535.
* 32-bit integer grey (``I``): values in ``0 .. 65535`` are divided by 65535 (this
  is how Pillow presents many 16-bit PNG/TIFF files); any other range is
  min-max normalised to ``[0, 1]``.
* 32-bit float grey (``F``): values already in ``[0, 1]`` are kept; any other
  range is min-max normalised.  NaN/inf values are refused.
* Only the first frame of animated GIF/WebP/TIFF files is read.

Memory
------
A small file can hold a large picture (a 164 KB single-colour PNG is 6324×6324
pixels), so decoding never makes a full-size float copy:

* the pixel cap :data:`MAX_PIXELS` is checked from the header, before decoding;
* the picture is decoded once in Pillow's own 8/16/32-bit form (at most 4 bytes a
  pixel: 160 MB at the cap; JPEGs are decoded at a reduced scale when that suffices);
* it is then converted to float a strip at a time (about half a megapixel) and
  area-averaged by an integer factor on the way, so the float result is allocated
  once, at the reduced size (at most :data:`MAX_DECODE_SIDE` a side);
* one decode runs at a time per process (:data:`DECODE_SLOT`): uploads that arrive
  together queue instead of adding up.

:data:`DECODE_PEAK_MB` is the resulting bound (measured by ``tests/test_image_memory.py``);
``app/ui/memory_budget.py`` adds it to the caches' budgets to size a server.

Refusals raise :class:`ImageError` (a :class:`ValueError`) whose message is one
short, friendly sentence and whose :attr:`ImageError.code` names the problem so a
user interface can show a translated message.
"""

from __future__ import annotations

import functools
import hashlib
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np

from ._validate import BackendError

__all__ = [
    "ImageError",
    "MAX_PIXELS",
    "MAX_UPLOAD_MB",
    "MAX_WORKING_SIDE",
    "MAX_DECODE_SIDE",
    "DECODE_PEAK_MB",
    "DECODE_SLOT",
    "DEFAULT_WORKING_SIDE",
    "SUPPORTED_FORMATS",
    "SAMPLES",
    "SAMPLE_DIR",
    "load_image",
    "load_working_copy",
    "load_sample",
    "sample_names",
    "sample_path",
    "WorkingCopy",
    "working_copy",
    "to_gray",
    "image_digest",
]

#: Largest decoded image accepted, in pixels (width × height).  Also the
#: decompression-bomb guard: the size is checked from the header, before decoding.
#: Chosen from the memory budget: Pillow holds the decoded picture at up to 4 bytes a
#: pixel (160 MB here), which with the float result (below) keeps one decode under
#: :data:`DECODE_PEAK_MB`; 40 megapixels still takes any phone's or camera's photo.
MAX_PIXELS: int = 40_000_000
#: Largest encoded file accepted, in megabytes (matches ``server.maxUploadSize``).
MAX_UPLOAD_MB: int = 50
#: Largest long side a working copy may have.
MAX_WORKING_SIDE: int = 2048
#: Default long side of a working copy.
DEFAULT_WORKING_SIDE: int = 512
#: Longest side :func:`load_image` returns (twice the largest working size): a larger
#: picture is area-averaged down by an integer factor while it is converted to float.
MAX_DECODE_SIDE: int = 2 * MAX_WORKING_SIDE
#: Bound on the memory one decode adds to a process, in MB (Pillow's picture at the
#: cap, the float64 result at :data:`MAX_DECODE_SIDE`, the strip temporaries), with a margin;
#: ``tests/test_image_memory.py`` checks it on the worst cases.
DECODE_PEAK_MB: int = 512
#: One decode at a time per process: concurrent uploads wait here instead of each
#: holding a decoded picture at once.
DECODE_SLOT = threading.Semaphore(1)

#: Pillow format identifiers accepted by :func:`load_image` (Pillow's JPEG opener
#: also covers camera "MPO" JPEGs).  Other formats Pillow knows are refused.
SUPPORTED_FORMATS: tuple[str, ...] = ("PNG", "JPEG", "BMP", "TIFF", "WEBP", "GIF")

#: Folder holding the shipped sample PNGs (found relative to this package).
SAMPLE_DIR: Path = Path(__file__).resolve().parents[2] / "sample_images"

#: Display labels of the shipped samples, in the order pages should list them.
SAMPLES: dict[str, dict[str, str]] = {
    "camera": {"en": "Cameraman", "zh": "摄影师"},
    "astronaut": {"en": "Astronaut", "zh": "宇航员"},
    "coffee": {"en": "Coffee", "zh": "咖啡"},
    "chelsea": {"en": "Cat (Chelsea)", "zh": "猫"},
    "zone_plate": {"en": "Zone plate", "zh": "波带片"},
    "siemens_star": {"en": "Siemens star", "zh": "西门子星"},
    "checkerboard": {"en": "Checkerboard", "zh": "棋盘格"},
    "bars": {"en": "Bars", "zh": "条纹"},
    "text": {"en": "Text", "zh": "文字"},
    "periodic_noise": {"en": "Periodic noise", "zh": "周期噪声"},
    "hybrid_happy": {"en": "Happy face (hybrid pair, low)", "zh": "笑脸（混合图像对，低频）"},
    "hybrid_sad": {"en": "Sad face (hybrid pair, high)", "zh": "哭脸（混合图像对，高频）"},
}

ImageSource = str | os.PathLike | bytes | bytearray | memoryview | BinaryIO


class ImageError(BackendError):
    """An image could not be loaded; the message is short and meant for users.

    Parameters
    ----------
    message : str
        One friendly sentence, e.g. ``"The file is not an image."``.
    code : str, optional
        Machine-readable reason, one of ``"empty"``, ``"not_found"``,
        ``"not_image"``, ``"truncated"``, ``"too_large"`` (params ``pixels``, ``limit`` in
        megapixels), ``"file_too_large"`` (params ``mb``, ``limit``), ``"invalid"``,
        ``"unknown_sample"``.  Lets a UI show a translated text.
    """


# the decoder raises ImageError and reads the limits above, so it is imported once they exist
from ._decode import decode, resize_to, working_shape  # noqa: E402


# --------------------------------------------------------------------------- #
# loading
# --------------------------------------------------------------------------- #
def _file_too_large(n_bytes: int) -> ImageError:
    mb = f"{n_bytes / 1024 / 1024:.1f}"
    return ImageError(f"The file is too large: {mb} MB (the limit is {MAX_UPLOAD_MB} MB).", "file_too_large",
                      mb=mb, limit=MAX_UPLOAD_MB)


def _read_source(source: ImageSource) -> bytes:
    """Return the encoded bytes of ``source`` after the size checks."""
    limit = MAX_UPLOAD_MB * 1024 * 1024
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    elif isinstance(source, (str, os.PathLike)):
        path = Path(os.fspath(source))
        if not path.exists():
            raise ImageError(f"File not found: {path}", "not_found")
        if not path.is_file():
            raise ImageError(f"Not a file: {path}", "not_found")
        size = path.stat().st_size
        if size > limit:
            raise _file_too_large(size)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ImageError(f"Cannot read the file {path}: {exc.strerror or exc}", "not_found") from None
    elif hasattr(source, "read"):  # an open binary file or an upload (e.g. Streamlit's UploadedFile)
        if hasattr(source, "seek"):
            source.seek(0)
        data = source.read(limit + 1)
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError("load_image expects a binary file, not a text file")
        data = bytes(data)
    else:
        raise TypeError(f"load_image expects a path, bytes or a binary file, not {type(source).__name__}")
    if len(data) == 0:
        raise ImageError("The file is empty.", "empty")
    if len(data) > limit:
        raise _file_too_large(len(data))
    return data



def load_image(source: ImageSource, *, max_pixels: int = MAX_PIXELS) -> np.ndarray:
    """Decode an image file into a float64 array in ``[0, 1]``.

    Parameters
    ----------
    source : str, os.PathLike, bytes or binary file object
        A path to an image file, the encoded bytes of one, or an open binary file
        (e.g. Streamlit's ``UploadedFile``; read from the start).
        PNG, JPEG, BMP, TIFF, WebP and GIF (first frame) are read.
    max_pixels : int, optional
        Refuse images with more pixels than this (from the header, before decoding); at most
        :data:`MAX_PIXELS`. A camera frame, for example, is held to its working size.

    Returns
    -------
    numpy.ndarray
        ``float64`` array, ``(H, W)`` for grey images or ``(H, W, 3)`` for colour
        images, values in ``[0, 1]``.  See the module docstring for the mode rules.
        A picture whose long side exceeds :data:`MAX_DECODE_SIDE` is area-averaged
        by the smallest integer factor that brings it within (memory, see the module notes).

    Raises
    ------
    ImageError
        If the file is missing, empty, larger than :data:`MAX_UPLOAD_MB`, not an
        image, truncated or damaged, or has more than ``max_pixels`` pixels
        (including decompression bombs, refused from the header alone).
    TypeError
        If ``source`` is neither a path, bytes nor a binary file.

    Examples
    --------
    >>> img = load_image(sample_path("camera"))  # a path, bytes or an open binary file
    >>> img.shape, img.dtype
    ((512, 512), dtype('float64'))
    >>> load_image(sample_path("camera"), max_pixels=256 * 256)
    Traceback (most recent call last):
    ...
    app.backend.images.ImageError: The image is too large: 512×512 pixels (0.3 megapixels; the limit is 0.1 megapixels).
    """
    data = _read_source(source)
    with DECODE_SLOT:
        return decode(data, MAX_DECODE_SIDE, at_least=False, max_pixels=min(int(max_pixels), MAX_PIXELS))[0]


def load_working_copy(source: ImageSource, long_side: int = DEFAULT_WORKING_SIDE) -> WorkingCopy:
    """Decode an image file straight to a working copy: ``working_copy(load_image(source), long_side)``
    without ever holding a larger float image than about twice the working size.

    Parameters
    ----------
    source : str, os.PathLike, bytes or binary file object
        As for :func:`load_image`.
    long_side : int, default 512
        Largest long side of the result, ``1 .. MAX_WORKING_SIDE``.

    Returns
    -------
    WorkingCopy
        The float64 image; ``original_shape`` is the file's full (upright) shape.

    Raises
    ------
    ImageError
        As :func:`load_image`.
    ValueError
        If ``long_side`` is outside ``1 .. MAX_WORKING_SIDE``.

    Examples
    --------
    >>> wc = load_working_copy(sample_path("camera"), 128)
    >>> wc.image.shape, wc.original_shape, wc.resized
    ((128, 128), (512, 512), True)
    """
    long_side = _check_long_side(long_side)
    data = _read_source(source)
    with DECODE_SLOT:  # the final resize too: its temporaries are part of the decode's peak
        image, full = decode(data, long_side, at_least=True)
        # the size follows from the file's shape, as working_copy(load_image(...)) would make it
        out = resize_to(image, working_shape(full[0], full[1], long_side))
    return WorkingCopy(out, full, full[:2] != out.shape[:2])


# --------------------------------------------------------------------------- #
# samples
# --------------------------------------------------------------------------- #
def sample_names() -> list[str]:
    """Names of the shipped sample images.

    Returns
    -------
    list of str
        The names in :data:`SAMPLES` order (photos first, then patterns), followed
        by any other ``sample_images/*.png`` in alphabetical order.

    Examples
    --------
    >>> 'camera' in sample_names()
    True
    """
    present = {p.stem for p in SAMPLE_DIR.glob("*.png")} if SAMPLE_DIR.is_dir() else set()
    ordered = [name for name in SAMPLES if name in present]
    return ordered + sorted(present - set(ordered))


def sample_path(name: str) -> Path:
    """Path of the sample PNG called ``name``.

    Raises
    ------
    ImageError
        If there is no such sample (code ``"unknown_sample"``).

    Examples
    --------
    >>> sample_path('camera').name
    'camera.png'
    """
    names = sample_names()
    if name not in names:
        raise ImageError(
            f"Unknown sample {name!r}; available: {', '.join(names) or 'none'}.",
            "unknown_sample",
        )
    return SAMPLE_DIR / f"{name}.png"


@functools.lru_cache(maxsize=16)
def _load_sample_cached(path: str, mtime: float) -> np.ndarray:
    arr = load_image(path)
    arr.setflags(write=False)
    return arr


def load_sample(name: str) -> np.ndarray:
    """Load a shipped sample image by name (see :func:`sample_names`).

    Parameters
    ----------
    name : str
        Sample name, e.g. ``"camera"`` or ``"zone_plate"``.

    Returns
    -------
    numpy.ndarray
        A fresh (writable) float64 array in ``[0, 1]``, ``(H, W)`` or ``(H, W, 3)``.

    Raises
    ------
    ImageError
        If the sample does not exist.

    Examples
    --------
    >>> img = load_sample('camera')
    >>> img.shape, img.dtype, float(img.min()) >= 0.0, float(img.max()) <= 1.0
    ((512, 512), dtype('float64'), True, True)
    """
    path = sample_path(name)
    return _load_sample_cached(str(path), path.stat().st_mtime).copy()


# --------------------------------------------------------------------------- #
# working copy, grey conversion, digest
# --------------------------------------------------------------------------- #
@dataclass(frozen=True)
class WorkingCopy:
    """An image reduced to a working size.

    Attributes
    ----------
    image : numpy.ndarray
        The (possibly downscaled) float64 image.
    original_shape : tuple
        Shape of the image before resizing.
    resized : bool
        True when the image was downscaled (pages show a note).
    """

    image: np.ndarray
    original_shape: tuple
    resized: bool


def _check_long_side(long_side: int) -> int:
    if isinstance(long_side, bool) or not isinstance(long_side, (int, np.integer)):
        raise ValueError(f"long_side must be an integer, not {long_side!r}")
    if not 1 <= int(long_side) <= MAX_WORKING_SIDE:
        raise ValueError(f"long_side must be between 1 and {MAX_WORKING_SIDE}, not {long_side}")
    return int(long_side)


def working_copy(image: np.ndarray, long_side: int = DEFAULT_WORKING_SIDE) -> WorkingCopy:
    """Downscale ``image`` so its long side is at most ``long_side`` (never upscale).

    Parameters
    ----------
    image : numpy.ndarray
        ``(H, W)`` or ``(H, W, C)`` float image.
    long_side : int, default 512
        Largest allowed long side, ``1 .. MAX_WORKING_SIDE`` (2048).

    Returns
    -------
    WorkingCopy
        ``image`` is float64; when no resizing is needed it is the input (as
        float64) and ``resized`` is False.  Downscaling averages pixel areas
        (box filter), so no aliasing moiré is added to the spectrum.

    Raises
    ------
    ValueError
        If ``long_side`` is outside ``1 .. MAX_WORKING_SIDE`` or the image is not
        2-D/3-D.

    Examples
    --------
    >>> wc = working_copy(np.zeros((1000, 500)), 256)
    >>> wc.image.shape, wc.resized, wc.original_shape
    ((256, 128), True, (1000, 500))
    """
    long_side = _check_long_side(long_side)
    arr = np.asarray(image)
    if arr.ndim not in (2, 3) or arr.shape[0] == 0 or arr.shape[1] == 0:
        raise ValueError(f"expected an (H, W) or (H, W, C) image, got shape {arr.shape}")
    h, w = arr.shape[:2]
    original = tuple(arr.shape)
    if max(h, w) <= long_side:
        return WorkingCopy(arr.astype(np.float64, copy=False), original, False)
    return WorkingCopy(resize_to(arr, working_shape(h, w, long_side)), original, True)


#: Rec. 601 luma weights (R, G, B).
REC601 = np.array([0.299, 0.587, 0.114])


def to_gray(image: np.ndarray) -> np.ndarray:
    """Luminance of an image with Rec. 601 weights (0.299 R + 0.587 G + 0.114 B).

    Parameters
    ----------
    image : numpy.ndarray
        ``(H, W)`` grey (returned unchanged, as float64), ``(H, W, 1)``,
        ``(H, W, 3)`` colour or ``(H, W, 4)`` (alpha ignored).

    Returns
    -------
    numpy.ndarray
        ``(H, W)`` float64.

    Examples
    --------
    >>> to_gray(np.array([[[1.0, 0.0, 0.0], [1.0, 1.0, 1.0]]])).round(3)
    array([[0.299, 1.   ]])
    """
    arr = np.asarray(image)
    if arr.ndim == 2:
        return arr.astype(np.float64, copy=False)
    if arr.ndim == 3 and arr.shape[2] == 1:
        return arr[..., 0].astype(np.float64)
    if arr.ndim == 3 and arr.shape[2] in (3, 4):
        return arr[..., :3].astype(np.float64, copy=False) @ REC601
    raise ValueError(f"expected an (H, W) or (H, W, 3) image, got shape {arr.shape}")


def image_digest(image: np.ndarray) -> str:
    """A stable SHA-1 hex digest of an array's bytes, shape and dtype (for cache keys).

    Parameters
    ----------
    image : numpy.ndarray
        Any array.

    Returns
    -------
    str
        40 hexadecimal characters; equal arrays (same values, shape, dtype) give
        the same digest.

    Examples
    --------
    >>> image_digest(np.zeros((2, 2))) == image_digest(np.zeros((2, 2)))
    True
    >>> image_digest(np.zeros((2, 2))) == image_digest(np.zeros((4, 1)))  # the shape counts
    False
    """
    arr = np.ascontiguousarray(image)
    h = hashlib.sha1()
    h.update(str(arr.shape).encode())
    h.update(str(arr.dtype.str).encode())
    h.update(arr.tobytes())
    return h.hexdigest()
