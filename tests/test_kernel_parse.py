"""Tests of custom-kernel parsing (kernels/parse.py): text, CSV, .npy, and every bad-input class."""

from __future__ import annotations

import io

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from kernels import MAX_KERNEL_SIDE, KernelError
from kernels.parse import MAX_KERNEL_FILE_BYTES, MAX_TEXT_CHARS, as_kernel, load_kernel_bytes, parse_text, to_text

SOBEL = np.array([[1.0, 2, 1], [0, 0, 0], [-1, -2, -1]])


def _npy(arr) -> bytes:
    buf = io.BytesIO()
    np.save(buf, arr, allow_pickle=True)
    return buf.getvalue()


# ----------------------------------------------------------------------------- good text
@pytest.mark.parametrize("text", [
    "1 2 1\n0 0 0\n-1 -2 -1",
    "1,2,1\n0,0,0\n-1,-2,-1\n",
    "1, 2, 1\r\n0, 0, 0\r\n-1, -2, -1\r\n",
    "1\t2\t1\n0\t0\t0\n-1\t-2\t-1",
    "1;2;1\n0;0;0\n-1;-2;-1",
    "  1  2   1 \n\n 0 0 0\n\n-1 -2 -1\n\n",
    "# a Sobel kernel\n1 2 1\n0 0 0\n-1 -2 -1",
    "1, 2, 1,\n0, 0, 0,\n-1, -2, -1,",
    "[[1, 2, 1], [0, 0, 0], [-1, -2, -1]]",
    "[[1, 2, 1],\n [0, 0, 0],\n [-1, -2, -1]]",
    "[1 2 1; 0 0 0; -1 -2 -1]",
    "１，２，１\n０，０，０\n−１，−２，−１",  # full-width digits/commas and the minus sign
    '"1","2","1"\n"0","0","0"\n"-1","-2","-1"',
    "1e0 2.0 +1\n0 -0 0.0\n-1 -2e0 -1",
    "1 2 1; 0 0 0; -1 -2 -1",  # MATLAB rows without brackets
    "1, 2, 1; 0, 0, 0; -1, -2, -1",
    "% MATLAB comment\n1 2 1;\n0 0 0;\n-1 -2 -1;",
    "array([[ 1.,  2.,  1.],\n       [ 0.,  0.,  0.],\n       [-1., -2., -1.]])",
    "np.array([[1, 2, 1], [0, 0, 0], [-1, -2, -1]], dtype=np.float32)",
])
def test_parse_text_accepts_common_layouts(text):
    np.testing.assert_array_equal(parse_text(text), SOBEL)


def test_semicolons_alone_keep_one_row():
    np.testing.assert_array_equal(parse_text("1;2;3"), [[1, 2, 3]])
    np.testing.assert_array_equal(parse_text("1 ; 2 ; 3"), [[1, 2, 3]])
    np.testing.assert_array_equal(parse_text("1;2\n3;4"), [[1, 2], [3, 4]])


def test_fractions_and_single_row():
    k = parse_text("1/9 1/9 1/9")
    assert k.shape == (1, 3)
    np.testing.assert_allclose(k, 1 / 9)
    assert parse_text("5").shape == (1, 1)
    assert parse_text("1\n2\n3").shape == (3, 1)


def test_result_is_float64_2d():
    k = parse_text("1 2\n3 4")
    assert k.dtype == np.float64 and k.ndim == 2


# ----------------------------------------------------------------------------- bad text
@pytest.mark.parametrize("text,pattern", [
    ("", "empty"),
    ("   \n\n  \t", "empty"),
    ("# only a comment", "empty"),
    ("1 2 3\n4 abc 6", r"Row 2, column 2: 'abc' is not a number"),
    ("1 2 x", r"Row 1, column 3: 'x' is not a number"),
    ("1 2 3\n4 5", r"Row 2 has 2 numbers but row 1 has 3"),
    ("1 2\n3 4 5", r"Row 2 has 3 numbers but row 1 has 2"),
    ("1 nan 3", r"Row 1, column 2 is not a finite number"),
    ("1 2\ninf 3", r"Row 2, column 1 is not a finite number"),
    ("1 -inf", r"column 2 is not a finite number"),
    ("1e999 1", r"not a finite number"),
    ("1/0 1", r"not a finite number"),
    ("1,,2", r"Row 1, column 2 is empty"),
    ("1 2 " * 40, r"the most allowed is 63"),
    ("1\n" * 64, r"the most allowed is 63"),
])
def test_parse_text_errors(text, pattern):
    with pytest.raises(KernelError, match=pattern) as info:
        parse_text(text)
    msg = str(info.value)
    assert "\n" not in msg and len(msg) < 120


def test_long_tokens_are_shortened_in_messages():
    with pytest.raises(KernelError, match=r"Row 1, column 2: 'xxxxxxxxxxxxxxxxx\.\.\.' is not a number\.") as info:
        parse_text("1 " + "x" * 500)
    assert len(str(info.value)) < 80


def test_text_size_cap():
    with pytest.raises(KernelError, match="too long"):
        parse_text("1 " * (MAX_TEXT_CHARS // 2 + 10))


def test_non_string_text():
    with pytest.raises(KernelError, match=r"The kernel text must be a string\."):
        parse_text(None)  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- files
def test_csv_and_txt_files():
    np.testing.assert_array_equal(load_kernel_bytes(b"1,2,1\n0,0,0\n-1,-2,-1\n", "k.csv"), SOBEL)
    np.testing.assert_array_equal(load_kernel_bytes(b"1 2 1\n0 0 0\n-1 -2 -1", "K.TXT"), SOBEL)
    np.testing.assert_array_equal(load_kernel_bytes("\ufeff1,2,1\n0,0,0\n-1,-2,-1".encode("utf-8"), "bom.csv"), SOBEL)
    np.testing.assert_array_equal(load_kernel_bytes("1，2，1\n0，0，0\n-1，-2，-1".encode("gb18030"), "gbk.csv"), SOBEL)


def test_npy_files():
    np.testing.assert_array_equal(load_kernel_bytes(_npy(SOBEL), "k.npy"), SOBEL)
    k = load_kernel_bytes(_npy(np.array([1, 2, 1], dtype=np.int16)), "row.npy")  # 1-D → one row
    assert k.shape == (1, 3) and k.dtype == np.float64
    k = load_kernel_bytes(_npy(np.float32(2.5)), "scalar.npy")
    assert k.shape == (1, 1)
    assert load_kernel_bytes(_npy(np.eye(3, dtype=bool)), "b.npy").sum() == 3


@pytest.mark.parametrize("data,filename,pattern", [
    (b"", "k.csv", "empty"),
    (b"", "k.npy", "empty"),
    (b"1,2\n3", "k.csv", "Row 2 has 1 numbers"),
    (b"a,b\n1,2", "k.csv", r"Row 1, column 1: 'a' is not a number"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "k.txt", "not a text file"),
    (b"1 2 3", "k.png", r"Unsupported file type '\.png'"),
    (b"1 2 3", "k.npz", r"Unsupported file type"),
    (b"not a numpy file at all", "k.npy", "damaged or not a numpy array"),
    (_npy(SOBEL)[:-10], "k.npy", "damaged"),
    (_npy(np.zeros((2, 3, 3))), "k.npy", "3 dimensions"),
    (_npy(np.array([[1, None]], dtype=object)), "k.npy", "Python objects"),
    (_npy(np.array([["a", "b"]])), "k.npy", "only numbers"),
    (_npy(np.array([[1 + 2j]])), "k.npy", "not complex"),
    (_npy(np.zeros((0, 3))), "k.npy", "empty"),
    (_npy(np.ones((64, 3))), "k.npy", r"64×3; the largest allowed is 63×63"),
    (_npy(np.array([[1.0, np.nan]])), "k.npy", r"Row 1, column 2 is not a finite number"),
    (_npy(np.array([[1.0], [np.inf]])), "k.npy", r"Row 2, column 1 is not a finite number"),
    (b"1 " * (MAX_KERNEL_FILE_BYTES // 2 + 1), "k.txt", "too big"),
])
def test_load_kernel_bytes_errors(data, filename, pattern):
    with pytest.raises(KernelError, match=pattern) as info:
        load_kernel_bytes(data, filename)
    assert "\n" not in str(info.value)


def test_pickled_npy_never_runs_code(tmp_path):
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    data = _npy(np.array([Evil()], dtype=object))
    with pytest.raises(KernelError, match="Python objects"):
        load_kernel_bytes(data, "evil.npy")
    assert not marker.exists()


def test_bytes_type_checked():
    with pytest.raises(KernelError, match=r"The file contents must be bytes\."):
        load_kernel_bytes("1 2 3", "k.txt")  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- as_kernel
def test_as_kernel_shapes_and_errors():
    assert as_kernel([1, 2, 1]).shape == (1, 3)
    assert as_kernel(3).shape == (1, 1)
    assert as_kernel(np.ones((MAX_KERNEL_SIDE, MAX_KERNEL_SIDE))).shape == (63, 63)
    with pytest.raises(KernelError, match="rectangular"):
        as_kernel([[1, 2], [3]])
    with pytest.raises(KernelError, match="empty"):
        as_kernel([])
    with pytest.raises(KernelError, match="63"):
        as_kernel(np.ones((1, 64)))


# ----------------------------------------------------------------------------- round trips
finite = st.floats(allow_nan=False, allow_infinity=False, width=64)
kernel_arrays = hnp.arrays(np.float64, hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=9),
                           elements=finite)


@settings(max_examples=60, deadline=None)
@given(kernel_arrays)
def test_roundtrip_text(arr):
    np.testing.assert_array_equal(parse_text(to_text(arr)), arr)
    np.testing.assert_array_equal(parse_text(to_text(arr, sep=" ")), arr)


@settings(max_examples=60, deadline=None)
@given(kernel_arrays, st.sampled_from([",", ";", "\t", " "]))
def test_roundtrip_csv(arr, delimiter):
    buf = io.StringIO()
    np.savetxt(buf, arr, delimiter=delimiter, fmt="%.17g")
    np.testing.assert_array_equal(load_kernel_bytes(buf.getvalue().encode(), "k.csv"), arr)


@settings(max_examples=60, deadline=None)
@given(hnp.arrays(st.sampled_from([np.float64, np.float32, np.int32, np.uint8]),
                  hnp.array_shapes(min_dims=1, max_dims=2, min_side=1, max_side=9),
                  elements={"allow_nan": False, "allow_infinity": False}))
def test_roundtrip_npy(arr):
    k = load_kernel_bytes(_npy(arr), "k.npy")
    assert k.dtype == np.float64 and k.ndim == 2
    np.testing.assert_array_equal(k, arr.astype(np.float64).reshape(k.shape))
