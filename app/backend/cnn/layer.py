"""A convolutional layer: feature maps, activations, and all of a bank's output maps at once in
the frequency domain (:class:`LayerInput`, :func:`conv_layer`)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.fft as sp_fft
from scipy import special

from .._validate import choice
from ..convolution import BOUNDARIES, convolve, fft_shape, pad_image
from .bank import KernelBank

ACTIVATIONS: tuple[str, ...] = ("none", "relu", "sigmoid", "tanh")


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
    choice(name, ACTIVATIONS, "activation")
    if name == "none":
        return a.copy()
    if name == "relu":
        return np.maximum(a, a.dtype.type(0))
    if name == "sigmoid":
        return special.expit(a)
    return np.tanh(a)  # tanh


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
        choice(boundary, BOUNDARIES, "boundary")
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
    >>> from app.backend.cnn import c3_bank
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
