"""One display rule, one kernel renderer: every surface shows the same output with the same pixels.

The surfaces: the Image Lab page (:func:`app.labs.image_lab.pipeline.display_output`), the compare tab
(:func:`app.labs.image_lab.teaching.compare.output_pixels`), the export's PNG
(:func:`app.labs.image_lab.teaching.export.output_pixels`), and the CLI's ``convolve`` PNG and ``figure``
output panel, read back from disk.  The output itself is the CLI's raw ``.npy`` output, so
every surface is given the very same array.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
from PIL import Image

import kernels
from app import cli
from app.backend.display import DISPLAY_RULES
from app.backend.panels import kernel_panel, panel_origin
from app.labs.image_lab import pipeline as lab
from app.labs.image_lab.teaching import compare, export
from app.ui.image_picker import PickedImage

SIDE = 64  # ≤ every surface's display size: no surface downsamples
KERNELS = {"gaussian": ("--param", "sigma=1.5"), "laplacian": (), "sobel_x": (), "sharpen": ()}
INPUTS = {"grey": ("sample:camera", "--gray"), "colour": ("sample:astronaut",)}


def _rgb(u8: np.ndarray) -> np.ndarray:
    return np.repeat(u8[..., None], 3, axis=2) if u8.ndim == 2 else u8


def _read_png(path) -> np.ndarray:
    return np.asarray(Image.open(path))


def _cli(*args: str) -> None:
    assert cli.main([*map(str, args), "--force"]) == 0  # one output file per kind, rewritten per case


@pytest.fixture(scope="module")
def cases(tmp_path_factory):
    """(input, kernel name) -> (kernel, output .npy, the CLI's own pixels per mode)."""
    d = tmp_path_factory.mktemp("surfaces")
    out = {}
    for src, src_args in INPUTS.items():
        for name, params in KERNELS.items():
            common = (*src_args, "--long-side", SIDE, "--kernel", name, *params)
            _cli("convolve", *common, "--out", d / "o.npy")
            _cli("kernel", name, *params, "--out", d / "k.npy")
            pngs, panels = {}, {}
            for mode in DISPLAY_RULES:
                _cli("convolve", *common, "--signed", mode, "--out", d / "o.png")
                pngs[mode] = _read_png(d / "o.png")
                _cli("figure", *common, "--signed", mode, "--panel", SIDE, "--out", d / "f.png")
                panels[mode] = np.asarray(Image.open(d / "f.png").convert("RGB"))
            out[src, name] = (np.load(d / "k.npy"), np.load(d / "o.npy"), pngs, panels)
    return out


@pytest.mark.parametrize("mode", DISPLAY_RULES)
@pytest.mark.parametrize("name", KERNELS)
@pytest.mark.parametrize("src", INPUTS)
def test_every_surface_shows_the_same_pixels(cases, src, name, mode):
    kernel, output, pngs, figures = cases[src, name]
    assert max(output.shape[:2]) == SIDE
    ksum = float(kernel.sum())
    page = lab.display_output(output, mode, kernel_sum=ksum).pixels
    picked = PickedImage(output, src, "", "sample", False, output.shape)
    run = lab.LabRun(picked, kernel, SimpleNamespace(output=output), lab.LabSettings(signed_mode=mode), None)
    surfaces = {
        "compare tab": compare.output_pixels(run),
        "export": export.output_pixels(output, kernel, mode),
        "cli convolve": pngs[mode],
    }
    for where, pixels in surfaces.items():
        assert np.array_equal(pixels, page), (where, src, name, mode)
    h, w = output.shape[:2]
    x0, y0 = panel_origin(2, SIDE)
    x0, y0 = x0 + (SIDE - w) // 2, y0 + (SIDE - h) // 2
    assert np.array_equal(figures[mode][y0:y0 + h, x0:x0 + w], _rgb(page)), ("cli figure", src, name, mode)


@pytest.mark.parametrize("name", KERNELS)
def test_every_surface_draws_the_same_kernel(cases, name):
    kernel = cases["grey", name][0]
    x0, y0 = panel_origin(1, SIDE)
    expected = kernel_panel(kernel, side=SIDE)
    h, w = expected.shape[:2]
    x0, y0 = x0 + (SIDE - w) // 2, y0 + (SIDE - h) // 2
    figure = cases["grey", name][3]["auto"]
    assert np.array_equal(figure[y0:y0 + h, x0:x0 + w], expected)


def test_the_modes_differ_where_they_should(cases):
    """Not vacuous: a Laplacian's output is signed, and the five rules give four different pictures."""
    pngs = cases["grey", "laplacian"][2]
    distinct = {pngs[m].tobytes() for m in ("diverging", "abs", "offset", "clip")}
    assert len(distinct) == 4 and np.array_equal(pngs["auto"], pngs["diverging"])
    assert np.array_equal(cases["grey", "sharpen"][2]["auto"], cases["grey", "sharpen"][2]["clip"])
    gauss = cases["grey", "gaussian"][2]
    assert all(np.array_equal(gauss[m], gauss["auto"]) and gauss[m].ndim == 2 for m in DISPLAY_RULES)


def test_the_colour_safe_palette_reaches_the_page_compare_tab_and_export():
    kernel = kernels.make("laplacian")
    output = np.random.default_rng(3).normal(size=(48, 48))  # signed: the diverging map
    page = lab.display_output(output, "auto", kernel_sum=0.0, palette="colour_safe").pixels
    picked = PickedImage(output, "noise", "", "sample", False, output.shape)
    settings = lab.LabSettings(palette="colour_safe")
    run = lab.LabRun(picked, kernel, SimpleNamespace(output=output), settings, None)
    assert np.array_equal(compare.output_pixels(run), page)
    assert np.array_equal(export.output_pixels(output, kernel, "auto", "colour_safe"), page)
    assert not np.array_equal(lab.display_output(output, "auto", kernel_sum=0.0).pixels, page)


def test_the_inspector_grids_follow_the_palette():
    from app.labs.image_lab.teaching import figures as grids

    k = np.array([[-1.0, 0.0, 1.0]])
    from app.backend.colormaps import diverging_lut

    # the grids end on the very colours every other kernel picture uses for its largest positive tap
    for p in ("standard", "colour_safe"):
        end = grids.grid_figure(k, palette=p).data[0].colorscale[-1][1]
        assert end == "rgb({}, {}, {})".format(*diverging_lut(p)[-1])
