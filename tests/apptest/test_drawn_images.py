"""What the Image Lab draws, read from the image bytes the page sends (not from the compute step).

AppTest keeps each run's ``st.image`` files in an in-memory media store; the tests capture that
store, decode the output panel's JPEG and compare it with the display rule recomputed
independently (scipy for the convolution, the rule's definition for the colours). A display bug
(a limit from ``max(x)`` instead of ``max|x|``, negatives drawn black) fails here even when the
computed numbers are right.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image
from scipy import ndimage
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import app_test

import kernels
from app.backend.colormaps import diverging_lut
from app.backend.display import SATURATE_PERCENTILE
from app.backend.images import load_sample, working_copy
from app.ui.strings import t
from tests.apptest.helpers import open_lab

SIZE = 512  # the Image Lab's default working size (the output panel is drawn at full size)


@pytest.fixture
def media(monkeypatch) -> list[MemoryMediaFileStorage]:
    """The media stores AppTest creates (one per run): the last one holds what the page just sent."""
    stores: list[MemoryMediaFileStorage] = []

    class Recording(MemoryMediaFileStorage):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            stores.append(self)

    monkeypatch.setattr(app_test, "MemoryMediaFileStorage", Recording)
    return stores


def _drawn(at, stores, title: str, lang: str = "en") -> np.ndarray:
    """The pixels of the panel whose image is titled ``title``, decoded from the bytes sent."""
    urls = [im.url for el in at.get("image") for im in el.proto.imgs if im.alt.startswith(title + t("a11y.join", lang).strip()[:1])]
    assert len(urls) == 1, urls
    data = stores[-1].get_file(urls[0].rsplit("/", 1)[-1]).content
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"), dtype=float)


def _camera() -> np.ndarray:
    return working_copy(load_sample("camera"), SIZE).image


def _output_panel(at, stores) -> np.ndarray:
    assert not at.exception
    rgb = _drawn(at, stores, t("il.panel.output", "en"))
    assert rgb.shape == (SIZE, SIZE, 3)
    return rgb


def test_an_edge_detectors_negative_side_is_drawn_blue_and_its_positive_side_red(media):
    at = open_lab("image_lab", link={"il_family": "directional", "il_kernel": "sobel_x"})
    rgb = _output_panel(at, media)
    y = ndimage.convolve(_camera(), kernels.make("sobel_x"), mode="reflect")  # reflect = "dcba|abcd"
    lim = np.percentile(np.abs(y), SATURATE_PERCENTILE)
    neg, pos, zero = y < -0.5 * lim, y > 0.5 * lim, np.abs(y) < 0.01 * lim
    assert neg.sum() > 500 and pos.sum() > 500 and zero.sum() > 500
    r, b = rgb[..., 0], rgb[..., 2]
    assert (b[neg] - r[neg]).mean() > 60  # blue, not black
    assert rgb[neg].mean() > 40
    assert (r[pos] - b[pos]).mean() > 60  # red
    assert rgb[zero].mean() > 200  # zero: the neutral near-white
    # the whole picture: the diverging rule recomputed, within JPEG's error
    lut = diverging_lut("standard").astype(float)
    want = lut[np.floor(127 * np.clip(y / lim, -1, 1) + 127.5).astype(int)]
    assert np.abs(rgb - want).mean() < 6


@pytest.mark.parametrize("mode", ["abs", "offset"])
def test_a_mostly_negative_output_is_scaled_by_its_largest_magnitude(media, mode):
    """The kernel [[-2]] gives −2·f (all values ≤ 0): abs shows |y| / max|y|, offset 0.5 + y / (2 max|y|)."""
    at = open_lab("image_lab", link={"il_ksrc": "custom", "il_kedit": "-2", "il_signed": mode})
    rgb = _output_panel(at, media)
    y = -2.0 * _camera()
    lim = np.abs(y).max()
    grey = np.abs(y) / lim if mode == "abs" else 0.5 + y / (2 * lim)
    want = np.floor(255 * grey + 0.5)
    assert np.abs(rgb.mean(axis=2) - want).mean() < 3
    assert np.abs(rgb[..., 0] - rgb[..., 2]).max() < 12  # grey: no colour


def test_a_mostly_negative_output_in_the_diverging_map_is_blue_where_the_input_is_bright(media):
    at = open_lab("image_lab", link={"il_ksrc": "custom", "il_kedit": "-2", "il_signed": "diverging"})
    rgb = _output_panel(at, media)
    f = _camera()
    bright, dark = f > 0.7, f < 0.05
    assert bright.sum() > 500 and dark.sum() > 500
    assert (rgb[bright][:, 2] - rgb[bright][:, 0]).mean() > 60  # −2·(bright) is strongly negative: blue
    assert rgb[dark].mean() > 200  # ≈ 0: near-white, never black


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_boundary_tab_draws_the_reflect_minus_wrap_difference(media, lang):
    """The second tab: its caption states the largest difference and its picture is that difference
    in the diverging map (reflect − wrap of the opening 15×15, σ 3 Gaussian, recomputed with scipy)."""
    at = open_lab("image_lab", lang=lang, il_tab=t("il.tab.boundary", lang))
    assert not at.exception
    f, k = _camera(), kernels.make("gaussian", size=15, sigma=3.0)
    diff = ndimage.convolve(f, k, mode="reflect") - ndimage.convolve(f, k, mode="wrap")
    peak = np.abs(diff).max()
    title = t("il.wrap.diff_title", lang, this=t("il.boundary.reflect", lang), other=t("il.boundary.wrap", lang))
    captions = [im.caption for el in at.get("image") for im in el.proto.imgs if im.alt.startswith(title + t("a11y.join", lang).strip()[:1])]
    assert len(captions) == 1 and f"{peak:.3g}" in captions[0], (captions, peak)
    rgb = _drawn(at, media, title, lang)
    assert rgb.shape[:2] == diff.shape
    neg, pos, zero = diff < -0.3 * peak, diff > 0.3 * peak, np.abs(diff) < 1e-3 * peak
    assert neg.sum() > 50 and pos.sum() > 50 and zero.sum() > 10_000
    assert (rgb[neg][:, 2] - rgb[neg][:, 0]).mean() > 40  # negative: blue
    assert (rgb[pos][:, 0] - rgb[pos][:, 2]).mean() > 40  # positive: red
    assert rgb[zero].mean() > 200  # the middle of the image: no difference, near-white
