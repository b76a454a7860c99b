"""Export & share tab: the link to this exact state, and downloads (PNG, CSV, NPY, figure, snippet).

Downloads are generated only when clicked (callables), so slider moves stay cheap.  The
six-panel figure uses :func:`app.backend.panels.render_six_panel_png`, the renderer behind
the CLI's ``figure`` command.
"""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import numpy as np
import streamlit as st

from app.backend import encode_png, to_uint8
from app.backend.display import signed_display
from app.backend.panels import render_six_panel_png
from app.backend.snippet import make_snippet
from app.labs.image_lab.teaching import link_fields, sweep
from app.ui import state
from app.ui.strings import t

#: CJK fonts tried for Chinese figure titles (Pillow's default font has no CJK glyphs).
CJK_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
)
FIGURE_KEYS = ("input", "kernel", "output", "fimage", "response", "foutput")


def share_link() -> str:
    try:
        url = st.context.url or ""
    except Exception:  # noqa: BLE001 - no browser context (AppTest)
        url = ""
    parts = urlsplit(url)
    query = urlencode(state.current_query_params())
    if not parts.scheme:
        return "?" + query if query else ""
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def _font_path() -> str | None:
    for p in CJK_FONTS:
        if Path(p).exists():
            return p
    return None


def _npy(kernel: np.ndarray) -> bytes:
    buf = io.BytesIO()
    np.save(buf, np.asarray(kernel, dtype=np.float64), allow_pickle=False)
    return buf.getvalue()


def _csv(kernel: np.ndarray) -> bytes:
    k = np.asarray(kernel, dtype=np.float64)
    return ("\n".join(",".join(repr(float(v)) for v in row) for row in k) + "\n").encode()


def output_pixels(output: np.ndarray, kernel: np.ndarray, signed_mode: str, palette: str = "standard") -> np.ndarray:
    """The downloaded output: the page's display rule (and palette) at full size."""
    return signed_display(output, signed_mode, kernel_sum=float(np.sum(kernel)), palette=palette).pixels


def render(lang: str, run, kernel_name: str = "") -> None:
    ss = st.session_state
    s = run.settings
    image, kernel, output, res = run.image.image, np.array(run.kernel), run.output, run.result
    st.markdown(f"**{t('teach.exp.link', lang)}**")
    with st.container(key="teach_share_link"):
        st.code(share_link(), language=None, wrap_lines=True)
    st.caption(t("teach.exp.link_help", lang))
    if ss.get("il_source", "sample") != "sample":
        st.warning(t("teach.exp.upload_note", lang), icon=":material/info:")
    if ss.get("il_ksrc") == "custom" and max(kernel.shape) > link_fields.LINK_MAX_SIDE and not str(ss.get("il_kedit", "")).startswith("ideal:"):
        st.warning(t("teach.exp.kernel_note", lang, n=link_fields.LINK_MAX_SIDE), icon=":material/info:")

    st.markdown(f"**{t('teach.exp.downloads', lang)}**")
    font = _font_path() if lang == "zh" else None
    titles = [t(f"teach.fig.{k}", lang) for k in FIGURE_KEYS] if (lang == "en" or font) else None

    def output_png() -> bytes:
        return encode_png(output_pixels(output, kernel, s.signed_mode, s.palette))

    def input_png() -> bytes:
        return encode_png(to_uint8(image))

    def figure_png() -> bytes:
        return render_six_panel_png(
            image, kernel, output, res.image_spectrum, res.response, res.output_spectrum,
            titles=titles, dynamic_range_db=float(s.db), signed_mode=s.signed_mode, font_path=font,
            palette=s.palette,
        )

    def snippet() -> str:
        return make_snippet(kernel, boundary=s.boundary, correlate=s.correlate, colour=image.ndim == 3, kernel_name=kernel_name)

    buttons = (
        ("output", output_png, "convscope_output.png", "image/png"),
        ("figure", figure_png, "convscope_figure.png", "image/png"),
        ("kernel_csv", lambda: _csv(kernel), "kernel.csv", "text/csv"),
        ("kernel_npy", lambda: _npy(kernel), "kernel.npy", "application/octet-stream"),
        ("input", input_png, "input.png", "image/png"),
        ("snippet", snippet, "convscope_snippet.py", "text/x-python"),
    )
    cols = st.columns(3)
    for i, (name, data, file_name, mime) in enumerate(buttons):
        cols[i % 3].download_button(
            t(f"teach.exp.{name}", lang), data=data, file_name=file_name, mime=mime,
            key=f"teach_dl_{name}", on_click="ignore", width="stretch", icon=":material/download:",
        )
    st.caption(t("teach.exp.output_note", lang))
    with st.expander(t("teach.exp.snippet", lang)):
        st.code(snippet(), language="python")
    sweep.render(lang, run)
