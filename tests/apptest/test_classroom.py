"""A class in AppTest: one teacher and three students, each its own session, sharing one SQLite store.

The counts the teacher sees are recomputed here from the students' picks; the verdict a student sees
after the class reveal names the right length, computed here from the CNN Lab's stages.
"""

from __future__ import annotations

import pytest

from app.classroom import store as cs
from app.ui import classroom
from tests.apptest.helpers import open_lab, texts

PICK, CLASS_REVEAL = "q_cnn_vector_pick", "q_cnn_vector_class_reveal"
QID = "q_cnn_vector"


def _ok(at, what: str) -> None:
    assert not at.exception, f"{what}: {[e.value for e in at.exception]}"
    assert not at.error, f"{what}: {[e.value for e in at.error]}"


@pytest.fixture
def store_dir(tmp_path, monkeypatch):
    monkeypatch.setenv(cs.ENV, str(tmp_path))
    return tmp_path


def _teacher():
    teacher = open_lab("cnn_lab", link={"projector": "1"})
    _ok(teacher, "teacher opens")
    teacher.sidebar.button(key="class_start").click().run()
    _ok(teacher, "class started")
    return teacher


def _verdicts(at) -> list[str]:
    return [str(m.value) for m in [*at.success, *at.info] if "128 × 128 × 4" in str(m.value)]


def test_students_answers_are_counted_and_the_teachers_reveal_reaches_them(store_dir):
    teacher = _teacher()
    code, token = teacher.session_state[classroom._TEACHER_CODE], teacher.session_state[classroom._TOKEN]
    shown = texts(teacher) + "".join(str(c.value) for c in teacher.code)
    assert code in shown and f"/?class={code}" in shown and token not in shown  # the token never leaves the session
    picks = [0, 1, 1]
    students = []
    for pick in picks:
        student = open_lab("cnn_lab", link={"class": code})
        _ok(student, "student joins")
        assert f"In class {code}" in texts(student)
        student.radio(key=PICK).set_value(pick).run()
        _ok(student, "student answers")
        assert not _verdicts(student) and "the teacher reveals it to everyone" in texts(student)
        assert classroom._TOKEN not in student.session_state and token not in texts(student)
        students.append(student)
    teacher.run()
    expected = [picks.count(i) for i in range(4)]
    assert f"{len(picks)} of {len(picks)} answered" in texts(teacher)
    assert cs.open_store(store_dir, {QID: 4}).counts(code, QID) == expected
    students[2].radio(key=PICK).set_value(2).run()  # a change replaces the answer
    teacher.run()
    assert cs.open_store(store_dir, {QID: 4}).counts(code, QID) == [1, 1, 1, 0]
    assert f"{len(picks)} of {len(picks)} answered" in texts(teacher)
    assert CLASS_REVEAL not in {b.key for b in students[0].button}  # students have no class reveal
    teacher.button(key=CLASS_REVEAL).click().run()
    _ok(teacher, "revealed")
    # 512² input, two 2× poolings, 4 maps: the vector holds 128·128·4 numbers; the choices are
    # (maps, one map's pixels, all pixels, before pooling)
    right = (4, 128 * 128, 128 * 128 * 4, 256 * 256 * 4).index(512 // 4 * 512 // 4 * 4)
    for student, pick in zip(students, [0, 1, 2]):
        student.run()  # the poll sees the reveal
        _ok(student, "student after the reveal")
        [verdict] = _verdicts(student)
        assert verdict.startswith("Right" if pick == right else "Not quite")


def test_following_students_go_to_the_page_the_teacher_sends(store_dir):
    teacher = _teacher()
    code = teacher.session_state[classroom._TEACHER_CODE]
    follower = open_lab("cnn_lab", link={"class": code})
    stayer = open_lab("cnn_lab", link={"class": code})
    stayer.sidebar.toggle(key=classroom.FOLLOW).set_value(False).run()
    teacher.switch_page("labs/signal_lab/view.py").run()
    teacher.session_state["sl_n"] = 9
    teacher.run()
    _ok(teacher, "teacher on the Signal Lab")
    teacher.button(key="class_push").click().run()
    assert cs.open_store(store_dir, {}).state(code).push_link == "/signal_lab?sl_n=9"  # no global settings
    teacher.run()
    assert "page sent 1×" in texts(teacher)
    follower.run()
    _ok(follower, "follower")
    assert follower.session_state["sl_n"] == 9 and follower.query_params.get("sl_n") == "9"
    assert follower.query_params.get("class") == code and "projector" not in follower.query_params
    stayer.run()
    assert "sl_n" not in stayer.session_state and "q_cnn_vector_pick" in {r.key for r in stayer.radio}


def test_an_unreachable_store_leaves_the_lab_working_and_recovers(store_dir, monkeypatch):
    teacher = _teacher()
    code = teacher.session_state[classroom._TEACHER_CODE]
    blocked = store_dir / "blocked"
    blocked.write_text("not a directory")
    monkeypatch.setenv(cs.ENV, str(blocked))
    student = open_lab("cnn_lab", link={"class": code})
    _ok(student, "student while the store is down")
    assert "Class poll unavailable" in " ".join(str(w.value) for w in student.warning)
    assert PICK in {r.key for r in student.radio}  # the lab and its question still work
    student.radio(key=PICK).set_value(1).run()
    _ok(student, "answer while down")
    monkeypatch.setenv(cs.ENV, str(store_dir))
    student.run()
    _ok(student, "store back")
    assert f"In class {code}" in texts(student) and not student.warning
    assert cs.open_store(store_dir, {QID: 4}).counts(code, QID) == [0, 1, 0, 0]  # the pick went out once back


def test_a_mistyped_code_is_refused_with_a_message(store_dir):
    at = open_lab("cnn_lab")
    at.sidebar.text_input(key="class_typed").input("K7QM-3XP").run()
    _ok(at, "typed")
    assert "not a class code" in texts(at)
    assert at.session_state["class"] == ""
