"""A class in real browsers: one teacher (projector mode) and three student pages on one server.

Answers are counted on the teacher's screen, the teacher's Reveal reaches every student's page, and
a push takes the students who follow the teacher to the teacher's page (the one who stopped
following stays). Screenshots of the teacher's join screen (1280×720) and of a student after the reveal.
"""

from __future__ import annotations

import re

import pytest

from app.classroom import store as cs
from tests.browser.helpers import (
    assert_no_exception,
    open_page,
    screenshot,
    settle,
    wait_for_app,
)
from tests.servers import streamlit_app

PUSH_WAIT_MS = 15_000  # generous: the poll runs every second; the load tool measures the real delay
PICKS = ("one number per map", "the pixels of one map", "every pixel of every map")


@pytest.fixture(scope="module")
def class_url(tmp_path_factory):
    """A server of its own whose class store is a fresh SQLite file."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(cs.ENV, str(tmp_path_factory.mktemp("classes")))  # the server inherits it
        with streamlit_app("classroom-server.log") as (url, _proc):
            yield url


def _open_sidebar(page) -> None:
    button = page.locator("[data-testid=stExpandSidebarButton]")
    if button.count():
        button.first.click()
    page.locator("[data-testid=stSidebar]").first.wait_for(state="visible")


def test_teacher_and_three_students(browser, class_url):
    teacher_ctx = browser.new_context(viewport={"width": 1280, "height": 720})
    teacher = teacher_ctx.new_page()
    teacher.set_default_timeout(60_000)
    open_page(teacher, class_url, "cnn_lab", "projector=1")
    _open_sidebar(teacher)
    teacher.get_by_role("button", name="Start a class").click()
    code_box = teacher.locator(".cs-code")
    code_box.wait_for(state="visible")
    code = code_box.inner_text().strip()
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", code)
    qr = teacher.locator("[data-testid=stImage] img").first
    qr.wait_for(state="visible")
    assert "/media/" in (qr.get_attribute("src") or "")  # the QR code, drawn by the server
    settle(teacher)
    screenshot(teacher, "class_teacher_join")

    students = []
    for pick in PICKS:
        ctx = browser.new_context(viewport={"width": 1280, "height": 900})
        student = ctx.new_page()
        student.set_default_timeout(60_000)
        open_page(student, class_url, "cnn_lab", f"class={code}")
        student.get_by_text(f"In class {code}").first.wait_for(state="visible")
        student.get_by_text(pick).first.click()
        student.get_by_text("Your answer counts for the class").first.wait_for(state="visible")
        assert student.get_by_text("Right: 128 × 128 × 4").count() == 0
        students.append(student)
    students[2].locator("[data-testid=stSidebar]").get_by_text("Follow the teacher").click()  # stops following
    wait_for_app(students[2])

    teacher.get_by_text("3 of 3 answered").first.wait_for(state="visible", timeout=PUSH_WAIT_MS)
    bars = [int(n) for n in teacher.locator(".cs-n").all_inner_texts()]
    assert bars == [1, 1, 1, 0]  # one student per choice 0, 1, 2 (PICKS), none on the last
    teacher.get_by_role("button", name="Hide the join code").click()
    settle(teacher)
    screenshot(teacher, "class_teacher_counts")
    teacher.get_by_role("button", name="Reveal to the class").click()
    for student, pick in zip(students, PICKS):
        verdict = "Right: 128 × 128 × 4" if pick == PICKS[2] else "Not quite. The answer is 128 × 128 × 4"
        student.get_by_text(verdict).first.wait_for(state="visible", timeout=PUSH_WAIT_MS)
        assert_no_exception(student)
    settle(students[0])
    screenshot(students[0], "class_student_revealed")

    teacher.locator("[data-testid=stSidebarNav] a", has_text="Signal Lab").click()
    wait_for_app(teacher)
    teacher.get_by_role("button", name="Send everyone to this page").click()
    for student in students[:2]:
        student.wait_for_url(re.compile(r"/signal_lab\?.*class="), timeout=PUSH_WAIT_MS)
        wait_for_app(student)
        assert_no_exception(student)
        assert "projector" not in student.url
    wait_for_app(students[2])
    assert "/cnn_lab" in students[2].url  # stopped following: stays
    assert_no_exception(teacher)
    for p in [teacher, *students]:
        p.context.close()
