"""The slider path: a per-image analysis that caches the padded image spectrum.

``ImageAnalysis(image)`` pads the image once by the largest kernel radius it will meet, in the
boundary's own way (``wrap``: not padded, circular at exactly the image size), and takes its
real FFT once at a fast size.  Each :meth:`ImageAnalysis.apply` then costs one (half) kernel
transform, one spectral product and one inverse transform; the spectra for display come from
the same half spectra, and the full centred complex arrays are only built when asked for.

Grid and phases
---------------
All spectra of one analysis live on its padded FFT grid ``analysis.grid`` (centred, cycles/pixel
from :func:`~app.backend.spectra.frequency_axes`).  The image spectrum is that of the padded
image with the origin at its top-left corner; the kernel response has the kernel's anchor at
the origin (:func:`~app.backend.spectra.frequency_response`), so ``IFFT(F · H)`` holds the output
at the same place as the image inside the padded grid, and cropping it gives the output.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import scipy.fft as sp_fft

from kernels import MAX_KERNEL_SIDE

from .convolution import (
    _as_image,
    _as_kernel,
    _check_boundary,
    _convolution_taps,
    _fft_grid,
    _fft_workers,
    convolve,
    inverse_crop,
    kernel_rfft2,
    pad_image,
)
from .display import power_to_uint8
from .spectra import anchor_phase, full_from_half, luminance_weights

__all__ = ["ImageAnalysis", "ConvolutionResult", "tune_allocator", "check_pixels", "direct_at"]


def _power(half: np.ndarray) -> np.ndarray:
    """``|half|²`` (contiguous float): ``abs`` then square, ~2x cheaper than ``re² + im²`` on the
    strided real/imaginary views; the same to a few ulp."""
    p = np.abs(half)
    np.multiply(p, p, out=p)
    return p


def tune_allocator(threshold_bytes: int = 1 << 30) -> bool:
    """Keep freed large buffers inside the process (glibc ``mallopt``); True if applied.

    Every FFT returns a new array; by default glibc gives buffers over ~128 KiB back to the
    system and the next one page-faults afresh, which on these VMs costs about as much as the
    transform itself (a 1024² slider step: ~2x).  Raising the mmap and trim thresholds keeps
    the memory for reuse.  Process-wide and harmless elsewhere (no-op off glibc); call it
    once at start-up of a long-lived process (the Streamlit app, the benchmark).

    Examples
    --------
    >>> isinstance(tune_allocator(), bool)  # True on glibc; False elsewhere
    True
    """
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        m_trim_threshold, m_mmap_threshold = -1, -3
        ok = libc.mallopt(m_mmap_threshold, int(threshold_bytes)) == 1
        ok &= libc.mallopt(m_trim_threshold, int(threshold_bytes)) == 1
        return bool(ok)
    except (OSError, AttributeError):
        return False


@dataclass(eq=False)
class ConvolutionResult:
    """What one kernel does to one image: output, spectra on the padded grid, theorem check.

    ``output`` is computed eagerly; ``image_spectrum``, ``response`` and ``output_spectrum``
    (centred complex arrays on the analysis grid, luminance for colour images) are built on
    first access and cached; ``theorem_error`` runs the direct spatial convolution on first
    access (slow for big kernels, so only when shown).

    Attributes
    ----------
    output : ndarray
        Same shape and dtype as the analysed image; equals :func:`convolve` with the same
        boundary and ``correlate`` to ~1e-12.  For grey images it may be a (read-write) view
        into a slightly wider buffer; ``np.ascontiguousarray`` it before ``tobytes``.
    method : str
        ``"fft"`` (the cached-spectrum path).
    grid : tuple of int
        FFT grid ``(n1, n2)`` of the spectra.
    """

    output: np.ndarray
    method: str
    grid: tuple[int, int]
    image_half: np.ndarray = field(repr=False)
    kernel_half: np.ndarray = field(repr=False)  # kernel at top-left; anchor phase applied lazily
    shift: tuple[int, int] = field(repr=False)
    _direct: object = field(repr=False, default=None)  # zero-argument callable -> direct result
    image_power: np.ndarray | None = field(repr=False, default=None)  # |image_half|², cached per image

    # -- half spectra (rfft2 layout, uncentred) --------------------------------------------
    @cached_property
    def _phase(self) -> tuple[np.ndarray, np.ndarray]:
        return anchor_phase(self.grid, self.shift, self.kernel_half.dtype)

    @cached_property
    def response_half(self) -> np.ndarray:
        """Anchored kernel response, rfft2 half layout."""
        py, px = self._phase
        return self.kernel_half * py * px

    @cached_property
    def output_half_magnitude_source(self) -> np.ndarray:
        """``F · H`` without the anchor phase: same magnitude as the output spectrum, cheaper."""
        return self.image_half * self.kernel_half

    @cached_property
    def output_half(self) -> np.ndarray:
        """Output spectrum ``F · H`` (anchored), rfft2 half layout."""
        py, px = self._phase
        return self.output_half_magnitude_source * py * px

    # -- full centred arrays (lazy) ------------------------------------------------------------
    @cached_property
    def image_spectrum(self) -> np.ndarray:
        """Centred complex spectrum of the padded image (luminance for colour)."""
        return full_from_half(self.image_half, self.grid[1])

    @cached_property
    def response(self) -> np.ndarray:
        """Centred complex frequency response of the kernel on the grid (anchor at the origin)."""
        return full_from_half(self.response_half, self.grid[1])

    @cached_property
    def output_spectrum(self) -> np.ndarray:
        """Centred complex output spectrum ``F · H`` (luminance for colour)."""
        return full_from_half(self.output_half, self.grid[1])

    @cached_property
    def _image_power(self) -> np.ndarray:
        if self.image_power is not None:
            return self.image_power
        return _power(self.image_half)

    @cached_property
    def _response_power(self) -> np.ndarray:
        return _power(self.kernel_half)  # |H|² does not depend on the anchor phase

    @cached_property
    def _output_power(self) -> np.ndarray:
        return self._image_power * self._response_power  # |F·H|² = |F|²·|H|²: no complex product

    def power_half(self, which: str = "output") -> np.ndarray:
        """Squared magnitude, rfft2 half layout, of ``"image"``, ``"response"`` or ``"output"``.

        The output's is ``|F|² · |H|²`` — no complex product needed for display.
        """
        if which == "image":
            return self._image_power
        if which == "response":
            return self._response_power
        if which == "output":
            return self._output_power
        raise ValueError(f"unknown spectrum {which!r}; choose one of image, response, output")

    def magnitude(self, which: str = "output") -> np.ndarray:
        """Centred magnitude of ``"image"``, ``"response"`` or ``"output"`` (for radial profiles)."""
        return full_from_half(np.sqrt(self.power_half(which)), self.grid[1])

    def spectrum_uint8(self, which: str = "output", dynamic_range_db: float = 80.0, *, vmax: float | None = None) -> np.ndarray:
        """Display-ready centred log magnitude (uint8) of ``which``, made from the half spectrum.

        Equal to ``spectrum_to_uint8(<centred spectrum>, dynamic_range_db, vmax=vmax)``.
        """
        u8 = power_to_uint8(self.power_half(which), dynamic_range_db, vmax=vmax)
        return full_from_half(u8, self.grid[1])

    # -- the convolution theorem ---------------------------------------------------------------
    @cached_property
    def direct_output(self) -> np.ndarray:
        """The direct spatial result (``scipy.ndimage``), computed on first access."""
        if self._direct is None:
            raise ValueError("no direct reference available for this result")
        return self._direct()

    @cached_property
    def theorem_error(self) -> float:
        """``max |direct spatial result - crop(IFFT(F · H))|`` (computes the direct result once)."""
        return float(np.abs(self.direct_output - self.output).max())


class ImageAnalysis:
    """Per-image cache of the padded FFT, so a kernel change is one product away.

    Parameters
    ----------
    image : array_like, shape (H, W) or (H, W, C)
        Real, finite.  ``float32`` images are analysed in single precision (about 2x faster),
        everything else in ``float64`` (dtype policy of :func:`convolve`).
    boundary : {"reflect", "zero", "wrap", "nearest"}
        As in :func:`convolve`.  ``wrap`` uses the image grid itself, unpadded.
    max_kernel_side : int
        Largest kernel side :meth:`apply` accepts (``kernels.MAX_KERNEL_SIDE`` = 63 in the app);
        the image is padded by ``max_kernel_side // 2`` on every side, so kernels larger than
        the image (a 15×15 kernel on an 8×8 image) work like :func:`convolve`.
    dtype : {None, numpy.float32, numpy.float64}
        Working precision.  ``None`` (default) follows the dtype policy above (``float64``
        input is analysed in ``float64``: outputs equal :func:`convolve` to ~1e-12).
        ``numpy.float32`` is the fast display path (about 2x faster transforms; outputs and
        spectra in single precision, errors ~1e-6 relative, far below one display level
        1/255); outputs, ``theorem_error`` and the direct reference are then float32.

    Examples
    --------
    >>> x = np.random.default_rng(0).random((32, 40))
    >>> a = ImageAnalysis(x, boundary="zero")
    >>> r = a.apply(np.full((5, 5), 1 / 25))
    >>> bool(np.abs(r.output - convolve(x, np.full((5, 5), 1 / 25), boundary="zero")).max() < 1e-12)
    True
    >>> r.output_spectrum.shape == a.grid, r.theorem_error < 1e-12
    (True, True)
    """

    def __init__(
        self, image: np.ndarray, *, boundary: str = "reflect", max_kernel_side: int = MAX_KERNEL_SIDE, dtype=None
    ) -> None:
        _check_boundary(boundary)
        if int(max_kernel_side) != max_kernel_side or max_kernel_side < 1:
            raise ValueError(f"max_kernel_side must be a positive integer; got {max_kernel_side}")
        x = _as_image(image)
        if dtype is not None:
            dt = np.dtype(dtype)
            if dt not in (np.dtype(np.float32), np.dtype(np.float64)):
                raise ValueError(f"dtype must be float32 or float64; got {dt}")
            x = x.astype(dt, copy=False)
        if x is image and x.flags.writeable:  # a read-only input (the app's images) is kept, not copied
            x = np.array(x, copy=True)
        x.setflags(write=False)
        self.image: np.ndarray = x
        self.dtype: np.dtype = x.dtype
        self.boundary: str = boundary
        self.max_kernel_side: int = int(max_kernel_side)
        # a kernel may be larger than the image: pad by the largest radius (``numpy.pad`` repeats
        # reflections/tiles as ``scipy.ndimage`` does when the pad exceeds the image)
        radius = self.max_kernel_side // 2
        self.pad: tuple[int, int] = (0, 0) if boundary == "wrap" else (radius, radius)
        self.grid: tuple[int, int] = _fft_grid(x.shape, self.pad, boundary)
        self._workers = _fft_workers(self.grid[0] * self.grid[1])
        xp = x if boundary == "wrap" else pad_image(x, self.pad, boundary)
        if x.ndim == 3:  # channels first, so every transform runs over contiguous planes
            xp = np.ascontiguousarray(np.moveaxis(xp, 2, 0))
        self._spec = sp_fft.rfft2(xp, s=self.grid, axes=(-2, -1), workers=self._workers)
        if x.ndim == 3:
            wts = luminance_weights(x.shape[2]).astype(x.dtype)
            self._lum = np.tensordot(wts, self._spec, axes=1)
        else:
            self._lum = self._spec
        self._lum_power = _power(self._lum)

    # -------------------------------------------------------------------------------------------
    @property
    def shape(self) -> tuple[int, ...]:
        """Shape of the analysed image."""
        return self.image.shape

    @property
    def nbytes(self) -> int:
        """Memory the analysis holds (image, spectra and cached full arrays), for cache budgets.

        Examples
        --------
        >>> a = ImageAnalysis(np.zeros((64, 64)), boundary="wrap")
        >>> a.nbytes == a.image.nbytes + a.image_half.nbytes + a.image_half.real.nbytes
        True
        """
        arrays = [self.image, self._spec, self._lum_power, self.__dict__.get("image_spectrum")]
        if self._lum is not self._spec:
            arrays.append(self._lum)
        return int(sum(a.nbytes for a in arrays if a is not None))

    @property
    def image_half(self) -> np.ndarray:
        """rfft2 half spectrum of the padded image (luminance for colour)."""
        return self._lum

    @cached_property
    def image_spectrum(self) -> np.ndarray:
        """Centred complex spectrum of the padded image (luminance for colour)."""
        return full_from_half(self._lum, self.grid[1])

    def image_spectrum_uint8(self, dynamic_range_db: float = 80.0, *, vmax: float | None = None) -> np.ndarray:
        """Display-ready log magnitude of the image spectrum (cheap, from the half spectrum)."""
        return full_from_half(power_to_uint8(self._lum_power, dynamic_range_db, vmax=vmax), self.grid[1])

    def _check_kernel(self, kernel: np.ndarray) -> np.ndarray:
        k = _as_kernel(kernel, self.image.dtype)
        if max(k.shape) > self.max_kernel_side:
            raise ValueError(
                f"kernel {k.shape[0]}x{k.shape[1]} exceeds the {self.max_kernel_side}x"
                f"{self.max_kernel_side} limit of this analysis"
            )
        return k

    def apply(self, kernel: np.ndarray, *, correlate: bool = False) -> ConvolutionResult:
        """Filter the cached image with ``kernel``: one kernel FFT, one product, one inverse FFT.

        Parameters
        ----------
        kernel : array_like, shape (kh, kw)
            Real, finite, sides at most ``max_kernel_side`` (it may be larger than the image).
        correlate : bool
            Cross-correlate instead of convolve.

        Returns
        -------
        ConvolutionResult
        """
        k = self._check_kernel(kernel)
        taps, shift = _convolution_taps(k, bool(correlate))
        hk = kernel_rfft2(taps, self.grid, workers=self._workers)
        prod = self._spec * hk
        h, w = self.image.shape[:2]
        r0, c0 = self.pad[0] + shift[0], self.pad[1] + shift[1]
        y = inverse_crop(prod, self.grid, (r0, c0), (h, w), circular=self.boundary == "wrap", workers=self._workers)
        out = np.ascontiguousarray(np.moveaxis(y, 0, 2)) if self.image.ndim == 3 else y
        image, boundary, corr = self.image, self.boundary, bool(correlate)
        result = ConvolutionResult(
            output=out,
            method="fft",
            grid=self.grid,
            image_half=self._lum,
            kernel_half=hk,
            shift=shift,
            _direct=lambda: convolve(image, k, boundary=boundary, correlate=corr, method="direct"),
            image_power=self._lum_power,
        )
        return result

    def theorem_error(self, kernel: np.ndarray, *, correlate: bool = False) -> float:
        """``max |direct spatial result - IFFT(F · H) cropped|`` for ``kernel`` (runs the direct path)."""
        return self.apply(kernel, correlate=correlate).theorem_error


# --------------------------------------------------------------------------- #
# the convolution theorem at sampled pixels (the Image Lab's check on big kernels)
# --------------------------------------------------------------------------- #
def check_pixels(shape: tuple[int, int], n_inside: int = 256, per_edge: int = 64, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Pixels for a sampled convolution check: the four corners, ``per_edge`` evenly spaced
    pixels along each border (where the boundary mode matters) and ``n_inside`` random ones.

    Small images (``per_edge`` ≥ the side) get every border pixel.

    Examples
    --------
    >>> ys, xs = check_pixels((5, 4), n_inside=3)
    >>> len(ys) == len(xs) == 14 + 3
    True
    """
    h, w = int(shape[0]), int(shape[1])
    cols = np.unique(np.linspace(0, w - 1, min(w, per_edge)).round().astype(np.intp))
    rows = np.unique(np.linspace(0, h - 1, min(h, per_edge)).round().astype(np.intp))
    pts = set()
    for x in cols:
        pts.add((0, int(x)))
        pts.add((h - 1, int(x)))
    for y in rows:
        pts.add((int(y), 0))
        pts.add((int(y), w - 1))
    pts = sorted(pts)
    rng = np.random.default_rng(seed)
    inside = rng.integers(0, [h, w], size=(n_inside, 2)) if h > 0 and w > 0 else np.zeros((0, 2), int)
    ys = np.concatenate([np.array([p[0] for p in pts], dtype=np.intp), inside[:, 0]])
    xs = np.concatenate([np.array([p[1] for p in pts], dtype=np.intp), inside[:, 1]])
    return ys, xs


def direct_at(
    image: np.ndarray, kernel: np.ndarray, ys: np.ndarray, xs: np.ndarray, *, boundary: str = "reflect",
    correlate: bool = False,
) -> np.ndarray:
    """The convolution (or correlation) at pixels ``(ys, xs)`` by the defining sum, nothing else.

    Same conventions as :func:`app.backend.convolve` (anchor ``(kh // 2, kw // 2)``, boundary
    padding): ``out[y, x] = Σ k[m, n] · x[y − (m − ay), x − (n − ax)]`` (``+`` for correlation).
    Returns shape ``(len(ys),)`` for grey images, ``(len(ys), C)`` for colour.

    Examples
    --------
    >>> from app.backend import convolve
    >>> x = np.random.default_rng(2).random((9, 11)); k = np.random.default_rng(3).random((3, 4))
    >>> ys, xs = np.array([0, 4, 8]), np.array([0, 5, 10])
    >>> bool(np.allclose(direct_at(x, k, ys, xs, boundary="zero"), convolve(x, k, boundary="zero")[ys, xs]))
    True
    """
    x = np.asarray(image, dtype=np.float64)
    k = np.asarray(kernel, dtype=np.float64)
    kh, kw = k.shape
    ay, ax = kh // 2, kw // 2
    py, px = kh, kw
    xp = pad_image(x, (py, px), boundary)  # numpy pads wider than the image by repeating the reflection
    sign = 1 if correlate else -1
    rows = np.asarray(ys)[:, None] + sign * (np.arange(kh) - ay)[None, :] + py
    cols = np.asarray(xs)[:, None] + sign * (np.arange(kw) - ax)[None, :] + px
    patches = xp[rows[:, :, None], cols[:, None, :]]  # (P, kh, kw[, C])
    if x.ndim == 3:
        return np.einsum("pmnc,mn->pc", patches, k)
    return np.einsum("pmn,mn->p", patches, k)
