"""Benchmarks record their figures in one Markdown file, each in its own marked section, so one
script can refresh its numbers without touching the others'."""

from __future__ import annotations

import re
from pathlib import Path


def write_section(path: Path, name: str, title: str, body: str) -> None:
    """Replace the section `name` of `path` (between its markers), or append it under `title`."""
    start, end = f"<!-- {name} start -->", f"<!-- {name} end -->"
    block = f"{start}\n{body.rstrip()}\n{end}"
    old = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n"
    if start in old:
        new = re.sub(re.escape(start) + r".*?" + re.escape(end), lambda _: block, old, flags=re.S)
    else:
        new = f"{old.rstrip()}\n\n## {title}\n\n{block}\n"
    path.write_text(new, encoding="utf-8")
