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

Modules: :mod:`.bank` (kernel banks), :mod:`.layer` (maps, activation, the conv layer),
:mod:`.pooling`, :mod:`.diagnostics` (bands, parameter counts, spectra, aliasing, shift
tolerance) and :mod:`.network` (the whole chain).
"""

from __future__ import annotations

from .bank import C1_PRESETS, C3_PRESETS, MAX_MAPS, KernelBank, c1_bank, c3_bank
from .diagnostics import (
    AliasingReport,
    KernelBand,
    LayerParameters,
    ShiftReport,
    conv_parameters,
    dense_parameters,
    half_spectra,
    kernel_band,
    pooling_aliasing,
    shift_tolerance,
    stop_band_energy,
)
from .layer import ACTIVATIONS, LayerInput, activate, conv_layer, stage_shape
from .network import Network, forward
from .pooling import MAX_POOL, POOL_MODES, PoolSpec, lenet_subsample, pool, pool_output_shape

__all__ = [
    "stop_band_energy",
    "ACTIVATIONS",
    "POOL_MODES",
    "C1_PRESETS",
    "C3_PRESETS",
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
    "MAX_POOL",
]
