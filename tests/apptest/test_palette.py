"""The sidebar's colour-vision-safe palette: it recolours the Image Lab's spectra, kernel and
signed output, travels in the link as ``palette=``, and a hostile value is refused with a notice."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

from app.labs.image_lab import pipeline as image_lab_run
from tests.apptest.conftest import last_run
from tests.apptest.helpers import notice_keys, open_lab

PANELS = ("output_jpeg", "kernel_png", "response_jpeg", "output_spectrum_jpeg")


def _panels(run: image_lab_run.LabRun) -> image_lab_run.MainPanels:
    return image_lab_run.main_panels(run, 21, 300)


def _chroma(jpeg: bytes) -> float:
    """Mean spread between the colour channels: ~0 for a grey panel."""
    rgb = np.asarray(Image.open(io.BytesIO(jpeg)).convert("RGB"), dtype=np.float64)
    return float((rgb.max(axis=2) - rgb.min(axis=2)).mean())


def test_the_toggle_recolours_the_image_labs_spectra_kernel_and_signed_output():
    at = open_lab("image_lab")
    at.selectbox(key="il_family").set_value("high-pass").run()
    standard = last_run()
    at.toggle(key="palette").set_value(True).run()
    assert not at.exception, at.exception
    safe = last_run()
    assert (standard.settings.palette, safe.settings.palette) == ("standard", "colour_safe")
    before, after = _panels(standard), _panels(safe)  # the shared cache keys on the palette
    assert before.output.mode == after.output.mode == "diverging"
    assert all(getattr(before, p) != getattr(after, p) for p in PANELS)
    assert _chroma(before.response_jpeg) < 5 < 20 < _chroma(after.response_jpeg)  # grey -> cividis
    assert at.query_params["palette"] == "colour_safe"  # the share link carries it


def test_a_palette_link_round_trips():
    at = open_lab("image_lab", link={"palette": "colour_safe"})
    assert not at.exception, at.exception
    assert notice_keys(at) == set()
    assert at.toggle(key="palette").value is True
    assert last_run().settings.palette == "colour_safe"


def test_a_hostile_palette_is_rejected_with_a_notice():
    at = open_lab("image_lab", link={"palette": "../../etc/passwd"})
    assert not at.exception, at.exception
    assert notice_keys(at) == {"palette"}
    assert at.toggle(key="palette").value is False
    assert last_run().settings.palette == "standard"
