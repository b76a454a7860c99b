"""The shipped sample images: present, loadable, small, licensed, reproducible."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from app.backend.images import SAMPLE_DIR, SAMPLES, ImageError, load_sample, sample_names

ROOT = Path(__file__).resolve().parents[1]
PHOTOS = ("camera", "astronaut", "coffee", "chelsea")
PATTERNS = ("zone_plate", "siemens_star", "checkerboard", "bars", "text", "periodic_noise")


def load_make_patterns():
    spec = importlib.util.spec_from_file_location("make_patterns", SAMPLE_DIR / "make_patterns.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_sample_dir_is_next_to_the_package():
    assert SAMPLE_DIR == ROOT / "sample_images"


def test_all_expected_samples_listed():
    names = sample_names()
    assert list(names[: len(SAMPLES)]) == list(SAMPLES)
    for name in PHOTOS + PATTERNS:
        assert name in names


def test_sample_names_independent_of_cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert "camera" in sample_names()
    assert load_sample("camera").shape == (512, 512)


def test_labels_in_both_languages():
    for name, label in SAMPLES.items():
        assert set(label) == {"en", "zh"}, name
        assert label["en"].strip() and label["zh"].strip()
        assert re.search(r"[\u4e00-\u9fff]", label["zh"]), name  # real Chinese text
    assert SAMPLES["camera"]["zh"] == "摄影师"
    assert SAMPLES["periodic_noise"]["zh"] == "周期噪声"


@pytest.mark.parametrize("name", PHOTOS + PATTERNS)
def test_sample_loads_small_float(name):
    img = load_sample(name)
    assert img.dtype == np.float64
    assert img.ndim in (2, 3)
    assert 256 <= max(img.shape[:2]) <= 512
    assert img.min() >= 0.0 and img.max() <= 1.0
    assert img.std() > 0.05  # not blank
    path = SAMPLE_DIR / f"{name}.png"
    assert path.stat().st_size < 600_000  # keep the repo lean


def test_colour_and_grey_samples():
    assert load_sample("camera").ndim == 2
    for name in ("astronaut", "coffee", "chelsea"):
        assert load_sample(name).shape[2] == 3
    for name in PATTERNS:
        assert load_sample(name).ndim == 2


def test_load_sample_returns_independent_copies():
    a = load_sample("bars")
    a[:] = 0.0
    assert load_sample("bars").max() == 1.0


def test_unknown_sample():
    with pytest.raises(ImageError, match=r"Unknown sample 'no_such_sample'; available: camera") as exc:
        load_sample("no_such_sample")
    assert exc.value.code == "unknown_sample"
    assert "camera" in str(exc.value)
    with pytest.raises(ImageError, match=r"Unknown sample '\.\./README'; available: camera, astronaut"):
        load_sample("../README")


def test_every_sample_in_licenses():
    text = (SAMPLE_DIR / "LICENSES.md").read_text(encoding="utf-8")
    for name in sample_names():
        assert f"`{name}.png`" in text, name
    for name in PHOTOS:
        row = next(line for line in text.splitlines() if f"`{name}.png`" in line)
        assert "CC0" in row or "public domain" in row.lower(), row


def test_every_png_is_a_known_sample():
    on_disk = {p.stem for p in SAMPLE_DIR.glob("*.png")}
    assert on_disk == set(SAMPLES)


def test_skimage_is_never_imported_by_code():
    offenders = []
    for folder in ("app", "kernels", "sample_images", "tests"):
        for path in (ROOT / folder).rglob("*.py"):
            if path == Path(__file__).resolve():
                continue
            src = path.read_text(encoding="utf-8", errors="replace")
            if re.search(r"^\s*(import|from)\s+skimage", src, re.M):
                offenders.append(str(path))
    assert offenders == []


@pytest.mark.parametrize("name", PATTERNS)
def test_patterns_reproducible_from_script(name):
    mp = load_make_patterns()
    array = getattr(mp, name)()
    expected = np.round(np.clip(array, 0, 1) * 255).astype(np.uint8)
    on_disk = np.asarray(Image.open(SAMPLE_DIR / f"{name}.png"))
    if name == "text":  # font rasterisation may differ between FreeType builds
        assert expected.shape == on_disk.shape
        assert np.mean(expected != on_disk) < 0.02
    else:
        np.testing.assert_array_equal(expected, on_disk)


def test_make_patterns_writes_files(tmp_path, monkeypatch):
    mp = load_make_patterns()
    monkeypatch.setattr(mp, "HERE", tmp_path)
    path = mp._to_png(mp.checkerboard(64, 8), "checkerboard")
    assert path.parent == tmp_path
    arr = np.asarray(Image.open(path))
    assert arr.shape == (64, 64) and set(np.unique(arr)) == {0, 255}


def test_periodic_noise_has_off_centre_peak_pairs():
    img = load_sample("periodic_noise")
    clean = load_sample("camera")
    h, w = img.shape
    mag = np.abs(np.fft.fftshift(np.fft.fft2(img - img.mean())))
    mag_clean = np.abs(np.fft.fftshift(np.fft.fft2(clean - clean.mean())))
    mp = load_make_patterns()
    cy, cx = h // 2, w // 2
    for ky, kx, _ in mp.PERIODIC_NOISE:
        for sy, sx in ((ky, kx), (-ky, -kx)):  # the peak and its mirror image
            peak = mag[cy + sy, cx + sx]
            # far above the photo's own spectrum at the same place and its surroundings
            assert peak > 20 * mag_clean[cy + sy, cx + sx]
            ring = mag[cy + sy - 4 : cy + sy + 5, cx + sx - 4 : cx + sx + 5].copy()
            ring[4, 4] = 0
            assert peak > 10 * ring.max()
    # the strongest non-DC components are exactly the noise peaks
    flat = mag.copy()
    flat[cy - 3 : cy + 4, cx - 3 : cx + 4] = 0
    top4 = {tuple(np.array(np.unravel_index(i, mag.shape)) - (cy, cx)) for i in np.argsort(flat, None)[-4:]}
    want = {(ky, kx) for ky, kx, _ in mp.PERIODIC_NOISE} | {(-ky, -kx) for ky, kx, _ in mp.PERIODIC_NOISE}
    assert top4 == want


def test_zone_plate_spans_all_frequencies():
    img = load_sample("zone_plate")
    mag = np.abs(np.fft.fftshift(np.fft.fft2(img - img.mean())))
    h, w = mag.shape
    fy, fx = np.meshgrid(np.fft.fftshift(np.fft.fftfreq(h)), np.fft.fftshift(np.fft.fftfreq(w)), indexing="ij")
    r = np.hypot(fy, fx)
    # a flat spectrum: about the same mean magnitude in every radial band up to Nyquist
    bands = [mag[(r >= lo) & (r < lo + 0.05)].mean() for lo in (0.05, 0.15, 0.25, 0.35, 0.45)]
    assert min(bands) > 0.8 * max(bands)
