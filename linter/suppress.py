"""Suppressions: the step after the engine that drops findings the writer has silenced in the document.

Rules never see directives; the pipeline is engine -> suppress -> output. Directives are HTML comments,
so they work in Markdown, HTML and plain text alike (the loader records them in `Document.directives`):

    <!-- factlint: ignore FL101 -->         the next paragraph (on its own line or starting one),
                                            or its own line (after text on that line)
    <!-- factlint: disable FL101 -->        from here to a matching `enable` (or the end of the file)
    <!-- factlint: enable FL101 -->         ends `disable FL101`; a bare `enable` ends every `disable`
    <!-- factlint: disable-file FL101 -->   the whole file, wherever the comment stands

Codes are optional (none = every rule) and separated by commas or spaces. A directive that
suppresses nothing, an `enable` that ends nothing and a malformed directive are reported as FL001
(unused-suppression, a warning, like ruff's RUF100), with a fix that removes or trims the comment.
Quoted third-party text can be left out of linting entirely (`exclude-blockquotes`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from linter.annotate.text import LineIndex
from linter.documents import Document
from linter.findings import Finding, located
from linter.rule import Example, Rule

UNUSED_CODE = "FL001"
ACTIONS = ("ignore", "disable", "enable", "disable-file")
CODE = re.compile(r"FL\d{3}\Z")
ALL = "*"
PARAGRAPH_END = re.compile(r"\n[ \t]*(?:\n|\Z)")
LEADING_SPACE = re.compile(r"\s*")


class UnusedSuppression(Rule):
    """A suppression directive that suppresses nothing.

    Stale `<!-- factlint: ... -->` comments hide future mistakes, so a directive (or one of its
    codes) that silenced no finding in this run is reported, as are an `enable` that ends no
    `disable` and a malformed directive. The fix removes the comment, or drops its unused codes.
    Turn it off with `ignore = ["FL001"]` or per-file-ignores; a directive silences it only when it
    names FL001 (`<!-- factlint: disable-file FL001 -->`), and such a directive is never reported.
    """

    code = UNUSED_CODE
    name = "unused-suppression"
    examples = (
        Example("Karpathy joined Anthropic. <!-- factlint: ignore FL101 -->", "<!-- factlint: ignore FL101 -->"),
        Example("Karpathy announced on 12 June 2026 that he had joined Anthropic. <!-- factlint: ignore FL101 -->"),
    )

    def check(self, doc: object) -> Iterator[Finding]:
        """Applied by `apply_suppressions` after the engine, not by the engine itself."""
        return iter(())


@dataclass
class Directive:
    """One parsed comment and the stretch of text (`region`) it covers."""

    action: str
    codes: tuple[str, ...]
    start: int
    end: int
    region: tuple[int, int] = (0, 0)
    problem: str | None = None
    used: set[str] = field(default_factory=set)
    closes_any: bool = False

    def covers(self, finding: Finding) -> str | None:
        """The code under which this directive silences `finding`, or None."""
        if self.problem or self.action == "enable" or not self.region[0] <= finding.start < self.region[1]:
            return None
        if not self.codes:
            return ALL
        return finding.rule if finding.rule in self.codes else None


def parse(body: str, start: int, end: int) -> Directive:
    """Read `ignore FL101, FL102` and friends; a malformed body keeps its problem for FL001."""
    words = body.replace(",", " ").split()
    action = words[0].lower() if words else ""
    if action not in ACTIONS:
        shown = action or "(nothing)"
        return Directive(action, (), start, end, problem=f"unknown factlint directive {shown!r}")
    codes = tuple(w.upper() for w in words[1:])
    bad = [c for c in codes if not CODE.match(c)]
    if bad:
        return Directive(action, codes, start, end, problem=f"{bad[0]!r} is not a rule code like FL101")
    return Directive(action, codes, start, end)


def parse_all(doc: Document) -> list[Directive]:
    """Every directive of the document with its region resolved (disable/enable paired up)."""
    directives = [parse(body, start, end) for start, end, body in doc.directives]
    size = len(doc.text)
    open_regions: list[Directive] = []
    for d in directives:
        if d.problem:
            continue
        if d.action == "disable-file":
            d.region = (0, size)
        elif d.action == "ignore":
            d.region = _ignore_region(doc, d.start, d.end)
        elif d.action == "disable":
            d.region = (d.end, size)
            open_regions.append(d)
        else:  # enable: ends the matching open disables
            for opened in list(open_regions):  # `enable X` ends the disables that name only codes in X
                if not d.codes or (opened.codes and set(opened.codes) <= set(d.codes)):
                    opened.region = (opened.region[0], d.start)
                    open_regions.remove(opened)
                    d.closes_any = True
    return directives


def _ignore_region(doc: Document, start: int, end: int) -> tuple[int, int]:
    """After text on its line: that line. Otherwise: the next paragraph (in HTML, the next line,
    because every block of the extracted text is one line)."""
    text = doc.text
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        line_end = text.find("\n", end)
        return line_start, len(text) if line_end < 0 else line_end
    first = LEADING_SPACE.match(text, end).end()  # type: ignore[union-attr]
    if doc.kind == "html":
        stop = text.find("\n", first)
        return first, len(text) if stop < 0 else stop
    m = PARAGRAPH_END.search(text, first)
    return first, m.start() if m else len(text)


def quote_spans(doc: Document) -> list[tuple[int, int]]:
    """Blockquotes of the document: recorded by the HTML loader, found by pattern otherwise."""
    if doc.kind == "html":
        return doc.quotes
    from linter.documents.markdown import blockquote_spans

    return blockquote_spans(doc.text, markdown=doc.kind == "markdown")


def apply_suppressions(
    doc: Document, findings: list[Finding], report_unused: bool = True, exclude_blockquotes: bool = False
) -> list[Finding]:
    """The findings that survive the document's directives, plus FL001 for the stale directives."""
    if exclude_blockquotes:
        quotes = quote_spans(doc)
        findings = [f for f in findings if not any(a <= f.start < b for a, b in quotes)]
    if not doc.directives:
        return findings
    directives = parse_all(doc)
    kept: list[Finding] = []
    for finding in findings:
        hits = [(d, code) for d in directives if (code := d.covers(finding))]
        for d, code in hits:
            d.used.add(code)
        if not hits:
            kept.append(finding)
    if report_unused:
        stale = [f for f in (unused_finding(doc, d) for d in directives) if f is not None]
        kept += [f for f in stale if not any(UNUSED_CODE in d.codes and d.covers(f) for d in directives)]
        kept.sort(key=lambda f: (f.start, f.end, f.rule))
    return kept


def unused_finding(doc: Document, d: Directive) -> Finding | None:
    """FL001 for a directive that did nothing; its fix deletes the comment or its unused codes."""
    comment = _comment_text(doc, d)
    if d.problem:
        return _finding(doc, d, f"malformed suppression {comment!r}: {d.problem}", whole=True)
    if d.action == "enable":
        return None if d.closes_any else _finding(doc, d, f"{comment!r} ends no 'disable' directive", whole=True)
    if not d.codes:
        return None if d.used else _finding(doc, d, f"unused suppression {comment!r}: it silences no finding", True)
    unused = [c for c in d.codes if c not in d.used and c != UNUSED_CODE]
    if not unused:
        return None
    if len(unused) == len([c for c in d.codes if c != UNUSED_CODE]) and not d.used:
        return _finding(doc, d, f"unused suppression {comment!r}: it silences no finding", whole=True)
    kept = [c for c in d.codes if c not in unused]
    replacement = f"<!-- factlint: {d.action} {', '.join(kept)} -->"
    return _finding(
        doc, d, f"unused code{'s' * (len(unused) > 1)} {', '.join(unused)} in {comment!r}", False, replacement
    )


def _comment_text(doc: Document, d: Directive) -> str:
    if d.end > d.start:
        return doc.text[d.start : d.end]
    return f"<!-- factlint: {' '.join([d.action, *d.codes])} -->"


def _finding(doc: Document, d: Directive, message: str, whole: bool, replacement: str | None = None) -> Finding:
    """A warning at the comment. Removing a comment that stands alone on its line removes the line,
    so the fix leaves no blank line behind; in HTML the comment is not in the text, so no fix."""
    start, end = d.start, d.end
    suggestion: str | None = replacement
    if doc.kind != "html" and whole:
        suggestion = ""
        line_start = doc.text.rfind("\n", 0, start) + 1
        line_end = doc.text.find("\n", end)
        line_end = len(doc.text) if line_end < 0 else line_end + 1
        if not doc.text[line_start:start].strip() and not doc.text[end:line_end].strip():
            start, end = line_start, line_end
    if doc.kind == "html":
        suggestion = None
    return located(
        doc.text,
        LineIndex(doc.text),
        start,
        end,
        rule=UNUSED_CODE,
        fact="",
        severity="warning",
        message=message,
        expected="no directive, or one that silences a finding",
        suggestion=suggestion,
        sources=(),
    )
