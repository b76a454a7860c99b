"""Benchmark: ``python -m app.bench [--quick] [--dtype float64|float32] [--boundary reflect]``.

Two ratios per (image size N, kernel size k, kernel kind), both "lower is better":

``auto``
    ``convolve(x, k, method="auto")`` / ``min(fftconvolve on the padded image, ndimage.convolve)``.
    Fair baselines: ``scipy.signal.fftconvolve(np.pad(x, k // 2, <boundary>), k, mode="same")``
    cropped (the same boundary work as ours), and ``scipy.ndimage.convolve(x, k, mode=<boundary>)``.
    Targets: median <= 1.0, no cell > 1.2.
``slider``
    The app's slider path — ``ImageAnalysis.apply(k)`` (image spectrum cached), the output image
    as display uint8 exactly as the pages make it (``signed_display``, then ``downsample_for_display``
    to <= 512 px) and the output log spectrum as display uint8
    (``downsample_for_display`` to <= 384 px), at the sizes the Image Lab shows them
    (``DISPLAY_SIDE``, ``SPECTRUM_SIDE``) — / one ``scipy.signal.fftconvolve(x, k,
    mode="same")`` of the same (float64) image.  Target: <= 0.6 everywhere.  The analysis runs in
    ``--slider-dtype`` (default ``SLIDER_DTYPE``, the Image Lab's precision); the same path in
    the other precision is the ``r_f32`` (or ``r_f64``) column.  ``r_apply`` is the compute part
    alone (``ImageAnalysis.apply`` / ``fftconvolve``), without the two display conversions.

Kernels: ``random`` (standard normal, not separable) and ``gaussian`` (separable, sigma = k / 6).
Timing: one warm-up call, then the competitors are run interleaved ``repeat`` times and the
median is taken (absolute times on shared 2-vCPU machines drift by 20–40%; ratios are stable).
Very slow ``ndimage.convolve`` cells (estimated > ``--max-direct`` seconds) are skipped and
marked; their ``min`` is then the FFT baseline alone.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable

import numpy as np
from scipy import ndimage, signal

from app.backend import ImageAnalysis, convolve, downsample_for_display
from app.backend.analysis import tune_allocator
from app.backend.convolution import _NDIMAGE_MODE, _PAD_MODE, COST, choose_method, rank1_factors
from app.backend.display import signed_display

FULL_SIZES = (256, 512, 1024, 2048)
FULL_KERNELS = (3, 7, 15, 31, 63)
QUICK_SIZES = (256, 512)
QUICK_KERNELS = (3, 15, 63)
KINDS = ("random", "gaussian")

# ndimage.convolve costs about this many seconds per output sample per tap (float64).
_ND_SECONDS_PER_TAP = 1.0e-9


def make_kernel(kind: str, k: int, rng: np.random.Generator) -> np.ndarray:
    """A ``k``×``k`` test kernel: ``random`` (normal, full rank) or ``gaussian`` (separable)."""
    if kind == "random":
        return rng.standard_normal((k, k))
    t = np.arange(k) - (k - 1) / 2
    g = np.exp(-0.5 * (t / max(k / 6.0, 0.5)) ** 2)
    g2 = np.outer(g, g)
    return g2 / g2.sum()


#: Display sizes of the Image Lab (``app/labs/image_lab/pipeline.py``: ``DISPLAY_SIDE``, ``SPECTRUM_SIDE``).
DISPLAY_SIDE = 512
SPECTRUM_SIDE = 384

#: Working precision of the Image Lab's cached analysis (``app.labs.image_lab.pipeline._analysis``: the
#: default, float64).  The other precision is timed too (``r_f32`` / ``r_f64`` column).
SLIDER_DTYPE = "float64"


def slider_step(
    analysis: ImageAnalysis, kernel: np.ndarray, max_side: int = DISPLAY_SIDE, spectrum_side: int = SPECTRUM_SIDE
) -> tuple[np.ndarray, np.ndarray]:
    """What one slider move costs in the app: apply + output image + output spectrum, as uint8."""
    result = analysis.apply(kernel)
    # the Image Lab's ``display_output``: the one display rule at full size, then area-averaged
    image8 = downsample_for_display(signed_display(result.output, kernel_sum=float(kernel.sum())).pixels, max_side)
    spectrum8 = downsample_for_display(result.spectrum_uint8("output"), spectrum_side)
    return image8, spectrum8


def _time_interleaved(funcs: dict[str, Callable[[], object]], repeat: int, stat=min) -> dict[str, float]:
    """Best (or ``stat``) seconds of each function, run interleaved ``repeat`` times after a warm-up."""
    times: dict[str, list[float]] = {name: [] for name in funcs}
    for f in funcs.values():
        f()
    for _ in range(repeat):
        for name, f in funcs.items():
            t0 = time.perf_counter()
            f()
            times[name].append(time.perf_counter() - t0)
    return {name: stat(ts) for name, ts in times.items()}


def _repeat_for(seconds: float, budget: float, lo: int = 5, hi: int = 25) -> int:
    return int(min(hi, max(lo, budget // max(seconds, 1e-6))))


def run_cell(
    x: np.ndarray,
    kernel: np.ndarray,
    analysis: ImageAnalysis,
    boundary: str,
    *,
    budget: float,
    max_direct: float,
    analysis_alt: ImageAnalysis | None = None,
) -> dict[str, object]:
    """Time one (image, kernel) cell; return the times and both ratios."""
    k = kernel.astype(x.dtype)
    r = k.shape[0] // 2
    pad_mode = _PAD_MODE[boundary]
    nd_mode = _NDIMAGE_MODE[boundary]
    h, w = x.shape

    def fft_padded() -> np.ndarray:
        if boundary == "wrap":
            return signal.fftconvolve(np.pad(x, r, mode="wrap"), k, mode="same")[r : r + h, r : r + w]
        return signal.fftconvolve(np.pad(x, r, mode=pad_mode), k, mode="same")[r : r + h, r : r + w]

    funcs: dict[str, Callable[[], object]] = {
        "auto": lambda: convolve(x, k, boundary=boundary, method="auto"),
        "fft_padded": fft_padded,
        "fftconvolve": lambda: signal.fftconvolve(x, k, mode="same"),
        "slider": lambda: slider_step(analysis, k),
        "apply": lambda: analysis.apply(k),
    }
    if analysis_alt is not None:
        funcs["slider_alt"] = lambda: slider_step(analysis_alt, k)
    nd_estimate = x.size * k.size * _ND_SECONDS_PER_TAP
    nd_note = ""
    if nd_estimate <= 0.05:  # cheap: time it interleaved with the others (same load conditions)
        funcs["ndimage"] = lambda: ndimage.convolve(x, k, mode=nd_mode)
    t0 = time.perf_counter()
    fft_padded()
    probe = time.perf_counter() - t0
    times = _time_interleaved(funcs, _repeat_for(probe, budget))
    if "ndimage" in times:
        pass
    elif nd_estimate <= max_direct:
        nd_repeat = _repeat_for(nd_estimate, budget, lo=1 if nd_estimate > 0.5 else 3)
        times.update(_time_interleaved({"ndimage": lambda: ndimage.convolve(x, k, mode=nd_mode)}, nd_repeat))
    else:
        times["ndimage"] = float("nan")
        nd_note = f"skipped (est. {nd_estimate:.0f} s)"

    baseline = min(t for t in (times["fft_padded"], times["ndimage"]) if t == t)
    separable = rank1_factors(k) is not None
    return {
        "method": choose_method(x.shape, k.shape, separable=separable, boundary=boundary, dtype=x.dtype),
        "times": times,
        "ratio_auto": times["auto"] / baseline,
        "ratio_slider": times["slider"] / times["fftconvolve"],
        "ratio_apply": times["apply"] / times["fftconvolve"],
        "ratio_slider_alt": times["slider_alt"] / times["fftconvolve"] if "slider_alt" in times else float("nan"),
        "nd_note": nd_note,
    }


def _ms(t: float) -> str:
    return "      —" if t != t else f"{t * 1e3:7.1f}"


def run(
    sizes: tuple[int, ...],
    kernel_sizes: tuple[int, ...],
    *,
    dtype: str = "float64",
    boundary: str = "reflect",
    budget: float = 0.6,
    max_direct: float = 3.0,
    seed: int = 0,
    slider_dtype: str = SLIDER_DTYPE,
    out=sys.stdout,
) -> dict[str, list[float]]:
    """Run the grid, print the table and the summary; return the ratios."""
    rng = np.random.default_rng(seed)
    alt_dtype = "float32" if np.dtype(slider_dtype) == np.float64 else "float64"
    alt_name = "r_f32" if alt_dtype == "float32" else "r_f64"
    print(
        f"ConvScope benchmark — {dtype}, boundary={boundary}; times are best-of-N in ms; "
        f"r_auto = auto / min(fft_padded, ndimage); r_slider = slider ({slider_dtype} analysis) / fftconvolve",
        file=out,
    )
    header = (
        f"{'N':>5} {'k':>3} {'kernel':>8} {'auto→':>6} {'auto':>7} {'fftpad':>7} {'ndimage':>7} "
        f"{'r_auto':>6} | {'fftconv':>7} {'slider':>7} {'r_slider':>8} {'r_apply':>7} {alt_name:>6}"
    )
    print(header, file=out)
    print("-" * len(header), file=out)
    ratios: dict[str, list[float]] = {"auto": [], "slider": [], "apply": [], "slider_alt": []}
    notes: list[str] = []
    for n in sizes:
        x = rng.random((n, n)).astype(dtype)
        # the app's analysis (slider_dtype) and, for comparison, one in the other precision
        analysis = ImageAnalysis(x, boundary=boundary, max_kernel_side=max(kernel_sizes), dtype=slider_dtype)
        analysis_alt = ImageAnalysis(x, boundary=boundary, max_kernel_side=max(kernel_sizes), dtype=alt_dtype)
        for k in kernel_sizes:
            for kind in KINDS:
                kernel = make_kernel(kind, k, rng)
                cell = run_cell(
                    x, kernel, analysis, boundary, budget=budget, max_direct=max_direct, analysis_alt=analysis_alt
                )
                t = cell["times"]
                ratios["auto"].append(cell["ratio_auto"])
                ratios["slider"].append(cell["ratio_slider"])
                ratios["apply"].append(cell["ratio_apply"])
                ratios["slider_alt"].append(cell["ratio_slider_alt"])
                flag = " *" if cell["ratio_auto"] > 1.2 or cell["ratio_slider"] > 0.6 else ""
                print(
                    f"{n:>5} {k:>3} {kind:>8} {cell['method']:>6} {_ms(t['auto'])} {_ms(t['fft_padded'])} "
                    f"{_ms(t['ndimage'])} {cell['ratio_auto']:6.2f} | {_ms(t['fftconvolve'])} {_ms(t['slider'])} "
                    f"{cell['ratio_slider']:8.2f} {cell['ratio_apply']:7.2f} {cell['ratio_slider_alt']:6.2f}{flag}",
                    file=out,
                    flush=True,
                )
                if cell["nd_note"]:
                    notes.append(f"ndimage.convolve {n}x{n} k={k} {kind}: {cell['nd_note']}")
    print("-" * len(header), file=out)
    for name, target in (
        ("auto", "median <= 1.0, max <= 1.2"),
        ("slider", f"max <= 0.6; the app's path, analysis in {slider_dtype}"),
        ("apply", "compute only: ImageAnalysis.apply / fftconvolve"),
        ("slider_alt", f"the same slider path with a {alt_dtype} analysis ({alt_name})"),
    ):
        vals = ratios[name]
        if not vals:
            continue
        print(
            f"r_{name:<6}: median {statistics.median(vals):.2f}  max {max(vals):.2f}   (target {target})",
            file=out,
        )
    for note in notes:
        print(note, file=out)
    return ratios


def calibrate(out=sys.stdout, repeat: int = 7) -> dict[str, float]:
    """Fit the cost-model constants of :func:`app.backend.convolution.choose_method` (float64).

    Best-of-``repeat`` timings of the direct 2-D path, the separable direct path and the FFT
    path (with ``fft_sample`` held at its current value); least squares per model.  Prints
    the fitted ``COST`` entries.  Run it on a quiet machine: contention inflates everything.
    """
    from app.backend.convolution import _convolve_direct, _convolve_fft, _fft_grid, anchor

    rng = np.random.default_rng(1)

    def best(f: Callable[[], object]) -> float:
        return _time_interleaved({"f": f}, repeat)["f"]

    fits: dict[str, float] = {}
    x = rng.random((512, 512))
    rows, ts = [], []
    for k in (3, 5, 7, 9):
        kern = rng.standard_normal((k, k))
        rows.append([1.0, k * k])
        ts.append(best(lambda kern=kern: _convolve_direct(x, kern, "reflect", False, None)) / x.size)
    (fits["direct_sample"], fits["direct_tap"]), *_ = np.linalg.lstsq(np.array(rows), np.array(ts), rcond=None)
    rows, ts = [], []
    for k in (5, 9, 15, 31):
        g = make_kernel("gaussian", k, rng)
        factors = rank1_factors(g)
        rows.append([1.0, 2 * k])
        ts.append(best(lambda g=g, factors=factors: _convolve_direct(x, g, "reflect", False, factors)) / x.size)
    (fits["separable_sample"], fits["separable_tap"]), *_ = np.linalg.lstsq(np.array(rows), np.array(ts), rcond=None)
    rows, ts = [], []
    for n in (256, 512, 768, 1024):
        xi = rng.random((n, n))
        kern = rng.standard_normal((15, 15))
        n1, n2 = _fft_grid(xi.shape, anchor(kern.shape), "reflect")
        size = n1 * n2
        rows.append([1.0, 2.5 * size * np.log2(size)])
        ts.append(best(lambda xi=xi, kern=kern: _convolve_fft(xi, kern, "reflect", False)) - COST["fft_sample"] * size)
    (fits["fft_call"], fits["fft_nlogn"]), *_ = np.linalg.lstsq(np.array(rows), np.array(ts), rcond=None)
    print("fitted cost model (seconds):", file=out)
    for name, value in fits.items():
        print(f"    {name!r}: {value:.3g},", file=out)
    return fits


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small grid (256, 512 × k 3, 15, 63)")
    parser.add_argument("--dtype", choices=("float64", "float32"), default="float64", help="image dtype")
    parser.add_argument(
        "--slider-dtype", choices=("float64", "float32"), default=SLIDER_DTYPE,
        help=f"working precision of the slider path's ImageAnalysis (the app's: {SLIDER_DTYPE})",
    )
    parser.add_argument("--boundary", choices=("reflect", "zero", "wrap", "nearest"), default="reflect")
    parser.add_argument("--sizes", type=int, nargs="*", help="image sizes (override the grid)")
    parser.add_argument("--kernels", type=int, nargs="*", help="kernel sizes (override the grid)")
    parser.add_argument("--budget", type=float, default=0.6, help="seconds of timing per cell and competitor")
    parser.add_argument("--max-direct", type=float, default=3.0, help="skip ndimage cells estimated slower (s)")
    parser.add_argument("--calibrate", action="store_true", help="fit the auto cost model and exit")
    parser.add_argument(
        "--no-tune-malloc", action="store_true", help="leave glibc's allocator alone (see analysis.tune_allocator)"
    )
    args = parser.parse_args(argv)
    if not args.no_tune_malloc:
        tune_allocator()
    if args.calibrate:
        calibrate()
        return 0
    sizes = tuple(args.sizes) if args.sizes else (QUICK_SIZES if args.quick else FULL_SIZES)
    ks = tuple(args.kernels) if args.kernels else (QUICK_KERNELS if args.quick else FULL_KERNELS)
    if args.quick:
        args.budget = min(args.budget, 0.25)
    run(
        sizes, ks, dtype=args.dtype, boundary=args.boundary, budget=args.budget, max_direct=args.max_direct,
        slider_dtype=args.slider_dtype,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
