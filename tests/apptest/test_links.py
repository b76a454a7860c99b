"""Shared links through the real decoder, for every lab (all five are on the page contract): a random
valid setting comes back equal, every hostile value is rejected with a notice naming its key, and a
link's life (opened, a linked widget moved, reruns) keeps the new value and moves the address along."""

from __future__ import annotations

import numpy as np
import pytest

import kernels
from app.labs.challenge_lab.schema import SCHEMA as CHALLENGE
from app.labs.cnn_lab.schema import CATALOG, UI_MAPS
from app.labs.cnn_lab.schema import SCHEMA as CNN
from app.labs.filter_designer.schema import CROP_MAX, CROP_MIN
from app.labs.filter_designer.schema import SCHEMA as FD
from app.labs.fourier_lab.schema import SCHEMA as FOURIER
from app.labs.hybrid_lab.schema import SCHEMA as HYBRID
from app.labs.image_lab.schema import SETTINGS as IMAGE
from app.labs.signal_lab.schema import SCHEMA as SIGNAL
from app.ui import state
from app.ui.page import Schema
from tests.apptest.helpers import move_live, notice_keys, open_lab, page_settings

LABS = {"image_lab": IMAGE, "signal_lab": SIGNAL, "cnn_lab": CNN, "filter_designer": FD, "fourier_lab": FOURIER,
        "hybrid_lab": HYBRID, "challenge_lab": CHALLENGE}
#: Settings the page itself may change on opening, whatever the link says.
PAGE_DECIDES = {
    "cnn_input",  # "lab" without an Image Lab image shows the lab's own picker
    # an upload source without a file: nothing to keep
    "il_source", "cnn_source", "fd_source", "fl_source", "hy_a_source", "hy_b_source", "ch_source",
    "fl_k",  # snapped to the slider positions of the image's size
    "cnn_gg",  # snapped to a divisor of the link's C_in
}
#: Valid random values of the custom fields (each lab's own text formats).
CUSTOM = {
    "cnn_cat": lambda rng: list(rng.choice(CATALOG, int(rng.integers(1, UI_MAPS + 1)), replace=False)),
    "fd_crop": lambda rng: int(rng.integers(CROP_MIN // 2, CROP_MAX // 2 + 1)) * 2 + 1,
    "fd_notches": lambda rng: tuple((float(a), float(b)) for a, b in np.round(rng.uniform(-0.45, 0.45, (3, 2)), 3)),
    "sl_f_values": lambda rng: ", ".join(str(v) for v in rng.integers(-3, 4, 5)),
    "sl_g_values": lambda rng: ", ".join(str(v) for v in rng.integers(-3, 4, 3)),
    "il_size": lambda rng: int(rng.choice((128, 256))),  # small: the test is about the link, not the speed
    "ch_taps": lambda rng: "\n".join(" ".join(str(v) for v in row) for row in rng.integers(-3, 4, (3, 3))),
    "ch_token": lambda rng: "",  # a real token needs the server's secret: tests/apptest/test_challenge_lab.py
    "il_kedit": lambda rng: ";".join(",".join(str(v) for v in row) for row in rng.integers(-3, 4, (3, 3))),
    # frequencies and shifts inside the range of the smallest working size (the page clamps to the image)
    **{k: (lambda rng: int(rng.integers(-60, 60))) for k in ("fl_u", "fl_v", "fl_mu", "fl_mv", "fl_dx", "fl_dy")},
}


def _random_value(key: str, field: state.Field, rng: np.random.Generator):
    if key in CUSTOM:
        return CUSTOM[key](rng)
    if field.kind == "choice":
        return field.choices[int(rng.integers(len(field.choices)))]
    if field.kind == "bool":
        return bool(rng.integers(2))
    if field.kind == "int" and key.startswith(("il_", "ch_")) and key.endswith("_size"):  # kernel sides are odd
        return int(rng.integers(field.lo // 2, (field.hi - 1) // 2 + 1)) * 2 + 1
    if field.step:  # a live slider's field: the slider keeps values on its grid, as the app's own links are
        value = field.lo + int(rng.integers(0, int((field.hi - field.lo) / field.step + 1e-9) + 1)) * field.step
        return int(value) if field.kind == "int" else float(f"{value:.12g}")
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
    for prefix in ("il", "ch"):  # the kernel picker's family follows the kernel
        if f"{prefix}_kernel" in values:
            values[f"{prefix}_family"] = kernels.family(values[f"{prefix}_kernel"])
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


#: Per lab: a link, and one of its linked widgets moved to a new value (widget kind, key, value).
LIFECYCLE = {
    "image_lab": ({"il_boundary": "wrap"}, "radio", "il_boundary", "zero"),
    "signal_lab": ({"sl_corr": True}, "toggle", "sl_corr", False),
    "cnn_lab": ({"cnn_c1": "random", "cnn_n": 3}, "selectbox", "cnn_c1", "edges"),
    "filter_designer": ({"fd_shape": "gaussian", "fd_lo": 0.1}, "selectbox", "fd_shape", "ideal"),
    "fourier_lab": ({"fl_u": 5, "fl_tab": "build", "fl_mode": "radius"}, "radio", "fl_mode", "count"),
    "hybrid_lab": ({"hy_slow": 4.0, "hy_pair": False}, "toggle", "hy_pair", True),
    "challenge_lab": ({"ch_id": "sobel_x", "ch_hint": True}, "selectbox", "ch_id", "motion45"),
}
#: Per lab: a link, and its main live slider dragged through ``mid`` and released at ``moved``.
LIVE_LIFECYCLE = {
    "image_lab": ({"il_gaussian_sigma": 2.0}, "il_gaussian_sigma", 4.0, 5.0),
    "signal_lab": ({"sl_t": 0.5}, "sl_t", 1.0, 2.5),
    "cnn_lab": ({"cnn_c1": "random", "cnn_n": 3}, "cnn_n", 4, 5),
    "filter_designer": ({"fd_shape": "gaussian", "fd_lo": 0.1}, "fd_lo", 0.2, 0.3),
    "fourier_lab": ({"fl_u": 5}, "fl_u", 7, 9),
    "hybrid_lab": ({"hy_slow": 4.0}, "hy_slow", 6.0, 7.5),
    "challenge_lab": ({"ch_box_size": 5}, "ch_box_size", 7, 9),
}


def test_every_lab_of_the_router_has_a_link_lifecycle_case():
    assert set(LIFECYCLE) == set(LABS) == set(LIVE_LIFECYCLE)


def _opened(view: str, values: dict):
    """The lab opened from a link holding ``values``: (the link, the AppTest)."""
    link = state.encode(LABS[view].fields, values)
    at = open_lab(view, link=link)
    assert not at.exception, at.exception
    return link, at


def _assert_moved(at, view: str, link: dict, key: str, moved) -> None:
    """After a plain rerun the page holds ``moved`` and the address bar follows it."""
    schema = LABS[view]
    at.run()  # a plain rerun: the link is not applied again
    assert not at.exception, at.exception
    assert getattr(page_settings(at, schema), key.removeprefix(schema.prefix)) == moved
    address = dict(at.query_params.items())
    # the moved setting as a link writes it (absent when back at its default) ...
    assert address.get(key) == state.encode({key: schema.fields[key]}, {key: moved}).get(key)
    # ... and the link's other settings stay in the address
    assert {k: v for k, v in link.items() if k != key}.items() <= address.items()


@pytest.mark.parametrize("view", list(LIFECYCLE))
def test_a_moved_linked_widget_keeps_its_value_and_the_address_follows(view):
    values, kind, key, moved = LIFECYCLE[view]
    link, at = _opened(view, values)
    widget = getattr(at, kind)(key=key)
    assert widget.value == values[key]  # the link opened the page
    widget.set_value(moved).run()
    assert not at.exception, at.exception
    _assert_moved(at, view, link, key, moved)
    assert getattr(at, kind)(key=key).value == moved


@pytest.mark.parametrize("view", list(LIVE_LIFECYCLE))
def test_a_dragged_live_slider_writes_the_link_on_release_and_keeps_it(view):
    values, key, mid, moved = LIVE_LIFECYCLE[view]
    link, at = _opened(view, values)
    assert at.session_state[key] == values[key]  # the link opened the page
    move_live(at, key, mid, dragging=True)
    assert not at.exception, at.exception
    assert at.session_state[key] == mid
    assert dict(at.query_params.items()).get(key) == link.get(key)  # mid-drag: the link waits
    move_live(at, key, moved)  # the release
    _assert_moved(at, view, link, key, moved)
