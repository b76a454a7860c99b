"""The Fourier Lab's logic: per-image pipelines and display conversion.

The view (:mod:`app.labs.fourier_lab.view`) only lays things out; everything it shows is
computed here (settings in
:mod:`.schema`, plotly figures in :mod:`.figures`) and can be tested without a browser.  The engine is
:mod:`app.backend.fourier`, :mod:`app.backend.fourier_properties` and
:mod:`app.backend.deconvolution`.

Caching: the heavy per-image work (spectra, the PSNR curve, the blur + restorations) goes
through ``st.cache_data`` keyed on the image digest and the settings; the image itself is
passed as an unhashed ``_image`` argument, as in the Image Lab's analysis cache (``app.labs.image_lab.pipeline.ANALYSES``).

Display: every signed or out-of-range array is shown with an explicit mapping whose note the
page prints (:class:`Shown`), never clipped silently.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np
import streamlit as st
from PIL import Image, ImageDraw

import kernels
from app.backend import deconvolution as dec
from app.backend import display, spectrum
from app.backend import fourier as fr
from app.backend import fourier_properties as fp
from app.backend import image_transforms as itf
from app.backend import images as bimages
from app.backend.display import SignedDisplay
from app.backend.panels import spectrum_panel
from app.labs.fourier_lab.schema import WIENER_EXPONENTS
from app.ui.format import number, percent
from app.ui.strings import t
from kernels.spatial import gaussian_size

K_STEPS = 30  # positions of the log-spaced K slider
NOISE_SEED = 0
DB = 80  # dynamic range of the log spectra
CLICK_SIDE = 512  # the clickable spectrum is enlarged (nearest) to about this size
WAVE_CROP = 128  # the wave panels show this many pixels per side, each as a 2×2 block
POINT_COLOUR = (255, 90, 0)
MIRROR_COLOUR = (0, 190, 255)
KEPT_COLOUR = (255, 210, 0)
SUPPRESSED_COLOUR = (230, 0, 0)


# --------------------------------------------------------------------------------------------
# display conversion
# --------------------------------------------------------------------------------------------
#: A picture and how it was made: the backend's one display rule's record
#: (:class:`app.backend.display.SignedDisplay`; ``mode`` ``"stretch"`` for the range-stretched swaps).
Shown = SignedDisplay


def grey_pixels(x: np.ndarray) -> Shown:
    """A picture that should lie in [0, 1]: plain, or clipped to [0, 1] with the clipped share."""
    return display.signed_display(x, "clip")


def _diverging(x: np.ndarray, palette: str, limit: str = "peak") -> Shown:
    return display.signed_display(x, "diverging", limit=limit, palette=palette, signed=True)


def stretch_pixels(x: np.ndarray) -> Shown:
    """Linear stretch of the data range to black..white (nothing clipped)."""
    lo, hi = float(x.min()), float(x.max())
    span = hi - lo if hi > lo else 1.0
    return Shown(display.to_uint8((x - lo) / span), "stretch", lo, hi, 0.0)


def shown_note(s: Shown, lang: str) -> str:
    """One line saying how ``s`` was mapped to pixels."""
    fmt = {"lo": number(s.lo, 3), "hi": number(s.hi, 3), "lim": number(s.limit, 3), "pct": f"{100 * s.clipped_fraction:.1f}"}
    return t(f"fl.shown.{s.mode}", lang, **fmt)


def log_spectrum(x: np.ndarray, vmax: float | None = None) -> np.ndarray:
    """Centred log-magnitude spectrum as uint8 (``DB`` dB of range below ``vmax``, default its peak)."""
    return display.spectrum_to_uint8(spectrum(x), DB, vmax=vmax)


def spectrum_with_axes(x: np.ndarray, vmax: float | None = None) -> bytes:
    """JPEG of the log spectrum framed with frequency axes in cycles/pixel."""
    return display.encode_jpeg(spectrum_panel(log_spectrum(x, vmax), font_px=max(11, x.shape[1] // 18)))


def overlay(grey: np.ndarray, mask: np.ndarray, colour: tuple[int, int, int], alpha: float = 0.55) -> np.ndarray:
    """RGB of a grey uint8 image with ``mask`` tinted in ``colour``."""
    rgb = np.repeat(grey[..., None], 3, axis=2).astype(np.float32)
    rgb[mask] = (1 - alpha) * rgb[mask] + alpha * np.asarray(colour, np.float32)
    return np.rint(rgb).astype(np.uint8)


def zoom_factor(shape: tuple[int, int]) -> int:
    """Whole-number enlargement that brings the longer side to about ``CLICK_SIDE``."""
    return max(1, CLICK_SIDE // max(shape))


def mark_points(pixels: np.ndarray, points: list[tuple[int, int, tuple[int, int, int]]], factor: int) -> np.ndarray:
    """Draw a ring around each ``(row, col, colour)`` sample of an image enlarged ``factor`` times."""
    img = Image.fromarray(pixels if pixels.ndim == 3 else np.repeat(pixels[..., None], 3, axis=2))
    draw = ImageDraw.Draw(img)
    radius = 4 * factor + 4  # clear of the marked sample itself, which stays visible in the middle
    for row, col, colour in points:
        cx, cy = (col + 0.5) * factor - 0.5, (row + 0.5) * factor - 0.5
        draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], outline=colour, width=3)
    return np.asarray(img)


# --------------------------------------------------------------------------------------------
# 1. one point = one wave
# --------------------------------------------------------------------------------------------
def freq_range(n: int) -> tuple[int, int]:
    """The centred frequency range of a side of ``n`` samples."""
    return -(n // 2), (n - 1) // 2


def clamp_frequency(shape: tuple[int, int], u: int, v: int) -> tuple[int, int]:
    """``(u, v)`` moved into the image's frequency range (a link made for a larger image)."""
    (ulo, uhi), (vlo, vhi) = freq_range(shape[0]), freq_range(shape[1])
    return int(min(max(u, ulo), uhi)), int(min(max(v, vlo), vhi))


def click_to_frequency(click: tuple[int, int, int, int], shape: tuple[int, int]) -> tuple[int, int]:
    """``(u, v)`` of a click ``(x, y, shown_width, shown_height)`` on the centred spectrum."""
    x, y, sw, sh = click
    h, w = shape
    row = int(min(h - 1, max(0, y * h // max(sh, 1))))
    col = int(min(w - 1, max(0, x * w // max(sw, 1))))
    return fr.index_to_frequency(shape, row, col)


@st.cache_data(max_entries=16, show_spinner=False)
def spectrum_view(digest: str, _image: np.ndarray) -> np.ndarray:
    """The image's centred log spectrum (grey uint8), once per image."""
    return log_spectrum(_image)


def wave_view(
    spec_u8: np.ndarray, u: int, v: int, palette: str = "standard"
) -> tuple[np.ndarray, Shown, Shown, fr.WaveInfo]:
    """(enlarged spectrum with (u, v) and its mirror ringed, cos part, sin part, wave info).

    The wave parts are the top-left ``WAVE_CROP`` pixels drawn as 2×2 blocks: a wave looks the
    same everywhere, and shrunk to a column's width a fine one would turn into moiré.
    """
    shape = spec_u8.shape
    info = fr.wave_info(shape, u, v)
    factor = zoom_factor(shape)
    marks = [(*info.mirror_index, MIRROR_COLOUR), (*info.index, POINT_COLOUR)]
    marked = mark_points(display.enlarge(spec_u8, factor), marks, factor)
    parts = [_diverging(p[:WAVE_CROP, :WAVE_CROP], palette) for p in fr.basis_wave(shape, u, v)]
    cos_part, sin_part = (replace(p, pixels=display.enlarge(p.pixels, 2)) for p in parts)
    return marked, cos_part, sin_part, info


# --------------------------------------------------------------------------------------------
# 2. build from waves
# --------------------------------------------------------------------------------------------
def k_options(total: int) -> tuple[int, ...]:
    """Positions of the K slider: log-spaced counts from 1 to ``total`` (all coefficients)."""
    return tuple(int(k) for k in fr.log_spaced_counts(total, K_STEPS))


def snap_k(k: int, options: tuple[int, ...]) -> int:
    """The option nearest to ``k`` on a log scale (a link or a previous, larger image)."""
    logs = np.log(np.asarray(options, dtype=float))
    return options[int(np.argmin(np.abs(logs - math.log(max(int(k), 1)))))]


@dataclass(frozen=True)
class Build:
    """A reconstruction from some of the coefficients."""

    shown: Shown
    spectrum: np.ndarray  # RGB: log spectrum, kept coefficients tinted
    kept: int
    total: int
    psnr: float  # finite even with every coefficient kept (rounding): use ``exact``

    @property
    def exact(self) -> bool:
        """Every coefficient kept: the image comes back exactly (up to rounding)."""
        return self.kept == self.total


@st.cache_data(max_entries=32, show_spinner=False)
def build(digest: str, _image: np.ndarray, mode: str, k: int, radius: float) -> Build:
    """Keep the ``k`` strongest coefficients (``mode="count"``) or those inside ``radius`` (cycles/pixel)."""
    rec, mask = fr.keep_strongest(_image, k) if mode == "count" else fr.keep_radius(_image, radius)
    spec = overlay(spectrum_view(digest, _image), mask, KEPT_COLOUR)
    return Build(grey_pixels(rec), spec, int(mask.sum()), int(mask.size), fr.psnr(_image, rec))


@st.cache_data(max_entries=16, show_spinner=False)
def psnr_curve(digest: str, _image: np.ndarray, options: tuple[int, ...]) -> np.ndarray:
    """PSNR (dB) of the K-strongest reconstruction at every slider position (one sort, Parseval)."""
    return fr.reconstruction_curve(_image, list(options))




# --------------------------------------------------------------------------------------------
# 3. magnitude or phase
# --------------------------------------------------------------------------------------------
def fit_to(image: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """A grey image resized (bilinear) to ``shape``: B must match A's size to swap spectra."""
    if image.shape == tuple(shape):
        return image
    img = Image.fromarray(np.asarray(image, np.float32)).resize((shape[1], shape[0]), Image.BILINEAR)
    return np.clip(np.asarray(img, np.float64), 0.0, 1.0)  # bilinear stays in range; clip removes rounding only


@st.cache_data(max_entries=8, show_spinner=False)
def second_image(name: str, shape: tuple[int, int]) -> np.ndarray:
    """Sample ``name`` in grey at ``shape`` (the second image of the magnitude/phase swap)."""
    raw = bimages.to_gray(bimages.load_sample(name))
    return fit_to(bimages.working_copy(raw, max(shape)).image, shape)


@st.cache_data(max_entries=8, show_spinner=False)
def mag_phase(digest_a: str, _a: np.ndarray, name_b: str, palette: str = "standard") -> dict[str, Shown]:
    """A and B, the two swaps, and A's magnitude-only and phase-only reconstructions, ready to show."""
    b = second_image(name_b, _a.shape)
    ab, ba = fr.swap_magnitude_phase(_a, b)
    return {
        "b": grey_pixels(b),
        "ab": stretch_pixels(ab),
        "ba": stretch_pixels(ba),
        "mag": _diverging(fr.magnitude_only(_a, centred=True), palette, "robust"),
        "phase": _diverging(fr.phase_only(_a), palette, "robust"),
    }


# --------------------------------------------------------------------------------------------
# 4. properties
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PropertyView:
    """Before/after pictures and their spectra, and the numbers that prove the property."""

    before: Shown
    after: Shown
    spec_before: bytes
    spec_after: bytes
    numbers: tuple[tuple[str, str], ...]  # (string key of the label, formatted value)
    peaks: tuple[float, float] = (1.0, 1.0)  # max |F| before and after: the larger is both panels' white


def white_point(peaks: tuple[float, float]) -> tuple[str, float, float]:
    """Which spectrum's peak is the shared white point ("before"/"after"), that peak, and the
    other peak as a fraction of it (how much darker the other panel's brightest point is drawn).

    Examples
    --------
    >>> white_point((10.0, 21.0))
    ('after', 21.0, 0.47619047619047616)
    """
    side = "after" if peaks[1] > peaks[0] * (1 + 1e-9) else "before"  # a tie (round-off) stays "before"
    white = max(peaks)
    return side, white, (min(peaks) / white if white > 0 else 1.0)


def windowed(x: np.ndarray) -> np.ndarray:
    """A zero-mean object inside a round window: what the rotation and scaling checks transform."""
    w = itf.radial_window(x.shape)
    return w * (x - float((w * x).sum() / w.sum()))


def _transform(x: np.ndarray, prop: str, p: dict) -> tuple[np.ndarray, np.ndarray, tuple[tuple[str, str], ...]]:
    """(before, after, numbers) of one property with parameters ``p``."""
    if prop == "shift":
        c = fp.shift_check(x, p["dy"], p["dx"])
        nums = (("fl.num.mag_err", number(c.magnitude_error, 2)), ("fl.num.phase_err", number(c.phase_error, 2)),
                ("fl.num.max_ramp", f"{c.max_ramp:.3f}"))
        return x, itf.circular_shift(x, p["dy"], p["dx"]), nums
    if prop == "rotate":
        c, q = fp.rotation_check(x, p["angle"]), fp.rotate90_check(x)
        obj = windowed(x)
        nums = (("fl.num.corr", f"{c.correlation:.4f}"), ("fl.num.baseline", f"{c.baseline:.4f}"),
                ("fl.num.rot90", number(q.spectrum_error, 2)))
        return obj, itf.rotate_image(obj, p["angle"], order=3), nums
    if prop == "scale":
        c = fp.scale_check(x, p["factor"])
        obj = windowed(x)
        nums = (("fl.num.centroids", f"{c.centroid:.4f} → {c.centroid_scaled:.4f}"),
                ("fl.num.ratio", f"{c.measured_ratio:.4f} / {c.predicted_ratio:.4f}"),
                ("fl.num.rel_err", f"{100 * c.relative_error:.2f} %"))
        return obj, itf.scale_image(obj, p["factor"], order=3), nums
    if prop == "mirror":
        c = fp.mirror_check(x, p["axis"])
        nums = (("fl.num.mag_err", number(c.magnitude_error, 2)), ("fl.num.spec_err", number(c.spectrum_error, 2)),
                ("fl.num.conj_err", number(c.conjugate_error, 2)))
        return x, np.flip(x, p["axis"]), nums
    if prop == "modulate":
        c = fp.modulation_check(x, p["u"], p["v"])
        nums = (("fl.num.peak_shift", f"{c.peak_shift} ≈ ±({c.u}, {c.v})"),
                ("fl.num.shift_err", number(c.shift_error)), ("fl.num.spec_err", number(c.spectrum_error, 2)))
        return x, itf.modulate(x, p["u"], p["v"]), nums
    if prop == "even":
        c = fp.even_check(x)
        nums = (("fl.num.imag_even", number(c.max_imag, 2)), ("fl.num.imag_orig", number(c.max_imag_original, 2)))
        return x, itf.even_part(x), nums
    raise ValueError(f"unknown property {prop!r}")


def _picture(x: np.ndarray, palette: str) -> Shown:
    return grey_pixels(x) if not display.is_signed(x) else _diverging(x, palette)


@st.cache_data(max_entries=16, show_spinner=False)
def property_view(
    digest: str, _image: np.ndarray, prop: str, params: tuple[tuple[str, float], ...], palette: str = "standard"
) -> PropertyView:
    """Pictures and numbers of property ``prop`` (``params``: sorted name/value pairs)."""
    before, after, nums = _transform(_image, prop, dict(params))
    # one white point, the larger peak: equal magnitudes look equal and neither panel saturates
    # (a magnified image's peak is several times the original's)
    peaks = (float(np.abs(spectrum(before)).max()), float(np.abs(spectrum(after)).max()))
    vmax = max(peaks)
    return PropertyView(_picture(before, palette), _picture(after, palette), spectrum_with_axes(before, vmax),
                        spectrum_with_axes(after, vmax), nums, peaks)


def white_note(view: PropertyView, lang: str) -> str:
    """The spectra's caption: which peak is white and how bright the other peak is drawn."""
    side, white, other = white_point(view.peaks)
    return t("fl.prop.spec_cap", lang, side=t(f"fl.prop.{side}", lang).lower(), peak=number(white, 3), other=percent(other))


# --------------------------------------------------------------------------------------------
# 5. deconvolution
# --------------------------------------------------------------------------------------------
def deconv_kernel(s) -> np.ndarray:
    """The blur kernel of the page's settings ``s`` (a :data:`.schema.SCHEMA` settings object:
    ``kernel`` and its ``sigma``, ``length``/``mangle`` or ``box``)."""
    if s.kernel == "gaussian":
        return kernels.make("gaussian", size=gaussian_size(s.sigma), sigma=float(s.sigma))  # covers ±3σ
    if s.kernel == "motion":
        return kernels.make("motion", length=int(s.length), angle=float(s.mangle))
    return kernels.make("box", size=int(s.box))


def roughness(x: np.ndarray) -> float:
    """Mean absolute difference of neighbouring pixels: lower = smoother (noise raises it)."""
    return float((np.abs(np.diff(x, axis=0)).mean() + np.abs(np.diff(x, axis=1)).mean()) / 2)


@dataclass(frozen=True)
class Deconv:
    """The blur and everything that does not depend on the Wiener K."""

    blurred: np.ndarray
    kernel: np.ndarray
    boundary_diff: Shown  # wrap blur − reflect blur (noise-free)
    boundary_peak: float
    inverse: Shown
    inverse_rmse: float
    suppressed: int  # frequencies with |H| < eps (not inverted)
    h_panel: bytes  # log |H| with the suppressed frequencies in red
    ks: np.ndarray
    curve: np.ndarray  # Wiener RMSE at each ks
    best: dec.WienerOptimum
    blurred_rmse: float
    spec_blurred: bytes


@st.cache_data(max_entries=8, show_spinner=False)
def deconvolve(
    digest: str, _image: np.ndarray, kernel: np.ndarray, noise: float, boundary: str, palette: str = "standard"
) -> Deconv:
    """Blur (seeded noise, ``boundary``), inverse filter, the Wiener error curve and its optimum."""
    x, k = _image, kernel
    blurred = dec.blur(x, k, boundary=boundary, noise_sigma=noise, seed=NOISE_SEED)
    diff = dec.blur(x, k, "wrap") - dec.blur(x, k, "reflect")
    peak = float(np.abs(diff).max())
    inverse, suppressed = dec.inverse_filter(blurred, k)
    h_mag = display.spectrum_to_uint8(dec.transfer_function(k, x.shape), DB, vmax=1.0)
    h_panel = spectrum_panel(overlay(h_mag, suppressed, SUPPRESSED_COLOUR, 0.8), font_px=max(11, x.shape[1] // 18))
    ks = 10.0 ** np.asarray(WIENER_EXPONENTS)
    vmax = float(np.abs(spectrum(x)).max())
    return Deconv(
        blurred=blurred, kernel=k, boundary_diff=_diverging(diff, palette), boundary_peak=peak,
        inverse=grey_pixels(inverse), inverse_rmse=fr.rmse(x, inverse), suppressed=int(suppressed.sum()),
        h_panel=display.encode_jpeg(h_panel), ks=ks, curve=dec.restoration_curve(blurred, k, x, ks),
        best=dec.optimal_wiener_k(blurred, k, x), blurred_rmse=fr.rmse(x, blurred),
        spec_blurred=spectrum_with_axes(blurred, vmax),
    )


@dataclass(frozen=True)
class Wiener:
    shown: Shown
    rmse: float
    roughness: float
    spec_restored: bytes
    spec_error: bytes


def wiener(image: np.ndarray, d: Deconv, k: float) -> Wiener:
    """The Wiener restoration at ``k``, its error and spectra (white point: the clean image's peak)."""
    restored = dec.wiener_filter(d.blurred, d.kernel, k)
    vmax = float(np.abs(spectrum(image)).max())
    return Wiener(grey_pixels(restored), fr.rmse(image, restored), roughness(restored),
                  spectrum_with_axes(restored, vmax), spectrum_with_axes(restored - image, vmax))


def nearest_exponent(k: float) -> float:
    """The Wiener slider position nearest to ``k``."""
    e = math.log10(k)
    return min(WIENER_EXPONENTS, key=lambda x: abs(x - e))

