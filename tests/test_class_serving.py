"""A class poll through real servers: `app.loadtest --poll` against `app.serve --replicas 2` (one SQLite store
shared by both replicas) and against a Streamlit server on a Redis store. No time is asserted here: the
timings go in the closing notes."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Iterator

import aiohttp
import pytest
import yaml
from streamlit.proto.WidgetStates_pb2 import WidgetState

from app import loadtest, loadtest_poll
from app.classroom import store as cs
from app.ui import classroom
from tests.redis_server import RedisServer
from tests.servers import free_port_run, running, streamlit_app
from tests.test_serving import DEPLOY, _lint, _run_async

STUDENTS = 4


def _poll_args(url: str, server_pid: list[int] | None = None) -> object:
    return loadtest.parse_args([url, "--poll", "--sessions", str(STUDENTS), "--think", "0.05", "0.2", "--ramp", "0.5",
                                *[f"--server-pid={p}" for p in server_pid or []]])


def _assert_complete(report: dict) -> None:
    assert report["errors"] == [] and report["exceptions"] == []
    assert report["answers"] == STUDENTS  # the CNN Lab asks one question
    assert report["answer_to_teacher_ms"]["n"] == STUDENTS  # every answer showed in the teacher's count
    assert report["reveal_to_students_ms"]["n"] == STUDENTS and report["push_to_students_ms"]["n"] == STUDENTS


@pytest.fixture(scope="module")
def poll_cluster(tmp_path_factory) -> Iterator[str]:
    first = free_port_run(3)
    store = tmp_path_factory.mktemp("class-store")
    cmd = [sys.executable, "-m", "app.serve", "--replicas", "2", "--port", str(first), "--address", "127.0.0.1",
           "--first-replica-port", str(first + 1), "--store", str(store)]
    with running(cmd, f"http://127.0.0.1:{first}", "serve-poll.log", timeout_s=120, ready_line="ConvScope: http"):
        yield f"http://127.0.0.1:{first}"


def test_loadtest_poll_through_two_replicas_sharing_one_sqlite_store(poll_cluster):
    report = _run_async(loadtest_poll.run_poll(_poll_args(poll_cluster)))
    _assert_complete(report)
    assert report["replicas"] == ["r1", "r2"]  # teacher and students spread over both replicas, one class


def test_loadtest_poll_on_a_redis_store(tmp_path, monkeypatch):
    redis = RedisServer(tmp_path)
    redis.start()
    monkeypatch.setenv(cs.ENV, redis.url)  # the server started below inherits it
    try:
        with streamlit_app("poll-redis-server.log") as (url, proc):
            report = _run_async(loadtest_poll.run_poll(_poll_args(url, [proc.pid])))
    finally:
        redis.stop()
    _assert_complete(report)


def test_serve_refuses_a_store_that_is_a_file(tmp_path):
    file = tmp_path / "store"
    file.write_text("")
    out = subprocess.run([sys.executable, "-m", "app.serve", "--store", str(file)],
                         capture_output=True, text=True, timeout=60, check=False)
    assert out.returncode == 2 and out.stderr.startswith("error: --store") and "not a directory" in out.stderr


def test_kubernetes_pods_and_compose_replicas_share_one_redis_store():
    redis_manifest = DEPLOY / "k8s" / "redis.yaml"
    out = _lint("kubernetes-validate", "--strict", "-k", "1.30.0", str(redis_manifest))
    docs = list(yaml.safe_load_all(redis_manifest.read_text()))
    assert out.returncode == 0 and out.stdout.count("passed") == len(docs) == 3, out.stdout + out.stderr
    name = [d for d in docs if d["kind"] == "Service"][0]["metadata"]["name"]
    # only the ConvScope pods may reach the store, and they may reach it (their egress names it)
    policy = [d for d in docs if d["kind"] == "NetworkPolicy"][0]["spec"]
    assert policy["ingress"] == [{"from": [{"podSelector": {"matchLabels": {"app": "convscope"}}}], "ports": [{"port": 6379}]}]
    pods = yaml.safe_load_all((DEPLOY / "k8s" / "convscope.yaml").read_text())
    pods = list(pods)
    env = [d for d in pods if d["kind"] == "Deployment"][0]["spec"]["template"]["spec"]["containers"][0]["env"]
    egress = [d for d in pods if d["kind"] == "NetworkPolicy"][0]["spec"]["egress"]
    assert {"to": [{"podSelector": {"matchLabels": {"app": "convscope-redis"}}}], "ports": [{"port": 6379}]} in egress
    assert {"name": cs.ENV, "value": f"redis://{name}:6379/0"} in env
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())["services"]
    assert "redis" in compose and compose["convscope1"]["environment"][cs.ENV] == "redis://redis:6379/0"


class _Recorder(loadtest_poll.PollSession):
    """A poll session that keeps what each run sent: ``("run", fragment ids)`` when a run starts (none: the whole
    page), ``(fragment id, element type, text)`` for each element."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.log: list[tuple] = []

    def on_message(self, msg, kind: str) -> None:
        super().on_message(msg, kind)
        if kind == "new_session":
            self.log.append(("run", tuple(msg.metadata.run.fragment_ids)))
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            el = msg.delta.new_element
            what = el.WhichOneof("type")
            text = getattr(getattr(el, what), "body", "") if what in ("markdown", "alert") else ""
            self.log.append((msg.delta.fragment_id, what, text))


async def _reveal_scenario(url: str) -> dict:
    """A teacher and one student on the CNN Lab: the student answers, the teacher reveals; what the student's
    page was sent, and when."""
    async def wait(predicate, what: str) -> None:
        if not await loadtest_poll._wait(predicate):
            raise AssertionError(f"never: {what}")

    stats, out = loadtest.Stats(), {}
    https = [aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) for _ in range(2)]
    teacher = _Recorder(https[0], url, loadtest.PAGES["cnn_lab"], stats, None)
    student = _Recorder(https[1], url, loadtest.PAGES["cnn_lab"], stats, None)
    try:
        teacher.query_string = "projector=1"
        await teacher.open()
        await teacher.press("class_start")
        await wait(lambda: bool(teacher.code), "a class code on the teacher's page")
        teacher.start_polling()
        student.query_string = f"class={teacher.code}"
        await student.open()
        student.start_polling()
        radio = student.widgets["q_cnn_vector_pick"]
        out["question_fragment"] = question = student.fragments["q_cnn_vector_pick"]
        out["polls_while_waiting"] = sorted(student.auto)
        await student.send(WidgetState(id=radio.id, string_value=radio.options[0]), fragment_id=question)
        await wait(lambda: any(n >= 1 for _, n in teacher.counts), "the answer in the teacher's count")
        start = len(student.log)
        await teacher.press("q_cnn_vector_class_reveal")
        await wait(lambda: student.verdict_at is not None, "the verdict on the student's page")
        await wait(lambda: ("run", ()) in student.log[start:], "the student's page running again by itself")
        await wait(lambda: set(student.auto) - {question}, "the sidebar's poll")
        out["after_reveal"] = student.log[start:]
        out["polls_after_reveal"] = sorted(student.auto)
        await asyncio.sleep(2 * classroom.STUDENT_POLL_S + 0.5)  # a page rerun's own run settles, then idle polls
        idle_from = len(student.log)
        await asyncio.sleep(3 * classroom.STUDENT_POLL_S)
        out["idle"] = student.log[idle_from:]
    finally:
        for s, http in ((teacher, https[0]), (student, https[1])):
            await s.close()
            await http.close()
    out["errors"], out["exceptions"] = stats.errors, stats.exceptions
    return out


def test_a_reveal_redraws_the_question_first_and_idle_polls_draw_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv(cs.ENV, str(tmp_path))  # the server inherits a fresh SQLite store
    with streamlit_app("poll-reveal-server.log") as (url, _proc):
        out = _run_async(_reveal_scenario(url))
    assert out["errors"] == [] and out["exceptions"] == []
    question = out["question_fragment"]
    assert question and out["polls_while_waiting"] == [question]  # the waiting question is the student's one poll
    after = out["after_reveal"]
    verdict = next(i for i, e in enumerate(after) if e[1] == "alert" and e[2].startswith(loadtest_poll.VERDICT))
    assert after[verdict][0] == question  # drawn by the question's fragment...
    assert ("run", ()) not in after[:verdict]  # ...before the page ran again
    assert ("run", ()) in after[verdict:]  # the page follows by itself (the numbers the question held back)
    sidebar_poll = [f for f in out["polls_after_reveal"] if f != question]
    assert len(sidebar_poll) == 1  # nothing waits for a reveal: the sidebar polls
    runs = [e for e in out["idle"] if e[0] == "run"]
    assert runs and all(e == ("run", tuple(sidebar_poll)) for e in runs)  # idle: only the poll ran...
    assert [e for e in out["idle"] if e[0] != "run"] == []  # ...and drew nothing
