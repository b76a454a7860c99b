"""A classroom in one process: N headless sessions that speak Streamlit's websocket protocol.

Each session opens a lab the way a browser does (``GET /`` for the load balancer's cookie,
``/_stcore/health`` for the XSRF cookie, the websocket ``/_stcore/stream``), optionally uploads
its own photo through the page's file uploader, then drags one slider ``--moves`` times with a
random think time between moves. A move is timed from the ``rerun_script`` message to the
run's ``script_finished`` plus the download of every new ``/media`` image of the run, which is
what a student waits for. Widget ids, ranges and fragment ids are read from the deltas.

Usage::

    python3 -m app.loadtest http://127.0.0.1:8501 --sessions 30 --moves 20
    python3 -m app.loadtest URL --sessions 30 --moves 20 --upload --server-pid 1234

With ``--drag`` each session *drags* instead, as the live slider (app/ui/live_slider.py) does:
for ``--drag-s`` seconds it samples the hand's position at 60 Hz and sends the newest value
only once the previous run finished and its images were fetched (the browser's backpressure),
then sends the release value; ``--moves`` drags per session, ``--think`` seconds between them::

    python3 -m app.loadtest URL --drag --sessions 30 --moves 5 --drag-s 2 --think 1 4

It prints p50/p95/max per move and per page open, completed moves and every error (dropped
sockets, failed media requests, exception elements); with ``--drag`` also pictures per second per
drag, the p50/p95 gap between pictures, the release values drawn and the time from release to them; with ``--server-pid`` (repeatable, one per
replica) also the server's CPU per move and its peak RSS. ``--json`` writes the same as JSON.
Only ever point it at a server of your own on this machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from app.loadtest_session import PAGES, Session, Stats, percentile, photo_bytes, student, widget_key

# the session's names are part of the load tool's interface (tests and app.loadtest_poll use them from here)
__all__ = ["PAGES", "Session", "Stats", "ServerProbe", "photo_bytes", "widget_key", "run", "format_report",
           "parse_args", "main"]


class ServerProbe:
    """CPU seconds and RSS of the server processes, read from /proc (Linux)."""

    def __init__(self, pids: Sequence[int]) -> None:
        self.pids = list(pids)
        self.peak_rss = 0

    def cpu_seconds(self) -> float:
        total = 0.0
        for pid in self.pids:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        return total

    def rss_bytes(self) -> int:
        total = 0
        for pid in self.pids:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        self.peak_rss = max(self.peak_rss, total)
        return total

    async def watch(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            self.rss_bytes()
            await asyncio.sleep(0.25)


async def run(args: argparse.Namespace) -> dict:
    stats = Stats()
    probe = ServerProbe(args.server_pid) if args.server_pid else None
    stop = asyncio.Event()
    watcher = asyncio.create_task(probe.watch(stop)) if probe else None
    rss0 = probe.rss_bytes() if probe else 0
    cpu0 = probe.cpu_seconds() if probe else 0.0
    t0 = time.perf_counter()
    await asyncio.gather(*(student(i, args, stats) for i in range(args.sessions)))
    wall = time.perf_counter() - t0
    report = {
        "url": args.url, "page": args.page, "sessions": args.sessions, "moves_per_session": args.moves,
        "think_s": list(args.think), "upload": args.upload, "wall_s": round(wall, 2),
        "moves_completed": len(stats.moves), "moves_expected": args.sessions * args.moves,
        "sessions_completed": stats.sessions_done,
        "move_ms": _summary(stats.moves), "open_ms": _summary(stats.opens),
        "upload_ms": _summary(stats.uploads), "media_kb_per_move": round(stats.media_bytes / 1024 / max(1, len(stats.moves) or stats.drag_pictures), 1),
        "errors": stats.errors, "exceptions": stats.exceptions,
    }
    if args.drag:
        report["drag"] = {
            "seconds": args.drag_s, "drags": len(stats.drag_rates),
            "pictures_per_s_p50": round(percentile(stats.drag_rates, 50), 2),
            "pictures_per_s_min": round(min(stats.drag_rates), 2) if stats.drag_rates else float("nan"),
            "gap_ms": _summary(stats.drag_gaps), "release_ms": _summary(stats.releases),
            "releases_drawn": stats.releases_drawn,
        }
        report["moves_completed"] = report["drag"]["drags"]  # in drag mode --moves counts drags
    if probe:
        cpu = probe.cpu_seconds() - cpu0
        report["server"] = {
            "cpu_s": round(cpu, 2),
            "cpu_ms_per_move": round(1000 * cpu / max(1, len(stats.moves)), 1),
            "rss_start_mb": round(rss0 / 2**20), "rss_peak_mb": round(probe.peak_rss / 2**20),
            "rss_end_mb": round(probe.rss_bytes() / 2**20),
        }
        if args.drag:
            report["server"]["cpu_ms_per_picture"] = round(1000 * cpu / max(1, stats.drag_pictures), 1)
        if args.linger:
            await asyncio.sleep(args.linger)
            report["server"]["rss_after_linger_mb"] = round(probe.rss_bytes() / 2**20)
        stop.set()
        await watcher
    return report


def _summary(values: Sequence[float]) -> dict:
    ms = [1000 * v for v in values]
    return {"n": len(ms), "p50": round(percentile(ms, 50), 1), "p95": round(percentile(ms, 95), 1),
            "max": round(max(ms), 1) if ms else float("nan")}


def format_report(r: dict) -> str:
    lines = [
        f"{r['sessions']} sessions x {r['moves_per_session']} moves on {r['page']} "
        f"(think {r['think_s'][0]}-{r['think_s'][1]} s{', own uploads' if r['upload'] else ''}), {r['wall_s']} s",
        f"moves completed   {r['moves_completed']}/{r['moves_expected']}",
    ]
    for name, key in (("move", "move_ms"), ("page open", "open_ms"), ("upload", "upload_ms")):
        s = r[key]
        if s["n"]:
            lines.append(f"{name:<17} p50 {s['p50']:.0f} ms   p95 {s['p95']:.0f} ms   max {s['max']:.0f} ms   (n={s['n']})")
    if "drag" in r:
        d = r["drag"]
        lines.append(f"drags             {d['drags']} of {d['seconds']} s; pictures/s per drag p50 {d['pictures_per_s_p50']}, "
                     f"min {d['pictures_per_s_min']}")
        for name, key in (("gap", "gap_ms"), ("release→drawn", "release_ms")):
            s = d[key]
            lines.append(f"{name:<17} p50 {s['p50']:.0f} ms   p95 {s['p95']:.0f} ms   max {s['max']:.0f} ms   (n={s['n']})")
        lines.append(f"release values    {d['releases_drawn']}/{d['drags']} drawn")
    lines.append(f"media per {'picture' if 'drag' in r else 'move   '} {r['media_kb_per_move']} KB")
    if "server" in r:
        sv = r["server"]
        per = (f"{sv['cpu_ms_per_picture']} ms per picture of a drag" if "cpu_ms_per_picture" in sv
               else f"{sv['cpu_ms_per_move']} ms per move")
        lines.append(f"server CPU        {per} (page opens and uploads included), {sv['cpu_s']} s in all")
        rss = f"server RSS        start {sv['rss_start_mb']} MB, peak {sv['rss_peak_mb']} MB, end {sv['rss_end_mb']} MB"
        if "rss_after_linger_mb" in sv:
            rss += f", after the linger {sv['rss_after_linger_mb']} MB"
        lines.append(rss)
    lines.append(f"errors            {len(r['errors'])}   exceptions {len(r['exceptions'])}")
    lines.extend(f"  {e}" for e in (r["errors"] + r["exceptions"])[:10])
    return "\n".join(lines)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python3 -m app.loadtest", description=__doc__.split("\n\n")[0])
    p.add_argument("url", help="the app's address, e.g. http://127.0.0.1:8501 (a server of your own)")
    p.add_argument("--sessions", type=int, default=30)
    p.add_argument("--moves", type=int, default=20, help="slider moves per session")
    p.add_argument("--page", choices=sorted(PAGES), default="image_lab")
    p.add_argument("--think", type=float, nargs=2, default=(0.5, 2.0), metavar=("MIN", "MAX"),
                   help="seconds between moves, drawn uniformly")
    p.add_argument("--ramp", type=float, default=5.0, help="seconds over which the sessions join")
    p.add_argument("--upload", action="store_true", help="every session uploads its own photo first")
    p.add_argument("--upload-side", type=int, default=512, help="side of the uploaded photos (px, ≤ 2048)")
    p.add_argument("--server-pid", type=int, action="append", default=[], help="server process (repeat per replica)")
    p.add_argument("--linger", type=float, default=0.0, help="after the sessions close, wait this long and read RSS again")
    p.add_argument("--drag", action="store_true", help="drag the page's live slider (--moves drags per session)")
    p.add_argument("--drag-s", type=float, default=2.0, help="seconds per drag (with --drag)")
    p.add_argument("--json", type=Path, help="also write the report as JSON")
    p.add_argument("--poll", action="store_true",
                   help="a class poll instead of slider moves: a teacher starts a class, the sessions join, answer, "
                        "see the teacher's Reveal and follow a push (app.loadtest_poll)")
    p.add_argument("--idle", type=float, default=0.0,
                   help="--poll: seconds every student sits idle (only the page's poll runs), for the CPU per idle student")
    args = p.parse_args(argv)
    if args.sessions < 1 or args.moves < 0 or not 0 <= args.think[0] <= args.think[1]:
        p.error("need --sessions ≥ 1, --moves ≥ 0 and 0 ≤ think MIN ≤ MAX")
    if not 0 < args.drag_s <= 600:
        p.error("--drag-s must be within 0..600 seconds")
    if not 16 <= args.upload_side <= 2048:
        p.error("--upload-side must be within 16..2048")
    if args.upload and not PAGES[args.page].source_key:
        p.error(f"--upload: the {args.page} page takes no upload")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.poll:
        from app import loadtest_poll

        return loadtest_poll.main(args)
    report = asyncio.run(run(args))
    print(format_report(report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))
    drawn_all = "drag" not in report or report["drag"]["releases_drawn"] == report["drag"]["drags"]
    return 0 if not report["errors"] and not report["exceptions"] and drawn_all and \
        report["moves_completed"] == report["moves_expected"] else 1


if __name__ == "__main__":
    sys.exit(main())
