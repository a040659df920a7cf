"""Offsets in the units clients index: code points (Python) and UTF-16 code units (JavaScript).

Browsers index strings in UTF-16 code units, so every character outside the Basic Multilingual
Plane (emoji, many CJK extensions, mathematical letters) counts twice there and once here. A
finding after one emoji is therefore off by one in a browser unless the API converts. The quote
selector (W3C Web Annotation `TextQuoteSelector`) lets a client re-find the span when the page's
text has shifted since it was checked.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

ASTRAL = re.compile("[\U00010000-\U0010ffff]")
CONTEXT = 32


class Utf16Index:
    """Converts offsets for one text in O(log n) each, after one scan for astral characters."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        # Code-point positions of astral characters; empty (and conversion free) for most text.
        self._astral = [] if text.isascii() else [m.start() for m in ASTRAL.finditer(text)]
        # The UTF-16 position of each astral character: its code-point position plus the number before it.
        self._astral_utf16 = [pos + i for i, pos in enumerate(self._astral)]

    def to_utf16(self, offset: int) -> int:
        """The UTF-16 offset of code-point `offset` (0 <= offset <= len(text))."""
        if not 0 <= offset <= self.length:
            raise ValueError(f"offset {offset} outside the text (0..{self.length})")
        return offset + bisect.bisect_left(self._astral, offset)

    def from_utf16(self, offset: int) -> int:
        """The code-point offset of UTF-16 `offset`; an offset inside a surrogate pair is an error."""
        if not 0 <= offset <= self.utf16_length:
            raise ValueError(f"UTF-16 offset {offset} outside the text (0..{self.utf16_length})")
        before = bisect.bisect_left(self._astral_utf16, offset)
        if before and self._astral_utf16[before - 1] + 1 == offset:
            raise ValueError(f"UTF-16 offset {offset} splits a surrogate pair")
        return offset - before

    @property
    def utf16_length(self) -> int:
        return self.length + len(self._astral)


def utf16_length(text: str) -> int:
    """What JavaScript's `text.length` reports."""
    return len(text) + (0 if text.isascii() else len(ASTRAL.findall(text)))


class QuoteSelector(NamedTuple):
    """The flagged text with up to `CONTEXT` code points of context either side (a tuple: one
    is built per finding of every answer, and a frozen dataclass costs several times more)."""

    quote: str
    prefix: str
    suffix: str


def quote_selector(text: str, start: int, end: int, context: int = CONTEXT) -> QuoteSelector:
    """A text-quote selector for `text[start:end]`; the context never extends past the text."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}:{end} outside the text (0..{len(text)})")
    return QuoteSelector(
        quote=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
    )
