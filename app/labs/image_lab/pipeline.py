"""The Image Lab's per-run computation, reusable by the teaching tools and tests.

:func:`compute` takes the picked image, the kernel and the settings and returns a small
:class:`LabRun` (image, kernel, result, settings) plus the display-ready pieces built on
demand (:func:`display_output`, :func:`spectra_uint8`, :func:`radial_profiles`, ...).

The per-image work (padding + FFT) is held in an :class:`app.backend.ImageAnalysis` cached
in a process-wide, memory-budgeted cache keyed on the image digest and the boundary. A private
image (a camera frame) never enters a process-wide cache: its analysis and panels are memoised
on the image itself (:attr:`PickedImage.own_cache`), which lives in its own session only.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

import numpy as np

from app.backend import (
    ImageAnalysis,
    display,
    rank1_factors,
    to_uint8,
)
from app.backend.analysis import check_pixels, direct_at
from app.backend.colormaps import spectrum_colormap
from app.backend.display import SignedDisplay, apply_colormap, signed_display
from app.backend.spectra import high_frequency_energy_half, high_frequency_power_half, radial_profile_half
from app.ui import shell
from app.ui.cache import ByteBudgetCache, cache_budget
from app.ui.image_picker import PickedImage
from kernels.bands import HIGH_EDGE

DISPLAY_SIDE = 512
SPECTRUM_SIDE = 384  # spectra are shown at ~230–450 px: 384 px keeps every visible detail, 44 % fewer bytes


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
    palette: str = "standard"  # app.backend.colormaps.PALETTES


def settings_for(page_settings, kernel_name: str, family: str, params: dict, *, projector: bool) -> LabSettings:
    """What decides the display, from the page's ``ImageLabSettings``, the picked kernel and the
    sidebar's palette (projector mode always uses the automatic signed display)."""
    return LabSettings(
        kernel_name=kernel_name,
        family=family,
        params=dict(params),
        boundary=page_settings.boundary,
        correlate=bool(page_settings.correlate),
        signed_mode="auto" if projector else page_settings.signed,
        shared_scale=bool(page_settings.shared),
        db=int(page_settings.db),
        projector=projector,
        palette=shell.palette(),
    )


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
        """High-frequency energy (above ``HIGH_EDGE`` cycles/pixel) of the output / of the input."""
        res = self.result
        n2 = res.grid[1]
        base = _image_stats(self)[2]
        if base <= 0:
            return 0.0
        return high_frequency_power_half(res.power_half("output"), n2, HIGH_EDGE) / base


# Shared by every session of the process and sized by memory: at 512 px a grey analysis holds ~6 MB
# and a colour one ~18 MB, so the default 768 MB keeps a whole class's own photos (a 2048 px colour
# analysis holds ~300 MB: two of those evict most of the rest).
ANALYSES: ByteBudgetCache[ImageAnalysis] = ByteBudgetCache(
    cache_budget("CONVSCOPE_ANALYSIS_CACHE_MB"), sizeof=lambda a: a.nbytes
)


T = TypeVar("T")
OWN_ENTRIES = 12  # a private image's own memo: its analyses, and the panels of a frozen frame's last moves


def _memo(picked: PickedImage, name: str, key: tuple, make: Callable[[], T],
          shared: Callable[[Hashable, Callable[[], T]], T]) -> T:
    """``make()``'s value from the process-wide cache ``shared``, or, for a private image (a camera
    frame), from the image's own memo: a camera frame never enters a cache other sessions read."""
    if not picked.private:
        return shared(key, make)
    own = picked.own_cache
    if (name, key) not in own:
        while len(own) >= OWN_ENTRIES:
            own.pop(next(iter(own)))  # the oldest
        own[(name, key)] = make()
    return own[(name, key)]


def _analysis(picked: PickedImage, boundary: str) -> ImageAnalysis:
    """The image's analysis (padded FFT): shared by every session through :data:`ANALYSES`, keyed
    on the digest and the boundary, or a private image's own (a camera frame)."""
    return _memo(picked, "analysis", (picked.digest, boundary),
                 lambda: ImageAnalysis(picked.image, boundary=boundary), ANALYSES.get_or_make)


def _count_capped(store: dict, limit: int) -> Callable[[Hashable, Callable[[], T]], T]:
    """``get_or_make`` of a plain dict emptied when it holds more than ``limit`` entries."""
    def get_or_make(key: Hashable, make: Callable[[], T]) -> T:
        hit = store.get(key)
        if hit is None:
            hit = make()
            if len(store) > limit:
                store.clear()
            store[key] = hit
        return hit
    return get_or_make


_IMAGE_STATS: dict[tuple, tuple] = {}


def _image_stats(run: LabRun) -> tuple[np.ndarray, np.ndarray, float]:
    """(freqs, radial profile, high-frequency energy) of the image spectrum, once per image + boundary."""
    def make() -> tuple:
        half = run.result.image_half
        freqs, prof = radial_profile_half(half, run.result.grid[1])
        return (freqs, prof, high_frequency_energy_half(half, run.result.grid[1], HIGH_EDGE))

    key = (run.image.digest, run.settings.boundary, run.result.grid)
    return _memo(run.image, "stats", key, make, _count_capped(_IMAGE_STATS, 32))


def compute(picked: PickedImage, kernel: np.ndarray, settings: LabSettings) -> LabRun:
    """Apply ``kernel`` to the picked image with the cached analysis; cheap on a slider move."""
    analysis = _analysis(picked, settings.boundary)
    result = analysis.apply(kernel, correlate=settings.correlate)
    return LabRun(picked, np.asarray(kernel), result, settings, analysis)


# --------------------------------------------------------------------------- #
# display pieces
# --------------------------------------------------------------------------- #
#: The page's output display is the backend's one rule (:func:`app.backend.display.signed_display`).
OutputDisplay = SignedDisplay


def display_output(
    output: np.ndarray,
    signed_mode: str = "auto",
    *,
    kernel_sum: float | None = None,
    palette: str = "standard",
    limit: float | str = "robust",
    signed: bool | None = None,
) -> OutputDisplay:
    """:func:`app.backend.display.signed_display`, downsampled to ``DISPLAY_SIDE`` for the page."""
    shown = signed_display(output, signed_mode, kernel_sum=kernel_sum, palette=palette, limit=limit, signed=signed)
    return dataclasses.replace(shown, pixels=display.downsample_for_display(shown.pixels, DISPLAY_SIDE))


def input_pixels(image: np.ndarray) -> np.ndarray:
    return display.downsample_for_display(to_uint8(image), DISPLAY_SIDE)


def response_white(run: LabRun) -> float:
    """The gain drawn white in the H panel: max(1, max |H|) on one shared scale (so a blur's
    passband is white and a gain above 1 is not clipped), max |H| when each panel has its own."""
    peak = float(np.sqrt(run.result.power_half("response").max()))
    return max(1.0, peak) if run.settings.shared_scale else peak


def output_saturation(run: LabRun) -> tuple[int, int]:
    """How many frequencies of the output spectrum F·H are brighter than the shared white point
    (max |F|), so drawn white although larger (where |H| > 1: sharpening, high-boost), and how many
    there are; none when each panel has its own scale."""
    res = run.result
    out2 = res.magnitude("output") ** 2
    if not run.settings.shared_scale:
        return 0, out2.size
    return int(np.count_nonzero(out2 > float(res.power_half("image").max()) * (1 + 1e-12))), out2.size


def spectra_uint8(run: LabRun, which: tuple[str, ...] = ("image", "response", "output")) -> dict[str, np.ndarray]:
    """Log-magnitude displays of F, H and F·H (uint8, downsampled, coloured by the palette / projector mode).

    With ``shared_scale`` F and F·H use the same white point (max |F|) so the output spectrum
    is exactly as dark as |H| makes it; H's white is :func:`response_white`.
    """
    s = run.settings
    res = run.result
    vmax: dict[str, float | None] = {"image": None, "response": None, "output": None}
    if s.shared_scale:
        fmax = float(np.sqrt(res.power_half("image").max()))  # from the powers the panels use anyway
        vmax = {"image": fmax, "response": response_white(run), "output": fmax}
    cmap = spectrum_colormap(s.palette, projector=s.projector)
    return {
        name: apply_colormap(
            display.downsample_for_display(res.spectrum_uint8(name, s.db, vmax=vmax[name]), SPECTRUM_SIDE), cmap
        )
        for name in which
    }


_STATIC_PANELS: dict[tuple, tuple[bytes, bytes]] = {}


def static_panels(run: LabRun, font_px: int) -> tuple[bytes, bytes]:
    """JPEG bytes of the input image and of its spectrum panel: they do not change on a slider move.

    Cached per image, boundary and display settings, so a move neither recomputes nor re-encodes
    them (and the browser, seeing the same bytes, does not fetch them again).
    """
    def make() -> tuple[bytes, bytes]:
        from app.backend.panels import spectrum_panel

        inp = display.encode_jpeg(input_pixels(run.image.image))
        spec = display.encode_jpeg(spectrum_panel(spectra_uint8(run, ("image",))["image"], font_px=font_px))
        return inp, spec

    s = run.settings
    key = (run.image.digest, s.boundary, s.db, s.shared_scale, s.projector, s.palette, font_px, run.result.grid)
    return _memo(run.image, "static", key, make, _count_capped(_STATIC_PANELS, 24))


@dataclass(frozen=True)
class MainPanels:
    """Everything the main view draws for one run that a slider move changes, already encoded.

    A class often sits on the same values (the teacher says "σ = 3", thirty students set it), so
    these are shared by all sessions of the process: a move whose result was drawn before costs
    the transform only, not the rendering.
    """

    output_jpeg: bytes
    output: OutputDisplay  # how the output is shown (``pixels`` empty: the JPEG has them)
    kernel_png: bytes
    response_jpeg: bytes  # |H| panel
    output_spectrum_jpeg: bytes  # |F·H| panel
    radial: dict  # radial_profiles(run)
    hf_ratio: float
    theorem: TheoremCheck | None  # None in a draft (drawn mid-drag): checked on release

    @property
    def nbytes(self) -> int:
        return (len(self.output_jpeg) + len(self.kernel_png) + len(self.response_jpeg)
                + len(self.output_spectrum_jpeg) + sum(v.nbytes for v in self.radial.values()) + 512)


PANELS: ByteBudgetCache[MainPanels] = ByteBudgetCache(
    cache_budget("CONVSCOPE_PANEL_CACHE_MB"), sizeof=lambda p: p.nbytes
)


def main_panels(run: LabRun, font_px: int, kernel_side: int, *, draft: bool = False) -> MainPanels:
    """The main view's changing panels for ``run``, rendered once per image, kernel and display settings.

    A ``draft`` (a live slider is mid-drag) leaves out the theorem check; the pictures are the same.
    """
    s = run.settings
    key = (run.image.digest, hashlib.sha1(np.ascontiguousarray(run.kernel).tobytes()).hexdigest(), run.kernel.shape,
           s.kernel_name, s.family, s.boundary, s.correlate, s.signed_mode, s.shared_scale, s.db, s.projector,
           s.palette, font_px, kernel_side, draft)
    return _memo(run.image, "main", key, lambda: _render_main(run, font_px, kernel_side, draft), PANELS.get_or_make)


def _render_main(run: LabRun, font_px: int, kernel_side: int, draft: bool = False) -> MainPanels:
    from app.backend.panels import kernel_panel, spectrum_panel

    s = run.settings
    od = display_output(run.output, s.signed_mode, kernel_sum=float(run.kernel.sum()), palette=s.palette)
    spec = spectra_uint8(run, ("response", "output"))
    return MainPanels(
        output_jpeg=display.encode_jpeg(od.pixels),
        output=dataclasses.replace(od, pixels=np.empty((0, 0), np.uint8)),
        kernel_png=display.encode_png(kernel_panel(run.kernel, side=kernel_side, palette=s.palette)),
        response_jpeg=display.encode_jpeg(spectrum_panel(spec["response"], font_px=font_px)),
        output_spectrum_jpeg=display.encode_jpeg(spectrum_panel(spec["output"], font_px=font_px)),
        radial=radial_profiles(run),
        hf_ratio=run.hf_ratio,
        theorem=None if draft else theorem_check(run),
    )


def radial_profiles(run: LabRun) -> dict[str, np.ndarray]:
    """Radial profiles in dB: image and output relative to the image's largest value, |H| as gain.

    Computed from the half spectra (same rings as :func:`app.backend.radial_profile`).
    """
    res = run.result
    n2 = res.grid[1]
    freqs, img, _ = _image_stats(run)
    # magnitudes from the powers the spectrum panels already computed (no complex pass)
    _, resp = radial_profile_half(np.sqrt(res.power_half("response")), n2)
    _, out = radial_profile_half(np.sqrt(res.power_half("output")), n2)
    ref = float(np.nanmax(img)) or 1.0
    floor = 1e-6  # -120 dB

    def db(x: np.ndarray, scale: float) -> np.ndarray:
        return 20.0 * np.log10(np.maximum(np.nan_to_num(x / scale), floor))

    return {"freqs": freqs, "image": db(img, ref), "response": db(resp, 1.0), "output": db(out, ref)}


@dataclass(frozen=True)
class TheoremCheck:
    error: float  # max |direct sum − IFFT(F·H)| over the checked pixels
    pixels: int  # how many pixels were checked
    full: bool  # True: every pixel


FULL_CHECK_BUDGET = 3_000_000  # multiply-adds: below this every pixel is checked on each move
SAMPLED_CHECK_BUDGET = 1_000_000  # multiply-adds of the sampled check otherwise


def theorem_check(run: LabRun, *, full: bool | None = None) -> TheoremCheck:
    """The convolution theorem, checked against the defining sum.

    Every pixel when cheap (or ``full=True``); otherwise the corners, pixels spread along every
    border (where the boundary matters) and random pixels inside, about a million multiply-adds
    whatever the kernel (≥ 80 pixels, ≤ 512).
    """
    shape = run.image.image.shape
    if full is None:
        full = direct_check_cost(shape, run.kernel) <= FULL_CHECK_BUDGET
    if full:
        return TheoremCheck(float(run.result.theorem_error), int(shape[0] * shape[1]), True)
    # as many sampled pixels as SAMPLED_CHECK_BUDGET multiply-adds allow (at least the corners and
    # 16 per edge), so a 63×63 kernel costs no more than a 15×15 one
    per_pixel = run.kernel.size
    n = max(80, min(512, SAMPLED_CHECK_BUDGET // per_pixel))
    ys, xs = check_pixels(shape[:2], n_inside=n // 2, per_edge=max(16, n // 8))
    direct = direct_at(run.image.image, run.kernel, ys, xs, boundary=run.settings.boundary,
                       correlate=run.settings.correlate)
    err = float(np.abs(direct - run.output[ys, xs]).max())
    return TheoremCheck(err, len(ys), False)


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
    other_analysis = _analysis(run.image, other)
    other_out = other_analysis.apply(run.kernel, correlate=run.settings.correlate).output
    diff = run.output - other_out
    return diff, other, float(np.abs(diff).max())


def channel_spectra(run: LabRun, channel: int, font_px: int) -> tuple[bytes, bytes]:
    """JPEG panels of one colour channel's input and output spectra (same white point: max |F_c|)."""
    from app.backend import spectrum
    from app.backend.panels import spectrum_panel

    s = run.settings
    fin = spectrum(run.image.image[..., channel])
    fout = spectrum(run.output[..., channel])
    vmax = float(np.abs(fin).max()) or 1.0
    cmap = spectrum_colormap(s.palette, projector=s.projector)
    out = []
    for spec in (fin, fout):
        u8 = display.spectrum_to_uint8(spec, s.db, vmax=vmax)
        u8 = apply_colormap(display.downsample_for_display(u8, SPECTRUM_SIDE), cmap)
        out.append(display.encode_jpeg(spectrum_panel(u8, font_px=font_px)))
    return out[0], out[1]
