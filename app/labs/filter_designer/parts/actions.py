"""What the Filter Designer's buttons and chart selections do (callbacks: they run before the
fragment redraws). Session-only state (too big for a link) is named here once."""

from __future__ import annotations

import streamlit as st

from app.backend import filtering as flt
from app.backend import spectrum_reading
from app.labs.filter_designer import figures as figs
from app.labs.filter_designer import pipeline
from app.labs.filter_designer.parts import design
from app.labs.filter_designer.schema import SCHEMA
from app.ui import page, shell
from app.ui.image_picker import PickedImage
from app.ui.spectrum_readout import readout_at
from app.ui.strings import t

REGIONS = "fd_regions"  # free-hand lasso regions
PAINT = "fd_paint"  # brush strokes: a bool array on the image's frequency grid
CLICKS = "_fd_click_n"  # handled chart events: a new chart key after each
MESSAGE = "_fd_msg"  # (kind, text) shown once above the results
LAST_GOOD = "_fd_mask_last_good"  # the last parametric mask that could be built
CANVAS_BG = "_fd_canvas_bg"  # the brush canvas's background (None: rebuild it)
PAINT_BASE = "_fd_paint_base"  # painting of earlier brush sessions
FULL_VIEW = "_fd_full_view"  # the spectrum with the mask, for the canvas background
CANVAS_V = "_fd_canvas_v"  # canvas generation: a new one after a clear
LAB_PAGE = "labs/image_lab/view.py"


def start() -> None:
    """Session-only defaults (once per session)."""
    ss = st.session_state
    ss.setdefault(REGIONS, ())
    ss.setdefault(PAINT, None)
    ss.setdefault(CLICKS, 0)


def say(kind: str, text: str) -> None:
    st.session_state[MESSAGE] = (kind, text)


def add_notches(new: list[design.Notch]) -> int:
    """Add ``new`` notches to the design (no duplicates); returns how many were added."""
    s = page.current(SCHEMA)
    notches, added, full = design.add_notches(s.notches, new, s.notch_r)
    if full:
        say("warning", t("fd.notch.full", shell.lang(), n=flt.MAX_NOTCHES))
    st.session_state["fd_notches"] = notches
    return added


def on_detect(picked: PickedImage) -> None:
    spec = pipeline.filter_for(picked, page.current(SCHEMA).window).spectrum
    peaks = spectrum_reading.detect_peaks(spec, count=6)
    if not peaks:
        say("info", t("fd.detect.none", shell.lang()))
        return
    n = add_notches(peaks)
    st.session_state.setdefault(MESSAGE, ("success", t("fd.detect.found", shell.lang(), n=n)))


def on_clear_notches() -> None:
    st.session_state["fd_notches"] = ()


def on_delete(i: int) -> None:
    notches = list(page.current(SCHEMA).notches)
    if 0 <= i < len(notches):
        del notches[i]
    st.session_state["fd_notches"] = tuple(notches)


def on_clear_regions() -> None:
    ss = st.session_state
    ss[REGIONS] = ()
    ss[PAINT] = ss[PAINT_BASE] = None
    ss[CANVAS_BG] = None  # a fresh, empty canvas


def on_select(chart_key: str, picked: PickedImage, half_range: float) -> None:
    """A click (notch) or lasso/box (free-hand region) on the spectrum."""
    ss = st.session_state
    s = page.current(SCHEMA)
    polys, point = design.selection(ss.get(chart_key), lambda v: figs.from_grid(v, half_range))
    if polys:
        mode = "keep" if s.tool == "keep" else "remove"
        ss[REGIONS] = tuple(ss.get(REGIONS, ())) + tuple((mode, tuple(xs), tuple(ys)) for xs, ys in polys)
    elif point is not None:
        shape = picked.image.shape[:2]
        if design.is_dc(point, shape):
            say("info", t("fd.notch.dc", shell.lang()))
        else:
            fy, fx = point
            if s.snap:
                step = 2.0 * half_range / (figs.CLICK_GRID - 1)
                spectrum = pipeline.filter_for(picked, s.window).spectrum
                fy, fx = spectrum_reading.snap_to_peak(spectrum, fy, fx, radius=max(1.6 * step, 2.5 / min(shape)))
            if add_notches([(fy, fx)]):  # what the clicked point is: the same readout as the Fourier Lab's
                lang = shell.lang()
                say("success", t("fd.notch.added", lang, fx=f"{fx:.4f}", fy=f"{fy:.4f}") + "  \n"
                    + readout_at(shape, fy, fx, lang))
    else:
        return
    ss[CLICKS] = ss.get(CLICKS, 0) + 1  # a fresh chart: the next click is a new event


def use_as_kernel(kernel, name: str) -> None:
    """Send the designed kernel to the Image Lab (typed hand-off) and open it."""
    page.hand_over(page.DesignedKernel(kernel, name))
    st.switch_page(LAB_PAGE)

