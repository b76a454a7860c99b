"""The linters of CI: ruff (style, errors, import order; pyproject.toml) and vulture (dead code).

Both read their settings from pyproject.toml; vulture's whitelist (.ci/vulture_whitelist.py) names what
only Streamlit, pytest or a cache can see using. A finding fails the test with the tool's own report.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=240)


def test_ruff_finds_nothing():
    done = _run("ruff", "check", "--no-cache", "--output-format", "concise", ".")
    assert done.returncode == 0, f"ruff check found problems:\n{done.stdout}{done.stderr}"


def test_vulture_finds_no_dead_code():
    done = _run("vulture")  # paths, whitelist and confidence from [tool.vulture]
    assert done.returncode == 0, f"vulture found unused code:\n{done.stdout}{done.stderr}"
    assert not done.stdout.strip()
