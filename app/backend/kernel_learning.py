"""Learning a kernel from an input/output pair: "training finds the kernel".

Given an image ``f`` and ``g = f ∗ h + noise`` with ``h`` hidden, every output pixel far enough
from the border is a weighted sum of a ``k × k`` patch of ``f`` with the (flipped) taps of
``h`` as the weights: a linear least-squares problem ``A x ≈ b`` in the ``k²`` taps. Two ways
to solve it:

* :func:`least_squares_kernel`: the exact ``k² × k²`` normal equations ``AᵀA x = Aᵀb``;
* :func:`gradient_descent_kernel`: steps down the loss ``½‖Ax − b‖² / N`` from zero taps, as
  training a CNN does (heavy-ball momentum; the default step and momentum are the best ones for
  this image, computed from the curvature ``AᵀA``: natural images have strongly correlated
  neighbouring pixels, so plain steps crawl along the flat directions).

What the data never showed cannot be learned: :func:`band_errors` compares the estimated and
true frequency responses ring by ring and flags the rings where the input has almost no energy.

Examples
--------
>>> rng = np.random.default_rng(0)
>>> f = rng.random((48, 48))
>>> h = np.array([[0.0, 0.5, 0.5]])
>>> from app.backend.convolution import convolve
>>> g = convolve(f, h, boundary="reflect")
>>> bool(np.allclose(least_squares_kernel(f, g, h.shape), h))
True
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.fft as sp_fft
from numpy.lib.stride_tricks import sliding_window_view

from ._validate import BackendError, finite_number, whole_number
from .spectra import frequency_response

__all__ = [
    "MAX_LEARN_SIDE",
    "KAPPA_CAP",
    "NormalEquations",
    "Descent",
    "best_rate_and_momentum",
    "BandErrors",
    "normal_equations",
    "least_squares_kernel",
    "gradient_descent_kernel",
    "band_errors",
]

#: Largest kernel side that can be learned (k² unknowns; 9 → 81).
MAX_LEARN_SIDE: int = 9
#: Largest curvature ratio L/μ the default rate and momentum are tuned for (see :func:`best_rate_and_momentum`).
KAPPA_CAP: float = 1e4
_RATE_MARGIN = 0.9
_ROWS_PER_CHUNK = 64


@dataclass(frozen=True)
class NormalEquations:
    """``AᵀA / N`` and ``Aᵀb / N`` of the patch problem, ``bᵀb / N``, and the kernel shape."""

    gram: np.ndarray
    rhs: np.ndarray
    target_power: float
    shape: tuple[int, int]
    n_rows: int

    def loss(self, taps: np.ndarray) -> float:
        """``½‖Ax − b‖² / N`` for flipped-and-flattened taps ``x`` (see :func:`_to_unknowns`)."""
        x = np.ravel(taps)
        return float(0.5 * (x @ self.gram @ x - 2 * x @ self.rhs + self.target_power))


def _check_pair(f: np.ndarray, g: np.ndarray, shape: tuple[int, int]) -> tuple[np.ndarray, np.ndarray, int, int]:
    f, g = np.asarray(f, dtype=np.float64), np.asarray(g, dtype=np.float64)
    if f.ndim != 2 or f.shape != g.shape:
        raise BackendError(f"input and output must be grey images of one shape; got {f.shape} and {g.shape}",
                           "learn_shape")
    if not (np.isfinite(f).all() and np.isfinite(g).all()):
        raise BackendError("input and output must hold finite numbers", "learn_finite")
    kh = whole_number(shape[0], "kernel height", lo=1, hi=MAX_LEARN_SIDE)
    kw = whole_number(shape[1], "kernel width", lo=1, hi=MAX_LEARN_SIDE)
    if f.shape[0] < 2 * kh or f.shape[1] < 2 * kw:
        raise BackendError(f"an image of shape {f.shape} is too small to learn a {kh}×{kw} kernel", "learn_small")
    return f, g, kh, kw


def normal_equations(f: np.ndarray, g: np.ndarray, shape: tuple[int, int]) -> NormalEquations:
    """The ``k² × k²`` normal equations of "which taps turn ``f`` into ``g``?".

    Only output pixels whose whole footprint lies inside ``f`` are used, so the boundary rule
    of the hidden convolution does not matter. Rows are accumulated in chunks (memory
    ``O(chunk · W · k²)``, not ``O(H · W · k²)``).

    Examples
    --------
    >>> eq = normal_equations(np.eye(8), np.eye(8), (3, 3))
    >>> eq.gram.shape, eq.n_rows
    ((9, 9), 36)
    """
    f, g, kh, kw = _check_pair(f, g, shape)
    ah, aw = kh // 2, kw // 2  # the anchor, as in app.backend.convolution
    patches = sliding_window_view(f, (kh, kw))  # patches[i, j] = f[i:i+kh, j:j+kw]
    # convolution: the output pixel at (i + kh-1-ah, j + kw-1-aw) is Σ patch[i, j][p, q] · h[kh-1-p, kw-1-q]
    # (the flipped kernel), for the patch starting at (i, j)
    oy, ox = kh - 1 - ah, kw - 1 - aw
    target = g[oy:oy + patches.shape[0], ox:ox + patches.shape[1]]
    n_unknowns = kh * kw
    gram, rhs, power, rows = np.zeros((n_unknowns, n_unknowns)), np.zeros(n_unknowns), 0.0, 0
    for start in range(0, patches.shape[0], _ROWS_PER_CHUNK):
        a = patches[start:start + _ROWS_PER_CHUNK].reshape(-1, n_unknowns)
        b = target[start:start + _ROWS_PER_CHUNK].ravel()
        gram += a.T @ a
        rhs += a.T @ b
        power += float(b @ b)
        rows += b.size
    return NormalEquations(gram / rows, rhs / rows, power / rows, (kh, kw), rows)


def _to_kernel(unknowns: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """Unknowns (patch order) → kernel taps (undo the flip)."""
    return np.asarray(unknowns).reshape(shape)[::-1, ::-1].copy()


def least_squares_kernel(f: np.ndarray, g: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """The taps that best turn ``f`` into ``g`` in the least-squares sense (normal equations).

    Examples
    --------
    >>> f = np.random.default_rng(1).random((32, 32))
    >>> from app.backend.convolution import convolve
    >>> h = np.arange(9.0).reshape(3, 3)
    >>> float(np.abs(least_squares_kernel(f, convolve(f, h), (3, 3)) - h).max()) < 1e-9
    True
    """
    eq = normal_equations(f, g, shape)
    try:
        x = np.linalg.solve(eq.gram, eq.rhs)
    except np.linalg.LinAlgError:  # a flat input: take the smallest-norm answer
        x = np.linalg.lstsq(eq.gram, eq.rhs, rcond=None)[0]
    return _to_kernel(x, eq.shape)


@dataclass(frozen=True)
class Descent:
    """Gradient descent: the kernel after every step (``kernels[0]`` is all zeros), the loss, and
    the rate (units of ``1/L``) and momentum used."""

    kernels: np.ndarray
    losses: np.ndarray
    rate: float
    momentum: float


def _largest_curvature(eq: NormalEquations) -> float:
    return max(float(np.linalg.eigvalsh(eq.gram)[-1]), 1e-300)


def best_rate_and_momentum(eq: NormalEquations) -> tuple[float, float]:
    """Heavy-ball's rate ``0.9 · 4L/(√L+√μ)²`` (in units of ``1/L``) and momentum ``((√κ−1)/(√κ+1))²``.

    ``L`` and ``μ`` are the largest and smallest curvature (eigenvalues of ``AᵀA/N``), ``κ = L/μ``,
    with two safeguards. ``κ`` is capped at :data:`KAPPA_CAP`: flatter directions are ones the data
    barely shows (a blurred input), and tuning for them would put the momentum so close to 1 that
    the steepest direction rings for thousands of steps. The rate is 90 % of the textbook optimum,
    which sits exactly on the edge of stability for the steepest direction.

    Examples
    --------
    >>> eq = NormalEquations(np.diag([1.0, 4.0]), np.zeros(2), 0.0, (1, 2), 1)
    >>> [round(v, 6) for v in best_rate_and_momentum(eq)]
    [1.6, 0.111111]
    """
    lam = np.linalg.eigvalsh(eq.gram)
    big = max(float(lam[-1]), 1e-300)
    small = max(float(lam[0]), big / KAPPA_CAP)
    root_kappa = np.sqrt(big / small)
    rate = _RATE_MARGIN * 4.0 * big / (np.sqrt(big) + np.sqrt(small)) ** 2
    return float(rate), float(((root_kappa - 1) / (root_kappa + 1)) ** 2)


def gradient_descent_kernel(eq: NormalEquations, *, steps: int = 300, rate: float | None = None,
                            momentum: float | None = None) -> Descent:
    """Learn the taps by gradient descent with momentum, starting from zero.

    Parameters
    ----------
    eq : NormalEquations
        From :func:`normal_equations`.
    steps : int
        Number of steps (1–2000).
    rate : float, optional
        Learning rate in units of ``1/L`` (``L`` the largest curvature, 0.05–4); by default the
        best heavy-ball rate for this image. Without momentum, rates above 2 diverge.
    momentum : float, optional
        Heavy-ball momentum (0 = plain gradient descent); by default the best for this image.

    Examples
    --------
    >>> eq = NormalEquations(np.eye(2), np.array([1.0, 2.0]), 5.0, (1, 2), 1)
    >>> d = gradient_descent_kernel(eq, steps=50)
    >>> np.round(d.kernels[-1], 6).tolist(), round(float(d.losses[-1]), 9)
    ([[2.0, 1.0]], 0.0)
    """
    steps = whole_number(steps, "steps", lo=1, hi=2000)
    best_rate, best_momentum = best_rate_and_momentum(eq)
    relative = best_rate if rate is None else finite_number(rate, "learning rate", lo=0.05, hi=4.0)
    beta = best_momentum if momentum is None else finite_number(momentum, "momentum", lo=0.0, hi=0.999)
    alpha = relative / _largest_curvature(eq)
    x, previous = np.zeros_like(eq.rhs), np.zeros_like(eq.rhs)
    taps, losses = [_to_kernel(x, eq.shape)], [eq.loss(x)]
    for _ in range(steps):
        gradient = eq.gram @ x - eq.rhs
        x, previous = x - alpha * gradient + beta * (x - previous), x
        taps.append(_to_kernel(x, eq.shape))
        losses.append(eq.loss(x))
    return Descent(np.array(taps), np.array(losses), relative, beta)


@dataclass(frozen=True)
class BandErrors:
    """Per ring of radial frequency: edges (cycles/pixel), mean ``|H_est − H|``, the input's share
    of energy, and whether the ring is identifiable (the input has enough energy there)."""

    edges: np.ndarray
    errors: np.ndarray
    input_share: np.ndarray
    identifiable: np.ndarray


def band_errors(f: np.ndarray, estimate: np.ndarray, truth: np.ndarray, *, n_bands: int = 8,
                threshold: float = 1e-4) -> BandErrors:
    """Error of the learned frequency response ring by ring, with rings the data never showed.

    A ring is not identifiable when the input's mean power there (mean removed, Hann-windowed)
    is below ``threshold`` times its mean power over all frequencies.

    Examples
    --------
    >>> f = np.random.default_rng(2).random((32, 32))
    >>> b = band_errors(f, np.eye(3), np.eye(3), n_bands=4)
    >>> b.errors.tolist(), bool(b.identifiable.all())
    ([0.0, 0.0, 0.0, 0.0], True)
    """
    f = np.asarray(f, dtype=np.float64)
    n_bands = whole_number(n_bands, "band count", lo=2, hi=64)
    shape = f.shape
    h_est = frequency_response(np.asarray(estimate, dtype=np.float64), shape)
    h_true = frequency_response(np.asarray(truth, dtype=np.float64), shape)
    # a Hann window keeps the image's edges (a jump at the FFT's wrap-around) from leaking
    # energy into every frequency
    window = np.outer(np.hanning(shape[0]), np.hanning(shape[1]))
    power = np.abs(sp_fft.fft2((f - f.mean()) * window)) ** 2
    u, v = np.meshgrid(sp_fft.fftfreq(shape[0]), sp_fft.fftfreq(shape[1]), indexing="ij")
    radius = np.hypot(u, v)
    edges = np.linspace(0.0, 0.5, n_bands + 1)
    ring = np.clip(np.digitize(radius, edges) - 1, 0, n_bands - 1)
    inside = radius <= 0.5
    diff = np.abs(sp_fft.ifftshift(h_est - h_true))  # centred → fftfreq order
    counts = np.bincount(ring[inside], minlength=n_bands)
    errors = np.bincount(ring[inside], weights=diff[inside], minlength=n_bands) / np.maximum(counts, 1)
    energy = np.bincount(ring[inside], weights=power[inside], minlength=n_bands)
    share = energy / max(float(energy.sum()), 1e-300)
    density = share / np.maximum(counts, 1)
    identifiable = density >= threshold * (share.sum() / max(int(counts.sum()), 1))
    return BandErrors(edges, errors, share, identifiable)
