"""The Image Lab's live kernel sliders without a browser: moves sent as the component's widget state."""

from __future__ import annotations

import pytest

from app.ui.strings import t
from tests.apptest.conftest import last_run
from tests.apptest.helpers import live_data, move_live, open_lab


def _theorem_note(at) -> str:
    return " ".join(str(s.value) for s in at.success)


def test_a_drag_draws_drafts_and_the_release_draws_the_full_result_and_the_link():
    at = open_lab("image_lab")
    assert at.query_params.get("il_gaussian_sigma") is None  # the opening value is the default
    move_live(at, "il_gaussian_sigma", 5.5, dragging=True)
    assert not at.exception
    assert last_run().settings.params["sigma"] == 5.5  # the picture follows the hand
    assert _theorem_note(at) == t("il.theorem.on_release", "en")  # a draft: no theorem check
    assert at.query_params.get("il_gaussian_sigma") is None  # the link waits for the release
    move_live(at, "il_gaussian_sigma", 6.0, dragging=True)
    assert last_run().settings.params["sigma"] == 6.0 and live_data(at, "il_gaussian_sigma")["dragging"] is True
    move_live(at, "il_gaussian_sigma", 6.0)  # released where the hand stopped
    assert not at.exception
    assert "e-1" in _theorem_note(at)  # the full result: the theorem checked, a tiny error
    assert float(at.query_params["il_gaussian_sigma"]) == 6.0
    data = live_data(at, "il_gaussian_sigma")
    assert (data["value"], data["dragging"], data["seq"]) == (6.0, False, 3)  # the echo the browser waits for


@pytest.mark.parametrize(
    "hostile", [float("nan"), float("inf"), "4.0", "<b>x</b>", [1.0] * 50_000, {"value": 4.0}, None, True, 10**400],
)
def test_hostile_values_are_refused_and_the_page_keeps_its_value(hostile):
    at = open_lab("image_lab")
    move_live(at, "il_gaussian_sigma", 4.0)
    move_live(at, "il_gaussian_sigma", hostile)
    assert not at.exception
    assert at.session_state["il_gaussian_sigma"] == 4.0 and last_run().settings.params["sigma"] == 4.0


@pytest.mark.parametrize("value, shown", [(-3.0, 0.1), (1e12, 20.0), (7.04, 7.0)])
def test_out_of_range_values_are_clamped_onto_the_grid(value, shown):
    at = open_lab("image_lab")
    move_live(at, "il_gaussian_sigma", value)
    assert not at.exception
    assert live_data(at, "il_gaussian_sigma")["value"] == shown and last_run().settings.params["sigma"] == shown


def test_labels_are_the_apps_number_format_in_both_languages():
    from app.ui.format import number

    labels = {}
    for lang in ("en", "zh"):
        data = live_data(open_lab("image_lab", lang=lang), "il_gaussian_sigma")
        assert data["labels"][:3] == ["0.1", "0.2", "0.3"] and data["labels"][-1] == number(20.0)
        assert len(data["labels"]) == 200 and data["unit"] == "px"
        labels[lang] = data["label"]
    assert labels["en"] != labels["zh"]


#: Each other lab's main live slider: (lab, opening session, key, a value on its grid, its top).
MAIN = [("signal_lab", {}, "sl_t", 2.5, 7.0), ("cnn_lab", {}, "cnn_psize", 3, 8),
        ("filter_designer", {"fd_shape": "gaussian"}, "fd_lo", 0.2, 0.5), ("fourier_lab", {}, "fl_u", 9, 127)]


@pytest.mark.parametrize(("lab", "session", "key", "value", "top"), MAIN)
def test_every_labs_main_slider_refuses_hostile_values_and_clamps_big_ones(lab, session, key, value, top):
    at = open_lab(lab, **session)
    move_live(at, key, value)
    for hostile in (float("nan"), "4", [1.0] * 50_000, None, True, 10**400):
        move_live(at, key, hostile)
        assert not at.exception, (hostile, at.exception)
        assert at.session_state[key] == value
    move_live(at, key, 1e12)
    assert not at.exception and at.session_state[key] == top == live_data(at, key)["max"]


def _chart(at, key: str) -> dict:
    import json

    return json.loads(next(c for c in at.get("plotly_chart") if c.proto.id.endswith("-" + key)).proto.spec)


def test_the_signal_lab_drafts_its_slide_chart_without_play_frames_and_the_release_has_them():
    at = open_lab("signal_lab")
    assert len(_chart(at, "sl_slide_chart")["frames"]) > 50
    move_live(at, "sl_t", 2.5, dragging=True)
    draft = _chart(at, "sl_slide_chart")
    assert draft["frames"] == [] and draft["layout"]["sliders"][0]["currentvalue"]["prefix"] == "t = "
    move_live(at, "sl_t", 2.6)
    full = _chart(at, "sl_slide_chart")
    steps = [s["label"] for s in full["layout"]["sliders"][0]["steps"]]
    assert len(full["frames"]) == len(steps) and steps[full["layout"]["sliders"][0]["active"]] == "2.6"


def test_the_filter_designers_radial_chart_keeps_its_picture_mid_drag_and_follows_on_release():
    at = open_lab("filter_designer", fd_shape="gaussian")
    before = _chart(at, "fd_radial")
    move_live(at, "fd_lo", 0.3, dragging=True)
    assert not at.exception and _chart(at, "fd_radial") == before  # a draft: the last picture
    move_live(at, "fd_lo", 0.3)
    assert not at.exception and _chart(at, "fd_radial") != before  # released: the new mask's profile
