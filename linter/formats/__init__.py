"""Output formats, one module each, all rendering the same list of FileResult.

Formatters never lint; the engine never formats. `linter/formats/common.py` holds what several
formats share (where a finding is in the file on disk, rule metadata, the sentence of a finding).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from linter.formats.results import FileResult
from linter.sheet import Sheet

Renderer = Callable[[list[FileResult], Sheet], str]
FORMATS = ("text", "json", "json-lines", "sarif", "github", "junit", "claimreview")


def renderer(name: str) -> Renderer:
    """The `render` function of `linter.formats.<name>` (loaded on demand: start-up stays cheap)."""
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}")
    module = import_module(f"linter.formats.{name.replace('-', '_')}")
    render: Renderer = module.render
    return render
