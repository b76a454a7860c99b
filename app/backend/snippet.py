"""A short, stand-alone Python snippet that reproduces an Image Lab result.

The snippet uses numpy, scipy and Pillow only (no ConvScope import), so a student can run
it anywhere.  It reads the image the page worked on (``input.png``, the working copy the
Export tab offers), writes the kernel as a literal when it is small (else loads
``kernel.npy``), maps the boundary to the equivalent :mod:`scipy.ndimage` mode and
convolves (or correlates) per channel — exactly what :func:`app.backend.convolve` does on
its direct path, so the results agree to rounding.
"""

from __future__ import annotations

import numpy as np

from app.backend.convolution import _NDIMAGE_MODE, BOUNDARIES

from ._validate import choice, real_array

__all__ = ["NDIMAGE_MODE", "BOUNDARY_NOTE", "kernel_literal", "make_snippet"]

#: ConvScope boundary -> scipy.ndimage mode (zero uses cval=0, ndimage's default).
NDIMAGE_MODE: dict[str, str] = _NDIMAGE_MODE  # the engine's own mapping, defined once

#: How each boundary extends the image, as shown in the snippet's comment.
BOUNDARY_NOTE: dict[str, str] = {
    "reflect": "mirror at the edge: d c b a | a b c d",
    "zero": "zeros outside the image: 0 0 0 0 | a b c d",
    "wrap": "the image repeats (periodic, like a plain FFT product): a b c d | a b c d",
    "nearest": "repeat the edge pixel: a a a a | a b c d",
}


def kernel_literal(kernel: np.ndarray, indent: str = "    ") -> str:
    """``np.array([...])`` source for ``kernel``; floats written with ``repr`` (exact round trip).

    Examples
    --------
    >>> print(kernel_literal(np.array([[0.25, 0.5], [0.0, -1.0]])))
    np.array([
        [0.25, 0.5],
        [0.0, -1.0],
    ])
    """
    k = np.asarray(kernel, dtype=np.float64)
    rows = [indent + "[" + ", ".join(repr(float(v)) for v in row) + "]," for row in k]
    return "np.array([\n" + "\n".join(rows) + "\n])"


def make_snippet(
    kernel: np.ndarray,
    *,
    boundary: str = "reflect",
    correlate: bool = False,
    colour: bool = False,
    input_file: str = "input.png",
    kernel_file: str = "kernel.npy",
    output_file: str = "output.png",
    literal_max_side: int = 9,
    kernel_name: str = "",
) -> str:
    """Python source reproducing ``convolve(image, kernel, boundary=..., correlate=...)``.

    Parameters
    ----------
    kernel : (kh, kw) array; written inline when both sides are ≤ ``literal_max_side``,
        otherwise loaded from ``kernel_file`` (offered next to the snippet as a download).
    boundary : one of ``BOUNDARIES``; becomes the ``scipy.ndimage`` mode (:data:`NDIMAGE_MODE`).
    correlate : use ``ndimage.correlate`` (kernel not flipped) instead of ``ndimage.convolve``.
    colour : read ``input_file`` as RGB (each channel filtered alone) instead of grey.

    The snippet leaves the result in a variable ``output`` (float64, the input's shape) and
    saves a viewable ``output_file`` (signed or >1 results are rescaled, never clipped).

    Examples
    --------
    >>> code = make_snippet(np.array([[0.0, 1.0, 0.0], [1.0, -4.0, 1.0], [0.0, 1.0, 0.0]]), boundary='wrap')
    >>> 'mode="wrap"' in code  # boundary wrap is ndimage's mode wrap
    True
    >>> compile(code, 'snippet.py', 'exec') is not None  # valid Python
    True
    """
    choice(boundary, BOUNDARIES, "boundary")
    k = real_array(kernel, "kernel", ndim=(2,))
    mode = NDIMAGE_MODE[boundary]
    op = "correlate" if correlate else "convolve"
    pil_mode = "RGB" if colour else "L"
    title = f" ({kernel_name})" if kernel_name else ""
    if max(k.shape) <= literal_max_side:
        kernel_src = f"kernel = {kernel_literal(k)}"
    else:
        kernel_src = f'kernel = np.load("{kernel_file}")  # {k.shape[0]}x{k.shape[1]}, saved from ConvScope'
    why = (
        "correlation: the kernel slides over the image as it is (what CNN layers do)"
        if correlate
        else "convolution: the kernel is flipped by 180° before it slides (f * h)"
    )
    lines = [
        f"# ConvScope: reproduce this result{title} with numpy, scipy and Pillow.",
        f"# Needs {input_file} (the Image Lab's working copy, from the Export tab)"
        + ("" if max(k.shape) <= literal_max_side else f" and {kernel_file}")
        + ".",
        "import numpy as np",
        "from PIL import Image",
        "from scipy import ndimage",
        "",
        f'image = np.asarray(Image.open("{input_file}").convert("{pil_mode}"), dtype=np.float64) / 255.0',
        kernel_src,
        "",
        f"# {why}",
        f"# boundary {boundary!r} -> mode {mode!r}: {BOUNDARY_NOTE[boundary]}",
        "if image.ndim == 2:",
        f'    output = ndimage.{op}(image, kernel, mode="{mode}")',
        "else:  # colour: each channel on its own",
        f'    output = np.stack([ndimage.{op}(image[..., c], kernel, mode="{mode}")'
        " for c in range(image.shape[2])], axis=-1)",
        "",
        "# spectra, centred (the convolution theorem: F(f * h) = F(f) · H)",
        "grey = output if output.ndim == 2 else output @ [0.299, 0.587, 0.114]",
        "spectrum = np.fft.fftshift(np.fft.fft2(grey))",
        'print("output range", output.min(), output.max(), "| DC gain (sum of kernel)", kernel.sum())',
        "",
        "# save: signed results (edges) or values above 1 are rescaled to 0..255, not clipped",
        "lo, hi = output.min(), output.max()",
        "shown = output if (lo >= 0 and hi <= 1) else (output - lo) / max(hi - lo, 1e-12)",
        f'Image.fromarray(np.round(shown * 255).astype(np.uint8)).save("{output_file}")',
    ]
    return "\n".join(lines) + "\n"
