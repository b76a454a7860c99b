"""The Challenge Lab's pictures: the kernel drawn the shared way (:func:`app.backend.panels.kernel_panel`)."""

from __future__ import annotations

import numpy as np

from app.backend.panels import kernel_panel


def kernel_picture(kernel: np.ndarray, *, palette: str, projector: bool = False) -> np.ndarray:
    """The kernel as every lab draws it (diverging colours, values in the cells)."""
    return kernel_panel(kernel, side=300 if projector else 220, palette=palette)
