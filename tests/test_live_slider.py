"""The live slider's value sanitiser: whatever a browser sends becomes a value on the grid, or is refused."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as hs

import kernels
from app.ui import kernel_picker, live_slider
from app.ui.live_slider import Move, grid_step, sanitise
from app.ui.state import Field

SIGMA = Field("float", 3.0, lo=0.1, hi=20.0, step=0.1, unit="px")
ODD = Field("int", 9, lo=3, hi=63, step=2)  # a kernel size: odd numbers only


def _move(value, dragging=False, seq=1) -> dict:
    return {"value": value, "dragging": dragging, "seq": seq}


def test_a_value_in_range_is_kept_on_the_grid():
    assert sanitise(_move(2.96, True, 7), SIGMA) == Move(3.0, True, 7)
    assert sanitise(_move(3.04), SIGMA).value == 3.0
    assert sanitise(_move(0.1 + 29 * 0.1), SIGMA).value == 3.0  # binary round-off removed
    odd = sanitise(_move(10), ODD).value
    assert odd in (9, 11) and isinstance(odd, int)
    assert sanitise(_move(8.0), ODD).value in (7, 9)


@pytest.mark.parametrize("value, expected", [(-5, 0.1), (1e9, 20.0), (20.05, 20.0), (2**62, 20.0), (-1e308, 0.1)])
def test_out_of_range_values_are_clamped(value, expected):
    assert sanitise(_move(value), SIGMA).value == expected


@pytest.mark.parametrize(
    "raw",
    [
        _move(float("nan")), _move(float("inf")), _move(-float("inf")), _move("3"), _move("nan"), _move(None),
        _move(True), _move([3.0]), _move([1.0] * 100_000), _move({"value": 3.0}), _move(10**400),
        _move(3.0, seq=-1), _move(3.0, seq="1"), _move(3.0, seq=2**60), _move(3.0, seq=1.5),
        {"dragging": True, "seq": 1}, {f"k{i}": i for i in range(20)}, "3.0", 3.0, None, [3.0], [_move(3.0)] * 1000,
    ],
)
def test_hostile_moves_are_refused_without_an_exception(raw):
    assert sanitise(raw, SIGMA) is None


def test_only_a_true_dragging_flag_means_mid_drag():
    assert sanitise(_move(3.0, dragging=True), SIGMA).dragging is True
    for flag in ("yes", 1, None, [True]):
        assert sanitise(_move(3.0, dragging=flag), SIGMA).dragging is False


@given(hs.one_of(hs.floats(allow_nan=True, allow_infinity=True), hs.integers(), hs.text(max_size=20),
                 hs.none(), hs.booleans(), hs.lists(hs.floats(), max_size=5)),
       hs.one_of(hs.booleans(), hs.integers(), hs.none()), hs.one_of(hs.integers(), hs.floats(), hs.text(max_size=5)))
def test_any_move_is_refused_or_a_value_on_the_grid(value, dragging, seq):
    move = sanitise({"value": value, "dragging": dragging, "seq": seq}, SIGMA)
    if move is None:
        return
    assert SIGMA.lo <= move.value <= SIGMA.hi and math.isfinite(move.value)
    k = (move.value - SIGMA.lo) / SIGMA.step
    assert abs(k - round(k)) < 1e-6  # on the slider's grid
    assert isinstance(move.seq, int) and move.dragging in (True, False)


@given(hs.floats(min_value=-1e6, max_value=1e6))
def test_int_fields_give_odd_sizes_in_range(value):
    move = sanitise(_move(value), ODD)
    assert move is not None and isinstance(move.value, int)
    assert 3 <= move.value <= 63 and move.value % 2 == 1


def test_grid_step_comes_from_the_field_or_the_range():
    assert grid_step(SIGMA) == 0.1 and grid_step(ODD) == 2
    assert grid_step(Field("float", 0.5, lo=0.0, hi=1.0)) == pytest.approx(0.01)
    assert grid_step(Field("int", 5, lo=0, hi=9)) == 1
    with pytest.raises(ValueError, match="int or float field with lo < hi"):
        grid_step(Field("choice", "a", choices=("a", "b")))
    with pytest.raises(ValueError, match="int or float field with lo < hi"):
        grid_step(Field("float", 1.0, lo=2.0, hi=1.0))


def test_every_catalogue_parameter_field_carries_its_slider_step_and_unit():
    fields = kernel_picker.kernel_fields("il")
    for spec in kernels.catalog():
        for p in spec.params:
            if p.kind == "choice":
                continue
            f = fields[kernel_picker.param_key("il", spec.name, p.name)]
            assert (f.lo, f.hi, f.step, f.unit) == (p.min, p.max, p.step, p.unit)
            assert sanitise(_move(p.default), f).value == pytest.approx(p.default)  # the default is on the grid


def test_labels_must_name_every_position_and_keys_must_make_a_valid_component_id():
    field = Field("float", -2.0, lo=-6.0, hi=1.0, step=0.25)  # 29 positions
    with pytest.raises(ValueError, match="3 labels for 29 slider positions"):
        live_slider.live_slider("wk", field, "K", labels=("a", "b", "c"))
    with pytest.raises(ValueError, match="must not start with '_' or contain '__'"):
        live_slider.live_slider("_private", field, "K")
