"""The spatial kernel a frequency mask implies, and what cropping it to k × k costs.

The inverse DFT of a mask is its *implied kernel*, centred (``h[H // 2, W // 2]`` is the tap at
offset 0) and real for a Hermitian-symmetric mask (see :mod:`app.backend.filtering`).
Cropping it to an odd ``k × k`` window gives a kernel a spatial convolution can use;
:func:`crop_error` says how much that changes the response, :func:`kernel_report` gathers
what the Filter Designer shows.  Pure numpy/scipy (never streamlit).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.fft as sp_fft

from kernels import frequency as kf

from .filtering import _shape2
from .spectra import frequency_axes

__all__ = [
    "implied_kernel",
    "kernel_response",
    "CropError",
    "crop_error",
    "negative_lobe",
    "cross_section",
    "KernelReport",
    "kernel_report",
]


def implied_kernel(mask: np.ndarray) -> np.ndarray:
    """The spatial kernel whose DFT is ``mask``: ``h = IDFT(M)``, centred at ``(H//2, W//2)``.

    Real for a Hermitian-symmetric mask (the tiny imaginary round-off is dropped);
    ``h.sum() == M(0)`` (the DC gain).

    Examples
    --------
    >>> h = implied_kernel(np.ones((5, 5)))  # an all-pass mask is a delta at the centre
    >>> h.round(12)[2]
    array([0., 0., 1., 0., 0.])
    """
    return kf.implied_kernel(mask)


def kernel_response(kernel: np.ndarray, shape: Sequence[int]) -> np.ndarray:
    """Centred DFT on ``shape`` of a kernel whose centre tap is offset 0 (zero-padded).

    Examples
    --------
    >>> kernel_response(np.full((3, 3), 1 / 9), (4, 4)).real.round(4)[2]
    array([-0.3333,  0.3333,  1.    ,  0.3333])
    """
    h, w = _shape2(shape)
    k = np.asarray(kernel, dtype=np.float64)
    kh, kw = k.shape
    if kh > h or kw > w:
        raise ValueError(f"kernel {k.shape} does not fit the grid {(h, w)}")
    big = np.zeros((h, w))
    y0, x0 = h // 2 - kh // 2, w // 2 - kw // 2
    big[y0 : y0 + kh, x0 : x0 + kw] = k
    return sp_fft.fftshift(sp_fft.fft2(sp_fft.ifftshift(big)))


@dataclass(frozen=True)
class CropError:
    """How much cropping the implied kernel changes the filter.

    ``rel_l2 = ‖H_crop − M‖₂ / ‖M‖₂`` over the grid and ``max_abs = max |H_crop − M|``.
    """

    rel_l2: float
    max_abs: float


def crop_error(mask: np.ndarray, size: int, *, kernel: np.ndarray | None = None) -> CropError:
    """Compare the response of the ``size``-cropped implied kernel with ``mask`` itself.

    Examples
    --------
    >>> from app.backend.filtering import parametric_mask
    >>> e = crop_error(parametric_mask((64, 64), 'gaussian', 'lowpass', low=0.1), 15)
    >>> type(e).__name__
    'CropError'
    """
    m = np.asarray(mask, dtype=np.float64)
    full = implied_kernel(m) if kernel is None else kernel
    resp = kernel_response(kf.crop_centre(full, size), m.shape)
    diff = resp - m
    norm = float(np.linalg.norm(m))
    return CropError(
        rel_l2=float(np.linalg.norm(diff) / norm) if norm > 0 else float(np.linalg.norm(diff)),
        max_abs=float(np.max(np.abs(diff))),
    )


def negative_lobe(kernel: np.ndarray) -> float:
    """Largest negative tap relative to the peak tap: ``min(h) / max|h|`` (≤ 0; 0 if none).

    An ideal (circular) low-pass ("brick wall") gives about −0.13 (the first side lobe of
    its jinc kernel); a Gaussian gives 0.

    Examples
    --------
    >>> negative_lobe(np.array([[-1.0, 4.0, -1.0]]))
    -0.25
    >>> negative_lobe(np.ones((3, 3)))
    0.0
    """
    h = np.asarray(kernel, dtype=np.float64)
    peak = float(np.max(np.abs(h))) if h.size else 0.0
    if peak == 0:
        return 0.0
    return min(float(h.min()), 0.0) / peak


def cross_section(kernel: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The row through the kernel's centre: ``(offsets, taps)`` with offset 0 at the centre.

    Examples
    --------
    >>> cross_section(np.arange(9.0).reshape(3, 3))
    (array([-1,  0,  1]), array([3., 4., 5.]))
    """
    h = np.asarray(kernel)
    cy, cx = h.shape[0] // 2, h.shape[1] // 2
    return np.arange(h.shape[1]) - cx, h[cy].copy()


@dataclass(frozen=True)
class KernelReport:
    """Everything the page prints about the implied kernel of a mask."""

    full: np.ndarray  # the whole implied kernel (grid size)
    cropped: np.ndarray  # central size × size
    size: int
    negative_lobe: float  # of the full kernel, relative to its peak
    negative_lobe_cropped: float
    dc_gain: float  # M(0) = sum of the full kernel
    cropped_sum: float
    crop: CropError
    max_imag: float  # largest imaginary part of IDFT(M) (0 for a symmetric mask)
    fx: np.ndarray  # frequencies of the rows below (cycles/pixel)
    row_fy: float  # the fy of the rows below
    mask_row: np.ndarray  # M along fx at row_fy
    crop_row: np.ndarray  # real part of the cropped kernel's response along fx at row_fy


def kernel_report(mask: np.ndarray, size: int, *, row_fy: float = 0.0) -> KernelReport:
    """The implied kernel, its crop to ``size``, side lobes and the crop's effect.

    ``row_fy`` picks the row (nearest grid ``fy``) along which the mask and the cropped
    kernel's response are returned for plotting (e.g. through a notch).

    Examples
    --------
    >>> from app.backend.filtering import parametric_mask
    >>> r = kernel_report(parametric_mask((64, 64), 'ideal', 'lowpass', low=0.1), 15)
    >>> type(r).__name__, r.negative_lobe < -0.05  # an ideal low-pass rings: negative side lobes
    ('KernelReport', True)
    """
    m = np.asarray(mask, dtype=np.float64)
    cplx = sp_fft.fftshift(sp_fft.ifft2(sp_fft.ifftshift(m)))
    full = cplx.real
    cropped = kf.crop_centre(full, size)
    resp = kernel_response(cropped, m.shape)
    diff = resp - m
    norm = float(np.linalg.norm(m))
    crop = CropError(
        rel_l2=float(np.linalg.norm(diff) / norm) if norm > 0 else float(np.linalg.norm(diff)),
        max_abs=float(np.max(np.abs(diff))),
    )
    fy_axis, fx_axis = frequency_axes(m.shape)
    cy = int(np.argmin(np.abs(fy_axis - float(row_fy))))
    return KernelReport(
        full=full,
        cropped=cropped,
        size=int(cropped.shape[0]),
        negative_lobe=negative_lobe(full),
        negative_lobe_cropped=negative_lobe(cropped),
        dc_gain=float(m[m.shape[0] // 2, m.shape[1] // 2]),
        cropped_sum=float(cropped.sum()),
        crop=crop,
        max_imag=float(np.max(np.abs(cplx.imag))),
        fx=fx_axis,
        row_fy=float(fy_axis[cy]),
        mask_row=m[cy].copy(),
        crop_row=resp[cy].real.copy(),
    )
