"""Drag benchmark: real Chromium drags on a live slider (run by hand, not by pytest).

    python tests/browser/bench_drag.py [--drags 5] [--seconds 3] [--hz 60] [--projector]
    python tests/browser/bench_drag.py --path signal_lab --slider "t" --image ".st-key-sl_out img"

Starts the app on a free loopback port (or uses ``--url``), opens ``--path`` in headless Chromium
and drags the live slider named ``--slider`` with mouse events at ``--hz`` for ``--seconds``,
``--drags`` times (back and forth). For the image ``--image`` it prints the distinct pictures per
second during each drag, the p50/p95 gap between pictures (the first gap counts from the press),
and the time from release to the release value on screen (script finished, images loaded).
Writes tests/artifacts/bench_drag.json. Every lab's main slider can be measured the same way.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))  # run as a script: `python tests/browser/bench_drag.py`

from tests.browser.drag import drag, install_probe  # noqa: E402
from tests.browser.helpers import open_page  # noqa: E402
from tests.servers import streamlit_app  # noqa: E402

ARTIFACTS = REPO / "tests" / "artifacts"


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def measure(page, args) -> dict:
    """``args.drags`` drags on one open page; the numbers of each and of all."""
    install_probe(page, args.image)
    drags = []
    for i in range(args.drags):
        start, end = (0.1, 0.6) if i % 2 == 0 else (0.6, 0.1)
        r = drag(page, args.slider, seconds=args.seconds, hz=args.hz, start=start, end=end,
                 in_page=args.input == "page")
        seconds = (r.released_ms - r.pressed_ms) / 1000  # longer than asked when the machine is busy
        times = [r.pressed_ms] + [t for t, _src in r.during]
        drags.append({
            "seconds": seconds,
            "event_hz": r.event_hz,
            "pictures": len({src for _t, src in r.during}),
            "pictures_per_s": len({src for _t, src in r.during}) / seconds,
            "gaps_ms": [b - a for a, b in zip(times, times[1:])],
            "release_ms": r.settled_ms - r.released_ms,
            "value": r.value,
        })
    gaps = [g for d in drags for g in d["gaps_ms"]]
    return {
        "drags": drags,
        "pictures_per_s_median": statistics.median(d["pictures_per_s"] for d in drags),
        "gap_p50_ms": _pct(gaps, 50), "gap_p95_ms": _pct(gaps, 95),
        "release_p50_ms": statistics.median(d["release_ms"] for d in drags),
        "release_max_ms": max(d["release_ms"] for d in drags),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", help="an app already running (default: start one)")
    ap.add_argument("--path", default="", help="the lab's URL path ('' = the Image Lab)")
    ap.add_argument("--slider", default="Sigma σ (spread)", help="the live slider's accessible name")
    ap.add_argument("--image", default=".st-key-il_out_panel img", help="CSS selector of the picture to watch")
    ap.add_argument("--query", default="", help="query string, e.g. il_size=256")
    ap.add_argument("--drags", type=int, default=5)
    ap.add_argument("--seconds", type=float, default=3.0)
    ap.add_argument("--hz", type=float, default=60.0)
    ap.add_argument("--projector", action="store_true", help="1280x720 with ?projector=1")
    ap.add_argument("--input", choices=("page", "playwright"), default="page",
                    help="pointer events made in the page at --hz (default), or Playwright's mouse (each event "
                         "waits for the renderer: on a loaded machine far fewer than --hz)")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    query = "&".join(q for q in (args.query, "projector=1" if args.projector else "") if q)
    viewport = {"width": 1280, "height": 720} if args.projector else {"width": 1400, "height": 1000}
    with contextlib.ExitStack() as stack:
        url = args.url or stack.enter_context(streamlit_app("bench-drag.log"))[0]
        pw = stack.enter_context(sync_playwright())
        browser = pw.chromium.launch(executable_path=args.chromium, headless=True, args=["--disable-gpu", "--disable-quic"])
        page = browser.new_context(viewport=viewport).new_page()
        page.set_default_timeout(60_000)
        open_page(page, url, args.path, query)
        result = measure(page, args)
        browser.close()
    result["setup"] = {k: v for k, v in vars(args).items() if k != "chromium"}
    for i, d in enumerate(result["drags"]):
        print(f"drag {i + 1}: {d['pictures']} pictures in {d['seconds']:.2f} s = {d['pictures_per_s']:.1f}/s "
              f"(mouse events at {d['event_hz']:.0f} Hz), "
              f"release value {d['value']} on screen {d['release_ms']:.0f} ms after release")
    print(f"median pictures/s {result['pictures_per_s_median']:.1f}; gap p50 {result['gap_p50_ms']:.0f} ms, "
          f"p95 {result['gap_p95_ms']:.0f} ms; release → on screen p50 {result['release_p50_ms']:.0f} ms, "
          f"max {result['release_max_ms']:.0f} ms")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "bench_drag.json").write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
