"""The CNN Lab: kernel banks, activation, pooling and a second layer, each map with its spectrum.

Flow: input (sidebar) → C1 bank + biases + activation → S2 pooling → C3 (mixing all maps) →
S4 → flattened vector.  Every stage is cached on a key made of the image digest and the
settings it depends on, so moving a slider recomputes only the stages downstream of it
(e.g. the pooling size leaves C1 untouched).  The aliasing and shift-tolerance panels are
fragments: their own sliders rerun only them.
"""

from __future__ import annotations

import math

import numpy as np
import streamlit as st

import kernels
from app.backend import images as bimages
from app.backend import layers as L
from app.ui import shell, state, widgets
from app.ui.figures import cnn_lab as figs
from app.ui.strings import t

lang = shell.lang()
proj = shell.projector()

MAX_SIDE = 512  # CNN input: grey, at most 512 px a side
UI_MAPS = 8  # kernels per layer offered on the page
PER_ROW = 2 if proj else 4
THUMB = 320 if proj else 200
TILE = 160 if proj else 110
CATALOG = tuple(s.name for s in kernels.catalog())
DEFAULT_CATALOG = ["gaussian", "sobel_x", "sobel_y", "log"]
C3_CHOICES = ("off", "edge_sum", "random")
CFG = {"displayModeBar": False}


def _parse_names(text: str) -> list[str]:
    names = [n.strip() for n in text.split(",") if n.strip()]
    if not 1 <= len(names) <= UI_MAPS or any(n not in CATALOG for n in names):
        raise ValueError("not a list of catalogue kernels")
    return names


SCHEMA: dict[str, state.Field] = {
    "cnn_input": state.Field("choice", "lab", choices=("lab", "own")),
    "cnn_source": state.Field("choice", "sample", choices=("sample", "upload")),
    "cnn_sample": state.Field("choice", widgets.DEFAULT_SAMPLE, choices=tuple(bimages.sample_names())),
    "cnn_c1": state.Field("choice", "edges", choices=L.C1_PRESETS),
    "cnn_n": state.Field("int", 8, lo=2, hi=UI_MAPS),
    "cnn_ksize": state.Field("choice", 5, choices=(3, 5, 7)),
    "cnn_seed": state.Field("int", 0, lo=0, hi=9999),
    "cnn_cat": state.Field("custom", DEFAULT_CATALOG, parse=_parse_names, format=",".join),
    **{f"cnn_b{i}": state.Field("float", 0.0, lo=-2.0, hi=2.0) for i in range(UI_MAPS)},
    "cnn_act": state.Field("choice", "relu", choices=L.ACTIVATIONS),
    "cnn_pool": state.Field("choice", "max", choices=L.POOL_MODES),
    "cnn_psize": state.Field("int", 2, lo=1, hi=L.MAX_POOL),
    "cnn_pstride": state.Field("int", 2, lo=1, hi=L.MAX_POOL),
    "cnn_lw": state.Field("float", 0.25, lo=-2.0, hi=2.0),
    "cnn_lb": state.Field("float", 0.0, lo=-4.0, hi=4.0),
    "cnn_c3": state.Field("choice", "edge_sum", choices=C3_CHOICES),
    "cnn_c3n": state.Field("int", 4, lo=2, hi=UI_MAPS),
    "cnn_c3seed": state.Field("int", 0, lo=0, hi=9999),
    "cnn_c3b": state.Field("float", 0.0, lo=-2.0, hi=2.0),
    "cnn_amap": state.Field("int", 0, lo=0, hi=UI_MAPS),
    "cnn_azoom": state.Field("bool", False),
    "cnn_shift": state.Field("int", 1, lo=0, hi=16),
}


# ------------------------------------------------------------------------------------ cached work
def _frozen(a: np.ndarray) -> np.ndarray:
    """Cached maps are shared by every session: make them read-only."""
    a.setflags(write=False)
    return a


@st.cache_resource(max_entries=6, show_spinner=False)
def _grey(digest: str, _image: np.ndarray) -> np.ndarray:
    g = bimages.to_gray(_image)
    if max(g.shape) > MAX_SIDE:
        g = bimages.working_copy(g, MAX_SIDE).image
    g = np.ascontiguousarray(g, dtype=np.float32)
    g.setflags(write=False)
    return g


@st.cache_resource(max_entries=24, show_spinner=False)
def _c1_bank(args: tuple) -> L.KernelBank:
    preset, n, size, seed, names = args
    return L.c1_bank(preset, n=n, size=size, seed=seed, names=names)


@st.cache_resource(max_entries=12, show_spinner=False)
def _c3_bank(preset: str, n_in: int, n_out: int, seed: int) -> L.KernelBank:
    return L.c3_bank(preset, n_in, n_out=n_out, seed=seed)


@st.cache_resource(max_entries=6, show_spinner=False)
def _layer_input(img_key: str, max_kernel: tuple[int, int], _grey_img: np.ndarray) -> L.LayerInput:
    return L.LayerInput(_grey_img, max_kernel=max_kernel)


@st.cache_resource(max_entries=8, show_spinner=False)
def _c1_maps(key: tuple, _layer: L.LayerInput, _bank: L.KernelBank, biases: tuple, act: str) -> np.ndarray:
    return _frozen(L.activate(_layer.apply(_bank, biases), act))


@st.cache_resource(max_entries=12, show_spinner=False)
def _pooled(key: tuple, _maps: np.ndarray, spec: tuple) -> np.ndarray:
    return _frozen(L.PoolSpec(*spec).apply(_maps))


@st.cache_resource(max_entries=8, show_spinner=False)
def _c3_maps(key: tuple, _maps: np.ndarray, _bank: L.KernelBank, bias: float, act: str) -> np.ndarray:
    return _frozen(L.activate(L.conv_layer(_maps, _bank, bias), act))


@st.cache_data(max_entries=32, show_spinner=False)
def _thumbs(key: tuple, _maps: np.ndarray, scale: str, side: int) -> list[tuple[bytes, bytes, float, float, str]]:
    halves = L.half_spectra(_maps)
    halves[:, 0, 0] = 0  # mean removed: a sigmoid map's DC (~0.5 · H · W) would outshine all else
    out = []
    for m, half in zip(_maps, halves):
        px, kind = figs.map_pixels(m, scale=scale)
        spec = figs.spectrum_pixels(half, m.shape[-1])
        out.append((figs.jpeg(px, side), figs.jpeg(spec, side), float(m.min()), float(m.max()), kind))
    return out


@st.cache_data(max_entries=24, show_spinner=False)
def _bands(bank_args: tuple, _bank: L.KernelBank, tile: int) -> list[tuple[bytes, bytes, float, str]]:
    out = []
    for k in _bank.first_kernels():
        band = L.kernel_band(k)
        out.append((figs.kernel_tile(k, tile), figs.band_tile(band.magnitude, band.centroid, tile), band.centroid, band.label))
    return out


ZOOM = 128  # original pixels a side shown by the aliasing panel's zoom


@st.cache_data(max_entries=12, show_spinner=False)
def _aliasing(key: tuple, _x: np.ndarray, size: int, stride: int, side: int, zoom: bool, input_image: bool) -> dict:
    rep = L.pooling_aliasing(_x, size, stride)
    tiles = {}
    for name in ("original", "average", "maximum", "subsampled"):
        m = getattr(rep, name)
        px, _ = figs.map_pixels(m, scale="unit" if input_image else "auto")
        if zoom:  # top-left corner, every pixel enlarged by repetition (no display resampling)
            n = ZOOM if name == "original" else max(1, -(-ZOOM // stride))
            px = px[:n, :n]
        half = L.half_spectra(m)[0]
        half[0, 0] = 0  # mean removed, as in the energy fractions
        spec = figs.spectrum_pixels(half, m.shape[-1])
        if name == "original":
            spec = figs.nyquist_square(spec, rep.nyquist)
        tiles[name] = (figs.jpeg(px, side), figs.jpeg(spec, side), m.shape)
    return {"tiles": tiles, "nyquist": rep.nyquist, "before": rep.above_before, "after": rep.above_after_average}


@st.cache_data(max_entries=12, show_spinner=False)
def _shift_report(key: tuple, _x: np.ndarray, _bank: L.KernelBank, biases: tuple, act: str, spec: tuple) -> L.ShiftReport:
    return L.shift_tolerance(_x, _bank, biases, act, L.PoolSpec(*spec))


# ------------------------------------------------------------------------------------ helpers
def _sci(n: float) -> str:
    """1234567 → '1,234,567'; big numbers as '2.75 × 10¹¹'."""
    if n < 10_000_000:
        return f"{int(round(n)):,}"
    e = int(math.floor(math.log10(n)))
    sup = str(e).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return f"{n / 10**e:.2f} × 10{sup}"


def _shape(maps: np.ndarray) -> str:
    h, w, c = L.stage_shape(maps)
    return t("cnn.shape", lang, h=h, w=w, c=c)


def _kernel_name(bank: L.KernelBank, i: int, *, short: bool = False) -> str:
    name, tag = bank.names[i], bank.tags[i]
    if name == "random":
        label = t("cnn.random", lang)
    else:
        label = kernels.get(name).label[lang]
        if short:  # "Sobel y (horizontal edges)" -> "Sobel y"
            label = label.split(" (")[0].split("（")[0]
    if tag == "Σ":
        return f"Σ {label}"
    return f"{label} {tag}".strip()


def _num(x: float) -> str:
    return f"{x:.3g}" if abs(x) >= 1e-3 or x == 0 else f"{x:.1e}"


def _bold(text: str) -> None:
    st.markdown(f"**{text}**")


def _map_grid(prefix: str, maps: np.ndarray, thumbs: list, names: list[str]) -> None:
    for start in range(0, len(thumbs), PER_ROW):
        cols = st.columns(PER_ROW, gap="small", vertical_alignment="bottom")
        for col, i in zip(cols, range(start, min(start + PER_ROW, len(thumbs)))):
            map_jpg, spec_jpg, lo, hi, _ = thumbs[i]
            with col:
                _bold(f"{prefix}{i + 1} · {names[i]}")
                a, b = st.columns(2, gap="small")
                a.image(map_jpg, width="stretch")
                b.image(spec_jpg, width="stretch")
                st.caption(t("cnn.card.range", lang, lo=_num(lo), hi=_num(hi)))


# ------------------------------------------------------------------------------------ controls
def _input_sidebar() -> widgets.PickedImage:
    ss = st.session_state
    st.subheader(t("cnn.input.title", lang))
    lab_img = widgets.current_image()
    if lab_img is not None:
        st.radio(t("cnn.input.which", lang), ("lab", "own"), format_func=lambda v: t(f"cnn.input.{v}", lang),
                 key="cnn_input")
    if lab_img is not None and ss.get("cnn_input") == "lab":
        return lab_img
    if lab_img is None and ss.get("cnn_input") == "lab":
        st.caption(t("cnn.input.no_lab", lang))
    return widgets.image_picker(lang, key="cnn", allow_colour=False, allow_size=False, allow_camera=False)


def _c1_controls() -> tuple[tuple, str]:
    ss = st.session_state
    st.markdown(f"#### {t('cnn.c1.title', lang)}")
    preset = st.selectbox(t("cnn.c1.preset", lang), L.C1_PRESETS, format_func=lambda p: t(f"cnn.c1.preset.{p}", lang),
                          key="cnn_c1")
    names: tuple[str, ...] = ()
    if preset == "random":
        st.slider(t("cnn.c1.n", lang), 2, UI_MAPS, key="cnn_n")
        if ss.get("cnn_ksize") is None:  # a segmented control can be de-selected
            ss["cnn_ksize"] = 5
        a, b = st.columns(2)
        with a:
            st.segmented_control(t("cnn.c1.ksize", lang), (3, 5, 7), format_func=lambda k: f"{k}×{k}",
                                 key="cnn_ksize", selection_mode="single")
        with b:
            st.number_input(t("cnn.c1.seed", lang), 0, 9999, step=1, key="cnn_seed", help=t("cnn.c1.seed_help", lang))
    elif preset == "catalog":
        picked = st.multiselect(t("cnn.c1.catalog", lang), CATALOG, format_func=lambda n: kernels.get(n).label[lang],
                                key="cnn_cat", max_selections=UI_MAPS)
        if not picked:
            st.caption(t("cnn.c1.catalog_empty", lang))
        names = tuple(picked) or ("sobel_x",)
    st.radio(t("cnn.act", lang), L.ACTIVATIONS, format_func=lambda a: t(f"cnn.act.{a}", lang), key="cnn_act",
             horizontal=True, help=t("cnn.act_help", lang))
    args = (preset, int(ss.get("cnn_n", 8)), int(ss.get("cnn_ksize") or 5), int(ss.get("cnn_seed", 0)), names)
    return args, ss["cnn_act"]


def _bias_controls(bank: L.KernelBank) -> tuple[float, ...]:
    ss = st.session_state
    with st.expander(t("cnn.c1.biases", lang), expanded=False):
        st.caption(t("cnn.c1.biases_help", lang))
        for i in range(bank.n_out):
            st.slider(t("cnn.c1.bias", lang, i=i + 1, name=_kernel_name(bank, i)), -2.0, 2.0, step=0.05,
                      key=f"cnn_b{i}")
    return tuple(float(ss.get(f"cnn_b{i}", 0.0)) for i in range(bank.n_out))


def _pool_controls() -> tuple:
    ss = st.session_state
    st.markdown(f"#### {t('cnn.pool.title', lang)}")
    mode = st.selectbox(t("cnn.pool.mode", lang), L.POOL_MODES, format_func=lambda m: t(f"cnn.pool.mode.{m}", lang),
                        key="cnn_pool")
    st.slider(t("cnn.pool.size", lang), 1, L.MAX_POOL, key="cnn_psize")
    if mode == "lenet":
        a, b = st.columns(2)
        a.slider(t("cnn.pool.lenet_w", lang), -2.0, 2.0, step=0.05, key="cnn_lw")
        b.slider(t("cnn.pool.lenet_b", lang), -4.0, 4.0, step=0.1, key="cnn_lb")
        st.caption(t("cnn.pool.lenet_note", lang))
        stride = int(ss["cnn_psize"])
    else:
        st.slider(t("cnn.pool.stride", lang), 1, L.MAX_POOL, key="cnn_pstride")
        stride = int(ss["cnn_pstride"])
    return (mode, int(ss["cnn_psize"]), stride, float(ss.get("cnn_lw", 0.25)), float(ss.get("cnn_lb", 0.0)))


def _c3_controls() -> tuple[str, int, int, float]:
    ss = st.session_state
    st.markdown(f"#### {t('cnn.c3.title', lang)}")
    preset = st.selectbox(t("cnn.c3.preset", lang), C3_CHOICES, format_func=lambda p: t(f"cnn.c3.preset.{p}", lang),
                          key="cnn_c3")
    if preset == "random":
        a, b = st.columns(2)
        a.slider(t("cnn.c3.n", lang), 2, UI_MAPS, key="cnn_c3n")
        b.number_input(t("cnn.c3.seed", lang), 0, 9999, step=1, key="cnn_c3seed")
    if preset != "off":
        st.slider(t("cnn.c3.bias", lang), -2.0, 2.0, step=0.05, key="cnn_c3b")
    if not proj:
        st.caption(t(f"cnn.c3.explain.{preset}", lang))
    return preset, int(ss.get("cnn_c3n", 4)), int(ss.get("cnn_c3seed", 0)), float(ss.get("cnn_c3b", 0.0))


def _zone_plate() -> None:
    ss = st.session_state
    ss["cnn_input"] = "own"
    ss["cnn_source"] = "sample"
    ss["cnn_sample"] = "zone_plate"
    ss["cnn_amap"] = 0
    ss["cnn_azoom"] = True


# ------------------------------------------------------------------------------------ panels
def _weights_tab(rows: list[dict], c1p: L.LayerParameters) -> None:
    st.markdown(f"#### {t('cnn.w.title', lang)}")
    st.markdown(t("cnn.w.intro", lang))
    st.info(t("cnn.w.headline", lang, conv=f"{c1p.total:,}", dense=_sci(c1p.dense_total), ratio=_sci(c1p.ratio)))
    head = [t("cnn.w.layer", lang), t("cnn.w.in", lang), t("cnn.w.out", lang), t("cnn.w.conv", lang),
            t("cnn.w.dense", lang), t("cnn.w.ratio", lang)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        lines.append("| " + " | ".join([r["layer"], r["in"], r["out"], r["conv"], r["dense"], r["ratio"]]) + " |")
    st.markdown("\n".join(lines))
    st.caption(t("cnn.w.formula", lang))
    conv_rows = [r for r in rows if r["dense_n"]]
    fig = figs.params_figure(
        [r["layer"] for r in conv_rows], [r["conv_n"] for r in conv_rows], [r["dense_n"] for r in conv_rows],
        names=(t("cnn.w.chart_conv", lang), t("cnn.w.chart_dense", lang)), y_title=t("cnn.w.y", lang),
        title=t("cnn.w.chart", lang), projector=proj,
    )
    st.plotly_chart(fig, config=CFG, key="cnn_fig_params")


@st.fragment
def _aliasing_panel(grey: np.ndarray, img_key: str, k_c1: tuple, c1: np.ndarray, c1_names: list[str],
                    pool_spec: tuple) -> None:
    ss = st.session_state
    _, size, stride, _, _ = pool_spec
    n = c1.shape[0]
    if int(ss.get("cnn_amap", 0)) > n:
        ss["cnn_amap"] = 0
    options = list(range(n + 1))
    choice = st.selectbox(
        t("cnn.a.map", lang), options, key="cnn_amap",
        format_func=lambda i: t("cnn.a.map.input", lang) if i == 0 else t("cnn.a.map.c1", lang, i=i, name=c1_names[i - 1]),
    )
    x = grey if choice == 0 else c1[choice - 1]
    st.toggle(t("cnn.a.zoom", lang, n=ZOOM), key="cnn_azoom", help=t("cnn.a.zoom_help", lang))
    zoom = bool(ss.get("cnn_azoom"))
    side = 360 if proj else 256
    key = (img_key, "input") if choice == 0 else k_c1 + (choice,)  # a C1 map depends on the bank, biases, activation
    res = _aliasing(key + (size, stride), x, size, stride, side, zoom, choice == 0)
    st.markdown(t("cnn.a.intro", lang, stride=stride, nyq=f"{res['nyquist']:.3g}", size=size))
    cols = st.columns(4, gap="small")
    for col, (name, label) in zip(cols, [("original", "cnn.a.before"), ("average", "cnn.a.average"),
                                         ("maximum", "cnn.a.max"), ("subsampled", "cnn.a.subsample")]):
        img, spec, shape = res["tiles"][name]
        with col:
            _bold(t(label, lang))
            st.image(img, width="stretch")
            st.image(spec, width="stretch")
            st.caption(t("cnn.a.spectrum_cap", lang, h=shape[0], w=shape[1]))
    if not zoom:
        st.caption(t("cnn.a.display_note", lang))
    m1, m2 = st.columns(2)
    m1.metric(t("cnn.a.energy_before", lang), f"{100 * res['before']:.1f} %", help=t("cnn.a.energy_before_help", lang))
    m2.metric(t("cnn.a.energy_after", lang), f"{100 * res['after']:.1f} %",
              help=t("cnn.a.energy_after_help", lang, size=size))
    st.caption(t("cnn.a.read", lang))
    state.write_query_params()


@st.fragment
def _shift_panel(grey: np.ndarray, key: tuple, bank: L.KernelBank, biases: tuple, act: str, pool_spec: tuple) -> None:
    st.markdown(f"#### {t('cnn.s.title', lang)}")
    st.markdown(t("cnn.s.intro", lang))
    d = st.slider(t("cnn.s.d", lang), 0, 16, key="cnn_shift")
    try:
        rep = _shift_report(key + (pool_spec,), grey, bank, biases, act, pool_spec)
    except ValueError as exc:
        st.error(t("cnn.err", lang, detail=str(exc)))
        return
    names = {k: t(f"cnn.s.{k}", lang) for k in ("c1_moved", "c1_back", "pool_moved", "pool_back")}
    i = int(np.searchsorted(rep.shifts, d))
    q = int(math.floor(d / rep.stride + 0.5))
    cols = st.columns(4)
    values = [rep.c1_moved[i], rep.c1_realigned[i], rep.pooled_moved[i], rep.pooled_realigned[i]]
    for col, (k, label), v in zip(cols, names.items(), values):
        helptext = t("cnn.s.pool_back_help", lang, q=q, d=d) if k == "pool_back" else None
        col.metric(label, f"{100 * v:.1f} %", help=helptext)
    fig = figs.shift_figure(rep, d, names=names, x_title=t("cnn.s.x", lang), y_title=t("cnn.s.y", lang), projector=proj)
    st.plotly_chart(fig, config=CFG, key="cnn_fig_shift")
    h, w = grey.shape
    side = 256
    st.caption(t("cnn.s.crop", lang, w=(min(w, side) // rep.stride) * rep.stride, h=(min(h, side) // rep.stride) * rep.stride))
    st.markdown(t("cnn.s.read", lang, stride=rep.stride))
    state.write_query_params()


def _maps_tab(
    grey: np.ndarray, img_key: str, bank_args: tuple, bank: L.KernelBank, k_c1: tuple, c1: np.ndarray, act: str,
    pool_spec: tuple, k_s2: tuple, s2: np.ndarray, c3_bank: L.KernelBank | None, k_c3: tuple | None,
    c3: np.ndarray | None, s4: np.ndarray | None,
) -> None:
    """Every map with its spectrum; C1 cards also show the kernel, |H| and its band."""
    lenet = pool_spec[0] == "lenet"
    # input row
    in_thumbs = _thumbs((img_key, "input", THUMB), grey[None], "unit", THUMB)
    a, b, c = st.columns([1, 1, 2] if not proj else [1, 1, 1], gap="small")
    a.image(in_thumbs[0][0], width="stretch", caption=t("cnn.input.card", lang))
    b.image(in_thumbs[0][1], width="stretch")
    c.markdown(t("cnn.input.explain", lang))
    st.markdown(f"##### {t('cnn.maps.c1', lang)}")
    bands = _bands(bank_args, bank, TILE)
    short = [_kernel_name(bank, i, short=True) for i in range(bank.n_out)]
    c1_scale = "stretch" if act == "sigmoid" else "auto"
    pooled_scale = "stretch" if act == "sigmoid" or lenet else "auto"
    thumbs = _thumbs(k_c1 + (THUMB,), c1, c1_scale, THUMB)
    scale = t(f"cnn.scale.{thumbs[0][4]}", lang)
    if not proj:
        st.caption(t("cnn.maps.c1_cap", lang, scale=scale))
    for start in range(0, bank.n_out, PER_ROW):
        cols = st.columns(PER_ROW, gap="small", vertical_alignment="bottom")
        for col, i in zip(cols, range(start, min(start + PER_ROW, bank.n_out))):
            k_png, h_png, centroid, label = bands[i]
            map_jpg, spec_jpg, lo, hi, _ = thumbs[i]
            with col:
                _bold(f"C1-{i + 1} · {short[i]}")
                k1, k2 = st.columns(2, gap="small")
                k1.image(k_png, width="stretch")
                k2.image(h_png, width="stretch")
                st.caption(t("cnn.band.caption", lang, band=t(f"cnn.band.{label}", lang), f=f"{centroid:.2f}"))
                m1, m2 = st.columns(2, gap="small")
                m1.image(map_jpg, width="stretch")
                m2.image(spec_jpg, width="stretch")
                st.caption(t("cnn.card.range", lang, lo=_num(lo), hi=_num(hi)))
    stride = pool_spec[2]
    st.markdown(f"##### {t('cnn.maps.s2', lang)}")
    if not proj:
        st.caption(t("cnn.maps.pooled_cap", lang, stride=stride, nyq=f"{0.5 / stride:.3g}"))
    _map_grid("S2-", s2, _thumbs(k_s2 + (THUMB,), s2, pooled_scale, THUMB), short)
    if c3 is not None and c3_bank is not None:
        c3_names = [_kernel_name(c3_bank, i, short=True) for i in range(c3_bank.n_out)]
        st.markdown(f"##### {t('cnn.maps.c3', lang)}")
        _map_grid("C3-", c3, _thumbs(k_c3 + (THUMB,), c3, c1_scale, THUMB), c3_names)
        if s4 is not None:
            st.markdown(f"##### {t('cnn.maps.s4', lang)}")
            _map_grid("S4-", s4, _thumbs(k_c3 + (pool_spec, THUMB), s4, pooled_scale, THUMB), c3_names)
    with st.expander(t("cnn.formulas", lang), expanded=False):
        st.latex(r"\text{C1: } a_o[i,j] = f\Big(\sum_{m,n} k_o[m,n]\, x[i+m,\,j+n] + b_o\Big)")
        st.latex(r"\text{C3: } c_p = f\Big(\sum_{o} k_{p,o} \star s_o + b_p\Big)")
        st.latex(r"\text{max: } S[i,j] = \max_{0\le u,v<p} a[si+u,\,sj+v] \qquad "
                 r"\text{average: } S[i,j] = \tfrac{1}{p^2}\sum_{0\le u,v<p} a[si+u,\,sj+v]")
        st.latex(r"\text{LeNet: } S[i,j] = \sigma\Big(w \sum_{0\le u,v<p} a[pi+u,\,pj+v] + b\Big)")
        st.markdown(t("cnn.formulas.note", lang))



# ------------------------------------------------------------------------------------ page
def main() -> None:
    rejected = state.sync_query_params(SCHEMA)
    st.title(t("cnn.title", lang))
    if not proj:
        st.caption(t("cnn.intro", lang))
    if rejected:
        st.info(t("state.rejected", lang, keys=", ".join(rejected)))

    with st.sidebar:
        picked = _input_sidebar()
    grey = _grey(picked.digest, picked.image)
    img_key = f"{picked.digest}:{grey.shape[0]}x{grey.shape[1]}"

    strip = st.container(border=True)
    c_c1, c_pool, c_c3 = st.columns(3, gap="medium", border=True)
    with c_c1:
        bank_args, act = _c1_controls()
    try:
        bank = _c1_bank(bank_args)
    except ValueError as exc:
        st.error(t("cnn.err", lang, detail=str(exc)))
        return
    with c_c1:
        biases = _bias_controls(bank)
    with c_pool:
        pool_spec = _pool_controls()
    with c_c3:
        c3_preset, c3_n, c3_seed, c3_bias = _c3_controls()

    with st.sidebar:
        st.image(figs.jpeg(figs.map_pixels(grey, scale="unit")[0], 256), width="stretch")
        st.caption(t("cnn.input.grey", lang, w=grey.shape[1], h=grey.shape[0], side=MAX_SIDE))

    # ---- compute, stage by stage (each cached on what it depends on) -----------------------
    stages: list[tuple[str, np.ndarray]] = [("input", grey[None])]
    k_c1 = (img_key, bank_args, biases, act)
    try:
        layer = _layer_input(img_key, bank.max_shape, grey)
        c1 = _c1_maps(k_c1, layer, bank, biases, act)
        stages.append(("C1", c1))
        k_s2 = k_c1 + (pool_spec,)
        s2 = _pooled(k_s2, c1, pool_spec)
        stages.append(("S2", s2))
    except ValueError as exc:
        st.error(t("cnn.err", lang, detail=str(exc)))
        return
    c3 = s4 = c3_bank = k_c3 = None
    if c3_preset != "off":
        k_c3 = k_s2 + (c3_preset, c3_n, c3_seed, c3_bias)
        try:
            c3_bank = _c3_bank(c3_preset, bank.n_out, c3_n, c3_seed)
            c3 = _c3_maps(k_c3, s2, c3_bank, c3_bias, act)
            stages.append(("C3", c3))
            s4 = _pooled(k_c3 + (pool_spec,), c3, pool_spec)
            stages.append(("S4", s4))
        except ValueError as exc:
            st.error(t("cnn.err.s4" if c3 is not None else "cnn.err", lang, detail=str(exc)))

    # ---- the shapes strip --------------------------------------------------------------------
    with strip:
        st.caption(t("cnn.shapes.caption", lang))
        parts = [f"{t(f'cnn.stage.{name}', lang)} **{_shape(maps)}**" for name, maps in stages]
        parts.append(f"{t('cnn.stage.vector', lang)} **{stages[-1][1].size:,}**")
        st.markdown("&nbsp;→&nbsp; ".join(parts))

    c1_names = [_kernel_name(bank, i) for i in range(bank.n_out)]
    # lazy tabs: only the open tab's panel is computed and sent (a slider move stays cheap)
    tabs = st.tabs([t(f"cnn.tab.{k}", lang) for k in ("maps", "weights", "alias", "shift")], key="cnn_tab",
                   on_change="rerun")

    if tabs[0].open:
        with tabs[0]:
            _maps_tab(grey, img_key, bank_args, bank, k_c1, c1, act, pool_spec, k_s2, s2, c3_bank, k_c3, c3, s4)
    if tabs[1].open:
        with tabs[1]:
            pool = L.PoolSpec(*pool_spec)
            c1p = L.conv_parameters(bank, L.stage_shape(grey[None]))
            rows = [_conv_row("C1", grey[None], c1, c1p), _pool_row("S2", c1, s2, pool)]
            if c3 is not None and c3_bank is not None:
                rows.append(_conv_row("C3", s2, c3, L.conv_parameters(c3_bank, L.stage_shape(s2))))
                if s4 is not None:
                    rows.append(_pool_row("S4", c3, s4, pool))
            _weights_tab(rows, c1p)
    if tabs[2].open:
        with tabs[2]:
            st.markdown(f"#### {t('cnn.a.title', lang)}")
            st.button(t("cnn.a.zone", lang), on_click=_zone_plate, help=t("cnn.a.zone_help", lang), key="cnn_zone_btn")
            _aliasing_panel(grey, img_key, k_c1, c1, c1_names, pool_spec)
    if tabs[3].open:
        with tabs[3]:
            _shift_panel(grey, k_c1, bank, biases, act, pool_spec)


def _conv_row(name: str, x: np.ndarray, y: np.ndarray, p: L.LayerParameters) -> dict:
    return {
        "layer": name, "in": _shape(x), "out": _shape(y),
        "conv": f"{p.weights:,} + {p.biases:,} = **{p.total:,}**",
        "dense": f"{_sci(p.dense_weights)} + {_sci(p.dense_biases)}",
        "ratio": _sci(p.ratio), "conv_n": p.total, "dense_n": p.dense_total,
    }


def _pool_row(name: str, x: np.ndarray, y: np.ndarray, pool: L.PoolSpec) -> dict:
    n = pool.parameters(x.shape[0])
    conv = t("cnn.w.pool_params", lang, n=n) if n else t("cnn.w.none", lang)
    return {"layer": name, "in": _shape(x), "out": _shape(y), "conv": conv, "dense": "—", "ratio": "—",
            "conv_n": n, "dense_n": 0}


main()
