"""The frame around every page: language, projector mode, colour palette, shared look."""

from __future__ import annotations

import streamlit as st

from app.backend.colormaps import PALETTES
from app.ui import classroom, state
from app.ui.strings import LANG_NAMES, LANGS, t


def _palette_is_safe(text: str) -> bool:
    """The toggle's value for a link's ``palette=`` text; any other text raises (and is rejected)."""
    if text not in PALETTES:
        raise ValueError("not a palette")
    return text == "colour_safe"


GLOBAL_SCHEMA: dict[str, state.Field] = {
    "lang": state.Field("choice", "en", choices=LANGS),
    "projector": state.Field("bool", False),
    "answers": state.Field("choice", "shown", choices=("shown", "hidden")),  # a teacher's ?answers=hidden
    # a toggle holds a bool; the link names the palette (?palette=colour_safe), anything else is rejected
    "palette": state.Field(
        "custom",
        False,
        parse=_palette_is_safe,
        format=lambda on: "colour_safe" if on else "standard",
    ),
    "class": classroom.CODE_FIELD,  # a student's join link: ?class=CODE
}

# Projector mode: bigger type for the back row. Constant CSS (__TEXT__: the theme's text colour), no user text in it.
_PROJECTOR_CSS = """
<style>
html, body, [data-testid="stAppViewContainer"] { font-size: 21px; --cs-live-slider-font: 1.15rem; }
[data-testid="stMarkdownContainer"] p, [data-testid="stCaptionContainer"],
[data-testid="stWidgetLabel"] p { font-size: 1.15rem !important; }
h1 { font-size: 2.6rem !important; } h2 { font-size: 2.0rem !important; }
h3 { font-size: 1.6rem !important; }
/* the first screen is for figures and sliders: the header floats over the tab bars, so only its own
   controls take clicks (its arrow still opens the sidebar); its full-width toolbar lets them through */
[data-testid="stHeader"] { background: transparent !important; pointer-events: none; }
[data-testid="stHeader"] * { pointer-events: none; }
[data-testid="stHeader"] :is(button, a, [role=button]), [data-testid="stHeader"] :is(button, a, [role=button]) * {
  pointer-events: auto; }
[data-testid="stMainBlockContainer"] { padding: 0.6rem 3rem 1rem 3rem !important; }
[data-testid="stColumn"] [data-testid="stMarkdownContainer"] p { font-size: 1.0rem !important; }
[data-testid="stColumn"] .st-key-present_caption [data-testid="stMarkdownContainer"] p {
  font-size: 1.6rem !important; font-weight: 600; line-height: 1.25; margin: 0 0 0.4rem 0; }
/* a washed-out projector swallows faded grey: captions, labels, help and slider ends in full text colour
   (>= 7:1, AAA; checked from the rendered colours by tests/browser/test_axe.py) */
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] *, [data-testid="stWidgetLabel"] *,
[data-testid="stSliderTickBarMin"], [data-testid="stSliderTickBarMax"], [data-testid="stTooltipIcon"] * {
  color: __TEXT__ !important; opacity: 1 !important; }
[data-testid="stWidgetLabel"][disabled] { opacity: 0.75; }
</style>
"""

# Always (WCAG 2.1 AA, issue 22). Keyboard focus: a solid ring on what the Tab key reached (Streamlit's own is a
# faint halo; a slider's focus sits on its visible thumb, marked data-focus-visible; a tab panel holding the focus
# keeps no frame). Readable disabled labels, reduced motion on request, screen-reader-only text. Constant CSS.
_FOCUS_CSS = """
<style>
:focus-visible:not([role=tabpanel]), [data-testid=stSlider] [data-focus-visible] {
  outline: 3px solid #1354c0 !important; outline-offset: 2px !important; }
/* a disabled control's label stays readable (Streamlit fades it to 40 %: 2.6:1), still lighter than the others */
[data-testid="stWidgetLabel"][disabled] { color: inherit !important; opacity: 0.6; }
/* a reader who asked the system for less motion gets none from the page's own transitions and spinners (the
   animated charts start paused anyway: they move only on their Play button) */
@media (prefers-reduced-motion: reduce) { *, *::before, *::after {
  animation-duration: 0.01ms !important; animation-iteration-count: 1 !important;
  transition-duration: 0.01ms !important; scroll-behavior: auto !important; } }
/* a chart's text alternative (app/ui/a11y.py): read by screen readers, not shown, takes no room */
[data-testid="stElementContainer"]:has(.cs-sr-only) { position: absolute !important; width: 1px; height: 1px;
  overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
</style>
"""


def lang() -> str:
    """The language chosen in the sidebar ("en" or "zh")."""
    return st.session_state.get("lang", "en")


def projector() -> bool:
    """True when projector mode (large text, fewer controls, high contrast) is on."""
    return bool(st.session_state.get("projector", False))


def answers_hidden() -> bool:
    """True when prediction answers stay hidden until *Reveal*: the link asked (``?answers=hidden``),
    or a class poll runs (the teacher reveals for everyone)."""
    return st.session_state.get("answers") == "hidden" or classroom.active()


def figures_first(proj: bool):
    """Two boxes ``(settings, figures)`` in page order; on a projector the figures' box comes first
    (the first screen is for the figures, the settings follow below)."""
    first, second = st.container(), st.container()
    return (second, first) if proj else (first, second)


def palette() -> str:
    """The colour palette every figure uses: ``"colour_safe"`` when the sidebar toggle is on, else ``"standard"``."""
    return "colour_safe" if st.session_state.get("palette") else "standard"


def sidebar() -> None:
    """Draw the shared sidebar controls; call once per run from the router."""
    state.open_session(GLOBAL_SCHEMA)
    state.keep_widget_state()
    with st.sidebar:
        st.segmented_control(
            t("shell.language", lang()),
            LANGS,
            format_func=LANG_NAMES.__getitem__,
            key="lang",
            selection_mode="single",
        )
        if st.session_state.get("lang") is None:  # segmented controls can be de-selected
            st.session_state["lang"] = "en"
        st.toggle(t("shell.projector", lang()), key="projector", help=t("shell.projector_help", lang()))
        st.toggle(t("shell.palette", lang()), key="palette", help=t("shell.palette_help", lang()))
    classroom.panel(lang(), projector())
    st.html(_FOCUS_CSS)
    if projector():
        # the projector's width goes to the figures: the sidebar starts closed (its arrow opens it)
        st.set_page_config(initial_sidebar_state="collapsed")
        st.html(_PROJECTOR_CSS.replace("__TEXT__", st.get_option("theme.textColor") or "#000000"))
