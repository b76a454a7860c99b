"""The Signal Lab's settings: every URL key and default once (one key per signal, shape and
parameter, so switching shapes keeps each shape's own slider values)."""

from __future__ import annotations

from app.backend import audio
from app.backend import signals as sg
from app.ui.kernel_picker import param_field
from app.ui.page import Field, Schema

WHICH: tuple[str, ...] = ("f", "g")
DEFAULT_KIND = {"f": "rect", "g": "exp"}
T_RANGE = (sg.WINDOW[0], sg.WINDOW[1])
N_RANGE = (int(sg.WINDOW[0] * sg.SAMPLES_PER_UNIT), int(sg.WINDOW[1] * sg.SAMPLES_PER_UNIT))
T_STEP = 0.1  # the time slider and the animation frames share this step
#: "Hear it": the shipped test sounds, or an uploaded WAV.
SOUND_SOURCES: tuple[str, ...] = audio.SOUNDS + ("upload",)


def _parse_values(text: str) -> str:
    sg.parse_values(text)  # raises ValueError (SignalError) when not valid
    return text


def param_key(which: str, kind: str, name: str) -> str:
    """The key of parameter ``name`` of shape ``kind`` for signal ``which``."""
    return f"sl_{which}_{kind}_{name}"


def _fields() -> dict[str, Field]:
    out: dict[str, Field] = {
        "sl_mode": Field("choice", "continuous", choices=sg.MODES),
        "sl_corr": Field("bool", False),
        "sl_pad": Field("bool", True),
        # "Hear it": a sound and an impulse response (app/labs/signal_lab/parts/hear.py)
        "sl_sound": Field("choice", "voice", choices=SOUND_SOURCES),
        "sl_resp": Field("choice", "echo", choices=audio.RESPONSES),
        "sl_t": Field("float", 1.5, lo=T_RANGE[0], hi=T_RANGE[1], step=T_STEP),
        "sl_n": Field("int", 6, lo=N_RANGE[0], hi=N_RANGE[1], step=1),
    }
    for which in WHICH:
        out[f"sl_{which}_kind"] = Field("choice", DEFAULT_KIND[which], choices=sg.signal_names())
        out[f"sl_{which}_values"] = Field("custom", sg.format_values(sg.DEFAULT_CUSTOM_VALUES),
                                          parse=_parse_values, format=str)
        for spec in sg.signal_catalog():
            for p in spec.params:  # the kernel picker's one catalogue -> field rule (range, step, unit)
                out[param_key(which, spec.name, p.name)] = param_field(p, p.default)
    return out


SCHEMA = Schema("SignalSettings", "sl_", _fields())

