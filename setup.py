"""Only the optional compiled build is described here; everything else is in pyproject.toml.

With FACTLINT_COMPILE=1 (`FACTLINT_COMPILE=1 pip install .`), the shared analysis and the claim
readers (`linter/annotate`, `linter/claims`, where the engine spends its time) are compiled with
mypyc: the same findings (`.ci/run` checks the findings digest on the compiled build), 1.1-1.5x
the engine's throughput (docs/performance.md). It needs a C compiler and Python's headers. Without
the variable nothing is compiled and the install is pure Python."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from setuptools import setup

COMPILED_PACKAGES = ("linter/annotate", "linter/claims")
# Commands that only write the package's metadata (setuptools runs them to ask for the build
# requirements, before mypy is installed): nothing is compiled for them.
METADATA_ONLY = {"egg_info", "dist_info"}


def compiled_extensions() -> list[Any]:
    """mypyc's extension modules for the compiled build; none without FACTLINT_COMPILE=1."""
    if os.environ.get("FACTLINT_COMPILE") != "1" or not METADATA_ONLY.isdisjoint(sys.argv[1:]):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        sys.exit("setup.py: FACTLINT_COMPILE=1 needs mypy (with mypyc) in the build environment")
    return mypycify(sorted(str(path) for folder in COMPILED_PACKAGES for path in Path(folder).glob("*.py")))


if __name__ == "__main__":  # as setuptools runs it (tests import it to ask what it would compile)
    setup(ext_modules=compiled_extensions())
