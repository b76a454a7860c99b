"""High-pass and band-pass kernels, the ones that keep detail: the Laplacian, LoG, outline,
sharpening, unsharp masking and high boost; the DoG and Gabor band-passes. The conventions of
:mod:`kernels.spatial` hold (Laplacian-type kernels and the DoG sum to 0, ``high_boost`` to ``A``;
angles in degrees, counter-clockwise on screen).

Examples
--------
>>> bool(abs(laplacian().sum()) < 1e-12), float(high_boost(2.0).sum())
(True, 2.0)
"""

from __future__ import annotations

import math

import numpy as np

from .spatial import _check_alpha, _check_angle, _check_odd_size, _check_positive, _offsets
from .spec import MAX_KERNEL_SIDE, KernelError

__all__ = ["laplacian", "log", "outline", "sharpen", "unsharp", "high_boost", "dog", "gabor"]


# ----------------------------------------------------------------------------- high-pass
def laplacian(alpha: float = 0.2) -> np.ndarray:
    """3×3 Laplacian (MATLAB ``fspecial('laplacian', alpha)``), sums to 0.

    ``alpha`` (0 … 1) blends the 4-neighbour (alpha 0) and the diagonal form (alpha 1).

    Examples
    --------
    >>> laplacian(0.0)
    array([[ 0.,  1.,  0.],
           [ 1., -4.,  1.],
           [ 0.,  1.,  0.]])
    """
    a = _check_alpha(alpha)
    e = (1.0 - a) / 4.0
    d = a / 4.0
    h = np.array([[d, e, d], [e, -1.0, e], [d, e, d]]) * (4.0 / (a + 1.0))
    return h


def log(size: int = 9, sigma: float = 1.4) -> np.ndarray:
    """Laplacian of Gaussian ("Mexican hat" turned over), zero-sum (MATLAB ``fspecial('log')``).

    Negative in the centre like :func:`laplacian`; ``sigma`` sets the scale of the edges found.

    Examples
    --------
    >>> bool(abs(log(9, 1.4).sum()) < 1e-12)
    True
    """
    size = _check_odd_size(size)
    sigma = _check_positive(sigma, "sigma")
    r, c = _offsets(size // 2)
    d2 = r * r + c * c
    g = np.exp(-d2 / (2.0 * sigma * sigma))
    g /= g.sum()
    h = g * (d2 - 2.0 * sigma * sigma) / sigma**4
    return h - h.mean()


def outline() -> np.ndarray:
    """8-neighbour outline / edge kernel ``[[-1,-1,-1],[-1,8,-1],[-1,-1,-1]]`` (sums to 0).

    Examples
    --------
    >>> outline()
    array([[-1., -1., -1.],
           [-1.,  8., -1.],
           [-1., -1., -1.]])
    """
    h = -np.ones((3, 3))
    h[1, 1] = 8.0
    return h


def sharpen() -> np.ndarray:
    """Classic sharpen ``[[0,-1,0],[-1,5,-1],[0,-1,0]]`` = identity − Laplacian (sums to 1).

    Examples
    --------
    >>> sharpen().sum()
    np.float64(1.0)
    """
    return np.array([[0.0, -1.0, 0.0], [-1.0, 5.0, -1.0], [0.0, -1.0, 0.0]])


def unsharp(alpha: float = 0.2) -> np.ndarray:
    """3×3 unsharp-masking kernel (MATLAB ``fspecial('unsharp', alpha)``), sums to 1.

    Equals ``identity - laplacian(alpha)``.

    Examples
    --------
    >>> round(float(unsharp(0.2).sum()), 12)
    1.0
    """
    a = _check_alpha(alpha)
    return np.array([[-a, a - 1, -a], [a - 1, a + 5, a - 1], [-a, a - 1, -a]]) / (a + 1.0)


def high_boost(A: float = 1.5, alpha: float = 0.0) -> np.ndarray:  # noqa: N803 - the textbook's name
    """High-boost filter ``A·δ − ∇²`` (Gonzalez & Woods), sums to ``A``.

    Gonzalez & Woods define high-boost filtering as ``f_hb = A f − f_lp`` (``A ≥ 1``), i.e.
    ``(A − 1) f + f_hp``, and take the high-pass part as the Laplacian sharpening
    ``f − ∇²f``, which gives the composite mask ``A·δ − ∇²``: centre ``A + 4`` and ``−1`` on
    the four neighbours for ``alpha = 0`` (their 4-neighbour high-boost mask). ``∇²`` is
    :func:`laplacian` (``alpha`` blends in the diagonals, as in MATLAB), so the kernel is
    ``(A − 1)·identity + unsharp(alpha)``: ``A = 1`` gives :func:`unsharp` (and, with
    ``alpha = 0``, :func:`sharpen`); larger ``A`` adds more of the original image, so the DC
    gain (brightness) is ``A`` while high frequencies are still boosted.

    Parameters
    ----------
    A : float
        Boost factor, ``A ≥ 1``.
    alpha : float
        Diagonal weight of the Laplacian, 0 … 1.

    Examples
    --------
    >>> high_boost(1.5)
    array([[ 0. , -1. ,  0. ],
           [-1. ,  5.5, -1. ],
           [ 0. , -1. ,  0. ]])
    """
    boost = _check_positive(A, "A")
    if boost < 1.0:
        raise KernelError(f"A must be a number of at least 1 (got {A!r}).")
    h = 0.0 - laplacian(alpha)  # 0.0 - x: no -0.0 where the Laplacian is 0
    h[1, 1] += boost
    return h


# ----------------------------------------------------------------------------- band-pass
def dog(sigma1: float = 1.0, sigma2: float = 2.0) -> np.ndarray:
    """Difference of Gaussians ``G(sigma1) - G(sigma2)``, exactly zero-sum.

    Each Gaussian is normalised on the same grid of side ``2*ceil(3*max(sigma)) + 1``.
    With ``sigma1 < sigma2`` the centre is positive (a band-pass "Mexican hat").

    Examples
    --------
    >>> dog(1.0, 2.0).shape
    (13, 13)
    """
    s1 = _check_positive(sigma1, "sigma1")
    s2 = _check_positive(sigma2, "sigma2")
    half = int(math.ceil(3.0 * max(s1, s2)))
    half = min(half, (MAX_KERNEL_SIDE - 1) // 2)
    r, c = _offsets(half)
    d2 = r * r + c * c
    g1 = np.exp(-d2 / (2 * s1 * s1))
    g2 = np.exp(-d2 / (2 * s2 * s2))
    h = g1 / g1.sum() - g2 / g2.sum()
    return h - h.mean()


def gabor(
    size: int = 21,
    sigma: float = 4.0,
    wavelength: float = 10.0,
    theta: float = 0.0,
    psi: float = 0.0,
    gamma: float = 0.5,
) -> np.ndarray:
    """Gabor filter: a cosine wave under a Gaussian window (tuned to one frequency and direction).

    ``g = exp(-(x'^2 + gamma^2 y'^2) / (2 sigma^2)) * cos(2 pi x' / wavelength + psi)``
    with ``x' = x cos(theta) + y sin(theta)``, ``y' = -x sin(theta) + y cos(theta)``
    (the OpenCV ``getGaborKernel`` form, but ``theta`` and ``psi`` in degrees), divided by the
    sum of the Gaussian window so outputs stay in the image's range. Its frequency response
    peaks at ``1 / wavelength`` cycles/pixel in direction ``theta``.

    Examples
    --------
    >>> gabor(21, 4, 10, 0, 0, 0.5).shape
    (21, 21)
    """
    size = _check_odd_size(size)
    sigma = _check_positive(sigma, "sigma")
    wavelength = _check_positive(wavelength, "wavelength")
    gamma = _check_positive(gamma, "gamma")
    r, c = _offsets(size // 2)
    x, y = c, -r
    t = math.radians(_check_angle(theta, "theta"))
    psi = _check_angle(psi, "psi")
    xp = x * math.cos(t) + y * math.sin(t)
    yp = -x * math.sin(t) + y * math.cos(t)
    env = np.exp(-(xp * xp + gamma * gamma * yp * yp) / (2.0 * sigma * sigma))
    wave = np.cos(2.0 * math.pi * xp / wavelength + math.radians(psi))
    return env * wave / env.sum()
