"""The Image Lab's pipeline on pixel-level demos: a 1×1 or 8×8 upload with a 15×15 kernel.

The upload goes through the real resolver (:func:`app.ui.image_picker.resolve_image`), then through
everything the page draws from a run (spectra, panels, radial profiles, theorem check, the
boundary tab); the output must equal scipy.ndimage with the matching mode.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image
from scipy import ndimage

import kernels
from app.labs.image_lab import pipeline as lab
from app.ui import image_picker

NDIMAGE_MODE = {"reflect": "reflect", "zero": "constant", "wrap": "wrap", "nearest": "nearest"}


def _upload(shape: tuple[int, int]) -> image_picker.PickedImage:
    pixels = (np.random.default_rng(5).random(shape) * 255).astype(np.uint8)
    buf = io.BytesIO()
    Image.fromarray(pixels).save(buf, "PNG")
    resolved = image_picker.resolve_image(
        image_picker.ImageChoice(source="upload", data=buf.getvalue(), filename="tiny.png"), None, "en"
    )
    assert resolved.ok and resolved.error is None
    assert resolved.picked.image.shape == shape
    return resolved.picked


@pytest.mark.parametrize("shape", [(1, 1), (8, 8), (2, 7)])
@pytest.mark.parametrize("boundary", sorted(NDIMAGE_MODE))
def test_tiny_upload_with_a_15x15_kernel_runs_the_whole_page_pipeline(shape, boundary):
    picked = _upload(shape)
    kernel = kernels.make("gaussian", size=15, sigma=3.0)
    run = lab.compute(picked, kernel, lab.LabSettings(boundary=boundary))
    want = ndimage.convolve(picked.image, kernel, mode=NDIMAGE_MODE[boundary])
    np.testing.assert_allclose(run.output, want, rtol=0, atol=1e-12)
    spectra = lab.spectra_uint8(run)
    assert {k: v.dtype for k, v in spectra.items()} == dict.fromkeys(("image", "response", "output"), np.uint8)
    panels = lab.static_panels(run, 12)
    assert all(p[:3] in (b"\xff\xd8\xff", b"\x89PN") for p in panels)  # encoded JPEG/PNG panels
    assert all(np.isfinite(v).all() for v in lab.radial_profiles(run).values())
    check = lab.theorem_check(run)
    assert check.full and check.pixels == shape[0] * shape[1] and check.error < 1e-12
    diff, other, peak = lab.wrap_difference(run)  # the boundary tab's comparison
    other_want = ndimage.convolve(picked.image, kernel, mode=NDIMAGE_MODE[other])
    np.testing.assert_allclose(diff, want - other_want, rtol=0, atol=1e-12)
    assert peak == pytest.approx(float(np.abs(want - other_want).max()), abs=1e-12)
