"""The Image Lab's URL schema (incl. the teaching tools' edited-kernel field): round trip and hostile values."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from app.labs.image_lab.schema import SCHEMA
from app.labs.image_lab.teaching import link_fields
from app.labs.image_lab.teaching.lessons import LESSONS, lesson_ids, settings_for
from app.ui.state import decode, encode


def _value(field):
    """A strategy for any valid value of ``field``."""
    if field.kind == "choice":
        return st.sampled_from(field.choices)
    if field.kind == "bool":
        return st.booleans()
    if field.kind == "int":
        return st.integers(int(field.lo), int(field.hi))
    if field.kind == "float":
        return st.floats(field.lo, field.hi, allow_nan=False, allow_infinity=False)
    if field.format is str:  # the edited kernel
        return small_kernels.map(link_fields.format_kernel_text) | st.just("") | st.just("ideal:0.15:31")
    raise AssertionError(f"no strategy for {field}")


small_kernels = arrays(
    np.float64,
    st.tuples(st.integers(1, link_fields.LINK_MAX_SIDE), st.integers(1, link_fields.LINK_MAX_SIDE)),
    elements=st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False, width=64),
)

state_values = st.fixed_dictionaries({}, optional={k: _value(f) for k, f in SCHEMA.items()})


@given(state_values)
@settings(max_examples=150, deadline=None)
def test_encode_then_decode_restores_every_value(values):
    params = encode(SCHEMA, values)
    assert all(isinstance(v, str) for v in params.values())
    decoded, rejected = decode(SCHEMA, params)
    assert rejected == []
    full = {k: f.default for k, f in SCHEMA.items()}
    assert {**full, **decoded} == {**full, **values}


@given(small_kernels)
@settings(max_examples=150, deadline=None)
def test_edited_kernel_round_trip_is_exact(kernel):
    text = link_fields.format_kernel_text(kernel)
    assert text and len(text) <= link_fields.MAX_TEXT
    decoded, rejected = decode(SCHEMA, encode(SCHEMA, {"il_kedit": text, "il_ksrc": "custom"}))
    assert rejected == []
    np.testing.assert_array_equal(link_fields.kernel_from_text(decoded["il_kedit"]), kernel)


def test_big_kernels_do_not_travel():
    assert link_fields.format_kernel_text(np.ones((8, 3))) == ""
    assert link_fields.format_kernel_text(np.array([[np.nan]])) == ""


def test_ideal_recipe():
    k = link_fields.kernel_from_text("ideal:0.15:31")
    assert k.shape == (31, 31) and k.sum() == pytest.approx(1.0)
    assert (k < 0).any()  # the sinc's ripples: negative lobes


HOSTILE = {
    "il_kedit": [
        "__import__('os').system('id')",
        "1,2;3",  # ragged
        "nan,1",
        "inf",
        "1e999",
        ";".join(["1,2,3,4,5,6,7,8"] * 2),  # 8 columns
        ";".join(["1"] * 8),  # 8 rows
        "1" * 3000,
        "ideal:0:31",
        "ideal:0.2:63",
        "ideal:2:5",
        "../../etc/passwd",
        "[[1,2],[3,4]]",
        "1 2 3",
    ],
    "il_ksrc": ["eval", "custom;", ""],
    "il_sample": ["../../etc/passwd", "/etc/passwd", "camera.png"],
    "il_kernel": ["__class__", "gaussian'"],
    "il_gaussian_sigma": ["nan", "inf", "-1", "1e9", "0x10"],
    "il_gaussian_size": ["2.5", "1e3", "64", "-3"],
    "il_boundary": ["reflect\n", "circular"],
    "il_correlate": ["yes", "2", "True"],
}


@pytest.mark.parametrize("key,value", [(k, v) for k, vs in HOSTILE.items() for v in vs])
def test_hostile_query_values_are_rejected(key, value):
    decoded, rejected = decode(SCHEMA, {key: value})
    assert decoded == {} and rejected == [key]


def test_unknown_keys_are_rejected():
    decoded, rejected = decode(SCHEMA, {"teach_kernel": "1", "custom_kernel": "1", "il_ksrc": "custom"})
    assert decoded == {"il_ksrc": "custom"}
    assert sorted(rejected) == ["custom_kernel", "teach_kernel"]


@pytest.mark.parametrize("lesson", lesson_ids())
def test_every_lesson_is_a_valid_link(lesson):
    values = settings_for(lesson)
    assert set(values) <= set(SCHEMA), set(values) - set(SCHEMA)
    decoded, rejected = decode(SCHEMA, encode(SCHEMA, values))
    assert rejected == []
    full = {k: f.default for k, f in SCHEMA.items()}
    assert {**full, **decoded} == {**full, **values}


def test_lessons_name_consistent_family_and_kernel():
    import kernels

    for lesson, values in LESSONS.items():
        if "il_kernel" in values:
            assert kernels.family(values["il_kernel"]) == values["il_family"], lesson


def test_choice_kernel_parameters_travel_in_links_and_hostile_ones_are_refused():
    """Issue 13: a kernel's choice parameter (Kirsch direction, sinc window) is a choice field."""
    from app.ui import kernel_picker

    assert SCHEMA["il_kirsch_direction"].kind == "choice"
    assert SCHEMA["il_sinc_window"].choices == ("rectangular", "hann", "hamming")
    assert "sinc" in SCHEMA["il_kernel"].choices and "line" in SCHEMA["il_kernel"].choices
    values = {"il_kernel": "sinc", "il_family": "low-pass", "il_sinc_window": "hann", "il_sinc_cutoff": 0.25}
    params = encode(SCHEMA, values)
    assert params["il_sinc_window"] == "hann"
    decoded, rejected = decode(SCHEMA, params)
    assert rejected == [] and kernel_picker.kernel_from_state(decoded, "il") == (
        "sinc", {"size": 21, "cutoff": 0.25, "window": "hann"})
    hostile = {"il_sinc_window": "kaiser", "il_line_direction": "../x", "il_kirsch_direction": "e"}
    decoded, rejected = decode(SCHEMA, hostile)
    assert sorted(rejected) == ["il_line_direction", "il_sinc_window"] and decoded == {"il_kirsch_direction": "e"}
