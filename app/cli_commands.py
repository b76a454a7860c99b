"""The subcommands of ``python -m app.cli`` (:mod:`app.cli` parses the arguments): reading an
``INPUT`` (a path or ``sample:NAME``) and a kernel, running :mod:`app.backend`, and writing ``--out``
atomically, never through a symbolic link, replacing a file only with ``--force``.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import io
import os
import stat
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from app.ui.format import number as format_number  # the pages' rule; app.ui.format needs no streamlit

SAMPLE_PREFIX = "sample:"


class CliError(Exception):
    """A user-facing command-line error (printed as ``error: <message>``)."""


# --------------------------------------------------------------------------- helpers
def _read_input_file(path: Path, what: str, limit: int) -> bytes:
    """The bytes of the regular file ``path``, refusing devices, pipes and folders and anything over
    ``limit`` bytes before reading it (``/dev/zero`` would never end; a FIFO would block)."""
    try:
        # O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise CliError(f"{what} not found: {path}") from None
    except OSError as exc:
        raise CliError(f"cannot read {what} {path}: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)  # of what was opened: no swap between a check and the read
        if stat.S_ISDIR(info.st_mode):
            raise CliError(f"{what} is a folder, not a file: {path}")
        if not stat.S_ISREG(info.st_mode):
            raise CliError(f"{what} is not a regular file (a device, pipe or socket): {path}")
        data = b""
        if info.st_size <= limit:
            with open(fd, "rb", closefd=False) as file:  # a buffered read loops over short reads
                data = file.read(limit + 1)
        if info.st_size > limit or len(data) > limit:  # the second: the file grew after the check
            raise CliError(f"{what} is too large: {max(info.st_size, len(data)):,} bytes "
                           f"(the limit is {limit:,}): {path}")
    finally:
        os.close(fd)
    return data


def _load_input(spec: str, gray: bool = False, long_side: int | None = None) -> np.ndarray:
    from app.backend.images import MAX_UPLOAD_MB, load_image, load_sample, to_gray, working_copy

    if spec.startswith(SAMPLE_PREFIX):
        image = load_sample(spec[len(SAMPLE_PREFIX):])
    else:
        image = load_image(_read_input_file(Path(spec), "image file", MAX_UPLOAD_MB * 1024 * 1024))
    if long_side is not None:
        image = working_copy(image, long_side).image
    if gray:
        image = to_gray(image)
    return image


def _parse_params(name: str, pairs: Sequence[str] | None) -> dict[str, float | int]:
    """Turn ``["k=v", ...]`` into typed, validated keyword arguments (by the kernel's Param kinds)."""
    import kernels

    raw: dict[str, str] = {}
    for pair in pairs or ():
        key, sep, value = pair.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not key or not value:
            raise CliError(f"--param expects NAME=VALUE, got {pair!r}")
        if key in raw:
            raise CliError(f"parameter {key!r} given twice")
        raw[key] = value
    return kernels.coerce_params(name, raw)  # KernelError: unknown kernel/parameter, bad value


def _kernel_from_args(args: argparse.Namespace) -> np.ndarray | None:
    import kernels
    from kernels.parse import MAX_KERNEL_FILE_BYTES, load_kernel_bytes

    if args.kernel_file is not None:
        if args.param:
            raise CliError("--param applies to --kernel, not to --kernel-file")
        path = Path(args.kernel_file)
        data = _read_input_file(path, "kernel file", MAX_KERNEL_FILE_BYTES)
        return np.asarray(load_kernel_bytes(data, path.name), dtype=np.float64)
    if args.kernel is not None:
        name = kernels.get(args.kernel).name
        return np.asarray(kernels.make(name, **_parse_params(name, args.param)), dtype=np.float64)
    if args.param:
        raise CliError("--param needs --kernel NAME")
    return None


def _check_out(args: argparse.Namespace, allowed: Sequence[str]) -> Path:
    """``--out`` checked before any work: extension, folder, no symbolic link, no file replaced
    without ``--force``."""
    out = Path(args.out)
    ext = out.suffix.lower()
    if ext not in allowed:
        raise CliError(f"--out must end with {' or '.join(allowed)}, got {out.name!r}")
    if out.is_symlink():  # writing through it could replace any file the link points to
        raise CliError(f"--out is a symbolic link; name the file itself: {out}")
    if out.is_dir():
        raise CliError(f"--out is a folder: {out}")
    if not out.parent.exists():
        raise CliError(f"cannot write {out}: folder {out.parent} does not exist")
    if out.exists() and not out.is_file():
        raise CliError(f"--out is not a regular file (a device, pipe or socket): {out}")
    if out.exists() and not args.force:
        raise CliError(f"{out} exists; add --force to replace it")
    return out


def _write_bytes(out: Path, data: bytes, replace: bool) -> None:
    """Write ``data`` to a temporary file beside ``out`` and rename it over ``out``: a reader never
    sees half a file, a failure leaves the old one, and a link put at ``out`` meanwhile is replaced,
    not followed. Without ``replace`` the rename is a hard link, which fails if ``out`` appeared."""
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)  # the permissions a plain open() would give, not mkstemp's 0600
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        if replace:
            os.replace(tmp, out)
        else:
            _rename_to_new_name(tmp, out)
    except FileExistsError:
        raise CliError(f"{out} exists; add --force to replace it") from None
    except OSError as exc:
        raise CliError(f"cannot write {out}: {exc.strerror or exc}") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)


def _rename_to_new_name(tmp: str, out: Path) -> None:
    """Rename ``tmp`` to ``out`` unless ``out`` exists (:class:`FileExistsError`)."""
    try:
        os.link(tmp, out)  # atomic: fails if the name exists
    except OSError as exc:
        # filesystems without hard links (FAT on a USB stick): check, then rename
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP):
            raise
        if out.exists() or out.is_symlink():
            raise FileExistsError(out) from None
        os.replace(tmp, out)


def _write_npy(out: Path, array: np.ndarray, replace: bool) -> None:
    buf = io.BytesIO()
    np.save(buf, array, allow_pickle=False)
    _write_bytes(out, buf.getvalue(), replace)


def _png(u8: np.ndarray) -> bytes:
    from app.backend.display import encode_png

    return encode_png(np.ascontiguousarray(u8, dtype=np.uint8))


def _say(text: str) -> None:
    print(text, file=sys.stdout)


# --------------------------------------------------------------------------- commands
def cmd_kernels(args: argparse.Namespace) -> None:
    """List the kernel catalogue: name, family, parameters with ranges."""
    import kernels

    lang = args.lang
    specs = kernels.catalog()
    width = max(len(s.name) for s in specs)
    fam_width = max(len(s.family) for s in specs)
    for s in specs:
        params = "  ".join(f"{p.name}={_num(p.default)} ({_param_range(p)})" for p in s.params)
        label = s.label.get(lang) or s.label.get("en", "")
        _say(f"{s.name:<{width}}  {s.family:<{fam_width}}  {label}" + (f"  [{params}]" if params else ""))


def _num(x: float | str) -> str:
    """A parameter value as the pages write it (a choice's value as it is)."""
    return x if isinstance(x, str) else format_number(x)


def _param_range(p) -> str:
    """``float 0.1..20, step 0.1`` for a numeric parameter, ``choice rectangular|hann`` for a choice."""
    if p.kind == "choice":
        return "choice " + "|".join(p.options)
    return f"{p.kind} {_num(p.min)}..{_num(p.max)}, step {_num(p.step)}"


def cmd_samples(args: argparse.Namespace) -> None:
    """List the shipped sample images."""
    from app.backend.images import SAMPLES, sample_names

    for name in sample_names():
        label = SAMPLES.get(name, {}).get(args.lang, "")
        _say(f"{SAMPLE_PREFIX}{name}  {label}".rstrip())


def cmd_kernel(args: argparse.Namespace) -> None:
    """Write one catalogue kernel to .npy or .csv."""
    import kernels

    out = _check_out(args, (".npy", ".csv"))
    name = kernels.get(args.name).name
    k = np.asarray(kernels.make(name, **_parse_params(name, args.param)), dtype=np.float64)
    if out.suffix.lower() == ".npy":
        _write_npy(out, k, args.force)
    else:
        buf = io.StringIO()
        np.savetxt(buf, k, delimiter=",", fmt="%.17g")
        _write_bytes(out, buf.getvalue().encode(), args.force)
    _say(f"wrote {out} ({k.shape[0]}x{k.shape[1]} kernel {name})")


def _require_kernel(args: argparse.Namespace) -> np.ndarray:
    kernel = _kernel_from_args(args)
    if kernel is None:
        raise CliError("choose a kernel with --kernel NAME or --kernel-file FILE")
    return kernel


def cmd_convolve(args: argparse.Namespace) -> None:
    """Convolve (or correlate) an image with a kernel; write .png or raw .npy."""
    from app.backend import convolve
    from app.backend.display import signed_display

    out = _check_out(args, (".png", ".npy"))
    kernel = _require_kernel(args)
    image = _load_input(args.input, args.gray, args.long_side)
    result = convolve(image, kernel, boundary=args.boundary, correlate=args.correlate, method=args.method)
    result = np.asarray(result, dtype=np.float64)
    if out.suffix.lower() == ".npy":
        _write_npy(out, result, args.force)
        note = "raw float64"
    else:
        shown = signed_display(result, args.signed, kernel_sum=float(kernel.sum()), palette=args.palette)
        _write_bytes(out, _png(shown.pixels), args.force)
        note = shown.note or "0..1 as grey levels"
    _say(f"wrote {out} ({'x'.join(map(str, result.shape))}, {note})")


def cmd_spectrum(args: argparse.Namespace) -> None:
    """Write a centred spectrum (input, kernel response or output) as .png or .npy."""
    from app.backend import convolve, frequency_response, spectrum
    from app.backend.colormaps import spectrum_colormap
    from app.backend.display import apply_colormap, spectrum_to_uint8

    out = _check_out(args, (".png", ".npy"))
    kernel = _kernel_from_args(args)
    image = _load_input(args.input, args.gray, args.long_side)
    which = args.of or ("output" if kernel is not None else "input")
    if which != "input" and kernel is None:
        raise CliError(f"--of {which} needs a kernel (--kernel NAME or --kernel-file FILE)")
    if which == "input":
        spec = spectrum(image)
    elif which == "response":
        spec = frequency_response(kernel, image.shape[:2], correlate=args.correlate)
    else:
        filtered = convolve(image, kernel, boundary=args.boundary, correlate=args.correlate, method=args.method)
        spec = spectrum(filtered)
    spec = np.asarray(spec)
    if out.suffix.lower() == ".npy":
        _write_npy(out, spec, args.force)
        note = f"centred complex {spec.dtype}"
    else:
        grey = spectrum_to_uint8(np.abs(spec), args.db)
        _write_bytes(out, _png(apply_colormap(grey, spectrum_colormap(args.palette))), args.force)
        note = f"log magnitude, {format_number(args.db)} dB"
    _say(f"wrote {out} ({which} spectrum, {spec.shape[0]}x{spec.shape[1]}, {note})")


def cmd_figure(args: argparse.Namespace) -> None:
    """Write the six-panel figure (image, kernel, output and their log spectra) as PNG."""
    from app.backend import ImageAnalysis, convolve
    from app.backend.panels import render_six_panel_png

    out = _check_out(args, (".png",))
    kernel = _require_kernel(args)
    image = _load_input(args.input, args.gray, args.long_side)
    result = ImageAnalysis(image, boundary=args.boundary, max_kernel_side=max(kernel.shape)).apply(
        kernel, correlate=args.correlate
    )
    output = convolve(image, kernel, boundary=args.boundary, correlate=args.correlate, method=args.method)
    png = render_six_panel_png(
        image,
        kernel,
        output,
        result.image_spectrum,
        result.response,
        result.output_spectrum,
        panel_side=args.panel,
        dynamic_range_db=args.db,
        signed_mode=args.signed,
        palette=args.palette,
    )
    _write_bytes(out, png, args.force)
    _say(f"wrote {out} (six panels, theorem error {format_number(result.theorem_error, 2)})")


def cmd_deconvolve(args: argparse.Namespace) -> None:
    """Blur an image (circular model, seeded noise), restore it and report the error against it."""
    from app.backend.deconvolution import DEFAULT_EPS, blur, inverse_filter, optimal_wiener_k, wiener_filter
    from app.backend.display import to_uint8
    from app.backend.fourier import psnr, rmse

    out = _check_out(args, (".png", ".npy"))
    if args.eps is not None and not args.inverse:
        raise CliError("--eps applies to --inverse")
    kernel = _require_kernel(args)
    clean = _load_input(args.input, args.gray, args.long_side)
    blurred = blur(clean, kernel, boundary=args.boundary, noise_sigma=args.noise, seed=args.seed)
    if args.inverse:
        eps = DEFAULT_EPS if args.eps is None else args.eps
        restored, suppressed = inverse_filter(blurred, kernel, eps=eps)
        how = f"inverse filter, eps {format_number(eps)}: {int(suppressed.sum())} frequencies with |H| < eps set to 0"
    elif args.wiener is not None:
        restored = wiener_filter(blurred, kernel, args.wiener)
        how = f"Wiener K={format_number(args.wiener)}"
    else:
        best = optimal_wiener_k(blurred, kernel, clean)
        restored = wiener_filter(blurred, kernel, best.k)
        how = f"Wiener K={format_number(best.k)} (optimal against the clean input)"
    kh, kw = kernel.shape
    noise = f"noise sigma {format_number(args.noise)} (seed {args.seed})" if args.noise > 0 else "no noise"
    _say(f"blurred:  {kh}x{kw} kernel, {args.boundary} boundary, {noise}: "
         f"RMSE {format_number(rmse(clean, blurred))}, PSNR {psnr(clean, blurred):.2f} dB")
    _say(f"restored: {how}: RMSE {format_number(rmse(clean, restored))}, PSNR {psnr(clean, restored):.2f} dB")
    if out.suffix.lower() == ".npy":
        _write_npy(out, restored, args.force)
        note = "raw float64"
    else:
        _write_bytes(out, _png(to_uint8(np.clip(restored, 0.0, 1.0))), args.force)
        note = "clipped to 0..1"
    _say(f"wrote {out} ({'x'.join(map(str, restored.shape))}, {note})")
