"""``app.loadtest --poll``: a whole class poll through Streamlit's protocol, no browser.

A teacher session opens the CNN Lab in projector mode and presses *Start a class*; ``--sessions``
students open the join link (``?class=CODE``), optionally sit idle for ``--idle`` seconds (only
their page's poll runs: the server CPU per idle student, less the servers' CPU over ``--idle``
seconds before anyone came), answer every question on the page,
then the teacher presses *Reveal to the class*, moves to the Signal Lab and presses *Send everyone
to this page*. Like a browser, every session re-runs each ``run_every`` fragment on the interval
the server announced (``auto_rerun`` messages).

Measured (p50/p95/max): from a student sending an answer to the teacher's count including it,
from the teacher sending Reveal to each student's page showing the verdict, from the teacher
sending the push to each student's page running the pushed page. Errors: exception elements,
dropped sockets, students who never saw the reveal or the push within ``WAIT_S``.

Usage::

    python3 -m app.loadtest http://127.0.0.1:8501 --poll --sessions 30 --idle 20 --server-pid PID
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import time

import aiohttp
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from app.loadtest import PAGES, ServerProbe, Session, Stats, _summary
from app.serve import COOKIE

WAIT_S = 30.0  # a reveal or push not seen by then is an error
ANSWERED = re.compile(r"(\d+) of (\d+) answered")
CODE_HTML = re.compile(r'class="cs-code"[^>]*>([0-9A-Z]{4}-[0-9A-Z]{4})<')
VERDICT = ("Right:", "Not quite.", "The answer is")
PUSH_PAGE = "signal_lab"


class PollSession(Session):
    """A session that also re-runs its fragments on their intervals and notes what the class poll shows."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.auto: dict[str, tuple[float, float]] = {}  # fragment id -> (interval s, when announced)
        self.pages: dict[str, str] = {}  # page script hash -> url path
        self.page_hash = ""
        self.code = ""
        self.counts: list[tuple[float, int]] = []  # (time, answered) as the teacher's page showed it
        self.verdict_at: float | None = None
        self.arrived_at: float | None = None  # when the pushed page ran
        self.ticker: asyncio.Task | None = None

    def on_message(self, msg: ForwardMsg, kind: str) -> None:
        now = time.perf_counter()
        if kind == "new_session":  # a run starts
            if not msg.metadata.run.fragment_ids:  # a whole-page run: like a browser, forget every interval (the run
                self.auto = {}  # announces its fragments' again)
        elif kind == "auto_rerun":
            self.auto[msg.auto_rerun.fragment_id] = (msg.auto_rerun.interval, now)
        elif kind == "stop_auto_rerun":
            for fid in msg.stop_auto_rerun.fragment_ids:
                self.auto.pop(fid, None)
        elif kind == "navigation":
            self.pages.update({p.page_script_hash: p.url_pathname for p in msg.navigation.app_pages})
            self.page_hash = msg.navigation.page_script_hash
            if self.pages.get(self.page_hash) == PUSH_PAGE and self.arrived_at is None:
                self.arrived_at = now
        elif kind == "page_info_changed":
            self.query_string = msg.page_info_changed.query_string
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            el = msg.delta.new_element
            what = el.WhichOneof("type")
            if what == "markdown" and (m := ANSWERED.search(el.markdown.body)):
                self.counts.append((now, int(m.group(1))))
            elif what == "html" and (m := CODE_HTML.search(el.html.body)):
                self.code = m.group(1)
            elif what == "alert" and el.alert.body.startswith(VERDICT) and self.verdict_at is None:
                self.verdict_at = now

    async def send(self, *states: WidgetState, fragment_id: str = "", page_hash: str = "") -> None:
        """A rerun request as the browser sends it (all widget states, this page or ``page_hash``'s), without
        waiting for it."""
        from streamlit.proto.BackMsg_pb2 import BackMsg

        self.states.update({s.id: s for s in states if not s.HasField("trigger_value")})  # a press is one-shot
        back = BackMsg()
        rerun = back.rerun_script
        page_hash = page_hash or self.page_hash
        rerun.page_name = self.pages.get(page_hash, self.page.url_path)
        rerun.page_script_hash = page_hash
        rerun.query_string = self.query_string
        rerun.fragment_id = fragment_id
        rerun.widget_states.widgets.extend(self.states.values())
        rerun.widget_states.widgets.extend(s for s in states if s.HasField("trigger_value"))
        await self._send(back)

    async def _tick(self) -> None:
        due: dict[str, float] = {}
        while True:
            now = time.monotonic()
            for fid, (interval, _) in list(self.auto.items()):
                if now >= due.setdefault(fid, now + interval):
                    due[fid] = now + interval
                    await self.send(fragment_id=fid)
            await asyncio.sleep(0.05)

    def start_polling(self) -> None:
        self.ticker = asyncio.create_task(self._tick())

    async def press(self, key: str) -> None:
        button = self.widgets.get(key)
        if button is None:
            raise LookupError(f"no button {key!r}")
        await self.send(WidgetState(id=button.id, trigger_value=True), fragment_id=self.fragments.get(key, ""))

    async def close(self) -> None:
        if self.ticker is not None:
            self.ticker.cancel()
        await super().close()


async def _wait(predicate, timeout: float = WAIT_S) -> bool:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.05)
    return True


async def run_poll(args: argparse.Namespace) -> dict:
    stats = Stats()
    probe = ServerProbe(args.server_pid) if args.server_pid else None
    sessions: list[tuple[aiohttp.ClientSession, PollSession]] = []

    def new(index: int, query: str) -> PollSession:
        http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True),
                                     timeout=aiohttp.ClientTimeout(total=120))
        s = PollSession(http, args.url, PAGES["cnn_lab"], stats, random.Random(index))
        s.query_string = query
        sessions.append((http, s))
        return s

    report: dict = {"url": args.url, "sessions": args.sessions}
    try:
        if args.idle > 0 and probe:  # the servers' own CPU with no session at all, to subtract
            cpu0, t0 = probe.cpu_seconds(), time.perf_counter()
            await asyncio.sleep(args.idle)
            base_cpu, base_wall = probe.cpu_seconds() - cpu0, time.perf_counter() - t0
        teacher = new(-1, "projector=1")
        await teacher.open()
        await teacher.press("class_start")
        if not await _wait(lambda: bool(teacher.code)):
            raise LookupError("the teacher's page showed no class code")
        teacher.start_polling()
        students = [new(i, f"class={teacher.code}") for i in range(args.sessions)]

        async def join(i: int, s: PollSession) -> None:
            await asyncio.sleep(args.ramp * i / max(1, args.sessions))
            t0 = time.perf_counter()
            await s.open()
            stats.opens.append(time.perf_counter() - t0)
            s.start_polling()
        await asyncio.gather(*(join(i, s) for i, s in enumerate(students)))

        if args.idle > 0 and probe:
            await asyncio.sleep(2.0)  # the last joins settle
            cpu0, t0 = probe.cpu_seconds(), time.perf_counter()
            await asyncio.sleep(args.idle)
            cpu, wall = probe.cpu_seconds() - cpu0, time.perf_counter() - t0
            extra = cpu / wall - base_cpu / base_wall  # CPU seconds per second the class's polls add
            report["idle"] = {"seconds": round(wall, 1), "server_cpu_s": round(cpu, 3),
                              "baseline_cpu_s": round(base_cpu * wall / base_wall, 3),
                              "cpu_ms_per_session_per_s": round(1000 * extra / (args.sessions + 1), 3)}

        picks = sorted(k for k in students[0].widgets if k.endswith("_pick"))
        if not picks:
            raise LookupError("no question on the page")
        sent: list[float] = []

        async def answer(s: PollSession) -> None:
            for key in picks:
                await asyncio.sleep(s.rng.uniform(*args.think))
                radio = s.widgets[key]
                state = WidgetState(id=radio.id, string_value=radio.options[s.rng.randrange(len(radio.options))])
                sent.append(time.perf_counter())
                await s.send(state, fragment_id=s.fragments.get(key, ""))
        await asyncio.gather(*(answer(s) for s in students))
        expected = len(students) * len(picks)
        if not await _wait(lambda: any(n >= expected for _, n in teacher.counts)):
            stats.errors.append(f"the teacher's count never reached {expected}")
        answer_lat = []
        for i, t_sent in enumerate(sorted(sent), start=1):  # the i-th answer is in once the count reaches i
            seen = next((t for t, n in teacher.counts if n >= i and t >= t_sent), None)
            if seen is not None:
                answer_lat.append(seen - t_sent)

        t_reveal = time.perf_counter()
        await teacher.press(f"{picks[0].removesuffix('_pick')}_class_reveal")
        if not await _wait(lambda: all(s.verdict_at for s in students)):
            stats.errors.append(f"{sum(not s.verdict_at for s in students)} students never saw the reveal")
        reveal_lat = [s.verdict_at - t_reveal for s in students if s.verdict_at]

        push_hash = next(h for h, p in teacher.pages.items() if p == PUSH_PAGE)
        await teacher.send(page_hash=push_hash)  # the teacher opens the Signal Lab
        if not await _wait(lambda: teacher.arrived_at is not None and "class_push" in teacher.widgets):
            raise LookupError("the teacher's page did not reach the Signal Lab")
        await asyncio.sleep(1.0)
        t_push = time.perf_counter()
        await teacher.press("class_push")
        if not await _wait(lambda: all(s.arrived_at for s in students)):
            stats.errors.append(f"{sum(not s.arrived_at for s in students)} students never followed the push")
        push_lat = [s.arrived_at - t_push for s in students if s.arrived_at]
        report.update({"answers": len(sent), "answer_to_teacher_ms": _summary(answer_lat),
                       "reveal_to_students_ms": _summary(reveal_lat), "push_to_students_ms": _summary(push_lat)})
    except (aiohttp.ClientError, TimeoutError, ConnectionError, LookupError) as exc:
        stats.errors.append(f"{type(exc).__name__}: {exc}")
    finally:
        report["replicas"] = sorted({c.value for http, _ in sessions for c in http.cookie_jar if c.key == COOKIE})
        for http, s in sessions:
            await s.close()
            await http.close()
    report.update({"open_ms": _summary(stats.opens), "errors": stats.errors, "exceptions": stats.exceptions})
    return report


def format_poll_report(r: dict) -> str:
    lines = [f"class poll: 1 teacher + {r['sessions']} students on {r['url']}"]
    for name, key in (("page open", "open_ms"), ("answer → teacher", "answer_to_teacher_ms"),
                      ("reveal → students", "reveal_to_students_ms"), ("push → students", "push_to_students_ms")):
        s = r.get(key)
        if s and s["n"]:
            lines.append(f"{name:<18} p50 {s['p50']:.0f} ms   p95 {s['p95']:.0f} ms   max {s['max']:.0f} ms   (n={s['n']})")
    if "idle" in r:
        i = r["idle"]
        lines.append(f"idle poll          {i['cpu_ms_per_session_per_s']} ms server CPU per session per second "
                     f"({i['server_cpu_s']} s over {i['seconds']} s, {i['baseline_cpu_s']} s of it without any "
                     f"session; teacher + students)")
    lines.append(f"errors            {len(r['errors'])}   exceptions {len(r['exceptions'])}")
    lines.extend(f"  {e}" for e in (r["errors"] + r["exceptions"])[:10])
    return "\n".join(lines)


def main(args: argparse.Namespace) -> int:
    report = asyncio.run(run_poll(args))
    print(format_poll_report(report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))
    complete = all(report.get(k, {}).get("n") for k in ("reveal_to_students_ms", "push_to_students_ms"))
    return 0 if complete and not report["errors"] and not report["exceptions"] else 1
