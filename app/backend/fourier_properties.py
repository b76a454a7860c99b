"""Properties of the 2-D DFT, each checked by a number: shift, rotation, scaling, mirror, modulation, symmetry.

The engine of the Fourier Lab's "properties you can check".  Every
``*_check`` function transforms an image, measures its spectrum against the spectrum the
theorem predicts and returns a small frozen dataclass of numbers.  The transforms themselves
(:mod:`app.backend.image_transforms`) are public so a page can show the pictures the numbers
are about.

Errors called ``*_error`` are relative: the largest deviation divided by the largest
magnitude of the reference spectrum.  Conventions (``(u, v)`` = row, column frequency;
centred spectra) are those of :mod:`app.backend.fourier`; images are grey 2-D arrays.

Exact checks (circular shift, 90° rotation, mirror, modulation, even symmetry) hold to
rounding (~1e-15).  Rotation by any angle and scaling need interpolation and a window, so
they are measured (a correlation, a ratio) rather than exact.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import scipy.fft as sp_fft

from ._fourier_input import _as_gray, _check_frequency
from ._validate import finite_number, whole_number
from .image_transforms import _windowed_object, circular_shift, even_part, modulate, rotate_image, scale_image

__all__ = [
    "ShiftCheck",
    "Rotate90Check",
    "RotationCheck",
    "ScaleCheck",
    "MirrorCheck",
    "ModulationCheck",
    "EvenCheck",
    "shift_check",
    "rotate90_check",
    "rotation_check",
    "scale_check",
    "mirror_check",
    "modulation_check",
    "even_check",
]

#: Coefficients below this fraction of the largest magnitude have no meaningful phase.
PHASE_FLOOR = 1e-8


def _rel(diff: np.ndarray, ref: np.ndarray) -> float:
    top = float(np.abs(ref).max())
    return float(np.abs(diff).max()) / top if top > 0 else float(np.abs(diff).max())


def _int_freqs(n: int) -> np.ndarray:
    """Integer frequencies of the uncentred layout: ``0, 1, ..., -2, -1`` (``fftfreq(n) * n``, exact)."""
    k = np.arange(n)
    k[k >= (n + 1) // 2] -= n
    return k


def _freq_grid(shape: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """Integer frequencies ``(p[:, None], q[None, :])`` of the uncentred ``fft2`` layout."""
    return _int_freqs(shape[0])[:, None], _int_freqs(shape[1])[None, :]


# ---------------------------------------------------------------------------------------------
# checks
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ShiftCheck:
    """Circular shift by ``(dy, dx)``: ``F' = F · exp(-2πi (u dy / H + v dx / W))``.

    Attributes
    ----------
    dy, dx : int
    magnitude_error : float
        ``max | |F'| - |F| |`` relative to ``max |F|`` (0 up to rounding).
    phase_error : float
        Largest deviation (radians) of ``∠F' - ∠F`` from the predicted ramp, over the
        coefficients above ``PHASE_FLOOR · max |F|``.
    max_ramp : float
        Largest predicted phase change (radians, folded into ``[0, π]``): the ramp is real.
    """

    dy: int
    dx: int
    magnitude_error: float
    phase_error: float
    max_ramp: float


def shift_check(image: np.ndarray, dy: int, dx: int) -> ShiftCheck:
    """Check the shift theorem on an image.

    Examples
    --------
    >>> x = np.random.default_rng(0).random((16, 12))
    >>> c = shift_check(x, 3, -5)
    >>> c.magnitude_error < 1e-12, c.phase_error < 1e-9, round(c.max_ramp, 3)
    (True, True, 3.142)
    """
    x = _as_gray(image)
    dy, dx = whole_number(dy, "dy"), whole_number(dx, "dx")
    f = sp_fft.fft2(x)
    fs = sp_fft.fft2(circular_shift(x, dy, dx))
    p, q = _freq_grid(x.shape)
    h, w = x.shape
    ramp = np.exp(-2j * np.pi * ((p * dy % h) / h + (q * dx % w) / w))  # integer phases mod n: exact
    mag = np.abs(f)
    significant = mag > PHASE_FLOOR * mag.max()
    err = np.abs(np.angle(fs * np.conj(f) * np.conj(ramp)))[significant]
    return ShiftCheck(
        dy=dy,
        dx=dx,
        magnitude_error=_rel(np.abs(fs) - mag, f),
        phase_error=float(err.max()) if err.size else 0.0,
        max_ramp=float(np.abs(np.angle(ramp)).max()),
    )


@dataclass(frozen=True)
class Rotate90Check:
    """Rotation by ``k`` quarter turns (``numpy.rot90``): the spectrum turns with it.

    One quarter turn maps ``F'(p, q) = e^{2πi p / W} F(q, -p)`` (the phase factor because
    ``rot90`` turns about the array's middle, not about pixel 0).

    Attributes
    ----------
    k : int
    magnitude_error : float
        ``|F'|`` against ``|F|`` rotated, relative.
    spectrum_error : float
        ``F'`` against the predicted complex spectrum, relative.
    """

    k: int
    magnitude_error: float
    spectrum_error: float


def _rot90_spectrum(f: np.ndarray) -> np.ndarray:
    """Predicted uncentred spectrum of ``rot90(x)`` from the uncentred spectrum of ``x``."""
    h, w = f.shape
    g = f.T[(-np.arange(w)) % w, :]  # g[p, q] = f[q, -p]
    p = _int_freqs(w)[:, None]
    return g * np.exp(2j * np.pi * p / w)


def rotate90_check(image: np.ndarray, k: int = 1) -> Rotate90Check:
    """Check that rotating an image by ``k`` quarter turns rotates its spectrum exactly.

    Examples
    --------
    >>> x = np.random.default_rng(0).random((6, 9))
    >>> c = rotate90_check(x)
    >>> c.magnitude_error < 1e-12, c.spectrum_error < 1e-12
    (True, True)
    """
    x = _as_gray(image)
    k = whole_number(k, "k") % 4
    f = sp_fft.fft2(x)
    predicted = f
    for _ in range(k):
        predicted = _rot90_spectrum(predicted)
    fr = sp_fft.fft2(np.rot90(x, k))
    return Rotate90Check(
        k=k,
        magnitude_error=_rel(np.abs(fr) - np.abs(predicted), f),
        spectrum_error=_rel(fr - predicted, f),
    )


@dataclass(frozen=True)
class RotationCheck:
    """Rotation by any angle: the magnitude spectrum rotates by the same angle.

    Attributes
    ----------
    angle_deg : float
    correlation : float
        Pearson correlation of ``log |F|`` of the rotated image with ``log |F|`` of the
        original rotated by the angle (inside the inscribed circle, DC left out).  Near 1.
    baseline : float
        The same correlation with the *unrotated* spectrum: what the theorem improves on.
    """

    angle_deg: float
    correlation: float
    baseline: float


def _log_mag(a: np.ndarray) -> np.ndarray:
    mag = np.abs(sp_fft.fftshift(sp_fft.fft2(a)))
    return np.log(mag + 1e-9 * mag.max())


def rotation_check(image: np.ndarray, angle_deg: float) -> RotationCheck:
    """Check that rotating an image rotates its magnitude spectrum by the same angle.

    The central square of the image (the frequency grid must have equal steps on both axes)
    is windowed with :func:`radial_window` and made zero-mean, so it is a finite object
    whose rotation stays in the frame and has no edge cross in its spectrum.  The image is
    rotated with a cubic spline, its log spectrum bilinearly; interpolation (and the speckle
    of log magnitudes near the noise floor) makes the agreement close, not exact.

    Examples
    --------
    >>> x = np.random.default_rng(0).random((64, 64))
    >>> x = np.cumsum(np.cumsum(x - 0.5, 0), 1)  # smooth, anisotropic
    >>> c = rotation_check(x, 30)
    >>> c.correlation > 0.9, c.correlation > c.baseline
    (True, True)
    """
    x = _as_gray(image)
    angle = finite_number(angle_deg, "angle_deg")
    n = min(x.shape)
    if n < 8:
        raise ValueError(f"image too small for the rotation check (needs at least 8x8); got {x.shape}")
    r0, c0 = (x.shape[0] - n) // 2, (x.shape[1] - n) // 2
    obj = _windowed_object(x[r0 : r0 + n, c0 : c0 + n], n / 2)
    turned = rotate_image(obj, angle, order=3)
    spec = _log_mag(obj)
    spec_turned = _log_mag(turned)
    predicted = rotate_image(spec - spec.min(), angle) + spec.min()
    fy = sp_fft.fftshift(sp_fft.fftfreq(n))
    r = np.hypot(fy[:, None], fy[None, :])
    inside = (r < 0.5 - 1.0 / n) & (r > 0)
    corr = float(np.corrcoef(predicted[inside], spec_turned[inside])[0, 1])
    base = float(np.corrcoef(spec[inside], spec_turned[inside])[0, 1])
    return RotationCheck(angle_deg=angle, correlation=corr, baseline=base)


@dataclass(frozen=True)
class ScaleCheck:
    """Scaling by ``factor``: the spectrum scales by ``1 / factor``.

    Attributes
    ----------
    factor : float
    centroid : float
        Power-weighted mean radial frequency (cycles/pixel, ``0 < r <= 0.5``) of the
        windowed object.
    centroid_scaled : float
        The same for the scaled object.
    measured_ratio : float
        ``centroid_scaled / centroid``.
    predicted_ratio : float
        ``1 / factor``.
    relative_error : float
        ``|measured / predicted - 1|``.
    """

    factor: float
    centroid: float
    centroid_scaled: float
    measured_ratio: float
    predicted_ratio: float
    relative_error: float


def _radial_centroid(a: np.ndarray) -> float:
    """Power-weighted mean of ``hypot(fy, fx)`` over ``0 < r <= 0.5`` cycles/pixel."""
    power = np.abs(sp_fft.fft2(a)) ** 2
    fy, fx = sp_fft.fftfreq(a.shape[0]), sp_fft.fftfreq(a.shape[1])
    r = np.hypot(fy[:, None], fx[None, :])
    power[(r == 0) | (r > 0.5)] = 0.0
    total = power.sum()
    return float((r * power).sum() / total) if total > 0 else 0.0


def _band_limit(a: np.ndarray, cutoff: float) -> np.ndarray:
    """Low-pass with a raised-cosine roll-off from ``0.8 cutoff`` to ``cutoff`` (cycles/pixel)."""
    fy, fx = sp_fft.fftfreq(a.shape[0]), sp_fft.rfftfreq(a.shape[1])
    r = np.hypot(fy[:, None], fx[None, :])
    t = np.clip((r - 0.8 * cutoff) / (0.2 * cutoff), 0.0, 1.0)
    return sp_fft.irfft2(sp_fft.rfft2(a) * (0.5 * (1.0 + np.cos(np.pi * t))), s=a.shape)


def scale_check(image: np.ndarray, factor: float) -> ScaleCheck:
    """Check that magnifying an image by ``factor`` shrinks its spectrum by ``1 / factor``.

    The theorem is about a whole object, so the image is first made one: windowed to a
    zero-mean disc small enough that the scaled object still fits in the frame (radius
    ``min(H, W) / (2 max(1, factor))``) and, when shrinking, band-limited below
    ``0.5 · factor`` cycles/pixel so that the stretched spectrum still fits below Nyquist
    (otherwise it aliases).  It is scaled with :func:`scale_image` (cubic spline) and the
    power-weighted radial centroids (``0 < r <= 0.5``) of the two spectra are compared.
    ``factor`` is limited to ``[0.25, 4]``.

    Examples
    --------
    >>> x = np.random.default_rng(0).random((64, 64))
    >>> c = scale_check(x, 2.0)
    >>> c.predicted_ratio, abs(c.measured_ratio - 0.5) < 0.05
    (0.5, True)
    """
    x = _as_gray(image)
    factor = finite_number(factor, "factor")
    if not 0.25 <= factor <= 4:
        raise ValueError(f"factor must be between 0.25 and 4; got {factor}")
    if min(x.shape) < 8:
        raise ValueError(f"image too small for the scale check (needs at least 8x8); got {x.shape}")
    obj = _windowed_object(x, min(x.shape) / (2 * max(1.0, factor)))
    if factor < 1:
        obj = _band_limit(obj, 0.5 * factor)
    scaled = scale_image(obj, factor, order=3)
    c0, c1 = _radial_centroid(obj), _radial_centroid(scaled)
    measured = c1 / c0 if c0 > 0 else math.nan
    predicted = 1.0 / factor
    return ScaleCheck(
        factor=factor,
        centroid=c0,
        centroid_scaled=c1,
        measured_ratio=measured,
        predicted_ratio=predicted,
        relative_error=abs(measured / predicted - 1.0),
    )


@dataclass(frozen=True)
class MirrorCheck:
    """Mirror along ``axis`` (``numpy.flip``): the spectrum is mirrored the same way.

    For ``axis=1`` (left-right), ``F'(p, q) = e^{2πi q / W} F(p, -q)``; for a real image that
    is ``e^{2πi q / W} conj(F(-p, q))``: the mirrored spectrum is the conjugate of the
    spectrum mirrored along the other axis.

    Attributes
    ----------
    axis : int
    magnitude_error : float
        ``|F'|`` against the mirrored ``|F|``, relative.
    spectrum_error : float
        ``F'`` against the predicted complex spectrum, relative.
    conjugate_error : float
        ``F'`` against ``e^{...} conj`` of ``F`` mirrored along the other axis, relative.
    """

    axis: int
    magnitude_error: float
    spectrum_error: float
    conjugate_error: float


def mirror_check(image: np.ndarray, axis: int = 1) -> MirrorCheck:
    """Check the mirror property (``axis=1``: left-right flip, ``axis=0``: up-down).

    Examples
    --------
    >>> x = np.random.default_rng(0).random((6, 7))
    >>> c = mirror_check(x)
    >>> c.magnitude_error < 1e-12, c.spectrum_error < 1e-12, c.conjugate_error < 1e-12
    (True, True, True)
    """
    x = _as_gray(image)
    axis = whole_number(axis, "axis")
    if axis not in (0, 1):
        raise ValueError(f"axis must be 0 (up-down) or 1 (left-right); got {axis}")
    h, w = x.shape
    f = sp_fft.fft2(x)
    fm = sp_fft.fft2(np.flip(x, axis))
    p, q = _freq_grid(x.shape)
    neg_r, neg_c = (-np.arange(h)) % h, (-np.arange(w)) % w
    if axis == 1:
        factor = np.exp(2j * np.pi * q / w)
        mirrored = f[:, neg_c]
        other = np.conj(f[neg_r, :])
    else:
        factor = np.exp(2j * np.pi * p / h)
        mirrored = f[neg_r, :]
        other = np.conj(f[:, neg_c])
    return MirrorCheck(
        axis=axis,
        magnitude_error=_rel(np.abs(fm) - np.abs(mirrored), f),
        spectrum_error=_rel(fm - factor * mirrored, f),
        conjugate_error=_rel(fm - factor * other, f),
    )


@dataclass(frozen=True)
class ModulationCheck:
    """Multiplying by the cosine of frequency ``(u, v)`` moves the spectrum to ``±(u, v)``.

    ``F'(f) = (F(f - f0) + F(f + f0)) / 2`` (two half-height copies).

    Attributes
    ----------
    u, v : int
        The wave's frequency.
    peak_shift : tuple of int
        Measured: where the largest coefficient went, minus where it was (centred,
        folded into the frequency range).
    shift_error : float
        Distance (in frequency samples) from ``peak_shift`` to the nearer of ``±(u, v)``.
    spectrum_error : float
        ``F'`` against the two shifted copies, relative.
    """

    u: int
    v: int
    peak_shift: tuple[int, int]
    shift_error: float
    spectrum_error: float


def modulation_check(image: np.ndarray, u: int, v: int) -> ModulationCheck:
    """Check the modulation property with the cosine wave of frequency ``(u, v)``.

    Examples
    --------
    >>> x = np.random.default_rng(0).random((16, 16)) + 1.0
    >>> c = modulation_check(x, 2, -3)
    >>> c.peak_shift in ((2, -3), (-2, 3)), c.shift_error, c.spectrum_error < 1e-12
    (True, 0.0, True)
    """
    x = _as_gray(image)
    h, w = x.shape
    u, v = _check_frequency(h, u, "u"), _check_frequency(w, v, "v")
    f = sp_fft.fftshift(sp_fft.fft2(x))
    fm = sp_fft.fftshift(sp_fft.fft2(modulate(x, u, v)))
    predicted = 0.5 * (np.roll(f, (u, v), axis=(0, 1)) + np.roll(f, (-u, -v), axis=(0, 1)))
    before = np.unravel_index(int(np.argmax(np.abs(f))), f.shape)
    after = np.unravel_index(int(np.argmax(np.abs(fm))), f.shape)
    du = (int(after[0]) - int(before[0]) + h // 2) % h - h // 2
    dv = (int(after[1]) - int(before[1]) + w // 2) % w - w // 2

    def dist(a: int, b: int) -> float:
        ea = min(abs(du - a) % h, h - abs(du - a) % h)
        eb = min(abs(dv - b) % w, w - abs(dv - b) % w)
        return math.hypot(ea, eb)

    return ModulationCheck(
        u=u,
        v=v,
        peak_shift=(du, dv),
        shift_error=min(dist(u, v), dist(-u, -v)),
        spectrum_error=_rel(fm - predicted, f),
    )


@dataclass(frozen=True)
class EvenCheck:
    """A real, even image has a real spectrum.

    Attributes
    ----------
    max_imag : float
        ``max |Im F|`` of :func:`even_part` of the image, relative to ``max |F|``
        (0 up to rounding); the spectrum is taken about pixel ``(H // 2, W // 2)``.
    max_imag_original : float
        The same for the image itself, for contrast.
    """

    max_imag: float
    max_imag_original: float


def even_check(image: np.ndarray) -> EvenCheck:
    """Check that the even part of an image has a purely real spectrum.

    Examples
    --------
    >>> x = np.random.default_rng(0).random((7, 8))
    >>> c = even_check(x)
    >>> c.max_imag < 1e-12, c.max_imag_original > 0.01
    (True, True)
    """
    x = _as_gray(image)
    fe = sp_fft.fft2(sp_fft.ifftshift(even_part(x)))
    fo = sp_fft.fft2(sp_fft.ifftshift(x))
    return EvenCheck(max_imag=_rel(fe.imag, fe), max_imag_original=_rel(fo.imag, fo))
