"""The memory-budgeted caches shared by all sessions of a server process."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from app.backend import ImageAnalysis
from app.ui.cache import ByteBudgetCache, budget_from_env


def test_least_recently_used_entries_leave_first_when_the_budget_is_full():
    cache = ByteBudgetCache(100, sizeof=len)
    for key in "abc":
        cache.get_or_make(key, lambda: b"x" * 30)
    cache.get_or_make("a", lambda: pytest.fail("a is cached"))  # "a" becomes the most recent
    cache.get_or_make("d", lambda: b"y" * 30)  # 120 > 100: "b" (least recent) goes
    assert cache.keys() == ["c", "a", "d"] and cache.nbytes == 90


def test_an_entry_larger_than_the_budget_is_returned_but_not_kept():
    cache = ByteBudgetCache(10, sizeof=len)
    cache.get_or_make("small", lambda: b"12345")
    assert cache.get_or_make("big", lambda: b"x" * 11) == b"x" * 11
    assert cache.keys() == ["small"] and cache.nbytes == 5


def test_sessions_asking_at_once_share_one_value():
    """Eight sessions miss the cache together (each one's ``make`` waits for the others, so all
    eight values are made at once) and every one of them gets the single value that is kept."""
    cache = ByteBudgetCache(10**6, sizeof=lambda v: 8)
    arrive, inside_make = threading.Barrier(8), threading.Barrier(8, timeout=2)
    got = []

    def make():
        try:
            inside_make.wait()  # all eight inside make at once (if make ran under a lock: 2 s, then on)
        except threading.BrokenBarrierError:
            pass
        return object()

    def worker():
        arrive.wait()
        got.append(cache.get_or_make("k", make))

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(got) == 8  # every thread finished
    kept = cache.get_or_make("k", lambda: pytest.fail("k is cached"))
    assert all(v is kept for v in got), len({id(v) for v in got})
    assert cache.keys() == ["k"] and cache.nbytes == 8


@pytest.mark.parametrize("raw, expected_mb", [("", 64), ("128", 128), ("0", 64), ("-5", 64), ("lots", 64)])
def test_budget_from_env_accepts_only_positive_megabytes(monkeypatch, raw, expected_mb):
    monkeypatch.setenv("CONVSCOPE_TEST_BUDGET_MB", raw)
    assert budget_from_env("CONVSCOPE_TEST_BUDGET_MB", 64) == expected_mb * 2**20


def test_a_class_of_uploads_fits_the_default_analysis_budget():
    """30 different 512 px colour photos stay cached within the Image Lab's default 768 MB."""
    from app.labs.image_lab.pipeline import ANALYSES

    one = ImageAnalysis(np.random.default_rng(0).random((512, 512, 3)))
    assert 30 * one.nbytes <= ANALYSES.budget
