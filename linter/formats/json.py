"""`--format json`: one document, `{"version": 1, "files": [{"path", "findings": [...]}]}`."""

from __future__ import annotations

import json

from linter.formats.results import FileResult
from linter.sheet import Sheet


def render(results: list[FileResult], sheet: Sheet) -> str:
    payload = {
        "version": 1,
        "files": [{"path": r.path, "findings": [f.to_dict() for f in r.findings]} for r in results],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
