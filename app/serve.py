"""Serve a class from one machine: N Streamlit replicas behind HAProxy, with sticky sessions.

Usage::

    python3 -m app.serve --replicas 2 --port 8501

Starts ``--replicas`` copies of ``streamlit run app/main.py`` on internal loopback ports and
HAProxy (Debian's ``haproxy`` package) in front of them on ``--port``. A session must always reach
the replica that holds its uploads and ``/media`` images, so HAProxy pins each browser to one
replica with a cookie (never by client address: a whole school often shares one public address).
New browsers are dealt to the replicas in turn; replicas are health-checked on
``/_stcore/health``; websockets pass through for a whole lesson. Every replica gets the same
``server.cookieSecret``. With ``--tls-cert FILE --tls-key FILE`` HAProxy serves HTTPS (browsers
allow the camera only over HTTPS or on localhost) and the stickiness cookie is ``Secure``.

The command returns to the prompt on Ctrl-C or SIGTERM, after stopping HAProxy and every replica
and removing its temporary folder (logs, configuration); the children also die with it when it is
killed outright (Linux). A port already in use is refused at the start. A replica that dies is
started again after a back-off that doubles with each crash in a row; after
``CRASHES_BEFORE_GIVING_UP`` crashes the command stops everything and exits with status 1.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import errno
import os
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
COOKIE = "convscope_replica"
HEALTH_PATH = "/_stcore/health"
START_TIMEOUT_S = 90.0
WORKDIR_PREFIX = "convscope-serve-"
#: A replica that dies is started again after 1, 2, 4, 8 s; the fifth crash in a row ends app.serve.
BACKOFF_FIRST_S = 1.0
CRASHES_BEFORE_GIVING_UP = 5
#: A replica that ran this long before it died starts a new count (one crash a day is no loop).
STABLE_S = 60.0
_PR_SET_PDEATHSIG = 1  # linux/prctl.h
_HAPROXY_MAX_SOCKET_PATH = 97  # HAProxy 2.6 refuses longer unix socket paths


class ServeError(RuntimeError):
    """A problem the user can fix (printed as one ``error:`` line, exit code 2)."""


class GaveUp(ServeError):
    """A replica kept crashing: everything is stopped (exit code 1)."""


def haproxy_config(port: int, servers: Sequence[str], *, address: str = "127.0.0.1",
                   stats_socket: str | None = None, dns: str | None = None, tls_pem: str | None = None) -> str:
    """HAProxy's configuration: cookie-sticky HTTP + websocket balancing over the replicas.

    ``servers`` are the replicas' ``host:port``; ``dns`` (e.g. Docker's ``127.0.0.11:53``) makes
    HAProxy resolve their names at run time, so it starts before they exist. ``tls_pem`` (the
    certificate chain and its key in one PEM file) makes the front HTTPS and the cookie ``Secure``.
    Requests are logged to HAProxy's standard output.

    Examples
    --------
    >>> cfg = haproxy_config(8501, ["127.0.0.1:8511", "127.0.0.1:8512"])
    >>> "cookie convscope_replica insert indirect nocache" in cfg and "server r2 127.0.0.1:8512" in cfg
    True
    >>> "ssl crt /run/tls.pem" in haproxy_config(8501, ["127.0.0.1:8511"], tls_pem="/run/tls.pem")
    True
    """
    stats = f"\n    stats socket {stats_socket} mode 600 level user" if stats_socket else ""
    resolvers = f"\nresolvers dns\n    nameserver dns {dns}\n    hold valid 10s\n" if dns else ""
    runtime_dns = " resolvers dns init-addr last,libc,none" if dns else ""
    # HTTP/1.1 only: Streamlit's websocket is an HTTP/1.1 upgrade
    tls = f" ssl crt {tls_pem} alpn http/1.1" if tls_pem else ""
    secure = " secure" if tls_pem else ""
    lines = "\n".join(
        f"    server r{i} {hostport} check inter 1s fall 3 rise 2 cookie r{i}{runtime_dns}"
        for i, hostport in enumerate(servers, start=1)
    )
    return f"""global
    maxconn 4096
    # a second balancer on the same port must fail to start, not share the port with this one
    noreuseport
    log stdout format raw local0{stats}
{resolvers}
defaults
    mode http
    log global
    option httplog
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    # a websocket lives for the whole lesson
    timeout tunnel 4h
    timeout http-request 30s

frontend convscope
    bind {address}:{port}{tls}
    default_backend replicas

backend replicas
    # a new browser is assigned once, at its first request (before its websocket opens, so
    # connection counts say nothing yet): take turns
    balance roundrobin
    # uploads and /media images live in one replica's memory: pin each browser with a cookie
    cookie {COOKIE} insert indirect nocache httponly{secure} attr "SameSite=Lax"
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
    # our own balancer on this machine: its certificate may be one the machine does not trust
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    try:
        with urllib.request.urlopen(url + HEALTH_PATH, timeout=2, context=context) as resp:
            return resp.read() == b"ok"
    except OSError:
        return False


def _check_port_free(address: str, port: int, what: str) -> None:
    """Refuse a port something already listens on (another app.serve, an orphaned HAProxy...)."""
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    with socket.socket(family) as sock:
        # a port left in TIME_WAIT by the previous run is free; a listening one still refuses the bind
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((address, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise ServeError(f"{what} {port} is already in use on {address} (another server?)") from None
            raise ServeError(f"cannot listen on {address}:{port}: {exc.strerror or exc}") from None


def _child_setup() -> Callable[[], None]:
    """The ``preexec_fn`` of every child: on Linux the kernel kills it when app.serve dies, even by
    ``kill -9`` (``PR_SET_PDEATHSIG``)."""
    parent = os.getpid()
    libc_name = ctypes.util.find_library("c") if sys.platform.startswith("linux") else None
    prctl = ctypes.CDLL(libc_name, use_errno=True).prctl if libc_name else None  # looked up before the fork

    def setup() -> None:
        if prctl is not None:
            prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # app.serve died before prctl: no signal would ever come
            os._exit(1)

    return setup


def _log_tail(path: Path, lines: int = 15) -> str:
    try:
        text = path.read_text(errors="replace").rstrip().splitlines()[-lines:]
    except OSError:
        return "    (no log)"
    return "\n".join("    " + line for line in text)


@dataclass
class _Replica:
    port: int
    proc: subprocess.Popen | None = None
    started: float = 0.0
    crashes: int = 0  # deaths in a row, each sooner than STABLE_S after its start
    restart_at: float | None = None  # set while waiting out the back-off

    @property
    def log(self) -> str:
        return f"replica-{self.port}.log"


class Cluster:
    """The replicas and HAProxy as child processes; :meth:`stop` ends them all.

    Each child runs in a process group of its own (a Ctrl-C in the terminal reaches app.serve only,
    which stops them in order) and dies with app.serve (see :func:`_child_setup`).
    """

    def __init__(self, replicas: int, port: int, first_port: int, address: str, haproxy: str,
                 workdir: Path, script: str = "app/main.py", tls_pem: Path | None = None,
                 store: str | None = None) -> None:
        self.port, self.address, self.haproxy, self.workdir = port, address, haproxy, workdir
        self.script, self.tls_pem = script, tls_pem
        self.replicas = [_Replica(first_port + i) for i in range(replicas)]
        self.replica_ports = [r.port for r in self.replicas]
        self.env = dict(os.environ)
        # one secret for all replicas (signed cookies); one BLAS thread per process (see app.ui.shell)
        self.env.setdefault("STREAMLIT_SERVER_COOKIE_SECRET", secrets.token_hex(32))
        self.env["OPENBLAS_NUM_THREADS"] = "1"
        if store:  # every replica's class poll uses the same store (app.classroom.store)
            self.env["CONVSCOPE_STORE"] = store
        self.balancer: subprocess.Popen | None = None
        self._preexec = _child_setup()

    def _spawn(self, cmd: Sequence[str], log_name: str, **kwargs) -> subprocess.Popen:
        with open(self.workdir / log_name, "ab") as log:  # the child keeps its own copy of the handle
            return subprocess.Popen(list(cmd), stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                    process_group=0, preexec_fn=self._preexec, **kwargs)

    def _start_replica(self, replica: _Replica) -> None:
        replica.proc = self._spawn(
            [sys.executable, "-m", "streamlit", "run", self.script, "--server.address", "127.0.0.1",
             "--server.port", str(replica.port), "--server.headless", "true"],
            replica.log, cwd=REPO, env=self.env)
        replica.started, replica.restart_at = time.monotonic(), None

    def start(self, stop: threading.Event) -> None:
        cfg = self.workdir / "haproxy.cfg"
        self.stats_socket = self.workdir / "haproxy.sock"
        if len(str(self.stats_socket)) > _HAPROXY_MAX_SOCKET_PATH:
            raise ServeError(f"the temporary folder's path is too long for HAProxy's socket ({self.workdir}); "
                             "set TMPDIR to a shorter folder")
        for replica in self.replicas:
            self._start_replica(replica)
        cfg.write_text(haproxy_config(self.port, [f"127.0.0.1:{p}" for p in self.replica_ports], address=self.address,
                                      stats_socket=str(self.stats_socket),
                                      tls_pem=str(self.tls_pem) if self.tls_pem else None))
        check = subprocess.run([self.haproxy, "-c", "-f", str(cfg)], capture_output=True, text=True)
        if check.returncode != 0:
            alerts = [line for line in (check.stdout + check.stderr).splitlines() if "ALERT" in line]
            raise ServeError("HAProxy refused its configuration (a --tls-cert/--tls-key that do not match?):\n"
                             + "\n".join("    " + line for line in alerts))
        self.balancer = self._spawn([self.haproxy, "-db", "-f", str(cfg)], "haproxy.log")
        self._wait_until_up(stop)

    @property
    def url(self) -> str:
        return f"{'https' if self.tls_pem else 'http'}://{self.address}:{self.port}"

    def _wait_until_up(self, stop: threading.Event) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        pending = set(self.replica_ports)
        while pending or not _healthy(self.url) or not self._all_up():
            if stop.is_set():
                raise _Stop
            self.supervise()
            pending = {p for p in pending if not _healthy(f"http://127.0.0.1:{p}")}
            if time.monotonic() > deadline:
                raise ServeError(f"not up after {START_TIMEOUT_S:.0f} s")
            stop.wait(0.3)

    def _all_up(self) -> bool:
        """True once HAProxy's own health checks route to every replica (not only to the first)."""
        try:
            states = replica_states(self.stats_socket)
        except OSError:
            return False
        return len(states) == len(self.replica_ports) and all(v == "UP" for v in states.values())

    def supervise(self) -> None:
        """Start again each replica that died, after a back-off that doubles with each crash in a row
        (HAProxy routes around it meanwhile); :class:`GaveUp` at the ``CRASHES_BEFORE_GIVING_UP``-th."""
        if self.balancer is not None and self.balancer.poll() is not None:
            raise ServeError(f"HAProxy exited ({self.balancer.returncode}); its log ends:\n"
                             + _log_tail(self.workdir / "haproxy.log"))
        now = time.monotonic()
        for r in self.replicas:
            if r.restart_at is not None:
                if now >= r.restart_at:
                    self._start_replica(r)
            elif r.proc is not None and r.proc.poll() is not None:
                r.crashes = 1 if now - r.started > STABLE_S else r.crashes + 1
                if r.crashes >= CRASHES_BEFORE_GIVING_UP:
                    raise GaveUp(f"the replica on port {r.port} crashed {r.crashes} times in a row (last exit code "
                                 f"{r.proc.returncode}); giving up. Its log ends:\n" + _log_tail(self.workdir / r.log))
                delay = BACKOFF_FIRST_S * 2 ** (r.crashes - 1)
                r.restart_at = now + delay
                print(f"replica on port {r.port} exited ({r.proc.returncode}); starting it again in {delay:g} s",
                      flush=True)

    def stop(self) -> None:
        """End every child's process group: SIGTERM, then SIGKILL after 10 s."""
        procs = [p for p in [self.balancer, *(r.proc for r in self.replicas)] if p is not None]
        for p in procs:
            _signal_group(p, signal.SIGTERM)
        for p in procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                _signal_group(p, signal.SIGKILL)
                p.wait()


def _signal_group(proc: subprocess.Popen, signum: int) -> None:
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signum)  # the child leads its own group (process_group=0)
        except ProcessLookupError:
            pass


def _tls_pem(workdir: Path, cert: str | None, key: str | None) -> Path | None:
    """HAProxy wants the certificate chain and its key in one file: write it readable by us only."""
    if cert is None and key is None:
        return None
    if cert is None or key is None:
        raise ServeError("--tls-cert and --tls-key go together")
    parts = []
    for option, path in (("--tls-cert", cert), ("--tls-key", key)):
        try:
            parts.append(Path(path).read_bytes().strip() + b"\n")
        except OSError as exc:
            raise ServeError(f"cannot read {option} {path}: {exc.strerror or exc}") from None
    pem = workdir / "tls.pem"
    fd = os.open(pem, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as file:
        file.write(b"".join(parts))
    return pem


def _remove_stale_workdirs() -> None:
    """Remove the temporary folders of earlier runs that were killed outright (their pid is gone)."""
    for folder in Path(tempfile.gettempdir()).glob(WORKDIR_PREFIX + "*"):
        try:
            pid = int((folder / "serve.pid").read_text())
            os.kill(pid, 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except (OSError, ValueError):  # not ours, being created, or alive under another user
            continue


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python3 -m app.serve", description=__doc__.split("\n\n")[0])
    p.add_argument("--replicas", type=int, default=2, help="Streamlit processes (about one per core)")
    p.add_argument("--port", type=int, default=8501, help="the port students open")
    p.add_argument("--address", default="0.0.0.0", help="where HAProxy listens (0.0.0.0: the classroom network)")
    p.add_argument("--first-replica-port", type=int, default=None,
                   help="replicas listen on 127.0.0.1 from this port on (default: --port + 10)")
    p.add_argument("--haproxy", default=None, help="path of the haproxy executable (default: from PATH)")
    p.add_argument("--tls-cert", metavar="FILE", help="serve HTTPS: the certificate (chain), PEM")
    p.add_argument("--tls-key", metavar="FILE", help="the certificate's private key, PEM")
    # for the tests: a replica script that crashes shows the back-off (not a user option)
    p.add_argument("--replica-script", default="app/main.py", help=argparse.SUPPRESS)
    p.add_argument("--store", default=None,
                   help="where class polls live: a directory for the SQLite file (default: $CONVSCOPE_STORE, else "
                        "convscope-<uid> in the temp directory) or redis://host:port/db for several machines")
    return p.parse_args(argv)


class _Stop(Exception):
    """SIGTERM or SIGINT arrived: shut down cleanly."""


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    # A signal only sets a flag that the loops check: an exception raised at any bytecode could land
    # between starting a child and keeping its handle, and that child would outlive us.
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    cluster = workdir = None
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
        _remove_stale_workdirs()
        _check_port_free(args.address, args.port, "--port")
        for port in range(first, first + args.replicas):
            _check_port_free("127.0.0.1", port, "replica port")
        workdir = Path(tempfile.mkdtemp(prefix=WORKDIR_PREFIX))  # logs, haproxy.cfg, the TLS PEM; 0700
        (workdir / "serve.pid").write_text(str(os.getpid()))
        cluster = Cluster(args.replicas, args.port, first, args.address, haproxy, workdir, args.replica_script,
                          _tls_pem(workdir, args.tls_cert, args.tls_key), args.store)
        cluster.start(stop)
        shown = "localhost" if args.address in ("0.0.0.0", "::") else args.address
        scheme = "https" if cluster.tls_pem else "http"
        print(f"ConvScope: {scheme}://{shown}:{args.port} ({args.replicas} replicas behind HAProxy on ports "
              f"{first}..{first + args.replicas - 1}, logs in {workdir} until it stops); Ctrl-C stops", flush=True)
        while not stop.wait(0.5):
            cluster.supervise()
        return 0
    except _Stop:
        return 0
    except ServeError as exc:
        print(f"error: {exc}", file=sys.stderr, flush=True)
        return 1 if isinstance(exc, GaveUp) else 2
    finally:
        if cluster is not None:
            cluster.stop()
        if workdir is not None:
            shutil.rmtree(workdir, ignore_errors=True)


def compose_haproxy_config() -> str:
    """deploy/haproxy.cfg: the same balancer over the compose services, names resolved by Docker.

    A test keeps the committed file equal to this.
    """
    header = "# Made by app.serve.compose_haproxy_config() for deploy/compose.yaml.\n"
    return header + haproxy_config(8501, ["convscope1:8501", "convscope2:8501"], address="*",
                                                dns="127.0.0.11:53")


if __name__ == "__main__":
    sys.exit(main())
