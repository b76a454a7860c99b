"""Once per server process: what a classroom server needs beyond `.streamlit/config.toml`.

* One BLAS thread: OpenBLAS's worker threads spin for milliseconds after every call (even a
  dot product of a few thousand numbers); on a 2-core server that burned ~90 ms of CPU per
  slider move, three times the move itself. Sessions already keep the cores busy. (FFTs use
  ``scipy.fft``'s own ``workers`` and are not affected.)
* A reaper for closed tabs: Streamlit keeps a disconnected session for
  ``server.disconnectedSessionTTL`` seconds so a reconnecting laptop gets it back, but its
  session store only *drops* an expired entry (on the next disconnect) without shutting the
  session down, so the session's uploads and ``/media`` images were never freed. The reaper
  shuts expired sessions down properly, then collects cyclic garbage and returns freed heap to
  the operating system (the per-run collection is off: see the config).
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import gc
import logging
import threading
import time

from streamlit import config, runtime
from threadpoolctl import threadpool_limits

_LOG = logging.getLogger(__name__)


@functools.cache
def configure_process() -> None:
    """Limit BLAS threads and start the session reaper (idempotent; called by the router)."""
    import scipy.linalg  # noqa: F401  (load SciPy's OpenBLAS too, so the limit reaches it)

    threadpool_limits(limits=1, user_api="blas")
    interval = reap_interval(float(config.get_option("server.disconnectedSessionTTL")))
    threading.Thread(target=_reap_forever, args=(interval,), name="convscope-reaper", daemon=True).start()


def reap_interval(ttl_s: float) -> float:
    """How often to look for expired sessions: a quarter of the TTL, within 1..15 s.

    Examples
    --------
    >>> reap_interval(60), reap_interval(2), reap_interval(600)
    (15.0, 1.0, 15.0)
    """
    return float(min(15.0, max(1.0, ttl_s / 4)))


def reap_expired_sessions() -> int:
    """Shut down disconnected sessions whose TTL has passed; returns how many were shut down.

    Reads Streamlit's session manager (``_session_storage`` of the websocket session manager):
    if a Streamlit release changes it, this does nothing and says so once in the log.
    """
    if not runtime.exists():
        return 0
    mgr = getattr(runtime.get_instance(), "_session_mgr", None)
    cache = getattr(getattr(mgr, "_session_storage", None), "_cache", None)
    if not callable(getattr(cache, "expire", None)):
        _warn_once()
        return 0
    with getattr(mgr, "_storage_lock", None) or contextlib.nullcontext():
        expired = cache.expire()
    for _, info in expired:
        info.session.shutdown()  # frees its uploads and its references to /media images
    return len(expired)


@functools.cache
def _warn_once() -> None:
    _LOG.warning("ConvScope: this Streamlit release has no session store to reap; closed tabs keep their memory")


def _release_memory() -> None:
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)  # glibc keeps freed heap pages unless asked


def _reap_forever(interval_s: float) -> None:
    while True:
        time.sleep(interval_s)
        try:
            if reap_expired_sessions():
                _release_memory()
        except Exception:  # the reaper must outlive any one bad session
            _LOG.exception("ConvScope: reaping expired sessions failed")
