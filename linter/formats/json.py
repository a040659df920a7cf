"""`--format json`: one document, `{"version": 1, "files": [{"path", "findings": [...]}]}`.

A file that could not be checked (missing, binary, unreadable) or whose fixes could not be written
is listed too, with an `error` line naming what went wrong, so a consumer never mistakes a file
that was skipped for a clean one.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from linter.formats.results import FileResult
from linter.sheet import Sheet


def render(results: list[FileResult], sheet: Sheet, failed: Sequence[tuple[str, str]] = ()) -> str:
    """`failed` holds (path, one-line error) pairs, as the command line prints them."""
    errors = dict(failed)
    files: list[dict[str, Any]] = []
    for r in results:
        entry: dict[str, Any] = {"path": r.path, "findings": [f.to_dict() for f in r.findings]}
        if r.path in errors:
            entry["error"] = errors.pop(r.path)
        files.append(entry)
    files += [{"path": path, "findings": [], "error": error} for path, error in errors.items()]
    return json.dumps({"version": 1, "files": files}, ensure_ascii=False, indent=2) + "\n"
