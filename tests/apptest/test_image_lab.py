"""AppTest (no browser) of the Image Lab: it runs in both languages and each control does its job."""

from __future__ import annotations

import io
import json

import numpy as np
import pytest
from PIL import Image

import kernels
from app.labs.image_lab.pipeline import LabSettings, compute, display_output
from app.ui import image_picker, page
from app.ui.strings import t
from tests.apptest.conftest import last_run
from tests.apptest.helpers import live_data, move_live, open_lab, rendered, texts


def _run(at):
    return last_run()


@pytest.fixture(scope="module")
def camera():
    return image_picker.resolve_image(image_picker.ImageChoice(), None, "en").picked


# --------------------------------------------------------------------------------------------
# the page runs, in both languages
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_page_runs_without_exception_in_both_languages(lang):
    at = open_lab("image_lab", lang=lang)
    assert not at.exception
    page = texts(at)
    assert t("il.title", lang) in page
    assert t("il.panel.fout", lang) in page
    # the theorem check ran on the opening view and reports a tiny error
    success = " ".join(str(s.value) for s in at.success)
    assert "e-1" in success, success
    run = _run(at)
    assert run.settings.kernel_name == "gaussian" and run.image.name == "camera"
    assert run.result.theorem_error < 1e-9


def test_chinese_labels_differ_from_english():
    en, zh = open_lab("image_lab", lang="en"), open_lab("image_lab", lang="zh")
    assert at_labels(en) != at_labels(zh)
    assert "卷积核类别" in at_labels(zh)


def at_labels(at) -> list[str]:
    return [w.label for w in at.selectbox] + [live_data(at, k)["label"] for k in ("il_gaussian_size", "il_gaussian_sigma")]


# --------------------------------------------------------------------------------------------
# kernel controls change what they should
# --------------------------------------------------------------------------------------------
def test_bigger_gaussian_sigma_lowers_high_frequency_energy():
    at = open_lab("image_lab")
    move_live(at, "il_gaussian_sigma", 1.0)
    assert not at.exception
    sharp = _run(at)
    move_live(at, "il_gaussian_sigma", 4.0)
    assert not at.exception
    blurred = _run(at)
    assert sharp.settings.params["sigma"] == 1.0 and blurred.settings.params["sigma"] == 4.0
    assert blurred.hf_ratio < 0.5 * sharp.hf_ratio
    assert not np.allclose(sharp.output, blurred.output)


def test_switching_to_a_high_pass_kernel_raises_high_frequency_energy():
    at = open_lab("image_lab")
    low = _run(at)
    at.selectbox(key="il_family").set_value("high-pass").run()
    assert not at.exception
    high = _run(at)
    assert high.settings.family == "high-pass"
    assert high.settings.kernel_name in kernels.names("high-pass")  # the family switch picked one of its kernels
    assert high.hf_ratio > 1.0 > low.hf_ratio
    # the output is signed now and shown with the diverging map (never silently clipped)
    assert display_output(high.output, high.settings.signed_mode).mode == "diverging"
    assert "diverging" in texts(at) or "blue negative" in texts(at)


def test_compute_function_directly(camera):
    ratios = [compute(camera, kernels.make("gaussian", size=31, sigma=s), LabSettings()).hf_ratio for s in (0.5, 1, 2, 4)]
    assert ratios == sorted(ratios, reverse=True)
    lap = compute(camera, kernels.make("laplacian"), LabSettings(kernel_name="laplacian", family="high-pass"))
    assert lap.hf_ratio > ratios[0]


def test_kernel_sliders_come_from_the_catalogue():
    at = open_lab("image_lab")
    at.selectbox(key="il_family").set_value("directional").run()
    at.selectbox(key="il_kernel").set_value("gabor").run()
    assert not at.exception
    spec = kernels.get("gabor")
    for p in spec.params:
        s = live_data(at, f"il_gabor_{p.name}")
        assert s["label"] == p.label["en"]
        assert (s["min"], s["max"], s["step"], s["unit"]) == (p.min, p.max, p.step, p.unit)
    move_live(at, "il_gabor_theta", 90.0)
    assert _run(at).settings.params["theta"] == 90.0


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_choice_parameters_are_select_boxes(lang):
    """Issue 13: a kernel's choice parameter (Kirsch direction) is a select box with bilingual option labels."""
    at = open_lab("image_lab", lang=lang)
    at.selectbox(key="il_family").set_value("directional").run()
    at.selectbox(key="il_kernel").set_value("kirsch").run()
    assert not at.exception
    spec = kernels.get("kirsch")
    box = at.selectbox(key="il_kirsch_direction")
    p = spec.param("direction")
    assert box.label == p.label[lang] and tuple(box.options) == tuple(p.option_label(o, lang) for o in p.options)
    assert _run(at).settings.params == {"direction": "n"}
    box.set_value("w").run()
    assert not at.exception
    run = _run(at)
    assert run.settings.kernel_name == "kirsch" and run.settings.params == {"direction": "w"}
    np.testing.assert_array_equal(at.session_state["_il_last_kernel"].kernel, kernels.make("kirsch", direction="w"))


def test_windowed_sinc_opens_from_a_link():
    at = open_lab("image_lab", il_family="low-pass", il_kernel="sinc", il_sinc_window="hamming", il_sinc_size=15)
    assert not at.exception
    assert _run(at).settings.params == {"size": 15, "cutoff": 0.15, "window": "hamming"}
    assert at.selectbox(key="il_sinc_window").value == "hamming"


def test_kernel_and_spectra_are_images_not_heatmaps():
    at = open_lab("image_lab", il_family="directional", il_kernel="sobel_x")
    assert not at.exception
    # image-sized data never travels as a heatmap (kernel-sized ones, ≤ 63×63, may: teaching tabs)
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    heat = [tr for s in specs for tr in s["data"] if tr.get("type") == "heatmap"]
    assert all(np.asarray(tr["z"]).size <= 63 * 63 for tr in heat)
    assert len(at.get("image")) >= 7  # input, kernel, output, F, H, F·H, radial profile (SVG)


def test_radial_profile_names_the_family_and_changes_with_it():
    from app.labs.image_lab.figures import radial_svg
    from app.labs.image_lab.pipeline import radial_profiles

    at = open_lab("image_lab")
    low = _run(at)
    assert "Radial profile — Low-pass (blur)" in texts(at)
    at.selectbox(key="il_family").set_value("high-pass").run()
    high = _run(at)
    assert "Radial profile — High-pass" in texts(at)
    pl, ph = radial_profiles(low), radial_profiles(high)
    # |H| of a blur falls with frequency; of a high-pass it rises from (near) zero at DC
    assert pl["response"][0] > pl["response"][-1] and ph["response"][0] < ph["response"][-1]
    names = {"image": "F", "response": "H", "output": "FH"}
    svg = radial_svg(ph, names=names, x_title="f", y_title="dB", band_note="note <&>")
    assert svg.startswith("<svg") and svg.count("<polyline") == 3 and "note &lt;&amp;&gt;" in svg


def test_kernel_panel_writes_values_and_keeps_zero_white():
    from app.backend.display import DIVERGING_LUT
    from app.backend.panels import format_tap, kernel_panel

    k = kernels.make("sobel_x")
    img = kernel_panel(k, side=90)
    assert img.shape == (90, 90, 3)
    # the middle column holds zeros: white (the neutral colour) apart from the written "0"
    centre_col = img[5:25, 35:55]
    assert (centre_col == DIVERGING_LUT[127]).all(axis=2).mean() > 0.8
    assert [format_tap(v) for v in k[0]] == ["1", "0", "-1"]


def test_correlation_toggle_flips_antisymmetric_kernels():
    at = open_lab("image_lab", il_family="directional", il_kernel="sobel_x")
    conv = _run(at).output
    at.toggle(key="il_correlate").set_value(True).run()
    assert not at.exception
    corr = _run(at).output
    assert np.allclose(corr, -conv)  # Sobel x is antisymmetric: the flip changes the sign


def test_boundary_choice_changes_the_border_only():
    at = open_lab("image_lab")
    reflect = _run(at).output
    at.radio(key="il_boundary").set_value("zero").run()
    assert not at.exception
    zero = _run(at).output
    diff = np.abs(reflect - zero)
    assert diff[0, :].max() > 0.05  # the border darkens with a zero boundary
    assert diff[100:-100, 100:-100].max() < 1e-9  # the middle is untouched


def test_clipped_display_is_announced():
    at = open_lab("image_lab", il_family="high-pass", il_kernel="laplacian", il_signed="clip")
    assert not at.exception
    warnings = " ".join(str(w.value) for w in at.warning)
    assert "outside [0, 1]" in warnings


def test_working_size_downscale_is_noted():
    at = open_lab("image_lab", il_size=256)
    assert not at.exception
    assert _run(at).image.image.shape == (256, 256)
    assert "Downscaled from 512×512 to 256×256" in texts(at)


def test_sample_and_colour_choice():
    at = open_lab("image_lab", il_sample="coffee")
    at.toggle(key="il_colour").set_value(True).run()
    assert not at.exception
    run = _run(at)
    assert run.image.name == "coffee" and run.image.image.ndim == 3 and run.output.ndim == 3
    handed_over = at.session_state[page.handoff_key(image_picker.PickedImage)]  # what the other labs receive
    assert type(handed_over) is image_picker.PickedImage and handed_over.digest == run.image.digest


def test_projector_mode_hides_advanced_controls():
    at = open_lab("image_lab", projector=True)
    assert not at.exception
    keys = {w.key for w in list(at.selectbox) + list(at.select_slider) + list(at.toggle)}
    assert "il_signed" not in keys and "il_size" not in keys
    assert "il_family" in keys and "il_kernel" in keys
    assert _run(at).settings.projector


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_bad_link_values_are_ignored_with_a_notice(lang):
    link = {"il_kernel": "../../etc/passwd", "il_gaussian_sigma": "1e9", "il_db": "80"}
    at = open_lab("image_lab", lang=lang, link=link)
    assert not at.exception
    notices = [rendered(str(i.value)) for i in at.info if str(i.value).startswith(t("state.rejected", lang, keys=""))]
    assert len(notices) == 1  # the page says which settings it ignored
    assert notices[0] == t("state.rejected", lang, keys="il_kernel, il_gaussian_sigma") or \
        notices[0] == t("state.rejected", lang, keys="il_gaussian_sigma, il_kernel")
    # ignored: the defaults stay; the valid value of the same link is used
    assert at.session_state["il_kernel"] == "gaussian" and at.session_state["il_gaussian_sigma"] == 3.0
    assert at.session_state["il_db"] == 80
    assert "etc/passwd" not in texts(at)


# --------------------------------------------------------------------------------------------
# the picker's logic: a bad upload keeps the previous image (AppTest cannot upload)
# --------------------------------------------------------------------------------------------
def _png(shape=(40, 60)) -> bytes:
    buf = io.BytesIO()
    Image.fromarray((np.random.default_rng(0).random(shape) * 255).astype(np.uint8)).save(buf, "PNG")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"this is not an image", "il.err.not_image"),
        (_png()[:200], "il.err.truncated"),
        (b"", "il.err.empty"),  # an empty file says so (not "no file uploaded yet")
        (None, None),  # nothing uploaded: a notice, not an error
    ],
)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_bad_upload_keeps_the_previous_image(camera, data, key, lang):
    r = image_picker.resolve_image(image_picker.ImageChoice(source="upload", data=data, filename="x.png"), camera, lang)
    assert not r.ok
    assert r.picked is camera or r.picked.digest == camera.digest
    if key is None:
        assert r.error is None and r.notice == t("il.pick.no_upload", lang)
    else:
        assert r.error == t(key, lang, detail="") and r.notice is None


def test_good_upload_is_used_and_downscaled(camera):
    r = image_picker.resolve_image(
        image_picker.ImageChoice(source="upload", data=_png((900, 300)), filename="tall.png", size=512), camera, "en"
    )
    assert r.ok and r.error is None
    assert r.picked.name == "tall.png" and r.picked.source == "upload"
    assert r.picked.image.shape == (512, 171) and r.picked.resized and r.picked.original_shape == (900, 300)


def test_every_image_error_code_has_a_localized_message():
    from app.backend.images import ImageError

    params = {"too_large": {"pixels": "90.0", "limit": "40.0"}, "file_too_large": {"mb": "60.0", "limit": 50}}
    for code in ("empty", "not_found", "not_image", "truncated", "too_large", "file_too_large", "invalid", "unknown_sample"):
        en = image_picker.error_text(ImageError("detail text", code, **params.get(code, {})), "en")
        zh = image_picker.error_text(ImageError("detail text", code, **params.get(code, {})), "zh")
        assert en and zh and en != zh


def test_a_too_large_image_is_refused_in_chinese_without_english():
    from app.backend.images import ImageError, load_image
    from tests.test_images import png_with_size

    try:
        load_image(png_with_size(9000, 9000))
    except ImageError as exc:
        zh = image_picker.error_text(exc, "zh")
    assert "81.0 百万像素" in zh and "40.0" in zh
    assert "pixels" not in zh and "image is too large" not in zh


def test_per_channel_spectra_on_request():
    at = open_lab("image_lab", il_sample="coffee", il_colour=True)
    n_plain = len(at.get("image"))
    at.toggle(key="il_perchan").set_value(True).run()
    assert not at.exception
    assert len(at.get("image")) == n_plain + 6
    assert "Spectra per colour channel" in texts(at)


def test_sharpening_is_shown_clipped_with_a_note_edges_diverging():
    at = open_lab("image_lab", il_family="high-pass", il_kernel="sharpen")
    assert not at.exception
    warnings = " ".join(str(w.value) for w in at.warning)
    assert "outside [0, 1]" in warnings  # never a silent clip
    at = open_lab("image_lab", il_family="high-pass", il_kernel="laplacian")
    assert not at.warning
    assert "blue negative" in texts(at)


def test_every_panel_image_has_a_text_alternative_naming_it():
    at = open_lab("image_lab")
    alts = [img.alt for el in at.get("image") for img in el.proto.imgs]
    titles = [t(k, "en") for k in ("il.panel.input", "il.panel.kernel", "il.panel.output",
                                   "il.panel.fin", "il.panel.h", "il.panel.fout")]
    assert len(alts) == 7  # the six panels and the radial chart
    assert [a.split(". ")[0] for a in alts[:6]] == titles
    assert all(len(a) > len(title) + 10 for a, title in zip(alts, titles))  # and what it shows


def test_the_spectra_display_range_is_a_live_slider_kept_on_its_grid_and_in_the_link():
    at = open_lab("image_lab")
    data = live_data(at, "il_db")
    assert (data["min"], data["max"], data["step"], data["unit"]) == (40, 140, 20, "dB")
    move_live(at, "il_db", 75)  # between two positions: the nearest one
    assert not at.exception, at.exception
    assert at.session_state["il_db"] == 80 and dict(at.query_params.items())["il_db"] == "80"
