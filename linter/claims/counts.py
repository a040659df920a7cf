"""Which count fact a bare number counts, read from the noun it counts.

A count names what it counts: "eight world titles", "105 Grand Prix wins". The noun right after the
number (a cue of a count fact) says which fact it states, even when a verb nearer the number is
another fact's cue ("has won eight world titles" is not a count of wins). Two written forms put
the noun elsewhere: "with 98 of them" counts the noun named just before ("pole positions, with 98
of them"), and "five of his world titles with Mercedes" counts a part of the whole: it states the
fact whose `what` narrows the whole's `what` and whose cue follows ("with Mercedes"). A part with
no such narrower fact ("one of its founding members") states nothing the sheet holds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from linter.annotate.analysis import Analysis
from linter.annotate.mentions import Mention
from linter.annotate.numbers import Quantity
from linter.annotate.text import Sentence
from linter.claims.clauses import negated
from linter.claims.predicates import cue_index
from linter.claims.subjects import subject_or_owner
from linter.sheet import Fact, Sheet

NOUN_GAP = re.compile(r"\s+(?:[\w-]+\s+){0,2}")  # 'eight world titles', '105 Grand Prix wins'
OF_THEM = re.compile(r"\s+of\s+(?:them|those|these)\b", re.IGNORECASE)
OF_OWNER = re.compile(r"\s+of\s+(?:his|her|its|their|the)\b", re.IGNORECASE)
NOUN_REACH = 40
# "arrives at Ferrari with 105 wins": a name after a preposition is not the one who holds the count.
PREPOSITION = re.compile(r"\b(?:at|to|for|from|with|of|in|into|on|by|against|over)\s+(?:the\s+)?$", re.IGNORECASE)


def _holder(a: Analysis, sentence: Sentence, clause_start: int, offset: int) -> Mention | None:
    """Who holds a count at `offset`: the last name in its clause that is not a preposition's
    object, else whoever `subject_or_owner` finds."""
    named = [
        m
        for m in a.mentions_between(clause_start, offset, {"person", "organisation"})
        if m.end <= offset and not PREPOSITION.search(a.prose, max(clause_start, m.start - 20), m.start)
    ]
    return named[-1] if named else subject_or_owner(a, sentence, offset)


def _cued_at(a: Analysis, facts: Sequence[Fact], start: int) -> tuple[Sequence[Fact], int]:
    """The facts whose cue is the noun right after `start`, and where that cue ends."""
    index = cue_index(tuple(facts))
    for cue in index.finditer(a, start, min(len(a.prose), start + NOUN_REACH)):
        if NOUN_GAP.fullmatch(a.prose, start, cue.start()):
            return index.facts_at(a.prose, cue.start()), cue.end()
        break
    return (), start


def _cued_before(a: Analysis, facts: Sequence[Fact], start: int, q: Quantity, others: list[Quantity]) -> Sequence[Fact]:
    """The facts whose cue is the last count noun between `start` and the number, with no other
    number in between ('pole positions, with 98 of them')."""
    index = cue_index(tuple(facts))
    cues = list(index.finditer(a, start, q.start))
    if not cues or any(cues[-1].end() <= o.start < q.start for o in others if o is not q):
        return []
    return index.facts_at(a.prose, cues[-1].start())


def _parts(a: Analysis, wholes: Sequence[Fact], facts: Sequence[Fact], start: int, end: int) -> list[Fact]:
    """The facts counting a part of one of `wholes` whose cue stands between `start` and `end`."""
    narrower = [
        f
        for f in facts
        for w in wholes
        if f is not w
        and f.subject == w.subject
        and str(f.value.data.get("what", "")).startswith(str(w.value.data.get("what", "")) + " ")
    ]
    if not narrower:
        return []
    index = cue_index(tuple(narrower))
    return [f for cue in index.finditer(a, start, end) for f in index.facts_at(a.prose, cue.start())]


YEAR = re.compile(r"\b(?:19|20)\d\d\b")
WHOLE_BEFORE = re.compile(r"\bof\s+(?:his|her|its|their|the)\s+$", re.IGNORECASE)  # 'six of his seven titles'
QUALIFIED = re.compile(r"\s+(?:with|at|for|in|since|during|before|after|this|last|that)\b", re.IGNORECASE)


def _another_year(a: Analysis, start: int, end: int) -> bool:
    """Does the clause place its count in a year before the event's ('84 wins by 2019')? A
    count changes with time, and the sheet's counts are those of the event's date."""
    return any(int(m[0]) < a.sheet.event_date.year for m in YEAR.finditer(a.prose, start, end))


class CountReading(NamedTuple):
    """What a count's own noun says it counts: `fact`, or None for a count the sheet does not hold
    (a part with no narrower fact, another year, someone else's count)."""

    fact: Fact | None


@lru_cache(maxsize=16)
def _counts(sheet: Sheet) -> tuple[Fact, ...]:
    """The sheet's count facts, years of service left out (those are career lengths)."""
    return tuple(f for f in sheet.facts_of_type("count") if not str(f.value.data.get("what", "")).startswith("years"))


def counted_fact(a: Analysis, sentence: Sentence, q: Quantity, others: list[Quantity]) -> CountReading | None:
    """What the bare number `q` counts, read from its noun, or None when its noun names no count
    fact (the caller then reads the number's clause instead)."""
    counts = _counts(a.sheet)
    if not counts:
        return None
    if OF_THEM.match(a.prose, q.end):
        named = _cued_before(a, counts, sentence.start, q, others)
        if not named:
            return None
    elif (owner := OF_OWNER.match(a.prose, q.end)) is not None:
        wholes, noun_end = _cued_at(a, counts, owner.end())
        if not wholes:
            return None
        named = _parts(a, wholes, counts, noun_end, a.clause(sentence, q.start)[1])
    else:
        named, noun_end = _cued_at(a, counts, q.end)
        if not named:
            return None  # (most numbers: no count noun, so their clause is not looked up)
        if not WHOLE_BEFORE.search(a.prose, max(0, q.start - 12), q.start):
            # "six titles with Mercedes": a narrower count whose cue qualifies the noun is the one
            # meant; a noun qualified otherwise ("82 wins at Mercedes", "five wins this season")
            # counts a part the sheet does not hold.
            parts = _parts(a, named, counts, noun_end, a.clause(sentence, q.start)[1])
            if parts or QUALIFIED.match(a.prose, noun_end):
                named = parts
    clause_start, clause_end = a.clause(sentence, q.start)
    who = _holder(a, sentence, clause_start, q.start)
    if who is None or _another_year(a, clause_start, clause_end) or negated(a, sentence, clause_start, q.end):
        return CountReading(None)
    mine = [f for f in named if f.subject == who.entity]
    one = len(mine) == 1 or len({repr(f.value.data) for f in mine}) == 1  # (one fact: nothing printed)
    return CountReading(mine[0] if one else None)
