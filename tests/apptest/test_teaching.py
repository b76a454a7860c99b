"""AppTest (no browser) of the Image Lab's teaching tools: tabs run, actions work, lessons load, en/zh."""

from __future__ import annotations

import re

import numpy as np
import pytest

from app.labs.image_lab.teaching import TABS
from app.labs.image_lab.teaching.lessons import lesson_ids, settings_for
from app.ui.page import DesignedKernel, handoff_key
from app.ui.strings import t
from tests.apptest.conftest import last_run
from tests.apptest.helpers import notice_keys, open_lab, texts


def _run(at):
    return last_run()


def _open(tab: str, lang: str = "en", **session):
    """The Image Lab with teaching tab ``tab`` selected (only the open tab is drawn)."""
    return open_lab("image_lab", lang=lang, il_tab=t(f"teach.tab.{tab}", lang), **session)


def _select(at, tab: str, lang: str = "en"):
    at.session_state["il_tab"] = t(f"teach.tab.{tab}", lang)
    return at.run()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_all_teaching_tabs_run_in_both_languages(lang):
    at = open_lab("image_lab", lang=lang)
    assert not at.exception
    labels = [tab.label for tab in at.tabs]
    for name in TABS:
        assert t(f"teach.tab.{name}", lang) in labels
    expected = {
        "edit": "teach.edit.intro",
        "draw": "teach.draw.intro",
        "inspect": "teach.insp.intro",
        "compare": "teach.cmp.split",
        "export": "teach.exp.link",
        "lessons": "teach.lesson.intro",
    }
    for name in TABS:
        _select(at, name, lang)
        assert not at.exception, (name, at.exception)
        assert t(expected[name], lang) in texts(at), name


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_lesson_loads_without_exception(lang):
    at = _open("lessons", lang)
    for lesson in lesson_ids():
        at.selectbox(key="teach_lesson_pick").set_value(lesson).run()
        at.button(key="teach_lesson_load").click().run()
        assert not at.exception, (lesson, at.exception)
        for key, value in settings_for(lesson).items():
            assert at.session_state[key] == value, (lesson, key)
        assert t(f"teach.lesson.{lesson}.title", lang) in texts(at)
        run = _run(at)
        if settings_for(lesson)["il_ksrc"] == "custom":
            assert run.kernel.shape == (31, 31)  # the ideal low-pass from the link recipe
        assert run.settings.boundary == settings_for(lesson)["il_boundary"]


def test_zero_mean_then_normalise_error_keeps_the_kernel():
    at = _open("edit")
    at.button(key="teach_act_zero_mean").click().run()
    assert not at.exception
    assert at.session_state["il_ksrc"] == "custom"
    k = _run(at).kernel
    assert abs(k.sum()) < 1e-12  # DC response 0
    # normalising a zero-sum kernel is refused at the widget; the kernel stays
    at.button(key="teach_act_normalise").click().run()
    assert not at.exception
    assert any(t("teach.err.normalise", "en") in e.value for e in at.error)
    np.testing.assert_array_equal(_run(at).kernel, k)


def test_paste_good_and_bad_kernels():
    at = _open("edit", "zh")
    at.text_area(key="teach_paste").input("1 2 x").run()
    at.button(key="teach_paste_use").click().run()
    assert not at.exception
    assert at.error and "已保留原来的卷积核" in at.error[0].value
    assert at.session_state["il_ksrc"] == "catalog"
    at.text_area(key="teach_paste").input("0 -1 0\n-1 5 -1\n0 -1 0").run()
    at.button(key="teach_paste_use").click().run()
    assert at.session_state["il_ksrc"] == "custom"
    np.testing.assert_array_equal(_run(at).kernel, [[0, -1, 0], [-1, 5, -1], [0, -1, 0]])
    assert at.session_state["il_kedit"] == "0,-1,0;-1,5,-1;0,-1,0"  # travels in the link


@pytest.mark.parametrize("action", ["flip", "transpose", "complement"])
def test_other_actions(action):
    at = _open("edit", il_family="directional", il_kernel="sobel_x")
    before = _run(at).kernel.copy()
    at.button(key=f"teach_act_{action}").click().run()
    assert not at.exception
    after = _run(at).kernel
    expected = {"flip": before[::-1, ::-1], "transpose": before.T}.get(action)
    if expected is not None:
        np.testing.assert_array_equal(after, expected)
    else:  # sobel sums to 0: "1 − kernel" is refused
        assert at.error
        np.testing.assert_array_equal(after, before)


def test_resize_pads_and_keeps_the_output():
    at = _open("edit", il_family="high-pass", il_kernel="outline")
    out = _run(at).output.copy()
    at.number_input(key="teach_rs_h").set_value(7).run()
    at.number_input(key="teach_rs_w").set_value(7).run()
    at.button(key="teach_act_resize").click().run()
    assert not at.exception
    run = _run(at)
    assert run.kernel.shape == (7, 7)
    np.testing.assert_allclose(run.output, out, atol=1e-9)


def test_inspector_sum_equals_output_at_a_border_pixel():
    at = _open("inspect", il_boundary="wrap", il_family="directional", il_kernel="emboss")
    at.number_input(key="teach_px").set_value(0).run()
    at.number_input(key="teach_py").set_value(511).run()
    assert not at.exception
    page = texts(at)
    total = float(re.search(r"products: \*\*(-?[0-9.]+)\*\*", page).group(1))
    shown = float(re.search(r"\(x=0, y=511\): \*\*(-?[0-9.]+)\*\*", page).group(1))
    assert total == shown
    assert abs(shown - _run(at).output[511, 0]) < 5e-7


def test_filter_designer_kernel_is_picked_up():
    k = np.array([[0.0, 0.2, 0.0], [0.2, 0.2, 0.2], [0.0, 0.2, 0.0]])
    sent = DesignedKernel(k, "designer test")
    at = open_lab("image_lab", **{handoff_key(DesignedKernel): sent})
    assert not at.exception
    assert at.session_state["il_ksrc"] == "custom"
    np.testing.assert_array_equal(_run(at).kernel, k)
    assert "designer test" in texts(at)


def test_link_kernel_is_used():
    at = open_lab("image_lab", link={"il_ksrc": "custom", "il_kedit": "1,2,1;2,4,2;1,2,1"})  # the real decoder
    np.testing.assert_array_equal(_run(at).kernel, [[1, 2, 1], [2, 4, 2], [1, 2, 1]])
    assert not at.exception and "il_kedit" not in notice_keys(at)


HOSTILE_KERNEL_TEXTS = {
    "script": "<script>alert(1)</script>",
    "markdown": "**1**,[2](http://example.com),1",
    "code": "__import__('os').system('id')",
    "path": "../../etc/passwd",
    "too_long": "1," * 1000 + "1",
    "too_big": ";".join([",".join(["1"] * 8)] * 8),  # 8×8: over the link's 7×7
    "overflow": "1e999,1,1",
    "ragged": "1,2,1;2,4",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_KERNEL_TEXTS))
def test_hostile_link_kernel_is_rejected(name):
    hostile = HOSTILE_KERNEL_TEXTS[name]
    at = open_lab("image_lab", link={"il_ksrc": "custom", "il_kedit": hostile})
    assert not at.exception
    assert "il_kedit" in notice_keys(at)  # the page says the kernel text was ignored
    kernel = _run(at).kernel
    assert np.isfinite(kernel).all() and max(kernel.shape) <= 63
    assert at.session_state["il_kedit"] != hostile
    page = texts(at)
    assert hostile not in page and "example.com" not in page and "alert(" not in page


def test_colour_image_inspector_per_channel():
    at = _open("inspect", il_colour=True, il_sample="astronaut")
    assert not at.exception
    at.radio(key="teach_pc").set_value("G").run()
    at.number_input(key="teach_px").set_value(511).run()
    assert not at.exception
    page = texts(at)
    total = float(re.search(r"products: \*\*(-?[0-9.]+)\*\*", page).group(1))
    shown = float(re.search(r"\(x=511, y=\d+\): \*\*(-?[0-9.]+)\*\*", page).group(1))
    assert total == shown
    run = _run(at)
    y = at.session_state["teach_py"]
    assert abs(shown - run.output[y, 511, 1]) < 5e-7


@pytest.mark.parametrize("tab", TABS)
def test_tabs_in_projector_mode(tab):
    at = _open(tab, "zh", projector=True)
    assert not at.exception, at.exception


def test_export_notes_for_uploads_and_big_kernels():
    at = _open("export", il_ksrc="custom", il_kedit="ideal:0.2:15")
    assert not at.exception
    link = at.code[0].value
    assert "il_kedit=ideal%3A0.2%3A15" in link and "il_ksrc=custom" in link
    at = _open("export", il_family="low-pass", il_kernel="gaussian", il_gaussian_size=21)
    assert t("teach.exp.kernel_note", "en", n=7) not in texts(at)  # catalogue kernels travel by name
    at = _open("export", il_ksrc="custom", teach_kernel=np.ones((9, 9)) / 81)
    assert t("teach.exp.kernel_note", "en", n=7) in texts(at)  # too big for a link: said so
    assert _run(at).kernel.shape == (9, 9)


def test_draw_tab_falls_back_to_a_grid_painter(monkeypatch):
    from app.ui import canvas

    monkeypatch.setattr(canvas, "_canvas_module", lambda: None)
    at = _open("draw")
    assert not at.exception
    assert t("teach.draw.grid_fallback", "en") in texts(at)
    assert canvas.canvas_backend() == "grid"


def test_a_loaded_lesson_keeps_its_explanation_until_the_prediction_is_answered():
    from app.labs.image_lab.questions import QUESTIONS

    lesson = lesson_ids()[0]
    question = QUESTIONS[lesson].question
    explanation = t(f"teach.lesson.{lesson}.text", "en")
    at = open_lab("image_lab", teach_active_lesson=lesson)
    assert t("q.lesson.first", "en") in texts(at) and explanation not in texts(at)
    at.session_state[f"{question.key}_pick"] = 0  # the student predicts
    at.run()
    assert explanation in texts(at) and t("q.lesson.first", "en") not in texts(at)
