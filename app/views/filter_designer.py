"""The Filter Designer: shape the spectrum directly and see the spatial kernel it implies.

Flow: image (sidebar, full rerun) → one fragment that owns every control: parametric mask ×
notches × free-hand regions → the cached image FFT applies the mask → panels (input, spectrum
with the mask, output, removed part, output spectrum, radial profile) → the implied kernel
(IFFT of the mask, cropped; "use as kernel" sends it to the Image Lab) → leakage (window).

Clicks on the spectrum arrive as plotly selection events on an invisible grid of scatter
points (selection does not work on image traces); a click adds a notch, a lasso adds a
free-hand region. The chart's key changes after each handled event so the next click is new.
"""

from __future__ import annotations

import functools

import numpy as np
import streamlit as st

from app.backend import display
from app.backend import filtering as flt
from app.backend.images import sample_names
from app.ui import canvas, shell, state, widgets
from app.ui.figures import filter_designer as figs
from app.ui.strings import t

lang = shell.lang()
proj = shell.projector()
ss = st.session_state

NOTCH_KINDS: tuple[str, ...] = ("gaussian", "ideal", "butterworth")
TOOLS: tuple[str, ...] = ("notch", "remove", "keep", "paint")
ZOOMS: tuple[int, ...] = (1, 2, 4)
CROP_MIN, CROP_MAX = 3, 63
DEMO_SAMPLE = "periodic_noise"
LAB_PAGE = "views/image_lab.py"
BRUSH_SIDE = 340  # px: fits the middle column next to the sidebar
SPECTRUM_SIDE = 400  # px sent for the clickable spectrum (shown ~350-450 px wide)


def _parse_crop(text: str) -> int:
    k = int(text)
    if k % 2 == 0 or not CROP_MIN <= k <= CROP_MAX:
        raise ValueError("crop size must be odd, 3..63")
    return k


SCHEMA: dict[str, state.Field] = {
    "fd_source": state.Field("choice", "sample", choices=widgets.SOURCES),
    "fd_sample": state.Field("choice", DEMO_SAMPLE, choices=tuple(sample_names())),
    "fd_colour": state.Field("bool", False),
    "fd_size": state.Field("choice", 512, choices=widgets.WORKING_SIZES, parse=int),
    "fd_use_lab": state.Field("bool", False),
    "fd_shape": state.Field("choice", "none", choices=flt.MASK_SHAPES),
    "fd_band": state.Field("choice", "lowpass", choices=flt.MASK_BANDS),
    "fd_lo": state.Field("float", 0.1, lo=0.005, hi=0.5),
    "fd_hi": state.Field("float", 0.25, lo=0.005, hi=0.5),
    "fd_order": state.Field("int", 2, lo=1, hi=10),
    "fd_notch_kind": state.Field("choice", "gaussian", choices=NOTCH_KINDS),
    "fd_notch_r": state.Field("float", 0.01, lo=0.002, hi=0.1),
    "fd_snap": state.Field("bool", True),
    "fd_tool": state.Field("choice", "notch", choices=TOOLS),
    "fd_smooth": state.Field("float", 0.0, lo=0.0, hi=0.05),
    "fd_brush": state.Field("int", 14, lo=4, hi=40),
    "fd_zoom": state.Field("choice", 1, choices=ZOOMS),
    "fd_crop": state.Field("custom", 31, parse=_parse_crop, format=str),
    "fd_window": state.Field("choice", "none", choices=flt.WINDOWS),
    "fd_notches": state.Field("custom", (), parse=flt.notches_from_text, format=flt.notches_to_text),
}

PICKER_KEYS = frozenset({"fd_source", "fd_sample", "fd_colour", "fd_size", "fd_use_lab"})

rejected = state.sync_query_params(SCHEMA)
ss.setdefault("fd_regions", ())  # free-hand lasso regions: session only (too big for a link)
ss.setdefault("fd_paint", None)  # free-hand brush strokes (bool array on the image grid): session only
ss.setdefault("_fd_click_n", 0)

st.title(t("fd.title", lang))
st.caption(t("fd.intro", lang))
if rejected:
    st.info(t("state.rejected", lang, keys=", ".join(rejected)))
messages = st.container()


# ---- cached per-image work --------------------------------------------------------------------
@st.cache_resource(max_entries=6, show_spinner=False)
def _filter_for(digest: str, window: str, _image: np.ndarray) -> flt.FrequencyFilter:
    return flt.FrequencyFilter(_image, window=window)


@st.cache_data(max_entries=6, show_spinner=False)
def _leakage(digest: str, _image: np.ndarray) -> dict:
    out: dict = {}
    specs = {window: flt.centred_spectrum(_image, window) for window in flt.WINDOWS}
    vmax, dr = flt.display_range(specs["none"])  # one scale for both: a fair comparison
    for window, spec in specs.items():
        x = flt.apply_window(_image, window)
        tiles = np.tile(x, (2, 2, 1) if x.ndim == 3 else (2, 2))
        out[window] = {
            "tiles": display.downsample_for_display(display.to_uint8(np.clip(tiles, 0, 1)), 512),
            "spectrum": display.downsample_for_display(display.spectrum_to_uint8(spec, dr, vmax=vmax), 512),
            "cross_db": flt.axis_cross_db(spec),
        }
    return out


def _current_filter(picked: widgets.PickedImage) -> flt.FrequencyFilter:
    return _filter_for(picked.digest, ss.get("fd_window", "none"), picked.image)


# ---- callbacks (run before the fragment redraws) ------------------------------------------------
def _same_notch(a: tuple[float, float], b: tuple[float, float], tol: float) -> bool:
    return (abs(a[0] - b[0]) < tol and abs(a[1] - b[1]) < tol) or (abs(a[0] + b[0]) < tol and abs(a[1] + b[1]) < tol)


def _add_notches(new: list[tuple[float, float]]) -> int:
    notches = list(ss.get("fd_notches", ()))
    tol = max(0.5 * float(ss.get("fd_notch_r", 0.01)), 1e-6)
    added = 0
    for n in new:
        if len(notches) >= flt.MAX_NOTCHES:
            ss["_fd_msg"] = ("warning", t("fd.notch.full", lang, n=flt.MAX_NOTCHES))
            break
        if any(_same_notch(n, m, tol) for m in notches):
            continue
        notches.append((float(n[0]), float(n[1])))
        added += 1
    ss["fd_notches"] = tuple(notches)
    return added


def _on_detect(picked: widgets.PickedImage) -> None:
    spec = _current_filter(picked).spectrum
    peaks = flt.detect_peaks(spec, count=6)
    if not peaks:
        ss["_fd_msg"] = ("info", t("fd.detect.none", lang))
        return
    n = _add_notches(peaks)
    ss.setdefault("_fd_msg", ("success", t("fd.detect.found", lang, n=n)))


def _on_clear_notches() -> None:
    ss["fd_notches"] = ()


def _on_delete(i: int) -> None:
    notches = list(ss.get("fd_notches", ()))
    if 0 <= i < len(notches):
        del notches[i]
    ss["fd_notches"] = tuple(notches)


def _on_clear_regions() -> None:
    ss["fd_regions"] = ()
    ss["fd_paint"] = None
    ss["_fd_paint_base"] = None
    ss["_fd_canvas_bg"] = None  # a fresh, empty canvas


def _on_select(chart_key: str, picked: widgets.PickedImage, half_range: float) -> None:
    """A click (notch) or lasso/box (free-hand region) on the spectrum."""
    event = ss.get(chart_key)
    sel = (event or {}).get("selection") or {}
    tool = ss.get("fd_tool", "notch")
    # the chart's axes are in click-grid units: back to cycles/pixel
    def cyc(values) -> list[float]:
        return [float(v) for v in figs.from_grid(values, half_range)]

    polys = [(cyc(p.get("x", [])), cyc(p.get("y", []))) for p in sel.get("lasso") or []]
    for b in sel.get("box") or []:
        (x0, x1), (y0, y1) = cyc(b.get("x", [0, 0])[:2]), cyc(b.get("y", [0, 0])[:2])
        polys.append(([x0, x1, x1, x0], [y0, y0, y1, y1]))
    if polys:
        mode = "keep" if tool == "keep" else "remove"
        ss["fd_regions"] = tuple(ss.get("fd_regions", ())) + tuple((mode, tuple(xs), tuple(ys)) for xs, ys in polys)
    elif sel.get("points"):
        p = sel["points"][0]
        fx, fy = cyc([p["x"], p["y"]])
        h, w = picked.image.shape[:2]
        if abs(fx) < 1.5 / w and abs(fy) < 1.5 / h:
            ss["_fd_msg"] = ("info", t("fd.notch.dc", lang))
        else:
            if ss.get("fd_snap", True):
                step = 2.0 * half_range / (figs.CLICK_GRID - 1)
                fy, fx = flt.snap_to_peak(_current_filter(picked).spectrum, fy, fx, radius=max(1.6 * step, 2.5 / min(h, w)))
            if _add_notches([(fy, fx)]):
                ss["_fd_msg"] = ("success", t("fd.notch.added", lang, fx=f"{fx:.4f}", fy=f"{fy:.4f}"))
    else:
        return
    ss["_fd_click_n"] = ss.get("_fd_click_n", 0) + 1  # a fresh chart: the next click is a new event


# ---- image (sidebar; a change reruns the whole page) ---------------------------------------
with st.sidebar:
    st.subheader(t("fd.side.image", lang))
    lab_image = widgets.current_image()
    if lab_image is not None:
        st.toggle(t("fd.use_lab", lang), key="fd_use_lab", help=t("fd.use_lab_help", lang))
    if lab_image is not None and ss.get("fd_use_lab"):
        picked = lab_image
        st.caption(t("fd.lab_image", lang, name=picked.name, w=picked.image.shape[1], h=picked.image.shape[0]))
    else:
        picked = widgets.image_picker(
            lang, key="fd", allow_size=not proj, allow_camera=not proj, messages=messages
        )
        if picked.source == "upload" and ss.get("fd_source") == "upload":
            st.caption(t("state.upload_not_in_link", lang))


# ---- helpers for the panels -----------------------------------------------------------------
def _jpeg(pixels: np.ndarray) -> None:
    st.image(display.encode_jpeg(display.downsample_for_display(pixels, 512), 88), width="stretch")


def _zoom_crop(u8: np.ndarray, zoom: int) -> tuple[np.ndarray, tuple[float, float], tuple[float, float]]:
    """Central part of a centred spectrum image for ``±0.5/zoom`` and the pixel-edge extents."""
    r = 0.5 / zoom
    out_edges = []
    sl = []
    for n in u8.shape[:2]:
        c = n // 2
        k = int(np.floor(r * n + 1e-9))
        lo, hi = (0, n - 1) if zoom == 1 else (max(0, c - k), min(n - 1, c + k))
        sl.append(slice(lo, hi + 1))
        out_edges.append(((lo - c - 0.5) / n, (hi - c + 0.5) / n))
    return np.ascontiguousarray(u8[sl[0], sl[1]]), out_edges[0], out_edges[1]


def _mask_description(kind: str, band: str, lo: float, hi: float, order: int, n_notch: int, n_free: int) -> str:
    parts = []
    if kind != "none":
        cut = f"{lo:.3f}" if band in ("lowpass", "highpass") else f"{lo:.3f}–{hi:.3f}"
        label = t(f"fd.shape.{kind}", lang) + (f" n={order}" if kind == "butterworth" else "")
        parts.append(f"{label} {t(f'fd.band.{band}', lang)} {cut}")
    if n_notch:
        parts.append(t("fd.kernel.name_notches", lang, n=n_notch))
    if n_free:
        parts.append(t("fd.kernel.name_free", lang))
    return " + ".join(parts) or t("fd.kernel.name_allpass", lang)


def _show_message() -> None:
    msg = ss.pop("_fd_msg", None)
    if msg:
        kind, text = msg
        getattr(st, {"success": "success", "warning": "warning"}.get(kind, "info"))(text)


def _brush(shape: tuple[int, int], picked: widgets.PickedImage) -> None:
    """A drawing canvas over the whole spectrum: painted strokes are removed (and mirrored).

    ``fd_paint`` (a boolean array on the image's frequency grid) = the painting of earlier
    brush sessions (shown tinted in the canvas background) | what the canvas holds now, so the
    canvas's own undo and delete buttons act on this session's strokes.
    """
    from PIL import Image

    bg = ss.get("_fd_canvas_bg")
    if bg is None:  # (re)mount: background = spectrum with the current mask, strokes restored
        full = ss.get("_fd_full_view")
        if full is None or full.shape[:2] != display.downsample_for_display(np.zeros(shape, np.uint8), 512).shape:
            filt = _current_filter(picked)  # first run of the page: the plain spectrum
            vmax, dr = filt.display_range
            full = display.downsample_for_display(display.spectrum_to_uint8(filt.spectrum, dr, vmax=vmax), 512)
        bg = ss["_fd_canvas_bg"] = Image.fromarray(full)
        ss["_fd_paint_base"] = ss.get("fd_paint")
        ss["_fd_canvas_v"] = ss.get("_fd_canvas_v", 0) + 1
    st.markdown(f"**{t('fd.panel.brush', lang)}**")
    with st.container(key="fd_brush_area"):
        drawing = canvas.drawing_canvas(
            key=f"fd_canvas_{ss['_fd_canvas_v']}",
            side=BRUSH_SIDE,
            stroke_width=int(ss.get("fd_brush", 14)),
            stroke_color="#56B4E9",
            background_image=bg,
            grid_cells=31,
        )
    if drawing.backend == "grid":
        st.caption(t("fd.brush.grid", lang))
    if drawing.backend == "grid" or drawing.json is not None:  # None before the canvas's first message
        base = ss.get("_fd_paint_base")
        base = base if base is not None and base.shape == tuple(shape) else None
        now = None if drawing.rgba is None else flt.painting_to_grid(shape, drawing.rgba[..., 3] > 0)
        ss["fd_paint"] = now if base is None else (base if now is None else base | now)
    st.caption(t("fd.brush.cap", lang))


# ---- the designer (reruns alone on every control change) ------------------------------------
@st.fragment
def designer(picked: widgets.PickedImage) -> None:
    # a fragment rerun does not pass through the router: keep the values of widgets that are
    # not drawn in this run (order, upper cutoff, brush size, ...) and fill any missing default
    for key, field in SCHEMA.items():
        if key in PICKER_KEYS:
            continue  # drawn in the sidebar, outside this fragment
        ss[key] = ss[key] if key in ss else field.default
    image = picked.image
    shape = image.shape[:2]
    height = 470 if proj else 400

    if picked.name == DEMO_SAMPLE and not ss.get("fd_notches") and ss.get("fd_shape") == "none":
        st.info(t("fd.demo_hint", lang), icon=":material/lightbulb:")

    # -- 1 · controls --------------------------------------------------------------------------
    st.subheader(t("fd.sec.mask", lang))
    c1, c2, c3, c4 = st.columns([1.1, 1.1, 1.2, 1.1], gap="medium")
    with c1:
        st.selectbox(t("fd.shape", lang), flt.MASK_SHAPES, format_func=lambda s: t(f"fd.shape.{s}", lang), key="fd_shape")
        kind = ss["fd_shape"]
        st.caption(t(f"fd.shape.explain.{kind}", lang))
        st.radio(t("fd.band", lang), flt.MASK_BANDS, format_func=lambda b: t(f"fd.band.{b}", lang),
                 key="fd_band", horizontal=True, disabled=kind == "none")
    band = ss["fd_band"]
    with c2:
        two = band in ("bandpass", "bandstop")
        st.slider(t("fd.low" if two else "fd.cutoff", lang), 0.005, 0.5, step=0.005, format="%.3f", key="fd_lo",
                  help=t("fd.cutoff_help", lang), disabled=kind == "none")
        if two:
            st.slider(t("fd.high", lang), 0.005, 0.5, step=0.005, format="%.3f", key="fd_hi", disabled=kind == "none")
        if kind == "butterworth":
            st.slider(t("fd.order", lang), 1, 10, step=1, key="fd_order")
    with c3:
        st.markdown(f"**{t('fd.sec.notch', lang)}**")
        if not proj:
            st.radio(t("fd.notch_kind", lang), NOTCH_KINDS, format_func=lambda s: t(f"fd.notch_kind.{s}", lang),
                     key="fd_notch_kind", horizontal=True)
        st.slider(t("fd.notch_r", lang), 0.002, 0.1, step=0.001, format="%.3f", key="fd_notch_r")
        if not proj:
            st.toggle(t("fd.snap", lang), key="fd_snap", help=t("fd.snap_help", lang))
        st.button(t("fd.detect", lang), key="fd_detect", on_click=_on_detect, args=(picked,),
                  help=t("fd.detect_help", lang), type="primary", width="stretch", icon=":material/my_location:")
        st.button(t("fd.clear", lang), key="fd_clear", on_click=_on_clear_notches, width="stretch",
                  disabled=not ss.get("fd_notches"))
    with c4:
        st.radio(t("fd.tool", lang), TOOLS, format_func=lambda s: t(f"fd.tool.{s}", lang), key="fd_tool")
        st.caption(t(f"fd.tool.explain.{ss['fd_tool']}", lang))
        if not proj:
            st.select_slider(t("fd.zoom", lang), ZOOMS, format_func=lambda z: t(f"fd.zoom.{z}", lang), key="fd_zoom")
            st.slider(t("fd.free.smooth", lang), 0.0, 0.05, step=0.0025, format="%.4f", key="fd_smooth",
                      help=t("fd.free.smooth_help", lang))
        if ss["fd_tool"] == "paint":
            st.slider(t("fd.brush", lang), 4, 40, step=1, key="fd_brush")
    _show_message()

    st.subheader(t("fd.sec.result", lang))
    r1, r2, r3 = st.columns([1, 1.3, 1], gap="small")
    painting = ss["fd_tool"] == "paint"
    if painting:
        with r2:  # the brush runs before the mask is built, so a stroke shows at once
            _brush(shape, picked)
    else:
        ss["_fd_canvas_bg"] = None  # the next brush session starts from the current mask

    # -- build the mask ------------------------------------------------------------------------
    lo, hi, order = float(ss["fd_lo"]), float(ss["fd_hi"]), int(ss["fd_order"])
    try:
        pmask = flt.parametric_mask(shape, kind, band, low=lo, high=hi, order=order)
        ss["_fd_mask_last_good"] = (kind, band, lo, hi, order)
    except ValueError as exc:
        if band in ("bandpass", "bandstop") and lo >= hi:
            st.error(t("fd.err.band", lang, band=t(f"fd.band.{band}", lang), low=f"{lo:.3f}", high=f"{hi:.3f}"), icon=":material/warning:")
        else:
            st.error(t("fd.err.mask", lang, detail=str(exc)), icon=":material/warning:")
        last = ss.get("_fd_mask_last_good")
        pmask = np.ones(shape)
        if last is not None:
            try:
                pmask = flt.parametric_mask(shape, last[0], last[1], low=last[2], high=last[3], order=last[4])
            except ValueError:
                pass
        kind, band, lo, hi, order = last if last is not None else ("none", band, lo, hi, order)
    notches = list(ss.get("fd_notches", ()))
    nmask = flt.notch_mask(shape, notches, float(ss["fd_notch_r"]), profile=ss.get("fd_notch_kind") or "gaussian")
    regions = list(ss.get("fd_regions", ()))
    paint = ss.get("fd_paint")
    if paint is not None and paint.shape != shape:  # painted on another image
        paint = ss["fd_paint"] = None
    mask = pmask * nmask
    if regions or paint is not None:
        remove = np.zeros(shape, bool) if paint is None else paint.copy()
        keep = np.zeros(shape, bool)
        for mode, xs, ys in regions:
            target = keep if mode == "keep" else remove
            target |= flt.polygon_region(shape, xs, ys)
        mask = mask * flt.freehand_mask(shape, remove=remove, keep=keep, smooth=float(ss.get("fd_smooth", 0.0)))

    # -- 2 · filter ----------------------------------------------------------------------------
    filt = _current_filter(picked)
    res = filt.apply(mask)
    vmax, db_range = filt.display_range
    zoom = int(ss.get("fd_zoom", 1)) if not proj else 1
    spec_u8 = display.spectrum_to_uint8(res.spectrum_in, db_range, vmax=vmax)
    view = flt.overlay_mask(spec_u8, mask)
    ss["_fd_full_view"] = display.downsample_for_display(view, 512)  # the brush canvas's background
    view, yedges, xedges = _zoom_crop(view, zoom)
    view = display.downsample_for_display(view, SPECTRUM_SIDE)
    half = 0.5 / zoom

    with r1, st.container(key="fd_input_panel"):
        st.markdown(f"**{t('fd.panel.input', lang)}**")
        _jpeg(display.to_uint8(np.clip(filt.input, 0.0, 1.0)))
    with r2:
        if not painting:
            st.markdown(f"**{t('fd.panel.spectrum', lang)}**")
            fig = figs.spectrum_figure(
                view, x_edges=xedges, y_edges=yedges, half_range=half, notches=notches,
                notch_radius=float(ss["fd_notch_r"]), tool=ss["fd_tool"],
                cutoffs=() if kind == "none" else ((lo,) if band in ("lowpass", "highpass") else (lo, hi)),
                x_title=t("fd.axis.fx", lang), y_title=t("fd.axis.fy", lang), height=height, projector=proj,
            )
            chart_key = f"fd_spectrum_{ss['_fd_click_n']}"
            st.plotly_chart(
                fig, key=chart_key, on_select=functools.partial(_on_select, chart_key, picked, half),
                selection_mode=("points", "box", "lasso"), width="stretch",
                config={"displaylogo": False, "modeBarButtonsToRemove": ["toImage"]},
            )
            st.caption(t("fd.panel.spectrum_cap", lang))
    with r3, st.container(key="fd_output_panel"):
        out = res.output
        dc = float(mask[shape[0] // 2, shape[1] // 2])
        st.markdown(f"**{t('fd.panel.output', lang)}**")
        if dc >= 0.5:
            outside = float(np.mean((out < 0) | (out > 1)))
            _jpeg(display.to_uint8(np.clip(out, 0.0, 1.0)))
            if outside > 0:
                st.caption(t("fd.panel.output_plain", lang, pct=f"{100 * outside:.2f}"))
        else:
            _jpeg(display.signed_to_rgb(out, "offset"))
            st.caption(t("fd.panel.output_signed", lang, dc=f"{dc:.2f}"))

    d1, d2, d3 = st.columns([1, 1, 1.3], gap="small")
    with d1:
        diff = filt.input - res.output
        peak = float(np.abs(diff).max())
        st.markdown(f"**{t('fd.panel.diff', lang)}**")
        # at least one grey level: round-off (~1e-16) must not be stretched into visible noise
        _jpeg(display.signed_to_rgb(diff, "diverging", limit=max(peak, 1.0 / 255)))
        st.caption(t("fd.panel.diff_cap", lang, peak=f"{peak:.3g}"))
    with d2:
        st.markdown(f"**{t('fd.panel.fout', lang)}**")
        out_u8 = display.spectrum_to_uint8(res.spectrum_out, db_range, vmax=vmax)
        out_u8, _, _ = _zoom_crop(out_u8, zoom)
        _jpeg(out_u8)
        st.caption(t("fd.panel.fout_cap", lang))
    with d3:
        prof = flt.masked_radial_profiles(res.spectrum_in, mask)
        st.markdown(f"**{t('fd.radial.title', lang)}**")
        st.plotly_chart(
            figs.radial_figure(
                prof["freqs"], prof["input"], prof["output"], prof["mask"],
                names={k: t(f"fd.radial.{k}", lang) for k in ("input", "output", "mask")},
                x_title=t("fd.radial.x", lang), y_title=t("fd.radial.y", lang),
                y2_title=t("fd.radial.y2", lang), height=height - 40, projector=proj,
            ),
            key="fd_radial", config={"displayModeBar": False}, width="stretch",
        )
    st.caption(t("fd.imag", lang, imag=f"{res.imag_max:.1e}"))

    # notch list and free-hand regions
    n1, n2 = st.columns([1.4, 1], gap="large")
    with n1, st.container(key="fd_notch_list"):
        st.markdown(f"**{t('fd.notch.list', lang)}**")
        if not notches:
            st.caption(t("fd.notch.empty", lang))
        for i, (fy, fx) in enumerate(notches):
            a, b = st.columns([5, 1])
            f = float(np.hypot(fx, fy))
            a.markdown(t("fd.notch.item", lang, i=i + 1, fx=f"{fx:+.4f}", fy=f"{fy:+.4f}",
                         period=f"{1 / f:.1f}" if f > 0 else "∞"))
            b.button("✕", key=f"fd_del_{i}", on_click=_on_delete, args=(i,), help=t("fd.notch.delete", lang, i=i + 1))
    with n2:
        n_remove = sum(1 for r in regions if r[0] != "keep")
        st.caption(t("fd.free.fallback", lang))
        st.caption(t("fd.free.count", lang, remove=n_remove, keep=len(regions) - n_remove))
        if paint is not None:
            st.caption(t("fd.free.painted", lang, pct=f"{100 * paint.mean():.1f}"))
        st.button(t("fd.free.clear", lang), key="fd_free_clear", on_click=_on_clear_regions,
                  disabled=not regions and paint is None)
        st.caption(t("fd.free.not_in_link", lang))

    # -- 3 · implied kernel --------------------------------------------------------------------
    st.subheader(t("fd.sec.kernel", lang))
    if not proj:
        st.caption(t("fd.kernel.intro", lang))
    k1, k2, k3 = st.columns([1, 1.1, 1.3], gap="medium")
    with k1:
        st.slider(t("fd.crop", lang), CROP_MIN, CROP_MAX, step=2, key="fd_crop", help=t("fd.crop_help", lang))
    row_fy = notches[0][0] if notches and kind == "none" and not regions else 0.0
    rep = flt.kernel_report(mask, int(ss["fd_crop"]), row_fy=row_fy)
    k = rep.size
    with k1:
        lobe_pct = 100 * rep.negative_lobe
        m1, m2 = st.columns(2)
        m1.metric(t("fd.metric.lobe", lang), f"{lobe_pct:.1f} %", help=t("fd.metric.lobe_help", lang))
        m2.metric(t("fd.metric.crop", lang), f"{100 * rep.crop.rel_l2:.2f} %", help=t("fd.metric.crop_help", lang))
        st.metric(t("fd.metric.sum", lang), f"{rep.cropped_sum:.4f}")
        if st.button(t("fd.use", lang), key="fd_use", type="primary", help=t("fd.use_help", lang), width="stretch"):
            kernel = np.array(rep.cropped, dtype=np.float64)
            ss["custom_kernel"] = kernel
            desc = _mask_description(kind, band, lo, hi, order, len(notches), len(regions) + (paint is not None))
            ss["custom_kernel_name"] = t("fd.kernel.name", lang, mask=desc, k=k)
            st.switch_page(LAB_PAGE)
    with k2:
        st.markdown(f"**{t('fd.kernel.image', lang, k=k)}**")
        st.plotly_chart(figs.kernel_figure(rep.cropped, height=height - 60, projector=proj),
                        key="fd_kernel", config={"displayModeBar": False}, width="stretch")
        st.caption(t("fd.kernel.image_cap", lang))
    with k3:
        offsets, taps = flt.cross_section(rep.full)
        st.markdown(f"**{t('fd.kernel.cross', lang)}**")
        st.plotly_chart(
            figs.cross_section_figure(
                offsets, taps, crop_radius=k // 2,
                names={"full": t("fd.kernel.full", lang), "kept": t("fd.kernel.kept", lang)},
                x_title=t("fd.kernel.cross_x", lang),
                y_title=t("fd.kernel.cross_y", lang),
                lobe_note=f"{t('fd.kernel.lobe_note', lang)} {lobe_pct:.1f} %",
                height=height - 40, projector=proj,
            ),
            key="fd_cross", config={"displayModeBar": False}, width="stretch",
        )
    if rep.negative_lobe < -0.01:
        st.warning(t("fd.kernel.ringing", lang, pct=f"{lobe_pct:.1f}"), icon=":material/waves:")
    else:
        st.success(t("fd.kernel.smooth", lang))
    e1, e2 = st.columns([2, 1], gap="medium")
    with e1:
        st.markdown(f"**{t('fd.kernel.resp', lang, fy=f'{rep.row_fy:+.4f}')}**")
        st.plotly_chart(
            figs.response_figure(
                rep.fx, rep.mask_row, rep.crop_row,
                names={"mask": t("fd.kernel.resp_mask", lang), "crop": t("fd.kernel.resp_crop", lang, k=k)},
                x_title=t("fd.kernel.resp_x", lang), y_title=t("fd.kernel.resp_y", lang),
                height=height - 60, projector=proj,
            ),
            key="fd_resp", config={"displayModeBar": False}, width="stretch",
        )
    with e2:
        st.markdown(t("fd.kernel.crop_note", lang, k=k, rms=f"{100 * rep.crop.rel_l2:.2f}", max=f"{rep.crop.max_abs:.3f}"))
        if rep.crop.rel_l2 > 0.1:
            st.warning(t("fd.kernel.crop_bad", lang))

    # -- 4 · leakage ---------------------------------------------------------------------------
    st.subheader(t("fd.sec.leak", lang))
    st.markdown(t("fd.leak.intro", lang))
    st.radio(t("fd.window", lang), flt.WINDOWS, format_func=lambda w: t(f"fd.window.{w}", lang), key="fd_window",
             horizontal=True, help=t("fd.window_help", lang))
    leak = _leakage(picked.digest, image)
    cols = st.columns(4, gap="small")
    for i, window in enumerate(flt.WINDOWS):
        wname = t(f"fd.window.{window}", lang)
        with cols[2 * i]:
            st.markdown(f"**{t('fd.leak.tiles', lang, window=wname)}**")
            _jpeg(leak[window]["tiles"])
        with cols[2 * i + 1]:
            st.markdown(f"**{t('fd.leak.spec', lang, window=wname)}**")
            _jpeg(leak[window]["spectrum"])
            st.caption(t("fd.leak.cross", lang, db=f"{leak[window]['cross_db']:.1f}"))
    st.info(t("fd.leak.summary", lang, none=f"{leak['none']['cross_db']:.1f}", hann=f"{leak['hann']['cross_db']:.1f}"))

    with st.expander(t("fd.explain.title", lang), expanded=False):
        st.markdown(t("fd.explain.body", lang))

    state.write_query_params()


try:
    designer(picked)
except (ValueError, MemoryError) as exc:  # never a traceback
    st.error(t("fd.err.image", lang, detail=str(exc)))
