"""Quotations of the sheet's verbatim texts: posts, emails, statements (FL7xx)."""

from __future__ import annotations

from collections.abc import Iterator

from linter.annotate.analysis import Analysis
from linter.annotate.quotes import MIN_WORDS, Alignment, align, is_phrase, passages, quote_index, segments
from linter.findings import Finding
from linter.rule import Example, Rule


def _attributed_elsewhere(doc: Analysis, alignment: Alignment, start: int, end: int) -> bool:
    """True when the sentences around the quotation name people but not the quote's speaker:
    the same words in someone else's mouth are not a misquote of this one. Pronouns do not count:
    'In his own words' after 'Joseph welcomed him' is too easily resolved to the wrong man, and
    nor does a person the quotation itself names, who is its topic rather than its speaker ("the
    team said of Hamilton's move", about a statement that names Hamilton)."""
    speaker = alignment.fact.value.data.get("speaker") or alignment.fact.subject
    first, last = doc.sentence_at(max(0, start - 1)), doc.sentence_at(min(len(doc.prose) - 1, end))
    lo = min(s.start for s in (first, last) if s) if first or last else start
    hi = max(s.end for s in (first, last) if s) if first or last else end
    quoted = {m.entity for m in doc.mentions_between(start, end, {"person"})}
    people = [
        m
        for m in doc.mentions_between(lo, hi, {"person"})
        if not m.pronoun and not start <= m.start < end and (m.entity == speaker or m.entity not in quoted)
    ]
    return bool(people) and all(m.entity != speaker for m in people)


class Misquote(Rule):
    """A quotation of one of the sheet's verbatim texts with words changed, added or dropped.

    Finds quoted passages (straight or curly quotes, `>` block quotes), locates each in the
    sheet's quotes (Karpathy's post, Nick Joseph's post, Musk's email phrase) and diffs them word
    by word. Quoting part of a text, ellipses ("…"), [bracketed insertions], and differences of
    case, punctuation, hyphenation or apostrophes are fine. A quote the sheet holds as an excerpt
    (the default) may have more words before or after it; one marked `complete` may not. A first or
    last word bent to fit the sentence ("will 'build a team'" for "He'll be building a team") and a
    short quoted phrase that only shares words with the text (a job name) are not misquotes.
    Quotations of other people, quotations attributed to someone else, and paraphrases outside
    quotation marks are not checked.
    """

    code = "FL701"
    name = "misquote"
    examples = (
        Example('Karpathy wrote: "I think the next few years at the frontier of LLMs will be incredibly formative."',
                "incredibly"),
        Example('Joseph posted: "Excited to welcome Andrej to the Anthropic team!"', "Anthropic"),
        Example('Musk called him "arguably the #1 guy in the world in computer vision".', "#1"),
        Example('He said he was "excited to join the team here and get back to R&D".'),
        Example('"I\'ve joined Anthropic. … I am very excited to join the team here," Karpathy wrote.'),
        Example("Joseph wrote: “excited to welcome Andrej to the pre-training team!”"),
        Example('He plans "to resume my work on it [education] in time".'),
        Example('Sam Altman said: "I am very excited to join the team here and get back to work."'),
        Example('Joseph wrote: "Excited to welcome Andrej to the Pretraining team! Big things ahead."',
                "Big things ahead"),
        Example('Karpathy opened with "Personal update: I\'ve joined Anthropic." and said more later.'),
        Example('Joseph said Karpathy will "build a team focused on using Claude to accelerate pretraining research'
                ' itself."'),
        Example("Anthropic's new \"pre-training researcher\" role was his to define."),
    )  # fmt: skip

    def check(self, doc: Analysis) -> Iterator[Finding]:
        index = quote_index(doc.sheet)
        if not index.facts:
            return
        for start, end in passages(doc.prose):
            for segment in segments(doc.prose, start, end):
                if len(segment.words) < MIN_WORDS:
                    continue
                for i in index.candidates(segment):
                    alignment = align(doc.prose, segment, index, i)
                    if alignment is None:
                        continue
                    if not _attributed_elsewhere(doc, alignment, start, end) and not is_phrase(doc.sheet, alignment):
                        yield from self._report(doc, alignment)
                    break

    def _report(self, doc: Analysis, alignment: Alignment) -> Iterator[Finding]:
        fact = alignment.fact
        speaker = doc.sheet.entities[fact.value.data.get("speaker") or fact.subject].name
        channel = fact.value.data.get("channel")
        what = f"post on {doc.sheet.entities[channel].name}" if channel else "words"
        expected = fact.value.text[alignment.source_start : alignment.source_end]
        for change in alignment.changes:
            yield doc.finding(
                rule=self.code,
                fact=fact,
                start=change.start,
                end=change.end,
                message=f"misquotes {speaker}'s {what}: {change.summary} ({change.diff})",
                expected=expected,
                suggestion=change.source,
            )
