"""Fourier Lab in AppTest (no browser): every tab in en/zh, K changes the PSNR, Wiener K smooths,
the optimal-K button, URL state (valid values used, hostile ones named)."""

from __future__ import annotations

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from app.labs.fourier_lab import pipeline as lab
from app.labs.fourier_lab.schema import PROPERTIES, SCHEMA, TABS
from app.labs.image_lab.teaching.lessons import PAGE_LESSONS
from app.ui import image_picker
from app.ui.strings import t
from tests.apptest.helpers import MAIN, live_data, move_live, open_lab, rendered, switch_to_lab, texts


def _metric(at: AppTest, key: str, lang: str = "en") -> str:
    label = t(key, lang)
    return next(m.value for m in at.metric if m.label == label)


def _open_link(query: dict[str, str]) -> AppTest:
    """Open the page as a shared link would: the query string is there on the session's first run."""
    at = AppTest.from_file(str(MAIN), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    switch_to_lab(at, "fourier_lab")
    return at.run()


#: A title only each tab draws.
TAB_MARK = {"wave": "fl.wave.cos", "build": "fl.build.rec", "phase": "fl.phase.ab", "props": "fl.prop.numbers",
            "deconv": "fl.dec.inverse"}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_tab_runs_in_both_languages_and_only_the_open_tab_is_drawn(lang):
    for tab in TABS:
        at = open_lab("fourier_lab", lang=lang, fl_tab=tab)
        assert not at.exception, (tab, at.exception)
        page = texts(at)
        assert t("fl.title", lang) in page
        drawn = [name for name, key in TAB_MARK.items() if t(key, lang) in page]
        assert drawn == [tab]


@pytest.mark.parametrize("prop", PROPERTIES)
def test_every_property_shows_its_numbers(prop):
    at = open_lab("fourier_lab", fl_tab="props", fl_prop=prop)
    assert not at.exception, at.exception
    assert t("fl.prop.numbers", "en") in texts(at)


def test_k_slider_changes_the_reconstruction_psnr():
    at = open_lab("fourier_lab", fl_tab="build")
    options = lab.k_options(256 * 256)
    move_live(at, "fl_kpos", 5)  # the K slider moves over the positions of the log-spaced counts
    assert at.session_state["fl_k"] == options[5]
    low = float(_metric(at, "fl.build.psnr").split()[0])
    move_live(at, "fl_kpos", 20)
    high = float(_metric(at, "fl.build.psnr").split()[0])
    assert high > low + 5
    move_live(at, "fl_kpos", len(options) - 1)
    assert live_data(at, "fl_kpos")["labels"][-1] == t("fl.build.all", "en", k=256 * 256)
    assert _metric(at, "fl.build.psnr") == t("fl.build.exact", "en")
    assert not at.exception


def test_radius_mode_runs_and_a_wider_radius_is_closer():
    at = open_lab("fourier_lab", fl_tab="build", fl_mode="radius", fl_r=0.05)
    narrow = float(_metric(at, "fl.build.psnr").split()[0])
    move_live(at, "fl_r", 0.3)
    assert float(_metric(at, "fl.build.psnr").split()[0]) > narrow


def test_larger_wiener_k_gives_a_smoother_restoration():
    at = open_lab("fourier_lab", fl_tab="deconv", fl_noise=0.03)
    move_live(at, "fl_kw", -5.0)
    rough_small_k = float(_metric(at, "fl.dec.m_rough"))
    move_live(at, "fl_kw", -1.0)
    assert at.session_state["fl_kw"] == -1.0 and live_data(at, "fl_kw")["labels"][20] == "0.1"  # shown as K = 10^-1
    rough_large_k = float(_metric(at, "fl.dec.m_rough"))
    assert rough_large_k < rough_small_k / 2
    assert not at.exception


def test_optimal_k_button_moves_the_slider_to_the_optimum():
    at = open_lab("fourier_lab", fl_tab="deconv", fl_kw=-6.0)
    before = float(_metric(at, "fl.dec.m_wiener"))
    at.button(key="fl_best_btn").click().run()
    assert at.session_state["fl_kw"] != -6.0
    assert float(_metric(at, "fl.dec.m_wiener")) < before
    assert not at.exception


def test_valid_link_values_are_used():
    at = _open_link({"fl_tab": "build", "fl_k": "1000", "fl_b": "astronaut", "fl_kernel": "motion", "lang": "zh"})
    assert not at.exception
    assert at.session_state["fl_tab"] == "build"
    assert at.session_state["fl_k"] == lab.snap_k(1000, lab.k_options(256 * 256))
    assert at.session_state["fl_kernel"] == "motion" and at.session_state["fl_b"] == "astronaut"
    assert t("fl.build.psnr", "zh") in [m.label for m in at.metric]  # the build tab is the one drawn
    assert not at.info or all("fl_" not in str(i.value) for i in at.info)


def test_hostile_link_values_are_rejected_and_named():
    at = _open_link({"fl_u": "999999", "fl_k": "abc", "fl_tab": "<script>", "fl_v": "5"})
    assert not at.exception
    notice = " ".join(rendered(str(i.value)) for i in at.info)  # as a reader sees the escaped keys
    for key in ("fl_u", "fl_k", "fl_tab"):
        assert key in notice
    assert "fl_v" not in notice
    assert at.session_state["fl_u"] == SCHEMA.fields["fl_u"].default and at.session_state["fl_v"] == 5
    assert at.session_state["fl_tab"] == "wave"


def test_projector_mode_runs_every_tab_and_draws_only_that_tab():
    for tab in TABS:
        at = open_lab("fourier_lab", projector=True, fl_tab=tab)
        assert not at.exception, (tab, at.exception)
        page = texts(at)
        assert [name for name, key in TAB_MARK.items() if t(key, "en") in page] == [tab]
        # the link says so (a default is left out of it)
        assert at.query_params.get("fl_tab", SCHEMA.fields["fl_tab"].default) == tab
        assert at.query_params["projector"] == "1"


def test_a_lesson_in_the_lesson_list_opens_the_fourier_lab_with_its_settings():
    at = open_lab("image_lab", il_tab=t("teach.tab.lessons", "en"))
    at.button(key="teach_lesson_open_wiener_k").click().run()
    assert not at.exception
    _, settings = PAGE_LESSONS["wiener_k"]
    assert all(at.session_state[k] == v for k, v in settings.items())
    assert t("fl.dec.wiener", "en", k="1e-06") in texts(at)  # the deconvolution tab, at the lesson's tiny K


def test_an_image_too_small_for_the_kernel_gets_a_message_not_a_traceback():
    tiny = image_picker.make_picked(np.random.default_rng(0).random((16, 16)), name="tiny.png", source="upload",
                               colour=False, size=256)
    at = open_lab("fourier_lab", fl_tab="deconv", fl_source="upload", _fl_last_good=tiny, fl_kernel="motion",
                  fl_length=41)
    assert not at.exception
    assert any("larger than the image 16x16" in str(e.value) for e in at.error), [e.value for e in at.error]
    at.session_state["fl_tab"] = "wave"
    at.run()
    assert not at.exception and not at.error  # the other tabs work on the tiny image
