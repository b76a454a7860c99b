"""Let the computer guess: learn the hidden kernel from ``f`` and ``g = f ∗ h + noise``.

The lab's "training finds the kernel" part (no widgets): least squares (the exact normal
equations) and gradient descent with momentum from :mod:`app.backend.kernel_learning`, the loss
per step, and the error of ``H`` per radial band with the bands the input never showed flagged.
A kernel wider than :data:`~app.backend.kernel_learning.MAX_LEARN_SIDE` is learned as its central
``9 × 9`` window (the page says so).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import streamlit as st

import kernels
from app.backend import kernel_learning as kl
from app.backend.convolution import convolve
from app.labs.challenge_lab.pipeline import output

NOISE_SEED = 0
#: Gradient-descent kernels kept for the client-side player (every n-th step).
PLAYER_FRAMES = 61


@dataclass(frozen=True)
class Learned:
    """What the learning part shows."""

    shape: tuple[int, int]  # the learned kernel's shape
    truncated: bool  # the hidden kernel is larger than the learned one
    least_squares: np.ndarray
    descent: kl.Descent
    best: tuple[float, float]  # the best (rate, momentum) for this input
    ls_error: float  # max |tap error| of least squares against the hidden kernel's central window
    gd_error: float  # the same for the last gradient-descent kernel
    bands: kl.BandErrors


def learn_shape(hidden: np.ndarray) -> tuple[int, int]:
    """The learned kernel's shape: the hidden one's, at most 9 a side (odd sides stay centred).

    Examples
    --------
    >>> learn_shape(np.ones((3, 3))), learn_shape(np.ones((13, 1)))
    ((3, 3), (9, 1))
    """
    return tuple(min(int(n), kl.MAX_LEARN_SIDE) for n in hidden.shape)  # type: ignore[return-value]


def central(kernel: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """The ``shape`` window around the kernel's anchor (``n // 2``), as the learned kernel sees it.

    Examples
    --------
    >>> central(np.arange(25.0).reshape(5, 5), (3, 3))[0].tolist()
    [6.0, 7.0, 8.0]
    """
    (kh, kw), (sh, sw) = kernel.shape, shape
    top, left = kh // 2 - sh // 2, kw // 2 - sw // 2
    return kernel[top:top + sh, left:left + sw]


def pair(image: np.ndarray, hidden: np.ndarray, *, noise: float, blur: float) -> tuple[np.ndarray, np.ndarray]:
    """The training pair: the input (blurred with σ = ``blur`` when > 0) and ``g = f ∗ h + noise``
    (seeded Gaussian noise of standard deviation ``noise``)."""
    f = convolve(image, kernels.make("gaussian", sigma=blur), boundary="reflect", method="fft") if blur > 0 else image
    g = output(f, hidden) + noise * np.random.default_rng(NOISE_SEED).standard_normal(f.shape)
    return f, g


def learn(image: np.ndarray, hidden: np.ndarray, *, noise: float, blur: float, rate: float | None,
          momentum: float | None, steps: int) -> Learned:
    """Both estimates of the hidden kernel and how well each frequency band was learned."""
    f, g = pair(image, hidden, noise=noise, blur=blur)
    shape = learn_shape(hidden)
    eq = kl.normal_equations(f, g, shape)
    ls = kl.least_squares_kernel(f, g, shape)
    descent = kl.gradient_descent_kernel(eq, steps=steps, rate=rate, momentum=momentum)
    truth = central(hidden, shape)
    return Learned(
        shape=shape, truncated=shape != hidden.shape, least_squares=ls, descent=descent,
        best=kl.best_rate_and_momentum(eq), ls_error=float(np.abs(ls - truth).max()),
        gd_error=float(np.abs(descent.kernels[-1] - truth).max()),
        bands=kl.band_errors(f, ls, hidden),
    )


@st.cache_data(max_entries=8, show_spinner=False)
def learned(image_digest: str, hidden_digest: str, noise: float, blur: float, rate: float | None,
            momentum: float | None, steps: int, *, _image: np.ndarray, _hidden: np.ndarray) -> Learned:
    """:func:`learn`, cached on the digests and the settings."""
    return learn(_image, _hidden, noise=noise, blur=blur, rate=rate, momentum=momentum, steps=steps)


def player_steps(steps: int, frames: int = PLAYER_FRAMES) -> np.ndarray:
    """The steps the client-side player shows (0 … ``steps``, at most ``frames`` of them).

    Examples
    --------
    >>> player_steps(300, 4).tolist()
    [0, 100, 200, 300]
    """
    return np.unique(np.linspace(0, steps, min(frames, steps + 1)).round().astype(int))
