"""The kernel editor's errors carry codes, so the Chinese page shows them in Chinese.

Every refusal of kernels/parse.py and kernels/edit.py is triggered here; its English table text,
filled with the error's params, must be exactly the backend's own line, and its Chinese text must
be Chinese with the same numbers in it.
"""

from __future__ import annotations

import io
import re

import numpy as np
import pytest

from app.ui.errors import backend_message
from app.ui.strings import TABLE
from kernels import MAX_KERNEL_SIDE, KernelError, edit, load_kernel_bytes, parse_text
from kernels.parse import as_kernel as parse_as_kernel

CJK = re.compile(r"[\u4e00-\u9fff]")

def _npy(array: np.ndarray) -> bytes:
    buf = io.BytesIO()
    np.save(buf, array, allow_pickle=True)
    return buf.getvalue()


BAD = {
    "kernel_cell_empty": lambda: parse_text("1,,2"),
    "kernel_npy_objects": lambda: load_kernel_bytes(_npy(np.array([{}], dtype=object)), "k.npy"),
    "kernel_cell_not_number": lambda: parse_text("1 2\n3 x"),
    "kernel_cell_not_finite": lambda: parse_text("1 inf"),
    "kernel_text_type": lambda: parse_text(3),
    "kernel_text_long": lambda: parse_text("1 " * 150_000),
    "kernel_row_long": lambda: parse_text(" ".join(["1"] * (MAX_KERNEL_SIDE + 1))),
    "kernel_ragged": lambda: parse_text("1 2 3\n4 5"),
    "kernel_rows_many": lambda: parse_text("1\n" * (MAX_KERNEL_SIDE + 1)),
    "kernel_text_empty": lambda: parse_text("# only a comment"),
    "kernel_not_table": lambda: parse_as_kernel([[1, 2], [3]]),
    "kernel_not_numbers": lambda: parse_as_kernel([["a", "b"]]),
    "kernel_complex": lambda: parse_as_kernel([[1j]]),
    "kernel_dims": lambda: parse_as_kernel(np.zeros((2, 2, 2))),
    "kernel_empty": lambda: parse_as_kernel(np.zeros((0, 3))),
    "kernel_too_big": lambda: parse_as_kernel(np.zeros((MAX_KERNEL_SIDE + 2, 3))),
    "kernel_side": lambda: edit.as_kernel(np.ones((9, 9)), max_side=5),
    "kernel_file_binary": lambda: load_kernel_bytes(b"1\x002", "k.txt"),
    "kernel_file_type": lambda: load_kernel_bytes("1 2", "k.txt"),
    "kernel_file_empty": lambda: load_kernel_bytes(b"", "k.csv"),
    "kernel_file_big": lambda: load_kernel_bytes(b"1" * 10_000_000, "k.csv"),
    "kernel_npy_damaged": lambda: load_kernel_bytes(b"not numpy", "k.npy"),
    "kernel_file_ext": lambda: load_kernel_bytes(b"1 2", "k.png"),
    "kernel_zeros": lambda: edit.normalise(np.zeros((3, 3))),
    "kernel_zero_sum": lambda: edit.normalise([[1.0, -1.0]]),
    "kernel_constant": lambda: edit.zero_mean(np.ones((3, 3))),
    "kernel_resize_small": lambda: edit.area_resample(np.ones((3, 3)), (0, 3)),
    "kernel_resize_range": lambda: edit.resize(np.ones((3, 3)), (MAX_KERNEL_SIDE + 1, 3)),
    "kernel_resize_method": lambda: edit.resize(np.ones((3, 3)), (5, 5), method="stretch"),
    "kernel_canvas_shape": lambda: edit.rasterise_canvas(np.zeros((8, 8, 5)), 3),
    "kernel_draw_size": lambda: edit.rasterise_canvas(np.zeros((8, 8, 4)), edit.MAX_EDIT_SIDE + 2),
    "kernel_canvas_empty": lambda: edit.rasterise_canvas(np.zeros((8, 8, 4)), 3),
}


@pytest.mark.parametrize("code", sorted(BAD))
def test_each_refusal_has_its_code_and_both_languages(code):
    with pytest.raises(KernelError) as info:
        BAD[code]()
    exc = info.value
    assert exc.code == code, str(exc)
    assert backend_message(exc, "en") == str(exc)  # the table's English is the backend's line
    zh = backend_message(exc, "zh")
    assert CJK.search(zh) and zh != str(exc)
    assert re.findall(r"\d+", zh) == re.findall(r"\d+", str(exc))  # the same numbers, in order


def test_every_kernel_code_in_the_table_is_raised_by_the_engine():
    """No orphan strings: each ``err.kernel_*`` key belongs to a code the engine raises."""
    from pathlib import Path

    source = "".join(Path(f"kernels/{m}.py").read_text(encoding="utf-8") for m in ("parse", "edit"))
    for key in (k for k in TABLE if k.startswith("err.kernel_")):
        assert f'"{key[4:]}"' in source, key
