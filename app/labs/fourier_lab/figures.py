"""The Fourier Lab's plotly figures: the reconstruction's PSNR curve and the Wiener error curve."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from app.labs.fourier_lab.pipeline import Build, Deconv
from app.ui.a11y import alt_text
from app.ui.figures import SERIES_COLORS, style_line_figure
from app.ui.format import count, number
from app.ui.strings import t


def psnr_figure(options: tuple[int, ...], curve: np.ndarray, b: Build, lang: str, projector: bool) -> go.Figure:
    """PSNR against K (log x); the current reconstruction marked (K = all is exact: off the chart)."""
    y = np.where(np.isfinite(curve), curve, np.nan)
    fig = go.Figure(go.Scatter(x=list(options), y=y, mode="lines+markers", name=t("fl.build.curve_name", lang),
                               line={"color": SERIES_COLORS[0]}, marker={"size": 4}))
    fig.add_vline(x=b.kept, line={"dash": "dash", "color": SERIES_COLORS[1]})
    if not b.exact:
        fig.add_trace(go.Scatter(x=[b.kept], y=[b.psnr], mode="markers", name=t("fl.build.now", lang),
                                 marker={"size": 11, "color": SERIES_COLORS[1]}))
    style_line_figure(fig, x_title=t("fl.build.k_axis", lang), y_title="PSNR (dB)", height=300, projector=projector)
    fig.update_xaxes(type="log")
    return fig


def wiener_figure(d: Deconv, k: float, lang: str, projector: bool) -> go.Figure:
    """Restoration RMSE against K (log x), the current K and the searched optimum marked."""
    fig = go.Figure(go.Scatter(x=d.ks, y=d.curve, mode="lines", name=t("fl.dec.curve_name", lang),
                               line={"color": SERIES_COLORS[0]}))
    fig.add_vline(x=k, line={"dash": "dash", "color": SERIES_COLORS[1]})
    fig.add_trace(go.Scatter(x=[d.best.k], y=[d.best.rmse], mode="markers", name=t("fl.dec.best_name", lang),
                             marker={"size": 13, "symbol": "star", "color": SERIES_COLORS[2]}))
    style_line_figure(fig, x_title="K", y_title=t("fl.dec.rmse_axis", lang), height=300, projector=projector)
    fig.update_xaxes(type="log", exponentformat="power")
    return fig


def psnr_alt(b: Build, lang: str) -> str:
    """The PSNR-vs-K chart's text alternative, with the live K and PSNR."""
    psnr = t("fl.build.exact", lang) if b.exact else f"{number(b.psnr, 4)} dB"
    return alt_text(t("fl.build.psnr", lang), lang, note=(f"K = {count(b.kept)}: {psnr}", t("fl.build.curve_cap", lang)))


def wiener_alt(d: Deconv, lang: str) -> str:
    """The RMSE-vs-K chart's text alternative, with the best K and its RMSE."""
    best = t("fl.dec.best", lang, k=number(d.best.k, 3), rmse=number(d.best.rmse, 4), n=d.best.evaluations)
    return alt_text(t("fl.dec.curve_name", lang), lang, note=best)
