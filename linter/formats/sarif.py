"""`--format sarif`: SARIF 2.1.0, the format GitHub code scanning and other tools ingest.

Lines and columns are 1-based and count code points (`columnKind: unicodeCodePoints`). Suggestions
become SARIF `fixes`. HTML findings point at the file's first line (their positions index the
page's text, not its markup) and say where they are in the page's text.
"""

from __future__ import annotations

import inspect
import json
from typing import Any

from linter import __version__
from linter.findings import Finding
from linter.formats.common import page_position, positions_in_file, rule_for, uri
from linter.formats.results import FileResult
from linter.sheet import Sheet

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def descriptor(code: str) -> dict[str, Any]:
    """`reportingDescriptor` of a rule: its summary, its docstring and its examples as help."""
    rule = rule_for(code)
    if rule is None:
        return {"id": code}
    return {
        "id": code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary()},
        "fullDescription": {"text": inspect.cleandoc(rule.__doc__ or rule.summary())},
        "help": {"text": rule.explain()},
        "defaultConfiguration": {"level": "warning" if code.startswith("FL0") else "error"},
    }


def region(finding: Finding) -> dict[str, Any]:
    return {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
    }


def result(path: str, finding: Finding, index: int, sheet: Sheet) -> dict[str, Any]:
    in_file = positions_in_file(path)
    message = finding.message if in_file else f"{finding.message} {page_position(finding)}"
    place: dict[str, Any] = {"artifactLocation": {"uri": uri(path)}}
    if in_file:
        place["region"] = {**region(finding), "snippet": {"text": finding.found}}
    else:
        place["region"] = {"startLine": 1}
    out: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": index,
        "level": "error" if finding.severity == "error" else "warning",
        "message": {"text": message},
        "locations": [{"physicalLocation": place}],
        "properties": {
            "fact": finding.fact,
            "found": finding.found,
            "expected": finding.expected,
            "sources": list(sheet.source_labels(finding.sources)),
        },
    }
    if in_file and finding.suggestion is not None:
        out["fixes"] = [
            {
                "description": {"text": f"Replace with {finding.suggestion!r}"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": uri(path)},
                        "replacements": [
                            {"deletedRegion": region(finding), "insertedContent": {"text": finding.suggestion}}
                        ],
                    }
                ],
            }
        ]
    return out


def render(results: list[FileResult], sheet: Sheet) -> str:
    codes = sorted({f.rule for r in results for f in r.findings})
    index = {code: i for i, code in enumerate(codes)}
    run = {
        "tool": {
            "driver": {
                "name": "factlint",
                "version": __version__,
                "rules": [descriptor(code) for code in codes],
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": [result(r.path, f, index[f.rule], sheet) for r in results for f in r.findings],
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
