"""Subprocess side of tests/test_image_memory.py: decode files, print one JSON line.

``python tests/image_worker.py measure FILE full|working COPIES``
    Decode FILE (``load_image``, or ``load_working_copy`` at the largest working size) in
    COPIES threads started together; report the resident-size peak before and after.
``python tests/image_worker.py fuzz FOLDER PEAK_MB SECONDS``
    Decode every file of FOLDER with ``load_image`` under an address-space limit of the
    current size plus PEAK_MB (and a margin) and an alarm of SECONDS per file; report each
    outcome and every one that was not an image or an ``ImageError``.
"""

from __future__ import annotations

import io
import json
import resource
import signal
import sys
import threading
from pathlib import Path


def _maxrss_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux


def _tiny_png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGBA", (8, 8)).save(buf, format="PNG")
    return buf.getvalue()


def measure(path: str, how: str, copies: int) -> dict:
    from app.backend import images

    data = Path(path).read_bytes()
    images.load_working_copy(_tiny_png(), 4)  # imports and lazy set-up belong to the baseline
    base = _maxrss_kb()
    start = threading.Barrier(copies)
    found: list = [None] * copies

    def decode(i: int) -> None:
        start.wait()
        if how == "full":
            image = images.load_image(data)
        else:
            image = images.load_working_copy(data, images.MAX_WORKING_SIDE).image
        h, w = image.shape[:2]
        found[i] = (list(image.shape), image[h // 2, w // 2].tolist())

    threads = [threading.Thread(target=decode, args=(i,)) for i in range(copies)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return {"base_kb": base, "peak_kb": _maxrss_kb(), "shapes": [f[0] for f in found], "colours": [f[1] for f in found]}


def _vm_size_bytes() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("no VmSize in /proc/self/status")


class _Alarm(Exception):
    pass


def _on_alarm(signum, frame):
    raise _Alarm()


def fuzz(folder: str, peak_mb: int, seconds: int) -> dict:
    import numpy as np

    from app.backend.images import ImageError, load_image

    load_image(_tiny_png())
    limit = _vm_size_bytes() + (peak_mb + 256) * 2**20  # 256 MB: allocator and library slack
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    signal.signal(signal.SIGALRM, _on_alarm)
    results: dict[str, str] = {}
    bad: list[str] = []
    for path in sorted(Path(folder).iterdir()):
        signal.alarm(seconds)
        try:
            image = load_image(path.read_bytes())
            fine = (image.dtype == np.float64 and image.ndim in (2, 3) and bool(np.all(np.isfinite(image)))
                    and float(image.min()) >= 0.0 and float(image.max()) <= 1.0)
            results[path.name] = "ok" if fine else "bad output"
        except ImageError as exc:
            results[path.name] = exc.code
        except _Alarm:
            results[path.name] = "timeout"
        except BaseException as exc:  # MemoryError, or any exception that is not the documented one
            results[path.name] = f"{type(exc).__name__}: {exc}"[:200]
        finally:
            signal.alarm(0)
        if results[path.name] not in ("ok", "empty", "not_image", "truncated", "too_large", "invalid"):
            bad.append(f"{path.name}: {results[path.name]}")
    return {"count": len(results), "results": results, "bad": bad}


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "measure":
        report = measure(args[0], args[1], int(args[2]))
    else:
        report = fuzz(args[0], int(args[1]), int(args[2]))
    print(json.dumps(report))
