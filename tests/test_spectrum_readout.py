"""The spectrum-point readout shared by every clickable spectrum (Fourier Lab, Filter Designer)."""

from __future__ import annotations

import doctest
import math

import pytest

from app.backend.fourier import wave_info
from app.ui import spectrum_readout
from app.ui.spectrum_readout import readout_at, wave_readout


def test_docstring_examples_run():
    assert doctest.testmod(spectrum_readout).failed == 0


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_clicked_notch_reads_as_its_nearest_wave(lang):
    shape = (512, 512)
    got = readout_at(shape, 24 / 512, 40 / 512, lang)
    info = wave_info(shape, 24, 40)
    assert got == wave_readout(info, lang)
    assert "(24, 40)" in got and "(-24, -40)" in got
    assert f"{1 / math.hypot(24 / 512, 40 / 512):.3g}" in got  # the period in pixels


def test_points_beyond_nyquist_are_clamped_to_the_grid():
    assert "(u, v) = (-32, 31)" in readout_at((64, 64), -0.9, 0.9, "en")
