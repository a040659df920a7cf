"""Which files a run lints: explicit files as given, folders walked recursively for known kinds."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from linter.documents.document import DocumentError, kind_for

SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".mypy_cache"}


Excluded = Callable[[str], bool]


def collect(
    paths: list[str], excluded: Excluded | None = None, errors: list[DocumentError] | None = None
) -> Iterator[str]:
    """Yield file paths in a stable order; '-' (stdin) is passed through as is.

    `excluded` (the configuration's `exclude` globs) prunes folders met while walking and drops
    files, also files named on the command line: pre-commit names every file it passes. A folder
    that cannot be listed is never skipped in silence: it goes to `errors`, or is raised without it.
    """
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, excluded, errors)
        elif excluded is None or not excluded(raw):
            yield raw  # a missing or unreadable file is reported by the loader, by name


def _walk(root: Path, excluded: Excluded | None, errors: list[DocumentError] | None) -> Iterator[str]:
    def unreadable(exc: OSError) -> None:
        error = DocumentError(str(exc.filename or root), f"cannot read folder ({exc.strerror or exc})")
        if errors is None:
            raise error
        errors.append(error)

    for folder, dirs, files in os.walk(root, onerror=unreadable):
        dirs[:] = sorted(
            d
            for d in dirs
            if d not in SKIP_DIRS
            and not d.startswith(".")
            and (excluded is None or not excluded(str(Path(folder) / d)))
        )
        for name in sorted(files):
            if name.startswith(".") or kind_for(name, default="") not in {"text", "markdown", "html"}:
                continue
            path = str(Path(folder) / name)
            if excluded is None or not excluded(path):
                yield path
