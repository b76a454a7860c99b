"""Live camera benchmark: Chromium's fake camera drives the Image Lab (run by hand, not by pytest).

    python tests/browser/bench_camera.py [--seconds 10] [--side 256] [--query il_colour=true]

Starts the app on a free loopback port (or uses ``--url``), opens the Image Lab in headless Chromium
with a fake camera (a moving test pattern), chooses the Camera source at ``--side`` px and counts
the distinct output pictures drawn in ``--seconds`` (all six panels follow each frame): frames per
second, the p50/p95 gap between them, the server's CPU time per frame (when this script starts the
server), and the machine's load average before and after (other programs on the machine slow the
app down). Writes tests/artifacts/bench_camera.json.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))  # run as a script: `python tests/browser/bench_camera.py`

from app.ui.live_camera import CAMERA_SIDES  # noqa: E402
from tests.browser.bench_drag import _pct  # noqa: E402
from tests.browser.camera import CAMERA, FAKE_CAMERA, start_camera  # noqa: E402
from tests.servers import streamlit_app  # noqa: E402

ARTIFACTS = REPO / "tests" / "artifacts"


def _cpu_s(pid: int | None) -> float:
    """CPU seconds (user + system) the process ``pid`` has used so far; 0 when unknown."""
    if pid is None:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _browser_pids() -> list[int]:
    """This script's Chromium processes (descendants of this process, the server excluded by the caller)."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        parents[int(stat.parent.name)] = (int(text.rsplit(")", 1)[1].split()[1]), "chrom" in text.split(")")[0])
    def mine(pid: int) -> bool:
        while pid in parents and pid > 1:
            pid = parents[pid][0]
            if pid == os.getpid():
                return True
        return False
    return [pid for pid, (_ppid, chromium) in parents.items() if chromium and mine(pid)]


def _cpu_sum(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        try:
            total += _cpu_s(pid)
        except OSError:  # a process that ended meanwhile
            pass
    return total


def measure(page, seconds: float, server_pid: int | None) -> dict:
    """Frames drawn in the output panel during ``seconds`` of live video (the page is already live)."""
    browser = _browser_pids()
    cpu0, browser0 = _cpu_s(server_pid), _cpu_sum(browser)
    page.evaluate("() => { window.__csDrag.pictures = []; }")
    sent0 = int(page.locator(CAMERA).get_attribute("data-sent"))
    t0 = page.evaluate("() => performance.now()")
    time.sleep(seconds)
    pictures = page.evaluate("() => window.__csDrag.pictures")
    t1 = page.evaluate("() => performance.now()")
    sent = int(page.locator(CAMERA).get_attribute("data-sent")) - sent0
    server_cpu_ms = (_cpu_s(server_pid) - cpu0) * 1000 / max(sent, 1)
    browser_cpu_ms = (_cpu_sum(browser) - browser0) * 1000 / max(sent, 1)
    times = [t0] + [t for t, _src in pictures]
    gaps = [b - a for a, b in zip(times, times[1:])]
    distinct = len({src for _t, src in pictures})
    return {"seconds": (t1 - t0) / 1000, "frames_sent": sent, "pictures": distinct,
            "frames_per_s": distinct / ((t1 - t0) / 1000), "gap_p50_ms": _pct(gaps, 50), "gap_p95_ms": _pct(gaps, 95),
            "server_cpu_ms_per_frame": server_cpu_ms if server_pid else None,
            "browser_cpu_ms_per_frame": browser_cpu_ms}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", help="an app already running (default: start one)")
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--side", type=int, default=256, choices=CAMERA_SIDES, help="the camera frame size (long side, px)")
    ap.add_argument("--query", default="", help="query string, e.g. il_colour=true")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    with contextlib.ExitStack() as stack:
        url, server = (args.url, None) if args.url else stack.enter_context(streamlit_app("bench-camera.log"))
        pw = stack.enter_context(sync_playwright())
        browser = pw.chromium.launch(executable_path=args.chromium, headless=True,
                                     args=["--disable-gpu", "--disable-quic", *FAKE_CAMERA])
        page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        page.set_default_timeout(60_000)
        start_camera(page, url, args.query)
        steps = CAMERA_SIDES.index(args.side) - CAMERA_SIDES.index(256)  # the size is not a link setting: keys
        slider = page.get_by_role("slider", name="Camera frame size (long side, px)")
        for _ in range(abs(steps)):
            slider.press("ArrowRight" if steps > 0 else "ArrowLeft")
        time.sleep(2)  # the first frames warm the caches up
        load_before = os.getloadavg()
        result = measure(page, args.seconds, server.pid if server else None)
        result["load_before"], result["load_after"] = load_before, os.getloadavg()
        browser.close()
    result["setup"] = {k: v for k, v in vars(args).items() if k != "chromium"}
    print(f"{result['pictures']} distinct output pictures in {result['seconds']:.1f} s = "
          f"{result['frames_per_s']:.1f} frames/s at {args.side} px ({result['frames_sent']} frames sent); "
          f"gap p50 {result['gap_p50_ms']:.0f} ms, p95 {result['gap_p95_ms']:.0f} ms; "
          f"CPU per frame: server {result['server_cpu_ms_per_frame'] or float('nan'):.0f} ms, "
          f"Chromium {result['browser_cpu_ms_per_frame']:.0f} ms; "
          f"load average {result['load_before'][0]:.1f} before, {result['load_after'][0]:.1f} after")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "bench_camera.json").write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
