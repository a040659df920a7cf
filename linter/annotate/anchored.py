"""Whole-document scans that try their pattern only where a match can begin.

A pattern that starts with a look-behind (`(?<![\\w-])...`) or matches case-insensitively gives
Python's regex engine nothing to skip ahead by, so `finditer` runs the whole pattern at every
character: about 200 ns a character for the date and quantity patterns, more than everything
else these scans do. An `Anchored` pattern pairs the pattern with a *lead*: the words a match
can begin with, found case-sensitively in the lower-cased text by a cheap pattern that starts with
a class of the characters that may precede them (so the engine skips everything else by table
lookup), at every offset where the pattern can begin. The pattern is then tried (`match`,
anchored) only there.

Exactness: `pattern.match(text, p)` is the very attempt `finditer` makes at p, and the lead
matches at every p where an attempt can succeed, so the matches are the same (tests/
test_anchored.py compares them on generated and random text). Only ASCII letters are lower-cased
(`lowered`): every word a lead or a scanner looks for is spelled in ASCII and characters without
case, which a letter beyond ASCII never equals in either case, and lower-casing one changes none of
`\\w`, `\\s` and `\\d` (tests/test_anchored.py checks every character). Case-insensitive matching
also folds a few characters beyond ASCII onto ASCII letters, and a lead spells digits out as ASCII:
a text holding either kind of character is scanned with plain `finditer`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Mapping

# Characters other than ASCII letters and digits that IGNORECASE matches with one of them, or
# whose lower case is longer than one character (`tests/test_scan.py` re-derives this set).
FOLDS_ONTO_ASCII = frozenset("\u0130\u0131\u017f\u212a")
# Every character `\s` matches in a str pattern (`tests/test_scan.py` re-derives it): spelled
# out, a class of them is a table lookup where `\s` asks each character's Unicode category.
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
NON_ASCII_DIGIT = re.compile(r"[^\x00-\x7f](?<=\d)")  # starts with a class: the engine skips ASCII
_lowered: tuple[str, str | None] = ("", "")
FEW_FIRSTS = 3  # a lead whose words begin with at most this many characters skips by those characters


def lowered(text: str) -> str | None:
    """`text` with its ASCII letters lower-cased (the rest as it is, so offset for offset), or
    None when a lead cannot be trusted on it. Through UTF-8, whose bytes beyond ASCII are no
    letters: `str.lower` reads every character's case in the Unicode tables, three times the
    instructions on a page with a curly quote. The last text's is kept, as every scan of a
    document asks for it."""
    global _lowered
    last = _lowered  # one read: another thread may replace it
    if last[0] is text:
        return last[1]
    low: str | None = None
    # (`in` on a str is a fast substring search; `isdisjoint` would hash every character)
    if text.isascii() or (not any(c in text for c in FOLDS_ONTO_ASCII) and NON_ASCII_DIGIT.search(text) is None):
        low = text.lower() if text.isascii() else ascii_lower(text)
    _lowered = (text, low)
    return low


def may_hold(text: str, words: Iterable[str], start: int, end: int) -> bool:
    """Can a case-insensitive match that always holds one of the lower-case `words` lie within
    `text[start:end]`? Only if one of them stands there in `lowered(text)`, read in place (True
    when the case cannot be trusted). A precheck before a search whose pattern the regex engine
    cannot skip through, for a text that is asked about many times (its lowering is kept)."""
    low = lowered(text)
    return low is None or any(low.find(word, start, end) >= 0 for word in words)


def ascii_lower(text: str) -> str:
    """`text` with A-Z lower-cased and every other character left as it is."""
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


class Lead:
    """Every offset where one of the lower-case `words` starts with no character of the class
    `boundary` before it ('0'..'9' stand for any digit); the words in `whole` must also end where
    a word ends ('one' but not 'once'), and a word in `follow` must be followed by what its
    pattern (read in the lower-cased text) matches: no more than the scanned pattern requires
    after the word ('on' before a weekday), so that fewer starts are tried in vain."""

    def __init__(
        self, words: list[str], boundary: str, whole: Collection[str] = (), follow: Mapping[str, str] | None = None
    ) -> None:
        after = follow or {}
        by_first: dict[str, set[str]] = {}  # sorted below: the same pattern text every run, for the regex cache
        for word in words:
            rest = re.escape(word[1:]) + (r"(?!\w)" if word in whole else "")
            by_first.setdefault(word[0], set()).add(rest + (f"(?:{after[word]})" if word in after else ""))
        alternatives, after_first = [], []
        for first, rests in sorted(by_first.items()):
            tail = "" if "" in rests else "|".join(sorted(rests, key=lambda r: (-len(r), r)))
            alternatives.append(re.escape(first) + (f"(?:{tail})" if tail else ""))
            after_first.append(re.escape(first) + rf"(?<![{boundary}][\s\S])" + (f"(?=(?:{tail}))" if tail else ""))
        body = "|".join(alternatives)
        self.at_start: re.Pattern[str] | None = None
        if len(by_first) <= FEW_FIRSTS:
            # Words that begin with one of a few letters ('he', 'she'): the engine skips to those
            # letters by a bitmap, then looks back for the boundary (at offset 0 the look-behind
            # cannot match, so the first word needs no pattern of its own). Twice as fast as the
            # form below, which tries the words after every space.
            self.after_boundary = re.compile("|".join(after_first))
            self._shift = 0
            return
        # A character the words may not follow, then (looking ahead, so that a word holding a space,
        # 'a dozen', hides no start inside it) a word: the engine skips to such characters (mostly
        # spaces and punctuation) by table lookup; the text's first word is tried apart. The class
        # is spelled out in ASCII and takes every other character (a few extra starts, after a
        # letter beyond ASCII, where the anchored pattern's own match decides): a class with
        # `\w` in it asks for each character's Unicode category, 30% of the scan.
        outside = re.compile(f"[{boundary}]")
        ascii_outside = "".join(re.escape(c) for c in map(chr, range(128)) if outside.match(c))
        self.after_boundary = re.compile(rf"[^{ascii_outside}](?={body})")
        self.at_start = re.compile(body)
        self._shift = 1

    def starts(self, low: str) -> Iterator[int]:
        """The offsets in the lower-cased `low` where one of the words starts a word (and, for a
        lead of many first characters, a few more after letters beyond ASCII: a superset of the
        offsets where a pattern can begin is as exact, as `Anchored.finditer` tries each)."""
        if self.at_start is not None and self.at_start.match(low):
            yield 0
        shift = self._shift
        for m in self.after_boundary.finditer(low):
            yield m.start() + shift


DIGITS = [str(d) for d in range(10)]


class Anchored:
    """A pattern scanned only where its lead matches (see the module docstring)."""

    def __init__(self, pattern: re.Pattern[str], lead: Lead) -> None:
        self.pattern = pattern
        self.lead = lead

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The same matches as `self.pattern.finditer(text)`, for a pattern that never matches
        the empty string."""
        low = lowered(text)
        if low is None:
            yield from self.pattern.finditer(text)
            return
        match, pos = self.pattern.match, 0
        for at in self.lead.starts(low):
            if at < pos:
                continue
            m = match(text, at)
            if m is not None:
                yield m
                pos = m.end()
