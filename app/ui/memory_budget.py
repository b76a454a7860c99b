"""How much memory one ConvScope server process may use: the one table that sizes a deployment.

A replica's memory is its framework baseline, one image decode at a time, the process-wide
caches (each bounded in bytes: :class:`app.ui.cache.ByteBudgetCache`, and Streamlit's one budget
for every ``st.cache_data``), a few small count-bounded caches, and the sessions of the students
it serves.  The caches take their
default budgets from :data:`CACHE_BUDGETS_MB` (an environment variable of the same name
overrides one per server); the container and Kubernetes memory limits in ``deploy/`` are
:func:`container_limit_mib`, and ``tests/test_memory_budget.py`` checks that they agree.

Change a budget here, then update ``deploy/compose.yaml`` and ``deploy/k8s/*.yaml`` to the new
:func:`container_limit_mib` (``python3 -m app.ui.memory_budget`` prints the table and the limit).
"""

from __future__ import annotations

import math

from app.backend.images import DECODE_PEAK_MB

#: Default byte budgets (MB) of the process-wide caches, by the environment variable that overrides each.
CACHE_BUDGETS_MB: dict[str, int] = {
    "CONVSCOPE_ANALYSIS_CACHE_MB": 768,  # Image Lab: spectra and filtered images per image and kernel
    "CONVSCOPE_PANEL_CACHE_MB": 64,  # Image Lab: encoded panels
    "CONVSCOPE_SAMPLE_CACHE_MB": 256,  # decoded samples at each working size and colour
    "CONVSCOPE_FILTER_CACHE_MB": 384,  # Filter Designer: an image's FFT (256 MB at 2048 px colour)
    "CONVSCOPE_CNN_MAPS_CACHE_MB": 128,  # CNN Lab: the maps of each stage (8 MB for 8 maps at 512 px)
}
#: Every page's ``st.cache_data`` entries together (Streamlit's ``server.maxCacheDataSize`` in
#: ``.streamlit/config.toml``, serialized bytes; least recently used entries go first).
CACHE_DATA_MB: int = 256
#: Streamlit, numpy, scipy and plotly imported and the pages run once (measured ~200 MB; margin for growth).
BASELINE_MB: int = 256
#: What remains bounded by entry count only, an allowance: the CNN Lab's grey inputs, kernel banks and
#: padded input spectra (``st.cache_resource``, about 1 MB an entry, 6-24 entries) and the engine's
#: ``functools.lru_cache``s (decoded samples at 512 px: 10 × 6 MB; kernels; display tables).
SMALL_CACHES_MB: int = 128
#: Students one replica is sized for, and what each session holds at the default settings
#: (measured: 100 sessions held 2.2 GB including the baseline, see ``docs`` serving notes).
SESSIONS_PER_REPLICA: int = 40
SESSION_MB: int = 20
#: Kubernetes and compose limits are whole multiples of this (MiB).
LIMIT_STEP_MIB: int = 256


def table() -> list[tuple[str, int]]:
    """Every term of a replica's memory, in MB, in the order the docs list them.

    Examples
    --------
    >>> dict(table())["one image decode at a time"]
    512
    """
    rows = [("framework baseline", BASELINE_MB), ("one image decode at a time", DECODE_PEAK_MB)]
    rows += [(f"cache {name}", mb) for name, mb in CACHE_BUDGETS_MB.items()]
    rows += [("st.cache_data of every page (server.maxCacheDataSize)", CACHE_DATA_MB),
             ("count-bounded small caches (allowance)", SMALL_CACHES_MB),
             (f"{SESSIONS_PER_REPLICA} sessions × {SESSION_MB} MB", SESSIONS_PER_REPLICA * SESSION_MB)]
    return rows


def total_mb() -> int:
    """The sum of :func:`table` (MB).

    Examples
    --------
    >>> total_mb() == sum(mb for _, mb in table())
    True
    """
    return sum(mb for _, mb in table())


def container_limit_mib() -> int:
    """The memory limit of one replica's container or pod: :func:`total_mb` rounded up to :data:`LIMIT_STEP_MIB`.

    Examples
    --------
    >>> container_limit_mib() % LIMIT_STEP_MIB, container_limit_mib() >= total_mb()
    (0, True)
    """
    return math.ceil(total_mb() / LIMIT_STEP_MIB) * LIMIT_STEP_MIB


if __name__ == "__main__":
    for name, mb in table():
        print(f"{name:56s} {mb:6d} MB")
    print(f"{'total':56s} {total_mb():6d} MB\ncontainer limit: {container_limit_mib()}Mi")
