"""The whole chain C1 → activation → S2 → (C3 → activation → S4) as one call."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .bank import KernelBank
from .diagnostics import LayerParameters, conv_parameters
from .layer import LayerInput, _as_maps, activate, conv_layer, stage_shape
from .pooling import PoolSpec


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
    >>> from app.backend.cnn import c1_bank, c3_bank
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
