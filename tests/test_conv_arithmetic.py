"""Tests of app/backend/conv_arithmetic.py: output sizes, strided/padded/dilated convolution,
transposed convolution (adjoint), the checkerboard artefact, footprint frames, LeNet's C3 table."""

from __future__ import annotations

import doctest
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.signal import correlate2d

import app.backend as backend
from app.backend import conv_arithmetic as ca
from app.backend.conv_arithmetic import (
    LENET_C3_TABLE,
    checkerboard_score,
    conv2d,
    conv_transpose2d,
    footprint_frames,
    output_size,
    resize_then_convolve,
    resolve_padding,
    transpose_output_size,
)

RNG = np.random.default_rng(20261130)


def naive_conv2d(x, k, stride, pad, dilation):
    """Reference: the textbook loop over output cells and kernel taps (explicit zero padding)."""
    (pt, pb), (pl, pr) = pad
    xp = np.zeros((x.shape[0] + pt + pb, x.shape[1] + pl + pr))
    xp[pt:pt + x.shape[0], pl:pl + x.shape[1]] = x
    kh, kw = k.shape
    ho = (xp.shape[0] - dilation * (kh - 1) - 1) // stride + 1
    wo = (xp.shape[1] - dilation * (kw - 1) - 1) // stride + 1
    out = np.zeros((ho, wo))
    for i in range(ho):
        for j in range(wo):
            for a in range(kh):
                for b in range(kw):
                    out[i, j] += k[a, b] * xp[i * stride + a * dilation, j * stride + b * dilation]
    return out


# ----------------------------------------------------------------------------- sizes
@pytest.mark.parametrize("n,k,s,p,d,want", [
    (32, 5, 1, 0, 1, 28),  # LeNet C1
    (5, 3, 1, 0, 1, 3), (5, 3, 2, 1, 1, 3), (6, 3, 2, 1, 1, 3), (5, 4, 1, 2, 1, 6),  # Dumoulin & Visin
    (7, 3, 1, 0, 2, 3), (224, 7, 2, 3, 1, 112), (227, 11, 4, 0, 1, 55),  # dilated; ResNet stem; AlexNet
])
def test_output_size_formula_reference_values(n, k, s, p, d, want):
    assert output_size(n, k, stride=s, padding=p, dilation=d) == want
    assert output_size(n, k, s, p, d) == (n + 2 * p - d * (k - 1) - 1) // s + 1


@pytest.mark.parametrize("k,d", [(1, 1), (3, 1), (4, 1), (3, 2), (2, 3), (5, 3)])
def test_padding_modes(k, d):
    e = d * (k - 1) + 1
    assert resolve_padding("valid", k, d) == (0, 0)
    assert resolve_padding("full", k, d) == (e - 1, e - 1)
    before, after = resolve_padding("same", k, d)
    assert before + after == e - 1 and after - before == (1 if e % 2 == 0 else 0)  # the extra zero goes after
    for n in (1, 6, 11):
        assert output_size(n, k, 1, "same", d) == n
        assert output_size(n, k, 1, "full", d) == n + e - 1
        for s in (2, 3):
            assert output_size(n, k, s, "same", d) == -(-n // s)  # ceil(n / s)
    assert resolve_padding(2, k, d) == (2, 2) and resolve_padding((0, 3), k, d) == (0, 3)


@pytest.mark.parametrize("kwargs,pattern", [
    ({"n": 0, "k": 3}, "input size"), ({"n": 5, "k": 0}, "kernel size"), ({"n": 5, "k": 3, "stride": 0}, "stride"),
    ({"n": 5, "k": 3, "padding": -1}, "padding"), ({"n": 5, "k": 3, "padding": 1.5}, "padding"),
    ({"n": 5, "k": 3, "padding": "half"}, "unknown padding mode 'half'"), ({"n": 5, "k": 3, "dilation": 0}, "dilation"),
    ({"n": 5, "k": 4, "dilation": 2}, r"dilated kernel \(7 cells\) is larger than the padded input \(5 cells\)"),
    ({"n": 5.0, "k": 3}, "whole number"), ({"n": True, "k": 3}, "whole number"),
])
def test_output_size_errors_are_clear_value_errors(kwargs, pattern):
    with pytest.raises(ValueError, match=pattern):
        output_size(**kwargs)


# ----------------------------------------------------------------------------- conv2d
@pytest.mark.parametrize("stride", [1, 2, 3])
@pytest.mark.parametrize("padding", [0, 1, 2, "valid", "same", "full", (0, 2)])
@pytest.mark.parametrize("dilation", [1, 2])
def test_conv2d_matches_the_naive_loop_and_the_formula(stride, padding, dilation):
    x = RNG.standard_normal((9, 11))
    k = RNG.standard_normal((3, 4))
    out = conv2d(x, k, stride=stride, padding=padding, dilation=dilation)
    pad = (resolve_padding(padding, 3, dilation), resolve_padding(padding, 4, dilation))
    np.testing.assert_allclose(out, naive_conv2d(x, k, stride, pad, dilation), rtol=1e-12, atol=1e-12)
    assert out.shape == (output_size(9, 3, stride, padding, dilation), output_size(11, 4, stride, padding, dilation))


@pytest.mark.parametrize("mode", ["valid", "full", "same"])
def test_conv2d_at_stride_one_is_scipy_correlate2d(mode):
    x = RNG.standard_normal((12, 10))
    k = RNG.standard_normal((5, 3))  # odd sizes: scipy's "same" centres the kernel like ours
    np.testing.assert_allclose(conv2d(x, k, padding=mode), correlate2d(x, k, mode=mode), rtol=1e-12, atol=1e-12)


def test_conv2d_cross_correlates_without_flipping():
    x = np.zeros((5, 5))
    x[2, 2] = 1.0
    k = np.arange(9.0).reshape(3, 3)
    np.testing.assert_array_equal(conv2d(x, k, padding=1)[1:4, 1:4], k[::-1, ::-1])  # an impulse reads it backwards


def test_conv2d_stride_subsamples_the_stride_one_output():
    x = RNG.standard_normal((13, 13))
    k = RNG.standard_normal((3, 3))
    full = conv2d(x, k, padding=1, dilation=2)
    np.testing.assert_allclose(conv2d(x, k, stride=3, padding=1, dilation=2), full[::3, ::3], atol=1e-12)


@settings(max_examples=60, deadline=None)
@given(n=st.integers(1, 14), m=st.integers(1, 14), kh=st.integers(1, 5), kw=st.integers(1, 5),
       s=st.integers(1, 4), p=st.integers(0, 3), d=st.integers(1, 3), seed=st.integers(0, 2**16))
def test_the_formula_equals_the_computed_maps_shape(n, m, kh, kw, s, p, d, seed):
    fits = all(size + 2 * p >= d * (k - 1) + 1 for size, k in ((n, kh), (m, kw)))
    rng = np.random.default_rng(seed)
    x, k = rng.standard_normal((n, m)), rng.standard_normal((kh, kw))
    if not fits:
        with pytest.raises(ValueError, match="larger than the padded input"):
            conv2d(x, k, s, p, d)
        return
    out = conv2d(x, k, s, p, d)
    assert out.shape == ((n + 2 * p - d * (kh - 1) - 1) // s + 1, (m + 2 * p - d * (kw - 1) - 1) // s + 1)
    np.testing.assert_allclose(out, naive_conv2d(x, k, s, ((p, p), (p, p)), d), rtol=1e-10, atol=1e-10)


@pytest.mark.parametrize("args,pattern", [
    ((np.ones(5), np.ones((3, 3))), "image must be a non-empty 2-D"),
    ((np.ones((5, 5)), np.ones((0, 3))), "kernel must be a non-empty 2-D"),
    ((np.ones((5, 5)), np.array([["a"]])), "real numbers"),
    ((np.ones((5, 5)), np.ones((3, 3)), 0), "stride"),
    ((np.ones((2, 2)), np.ones((3, 3))), "larger than the padded input"),
])
def test_conv2d_errors(args, pattern):
    with pytest.raises(ValueError, match=pattern):
        conv2d(*args)


# ----------------------------------------------------------------------------- transposed convolution
@pytest.mark.parametrize("k,s,p,d", [(3, 2, 0, 1), (4, 2, 1, 1), (3, 3, 1, 1), (5, 2, 2, 1), (3, 2, 0, 2),
                                     (1, 2, 0, 1), (4, 1, 0, 1), (2, 3, (0, 1), 1)])
def test_transposed_convolution_is_the_adjoint_of_conv2d(k, s, p, d):
    kernel = RNG.standard_normal((k, k))
    b = RNG.standard_normal((5, 6))
    t = conv_transpose2d(b, kernel, stride=s, padding=p, dilation=d)
    pad = p if isinstance(p, tuple) else (p, p)
    e = d * (k - 1) + 1
    assert t.shape == ((5 - 1) * s + e - sum(pad), (6 - 1) * s + e - sum(pad))
    assert t.shape == (transpose_output_size(5, k, s, p, d), transpose_output_size(6, k, s, p, d))
    a = RNG.standard_normal(t.shape)
    y = conv2d(a, kernel, stride=s, padding=p, dilation=d)
    assert y.shape == b.shape  # conv2d maps the transposed output's shape back to the input's
    assert abs(np.vdot(y, b) - np.vdot(a, t)) <= 1e-10 * max(1.0, abs(np.vdot(y, b)))


def test_transposed_output_size_formula():
    for n, k, s, p in [(4, 3, 2, 0), (4, 4, 2, 1), (7, 5, 3, 2), (1, 3, 2, 0)]:
        assert transpose_output_size(n, k, s, p) == (n - 1) * s - 2 * p + k
        assert output_size(transpose_output_size(n, k, s, p), k, s, p) == n
    with pytest.raises(ValueError, match="crops"):
        transpose_output_size(1, 1, 2, 1)
    with pytest.raises(ValueError, match="whole-number padding"):
        conv_transpose2d(np.ones((3, 3)), np.ones((3, 3)), 2, "same")


def test_transposed_convolution_of_an_impulse_places_the_kernel():
    x = np.zeros((3, 3))
    x[1, 2] = 1.0
    k = RNG.standard_normal((3, 3))
    out = conv_transpose2d(x, k, stride=2)
    want = np.zeros((7, 7))
    want[2:5, 4:7] = k  # the copy's corner at (1*2, 2*2), not flipped
    np.testing.assert_array_equal(out, want)


# ----------------------------------------------------------------------------- checkerboard
@pytest.mark.parametrize("k,s,artefact", [(3, 2, True), (4, 2, False), (5, 2, True), (2, 2, False), (6, 3, False),
                                          (4, 3, True), (5, 3, True)])
def test_checkerboard_when_the_kernel_size_is_not_divisible_by_the_stride(k, s, artefact):
    out = conv_transpose2d(np.ones((10, 10)), np.full((k, k), 1.0 / k**2), stride=s)
    score = checkerboard_score(out, stride=s, border=k - 1)
    if artefact:
        assert score > 0.1
    else:
        assert score == pytest.approx(0.0, abs=1e-12)


def test_checkerboard_reference_value_and_resize_then_convolve_has_none():
    ones = np.ones((8, 8))
    # k = 3, s = 2: in 1-D the phases get 2 and 1 kernel copies, so the 2-D cells get 4, 2, 2, 1
    t = conv_transpose2d(ones, np.ones((3, 3)), stride=2)
    assert sorted(np.unique(t[2:-2, 2:-2])) == [1.0, 2.0, 4.0]
    assert checkerboard_score(t, 2, border=2) == pytest.approx((16 - 1) / 16)
    k = np.full((3, 3), 1.0 / 9)
    r = resize_then_convolve(ones, k, factor=2)
    assert r.shape == (16, 16)
    np.testing.assert_allclose(r[1:-1, 1:-1], 1.0, atol=1e-12)  # constant away from the zero padding
    assert checkerboard_score(r, 2, border=1) == pytest.approx(0.0, abs=1e-12)
    assert checkerboard_score(conv_transpose2d(ones, k, 2), 2, border=2) > 0.5


def test_resize_then_convolve_is_repeat_then_same_correlation():
    x = RNG.standard_normal((4, 5))
    k = RNG.standard_normal((3, 3))
    up = np.kron(x, np.ones((3, 3)))
    np.testing.assert_allclose(resize_then_convolve(x, k, factor=3), correlate2d(up, k, mode="same"), atol=1e-12)
    with pytest.raises(ValueError, match="upsampling factor"):
        resize_then_convolve(x, k, factor=0)


def test_checkerboard_score_edge_cases():
    assert checkerboard_score(np.zeros((4, 4))) == 0.0
    assert checkerboard_score(np.indices((4, 4)).sum(axis=0) % 2 * 1.0) == pytest.approx(1.0)  # a pure checkerboard
    with pytest.raises(ValueError, match="no full 2×2 block"):
        checkerboard_score(np.ones((5, 5)), 2, border=2)


# ----------------------------------------------------------------------------- footprint frames
@pytest.mark.parametrize("n,k,s,p,d", [(5, 3, 1, 0, 1), (5, 3, 2, 1, 1), (6, 3, 2, "same", 1), (7, 3, 1, 0, 2),
                                       (4, 2, 1, "same", 1), (5, 3, 2, "full", 1)])
def test_footprint_frames_are_where_conv2d_reads(n, k, s, p, d):
    frames = footprint_frames(n, k, s, p, d)
    m = output_size(n, k, s, p, d)
    assert len(frames) == m * m and [f.out for f in frames] == [(i, j) for i in range(m) for j in range(m)]
    before, after = resolve_padding(p, k, d)
    x = RNG.standard_normal((n, n))
    kernel = RNG.standard_normal((k, k))
    xp = np.pad(x, (before, after))
    out = conv2d(x, kernel, s, p, d)
    for f in frames:
        assert len(f.cells) == k * k and f.cells[0] == f.top_left
        assert all(0 <= r < n + before + after and 0 <= c < n + before + after for r, c in f.cells)
        assert sum(w * xp[cell] for w, cell in zip(kernel.ravel(), f.cells)) == pytest.approx(out[f.out])


def test_footprint_frames_reference_and_limits():
    f = footprint_frames(7, 3, dilation=2)
    assert f[0].cells == ((0, 0), (0, 2), (0, 4), (2, 0), (2, 2), (2, 4), (4, 0), (4, 2), (4, 4))
    assert len(f) == 9
    with pytest.raises(ValueError, match="at most 64"):
        footprint_frames(65, 3)


# ----------------------------------------------------------------------------- LeNet C3 table
def test_lenet_c3_table_matches_lecun_1998_table_1():
    t = LENET_C3_TABLE
    assert t.shape == (6, 16) and t.dtype == bool and not t.flags.writeable
    sums = t.sum(axis=0)
    assert list(sums) == [3] * 6 + [4] * 9 + [6]
    assert sorted(sums.tolist()) == sorted([3] * 6 + [4] * 9 + [6] * 1)
    # row 0 of Table I: X at columns 0, 4, 5, 6, 9, 10, 11, 12, 14, 15
    assert np.flatnonzero(t[0]).tolist() == [0, 4, 5, 6, 9, 10, 11, 12, 14, 15]
    assert np.flatnonzero(t[:, 12]).tolist() == [0, 1, 3, 4]  # the first discontinuous group
    for o in range(6):  # maps 0-5: three contiguous S2 maps (cyclically)
        assert set(np.flatnonzero(t[:, o])) == {o, (o + 1) % 6, (o + 2) % 6}
    assert t.sum() == 60  # 60 of the 96 possible connections


# ----------------------------------------------------------------------------- module
def test_public_names_are_exported_from_the_backend():
    assert set(ca.__all__) <= set(backend.__all__)
    for name in ca.__all__:
        assert getattr(backend, name) is getattr(ca, name)


def test_docstring_examples_run():
    res = doctest.testmod(ca, optionflags=doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert res.attempted >= 8 and res.failed == 0


def test_module_is_pure():
    code = ("import sys, app.backend.conv_arithmetic; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('streamlit', 'plotly')]; "
            "print(bad); sys.exit(1 if bad else 0)")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stdout + res.stderr
