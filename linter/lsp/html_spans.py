"""Where a finding in an HTML buffer sits in the markup.

The engine reports HTML findings as offsets into the page's visible text, which has no markup.
An editor needs buffer positions, so the flagged words are looked up in the source: the n-th
occurrence of the words in the visible text is taken to be their n-th occurrence in the source's
text content (outside tags), with whitespace and inline tags between words matched loosely.
Words the source spells with character references (`&amp;`) are not found; their finding is
placed at the document's start. A stale directive (FL001) has no words: it is placed on its comment."""

from __future__ import annotations

import re

from linter.documents.document import DIRECTIVE_COMMENT


def source_span(source: str, visible: str, start: int, end: int) -> tuple[int, int] | None:
    """The (start, end) in `source` of `visible[start:end]`, or None when it cannot be placed."""
    words = visible[start:end].split()
    if not words:
        return None
    escaped = [re.escape(w) for w in words]
    nth = len(re.findall(r"\s+".join(escaped), visible[:start]))
    in_markup = re.compile(r"(?:\s|<[^<>]*>)+".join(escaped))  # inline tags may sit between words
    found = [m.span() for m in in_markup.finditer(source) if _in_text(source, m.start())]
    if not found:
        return None
    return found[nth] if nth < len(found) else found[0]


def directive_span(source: str, directives: list[int], offset: int) -> tuple[int, int] | None:
    """The `<!-- factlint: ... -->` comment in `source` that the page's directive at `offset` (in
    the visible text) came from: directives keep their order, so the n-th one is the n-th comment."""
    if offset not in directives:
        return None
    comments = list(DIRECTIVE_COMMENT.finditer(source))
    nth = directives.index(offset)
    return comments[nth].span() if nth < len(comments) else None


def _in_text(source: str, at: int) -> bool:
    """Is `at` in text content, not inside a tag (the last '<' before it is closed)?"""
    return source.rfind("<", 0, at) <= source.rfind(">", 0, at)
