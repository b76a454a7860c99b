"""Frequency-domain filtering: shape the spectrum, see the spatial kernel it implies.

The Filter Designer's maths, pure numpy/scipy (never streamlit or plotly).

Conventions (the same as :mod:`app.backend.spectra`)
----------------------------------------------------
* Masks are real gains on the *centred* grid of the image (``fftshift``: zero frequency at
  index ``(H // 2, W // 2)``); frequencies are in cycles/pixel, ``fy`` down the rows and
  ``fx`` along the columns, in ``[-0.5, 0.5)``.
* A mask is *Hermitian-symmetric* when ``M(-f) = M(f)`` (for a real mask, the same as
  ``conj``). Only such masks keep the filtered image real; :func:`kernels.frequency.mirror`
  gives ``M(-f)`` on the grid (for even sides the Nyquist row/column is its own mirror) and
  :func:`kernels.frequency.symmetrize` makes any mask symmetric.
* Filtering is circular (the DFT of the image itself, as in the textbook); an optional
  periodic Hann window tapers the image before the FFT so its borders no longer create
  the bright cross on the spectrum's axes (spectral leakage).
* The *implied kernel* of a mask is its inverse DFT, centred (``h[H // 2, W // 2]`` is the
  tap at offset 0) and real for a symmetric mask. Cropping it to an odd ``k × k`` window
  gives a kernel a spatial convolution can use (:mod:`app.backend.mask_kernel`).
* Reading a spectrum — peaks, leakage, display range, the mask overlay — is
  :mod:`app.backend.spectrum_reading`.

Examples
--------
>>> import numpy as np
>>> x = np.random.default_rng(0).random((32, 32))
>>> m = np.ones((32, 32))
>>> np.allclose(FrequencyFilter(x).apply(m).output, x)
True
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.fft as sp_fft
from scipy import ndimage
from scipy.signal import windows

from kernels import frequency as kf

from ._validate import shape2
from .images import to_gray
from .spectra import luminance_weights

__all__ = [
    "WINDOWS",
    "MASK_SHAPES",
    "MASK_BANDS",
    "NYQUIST",
    "MAX_NOTCHES",
    "FrequencyFilter",
    "FilteredImage",
    "hann_window",
    "apply_window",
    "centred_spectrum",
    "hermitian_error",
    "parametric_mask",
    "notch_mask",
    "polygon_region",
    "freehand_mask",
    "painting_to_grid",
    "notches_to_text",
    "notches_from_text",
    "display_range",
]

#: Window applied to the image before its FFT.
WINDOWS: tuple[str, ...] = ("none", "hann")
#: Parametric mask families ("none" = all-pass, for a notch-only or free-hand design).
MASK_SHAPES: tuple[str, ...] = ("none", "ideal", "butterworth", "gaussian")
#: Parametric mask bands.
MASK_BANDS: tuple[str, ...] = ("lowpass", "highpass", "bandpass", "bandstop")
#: The Nyquist frequency in cycles/pixel; kernels.frequency takes cutoffs as fractions of it.
NYQUIST: float = 0.5
#: Most notch *pairs* a design may hold (each notch gets its mirror automatically).
MAX_NOTCHES: int = 24


# --------------------------------------------------------------------------- #
# grid helpers
# --------------------------------------------------------------------------- #
def _shape2(shape: Sequence[int]) -> tuple[int, int]:
    """The grid ``(H, W)`` of an image shape (a colour image's channels are ignored)."""
    return shape2(tuple(shape)[:2], "grid shape")


def hermitian_error(mask: np.ndarray) -> float:
    """``max |M(f) - conj(M(-f))|``: 0 for a mask that keeps real images real.

    Examples
    --------
    >>> hermitian_error(np.ones((8, 8)))
    0.0
    >>> m = np.ones((8, 8)); m[4, 5] = 0.0  # one side of a mirror pair only
    >>> hermitian_error(m)
    1.0
    """
    m = np.asarray(mask)
    return float(np.max(np.abs(m - np.conj(kf.mirror(m))))) if m.size else 0.0


def notches_to_text(notches: Iterable[tuple[float, float]]) -> str:
    """Compact text of a notch list: ``"fy,fx;fy,fx"`` (6 significant digits, for links).

    Examples
    --------
    >>> notches_to_text([(0.046875, 0.078125), (0.09375, -0.0390625)])
    '0.046875,0.078125;0.09375,-0.0390625'
    """
    return ";".join(f"{float(fy):.6g},{float(fx):.6g}" for fy, fx in notches)


def notches_from_text(text: str) -> tuple[tuple[float, float], ...]:
    """Parse :func:`notches_to_text`; ``ValueError`` for anything else (never trusted).

    At most :data:`MAX_NOTCHES` pairs, every coordinate finite and within ±0.5 cycles/pixel.

    Examples
    --------
    >>> notches_from_text("0.05,0.08;0.09,-0.04")
    ((0.05, 0.08), (0.09, -0.04))
    >>> notches_from_text("")
    ()
    """
    text = str(text).strip()
    if not text:
        return ()
    items = text.split(";")
    if len(items) > MAX_NOTCHES:
        raise ValueError(f"at most {MAX_NOTCHES} notches")
    out: list[tuple[float, float]] = []
    for item in items:
        parts = item.split(",")
        if len(parts) != 2:
            raise ValueError(f"a notch is 'fy,fx', got {item!r}")
        fy, fx = (float(v) for v in parts)
        if not (math.isfinite(fy) and math.isfinite(fx)) or abs(fy) > NYQUIST or abs(fx) > NYQUIST:
            raise ValueError(f"notch {item!r} is outside ±{NYQUIST} cycles/pixel")
        out.append((fy, fx))
    return tuple(out)


# --------------------------------------------------------------------------- #
# windows and spectra
# --------------------------------------------------------------------------- #
def hann_window(shape: Sequence[int]) -> np.ndarray:
    """The separable 2-D *periodic* Hann window (DFT-even), peak 1 at the centre pixel.

    Examples
    --------
    >>> hann_window((4, 4))
    array([[0.  , 0.  , 0.  , 0.  ],
           [0.  , 0.25, 0.5 , 0.25],
           [0.  , 0.5 , 1.  , 0.5 ],
           [0.  , 0.25, 0.5 , 0.25]])
    """
    h, w = _shape2(shape)
    return np.outer(windows.hann(h, sym=False), windows.hann(w, sym=False))


def apply_window(image: np.ndarray, window: str = "none") -> np.ndarray:
    """The image multiplied by ``window`` ("none" or "hann"; colour: every channel).

    Examples
    --------
    >>> apply_window(np.ones((4, 4)), 'hann')[2]
    array([0. , 0.5, 1. , 0.5])
    >>> apply_window(np.ones((4, 4)), 'none')[2]
    array([1., 1., 1., 1.])
    """
    x = np.asarray(image, dtype=np.float64)
    if window not in WINDOWS:
        raise ValueError(f"window must be one of {WINDOWS}, not {window!r}")
    if window == "none":
        return x
    win = hann_window(x.shape[:2])
    return x * (win[..., None] if x.ndim == 3 else win)


def centred_spectrum(image: np.ndarray, window: str = "none") -> np.ndarray:
    """Centred complex spectrum of the image's luminance, after the optional window.

    Examples
    --------
    >>> f = centred_spectrum(np.ones((4, 4)))
    >>> f.shape, float(abs(f[2, 2])), float(np.abs(f).sum())  # all energy at DC (the centre)
    ((4, 4), 16.0, 16.0)
    """
    g = to_gray(apply_window(image, window))
    return sp_fft.fftshift(sp_fft.fft2(g))


def _check_image(image: np.ndarray) -> np.ndarray:
    x = np.asarray(image, dtype=np.float64)
    if x.ndim not in (2, 3) or x.shape[0] < 2 or x.shape[1] < 2:
        raise ValueError(f"expected an (H, W) or (H, W, C) image, got shape {x.shape}")
    if not np.all(np.isfinite(x)):
        raise ValueError("the image contains NaN or infinite values")
    return x


@dataclass(frozen=True)
class FilteredImage:
    """The result of :meth:`FrequencyFilter.apply`.

    ``output`` has the image's shape (real part; ``imag_max`` is the largest imaginary part
    the inverse FFT produced, ~1e-16 for a symmetric mask). ``spectrum_in`` and
    ``spectrum_out = mask · spectrum_in`` are centred luminance spectra.
    """

    output: np.ndarray
    spectrum_in: np.ndarray
    spectrum_out: np.ndarray
    imag_max: float


class FrequencyFilter:
    """An image with its FFT cached: each new mask costs one product and one inverse FFT.

    Parameters
    ----------
    image : ndarray, (H, W) or (H, W, C)
        Real image (colour is filtered per channel).
    window : {"none", "hann"}
        Taper applied before the FFT; the output is then the filtered *windowed* image.
    """

    def __init__(self, image: np.ndarray, *, window: str = "none") -> None:
        x = _check_image(image)
        self.window = window
        self.shape = x.shape[:2]
        # the windowed input is not kept: a cached filter holds only the two spectra (see nbytes)
        self._fft = sp_fft.fft2(apply_window(x, window), axes=(0, 1), workers=2 if x.size >= 1 << 20 else 1)
        lum = self._fft if x.ndim == 2 else np.tensordot(self._fft, luminance_weights(x.shape[2]), axes=([2], [0]))
        self.spectrum = sp_fft.fftshift(lum)

    @property
    def nbytes(self) -> int:
        """Bytes held (the image's FFT and the centred luminance spectrum), for byte-budgeted caches.

        Examples
        --------
        >>> FrequencyFilter(np.zeros((4, 4, 3))).nbytes  # 4*4*3 + 4*4 complex128 values
        1024
        """
        return self._fft.nbytes + self.spectrum.nbytes

    @functools.cached_property
    def display_range(self) -> tuple[float, float]:
        """:func:`display_range` of the spectrum (``vmax``, dB range), computed once."""
        return display_range(self.spectrum)

    def apply(self, mask: np.ndarray) -> FilteredImage:
        """Multiply the spectrum by the centred real ``mask`` and transform back."""
        m = np.asarray(mask, dtype=np.float64)
        if m.shape != tuple(self.shape):
            raise ValueError(f"mask shape {m.shape} does not match the image grid {tuple(self.shape)}")
        g = sp_fft.ifftshift(m)
        prod = self._fft * (g[..., None] if self._fft.ndim == 3 else g)
        out = sp_fft.ifft2(prod, axes=(0, 1), workers=2 if prod.size >= 1 << 20 else 1)
        return FilteredImage(
            output=np.ascontiguousarray(out.real),
            spectrum_in=self.spectrum,
            spectrum_out=self.spectrum * m,
            imag_max=float(np.max(np.abs(out.imag))) if out.size else 0.0,
        )


# --------------------------------------------------------------------------- #
# masks
# --------------------------------------------------------------------------- #
def parametric_mask(
    shape: Sequence[int],
    kind: str,
    band: str = "lowpass",
    *,
    low: float = 0.1,
    high: float = 0.25,
    order: int = 2,
) -> np.ndarray:
    """A radial mask on the centred grid; cutoffs in cycles/pixel.

    ``kind`` is one of :data:`MASK_SHAPES` ("none" gives all ones); ``band`` one of
    :data:`MASK_BANDS`. Low-pass and high-pass use ``low`` as their cutoff; band-pass
    and band-stop keep/remove ``low .. high`` and need ``low < high`` (``ValueError``
    otherwise). Built by :mod:`kernels.frequency` (cutoffs as fractions of Nyquist).

    Examples
    --------
    >>> m = parametric_mask((64, 64), 'butterworth', 'lowpass', low=0.125)
    >>> float(m[32, 32]), float(m[32, 32 + 8])  # DC passes; gain 1/2 at the cutoff (8/64 cycles/pixel)
    (1.0, 0.5)
    """
    h, w = _shape2(shape)
    if kind not in MASK_SHAPES:
        raise ValueError(f"mask kind must be one of {MASK_SHAPES}, not {kind!r}")
    if band not in MASK_BANDS:
        raise ValueError(f"band must be one of {MASK_BANDS}, not {band!r}")
    if kind == "none":
        return np.ones((h, w))
    low, high = float(low), float(high)
    if not (math.isfinite(low) and math.isfinite(high)) or low <= 0 or low > NYQUIST:
        raise ValueError(f"cutoff must be in (0, {NYQUIST}] cycles/pixel, got {low}")
    if band in ("bandpass", "bandstop"):
        if high <= 0 or high > NYQUIST:
            raise ValueError(f"upper cutoff must be in (0, {NYQUIST}] cycles/pixel, got {high}")
        if low >= high:
            raise ValueError(f"the lower cutoff ({low:g}) must be below the upper cutoff ({high:g})")
    lo, hi = kf.cycles_to_nyquist(low), kf.cycles_to_nyquist(high)
    if band == "lowpass":
        return kf.lowpass((h, w), lo, kind, int(order))
    if band == "highpass":
        return kf.highpass((h, w), lo, kind, int(order))
    if band == "bandpass":
        return kf.bandpass((h, w), lo, hi, kind, int(order))
    return kf.bandstop((h, w), lo, hi, kind, int(order))


def notch_mask(
    shape: Sequence[int],
    notches: Iterable[tuple[float, float]],
    radius: float,
    *,
    profile: str = "gaussian",
    order: int = 2,
) -> np.ndarray:
    """Gain 0 at every notch centre ``(fy, fx)`` (cycles/pixel) *and its mirror*, 1 far away.

    ``radius`` in cycles/pixel; ``profile`` is "ideal" (a removed disc), "butterworth" or
    "gaussian" (``1 - exp(-d² / (2 r²))``, the least ringing). Built by
    :func:`kernels.frequency.notch` (which takes ``(fx, fy)`` as fractions of Nyquist).

    Examples
    --------
    >>> m = notch_mask((64, 64), [(0.0, 0.25)], 0.05)
    >>> float(m[32, 48]), float(m[32, 16]), round(float(m[32, 32]), 3)  # the notch, its mirror, DC
    (0.0, 0.0, 1.0)
    """
    h, w = _shape2(shape)
    r = float(radius)
    if not (math.isfinite(r) and 0 < r <= NYQUIST):
        raise ValueError(f"notch radius must be in (0, {NYQUIST}] cycles/pixel, got {radius}")
    centres = [(kf.cycles_to_nyquist(fx), kf.cycles_to_nyquist(fy)) for fy, fx in notches]
    if not centres:
        return np.ones((h, w))
    return kf.notch((h, w), centres, kf.cycles_to_nyquist(r), profile, order=int(order))


def polygon_region(shape: Sequence[int], xs: Sequence[float], ys: Sequence[float]) -> np.ndarray:
    """Boolean region inside the polygon with vertices ``(fx, fy)`` in cycles/pixel.

    Examples
    --------
    >>> r = polygon_region((8, 8), [-0.2, 0.2, 0.2, -0.2], [-0.2, -0.2, 0.2, 0.2])
    >>> r.dtype, int(r.sum())
    (dtype('bool'), 16)
    """
    from PIL import Image, ImageDraw

    h, w = _shape2(shape)
    if len(xs) != len(ys) or len(xs) < 3:
        return np.zeros((h, w), dtype=bool)
    pts = [(float(x) * w + w // 2, float(y) * h + h // 2) for x, y in zip(xs, ys)]
    img = Image.new("1", (w, h), 0)
    ImageDraw.Draw(img).polygon(pts, fill=1, outline=1)
    return np.asarray(img, dtype=bool)


def painting_to_grid(shape: Sequence[int], painted: np.ndarray) -> np.ndarray:
    """A painting that covers the whole centred spectrum, resampled (nearest) to the grid ``shape``.

    ``painted`` is a boolean ``(ph, pw)`` image (e.g. a canvas's alpha > 0) stretched over the
    full spectrum image; grid sample ``(i, j)`` takes the painting pixel under its centre.

    Examples
    --------
    >>> painting_to_grid((4, 4), np.eye(2, dtype=bool)).astype(int)
    array([[1, 1, 0, 0],
           [1, 1, 0, 0],
           [0, 0, 1, 1],
           [0, 0, 1, 1]])
    """
    h, w = _shape2(shape)
    p = np.asarray(painted, dtype=bool)
    if p.ndim != 2 or p.size == 0:
        raise ValueError("the painting must be a non-empty 2-D array")
    ph, pw = p.shape
    rows = np.minimum(((np.arange(h) + 0.5) * ph / h).astype(np.intp), ph - 1)
    cols = np.minimum(((np.arange(w) + 0.5) * pw / w).astype(np.intp), pw - 1)
    return p[np.ix_(rows, cols)]


def freehand_mask(
    shape: Sequence[int],
    *,
    remove: np.ndarray | None = None,
    keep: np.ndarray | None = None,
    smooth: float = 0.0,
) -> np.ndarray:
    """A mask from painted regions: Hermitian-symmetric, optionally smoothed.

    ``remove`` / ``keep`` are boolean (or 0..1) arrays on the centred grid. With ``keep``
    regions, everything outside them is removed; ``remove`` regions are removed on top.
    Each region also acts at the mirrored frequencies. ``smooth`` is a Gaussian blur of the
    gain in cycles/pixel (0 = hard edges, which ring like an ideal filter).

    Examples
    --------
    >>> remove = np.zeros((8, 8), bool); remove[4, 6] = True
    >>> m = freehand_mask((8, 8), remove=remove)
    >>> float(m[4, 6]), float(m[4, 2]), hermitian_error(m)  # the painted point and its mirror are removed
    (0.0, 0.0, 0.0)
    """
    h, w = _shape2(shape)
    mask = np.ones((h, w))
    if keep is not None:
        k = np.asarray(keep, dtype=np.float64)
        if k.shape != (h, w):
            raise ValueError(f"keep region shape {k.shape} does not match {(h, w)}")
        if k.any():
            mask = kf.symmetrize(np.clip(k, 0, 1), "max")
    if remove is not None:
        r = np.asarray(remove, dtype=np.float64)
        if r.shape != (h, w):
            raise ValueError(f"remove region shape {r.shape} does not match {(h, w)}")
        mask = np.minimum(mask, kf.symmetrize(1.0 - np.clip(r, 0, 1), "min"))
    s = float(smooth)
    if s > 0:
        # sigma in pixels of the frequency grid; 'wrap' keeps the blur symmetric on the torus
        mask = ndimage.gaussian_filter(mask, sigma=(s * h, s * w), mode="wrap")
    return kf.symmetrize(np.clip(mask, 0.0, 1.0), "mean")


def display_range(spectrum: np.ndarray, *, top_percentile: float = 99.9, floor_percentile: float = 1.0) -> tuple[float, float]:
    """``(vmax, dynamic_range_db)`` that make a log spectrum readable.

    The DC term of a photo is ~100 dB above most of its spectrum, so scaling from the
    maximum leaves the picture black. Here the ``top_percentile`` magnitude is white (DC and
    strong peaks saturate) and the ``floor_percentile`` one black (range clamped to 30–120 dB).

    Examples
    --------
    >>> vmax, db = display_range(centred_spectrum(np.random.default_rng(0).random((32, 32))))
    >>> vmax > 0, 20 <= db <= 200
    (True, True)
    """
    mag = np.abs(np.asarray(spectrum)).ravel()
    if mag.size == 0 or not np.any(mag > 0):
        return 1.0, 80.0
    positive = mag[mag > 0]
    top, floor = np.percentile(positive, [top_percentile, floor_percentile])
    top = float(top) if top > 0 else float(positive.max())
    dr = 20.0 * math.log10(top / max(float(floor), top * 1e-12))
    return top, float(min(max(dr, 30.0), 120.0))
