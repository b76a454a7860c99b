"""Serve a class from one machine: N Streamlit replicas behind HAProxy, with sticky sessions.

Usage::

    python3 -m app.serve --replicas 2 --port 8501

Starts ``--replicas`` copies of ``streamlit run app/main.py`` on internal loopback ports and
HAProxy (Debian's ``haproxy`` package) in front of them on ``--port``. A session must always reach
the replica that holds its uploads and ``/media`` images, so HAProxy pins each browser to one
replica with a cookie (never by client address: a whole school often shares one public address).
New browsers are dealt to the replicas in turn; replicas are health-checked on
``/_stcore/health``; websockets pass through for a whole lesson. Every replica gets the same
``server.cookieSecret``. The command returns to the prompt only on Ctrl-C or SIGTERM, after
stopping HAProxy and every replica; a replica that dies is started again.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
COOKIE = "convscope_replica"
HEALTH_PATH = "/_stcore/health"
START_TIMEOUT_S = 90.0


class ServeError(RuntimeError):
    """A problem the user can fix (printed as one ``error:`` line, exit code 2)."""


def haproxy_config(port: int, servers: Sequence[str], *, address: str = "127.0.0.1",
                   stats_socket: str | None = None, dns: str | None = None) -> str:
    """HAProxy's configuration: cookie-sticky HTTP + websocket balancing over the replicas.

    ``servers`` are the replicas' ``host:port``; ``dns`` (e.g. Docker's ``127.0.0.11:53``) makes
    HAProxy resolve their names at run time, so it starts before they exist.

    Examples
    --------
    >>> cfg = haproxy_config(8501, ["127.0.0.1:8511", "127.0.0.1:8512"])
    >>> "cookie convscope_replica insert indirect nocache" in cfg and "server r2 127.0.0.1:8512" in cfg
    True
    """
    stats = f"\n    stats socket {stats_socket} mode 600 level user" if stats_socket else ""
    resolvers = f"\nresolvers dns\n    nameserver dns {dns}\n    hold valid 10s\n" if dns else ""
    runtime_dns = " resolvers dns init-addr last,libc,none" if dns else ""
    lines = "\n".join(
        f"    server r{i} {hostport} check inter 1s fall 3 rise 2 cookie r{i}{runtime_dns}"
        for i, hostport in enumerate(servers, start=1)
    )
    return f"""global
    maxconn 4096{stats}
{resolvers}
defaults
    mode http
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    # a websocket lives for the whole lesson
    timeout tunnel 4h
    timeout http-request 30s

frontend convscope
    bind {address}:{port}
    default_backend replicas

backend replicas
    # a new browser is assigned once, at its first request (before its websocket opens, so
    # connection counts say nothing yet): take turns
    balance roundrobin
    # uploads and /media images live in one replica's memory: pin each browser with a cookie
    cookie {COOKIE} insert indirect nocache httponly
    option httpchk GET {HEALTH_PATH}
    http-check expect string ok
{lines}
"""


def find_haproxy(explicit: str | None = None) -> str:
    """The haproxy executable, or a :class:`ServeError` saying how to install it."""
    found = explicit if explicit and Path(explicit).is_file() else None
    if explicit is None:
        found = shutil.which("haproxy", path=os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/sbin"]))
    if not found:
        raise ServeError("HAProxy is not installed (Debian: apt-get install haproxy)")
    return found


def replica_states(stats_socket: Path) -> dict[str, str]:
    """Each replica's state as HAProxy's health checks see it (``UP``, ``DOWN``, ...)."""
    import socket

    with socket.socket(socket.AF_UNIX) as sock:
        sock.settimeout(2)
        sock.connect(str(stats_socket))
        sock.sendall(b"show stat\n")
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    rows = [line.split(",") for line in data.decode().splitlines() if line and not line.startswith("#")]
    return {r[1]: r[17] for r in rows if len(r) > 17 and r[0] == "replicas" and r[1] not in ("BACKEND", "FRONTEND")}


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + HEALTH_PATH, timeout=2) as resp:
            return resp.read() == b"ok"
    except OSError:
        return False


class Cluster:
    """The replicas and HAProxy as child processes; :meth:`stop` ends them all."""

    def __init__(self, replicas: int, port: int, first_port: int, address: str, haproxy: str,
                 workdir: Path, store: str | None = None) -> None:
        self.port, self.address, self.haproxy, self.workdir = port, address, haproxy, workdir
        self.replica_ports = [first_port + i for i in range(replicas)]
        self.env = dict(os.environ)
        # one secret for all replicas (signed cookies); one BLAS thread per process (see app.ui.shell)
        self.env.setdefault("STREAMLIT_SERVER_COOKIE_SECRET", secrets.token_hex(32))
        self.env["OPENBLAS_NUM_THREADS"] = "1"
        if store:  # every replica's class poll uses the same store (app.classroom.store)
            self.env["CONVSCOPE_STORE"] = store
        self.replicas: list[subprocess.Popen] = []
        self.balancer: subprocess.Popen | None = None

    def _start_replica(self, port: int) -> subprocess.Popen:
        log = open(self.workdir / f"replica-{port}.log", "ab")
        return subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app/main.py", "--server.address", "127.0.0.1",
             "--server.port", str(port), "--server.headless", "true"],
            cwd=REPO, env=self.env, stdout=log, stderr=subprocess.STDOUT,
        )

    def start(self) -> None:
        self.replicas = [self._start_replica(p) for p in self.replica_ports]
        cfg = self.workdir / "haproxy.cfg"
        self.stats_socket = self.workdir / "haproxy.sock"
        cfg.write_text(haproxy_config(self.port, [f"127.0.0.1:{p}" for p in self.replica_ports], address=self.address,
                                      stats_socket=str(self.stats_socket)))
        check = subprocess.run([self.haproxy, "-c", "-q", "-f", str(cfg)], capture_output=True, text=True)
        if check.returncode != 0:
            raise ServeError(f"HAProxy refused its configuration: {check.stderr.strip() or check.stdout.strip()}")
        log = open(self.workdir / "haproxy.log", "ab")
        self.balancer = subprocess.Popen([self.haproxy, "-db", "-f", str(cfg)], stdout=log, stderr=subprocess.STDOUT)
        self._wait_until_up()

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        front = f"http://{self.address}:{self.port}"
        pending = set(self.replica_ports)
        while pending or not _healthy(front) or not self._all_up():
            pending = {p for p in pending if not _healthy(f"http://127.0.0.1:{p}")}
            dead = [p for p, r in zip(self.replica_ports, self.replicas) if r.poll() is not None]
            if dead:
                raise ServeError(f"replica on port {dead[0]} exited; see {self.workdir}/replica-{dead[0]}.log")
            if self.balancer is not None and self.balancer.poll() is not None:
                raise ServeError(f"HAProxy exited (port {self.port} in use?); see {self.workdir}/haproxy.log")
            if time.monotonic() > deadline:
                raise ServeError(f"not up after {START_TIMEOUT_S:.0f} s; logs in {self.workdir}")
            time.sleep(0.3)

    def _all_up(self) -> bool:
        """True once HAProxy's own health checks route to every replica (not only to the first)."""
        try:
            states = replica_states(self.stats_socket)
        except OSError:
            return False
        return len(states) == len(self.replica_ports) and all(v == "UP" for v in states.values())

    def keep_alive(self) -> None:
        """Start a replica again if it died (HAProxy routes around it meanwhile)."""
        if self.balancer is not None and self.balancer.poll() is not None:
            raise ServeError(f"HAProxy exited; see {self.workdir}/haproxy.log")
        for i, (port, proc) in enumerate(zip(self.replica_ports, self.replicas)):
            if proc.poll() is not None:
                print(f"replica on port {port} exited ({proc.returncode}); starting it again", flush=True)
                self.replicas[i] = self._start_replica(port)

    def stop(self) -> None:
        procs = [p for p in [self.balancer, *self.replicas] if p is not None]
        for p in procs:
            if p.poll() is None:
                p.terminate()
        for p in procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python3 -m app.serve", description=__doc__.split("\n\n")[0])
    p.add_argument("--replicas", type=int, default=2, help="Streamlit processes (about one per core)")
    p.add_argument("--port", type=int, default=8501, help="the port students open")
    p.add_argument("--address", default="0.0.0.0", help="where HAProxy listens (0.0.0.0: the classroom network)")
    p.add_argument("--first-replica-port", type=int, default=None,
                   help="replicas listen on 127.0.0.1 from this port on (default: --port + 10)")
    p.add_argument("--haproxy", default=None, help="path of the haproxy executable (default: from PATH)")
    p.add_argument("--store", default=None,
                   help="where class polls live: a directory for the SQLite file (default: $CONVSCOPE_STORE, else "
                        "convscope-<uid> in the temp directory) or redis://host:port/db for several machines")
    return p.parse_args(argv)


class _Stop(Exception):
    """Raised by the SIGTERM/SIGINT handler: shut down cleanly wherever the main loop is."""


def _raise_stop(signum, frame) -> None:
    raise _Stop


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _raise_stop)
    signal.signal(signal.SIGINT, _raise_stop)
    cluster = None
    try:
        if not 1 <= args.replicas <= 16:
            raise ServeError("--replicas must be within 1..16")
        first = args.first_replica_port or args.port + 10
        if not (1 <= args.port <= 65535 and 1 <= first and first + args.replicas - 1 <= 65535):
            raise ServeError("ports must be within 1..65535")
        if args.port in range(first, first + args.replicas):
            raise ServeError(f"--port {args.port} collides with the replica ports {first}..{first + args.replicas - 1}")
        if args.store is not None and not args.store.startswith(("redis://", "rediss://")) \
                and Path(args.store).exists() and not Path(args.store).is_dir():
            raise ServeError(f"--store {args.store}: not a directory (or a redis://host:port/db address)")
        haproxy = find_haproxy(args.haproxy)
        workdir = Path(tempfile.mkdtemp(prefix="convscope-serve-"))  # logs + haproxy.cfg
        cluster = Cluster(args.replicas, args.port, first, args.address, haproxy, workdir, args.store)
        cluster.start()
        shown = "localhost" if args.address in ("0.0.0.0", "::") else args.address
        print(f"ConvScope: http://{shown}:{args.port} ({args.replicas} replicas behind HAProxy on ports "
              f"{first}..{first + args.replicas - 1}, logs in {workdir}); Ctrl-C stops", flush=True)
        while True:
            time.sleep(0.5)
            cluster.keep_alive()
    except _Stop:
        return 0
    except ServeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second signal must not interrupt the shutdown
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        if cluster is not None:
            cluster.stop()


def compose_haproxy_config() -> str:
    """deploy/haproxy.cfg: the same balancer over the compose services, names resolved by Docker.

    A test keeps the committed file equal to this.
    """
    header = "# Made by app.serve.compose_haproxy_config() for deploy/compose.yaml.\n"
    return header + haproxy_config(8501, ["convscope1:8501", "convscope2:8501"], address="*",
                                                dns="127.0.0.11:53")


if __name__ == "__main__":
    sys.exit(main())
