"""The command line, end to end through ``python -m app.cli`` in a subprocess.

Every command is run for real and its files checked against the backend; every
class of bad input must give exit status 2 and one stderr line starting with
``error:`` — never a traceback.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import kernels
from app.backend import blur, convolve, frequency_response, optimal_wiener_k, spectrum, wiener_filter
from app.backend.images import load_sample, to_gray, working_copy
from app.backend.panels import kernel_panel

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.setdefault("PYTHONIOENCODING", "utf-8")
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *map(str, args)],
        cwd=cwd or ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
    )


def ok(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    proc = run(*args, cwd=cwd)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return proc


def fails(*args: str, cwd: Path | None = None) -> str:
    proc = run(*args, cwd=cwd)
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("error:"), proc.stderr
    return lines[0]


# --------------------------------------------------------------------------- listing
def test_kernels_lists_catalogue_with_ranges():
    out = ok("kernels").stdout
    lines = out.strip().splitlines()
    assert len(lines) == len(kernels.catalog())
    for spec in kernels.catalog():
        line = next(line for line in lines if line.split()[0] == spec.name)
        assert spec.family in line
        for p in spec.params:
            assert f"{p.name}=" in line
    gauss = next(line for line in lines if line.startswith("gaussian "))
    assert "3..63" in gauss and "sigma" in gauss


def test_kernels_chinese_labels():
    out = ok("kernels", "--lang", "zh").stdout
    assert any("\u4e00" <= ch <= "\u9fff" for ch in out)


def test_samples_listed():
    out = ok("samples").stdout
    assert "sample:camera" in out and "sample:periodic_noise" in out


def test_help_exits_zero():
    assert "convolve" in ok("--help").stdout
    assert "--kernel-file" in ok("convolve", "--help").stdout


# --------------------------------------------------------------------------- kernel
def test_kernel_npy_and_csv(tmp_path):
    ok("kernel", "gaussian", "--param", "size=3", "--param", "sigma=0.5", "--out", tmp_path / "g.npy")
    k = np.load(tmp_path / "g.npy")
    np.testing.assert_array_equal(k, kernels.make("gaussian", size=3, sigma=0.5))
    np.testing.assert_allclose(k[1, 1], 0.6193, atol=1e-4)
    ok("kernel", "sobel_x", "--out", tmp_path / "s.csv")
    np.testing.assert_array_equal(np.loadtxt(tmp_path / "s.csv", delimiter=","), kernels.make("sobel_x"))


def test_kernel_with_a_choice_parameter(tmp_path):
    """Issue 13: choice parameters (direction, window) are listed with their options and set by name."""
    sinc = next(line for line in ok("kernels").stdout.splitlines() if line.startswith("sinc "))
    assert "window=rectangular (choice rectangular|hann|hamming)" in sinc
    ok("kernel", "line", "--param", "direction=plus45", "--out", tmp_path / "l.csv")
    np.testing.assert_array_equal(np.loadtxt(tmp_path / "l.csv", delimiter=","), [[-1, -1, 2], [-1, 2, -1], [2, -1, -1]])
    assert "one of: rectangular, hann, hamming" in fails("kernel", "sinc", "--param", "window=kaiser",
                                                         "--out", tmp_path / "s.csv")


def test_kernel_csv_roundtrip_exact(tmp_path):
    ok("kernel", "gabor", "--param", "theta=30", "--out", tmp_path / "g.csv")
    np.testing.assert_array_equal(np.loadtxt(tmp_path / "g.csv", delimiter=","), kernels.make("gabor", theta=30.0))


# --------------------------------------------------------------------------- convolve
def test_convolve_npy_grey_matches_backend(tmp_path):
    out = tmp_path / "o.npy"
    ok("convolve", "sample:camera", "--kernel", "gaussian", "--param", "sigma=2", "--out", out)
    got = np.load(out)
    assert got.dtype == np.float64 and got.shape == (512, 512)
    want = convolve(load_sample("camera"), kernels.make("gaussian", sigma=2.0))
    np.testing.assert_allclose(got, want, atol=1e-12)


def test_convolve_npy_colour_and_gray(tmp_path):
    ok("convolve", "sample:chelsea", "--kernel", "box", "--param", "size=5", "--out", tmp_path / "c.npy")
    colour = np.load(tmp_path / "c.npy")
    assert colour.shape == (300, 451, 3)
    ok("convolve", "sample:chelsea", "--kernel", "box", "--param", "size=5", "--gray", "--out", tmp_path / "g.npy")
    grey = np.load(tmp_path / "g.npy")
    assert grey.shape == (300, 451)
    np.testing.assert_allclose(grey, to_gray(colour), atol=1e-12)  # both linear


def test_convolve_options_change_result(tmp_path):
    def result(*extra):
        path = tmp_path / f"r{len(list(tmp_path.iterdir()))}.npy"
        ok("convolve", "sample:bars", "--kernel", "sobel_x", *extra, "--out", path)
        return np.load(path)

    conv = result()
    corr = result("--correlate")
    np.testing.assert_allclose(corr, -conv, atol=1e-12)  # antisymmetric kernel: flip = sign change
    direct = result("--method", "direct")
    fft = result("--method", "fft")
    np.testing.assert_allclose(direct, fft, atol=1e-10)
    wrap = result("--boundary", "wrap")
    assert not np.allclose(wrap[:, :2], conv[:, :2])  # borders differ
    np.testing.assert_allclose(wrap[10:-10, 10:-10], conv[10:-10, 10:-10], atol=1e-12)


def test_convolve_png_positive(tmp_path):
    out = tmp_path / "blur.png"
    ok("convolve", "sample:camera", "--kernel", "box", "--out", out)
    img = Image.open(out)
    assert img.size == (512, 512) and img.mode == "L"
    want = convolve(load_sample("camera"), kernels.make("box"))
    assert np.abs(np.asarray(img, float) - want * 255).max() <= 1.0


def test_convolve_png_signed_is_diverging(tmp_path):
    out = tmp_path / "lap.png"
    proc = ok("convolve", "sample:siemens_star", "--kernel", "laplacian", "--out", out)
    assert "diverging" in proc.stdout
    rgb = np.asarray(Image.open(out).convert("RGB"), dtype=int)
    assert rgb.shape == (512, 512, 3)
    # not grey: negative and positive values get different hues
    assert np.any(rgb[..., 0] - rgb[..., 2] > 60) and np.any(rgb[..., 2] - rgb[..., 0] > 60)


def test_convolve_path_input_and_kernel_file(tmp_path):
    src = tmp_path / "in.png"
    Image.fromarray((np.arange(40 * 30).reshape(30, 40) % 256).astype(np.uint8)).save(src)
    kfile = tmp_path / "k.csv"
    kfile.write_text("0,1,0\n1,-4,1\n0,1,0\n")
    ok("convolve", src, "--kernel-file", kfile, "--boundary", "nearest", "--out", tmp_path / "o.npy")
    got = np.load(tmp_path / "o.npy")
    image = np.asarray(Image.open(src), float) / 255
    k = np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]], float)
    np.testing.assert_allclose(got, convolve(image, k, boundary="nearest"), atol=1e-12)


def test_convolve_long_side(tmp_path):
    ok("convolve", "sample:coffee", "--kernel", "identity", "--long-side", "128", "--out", tmp_path / "s.npy")
    assert np.load(tmp_path / "s.npy").shape == (85, 128, 3)


@pytest.mark.parametrize("shape", [(1, 1), (8, 8)])
@pytest.mark.parametrize("boundary", ["reflect", "zero", "wrap", "nearest"])
def test_convolve_kernel_larger_than_a_tiny_image(tmp_path, shape, boundary):
    from scipy import ndimage

    src = tmp_path / "tiny.png"
    Image.fromarray((np.random.default_rng(3).random(shape) * 255).astype(np.uint8)).save(src)
    ok("convolve", src, "--kernel", "box", "--param", "size=15", "--boundary", boundary, "--out", tmp_path / "o.npy")
    image = np.asarray(Image.open(src), float) / 255
    mode = {"zero": "constant"}.get(boundary, boundary)
    np.testing.assert_allclose(np.load(tmp_path / "o.npy"), ndimage.convolve(image, kernels.make("box", size=15), mode=mode),
                               rtol=0, atol=1e-12)


def test_figure_of_a_one_pixel_image_with_a_big_kernel(tmp_path):
    src = tmp_path / "dot.png"
    Image.fromarray(np.full((1, 1), 200, np.uint8)).save(src)
    proc = ok("figure", src, "--kernel", "gaussian", "--param", "size=15", "--out", tmp_path / "f.png")
    assert "theorem error" in proc.stdout and Image.open(tmp_path / "f.png").format == "PNG"


# --------------------------------------------------------------------------- spectrum
def test_spectrum_npy_input_response_output(tmp_path):
    ok("spectrum", "sample:periodic_noise", "--out", tmp_path / "f.npy")
    f = np.load(tmp_path / "f.npy")
    image = load_sample("periodic_noise")
    assert np.iscomplexobj(f) and f.shape == (512, 512)
    np.testing.assert_allclose(f, spectrum(image), atol=1e-9)

    ok("spectrum", "sample:periodic_noise", "--kernel", "gaussian", "--of", "response", "--out", tmp_path / "h.npy")
    h = np.load(tmp_path / "h.npy")
    np.testing.assert_allclose(h, frequency_response(kernels.make("gaussian"), (512, 512)), atol=1e-12)

    ok("spectrum", "sample:periodic_noise", "--kernel", "gaussian", "--out", tmp_path / "g.npy")
    g = np.load(tmp_path / "g.npy")
    np.testing.assert_allclose(g, spectrum(convolve(image, kernels.make("gaussian"))), atol=1e-9)
    # a blur removes high-frequency energy
    assert np.abs(g).sum() < np.abs(f).sum()


def test_spectrum_png(tmp_path):
    out = tmp_path / "s.png"
    proc = ok("spectrum", "sample:zone_plate", "--db", "60", "--out", out)
    assert "60 dB" in proc.stdout
    arr = np.asarray(Image.open(out))
    assert arr.shape[:2] == (512, 512) and arr.dtype == np.uint8
    assert arr.std() > 5


# --------------------------------------------------------------------------- figure
def test_figure_png(tmp_path):
    out = tmp_path / "fig.png"
    ok("figure", "sample:camera", "--kernel", "gaussian", "--param", "sigma=3", "--out", out)
    img = Image.open(out)
    assert img.format == "PNG" and img.mode == "RGB"
    assert img.width > 3 * 320 and img.height > 2 * 320
    assert np.asarray(img).std() > 10


def test_figure_signed_and_small_panels(tmp_path):
    out = tmp_path / "fig.png"
    ok("figure", "sample:astronaut", "--kernel", "sobel_y", "--panel", "128", "--correlate", "--out", out)
    img = Image.open(out)
    assert 3 * 128 < img.width < 3 * 320


# --------------------------------------------------------------------------- deconvolve
def _reported(stdout: str, line: str, key: str) -> float:
    text = next(t for t in stdout.splitlines() if t.startswith(line))
    return float(text.split(key, 1)[1].split()[0].rstrip(":,"))


def test_deconvolve_inverse_undoes_a_noiseless_wrap_blur(tmp_path):
    out = tmp_path / "r.npy"
    proc = ok("deconvolve", "sample:camera", "--long-side", "64", "--kernel", "gaussian", "--param", "sigma=0.8",
              "--inverse", "--out", out)
    clean = working_copy(load_sample("camera"), 64).image
    restored = np.load(out)
    assert restored.shape == clean.shape and np.abs(restored - clean).max() < 1e-8
    assert "0 frequencies with |H| < eps" in proc.stdout
    assert _reported(proc.stdout, "restored:", "RMSE") < 1e-8
    assert _reported(proc.stdout, "blurred:", "RMSE") > 1e-3


def test_deconvolve_optimal_matches_backend_and_reports_k(tmp_path):
    out = tmp_path / "r.npy"
    proc = ok("deconvolve", "sample:camera", "--long-side", "128", "--kernel", "gaussian", "--param", "sigma=2",
              "--param", "size=13", "--noise", "0.01", "--seed", "3", "--out", out)
    clean = working_copy(load_sample("camera"), 128).image
    k = kernels.make("gaussian", size=13, sigma=2.0)
    g = blur(clean, k, noise_sigma=0.01, seed=3)
    best = optimal_wiener_k(g, k, clean)
    np.testing.assert_allclose(np.load(out), wiener_filter(g, k, best.k), atol=1e-12)
    assert "optimal" in proc.stdout
    assert _reported(proc.stdout, "restored:", "K=") == pytest.approx(best.k, rel=1e-3)
    assert _reported(proc.stdout, "restored:", "RMSE") == pytest.approx(best.rmse, rel=1e-3)
    assert _reported(proc.stdout, "restored:", "PSNR") > _reported(proc.stdout, "blurred:", "PSNR")


def test_deconvolve_wiener_png_and_boundary(tmp_path):
    wrap, refl = tmp_path / "w.png", tmp_path / "r.png"
    p1 = ok("deconvolve", "sample:camera", "--long-side", "96", "--kernel", "motion", "--param", "length=7",
            "--wiener", "0.001", "--out", wrap)
    p2 = ok("deconvolve", "sample:camera", "--long-side", "96", "--kernel", "motion", "--param", "length=7",
            "--wiener", "0.001", "--boundary", "reflect", "--out", refl)
    assert "K=0.001" in p1.stdout and "clipped to 0..1" in p1.stdout
    img = Image.open(wrap)
    assert img.size == (96, 96) and img.mode == "L"
    # breaking the circular model (reflect) costs accuracy
    assert _reported(p2.stdout, "restored:", "RMSE") > 2 * _reported(p1.stdout, "restored:", "RMSE")


# --------------------------------------------------------------------------- errors
@pytest.fixture
def broken_files(tmp_path):
    (tmp_path / "random.png").write_bytes(np.random.default_rng(0).bytes(3000))
    buf = io.BytesIO()
    Image.fromarray(np.random.default_rng(1).integers(0, 256, (64, 64), dtype=np.uint8)).save(buf, "PNG")
    (tmp_path / "trunc.png").write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
    (tmp_path / "empty.jpg").write_bytes(b"")
    (tmp_path / "ragged.csv").write_text("1,2,3\n4,5\n")
    (tmp_path / "nan.csv").write_text("1,nan\n2,3\n")
    (tmp_path / "a_file").write_text("x")
    (tmp_path / "outdir.png").mkdir()
    return tmp_path


ERROR_CASES = {
    "missing file": ["convolve", "{d}/nope.png", "--kernel", "box", "--out", "{d}/o.png"],
    "random bytes": ["convolve", "{d}/random.png", "--kernel", "box", "--out", "{d}/o.png"],
    "truncated png": ["spectrum", "{d}/trunc.png", "--out", "{d}/o.png"],
    "empty file": ["figure", "{d}/empty.jpg", "--kernel", "box", "--out", "{d}/o.png"],
    "unknown sample": ["convolve", "sample:nothing", "--kernel", "box", "--out", "{d}/o.png"],
    "unknown kernel": ["convolve", "sample:camera", "--kernel", "blurry", "--out", "{d}/o.png"],
    "unknown kernel (kernel cmd)": ["kernel", "blurry", "--out", "{d}/k.npy"],
    "unknown parameter": ["kernel", "box", "--param", "sigma=2", "--out", "{d}/k.npy"],
    "bad parameter value": ["convolve", "sample:camera", "--kernel", "gaussian", "--param", "sigma=lots",
                            "--out", "{d}/o.png"],
    "parameter out of range": ["kernel", "gaussian", "--param", "sigma=1e9", "--out", "{d}/k.npy"],
    "even size": ["figure", "sample:camera", "--kernel", "box", "--param", "size=4", "--out", "{d}/o.png"],
    "param without =": ["kernel", "box", "--param", "size", "--out", "{d}/k.npy"],
    "param with kernel file": ["convolve", "sample:camera", "--kernel-file", "{d}/ragged.csv", "--param", "size=3",
                               "--out", "{d}/o.png"],
    "ragged kernel file": ["convolve", "sample:camera", "--kernel-file", "{d}/ragged.csv", "--out", "{d}/o.png"],
    "nan kernel file": ["figure", "sample:camera", "--kernel-file", "{d}/nan.csv", "--out", "{d}/o.png"],
    "missing kernel file": ["convolve", "sample:camera", "--kernel-file", "{d}/none.csv", "--out", "{d}/o.png"],
    "bad output extension": ["convolve", "sample:camera", "--kernel", "box", "--out", "{d}/o.jpg"],
    "bad kernel extension": ["kernel", "box", "--out", "{d}/k.png"],
    "figure needs png": ["figure", "sample:camera", "--kernel", "box", "--out", "{d}/o.npy"],
    "output folder missing": ["convolve", "sample:camera", "--kernel", "box", "--out", "{d}/no/such/o.png"],
    "output under a file": ["kernel", "box", "--out", "{d}/a_file/k.npy"],
    "output is a folder": ["convolve", "sample:camera", "--kernel", "box", "--out", "{d}/outdir.png"],
    "spectrum of response without kernel": ["spectrum", "sample:camera", "--of", "response", "--out", "{d}/s.npy"],
    # argparse usage errors
    "no command": [],
    "unknown command": ["blur"],
    "convolve without kernel": ["convolve", "sample:camera", "--out", "{d}/o.png"],
    "kernel and kernel file": ["convolve", "sample:camera", "--kernel", "box", "--kernel-file", "{d}/k.csv",
                               "--out", "{d}/o.png"],
    "missing --out": ["convolve", "sample:camera", "--kernel", "box"],
    "bad boundary": ["convolve", "sample:camera", "--kernel", "box", "--boundary", "mirror", "--out", "{d}/o.png"],
    "bad method": ["convolve", "sample:camera", "--kernel", "box", "--method", "fast", "--out", "{d}/o.png"],
    "bad long side": ["convolve", "sample:camera", "--kernel", "box", "--long-side", "99999", "--out", "{d}/o.png"],
    "bad dB": ["spectrum", "sample:camera", "--db", "loud", "--out", "{d}/o.png"],
    # deconvolve
    "deconvolve without kernel": ["deconvolve", "sample:camera", "--out", "{d}/o.png"],
    "deconvolve two methods": ["deconvolve", "sample:camera", "--kernel", "box", "--wiener", "0.1", "--inverse",
                               "--out", "{d}/o.png"],
    "deconvolve negative K": ["deconvolve", "sample:camera", "--kernel", "box", "--wiener", "-1", "--out", "{d}/o.png"],
    "deconvolve nan K": ["deconvolve", "sample:camera", "--kernel", "box", "--wiener", "nan", "--out", "{d}/o.png"],
    "deconvolve noise too big": ["deconvolve", "sample:camera", "--kernel", "box", "--noise", "5", "--out", "{d}/o.png"],
    "deconvolve bad seed": ["deconvolve", "sample:camera", "--kernel", "box", "--seed", "1.5", "--out", "{d}/o.png"],
    "deconvolve eps without inverse": ["deconvolve", "sample:camera", "--kernel", "box", "--eps", "0.1",
                                       "--out", "{d}/o.png"],
    "deconvolve zero boundary": ["deconvolve", "sample:camera", "--kernel", "box", "--boundary", "zero",
                                 "--out", "{d}/o.png"],
    "deconvolve kernel larger than image": ["deconvolve", "sample:camera", "--long-side", "8", "--kernel", "gaussian",
                                            "--param", "size=13", "--out", "{d}/o.npy"],
    "deconvolve bad output": ["deconvolve", "sample:camera", "--kernel", "box", "--out", "{d}/o.jpg"],
}

# more bad inputs: each with a word its one error line must contain
NAMED_ERRORS = {
    "duplicate --param (kernel)": (["kernel", "gaussian", "--param", "sigma=1", "--param", "sigma=2", "--out",
                                    "{d}/k.npy"], "'sigma' given twice"),
    "duplicate --param (convolve)": (["convolve", "sample:camera", "--kernel", "box", "--param", "size=3", "--param",
                                      "size=5", "--out", "{d}/o.npy"], "'size' given twice"),
    "--param without a kernel": (["spectrum", "sample:camera", "--param", "size=3", "--out", "{d}/s.npy"],
                                 "--param needs --kernel"),
    "--panel too small": (["figure", "sample:camera", "--kernel", "box", "--panel", "10", "--out", "{d}/o.png"],
                          "--panel"),
    "--panel too large": (["figure", "sample:camera", "--kernel", "box", "--panel", "5000", "--out", "{d}/o.png"],
                          "between 64 and 1024"),
    "--panel not a number": (["figure", "sample:camera", "--kernel", "box", "--panel", "big", "--out", "{d}/o.png"],
                             "whole number"),
    "--db too small": (["spectrum", "sample:camera", "--db", "5", "--out", "{d}/o.png"], "between 10 and 200"),
    "--db too large": (["figure", "sample:camera", "--kernel", "box", "--db", "1000", "--out", "{d}/o.png"],
                       "--db"),
    "--db nan": (["spectrum", "sample:camera", "--db", "nan", "--out", "{d}/o.png"], "--db"),
    "--long-side zero": (["convolve", "sample:camera", "--kernel", "box", "--long-side", "0", "--out", "{d}/o.npy"],
                         "--long-side"),
    "--long-side negative": (["spectrum", "sample:camera", "--long-side", "-5", "--out", "{d}/o.npy"],
                             "--long-side"),
    "--long-side too large": (["figure", "sample:camera", "--kernel", "box", "--long-side", "4096", "--out",
                               "{d}/o.png"], "between 1 and 2048"),
    "unknown --lang (kernels)": (["kernels", "--lang", "fr"], "invalid choice: 'fr'"),
    "unknown --lang (samples)": (["samples", "--lang", "de"], "--lang"),
}


@pytest.mark.parametrize("case", list(NAMED_ERRORS))
def test_remaining_bad_inputs_exit_2_with_one_error_line(case, broken_files):
    args, needle = NAMED_ERRORS[case]
    line = fails(*[a.format(d=broken_files) for a in args])  # exit 2, one "error:" line, no traceback
    assert needle in line, line
    for leftover in ("o.png", "o.npy", "k.npy", "s.npy"):
        assert not (broken_files / leftover).exists()


@pytest.mark.parametrize("case", list(ERROR_CASES))
def test_errors_are_one_line_exit_2(case, broken_files):
    args = [a.format(d=broken_files) for a in ERROR_CASES[case]]
    line = fails(*args)
    assert len(line) > len("error: ") + 5
    for leftover in ("o.png", "o.npy", "k.npy", "s.npy"):
        assert not (broken_files / leftover).exists()  # nothing written on failure


def test_error_messages_name_the_problem(broken_files):
    d = broken_files
    assert "not found" in fails("convolve", d / "nope.png", "--kernel", "box", "--out", d / "o.png").lower()
    assert "not an image" in fails("convolve", d / "random.png", "--kernel", "box", "--out", d / "o.png")
    assert "truncated" in fails("spectrum", d / "trunc.png", "--out", d / "o.png")
    assert "gaussian" in fails("kernel", "gausian", "--out", d / "k.npy")  # suggests the close name
    assert ".png or .npy" in fails("convolve", "sample:camera", "--kernel", "box", "--out", d / "o.jpg")


# --------------------------------------------------------------------------- figure renderer (in process)
def _panel_box(index: int, side: int):
    from app.backend.panels import panel_origin

    x0, y0 = panel_origin(index, side)
    return x0, y0, x0 + side, y0 + side


def test_render_six_panel_layout_and_panels():
    from app.backend.panels import render_six_panel_png

    image = load_sample("checkerboard")[:256, :256]
    k = np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]], float)
    out = convolve(image, k)
    png = render_six_panel_png(image, k, out, spectrum(image), frequency_response(k, image.shape),
                               spectrum(out), panel_side=192)
    fig = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)
    gap, title_h, note_h = 9, 22, 18
    assert fig.shape == (2 * (title_h + 192 + note_h) + 3 * gap, 3 * 192 + 4 * gap, 3)
    # kernel panel: the page's kernel panel (one renderer), centre cell blue (negative)
    x0, y0, x1, y1 = _panel_box(1, 192)
    assert np.array_equal(fig[y0:y1, x0:x1], kernel_panel(k, side=192))
    cy, cx = y0 + 72, x0 + 72  # inside the centre cell, away from its value text
    assert fig[cy, cx, 2] > fig[cy, cx, 0] + 60  # -4 is blue
    # signed output panel: diverging, both red and blue present, never clipped to grey
    x0, y0, x1, y1 = _panel_box(2, 192)
    opanel = fig[y0:y1, x0:x1]
    assert np.any(opanel[..., 0] - opanel[..., 2] > 60) and np.any(opanel[..., 2] - opanel[..., 0] > 60)


def test_render_six_panel_titles_and_errors():
    from app.backend.panels import render_six_panel_png

    image = np.random.default_rng(0).random((32, 48, 3))
    k = np.ones((3, 3)) / 9
    args = (image, k, convolve(image, k), spectrum(image), frequency_response(k, (32, 48)), spectrum(image))
    default = render_six_panel_png(*args, panel_side=96)
    custom = render_six_panel_png(*args, panel_side=96, titles=["a", "b", "c", "d", "e", "f"])
    assert default != custom and custom[:4] == b"\x89PNG"
    with pytest.raises(ValueError, match=r"expected 6 panel titles, got 1"):
        render_six_panel_png(*args, titles=["only one"])
    with pytest.raises(ValueError, match=r"panel_side must be between 64 and 1024, not 10"):
        render_six_panel_png(*args, panel_side=10)
    with pytest.raises(ValueError, match=r"the kernel contains NaN or infinite values"):
        render_six_panel_png(image, np.array([[np.nan]]), *args[2:])
    with pytest.raises(ValueError, match=r"the kernel must be a non-empty 2-D array; got shape \(3,\)"):
        render_six_panel_png(image, np.ones(3), *args[2:])


def test_cli_output_png_says_how_it_was_shown(tmp_path):
    out = tmp_path / "o.png"
    for mode, word in (("auto", "diverging"), ("abs", "|x|"), ("clip", "clipped")):
        proc = ok("convolve", "sample:camera", "--long-side", "64", "--kernel", "laplacian", "--signed", mode,
                  "--out", out, "--force")
        assert word in proc.stdout + proc.stderr, (mode, proc.stdout, proc.stderr)
    assert "--signed" in fails("convolve", "sample:camera", "--kernel", "box", "--signed", "rainbow", "--out", out)


def test_cli_and_loader_never_import_streamlit_or_skimage():
    code = (
        "import sys, app.cli, app.backend.images, app.backend.panels;"
        "app.cli.build_parser();"
        "bad = [m for m in ('streamlit', 'plotly', 'skimage') if m in sys.modules];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_cli_works_from_another_directory(tmp_path):
    out = tmp_path / "k.npy"
    ok("kernel", "box", "--out", out, cwd=tmp_path)
    ok("convolve", "sample:text", "--kernel", "box", "--out", tmp_path / "t.npy", cwd=tmp_path)
    assert np.load(tmp_path / "t.npy").shape == (512, 512)


# --------------------------------------------------------------------------- figure: all six panels, closed forms
def _figure_panels(tmp_path, *args: str) -> list[np.ndarray]:
    """The six panels of a ``figure`` run on a 64 px image (panel side 64: no panel is resized)."""
    from app import cli
    from app.backend.panels import panel_origin

    out = tmp_path / "fig.png"
    assert cli.main(["figure", "sample:camera", "--gray", "--long-side", "64", "--boundary", "wrap",
                     "--panel", "64", *args, "--out", str(out), "--force"]) == 0
    fig = np.asarray(Image.open(out).convert("RGB")).astype(int)
    panels = []
    for i in range(6):
        x0, y0 = panel_origin(i, 64)
        panels.append(fig[y0:y0 + 64, x0:x0 + 64])
    return panels


def test_figure_panels_input_kernel_output_are_the_pages(tmp_path):
    from app.backend.display import signed_display, to_uint8

    image = working_copy(to_gray(load_sample("camera")), 64).image
    k = kernels.make("laplacian")
    panels = _figure_panels(tmp_path, "--kernel", "laplacian")
    assert np.array_equal(panels[0], np.repeat(to_uint8(image)[..., None], 3, axis=2))
    kp = kernel_panel(k, side=64)
    assert np.array_equal(panels[1][:kp.shape[0], :kp.shape[1]], kp)
    out = convolve(image, k, boundary="wrap")
    assert np.array_equal(panels[2], signed_display(out, kernel_sum=float(k.sum())).pixels)


def test_figure_laplacian_response_is_dark_at_dc_and_bright_at_the_corners(tmp_path):
    h = _figure_panels(tmp_path, "--kernel", "laplacian")[4][..., 0]
    assert h[32, 32] == 0  # H(0) = Σ k = 0
    assert min(h[0, 0], h[0, -1], h[-1, 0], h[-1, -1]) == 255  # |H(±½, ±½)| = 8, the peak
    assert h[32, 32:].tolist() == sorted(h[32, 32:].tolist())  # rising towards Nyquist along fx


def test_figure_low_pass_output_spectrum_never_exceeds_the_input_one(tmp_path):
    f, _, g = (p[..., 0] for p in _figure_panels(tmp_path, "--kernel", "gaussian", "--param", "sigma=2")[3:])
    assert (g <= f).all()  # |F·H| ≤ |F| on the shared scale, since |H| ≤ 1
    assert g[32, 32] == f[32, 32] and g.mean() < f.mean() - 20  # DC kept, high frequencies darker


def test_figure_db_changes_only_the_spectra(tmp_path):
    a = _figure_panels(tmp_path, "--kernel", "sobel_x", "--db", "40")
    b = _figure_panels(tmp_path, "--kernel", "sobel_x", "--db", "120")
    assert all(np.array_equal(a[i], b[i]) for i in (0, 1, 2))
    assert all(not np.array_equal(a[i], b[i]) for i in (3, 4, 5))
    assert a[3].mean() < b[3].mean()  # a wider range lifts the faint frequencies


# --------------------------------------------------------------------------- palette
def test_palette_colour_safe_recolours_spectra_and_signed_outputs(tmp_path):
    from app.backend.colormaps import sequential_lut
    from app.backend.display import signed_display

    for palette in ("standard", "colour_safe"):
        ok("spectrum", "sample:siemens_star", "--palette", palette, "--out", tmp_path / f"s_{palette}.png")
        ok("convolve", "sample:siemens_star", "--kernel", "laplacian", "--palette", palette,
           "--out", tmp_path / f"c_{palette}.png")
    grey = np.asarray(Image.open(tmp_path / "s_standard.png"))
    assert grey.ndim == 2  # the standard spectrum stays grey
    assert np.array_equal(np.asarray(Image.open(tmp_path / "s_colour_safe.png")), sequential_lut("cividis")[grey])
    shown = signed_display(convolve(load_sample("siemens_star"), kernels.make("laplacian")), palette="colour_safe")
    assert np.array_equal(np.asarray(Image.open(tmp_path / "c_colour_safe.png")), shown.pixels)
    assert not np.array_equal(shown.pixels, np.asarray(Image.open(tmp_path / "c_standard.png")))


def test_figure_palette_changes_the_figure(tmp_path):
    for palette in ("standard", "colour_safe"):
        ok("figure", "sample:siemens_star", "--kernel", "sobel_x", "--panel", "96", "--palette", palette,
           "--out", tmp_path / f"{palette}.png")
    assert (tmp_path / "standard.png").read_bytes() != (tmp_path / "colour_safe.png").read_bytes()


@pytest.mark.parametrize("command", ["convolve", "spectrum", "figure"])
def test_a_bad_palette_is_one_error_line(command, tmp_path):
    line = fails(command, "sample:siemens_star", "--kernel", "box", "--palette", "rainbow", "--out", tmp_path / "o.png")
    assert "--palette" in line and "colour_safe" in line


# --------------------------------------------------------------------------- outputs and input files
def test_an_existing_output_is_replaced_only_with_force(tmp_path):
    out = tmp_path / "k.csv"
    out.write_text("keep me\n")
    line = fails("kernel", "box", "--out", out)
    assert "exists" in line and "--force" in line
    assert out.read_text() == "keep me\n"
    ok("kernel", "box", "--out", out, "--force")
    np.testing.assert_allclose(np.loadtxt(out, delimiter=","), kernels.make("box"))


def test_an_output_is_never_written_through_a_symbolic_link(tmp_path):
    victim = tmp_path / "victim.npy"
    victim.write_bytes(b"precious")
    link = tmp_path / "o.npy"
    link.symlink_to(victim)
    for extra in ((), ("--force",)):
        assert "symbolic link" in fails("convolve", "sample:camera", "--kernel", "box", "--out", link, *extra)
    assert victim.read_bytes() == b"precious" and link.is_symlink()
    dangling = tmp_path / "d.png"
    dangling.symlink_to(tmp_path / "nowhere.png")
    assert "symbolic link" in fails("spectrum", "sample:camera", "--out", dangling)
    assert not (tmp_path / "nowhere.png").exists()


def test_outputs_are_written_whole_with_no_temporary_file_left(tmp_path):
    out = tmp_path / "o.npy"
    ok("convolve", "sample:camera", "--long-side", "64", "--kernel", "box", "--out", out)
    ok("convolve", "sample:camera", "--long-side", "32", "--kernel", "box", "--out", out, "--force")
    assert np.load(out).shape == (32, 32)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o.npy"]
    assert out.stat().st_mode & 0o777 == 0o666 & ~_umask()  # as a plain open() makes it, not 0600


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_failed_rename_leaves_what_was_there_and_no_temporary_file(tmp_path):
    from app import cli_commands

    taken = tmp_path / "k.npy"  # a folder by that name appeared after the checks: the rename fails
    taken.mkdir()
    (taken / "inside").write_bytes(b"old")
    with pytest.raises(cli_commands.CliError, match="cannot write"):
        cli_commands._write_bytes(taken, b"new", replace=True)
    assert (taken / "inside").read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k.npy"]


def test_an_output_that_appears_meanwhile_is_not_replaced_without_force(tmp_path):
    from app import cli_commands

    out = tmp_path / "k.npy"
    out.write_bytes(b"written by someone else after the check")
    with pytest.raises(cli_commands.CliError, match="exists; add --force"):
        cli_commands._write_bytes(out, b"new", replace=False)
    assert out.read_bytes() == b"written by someone else after the check"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k.npy"]


def test_an_output_that_is_a_special_file_is_refused(tmp_path):
    fifo = tmp_path / "o.png"
    os.mkfifo(fifo)
    assert "not a regular file" in fails("spectrum", "sample:camera", "--out", fifo, "--force")


@pytest.mark.parametrize("option", ["--kernel-file", "input"])
def test_special_input_files_are_refused_before_reading(option, tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)  # reading it would wait for a writer forever
    for path, words in ((Path("/dev/zero"), "not a regular file"), (fifo, "not a regular file"),
                        (tmp_path, "is a folder")):
        args = (["convolve", "sample:camera", "--kernel-file", path] if option == "--kernel-file"
                else ["convolve", path, "--kernel", "box"])
        line = fails(*args, "--out", tmp_path / "o.npy")
        assert words in line and str(path) in line, line
    assert not (tmp_path / "o.npy").exists()


def test_a_large_kernel_file_is_refused_from_its_size(tmp_path):
    from kernels.parse import MAX_KERNEL_FILE_BYTES

    big = tmp_path / "big.csv"
    with open(big, "wb") as f:  # sparse: the size is known without writing the bytes
        f.truncate(50 * MAX_KERNEL_FILE_BYTES)
    line = fails("convolve", "sample:camera", "--kernel-file", big, "--out", tmp_path / "o.npy")
    assert f"{50 * MAX_KERNEL_FILE_BYTES:,} bytes" in line and f"{MAX_KERNEL_FILE_BYTES:,}" in line
