"""Process-wide caches sized by memory, not by entry count.

A class where every student uploads a photo has 30 different images: a 4-entry cache thrashes
(every move recomputes an FFT), while a 48-entry one could hold gigabytes at 2048 px. A
:class:`ByteBudgetCache` keeps the most recently used entries that fit a byte budget; the budgets
can be set per server with environment variables (``CONVSCOPE_ANALYSIS_CACHE_MB``, ...); their defaults
and what they add up to are in :mod:`app.ui.memory_budget`.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from app.ui.memory_budget import CACHE_BUDGETS_MB

V = TypeVar("V")


def budget_from_env(name: str, default_mb: int) -> int:
    """Bytes from ``$name`` (megabytes, a positive integer) or ``default_mb``.

    Examples
    --------
    >>> budget_from_env("CONVSCOPE_NO_SUCH_VARIABLE", 64)
    67108864
    """
    raw = os.environ.get(name, "")
    mb = int(raw) if raw.isdigit() and int(raw) > 0 else default_mb
    return mb * 2**20


def cache_budget(name: str) -> int:
    """Bytes for the cache whose budget variable is ``name``: ``$name`` or its default in
    :data:`app.ui.memory_budget.CACHE_BUDGETS_MB` (the table that sizes a deployment).

    Examples
    --------
    >>> cache_budget("CONVSCOPE_PANEL_CACHE_MB") == CACHE_BUDGETS_MB["CONVSCOPE_PANEL_CACHE_MB"] * 2**20
    True
    """
    return budget_from_env(name, CACHE_BUDGETS_MB[name])


class ByteBudgetCache(Generic[V]):
    """A thread-safe LRU cache holding at most ``budget`` bytes (an entry larger than the budget is
    returned but not kept).

    Examples
    --------
    >>> cache = ByteBudgetCache(100, sizeof=len)
    >>> cache.get_or_make("a", lambda: "x" * 60)[:3], cache.get_or_make("b", lambda: "y" * 60)[:3]
    ('xxx', 'yyy')
    >>> cache.keys(), cache.nbytes  # "a" made room for "b"
    (['b'], 60)
    """

    def __init__(self, budget: int, sizeof: Callable[[V], int]) -> None:
        self.budget = int(budget)
        self._sizeof = sizeof
        self._entries: OrderedDict[Hashable, tuple[V, int]] = OrderedDict()
        self._lock = threading.Lock()
        self.nbytes = 0

    def keys(self) -> list[Hashable]:
        with self._lock:
            return list(self._entries)

    def get_or_make(self, key: Hashable, make: Callable[[], V]) -> V:
        """The cached value for ``key``, made (outside the lock) and stored on a miss."""
        with self._lock:
            hit = self._entries.get(key)
            if hit is not None:
                self._entries.move_to_end(key)
                return hit[0]
        value = make()
        size = int(self._sizeof(value))
        if size > self.budget:
            return value
        with self._lock:
            if key in self._entries:  # another session made it meanwhile: keep one copy
                self._entries.move_to_end(key)
                return self._entries[key][0]
            while self._entries and self.nbytes + size > self.budget:
                _, (_, old) = self._entries.popitem(last=False)
                self.nbytes -= old
            self._entries[key] = (value, size)
            self.nbytes += size
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self.nbytes = 0
