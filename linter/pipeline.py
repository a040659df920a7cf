"""The one pipeline every surface runs: document -> annotate -> rules -> suppress -> de-duplicate.

The CLI (`runner`), `--jobs` workers, `--fix`'s re-lint, the HTTP API and the editor and crawl
integrations all call `check_document`, so a behaviour (blockquote exclusion, several sheets,
suppressions, the page-level relevance gate) exists once and every surface gets it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from linter.claims.relevance import Coverage
from linter.documents import Document
from linter.engine import lint_with_coverage
from linter.findings import Finding
from linter.rule import Rule
from linter.sheet import Sheet
from linter.suppress import apply_suppressions


class Options(NamedTuple):
    """How one document is checked. `whole_page=False` judges a lone sentence even when it never
    names the event's people (rule tests and examples); surfaces keep the default."""

    sheets: tuple[Sheet, ...]
    rules: Sequence[type[Rule]]
    published: dt.date | None = None
    report_unused: bool = True
    exclude_blockquotes: bool = False
    whole_page: bool = True


class Checked(NamedTuple):
    """One document's result: its findings in text order and what the sheets cover of it."""

    document: Document
    findings: list[Finding]
    coverage: Coverage


def check_document(doc: Document, options: Options) -> Checked:
    """Every selected rule against every sheet, one finding per (rule, span), then the document's
    own suppression comments (and FL001 for stale ones)."""
    merged: list[Finding] = []
    covers: list[Coverage] = []
    for sheet in options.sheets:
        found, covered = lint_with_coverage(
            doc, sheet, options.rules, published=options.published, whole_page=options.whole_page
        )
        merged += found
        covers.append(covered)
    findings = apply_suppressions(doc, dedupe(merged), options.report_unused, options.exclude_blockquotes)
    return Checked(doc, findings, merge_coverage(covers))


def dedupe(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per (rule, start, end), the first one kept, in text order."""
    seen: set[tuple[str, int, int]] = set()
    kept: list[Finding] = []
    for finding in findings:
        key = (finding.rule, finding.start, finding.end)
        if key not in seen:
            seen.add(key)
            kept.append(finding)
    kept.sort(key=lambda f: (f.start, f.end, f.rule))
    return kept


def merge_coverage(covers: list[Coverage]) -> Coverage:
    """Several sheets: the page is covered when any applies; the widest count of statements."""
    applying = [c for c in covers if c.applies]
    if applying:
        return max(applying, key=lambda c: c.statements)
    return covers[0] if covers else Coverage(False, 0, "no sheet")
