"""Decoding stays within its memory budget, also with hostile files (app.backend.images).

Each measurement runs in a fresh subprocess (``tests/image_worker.py``) so that the peak
resident size (``ru_maxrss``) belongs to that decode alone.  The big files are written
here a row at a time (a 6324×6324 picture never exists in the test process): a
single-colour PNG is the 164 KB file that once took a replica to 3.8 GB.

The fuzz corpus is seeded: mutated PNG/JPEG/GIF/TIFF/BMP/WebP files decoded by one
worker under an address-space limit and a per-file alarm; the only error allowed is
:class:`~app.backend.images.ImageError`.
"""

from __future__ import annotations

import io
import json
import math
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from app.backend.images import DECODE_PEAK_MB, MAX_DECODE_SIDE, MAX_PIXELS, MAX_WORKING_SIDE

WORKER = Path(__file__).with_name("image_worker.py")
ROOT = Path(__file__).resolve().parents[1]
CAP_SIDE = math.isqrt(MAX_PIXELS)  # 6324: the largest square picture under the cap
RGBA = (200, 30, 60, 255)


# --------------------------------------------------------------------------- big files, streamed
def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def png_one_colour(width: int, height: int, rgba=RGBA) -> bytes:
    """An 8-bit RGBA PNG of one colour, compressed a row at a time."""
    row = b"\x00" + bytes(rgba) * width  # filter byte "none" + pixels
    comp = zlib.compressobj(9)
    idat = b"".join(comp.compress(row) for _ in range(height)) + comp.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")


def tiff_rgb16_one_colour(width: int, height: int, rgb=(1000, 30000, 65535)) -> bytes:
    """A deflate-compressed 16-bit-per-channel RGB TIFF of one colour (one strip)."""
    row = np.tile(np.array(rgb, "<u2"), width).tobytes()
    comp = zlib.compressobj(9)
    body = b"".join(comp.compress(row) for _ in range(height)) + comp.flush()
    # (tag, type, count, value); type 3 = SHORT, 4 = LONG; BitsPerSample points past the IFD
    entries = [(256, 4, 1, width), (257, 4, 1, height), (258, 3, 3, None), (259, 3, 1, 8), (262, 3, 1, 2),
               (273, 4, 1, 8), (277, 3, 1, 3), (278, 4, 1, height), (279, 4, 1, len(body)), (284, 3, 1, 1)]
    ifd_at = 8 + len(body)
    bits_at = ifd_at + 2 + 12 * len(entries) + 4
    out = io.BytesIO()
    out.write(b"II*\x00" + struct.pack("<I", ifd_at) + body + struct.pack("<H", len(entries)))
    for tag, typ, count, value in entries:
        if value is None:
            out.write(struct.pack("<HHII", tag, typ, count, bits_at))
        elif typ == 3:
            out.write(struct.pack("<HHIHH", tag, typ, count, value, 0))
        else:
            out.write(struct.pack("<HHII", tag, typ, count, value))
    out.write(struct.pack("<I", 0) + struct.pack("<HHH", 16, 16, 16))
    return out.getvalue()


def run_worker(*args: str, timeout: float = 240) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    proc = subprocess.run([sys.executable, str(WORKER), *args], capture_output=True, text=True, timeout=timeout,
                          env=env, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.splitlines()[-1])


@pytest.fixture(scope="module")
def big_files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("big")
    files = {
        "png_cap": png_one_colour(CAP_SIDE, CAP_SIDE),
        # the largest float64 result load_image returns (no reduction at MAX_DECODE_SIDE)
        "png_decode_side": png_one_colour(MAX_DECODE_SIDE, MAX_DECODE_SIDE, (10, 20, 30, 128)),
        "tiff16_cap": tiff_rgb16_one_colour(CAP_SIDE, CAP_SIDE),
    }
    paths = {}
    for name, data in files.items():
        paths[name] = folder / name
        paths[name].write_bytes(data)
    return paths


def test_the_cap_png_is_the_small_file_of_the_report(big_files):
    assert big_files["png_cap"].stat().st_size < 200_000
    with Image.open(big_files["png_cap"]) as img:
        assert img.size == (CAP_SIDE, CAP_SIDE) and img.mode == "RGBA"
        assert CAP_SIDE * CAP_SIDE <= MAX_PIXELS < (CAP_SIDE + 1) ** 2


# --------------------------------------------------------------------------- peak memory
@pytest.fixture(scope="module")
def measured(big_files):
    """``measured(name, how, copies)``: the worker's report, each decode run once per module."""
    reports: dict[tuple, dict] = {}

    def get(name: str, how: str, copies: int = 1) -> dict:
        if (name, how, copies) not in reports:
            reports[name, how, copies] = run_worker("measure", str(big_files[name]), how, str(copies))
        return reports[name, how, copies]

    return get


def added_mb(report: dict) -> float:
    return (report["peak_kb"] - report["base_kb"]) / 1024


@pytest.mark.parametrize("name, how", [("png_cap", "full"), ("png_cap", "working"), ("png_decode_side", "full"),
                                       ("tiff16_cap", "full"), ("tiff16_cap", "working")])
def test_one_decode_stays_within_the_budget(measured, name, how):
    out = measured(name, how)
    assert added_mb(out) < DECODE_PEAK_MB, out
    shape = out["shapes"][0]
    assert shape[2] == 3
    if how == "working":
        assert max(shape[:2]) == MAX_WORKING_SIDE
    else:  # the cap picture is halved (6324 -> 3162), the 4096 one kept whole
        assert max(shape[:2]) == {"png_decode_side": MAX_DECODE_SIDE}.get(name, -(-CAP_SIDE // 2))
    want = {"png_cap": np.array(RGBA[:3]) / 255, "tiff16_cap": np.array([1000, 30000, 65535]) // 256 / 255,
            "png_decode_side": 1 - 128 / 255 * (1 - np.array([10, 20, 30]) / 255)}[name]
    np.testing.assert_allclose(out["colours"][0], want, atol=1e-6)


def test_two_decodes_started_together_do_not_add_up(measured):
    one, two = measured("png_cap", "working", 1), measured("png_cap", "working", 2)
    assert len(two["shapes"]) == 2 and two["shapes"][0] == two["shapes"][1] == one["shapes"][0]
    assert added_mb(two) < DECODE_PEAK_MB
    # queued, not side by side (that would be about twice one decode); a second thread's malloc arena
    # costs tens of MB whatever it decodes, so a small decode gets that much slack
    assert added_mb(two) < 1.4 * added_mb(one) + 64, (added_mb(one), added_mb(two))


# --------------------------------------------------------------------------- fuzz
def _seeds() -> dict[str, bytes]:
    rng = np.random.default_rng(21)
    rgb = Image.fromarray(rng.integers(0, 256, (40, 56, 3), dtype=np.uint8))
    rgba = Image.fromarray(rng.integers(0, 256, (33, 20, 4), dtype=np.uint8), "RGBA")
    grey16 = Image.fromarray(rng.integers(0, 65536, (24, 24)).astype(np.uint16))
    frames = [Image.fromarray(rng.integers(0, 256, (16, 16), dtype=np.uint8)).convert("P") for _ in range(3)]

    def enc(img, fmt, **kw):
        buf = io.BytesIO()
        img.save(buf, format=fmt, **kw)
        return buf.getvalue()

    return {
        "png": enc(rgb, "PNG"), "png_rgba": enc(rgba, "PNG"), "png16": enc(grey16, "PNG"),
        "jpeg": enc(rgb, "JPEG", quality=90), "jpeg_progressive": enc(rgb, "JPEG", progressive=True),
        "gif": enc(frames[0], "GIF", save_all=True, append_images=frames[1:]),
        "tiff": enc(rgb, "TIFF", compression="tiff_deflate"), "tiff16": tiff_rgb16_one_colour(30, 20),
        "bmp": enc(rgb, "BMP"), "webp": enc(rgba, "WEBP"),
    }


def _mutate(data: bytes, rng: np.random.Generator) -> bytes:
    """One random edit of the kinds that break parsers: flips, overwrites, cuts, repeats, big numbers."""
    b = bytearray(data)
    kind = int(rng.integers(0, 6))
    at = int(rng.integers(0, len(b)))
    if kind == 0:  # flip a few bits
        for i in rng.integers(0, len(b), int(rng.integers(1, 9))):
            b[i] ^= 1 << int(rng.integers(0, 8))
    elif kind == 1:  # overwrite a run with random bytes
        n = int(rng.integers(1, 33))
        b[at : at + n] = rng.bytes(n)
    elif kind == 2:  # cut
        del b[at:]
    elif kind == 3:  # repeat a slice
        n = int(rng.integers(1, 200))
        b[at:at] = b[at : at + n] * int(rng.integers(2, 20))
    elif kind == 4:  # a large 16/32-bit number in a header (sizes, offsets, counts)
        at = int(rng.integers(0, min(len(b), 64)))
        b[at : at + 4] = struct.pack(rng.choice([">I", "<I"]), int(rng.choice([0xFFFF, 0x7FFFFFFF, 6000, 1 << 20])))
    else:  # delete a run
        del b[at : at + int(rng.integers(1, 64))]
    return bytes(b) or b"\x00"


def test_fuzzed_files_give_an_image_or_image_error_within_limits(tmp_path):
    rng = np.random.default_rng(2021)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    n = 0
    for name, seed in _seeds().items():
        (corpus / f"{name}-seed").write_bytes(seed)
        for i in range(60):
            data = seed
            for _ in range(int(rng.integers(1, 4))):
                data = _mutate(data, rng)
            (corpus / f"{name}-{i:03d}").write_bytes(data)
            n += 1
    out = run_worker("fuzz", str(corpus), str(DECODE_PEAK_MB), "20", timeout=300)
    assert out["count"] == n + len(_seeds())
    assert out["bad"] == [], out["bad"][:5]  # only ImageError, never a timeout or MemoryError
    # the corpus reaches both ends: intact seeds decode, many mutants are refused
    assert all(out["results"][f"{name}-seed"] == "ok" for name in _seeds())
    codes = set(out["results"].values())
    assert {"ok", "truncated", "not_image"} <= codes, codes
