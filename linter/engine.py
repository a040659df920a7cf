"""The rules stage: one annotated document, the rules it is handed, the claims they judge.

The engine imports no rule: callers pass the classes to run (see `linter.registry`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from linter.annotate.analysis import Analysis
from linter.claims.clauses import asserts
from linter.claims.relevance import Coverage, applies, coverage
from linter.documents import Document
from linter.findings import Finding
from linter.rule import Rule
from linter.sheet import Sheet


def lint(
    doc: Document,
    sheet: Sheet,
    rules: Sequence[type[Rule]],
    published: dt.date | None = None,
) -> list[Finding]:
    """Every rule's findings for one document (the pipeline sorts and de-duplicates them)."""
    return lint_with_coverage(doc, sheet, rules, published, whole_page=False)[0]


def lint_with_coverage(
    doc: Document,
    sheet: Sheet,
    rules: Sequence[type[Rule]],
    published: dt.date | None = None,
    whole_page: bool = True,
) -> tuple[list[Finding], Coverage]:
    """The findings plus what the sheet covers. A page the sheet does not apply to (it never names
    the event's people) gets no findings at all: judging it would only produce noise. Rule tests
    and rule examples judge lone sentences, not pages, and pass `whole_page=False`."""
    analysis = Analysis(doc, sheet, published=published)
    if whole_page and not applies(analysis):
        return [], coverage(analysis)  # says why, without counting anything
    findings: list[Finding] = []
    for rule in rules:
        for finding in rule().check(analysis):
            if rule.judges_claims and not asserts(analysis, finding.start, finding.end):
                continue  # a question, a denial or someone else's words: not the writer's claim
            findings.append(finding.with_applicability(rule.fix_applicability))
    return findings, coverage(analysis, judged=(f.start for f in findings))
