"""Animations to take away, Image Lab (AppTest + the page's own pipeline): frame k of a slider sweep
is, pixel for pixel, the output picture the page draws after the slider is moved to value k, and
the animation file carries those pictures unchanged (GIF and APNG) with one label per frame."""

from __future__ import annotations

import numpy as np
import pytest

import kernels
from app.backend import animation
from app.labs.image_lab import pipeline as lab
from app.labs.image_lab.teaching import sweep
from app.ui import takeaway
from app.ui.strings import t
from tests.apptest.conftest import last_run
from tests.apptest.helpers import move_live, open_lab

SIGMAS = (1.3, 2.7)


@pytest.fixture
def page_pictures(monkeypatch):
    """The output pictures the page converts for display (what it JPEG-encodes), in order."""
    seen: list[np.ndarray] = []
    real = lab.display_output

    def recording(*args, **kwargs):
        shown = real(*args, **kwargs)
        seen.append(shown.pixels)
        return shown

    monkeypatch.setattr(lab, "display_output", recording)
    return seen


def test_each_sweep_frame_is_the_pages_picture_at_that_value(page_pictures):
    at = open_lab("image_lab")
    start = {kernels_key: at.session_state[kernels_key] for kernels_key in ("il_gaussian_size", "il_gaussian_sigma")}
    g = kernels.get("gaussian")
    sigma = next(p for p in g.params if p.name == "sigma")
    values = sweep.sweep_values(sigma, SIGMAS[0], SIGMAS[1], 2)
    assert values == list(SIGMAS)
    state = dict(start)
    pictures, labels = [], []
    for v in values:
        move_live(at, "il_gaussian_sigma", v)
        assert not at.exception, at.exception
        run = last_run()
        page_picture = page_pictures[-1]
        params = sweep.params_at(state, "gaussian", "sigma", v)
        assert params == run.settings.params  # the size followed σ, as on the page
        frame = sweep.frame_pixels(run.image, "gaussian", params, run.settings)
        np.testing.assert_array_equal(frame, page_picture)
        pictures.append(frame)
    frames, labels = sweep.sweep_frames(run.image, state, "gaussian", sigma, values, run.settings, "en")
    for a, b in zip(frames, pictures):
        np.testing.assert_array_equal(a, b)
    assert [label.split(" = ")[1] for label in labels] == ["1.3", "2.7"]
    for fmt in ("gif", "apng"):
        decoded = animation.read_frames(animation.encode_animation(frames, labels, fmt=fmt))
        assert len(decoded) == len(frames)
        for got, want in zip(decoded, frames):
            rgb = np.repeat(want[..., None], 3, axis=2) if want.ndim == 2 else want
            np.testing.assert_array_equal(got[:want.shape[0], :want.shape[1]], rgb)


def test_whole_number_sweeps_stay_on_the_slider_grid():
    size = next(p for p in kernels.get("box").params if p.name == "size")
    values = sweep.sweep_values(size, 3, 15, 60)
    assert values == list(range(3, 16, 2))
    assert all(v % 2 == 1 for v in values)
    assert len(sweep.sweep_values(next(p for p in kernels.get("gaussian").params if p.name == "sigma"), 1, 5, 99)) \
        == animation.MAX_FRAMES


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_export_tab_makes_a_sweep_of_the_kernels_sliders(lang, monkeypatch):
    at = open_lab("image_lab", lang=lang, il_tab=t("teach.tab.export", lang))
    assert not at.exception, at.exception
    param = at.selectbox(key="_il_sweep_param")
    assert param.options == [p.label[lang] for p in kernels.get("gaussian").params]
    assert at.slider(key="_il_sweep_frames").value == sweep.DEFAULT_FRAMES
    with monkeypatch.context() as m:
        m.setattr(animation, "MAX_BYTES", 10_000)  # any real sweep is larger: the refusal path
        at.button(key="_il_sweep_anim_make").click().run()
    assert not at.exception, at.exception
    assert at.error and t("err.anim_too_large", lang) in at.error[0].value
    assert takeaway.file_key("il_sweep") not in at.session_state
    at.slider(key="_il_sweep_frames").set_value(12).run()
    at.button(key="_il_sweep_anim_make").click().run()
    assert not at.exception, at.exception
    assert not at.error
    made = at.session_state[takeaway.file_key("il_sweep")][2]
    assert made[:6] == b"GIF89a" and len(animation.read_frames(made)) == 12


def test_a_custom_kernel_has_no_sweep():
    at = open_lab("image_lab", il_tab=t("teach.tab.export", "en"), il_ksrc="custom", il_kedit="1,2,1")
    assert not at.exception, at.exception
    assert t("teach.sweep.none", "en") in [c.value for c in at.caption]
