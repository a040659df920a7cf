"""Is this install's engine the compiled build (`FACTLINT_COMPILE=1 pip install .`, setup.py)?

Shown by `factlint --version`, so whoever deployed it can tell which build runs, and read by the
tests that replace an engine function to count its calls: inside a compiled module, calls do not
go through the module's attributes, so such a replacement is never called there."""

from __future__ import annotations

from importlib.machinery import EXTENSION_SUFFIXES
from importlib.util import find_spec


def engine_compiled() -> bool:
    """True when the claim layer is loaded from a compiled extension module, not from source."""
    spec = find_spec("linter.claims.predicates")
    return bool(spec and spec.origin and spec.origin.endswith(tuple(EXTENSION_SUFFIXES)))


def version_text(version: str) -> str:
    """The version `factlint --version` shows, saying when the engine is compiled."""
    return f"{version} (compiled engine)" if engine_compiled() else version
