"""Output formats, one module each, all rendering the same list of FileResult.

Formatters never lint; the engine never formats.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from linter.results import FileResult
from linter.sheet import Sheet

Renderer = Callable[[list[FileResult], Sheet], str]
FORMATS = ("text", "json")


def renderer(name: str) -> Renderer:
    """The `render` function of `linter.formats.<name>` (loaded on demand: start-up stays cheap)."""
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}")
    module = import_module(f"linter.formats.{name.replace('-', '_')}")
    return module.render
