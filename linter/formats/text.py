"""`--format text` (default): ruff-style diagnostics with the source line, carets and the sheet's fact."""

from __future__ import annotations

from collections.abc import Sequence

from linter.annotate.text import LineIndex
from linter.findings import Finding
from linter.formats.results import FileResult
from linter.sheet import Sheet


def _snippet(text: str, lines: LineIndex, finding: Finding) -> list[str]:
    start, end = lines.line_bounds(finding.line, text)
    source = text[start:end].rstrip("\n").replace("\t", " ")
    width = len(str(finding.line))
    last = finding.end_column if finding.end_line == finding.line else len(source) + 1
    carets = " " * (finding.column - 1) + "^" * max(1, last - finding.column)
    pad = " " * width
    return [f" {pad} |", f" {finding.line} | {source}", f" {pad} | {carets}"]


def render_finding(result: FileResult, lines: LineIndex, finding: Finding, sheet: Sheet) -> str:
    head = f"{result.path}:{finding.line}:{finding.column}: {finding.rule} [{finding.severity}] {finding.message}"
    body = _snippet(result.text, lines, finding)
    sources = "; ".join(sheet.source_labels(finding.sources))
    body.append(f"   = expected: {finding.expected}" + (f" (sources: {sources})" if sources else ""))
    if finding.suggestion == "":
        body.append("   = suggestion: remove it")
    elif finding.suggestion is not None:
        body.append(f"   = suggestion: replace with {finding.suggestion!r}")
    return "\n".join([head, *body])


def render_findings(results: list[FileResult], sheet: Sheet) -> str:
    """The findings alone, without the summary line (`--quiet`)."""
    blocks = [
        render_finding(result, LineIndex(result.text), finding, sheet)
        for result in results
        for finding in result.findings
    ]
    return "".join(block + "\n\n" for block in blocks)


def render(results: list[FileResult], sheet: Sheet, failed: Sequence[tuple[str, str]] = ()) -> str:
    """Findings, then one summary line; `failed` (path, error) files are counted, never called clear."""
    blocks: list[str] = []
    errors = warnings = 0
    for result in results:
        lines = LineIndex(result.text)
        for finding in result.findings:
            blocks.append(render_finding(result, lines, finding, sheet))
        errors += result.errors
        warnings += result.warnings
    files = sum(1 for r in results if r.findings)
    if errors or warnings:
        blocks.append(
            f"Found {errors} error{'s' * (errors != 1)} and {warnings} warning{'s' * (warnings != 1)}"
            f" in {files} file{'s' * (files != 1)} ({len(results)} checked)."
        )
    elif not failed:
        blocks.append(f"All clear: {len(results)} file{'s' * (len(results) != 1)} checked, no findings.")
    else:
        blocks.append(f"No findings in {len(results)} file{'s' * (len(results) != 1)} checked.")
    if failed:
        count = len(dict(failed))
        blocks[-1] += f" {count} file{'s' * (count != 1)} had errors (see above)."
    return "\n\n".join(blocks) + "\n"
