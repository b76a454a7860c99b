"""ConvScope entry point: a router over the labs (run with ``streamlit run app/main.py``)."""

import secrets
import sys
from pathlib import Path

# `streamlit run app/main.py` puts app/ on sys.path; the packages are imported from the repo root.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st  # noqa: E402
from streamlit.logger import get_logger  # noqa: E402

from app.ui import classroom, server, shell, state  # noqa: E402
from app.ui.strings import t  # noqa: E402

server.configure_process()
# shipped, not a ":material/...:" favicon: Streamlit fetches those from a font server on the internet
ICON = Path(__file__).parent / "assets" / "favicon.png"
st.set_page_config(page_title="ConvScope", page_icon=str(ICON), layout="wide")
shell.sidebar()
lang = shell.lang()
labs = Path(__file__).parent / "labs"
pages = [
    st.Page(labs / "image_lab" / "view.py", title=t("nav.image_lab", lang), icon=":material/image:", default=True, url_path=""),
    st.Page(labs / "signal_lab" / "view.py", title=t("nav.signal_lab", lang), icon=":material/show_chart:", url_path="signal_lab"),
    st.Page(labs / "cnn_lab" / "view.py", title=t("nav.cnn_lab", lang), icon=":material/hub:", url_path="cnn_lab"),
    st.Page(labs / "filter_designer" / "view.py", title=t("nav.filter_designer", lang), icon=":material/tune:", url_path="filter_designer"),
    st.Page(labs / "fourier_lab" / "view.py", title=t("nav.fourier_lab", lang), icon=":material/waves:", url_path="fourier_lab"),
    st.Page(labs / "hybrid_lab" / "view.py", title=t("nav.hybrid_lab", lang), icon=":material/blur_on:", url_path="hybrid_lab"),
    st.Page(labs / "challenge_lab" / "view.py", title=t("nav.challenge_lab", lang), icon=":material/extension:", url_path="challenge_lab"),
    # the default page is served at "/" only: /image_lab answers too (hidden from the menu)
    st.Page(labs / "image_lab" / "view.py", title=t("nav.image_lab", lang), icon=":material/image:", url_path="image_lab", visibility="hidden"),
]
current = st.navigation(pages)
try:
    current.run()
except Exception:
    # A bug must not show a student a traceback (client.showErrorDetails = "none" hides it) but the
    # teacher needs something to find it by: a reference on the page and in the server log, next to
    # the traceback Streamlit logs (a fragment's rerun has only Streamlit's redacted box).
    reference = secrets.token_hex(4)
    get_logger("convscope").error("unexpected error, reference %s (traceback next to this line)", reference)
    st.error(t("app.unexpected_error", lang, reference=reference))
    raise
classroom.push_pending()  # a teacher's push sends this page as it ran
classroom.poll_after_page(lang)  # a student whose page asked no waiting question polls from the sidebar
state.write_query_params()
