"""`python3 -m app.serve` cleans up after itself: its children die with it, a busy port is
refused, a crash loop backs off and gives up, and its temporary folder is gone when it stops; with
``--tls-cert/--tls-key`` HAProxy serves HTTPS and the stickiness cookie is ``Secure; SameSite=Lax``.

Each test runs app.serve with ``TMPDIR`` set to its own ``tmp_path``, so the ``convscope-serve-*``
folder it makes (and leaves, or not) is visible to the test. The children are found from /proc (Linux,
like ``PR_SET_PDEATHSIG``). Waits are bounded loops; nothing asserts a time.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import serve
from tests.servers import ARTIFACTS, REPO, free_port_run

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="children are found from /proc")


def _children(pid: int) -> list[int]:
    """The live processes whose parent is ``pid``."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            state, ppid = stat.read_text().rsplit(")", 1)[1].split()[:2]
            if int(ppid) == pid and state != "Z":
                found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie is dead
    except (OSError, IndexError):
        return False


def _wait_for(condition, timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {timeout_s:.0f} s")
        time.sleep(0.2)


@pytest.fixture
def tmp_path() -> Iterator[Path]:
    """A short TMPDIR for app.serve: HAProxy's stats socket path in it must stay under 98 characters
    (pytest's own ``tmp_path`` carries the test's long name)."""
    folder = Path(tempfile.mkdtemp(prefix="cs-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _workdirs(tmp: Path) -> list[Path]:
    return sorted(tmp.glob(serve.WORKDIR_PREFIX + "*"))


@contextlib.contextmanager
def _serve(tmp: Path, log_name: str, *extra: str, replicas: int = 1) -> Iterator[tuple[subprocess.Popen, int, Path]]:
    """app.serve on free loopback ports, its temporary folder under ``tmp``; killed (with anything it
    left) at the end whatever the test did."""
    port = free_port_run(replicas + 1)
    cmd = [sys.executable, "-m", "app.serve", "--replicas", str(replicas), "--port", str(port),
           "--address", "127.0.0.1", "--first-replica-port", str(port + 1), *extra]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = ARTIFACTS / log_name
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=out, stderr=subprocess.STDOUT, env=dict(os.environ, TMPDIR=str(tmp)))
    try:
        yield proc, port, log
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        # only if a test failed: never leave a server running (an orphan's parent is no longer app.serve)
        marks = [str(tmp)] + [f"--server.port\0{port + 1 + i}\0" for i in range(replicas)]
        for pid in _processes_mentioning(marks):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def _processes_mentioning(marks: list[str]) -> list[int]:
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        with contextlib.suppress(OSError):
            text = cmdline.read_bytes().decode(errors="replace")
            if any(mark in text for mark in marks):
                found.append(int(cmdline.parent.name))
    return found


def _ready(proc: subprocess.Popen, log: Path) -> bool:
    if proc.poll() is not None:
        raise AssertionError(f"app.serve exited ({proc.returncode}): {log.read_text(errors='replace')}")
    return "ConvScope: http" in log.read_text(errors="replace")


def test_no_child_survives_kill_9_and_a_later_start_removes_the_left_folder(tmp_path):
    with _serve(tmp_path, "serve-kill9.log") as (proc, port, log):
        _wait_for(lambda: _ready(proc, log), 180, "app.serve ready")
        children = _children(proc.pid)
        assert len(children) == 2  # one replica and HAProxy
        proc.kill()  # SIGKILL: app.serve runs no cleanup code at all
        proc.wait()
        _wait_for(lambda: not any(_alive(pid) for pid in children), 30, "the children die with their parent")
        left = _workdirs(tmp_path)
        assert len(left) == 1 and (left[0] / "serve.pid").read_text() == str(proc.pid)
    with socket.socket() as busy:  # the next start (here refused at once) removes the dead run's folder
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        out = subprocess.run([sys.executable, "-m", "app.serve", "--port", str(busy.getsockname()[1]),
                              "--address", "127.0.0.1"], cwd=REPO, capture_output=True, text=True, timeout=60,
                             env=dict(os.environ, TMPDIR=str(tmp_path)))
    assert out.returncode == 2 and _workdirs(tmp_path) == []


@pytest.mark.parametrize("which", ["front", "replica"])
def test_a_busy_port_is_refused_at_the_start(which, tmp_path):
    port = free_port_run(3)
    with socket.socket() as busy:  # a plain listener: no SO_REUSEPORT sharing with it
        busy.bind(("127.0.0.1", port if which == "front" else port + 2))
        busy.listen()
        out = subprocess.run([sys.executable, "-m", "app.serve", "--replicas", "2", "--port", str(port),
                              "--address", "127.0.0.1", "--first-replica-port", str(port + 1)],
                             cwd=REPO, capture_output=True, text=True, timeout=60,
                             env=dict(os.environ, TMPDIR=str(tmp_path)))
    assert out.returncode == 2
    what = f"--port {port}" if which == "front" else f"replica port {port + 2}"
    assert out.stderr.splitlines() == [f"error: {what} is already in use on 127.0.0.1 (another server?)"]
    assert _workdirs(tmp_path) == []


def _balancer(cfg: Path, port: int, *, share: bool) -> subprocess.Popen:
    """HAProxy on ``port`` with app.serve's configuration; ``share`` drops ``noreuseport`` (as the
    configuration of earlier versions had it)."""
    text = serve.haproxy_config(port, [f"127.0.0.1:{port + 2}"], address="127.0.0.1")
    cfg.write_text(text.replace("    noreuseport\n", "") if share else text)
    return subprocess.Popen([serve.find_haproxy(), "-db", "-f", str(cfg)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


@contextlib.contextmanager
def _stopped_at_the_end(procs: list[subprocess.Popen]) -> Iterator[list[subprocess.Popen]]:
    try:
        yield procs
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.terminate()
                proc.wait(timeout=10)


def test_a_port_held_by_an_orphaned_balancer_is_refused(tmp_path):
    """The issue's case: an HAProxy left by an earlier run still listens (with SO_REUSEPORT); a new
    app.serve must not share the port with it."""
    port = free_port_run(3)
    with _stopped_at_the_end([_balancer(tmp_path / "old.cfg", port, share=True)]):
        _wait_for(lambda: _listening(port), 30, "the old balancer listens")
        out = subprocess.run([sys.executable, "-m", "app.serve", "--replicas", "1", "--port", str(port),
                              "--address", "127.0.0.1", "--first-replica-port", str(port + 1)],
                             cwd=REPO, capture_output=True, text=True, timeout=60,
                             env=dict(os.environ, TMPDIR=str(tmp_path)))
    assert out.returncode == 2 and "is already in use" in out.stderr and _workdirs(tmp_path) == []


def test_haproxy_with_noreuseport_cannot_share_a_port(tmp_path):
    """Past the start's check too: app.serve's HAProxy exits instead of sharing the port, where the
    configuration without ``noreuseport`` starts a second balancer on it."""
    port = free_port_run(3)
    with _stopped_at_the_end([_balancer(tmp_path / "old.cfg", port, share=True)]) as procs:
        _wait_for(lambda: _listening(port), 30, "the old balancer listens")
        ours = _balancer(tmp_path / "new.cfg", port, share=False)
        procs.append(ours)
        assert ours.wait(timeout=30) != 0
        sharing = _balancer(tmp_path / "shared.cfg", port, share=True)
        procs.append(sharing)
        with pytest.raises(subprocess.TimeoutExpired):  # the old configuration binds and keeps running
            sharing.wait(timeout=3)


def test_a_replica_that_always_crashes_backs_off_then_gives_up_loudly(tmp_path):
    missing = tmp_path / "no_such_app.py"  # streamlit exits at once: a replica that can never start
    with _serve(tmp_path, "serve-crashloop.log", "--replica-script", str(missing)) as (proc, _, log):
        assert proc.wait(timeout=300) == 1
        text = log.read_text(errors="replace")
    delays = [line.rsplit(" in ", 1)[1] for line in text.splitlines() if "starting it again in" in line]
    assert delays == ["1 s", "2 s", "4 s", "8 s"]  # doubling, then no fifth restart
    assert "error: the replica on port" in text and f"crashed {serve.CRASHES_BEFORE_GIVING_UP} times in a row" in text
    assert "giving up" in text and "File does not exist" in text  # the replica's own words, from its log
    assert "ConvScope: http" not in text
    assert _workdirs(tmp_path) == []


def test_sigterm_during_start_up_leaves_no_process_and_no_folder(tmp_path):
    with _serve(tmp_path, "serve-early-sigterm.log", replicas=2) as (proc, _, log):
        _wait_for(lambda: len(_children(proc.pid)) >= 1, 60, "a first child started")
        children = set(_children(proc.pid))
        proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline:  # a child started meanwhile is counted
            children.update(_children(proc.pid))
            time.sleep(0.05)
        assert proc.wait(timeout=5) == 0
        assert "ConvScope: http" not in log.read_text(errors="replace")  # it was still starting
    assert children and not any(_alive(pid) for pid in children)
    assert _workdirs(tmp_path) == []


# --------------------------------------------------------------------------- TLS
def _self_signed(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True, timeout=60)
    return cert, key


def _https_get(port: int, path: str, cafile: Path) -> http.client.HTTPResponse:
    context = ssl.create_default_context(cafile=str(cafile))  # verified against the test's own certificate
    conn = http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=5)
    conn.request("GET", path)
    return conn.getresponse()


@pytest.mark.skipif(shutil.which("openssl") is None and not os.environ.get("CI"), reason="no openssl CLI")
def test_tls_front_serves_https_with_a_secure_lax_cookie_and_cleans_up(tmp_path):
    certs = tmp_path / "certs"
    certs.mkdir()
    cert, key = _self_signed(certs)
    with _serve(tmp_path, "serve-tls.log", "--tls-cert", str(cert), "--tls-key", str(key)) as (proc, port, log):
        _wait_for(lambda: _ready(proc, log), 180, "app.serve ready")
        assert f"ConvScope: https://127.0.0.1:{port}" in log.read_text()
        health = _https_get(port, "/_stcore/health", cert)
        assert health.status == 200 and health.read() == b"ok"
        cookie = next(v for k, v in _https_get(port, "/", cert).getheaders()
                      if k.lower() == "set-cookie" and v.startswith(serve.COOKIE + "="))
        attributes = {a.strip().lower() for a in cookie.split(";")[1:]}
        assert {"secure", "httponly", "samesite=lax"} <= attributes
        (workdir,) = _workdirs(tmp_path)
        pem = workdir / "tls.pem"
        assert pem.stat().st_mode & 0o777 == 0o600
        assert pem.read_bytes() == cert.read_bytes().strip() + b"\n" + key.read_bytes().strip() + b"\n"
        with pytest.raises((http.client.HTTPException, OSError)):  # no plain HTTP on that port
            plain = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            plain.request("GET", "/_stcore/health")
            plain.getresponse()
        children = _children(proc.pid)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
    assert not any(_alive(pid) for pid in children) and _workdirs(tmp_path) == []


def test_tls_needs_both_files(tmp_path):
    out = subprocess.run([sys.executable, "-m", "app.serve", "--port", str(free_port_run(3)), "--address", "127.0.0.1",
                          "--tls-cert", str(tmp_path / "c.pem")], cwd=REPO, capture_output=True, text=True, timeout=60,
                         env=dict(os.environ, TMPDIR=str(tmp_path)))
    assert out.returncode == 2 and out.stderr.splitlines() == ["error: --tls-cert and --tls-key go together"]
    assert _workdirs(tmp_path) == []


def test_a_temporary_folder_too_deep_for_haproxys_socket_is_a_clear_error(tmp_path):
    deep = tmp_path / ("d" * 80)  # pytest-style long paths: the socket path would pass HAProxy's limit
    deep.mkdir()
    out = subprocess.run([sys.executable, "-m", "app.serve", "--port", str(free_port_run(3)), "--address", "127.0.0.1"],
                         cwd=REPO, capture_output=True, text=True, timeout=60, env=dict(os.environ, TMPDIR=str(deep)))
    assert out.returncode == 2 and out.stderr.startswith("error: the temporary folder's path is too long")
    assert "set TMPDIR to a shorter folder" in out.stderr and _workdirs(deep) == []
