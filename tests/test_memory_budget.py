"""The memory table adds up, every byte-budgeted cache is in it, and the deployments' limits come from it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

from app.backend.images import DECODE_PEAK_MB
from app.ui import memory_budget as mb

ROOT = Path(__file__).resolve().parents[1]
UNITS_MIB = {"Ki": 1 / 1024, "Mi": 1, "Gi": 1024, "K": 1e3 / 2**20, "M": 1e6 / 2**20, "G": 1e9 / 2**20,
             "k": 1 / 1024, "m": 1, "g": 1024}  # Kubernetes quantities, then compose's byte values


def mib(quantity) -> float:
    match = re.fullmatch(r"(\d+(?:\.\d+)?)([A-Za-z]*)", str(quantity).strip())
    assert match, quantity
    number, unit = match.groups()
    return float(number) * UNITS_MIB[unit] if unit else float(number) / 2**20


def test_quantities_are_read_as_kubernetes_and_compose_mean_them():
    assert mib("2Gi") == 2048 and mib("3584Mi") == 3584 and mib("3584m") == 3584 and mib(str(2**30)) == 1024


def test_the_table_adds_up_to_the_limit():
    rows = dict(mb.table())
    assert rows["one image decode at a time"] == DECODE_PEAK_MB
    assert rows["framework baseline"] == mb.BASELINE_MB
    assert all(rows[f"cache {name}"] == budget for name, budget in mb.CACHE_BUDGETS_MB.items())
    assert mb.total_mb() == sum(rows.values())
    assert mb.total_mb() <= mb.container_limit_mib() < mb.total_mb() + mb.LIMIT_STEP_MIB


def _budget_variables_in_source() -> set[str]:
    """Every cache budget variable the app's code reads (``cache_budget("...")`` / ``budget_from_env("...")``)."""
    found = set()
    for path in (ROOT / "app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None))
                    in ("cache_budget", "budget_from_env") and node.args and isinstance(node.args[0], ast.Constant)):
                found.add(node.args[0].value)
    return found


def test_every_byte_budgeted_cache_is_in_the_table():
    used = _budget_variables_in_source()
    assert {"CONVSCOPE_ANALYSIS_CACHE_MB", "CONVSCOPE_FILTER_CACHE_MB", "CONVSCOPE_CNN_MAPS_CACHE_MB"} <= used
    assert used == set(mb.CACHE_BUDGETS_MB)


def test_the_caches_take_their_budgets_from_the_table(monkeypatch):
    from app.labs.cnn_lab.pipeline import MAPS
    from app.labs.filter_designer import pipeline
    from app.labs.image_lab.pipeline import ANALYSES, PANELS
    from app.ui import image_picker as widgets

    for cache, name in [(ANALYSES, "CONVSCOPE_ANALYSIS_CACHE_MB"), (PANELS, "CONVSCOPE_PANEL_CACHE_MB"),
                        (widgets._SAMPLES, "CONVSCOPE_SAMPLE_CACHE_MB"), (pipeline.FILTERS, "CONVSCOPE_FILTER_CACHE_MB"),
                        (MAPS, "CONVSCOPE_CNN_MAPS_CACHE_MB")]:
        monkeypatch.delenv(name, raising=False)
        assert cache.budget == mb.CACHE_BUDGETS_MB[name] * 2**20, name


def test_the_filter_designer_cache_is_bounded_in_bytes():
    import numpy as np

    from app.labs.filter_designer import pipeline
    from app.ui.image_picker import make_picked

    pipeline.FILTERS.clear()
    rng = np.random.default_rng(7)
    for _ in range(8):  # eight students' different 512 px colour images
        picked = make_picked(rng.random((512, 512, 3)), name="u.png", source="upload", colour=True, size=512)
        filt = pipeline.filter_for(picked, "none")
        assert filt.nbytes == 512 * 512 * 3 * 16 + 512 * 512 * 16  # the FFT and the luminance spectrum
        assert pipeline.filter_for(picked, "none") is filt  # a hit while it is the newest
    assert 0 < pipeline.FILTERS.nbytes <= pipeline.FILTERS.budget
    pipeline.FILTERS.clear()


def test_every_cache_data_together_has_the_tables_budget():
    import tomllib

    from streamlit.byte_util import config_max_cache_data_size_to_bytes

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config_max_cache_data_size_to_bytes(config["server"]["maxCacheDataSize"]) == mb.CACHE_DATA_MB * 2**20
    assert dict(mb.table())["st.cache_data of every page (server.maxCacheDataSize)"] == mb.CACHE_DATA_MB


def test_no_cache_resource_holds_a_pages_big_arrays():
    """``st.cache_resource`` is bounded by entry count only: the big per-image results (FFTs, maps)
    live in byte-budgeted caches; what is left is in the small-caches allowance."""
    left = {}
    for path in (ROOT / "app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef):
                for dec in node.decorator_list:
                    if "cache_resource" in ast.unparse(dec):
                        left[node.name] = str(path.relative_to(ROOT))
    # also small: the shipped hybrid pair (one entry, two 512² images: 4 MB) and the Signal Lab's
    # per-setting charts (1-D signals and chart dicts, about 0.3 MB an entry, 24 entries)
    assert set(left) == {"grey_image", "c1_bank", "c3_bank", "_layer_input", "shipped_pair", "_still"}, left


def _k8s_containers():
    # ConvScope's own pods (the class-poll Redis has its own small limit, tested with its manifest)
    for path in [ROOT / "deploy" / "k8s" / "convscope.yaml"]:
        for doc in yaml.load_all(path.read_text(), Loader=_UniqueKeyLoader):
            if doc and doc.get("kind") in ("Deployment", "StatefulSet", "DaemonSet"):
                yield from ((path.name, c) for c in doc["spec"]["template"]["spec"]["containers"])


def test_kubernetes_memory_comes_from_the_table():
    containers = list(_k8s_containers())
    assert containers
    for name, container in containers:
        resources = container["resources"]
        assert mib(resources["limits"]["memory"]) == mb.container_limit_mib(), name
        assert mib(resources["requests"]["memory"]) == mb.container_limit_mib(), name  # guaranteed, never overcommitted


class _UniqueKeyLoader(yaml.SafeLoader):
    """YAML that refuses a key given twice in one mapping (plain YAML keeps the last one silently)."""

    def construct_mapping(self, node, deep=False):
        keys = [self.construct_object(k, deep=deep) for k, _ in node.value]
        duplicated = {k for k in keys if keys.count(k) > 1 and k != "<<"}
        if duplicated:
            raise yaml.constructor.ConstructorError(None, None, f"keys given twice: {sorted(duplicated)}", node.start_mark)
        return super().construct_mapping(node, deep=deep)


def test_duplicate_keys_are_caught():
    with pytest.raises(yaml.constructor.ConstructorError, match="mem_limit"):
        yaml.load("a:\n  mem_limit: 2g\n  mem_limit: 3g\n", Loader=_UniqueKeyLoader)


def test_compose_memory_comes_from_the_table():
    services = yaml.load((ROOT / "deploy" / "compose.yaml").read_text(), Loader=_UniqueKeyLoader)["services"]
    replicas = {name: s for name, s in services.items() if "convscope" in str(s.get("image", "")) or "build" in s}
    assert len(replicas) >= 2
    for name, service in replicas.items():
        limit = service.get("mem_limit") or service.get("deploy", {}).get("resources", {}).get("limits", {}).get("memory")
        assert limit is not None, f"{name} has no memory limit"
        assert mib(limit) == pytest.approx(mb.container_limit_mib()), name
