"""The live camera: video frames from the browser's camera become the page's image, one after another.

A ``streamlit.components.v2`` component (inline HTML/CSS/JS from this package, nothing fetched from
elsewhere) opens ``getUserMedia``, draws each frame to a canvas at the camera's working size and
sends it as a JPEG data URL, with the live slider's backpressure
(:mod:`app.ui.live_slider`): at most one frame in flight, the next one is taken only when a run has
drawn the previous one, so the frame sent is always the newest.

* The component is keyed ``"_cam_" + key`` and sends one state, ``frame``:
  ``{"jpeg": "data:image/jpeg;base64,...", "seq": int}``. :func:`sanitise` caps the text before
  decoding anything and refuses whatever is not such a frame (NaN, lists, huge strings, other
  data URLs); the picture itself is decoded by :func:`decode` (the app's bounded decoder, held to
  :data:`MAX_FRAME_PIXELS`). A refused frame is treated like a bad upload: a friendly message, the
  previous picture stays. Never an exception.
* The newest frame lives in this session's state only: never on disk, never in a link (it is no
  setting of the page's schema), and the image made from it is *private*
  (:attr:`app.ui.image_picker.PickedImage.private`): the labs keep its analysis and panels out of
  their process-wide caches.
* **Freeze** keeps the current frame: the camera stops, later frames are ignored, and the page
  works on that frame like on an uploaded image. **Live again** restarts the camera.
"""

from __future__ import annotations

import base64
import binascii
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import streamlit as st

from app.backend import images as bimages
from app.ui.live_component import live_component
from app.ui.strings import t

__all__ = ["CAMERA_SIDES", "MAX_FRAME_CHARS", "Frame", "component_key", "decode", "live_camera", "sanitise"]

#: Long sides (px) a camera frame can be taken at; the smaller the faster the video follows.
CAMERA_SIDES: tuple[int, ...] = (128, 256, 384, 512)
DEFAULT_CAMERA_SIDE = 256
#: A frame's pixel cap, checked from the JPEG header before decoding (a 4:3 frame at 512 px has 0.2 Mpx).
MAX_FRAME_PIXELS = 1024 * 1024
#: The longest frame text accepted (a 512 px JPEG at quality 0.8 is ~80 000 characters): anything
#: longer is refused before it is decoded.
MAX_FRAME_CHARS = 1_000_000
_PREFIXES = ("data:image/jpeg;base64,", "data:image/png;base64,", "data:image/webp;base64,")
_PREFIX = "_cam_"


def _frame_key(key: str) -> str:  # the newest frame's bytes
    return f"_{key}_cam_frame"


def _seq_key(key: str) -> str:  # the seq of the last frame received (echoed to the browser)
    return f"_{key}_cam_seq"


def _refused_key(key: str) -> str:  # the last frame was refused
    return f"_{key}_cam_refused"


def frozen_key(key: str) -> str:
    """The session key saying that the camera ``key`` is frozen on its current frame."""
    return f"_{key}_cam_frozen"


_HTML = """
<div class="cs-cam">
  <video class="cs-video" muted playsinline aria-hidden="true"></video>
  <canvas class="cs-canvas" hidden></canvas>
  <p class="cs-msg" role="status" aria-live="polite"></p>
  <button class="cs-toggle" type="button"></button>
</div>
"""

_CSS = """
.cs-cam { font-family: var(--st-font, inherit); color: var(--st-text-color, inherit); font-size: 0.875rem; }
.cs-video { display: block; width: 100%; max-height: 14em; object-fit: contain; border-radius: 0.4em;
  background: color-mix(in srgb, var(--st-text-color, #31333f) 8%, transparent); }
.cs-video[hidden] { display: none; }
.cs-msg { margin: 0.4em 0; line-height: 1.4; }
.cs-msg:empty { display: none; }
.cs-msg.cs-error { color: var(--st-red-color, #bd4043); }
.cs-toggle { font: inherit; padding: 0.3em 0.9em; border-radius: 0.5em; cursor: pointer;
  border: 1px solid color-mix(in srgb, var(--st-text-color, #31333f) 25%, transparent);
  background: var(--st-background-color, #fff); color: inherit; }
.cs-toggle:hover { border-color: var(--st-primary-color, #ff4b4b); color: var(--st-primary-color, #ff4b4b); }
.cs-toggle:focus-visible { outline: 3px solid var(--st-primary-color, #1f6feb); outline-offset: 2px; }
.cs-toggle[hidden] { display: none; }
"""

_mount = live_component("convscope_live_camera", _HTML, _CSS, "live_camera.js")


@dataclass(frozen=True)
class Frame:
    """A frame the browser sent, after :func:`sanitise`: the encoded picture (not yet decoded) and its seq."""

    data: bytes
    seq: int


def _seq(raw: Any) -> int | None:
    """The frame's seq when it is a plain non-negative integer the browser can count to."""
    seq = raw.get("seq") if isinstance(raw, Mapping) else None
    if isinstance(seq, bool) or not isinstance(seq, int) or not 0 <= seq < 2**53:
        return None
    return seq


def sanitise(raw: Any) -> Frame | None:
    """The frame the browser sent, still encoded, or ``None`` when it is not a frame at all.

    A frame is ``{"jpeg": "data:image/jpeg;base64,...", "seq": int}`` (PNG and WebP data URLs
    are accepted too). The text is capped at :data:`MAX_FRAME_CHARS` *before* anything is decoded;
    non-text, other data, broken base64, NaN, lists and extra keys are refused. Never raises.
    Whether the bytes are a picture is for :func:`decode` to say.

    Examples
    --------
    >>> sanitise({"jpeg": "data:image/jpeg;base64,/9j/4A==", "seq": 3})
    Frame(data=b'\\xff\\xd8\\xff\\xe0', seq=3)
    >>> sanitise({"jpeg": "x" * (MAX_FRAME_CHARS + 1), "seq": 4}) is None, sanitise([1.0] * 9) is None
    (True, True)
    >>> sanitise({"jpeg": float("nan"), "seq": 5}) is None, sanitise({"jpeg": "data:text/html,<b>", "seq": 6}) is None
    (True, True)
    """
    if not isinstance(raw, Mapping) or len(raw) > 4:
        return None
    text, seq = raw.get("jpeg"), _seq(raw)
    if not isinstance(text, str) or len(text) > MAX_FRAME_CHARS or seq is None:
        return None
    prefix = next((p for p in _PREFIXES if text.startswith(p)), None)
    if prefix is None:
        return None
    try:
        data = base64.b64decode(text[len(prefix):], validate=True)
    except (binascii.Error, ValueError):
        return None
    return Frame(data, seq) if data else None


def decode(data: bytes, long_side: int | None = None) -> np.ndarray:
    """A frame's pixels (float64 in [0, 1]) by the app's bounded decoder, held to :data:`MAX_FRAME_PIXELS`.

    ``long_side`` (the picker's working size) is not needed: a frame arrives at the camera's own
    frame size, and the picker makes the working copy.

    Raises :class:`app.backend.images.ImageError` for anything that is not a picture of that size,
    as for a bad upload.

    Examples
    --------
    >>> decode(b"not a picture")
    Traceback (most recent call last):
    ...
    app.backend.images.ImageError: The file is not an image ConvScope can read (PNG, JPEG, BMP, TIFF, WebP or GIF).
    """
    return bimages.load_image(data, max_pixels=MAX_FRAME_PIXELS)


def component_key(key: str) -> str:
    """The session key of the camera component of the picker ``key``."""
    return _PREFIX + key


def _apply_frame(key: str) -> None:
    """The component's callback (runs before the script): keep the newest frame, or note a refused one.

    The seq goes back to the browser in ``data`` from this same run; it sends its next frame when
    it sees it (and the run's pictures are drawn). A frozen camera keeps its frame.
    """
    ss = st.session_state
    raw = ss.get(component_key(key), {}).get("frame")
    seq = _seq(raw)
    if seq is not None:
        ss[_seq_key(key)] = seq
    if ss.get(frozen_key(key)):
        return
    frame = sanitise(raw)
    ss[_refused_key(key)] = frame is None
    if frame is not None:
        ss[_frame_key(key)] = frame.data


@dataclass(frozen=True)
class CameraState:
    """What the live camera hands to the picker: the newest frame's bytes (``None`` before the
    first), whether it is frozen, and whether the last frame sent was refused."""

    data: bytes | None
    frozen: bool
    refused: bool


def _set_frozen(key: str, frozen: bool) -> None:
    st.session_state[frozen_key(key)] = frozen


def live_camera(lang: str, *, key: str) -> CameraState:
    """Draw the live camera of the picker ``key`` (video, Start/Stop, frame size, Freeze) and return its state.

    Its widgets use the keys ``<key>_camera_side`` (the long side frames are taken at, one of
    :data:`CAMERA_SIDES`; not a link setting), ``<key>_cam_freeze`` and ``<key>_cam_live``; the
    component is keyed :func:`component_key`.
    """
    ss = st.session_state
    frozen = bool(ss.get(frozen_key(key), False))
    if ss.get(f"{key}_camera_side") not in CAMERA_SIDES:
        ss[f"{key}_camera_side"] = DEFAULT_CAMERA_SIDE
    _mount(
        key=component_key(key),
        data={
            "seq": int(ss.get(_seq_key(key), 0)),
            "side": int(ss[f"{key}_camera_side"]),
            "frozen": frozen,
            "text": {
                name: t(f"cam.{name}", lang)
                for name in ("start", "stop", "starting", "stopped", "frozen", "insecure", "denied", "nodevice",
                             "busy", "failed")
            },
        },
        default={"frame": None},
        on_frame_change=functools.partial(_apply_frame, key),  # mount() passes no args
    )
    st.select_slider(t("cam.side", lang), CAMERA_SIDES, key=f"{key}_camera_side", help=t("cam.side_help", lang),
                     disabled=frozen)
    if frozen:
        st.button(t("cam.live_again", lang), key=f"{key}_cam_live", icon=":material/videocam:",
                  on_click=_set_frozen, args=(key, False))
    else:
        st.button(t("cam.freeze", lang), key=f"{key}_cam_freeze", icon=":material/pause:",
                  on_click=_set_frozen, args=(key, True), disabled=ss.get(_frame_key(key)) is None,
                  help=t("cam.freeze_help", lang))
    return CameraState(ss.get(_frame_key(key)), frozen, bool(ss.get(_refused_key(key), False)))
