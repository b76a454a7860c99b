"""Browser latency benchmark of the Image Lab against a bare page (run by hand, not by pytest).

    python tests/browser/bench_image_lab.py [--moves 30] [--chromium /usr/bin/chromium]

In ONE run it starts two Streamlit servers the same way (the app, and tests/browser/bare_page.py:
one slider, one 512² image, one PNG spectrum chart), opens both in headless Chromium and presses
ArrowRight on a slider of each in turn, ``--moves`` times each (every value new, so Streamlit's
message cache never answers). Latency = key press → the output image's ``src`` changed, loaded, the script finished
and two animation frames painted. Bytes per move = websocket frames received + ``/media`` bodies.
Prints a table and writes tests/artifacts/bench_image_lab.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))  # run as a script: `python tests/browser/bench_image_lab.py`

from tests.servers import streamlit_app  # noqa: E402

ARTIFACTS = REPO / "tests" / "artifacts"

DONE_JS = """([sel, old]) => {
  const app = document.querySelector('[data-testid=stApp]');
  const img = document.querySelector(sel);
  if (!app || !img) return false;
  const src = img.getAttribute('src');
  return src && src !== old && img.complete && img.naturalWidth > 0
         && app.getAttribute('data-test-script-state') === 'notRunning';
}"""
TWO_FRAMES_JS = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))"
MEDIA_JS = """(start) => performance.getEntriesByType('resource').slice(start)
   .filter(e => e.name.includes('/media/'))
   .reduce((a, e) => a + (e.encodedBodySize || e.transferSize || 0), 0)"""
COUNT_JS = "() => performance.getEntriesByType('resource').length"


class Target:
    """One open page whose slider we press, with its byte counters."""

    def __init__(self, browser, url: str, *, slider_name: str, image_sel: str) -> None:
        self.ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.page = page = self.ctx.new_page()
        page.set_default_timeout(60_000)
        self.image_sel = image_sel
        self.ws_bytes = 0
        self.latencies: list[float] = []
        self.bytes: list[int] = []
        self.ws: list[int] = []
        self.media: list[int] = []

        def on_ws(ws):
            def on_frame(payload):
                self.ws_bytes += len(payload) if isinstance(payload, (bytes, bytearray)) else len(payload.encode())

            ws.on("framereceived", on_frame)

        page.on("websocket", on_ws)
        page.goto(url)
        page.wait_for_selector("[data-testid=stApp][data-test-connection-state=CONNECTED]")
        page.wait_for_function(DONE_JS, arg=[image_sel, ""])
        time.sleep(1.0)
        self.slider = page.get_by_role("slider", name=slider_name)

    def move(self, record: bool) -> None:
        page = self.page
        self.slider.focus()
        old = page.locator(self.image_sel).first.get_attribute("src")
        n_res = page.evaluate(COUNT_JS)
        ws0 = self.ws_bytes
        t0 = time.perf_counter()
        page.keyboard.press("ArrowRight")
        page.wait_for_function(DONE_JS, arg=[self.image_sel, old], polling="raf")
        page.evaluate(TWO_FRAMES_JS)
        dt = (time.perf_counter() - t0) * 1000
        time.sleep(0.25)  # let late frames/media land before counting bytes
        media = page.evaluate(MEDIA_JS, n_res)
        ws = self.ws_bytes - ws0
        if record:
            self.latencies.append(dt)
            self.ws.append(ws)
            self.media.append(media)
            self.bytes.append(ws + media)

    def summary(self) -> dict:
        lat = sorted(self.latencies)
        return {
            "median_ms": round(statistics.median(lat), 1),
            "p95_ms": round(lat[min(len(lat) - 1, round(0.95 * (len(lat) - 1)))], 1),
            "kb_per_move": round(statistics.median(self.bytes) / 1024, 1),
            "ws_kb_per_move": round(statistics.median(self.ws) / 1024, 1),
            "media_kb_per_move": round(statistics.median(self.media) / 1024, 1),
            "moves": len(lat),
            "exceptions": self.page.locator("[data-testid=stException]").count(),
            "latencies_ms": [round(x, 1) for x in self.latencies],
        }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--moves", type=int, default=30)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    results = {}
    with streamlit_app("bench-app.log") as (app_url, _), \
            streamlit_app("bench-bare.log", script="tests/browser/bare_page.py") as (bare_url, _), \
            sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=args.chromium, headless=True,
                                     args=["--disable-gpu", "--disable-quic"])
        # both pages stay open and take turns, one move each, so the load of this shared
        # machine hits both alike; every value is new (never answered from the message cache)
        bare = Target(browser, bare_url, slider_name="Sigma", image_sel="[data-testid=stImage] img")
        lab = Target(browser, app_url, slider_name="Sigma σ (spread)", image_sel=".st-key-il_out_panel img")
        for i in range(args.warmup + args.moves):
            for target in (bare, lab) if i % 2 == 0 else (lab, bare):
                target.move(record=i >= args.warmup)
        results["bare"], results["image_lab"] = bare.summary(), lab.summary()
        pairs = [a / b for a, b in zip(lab.latencies, bare.latencies)]
        results["median_of_paired_ratios"] = round(statistics.median(pairs), 2)
        browser.close()
    ratio = results["image_lab"]["median_ms"] / results["bare"]["median_ms"]
    results["ratio_median"] = round(ratio, 2)
    results["targets"] = {"ratio_median_max": 1.2, "kb_per_move_max": 600}
    print(f"{'page':<10} {'median ms':>10} {'p95 ms':>8} {'KB/move':>8} {'ws KB':>7} {'media KB':>9}")
    for name in ("bare", "image_lab"):
        r = results[name]
        print(f"{name:<10} {r['median_ms']:>10.1f} {r['p95_ms']:>8.1f} {r['kb_per_move']:>8.1f} "
              f"{r['ws_kb_per_move']:>7.1f} {r['media_kb_per_move']:>9.1f}")
    print(f"Image Lab / bare median: {ratio:.2f} (paired: {results['median_of_paired_ratios']:.2f}; target ≤ 1.2); "
          f"Image Lab KB/move: "
          f"{results['image_lab']['kb_per_move']:.0f} (target ≤ 600)")
    (ARTIFACTS / "bench_image_lab.json").write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
