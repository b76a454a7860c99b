"""The CNN Lab's arithmetic tab, the numbers: output-size formula, the map it predicts, transposed convolution.

Pure numpy (no streamlit): the panel (:mod:`.arithmetic_panel`) draws what these return.
Every number on the page comes from :mod:`app.backend.conv_arithmetic`; the formula shown
is checked against the shape of the map :func:`~app.backend.conv_arithmetic.conv2d` computed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.backend import conv_arithmetic as ca

#: A constant input this large shows a transposed convolution's artefact without the image's content.
FLAT_SIDE = 16


@dataclass(frozen=True)
class ConvArgs:
    """Stride, padding (a mode of :data:`~app.backend.conv_arithmetic.PADDING_MODES` or ``p``) and dilation."""

    stride: int
    padding: str | int
    dilation: int


def conv_args(s: object) -> ConvArgs:
    """The arithmetic tab's :class:`ConvArgs` from the CNN Lab's settings ``s``.

    Examples
    --------
    >>> from app.labs.cnn_lab.schema import SCHEMA
    >>> conv_args(SCHEMA.read({"cnn_xpad": "explicit", "cnn_xp": 3}))
    ConvArgs(stride=2, padding=3, dilation=1)
    """
    padding = int(s.xp) if s.xpad == "explicit" else s.xpad
    return ConvArgs(int(s.xs), padding, int(s.xd))


@dataclass(frozen=True)
class AxisSize:
    """One axis of the output-size formula with its numbers filled in."""

    n: int
    k: int
    pads: tuple[int, int]
    args: ConvArgs
    size: int

    def latex(self) -> str:
        r"""``⌊(n + 2p − d(k−1) − 1)/s⌋ + 1 = ⌊(…)/s⌋ + 1 = size`` with this axis's numbers.

        Uneven padding (``"same"`` with an even effective kernel) shows as ``(before + after)``.

        Examples
        --------
        >>> AxisSize(7, 3, (1, 1), ConvArgs(2, 1, 1), 4).latex().split(" = ")[1]
        '\\left\\lfloor \\frac{7 + 2\\cdot 1 - 1\\cdot(3-1) - 1}{2} \\right\\rfloor + 1'
        """
        before, after = self.pads
        two_p = rf"2\cdot {before}" if before == after else f"({before} + {after})"
        d, s = self.args.dilation, self.args.stride
        return (r"\left\lfloor \frac{n + 2p - d(k-1) - 1}{s} \right\rfloor + 1 = "
                rf"\left\lfloor \frac{{{self.n} + {two_p} - {d}\cdot({self.k}-1) - 1}}{{{s}}} \right\rfloor + 1"
                rf" = {self.size}")


def axis_sizes(shape: tuple[int, int], kernel_shape: tuple[int, int], args: ConvArgs) -> tuple[AxisSize, AxisSize]:
    """The formula for rows and columns of an input ``shape`` and kernel ``kernel_shape``.

    Raises ``ValueError`` (from :func:`~app.backend.conv_arithmetic.output_size`) when the
    dilated kernel does not fit the padded input.

    Examples
    --------
    >>> rows, cols = axis_sizes((512, 384), (5, 5), ConvArgs(2, "same", 1))
    >>> rows.size, cols.size, rows.pads
    (256, 192, (2, 2))
    """
    out = []
    for n, k in zip(shape, kernel_shape):
        pads = ca.resolve_padding(args.padding, k, args.dilation)
        out.append(AxisSize(n, k, pads, args, ca.output_size(n, k, args.stride, pads, args.dilation)))
    return out[0], out[1]


def predicted_shape(axes: tuple[AxisSize, AxisSize]) -> tuple[int, int]:
    """``(rows, cols)`` the formula predicts."""
    return axes[0].size, axes[1].size


def conv_map(x: np.ndarray, kernel: np.ndarray, args: ConvArgs) -> np.ndarray:
    """The CNN convolution of ``x`` with ``kernel`` under ``args`` (what the formula is checked against)."""
    return ca.conv2d(x, kernel, args.stride, args.padding, args.dilation)


def animation(n: int, k: int, args: ConvArgs) -> tuple[tuple[int, int], int, list[ca.Footprint]]:
    """The footprint animation on an ``n × n`` grid: padding ``(before, after)``, output side, frames.

    Raises ``ValueError`` when the dilated kernel does not fit the padded grid.

    Examples
    --------
    >>> pads, side, frames = animation(5, 3, ConvArgs(2, 1, 1))
    >>> pads, side, len(frames)
    ((1, 1), 3, 9)
    """
    pads = ca.resolve_padding(args.padding, k, args.dilation)
    frames = ca.footprint_frames(n, k, args.stride, pads, args.dilation)
    return pads, ca.output_size(n, k, args.stride, pads, args.dilation), frames


def shrink(x: np.ndarray, side: int) -> np.ndarray:
    """Average ``f × f`` blocks so that ``x`` is at most ``side`` a side (its edge cropped to whole blocks).

    Examples
    --------
    >>> shrink(np.arange(16.0).reshape(4, 4), 2)
    array([[ 2.5,  4.5],
           [10.5, 12.5]])
    """
    f = -(-max(x.shape) // side)
    h, w = (x.shape[0] // f) * f, (x.shape[1] // f) * f
    return x[:h, :w].reshape(h // f, f, w // f, f).mean(axis=(1, 3))


def box_kernels(k: int, stride: int) -> tuple[np.ndarray, np.ndarray]:
    """A ``k × k`` box for each upsampler, scaled so that a constant 1 stays 1 on average.

    The transposed convolution spreads each input pixel over ``stride²`` output pixels, so its
    box sums to ``stride²``; resize-then-convolve averages, so its box sums to 1.
    """
    box = np.ones((k, k)) / (k * k)
    return box * stride**2, box


@dataclass(frozen=True)
class Upsampled:
    """A stride-``stride`` transposed convolution beside resize-then-convolve, same box kernel."""

    transposed: np.ndarray  # of the (shrunk) image
    resized: np.ndarray
    flat_transposed: np.ndarray  # of a constant input: the artefact alone
    flat_resized: np.ndarray
    score_transposed: float  # checkerboard_score of the flat outputs, their borders left out
    score_resized: float


def upsample(x: np.ndarray, k: int, stride: int = 2) -> Upsampled:
    """Upsample ``x`` by ``stride`` both ways with a ``k × k`` box and score the checkerboard.

    The scores are taken on a constant input, where any pattern is the upsampler's own: the
    transposed convolution scores above 0 exactly when ``k`` is not a multiple of ``stride``.

    Examples
    --------
    >>> u = upsample(np.ones((8, 8)), 3)
    >>> round(u.score_transposed, 4), u.score_resized, upsample(np.ones((8, 8)), 4).score_transposed
    (0.9375, 0.0, 0.0)
    """
    kt, kr = box_kernels(k, stride)
    flat = np.ones((FLAT_SIDE, FLAT_SIDE))
    flat_t = ca.conv_transpose2d(flat, kt, stride)
    flat_r = ca.resize_then_convolve(flat, kr, stride)
    return Upsampled(
        ca.conv_transpose2d(x, kt, stride), ca.resize_then_convolve(x, kr, stride), flat_t, flat_r,
        # the frames where fewer copies overlap (transposed) or the zero padding reaches (resized) are not the artefact
        ca.checkerboard_score(flat_t, stride, border=k - 1), ca.checkerboard_score(flat_r, stride, border=k),
    )
