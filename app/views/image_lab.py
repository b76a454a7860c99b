"""The Image Lab: spatial convolution next to the spectra — f ∗ h ↔ F · H.

Flow: image (sidebar, full rerun) → kernel picker (fragment) → compute (cached per-image FFT)
→ st.tabs([main view, boundary & wrap-around, ...]). Only the fragment reruns on a slider move.

Slots for the teaching tools (issue 4):
* a kernel source choice (catalogue / edit / draw) goes right after ``kernel_picker`` and may
  replace ``kernel`` — see ``# SLOT: kernel source``;
* more tabs: append to ``TABS`` and add a ``with tabs[...]`` block — see ``# SLOT: tabs``;
* everything a tab needs is in ``run`` (:class:`app.ui.image_lab_run.LabRun`).
"""

from __future__ import annotations

import numpy as np
import streamlit as st

import kernels
from app.backend import display, panels
from app.ui import shell, state, teaching, widgets
from app.ui import image_lab_run as lab
from app.ui.figures import image_lab as figs
from app.ui.image_lab_schema import BOUNDARIES, DB_RANGES, SCHEMA, SIGNED_MODES
from app.ui.strings import t

lang = shell.lang()
proj = shell.projector()
rejected = state.sync_query_params(SCHEMA)

st.title(t("il.title", lang))
st.caption(t("app.tagline", lang))
if rejected:
    st.info(t("state.rejected", lang, keys=", ".join(rejected)))
messages = st.container()
# static per language: outside the fragment, so a slider move does not redraw it
with st.expander(t("il.explain.title", lang), expanded=False):
    st.latex(r"(f * h)[n] = \sum_m f[m]\, h[n-m] \quad\Longleftrightarrow\quad \mathcal{F}\{f * h\} = F \cdot H")
    st.markdown(t("il.explain.body", lang))

# ---- image (sidebar; a change reruns the whole page) ------------------------------------------
with st.sidebar:
    st.subheader(t("il.side.image", lang))
    picked = widgets.image_picker(
        lang, key="il", allow_size=not proj, allow_camera=not proj, publish=True, messages=messages
    )
    if picked.source == "upload" and st.session_state.get("il_source") == "upload":
        st.caption(t("state.upload_not_in_link", lang))

KERNEL_SIDE = 360 if proj else 300
TABS = ["main", "boundary"]  # SLOT: tabs — issue 4 appends "inspector", "compare", "export", "lessons"


def _settings(name: str, params: dict) -> lab.LabSettings:
    ss = st.session_state
    return lab.LabSettings(
        kernel_name=name,
        family=kernels.family(name),
        params=dict(params),
        boundary=ss.get("il_boundary", "reflect"),
        correlate=bool(ss.get("il_correlate", False)),
        signed_mode=ss.get("il_signed", "auto") if not proj else "auto",
        shared_scale=bool(ss.get("il_shared", True)),
        db=int(ss.get("il_db", 100)),
        projector=proj,
    )


def _convolution_settings() -> None:
    """Boundary, convolution/correlation and display options (sidebar: they change rarely, so
    they stay out of the fragment that reruns on every kernel-slider move)."""
    st.subheader(t("il.side.settings", lang))
    st.radio(
        t("il.boundary", lang),
        BOUNDARIES,
        format_func=lambda b: t(f"il.boundary.{b}", lang),
        key="il_boundary",
        horizontal=True,
        help=t("il.boundary_help", lang),
    )
    st.caption(t(f"il.boundary.{st.session_state['il_boundary']}.explain", lang))
    st.toggle(t("il.correlate", lang), key="il_correlate")
    st.caption(t("il.correlate_explain", lang))
    if not proj:
        with st.expander(t("il.display", lang), expanded=False):
            st.selectbox(
                t("il.signed", lang),
                SIGNED_MODES,
                format_func=lambda m: t(f"il.signed.{m}", lang),
                key="il_signed",
                help=t("il.signed_help", lang),
            )
            st.toggle(t("il.shared", lang), key="il_shared", help=t("il.shared_help", lang))
            st.select_slider(t("il.db", lang), DB_RANGES, key="il_db", help=t("il.db_help", lang))
            if picked.is_colour:
                st.toggle(t("il.perchan", lang), key="il_perchan", help=t("il.perchan_help", lang))


def _controls() -> widgets.PickedKernel:
    st.subheader(t("il.side.kernel", lang))
    pk = widgets.kernel_picker(lang, key="il")
    if pk.error:
        st.error(t("il.err.kernel", lang, detail=pk.error))
    pk = teaching.apply_kernel_source(lang, pk)  # issue 4: catalogue / my kernel (edited, drawn, designer)
    return pk


def _clean(v: float) -> float:
    """Round floating-point dust (a Laplacian's sum 1.7e-16) to the value a class expects (0)."""
    return 0.0 if abs(v) < 1e-9 else float(v)


def _panel_title(key: str, **fmt) -> None:
    st.markdown(f"**{t(key, lang, **fmt)}**")


def _explain(caption_key: str, extra: str = "") -> None:
    text = extra if proj else (t(caption_key, lang) + (" " + extra if extra else ""))
    if text:
        st.caption(text)


def _image(pixels: np.ndarray, quality: int = 88) -> None:
    st.image(display.encode_jpeg(pixels, quality), width="stretch", output_format="JPEG")


def _output_caption(od: lab.OutputDisplay) -> str:
    rng = t("il.out.range", lang, lo=f"{_clean(od.lo):.3g}", hi=f"{_clean(od.hi):.3g}")
    if od.mode == "plain":
        return rng + " " + t("il.out.mode.plain", lang)
    note = rng + " " + t(f"il.out.mode.{od.mode}", lang)
    if od.mode == "diverging":
        note += " " + t("il.out.saturate", lang, lim=f"{od.limit:.3g}", pct=f"{100 * od.clipped_fraction:.1f}")
    return note


def _main_tab(run: lab.LabRun) -> None:
    s = run.settings
    picked_img = run.image
    spec_px = lab.spectra_uint8(run, ("response", "output"))
    fpx = 26 if proj else 21  # the 384-px panels are shown at ~230–450 px: ticks come out at ~12–16 px
    input_jpeg, fin_jpeg = lab.static_panels(run, fpx)
    od = lab.display_output(run.output, s.signed_mode, s.family, kernel_sum=float(run.kernel.sum()))

    c1, c2, c3 = st.columns(3, gap="small")
    with c1:
        _panel_title("il.panel.input")
        with st.container(key="il_in_panel"):
            st.image(input_jpeg, width="stretch", output_format="JPEG")
        h, w = picked_img.image.shape[:2]
        note = t("il.panel.size", lang, w=w, h=h)
        if picked_img.resized:
            oh, ow = picked_img.original_shape[:2]
            note = t("il.pick.resized", lang, ow=ow, oh=oh, w=w, h=h, size=st.session_state.get("il_size", 512))
        with st.container(key="il_in_caption"):
            _explain("il.panel.input_cap", note)
    with c2:
        kh, kw = run.kernel.shape
        _panel_title("il.panel.kernel")
        st.image(display.encode_png(panels.kernel_panel(run.kernel, side=KERNEL_SIDE)), width="stretch",
                 output_format="PNG")
        _explain("il.panel.kernel_cap", t("il.panel.kernel_info", lang, kh=kh, kw=kw, total=f"{_clean(run.kernel.sum()):.4g}"))
    with c3:
        _panel_title("il.panel.output")
        with st.container(key="il_out_panel"):
            _image(od.pixels)
        _explain("il.panel.output_cap", _output_caption(od))
        if od.mode == "clip":
            st.warning(t("il.out.clip_note", lang, pct=f"{100 * od.clipped_fraction:.1f}"))
    d1, d2, d3 = st.columns(3, gap="small")
    with d1:
        _panel_title("il.panel.fin")
        st.image(fin_jpeg, width="stretch", output_format="JPEG")
        _explain("il.panel.fin_cap")
    with d2:
        _panel_title("il.panel.h")
        _image(panels.spectrum_panel(spec_px["response"], font_px=fpx), quality=85)
        _explain("il.panel.h_cap")
    with d3:
        _panel_title("il.panel.fout")
        _image(panels.spectrum_panel(spec_px["output"], font_px=fpx), quality=85)
        _explain("il.panel.fout_cap")
    st.caption(t("il.spectra.scale_shared" if s.shared_scale else "il.spectra.scale_own", lang, db=s.db)
               + " " + t("il.spectra.axes", lang))
    if picked_img.is_colour and st.session_state.get("il_perchan") and not proj:
        _per_channel_spectra(run, fpx)

    # radial profile, family named
    fam_label = kernels.FAMILY_LABELS[s.family][lang]
    band = kernels.expected_band(s.kernel_name)
    band_note = t("il.radial.band", lang, band=kernels.BAND_LABELS[band][lang])
    title = f"#### {t('il.radial.title', lang, family=fam_label)}"
    st.markdown(title if proj else f"{title}\n:gray[{t('il.radial.read', lang)}]")
    svg = _radial_svg(lab.radial_profiles(run), band_note)
    with st.container(key="il_radial"):
        st.image(svg, width="stretch")
    r1, r2 = st.columns([1.3, 3], gap="medium", vertical_alignment="center")
    with r1:
        st.metric(t("il.hf.label", lang), f"{100 * run.hf_ratio:.1f} %", help=t("il.hf.help", lang))
    with r2:
        _theorem(run)


def _per_channel_spectra(run: lab.LabRun, fpx: int) -> None:
    """Input and output spectra of each colour channel (on request: three more FFT pairs)."""
    st.markdown(f"**{t('il.perchan.title', lang)}**")
    cols = st.columns(3, gap="small")
    for c, (col, name) in enumerate(zip(cols, ("r", "g", "b"))):
        fin, fout = lab.channel_spectra(run, c, fpx)
        with col:
            st.caption(t(f"il.chan.{name}", lang))
            st.image(fin, width="stretch", output_format="JPEG", caption=t("il.perchan.in", lang))
            st.image(fout, width="stretch", output_format="JPEG", caption=t("il.perchan.out", lang))


def _radial_svg(prof: dict, band_note: str) -> str:
    """The radial chart as an SVG image (a browser redraws it far faster than a plotly chart)."""
    return figs.radial_svg(
        prof,
        names={"image": t("il.radial.image", lang), "response": t("il.radial.h", lang),
               "output": t("il.radial.output", lang)},
        x_title=t("il.radial.x", lang),
        y_title=t("il.radial.y", lang),
        band_note=band_note,
        width=760,
        height=380 if proj else 320,
        projector=proj,
    )


def _theorem(run: lab.LabRun) -> None:
    grid = run.result.grid
    method = t("il.theorem.method", lang, n1=grid[0], n2=grid[1])
    full = True if st.session_state.pop("_il_full_check", False) else None
    chk = lab.theorem_check(run, full=full)
    where = t("il.theorem.all", lang, n=chk.pixels) if chk.full else t("il.theorem.sampled", lang, n=chk.pixels)
    st.success(t("il.theorem.result2", lang, err=f"{chk.error:.1e}", method=method, where=where),
               icon=":material/check_circle:")
    if not chk.full and not proj:
        st.button(t("il.theorem.run", lang), key="il_theorem_btn",
                  on_click=lambda: st.session_state.__setitem__("_il_full_check", True))


def _boundary_tab(run: lab.LabRun) -> None:
    s = run.settings
    st.markdown(t("il.wrap.intro", lang))
    diff, other, peak = lab.wrap_difference(run)
    b1, b2 = st.columns([1, 1], gap="medium")
    with b1:
        _panel_title("il.wrap.diff_title", this=t(f"il.boundary.{s.boundary}", lang),
                     other=t(f"il.boundary.{other}", lang))
        _image(lab.difference_pixels(diff))
        st.caption(t("il.wrap.diff_cap", lang, peak=f"{peak:.3g}"))
    with b2:
        for b in BOUNDARIES:
            mark = "▶ " if b == s.boundary else ""
            st.markdown(f"{mark}**{t(f'il.boundary.{b}', lang)}** — {t(f'il.boundary.{b}.explain', lang)}")
        st.info(t("il.wrap.tip", lang))


def _is_open(tab) -> bool:
    """True unless Streamlit says the tab is closed (state tracking on)."""
    return getattr(tab, "open", None) is not False


@st.fragment
def kernel_and_views() -> None:
    ctrl, main = st.columns([1.25, 4] if proj else [1, 3.2], gap="medium")
    with ctrl:
        pk = _controls()
    kernel = pk.kernel
    settings = _settings(pk.name, pk.params)
    with main:
        try:
            run = lab.compute(picked, kernel, settings)
        except ValueError as exc:  # e.g. a kernel larger than a tiny uploaded image
            st.error(t("il.err.compute", lang, detail=str(exc)))
            state.write_query_params()
            return
        tabs = st.tabs([t(f"il.tab.{name}", lang) for name in TABS] + teaching.tab_labels(lang),
                       key="il_tab", on_change="rerun")
        # only the open tab is drawn: a slider move then costs one view, not all of them
        with tabs[0]:
            if _is_open(tabs[0]):
                _main_tab(run)
        with tabs[1]:
            if _is_open(tabs[1]):
                _boundary_tab(run)
        teaching.render_tabs(tabs[len(TABS):], lang, run, projector=proj)  # issue 4: teaching tabs
    state.write_query_params()


with st.sidebar:
    _convolution_settings()
kernel_and_views()
