"""Serving a class: the load tool against a real server, and replicas behind a real HAProxy.

These start real servers on loopback ports (Streamlit; `python3 -m app.serve` with Debian's
haproxy, which `.ci/run` installs) and speak Streamlit's own websocket protocol to them through
:mod:`app.loadtest`. Nothing here asserts a time: the timings go in the closing notes.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest
import yaml

from app import loadtest, serve
from tests.servers import free_port_run, healthy, running, streamlit_app


def _run_async(coro):
    """Run ``coro`` in a thread of its own: Playwright's sync API (browser tests in the same pytest
    run) keeps an event loop running in the main thread, where ``asyncio.run`` is refused."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, subprocess.Popen]]:
    with streamlit_app("loadtest-server.log") as started:
        yield started


def _args(url: str, **over) -> argparse.Namespace:
    argv = [url, "--sessions", "2", "--moves", "2", "--think", "0.05", "0.1", "--ramp", "0"]
    args = loadtest.parse_args(argv)
    for k, v in over.items():
        setattr(args, k, v)
    return args


@pytest.mark.parametrize("page", sorted(loadtest.PAGES))
def test_loadtest_completes_every_move_on_each_lab(server, page):
    url, proc = server
    report = _run_async(loadtest.run(_args(url, page=page, server_pid=[proc.pid])))
    assert report["errors"] == [] and report["exceptions"] == []
    assert report["moves_completed"] == report["moves_expected"] == 4
    assert report["sessions_completed"] == 2
    probe = report["server"]  # read from /proc for the server's pid: CPU used and memory, all positive
    assert all(v > 0 for v in probe.values()) and probe["rss_peak_mb"] >= probe["rss_start_mb"]
    if page == "image_lab":  # a move re-draws the output and its spectra: new images are fetched
        assert report["media_kb_per_move"] > 0


async def _student_with_upload(url: str, index: int, moves: int, side: int) -> dict:
    """One student who uploads a photo and moves the slider; what the page said after each run."""
    stats = loadtest.Stats()
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
        s = loadtest.Session(http, url, loadtest.PAGES["image_lab"], stats, random.Random(index))
        await s.open()
        await s.upload(loadtest.photo_bytes(index, side), f"student{index}.jpg")
        texts = [list(s.run_texts)]
        for _ in range(moves):
            await s.move()
            texts.append(list(s.run_texts))
        replica = next((c.value for c in http.cookie_jar if c.key == serve.COOKIE), None)
        await s.close()
    return {"texts": texts, "stats": stats, "replica": replica, "media": len(s.media_seen),
            "last_media": sorted(set(s.run_media))}


async def _class_with_uploads(url: str, students: int, moves: int, side: int) -> list[dict]:
    return await asyncio.gather(*(_student_with_upload(url, i, moves, side) for i in range(students)))


def _shows_upload(texts: list[str], side: int) -> bool:
    return any(f"{side}×{side}" in t for t in texts)


def test_each_session_keeps_its_own_upload_across_reruns(server):
    url, _ = server
    side = 200  # not a sample's size: the caption proves the page works on the upload
    results = _run_async(_class_with_uploads(url, 3, 3, side))
    for r in results:
        assert r["stats"].errors == [] and r["stats"].exceptions == []
        assert all(_shows_upload(texts, side) for texts in r["texts"]), r["texts"]


def test_a_closed_tab_is_freed_after_the_session_ttl():
    """Streamlit's store only drops an expired session; the app's reaper shuts it down, which frees
    its upload and its /media images (observable from outside: the images are gone)."""
    with streamlit_app("reaper-server.log", "--server.disconnectedSessionTTL", "2") as (url, _):
        result = _run_async(_class_with_uploads(url, 1, 1, 120))[0]
        assert result["stats"].errors == []
        own = result["last_media"]  # the images the tab shows when it is closed
        assert own and all(_status(url + u) == 200 for u in own)  # kept for a reconnect meanwhile
        deadline = time.monotonic() + 30
        while any(_status(url + u) == 200 for u in own) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert all(_status(url + u) == 404 for u in own)


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_parse_args_refuses_impossible_runs():
    with pytest.raises(SystemExit, match=r"^2$"):
        loadtest.parse_args(["http://127.0.0.1:1", "--sessions", "0"])
    with pytest.raises(SystemExit, match=r"^2$"):
        loadtest.parse_args(["http://127.0.0.1:1", "--think", "2", "1"])
    with pytest.raises(SystemExit, match=r"^2$"):
        loadtest.parse_args(["http://127.0.0.1:1", "--page", "signal_lab", "--upload"])


def test_widget_key_reads_the_user_key_from_an_id():
    assert loadtest.widget_key("$$ID-0a1b2c-il_gaussian_sigma") == "il_gaussian_sigma"
    assert loadtest.widget_key("$$ID-0a1b2c-None") == "None"
    assert loadtest.widget_key("$$ID-0a1b2c") == ""


def test_photos_differ_per_session():
    a, b = loadtest.photo_bytes(0, 64), loadtest.photo_bytes(1, 64)
    assert a[:3] == b"\xff\xd8\xff" and a != b


# --------------------------------------------------------------------------- #
# replicas behind HAProxy
# --------------------------------------------------------------------------- #
def _serve_cmd(replicas: int, first: int) -> list[str]:
    return [sys.executable, "-m", "app.serve", "--replicas", str(replicas), "--port", str(first),
            "--address", "127.0.0.1", "--first-replica-port", str(first + 1)]


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    first = free_port_run(3)
    url = f"http://127.0.0.1:{first}"
    # ready when app.serve says so: HAProxy answers as soon as the first replica is up
    with running(_serve_cmd(2, first), url, "serve-cluster.log", timeout_s=120, ready_line="ConvScope: http"):
        yield url


def test_sessions_through_haproxy_stick_to_their_replica(cluster):
    side = 200
    results = _run_async(_class_with_uploads(cluster, 6, 3, side))
    for r in results:
        # a media or upload request routed to the other replica would fail (404 / invalid session)
        assert r["stats"].errors == [] and r["stats"].exceptions == []
        assert r["media"] > 0
        assert all(_shows_upload(texts, side) for texts in r["texts"]), r["texts"]
    # new students are dealt to both replicas in turn; the cookie keeps each on one
    assert {r["replica"] for r in results} == {"r1", "r2"}


def test_loadtest_through_haproxy_without_errors(cluster):
    report = _run_async(loadtest.run(_args(cluster, sessions=4, moves=3)))
    assert report["errors"] == [] and report["exceptions"] == []
    assert report["moves_completed"] == 12


def test_serve_stops_everything_on_sigterm():
    first = free_port_run(2)
    url = f"http://127.0.0.1:{first}"
    with running(_serve_cmd(1, first), url, "serve-sigterm.log", timeout_s=120, ready_line="ConvScope: http") as proc:
        assert healthy(f"http://127.0.0.1:{first + 1}")  # the replica itself
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
    assert not healthy(url) and not healthy(f"http://127.0.0.1:{first + 1}")


def test_serve_without_haproxy_is_a_clear_error(tmp_path):
    out = subprocess.run([sys.executable, "-m", "app.serve", "--haproxy", str(tmp_path / "haproxy")],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == ["error: HAProxy is not installed (Debian: apt-get install haproxy)"]


@pytest.mark.parametrize("argv, message", [
    (["--replicas", "0"], "--replicas must be within 1..16"),
    (["--port", "8600", "--first-replica-port", "8599", "--replicas", "2"], "collides"),
])
def test_serve_refuses_bad_arguments(argv, message):
    out = subprocess.run([sys.executable, "-m", "app.serve", *argv], capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and out.stderr.startswith("error:") and message in out.stderr


def test_haproxy_accepts_the_generated_configuration(tmp_path):
    cfg = tmp_path / "haproxy.cfg"
    cfg.write_text(serve.haproxy_config(8501, ["127.0.0.1:8511", "127.0.0.1:8512", "127.0.0.1:8513"]))
    out = subprocess.run([serve.find_haproxy(), "-c", "-f", str(cfg)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


# --------------------------------------------------------------------------- #
# beyond one machine: files that cannot run here (no container engine, no cluster) are linted
# --------------------------------------------------------------------------- #
DEPLOY = Path(__file__).resolve().parents[1] / "deploy"


def _lint(*cmd: str) -> subprocess.CompletedProcess:
    return subprocess.run(list(cmd), capture_output=True, text=True, timeout=120)


def test_dockerfile_passes_hadolint_and_runs_as_non_root():
    out = _lint("hadolint", str(DEPLOY / "Dockerfile"))
    assert out.returncode == 0, out.stdout + out.stderr
    text = (DEPLOY / "Dockerfile").read_text()
    assert "\nUSER 10001" in text and "\nHEALTHCHECK " in text and "/_stcore/health" in text


def test_compose_file_follows_the_compose_spec():
    out = _lint("check-jsonschema", "--builtin-schema", "vendor.compose-spec", str(DEPLOY / "compose.yaml"))
    assert out.returncode == 0, out.stdout + out.stderr


def test_compose_balancer_config_is_the_one_app_serve_makes_and_haproxy_accepts_it():
    assert (DEPLOY / "haproxy.cfg").read_text() == serve.compose_haproxy_config()
    out = _lint(serve.find_haproxy(), "-c", "-f", str(DEPLOY / "haproxy.cfg"))
    assert out.returncode == 0, out.stderr


def test_kubernetes_manifests_validate_with_probes_and_cookie_affinity():
    manifest = DEPLOY / "k8s" / "convscope.yaml"
    out = _lint("kubernetes-validate", "--strict", "-k", "1.30.0", str(manifest))
    assert out.returncode == 0 and out.stdout.count("passed") == 5, out.stdout + out.stderr
    text = manifest.read_text()
    assert "readinessProbe:" in text and "path: /_stcore/health" in text
    assert 'nginx.ingress.kubernetes.io/affinity: "cookie"' in text


def test_loadtest_drag_draws_every_release_value_with_no_errors(server):
    """A few students drag the Image Lab's live σ slider at once (``app.loadtest --drag``)."""
    url, proc = server
    report = _run_async(loadtest.run(_args(url, sessions=3, moves=2, drag=True, drag_s=1.0, server_pid=[proc.pid])))
    assert report["errors"] == [] and report["exceptions"] == []
    drag = report["drag"]
    assert drag["drags"] == 6 and drag["releases_drawn"] == 6  # every release value drawn, exactly
    pictures = drag["gap_ms"]["n"]  # how many gaps were measured: a count of pictures, not a time
    assert pictures >= 6  # at least one picture during each drag
    assert report["server"]["cpu_ms_per_picture"] > 0
    argv = [url, "--drag", "--sessions", "1", "--moves", "1", "--drag-s", "0.5", "--ramp", "0", "--think", "0", "0"]
    with concurrent.futures.ThreadPoolExecutor(1) as pool:  # main() runs its own event loop (see _run_async)
        assert pool.submit(loadtest.main, argv).result() == 0  # the command line: exit 0 when all was drawn


@pytest.mark.parametrize("page", sorted(loadtest.PAGES))
def test_loadtest_drag_moves_every_labs_main_live_slider(server, page):
    """One student drags each lab's main slider (a live slider on every lab): the release is drawn."""
    url, proc = server
    report = _run_async(loadtest.run(_args(url, page=page, sessions=1, moves=1, drag=True, drag_s=1.0,
                                           server_pid=[proc.pid])))
    assert report["errors"] == [] and report["exceptions"] == []
    assert report["drag"]["drags"] == report["drag"]["releases_drawn"] == 1
    pictures = report["drag"]["gap_ms"]["n"]  # a count of pictures, not a time
    assert pictures >= 1  # at least one picture during the drag


def _k8s() -> dict[str, dict]:
    return {doc["kind"]: doc for doc in yaml.safe_load_all((DEPLOY / "k8s" / "convscope.yaml").read_text())}


def test_kubernetes_pods_are_locked_down_and_pinned():
    docs = _k8s()
    pod = docs["Deployment"]["spec"]["template"]["spec"]
    assert pod["automountServiceAccountToken"] is False
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["seccompProfile"] == {"type": "RuntimeDefault"}
    (container,) = pod["containers"]
    sc = container["securityContext"]
    assert sc["readOnlyRootFilesystem"] is True and sc["allowPrivilegeEscalation"] is False
    assert sc["capabilities"]["drop"] == ["ALL"] and "add" not in sc["capabilities"]
    assert {"cpu", "memory"} <= set(container["resources"]["limits"])
    name, _, tag = container["image"].rpartition(":")
    assert name and tag and tag != "latest" and tag[0].isdigit()  # an exact version
    assert docs["PodDisruptionBudget"]["spec"]["selector"] == docs["Deployment"]["spec"]["selector"]
    ingress = docs["Ingress"]
    hosts = {rule["host"] for rule in ingress["spec"]["rules"]}
    assert ingress["spec"]["tls"][0]["hosts"] == sorted(hosts) and ingress["spec"]["tls"][0]["secretName"]
    assert ingress["metadata"]["annotations"]["nginx.ingress.kubernetes.io/session-cookie-secure"] == "true"


def test_compose_containers_are_locked_down_and_pinned():
    services = yaml.safe_load((DEPLOY / "compose.yaml").read_text())["services"]
    assert set(services) == {"convscope1", "convscope2", "haproxy", "redis"}
    for name, service in services.items():
        assert service["read_only"] is True, name
        assert service["cap_drop"] == ["ALL"] and "cap_add" not in service, name
        assert "no-new-privileges:true" in service["security_opt"], name
        assert service["mem_limit"] and service["cpus"] > 0 and service["pids_limit"] > 0, name
        tag = service["image"].rpartition(":")[2]
        assert tag != "latest" and tag[0].isdigit(), name


def _checkov() -> str | None:
    """checkov from the linters' own virtualenv (.ci/run makes it: its pins clash with the test
    environment's), else from PATH."""
    local = DEPLOY.parent / ".venv-lint" / "bin" / "checkov"
    return str(local) if local.is_file() else shutil.which("checkov")


def test_deploy_files_pass_checkovs_security_rules():
    checkov = _checkov()
    if checkov is None and not os.environ.get("CI"):
        pytest.skip("checkov not installed: python3 -m venv .venv-lint && .venv-lint/bin/pip install -r requirements-lint.txt")
    assert checkov is not None, "checkov is missing (.ci/run installs it into .venv-lint)"
    out = _lint(checkov, "--directory", str(DEPLOY), "--framework", "kubernetes", "dockerfile", "--compact",
                "--quiet", "--skip-download", "--output", "json")
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]
    reports = json.loads(out.stdout)
    reports = reports if isinstance(reports, list) else [reports]
    checked = {r["check_type"]: r["summary"] for r in reports}
    assert set(checked) == {"kubernetes", "dockerfile"}  # both files were read, not skipped
    assert all(s["passed"] > 0 and s["failed"] == 0 for s in checked.values()), checked
