"""Findings as LSP data: diagnostic ranges and messages, hover text, quick-fix edits."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from linter.documents import Document
from linter.findings import Finding
from linter.lsp.html_spans import directive_span, source_span
from linter.lsp.positions import PositionMap
from linter.sheet import Fact, Sheet

Span = tuple[tuple[int, int], tuple[int, int]]  # ((line, character), (line, character))


@dataclass(frozen=True)
class Placed:
    """A finding and where it sits in the editor's buffer; `exact` when the span is the flagged text."""

    finding: Finding
    span: Span
    exact: bool


def place(findings: Iterable[Finding], buffer: str, doc: Document, positions: PositionMap) -> list[Placed]:
    """Buffer positions for findings whose offsets index `doc.text`: the buffer itself, or an HTML
    page's visible text, in which case the words (or the directive comment, for FL001) are looked
    up in the markup."""
    placed = []
    for f in findings:
        start, end = f.start, f.end
        if doc.kind == "html":
            located = (
                directive_span(buffer, [d[0] for d in doc.directives], f.start)
                if f.start == f.end
                else source_span(buffer, doc.text, f.start, f.end)
            )
            start, end = located if located is not None else (0, 0)
        exact = buffer[start:end] == f.found
        placed.append(Placed(f, (positions.position(start), positions.position(end)), exact))
    return placed


def sources_line(finding: Finding, sheets: Iterable[Sheet]) -> str:
    for sheet in sheets:
        if all(s in sheet.sources for s in finding.sources):
            return "; ".join(sheet.source_labels(finding.sources))
    return "; ".join(finding.sources)


def diagnostic_message(finding: Finding, sheets: Iterable[Sheet]) -> str:
    """The message, the sheet's value and its sources: what a reviewer needs to judge it."""
    lines = [finding.message, f"expected: {finding.expected}"]
    if finding.sources:
        lines.append(f"sources: {sources_line(finding, sheets)}")
    return "\n".join(lines)


def fact_of(finding: Finding, sheets: Iterable[Sheet]) -> tuple[Fact, Sheet] | None:
    for sheet in sheets:
        for fact in sheet.facts:
            if fact.id == finding.fact:
                return fact, sheet
    return None


def hover_markdown(finding: Finding, sheets: list[Sheet]) -> str:
    """The finding and the sheet's fact behind it, as Markdown."""
    out = [f"**{finding.rule}** {finding.message}"]
    match = fact_of(finding, sheets)
    if match is not None:
        fact, sheet = match
        subject = sheet.entities[fact.subject].name if fact.subject in sheet.entities else fact.subject
        relation = fact.relation.replace("_", " ")
        out.append(f"**Fact sheet** ({sheet.title}): {subject} · {relation}: **{fact.value.display(sheet)}**")
        if fact.status != "confirmed":
            out.append(f"status: {fact.status}")
        if fact.note:
            out.append(f"note: {fact.note}")
    else:
        out.append(f"expected: **{finding.expected}**")
    if finding.sources:
        out.append(f"sources: {sources_line(finding, sheets)}")
    if finding.suggestion is not None:
        out.append(f"suggestion: replace with '{finding.suggestion}'")
    return "\n\n".join(out)
