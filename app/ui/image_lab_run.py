"""The Image Lab's per-run computation, reusable by the teaching tools (issue 4) and tests.

:func:`compute` takes the picked image, the kernel and the settings and returns a small
:class:`LabRun` (image, kernel, result, settings) plus the display-ready pieces built on
demand (:func:`display_output`, :func:`spectra_uint8`, :func:`radial_profiles`, ...).

The per-image work (padding + FFT) is held in an :class:`app.backend.ImageAnalysis` cached
with ``st.cache_resource`` keyed on the image digest and the boundary, never on the array.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import streamlit as st

from app.backend import (
    ImageAnalysis,
    convolve,
    display,
    is_signed,
    radial_profile,
    rank1_factors,
    signed_to_rgb,
    to_uint8,
)
from app.backend.lab_tools import apply_colormap, high_frequency_ratio
from app.ui.widgets import PickedImage

#: Beyond this many multiply-adds the direct spatial check is not run automatically.
DIRECT_CHECK_BUDGET = 40_000_000
HF_CUTOFF = 0.25  # cycles/pixel: "high frequencies" for the energy read-out
DISPLAY_SIDE = 512


@dataclass(frozen=True)
class LabSettings:
    """Everything besides the image and kernel that decides what the page shows."""

    kernel_name: str = "gaussian"
    family: str = "low-pass"
    params: dict = field(default_factory=dict)
    boundary: str = "reflect"
    correlate: bool = False
    signed_mode: str = "auto"  # auto | diverging | abs | offset | clip
    shared_scale: bool = True
    db: int = 100
    projector: bool = False


@dataclass(eq=False)
class LabRun:
    """One run of the Image Lab: the inputs and the backend's result (display pieces are lazy)."""

    image: PickedImage
    kernel: np.ndarray
    result: object  # app.backend.ConvolutionResult
    settings: LabSettings
    analysis: ImageAnalysis

    @property
    def output(self) -> np.ndarray:
        return self.result.output

    @cached_property
    def hf_ratio(self) -> float:
        """High-frequency energy (above ``HF_CUTOFF`` cycles/pixel) of the output / of the input."""
        return high_frequency_ratio(self.result.magnitude("output"), self.result.magnitude("image"), HF_CUTOFF)


@st.cache_resource(max_entries=6, show_spinner=False)
def analysis_for(digest: str, boundary: str, _image: np.ndarray) -> ImageAnalysis:
    """The cached per-image analysis (padded FFT), keyed on the image digest and the boundary."""
    return ImageAnalysis(_image, boundary=boundary)


def compute(picked: PickedImage, kernel: np.ndarray, settings: LabSettings) -> LabRun:
    """Apply ``kernel`` to the picked image with the cached analysis; cheap on a slider move."""
    analysis = analysis_for(picked.digest, settings.boundary, picked.image)
    result = analysis.apply(kernel, correlate=settings.correlate)
    return LabRun(picked, np.asarray(kernel), result, settings, analysis)


# --------------------------------------------------------------------------- #
# display pieces
# --------------------------------------------------------------------------- #
@dataclass(frozen=True)
class OutputDisplay:
    pixels: np.ndarray  # uint8, ≤ DISPLAY_SIDE
    mode: str  # "plain" | "diverging" | "abs" | "offset" | "clip"
    lo: float
    hi: float
    clipped_fraction: float  # share of pixels outside [0, 1] (clip mode) or beyond ±limit (diverging)
    limit: float = 0.0  # colour-scale limit of the diverging/abs/offset maps


SATURATE_PERCENTILE = 99.5  # diverging map: the strongest 0.5 % saturate (said on the page)


def effective_mode(output: np.ndarray, signed_mode: str, family: str = "") -> str:
    """The mapping actually used: plain [0, 1] images stay plain unless the user asks otherwise.

    ``auto`` picks the diverging map (zero = neutral) for any output outside [0, 1] — the
    high-pass case — and the plain grey/colour image otherwise.
    """
    if not is_signed(output):
        return "plain"
    if signed_mode == "auto":
        return "diverging"
    return signed_mode


def display_output(output: np.ndarray, signed_mode: str = "auto", family: str = "") -> OutputDisplay:
    """uint8 pixels of the output and how they were made (never a silent clip).

    The diverging map uses ±(99.5th percentile of |x|) so faint edges stay visible; the share
    of pixels that saturate is returned and shown. ``abs``/``offset`` use ±max|x| (nothing
    saturates); ``clip`` clips to [0, 1] and reports the clipped share.
    """
    mode = effective_mode(output, signed_mode, family)
    lo, hi = float(output.min()), float(output.max())
    frac, limit = 0.0, 0.0
    if mode == "plain":
        u8 = to_uint8(output)
    elif mode == "clip":
        frac = float(np.mean((output < 0) | (output > 1)))
        u8 = signed_to_rgb(output, "clip")
    else:
        mag = np.abs(output)
        limit = float(mag.max()) or 1.0
        if mode == "diverging":
            robust = float(np.percentile(mag, SATURATE_PERCENTILE))
            if robust > 1e-12:
                limit = min(limit, robust)
            frac = float(np.mean(mag > limit))
        u8 = signed_to_rgb(output, mode, limit=limit)
    return OutputDisplay(display.downsample_for_display(u8, DISPLAY_SIDE), mode, lo, hi, frac, limit)


def input_pixels(image: np.ndarray) -> np.ndarray:
    return display.downsample_for_display(to_uint8(image), DISPLAY_SIDE)


def spectra_uint8(run: LabRun) -> dict[str, np.ndarray]:
    """Log-magnitude displays of F, H and F·H (uint8, downsampled, coloured in projector mode).

    With ``shared_scale`` F and F·H use the same white point (max |F|) so the output spectrum
    is exactly as dark as |H| makes it, and H is drawn with gain 1 as white.
    """
    s = run.settings
    res = run.result
    if s.shared_scale:
        fmax = float(np.abs(res.image_half).max())
        hmax = max(1.0, float(np.abs(res.kernel_half).max()))
        img = res.spectrum_uint8("image", s.db, vmax=fmax)
        h = res.spectrum_uint8("response", s.db, vmax=hmax)
        out = res.spectrum_uint8("output", s.db, vmax=fmax)
    else:
        img = res.spectrum_uint8("image", s.db)
        h = res.spectrum_uint8("response", s.db)
        out = res.spectrum_uint8("output", s.db)
    cmap = "inferno" if s.projector else "grey"
    return {
        name: apply_colormap(display.downsample_for_display(a, DISPLAY_SIDE), cmap)
        for name, a in (("image", img), ("response", h), ("output", out))
    }


def radial_profiles(run: LabRun) -> dict[str, np.ndarray]:
    """Radial profiles in dB: image and output relative to the image's largest value, |H| as gain."""
    res = run.result
    freqs, img = radial_profile(res.magnitude("image"))
    _, resp = radial_profile(res.magnitude("response"))
    _, out = radial_profile(res.magnitude("output"))
    ref = float(np.nanmax(img)) or 1.0
    floor = 1e-6  # -120 dB

    def db(x: np.ndarray, scale: float) -> np.ndarray:
        return 20.0 * np.log10(np.maximum(np.nan_to_num(x / scale), floor))

    return {"freqs": freqs, "image": db(img, ref), "response": db(resp, 1.0), "output": db(out, ref)}


def direct_check_cost(shape: tuple[int, ...], kernel: np.ndarray) -> float:
    """Multiply-adds of the direct spatial convolution the theorem check runs."""
    n = float(np.prod(shape))
    kh, kw = kernel.shape
    taps = kh + kw if rank1_factors(kernel) is not None else kh * kw
    return n * taps


def wrap_difference(run: LabRun) -> tuple[np.ndarray, str, float]:
    """(this boundary's output − the other one's, the other boundary, max |difference|).

    The other one is ``wrap`` (a plain FFT product, circular) — or ``reflect`` when the page
    is already on ``wrap``.
    """
    other = "reflect" if run.settings.boundary == "wrap" else "wrap"
    other_analysis = analysis_for(run.image.digest, other, run.image.image)
    other_out = other_analysis.apply(run.kernel, correlate=run.settings.correlate).output
    diff = run.output - other_out
    return diff, other, float(np.abs(diff).max())


def difference_pixels(diff: np.ndarray) -> np.ndarray:
    """Diverging display of a difference (zero = neutral); all-zero stays neutral."""
    peak = float(np.abs(diff).max())
    u8 = signed_to_rgb(diff, "diverging", limit=peak if peak > 1e-12 else 1.0)
    return display.downsample_for_display(u8, DISPLAY_SIDE)


def spatial_reference(run: LabRun) -> np.ndarray:
    """The direct spatial convolution (slow path, same boundary/correlate)."""
    return convolve(run.image.image, run.kernel, boundary=run.settings.boundary,
                    correlate=run.settings.correlate, method="direct")
