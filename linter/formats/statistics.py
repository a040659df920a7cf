"""`--statistics`: how many findings each rule produced, instead of the findings themselves.

`[*]` marks rules whose findings `--fix` can correct. With `--format json` the table is JSON.
"""

from __future__ import annotations

import json
from collections import Counter

from linter.fix import fixable
from linter.formats.common import rule_for
from linter.formats.results import FileResult


def rows(results: list[FileResult]) -> list[dict[str, object]]:
    findings = [f for r in results for f in r.findings]
    counts = Counter(f.rule for f in findings)
    can_fix = {f.rule for f in fixable(findings)}
    out = []
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        rule = rule_for(code)
        out.append({"code": code, "name": rule.name if rule else "", "count": count, "fixable": code in can_fix})
    return out


def render(results: list[FileResult], fmt: str = "text") -> str:
    table = rows(results)
    if fmt == "json":
        return json.dumps(table, indent=2) + "\n"
    width = max((len(str(row["count"])) for row in table), default=1)
    lines = [
        f"{row['count']:>{width}}  {row['code']}  {'[*]' if row['fixable'] else '   '} {row['name']}".rstrip()
        for row in table
    ]
    return "".join(line + "\n" for line in lines)
