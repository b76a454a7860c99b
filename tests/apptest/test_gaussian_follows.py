"""Image Lab kernel picker: the Gaussian's size slider follows sigma until the user moves it."""

from __future__ import annotations

from app.ui import kernel_picker
from tests.apptest.conftest import last_run
from tests.apptest.helpers import live_data, move_live, open_lab


def _kernel_shape(at) -> tuple[int, int]:
    return last_run().kernel.shape


def test_size_slider_follows_sigma_until_moved():
    at = open_lab("image_lab")
    move_live(at, "il_gaussian_sigma", 4.0)  # the lab opens at sigma 3
    assert live_data(at, "il_gaussian_size")["value"] == 25
    assert _kernel_shape(at) == (25, 25)
    move_live(at, "il_gaussian_sigma", 1.5)
    assert live_data(at, "il_gaussian_size")["value"] == 11 and _kernel_shape(at) == (11, 11)
    # the user moves the size: from now on it stays where they put it
    move_live(at, "il_gaussian_size", 5)
    move_live(at, "il_gaussian_sigma", 2.0)
    assert live_data(at, "il_gaussian_size")["value"] == 5 and _kernel_shape(at) == (5, 5)
    assert not at.exception


def test_follow_params_is_pure_and_respects_the_pin():
    values = {"il_gaussian_sigma": 2.0, "il_gaussian_size": 7}
    assert kernel_picker.follow_params(values, "il", "gaussian", "sigma") == {"il_gaussian_size": 13}
    pin = kernel_picker.follow_params(values, "il", "gaussian", "size")
    assert pin == {"_il_gaussian_size_pinned": True}
    assert kernel_picker.follow_params({**values, **pin}, "il", "gaussian", "sigma") == {}
    assert kernel_picker.follow_params({"il_box_size": 3}, "il", "box", "size") == {}  # nothing follows in a box
