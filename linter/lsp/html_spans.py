"""Where a finding in an HTML buffer sits in the markup.

The engine reports HTML findings as offsets into the page's visible text, which has no markup.
An editor needs buffer positions, so the flagged words are looked up in the source: the n-th
occurrence of the words in the visible text is taken to be their n-th occurrence in the source's
text content (outside tags), with whitespace and inline tags between words matched loosely. Words the source spells with
character references (`&amp;`) are not found; their finding is placed at the document's start.
"""

from __future__ import annotations

import re


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


def _in_text(source: str, at: int) -> bool:
    """Is `at` in text content, not inside a tag (the last '<' before it is closed)?"""
    return source.rfind("<", 0, at) <= source.rfind(">", 0, at)
