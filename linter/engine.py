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
    selected = None if select is None else expand_codes(select, codes)
    ignored = set() if ignore is None else expand_codes(ignore, codes)
    return [r for r in rules if (selected is None or r.code in selected) and r.code not in ignored]


def code_matches(code: str, pattern: str) -> bool:
    """Does a ruff-style pattern ('FL2', 'FL201', 'ALL') name `code`?"""
    pattern = pattern.strip().upper()
    return pattern in {"ALL", ""} or code.startswith(pattern)


def expand_codes(patterns: Iterable[str], known: Iterable[str]) -> set[str]:
    """The codes among `known` that the patterns name; a pattern naming none is a SelectionError."""
    known = list(known)
    chosen: set[str] = set()
    for raw in patterns:
        matched = [c for c in known if code_matches(c, raw)] if raw.strip() else []  # "" is no code, not ALL
        if not matched:
            raise SelectionError(f"unknown rule code {raw!r} (see 'factlint rule --all')")
        chosen.update(matched)
    return chosen


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
            if rule.judges_claims and not analysis.asserts(finding.start, finding.end):
                continue  # a question, a denial or someone else's words: not the writer's claim
            key = (finding.rule, finding.start, finding.end)
            if key not in seen:
                seen.add(key)
                findings.append(finding)
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return findings
