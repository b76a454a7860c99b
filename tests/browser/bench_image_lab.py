"""Browser latency benchmark of the Image Lab against a bare page (run by hand, not by pytest).

    python tests/browser/bench_image_lab.py [--moves 30] [--chromium /usr/bin/chromium]

In ONE run it starts two Streamlit servers the same way (the app, and tests/browser/bare_page.py:
one slider, one 512² image, one PNG spectrum chart), opens each in headless Chromium, and presses
ArrowRight on a slider ``--moves`` times (every value new, so Streamlit's message cache never
answers). Latency = key press → the output image's ``src`` changed, loaded, the script finished
and two animation frames painted. Bytes per move = websocket frames received + ``/media`` bodies.
Prints a table and writes tests/artifacts/bench_image_lab.json.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(script: str) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    log = open(ARTIFACTS / f"bench-{Path(script).stem}.log", "wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port),
         "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=REPO, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                if r.read() == b"ok":
                    return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError(f"{script} did not start")


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def measure(browser, url: str, *, slider_name: str, image_sel: str, moves: int, warmup: int) -> dict:
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = ctx.new_page()
    page.set_default_timeout(60_000)
    ws_bytes = [0]

    def on_ws(ws):
        def on_frame(payload):
            ws_bytes[0] += len(payload) if isinstance(payload, (bytes, bytearray)) else len(payload.encode())

        ws.on("framereceived", on_frame)

    page.on("websocket", on_ws)
    page.goto(url)
    page.wait_for_selector("[data-testid=stApp][data-test-connection-state=CONNECTED]")
    page.wait_for_function(DONE_JS, arg=[image_sel, ""])
    time.sleep(1.0)
    slider = page.get_by_role("slider", name=slider_name)
    slider.focus()
    latencies, per_move_bytes, per_move_ws, per_move_media = [], [], [], []
    for i in range(warmup + moves):
        old = page.locator(image_sel).first.get_attribute("src")
        n_res = page.evaluate(COUNT_JS)
        ws0 = ws_bytes[0]
        t0 = time.perf_counter()
        page.keyboard.press("ArrowRight")
        page.wait_for_function(DONE_JS, arg=[image_sel, old], polling="raf")
        page.evaluate(TWO_FRAMES_JS)
        dt = (time.perf_counter() - t0) * 1000
        time.sleep(0.25)  # let late frames/media land before counting bytes
        media = page.evaluate(MEDIA_JS, n_res)
        ws = ws_bytes[0] - ws0
        if i >= warmup:
            latencies.append(dt)
            per_move_ws.append(ws)
            per_move_media.append(media)
            per_move_bytes.append(ws + media)
    errors = page.locator("[data-testid=stException]").count()
    ctx.close()
    lat = sorted(latencies)
    p95 = lat[min(len(lat) - 1, round(0.95 * (len(lat) - 1)))]
    return {
        "median_ms": statistics.median(lat),
        "p95_ms": p95,
        "mean_ms": statistics.fmean(lat),
        "kb_per_move": statistics.median(per_move_bytes) / 1024,
        "ws_kb_per_move": statistics.median(per_move_ws) / 1024,
        "media_kb_per_move": statistics.median(per_move_media) / 1024,
        "moves": moves,
        "exceptions": errors,
        "latencies_ms": [round(x, 1) for x in latencies],
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
    servers = []
    try:
        app_proc, app_url = start_server("app/main.py")
        servers.append(app_proc)
        bare_proc, bare_url = start_server("tests/browser/bare_page.py")
        servers.append(bare_proc)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=args.chromium, headless=True,
                                         args=["--disable-gpu", "--disable-quic"])
            # alternate the two pages so drift on this shared machine hits both alike
            half = max(1, args.moves // 2)
            runs = {"bare": [], "image_lab": []}
            for _ in range(2):
                runs["bare"].append(measure(browser, bare_url, slider_name="Sigma",
                                            image_sel="[data-testid=stImage] img", moves=half, warmup=args.warmup))
                runs["image_lab"].append(measure(browser, app_url, slider_name="Sigma σ (spread)",
                                                 image_sel=".st-key-il_out_panel img", moves=half,
                                                 warmup=args.warmup))
            browser.close()
        for name, parts in runs.items():
            lat = sorted(x for p in parts for x in p["latencies_ms"])
            results[name] = {
                "median_ms": round(statistics.median(lat), 1),
                "p95_ms": round(lat[min(len(lat) - 1, round(0.95 * (len(lat) - 1)))], 1),
                "kb_per_move": round(statistics.median([p["kb_per_move"] for p in parts]), 1),
                "ws_kb_per_move": round(statistics.median([p["ws_kb_per_move"] for p in parts]), 1),
                "media_kb_per_move": round(statistics.median([p["media_kb_per_move"] for p in parts]), 1),
                "moves": len(lat),
                "exceptions": sum(p["exceptions"] for p in parts),
            }
    finally:
        for proc in servers:
            stop_server(proc)
    ratio = results["image_lab"]["median_ms"] / results["bare"]["median_ms"]
    results["ratio_median"] = round(ratio, 2)
    results["targets"] = {"ratio_median_max": 1.3, "kb_per_move_max": 600}
    print(f"{'page':<10} {'median ms':>10} {'p95 ms':>8} {'KB/move':>8} {'ws KB':>7} {'media KB':>9}")
    for name in ("bare", "image_lab"):
        r = results[name]
        print(f"{name:<10} {r['median_ms']:>10.1f} {r['p95_ms']:>8.1f} {r['kb_per_move']:>8.1f} "
              f"{r['ws_kb_per_move']:>7.1f} {r['media_kb_per_move']:>9.1f}")
    print(f"Image Lab / bare median: {ratio:.2f} (target ≤ 1.3); Image Lab KB/move: "
          f"{results['image_lab']['kb_per_move']:.0f} (target ≤ 600)")
    (ARTIFACTS / "bench_image_lab.json").write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
