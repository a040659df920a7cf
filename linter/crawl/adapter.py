"""The one seam between the crawler / language server and the engine.

Both surfaces lint many documents with one resolved configuration (`FileSettings`), which
`linter.api.check_text` does not take directly: it takes one sheet and a rule selection. This adapter
maps settings onto `check_text` (one call per sheet, findings merged as `factlint check` merges
them), so a refactor of the engine touches this module only.

Known gap: `check_text` has no `exclude-blockquotes`; quoted findings are dropped after the fact,
so a directive that silenced only a quoted finding is not reported as FL001 here (`check` would).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from linter.api import check_text
from linter.config import FileSettings, known_codes
from linter.document import Document
from linter.findings import Finding
from linter.runner import published_for, sheets_for
from linter.sheet import Sheet
from linter.suppress import UNUSED_CODE, quote_spans


@dataclass(frozen=True)
class Checked:
    """One linted document and what `factlint check` would report for it."""

    document: Document
    findings: list[Finding]


def settings_sheets(settings: FileSettings) -> tuple[Sheet, ...]:
    """The sheets of `settings`, loaded once per process (SheetError if one is bad)."""
    return sheets_for(settings.sheets)


def check_document(text: str, kind: str, path: str, settings: FileSettings, extract: bool = False) -> Checked:
    """Lint `text` as `factlint check` lints a file with these settings."""
    published = settings.published_override
    runs = [_check(text, kind, path, settings, sheet, published, extract) for sheet in settings_sheets(settings)]
    if published is None and settings.published_default is not None:
        # The configured date applies only when the document gives none: that needs the document.
        resolved = published_for(runs[0].document, settings)
        if resolved != runs[0].document.published:
            runs = [_check(text, kind, path, settings, s, resolved, extract) for s in settings_sheets(settings)]
    return Checked(runs[0].document, _merge(runs))


def _check(
    text: str, kind: str, path: str, settings: FileSettings, sheet: Sheet, published: dt.date | None, extract: bool
) -> Checked:
    select, ignore = selection(settings.codes)
    doc, findings = check_text(
        text, kind=kind, path=path, sheet=sheet, published=published, select=select, ignore=ignore, extract=extract
    )
    if settings.exclude_blockquotes:
        quotes = quote_spans(doc)
        findings = [f for f in findings if not any(a <= f.start < b for a, b in quotes)]
    return Checked(doc, findings)


def selection(codes: tuple[str, ...]) -> tuple[list[str] | None, list[str] | None]:
    """`check_text`'s select/ignore for resolved codes: FL001 is not an engine rule, so it is
    chosen by selecting everything and ignoring the engine rules left out."""
    engine = [c for c in codes if c != UNUSED_CODE]
    if UNUSED_CODE not in codes:
        return engine, None
    left_out = [c for c in known_codes() if c not in codes]
    return None, left_out or None


def _merge(runs: list[Checked]) -> list[Finding]:
    """One finding per (rule, span) across sheets; a directive is stale (FL001) only if it is stale
    against every sheet, since each run applies the document's suppressions on its own."""
    if len(runs) == 1:
        return runs[0].findings
    stale = set.intersection(*({_key(f) for f in r.findings if f.rule == UNUSED_CODE} for r in runs))
    merged: dict[tuple[str, int, int], Finding] = {}
    for run in runs:
        for finding in run.findings:
            if finding.rule != UNUSED_CODE or _key(finding) in stale:
                merged.setdefault(_key(finding), finding)
    return sorted(merged.values(), key=lambda f: (f.start, f.end, f.rule))


def _key(finding: Finding) -> tuple[str, int, int]:
    return (finding.rule, finding.start, finding.end)
