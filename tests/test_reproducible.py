"""Reproducible tests: seeded data, no wall-clock assertions, no fixed sleeps as synchronisation.

A source scan of the test suite, so what was fixed once stays fixed.
"""

from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
BROWSER = TESTS / "browser"


def _sources(folder: Path, pattern: str = "*.py") -> dict[str, str]:
    return {str(p.relative_to(TESTS)): p.read_text(encoding="utf-8") for p in sorted(folder.rglob(pattern))}


def test_no_random_data_is_seeded_with_hash():
    # hash() of str/tuple changes with PYTHONHASHSEED: a failing case could not be re-run
    seeded = re.compile(r"(default_rng|seed|RandomState|Random)\(\s*hash\(")
    bad = [name for name, text in _sources(TESTS).items() if seeded.search(text)]
    assert bad == []


def test_no_unseeded_generators():
    unseeded = re.compile(r"default_rng\(\s*\)|np\.random\.(rand|randn|random|randint|normal|uniform)\(")
    bad = [name for name, text in _sources(TESTS).items() if unseeded.search(text)]
    assert bad == []


def test_browser_tests_wait_on_conditions_not_fixed_sleeps():
    sleeps = re.compile(r"wait_for_timeout\(|time\.sleep\(")
    files = {n: t for n, t in _sources(BROWSER, "test_*.py").items()}
    files["browser/helpers.py"] = (BROWSER / "helpers.py").read_text(encoding="utf-8")
    assert len(files) >= 5
    bad = {name: len(sleeps.findall(text)) for name, text in files.items() if sleeps.search(text)}
    assert bad == {}


def test_no_wall_clock_assertions_outside_benchmarks():
    # a timed duration may be measured and reported, never asserted (benchmarks: app/bench.py, bench_*.py)
    timed = re.compile(r"assert[^\n]*\b(elapsed|seconds|fps|median|times|\w+_s|\w+_ms)\b[^\n]*[<>]")
    bad = [name for name, text in _sources(TESTS).items()
           if not Path(name).name.startswith("bench_") and name != "test_reproducible.py" and timed.search(text)]
    assert bad == []
