"""The image picker of every lab, and the image it hands over to the other labs.

:func:`image_picker` draws a source choice (sample / upload / camera), the matching
input, and optionally a colour toggle and a working-size slider. Its widgets use the
keys ``<key>_source``, ``<key>_sample``, ``<key>_upload``, ``<key>_camera``,
``<key>_colour`` and ``<key>_size``, so a page can put them in its URL schema.

The decision itself (what image do we show, which error, keep the previous one?) is
the pure function :func:`resolve_image`, which never touches Streamlit and is what
the tests exercise: a bad upload gives an error *and* the previous image. Decoded samples
are shared by all sessions in a byte-budgeted cache.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import streamlit as st

from app.backend import images as bimages
from app.ui import live_camera as camera
from app.ui import page
from app.ui.cache import ByteBudgetCache, cache_budget
from app.ui.errors import backend_message
from app.ui.safe_text import literal
from app.ui.strings import t

SOURCES: tuple[str, ...] = ("sample", "upload", "camera")
UPLOAD_TYPES: tuple[str, ...] = ("png", "jpg", "jpeg", "bmp", "tif", "tiff", "webp", "gif")
WORKING_SIZES: tuple[int, ...] = (128, 256, 384, 512, 768, 1024, 1536, 2048)
DEFAULT_SAMPLE = "camera"

# ImageError.code -> string key of a localized, friendly message
_ERROR_KEYS = {
    "empty": "il.err.empty",
    "not_image": "il.err.not_image",
    "truncated": "il.err.truncated",
    "too_large": "il.err.too_large",
    "file_too_large": "il.err.file_too_large",
    "not_found": "il.err.not_found",
    "unknown_sample": "il.err.unknown_sample",
    "invalid": "il.err.invalid",
}


@dataclass(frozen=True)
class PickedImage:
    """The image a lab works on (a working copy, already reduced to the working size)."""

    image: np.ndarray  # float64 in [0, 1], (H, W) or (H, W, 3); read-only
    name: str  # sample name or uploaded file name
    digest: str  # image_digest(image): use it as the cache key
    source: str  # "sample" | "upload" | "camera"
    resized: bool
    original_shape: tuple
    #: A private image's own memo of what the labs derive from it (its analysis, its panels): it lives
    #: and dies with the image, in one session's state.
    own_cache: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def is_colour(self) -> bool:
        return self.image.ndim == 3

    @property
    def private(self) -> bool:
        """A camera picture: kept out of every cache shared with other sessions and out of hand-overs."""
        return self.source == "camera"


@dataclass(frozen=True)
class ImageChoice:
    """What the picker's widgets say (the input of :func:`resolve_image`)."""

    source: str = "sample"
    sample: str = DEFAULT_SAMPLE
    data: bytes | None = None  # encoded upload/camera bytes, None when nothing is uploaded
    filename: str = ""
    colour: bool = False
    size: int = bimages.DEFAULT_WORKING_SIDE


@dataclass(frozen=True)
class Resolved:
    """Outcome of :func:`resolve_image`: the image to use and an optional message."""

    picked: PickedImage
    error: str | None = None  # localized error text (st.error), the previous image is kept
    notice: str | None = None  # localized info text (e.g. "no file uploaded yet")
    ok: bool = True  # False when the requested image could not be used


def error_text(exc: Exception, lang: str) -> str:
    """A friendly, localized one-liner for an image loading error."""
    code = getattr(exc, "code", "invalid")
    key = _ERROR_KEYS.get(code, "il.err.invalid")
    return t(key, lang, detail=literal(str(exc), limit=300), **getattr(exc, "params", {}))


def make_picked(
    raw: np.ndarray | bimages.WorkingCopy, *, name: str, source: str, colour: bool, size: int
) -> PickedImage:
    """Grey/colour conversion and working copy of a decoded image (or of one decoded straight to a
    working copy, :func:`app.backend.images.load_working_copy`), frozen and digested."""
    decoded = raw if isinstance(raw, bimages.WorkingCopy) else None
    arr = np.asarray(decoded.image if decoded else raw, dtype=np.float64)
    if not colour and arr.ndim == 3:
        arr = bimages.to_gray(arr)
    wc = bimages.working_copy(arr, int(size))
    img = np.ascontiguousarray(wc.image, dtype=np.float64)
    img.setflags(write=False)
    original = tuple(decoded.original_shape[:2]) + img.shape[2:] if decoded else tuple(wc.original_shape)
    return PickedImage(
        image=img,
        name=name,
        digest=bimages.image_digest(img),
        source=source,
        resized=wc.resized or bool(decoded and decoded.resized),
        original_shape=original,
    )


def _load_sample_picked(name: str, colour: bool, size: int) -> PickedImage:
    return make_picked(bimages.load_sample(name), name=name, source="sample", colour=colour, size=size)


def resolve_image(
    choice: ImageChoice,
    previous: PickedImage | None,
    lang: str,
    *,
    load_sample: Callable[[str, bool, int], PickedImage] = _load_sample_picked,
    decode: Callable[[bytes, int], bimages.WorkingCopy | np.ndarray] = bimages.load_working_copy,
) -> Resolved:
    """Decide which image to show. Pure: no Streamlit.

    * sample → that sample (an unknown name falls back to the default sample, with an error);
    * upload/camera with bytes → the decoded image, or, when it cannot be read, the
      *previous* image plus a friendly localized error naming the problem;
    * upload/camera without a file (``data is None``) → the previous image (or the default
      sample) plus a notice; an empty file (``data == b""``) is an error that says so.
    """
    if choice.source not in ("upload", "camera"):
        try:
            return Resolved(load_sample(choice.sample, choice.colour, choice.size))
        except bimages.ImageError as exc:
            fallback = previous or load_sample(DEFAULT_SAMPLE, choice.colour, choice.size)
            return Resolved(fallback, error=error_text(exc, lang), ok=False)

    def keep(error: str | None = None, notice: str | None = None) -> Resolved:
        if previous is not None:
            prev = previous
            # follow colour/size changes of the previous image when it is a sample
            if prev.source == "sample":
                prev = load_sample(prev.name, choice.colour, choice.size)
            return Resolved(prev, error=error, notice=notice, ok=False)
        return Resolved(load_sample(choice.sample, choice.colour, choice.size), error=error, notice=notice, ok=False)

    if choice.data is None:  # nothing uploaded yet (an empty file is b"": refused below as empty)
        key = "il.pick.no_upload" if choice.source == "upload" else "il.pick.no_camera"
        return keep(notice=t(key, lang))
    try:
        raw = decode(choice.data, int(choice.size))  # never a float copy larger than the working size needs
        picked = make_picked(
            raw, name=choice.filename or choice.source, source=choice.source, colour=choice.colour, size=choice.size
        )
    except bimages.ImageError as exc:
        return keep(error=error_text(exc, lang))
    except (ValueError, OSError, MemoryError) as exc:  # never a traceback
        return keep(error=t("il.err.invalid", lang, detail=backend_message(exc, lang)))
    return Resolved(picked)


# --------------------------------------------------------------------------- #
# Streamlit side
# --------------------------------------------------------------------------- #
# decoded samples at each working size, shared by all sessions (a 2048 px colour sample is 100 MB)
_SAMPLES: ByteBudgetCache[PickedImage] = ByteBudgetCache(
    cache_budget("CONVSCOPE_SAMPLE_CACHE_MB"), sizeof=lambda p: p.image.nbytes
)


def _cached_sample(name: str, colour: bool, size: int) -> PickedImage:
    return _SAMPLES.get_or_make((name, colour, size), lambda: _load_sample_picked(name, colour, size))


def _sample_label(name: str, lang: str) -> str:
    labels = bimages.SAMPLES.get(name)
    return labels.get(lang, labels["en"]) if labels else name


def picker_defaults(key: str) -> dict[str, Any]:
    """Default values of the picker's widget keys (for URL schemas and first runs)."""
    return {
        f"{key}_source": "sample",
        f"{key}_sample": DEFAULT_SAMPLE,
        f"{key}_colour": False,
        f"{key}_size": bimages.DEFAULT_WORKING_SIDE,
    }


def image_picker(
    lang: str,
    *,
    key: str,
    allow_colour: bool = True,
    allow_size: bool = True,
    allow_camera: bool = True,
    publish: bool = False,
    live_camera: bool = False,
    messages=None,
) -> PickedImage:
    """Sample select / upload / camera (+ colour toggle, working size); returns the image.

    A bad upload shows ``st.error`` with a friendly message and returns the previous
    image, so the page keeps its state. With ``publish=True`` the result becomes
    :func:`current_image` (the Image Lab does this; a camera picture is never handed over).
    With ``live_camera=True`` the camera is live video (:mod:`app.ui.live_camera`), otherwise
    a photo. ``messages`` is an optional container (e.g. one in the main area) for the
    error/notice; by default it goes under the picker.
    """
    ss = st.session_state
    for k, v in picker_defaults(key).items():
        ss.setdefault(k, v)
    names = bimages.sample_names()
    if ss[f"{key}_sample"] not in names and names:
        ss[f"{key}_sample"] = DEFAULT_SAMPLE if DEFAULT_SAMPLE in names else names[0]
    sources = SOURCES if allow_camera else SOURCES[:2]
    if ss[f"{key}_source"] not in sources:
        ss[f"{key}_source"] = "sample"

    source = st.segmented_control(
        t("il.pick.source", lang),
        sources,
        format_func=lambda s: t(f"il.pick.src.{s}", lang),
        key=f"{key}_source",
        selection_mode="single",
    )
    if source is None:  # segmented controls can be de-selected
        source = "sample"
    data: bytes | None = None
    filename = ""
    decode: Callable[[bytes, int], bimages.WorkingCopy | np.ndarray] = bimages.load_working_copy
    refused = False
    if source == "sample":
        st.selectbox(
            t("il.pick.sample", lang),
            names,
            format_func=lambda n: _sample_label(n, lang),
            key=f"{key}_sample",
        )
    elif source == "upload":
        up = st.file_uploader(
            t("il.pick.upload", lang),
            type=list(UPLOAD_TYPES),
            key=f"{key}_upload",
            help=t("il.pick.upload_help", lang, mb=bimages.MAX_UPLOAD_MB),
        )
        if up is not None:
            data, filename = up.getvalue(), up.name
    elif live_camera:
        live = camera.live_camera(lang, key=key)
        data, filename, decode, refused = live.data, t("il.pick.camera_name", lang), camera.decode, live.refused
    else:
        shot = st.camera_input(t("il.pick.camera", lang), key=f"{key}_camera")
        if shot is not None:
            data, filename = shot.getvalue(), t("il.pick.camera_name", lang)
    colour = bool(ss.get(f"{key}_colour", False))
    size = int(ss.get(f"{key}_size", bimages.DEFAULT_WORKING_SIDE))
    if allow_colour:
        colour = st.toggle(t("il.pick.colour", lang), key=f"{key}_colour", help=t("il.pick.colour_help", lang))
    if allow_size:
        size = st.select_slider(
            t("il.pick.size", lang), options=WORKING_SIZES, key=f"{key}_size", help=t("il.pick.size_help", lang)
        )
    if not allow_colour:
        colour = False

    if refused:  # like a bad upload: say so, keep the previous picture
        (messages if messages is not None else st).error(t("cam.refused", lang), icon=":material/error:")
    picked = _resolve_cached(
        key, ImageChoice(source, ss[f"{key}_sample"], data, filename, colour, int(size)), lang, messages, decode
    )
    if publish and not picked.private:
        page.hand_over(picked)
    return picked


def _resolve_cached(
    key: str, choice: ImageChoice, lang: str, messages=None,
    decode: Callable[[bytes, int], bimages.WorkingCopy | np.ndarray] = bimages.load_working_copy,
) -> PickedImage:
    """Run :func:`resolve_image` with session memory of the last good image and of decoded uploads."""
    ss = st.session_state
    last_key = f"_{key}_last_good"
    memo_key = f"_{key}_upload_memo"
    previous: PickedImage | None = ss.get(last_key)
    # decoding an upload is slow: remember the outcome for the same bytes and settings
    memo_id = None
    if choice.data:
        import hashlib

        memo_id = (hashlib.sha1(choice.data).hexdigest(), choice.colour, choice.size, lang, choice.source)
        memo = ss.get(memo_key)
        if memo is not None and memo[0] == memo_id:
            resolved: Resolved = memo[1]
            if not resolved.ok and resolved.error:  # still show the error, keep the previous image
                resolved = Resolved(previous or resolved.picked, error=resolved.error, ok=False)
            _show(resolved, messages)
            if resolved.ok:
                ss[last_key] = resolved.picked
            return resolved.picked
    resolved = resolve_image(choice, previous, lang, load_sample=_cached_sample, decode=decode)
    if memo_id is not None:
        ss[memo_key] = (memo_id, resolved)
    _show(resolved, messages)
    if resolved.ok or previous is None:
        ss[last_key] = resolved.picked
    return resolved.picked


def _show(resolved: Resolved, messages=None) -> None:
    where = messages if messages is not None else st
    if resolved.error:
        where.error(resolved.error, icon=":material/error:")
    elif resolved.notice:
        where.info(resolved.notice)


def current_image() -> PickedImage | None:
    """The Image Lab's current image (its typed hand-over), or None before the Image Lab has run in
    this session."""
    return page.received(PickedImage)
