"""Tests of the spatial kernel catalogue (kernels/__init__.py, kernels/spatial.py, kernels/detail.py, kernels/spec.py)."""

from __future__ import annotations

import doctest
import importlib
import re
import subprocess
import sys

import numpy as np
import pytest
import scipy.ndimage as ndi
from hypothesis import given, settings
from hypothesis import strategies as st

import kernels
from kernels import FAMILIES, FAMILY_LABELS, MAX_KERNEL_SIDE, KernelError

CJK = re.compile(r"[\u4e00-\u9fff]")
REQUIRED = {
    "identity", "box", "gaussian", "disk", "motion",
    "laplacian", "log", "sobel_x", "sobel_y", "prewitt_x", "prewitt_y", "scharr_x", "scharr_y",
    "roberts", "outline", "emboss", "sharpen", "unsharp", "dog", "gabor",
    "tent", "binomial", "sinc", "high_boost", "kirsch", "line",  # the second batch of kernels
}
ZERO_SUM = {"laplacian", "log", "outline", "dog", "sobel_x", "sobel_y", "prewitt_x", "prewitt_y",
            "scharr_x", "scharr_y", "roberts", "kirsch", "line"}
UNIT_SUM = {"identity", "box", "gaussian", "disk", "motion", "sharpen", "unsharp", "emboss",
            "tent", "binomial", "sinc"}
RINGING = {"sinc"}  # low-pass with negative lobes and a Gibbs overshoot in its response


def _cases():
    """Each kernel at its defaults, and each parameter at its min and max (others at default)."""
    out = []
    for spec in kernels.catalog():
        out.append((spec.name, {}))
        for p in spec.params:
            ends = p.options if p.kind == "choice" else (p.min, p.max)
            out.extend((spec.name, {p.name: v}) for v in ends)
    return out


CASES = _cases()


def _case_id(case):
    name, params = case
    return name + "".join(f"-{k}={v if isinstance(v, str) else format(v, 'g')}" for k, v in params.items())


def response(kernel: np.ndarray, n: int = 64) -> np.ndarray:
    """|H| of the zero-padded kernel on an n×n grid, centred (DC at [n//2, n//2])."""
    return np.abs(np.fft.fftshift(np.fft.fft2(kernel, s=(n, n))))


def ring(mag: np.ndarray, lo: float, hi: float) -> np.ndarray:
    n = mag.shape[0]
    f = np.fft.fftshift(np.fft.fftfreq(n))
    r = np.hypot(f[:, None], f[None, :])
    return mag[(r >= lo) & (r < hi)]


# ----------------------------------------------------------------------------- metadata
def test_required_kernels_and_families_present():
    names = {s.name for s in kernels.catalog()}
    assert REQUIRED <= names
    assert len(names) == len(kernels.catalog())  # unique
    assert set(FAMILY_LABELS) == set(FAMILIES)
    assert {s.family for s in kernels.catalog()} <= set(FAMILIES)


def test_catalogue_is_grouped_by_family_in_family_order():
    order = [FAMILIES.index(s.family) for s in kernels.catalog()]
    assert order == sorted(order)
    assert kernels.names("low-pass") == ["box", "gaussian", "disk", "motion", "tent", "binomial", "sinc"]
    assert len(kernels.catalog()) >= 26
    assert set(kernels.by_family()) == set(FAMILIES)


@pytest.mark.parametrize("spec", kernels.catalog(), ids=lambda s: s.name)
def test_labels_are_bilingual_and_one_line(spec):
    for d in (spec.label, spec.description):
        assert set(d) == {"en", "zh"}
        assert d["en"].strip() and d["zh"].strip()
        assert "\n" not in d["en"] and "\n" not in d["zh"]
        assert CJK.search(d["zh"]), d["zh"]
        assert not CJK.search(d["en"])
    assert len(spec.description["en"]) <= 120
    for p in spec.params:
        assert set(p.label) == {"en", "zh"} and CJK.search(p.label["zh"])
        assert p.kind in ("int", "float", "choice")
        if p.kind == "choice":
            assert p.default in p.options
            for o in p.options:
                assert p.option_label(o, "en") and not CJK.search(p.option_label(o, "en"))
                assert CJK.search(p.option_label(o, "zh"))
        else:
            assert p.min <= p.default <= p.max and p.step > 0
    for fam in FAMILY_LABELS.values():
        assert CJK.search(fam["zh"]) and fam["en"]


def test_classroom_chinese_names():
    zh = {s.name: s.label["zh"] for s in kernels.catalog()}
    assert "高斯模糊" in zh["gaussian"]
    assert "拉普拉斯" in zh["laplacian"]
    assert "索贝尔" in zh["sobel_x"]
    assert "运动模糊" in zh["motion"]
    assert "锐化" in zh["sharpen"]
    assert "浮雕" in zh["emboss"]
    assert "高斯差分" in zh["dog"]
    assert "伽博" in zh["gabor"]


# ----------------------------------------------------------------------------- building
@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_every_kernel_builds_at_defaults_and_range_ends(case):
    name, params = case
    k = kernels.make(name, **params)
    assert isinstance(k, np.ndarray) and k.dtype == np.float64 and k.ndim == 2
    assert 1 <= k.shape[0] <= MAX_KERNEL_SIDE and 1 <= k.shape[1] <= MAX_KERNEL_SIDE
    assert np.isfinite(k).all()
    assert np.abs(k).max() > 0
    if name != "roberts":  # the only classic even (2×2) kernel
        assert k.shape[0] % 2 == 1 and k.shape[1] % 2 == 1
    if name in UNIT_SUM:
        assert k.sum() == pytest.approx(1.0, abs=1e-9)
    if name in ZERO_SUM:
        assert abs(k.sum()) <= 1e-9 * max(1.0, np.abs(k).sum())
    if kernels.family(name) == "low-pass" and name not in RINGING:
        assert (k >= 0).all()


def test_make_returns_fresh_writeable_copies():
    a = kernels.make("gaussian")
    a[:] = 0
    b = kernels.make("gaussian")
    assert b.sum() == pytest.approx(1.0)
    assert b.flags.writeable


def test_defaults_and_make_with_defaults_agree():
    for spec in kernels.catalog():
        d = kernels.defaults(spec.name)
        assert set(d) == {p.name for p in spec.params}
        np.testing.assert_array_equal(kernels.make(spec.name), kernels.make(spec.name, **d))
    assert kernels.defaults("gaussian") == {"size": 7, "sigma": 1.0}  # size follows sigma: 2⌈3σ⌉+1
    assert isinstance(kernels.defaults("box")["size"], int)


# ----------------------------------------------------------------------------- reference values
def test_gaussian_matches_matlab_fspecial():
    ref = np.array([[0.0113, 0.0838, 0.0113], [0.0838, 0.6193, 0.0838], [0.0113, 0.0838, 0.0113]])
    np.testing.assert_allclose(kernels.make("gaussian", size=3, sigma=0.5), ref, atol=1e-4)


@pytest.mark.parametrize("n", [1, 3, 5, 7, 63])
def test_box_is_ones_over_n_squared(n):
    np.testing.assert_array_equal(kernels.make("box", size=n), np.ones((n, n)) / n**2)


def test_laplacian_matches_matlab_fspecial():
    np.testing.assert_allclose(kernels.make("laplacian", alpha=0), [[0, 1, 0], [1, -4, 1], [0, 1, 0]], atol=1e-15)
    ref = np.array([[0.1667, 0.6667, 0.1667], [0.6667, -3.3333, 0.6667], [0.1667, 0.6667, 0.1667]])
    np.testing.assert_allclose(kernels.make("laplacian", alpha=0.2), ref, atol=1e-4)


def test_unsharp_matches_matlab_fspecial_and_equals_identity_minus_laplacian():
    ref = np.array([[-0.1667, -0.6667, -0.1667], [-0.6667, 4.3333, -0.6667], [-0.1667, -0.6667, -0.1667]])
    np.testing.assert_allclose(kernels.make("unsharp", alpha=0.2), ref, atol=1e-4)
    for a in (0.0, 0.35, 1.0):
        np.testing.assert_allclose(kernels.make("unsharp", alpha=a),
                                   kernels.make("identity") - kernels.make("laplacian", alpha=a), atol=1e-12)


def test_log_matches_matlab_fspecial():
    # MATLAB fspecial('log') (5×5, sigma 0.5)
    ref = np.array([
        [0.0448, 0.0468, 0.0564, 0.0468, 0.0448],
        [0.0468, 0.3167, 0.7146, 0.3167, 0.0468],
        [0.0564, 0.7146, -4.9048, 0.7146, 0.0564],
        [0.0468, 0.3167, 0.7146, 0.3167, 0.0468],
        [0.0448, 0.0468, 0.0564, 0.0468, 0.0448],
    ])
    np.testing.assert_allclose(kernels.make("log", size=5, sigma=0.5), ref, atol=1e-4)


def test_disk_matches_matlab_fspecial():
    ref1 = np.array([[0.0251, 0.1453, 0.0251], [0.1453, 0.3183, 0.1453], [0.0251, 0.1453, 0.0251]])
    np.testing.assert_allclose(kernels.make("disk", radius=1), ref1, atol=2e-4)
    k2 = kernels.make("disk", radius=2)
    assert k2.shape == (5, 5) and k2[0, 0] == 0
    np.testing.assert_allclose(k2[:2, :3], [[0, 0.0170, 0.0381], [0.0170, 0.0784, 0.0796]], atol=2e-4)


def test_classic_integer_kernels():
    np.testing.assert_array_equal(kernels.make("sobel_x"), [[1, 0, -1], [2, 0, -2], [1, 0, -1]])
    np.testing.assert_array_equal(kernels.make("sobel_y"), [[1, 2, 1], [0, 0, 0], [-1, -2, -1]])
    np.testing.assert_array_equal(kernels.make("prewitt_x"), [[1, 0, -1]] * 3)
    np.testing.assert_array_equal(kernels.make("prewitt_y"), [[1, 1, 1], [0, 0, 0], [-1, -1, -1]])
    np.testing.assert_array_equal(kernels.make("scharr_x"), [[3, 0, -3], [10, 0, -10], [3, 0, -3]])
    np.testing.assert_array_equal(kernels.make("scharr_y"), kernels.make("scharr_x").T)
    np.testing.assert_array_equal(kernels.make("roberts"), [[1, 0], [0, -1]])
    np.testing.assert_array_equal(kernels.make("outline"), [[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]])
    np.testing.assert_array_equal(kernels.make("sharpen"), [[0, -1, 0], [-1, 5, -1], [0, -1, 0]])
    np.testing.assert_array_equal(kernels.make("identity"), [[0, 0, 0], [0, 1, 0], [0, 0, 0]])
    np.testing.assert_array_equal(kernels.make("emboss", angle=315), [[-2, -1, 0], [-1, 1, 1], [0, 1, 2]])
    np.testing.assert_array_equal(kernels.make("emboss", angle=0), [[-1, 0, 1], [-1, 1, 1], [-1, 0, 1]])


def test_motion_matches_fspecial_on_axes():
    k = kernels.make("motion", length=9, angle=0)
    assert k.shape == (9, 9)
    np.testing.assert_allclose(k[4], np.ones(9) / 9, atol=1e-15)
    assert np.abs(np.delete(k, 4, axis=0)).max() == 0
    np.testing.assert_allclose(kernels.make("motion", length=9, angle=90), k.T, atol=1e-15)
    np.testing.assert_allclose(kernels.make("motion", length=9, angle=180), k, atol=1e-15)


def test_motion_45_degrees_runs_up_and_to_the_right():
    k = kernels.make("motion", length=9, angle=45)
    c = k.shape[0] // 2
    assert k[c - 2, c + 2] > 0.05 and k[c + 2, c - 2] > 0.05  # anti-diagonal (screen up-right)
    assert k[c - 2, c - 2] == 0 and k[c + 2, c + 2] == 0
    np.testing.assert_allclose(k, k[::-1, ::-1], atol=1e-12)


def test_dog_is_difference_of_normalised_gaussians():
    k = kernels.make("dog", sigma1=1.0, sigma2=2.0)
    assert k.shape == (13, 13)
    c = 6
    assert k[c, c] > 0 and k[c, 0] < 0  # positive centre, negative surround
    assert abs(k.sum()) < 1e-15


# ----------------------------------------------------------------------------- the second batch of kernels
@pytest.mark.parametrize("size", [3, 5, 9, 63])
def test_tent_is_a_box_convolved_with_itself(size):
    r = size // 2
    tri = np.convolve(np.ones(r + 1), np.ones(r + 1)) / (r + 1) ** 2
    np.testing.assert_allclose(kernels.make("tent", size=size), np.outer(tri, tri), atol=1e-15)
    np.testing.assert_array_equal(kernels.make("tent", size=3) * 16, [[1, 2, 1], [2, 4, 2], [1, 2, 1]])


def test_binomial_is_pascals_triangle_outer_product():
    np.testing.assert_array_equal(kernels.make("binomial", order=2), np.outer([1, 2, 1], [1, 2, 1]) / 16)
    row4 = np.array([1, 4, 6, 4, 1]) / 16
    np.testing.assert_array_equal(kernels.make("binomial"), np.outer(row4, row4))  # default order 4
    b = np.array([1.0])
    for _ in range(10):
        b = np.convolve(b, [0.5, 0.5])  # [1, 1]/2 convolved with itself `order` times
    np.testing.assert_allclose(kernels.make("binomial", order=10), np.outer(b, b), rtol=1e-13)
    assert kernels.make("binomial", order=62).shape == (63, 63)


def test_binomial_approaches_the_gaussian_of_variance_order_over_four():
    n = 16
    k = kernels.make("binomial", order=n)
    g = kernels.make("gaussian", size=n + 1, sigma=np.sqrt(n / 4))
    assert np.abs(k - g).max() < 0.05 * g.max()  # de Moivre-Laplace: 3 % at order 16


@pytest.mark.parametrize("window,scipy_window", [("rectangular", "boxcar"), ("hann", "hann"), ("hamming", "hamming")])
@pytest.mark.parametrize("size,cutoff", [(21, 0.15), (9, 0.25), (63, 0.05)])
def test_sinc_matches_scipy_firwin(window, scipy_window, size, cutoff):
    from scipy.signal import firwin

    h = firwin(size, cutoff, window=scipy_window, fs=1.0)
    np.testing.assert_allclose(kernels.make("sinc", size=size, cutoff=cutoff, window=window), np.outer(h, h),
                               atol=1e-15)


def test_sinc_rectangular_is_the_truncated_ideal_filter_and_hann_is_zero_at_the_ends():
    size, fc = 15, 0.2
    n = np.arange(size) - size // 2
    ideal = 2 * fc * np.sinc(2 * fc * n)  # inverse DTFT of the ideal low-pass
    np.testing.assert_allclose(kernels.make("sinc", size=size, cutoff=fc)[size // 2],
                               ideal / ideal.sum() * (ideal[size // 2] / ideal.sum()), atol=1e-15)
    hann = kernels.make("sinc", size=size, cutoff=fc, window="hann")
    assert (hann[0, :] == 0).all() and (hann[:, -1] == 0).all()
    ham = kernels.make("sinc", size=size, cutoff=fc, window="hamming")
    assert (ham[0, :] != 0).any()  # Hamming does not reach zero


def _sinc_response_1d(window: str) -> tuple[np.ndarray, np.ndarray]:
    """Frequencies and |H| of the 1-D filter behind ``sinc(41, 0.15, window)`` (its normalised centre row)."""
    row = kernels.make("sinc", size=41, cutoff=0.15, window=window)[20]
    return np.fft.rfftfreq(1024), np.abs(np.fft.rfft(row / row.sum(), 1024))


def test_sinc_rings_and_windows_tame_the_ringing():
    """Rectangular window: negative lobes and a Gibbs overshoot; Hann/Hamming: almost none."""
    assert kernels.make("sinc", size=41, cutoff=0.15).min() < 0  # the ringing lobes
    f, rect = _sinc_response_1d("rectangular")
    assert 0.05 < rect.max() - 1 < 0.2  # Gibbs overshoot, roughly a tenth
    assert rect[f < 0.1].min() > 0.85 and rect[f > 0.2].max() < 0.15  # passes below fc, stops above
    for window in ("hann", "hamming"):
        _, mag = _sinc_response_1d(window)
        assert mag.max() - 1 < 0.01 < 0.05 < rect.max() - 1
        assert mag[f > 0.22].max() < 0.01  # far smaller stop-band ripple than plain truncation


@pytest.mark.parametrize("alpha", [0.0, 0.2, 0.7, 1.0])
def test_high_boost_with_A_one_is_unsharp_and_adds_A_minus_one_identities(alpha):
    ident = kernels.make("identity")
    np.testing.assert_allclose(kernels.make("high_boost", A=1, alpha=alpha), kernels.make("unsharp", alpha=alpha),
                               atol=1e-12)
    for a in (1.0, 1.7, 5.0):
        k = kernels.make("high_boost", A=a, alpha=alpha)
        np.testing.assert_allclose(k, (a - 1) * ident + kernels.make("unsharp", alpha=alpha), atol=1e-12)
        np.testing.assert_allclose(k, a * ident - kernels.make("laplacian", alpha=alpha), atol=1e-12)
        assert k.sum() == pytest.approx(a)  # DC gain A


def test_high_boost_matches_gonzalez_woods_mask():
    # Gonzalez & Woods: composite high-boost mask, centre A + 4, -1 on the four neighbours
    for a in (1.0, 1.7, 3.0):
        np.testing.assert_allclose(kernels.make("high_boost", A=a), [[0, -1, 0], [-1, a + 4, -1], [0, -1, 0]],
                                   atol=1e-12)
    np.testing.assert_array_equal(kernels.make("high_boost", A=1), kernels.make("sharpen"))


KIRSCH = {  # Kirsch (1971) / Wikipedia: the 5s on the named side, each step clockwise moves them one cell
    "n": [[5, 5, 5], [-3, 0, -3], [-3, -3, -3]],
    "nw": [[5, 5, -3], [5, 0, -3], [-3, -3, -3]],
    "w": [[5, -3, -3], [5, 0, -3], [5, -3, -3]],
    "sw": [[-3, -3, -3], [5, 0, -3], [5, 5, -3]],
    "s": [[-3, -3, -3], [-3, 0, -3], [5, 5, 5]],
    "se": [[-3, -3, -3], [-3, 0, 5], [-3, 5, 5]],
    "e": [[-3, -3, 5], [-3, 0, 5], [-3, -3, 5]],
    "ne": [[-3, 5, 5], [-3, 0, 5], [-3, -3, -3]],
}


@pytest.mark.parametrize("direction", list(KIRSCH))
def test_kirsch_compass_masks(direction):
    k = kernels.make("kirsch", direction=direction)
    np.testing.assert_array_equal(k, KIRSCH[direction])
    assert k.sum() == 0 and (k == 5).sum() == 3 and (k == -3).sum() == 5


def test_kirsch_template_responds_most_to_brightness_on_its_side():
    yy, xx = np.mgrid[-8:9, -8:9].astype(float)
    for direction, (dy, dx) in {"n": (-1, 0), "ne": (-1, 1), "e": (0, 1), "s": (1, 0), "w": (0, -1)}.items():
        image = (yy * dy + xx * dx > 0).astype(float)  # brighter on that side of a straight edge
        responses = {d: ndi.correlate(image, kernels.make("kirsch", direction=d))[8, 8] for d in KIRSCH}
        assert max(responses, key=responses.get) == direction


LINES = {  # Gonzalez & Woods' four line masks, named by the line's angle on screen
    "horizontal": [[-1, -1, -1], [2, 2, 2], [-1, -1, -1]],
    "plus45": [[-1, -1, 2], [-1, 2, -1], [2, -1, -1]],
    "vertical": [[-1, 2, -1], [-1, 2, -1], [-1, 2, -1]],
    "minus45": [[2, -1, -1], [-1, 2, -1], [-1, -1, 2]],
}


@pytest.mark.parametrize("direction", list(LINES))
def test_line_detector_masks_find_their_line(direction):
    k = kernels.make("line", direction=direction)
    np.testing.assert_array_equal(k, LINES[direction])
    assert k.sum() == 0
    image = np.zeros((9, 9))
    image[np.nonzero(np.pad(np.array(LINES[direction]) == 2, 3))] = 1.0  # a thin line through the middle
    responses = {d: ndi.convolve(image, kernels.make("line", direction=d))[4, 4] for d in LINES}
    assert max(responses, key=responses.get) == direction and responses[direction] == 6


def test_choice_parameters_validate_and_coerce():
    assert kernels.validate_params("kirsch", {"direction": " NE "}) == {"direction": "ne"}
    assert kernels.coerce_params("sinc", {"window": "Hann", "size": "9"}) == {"size": 9, "cutoff": 0.15,
                                                                              "window": "hann"}
    with pytest.raises(KernelError, match=r"one of: rectangular, hann, hamming \(got 'kaiser'\)"):
        kernels.make("sinc", window="kaiser")
    with pytest.raises(KernelError, match="one of: horizontal"):
        kernels.make("line", direction=45)
    p = kernels.get("kirsch").param("direction")
    assert p.kind == "choice" and p.options[:3] == ("n", "ne", "e") and p.option_label("w", "zh") == "西（W）"
    assert kernels.defaults("sinc")["window"] == "rectangular"
    hash(kernels.get("sinc"))


def test_new_kernels_are_in_sensible_families_and_bands():
    assert {n: kernels.family(n) for n in ("tent", "binomial", "sinc", "high_boost", "kirsch", "line")} == {
        "tent": "low-pass", "binomial": "low-pass", "sinc": "low-pass", "high_boost": "high-pass",
        "kirsch": "directional", "line": "directional"}
    assert kernels.expected_band("high_boost") == "high-boost"
    assert kernels.get("High-Boost").name == "high_boost"


# ----------------------------------------------------------------------------- conventions
def test_derivative_signs_under_convolution():
    ramp = np.tile(np.arange(16.0), (16, 1))  # brighter to the right
    gx = ndi.convolve(ramp, kernels.make("sobel_x"))
    assert gx[8, 8] == pytest.approx(8.0)  # 2*(1+2+1) per pixel
    gy = ndi.convolve(ramp.T.copy(), kernels.make("sobel_y"))  # brighter downwards
    assert gy[8, 8] == pytest.approx(8.0)
    assert ndi.convolve(ramp, kernels.make("prewitt_x"))[8, 8] == pytest.approx(6.0)
    assert ndi.convolve(ramp, kernels.make("scharr_x"))[8, 8] == pytest.approx(32.0)
    assert ndi.convolve(ramp, kernels.make("sobel_y"))[8, 8] == pytest.approx(0.0)


@pytest.mark.parametrize("theta,axis", [(0, "x"), (90, "y"), (45, "d")])
def test_gabor_peaks_at_one_over_wavelength_in_direction_theta(theta, axis):
    lam = 8.0
    k = kernels.make("gabor", size=41, sigma=6.0, wavelength=lam, theta=theta, psi=0, gamma=1.0)
    n = 128
    mag = response(k, n)
    iy, ix = np.unravel_index(np.argmax(mag), mag.shape)
    f = np.fft.fftshift(np.fft.fftfreq(n))
    fy, fx = f[iy], f[ix]
    assert np.hypot(fx, fy) == pytest.approx(1 / lam, abs=1.5 / n)
    if axis == "x":
        assert abs(fy) < 1e-9
    elif axis == "y":
        assert abs(fx) < 1e-9
    else:
        assert abs(abs(fx) - abs(fy)) <= 1.0 / n + 1e-9


# ----------------------------------------------------------------------------- frequency behaviour
@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_family_response(case):
    """Low-pass: |H| at DC ≥ |H| at every Nyquist point; high-pass: the opposite."""
    name, params = case
    k = kernels.make(name, **params)
    mag = response(k, 64)
    dc = mag[32, 32]
    nyq = [mag[0, 32], mag[32, 0], mag[0, 0]]
    fam = kernels.family(name)
    if fam == "low-pass":
        assert all(dc >= v - 1e-12 for v in nyq)
        assert dc == pytest.approx(1.0)
    elif fam == "high-pass":
        assert max(nyq) >= dc - 1e-12
        assert max(nyq) > 1e-3


@pytest.mark.parametrize("spec", kernels.catalog(), ids=lambda s: s.name)
def test_expected_band_matches_the_measured_response(spec):
    k = kernels.make(spec.name)
    mag = response(k, 128)
    dc = mag[64, 64]
    peak = mag.max()
    inner = ring(mag, 0.0, 0.06).mean()
    outer = ring(mag, 0.4, 0.5).mean()
    band = kernels.expected_band(spec.name)
    assert band == spec.band
    if band == "all":
        np.testing.assert_allclose(mag, 1.0, atol=1e-12)
    elif band == "low" and spec.name in RINGING:
        # separable truncated sinc: the 1-D Gibbs overshoot (4.1 % at 21 taps, under 9 %) squared at the passband corner
        assert dc == pytest.approx(1.0) and peak <= 1.09**2 * dc and outer < 0.05 * dc
    elif band == "low":
        assert dc == pytest.approx(peak) and outer < 0.5 * dc
    elif band == "high" and spec.name == "line":
        # a second difference across the line times a 3-tap sum along it: the peak (gain 12) is at
        # Nyquist across the line, so it is high-pass, although the frequencies along the line are rejected
        across, along = mag[0, 64], mag[64, 0]  # vertical / horizontal Nyquist for the horizontal line
        assert dc < 1e-12 and across == pytest.approx(peak) == pytest.approx(12.0) and along < 1e-12
    elif band == "high":
        assert dc < 1e-9 * peak and outer > 3 * inner
    elif band == "band":
        iy, ix = np.unravel_index(np.argmax(mag), mag.shape)
        r_peak = np.hypot(iy - 64, ix - 64) / 128
        assert dc < 0.15 * peak
        assert 0.02 < r_peak < 0.45
        assert mag[0, 0] < 0.5 * peak  # the Nyquist corner is not passed
    elif band == "high-boost":  # DC gain 1 (high_boost: A ≥ 1), high frequencies amplified more
        assert dc == pytest.approx(k.sum()) and dc >= 1 - 1e-12 and peak > 1.5 * dc and outer > dc
    else:  # pragma: no cover - BANDS is closed
        pytest.fail(band)


@pytest.mark.parametrize("name", ["sobel_x", "sobel_y", "prewitt_x", "prewitt_y", "scharr_x", "scharr_y",
                                  "roberts", "emboss", "gabor", "kirsch", "line"])
def test_directional_kernels_are_anisotropic(name):
    mag = response(kernels.make(name), 128)
    vals = ring(mag, 0.15, 0.2)
    assert vals.max() > 3 * vals.min() + 1e-9


# ----------------------------------------------------------------------------- errors
def test_unknown_name_suggests_close_names():
    with pytest.raises(KernelError, match="gaussian"):
        kernels.make("gausian")
    with pytest.raises(KernelError, match="sobel_x"):
        kernels.get("sobelx")
    with pytest.raises(KernelError, match="Known kernels"):
        kernels.make("zzzzzz")
    with pytest.raises(KernelError, match=r"A kernel name must be text \(got 3\)\."):
        kernels.get(3)  # type: ignore[arg-type]


def test_lenient_name_spelling():
    assert kernels.get("Sobel-X").name == "sobel_x"
    assert kernels.get(" Gaussian ").name == "gaussian"


def test_frequency_mask_names_point_to_the_mask_builder():
    for name in kernels.frequency.MASK_NAMES:
        with pytest.raises(KernelError, match=rf"frequency-domain mask.*kernels\.frequency\.{name}\(\)"):
            kernels.make(name)


def test_unknown_parameter():
    with pytest.raises(KernelError, match=r"no parameter 'sigm'.*size, sigma"):
        kernels.make("gaussian", sigm=1.0)
    with pytest.raises(KernelError, match="takes no parameters"):
        kernels.make("sobel_x", size=3)


@pytest.mark.parametrize("name,params,pattern", [
    ("gaussian", {"sigma": 0.0}, r"from 0\.1 to 20"),
    ("gaussian", {"sigma": 1e9}, r"from 0\.1 to 20"),
    ("gaussian", {"size": 4}, r"odd whole number from 3 to 63"),
    ("gaussian", {"size": 65}, r"odd whole number from 3 to 63"),
    ("box", {"size": 5.5}, "odd whole number"),
    ("box", {"size": "5"}, "got '5'"),
    ("box", {"size": True}, "odd whole number"),
    ("gaussian", {"sigma": None}, "number"),
    ("gaussian", {"sigma": float("nan")}, "number"),
    ("laplacian", {"alpha": -0.1}, r"from 0 to 1"),
    ("motion", {"length": 0}, r"whole number from 1 to 63"),
    ("gabor", {"theta": 181}, r"from 0 to 180"),
])
def test_bad_parameter_values_give_the_allowed_range(name, params, pattern):
    with pytest.raises(KernelError, match=pattern) as info:
        kernels.make(name, **params)
    msg = str(info.value)
    assert "\n" not in msg and len(msg) < 160
    assert isinstance(info.value, ValueError)


def test_integral_floats_and_numpy_numbers_are_accepted():
    np.testing.assert_array_equal(kernels.make("box", size=5.0), kernels.make("box", size=5))
    np.testing.assert_array_equal(kernels.make("box", size=np.int64(5)), kernels.make("box", size=5))
    np.testing.assert_array_equal(kernels.make("gaussian", sigma=np.float32(1.5)), kernels.make("gaussian", sigma=1.5))
    assert kernels.make("gaussian", sigma=2).sum() == pytest.approx(1.0)


def test_coerce_params_from_text():
    assert kernels.coerce_params("gaussian", {"size": "7", "sigma": "1.5"}) == {"size": 7, "sigma": 1.5}
    with pytest.raises(KernelError, match="got 'abc'"):
        kernels.coerce_params("gaussian", {"sigma": "abc"})
    with pytest.raises(KernelError, match="no parameter"):
        kernels.coerce_params("gaussian", {"bogus": "1"})


def test_get_and_expected_band_and_family():
    assert kernels.get("gaussian").family == "low-pass"
    assert kernels.expected_band("identity") == "all"
    assert kernels.expected_band("sharpen") == "high-boost"
    assert kernels.family("gabor") == "directional"
    assert kernels.family("dog") == "band-pass"
    with pytest.raises(KernelError, match=r"Unknown family 'mid-pass'; families are: low-pass"):
        kernels.names("mid-pass")


def test_spec_param_lookup():
    spec = kernels.get("gabor")
    assert spec.param("wavelength").unit == "px"
    with pytest.raises(KernelError, match="no parameter"):
        spec.param("nope")
    hash(spec)  # specs are hashable (usable as cache keys)
    assert kernels.get("gaussian").param("size").odd_only


def test_import_is_pure():
    code = ("import sys, kernels, kernels.frequency, kernels.parse; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('streamlit', 'app', 'plotly')]; "
            "print(bad); sys.exit(1 if bad else 0)")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stdout + res.stderr


# ----------------------------------------------------------------------------- properties
@settings(max_examples=40, deadline=None)
@given(size=st.integers(1, 31).map(lambda k: 2 * k + 1), sigma=st.floats(0.1, 20.0))
def test_gaussian_is_symmetric_and_normalised(size, sigma):
    k = kernels.make("gaussian", size=size, sigma=sigma)
    np.testing.assert_allclose(k, k.T, atol=1e-15)
    np.testing.assert_allclose(k, k[::-1, ::-1], atol=1e-15)
    assert k.sum() == pytest.approx(1.0)
    assert k[size // 2, size // 2] == k.max()


@settings(max_examples=40, deadline=None)
@given(length=st.integers(1, 63), angle=st.floats(0.0, 180.0))
def test_motion_is_normalised_point_symmetric_and_fits(length, angle):
    k = kernels.make("motion", length=length, angle=angle)
    assert k.shape[0] == k.shape[1] <= MAX_KERNEL_SIDE and k.shape[0] % 2 == 1
    assert (k >= 0).all() and k.sum() == pytest.approx(1.0)
    np.testing.assert_allclose(k, k[::-1, ::-1], atol=1e-12)


@settings(max_examples=30, deadline=None)
@given(radius=st.floats(0.5, 31.5))
def test_disk_is_symmetric_and_normalised(radius):
    k = kernels.make("disk", radius=radius)
    assert k.shape[0] <= MAX_KERNEL_SIDE
    np.testing.assert_allclose(k, k.T, atol=1e-15)
    np.testing.assert_allclose(k, k[::-1, :], atol=1e-12)
    assert k.sum() == pytest.approx(1.0)


def _valid_value(p):
    if p.kind == "choice":
        return st.sampled_from(p.options)
    if p.kind == "int":
        n = int((p.max - p.min) // p.step)
        return st.integers(0, n).map(lambda i, p=p: int(p.min + i * p.step))
    return st.floats(p.min, p.max)


@st.composite
def kernel_and_params(draw):
    spec = draw(st.sampled_from(kernels.catalog()))
    return spec.name, {p.name: draw(_valid_value(p)) for p in spec.params}


@settings(max_examples=150, deadline=None)
@given(kernel_and_params())
def test_any_valid_parameter_combination_builds(case):
    name, params = case
    k = kernels.make(name, **params)
    assert k.dtype == np.float64 and k.ndim == 2 and max(k.shape) <= MAX_KERNEL_SIDE
    assert np.isfinite(k).all()
    if name in UNIT_SUM:
        assert k.sum() == pytest.approx(1.0, abs=1e-9)
    if name in ZERO_SUM:
        assert abs(k.sum()) <= 1e-9 * max(1.0, np.abs(k).sum())


@pytest.mark.parametrize("module", ["kernels", "kernels.spec", "kernels.spatial", "kernels.detail", "kernels.parse",
                                    "kernels.frequency"])
def test_docstring_examples_run(module):
    mod = importlib.import_module(module)
    res = doctest.testmod(mod, optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS, verbose=False)
    assert res.attempted > 0 and res.failed == 0


@pytest.mark.parametrize("fn,kwargs", [
    ("gaussian", {"size": "5"}), ("gaussian", {"size": 4}), ("gaussian", {"sigma": "x"}), ("gaussian", {"sigma": -1}),
    ("box", {"size": None}), ("disk", {"radius": 0}), ("disk", {"radius": 40}), ("motion", {"length": 0}),
    ("motion", {"angle": float("nan")}), ("laplacian", {"alpha": "0.2"}), ("unsharp", {"alpha": 2}),
    ("emboss", {"angle": None}), ("gabor", {"theta": "up"}), ("gabor", {"wavelength": 0}), ("dog", {"sigma1": 0}),
    ("log", {"size": 65}), ("tent", {"size": 4}), ("binomial", {"order": 3}), ("binomial", {"order": 64}),
    ("binomial", {"order": "4"}), ("sinc", {"cutoff": 0.6}), ("sinc", {"cutoff": 0}), ("sinc", {"window": "kaiser"}),
    ("high_boost", {"A": 0.5}), ("high_boost", {"alpha": 2}), ("kirsch", {"direction": "up"}),
    ("line", {"direction": None}),
])
def test_direct_builders_raise_kernel_errors(fn, kwargs):
    from kernels.catalogue import BUILDERS

    (param,) = kwargs
    with pytest.raises(KernelError, match=rf"^{param} must be "):
        BUILDERS[fn](**kwargs)
