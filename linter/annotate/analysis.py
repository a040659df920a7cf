"""One pass of shared analysis per document: sentences, mentions, pronouns, dates, clause context.

Rules never re-scan the text for these; they ask this object. That keeps rules short recipes and
keeps `check` linear in the size of the document.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Set
from functools import cached_property, lru_cache
from operator import attrgetter
from typing import TypeVar

from linter.annotate.dates import DateMention, find_dates, published_in_text
from linter.annotate.mentions import PRONOUN_SCAN, PRONOUNS, Mention, matcher_for, unknown_people
from linter.annotate.text import LineIndex, Sentence, split_sentences
from linter.documents import Document
from linter.findings import Finding, located
from linter.sheet import Fact, Sheet

# Where a clause ends: ; | ( ) ': ' ', but' ' — ' ' -- '. Written to start with one class of
# punctuation, so the regex engine skips to it by table lookup; each is then told apart by
# looking back at it. A dash's break starts at the space before it, which `clause_breaks` adds
# (tests/test_anchored.py compares them with the plain form). Starting at the dash, not at the
# space, the engine stops at a page's few dashes and hyphens instead of at every space.
CLAUSE_BREAK = re.compile(
    r"[;|():,—–-](?:(?<=[;|()])|(?<=:)\s|(?<=,)\s+"
    r"(?=(?:but|while|whereas|although|though|before|after|when|where)\b)|(?<=\s[—–])\s|(?<=\s-)-\s)"
)
DASHES = "—–-"
PLACE_CUE = (
    r"(?i:at|with|for|from|while at|when (?:he|she) was at|back at"
    r"|during (?:his|her|their) (?:time|tenure|stint|years) at"
    r"|before joining|after leaving|after departing|left|leaving|departing|join(?:s|ed|ing)?|rejoin(?:s|ed|ing)?)"
)
# The same as r"\b(?:formerly|previously|earlier in (?:his|her) career|at the time|back then|used to|once
# |former|ex-)\b" with IGNORECASE (tests/test_anchored.py compares them), written to start with a
# class of the first letters' cases, as EVENT_WORD: the plain form is tried at every character.
PAST_CUE = re.compile(
    r"[FfPpEeAaBbUuOo](?<!\w.)(?i:(?<=f)ormer(?:ly)?|(?<=p)reviously|(?<=e)(?:arlier in (?:his|her) career|x-)"
    r"|(?<=a)t the time|(?<=b)ack then|(?<=u)sed to|(?<=o)nce)\b"
)
NEGATION = re.compile(
    r"\b(?:not|never|no\s+longer|n't|wrongly|falsely|incorrectly|erroneously|mistakenly|denied|denies|deny"
    r"|rather\s+than|instead\s+of|contrary\s+to|rumou?r(?:ed|s)?|speculat\w*|myth|false)\b|n't\b",
    re.IGNORECASE,
)
# Nouns that stand for the sheet's event itself ("the move", "the announcement").
EVENT_WORDS = r"(?:announcement|news|move|hire|hiring|appointment)"
# The same as rf"\b{EVENT_WORDS}\b" with IGNORECASE (tests/test_anchored.py compares them with
# search, match and fullmatch), written to start with a class of the words' first letters so
# that the regex engine skips to them: each sentence of a page without a name is searched.
EVENT_WORD = re.compile(
    r"[AaNnMmHh](?<!\w.)(?i:(?<=a)(?:nnouncement|ppointment)|(?<=n)ews|(?<=m)ove|(?<=h)ir(?:e|ing))(?!\w)"
)
# "It said ...", "The article described him as ...", "One outlet wrongly reported ...": a text's claim.
REPORTED = re.compile(
    r"(?:^|\b)(?:[Ii]t|[Ww]e|(?:[Tt]he|[Aa]n?|[Oo]ne|[Ss]ome|[Ss]everal|[Oo]ther|[Tt]hat|[Tt]his|[Ee]arly|[Ff]irst"
    r"|[Oo]ur|[Tt]heir|[Ii]ts)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:article|story|headline|report|piece|outlet|paper|version|draft|coverage|account|item"
    r"|post|blog|site|tweet|source|profile)s?)\s+(?:had\s+|has\s+|originally\s+|initially\s+|also\s+|first\s+"
    r"|wrongly\s+|mistakenly\s+)?"
    r"(?:said|says|claimed|claims|stated|states|reported|reports|wrote|writes|described|describes|gave|gives|quoted"
    r"|quotes|called|calls|suggested|suggests|put|puts|listed|lists|dated|dates|misquoted|had)\b"
    # "Somebody in the other thread claimed ...": a claim the writer only passes on.
    r"|\b(?:[Ss]ome(?:one|body)|[Oo]thers|[Mm]any|[Rr]umou?rs?)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:claimed|claims|suggested|suggests|insisted|insists|speculated|alleged|alleges)\b"
)
FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e)\b")
# The same matches, starting with a class so that the regex engine skips to 'I', 'W' and 'w' (as
# mentions.PRONOUN_SCAN does; tests/test_anchored.py compares the two). It was an anchored scan of
# the lower-cased text, which stopped at every 'i': 2.7 times as dear.
FIRST_PERSON_SCAN = re.compile(r"[IWw](?<!\w.)(?:(?<=I)|(?<=[Ww])e)(?!\w)")
# What separates two predicates: past one of these, a name is no longer the object's own subject.
LINKS = re.compile(r"[,;:]|\b(?:and|but|or|that|who|whom|which|while|when|after|before)\b")
CONTEXT = 240  # how far back a denial or "It said" can govern a claim (bounds the work per claim)
# A year standing on its own: rf"(?<![\w$-])({YEAR_DIGITS})(?![\w-])" (tests/test_anchored.py
# compares them), written to start with a class of its first digits, so that the regex engine
# skips to them: the plain form, which starts with a look-behind, is tried at every character of
# every sentence it is searched in (a search costs a third as much this way).
YEAR = re.compile(r"([12](?<![\w$-].)(?:(?<=1)9|(?<=2)0)\d\d)(?![\w-])")
CAPITALISED_WORD = re.compile(r"[A-Z]\w+")
_T = TypeVar("_T")
_START = attrgetter("start")  # a sort key (a call to C, not to a lambda)
_bisect_left = bisect.bisect_left


def sorted_slice(starts: list[int], items: list[_T], start: int, end: int) -> list[_T]:
    """The `items` (in text order, `starts` their starts) that start in `start:end`."""
    lo = _bisect_left(starts, start)
    return items[lo : _bisect_left(starts, end, lo)]


def clause_breaks(text: str, base: int = 0) -> list[tuple[int, int]]:
    """The spans of `text`'s clause breaks (`CLAUSE_BREAK`), shifted by `base`: a dash's starts
    at the space before it, unless an earlier break took that space (': — ', as a plain
    pattern's scan would have consumed it)."""
    out: list[tuple[int, int]] = []
    taken = 0
    for m in CLAUSE_BREAK.finditer(text):
        cut, after = m.span()
        if text[cut] in DASHES:
            cut -= 1
            if cut < taken:
                continue
        out.append((base + cut, base + after))
        taken = after
    return out


@lru_cache(maxsize=16)
def _thing_words(sheet: Sheet) -> frozenset[str]:
    """First words of the names of the sheet's products and organisations ('Claude Opus',
    'Eureka Labs Inc'): a capitalised pair starting with one is a thing, not an unknown person."""
    return frozenset(n.split()[0] for e in sheet.entities.values() if e.kind != "person" for n in e.names if n)


class Analysis:
    """Everything rules need to know about one document, computed once."""

    def __init__(self, doc: Document, sheet: Sheet, published: dt.date | None = None) -> None:
        self.doc = doc
        self.sheet = sheet
        self.prose = doc.prose
        self._claim_spans: list[tuple[int, int]] | None = None
        self.memo: dict[tuple[object, ...], object] = {}  # per-document memo for shared helpers
        self.sentences: list[Sentence] = split_sentences(self.prose)
        self._sentence_starts = [s.start for s in self.sentences]
        self._breaks: list[list[tuple[int, int]] | None] = [None] * len(self.sentences)  # by sentence number
        self._set_mentions(matcher_for(sheet).find(self.prose))
        # Misspelled names ('Nicholas Josef') still denote their entity for every other rule: a
        # typo must neither hide a claim nor break who the next "he" is. FL801 reports them.
        from linter.annotate.names import near_misses

        self.misspellings = near_misses(self)
        misspelled = [
            Mention(
                n.start, n.end, n.entity, sheet.entities[n.entity].kind, self.prose[n.start : n.end], misspelled=True
            )
            for n in self.misspellings
        ]
        named = sorted(self.mentions + misspelled, key=_START) if misspelled else self.mentions
        # "Claude Opus", "Eureka Labs Inc": a pair starting with a word of a product's or
        # organisation's name is a thing, not an unknown person.
        things = _thing_words(sheet)
        unknown = [u for u in unknown_people(self.prose, named) if u.text.split()[0] not in things]
        # "I joined Tesla in 2019 ... and spent three years there": the writer is a subject too,
        # one the sheet knows nothing about (it does not take part in he/she chains).
        writer = [Mention(m.start(), m.end(), None, "person", m[0]) for m in FIRST_PERSON_SCAN.finditer(self.prose)]
        self._set_mentions(named + unknown + writer + self._resolve_pronouns(named, unknown))
        self.dates: list[DateMention] = find_dates(self.prose)
        self._date_starts = [d.start for d in self.dates]
        self.published = published or doc.published or published_in_text(self.prose, self.dates)

    # ------------------------------------------------------------------------------- building
    def _set_mentions(self, mentions: list[Mention]) -> None:
        self.mentions = sorted(mentions, key=_START)
        self._mention_starts = [m.start for m in self.mentions]
        self._of_kind: dict[str, tuple[list[int], list[Mention]]] = {}  # see `mentions_between`

    def _resolve_pronouns(self, named: list[Mention], unknown: list[Mention]) -> list[Mention]:
        """Each he/she refers to the last person of that gender mentioned before it, if known.

        A possible person outside the sheet breaks the chain: after "Nick Jonas said", a "he" is
        nobody the sheet knows, so no rule judges the sentence on its account. An object "him" is
        not the subject of its own clause ("Karpathy will report to him" is about someone else),
        so there it refers to the person named before.
        """
        people = sorted([m for m in named if m.kind == "person"] + unknown, key=_START)
        starts = [m.start for m in people]
        history: dict[str, list[tuple[str | None, int]]] = {"male": [], "female": []}
        out: list[Mention] = []
        entities, who = self.sheet.entities, self.sheet.protagonist
        # The people and the pronouns in text order (a name before a pronoun at its offset), by
        # walking the two sorted lists together.
        i = 0
        for item in PRONOUN_SCAN.finditer(self.prose):
            start = item.start()
            while i < len(people) and people[i].start <= start:
                person = people[i]
                i += 1
                gender = entities[person.entity].gender if person.entity else None
                if gender in history:
                    history[gender].append((person.entity, person.start))
                else:
                    for seen in history.values():
                        seen.append((None, person.start))  # an unknown person breaks every chain
            word = item[0]
            lower = word.lower()
            seen = history[PRONOUNS[lower]]
            if not seen:
                continue  # nobody of that gender named yet: the pronoun refers to no one known
            target = seen[-1][0]
            # (`_topic_returns` asked only when its first test can pass: another known person last)
            if target not in (None, who) and who is not None and self._topic_returns(seen, start, PRONOUNS[lower]):
                target = who  # a new line goes back to whom the page is about
            if lower == "him" and self._own_subject(starts, seen[-1][1], start):
                target = seen[-2][0] if len(seen) > 1 else None
            if target:
                out.append(Mention(start, item.end(), target, "person", word, pronoun=True))
        return out

    def _topic_returns(self, seen: list[tuple[str | None, int]], pronoun_start: int, gender: str) -> bool:
        """Does a 'he' on a new line, after another person of that gender was named on an earlier
        line, mean the page's protagonist (named before both)? A page about an event keeps
        coming back to its protagonist: 'Nick Joseph welcomed him.' / 'He is on the ... team.'"""
        who = self.sheet.protagonist
        last_entity, last_start = seen[-1]
        if who is None or last_entity in (None, who) or self.sheet.entities[who].gender != gender:
            return False
        if self.prose.find("\n", last_start, pronoun_start) < 0:
            return False  # the other person was named on this line: the pronoun is theirs
        line_start = self.prose.rfind("\n", 0, pronoun_start) + 1
        if CAPITALISED_WORD.search(self.prose, line_start, pronoun_start):
            return False  # not the line's first word: its own subject may be someone else
        return any(entity == who and start < last_start for entity, start in seen)

    def _own_subject(self, people: list[int], name_start: int, pronoun_start: int) -> bool:
        """Is the name at `name_start` the subject of the verb whose object is the pronoun? Either
        the first person named in the pronoun's clause, or the person named right before it with
        only a verb between ('Karpathy reports to him', 'Musk praised him')."""
        sentence = self.sentence_at(pronoun_start)
        if sentence is None or name_start < sentence.start:
            return False
        clause_start, _ = self.clause(sentence, pronoun_start)
        first = bisect.bisect_left(people, clause_start)
        if first < len(people) and people[first] == name_start:
            return True
        nearest = bisect.bisect_left(people, pronoun_start) - 1
        between = self.prose[name_start:pronoun_start]
        return nearest >= 0 and people[nearest] == name_start and not LINKS.search(between)

    # ------------------------------------------------------------------------------- lookups
    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def mentions_between(self, start: int, end: int, kinds: Set[str] | None = None) -> list[Mention]:
        # The hottest lookup of the claim layer (30,000 calls over 40 articles): `sorted_slice` inlined.
        # Most calls ask for one kind ({"person"}), which is sliced from that kind's own list.
        if kinds is not None and len(kinds) == 1:
            (kind,) = kinds
            starts, items = self._of_kind.get(kind) or self._index_kind(kind)
            kinds = None
        else:
            starts, items = self._mention_starts, self.mentions
        lo = _bisect_left(starts, start)
        found = items[lo : _bisect_left(starts, end, lo)]
        return found if kinds is None or not found else [m for m in found if m.kind in kinds]

    def _index_kind(self, kind: str) -> tuple[list[int], list[Mention]]:
        """The mentions of one kind and their starts, made on the first lookup of that kind."""
        own = [m for m in self.mentions if m.kind == kind]
        self._of_kind[kind] = index = ([m.start for m in own], own)
        return index

    def mentions_in(self, sentence: Sentence, kinds: Set[str] | None = None) -> list[Mention]:
        return self.mentions_between(sentence.start, sentence.end, kinds)

    def dates_in(self, sentence: Sentence) -> list[DateMention]:
        return self.dates_between(sentence.start, sentence.end)

    def dates_between(self, start: int, end: int) -> list[DateMention]:
        return sorted_slice(self._date_starts, self.dates, start, end)

    def clause(self, sentence: Sentence, offset: int) -> tuple[int, int]:
        """The clause around `offset`: the sentence cut at semicolons, dashes, brackets and 'but'."""
        breaks = self._breaks[sentence.number]
        if breaks is None:
            breaks = self._breaks[sentence.number] = clause_breaks(sentence.text, sentence.start)
        start, end = sentence.start, sentence.end
        for cut, after in breaks:
            if cut < offset:
                start = after
            else:
                end = cut
                break
        return start, end

    def claim_spans(self) -> list[tuple[int, int]]:
        """Runs of consecutive sentences that mention an entity, a pronoun or an event noun
        ('the move'): the only text a claim can be in. Computed once per document."""
        if self._claim_spans is None:
            spans: list[tuple[int, int]] = []
            starts, i = self._mention_starts, 0
            for sentence in self.sentences:
                # (does a mention start in the sentence: the first at or after its start, found
                # from where the last sentence's search ended, starts before its end?)
                i = _bisect_left(starts, sentence.start, i)
                if not (i < len(starts) and starts[i] < sentence.end) and not EVENT_WORD.search(sentence.text):
                    continue
                if spans and spans[-1][1] == sentence.number:
                    spans[-1] = (spans[-1][0], sentence.number + 1)
                else:
                    spans.append((sentence.number, sentence.number + 1))
            self._claim_spans = [(self.sentences[i].start, self.sentences[j - 1].end) for i, j in spans]
        return self._claim_spans

    # ------------------------------------------------------------------------------- findings
    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.doc.text)

    def finding(
        self,
        *,
        rule: str,
        fact: Fact,
        start: int,
        end: int,
        message: str,
        expected: str | None = None,
        suggestion: str | None = None,
        severity: str | None = None,
        sources: tuple[str, ...] | None = None,
        claim: dict[str, object] | None = None,
    ) -> Finding:
        """A finding for the span `start:end`, with positions derived from the offsets; `claim`
        records what the rule read (see `linter.claims.model`)."""
        return located(
            self.doc.text,
            self.lines,
            start,
            end,
            rule=rule,
            fact=fact.id,
            severity=severity or fact.severity,
            message=message,
            expected=expected if expected is not None else fact.value.display(self.sheet),
            suggestion=suggestion,
            sources=sources or fact.sources,
            claim=claim,
        )
