"""app.backend.panels: the spectrum and kernel panels (the six-panel figure: tests/test_cli.py)."""

import numpy as np

from app.backend.panels import kernel_panel, spectrum_panel


def test_spectrum_and_kernel_panels():
    framed = spectrum_panel(np.zeros((100, 100), np.uint8))
    assert framed.shape[0] > 100 and framed.shape[1] > 100
    assert (framed[:, :3] == 255).all()  # white margin for the tick labels
    k = kernel_panel(np.array([[1.0, -1.0]]), side=100)
    assert k.shape == (50, 100, 3)
    assert k[25, 10, 0] > k[25, 10, 2] and k[25, 90, 2] > k[25, 90, 0]  # positive red, negative blue
