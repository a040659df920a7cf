"""Quoted passages and where they sit in a verbatim source, word by word.

Passages are found once per document: text between straight or curly double quotes, curly
single quotes, straight single quotes around several words, and `>` block quotes. Each passage is
split at ellipses and [bracketed insertions] into segments, since those mark text the writer
left out or added openly. A segment is compared with a quote fact only when they share enough
content words (an inverted index built once per sheet keeps this linear), then located with
rapidfuzz's `partial_ratio_alignment` over word lists and diffed with Levenshtein opcodes, so the
result says which words were changed, added or dropped. Case, punctuation, hyphens and curly
versus straight apostrophes are not differences.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein, Opcode

from linter.language.en import INFLECTIONS
from linter.sheet import Fact, Sheet

# Every alternative starts with its quotation mark (look-behinds after it), so the regex engine
# skips to quotation marks by table lookup instead of trying each character.
PASSAGE = re.compile(
    r"“(?P<curly>[^“”\n]{2,2000}?)”"
    r"|\"(?<![\w\"].)(?P<straight>[^\"\n]{2,2000}?)\"(?![\w\"])"
    r"|‘(?P<single>(?:[^‘’\n]|’(?=\w))+?\s(?:[^‘’\n]|’(?=\w))+?)’(?!\w)"
    r"|'(?<![\w'].)(?P<plain>(?=\S)(?:[^'\n]|'(?=\w))+?\s(?:[^'\n]|'(?=\w))+?)'(?![\w'])"
)
_QUOTED_LINES = r"[ \t]{0,3}>[ \t]?(?P<body>[^\n]+(?:\n[ \t]{0,3}>[ \t]?[^\n]*)*)"  # a '>' line and those after it
BLOCKQUOTE = re.compile(rf"^{_QUOTED_LINES}", re.MULTILINE)
# The same block quotes after the text's first line, found from the line break before them: a
# pattern starting with ^ gives the regex engine nothing to skip by, so it was tried at every
# character; one starting with '\n' is tried at line breaks only (the body is the same group).
LATER_BLOCKQUOTE = re.compile(rf"\n{_QUOTED_LINES}")
# A word may carry bracketed letters that only restore or change its form ("[E]xcited",
# "value[s]"); a longer bracket ("[education]") is an insertion of its own.
_LETTERS = r"\[\w{1,3}\]"
TOKEN = re.compile(rf"(?:{_LETTERS}|[#\w])(?:(?:[\w&'’.-]|{_LETTERS})*(?:\w|{_LETTERS}))?|\[[^\]\n]{{0,60}}\]|\.\.\.|…")
STOPWORDS = frozenset(
    {
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "is",
        "are", "was", "were", "be", "been", "am", "i", "i'm", "i've", "we", "you", "he", "she", "it", "they", "this",
        "that", "these", "those", "my", "our", "your", "his", "her", "its", "their", "me", "us", "him", "them",
        "here", "there", "so", "very", "not", "no", "do", "did", "will", "would", "can", "could", "should", "just",
        "also", "about", "into", "over", "than", "then", "too",
    }
)  # fmt: skip
MIN_SHARED = 2  # content words a segment must share with a quote before it is aligned
MIN_WORDS = 3  # shorter segments ('in time', 'especially formative') cannot be told apart from chance
PHRASE_WORDS = 6  # a quoted phrase this short whose only differences are at its edges is a phrase of its own


class Word(NamedTuple):
    """A word of a quotation or a source, with its span (`norm` is what is compared)."""

    norm: str
    start: int
    end: int


class Segment(NamedTuple):
    """A run of quoted words with no ellipsis or bracket inside; `passage` is its whole quotation."""

    words: tuple[Word, ...]
    passage: tuple[int, int]


class Change(NamedTuple):
    """One word-level edit: quote words `start:end` in the text vs `source` words of the fact."""

    tag: str  # replace, delete (words the text added), insert (words the text dropped)
    start: int
    end: int
    found: str
    source: str  # what the fact has for the same span: the replacement text
    summary: str  # "'especially' changed to 'incredibly'", "'very' dropped", "'amazing' added"
    diff: (
        str  # wdiff style, source then text, a word of context each side: "be [-especially-] {+incredibly+} formative"
    )


class Alignment(NamedTuple):
    """Where a quoted segment matches a quote fact's text, and what it changed there."""

    fact: Fact
    segment: Segment
    source_start: int  # character offsets of the matched stretch in the fact's text
    source_end: int
    changes: tuple[Change, ...]


def normalise(word: str) -> str:
    # str.replace, not re.sub: one call per quoted word, and re.sub looks its pattern up each time
    return word.lower().replace("’", "'").replace("-", "").replace(".", "")


def _content(words: list[str] | tuple[str, ...]) -> set[str]:
    return {w for w in words if w not in STOPWORDS and (len(w) > 2 or not w.isalpha())}


def passages(prose: str) -> list[tuple[int, int]]:
    """Character spans of every quotation's content, in text order (block quotes included)."""
    spans = []
    for m in PASSAGE.finditer(prose):
        group = next(g for g in ("curly", "straight", "single", "plain") if m[g] is not None)
        spans.append(m.span(group))
    first = BLOCKQUOTE.match(prose)  # (it takes every quoted line that follows, so the later
    if first is not None:  # scan starts where it ends, at a line break it left)
        spans.append(first.span("body"))
    for m in LATER_BLOCKQUOTE.finditer(prose, first.end() if first is not None else 0):
        spans.append(m.span("body"))
    return sorted(spans)


def segments(prose: str, start: int, end: int) -> list[Segment]:
    """The passage's words, split where an ellipsis or a bracketed insertion stands."""
    out: list[Segment] = []
    run: list[Word] = []
    for m in TOKEN.finditer(prose, start, end):
        text = m[0]
        if text in {"...", "…"} or (text.startswith("[") and text.endswith("]")):
            if run:
                out.append(Segment(tuple(run), (start, end)))
            run = []
            continue
        if "[" in text:
            text = text.replace("[", "").replace("]", "")  # "[E]xcited": a bracketed letter only changes case
        run.append(Word(normalise(text), *m.span()))
    if run:
        out.append(Segment(tuple(run), (start, end)))
    return out


@lru_cache(maxsize=16)
def sheet_phrases(sheet: Sheet) -> frozenset[tuple[str, ...]]:
    """The sheet's other wordings (titles, remits, their aliases) as normalised word tuples: a
    quoted "machine learning and AI strategy" names a job, it does not quote a statement."""
    phrases: set[tuple[str, ...]] = set()
    for fact in sheet.facts:
        if fact.value.type == "quote":
            continue
        for text in (fact.value.text, *fact.value.aliases):
            words = tuple(normalise(m[0]) for m in TOKEN.finditer(text))
            if len(words) >= MIN_WORDS:
                phrases.add(words)
    return frozenset(phrases)


def is_phrase(sheet: Sheet, alignment: Alignment) -> bool:
    """Is the quoted segment a phrase of its own that merely shares words with the quote? It is
    when the sheet holds it as another fact's wording, or when it is short and differs from the
    quote only at its first or last word (the quote goes on differently, the phrase ends)."""
    words = alignment.segment.words
    if tuple(w.norm for w in words) in sheet_phrases(sheet):
        return True
    if len(words) >= PHRASE_WORDS or not alignment.changes:
        return False
    first, last = words[0].start, words[-1].end
    return all(c.start <= first or c.end >= last for c in alignment.changes)


class QuoteIndex(NamedTuple):
    """The sheet's quote facts as word lists, and which content word occurs in which quote."""

    facts: tuple[Fact, ...]
    words: tuple[tuple[Word, ...], ...]
    postings: dict[str, tuple[int, ...]]

    def candidates(self, segment: Segment) -> list[int]:
        """Quotes sharing enough content words with the segment to be worth aligning."""
        content = _content([w.norm for w in segment.words])
        counts = Counter(i for word in content for i in self.postings.get(word, ()))
        need = max(MIN_SHARED, (len(content) + 1) // 2)
        return [i for i, n in counts.most_common() if n >= need]


@lru_cache(maxsize=16)
def quote_index(sheet: Sheet) -> QuoteIndex:
    facts = tuple(f for f in sheet.facts if f.value.type == "quote")
    words = tuple(tuple(Word(normalise(m[0]), m.start(), m.end()) for m in TOKEN.finditer(f.value.text)) for f in facts)
    postings: dict[str, list[int]] = {}
    for i, ws in enumerate(words):
        for w in _content([x.norm for x in ws]):
            postings.setdefault(w, []).append(i)
    return QuoteIndex(facts, words, {k: tuple(v) for k, v in postings.items()})


def align(prose: str, segment: Segment, index: QuoteIndex, i: int, cutoff: float = 60.0) -> Alignment | None:
    """Locate `segment` in quote `i` and list the word edits; None when it is not that quote."""
    fact, source = index.facts[i], index.words[i]
    quote = [w.norm for w in segment.words]
    norms = [w.norm for w in source]
    found = fuzz.partial_ratio_alignment(quote, norms, score_cutoff=cutoff)
    if found is None:
        return None
    lo, hi = _best_window(quote, norms, found.dest_start, found.dest_end)
    ops = list(Levenshtein.opcodes(quote, norms[lo:hi]))
    ops = _trim_ends(ops, lo, len(norms), complete=bool(fact.value.data.get("complete")))
    if not ops:
        return None
    equal = sum(op.src_end - op.src_start for op in ops if op.tag == "equal")
    quoted = ops[-1].src_end - ops[0].src_start
    if equal < max(MIN_WORDS - 1, 0.6 * quoted):
        return None
    text = fact.value.text
    first, last = lo + ops[0].dest_start, lo + max(ops[-1].dest_end, ops[-1].dest_start + 1) - 1
    changes = tuple(
        _change(prose, text, segment.words, source, tag, q0, q1, lo + s0, lo + s1)
        for tag, q0, q1, s0, s1 in _edits(ops)
        if not _fitted(tag, q0, q1, s0 + lo, s1 + lo, quote, norms)
    )
    return Alignment(fact, segment, source[first].start, source[min(last, len(source) - 1)].end, changes)


def _trim_ends(ops: list[Opcode], lo: int, length: int, complete: bool) -> list[Opcode]:
    """Drop the edits at either end that are not misquotes. Source words before or after the
    quoted stretch were simply not quoted. Words the text has beyond the source's own first or
    last word are the rest of the text when the sheet holds only an excerpt ("Personal update:"
    before a post whose known text starts at "I've joined"); a `complete` text has no rest."""
    ops = list(ops)
    while ops and (ops[0].tag == "insert" or (not complete and ops[0].tag == "delete" and lo + ops[0].dest_start == 0)):
        ops.pop(0)
    at_end = lo + (ops[-1].dest_end if ops else 0)
    while ops and (ops[-1].tag == "insert" or (not complete and ops[-1].tag == "delete" and at_end >= length)):
        ops.pop()
        at_end = lo + (ops[-1].dest_end if ops else 0)
    return ops


def _fitted(tag: str, q0: int, q1: int, s0: int, s1: int, quote: list[str], norms: list[str]) -> bool:
    """A quotation's first or last word bent to fit the writer's sentence (Karpathy will "build
    a team" for "He'll be building a team") is not a misquote: one word for one word, same stem."""
    if tag != "replace" or q1 - q0 != 1 or s1 - s0 != 1 or (q0 != 0 and q1 != len(quote)):
        return False
    return same_stem(quote[q0], norms[s0])


def same_stem(a: str, b: str) -> bool:
    """'build'/'building', 'join'/'joined', 'team'/'teams': one word plus an inflection."""
    short, long = sorted((a, b), key=len)
    if not long.startswith(short[:-1] if short.endswith("e") else short) or len(short) < 3:
        return False
    rest = long[len(short) :] if long.startswith(short) else long[len(short) - 1 :]
    return rest in INFLECTIONS or (short.endswith("e") and rest in {"ing", "ed", "s"})


def _edits(ops: list[Opcode]) -> list[tuple[str, int, int, int, int]]:
    """Non-equal opcodes, neighbours merged into one edit: 'resume my work on' -> 'return to' is
    one change, not a dropped 'resume my' plus a replaced 'work on'."""
    out: list[tuple[str, int, int, int, int]] = []
    for op in ops:
        if op.tag == "equal":
            continue
        if out and out[-1][2] == op.src_start and out[-1][4] == op.dest_start:
            _, q0, _, s0, _ = out[-1]
            out[-1] = ("replace", q0, op.src_end, s0, op.dest_end)
        else:
            out.append((op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end))
    return [("replace" if q1 > q0 and s1 > s0 else tag, q0, q1, s0, s1) for tag, q0, q1, s0, s1 in out]


def _best_window(quote: list[str], norms: list[str], start: int, end: int) -> tuple[int, int]:
    """The stretch of the source the quote reproduces: partial_ratio's window moved and resized
    by up to a third of the quote, to the fewest edits; ties go to the stretch whose first and
    last words are the quote's, then to the one closest in length, then the least moved. So words
    the text dropped, added or changed at either end are reported as such, not cut off."""
    if len(quote) >= len(norms):
        start, end = 0, len(norms)
    if norms[start:end] == quote:
        return start, end  # an exact excerpt: no other window can score (0, 0, 0, 0)
    margin = len(quote) // 3 + 1
    best: tuple[tuple[int, int, int, int], tuple[int, int]] | None = None
    for i in range(max(0, start - margin), min(len(norms) - 1, start + margin) + 1):
        for j in range(max(i + 1, end - margin), min(len(norms), end + margin) + 1):
            cutoff = best[0][0] if best else None
            if cutoff is not None and abs(j - i - len(quote)) > cutoff:
                # At least that many words are added or dropped: more edits than the best window
                # has, so this one cannot win (nor can a longer one, once it is too long).
                if j - i > len(quote):
                    break
                continue
            distance = Levenshtein.distance(quote, norms[i:j], score_cutoff=cutoff)
            edges = (quote[0] != norms[i]) + (quote[-1] != norms[j - 1])
            key = (distance, edges, abs(j - i - len(quote)), abs(i - start) + abs(j - end))
            if best is None or key < best[0]:
                best = (key, (i, j))
    return best[1] if best else (start, end)


def _change(
    prose: str,
    text: str,
    quote: tuple[Word, ...],
    source: tuple[Word, ...],
    tag: str,
    q0: int,
    q1: int,
    s0: int,
    s1: int,
) -> Change:
    said = " ".join(prose[w.start : w.end] for w in quote[q0:q1])
    meant = " ".join(text[w.start : w.end] for w in source[s0:s1])
    summary = {
        "replace": f"{meant!r} changed to {said!r}",
        "insert": f"{meant!r} left out",
        "delete": f"{said!r} added",
    }
    before = prose[quote[q0 - 1].start : quote[q0 - 1].end] + " " if q0 > 0 else ""
    after = " " + prose[quote[q1].start : quote[q1].end] if q1 < len(quote) else ""
    edit = " ".join(part for part in (f"[-{meant}-]" if meant else "", f"{{+{said}+}}" if said else "") if part)
    diff = f"{before}{edit}{after}"
    if tag == "insert":  # dropped words: the span is the two quoted words around the gap
        q0, q1, s0, s1 = q0 - 1, q1 + 1, s0 - 1, s1 + 1
    elif tag == "delete":  # added words: take a neighbour too, so the replacement is never empty
        if q0 > 0:
            q0, s0 = q0 - 1, s0 - 1
        else:
            q1, s1 = q1 + 1, s1 + 1
    start, end = quote[q0].start, quote[q1 - 1].end
    replacement = text[source[s0].start : source[s1 - 1].end] if s1 > s0 else ""
    return Change(tag, start, end, prose[start:end], replacement, summary[tag], diff)
