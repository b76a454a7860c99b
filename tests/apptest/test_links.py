"""Shared links through the real decoder: for every lab on the page contract, a random valid
setting comes back equal, and every hostile value is rejected with a notice naming its key."""

from __future__ import annotations

import numpy as np
import pytest

from app.ui import state
from app.labs.cnn_lab.schema import CATALOG, UI_MAPS
from app.labs.cnn_lab.schema import SCHEMA as CNN
from app.labs.filter_designer.schema import CROP_MAX, CROP_MIN
from app.labs.filter_designer.schema import SCHEMA as FD
from app.ui.page import Schema
from app.labs.signal_lab.schema import SCHEMA as SIGNAL
from tests.apptest.helpers import notice_keys, open_lab, page_settings

LABS = {"signal_lab": SIGNAL, "cnn_lab": CNN, "filter_designer": FD}
#: Settings the page itself may change on opening, whatever the link says.
PAGE_DECIDES = {
    "cnn_input",  # "lab" without an Image Lab image shows the lab's own picker
    "cnn_source", "fd_source",  # an upload source without a file: nothing to keep
}
#: Valid random values of the custom fields (each lab's own text formats).
CUSTOM = {
    "cnn_cat": lambda rng: list(rng.choice(CATALOG, int(rng.integers(1, UI_MAPS + 1)), replace=False)),
    "fd_crop": lambda rng: int(rng.integers(CROP_MIN // 2, CROP_MAX // 2 + 1)) * 2 + 1,
    "fd_notches": lambda rng: tuple((float(a), float(b)) for a, b in np.round(rng.uniform(-0.45, 0.45, (3, 2)), 3)),
    "sl_f_values": lambda rng: ", ".join(str(v) for v in rng.integers(-3, 4, 5)),
    "sl_g_values": lambda rng: ", ".join(str(v) for v in rng.integers(-3, 4, 3)),
}


def _random_value(key: str, field: state.Field, rng: np.random.Generator):
    if key in CUSTOM:
        return CUSTOM[key](rng)
    if field.kind == "choice":
        return field.choices[int(rng.integers(len(field.choices)))]
    if field.kind == "bool":
        return bool(rng.integers(2))
    if field.kind == "int":
        return int(rng.integers(field.lo, field.hi + 1))
    return float(np.round(rng.uniform(field.lo, field.hi), 3))


def _hostile(field: state.Field) -> str:
    """A value the field must refuse: a path, a number out of range, a non-number."""
    return {"choice": "../../etc/passwd", "bool": "maybe", "int": str(int(field.hi or 0) + 10**9),
            "float": "inf", "custom": "<script>alert(1)</script>"}[field.kind]


def _comparable(schema: Schema, settings) -> dict:
    """Settings as key → value, without those the page decides itself."""
    return {k: v for k, v in schema.values(settings).items() if k not in PAGE_DECIDES}


def _random_setting(schema: Schema, seed: int) -> dict:
    rng = np.random.default_rng(seed)
    values = {k: _random_value(k, f, rng) for k, f in schema.fields.items() if k not in PAGE_DECIDES}
    if "cnn_amap" in values:  # the map picked must exist in the bank the setting describes
        values["cnn_amap"] = 0
    return values


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("view", list(LABS))
def test_a_random_valid_link_comes_back_equal(view, seed):
    schema = LABS[view]
    values = _random_setting(schema, seed)
    at = open_lab(view, link=state.encode(schema.fields, values))
    assert not at.exception, at.exception
    assert notice_keys(at) == set()
    got = _comparable(schema, page_settings(at, schema))
    assert got == _comparable(schema, schema.read(values))
    assert got != _comparable(schema, schema.defaults())  # the link did change the page


@pytest.mark.parametrize("view", list(LABS))
def test_every_hostile_value_is_rejected_with_a_notice_naming_its_key(view):
    schema = LABS[view]
    link = {k: _hostile(f) for k, f in schema.fields.items()} | {"evil": "1"}
    at = open_lab(view, link=link)
    assert not at.exception, at.exception
    assert notice_keys(at) == set(link)
    assert _comparable(schema, page_settings(at, schema)) == _comparable(schema, schema.defaults())
