"""factlint's build backend: setuptools' own, plus the build requirements of the compiled build.

`FACTLINT_COMPILE=1 pip install .` compiles the engine's hot modules with mypyc (see setup.py).
mypyc compiles what mypy has type-checked, so the isolated build environment then needs mypy and
the project's own dependencies (the engine's types come from rapidfuzz and the others, as in CI).
setup.py cannot add build requirements, a backend can. Without the variable every hook is
setuptools' own, unchanged."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from setuptools import build_meta
from setuptools.build_meta import *  # noqa: F403  (every other hook, as setuptools defines it)


def compiling() -> bool:
    return os.environ.get("FACTLINT_COMPILE") == "1"


def compile_requirements() -> list[str]:
    """mypy (whose mypyc compiles) and the dependencies it type-checks the engine against."""
    if not compiling():
        return []
    project = tomllib.loads(Path("pyproject.toml").read_text(encoding="utf-8"))["project"]
    return ["mypy>=1.10", *project["dependencies"]]


def get_requires_for_build_wheel(config_settings: dict[str, Any] | None = None) -> list[str]:
    return [*build_meta.get_requires_for_build_wheel(config_settings), *compile_requirements()]
