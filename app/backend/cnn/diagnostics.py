"""What the CNN Lab measures: a kernel's frequency band, parameter counts (shared vs dense),
map spectra, pooling's aliasing, and shift tolerance."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.fft as sp_fft

from kernels import bands

from ..spectra import frequency_response, radial_profile
from .bank import KernelBank
from .layer import LayerInput, _as_maps, activate
from .pooling import PoolSpec, _check_pool, pool


@dataclass(frozen=True)
class KernelBand:
    """Which frequencies a kernel passes.

    Attributes
    ----------
    centroid : float
        Radial centroid of ``|H|`` in cycles/pixel, ``sum(f P(f)) / sum(P(f))`` where ``P(f)`` is
        the ring mean of ``|H|²`` at radial frequency ``f`` in 0..0.5 (0 = only the mean passes,
        0.5 = Nyquist; an all-pass kernel gives 0.25).  Ring means (not the 2-D sum) so the
        outer rings' larger area does not pull every kernel towards "high".
    label : {"low", "band", "high", "all"}
        Where the centroid lies (:func:`kernels.bands.centroid_band`), or ``all`` for an all-pass
        kernel (:func:`kernels.bands.measured_band`).
    magnitude : ndarray
        Centred ``|H|`` on a ``grid × grid`` frequency grid (for display).
    """

    centroid: float
    label: str
    magnitude: np.ndarray


def kernel_band(kernel: np.ndarray, *, grid: int = 128) -> KernelBand:
    """Radial centroid of a kernel's ``|H|`` and its band (low, band, high or all).

    Examples
    --------
    >>> import kernels as kcat
    >>> kernel_band(kcat.make("gaussian", size=5, sigma=1.0)).label
    'low'
    >>> kernel_band(kcat.make("laplacian")).label
    'high'
    """
    k = np.asarray(kernel, dtype=np.float64)
    g = max(int(grid), 2 * max(k.shape))
    mag = np.abs(frequency_response(k, (g, g), correlate=True))
    freqs, ring = radial_profile(mag)
    ring = np.nan_to_num(ring)
    power = ring * ring
    total = float(power.sum())
    if total <= 1e-24:
        return KernelBand(0.0, "low", mag)
    centroid = float((freqs * power).sum() / total)
    label = "all" if bands.measured_band(k) == "all" else bands.centroid_band(centroid)
    return KernelBand(centroid, label, mag)


#: |H| below this fraction of its peak counts as a kernel's stop band.
STOP_BAND = 0.05


def stop_band_energy(maps: np.ndarray, kernels: Sequence[np.ndarray], *, threshold: float = STOP_BAND) -> float:
    """Mean share of a map's spectral energy (mean removed) where its kernel's ``|H|`` is below
    ``threshold`` × its peak.

    A linear filter's output has (up to the boundary) no energy there; an activation creates
    new frequencies, so after it the share grows. ``maps[i]`` was made by ``kernels[i]``.

    Examples
    --------
    >>> x = np.random.default_rng(0).random((1, 64, 64))
    >>> box = np.full((1, 5, 5), 1 / 25)
    >>> from scipy.ndimage import uniform_filter
    >>> y = uniform_filter(x[0], 5, mode="wrap")[None]
    >>> round(stop_band_energy(y, box), 3), round(stop_band_energy(np.maximum(y - 0.5, 0), box), 3)  # ReLU
    (0.009, 0.052)
    """
    m = _as_maps(maps)
    if len(kernels) != m.shape[0]:
        raise ValueError(f"one kernel per map: {m.shape[0]} maps but {len(kernels)} kernels")
    shares = []
    for x, k in zip(m, kernels):
        x = np.asarray(x, dtype=np.float64)
        power = np.abs(sp_fft.fft2(x - x.mean())) ** 2
        gain = np.abs(sp_fft.fft2(np.asarray(k, dtype=np.float64), s=x.shape))  # |H| ignores the anchor's shift
        total = float(power.sum())
        shares.append(float(power[gain < threshold * gain.max()].sum()) / total if total > 0 else 0.0)
    return float(np.mean(shares))


@dataclass(frozen=True)
class LayerParameters:
    """Trainable numbers of a layer, and of a fully connected layer doing the same mapping."""

    weights: int
    biases: int
    dense_weights: int
    dense_biases: int

    @property
    def total(self) -> int:
        return self.weights + self.biases

    @property
    def dense_total(self) -> int:
        return self.dense_weights + self.dense_biases

    @property
    def ratio(self) -> float:
        """How many times more numbers the fully connected layer needs."""
        return self.dense_total / self.total if self.total else math.inf


def dense_parameters(in_shape: tuple[int, int, int], out_shape: tuple[int, int, int]) -> tuple[int, int]:
    """(weights, biases) of a fully connected layer from ``in_shape`` to ``out_shape`` (both H, W, C).

    Every output number gets a weight from every input number and its own bias:
    ``in_H·in_W·in_C · out_H·out_W·out_C`` weights and ``out_H·out_W·out_C`` biases.

    Examples
    --------
    >>> dense_parameters((4, 4, 1), (4, 4, 2))
    (512, 32)
    """
    n_in = math.prod(int(v) for v in in_shape)
    n_out = math.prod(int(v) for v in out_shape)
    return n_in * n_out, n_out


def conv_parameters(bank: KernelBank, in_shape: tuple[int, int, int]) -> LayerParameters:
    """Weight sharing in numbers: the conv layer's parameters vs a fully connected one.

    The conv layer has ``sum of kernel sizes`` weights (``k·k·in·out`` when all kernels are
    ``k×k``) and one bias per output map; the same ``H × W × out`` output from a
    fully connected layer takes :func:`dense_parameters`. All-zero kernels (the connections a
    sparse table such as LeNet's C3 leaves out) are not counted.

    Examples
    --------
    >>> from app.backend.cnn import c3_bank
    >>> p = conv_parameters(c3_bank("random", 2, n_out=3, size=5), (10, 10, 2))
    >>> p.weights, p.biases, p.dense_weights, p.dense_biases
    (150, 3, 60000, 300)
    >>> p = conv_parameters(c3_bank("lenet", 6, size=5), (14, 14, 6))  # LeNet-5: 1,516 parameters
    >>> p.weights + p.biases
    1516
    """
    h, w, c = (int(v) for v in in_shape)
    if c != bank.n_in:
        raise ValueError(f"the kernel bank expects {bank.n_in} input maps, not {c}")
    weights = sum(int(k.size) for row in bank.kernels for k in row if k.any())  # a zero kernel connects nothing
    dw, db = dense_parameters((h, w, c), (h, w, bank.n_out))
    return LayerParameters(weights, bank.n_out, dw, db)


def half_spectra(maps: np.ndarray) -> np.ndarray:
    """``rfft2`` half spectra of each map, ``(C, H, W // 2 + 1)`` (batched, float32 stays single).

    Turn one into pixels with ``display.half_spectrum_to_uint8(half, W)``.

    Examples
    --------
    >>> half_spectra(np.ones((2, 4, 6))).shape
    (2, 4, 4)
    >>> float(half_spectra(np.ones((1, 4, 6)))[0, 0, 0].real)  # DC = sum of the map
    24.0
    """
    x = _as_maps(maps)
    return sp_fft.rfft2(x, axes=(-2, -1), workers=2 if x[0].size >= 1 << 20 else 1)


# ---------------------------------------------------------------------------------------------
# pooling and aliasing
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AliasingReport:
    """One map before pooling and after three kinds of pooling, with the energy at risk.

    Attributes
    ----------
    original, average, maximum, subsampled : ndarray (2-D)
        The map, and its average-pooled, max-pooled and plainly subsampled versions.
    nyquist : float
        The new Nyquist frequency ``0.5 / stride`` in cycles per *original* pixel: what lies
        above it cannot be represented after pooling and folds back (aliasing).
    above_before : float
        Fraction of the map's energy (mean removed) above the new Nyquist in x or y — what
        plain subsampling folds back.
    above_after_average : float
        The energy left there (as a fraction of the map's energy) after the average filter (box ``size×size``) that average pooling
        applies before keeping every ``stride``-th value.
    """

    original: np.ndarray
    average: np.ndarray
    maximum: np.ndarray
    subsampled: np.ndarray
    nyquist: float
    above_before: float
    above_after_average: float


def pooling_aliasing(image: np.ndarray, size: int = 2, stride: int | None = None) -> AliasingReport:
    """Average pooling = low-pass filter, then subsample; plain subsampling = aliasing.

    Examples
    --------
    >>> yy, xx = np.mgrid[:64, :64]
    >>> stripes = np.cos(2 * np.pi * 0.375 * xx)      # 0.375 cycles/pixel: above 0.25
    >>> r = pooling_aliasing(stripes, 2)
    >>> r.nyquist, round(r.above_before, 2), round(r.above_after_average, 2)
    (0.25, 1.0, 0.15)
    """
    x = _as_maps(image, what="image")
    if x.shape[0] != 1:
        raise ValueError("pooling_aliasing takes one map (H, W)")
    x2 = x[0]
    size, stride = _check_pool(size, stride)
    h, w = x2.shape
    spec = sp_fft.fft2(x2 - x2.mean())
    power = (spec.real**2 + spec.imag**2).astype(np.float64)
    fy = sp_fft.fftfreq(h)[:, None]
    fx = sp_fft.fftfreq(w)[None, :]
    nyq = 0.5 / stride
    outside = (np.abs(fy) > nyq + 1e-12) | (np.abs(fx) > nyq + 1e-12)
    total = float(power.sum())
    box = np.full((size, size), 1.0 / size**2)
    # frequency_response is centred; ifftshift puts it in fftfreq order like ``power``
    gain = np.abs(sp_fft.ifftshift(frequency_response(box, (h, w)))) ** 2
    filtered = power * gain
    above = float(power[outside].sum()) / total if total > 0 else 0.0
    above_avg = float(filtered[outside].sum()) / total if total > 0 else 0.0
    return AliasingReport(
        original=x2,
        average=pool(x2, "average", size, stride)[0],
        maximum=pool(x2, "max", size, stride)[0],
        subsampled=pool(x2, "subsample", size, stride)[0],
        nyquist=nyq,
        above_before=above,
        above_after_average=above_avg,
    )


# ---------------------------------------------------------------------------------------------
# shift tolerance
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ShiftReport:
    """Relative change of the maps when the input is rolled right by ``d`` pixels.

    All four are ``||new - old|| / ||old||`` over all maps, one value per shift:

    * ``c1_moved``: C1 maps compared as they are (the features moved with the input);
    * ``c1_realigned``: C1 maps rolled back by ``d`` first (≈ 0: convolution is
      *equivariant*, it shifts with the input);
    * ``pooled_moved``: pooled maps compared as they are;
    * ``pooled_realigned``: pooled maps rolled back by ``d / stride`` cells, rounded half up (≈ 0 when
      ``d`` is a multiple of the stride; in between is what pooling does *not* absorb).
    """

    shifts: np.ndarray
    c1_moved: np.ndarray
    c1_realigned: np.ndarray
    pooled_moved: np.ndarray
    pooled_realigned: np.ndarray
    stride: int


def _relative(new: np.ndarray, old: np.ndarray) -> float:
    ref = float(np.linalg.norm(old.ravel()))
    diff = float(np.linalg.norm((new - old).ravel()))
    if ref <= 1e-12:
        return 0.0 if diff <= 1e-12 else math.inf
    return diff / ref


def shift_tolerance(
    image: np.ndarray,
    bank: KernelBank,
    biases: Sequence[float] | np.ndarray | None,
    activation: str,
    pooling: PoolSpec,
    shifts: Sequence[int] = tuple(range(17)),
    *,
    max_side: int = 256,
) -> ShiftReport:
    """Measure equivariance of C1 and the (partial) shift invariance of pooling.

    The image is treated as periodic: its centre (at most ``max_side`` pixels a side, to keep
    the measurement interactive) is cropped to a multiple of the pooling stride, rolled right
    by ``d`` pixels, filtered with circular padding (``wrap``) and pooled
    with periodic windows, so edges play no part and only the shift is measured.

    Examples
    --------
    >>> from app.backend.cnn import c1_bank
    >>> img = np.random.default_rng(0).random((32, 32)).astype(np.float32)
    >>> rep = shift_tolerance(img, c1_bank("edges"), None, "relu", PoolSpec("max", 2, 2), [0, 1, 2])
    >>> bool(rep.c1_realigned.max() < 1e-5 and rep.pooled_realigned[2] < 1e-5 and rep.pooled_realigned[1] > 0.01)
    True
    """
    x = _as_maps(image, what="image")
    if x.shape[0] != 1:
        raise ValueError("shift_tolerance takes one grey image (H, W)")
    s = pooling.stride
    _, h, w = x.shape
    h2, w2 = (min(h, max(max_side, s)) // s) * s, (min(w, max(max_side, s)) // s) * s
    y0, x0 = (h - h2) // 2, (w - w2) // 2
    x = x[:, y0 : y0 + h2, x0 : x0 + w2]
    layer = LayerInput(x, max_kernel=bank.max_shape, boundary="wrap")
    base = activate(layer.apply(bank, biases), activation)
    base_pooled = pooling.apply(base, periodic=True)
    shifts = np.asarray(list(shifts), dtype=int)
    out = np.zeros((4, shifts.size))
    for n, d in enumerate(shifts):
        maps = activate(layer.apply(bank, biases, shift=(0, int(d))), activation) if d else base
        pooled = pooling.apply(maps, periodic=True) if d else base_pooled
        q = int(math.floor(d / s + 0.5))
        out[0, n] = _relative(maps, base)
        out[1, n] = _relative(np.roll(maps, -int(d), axis=-1), base)
        out[2, n] = _relative(pooled, base_pooled)
        out[3, n] = _relative(np.roll(pooled, -q, axis=-1), base_pooled)
    return ShiftReport(shifts, out[0], out[1], out[2], out[3], s)
