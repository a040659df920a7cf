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

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

from linter.annotate.text import LineIndex
from linter.documents import Document
from linter.findings import Finding, located
from linter.rule import Example, Rule

UNUSED_CODE = "FL001"
ACTIONS = ("ignore", "disable", "enable", "disable-file")
CODE = re.compile(r"FL\d{3}\Z")
ALL = "*"
# Where a paragraph ends: a newline followed by a blank line or the end (zero-width after the
# newline, so every such position is found in one pass, also inside runs of blank lines).
PARAGRAPH_END = re.compile(r"\n(?=[ \t]*(?:\n|\Z))")
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


class Directive:
    """One parsed comment and the stretch of text (`region`) it covers, resolved once all the
    document's directives are read; `used` collects the codes it suppressed (for FL001)."""

    __slots__ = ("action", "closes_any", "codes", "end", "problem", "region", "start", "used")

    def __init__(self, action: str, codes: tuple[str, ...], start: int, end: int, problem: str | None = None) -> None:
        self.action, self.codes, self.start, self.end, self.problem = action, codes, start, end, problem
        self.region = (0, 0)
        self.used: set[str] = set()
        self.closes_any = False

    def __repr__(self) -> str:
        return f"Directive({self.action!r}, {self.codes!r}, {self.start}, {self.end}, region={self.region!r})"


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


class Lines:
    """Line and paragraph bounds by binary search: one scan of the text however many directives
    there are (a `find` per directive is quadratic when thousands share one long line)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.index = LineIndex(text)
        self._paragraph_ends: list[int] | None = None

    def start_of(self, offset: int) -> int:
        """Where the line holding `offset` starts."""
        return self.index.starts[bisect.bisect_right(self.index.starts, offset) - 1]

    def end_of(self, offset: int) -> int:
        """The newline ending the line that holds `offset` (or the text's end)."""
        following = bisect.bisect_right(self.index.starts, offset)
        return self.index.starts[following] - 1 if following < len(self.index.starts) else len(self.text)

    def paragraph_end(self, offset: int) -> int:
        if self._paragraph_ends is None:
            self._paragraph_ends = [m.start() for m in PARAGRAPH_END.finditer(self.text)]
        after = bisect.bisect_left(self._paragraph_ends, offset)
        return self._paragraph_ends[after] if after < len(self._paragraph_ends) else len(self.text)


def parse_all(doc: Document, lines: Lines | None = None) -> list[Directive]:
    """Every directive of the document with its region resolved (disable/enable paired up)."""
    directives = [parse(body, start, end) for start, end, body in doc.directives]
    lines = lines or Lines(doc.text)
    size = len(doc.text)
    open_regions: dict[int, Directive] = {}  # in document order; removal by key keeps pairing linear
    for d in directives:
        if d.problem:
            continue
        if d.action == "disable-file":
            d.region = (0, size)
        elif d.action == "ignore":
            d.region = _ignore_region(doc, lines, d.start, d.end)
        elif d.action == "disable":
            d.region = (d.end, size)
            open_regions[id(d)] = d
        else:  # enable: ends the matching open disables
            for key, opened in list(open_regions.items()):  # `enable X` ends the disables naming only codes in X
                if not d.codes or (opened.codes and set(opened.codes) <= set(d.codes)):
                    opened.region = (opened.region[0], d.start)
                    del open_regions[key]
                    d.closes_any = True
    return directives


def _ignore_region(doc: Document, lines: Lines, start: int, end: int) -> tuple[int, int]:
    """After text on its line: that line. Otherwise: the next paragraph (in HTML, the next line,
    because every block of the extracted text is one line)."""
    text = doc.text
    line_start = lines.start_of(start)
    if text[line_start:start].strip():
        return line_start, lines.end_of(end)
    first = LEADING_SPACE.match(text, end).end()  # type: ignore[union-attr]
    if doc.kind == "html":
        return first, lines.end_of(first)
    return first, lines.paragraph_end(first)


class Spans:
    """A union of [start, end) regions, asked about one offset at a time by binary search."""

    def __init__(self, regions: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(regions):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]

    def __contains__(self, offset: int) -> bool:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]


def _any_between(starts: list[int], region: tuple[int, int]) -> bool:
    """Does the sorted list hold an offset in [region)?"""
    i = bisect.bisect_left(starts, region[0])
    return i < len(starts) and starts[i] < region[1]


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
    lines = Lines(doc.text)
    directives = parse_all(doc, lines)
    # Thousands of directives may overlap (in HTML every `ignore` runs to the end of its line), so
    # neither findings nor directives are checked against each other one by one: the regions are
    # merged per code, and each directive asks the sorted finding offsets whether it was used.
    active = [d for d in directives if not d.problem and d.action != "enable" and d.region[0] < d.region[1]]
    regions: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for d in active:
        for key in d.codes or (ALL,):
            regions[key].append(d.region)
    spans = {key: Spans(found) for key, found in regions.items()}
    none = Spans(())
    kept = [f for f in findings if f.start not in spans.get(ALL, none) and f.start not in spans.get(f.rule, none)]
    starts = sorted(f.start for f in findings)
    starts_of: dict[str, list[int]] = defaultdict(list)
    for f in sorted(findings, key=lambda f: f.start):
        starts_of[f.rule].append(f.start)
    for d in active:
        if not d.codes and _any_between(starts, d.region):
            d.used.add(ALL)
        d.used.update(c for c in d.codes if _any_between(starts_of.get(c, []), d.region))
    if report_unused:
        stale = [f for f in (unused_finding(doc, d, lines) for d in directives) if f is not None]
        silencers = Spans(d.region for d in active if UNUSED_CODE in d.codes)
        kept += [f for f in stale if f.start not in silencers]
        kept.sort(key=lambda f: (f.start, f.end, f.rule))
    return kept


def unused_finding(doc: Document, d: Directive, lines: Lines | None = None) -> Finding | None:
    """FL001 for a directive that did nothing; its fix deletes the comment or its unused codes."""
    comment = _comment_text(doc, d)
    lines = lines or Lines(doc.text)
    if d.problem:
        return _finding(doc, lines, d, f"malformed suppression {comment!r}: {d.problem}", whole=True)
    if d.action == "enable":
        message = f"{comment!r} ends no 'disable' directive"
        return None if d.closes_any else _finding(doc, lines, d, message, whole=True)
    if not d.codes:
        message = f"unused suppression {comment!r}: it silences no finding"
        return None if d.used else _finding(doc, lines, d, message, whole=True)
    unused = [c for c in d.codes if c not in d.used and c != UNUSED_CODE]
    if not unused:
        return None
    if len(unused) == len([c for c in d.codes if c != UNUSED_CODE]) and not d.used:
        return _finding(doc, lines, d, f"unused suppression {comment!r}: it silences no finding", whole=True)
    kept = [c for c in d.codes if c not in unused]
    replacement = f"<!-- factlint: {d.action} {', '.join(kept)} -->"
    message = f"unused code{'s' * (len(unused) > 1)} {', '.join(unused)} in {comment!r}"
    return _finding(doc, lines, d, message, False, replacement)


def _comment_text(doc: Document, d: Directive) -> str:
    if d.end > d.start:
        return doc.text[d.start : d.end]
    return f"<!-- factlint: {' '.join([d.action, *d.codes])} -->"


def _finding(
    doc: Document, lines: Lines, d: Directive, message: str, whole: bool, replacement: str | None = None
) -> Finding:
    """A warning at the comment. Removing a comment that stands alone on its line removes the line,
    so the fix leaves no blank line behind; in HTML the comment is not in the text, so no fix."""
    start, end = d.start, d.end
    suggestion: str | None = replacement
    if doc.kind != "html" and whole:
        suggestion = ""
        line_start = lines.start_of(start)
        line_end = min(lines.end_of(end) + 1, len(doc.text))
        if not doc.text[line_start:start].strip() and not doc.text[end:line_end].strip():
            start, end = line_start, line_end
    if doc.kind == "html":
        suggestion = None
    return located(
        doc.text,
        lines.index,
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
