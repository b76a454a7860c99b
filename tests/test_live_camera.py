"""The live camera's frame path: what a browser sends becomes a bounded picture, or is refused; and a
camera picture never enters a cache that other sessions read."""

from __future__ import annotations

import base64
import io

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as hs
from PIL import Image

from app.backend import ImageError
from app.labs.image_lab import pipeline as lab
from app.ui import image_picker
from app.ui.live_camera import MAX_FRAME_CHARS, MAX_FRAME_PIXELS, Frame, decode, sanitise


def _jpeg(shape=(48, 64), seed=0, quality=80) -> bytes:
    pixels = np.random.default_rng(seed).integers(0, 256, shape, dtype=np.uint8)
    out = io.BytesIO()
    Image.fromarray(pixels).save(out, "JPEG", quality=quality)
    return out.getvalue()


def _url(data: bytes, kind: str = "jpeg") -> str:
    return f"data:image/{kind};base64," + base64.b64encode(data).decode()


def test_a_jpeg_data_url_becomes_its_bytes_and_seq():
    data = _jpeg()
    assert sanitise({"jpeg": _url(data), "seq": 12}) == Frame(data, 12)
    png = io.BytesIO()
    Image.new("L", (4, 4), 9).save(png, "PNG")
    assert sanitise({"jpeg": _url(png.getvalue(), "png"), "seq": 1}).data == png.getvalue()


def test_a_frame_decodes_to_the_pixels_pillow_reads():
    data = _jpeg((40, 52), seed=3)
    expected = np.asarray(Image.open(io.BytesIO(data)), dtype=np.float64) / 255.0
    got = decode(sanitise({"jpeg": _url(data), "seq": 1}).data)
    assert got.shape == (40, 52)
    np.testing.assert_allclose(got, expected)


@pytest.mark.parametrize(
    "raw",
    [
        None, "data:image/jpeg;base64,/9j/", 3.0, float("nan"), [1.0] * 100_000, [{"jpeg": "x", "seq": 1}] * 100,
        {"jpeg": float("nan"), "seq": 1}, {"jpeg": None, "seq": 1}, {"jpeg": ["data:image/jpeg;base64,"], "seq": 1},
        {"jpeg": _url(_jpeg()), "seq": -1}, {"jpeg": _url(_jpeg()), "seq": "1"}, {"jpeg": _url(_jpeg()), "seq": 1.5},
        {"jpeg": _url(_jpeg()), "seq": True}, {"jpeg": _url(_jpeg()), "seq": 2**60}, {"jpeg": _url(_jpeg())},
        {"jpeg": "data:image/jpeg;base64,***not base64***", "seq": 1}, {"jpeg": "data:image/jpeg;base64,", "seq": 1},
        {"jpeg": "data:text/html;base64,PGI+eDwvYj4=", "seq": 1}, {"jpeg": "<img src=x onerror=alert(1)>", "seq": 1},
        {"jpeg": _url(_jpeg()), "seq": 1, **{f"k{i}": i for i in range(8)}},
    ],
)
def test_hostile_state_is_refused_without_an_exception(raw):
    assert sanitise(raw) is None


def test_a_huge_string_is_refused_before_it_is_decoded(monkeypatch):
    decoded = []
    monkeypatch.setattr(base64, "b64decode", lambda *a, **k: decoded.append(a) or b"")
    huge = "data:image/jpeg;base64," + "A" * MAX_FRAME_CHARS
    assert sanitise({"jpeg": huge, "seq": 1}) is None
    assert decoded == []  # refused by its length alone


@pytest.mark.parametrize(
    "data, code, says",
    [
        (b"<html>not a picture</html>", "not_image", "not an image"),
        (_jpeg()[:200], "truncated", "damaged or truncated"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "not_image", "not an image"),
    ],
)
def test_non_image_data_is_refused_like_a_bad_upload(data, code, says):
    with pytest.raises(ImageError, match=says) as info:
        decode(data)
    assert info.value.code == code


def test_a_frame_with_more_pixels_than_a_camera_sends_is_refused_from_its_header():
    side = int(np.sqrt(MAX_FRAME_PIXELS)) + 8  # a few rows more than the cap: a few kB of JPEG
    big = io.BytesIO()
    Image.new("L", (side, side), 128).save(big, "JPEG", quality=50)
    with pytest.raises(ImageError, match="too large") as info:
        decode(big.getvalue())
    assert info.value.code == "too_large"
    assert decode(_jpeg((64, 64))).shape == (64, 64)  # a frame of camera size is read


@given(hs.one_of(hs.text(max_size=200), hs.binary(max_size=200).map(lambda b: "data:image/jpeg;base64," + base64.b64encode(b).decode())),
       hs.one_of(hs.integers(), hs.floats(), hs.none(), hs.text(max_size=3)))
def test_any_state_is_a_frame_or_refused_and_decoding_it_raises_only_image_errors(text, seq):
    frame = sanitise({"jpeg": text, "seq": seq})
    if frame is None:
        return
    assert isinstance(frame.seq, int) and 0 <= frame.seq < 2**53 and frame.data
    try:
        pixels = decode(frame.data)
    except ImageError:
        return
    assert pixels.dtype == np.float64 and 0.0 <= pixels.min() <= pixels.max() <= 1.0


# --------------------------------------------------------------------------- #
# a camera picture stays out of the process-wide caches
# --------------------------------------------------------------------------- #
def _picked(source: str, seed: int) -> image_picker.PickedImage:
    raw = decode(_jpeg((96, 96), seed=seed))
    return image_picker.make_picked(raw, name=source, source=source, colour=False, size=256)


def _every_shared_key() -> list:
    return [*lab.ANALYSES.keys(), *lab.PANELS.keys(), *lab._STATIC_PANELS, *lab._IMAGE_STATS]


def _draw_everything(picked: image_picker.PickedImage) -> lab.LabRun:
    """What the Image Lab's views compute for one image: the main panels, the draft, the wrap difference."""
    kernel = np.outer([1.0, 2.0, 1.0], [1.0, 2.0, 1.0]) / 16
    run = lab.compute(picked, kernel, lab.LabSettings(kernel_name="gaussian"))
    lab.static_panels(run, 21)
    lab.main_panels(run, 21, 300)
    lab.main_panels(run, 21, 300, draft=True)
    lab.wrap_difference(run)
    assert run.hf_ratio >= 0.0
    return run


def test_a_camera_picture_never_enters_a_cache_other_sessions_read():
    frame = _picked("camera", seed=7)
    assert frame.private
    run = _draw_everything(frame)
    shared = _every_shared_key()
    assert not [k for k in shared if frame.digest in k]
    # its own memo (in its session) holds the work instead, and a second run reuses it
    assert {name for name, _key in frame.own_cache} == {"analysis", "stats", "static", "main"}
    assert lab.compute(frame, run.kernel, run.settings).analysis is run.analysis
    # the same pixels from an upload are shared as before: the bypass is about the source, not the pixels
    upload = image_picker.make_picked(frame.image, name="u", source="upload", colour=False, size=256)
    assert not upload.private and upload.digest == frame.digest
    _draw_everything(upload)
    assert [k for k in _every_shared_key() if upload.digest in k]
    assert upload.own_cache == {}


def test_a_frozen_frames_own_memo_stays_small_however_many_moves():
    frame = _picked("camera", seed=8)
    for size in range(3, 3 + 2 * 20, 2):  # twenty kernels, as twenty slider moves would
        lab.main_panels(lab.compute(frame, np.ones((size, size)) / size**2, lab.LabSettings()), 21, 300)
    assert len(frame.own_cache) == lab.OWN_ENTRIES
