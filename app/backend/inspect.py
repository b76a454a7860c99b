"""The arithmetic of one output pixel: patch × kernel-as-applied, element by element, summed.

Pure numpy.  :func:`inspect_pixel` uses exactly the conventions of
:func:`app.backend.convolution.convolve` — the anchor ``(kh // 2, kw // 2)``, the same
boundary padding — so its ``total`` equals ``convolve(image, kernel, ...)[y, x]`` up to
floating-point summation order (≤ 1e-12 of the output's scale), for odd and even kernels,
every boundary mode, and pixels on the border.

For convolution the kernel is applied rotated by 180° (``kernel[::-1, ::-1]``): output
pixel ``(y, x)`` is ``Σ patch[p, q] · kernel[::-1, ::-1][p, q]`` where the patch is the
``kh × kw`` window of the (padded) image with its element ``(kh - 1 - ay, kw - 1 - ax)`` on
``(y, x)``.  For correlation the kernel is used as is and the patch's element ``(ay, ax)``
sits on ``(y, x)``.  For odd sides both windows are centred on the pixel.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.backend._validate import choice
from app.backend.convolution import _PAD_MODE, BOUNDARIES, anchor

__all__ = ["PixelInspection", "inspect_pixel"]


@dataclass(frozen=True)
class PixelInspection:
    """Everything needed to show the sum at one pixel.

    patch            (kh, kw) image values under the kernel, padded values where outside
    kernel_applied   (kh, kw) the kernel as it multiplies the patch (flipped when convolving)
    products         patch * kernel_applied
    total            products.sum() == the output value at (y, x)
    rows, cols       image row / column index of each patch row / column (may be outside)
    outside          (kh, kw) bool: True where the value comes from the boundary padding
    y, x             the pixel;  offset: the patch element that sits on (y, x)
    boundary, correlate
    """

    patch: np.ndarray
    kernel_applied: np.ndarray
    products: np.ndarray
    total: float
    rows: np.ndarray
    cols: np.ndarray
    outside: np.ndarray
    y: int
    x: int
    offset: tuple[int, int]
    boundary: str
    correlate: bool


def _window_offset(kernel_shape: tuple[int, int], correlate: bool) -> tuple[int, int]:
    ay, ax = anchor(kernel_shape)
    if correlate:
        return ay, ax
    return kernel_shape[0] - 1 - ay, kernel_shape[1] - 1 - ax


def inspect_pixel(
    image_channel: np.ndarray,
    kernel: np.ndarray,
    y: int,
    x: int,
    *,
    boundary: str = "reflect",
    correlate: bool = False,
) -> PixelInspection:
    """The patch, the kernel as applied, their products and the sum at output pixel ``(y, x)``.

    Parameters
    ----------
    image_channel : (H, W) real array (one channel: grey, luminance or R/G/B)
    kernel : (kh, kw) real array (may be larger than the image: the boundary extends it)
    y, x : the output pixel, ``0 <= y < H``, ``0 <= x < W``
    boundary : one of ``BOUNDARIES``; padded values follow it exactly
    correlate : correlation (kernel as is) instead of convolution (kernel flipped)

    Examples
    --------
    >>> img = np.arange(9.0).reshape(3, 3)
    >>> r = inspect_pixel(img, np.array([[0, 0, 0], [1.0, 0, 0], [0, 0, 0]]), 1, 1)
    >>> r.total  # convolution: the weight on the left moves the value on the right
    5.0
    >>> inspect_pixel(img, np.array([[0, 0, 0], [1.0, 0, 0], [0, 0, 0]]), 1, 1, correlate=True).total
    3.0
    """
    img = np.asarray(image_channel, dtype=np.float64)
    k = np.asarray(kernel, dtype=np.float64)
    if img.ndim != 2 or img.size == 0:
        raise ValueError(f"image_channel must be a non-empty 2-D array; got shape {img.shape}")
    if k.ndim != 2 or k.size == 0:
        raise ValueError(f"kernel must be a non-empty 2-D array; got shape {k.shape}")
    choice(boundary, BOUNDARIES, "boundary")
    h, w = img.shape
    kh, kw = k.shape
    y, x = int(y), int(x)
    if not (0 <= y < h and 0 <= x < w):
        raise ValueError(f"pixel ({y}, {x}) is outside the {h}x{w} image")
    oy, ox = _window_offset((kh, kw), bool(correlate))
    rows = np.arange(y - oy, y - oy + kh)
    cols = np.arange(x - ox, x - ox + kw)
    # pad just enough around the window (cheap even for big images)
    widths = ((oy, kh - 1 - oy), (ox, kw - 1 - ox))
    padded = np.pad(img, widths, mode=_PAD_MODE[boundary])
    patch = padded[y : y + kh, x : x + kw].copy()
    applied = k if correlate else k[::-1, ::-1]
    applied = np.ascontiguousarray(applied)
    products = patch * applied
    outside = ~(((rows >= 0) & (rows < h))[:, None] & ((cols >= 0) & (cols < w))[None, :])
    return PixelInspection(
        patch=patch,
        kernel_applied=applied,
        products=products,
        total=float(products.sum()),
        rows=rows,
        cols=cols,
        outside=outside,
        y=y,
        x=x,
        offset=(oy, ox),
        boundary=boundary,
        correlate=bool(correlate),
    )
