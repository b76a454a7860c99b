"""Start the app's servers for tests: one Streamlit process, or `app.serve` (replicas + HAProxy).

Only ever on 127.0.0.1, on free ports; each server is stopped by its own process at the end.
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "tests" / "artifacts"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def free_port_run(n: int) -> int:
    """The first of ``n`` consecutive free loopback ports."""
    for _ in range(50):
        first = free_port()
        if first + n < 65535 and all(_is_free(first + i) for i in range(1, n)):
            return first
    raise RuntimeError(f"no {n} consecutive free ports")


def _is_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
            return resp.read() == b"ok"
    except OSError:
        return False


@contextlib.contextmanager
def running(cmd: Sequence[str], url: str, log_name: str, timeout_s: float = 90,
            ready_line: str = "") -> Iterator[subprocess.Popen]:
    """Run ``cmd`` from the repository until ``url`` answers its health check (and, if given, its
    output shows ``ready_line``); stop it afterwards."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with open(ARTIFACTS / log_name, "wb") as log:
        proc = subprocess.Popen(list(cmd), cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + timeout_s
            while not healthy(url) or ready_line not in (ARTIFACTS / log_name).read_text(errors="replace"):
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"{cmd[2:4]} did not start; see {ARTIFACTS / log_name}")
                time.sleep(0.3)
            yield proc
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@contextlib.contextmanager
def streamlit_app(log_name: str = "streamlit-server.log", *options: str,
                  script: str = "app/main.py") -> Iterator[tuple[str, subprocess.Popen]]:
    """``streamlit run <script>`` on a free port with the project's config (.streamlit/config.toml)
    and any further ``--section.option value`` pairs."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    cmd = [sys.executable, "-m", "streamlit", "run", script, "--server.address", "127.0.0.1",
           "--server.port", str(port), "--browser.gatherUsageStats", "false", *options]
    with running(cmd, url, log_name) as proc:
        yield url, proc
