"""Preset lessons: each puts the Image Lab into a telling state (settings = its URL-schema keys).

Pure data.  The texts live in :mod:`app.labs.image_lab.parts.teaching_strings` under
``teach.lesson.<id>.title`` / ``.text`` (two sentences, en + zh).  A test checks every key
and value against the Image Lab's schema (:mod:`app.labs.image_lab.schema`).
"""

from __future__ import annotations

__all__ = ["BASE", "LESSONS", "PAGE_LESSONS", "lesson_ids", "settings_for"]

#: Settings every lesson starts from (so a previous lesson's toggles do not leak in).
BASE: dict[str, object] = {
    "il_source": "sample",
    "il_ksrc": "catalog",
    "il_kedit": "",
    "il_boundary": "reflect",
    "il_correlate": False,
    "il_signed": "auto",
}

#: id -> the settings the lesson overlays on BASE.
LESSONS: dict[str, dict[str, object]] = {
    "blur_high": {
        "il_sample": "zone_plate",
        "il_family": "low-pass",
        "il_kernel": "gaussian",
        "il_gaussian_size": 21,
        "il_gaussian_sigma": 3.0,
        "il_shared": True,
    },
    "edges_high": {
        "il_sample": "camera",
        "il_family": "high-pass",
        "il_kernel": "laplacian",
        "il_laplacian_alpha": 0.2,
        "il_shared": True,
    },
    "ideal_vs_gaussian": {
        "il_sample": "camera",
        "il_family": "low-pass",
        "il_kernel": "gaussian",
        "il_gaussian_size": 31,
        "il_gaussian_sigma": 2.5,
        "il_ksrc": "custom",
        "il_kedit": "ideal:0.15:31",
        "il_signed": "clip",  # the ringing overshoots [0, 1] a little: show grey, clipping announced
    },
    "wrap_artefact": {
        "il_sample": "camera",
        "il_family": "low-pass",
        "il_kernel": "motion",
        "il_motion_length": 61,
        "il_motion_angle": 90.0,
        "il_boundary": "wrap",
    },
    "zero_border": {
        "il_sample": "coffee",
        "il_family": "low-pass",
        "il_kernel": "box",
        "il_box_size": 31,
        "il_boundary": "zero",
    },
    "conv_vs_corr": {
        "il_sample": "siemens_star",
        "il_family": "directional",
        "il_kernel": "emboss",
        "il_emboss_angle": 315.0,
        "il_correlate": True,
    },
    "direction": {
        "il_sample": "siemens_star",
        "il_family": "directional",
        "il_kernel": "sobel_x",
        "il_signed": "diverging",
    },
    "sharpen": {
        "il_sample": "astronaut",
        "il_family": "high-pass",
        "il_kernel": "unsharp",
        "il_unsharp_alpha": 0.8,
    },
}


#: Lessons on other pages: id -> (the page's url_path, settings = that page's URL-schema keys).
#: Texts under ``teach.lesson.<id>.*`` like the others; a test checks them against the page's schema.
PAGE_LESSONS: dict[str, tuple[str, dict[str, object]]] = {
    "phase_structure": ("fourier_lab", {"fl_tab": "phase", "fl_source": "sample", "fl_sample": "camera", "fl_b": "chelsea"}),
    "wiener_k": ("fourier_lab", {
        "fl_tab": "deconv",
        "fl_source": "sample",
        "fl_sample": "camera",
        "fl_kernel": "motion",
        "fl_length": 21,
        "fl_mangle": 30.0,
        "fl_noise": 0.02,
        "fl_boundary": "wrap",
        "fl_kw": -6.0,  # far too small: the noise explodes until the class finds the optimum
    }),
}


def lesson_ids() -> tuple[str, ...]:
    return tuple(LESSONS)


def settings_for(lesson_id: str) -> dict[str, object]:
    """All session values a lesson sets (``BASE`` overlaid with the lesson's own)."""
    return {**BASE, **LESSONS[lesson_id]}
