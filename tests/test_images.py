"""Loader, working copy, grey conversion and digest (app.backend.images).

The corpus is generated here, in memory or in tmp_path: every Pillow mode, every
supported format, EXIF orientation, transparency, 16-bit, animated GIF, and broken
files (empty, random, truncated, decompression bombs, over the pixel cap).
"""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
import pytest
from PIL import Image, ImageFile

from app.backend import _decode, images
from app.backend.images import (
    DEFAULT_WORKING_SIDE,
    MAX_PIXELS,
    MAX_UPLOAD_MB,
    MAX_WORKING_SIDE,
    ImageError,
    WorkingCopy,
    image_digest,
    load_image,
    to_gray,
    working_copy,
)

RNG = np.random.default_rng(1234)


def encode(img: Image.Image, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format=fmt, **kw)
    return buf.getvalue()


def gradient_rgb(h: int = 24, w: int = 32) -> np.ndarray:
    y, x = np.mgrid[0:h, 0:w]
    return np.stack([x * 255 // (w - 1), y * 255 // (h - 1), (x + y) * 255 // (h + w - 2)], -1).astype(np.uint8)


def gradient_l(h: int = 24, w: int = 32) -> np.ndarray:
    y, x = np.mgrid[0:h, 0:w]
    return ((x + 2 * y) * 255 // (w - 1 + 2 * (h - 1))).astype(np.uint8)


# --------------------------------------------------------------------------- constants
def test_contract_constants():
    assert MAX_PIXELS == 40_000_000
    assert MAX_UPLOAD_MB == 50
    assert MAX_WORKING_SIDE == 2048
    assert DEFAULT_WORKING_SIDE == 512
    assert issubclass(ImageError, ValueError)
    assert ImageError("x", "empty").code == "empty"


# --------------------------------------------------------------------------- formats
LOSSLESS = ["PNG", "BMP", "TIFF", "WEBP"]


@pytest.mark.parametrize("fmt", LOSSLESS)
def test_lossless_formats_colour_exact(fmt):
    rgb = gradient_rgb()
    kw = {"lossless": True} if fmt == "WEBP" else {}
    out = load_image(encode(Image.fromarray(rgb), fmt, **kw))
    assert out.shape == rgb.shape and out.dtype == np.float64
    np.testing.assert_array_equal(out, rgb / 255.0)


@pytest.mark.parametrize("fmt", ["PNG", "BMP", "TIFF", "GIF", "JPEG"])
def test_grey_formats_give_2d(fmt):
    g = gradient_l()
    out = load_image(encode(Image.fromarray(g), fmt))
    assert out.shape == g.shape
    if fmt == "JPEG":
        assert np.abs(out - g / 255.0).max() < 0.05
    else:
        np.testing.assert_array_equal(out, g / 255.0)


def test_jpeg_colour_close():
    rgb = gradient_rgb(64, 64)
    out = load_image(encode(Image.fromarray(rgb), "JPEG", quality=95))
    assert out.shape == (64, 64, 3)
    assert np.abs(out - rgb / 255.0).mean() < 0.02


def test_gif_colour_and_first_frame_only():
    frames = [Image.new("RGB", (20, 10), c) for c in ((255, 0, 0), (0, 0, 255), (0, 255, 0))]
    data = encode(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    assert Image.open(io.BytesIO(data)).n_frames == 3
    out = load_image(data)
    assert out.shape == (10, 20, 3)
    np.testing.assert_allclose(out[5, 5], [1.0, 0.0, 0.0])


def test_animated_gif_grey_first_frame():
    frames = [Image.new("L", (8, 6), v) for v in (0, 255, 128)]
    data = encode(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=50)
    out = load_image(data)
    assert out.shape == (6, 8)
    assert np.all(out == 0.0)


def test_path_and_pathlike(tmp_path):
    rgb = gradient_rgb()
    p = tmp_path / "x.png"
    Image.fromarray(rgb).save(p)
    a = load_image(p)
    b = load_image(str(p))
    c = load_image(bytearray(p.read_bytes()))
    d = load_image(memoryview(p.read_bytes()))
    for arr in (a, b, c, d):
        np.testing.assert_array_equal(arr, rgb / 255.0)


# --------------------------------------------------------------------------- modes
def test_mode_1():
    bits = (gradient_l() > 128)
    img = Image.fromarray(bits.astype(np.uint8) * 255).convert("1")
    out = load_image(encode(img, "PNG"))
    assert out.shape == bits.shape
    np.testing.assert_array_equal(out, bits.astype(float))


def test_mode_L():
    g = gradient_l()
    out = load_image(encode(Image.fromarray(g), "PNG"))
    np.testing.assert_array_equal(out, g / 255.0)


def test_mode_LA_composited_on_white():
    la = np.zeros((4, 5, 2), np.uint8)
    la[..., 0] = 0  # black
    la[0, :, 1] = 0  # fully transparent -> white
    la[1, :, 1] = 255  # opaque -> black
    la[2, :, 1] = 51  # 20 % opaque -> 0.8
    la[3, :, 1] = 255
    la[3, :, 0] = 102
    out = load_image(encode(Image.fromarray(la, "LA"), "PNG"))
    assert out.shape == (4, 5)
    np.testing.assert_allclose(out[0], 1.0)
    np.testing.assert_allclose(out[1], 0.0)
    np.testing.assert_allclose(out[2], 0.8)
    np.testing.assert_allclose(out[3], 0.4)


def test_mode_RGBA_composited_on_white():
    rgba = np.zeros((3, 4, 4), np.uint8)
    rgba[0] = (255, 0, 0, 0)  # transparent red -> white
    rgba[1] = (255, 0, 0, 255)  # opaque red
    rgba[2] = (0, 0, 0, 128)  # half black -> ~0.498
    out = load_image(encode(Image.fromarray(rgba, "RGBA"), "PNG"))
    assert out.shape == (3, 4, 3)
    np.testing.assert_allclose(out[0], 1.0)
    np.testing.assert_allclose(out[1], [[1, 0, 0]] * 4)
    np.testing.assert_allclose(out[2], 1 - 128 / 255, atol=1e-12)


def test_mode_RGBA_webp_alpha():
    rgba = np.zeros((8, 8, 4), np.uint8)
    rgba[..., 2] = 255
    rgba[:4, :, 3] = 0
    rgba[4:, :, 3] = 255
    out = load_image(encode(Image.fromarray(rgba, "RGBA"), "WEBP", lossless=True))
    np.testing.assert_allclose(out[:4], 1.0)
    np.testing.assert_allclose(out[4:], np.broadcast_to([0, 0, 1.0], (4, 8, 3)))


def test_mode_P_colour_palette():
    rgb = np.zeros((6, 6, 3), np.uint8)
    rgb[:3] = (255, 0, 0)
    rgb[3:] = (0, 0, 255)
    img = Image.fromarray(rgb).convert("P", palette=Image.Palette.ADAPTIVE, colors=4)
    assert img.mode == "P"
    out = load_image(encode(img, "PNG"))
    assert out.shape == (6, 6, 3)
    np.testing.assert_allclose(out[0, 0], [1, 0, 0])
    np.testing.assert_allclose(out[5, 5], [0, 0, 1])


def test_mode_P_grey_palette_is_grey():
    img = Image.new("P", (5, 4))
    img.putpalette([v for i in range(256) for v in (i, i, i)])
    img.putdata([0, 64, 128, 255, 10] * 4)
    out = load_image(encode(img, "PNG"))
    assert out.shape == (4, 5)
    np.testing.assert_allclose(out[0], np.array([0, 64, 128, 255, 10]) / 255)


@pytest.mark.parametrize("fmt", ["PNG", "GIF"])
def test_mode_P_with_transparency(fmt):
    img = Image.new("P", (4, 2))
    pal = [0, 0, 0, 255, 0, 0] + [0, 255, 0] * 254
    img.putpalette(pal)
    img.putdata([0, 1, 1, 1, 1, 1, 1, 0])
    data = encode(img, fmt, transparency=0)
    reopened = Image.open(io.BytesIO(data))
    assert reopened.mode == "P" and "transparency" in reopened.info
    out = load_image(data)
    assert out.shape == (2, 4, 3)
    np.testing.assert_allclose(out[0, 0], [1, 1, 1])  # transparent black -> white
    np.testing.assert_allclose(out[1, 3], [1, 1, 1])
    np.testing.assert_allclose(out[0, 1], [1, 0, 0])


def test_mode_CMYK():
    cmyk = np.zeros((3, 3, 4), np.uint8)
    cmyk[0] = (0, 0, 0, 0)  # white
    cmyk[1] = (0, 0, 0, 255)  # black
    cmyk[2] = (0, 255, 255, 0)  # red
    img = Image.fromarray(cmyk, "CMYK")
    for fmt in ("TIFF", "JPEG"):
        out = load_image(encode(img, fmt, **({"quality": 100} if fmt == "JPEG" else {})))
        assert out.shape == (3, 3, 3)
        tol = 0.0 if fmt == "TIFF" else 0.1
        np.testing.assert_allclose(out[0], 1.0, atol=tol)
        np.testing.assert_allclose(out[1], 0.0, atol=tol)
        if fmt == "TIFF":
            np.testing.assert_allclose(out[2, 1], [1, 0, 0])


@pytest.mark.parametrize("fmt", ["PNG", "TIFF"])
def test_16bit_grey_scaled_by_65535(fmt):
    vals = np.array([[0, 1, 32768, 65535]], dtype=np.uint16)
    img = Image.fromarray(vals)  # I;16
    assert img.mode.startswith("I;16")
    data = encode(img, fmt)
    out = load_image(data)
    assert out.shape == (1, 4)
    np.testing.assert_allclose(out[0], vals[0] / 65535.0)


def test_mode_I_in_16bit_range_scaled_by_65535():
    vals = np.array([[0, 1000, 65535]], dtype=np.int32)
    img = Image.fromarray(vals)
    assert img.mode == "I"
    out = load_image(encode(img, "TIFF"))
    np.testing.assert_allclose(out[0], vals[0] / 65535.0)


def test_mode_I_outside_16bit_range_min_max():
    vals = np.array([[-100, 0, 100, 300]], dtype=np.int32)
    out = load_image(encode(Image.fromarray(vals), "TIFF"))
    np.testing.assert_allclose(out[0], [0, 0.25, 0.5, 1.0])


def test_mode_F_in_unit_range_kept():
    vals = np.array([[0.0, 0.25, 0.5, 1.0]], dtype=np.float32)
    img = Image.fromarray(vals)
    assert img.mode == "F"
    out = load_image(encode(img, "TIFF"))
    np.testing.assert_allclose(out[0], vals[0])


def test_mode_F_out_of_range_min_max():
    vals = np.array([[-2.0, 0.0, 2.0, 6.0]], dtype=np.float32)
    out = load_image(encode(Image.fromarray(vals), "TIFF"))
    np.testing.assert_allclose(out[0], [0, 0.25, 0.5, 1.0])


def test_mode_F_nan_refused():
    vals = np.array([[0.0, np.nan]], dtype=np.float32)
    with pytest.raises(ImageError, match=r"The image contains invalid \(NaN or infinite\) values\.") as exc:
        load_image(encode(Image.fromarray(vals), "TIFF"))
    assert exc.value.code == "invalid"


def test_constant_images():
    out = load_image(encode(Image.fromarray(np.full((3, 3), 7.0, np.float32)), "TIFF"))
    assert out.shape == (3, 3) and np.all((out >= 0) & (out <= 1))
    out = load_image(encode(Image.new("L", (3, 3), 255), "PNG"))
    assert np.all(out == 1.0)


def test_output_always_in_unit_range_float64():
    for img in (
        Image.fromarray(gradient_rgb()),
        Image.fromarray(gradient_l()).convert("1"),
        Image.fromarray(RNG.integers(0, 65536, (5, 5)).astype(np.uint16)),
        Image.fromarray(RNG.normal(size=(5, 5)).astype(np.float32)),
    ):
        out = load_image(encode(img, "TIFF"))
        assert out.dtype == np.float64
        assert out.min() >= 0.0 and out.max() <= 1.0


# --------------------------------------------------------------------------- EXIF
@pytest.mark.parametrize("orientation, expected", [(1, lambda a: a), (3, lambda a: np.rot90(a, 2)),
                                                   (6, lambda a: np.rot90(a, -1)), (8, lambda a: np.rot90(a, 1))])
def test_exif_orientation(orientation, expected):
    h, w = 40, 64
    g = np.zeros((h, w), np.uint8)
    g[:, : w // 4] = 255  # bright left quarter
    g[: h // 4, :] = 128  # grey top band
    img = Image.fromarray(g)
    exif = Image.Exif()
    exif[0x0112] = orientation
    data = encode(img, "JPEG", quality=98, exif=exif.tobytes())
    assert Image.open(io.BytesIO(data)).getexif().get(0x0112) == orientation
    out = load_image(data)
    want = expected(g / 255.0)
    assert out.shape == want.shape
    assert np.abs(out - want).mean() < 0.02


def test_exif_orientation_6_colour_shape():
    rgb = gradient_rgb(20, 50)
    exif = Image.Exif()
    exif[0x0112] = 6
    out = load_image(encode(Image.fromarray(rgb), "JPEG", quality=95, exif=exif.tobytes()))
    assert out.shape == (50, 20, 3)
    # 90° clockwise: the original top-left pixel lands at the top-right
    want = np.rot90(rgb / 255.0, -1)
    assert np.abs(out - want).mean() < 0.03


# --------------------------------------------------------------------------- broken inputs
def assert_refused(source, code=None):
    with pytest.raises(ImageError, match=r"^(The |File not found|Not a file)") as exc:  # a sentence, not a repr
        load_image(source)
    msg = str(exc.value)
    assert msg and "\n" not in msg and len(msg) < 200
    if code is not None:
        assert exc.value.code == code, (exc.value.code, msg)
    return exc.value


def test_empty_bytes():
    assert "empty" in str(assert_refused(b"", "empty")).lower()


def test_empty_file(tmp_path):
    p = tmp_path / "empty.png"
    p.write_bytes(b"")
    assert_refused(p, "empty")


@pytest.mark.parametrize("n", [1, 7, 100, 5000])
def test_random_bytes(n):
    assert "not an image" in str(assert_refused(RNG.bytes(n), "not_image"))


def test_text_file(tmp_path):
    p = tmp_path / "notes.png"
    p.write_text("hello, this is not a picture\n" * 20)
    assert_refused(p, "not_image")


def test_unsupported_format_refused():
    # Pillow can read PPM, but ConvScope accepts only the documented formats
    assert_refused(encode(Image.fromarray(gradient_rgb()), "PPM"), "not_image")


@pytest.mark.parametrize("fmt, keep", [("PNG", 0.5), ("PNG", 0.9), ("JPEG", 0.5), ("JPEG", 0.9),
                                       ("GIF", 0.5), ("TIFF", 0.5), ("WEBP", 0.5), ("BMP", 0.5)])
def test_truncated(fmt, keep):
    noise = RNG.integers(0, 256, (128, 128, 3), dtype=np.uint8)
    full = encode(Image.fromarray(noise).convert("L") if fmt == "GIF" else Image.fromarray(noise), fmt)
    load_image(full)  # the complete file is fine
    assert_refused(full[: int(len(full) * keep)], "truncated")


def test_truncated_even_if_pillow_allows_truncated(monkeypatch):
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    full = encode(Image.fromarray(RNG.integers(0, 256, (64, 64), dtype=np.uint8)), "PNG")
    assert_refused(full[: len(full) // 2], "truncated")
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True  # restored


def test_corrupted_png_crc():
    data = bytearray(encode(Image.fromarray(gradient_rgb()), "PNG"))
    i = data.index(b"IDAT") + 10
    data[i] ^= 0xFF
    assert_refused(bytes(data), "truncated")


def png_with_size(width: int, height: int) -> bytes:
    """A valid 1×1 PNG whose IHDR is patched to claim width×height (CRC fixed)."""
    data = bytearray(encode(Image.new("L", (1, 1)), "PNG"))
    start = data.index(b"IHDR")
    data[start + 4 : start + 12] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[start : start + 17])) & 0xFFFFFFFF
    data[start + 17 : start + 21] = struct.pack(">I", crc)
    return bytes(data)


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize("size", [(7000, 7000), (10000, 10000), (60000, 60000), (2**31 - 1, 2**31 - 1)])
def test_decompression_bomb_refused_from_header(size):
    err = assert_refused(png_with_size(*size), "too_large")
    assert "too large" in str(err)


@pytest.mark.parametrize("pillow_cap", [None, 10**12, 100])
def test_bomb_guard_independent_of_pillow_setting(monkeypatch, pillow_cap):
    # whatever a caller set Image.MAX_IMAGE_PIXELS to, our own cap holds (and a lower
    # Pillow cap is reported as "too large", not as a crash)
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", pillow_cap)
    assert_refused(png_with_size(7000, 7000), "too_large")
    if pillow_cap is None or pillow_cap > 400:
        assert load_image(encode(Image.new("L", (20, 20)), "PNG")).shape == (20, 20)


@pytest.mark.filterwarnings("error::PIL.Image.DecompressionBombWarning")
def test_bomb_warning_as_error_is_reported(monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100)  # 20x20 = 400 > 100 -> warning (an error here)
    assert_refused(encode(Image.new("L", (15, 15)), "PNG"), "too_large")


def test_over_pixel_cap_lowered(monkeypatch):
    data = encode(Image.fromarray(gradient_rgb(20, 20)), "PNG")
    assert load_image(data).shape == (20, 20, 3)
    monkeypatch.setattr(images, "MAX_PIXELS", 399)
    err = assert_refused(data, "too_large")
    assert "20×20" in str(err)
    monkeypatch.setattr(images, "MAX_PIXELS", 400)
    assert load_image(data).shape == (20, 20, 3)


def test_file_too_large(monkeypatch, tmp_path):
    data = encode(Image.fromarray(RNG.integers(0, 256, (300, 300, 3), dtype=np.uint8)), "PNG")
    assert len(data) > 200_000
    monkeypatch.setattr(images, "MAX_UPLOAD_MB", 0.1)
    assert "MB" in str(assert_refused(data, "file_too_large"))
    p = tmp_path / "big.png"
    p.write_bytes(data)
    assert_refused(p, "file_too_large")


def test_missing_path(tmp_path):
    err = assert_refused(tmp_path / "nope.png", "not_found")
    assert "nope.png" in str(err)
    assert_refused(str(tmp_path / "nope.jpg"), "not_found")


def test_directory_path(tmp_path):
    assert_refused(tmp_path, "not_found")


def test_file_objects(tmp_path):
    data = encode(Image.fromarray(gradient_l()), "PNG")
    buf = io.BytesIO(data)
    buf.read(10)  # a half-read upload is read from the start
    np.testing.assert_array_equal(load_image(buf), gradient_l() / 255.0)
    p = tmp_path / "f.png"
    p.write_bytes(data)
    with open(p, "rb") as fh:
        assert load_image(fh).shape == gradient_l().shape
    assert_refused(io.BytesIO(b""), "empty")
    with open(p, encoding="latin-1") as fh, \
            pytest.raises(TypeError, match=r"load_image expects a binary file, not a text file"):
        load_image(fh)


def test_wrong_type():
    with pytest.raises(TypeError, match=r"load_image expects a path, bytes or a binary file, not int"):
        load_image(42)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- working copy
def test_working_copy_no_upscale():
    img = RNG.random((100, 60))
    wc = working_copy(img)
    assert isinstance(wc, WorkingCopy)
    assert wc.resized is False and wc.original_shape == (100, 60)
    np.testing.assert_array_equal(wc.image, img)
    assert working_copy(img, long_side=100).resized is False


def test_working_copy_downscale_shape_and_note():
    img = RNG.random((1000, 600, 3))
    wc = working_copy(img, long_side=500)
    assert wc.resized is True
    assert wc.image.shape == (500, 300, 3) and wc.image.dtype == np.float64
    assert wc.original_shape == (1000, 600, 3)
    assert max(working_copy(RNG.random((3001, 17)), 2048).image.shape) == 2048


def test_working_copy_default_is_512():
    wc = working_copy(np.zeros((1024, 2048)))
    assert wc.image.shape == (256, 512)


def test_working_copy_is_area_average():
    img = np.kron(np.array([[0.0, 1.0], [0.25, 0.75]]), np.ones((8, 8)))  # 16×16 blocks
    wc = working_copy(img, long_side=2)
    np.testing.assert_allclose(wc.image, [[0.0, 1.0], [0.25, 0.75]], atol=1e-6)
    checker = (np.indices((64, 64)).sum(0) % 2).astype(float)  # Nyquist checkerboard
    small = working_copy(checker, long_side=16).image
    np.testing.assert_allclose(small, 0.5, atol=1e-6)  # averaged, not aliased


def test_working_copy_preserves_mean_and_range():
    img = RNG.random((777, 513, 3))
    small = working_copy(img, 256).image
    assert small.min() >= 0 and small.max() <= 1
    np.testing.assert_allclose(small.mean(axis=(0, 1)), img.mean(axis=(0, 1)), atol=2e-3)


@pytest.mark.parametrize(("bad", "message"), [
    (0, rf"long_side must be between 1 and {MAX_WORKING_SIDE}, not 0"),
    (-5, rf"long_side must be between 1 and {MAX_WORKING_SIDE}, not -5"),
    (MAX_WORKING_SIDE + 1, rf"long_side must be between 1 and {MAX_WORKING_SIDE}, not {MAX_WORKING_SIDE + 1}"),
    (2.5, r"long_side must be an integer, not 2\.5"), (True, r"long_side must be an integer, not True"),
    ("512", r"long_side must be an integer, not '512'"),
])
def test_working_copy_bad_long_side(bad, message):
    with pytest.raises(ValueError, match=message):
        working_copy(np.zeros((10, 10)), bad)


def test_working_copy_bad_image():
    with pytest.raises(ValueError, match=r"expected an \(H, W\) or \(H, W, C\) image, got shape \(10,\)"):
        working_copy(np.zeros(10))


# --------------------------------------------------------------------------- to_gray / digest
def test_to_gray_rec601():
    rgb = np.zeros((1, 3, 3))
    rgb[0, 0] = (1, 0, 0)
    rgb[0, 1] = (0, 1, 0)
    rgb[0, 2] = (0, 0, 1)
    np.testing.assert_allclose(to_gray(rgb)[0], [0.299, 0.587, 0.114])
    np.testing.assert_allclose(to_gray(np.ones((4, 4, 3))), 1.0)


def test_to_gray_passthrough_and_shapes():
    g = RNG.random((5, 6))
    np.testing.assert_array_equal(to_gray(g), g)
    assert to_gray(g).dtype == np.float64
    np.testing.assert_array_equal(to_gray(g[..., None]), g)
    assert to_gray(RNG.random((5, 6, 4))).shape == (5, 6)
    with pytest.raises(ValueError, match=r"expected an \(H, W\) or \(H, W, 3\) image, got shape \(4, 4, 2\)"):
        to_gray(np.zeros((4, 4, 2)))
    with pytest.raises(ValueError, match=r"expected an \(H, W\) or \(H, W, 3\) image, got shape \(4,\)"):
        to_gray(np.zeros(4))


def test_image_digest():
    a = RNG.random((8, 9))
    d = image_digest(a)
    assert isinstance(d, str) and len(d) == 40
    assert image_digest(a.copy()) == d
    assert image_digest(np.asfortranarray(a)) == d  # same values, other memory order
    b = a.copy()
    b[3, 3] += 1e-12
    assert image_digest(b) != d
    assert image_digest(a.reshape(9, 8)) != d
    assert image_digest(a.astype(np.float32)) != image_digest(a)


# --------------------------------------------------------------------------- bounded decoding
def _area_mean(a: np.ndarray, k: int) -> np.ndarray:
    """k×k block means, partial blocks at the right/bottom edges averaged over what they hold."""
    h, w = a.shape[:2]
    return np.array([[a[y:y + k, x:x + k].mean(axis=(0, 1)) for x in range(0, w, k)] for y in range(0, h, k)])


def test_load_image_area_averages_a_picture_above_the_decode_side(monkeypatch):
    rgba = RNG.integers(0, 256, (70, 103, 4), dtype=np.uint8)
    monkeypatch.setattr(images, "MAX_DECODE_SIDE", 40)  # 103 px -> factor 3 (35 px)
    monkeypatch.setattr(_decode, "_STRIP_PIXELS", 500)  # many strips, each a whole number of 3-row blocks
    out = load_image(encode(Image.fromarray(rgba, "RGBA"), "PNG"))
    a = rgba[..., 3:] / 255.0
    on_white = rgba[..., :3] / 255.0 * a + (1 - a)  # composited first, then averaged
    assert out.shape == (24, 35, 3) and out.dtype == np.float64
    np.testing.assert_allclose(out, _area_mean(on_white, 3), atol=1e-12)


def test_load_image_range_rules_hold_over_all_strips(monkeypatch):
    # 32-bit integer grey outside 0..65535: min-max over the WHOLE picture, not per strip
    vals = np.linspace(-5e5, 9e5, 60 * 50).reshape(60, 50).astype(np.int32)
    monkeypatch.setattr(_decode, "_STRIP_PIXELS", 100)
    out = load_image(encode(Image.fromarray(vals), "TIFF"))
    np.testing.assert_allclose(out, (vals - vals.min()) / (vals.max() - vals.min()), atol=1e-12)
    # a grey palette picture is grey even when its strips are read one by one
    grey = Image.fromarray(np.tile(np.arange(0, 250, 5, dtype=np.uint8), (40, 1))).convert("P")
    assert load_image(encode(grey, "PNG")).ndim == 2


@pytest.mark.parametrize("fmt, orientation", [("PNG", 1), ("JPEG", 1), ("JPEG", 6)])
def test_load_working_copy_matches_the_full_decode(fmt, orientation):
    h, w = 600, 1000
    y, x = np.mgrid[0:h, 0:w]
    rgb = np.stack([x * 255 // w, y * 255 // h, (x // 50 + y // 50) % 2 * 255], -1).astype(np.uint8)
    exif = Image.Exif()
    exif[0x0112] = orientation
    data = encode(Image.fromarray(rgb), fmt, **({"quality": 95, "exif": exif.tobytes()} if fmt == "JPEG" else {}))
    wc = images.load_working_copy(data, 128)
    full = working_copy(load_image(data), 128)
    upright = (w, h) if orientation == 6 else (h, w)
    assert wc.original_shape == upright + (3,) and wc.resized
    assert wc.image.shape == full.image.shape == tuple(round(128 * n / max(upright)) for n in upright) + (3,)
    # two area averages on different grids (k×k blocks, then the last resize; for a JPEG libjpeg's
    # scaled decode): the same picture, slightly differently blurred at the 50 px squares' edges
    diff = np.abs(wc.image - full.image)
    assert diff.mean() < 0.02 and np.quantile(diff, 0.5) < 0.01


def test_load_working_copy_keeps_a_small_picture_exact():
    g = gradient_l()
    wc = images.load_working_copy(encode(Image.fromarray(g), "PNG"), 512)
    assert not wc.resized and wc.original_shape == g.shape
    np.testing.assert_array_equal(wc.image, g / 255.0)
    with pytest.raises(ValueError, match="long_side must be between 1 and 2048"):
        images.load_working_copy(encode(Image.fromarray(g), "PNG"), 4096)
    assert_refused(b"", "empty")
