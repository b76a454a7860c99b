"""The Image Lab's URL schema: every setting that travels in a shared link (keys prefixed "il_").

Widget keys equal these keys (see :mod:`app.ui.state`). Kernel parameters get one key per
catalogue kernel and parameter (``il_<kernel>_<param>``), so switching kernels keeps each
kernel's own slider values and a link only carries the values that differ from the defaults.
"""

from __future__ import annotations

from app.backend import images as bimages
from app.backend.convolution import BOUNDARIES
from app.backend.display import DISPLAY_RULES
from app.labs.image_lab.teaching import link_fields as teaching_fields
from app.ui import image_picker, kernel_picker, page, state

KEY = "il"
SIGNED_MODES: tuple[str, ...] = DISPLAY_RULES  # the backend's one display rule ("auto" picks per kernel)
#: The spectra's display range slider (a link holds one of its positions, ``DB_RANGES``).
DB = state.Field("int", 100, lo=40, hi=140, step=20, unit="dB")
DB_RANGES: tuple[int, ...] = tuple(range(DB.lo, DB.hi + 1, DB.step))

#: Opening values that differ from the catalogue defaults: a blur the back row can see.
OPENING: dict[str, object] = {
    kernel_picker.param_key(KEY, "gaussian", "size"): 15,
    kernel_picker.param_key(KEY, "gaussian", "sigma"): 3.0,
}


def build_schema() -> dict[str, state.Field]:
    d = image_picker.picker_defaults(KEY)
    schema: dict[str, state.Field] = {
        "il_source": state.Field("choice", d["il_source"], choices=image_picker.SOURCES),
        "il_sample": state.Field("choice", d["il_sample"], choices=tuple(bimages.sample_names())),
        "il_colour": state.Field("bool", d["il_colour"]),
        "il_size": state.Field("choice", d["il_size"], choices=image_picker.WORKING_SIZES, parse=int),
    }
    schema.update(kernel_picker.kernel_fields(KEY, default_kernel="gaussian", overrides=OPENING))
    schema.update(
        {
            "il_boundary": state.Field("choice", "reflect", choices=BOUNDARIES),
            "il_correlate": state.Field("bool", False),
            "il_signed": state.Field("choice", "auto", choices=SIGNED_MODES),
            "il_shared": state.Field("bool", True),
            "il_perchan": state.Field("bool", False),
            "il_db": state.Field("choice", DB.default, choices=DB_RANGES),
        }
    )
    schema.update(teaching_fields.FIELDS)  # custom-kernel slot of the teaching tools
    return schema


SCHEMA: dict[str, state.Field] = build_schema()
#: The page contract's view of the same keys: ``page.open(SETTINGS, lang)`` returns an
#: ``ImageLabSettings`` (``.boundary``, ``.db``, ``.gaussian_sigma``, ...).
SETTINGS = page.Schema("ImageLabSettings", "il_", SCHEMA)
