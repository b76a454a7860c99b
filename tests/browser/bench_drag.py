"""Drag benchmark: real Chromium drags on a live slider (run by hand, not by pytest).

    python tests/browser/bench_drag.py [--lab image_lab] [--drags 5] [--seconds 3] [--hz 60] [--projector]
    python tests/browser/bench_drag.py --lab all        # every lab's main slider, one after the other
    python tests/browser/bench_drag.py --path signal_lab --slider "Time t (where g is slid to)" --image ".st-key-sl_slide_chart"

Starts the app on a free loopback port (or uses ``--url``), opens the lab's page in headless
Chromium and drags its main live slider (tests/browser/drag.py ``MAIN_SLIDERS``; or ``--path``,
``--slider``, ``--image``) with mouse events at ``--hz`` for ``--seconds``, ``--drags`` times (back
and forth). For its picture (an image, or a Plotly chart by its SVG) it prints the distinct
pictures per second during each drag, the p50/p95 gap between pictures (the first gap counts from
the press), and the time from release to the release value on screen (script finished, images
loaded). Writes tests/artifacts/bench_drag.json (one entry per lab).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))  # run as a script: `python tests/browser/bench_drag.py`

from tests.browser.drag import MAIN_SLIDERS, LabSlider, drag, install_probe  # noqa: E402
from tests.browser.helpers import open_page  # noqa: E402
from tests.servers import streamlit_app  # noqa: E402

ARTIFACTS = REPO / "tests" / "artifacts"


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def measure(page, lab: LabSlider, args) -> dict:
    """``args.drags`` drags on one open page; the numbers of each and of all."""
    install_probe(page, lab.picture)
    drags = []
    for i in range(args.drags):
        start, end = (0.1, 0.6) if i % 2 == 0 else (0.6, 0.1)
        r = drag(page, lab.name, seconds=args.seconds, hz=args.hz, start=start, end=end,
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
    ap.add_argument("--lab", default="image_lab", choices=(*MAIN_SLIDERS, "all"), help="whose main slider to drag")
    ap.add_argument("--path", help="another page's URL path (with --slider and --image)")
    ap.add_argument("--slider", help="the live slider's accessible name (default: the lab's main slider)")
    ap.add_argument("--image", help="CSS selector of the picture to watch (an image or a chart)")
    ap.add_argument("--query", default=None, help="query string, e.g. il_size=256 (default: the lab's own)")
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

    labs = dict(MAIN_SLIDERS) if args.lab == "all" else {args.lab: MAIN_SLIDERS[args.lab]}
    if args.path is not None or args.slider or args.image:
        base = labs[next(iter(labs))]
        labs = {args.path or args.lab: LabSlider(base.path if args.path is None else args.path, base.query,
                                                 args.slider or base.name, "", args.image or base.picture)}
    viewport = {"width": 1280, "height": 720} if args.projector else {"width": 1400, "height": 1000}
    results = {}
    with contextlib.ExitStack() as stack:
        url = args.url or stack.enter_context(streamlit_app("bench-drag.log"))[0]
        pw = stack.enter_context(sync_playwright())
        browser = pw.chromium.launch(executable_path=args.chromium, headless=True, args=["--disable-gpu", "--disable-quic"])
        for name, lab in labs.items():
            page = browser.new_context(viewport=viewport).new_page()
            page.set_default_timeout(60_000)
            query = args.query if args.query is not None else lab.query
            open_page(page, url, lab.path, "&".join(q for q in (query, "projector=1" if args.projector else "") if q))
            results[name] = _report(name, measure(page, lab, args))
            page.context.close()
        browser.close()
    setup = {k: v for k, v in vars(args).items() if k != "chromium"}
    setup["load_average"] = os.getloadavg()  # the machine's load when the numbers were taken
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "bench_drag.json").write_text(json.dumps({"setup": setup, "labs": results}, indent=1))
    print(f"load average (1, 5, 15 min) at the end: {', '.join(f'{x:.1f}' for x in setup['load_average'])}")
    return 0


def _report(name: str, result: dict) -> dict:
    print(f"== {name}")
    for i, d in enumerate(result["drags"]):
        print(f"drag {i + 1}: {d['pictures']} pictures in {d['seconds']:.2f} s = {d['pictures_per_s']:.1f}/s "
              f"(mouse events at {d['event_hz']:.0f} Hz), "
              f"release value {d['value']} on screen {d['release_ms']:.0f} ms after release")
    print(f"median pictures/s {result['pictures_per_s_median']:.1f}; gap p50 {result['gap_p50_ms']:.0f} ms, "
          f"p95 {result['gap_p95_ms']:.0f} ms; release → on screen p50 {result['release_p50_ms']:.0f} ms, "
          f"max {result['release_max_ms']:.0f} ms")
    return result


if __name__ == "__main__":
    raise SystemExit(main())
