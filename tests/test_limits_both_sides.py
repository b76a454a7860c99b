"""Every input limit, tested on both sides: the largest allowed value is accepted, the next one refused.

A limit tested only from outside (a 64-wide row refused) passes when the code refuses too much
(a 63-wide row refused as well). Here each limit is met exactly and just exceeded: kernel text rows
and columns, pasted text size, kernel file size, every catalogue parameter's range (kernels and
signals), the custom signal's text, count and magnitude, the frequency masks' order and grid, and
the command line's numeric options.
"""

from __future__ import annotations

import argparse
import io

import numpy as np
import pytest

import kernels
from app import cli
from app.backend import signals
from app.backend.images import MAX_WORKING_SIDE
from kernels import frequency
from kernels.parse import MAX_KERNEL_FILE_BYTES, MAX_TEXT_CHARS, load_kernel_bytes, parse_text
from kernels.spec import MAX_KERNEL_SIDE, KernelError

assert MAX_KERNEL_SIDE == 63  # the limit the teaching text and the docs name


def _rows(n_rows: int, n_cols: int) -> str:
    return "\n".join(" ".join(["1"] * n_cols) for _ in range(n_rows))


# --------------------------------------------------------------------------- kernel text
def test_a_63_wide_row_is_accepted_and_a_64_wide_one_refused():
    assert parse_text(_rows(1, MAX_KERNEL_SIDE)).shape == (1, MAX_KERNEL_SIDE)
    with pytest.raises(KernelError, match=r"Row 1 has 64 numbers; the most allowed is 63"):
        parse_text(_rows(1, MAX_KERNEL_SIDE + 1))


def test_63_rows_are_accepted_and_64_refused():
    assert parse_text(_rows(MAX_KERNEL_SIDE, 1)).shape == (MAX_KERNEL_SIDE, 1)
    assert parse_text(_rows(MAX_KERNEL_SIDE, MAX_KERNEL_SIDE)).shape == (MAX_KERNEL_SIDE, MAX_KERNEL_SIDE)
    with pytest.raises(KernelError, match=r"Too many rows; the most allowed is 63"):
        parse_text(_rows(MAX_KERNEL_SIDE + 1, 1))


def test_arrays_of_63_are_accepted_and_of_64_refused():
    assert kernels.as_kernel(np.ones((MAX_KERNEL_SIDE, MAX_KERNEL_SIDE))).shape == (63, 63)
    for shape in ((MAX_KERNEL_SIDE + 1, 1), (1, MAX_KERNEL_SIDE + 1)):
        with pytest.raises(KernelError, match=r"the largest allowed is 63×63"):
            kernels.as_kernel(np.ones(shape))


def test_text_of_the_largest_size_is_accepted_and_one_character_more_refused():
    text = "1" + " " * (MAX_TEXT_CHARS - 1)  # exactly MAX_TEXT_CHARS characters: a 1×1 kernel
    assert len(text) == MAX_TEXT_CHARS and parse_text(text).shape == (1, 1)
    with pytest.raises(KernelError, match=r"The text is too long \(over 200,000 characters\)"):
        parse_text(text + " ")


def test_a_csv_file_at_the_text_limit_is_accepted_and_one_byte_more_refused():
    data = b"1,2,1" + b" " * (MAX_TEXT_CHARS - 5)
    assert len(data) == MAX_TEXT_CHARS and load_kernel_bytes(data, "k.csv").tolist() == [[1, 2, 1]]
    with pytest.raises(KernelError, match=r"too long"):
        load_kernel_bytes(data + b" ", "k.csv")


def _npy_of_size(n_bytes: int) -> bytes:
    """A valid 3×3 ``.npy`` followed by padding, ``n_bytes`` long (np.load reads the array, not the tail)."""
    buf = io.BytesIO()
    np.save(buf, np.arange(9.0).reshape(3, 3))
    head = buf.getvalue()
    return head + b"\0" * (n_bytes - len(head))


def test_a_file_of_the_largest_size_is_accepted_and_one_byte_more_refused():
    at_limit = _npy_of_size(MAX_KERNEL_FILE_BYTES)
    assert load_kernel_bytes(at_limit, "k.npy").tolist() == np.arange(9.0).reshape(3, 3).tolist()
    with pytest.raises(KernelError, match=r"The file is too big \(over 1,000 kB\)"):
        load_kernel_bytes(_npy_of_size(MAX_KERNEL_FILE_BYTES + 1), "k.npy")


# --------------------------------------------------------------------------- catalogue ranges
def _below(p) -> float:
    return p.min - p.step


def _above(p) -> float:
    return p.max + p.step


KERNEL_PARAMS = [(name, p) for name in kernels.names() for p in kernels.get(name).params if hasattr(p, "min")]


@pytest.mark.parametrize(("name", "param"), KERNEL_PARAMS, ids=[f"{n}.{p.name}" for n, p in KERNEL_PARAMS])
def test_every_kernel_parameter_accepts_its_ends_and_refuses_one_step_beyond(name, param):
    for end in (param.min, param.max):
        assert param.validate(end) == end
        kernel = kernels.make(name, **{param.name: end})  # the slider's end draws a kernel
        assert kernel.ndim == 2 and np.isfinite(kernel).all() and max(kernel.shape) <= MAX_KERNEL_SIDE
    for outside in (_below(param), _above(param)):
        with pytest.raises(KernelError, match=rf"{param.name} must be .* from "):
            param.validate(outside)
        with pytest.raises(KernelError, match=rf"{param.name} must be"):
            kernels.make(name, **{param.name: outside})


SIGNAL_PARAMS = [(s.name, p) for s in signals.signal_catalog() for p in s.params if hasattr(p, "min")]


@pytest.mark.parametrize(("name", "param"), SIGNAL_PARAMS, ids=[f"{n}.{p.name}" for n, p in SIGNAL_PARAMS])
def test_every_signal_parameter_accepts_its_ends_and_refuses_one_step_beyond(name, param):
    grid = signals.make_grid()
    for end in (param.min, param.max):
        assert param.validate(end) == end
        assert np.isfinite(signals.make_signal(name, grid, **{param.name: end}).values).all()
    for outside in (_below(param), _above(param)):
        with pytest.raises(signals.SignalError, match=rf"{param.name} must be"):
            signals.make_signal(name, grid, **{param.name: outside})


def test_custom_signal_count_text_and_magnitude_limits():
    n = signals.MAX_CUSTOM_VALUES
    assert signals.parse_values(", ".join(["1"] * n)).size == n
    with pytest.raises(signals.SignalError, match=rf"Too many values \({n + 1}\); type at most {n}"):
        signals.parse_values(", ".join(["1"] * (n + 1)))
    text = "1" + " " * 3999  # 4000 characters: accepted
    assert signals.parse_values(text).tolist() == [1.0]
    with pytest.raises(signals.SignalError, match="The text is too long"):
        signals.parse_values(text + " ")
    assert signals.parse_values("1e6, -1e6").tolist() == [1e6, -1e6]
    with pytest.raises(signals.SignalError, match="at most 1e6 in size"):
        signals.parse_values("1.000001e6")


def test_butterworth_order_and_grid_side_limits():
    shape = (16, 16)
    for order in (1, frequency.MAX_ORDER):
        assert frequency.butterworth(shape, 0.25, order=order).shape == shape
    for order in (0, frequency.MAX_ORDER + 1):
        with pytest.raises(KernelError, match=r"Butterworth order must be a whole number from 1 to 10"):
            frequency.butterworth(shape, 0.25, order=order)
    assert frequency.radius_grid((1, frequency.MAX_GRID_SIDE)).shape == (1, frequency.MAX_GRID_SIDE)
    for bad in ((1, frequency.MAX_GRID_SIDE + 1), (0, 4)):
        with pytest.raises(KernelError, match=r"grid shape must be two whole numbers from 1 to 8192"):
            frequency.radius_grid(bad)


# --------------------------------------------------------------------------- command line
CLI_RANGES = {  # option parser → (lowest allowed, highest allowed, a step just outside)
    cli._long_side: ("1", str(MAX_WORKING_SIDE), 1),
    cli._db: ("10", "200", 0.001),
    cli._panel: ("64", "1024", 1),
    cli._noise: ("0", "1", 1e-9),
    cli._seed: ("0", str(2**32 - 1), 1),
    cli._wiener_k: ("0", "1000000", 0.001),
    cli._eps: ("0", "1", 1e-9),
}


@pytest.mark.parametrize("parse", list(CLI_RANGES), ids=[f.__name__ for f in CLI_RANGES])
def test_every_cli_range_accepts_its_ends_and_refuses_just_beyond(parse):
    lo, hi, step = CLI_RANGES[parse]
    kind = type(step)
    assert parse(lo) == kind(lo) and parse(hi) == kind(hi)
    for outside in (kind(lo) - step, kind(hi) + step):
        with pytest.raises(argparse.ArgumentTypeError, match=r"must be between"):
            parse(repr(outside) if kind is float else str(outside))
