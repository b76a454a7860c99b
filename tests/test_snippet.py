"""The Python snippet reproduces convolve() with numpy/scipy/Pillow only (app.backend.snippet)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

from app.backend.convolution import BOUNDARIES, convolve
from app.backend.snippet import kernel_literal, make_snippet


def _run(src: str, cwd) -> dict:
    namespace: dict = {"__name__": "__snippet__"}
    old = os.getcwd()
    os.chdir(cwd)
    try:
        exec(compile(src, "snippet.py", "exec"), namespace)
    finally:
        os.chdir(old)
    return namespace


def _write_input(tmp_path, colour: bool, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    shape = (23, 31, 3) if colour else (23, 31)
    u8 = rng.integers(0, 256, size=shape, dtype=np.uint8)
    Image.fromarray(u8).save(tmp_path / "input.png")
    return u8.astype(np.float64) / 255.0


@pytest.mark.parametrize("boundary", BOUNDARIES)
@pytest.mark.parametrize("correlate", [False, True])
@pytest.mark.parametrize("colour", [False, True])
def test_snippet_reproduces_convolve(tmp_path, boundary, correlate, colour):
    image = _write_input(tmp_path, colour)
    k = np.random.default_rng(1).normal(size=(3, 4))
    src = make_snippet(k, boundary=boundary, correlate=correlate, colour=colour)
    ns = _run(src, tmp_path)
    expected = convolve(image, k, boundary=boundary, correlate=correlate)
    np.testing.assert_allclose(ns["output"], expected, atol=1e-12)
    assert (tmp_path / "output.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_large_kernel_is_loaded_from_npy(tmp_path):
    image = _write_input(tmp_path, False)
    k = np.random.default_rng(2).random((15, 15))
    np.save(tmp_path / "kernel.npy", k)
    src = make_snippet(k, boundary="wrap", literal_max_side=9)
    assert "np.load" in src and "kernel.npy" in src
    ns = _run(src, tmp_path)
    np.testing.assert_allclose(ns["output"], convolve(image, k, boundary="wrap"), atol=1e-10)


def test_small_kernel_literal_is_exact():
    k = np.random.default_rng(3).normal(size=(5, 5))
    lit = kernel_literal(k)
    np.testing.assert_array_equal(eval(lit, {"np": np}), k)
    src = make_snippet(k)
    assert "np.load" not in src


def test_snippet_uses_only_numpy_scipy_pillow():
    src = make_snippet(np.ones((3, 3)) / 9, boundary="zero", correlate=True, colour=True)
    tree = ast.parse(src)
    modules = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            modules.add(node.module.split(".")[0])
    assert modules == {"numpy", "PIL", "scipy"}
    assert 'mode="constant"' in src and "ndimage.correlate" in src


def test_snippet_runs_as_a_standalone_script(tmp_path):
    image = _write_input(tmp_path, False, seed=5)
    k = np.array([[0.0, -1.0, 0.0], [-1.0, 4.0, -1.0], [0.0, -1.0, 0.0]])
    (tmp_path / "snippet.py").write_text(make_snippet(k, boundary="nearest"), encoding="utf-8")
    env = {k_: v for k_, v in os.environ.items() if k_ != "PYTHONPATH"}
    proc = subprocess.run([sys.executable, "snippet.py"], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    out = np.asarray(Image.open(tmp_path / "output.png"), dtype=np.float64)
    expected = convolve(image, k, boundary="nearest")
    expected = (expected - expected.min()) / (expected.max() - expected.min()) * 255
    assert np.abs(out - expected).max() <= 0.5 + 1e-9


@pytest.mark.parametrize("kwargs", [{"boundary": "mirror"}])
def test_rejects_unknown_boundary(kwargs):
    with pytest.raises(ValueError, match=r"unknown boundary 'mirror'; choose one of reflect, zero"):
        make_snippet(np.ones((3, 3)), **kwargs)


def test_rejects_bad_kernel():
    with pytest.raises(ValueError, match=r"kernel contains NaN or infinite values"):
        make_snippet(np.array([[np.nan]]))
