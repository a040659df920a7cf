"""`--format json-lines`: one JSON object per finding per line (the finding plus its `path`), for
streaming tools and `jq -c`. A clean run prints nothing."""

from __future__ import annotations

import json

from linter.formats.results import FileResult
from linter.sheet import Sheet


def render(results: list[FileResult], sheet: Sheet) -> str:
    lines = [json.dumps({"path": r.path, **f.to_dict()}, ensure_ascii=False) for r in results for f in r.findings]
    return "".join(line + "\n" for line in lines)
