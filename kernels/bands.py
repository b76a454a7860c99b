"""Frequency bands: the one vocabulary every band word, edge and classifier of ConvScope comes from.

* Band names: what a kernel's response does, :data:`BANDS` (``"all"``, ``"low"``, ``"high"``,
  ``"band"``, ``"high-boost"``), with their labels in :data:`BAND_LABELS`.
* Edges, in cycles/pixel (0.5 = Nyquist) of the radial frequency ``sqrt(fx² + fy²)``:
  below :data:`LOW_EDGE` is "the centre" of a spectrum, beyond :data:`HIGH_EDGE` its
  "fine detail" (the high-frequency energy read-outs use it as their cut-off).
* Classifiers: :func:`measured_band` (the shape of a kernel's response) and
  :func:`centroid_band` (where a response's power sits, by its radial centroid).

Pure numpy.
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "BANDS",
    "BAND_LABELS",
    "LOW_EDGE",
    "HIGH_EDGE",
    "CENTROID_EDGES",
    "radial_frequency",
    "measured_band",
    "centroid_band",
]

#: What a kernel's frequency response does (``kernels.expected_band``, :func:`measured_band`).
#: "all": passes every frequency unchanged; "low"/"high"/"band": the usual meanings;
#: "high-boost": keeps DC (gain 1; A ≥ 1 for ``high_boost``) and amplifies high frequencies more
#: (sharpening).
BANDS: tuple[str, ...] = ("all", "low", "high", "band", "high-boost")

BAND_LABELS: dict[str, dict[str, str]] = {
    "all": {"en": "all frequencies (all-pass)", "zh": "所有频率（全通）"},
    "low": {"en": "low frequencies", "zh": "低频"},
    "high": {"en": "high frequencies", "zh": "高频"},
    "band": {"en": "a band of middle frequencies", "zh": "中间的一段频率"},
    "high-boost": {"en": "all, with high frequencies boosted", "zh": "全部频率，高频被增强"},
}

#: cycles/pixel: below it, the low frequencies ("the centre" of a spectrum).
LOW_EDGE: float = 0.1
#: cycles/pixel: beyond it, the high frequencies ("fine detail").
HIGH_EDGE: float = 0.25
#: Radial-centroid limits (cycles/pixel) between "low", "band" and "high" in :func:`centroid_band`:
#: the edges above, moved 0.01 inwards so that the small smoothing kernels (a 3×3 box: 0.103)
#: still count as low and the 3×3 derivative kernels (Sobel: 0.248) as high.
CENTROID_EDGES: tuple[float, float] = (0.11, 0.24)
# The all-pass test's tolerance, and the "outer ring" measured_band reads high frequencies from
_ALL_PASS_ATOL = 1e-6
_OUTER_RING = 0.35


def radial_frequency(shape: tuple[int, ...], *, centred: bool = False) -> np.ndarray:
    """Radial frequency (cycles/pixel) of every bin of an FFT of ``shape[:2]``.

    ``centred``: zero frequency in the middle (``fftshift`` layout) rather than at ``[0, 0]``.

    Examples
    --------
    >>> radial_frequency((4, 4))[0].tolist()
    [0.0, 0.25, 0.5, 0.25]
    >>> float(radial_frequency((4, 4), centred=True)[2, 2])
    0.0
    """
    fy, fx = (np.fft.fftfreq(int(n)) for n in shape[:2])
    if centred:
        fy, fx = np.fft.fftshift(fy), np.fft.fftshift(fx)
    return np.hypot(fy[:, None], fx[None, :])


def measured_band(kernel: object, *, grid: int = 64) -> str:
    """What a kernel does to frequencies, measured from its response: one of :data:`BANDS`.

    On a ``grid × grid`` FFT: ``|H| ≡ 1`` is all-pass; a response that is ~0 at DC (≤ 5 % of
    its peak) is high-pass when it peaks in the outer ring (radius ≥ 0.35 cycles/pixel) or
    that ring keeps at least half the peak on average, else band-pass; otherwise the outer
    ring above the DC gain (+5 %) is high-boost; a response peaking at more than twice its DC
    gain elsewhere is band-pass (a Gabor with a small mean); otherwise an outer ring below half
    the DC gain is low-pass.  It agrees with the catalogue's declared band for every kernel.

    Examples
    --------
    >>> measured_band(np.full((3, 3), 1 / 9)), measured_band([[0, -1, 0], [-1, 4, -1], [0, -1, 0]])
    ('low', 'high')
    """
    from kernels.edit import as_kernel  # its checks and messages (edit imports the catalogue, which imports this)

    k = as_kernel(kernel)
    n = max(int(grid), *k.shape)
    mag = np.abs(np.fft.fft2(k, s=(n, n)))
    g0, gmax = float(mag[0, 0]), float(mag.max())
    if np.allclose(mag, 1.0, atol=_ALL_PASS_ATOL):
        return "all"
    outer = radial_frequency((n, n)) >= _OUTER_RING
    high = float(mag[outer].mean())
    if g0 <= 0.05 * gmax:
        return "high" if high >= 0.5 * gmax or float(mag[outer].max()) >= gmax * (1 - 1e-9) else "band"
    if high > 1.05 * g0:
        return "high-boost"
    if g0 < 0.5 * gmax:
        return "band"
    if high < 0.5 * g0:
        return "low"
    return "all"


def centroid_band(centroid: float) -> str:
    """``"low"``, ``"band"`` or ``"high"``: where a radial centroid (cycles/pixel) lies.

    Examples
    --------
    >>> centroid_band(0.05), centroid_band(0.17), centroid_band(0.3)
    ('low', 'band', 'high')
    """
    lo, hi = CENTROID_EDGES
    return "low" if centroid < lo else "band" if centroid < hi else "high"
