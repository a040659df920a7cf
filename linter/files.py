"""Which files a run lints: explicit files as given, folders walked recursively for known kinds."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from linter.document import kind_for

SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".mypy_cache"}


def collect(paths: list[str]) -> Iterator[str]:
    """Yield file paths in a stable order; '-' (stdin) is passed through as is."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        else:
            yield raw  # a missing or unreadable file is reported by the loader, by name


def _walk(root: Path) -> Iterator[str]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and kind_for(name, default="") in {"text", "markdown", "html"}:
                yield str(Path(folder) / name)
