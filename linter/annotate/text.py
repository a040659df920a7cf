"""Sentences and positions: one regex pass splits prose into sentences with their offsets."""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc", "e.g", "i.e",
    "u.s", "u.k", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "gen", "gov", "sen", "rep", "approx", "est", "fig", "mt", "ft", "vol", "ca", "cf", "al",
}  # fmt: skip

# A candidate boundary: terminal punctuation, closing quotes/brackets, then space and a likely start.
# (The first group starts with a class, not a repeat, so that `re` skips to terminal punctuation.)
BOUNDARY = re.compile(r"([.!?…][.!?…]*)([\"'”’)\]]*)(\s+)(?=[\"'“‘(\[]?[A-Z0-9¡¿])")
PARAGRAPH = re.compile(r"\n[ \t]*\n+|\n(?=[ \t]*(?:[-*+•]|\d+[.)]|#{1,6}|>|\|)[ \t])")
LINE_END_CHARS = '.!?:;"”’)'  # a line ending in one of these ends its sentence
CLOSERS = "\"'”’)]"  # closing quotes and brackets a question may end with after its '?'
WORD = re.compile(r"[\w'’-]+")
# The word before a final full stop, as r"([\w.]+)\.$" would search it (its leftmost start), read
# by a match that walks back from the end to the last character outside the word: a search
# tried the word's pattern at each of the chunk's characters, twice as dear.
LAST_WORD = re.compile(r"(?:[\s\S]*[^\w.])?([\w.]+)\.$")
ALNUM = re.compile(r"[^\W_]")  # what str.isalnum accepts
FIRST_VISIBLE = re.compile(r"\s*(\S)")
# No sentence of the real pages reaches 1,000 characters (the longest, ~800). A "sentence" longer
# than this (a page with no full stops, a list run together) is read in pieces cut at a comma,
# semicolon or space: every reader looks across its sentence, so one sentence of the whole page
# made each claim cost the page's length, and the page its length squared.
MAX_SENTENCE = 1_200


class Sentence(NamedTuple):
    """One sentence: its span in the prose, its text and its position in the document (`number`,
    from 0)."""

    number: int
    start: int
    end: int
    text: str
    question: bool = False  # ends in '?': asks, does not assert


def _is_abbreviation(chunk: str) -> bool:
    """True when the word before a full stop is an abbreviation or an initial ('J. Smith')."""
    m = LAST_WORD.match(chunk)
    if not m:
        return False
    word = m.group(1).lower()
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _blocks(prose: str) -> list[tuple[int, int]]:
    """Paragraph-level blocks; single line breaks split too unless a line is hard-wrapped prose."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in PARAGRAPH.finditer(prose):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(prose)))
    out: list[tuple[int, int]] = []
    for start, end in spans:
        line_start = start
        cut = prose.find("\n", start, end)
        while cut >= 0:
            # The stretch since the last break, read at its ends (it grows while lines are joined).
            first, last = _visible(prose, line_start, cut)
            nxt = FIRST_VISIBLE.match(prose, cut + 1, end)  # not a copy of the rest of the block
            ends_a_sentence = last > first and prose[last - 1] in LINE_END_CHARS
            wrapped = last - first > 50 and not ends_a_sentence and nxt is not None and nxt[1].islower()
            if not wrapped:
                out.append((line_start, cut))
                line_start = cut + 1
            cut = prose.find("\n", cut + 1, end)
        out.append((line_start, end))
    return out


def _visible(prose: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of `prose[start:end]` without its leading and trailing whitespace."""
    while end > start and prose[end - 1].isspace():
        end -= 1
    while start < end and prose[start].isspace():
        start += 1
    return start, end


def split_sentences(prose: str) -> list[Sentence]:
    """Sentences with offsets into `prose`; blank stretches (masked code) produce none."""
    sentences: list[Sentence] = []
    for block_start, block_end in _blocks(prose):
        # The block read in place (`endpos` ends it as a slice would: BOUNDARY looks back at nothing)
        pos = block_start
        for m in BOUNDARY.finditer(prose, block_start, block_end):
            if m.group(1) == "." and _is_abbreviation(prose[max(block_start, m.end(1) - 24) : m.end(1)]):
                continue
            _add_pieces(sentences, prose, pos, m.end(2))
            pos = m.end(3)
        _add_pieces(sentences, prose, pos, block_end)
    return sentences


def _add_pieces(sentences: list[Sentence], prose: str, start: int, end: int) -> None:
    """The sentence `start:end`, in pieces of at most MAX_SENTENCE characters if it is longer:
    each cut after the last comma or semicolon in the piece's second half, else its last space."""
    while end - start > MAX_SENTENCE:
        half, limit = start + MAX_SENTENCE // 2, start + MAX_SENTENCE
        cut = max(prose.rfind(",", half, limit), prose.rfind(";", half, limit)) + 1
        if cut <= 0:
            cut = max(prose.rfind(" ", half, limit), prose.rfind("\n", half, limit)) + 1
        if cut <= 0:
            cut = limit  # no space in 600 characters: not prose, cut anywhere
        _add(sentences, prose, start, cut)
        start = cut
    _add(sentences, prose, start, end)


def _add(sentences: list[Sentence], prose: str, start: int, end: int) -> None:
    chunk = prose[start:end]
    text = chunk.strip()
    if not (text[:1].isalnum() or ALNUM.search(text)):  # (most sentences start with one)
        return
    start += chunk.find(text[0])  # the first character that is not a space
    question = "?" in text and text.rstrip(CLOSERS).endswith("?")
    sentences.append(Sentence(len(sentences), start, start + len(text), text, question))


class LineIndex:
    """Maps offsets to 1-based line and column numbers (columns count code points)."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_bounds(self, line: int, text: str) -> tuple[int, int]:
        start = self.starts[line - 1]
        end = text.find("\n", start)
        return start, len(text) if end < 0 else end
