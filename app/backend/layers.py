"""The maths of the CNN Lab: kernel banks, convolutional layers, activations, pooling.

Pure numpy/scipy (never streamlit).  A small LeNet-style chain, written so a class can see
each step in space *and* in frequency::

    image ─C1─▶ conv bank + bias ─▶ activation ─S2─▶ pooling ─C3─▶ mixing conv ─▶ activation ─S4─▶ pooling ─▶ vector

Conventions
-----------
Feature maps
    A stack of maps is a ``(C, H, W)`` array (channel first, so pooling can reshape the last
    two axes).  Pages show shapes as ``H × W × C`` (:func:`stage_shape`).
Convolution
    CNN layers *cross-correlate* (no kernel flip), exactly like
    ``app.backend.convolve(..., correlate=True)`` with the same anchor
    (``kernel[kh // 2, kw // 2]`` sits on the output pixel) and boundary.  The output has the
    input's size ("same" padding).  :func:`conv_layer` computes all output maps at once in the
    frequency domain (one FFT per input map, one product per kernel, one inverse FFT per
    output map); ``method="direct"`` sums ``convolve`` calls instead and is the reference the
    tests compare with.
Kernel banks
    :class:`KernelBank` holds ``kernels[o][i]``: the kernel that output map ``o`` applies to
    input map ``i``.  Output map ``o`` = ``sum_i correlate(input_i, kernels[o][i]) + bias_o``.
dtype
    ``float32`` throughout the interactive path (errors ~1e-6, far below one display level);
    ``float64`` input stays ``float64`` (tests).
Pooling
    "Valid" windows: ``H_out = (H - size) // stride + 1`` (PyTorch's default).  ``periodic=True``
    wraps the windows around the edges instead (``H_out = H // stride``), used by the shift test.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.fft as sp_fft
from scipy import special

import kernels as kcat

from .convolution import BOUNDARIES, convolve, fft_shape, pad_image
from .spectra import frequency_axes, frequency_response, radial_profile

__all__ = [
    "ACTIVATIONS",
    "POOL_MODES",
    "C1_PRESETS",
    "C3_PRESETS",
    "BAND_NAMES",
    "MAX_MAPS",
    "KernelBank",
    "PoolSpec",
    "LayerInput",
    "KernelBand",
    "LayerParameters",
    "AliasingReport",
    "ShiftReport",
    "Network",
    "c1_bank",
    "c3_bank",
    "activate",
    "conv_layer",
    "pool",
    "pool_output_shape",
    "lenet_subsample",
    "kernel_band",
    "conv_parameters",
    "dense_parameters",
    "stage_shape",
    "half_spectra",
    "pooling_aliasing",
    "shift_tolerance",
    "forward",
]

ACTIVATIONS: tuple[str, ...] = ("none", "relu", "sigmoid", "tanh")
#: "max"/"average" pooling, "subsample" (keep the top-left pixel of each window: no filtering),
#: "lenet" (LeNet-5's S-layers: sigmoid(weight * sum of the block + bias), size = stride).
POOL_MODES: tuple[str, ...] = ("max", "average", "subsample", "lenet")
C1_PRESETS: tuple[str, ...] = ("edges", "gabor", "dog", "random", "catalog")
C3_PRESETS: tuple[str, ...] = ("edge_sum", "random")
BAND_NAMES: tuple[str, ...] = ("low", "mid", "high", "all")
MAX_MAPS: int = 16
MAX_POOL: int = 8

#: Radial-centroid limits (cycles/pixel) between the "low", "mid" and "high" labels.
BAND_LIMITS: tuple[float, float] = (0.11, 0.24)


# ---------------------------------------------------------------------------------------------
# kernel banks
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KernelBank:
    """The weights of one convolutional layer (without biases).

    Attributes
    ----------
    kernels : tuple of tuple of ndarray
        ``kernels[o][i]`` is the 2-D kernel output map ``o`` applies to input map ``i``.
        Kernels of one layer may differ in size (a Sobel beside a Gabor).
    names : tuple of str
        Per output map, the catalogue kernel it was built from (``"random"`` for random
        kernels); pages translate these with the catalogue's labels.
    tags : tuple of str
        Per output map, a short language-neutral detail (``"θ=45°"``, ``"σ=1.4/2.8"``, ``"#3"``).
    """

    kernels: tuple[tuple[np.ndarray, ...], ...]
    names: tuple[str, ...]
    tags: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if not self.kernels:
            raise ValueError("a kernel bank needs at least one kernel")
        n_in = len(self.kernels[0])
        if n_in == 0 or any(len(row) != n_in for row in self.kernels):
            raise ValueError("every output map needs one kernel per input map")
        if len(self.kernels) > MAX_MAPS:
            raise ValueError(f"at most {MAX_MAPS} maps per layer; got {len(self.kernels)}")
        for row in self.kernels:
            for k in row:
                if k.ndim != 2 or k.size == 0 or not np.isfinite(k).all():
                    raise ValueError("kernels must be non-empty, finite 2-D arrays")
        if len(self.names) != len(self.kernels):
            raise ValueError("one name per output map is needed")
        if not self.tags:
            object.__setattr__(self, "tags", ("",) * len(self.kernels))
        elif len(self.tags) != len(self.kernels):
            raise ValueError("one tag per output map is needed")

    @property
    def n_out(self) -> int:
        """Number of output maps."""
        return len(self.kernels)

    @property
    def n_in(self) -> int:
        """Number of input maps each output map mixes."""
        return len(self.kernels[0])

    @property
    def max_shape(self) -> tuple[int, int]:
        """Largest kernel height and width in the bank."""
        return (
            max(k.shape[0] for row in self.kernels for k in row),
            max(k.shape[1] for row in self.kernels for k in row),
        )

    def first_kernels(self) -> tuple[np.ndarray, ...]:
        """The kernel each output map applies to input map 0 (the C1 kernels)."""
        return tuple(row[0] for row in self.kernels)


def _frozen(k: np.ndarray) -> np.ndarray:
    a = np.array(k, dtype=np.float64)
    a.setflags(write=False)
    return a


def _check_count(n: int, lo: int, hi: int, what: str) -> int:
    if isinstance(n, bool) or int(n) != n or not lo <= n <= hi:
        raise ValueError(f"{what} must be a whole number from {lo} to {hi}; got {n!r}")
    return int(n)


def _random_kernels(rng: np.random.Generator, n_out: int, n_in: int, size: int) -> list[list[np.ndarray]]:
    # He initialisation: std = sqrt(2 / fan_in), as a freshly initialised ReLU network
    std = math.sqrt(2.0 / (size * size * n_in))
    w = rng.normal(0.0, std, size=(n_out, n_in, size, size))
    return [[_frozen(w[o, i]) for i in range(n_in)] for o in range(n_out)]


def c1_bank(
    preset: str,
    *,
    n: int = 4,
    size: int = 5,
    seed: int = 0,
    names: Sequence[str] = (),
) -> KernelBank:
    """The first layer's kernel bank (one input map: the grey image).

    Parameters
    ----------
    preset : {"edges", "gabor", "dog", "random", "catalog"}
        * ``edges``: Sobel x, Sobel y, Laplacian, Gaussian (5×5, σ = 1) — three high/band-pass
          edge detectors and one low-pass kernel.
        * ``gabor``: Gabor filters (15×15, σ = 3, λ = 6 px) at 0°, 45°, 90° and 135°.
        * ``dog``: differences of Gaussians at three scales (σ = 0.7/1.4, 1.4/2.8, 2.8/5.6).
        * ``random``: ``n`` random ``size``×``size`` kernels (He initialisation, ``seed``).
        * ``catalog``: the kernels named in ``names`` (catalogue defaults), one map each.
    n, size, seed : int
        For ``random``: 1–16 kernels of odd side 3–15, reproducible with ``seed``.
    names : sequence of str
        For ``catalog``: 1–16 catalogue kernel names (see :func:`kernels.catalog`).

    Raises
    ------
    ValueError
        Unknown preset or kernel name, or counts/sizes out of range.

    Examples
    --------
    >>> c1_bank("edges").names
    ('sobel_x', 'sobel_y', 'laplacian', 'gaussian')
    >>> c1_bank("random", n=3, size=3, seed=1).n_out
    3
    """
    if preset == "edges":
        spec = [("sobel_x", {}, ""), ("sobel_y", {}, ""), ("laplacian", {}, ""),
                ("gaussian", {"size": 5, "sigma": 1.0}, "σ=1")]
    elif preset == "gabor":
        spec = [("gabor", {"size": 15, "sigma": 3.0, "wavelength": 6.0, "theta": float(a), "gamma": 0.5}, f"θ={a}°")
                for a in (0, 45, 90, 135)]
    elif preset == "dog":
        spec = [("dog", {"sigma1": s, "sigma2": 2 * s}, f"σ={s:g}/{2 * s:g}") for s in (0.7, 1.4, 2.8)]
    elif preset == "random":
        n = _check_count(n, 1, MAX_MAPS, "the number of random kernels")
        size = _check_count(size, 1, 15, "the random kernel size")
        if size % 2 == 0:
            raise ValueError(f"the random kernel size must be odd; got {size}")
        ks = _random_kernels(np.random.default_rng(int(seed)), n, 1, size)
        return KernelBank(tuple(tuple(row) for row in ks), ("random",) * n, tuple(f"#{o + 1}" for o in range(n)))
    elif preset == "catalog":
        names = tuple(names)
        _check_count(len(names), 1, MAX_MAPS, "the number of catalogue kernels")
        spec = [(name, {}, "") for name in names]
    else:
        raise ValueError(f"unknown C1 preset {preset!r}; choose one of {', '.join(C1_PRESETS)}")
    ks, labels, tags = [], [], []
    for name, params, tag in spec:
        try:
            ks.append((_frozen(kcat.make(name, **params)),))
        except kcat.KernelError as exc:
            raise ValueError(str(exc)) from None
        labels.append(name)
        tags.append(tag)
    return KernelBank(tuple(ks), tuple(labels), tuple(tags))


#: The kernels of the "edge_sum" C3 preset, in output-map order.
_EDGE_SUM = (("sobel_x", {}), ("sobel_y", {}), ("laplacian", {}), ("gaussian", {"size": 3, "sigma": 0.8}))


def c3_bank(preset: str, n_in: int, *, n_out: int = 4, size: int = 3, seed: int = 0) -> KernelBank:
    """A second convolutional layer that mixes all ``n_in`` maps of the previous layer.

    Parameters
    ----------
    preset : {"edge_sum", "random"}
        * ``edge_sum``: four output maps; map ``o`` applies one kernel (Sobel x, Sobel y,
          Laplacian, Gaussian 3×3) to *every* input map and adds the responses, divided by
          ``n_in`` so the range stays that of one map ("sum of edge responses").
        * ``random``: ``n_out`` maps with their own random ``size``×``size`` kernel for each
          input map (He initialisation, ``seed``).
    n_in : int
        Number of maps entering the layer (1–16).

    Examples
    --------
    >>> b = c3_bank("edge_sum", 3)
    >>> b.n_out, b.n_in, float(b.kernels[0][2][1, 0])
    (4, 3, 0.6666666666666666)
    """
    n_in = _check_count(n_in, 1, MAX_MAPS, "the number of input maps")
    if preset == "edge_sum":
        rows = []
        for name, params in _EDGE_SUM:
            k = _frozen(kcat.make(name, **params) / n_in)
            rows.append((k,) * n_in)
        return KernelBank(tuple(rows), tuple(name for name, _ in _EDGE_SUM), ("Σ",) * len(_EDGE_SUM))
    if preset == "random":
        n_out = _check_count(n_out, 1, MAX_MAPS, "the number of C3 maps")
        size = _check_count(size, 1, 15, "the C3 kernel size")
        if size % 2 == 0:
            raise ValueError(f"the C3 kernel size must be odd; got {size}")
        ks = _random_kernels(np.random.default_rng(int(seed) + 7919), n_out, n_in, size)
        return KernelBank(tuple(tuple(row) for row in ks), ("random",) * n_out, tuple(f"#{o + 1}" for o in range(n_out)))
    raise ValueError(f"unknown C3 preset {preset!r}; choose one of {', '.join(C3_PRESETS)}")


# ---------------------------------------------------------------------------------------------
# maps, activation
# ---------------------------------------------------------------------------------------------


def _as_maps(maps: np.ndarray, *, what: str = "maps") -> np.ndarray:
    """``(C, H, W)`` float32/float64 maps; a single ``(H, W)`` image becomes one map."""
    x = np.asarray(maps)
    if x.ndim == 2:
        x = x[None]
    if x.ndim != 3 or x.size == 0:
        raise ValueError(f"{what} must be (H, W) or (C, H, W); got shape {x.shape}")
    if x.dtype.kind not in "biuf":
        raise ValueError(f"{what} must be real numbers; got dtype {x.dtype}")
    x = x.astype(np.float32 if x.dtype == np.float32 else np.float64, copy=False)
    if not np.isfinite(x).all():
        raise ValueError(f"{what} contain NaN or infinite values")
    return x


def stage_shape(maps: np.ndarray) -> tuple[int, int, int]:
    """``(H, W, C)`` of a ``(C, H, W)`` stack, the order pages print (``H × W × maps``).

    Examples
    --------
    >>> stage_shape(np.zeros((8, 64, 32)))
    (64, 32, 8)
    """
    c, h, w = np.shape(maps)
    return (int(h), int(w), int(c))


def activate(x: np.ndarray, name: str) -> np.ndarray:
    """Apply an activation function elementwise (a new array of the same dtype).

    Parameters
    ----------
    name : {"none", "relu", "sigmoid", "tanh"}
        ``relu``: ``max(0, x)``; ``sigmoid``: ``1 / (1 + exp(-x))`` (LeNet's squashing,
        overflow-free); ``tanh``: hyperbolic tangent; ``none``: a copy of ``x``.

    Examples
    --------
    >>> activate(np.array([-1.0, 0.0, 2.0]), "relu")
    array([0., 0., 2.])
    """
    a = np.asarray(x)
    if name == "none":
        return a.copy()
    if name == "relu":
        return np.maximum(a, a.dtype.type(0))
    if name == "sigmoid":
        return special.expit(a)
    if name == "tanh":
        return np.tanh(a)
    raise ValueError(f"unknown activation {name!r}; choose one of {', '.join(ACTIVATIONS)}")


# ---------------------------------------------------------------------------------------------
# convolutional layer
# ---------------------------------------------------------------------------------------------


def _pad_for(kernel_shape: tuple[int, int]) -> tuple[int, int]:
    kh, kw = kernel_shape
    return (max(kh // 2, kh - 1 - kh // 2), max(kw // 2, kw - 1 - kw // 2))


class LayerInput:
    """The input of a convolutional layer with its spectra computed once.

    Applying a kernel bank then costs one spectral product per kernel and one inverse FFT
    per output map.  Hold one per image (keyed by its digest) to make kernel and bias changes
    cheap.

    Parameters
    ----------
    maps : ndarray, (H, W) or (C, H, W)
        The input maps (float32 stays float32).
    max_kernel : (int, int)
        Largest kernel (height, width) that will be applied; sets the padding.
    boundary : {"reflect", "zero", "wrap", "nearest"}
        As in :func:`app.backend.convolve`.  ``wrap`` is circular on exactly the input grid,
        so shifting the input with :meth:`apply`'s ``shift`` is an exact periodic roll.
    """

    def __init__(self, maps: np.ndarray, *, max_kernel: tuple[int, int] = (3, 3), boundary: str = "reflect") -> None:
        if boundary not in BOUNDARIES:
            raise ValueError(f"unknown boundary {boundary!r}; choose one of {', '.join(BOUNDARIES)}")
        x = _as_maps(maps, what="input maps")
        self.boundary = boundary
        self.shape = x.shape
        self.dtype = x.dtype
        self.max_kernel = (int(max_kernel[0]), int(max_kernel[1]))
        _, h, w = x.shape
        if self.max_kernel[0] > h or self.max_kernel[1] > w:
            raise ValueError(
                f"a {self.max_kernel[0]}×{self.max_kernel[1]} kernel does not fit the {h}×{w} maps; "
                "use smaller kernels or less pooling"
            )
        if boundary == "wrap":
            self.pad = (0, 0)
            self.grid = (h, w)
            xp = x
        else:
            self.pad = _pad_for(self.max_kernel)
            xp = np.moveaxis(pad_image(np.moveaxis(x, 0, -1), self.pad, boundary), -1, 0)
            self.grid = fft_shape((h + 2 * self.pad[0], w + 2 * self.pad[1]))
        self.spectra = sp_fft.rfft2(xp, s=self.grid, axes=(-2, -1))
        self._bank_cache: tuple[KernelBank, np.ndarray] | None = None

    def _kernel_spectrum(self, kernel: np.ndarray) -> np.ndarray:
        """Half spectrum of the correlation with ``kernel``, anchored so no crop offset is needed."""
        n1, n2 = self.grid
        kh, kw = kernel.shape
        if kh > self.max_kernel[0] or kw > self.max_kernel[1]:
            raise ValueError(f"kernel {kh}×{kw} is larger than this layer input allows {self.max_kernel}")
        ay, ax = kh // 2, kw // 2
        placed = np.zeros(self.grid, dtype=self.dtype)
        rows = (ay - np.arange(kh)) % n1
        cols = (ax - np.arange(kw)) % n2
        np.add.at(placed, (rows[:, None], cols[None, :]), kernel.astype(self.dtype, copy=False))
        return sp_fft.rfft2(placed)

    def bank_spectra(self, bank: KernelBank) -> np.ndarray:
        """Half spectra ``(n_out, n_in, n1, n2 // 2 + 1)`` of a bank (the last bank is remembered)."""
        cached = self._bank_cache  # read once: one LayerInput may be shared by several threads
        if cached is not None and cached[0] is bank:
            return cached[1]
        out = np.empty((bank.n_out, bank.n_in, self.grid[0], self.grid[1] // 2 + 1), dtype=self.spectra.dtype)
        for o, row in enumerate(bank.kernels):
            for i, k in enumerate(row):
                out[o, i] = self._kernel_spectrum(k)
        self._bank_cache = (bank, out)
        return out

    def apply(
        self,
        bank: KernelBank,
        biases: Sequence[float] | np.ndarray | None = None,
        *,
        shift: tuple[int, int] = (0, 0),
    ) -> np.ndarray:
        """Output maps ``(bank.n_out, H, W)`` of the layer (before the activation).

        ``shift = (dy, dx)`` first rolls the input periodically by that many pixels
        (down/right); only allowed with ``boundary="wrap"``.
        """
        c, h, w = self.shape
        if bank.n_in != c:
            raise ValueError(f"the kernel bank expects {bank.n_in} input maps, but the layer input has {c}")
        b = _biases(biases, bank.n_out)
        spec = self.spectra
        if shift != (0, 0):
            if self.boundary != "wrap":
                raise ValueError("shifting the input needs boundary='wrap' (a periodic roll)")
            n1, n2 = self.grid
            py = np.exp(-2j * np.pi * sp_fft.fftfreq(n1) * int(shift[0]))
            px = np.exp(-2j * np.pi * np.arange(n2 // 2 + 1) / n2 * int(shift[1]))
            spec = spec * (py[:, None] * px[None, :]).astype(spec.dtype)
        kspec = self.bank_spectra(bank)
        out_spec = np.empty((bank.n_out,) + spec.shape[1:], dtype=spec.dtype)
        for o in range(bank.n_out):
            acc = np.multiply(spec[0], kspec[o, 0], out=out_spec[o])
            for i in range(1, c):
                acc += spec[i] * kspec[o, i]
        y = sp_fft.irfft2(out_spec, s=self.grid, axes=(-2, -1))
        py0, px0 = self.pad
        out = np.ascontiguousarray(y[:, py0 : py0 + h, px0 : px0 + w], dtype=self.dtype)
        out += b.astype(self.dtype)[:, None, None]
        return out


def _biases(biases: Sequence[float] | np.ndarray | None, n: int) -> np.ndarray:
    if biases is None:
        return np.zeros(n)
    b = np.asarray(biases, dtype=np.float64).ravel()
    if b.size == 1:
        b = np.full(n, b[0])
    if b.size != n or not np.isfinite(b).all():
        raise ValueError(f"one finite bias per output map is needed ({n}); got {np.size(biases)}")
    return b


def conv_layer(
    maps: np.ndarray,
    bank: KernelBank,
    biases: Sequence[float] | np.ndarray | None = None,
    *,
    boundary: str = "reflect",
    method: str = "fft",
) -> np.ndarray:
    """A convolutional layer: ``out[o] = sum_i correlate(maps[i], bank.kernels[o][i]) + biases[o]``.

    Parameters
    ----------
    maps : ndarray, (H, W) or (C, H, W)
        Input maps (``C == bank.n_in``).
    bank : KernelBank
        The weights.
    biases : float or sequence of float, optional
        One bias per output map (a scalar is shared); default 0.
    boundary : {"reflect", "zero", "wrap", "nearest"}
        Padding, as in :func:`app.backend.convolve` (output size = input size).
    method : {"fft", "direct"}
        ``fft``: every map transformed once (:class:`LayerInput`); ``direct``: the sum of
        ``convolve(maps[i], kernel, correlate=True)`` calls (the reference).

    Returns
    -------
    ndarray, (bank.n_out, H, W)
        Pre-activation maps, float32 for float32 input, else float64.

    Examples
    --------
    >>> x = np.random.default_rng(0).random((2, 16, 16))
    >>> bank = c3_bank("random", 2, n_out=3, seed=1)
    >>> np.allclose(conv_layer(x, bank), conv_layer(x, bank, method="direct"))
    True
    """
    x = _as_maps(maps)
    if method == "fft":
        return LayerInput(x, max_kernel=bank.max_shape, boundary=boundary).apply(bank, biases)
    if method != "direct":
        raise ValueError(f"unknown method {method!r}; choose 'fft' or 'direct'")
    if bank.n_in != x.shape[0]:
        raise ValueError(f"the kernel bank expects {bank.n_in} input maps, but got {x.shape[0]}")
    b = _biases(biases, bank.n_out)
    out = np.empty((bank.n_out,) + x.shape[1:], dtype=x.dtype)
    for o, row in enumerate(bank.kernels):
        acc = np.zeros(x.shape[1:], dtype=np.float64)
        for i, k in enumerate(row):
            acc += convolve(x[i], k, boundary=boundary, correlate=True)
        out[o] = acc + b[o]
    return out


# ---------------------------------------------------------------------------------------------
# pooling
# ---------------------------------------------------------------------------------------------


def _check_pool(size: int, stride: int | None) -> tuple[int, int]:
    size = _check_count(size, 1, MAX_POOL, "the pooling size")
    stride = size if stride is None else _check_count(stride, 1, MAX_POOL, "the pooling stride")
    return size, stride


def pool_output_shape(h: int, w: int, size: int, stride: int | None = None, *, periodic: bool = False) -> tuple[int, int]:
    """Height and width after pooling ``h × w`` maps with windows ``size`` and ``stride``.

    Examples
    --------
    >>> pool_output_shape(512, 512, 2), pool_output_shape(7, 9, 3, 2)
    ((256, 256), (3, 4))
    """
    size, stride = _check_pool(size, stride)
    if periodic:
        return (h // stride, w // stride)
    if h < size or w < size:
        raise ValueError(f"the {h}×{w} maps are smaller than the {size}×{size} pooling window")
    return ((h - size) // stride + 1, (w - size) // stride + 1)


def _windows_1d(x: np.ndarray, axis: int, size: int, stride: int, n_out: int, mode: str) -> np.ndarray:
    """Max or mean over windows of ``size`` every ``stride`` samples along ``axis``.

    Vectorised without a window loop over positions: window ``j`` covers
    ``[j*stride, j*stride + size)``, so the result is the elementwise max (or sum) of the
    ``size`` strided slices ``x[k : k + (n_out-1)*stride + 1 : stride]``, ``k < size``.
    """
    def part(k: int) -> np.ndarray:
        index = [slice(None)] * x.ndim
        index[axis] = slice(k, k + (n_out - 1) * stride + 1, stride)
        return x[tuple(index)]

    out = part(0).copy()
    for k in range(1, size):
        if mode == "max":
            np.maximum(out, part(k), out=out)
        else:
            out += part(k)
    if mode != "max" and size > 1:
        out *= out.dtype.type(1.0 / size)
    return out


def pool(
    maps: np.ndarray,
    mode: str = "max",
    size: int = 2,
    stride: int | None = None,
    *,
    periodic: bool = False,
) -> np.ndarray:
    """Max / average pooling, or plain subsampling, of each map.

    Parameters
    ----------
    maps : ndarray, (H, W) or (C, H, W)
    mode : {"max", "average", "subsample"}
        ``subsample`` keeps the top-left pixel of each window (no low-pass filter first).
        For LeNet's trainable subsampling see :func:`lenet_subsample`.
    size, stride : int
        Window side and step (1–8); ``stride`` defaults to ``size`` (non-overlapping).
    periodic : bool
        Wrap windows around the edges (``H // stride`` outputs) instead of "valid" windows.

    Returns
    -------
    ndarray, (C, H_out, W_out)
        See :func:`pool_output_shape`.

    Examples
    --------
    >>> x = np.arange(16.0).reshape(4, 4)
    >>> pool(x, "max", 2)[0]
    array([[ 5.,  7.],
           [13., 15.]])
    >>> pool(x, "average", 2)[0]
    array([[ 2.5,  4.5],
           [10.5, 12.5]])
    """
    x = _as_maps(maps)
    size, stride = _check_pool(size, stride)
    if mode not in ("max", "average", "subsample"):
        raise ValueError(f"unknown pooling {mode!r}; choose one of max, average, subsample (or lenet_subsample)")
    _, h, w = x.shape
    ho, wo = pool_output_shape(h, w, size, stride, periodic=periodic)
    if ho == 0 or wo == 0:
        raise ValueError(f"the {h}×{w} maps are smaller than the pooling stride {stride}")
    if periodic and size > 0:
        ext = max(0, (ho - 1) * stride + size - h), max(0, (wo - 1) * stride + size - w)
        x = np.pad(x, ((0, 0), (0, ext[0]), (0, ext[1])), mode="wrap")
    if mode == "subsample":
        return np.ascontiguousarray(x[:, : (ho - 1) * stride + 1 : stride, : (wo - 1) * stride + 1 : stride])
    y = _windows_1d(x, 1, size, stride, ho, mode)
    y = _windows_1d(y, 2, size, stride, wo, mode)
    return np.ascontiguousarray(y, dtype=x.dtype)


def lenet_subsample(
    maps: np.ndarray,
    weight: float | Sequence[float] = 0.25,
    bias: float | Sequence[float] = 0.0,
    size: int = 2,
    *,
    periodic: bool = False,
) -> np.ndarray:
    """LeNet-5's subsampling layer: ``sigmoid(weight * (sum of each size×size block) + bias)``.

    One trainable ``weight`` and ``bias`` per map (a scalar is shared); blocks do not overlap.

    Examples
    --------
    >>> lenet_subsample(np.ones((4, 4)), weight=0.25, bias=-1.0)[0]
    array([[0.5, 0.5],
           [0.5, 0.5]])
    """
    x = _as_maps(maps)
    c = x.shape[0]
    wgt = _biases(weight, c).astype(x.dtype)
    b = _biases(bias, c).astype(x.dtype)
    total = pool(x, "average", size, size, periodic=periodic) * x.dtype.type(size * size)
    return special.expit(total * wgt[:, None, None] + b[:, None, None]).astype(x.dtype, copy=False)


@dataclass(frozen=True)
class PoolSpec:
    """One pooling (S) layer's settings.

    ``mode`` is one of :data:`POOL_MODES`; for ``lenet`` the stride equals ``size`` and
    ``weight``/``bias`` are LeNet's two trainable numbers per map (shared here).
    """

    mode: str = "max"
    size: int = 2
    stride: int = 2
    weight: float = 0.25
    bias: float = 0.0

    def __post_init__(self) -> None:
        if self.mode not in POOL_MODES:
            raise ValueError(f"unknown pooling {self.mode!r}; choose one of {', '.join(POOL_MODES)}")
        _check_pool(self.size, self.stride)
        if self.mode == "lenet" and self.stride != self.size:
            object.__setattr__(self, "stride", int(self.size))

    def apply(self, maps: np.ndarray, *, periodic: bool = False) -> np.ndarray:
        """Pool ``(C, H, W)`` maps."""
        if self.mode == "lenet":
            return lenet_subsample(maps, self.weight, self.bias, self.size, periodic=periodic)
        return pool(maps, self.mode, self.size, self.stride, periodic=periodic)

    def parameters(self, n_maps: int) -> int:
        """Trainable numbers: 2 per map for LeNet subsampling, none for max/average pooling."""
        return 2 * n_maps if self.mode == "lenet" else 0


# ---------------------------------------------------------------------------------------------
# frequency bands, parameter counts, spectra
# ---------------------------------------------------------------------------------------------


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
    label : {"low", "mid", "high", "all"}
        ``low`` below 0.11, ``mid`` below 0.24, ``high`` above (:data:`BAND_LIMITS`);
        ``all`` when ``|H|`` is nearly flat (an all-pass kernel).
    magnitude : ndarray
        Centred ``|H|`` on a ``grid × grid`` frequency grid (for display).
    """

    centroid: float
    label: str
    magnitude: np.ndarray


def kernel_band(kernel: np.ndarray, *, grid: int = 128) -> KernelBand:
    """Radial centroid of a kernel's ``|H|`` and its low/mid/high label.

    Examples
    --------
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
    fy, fx = frequency_axes((g, g))
    disc = mag[np.hypot(fy[:, None], fx[None, :]) <= 0.5]
    if float(disc.min()) >= 0.5 * float(disc.max()):
        label = "all"
    elif centroid < BAND_LIMITS[0]:
        label = "low"
    elif centroid < BAND_LIMITS[1]:
        label = "mid"
    else:
        label = "high"
    return KernelBand(centroid, label, mag)


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
    fully connected layer takes :func:`dense_parameters`.

    Examples
    --------
    >>> p = conv_parameters(c3_bank("random", 2, n_out=3, size=5), (10, 10, 2))
    >>> p.weights, p.biases, p.dense_weights, p.dense_biases
    (150, 3, 60000, 300)
    """
    h, w, c = (int(v) for v in in_shape)
    if c != bank.n_in:
        raise ValueError(f"the kernel bank expects {bank.n_in} input maps, not {c}")
    weights = sum(int(k.size) for row in bank.kernels for k in row)
    dw, db = dense_parameters((h, w, c), (h, w, bank.n_out))
    return LayerParameters(weights, bank.n_out, dw, db)


def half_spectra(maps: np.ndarray) -> np.ndarray:
    """``rfft2`` half spectra of each map, ``(C, H, W // 2 + 1)`` (batched, float32 stays single).

    Turn one into pixels with ``display.half_spectrum_to_uint8(half, W)``.
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


# ---------------------------------------------------------------------------------------------
# the whole chain
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Network:
    """Every stage of one forward pass (maps are ``(C, H, W)``)."""

    stages: dict[str, np.ndarray]
    parameters: dict[str, int]
    c1: LayerParameters
    c3: LayerParameters | None

    @property
    def vector_length(self) -> int:
        """Length of the flattened last stage (the classifier's input)."""
        return int(next(reversed(self.stages.values())).size)


def forward(
    image: np.ndarray,
    c1: KernelBank,
    c1_biases: Sequence[float] | np.ndarray | None = None,
    activation: str = "relu",
    s2: PoolSpec = PoolSpec(),
    c3: KernelBank | None = None,
    c3_biases: Sequence[float] | np.ndarray | None = None,
    s4: PoolSpec | None = None,
    *,
    boundary: str = "reflect",
) -> Network:
    """Run ``input → C1 → activation → S2 [→ C3 → activation → S4]`` in float32.

    Stages are named ``"input"``, ``"C1"``, ``"S2"``, ``"C3"``, ``"S4"``.  The pages run the
    same steps one by one so each can be cached; this is the notebook/benchmark entry point.

    Examples
    --------
    >>> img = np.random.default_rng(0).random((64, 64))
    >>> net = forward(img, c1_bank("edges"), 0.0, "relu", PoolSpec("max", 2, 2), c3_bank("edge_sum", 4))
    >>> [(k, stage_shape(v)) for k, v in net.stages.items()]
    [('input', (64, 64, 1)), ('C1', (64, 64, 4)), ('S2', (32, 32, 4)), ('C3', (32, 32, 4)), ('S4', (16, 16, 4))]
    >>> net.vector_length
    1024
    """
    x = _as_maps(image, what="image").astype(np.float32, copy=False)
    stages: dict[str, np.ndarray] = {"input": x}
    a1 = activate(LayerInput(x, max_kernel=c1.max_shape, boundary=boundary).apply(c1, c1_biases), activation)
    stages["C1"] = a1
    p2 = s2.apply(a1)
    stages["S2"] = p2
    params = {"C1": 0, "S2": s2.parameters(c1.n_out)}
    c1p = conv_parameters(c1, stage_shape(x))
    params["C1"] = c1p.total
    c3p = None
    if c3 is not None:
        a3 = activate(conv_layer(p2, c3, c3_biases, boundary=boundary), activation)
        stages["C3"] = a3
        c3p = conv_parameters(c3, stage_shape(p2))
        params["C3"] = c3p.total
        s4 = s4 or s2
        stages["S4"] = s4.apply(a3)
        params["S4"] = s4.parameters(c3.n_out)
    return Network(stages, params, c1p, c3p)
