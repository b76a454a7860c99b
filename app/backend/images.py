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

Refusals raise :class:`ImageError` (a :class:`ValueError`) whose message is one
short, friendly sentence and whose :attr:`ImageError.code` names the problem so a
user interface can show a translated message.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

from ._validate import BackendError

__all__ = [
    "ImageError",
    "MAX_PIXELS",
    "MAX_UPLOAD_MB",
    "MAX_WORKING_SIDE",
    "DEFAULT_WORKING_SIDE",
    "SUPPORTED_FORMATS",
    "SAMPLES",
    "SAMPLE_DIR",
    "load_image",
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
MAX_PIXELS: int = 40_000_000
#: Largest encoded file accepted, in megabytes (matches ``server.maxUploadSize``).
MAX_UPLOAD_MB: int = 50
#: Largest long side a working copy may have.
MAX_WORKING_SIDE: int = 2048
#: Default long side of a working copy.
DEFAULT_WORKING_SIDE: int = 512

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


# --------------------------------------------------------------------------- #
# loading
# --------------------------------------------------------------------------- #
def _megapixels(n: int) -> str:
    return f"{n / 1e6:.1f}"


def _too_large(width: int, height: int) -> ImageError:
    mp, limit = _megapixels(width * height), _megapixels(MAX_PIXELS)
    return ImageError(
        f"The image is too large: {width}×{height} pixels ({mp} megapixels; the limit is {limit} megapixels).",
        "too_large", pixels=mp, limit=limit,
    )


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


def _normalise_range(a: np.ndarray) -> np.ndarray:
    """Min-max normalise to [0, 1]; a constant image maps to 0 (or 1 if its value is ≥ 1)."""
    lo, hi = float(a.min()), float(a.max())
    if hi > lo:
        return (a - lo) / (hi - lo)
    return np.full(a.shape, 1.0 if lo >= 1.0 else max(lo, 0.0))


def _on_white(rgb: np.ndarray, alpha: np.ndarray) -> np.ndarray:
    """Composite ``rgb`` (H, W[, C]) with straight ``alpha`` (H, W) in [0, 1] on white."""
    if rgb.ndim == 3:
        alpha = alpha[..., None]
    return rgb * alpha + (1.0 - alpha)


def _to_array(img: Image.Image) -> np.ndarray:
    """Convert a loaded Pillow image of any mode to float64 in [0, 1]."""
    mode = img.mode
    if mode == "1":
        return np.asarray(img.convert("L"), dtype=np.float64) / 255.0
    if mode == "L":
        return np.asarray(img, dtype=np.float64) / 255.0
    if mode.startswith("I;16"):
        return np.asarray(img, dtype=np.float64) / 65535.0
    if mode == "I":
        a = np.asarray(img, dtype=np.float64)
        if a.min() >= 0 and a.max() <= 65535:
            return a / 65535.0
        return _normalise_range(a)
    if mode == "F":
        a = np.asarray(img, dtype=np.float64)
        if not np.all(np.isfinite(a)):
            raise ImageError("The image contains invalid (NaN or infinite) values.", "invalid")
        if a.min() >= 0.0 and a.max() <= 1.0:
            return a.copy()
        return _normalise_range(a)
    if mode in ("LA", "La"):
        la = np.asarray(img.convert("LA") if mode == "La" else img, dtype=np.float64) / 255.0
        return _on_white(la[..., 0], la[..., 1])
    if mode in ("P", "PA"):
        has_alpha = mode == "PA" or "transparency" in img.info
        converted = img.convert("RGBA" if has_alpha else "RGB")
        arr = _to_array(converted)
        # a palette image whose colours are all grey is a grey image
        if np.array_equal(arr[..., 0], arr[..., 1]) and np.array_equal(arr[..., 1], arr[..., 2]):
            return np.ascontiguousarray(arr[..., 0])
        return arr
    if mode in ("RGBA", "RGBa"):
        rgba = np.asarray(img.convert("RGBA") if mode == "RGBa" else img, dtype=np.float64) / 255.0
        return _on_white(rgba[..., :3], rgba[..., 3])
    if mode == "RGB":
        return np.asarray(img, dtype=np.float64) / 255.0
    # CMYK, YCbCr, LAB, HSV, RGBX, ... -> RGB
    try:
        return np.asarray(img.convert("RGB"), dtype=np.float64) / 255.0
    except (ValueError, OSError):
        raise ImageError(f"Unsupported image mode {mode!r}.", "not_image") from None


@functools.lru_cache(maxsize=1)
def _available_formats() -> list[str]:
    Image.init()
    return [f for f in SUPPORTED_FORMATS if f in Image.OPEN]


def _decode(data: bytes) -> np.ndarray:
    # No global Pillow state is changed here (Streamlit runs sessions in threads):
    # Image.open reads only the header; the pixel cap is checked below, before any
    # decoding.  Pillow's own guard (DecompressionBombError above 2 x
    # Image.MAX_IMAGE_PIXELS, or its warning if a caller turned that into an error)
    # is caught as well.
    try:
        img = Image.open(io.BytesIO(data), formats=_available_formats())
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        limit = _megapixels(MAX_PIXELS)
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
        if width * height > MAX_PIXELS:
            raise _too_large(width, height)
        try:
            img.seek(0)  # first frame of animations
            # never decode half a file silently, whatever a caller set globally
            if ImageFile.LOAD_TRUNCATED_IMAGES:
                _strict_load(img)
            else:
                img.load()
        except ImageError:
            raise
        except Image.DecompressionBombError:
            raise _too_large(width, height) from None
        except Exception:
            raise ImageError("The image file is damaged or truncated.", "truncated") from None
        try:
            oriented = ImageOps.exif_transpose(img)
        except Exception:  # a broken EXIF block must not lose the picture
            oriented = img
        w2, h2 = oriented.size
        if w2 * h2 > MAX_PIXELS:
            raise _too_large(w2, h2)
        arr = _to_array(oriented)
    return np.ascontiguousarray(np.clip(arr, 0.0, 1.0), dtype=np.float64)


def _strict_load(img: Image.Image) -> None:
    old = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        img.load()
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = old


def load_image(source: ImageSource) -> np.ndarray:
    """Decode an image file into a float64 array in ``[0, 1]``.

    Parameters
    ----------
    source : str, os.PathLike, bytes or binary file object
        A path to an image file, the encoded bytes of one, or an open binary file
        (e.g. Streamlit's ``UploadedFile``; read from the start).
        PNG, JPEG, BMP, TIFF, WebP and GIF (first frame) are read.

    Returns
    -------
    numpy.ndarray
        ``float64`` array, ``(H, W)`` for grey images or ``(H, W, 3)`` for colour
        images, values in ``[0, 1]``.  See the module docstring for the mode rules.

    Raises
    ------
    ImageError
        If the file is missing, empty, larger than :data:`MAX_UPLOAD_MB`, not an
        image, truncated or damaged, or has more than :data:`MAX_PIXELS` pixels
        (including decompression bombs, refused from the header alone).
    TypeError
        If ``source`` is neither a path, bytes nor a binary file.

    Examples
    --------
    >>> img = load_image(sample_path("camera"))  # a path, bytes or an open binary file
    >>> img.shape, img.dtype
    ((512, 512), dtype('float64'))
    """
    return _decode(_read_source(source))


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


def _box_resize(channel: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """Area-average a 2-D float array to ``size`` = (width, height) with Pillow's BOX filter."""
    pil = Image.fromarray(np.ascontiguousarray(channel, dtype=np.float32))
    out = pil.resize(size, resample=Image.Resampling.BOX)
    return np.asarray(out, dtype=np.float64)


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
    if isinstance(long_side, bool) or not isinstance(long_side, (int, np.integer)):
        raise ValueError(f"long_side must be an integer, not {long_side!r}")
    long_side = int(long_side)
    if not 1 <= long_side <= MAX_WORKING_SIDE:
        raise ValueError(f"long_side must be between 1 and {MAX_WORKING_SIDE}, not {long_side}")
    arr = np.asarray(image, dtype=np.float64)
    if arr.ndim not in (2, 3) or arr.shape[0] == 0 or arr.shape[1] == 0:
        raise ValueError(f"expected an (H, W) or (H, W, C) image, got shape {arr.shape}")
    h, w = arr.shape[:2]
    original = tuple(arr.shape)
    if max(h, w) <= long_side:
        return WorkingCopy(arr, original, False)
    scale = long_side / max(h, w)
    new_h = max(1, min(long_side, int(round(h * scale))))
    new_w = max(1, min(long_side, int(round(w * scale))))
    if arr.ndim == 2:
        out = _box_resize(arr, (new_w, new_h))
    else:
        out = np.stack([_box_resize(arr[..., c], (new_w, new_h)) for c in range(arr.shape[2])], axis=-1)
    return WorkingCopy(out, original, True)


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
