"""The Filter Designer's cached per-image work, keyed on the image's digest (never its pixels)."""

from __future__ import annotations

import numpy as np
import streamlit as st

from app.backend import display, spectrum_reading
from app.backend import filtering as flt
from app.ui.cache import ByteBudgetCache, cache_budget
from app.ui.image_picker import PickedImage

_HASH = {PickedImage: lambda p: p.digest}
LEAK_SIDE = 512  # px of the leakage panels


# shared by all sessions, sized in bytes (a 2048 px colour image's filter holds 256 MB, a 512 px grey one 8 MB)
FILTERS: ByteBudgetCache[flt.FrequencyFilter] = ByteBudgetCache(
    cache_budget("CONVSCOPE_FILTER_CACHE_MB"), sizeof=lambda f: f.nbytes
)


def filter_for(picked: PickedImage, window: str) -> flt.FrequencyFilter:
    """The image's FFT (through ``window``), ready to apply masks."""
    return FILTERS.get_or_make((picked.digest, window), lambda: flt.FrequencyFilter(picked.image, window=window))


@st.cache_data(max_entries=6, show_spinner=False, hash_funcs=_HASH)
def leakage(picked: PickedImage) -> dict[str, dict]:
    """Per window: the image tiled 2×2 (the periodic image the DFT sees), its spectrum on one
    shared scale (a fair comparison), and the leakage cross's level in dB."""
    out: dict = {}
    specs = {window: flt.centred_spectrum(picked.image, window) for window in flt.WINDOWS}
    vmax, dr = flt.display_range(specs["none"])
    for window, spec in specs.items():
        x = flt.apply_window(picked.image, window)
        tiles = np.tile(x, (2, 2, 1) if x.ndim == 3 else (2, 2))
        out[window] = {
            "tiles": display.downsample_for_display(display.to_uint8(np.clip(tiles, 0, 1)), LEAK_SIDE),
            "spectrum": display.downsample_for_display(display.spectrum_to_uint8(spec, dr, vmax=vmax), LEAK_SIDE),
            "cross_db": spectrum_reading.axis_cross_db(spec),
        }
    return out
