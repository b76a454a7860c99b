"""The class store (app.classroom.store): one suite, run against SQLite and against a real redis-server."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from app.classroom import store as cs
from app.classroom.codes import ALPHABET, parse_code
from tests.redis_server import RedisServer
from tests.servers import REPO

QUESTIONS = {"q_three": 3, "q_four": 4}
STUDENTS = [f"student-{i:04d}" for i in range(5)]


class Clock:
    """A settable clock, so a test can age a class by hours at once."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory):
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


def _stored_rows(store: cs.ClassStore) -> int:
    """Everything the database holds, counted without the store's own code."""
    if isinstance(store, cs.SQLiteStore):
        with sqlite3.connect(store.path) as db:
            return sum(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                       for t in ("classes", "members", "answers", "reveals"))
    return store.r.dbsize()


@pytest.fixture(params=["sqlite", "redis"])
def store(request, tmp_path):
    clock = Clock()
    if request.param == "sqlite":
        yield cs.open_store(tmp_path, QUESTIONS, clock)
    else:
        server = request.getfixturevalue("redis_server")
        s = cs.open_store(server.url, QUESTIONS, clock)
        s.r.flushdb()
        yield s


def test_a_new_class_has_a_readable_code_and_a_separate_teacher_token(store):
    keys = store.create_class()
    raw = keys.code.replace("-", "")
    assert len(raw) * 5 >= 30 and set(raw) <= set(ALPHABET) and parse_code(keys.code) == keys.code
    assert raw not in keys.teacher_token and len(keys.teacher_token) >= 24
    assert store.create_class().code != keys.code
    assert store.state(keys.code) == cs.ClassState(frozenset(), 0, "", 0)


def test_answers_are_counted_once_per_session_and_a_change_replaces_the_answer(store):
    code = store.create_class().code
    for session, choice in zip(STUDENTS, [0, 2, 2, 1, 2]):
        store.join(code, session)
        store.answer(code, session, "q_three", choice)
    assert store.counts(code, "q_three") == [1, 1, 3]
    store.answer(code, STUDENTS[1], "q_three", 0)  # changes its mind
    assert store.counts(code, "q_three") == [2, 1, 2]
    assert store.counts(code, "q_four") == [0, 0, 0, 0]
    assert store.state(code).members == len(STUDENTS)


def test_a_typed_code_is_read_tolerantly(store):
    code = store.create_class().code
    store.answer(code.lower().replace("-", " "), STUDENTS[0], "q_four", 3)
    assert store.counts(code, "q_four") == [0, 0, 0, 1]


@pytest.mark.parametrize("question, choice, message", [
    ("q_missing", 0, "no question"), ("q_three", 3, "choices 0..2"), ("q_three", -1, "choices 0..2"),
    ("q_three", True, "choices 0..2"), ("q_three", "1", "choices 0..2"), (None, 0, "no question"),
])
def test_invalid_answers_are_refused(store, question, choice, message):
    code = store.create_class().code
    with pytest.raises(cs.InvalidAnswer, match=message):
        store.answer(code, STUDENTS[0], question, choice)
    assert store.counts(code, "q_three") == [0, 0, 0]


def test_a_session_id_must_look_like_one(store):
    code = store.create_class().code
    with pytest.raises(cs.InvalidAnswer, match="8 to 64 characters"):
        store.answer(code, "x" * 65, "q_three", 0)


@pytest.mark.parametrize("code", ["ZZZZ-ZZZZ", "not a code", ""])
def test_unknown_codes_are_not_found(store, code):
    store.create_class()
    with pytest.raises(cs.ClassNotFound, match="no class"):
        store.answer(code, STUDENTS[0], "q_three", 0)


def test_reveal_and_push_reach_the_class_state(store):
    keys = store.create_class()
    store.reveal(keys.code, keys.teacher_token, "q_four")
    assert store.push(keys.code, keys.teacher_token, "/fourier_lab?fl_a=disk") == 1
    assert store.push(keys.code, keys.teacher_token, "/signal_lab") == 2
    assert store.state(keys.code) == cs.ClassState(frozenset({"q_four"}), 2, "/signal_lab", 0)


def test_the_stamp_moves_with_every_reveal_and_push_and_only_then(store):
    keys = store.create_class()
    seen = [store.stamp(keys.code)]
    store.join(keys.code, STUDENTS[0])
    store.answer(keys.code, STUDENTS[0], "q_three", 1)
    store.touch(keys.code, keys.teacher_token)
    assert store.stamp(keys.code) == seen[-1]  # members, answers and activity leave a student's poll alone
    for change in (lambda: store.reveal(keys.code, keys.teacher_token, "q_four"),
                   lambda: store.push(keys.code, keys.teacher_token, "/signal_lab"),
                   lambda: store.reveal(keys.code, keys.teacher_token, "q_three"),
                   lambda: store.push(keys.code, keys.teacher_token, "/signal_lab")):  # the same link again
        change()
        seen.append(store.stamp(keys.code))
    assert len(set(seen)) == len(seen)
    assert store.state(keys.code) == cs.ClassState(frozenset({"q_three", "q_four"}), 2, "/signal_lab", 1)


@pytest.mark.parametrize("code", ["", "not a code", "K7QM-3XPA"])
def test_the_stamp_of_a_missing_class_is_not_found(store, code):
    with pytest.raises(cs.ClassNotFound, match="no class"):
        store.stamp(code)


def test_the_stamp_of_an_expired_class_deletes_it(store):
    keys = store.create_class()
    store.clock.now += cs.TTL_S + 1
    with pytest.raises(cs.ClassNotFound, match="expired"):
        store.stamp(keys.code)
    assert _stored_rows(store) == 0


@pytest.mark.parametrize("link", ["https://evil.example/", "//evil.example/x", "/a b", "/" + "x" * 2000,
                                  "javascript:alert(1)"])
def test_a_push_must_stay_on_this_site(store, link):
    keys = store.create_class()
    with pytest.raises(cs.InvalidAnswer, match="path on this site"):
        store.push(keys.code, keys.teacher_token, link)
    assert store.state(keys.code).push_seq == 0


def test_students_cannot_reveal_push_touch_or_end_with_a_forged_token(store):
    keys, other = store.create_class(), store.create_class()
    forged = [keys.code, "", STUDENTS[0], other.teacher_token, keys.teacher_token[:-1] + "x", None]
    for token in forged:
        with pytest.raises(cs.Forbidden, match="only the teacher"):
            store.reveal(keys.code, token, "q_three")
        with pytest.raises(cs.Forbidden, match="only the teacher"):
            store.push(keys.code, token, "/signal_lab")
        with pytest.raises(cs.Forbidden, match="only the teacher"):
            store.touch(keys.code, token)
        with pytest.raises(cs.Forbidden, match="only the teacher"):
            store.end(keys.code, token)
    assert store.state(keys.code) == cs.ClassState(frozenset(), 0, "", 0)


def test_ending_a_class_deletes_everything_in_it(store):
    keys = store.create_class()
    store.answer(keys.code, STUDENTS[0], "q_three", 1)
    store.reveal(keys.code, keys.teacher_token, "q_three")
    store.end(keys.code, keys.teacher_token)
    with pytest.raises(cs.ClassNotFound):
        store.state(keys.code)
    assert _stored_rows(store) == 0


def test_a_class_expires_four_hours_after_its_last_activity(store):
    clock = store.clock
    keys, idle = store.create_class(), store.create_class()
    store.answer(keys.code, STUDENTS[0], "q_three", 1)
    clock.now += cs.TTL_S - 60
    store.touch(keys.code, keys.teacher_token)  # the teacher is still there
    clock.now += 120
    assert store.cleanup() == 1  # the idle class is gone, the touched one stays
    assert store.counts(keys.code, "q_three") == [0, 1, 0]
    with pytest.raises(cs.ClassNotFound):
        store.state(idle.code)
    clock.now += cs.TTL_S + 1
    with pytest.raises(cs.ClassNotFound, match="expired"):
        store.state(keys.code)
    assert _stored_rows(store) == 0


def test_answers_are_rate_limited_per_session(store):
    code = store.create_class().code
    for i in range(cs.ANSWER_BURST):
        store.answer(code, STUDENTS[0], "q_four", i % 4)
    with pytest.raises(cs.RateLimited, match="too many answers"):
        store.answer(code, STUDENTS[0], "q_four", 0)
    store.answer(code, STUDENTS[1], "q_four", 0)  # another session is not held back
    store.clock.now += cs.ANSWER_REFILL_S
    store.answer(code, STUDENTS[0], "q_four", 0)
    assert store.counts(code, "q_four") == [2, 0, 0, 0]


def test_a_process_runs_a_capped_number_of_classes(store):
    classes = [store.create_class() for _ in range(cs.MAX_CLASSES_PER_PROCESS)]
    with pytest.raises(cs.TooManyClasses, match="already runs"):
        store.create_class()
    store.end(classes[0].code, classes[0].teacher_token)
    store.create_class()  # an ended class frees its place


def test_two_stores_on_one_database_see_each_other(store):
    """Two replicas: each opens its own store on the same file or server."""
    location = store.path.parent if isinstance(store, cs.SQLiteStore) else store.r.connection_pool.connection_kwargs
    other = (cs.open_store(location, QUESTIONS, store.clock) if isinstance(store, cs.SQLiteStore)
             else cs.open_store(f"redis://127.0.0.1:{location['port']}/0", QUESTIONS, store.clock))
    keys = store.create_class()
    other.answer(keys.code, STUDENTS[0], "q_three", 2)
    other.reveal(keys.code, keys.teacher_token, "q_three")
    assert store.counts(keys.code, "q_three") == [0, 0, 1]
    assert store.state(keys.code).revealed == {"q_three"}


def test_sqlite_answers_from_several_processes_at_once_are_all_counted(tmp_path):
    store = cs.open_store(tmp_path, QUESTIONS)
    code = store.create_class().code
    script = ("import sys; from app.classroom.store import open_store\n"
              "s = open_store(sys.argv[1], {'q_four': 4})\n"
              "for i in range(15): s.answer(sys.argv[2], f'{sys.argv[3]}-{i:04d}', 'q_four', i % 4)\n")
    procs = [subprocess.Popen([sys.executable, "-c", script, str(tmp_path), code, f"proc{p}"], cwd=REPO)
             for p in range(4)]
    assert [p.wait(timeout=60) for p in procs] == [0] * 4
    assert store.counts(code, "q_four") == [16, 16, 16, 12]  # 4 processes × choices 0,1,2,3,0,1,…(15 each)
    assert store.state(code).members == 60


def test_an_unusable_sqlite_directory_is_unavailable_and_recovers(tmp_path):
    blocker = tmp_path / "store"
    blocker.write_text("a file where the directory should be")
    with pytest.raises(cs.StoreUnavailable, match="cannot be opened"):
        cs.open_store(blocker, QUESTIONS)
    blocker.unlink()
    store = cs.open_store(blocker, QUESTIONS)
    assert store.state(store.create_class().code).members == 0


def test_redis_stopped_in_the_middle_of_a_class(tmp_path):
    """The fault test: calls raise StoreUnavailable while Redis is down and work again once it is back."""
    server = RedisServer(tmp_path, persist=True)
    server.start()
    try:
        store = cs.open_store(server.url, QUESTIONS)
        keys = store.create_class()
        store.answer(keys.code, STUDENTS[0], "q_three", 1)
        server.stop()
        for call in (lambda: store.answer(keys.code, STUDENTS[1], "q_three", 2), lambda: store.state(keys.code),
                     lambda: store.reveal(keys.code, keys.teacher_token, "q_three"), store.create_class):
            with pytest.raises(cs.StoreUnavailable, match="unreachable"):
                call()
        server.start()
        store.answer(keys.code, STUDENTS[1], "q_three", 2)
        store.reveal(keys.code, keys.teacher_token, "q_three")
        assert store.counts(keys.code, "q_three") == [0, 1, 1]
        assert store.state(keys.code).revealed == {"q_three"}
    finally:
        server.stop()
