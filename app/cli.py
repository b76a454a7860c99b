"""ConvScope on the command line: kernels, convolutions, spectra and slide figures.

Usage (from the repository root)::

    python -m app.cli kernels
    python -m app.cli kernel gaussian --param size=7 --param sigma=1.5 --out g.csv
    python -m app.cli convolve sample:camera --kernel laplacian --out lap.png
    python -m app.cli convolve photo.jpg --kernel-file k.csv --boundary wrap --out out.npy
    python -m app.cli spectrum sample:periodic_noise --out spec.png
    python -m app.cli figure sample:zone_plate --kernel gaussian --param sigma=3 --out fig.png
    python -m app.cli deconvolve sample:camera --kernel gaussian --param sigma=2 --noise 0.01 --out r.png

``INPUT`` is an image path or ``sample:NAME`` (see ``python -m app.cli samples``).
Any bad input prints one line starting with ``error:`` on stderr and exits with
status 2 — never a traceback.  ``--out`` is written atomically (a temporary file in
the same folder, then renamed), never through a symbolic link, and an existing file
is replaced only with ``--force``.  The module is a thin layer over
:mod:`app.backend` and :mod:`kernels`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from app.cli_commands import (
    CliError,
    cmd_convolve,
    cmd_deconvolve,
    cmd_figure,
    cmd_kernel,
    cmd_kernels,
    cmd_samples,
    cmd_spectrum,
)
from app.ui.format import number as format_number  # the pages' rule; app.ui.format needs no streamlit

__all__ = ["CliError", "EXIT_ERROR", "build_parser", "main"]

EXIT_ERROR = 2


class _Parser(argparse.ArgumentParser):
    """ArgumentParser whose usage errors are one ``error: ...`` line and exit 2."""

    def error(self, message: str) -> NoReturn:  # noqa: D102 - argparse hook
        self.exit(EXIT_ERROR, f"error: {message} (try '{self.prog} --help')\n")


# --------------------------------------------------------------------------- parser
def _number_in_range(
    text: str, convert: type[int] | type[float], lo: float, hi: float, unit: str = ""
) -> int | float:
    """Parse an option value with ``convert`` (``int`` or ``float``) and check ``lo <= value <= hi``.

    Raises :class:`argparse.ArgumentTypeError` with a one-line message (argparse prints it).
    """
    try:
        value = convert(text)
    except ValueError:
        what = "a whole number" if convert is int else "a number"
        raise argparse.ArgumentTypeError(f"expected {what}, got {text!r}") from None
    if not lo <= value <= hi:
        raise argparse.ArgumentTypeError(f"must be between {lo} and {hi}{unit}, got {format_number(value)}")
    return value


def _long_side(text: str) -> int:
    from app.backend.images import MAX_WORKING_SIDE

    return _number_in_range(text, int, 1, MAX_WORKING_SIDE)


def _db(text: str) -> float:
    return _number_in_range(text, float, 10, 200, " dB")


def _panel(text: str) -> int:
    return _number_in_range(text, int, 64, 1024)


def _noise(text: str) -> float:
    return _number_in_range(text, float, 0, 1)


def _seed(text: str) -> int:
    return _number_in_range(text, int, 0, 2**32 - 1)


def _wiener_k(text: str) -> float:
    return _number_in_range(text, float, 0, 1_000_000)


def _eps(text: str) -> float:
    return _number_in_range(text, float, 0, 1)


def _add_kernel_options(p: argparse.ArgumentParser, *, required: bool) -> None:
    from app.backend.convolution import BOUNDARIES

    group = p.add_mutually_exclusive_group(required=required)
    group.add_argument("--kernel", metavar="NAME", help="catalogue kernel (see the 'kernels' command)")
    group.add_argument("--kernel-file", metavar="FILE", help="custom kernel: .npy, .csv or .txt")
    p.add_argument("--param", action="append", metavar="NAME=VALUE", help="kernel parameter (repeatable)")
    p.add_argument("--boundary", choices=BOUNDARIES, default="reflect", help="border handling (default: reflect)")
    p.add_argument("--correlate", action="store_true", help="cross-correlation (no kernel flip)")
    p.add_argument("--method", choices=("auto", "direct", "fft"), default="auto", help="default: auto")


def _add_signed(p: argparse.ArgumentParser) -> None:
    from app.backend.display import DISPLAY_RULES

    p.add_argument("--signed", choices=DISPLAY_RULES, default="auto",
                   help="how a signed output is shown, as in the app (default: auto)")


def _add_palette(p: argparse.ArgumentParser) -> None:
    from app.backend.colormaps import PALETTES

    p.add_argument("--palette", choices=PALETTES, default="standard",
                   help="colours, as the app's sidebar: colour_safe = cividis spectra, blue/orange signed values")


def _add_out(p: argparse.ArgumentParser, metavar: str) -> None:
    p.add_argument("--out", required=True, metavar=metavar)
    p.add_argument("--force", action="store_true", help="replace --out if it exists")


def _add_input(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", metavar="INPUT", help="image path or sample:NAME")
    p.add_argument("--gray", action="store_true", help="convert the image to grey (Rec. 601) first")
    p.add_argument("--long-side", type=_long_side, metavar="N", help="downscale to this long side first (≤ 2048)")


def build_parser() -> argparse.ArgumentParser:
    """Build the ``python -m app.cli`` argument parser."""
    parser = _Parser(
        prog="python -m app.cli",
        description="ConvScope: convolution and spectra from the command line.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("kernels", help="list the kernel catalogue")
    p.add_argument("--lang", choices=("en", "zh"), default="en")
    p.set_defaults(func=cmd_kernels)

    p = sub.add_parser("samples", help="list the sample images")
    p.add_argument("--lang", choices=("en", "zh"), default="en")
    p.set_defaults(func=cmd_samples)

    p = sub.add_parser("kernel", help="write a kernel to .npy or .csv")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--param", action="append", metavar="NAME=VALUE", help="kernel parameter (repeatable)")
    _add_out(p, "K.npy|K.csv")
    p.set_defaults(func=cmd_kernel)

    p = sub.add_parser("convolve", help="convolve an image; write .png (display) or .npy (raw float64)")
    _add_input(p)
    _add_kernel_options(p, required=True)
    _add_signed(p)
    _add_palette(p)
    _add_out(p, "OUT.png|OUT.npy")
    p.set_defaults(func=cmd_convolve)

    p = sub.add_parser("spectrum", help="write a centred spectrum (.png log magnitude or .npy complex)")
    _add_input(p)
    _add_kernel_options(p, required=False)
    p.add_argument("--of", choices=("input", "response", "output"),
                   help="which spectrum (default: output with a kernel, else input)")
    p.add_argument("--db", type=_db, default=80.0, help="dynamic range of the PNG in dB (default 80)")
    _add_palette(p)
    _add_out(p, "OUT.png|OUT.npy")
    p.set_defaults(func=cmd_spectrum)

    p = sub.add_parser("figure", help="write the six-panel figure as PNG")
    _add_input(p)
    _add_kernel_options(p, required=True)
    p.add_argument("--panel", type=_panel, default=320, help="panel side in pixels (default 320)")
    p.add_argument("--db", type=_db, default=80.0, help="dynamic range of the spectra in dB (default 80)")
    _add_signed(p)
    _add_palette(p)
    _add_out(p, "FIG.png")
    p.set_defaults(func=cmd_figure)

    p = sub.add_parser("deconvolve", help="blur (circular model, seeded noise), restore, report RMSE/PSNR")
    _add_input(p)
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--kernel", metavar="NAME", help="catalogue blur kernel (gaussian, motion, box, ...)")
    group.add_argument("--kernel-file", metavar="FILE", help="custom kernel: .npy, .csv or .txt")
    p.add_argument("--param", action="append", metavar="NAME=VALUE", help="kernel parameter (repeatable)")
    p.add_argument("--boundary", choices=("wrap", "reflect"), default="wrap",
                   help="how the blur treats the borders (default: wrap, the model the restoration assumes)")
    p.add_argument("--noise", type=_noise, default=0.0, metavar="S", help="noise standard deviation, 0..1 (default 0)")
    p.add_argument("--seed", type=_seed, default=0, metavar="N", help="noise seed (default 0)")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--wiener", type=_wiener_k, metavar="K", help="Wiener filter with this K (>= 0)")
    how.add_argument("--inverse", action="store_true", help="inverse filter G/H")
    how.add_argument("--optimal", action="store_true", help="Wiener filter with the K that best restores the input (default)")
    p.add_argument("--eps", type=_eps, metavar="E", help="with --inverse: leave out frequencies with |H| < E (default 0.001)")
    _add_out(p, "OUT.png|OUT.npy")
    p.set_defaults(func=cmd_deconvolve)
    return parser


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    if isinstance(exc, KeyError) and len(exc.args) == 1 and isinstance(exc.args[0], str):
        text = exc.args[0]
    return " ".join(text.split())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 2 error)."""
    try:
        parser = build_parser()
    except Exception as exc:  # a broken installation still gives one line
        print(f"error: cannot start: {_one_line(exc)}", file=sys.stderr)
        return EXIT_ERROR
    args = parser.parse_args(argv)  # usage errors: one "error: ..." line, exit 2
    try:
        args.func(args)
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return EXIT_ERROR
    except MemoryError:
        print("error: not enough memory (try --long-side 1024)", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # every failure is one friendly line, never a traceback
        print(f"error: {_one_line(exc)}", file=sys.stderr)
        return EXIT_ERROR
    return 0


if __name__ == "__main__":  # pragma: no cover - exercised through subprocess tests
    sys.exit(main())
