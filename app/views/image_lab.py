"""Placeholder until the lab lands (replaced by its developer)."""

import streamlit as st

from app.ui import shell
from app.ui.strings import t

st.title(t("nav.image_lab", shell.lang()))
