"""The computed sentences of issue 18 §1 reach the pages (AppTest): each page states the value its
own computation gives, recomputed here with numpy/scipy."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import ndimage

from app.ui.format import number
from tests.apptest.conftest import last_run
from tests.apptest.helpers import open_lab, texts


@pytest.mark.parametrize(("correlate", "side", "lang"), [(False, "south (S)", "en"), (True, "north (N)", "en"),
                                                          (False, "南（S）", "zh")])
def test_the_image_lab_names_the_side_a_kirsch_mask_answers_under_the_current_operation(correlate, side, lang):
    at = open_lab("image_lab", lang=lang, il_family="directional", il_kernel="kirsch", il_kirsch_direction="n",
                  il_correlate=correlate)
    assert not at.exception
    k = last_run().kernel
    step = np.zeros((15, 15))
    step[:7] = 1.0  # brighter to the north (up)
    north = (ndimage.correlate if correlate else ndimage.convolve)(step, k, mode="nearest")[7, 7]
    page = texts(at)
    assert side in page and number(north, 3) in page


def test_the_image_lab_states_the_h_white_point_of_the_live_kernel():
    at = open_lab("image_lab", il_family="directional", il_kernel="sobel_x")
    run = last_run()
    peak = np.abs(np.fft.fft2(run.kernel, s=run.result.grid)).max()
    assert f"White = gain {number(max(1.0, peak), 3)}." in texts(at)
    assert "gain 1 = white" not in texts(at)


def test_the_signal_lab_states_where_convolution_and_correlation_peak():
    at = open_lab("signal_lab", sl_g_kind="gauss")
    assert not at.exception
    assert "g is symmetric about t = 1, not about 0" in texts(at)
    assert "largest at t = 1.5 for convolution, -0.5 for correlation" in texts(at)


def test_the_cnn_lab_says_its_spectra_are_after_the_activation():
    at = open_lab("cnn_lab")
    assert not at.exception
    page = texts(at)
    assert "shown after the activation (ReLU)" in page
    assert "multiplied by the kernel's |H| (before the activation)" not in page


def test_the_fourier_lab_names_the_larger_peak_as_white():
    at = open_lab("fourier_lab", fl_tab="props", fl_prop="scale", fl_scale=2.0)
    assert not at.exception
    assert "the larger peak of the two: after" in texts(at)


def test_the_filter_designer_grades_a_band_pass_as_edges_only():
    at = open_lab("filter_designer", fd_shape="ideal", fd_band="bandpass")
    assert not at.exception
    at.radio(key="q_fd_effect_pick").set_value(3).run()  # "a few stripes gone", right before the fix
    verdict = "\n".join(str(e.value) for e in (*at.success, *at.info))
    assert "Not quite. The answer is Edges and detail only" in verdict
    assert "**0** at zero frequency" in verdict
