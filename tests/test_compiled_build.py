"""The optional compiled build (`FACTLINT_COMPILE=1 pip install .`): what it asks for and compiles,
and how an install tells which build it is. `.ci/run` builds it and runs the engine's tests on it;
these tests check the switch itself, without a compiler."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from linter import __version__
from linter.compiled import engine_compiled, version_text

ROOT = Path(__file__).resolve().parent.parent


def load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_without_the_variable_nothing_is_compiled_or_required(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FACTLINT_COMPILE", raising=False)
    monkeypatch.chdir(ROOT)
    assert load(ROOT / "setup.py").compiled_extensions() == []
    assert load(ROOT / "build_backend" / "factlint_build.py").compile_requirements() == []


def test_the_compiled_build_requires_mypy_and_the_engines_dependencies(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTLINT_COMPILE", "1")
    monkeypatch.chdir(ROOT)
    required = load(ROOT / "build_backend" / "factlint_build.py").compile_requirements()
    assert required[0].startswith("mypy")
    assert any(r.startswith("rapidfuzz") for r in required)  # the engine's types come from it


def test_asking_for_the_build_requirements_compiles_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """setuptools runs setup.py with egg_info to ask for requirements, before mypy is installed."""
    monkeypatch.setenv("FACTLINT_COMPILE", "1")
    monkeypatch.setattr(sys, "argv", ["setup.py", "egg_info"])
    assert load(ROOT / "setup.py").compiled_extensions() == []


def test_the_compiled_packages_are_the_engines_hot_ones() -> None:
    setup = load(ROOT / "setup.py")
    assert setup.COMPILED_PACKAGES == ("linter/annotate", "linter/claims")
    assert all((ROOT / folder / "__init__.py").is_file() for folder in setup.COMPILED_PACKAGES)


def test_the_source_tree_is_not_the_compiled_build() -> None:
    assert not engine_compiled()
    assert version_text("1.2.3") == "1.2.3"


def test_factlint_version_says_which_build() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "linter", "--version"], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout == f"factlint, version {version_text(__version__)}\n"
    assert done.stdout.rstrip().endswith("(compiled engine)") == engine_compiled()


def test_an_sdist_carries_the_in_tree_backend() -> None:
    """pyproject.toml names a backend in this tree; an sdist without it could not be built."""
    import tomllib

    system = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]
    (folder,) = system["backend-path"]
    backend = f"{folder}/{system['build-backend']}.py"
    assert (ROOT / backend).is_file()
    assert f"include {backend}" in (ROOT / "MANIFEST.in").read_text(encoding="utf-8").splitlines()
