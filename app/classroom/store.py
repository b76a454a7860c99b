"""Where a class lives: join code, members, answers, reveals and the teacher's pushed link.

One interface, :class:`ClassStore`, two implementations: :class:`SQLiteStore` (standard library,
one WAL-mode file shared by every server process on the machine: the default) and
:class:`RedisStore` (several machines). :func:`open_store` picks one from a location:
``redis://host:port/db`` or a directory for the SQLite file (``CONVSCOPE_STORE`` or
:func:`default_location`).

Only what a poll needs is kept: a random session id per student (no names, no addresses), one
answer per session and question, the revealed question ids and the last pushed link. A class idle
for :data:`TTL_S` (4 h; writes and the teacher's :meth:`ClassStore.touch` count as activity) is
deleted with everything in it.

Errors (all :class:`StoreError`): :class:`ClassNotFound` (wrong code, ended or expired),
:class:`Forbidden` (a teacher action without the class's teacher token), :class:`InvalidAnswer`,
:class:`RateLimited`, :class:`TooManyClasses`, and :class:`StoreUnavailable` when the database
cannot be reached; the next call tries again, so a page recovers by itself when it comes back.

Examples
--------
>>> import tempfile
>>> store = open_store(tempfile.mkdtemp(), questions={"q_swap": 3})
>>> keys = store.create_class()
>>> store.join(keys.code, "student-1")
>>> store.answer(keys.code, "student-1", "q_swap", 2)
>>> store.counts(keys.code, "q_swap")
[0, 0, 1]
>>> store.reveal(keys.code, keys.teacher_token, "q_swap")
>>> store.state(keys.code).revealed
frozenset({'q_swap'})
>>> store.reveal(keys.code, "forged", "q_swap")
Traceback (most recent call last):
...
app.classroom.store.Forbidden: only the teacher of this class can do that
"""

from __future__ import annotations

import abc
import hashlib
import hmac
import os
import secrets
import sqlite3
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from app.classroom.codes import new_code, parse_code

TTL_S = 4 * 3600.0
MAX_CLASSES_PER_PROCESS = 20
MAX_LINK = 2000
#: per session: a burst of this many answers, then one more every ANSWER_REFILL_S seconds
ANSWER_BURST = 20
ANSWER_REFILL_S = 2.0
ENV = "CONVSCOPE_STORE"
_POOL = 8  # idle SQLite connections kept per process
SQLITE_NAME = "classes.sqlite3"


class StoreError(Exception):
    """Anything a class action can fail with."""


class StoreUnavailable(StoreError):
    """The database cannot be reached now; the next call tries again."""


class ClassNotFound(StoreError):
    """No class with this code (mistyped, ended, or expired)."""


class Forbidden(StoreError):
    """A teacher's action without the class's teacher token."""


class InvalidAnswer(StoreError, ValueError):
    """A question that does not exist, or a choice it does not have."""


class RateLimited(StoreError):
    """This session sent answers faster than a person answers."""


class TooManyClasses(StoreError):
    """This server process already runs :data:`MAX_CLASSES_PER_PROCESS` classes."""


@dataclass(frozen=True)
class ClassKeys:
    """A new class: the code students join with, and the token only the teacher's session holds."""

    code: str
    teacher_token: str


@dataclass(frozen=True)
class ClassState:
    """What a student's page polls: revealed question ids, the last push (``push_seq`` counts pushes), members."""

    revealed: frozenset[str]
    push_seq: int
    push_link: str
    members: int


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def check_link(link: str) -> str:
    """``link`` if it is a path on this site (``/page?query``), else ``ValueError``.

    Examples
    --------
    >>> check_link("/fourier_lab?fl_a=disk")
    '/fourier_lab?fl_a=disk'
    >>> check_link("https://example.com/")
    Traceback (most recent call last):
    ...
    ValueError: a pushed link is a path on this site, like /fourier_lab?fl_a=disk
    """
    if (not isinstance(link, str) or not link.startswith("/") or link.startswith("//") or len(link) > MAX_LINK
            or any(ch in link for ch in "\\\r\n\t ")):
        raise ValueError("a pushed link is a path on this site, like /fourier_lab?fl_a=disk")
    return link


class ClassStore(abc.ABC):
    """The class store's interface; the checks shared by both databases live here.

    Parameters
    ----------
    questions : question id → number of choices; answers to anything else are refused
        (a live mapping such as :data:`app.classroom.catalogue.QUESTIONS` is read at each answer).
    clock : seconds (``time.time``); tests pass their own to age a class.
    """

    def __init__(self, questions: Mapping[str, int], clock: Callable[[], float] = time.time) -> None:
        self.questions = questions
        self.clock = clock
        self._lock = threading.Lock()
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # session → (tokens, time)
        self._created: set[str] = set()  # codes of the classes this process started

    # ---- the interface ------------------------------------------------------------------------------
    def create_class(self) -> ClassKeys:
        """Start a class; ``TooManyClasses`` when this process already runs its cap."""
        with self._lock:
            self._created = {c for c in self._created if self._alive(c)}
            if len(self._created) >= MAX_CLASSES_PER_PROCESS:
                raise TooManyClasses(f"this server already runs {MAX_CLASSES_PER_PROCESS} classes")
            keys = ClassKeys(new_code(), secrets.token_urlsafe(24))
            self._create(keys.code, _digest(keys.teacher_token), self.clock())
            self._created.add(keys.code)
        return keys

    def join(self, code: str, session: str) -> None:
        """Count ``session`` (a random per-session id) as a member of the class ``code``."""
        self._join(self._live(code), self._session(session), self.clock())

    def answer(self, code: str, session: str, question: str, choice: int) -> None:
        """Record ``session``'s answer to ``question`` (a later answer replaces it)."""
        n = self.questions.get(question) if isinstance(question, str) else None
        if n is None:
            raise InvalidAnswer(f"no question {str(question)[:40]!r}")
        if isinstance(choice, bool) or not isinstance(choice, int) or not 0 <= choice < n:
            raise InvalidAnswer(f"question {question!r} has choices 0..{n - 1}")
        session = self._session(session)
        self._spend(session)
        self._answer(self._live(code), session, question, choice, self.clock())

    def counts(self, code: str, question: str) -> list[int]:
        """How many sessions picked each choice of ``question`` (0 for a question nobody answered)."""
        n = self.questions.get(question, 0)
        out = [0] * n
        for choice in self._choices(self._live(code), question):
            if 0 <= choice < n:
                out[choice] += 1
        return out

    def state(self, code: str) -> ClassState:
        """Revealed questions, the last push and the member count."""
        return self._state(self._live(code))

    def stamp(self, code: str) -> tuple[int, int]:
        """A live class's ``(pushes, reveals)`` marks in one small read (one row or one hash): they change whenever
        :meth:`state`'s push or revealed questions do, so a student's idle poll reads only this."""
        try:
            code = parse_code(code)
        except ValueError:
            raise ClassNotFound("no class with this code") from None
        row = self._stamp(code)
        self._check_live(code, None if row is None else row[0])
        return row[1], row[2]

    def reveal(self, code: str, token: str, question: str) -> None:
        """Reveal ``question``'s answer to the whole class (teacher only)."""
        if question not in self.questions:
            raise InvalidAnswer(f"no question {str(question)[:40]!r}")
        self._reveal(self._teacher(code, token), question, self.clock())

    def push(self, code: str, token: str, link: str) -> int:
        """Send the class to ``link`` (a path on this site; teacher only); returns the push's number."""
        try:
            link = check_link(link)
        except ValueError as exc:
            raise InvalidAnswer(str(exc)) from None
        return self._push(self._teacher(code, token), link, self.clock())

    def touch(self, code: str, token: str) -> None:
        """The teacher is still there: the class stays alive for another :data:`TTL_S`."""
        self._touch(self._teacher(code, token), self.clock())

    def end(self, code: str, token: str) -> None:
        """End the class and delete everything in it (teacher only)."""
        self._delete(self._teacher(code, token))

    def cleanup(self) -> int:
        """Delete every class idle for longer than :data:`TTL_S`; how many were deleted."""
        return self._cleanup(self.clock() - TTL_S)

    # ---- shared checks ------------------------------------------------------------------------------
    def _live(self, code: str) -> str:
        try:
            code = parse_code(code)
        except ValueError:
            raise ClassNotFound("no class with this code") from None
        self._check_live(code, self._last(code))
        return code

    def _check_live(self, code: str, last: float | None) -> None:
        """``ClassNotFound`` unless ``code`` (last active at ``last``, ``None``: no such class) is alive; an
        expired class is deleted."""
        if last is None:
            raise ClassNotFound("no class with this code")
        if self.clock() - last > TTL_S:
            self._delete(code)
            raise ClassNotFound("this class has expired")

    def _alive(self, code: str) -> bool:
        try:
            self._live(code)
        except ClassNotFound:
            return False
        return True

    def _teacher(self, code: str, token: str) -> str:
        code = self._live(code)
        stored = self._token_digest(code)
        if not isinstance(token, str) or stored is None or not hmac.compare_digest(stored, _digest(token)):
            raise Forbidden("only the teacher of this class can do that")
        return code

    @staticmethod
    def _session(session: str) -> str:
        if not isinstance(session, str) or not 8 <= len(session) <= 64:
            raise InvalidAnswer("a session id has 8 to 64 characters")
        return session

    def _spend(self, session: str) -> None:
        """Token bucket per session, in this process (a session always reaches the same process)."""
        now = self.clock()
        with self._lock:
            tokens, then = self._buckets.pop(session, (float(ANSWER_BURST), now))
            tokens = min(float(ANSWER_BURST), tokens + (now - then) / ANSWER_REFILL_S)
            if tokens < 1:
                self._buckets[session] = (tokens, now)
                raise RateLimited("too many answers: wait a moment")
            self._buckets[session] = (tokens - 1, now)
            while len(self._buckets) > 10_000:  # bounded: forget the longest-idle sessions
                self._buckets.popitem(last=False)

    # ---- what each database does ----------------------------------------------------------------------
    @abc.abstractmethod
    def _create(self, code: str, token_digest: str, now: float) -> None: ...

    @abc.abstractmethod
    def _last(self, code: str) -> float | None: ...

    @abc.abstractmethod
    def _token_digest(self, code: str) -> str | None: ...

    @abc.abstractmethod
    def _join(self, code: str, session: str, now: float) -> None: ...

    @abc.abstractmethod
    def _answer(self, code: str, session: str, question: str, choice: int, now: float) -> None: ...

    @abc.abstractmethod
    def _choices(self, code: str, question: str) -> list[int]: ...

    @abc.abstractmethod
    def _state(self, code: str) -> ClassState: ...

    @abc.abstractmethod
    def _stamp(self, code: str) -> tuple[float, int, int] | None:
        """``(last activity, pushes, reveal mark)`` in one read, ``None`` if there is no such class."""

    @abc.abstractmethod
    def _reveal(self, code: str, question: str, now: float) -> None: ...

    @abc.abstractmethod
    def _push(self, code: str, link: str, now: float) -> int: ...

    @abc.abstractmethod
    def _touch(self, code: str, now: float) -> None: ...

    @abc.abstractmethod
    def _delete(self, code: str) -> None: ...

    @abc.abstractmethod
    def _cleanup(self, before: float) -> int: ...


_SCHEMA = """
CREATE TABLE IF NOT EXISTS classes (code TEXT PRIMARY KEY, token TEXT NOT NULL, last REAL NOT NULL,
                                    push_seq INTEGER NOT NULL DEFAULT 0, push_link TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS members (code TEXT NOT NULL REFERENCES classes ON DELETE CASCADE,
                                    session TEXT NOT NULL, PRIMARY KEY (code, session));
CREATE TABLE IF NOT EXISTS answers (code TEXT NOT NULL REFERENCES classes ON DELETE CASCADE, session TEXT NOT NULL,
                                    question TEXT NOT NULL, choice INTEGER NOT NULL,
                                    PRIMARY KEY (code, question, session));
CREATE TABLE IF NOT EXISTS reveals (code TEXT NOT NULL REFERENCES classes ON DELETE CASCADE,
                                    question TEXT NOT NULL, PRIMARY KEY (code, question));
CREATE INDEX IF NOT EXISTS classes_last ON classes (last);
"""


class SQLiteStore(ClassStore):
    """Classes in one SQLite file (WAL mode: readers never wait for the writer), one connection per thread.

    Every replica of ``app.serve`` on the machine opens the same file. ``StoreUnavailable`` when the
    file cannot be opened or written (a read-only directory, a full disk).
    """

    def __init__(self, path: str | os.PathLike, questions: Mapping[str, int],
                 clock: Callable[[], float] = time.time) -> None:
        super().__init__(questions, clock)
        self.path = Path(path)
        # Streamlit runs every script run (a poll, too) in a new thread: connections are pooled, not per thread
        self._idle: list[sqlite3.Connection] = []
        self._pool_lock = threading.Lock()
        conn = self._take()
        try:
            conn.executescript(_SCHEMA)  # its own transaction
        except sqlite3.Error as exc:
            raise StoreUnavailable(f"class store {self.path} cannot be opened: {exc}") from None
        self._give_back(conn)

    def _take(self) -> sqlite3.Connection:
        with self._pool_lock:
            if self._idle:
                return self._idle.pop()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            if self.path.parent.stat().st_uid != os.getuid():  # a shared temp dir: never another user's
                raise OSError("the directory belongs to another user")
            conn = sqlite3.connect(self.path, timeout=5, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")  # WAL: durable enough for a lesson, no fsync per answer
            conn.execute("PRAGMA foreign_keys=ON")
        except (OSError, sqlite3.Error) as exc:
            raise StoreUnavailable(f"class store {self.path} cannot be opened: {exc}") from None
        return conn

    def _give_back(self, conn: sqlite3.Connection) -> None:
        with self._pool_lock:
            if len(self._idle) < _POOL:
                self._idle.append(conn)
                return
        conn.close()

    class _Tx:
        """``with store._db() as db``: one transaction on a pooled connection; sqlite errors become
        ``StoreUnavailable`` (and the connection is dropped: the next call opens a new one)."""

        def __init__(self, store: SQLiteStore, write: bool) -> None:
            self.store, self.write = store, write

        def __enter__(self) -> sqlite3.Connection:
            self.conn = self.store._take()
            try:
                self.conn.execute("BEGIN IMMEDIATE" if self.write else "BEGIN")
            except sqlite3.Error as exc:
                self.conn.close()
                raise StoreUnavailable(f"class store {self.store.path}: {exc}") from None
            return self.conn

        def __exit__(self, kind, exc, tb) -> bool:
            try:
                self.conn.execute("COMMIT" if kind is None else "ROLLBACK")
            except sqlite3.Error as err:
                self.conn.close()
                raise StoreUnavailable(f"class store {self.store.path}: {err}") from None
            if isinstance(exc, sqlite3.Error):
                self.conn.close()
                raise StoreUnavailable(f"class store {self.store.path}: {exc}") from None
            self.store._give_back(self.conn)
            return False

    def _db(self, write: bool = True) -> SQLiteStore._Tx:
        return SQLiteStore._Tx(self, write)

    def _create(self, code, token_digest, now):
        with self._db() as db:
            db.execute("INSERT INTO classes (code, token, last) VALUES (?, ?, ?)", (code, token_digest, now))

    def _last(self, code):
        with self._db(write=False) as db:
            row = db.execute("SELECT last FROM classes WHERE code = ?", (code,)).fetchone()
        return None if row is None else row[0]

    def _token_digest(self, code):
        with self._db(write=False) as db:
            row = db.execute("SELECT token FROM classes WHERE code = ?", (code,)).fetchone()
        return None if row is None else row[0]

    def _join(self, code, session, now):
        with self._db() as db:
            db.execute("INSERT OR IGNORE INTO members VALUES (?, ?)", (code, session))
            db.execute("UPDATE classes SET last = ? WHERE code = ?", (now, code))

    def _answer(self, code, session, question, choice, now):
        with self._db() as db:
            db.execute("INSERT OR IGNORE INTO members VALUES (?, ?)", (code, session))
            db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?)", (code, session, question, choice))
            db.execute("UPDATE classes SET last = ? WHERE code = ?", (now, code))

    def _choices(self, code, question):
        with self._db(write=False) as db:
            return [c for (c,) in db.execute("SELECT choice FROM answers WHERE code = ? AND question = ?",
                                             (code, question))]

    def _state(self, code):
        with self._db(write=False) as db:
            row = db.execute("SELECT push_seq, push_link, (SELECT count(*) FROM members WHERE code = ?) "
                             "FROM classes WHERE code = ?", (code, code)).fetchone()
            revealed = frozenset(q for (q,) in db.execute("SELECT question FROM reveals WHERE code = ?", (code,)))
        if row is None:
            raise ClassNotFound("no class with this code")
        return ClassState(revealed, row[0], row[1], row[2])

    def _stamp(self, code):
        with self._db(write=False) as db:
            return db.execute("SELECT last, push_seq, (SELECT count(*) FROM reveals WHERE code = ?) "
                              "FROM classes WHERE code = ?", (code, code)).fetchone()

    def _reveal(self, code, question, now):
        with self._db() as db:
            db.execute("INSERT OR IGNORE INTO reveals VALUES (?, ?)", (code, question))
            db.execute("UPDATE classes SET last = ? WHERE code = ?", (now, code))

    def _push(self, code, link, now):
        with self._db() as db:
            db.execute("UPDATE classes SET push_seq = push_seq + 1, push_link = ?, last = ? WHERE code = ?",
                       (link, now, code))
            return db.execute("SELECT push_seq FROM classes WHERE code = ?", (code,)).fetchone()[0]

    def _touch(self, code, now):
        with self._db() as db:
            db.execute("UPDATE classes SET last = ? WHERE code = ?", (now, code))

    def _delete(self, code):
        with self._db() as db:
            db.execute("DELETE FROM classes WHERE code = ?", (code,))

    def _cleanup(self, before):
        with self._db() as db:
            return db.execute("DELETE FROM classes WHERE last < ?", (before,)).rowcount


class RedisStore(ClassStore):
    """Classes in Redis (several machines share one server). Every key of a class expires with it.

    Keys: ``convscope:class:{code}`` (hash: token, last, push_seq, push_link, reveals: a mark that moves with every
    reveal), ``…:members:{code}``
    (set), ``…:answers:{code}:{question}`` (hash session → choice), ``…:reveals:{code}`` (set).
    """

    PREFIX = "convscope:"

    def __init__(self, url: str, questions: Mapping[str, int], clock: Callable[[], float] = time.time) -> None:
        super().__init__(questions, clock)
        import redis  # only needed with a redis:// store

        self._redis_errors = (redis.ConnectionError, redis.TimeoutError)
        try:
            self.r = redis.Redis.from_url(url, socket_timeout=1.0, socket_connect_timeout=1.0, decode_responses=True)
        except ValueError as exc:
            raise StoreUnavailable(f"class store {url!r}: {exc}") from None

    def _key(self, kind: str, *parts: str) -> str:
        return self.PREFIX + ":".join((kind, *parts))

    def _keys(self, code: str) -> list[str]:
        """Every key of ``code`` except its answers (those are found by pattern)."""
        return [self._key("class", code), self._key("members", code), self._key("reveals", code)]

    def _run(self, fn):
        try:
            return fn()
        except self._redis_errors as exc:
            raise StoreUnavailable(f"class store unreachable: {exc}") from None

    def _touching(self, pipe, code: str, now: float, extra: tuple[str, ...] = ()) -> None:
        """Queue the activity mark and the expiry of every key of the class on ``pipe``."""
        pipe.hset(self._key("class", code), "last", repr(now))
        for key in (*self._keys(code), *extra):
            pipe.expire(key, int(TTL_S) + 60)

    def _create(self, code, token_digest, now):
        def go():
            pipe = self.r.pipeline()
            pipe.hset(self._key("class", code), mapping={"token": token_digest, "push_seq": 0, "push_link": ""})
            self._touching(pipe, code, now)
            pipe.execute()
        self._run(go)

    def _last(self, code):
        last = self._run(lambda: self.r.hget(self._key("class", code), "last"))
        return None if last is None else float(last)

    def _token_digest(self, code):
        return self._run(lambda: self.r.hget(self._key("class", code), "token"))

    def _join(self, code, session, now):
        def go():
            pipe = self.r.pipeline()
            pipe.sadd(self._key("members", code), session)
            self._touching(pipe, code, now)
            pipe.execute()
        self._run(go)

    def _answer(self, code, session, question, choice, now):
        def go():
            answers = self._key("answers", code, question)
            pipe = self.r.pipeline()
            pipe.sadd(self._key("members", code), session)
            pipe.hset(answers, session, choice)
            self._touching(pipe, code, now, (answers,))
            pipe.execute()
        self._run(go)

    def _choices(self, code, question):
        return [int(c) for c in self._run(lambda: self.r.hvals(self._key("answers", code, question)))]

    def _state(self, code):
        def go():
            pipe = self.r.pipeline(transaction=False)
            pipe.hmget(self._key("class", code), "push_seq", "push_link")
            pipe.smembers(self._key("reveals", code))
            pipe.scard(self._key("members", code))
            return pipe.execute()
        (seq, link), revealed, members = self._run(go)
        if seq is None:
            raise ClassNotFound("no class with this code")
        return ClassState(frozenset(revealed), int(seq), link or "", int(members))

    def _stamp(self, code):
        last, pushes, reveals = self._run(lambda: self.r.hmget(self._key("class", code), "last", "push_seq", "reveals"))
        return None if last is None else (float(last), int(pushes or 0), int(reveals or 0))

    def _reveal(self, code, question, now):
        def go():
            pipe = self.r.pipeline()
            pipe.sadd(self._key("reveals", code), question)
            pipe.hincrby(self._key("class", code), "reveals", 1)  # the stamp's mark (a repeated reveal moves it too)
            self._touching(pipe, code, now)
            pipe.execute()
        self._run(go)

    def _push(self, code, link, now):
        def go():
            pipe = self.r.pipeline()
            pipe.hincrby(self._key("class", code), "push_seq", 1)
            pipe.hset(self._key("class", code), "push_link", link)
            self._touching(pipe, code, now)
            return pipe.execute()[0]
        return int(self._run(go))

    def _touch(self, code, now):
        def go():
            pipe = self.r.pipeline()
            self._touching(pipe, code, now, tuple(self.r.scan_iter(self._key("answers", code, "*"))))
            pipe.execute()
        self._run(go)

    def _delete(self, code):
        def go():
            self.r.delete(*self._keys(code), *self.r.scan_iter(self._key("answers", code, "*")))
        self._run(go)

    def _cleanup(self, before):
        def go():
            gone = 0
            for key in self.r.scan_iter(self._key("class", "*")):
                last = self.r.hget(key, "last")
                if last is not None and float(last) < before:
                    self._delete(key.rsplit(":", 1)[-1])
                    gone += 1
            return gone
        return self._run(go)


def default_location() -> Path:
    """The SQLite store's directory when none is given: ``convscope-<uid>`` in the temp directory.

    Every ``app.serve`` replica (same user, same machine) finds the same file there.
    """
    return Path(tempfile.gettempdir()) / f"convscope-{os.getuid()}"


def open_store(location: str | os.PathLike | None, questions: Mapping[str, int],
               clock: Callable[[], float] = time.time) -> ClassStore:
    """The store at ``location``: ``redis://host:port/db`` (or ``rediss://``), else a directory for SQLite.

    ``None`` reads ``$CONVSCOPE_STORE``, then :func:`default_location`.
    """
    location = location if location is not None else os.environ.get(ENV) or default_location()
    text = str(location)
    if text.startswith(("redis://", "rediss://", "unix://")):
        return RedisStore(text, questions, clock)
    return SQLiteStore(Path(text) / SQLITE_NAME, questions, clock)
