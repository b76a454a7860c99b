"""A class poll through real servers: `app.loadtest --poll` against `app.serve --replicas 2` (one SQLite store
shared by both replicas) and against a Streamlit server on a Redis store. No time is asserted here: the
timings go in the closing notes."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest
import yaml

from app import loadtest, loadtest_poll
from app.classroom import store as cs
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
