"""Docs that run: every public function of the engine has a numpydoc example, and pytest runs them."""

from __future__ import annotations

import configparser
import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _engine_modules() -> list[str]:
    names = ["kernels"] + [f"kernels.{m.name}" for m in pkgutil.iter_modules([str(ROOT / "kernels")])]
    names += [f"app.backend.{m.name}" for m in pkgutil.iter_modules([str(ROOT / "app" / "backend")])]
    return names


def _public_functions(module_name: str):
    module = importlib.import_module(module_name)
    for name, obj in vars(module).items():
        if not name.startswith("_") and inspect.isfunction(obj) and obj.__module__ == module_name:
            yield name, obj


@pytest.mark.parametrize("module_name", _engine_modules())
def test_every_public_function_has_a_numpydoc_example(module_name):
    missing = [
        name for name, fn in _public_functions(module_name)
        if "Examples\n" not in inspect.cleandoc(fn.__doc__ or "") or ">>>" not in (fn.__doc__ or "")
    ]
    assert missing == [], f"{module_name}: add an Examples section to {missing}"


def test_pytest_runs_the_engine_and_shared_ui_doctests_but_never_the_pages():
    ini = configparser.ConfigParser()
    ini.read(ROOT / "pytest.ini")
    assert "--doctest-modules" in ini["pytest"]["addopts"].split()
    paths = ini["pytest"]["testpaths"].split()
    assert {"app/backend", "kernels", "app/ui", "tests"} <= set(paths)
    assert not any(p in ("app", "app/labs") for p in paths)  # the labs' views run a page on import
