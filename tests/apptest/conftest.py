"""AppTest fixtures: the Image Lab's last computed run, observed without keeping it in the session.

The page keeps no result arrays in ``st.session_state`` (each would cost every connected student
megabytes); tests read what the page computed by recording :func:`app.labs.image_lab.pipeline.compute`.
"""

from __future__ import annotations

import pytest

from app.labs.image_lab import pipeline as image_lab_run

LAST_RUNS: list[image_lab_run.LabRun] = []


@pytest.fixture(autouse=True)
def record_image_lab_runs(monkeypatch):
    real = image_lab_run.compute

    def recording(*args, **kwargs):
        run = real(*args, **kwargs)
        LAST_RUNS.append(run)
        return run

    LAST_RUNS.clear()
    monkeypatch.setattr(image_lab_run, "compute", recording)
    yield
    LAST_RUNS.clear()


def last_run() -> image_lab_run.LabRun:
    """The run the Image Lab computed last (in the current test)."""
    assert LAST_RUNS, "the Image Lab has not computed a run in this test"
    return LAST_RUNS[-1]
