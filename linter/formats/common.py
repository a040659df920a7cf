"""What several formats need: whether a finding's line and column point into the file on disk,
the rule behind a code, and the sentence a finding sits in."""

from __future__ import annotations

import re
from pathlib import Path

from linter.documents import kind_for
from linter.findings import Finding
from linter.rule import Rule


def positions_in_file(path: str) -> bool:
    """True when line/column index the file itself. For HTML they index the page's extracted text,
    so formats that annotate source lines (SARIF, GitHub) point at the file instead."""
    return kind_for(path) != "html"


def page_position(finding: Finding) -> str:
    """Where an HTML finding is in the page's text, for messages that cannot point at a line."""
    return f"[page text line {finding.line}, column {finding.column}]"


def rule_for(code: str) -> type[Rule] | None:
    from linter.registry import registry

    return registry().find(code)


def uri(path: str) -> str:
    """A path as a URI reference: relative paths stay relative (as code scanning wants)."""
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    from urllib.parse import quote

    return quote(p.as_posix())


def sentence_of(text: str, finding: Finding) -> str:
    """The sentence that holds the finding's span, on one line."""
    from linter.annotate.text import split_sentences

    before = text.rfind("\n\n", 0, finding.start)
    line_start = 0 if before < 0 else before + 2
    stop = text.find("\n\n", finding.end)
    block = text[line_start : len(text) if stop < 0 else stop]
    for sentence in split_sentences(block):
        if sentence.start <= finding.start - line_start < sentence.end:
            return re.sub(r"\s+", " ", sentence.text).strip()
    return re.sub(r"\s+", " ", block).strip()
