"""A bug in a page: the student sees a friendly message with a reference, never the exception's text
or a traceback; the server log has the same reference."""

from __future__ import annotations

import logging
import re
import tomllib
from pathlib import Path

import pytest

from app.labs.image_lab import pipeline as image_lab_run
from app.ui.strings import t
from tests.apptest.helpers import open_lab

SECRET = "secret-detail-/home/teacher/.convscope"


@pytest.fixture
def broken_image_lab(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError(SECRET)

    monkeypatch.setattr(image_lab_run, "compute", broken)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_page_bug_shows_a_reference_and_hides_the_details(broken_image_lab, lang, caplog):
    server_log = logging.getLogger("convscope")  # Streamlit's loggers do not propagate: listen to it directly
    server_log.addHandler(caplog.handler)
    try:
        at = open_lab("image_lab", lang=lang)
    finally:
        server_log.removeHandler(caplog.handler)
    (error,) = at.error
    head = t("app.unexpected_error", lang, reference="")
    assert str(error.value).startswith(head)
    reference = str(error.value)[len(head):]
    assert re.fullmatch(r"[0-9a-f]{8}", reference)
    assert f"reference {reference}" in caplog.text  # what the teacher searches the server log for
    # Streamlit's own box stays (the browser tests look for stException), redacted as configured
    (box,) = at.exception
    assert "redacted" in box.message and SECRET not in box.message and box.stack_trace == []
    assert SECRET not in str(box.proto) and "RuntimeError" not in str(box.proto)


def test_production_settings_hide_error_details_and_bound_messages_and_uploads():
    from app.backend.images import MAX_UPLOAD_MB

    config = tomllib.loads((Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml").read_text())
    assert config["client"]["showErrorDetails"] == "none" and config["client"]["showErrorLinks"] is False
    assert config["server"]["maxUploadSize"] == MAX_UPLOAD_MB
    assert 2 <= config["server"]["maxMessageSize"] <= 64  # far under Streamlit's 200 MB default
