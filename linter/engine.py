"""The pipeline: document -> shared analysis -> every selected rule -> sorted, de-duplicated findings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from linter.analysis import Analysis
from linter.document import Document
from linter.findings import Finding
from linter.rule import Rule
from linter.sheet import Sheet


class SelectionError(ValueError):
    """An unknown rule code in --select/--ignore or the API's select/ignore."""


def all_rules() -> list[type[Rule]]:
    from rules import RULES

    return list(RULES)


def select_rules(select: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> list[type[Rule]]:
    """Rules chosen ruff-style: codes or prefixes ('FL2' selects FL2xx); ignore wins over select."""
    rules = all_rules()
    codes = [r.code for r in rules]

    def expand(patterns: Iterable[str] | None) -> set[str] | None:
        if patterns is None:
            return None
        chosen: set[str] = set()
        for raw in patterns:
            pattern = raw.strip().upper()
            if pattern in {"ALL", ""}:
                chosen.update(codes)
                continue
            matched = [c for c in codes if c.startswith(pattern)]
            if not matched:
                raise SelectionError(f"unknown rule code {raw!r} (see 'factlint rule --all')")
            chosen.update(matched)
        return chosen

    selected = expand(select)
    ignored = expand(ignore) or set()
    return [r for r in rules if (selected is None or r.code in selected) and r.code not in ignored]


def lint(
    doc: Document,
    sheet: Sheet,
    rules: Sequence[type[Rule]] | None = None,
    published: dt.date | None = None,
) -> list[Finding]:
    """All findings for one document, in text order, one per (rule, span)."""
    analysis = Analysis(doc, sheet, published=published)
    seen: set[tuple[str, int, int]] = set()
    findings: list[Finding] = []
    for rule in rules if rules is not None else all_rules():
        for finding in rule().check(analysis):
            key = (finding.rule, finding.start, finding.end)
            if key not in seen:
                seen.add(key)
                findings.append(finding)
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return findings
