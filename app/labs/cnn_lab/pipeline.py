"""The CNN Lab's cached stages: input → C1 → S2 → C3 → S4, thumbnails, aliasing, shift test.

Every cached function takes a :class:`Grey` (hashed by its digest key, never by its pixels)
and hashable settings from :mod:`.model`, trimmed with :meth:`~.model.Net.upto` to what the
stage depends on: moving the pooling size recomputes S2 and later, never C1. A stage asks for
the stage before it through the same cache, so no array is passed around unhashed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import streamlit as st

from app.backend import cnn as L
from app.backend import images as bimages
from app.labs.cnn_lab import figures as figs
from app.labs.cnn_lab.parts import arithmetic as A
from app.labs.cnn_lab.parts.model import BankArgs, Layer1, Layer3, Net, Pool
from app.ui.cache import ByteBudgetCache, cache_budget

MAX_SIDE = 512  # CNN input: grey, at most 512 px a side
UPSAMPLE_SIDE = 128  # the transposed-convolution demo's input side: its 2× output stays pixel-sharp on screen
ZOOM = 128  # original pixels a side shown by the aliasing panel's zoom
ALIAS_TILES: tuple[str, ...] = ("original", "average", "maximum", "subsampled")


@dataclass(frozen=True, eq=False)
class Grey:
    """The grey input image and the key naming it (image digest and shape)."""

    key: str
    pixels: np.ndarray


_HASH = {Grey: lambda g: g.key}


def _frozen(a: np.ndarray) -> np.ndarray:
    """Cached maps are shared by every session: make them read-only."""
    a.setflags(write=False)
    return a


@st.cache_resource(max_entries=6, show_spinner=False)
def grey_image(digest: str, _image: np.ndarray) -> Grey:
    """The image as the network's grey, float32 input (at most :data:`MAX_SIDE` a side)."""
    g = bimages.to_gray(_image)
    if max(g.shape) > MAX_SIDE:
        g = bimages.working_copy(g, MAX_SIDE).image
    g = _frozen(np.ascontiguousarray(g, dtype=np.float32))
    return Grey(f"{digest}:{g.shape[0]}x{g.shape[1]}", g)


@st.cache_resource(max_entries=24, show_spinner=False)
def c1_bank(args: BankArgs) -> L.KernelBank:
    return L.c1_bank(args.preset, n=args.n, size=args.size, seed=args.seed, names=args.names)


@st.cache_resource(max_entries=12, show_spinner=False)
def c3_bank(c3: Layer3, n_in: int) -> L.KernelBank:
    return L.c3_bank(c3.preset, n_in, n_out=c3.n, seed=c3.seed)


@st.cache_resource(max_entries=6, show_spinner=False, hash_funcs=_HASH)
def _layer_input(grey: Grey, max_kernel: tuple[int, int]) -> L.LayerInput:
    return L.LayerInput(grey.pixels, max_kernel=max_kernel)


@st.cache_data(max_entries=12, show_spinner=False, hash_funcs=_HASH)
def c1_stop_band(grey: Grey, c1: Layer1) -> tuple[float, float]:
    """Share of the C1 maps' energy where their kernel's |H| is below 5 % of its peak, before and
    after the activation (:func:`app.backend.cnn.stop_band_energy`)."""
    bank = c1_bank(c1.bank)
    pre = _layer_input(grey, bank.max_shape).apply(bank, c1.biases)
    kernels = bank.first_kernels()
    return L.stop_band_energy(pre, kernels), L.stop_band_energy(L.activate(pre, c1.act), kernels)


# every image and setting the class tries, shared by all sessions and sized in bytes (a stage of
# 8 maps at 512² is 8 MB of float32)
MAPS: ByteBudgetCache[np.ndarray] = ByteBudgetCache(cache_budget("CONVSCOPE_CNN_MAPS_CACHE_MB"), sizeof=lambda a: a.nbytes)


def _stage(grey: Grey, net: Net, stage: str) -> np.ndarray:
    return MAPS.get_or_make((grey.key, net, stage), lambda: _compute_stage(grey, net, stage))


def _compute_stage(grey: Grey, net: Net, stage: str) -> np.ndarray:
    if stage == "C1":
        bank = c1_bank(net.c1.bank)
        layer = _layer_input(grey, bank.max_shape)
        return _frozen(L.activate(layer.apply(bank, net.c1.biases), net.c1.act))
    if stage in ("S2", "S4"):
        return _frozen(net.pooling(stage).spec().apply(maps(grey, net, "C1" if stage == "S2" else "C3")))
    s2 = maps(grey, net, "S2")
    bank = c3_bank(net.c3, s2.shape[0])
    return _frozen(L.activate(L.conv_layer(s2, bank, net.c3.bias), net.c1.act))


def maps(grey: Grey, net: Net, stage: str) -> np.ndarray:
    """The maps of ``stage`` (one of :data:`~.model.STAGES`), shape (C, H, W), read-only.

    Raises ``ValueError`` when the settings do not fit the image (e.g. pooling too large).
    """
    if stage == "input":
        return grey.pixels[None]
    return _stage(grey, net.upto(stage), stage)


@st.cache_data(max_entries=32, show_spinner=False, hash_funcs=_HASH)
def _thumbs(
    grey: Grey, net: Net, stage: str, scale: str, side: int, palette: str
) -> list[tuple[bytes, bytes, float, float, str]]:
    m_all = maps(grey, net, stage)
    halves = L.half_spectra(m_all)
    halves[:, 0, 0] = 0  # mean removed: a sigmoid map's DC (~0.5 · H · W) would outshine all else
    out = []
    for m, half in zip(m_all, halves):
        px, kind = figs.map_pixels(m, scale=scale, palette=palette)
        spec = figs.spectrum_pixels(half, m.shape[-1], palette=palette)
        out.append((figs.jpeg(px, side), figs.jpeg(spec, side), float(m.min()), float(m.max()), kind))
    return out


def thumbs(
    grey: Grey, net: Net, stage: str, scale: str, side: int, palette: str = "standard"
) -> list[tuple[bytes, bytes, float, float, str]]:
    """Per map: map JPEG, spectrum JPEG, min, max and the display scale used (colours: ``palette``)."""
    return _thumbs(grey, net.upto(stage), stage, scale, side, palette)


def display_scales(net: Net) -> tuple[str, str]:
    """How conv maps and pooled maps are shown: a sigmoid (and LeNet pooling, a sigmoid too)
    sits in a narrow band, so it is stretched; the rest follow :func:`figs.map_pixels`' auto rule."""
    conv = "stretch" if net.c1.act == "sigmoid" else "auto"
    pooled = "stretch" if net.c1.act == "sigmoid" or net.pool.mode == "lenet" else "auto"
    return conv, pooled


@st.cache_data(max_entries=24, show_spinner=False)
def bands(args: BankArgs, tile: int, palette: str = "standard") -> list[tuple[bytes, bytes, float, str]]:
    """Per C1 kernel: kernel tile, |H| tile with its centroid, centroid, band label."""
    out = []
    for k in c1_bank(args).first_kernels():
        band = L.kernel_band(k)
        out.append((figs.kernel_tile(k, tile, palette), figs.band_tile(band.magnitude, band.centroid, tile), band.centroid, band.label))
    return out


def _zoomed(px: np.ndarray, name: str, stride: int) -> np.ndarray:
    """Top-left corner of :data:`ZOOM` original pixels (every pixel enlarged by repetition later)."""
    n = ZOOM if name == "original" else max(1, -(-ZOOM // stride))
    return px[:n, :n]


def aliasing(
    grey: Grey, c1: Layer1, index: int, size: int, stride: int, side: int, zoom: bool, palette: str = "standard"
) -> dict:
    """The aliasing panel for map ``index`` (0: the input, i: C1 map i) pooled by ``size``/``stride``:
    tiles (map JPEG, spectrum JPEG, shape) per :data:`ALIAS_TILES`, Nyquist fraction, energies."""
    return _aliasing(grey, c1 if index else None, index, size, stride, side, zoom, palette)  # the input needs no C1


@st.cache_data(max_entries=12, show_spinner=False, hash_funcs=_HASH)
def _aliasing(
    grey: Grey, c1: Layer1 | None, index: int, size: int, stride: int, side: int, zoom: bool, palette: str
) -> dict:
    x = grey.pixels if index == 0 else maps(grey, Net(c1), "C1")[index - 1]
    rep = L.pooling_aliasing(x, size, stride)
    tiles = {}
    for name in ALIAS_TILES:
        m = getattr(rep, name)
        px, _ = figs.map_pixels(m, scale="unit" if index == 0 else "auto", palette=palette)
        if zoom:
            px = _zoomed(px, name, stride)
        half = L.half_spectra(m)[0]
        half[0, 0] = 0  # mean removed, as in the energy fractions
        spec = figs.spectrum_pixels(half, m.shape[-1], palette=palette)
        if name == "original":
            spec = figs.nyquist_square(spec, rep.nyquist)
        tiles[name] = (figs.jpeg(px, side), figs.jpeg(spec, side), m.shape)
    return {"tiles": tiles, "nyquist": rep.nyquist, "before": rep.above_before, "after": rep.above_after_average}


@st.cache_data(max_entries=12, show_spinner=False, hash_funcs=_HASH)
def shift_report(grey: Grey, c1: Layer1, pool: Pool) -> L.ShiftReport:
    """How C1 and the pooled maps change when the input moves (see :func:`L.shift_tolerance`)."""
    return L.shift_tolerance(grey.pixels, c1_bank(c1.bank), c1.biases, c1.act, pool.spec())


def parameter_rows(grey: Grey, net: Net, stages: tuple[str, ...]) -> list[tuple[str, np.ndarray, np.ndarray, object]]:
    """Per layer in ``stages`` (input first, as computed): name, input maps, output maps, and
    its parameters (:class:`L.LayerParameters` for a conv layer, a count for a pooling layer)."""
    rows: list = []
    for prev, stage in zip(stages, stages[1:]):
        x, y = maps(grey, net, prev), maps(grey, net, stage)
        if stage in ("C1", "C3"):
            bank = c1_bank(net.c1.bank) if stage == "C1" else c3_bank(net.c3, x.shape[0])
            rows.append((stage, x, y, L.conv_parameters(bank, L.stage_shape(x))))
        else:
            rows.append((stage, x, y, net.pooling(stage).spec().parameters(x.shape[0])))
    return rows


def _tiles(m: np.ndarray, side: int, scale: str, palette: str) -> tuple[bytes, bytes]:
    """A map's JPEG (``scale`` as in :func:`figs.map_pixels`) and its mean-removed spectrum's JPEG."""
    half = L.half_spectra(m[None])[0]
    half[0, 0] = 0  # mean removed, as in the maps tab
    spec = figs.spectrum_pixels(half, m.shape[-1], palette=palette)
    return figs.jpeg(figs.map_pixels(m, scale=scale, palette=palette)[0], side), figs.jpeg(spec, side)


@st.cache_data(max_entries=16, show_spinner=False, hash_funcs=_HASH)
def arithmetic_map(
    grey: Grey, bank: BankArgs, index: int, args: A.ConvArgs, side: int, palette: str = "standard"
) -> tuple[bytes, bytes, tuple[int, int]]:
    """C1 kernel ``index`` applied with ``args``' stride, padding and dilation: map JPEG, spectrum JPEG, shape."""
    m = A.conv_map(grey.pixels, c1_bank(bank).first_kernels()[index], args)
    return (*_tiles(m, side, "auto", palette), m.shape)


@st.cache_data(max_entries=8, show_spinner=False, hash_funcs=_HASH)
def upsampled(grey: Grey, k: int, side: int, palette: str = "standard") -> dict:
    """The transposed-convolution demo on the shrunk input with a ``k × k`` box: per upsampler
    (``transposed``, ``resized``) its image, spectrum and flat-input tiles and output shape, and the scores."""
    u = A.upsample(A.shrink(grey.pixels, UPSAMPLE_SIDE), k)
    # one white level for both upsamplers (and one for both flat patterns), so brightness compares; nothing clips
    peak = max(float(u.transposed.max()), float(u.resized.max())) or 1.0
    flat_peak = max(float(u.flat_transposed.max()), float(u.flat_resized.max()))
    out = {"scores": (u.score_transposed, u.score_resized)}
    for name, m, flat in (("transposed", u.transposed, u.flat_transposed), ("resized", u.resized, u.flat_resized)):
        flat_jpeg = figs.jpeg(figs.map_pixels(flat / flat_peak, scale="unit")[0], side)
        out[name] = (*_tiles(m / peak, side, "unit", palette), flat_jpeg, m.shape)
    return out
