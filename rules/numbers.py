"""Figures: amounts of money and counts the sheet holds (FL9xx)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.annotate.analysis import Analysis
from linter.annotate.anchored import may_hold
from linter.annotate.numbers import Quantity, format_like, hedge_compatible, quantities_between, value_interval
from linter.claims.career import length_claims
from linter.claims.counts import counted_fact
from linter.claims.per_sentence import by_sentence
from linter.claims.predicates import attribute
from linter.claims.subjects import subject_or_owner
from linter.findings import Finding
from linter.language.en import SUM_WORDS
from linter.rule import Example, Rule
from linter.sheet import Fact
from linter.sheet.disputes import interval_verdict

BEFORE_NOUN = re.compile(r"\s+(?:[\w-]+\s+){0,2}")
PARTITIVE = re.compile(r"\s+of\s", re.IGNORECASE)


def _fits(q: Quantity, fact: Fact) -> bool:
    """Is the quantity the kind of number the fact holds? Money for amounts, years for counts of
    years ('20 years in security'), a bare count right before the noun for other counts."""
    data = fact.value.data
    if fact.value.type == "amount":
        return q.unit == data.get("unit")
    if str(data.get("what", "")).startswith("years"):
        return q.unit == "years"
    return q.unit is None


# A figure for a sum ("total capital raised to date") or for one named round ("a $5B Series E")
# measures something else than a fact that names neither.
SUM = re.compile(rf"\b(?:{'|'.join(SUM_WORDS)})\b", re.I)
NAMED_ROUND = re.compile(r"\bSeries\s+[A-K]\b|\b(?:seed|pre-seed)\s+round\b", re.I)
MEASURE_REACH = 40


# "its $5 billion round from last year": a figure placed at another time than a fact with no time
# of its own (the fact's cues and `as_of` say which times are its own: 'as 2025 closed').
OTHER_TIME = re.compile(
    r"\b(?:last|previous|prior|earlier|first)\s+(?:year|round|quarter)\b|\ba\s+year\s+(?:ago|earlier)\b"
    r"|\bin\s+(?:19|20)\d\d\b",
    re.I,
)


# What every match of each pattern holds, lower-cased: a stretch of the page's lower-cased prose
# without any of them is not searched (the patterns start with a word boundary and ignore case,
# so the regex engine tries their alternatives, lower-casing, at every character).
NEEDS = {
    SUM: tuple(w for w in SUM_WORDS if not any(o != w and o in w for o in SUM_WORDS)),  # 'in total': 'total'
    NAMED_ROUND: ("series", "seed"),
    OTHER_TIME: ("year", "round", "quarter", "19", "20"),
}


def _may_match(pattern: re.Pattern[str], prose: str, start: int, end: int) -> bool:
    """Can `pattern` match within `start:end` of `prose`? Only where one of the literals its
    matches hold stands."""
    return may_hold(prose, NEEDS[pattern], start, end)


def another_measure(prose: str, q: Quantity, fact: Fact) -> bool:
    """Does the figure's own phrase say it measures a sum, a named round or another time than
    the fact does?"""
    what = str(fact.value.data.get("what", ""))
    start, end = max(0, q.start - MEASURE_REACH), q.end + MEASURE_REACH
    near = prose[start:end]
    if any(_may_match(p, prose, start, end) and p.search(near) and not p.search(what) for p in (SUM, NAMED_ROUND)):
        return True
    if not _may_match(OTHER_TIME, prose, q.end, q.end + MEASURE_REACH):
        return False
    own = " ".join((*fact.cues, str(fact.value.data.get("as_of", "")))).lower()
    after = prose[q.end : q.end + MEASURE_REACH]
    return any(m[0].lower() not in own for m in OTHER_TIME.finditer(after.split(",")[0]))


def _described(fact: Fact) -> str:
    data = fact.value.data
    when = f", {data['as_of']}" if data.get("as_of") else ""
    return f"{data['what']}{when}" if data.get("what") else fact.relation


class FigureMismatch(Rule):
    """An amount or count that contradicts the sheet's figure for what the text says it measures.

    Reads "$30bn", "$30 billion", "US$30B", "30 billion dollars", "more than 20 years", "two
    decades", "five co-founders", with hedges ("about", "roughly", "nearly", "more than") and the
    precision the number was written with; ties each to the fact whose cue ("run rate", "funding
    round", "signing bonuses", "experience", "co-founders") and subject share its clause, so a
    "$30 billion funding round" is never read as the revenue run rate; a cue nearer another figure
    belongs to that figure. "$30 to $50 billion" is a range, and a sum ("in total", "to date") or a
    named round ("Series E") measures something else. For a disputed fact, a figure among or
    between the sources' values is a warning naming them; one outside all of them is an error.
    Lengths of time at an organisation belong to FL602.
    """

    code = "FL901"
    name = "figure-mismatch"
    examples = (
        Example("Anthropic's annualised revenue run rate hit $40 billion in April.", "$40 billion"),
        Example("Anthropic's run rate reached $30bn in April, up from roughly $5bn at the end of 2025.", "$5bn"),
        Example("Meta reportedly offered $10 million signing bonuses to OpenAI engineers.", "$10 million"),
        Example("Chris Rohlf has spent a decade in security.", "a decade"),
        Example("Anthropic's run rate was $30 billion in April, up from about $9 billion as 2025 closed."),
        Example("Coverage mentioned a $30 billion funding round, which is not the revenue figure."),
        Example("Rohlf, who has more than two decades of experience, spent six years at Meta."),
        Example("OpenAI's run rate is said to be $13 billion."),
        Example("Anthropic's funding round of $50 billion closed.", "$50 billion"),
        Example("Anthropic is in talks for a funding round between $25 and $35 billion."),
        Example("Anthropic has raised $64 billion in total, across every funding round."),
        Example("Anthropic is raising a $5 billion Series G round."),
    )

    def check(self, doc: Analysis) -> Iterator[Finding]:
        facts = doc.sheet.facts_of_types("amount", "count")
        if not facts:
            return
        lengths = {claim.quantity.start for claim in length_claims(doc)}
        for sentence, quantities in by_sentence(doc, quantities_between(doc, 0, len(doc.prose))):
            for q in quantities:
                if q.start in lengths:
                    continue
                # One figure per cue, for amounts: "hit $30bn, up from $9bn". A count's noun follows
                # it ("104 wins and 104 poles") and is read right there (BEFORE_NOUN).
                rivals = [(o.start, o.end) for o in quantities if o is not q and o.unit == q.unit == "USD"]
                reading = counted_fact(doc, sentence, q, quantities) if q.unit is None else None
                if reading is not None:  # the count's own noun says what it counts
                    counted = reading.fact
                    if counted and not q.agrees(counted.value) and not another_measure(doc.prose, q, counted):
                        yield self._report(doc, q, counted, facts)
                    continue
                found = attribute(doc, sentence, q.start, facts, end=q.end, subject=subject_or_owner, rivals=rivals)
                if found is None or not _fits(q, found.fact) or another_measure(doc.prose, q, found.fact):
                    continue
                lo, hi = (q.end, found.cue_start) if found.cue_start >= q.end else (found.cue_end, q.start)
                if any(lo <= other.start < hi for other in quantities if other is not q):
                    continue  # another figure stands between this one and the cue
                fact = found.fact
                if q.unit is None and not BEFORE_NOUN.fullmatch(doc.prose, q.end, max(q.end, found.cue_start)):
                    continue  # a bare count is read only right before its noun: 'five co-founders'
                if q.unit is None and PARTITIVE.match(doc.prose, q.end):
                    continue  # 'one of its founding members' counts one member, not the members
                if q.agrees(fact.value):
                    continue
                yield self._report(doc, q, fact, facts)

    def _report(self, doc: Analysis, q: Quantity, fact: Fact, facts: list[Fact]) -> Finding:
        verdict = interval_verdict(fact, q.interval(), value_interval)
        keep_hedge = hedge_compatible(q, fact.value)
        start = q.start if keep_hedge else q.hedge_start
        expected = f"{fact.value.display(doc.sheet)} ({_described(fact)})"
        other = [f for f in facts if f is not fact and f.subject == fact.subject and _fits(q, f) and q.agrees(f.value)]
        hint = f"; {doc.prose[start : q.end]} is the {_described(other[0])}" if other else ""
        written = doc.prose[start : q.end]
        return doc.finding(
            rule=self.code,
            fact=fact,
            start=start,
            end=q.end,
            message=f"{_described(fact)}: the sheet has {fact.value.display(doc.sheet)}, not {written}{hint}",
            expected=expected,
            suggestion=format_like(q, fact.value, with_hedge=q.hedge is None or not keep_hedge),
            severity=verdict.severity,
            sources=verdict.sources or None,
        )
