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
