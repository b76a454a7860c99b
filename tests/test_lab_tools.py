"""app.backend.lab_tools and app.backend.panels: the Image Lab's fast paths agree with the reference ones."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.backend import BOUNDARIES, convolve
from app.backend.lab_tools import (
    apply_colormap,
    check_pixels,
    direct_at,
    high_frequency_energy,
    high_frequency_energy_half,
    radial_profile_half,
)
from app.backend.panels import kernel_panel, spectrum_panel
from app.backend.spectra import radial_profile


@settings(max_examples=40, deadline=None)
@given(
    h=st.integers(3, 14), w=st.integers(3, 14), kh=st.integers(1, 6), kw=st.integers(1, 6),
    boundary=st.sampled_from(BOUNDARIES), correlate=st.booleans(), colour=st.booleans(), seed=st.integers(0, 99),
)
def test_direct_at_equals_convolve_everywhere(h, w, kh, kw, boundary, correlate, colour, seed):
    rng = np.random.default_rng(seed)
    x = rng.random((h, w, 3) if colour else (h, w))
    k = rng.normal(size=(kh, kw))
    if kh > h or kw > w:
        return
    ref = convolve(x, k, boundary=boundary, correlate=correlate, method="direct")
    ys, xs = np.mgrid[:h, :w]
    got = direct_at(x, k, ys.ravel(), xs.ravel(), boundary=boundary, correlate=correlate)
    assert np.allclose(got.reshape(ref.shape), ref, atol=1e-12)


@pytest.mark.parametrize("shape", [(16, 16), (17, 16), (16, 15), (9, 23)])
def test_radial_profile_half_matches_the_full_one(shape):
    x = np.random.default_rng(0).random(shape)
    full = np.fft.fftshift(np.abs(np.fft.fft2(x)))
    f1, m1 = radial_profile(full)
    f2, m2 = radial_profile_half(np.fft.rfft2(x), shape[1])
    assert np.allclose(f1, f2) and np.allclose(m1, m2, equal_nan=True)
    e1 = high_frequency_energy(np.fft.fftshift(np.fft.fft2(x)), 0.2)
    assert np.isclose(high_frequency_energy_half(np.fft.rfft2(x), shape[1], 0.2), e1)


def test_check_pixels_cover_the_borders():
    ys, xs = check_pixels((6, 7), n_inside=5)
    border = {(y, x) for y, x in zip(ys, xs) if y in (0, 5) or x in (0, 6)}
    assert len(border) == 2 * 7 + 2 * 6 - 4  # small image: every border pixel
    assert len(ys) == len(border) + 5
    ys, xs = check_pixels((512, 300), n_inside=10, per_edge=64)
    pts = set(zip(ys.tolist(), xs.tolist()))
    assert {(0, 0), (0, 299), (511, 0), (511, 299)} <= pts
    assert sum(1 for y, x in pts if y == 0) == 64 and sum(1 for y, x in pts if x == 0) == 64


def test_colormap_and_panels():
    g = np.arange(256, dtype=np.uint8).reshape(16, 16)
    assert apply_colormap(g, "grey") is g
    inf = apply_colormap(g, "inferno")
    assert inf.shape == (16, 16, 3) and inf[0, 0].sum() < inf[-1, -1].sum()
    with pytest.raises(ValueError):
        apply_colormap(g, "rainbow")
    framed = spectrum_panel(np.zeros((100, 100), np.uint8))
    assert framed.shape[0] > 100 and framed.shape[1] > 100
    assert (framed[:, :3] == 255).all()  # white margin for the tick labels
    k = kernel_panel(np.array([[1.0, -1.0]]), side=100)
    assert k.shape == (50, 100, 3)
    assert k[25, 10, 0] > k[25, 10, 2] and k[25, 90, 2] > k[25, 90, 0]  # positive red, negative blue
