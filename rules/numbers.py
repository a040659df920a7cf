"""Figures: amounts of money and counts the sheet holds (FL9xx)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.annotate.analysis import Analysis
from linter.annotate.numbers import Quantity, format_like, hedge_compatible, quantities_between
from linter.claims.career import length_claims
from linter.claims.predicates import attribute
from linter.claims.subjects import subject_or_owner
from linter.findings import Finding
from linter.rule import Example, Rule
from linter.sheet import Fact

BEFORE_NOUN = re.compile(r"\s+(?:[\w-]+\s+){0,2}")


def _fits(q: Quantity, fact: Fact) -> bool:
    """Is the quantity the kind of number the fact holds? Money for amounts, years for counts of
    years ('20 years in security'), a bare count right before the noun for other counts."""
    data = fact.value.data
    if fact.value.type == "amount":
        return q.unit == data.get("unit")
    if str(data.get("what", "")).startswith("years"):
        return q.unit == "years"
    return q.unit is None


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
    "$30 billion funding round" is never read as the revenue run rate. A figure for a disputed
    fact is at most a warning. Lengths of time at an organisation belong to FL602.
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
    )

    def check(self, doc: Analysis) -> Iterator[Finding]:
        facts = [f for f in doc.sheet.facts if f.value.type in {"amount", "count"}]
        if not facts:
            return
        lengths = {claim.quantity.start for claim in length_claims(doc)}
        for sentence in doc.sentences:
            quantities = quantities_between(doc, sentence.start, sentence.end)
            for q in quantities:
                if q.start in lengths:
                    continue
                found = attribute(doc, sentence, q.start, facts, end=q.end, subject=subject_or_owner)
                if found is None or not _fits(q, found.fact):
                    continue
                lo, hi = (q.end, found.cue_start) if found.cue_start >= q.end else (found.cue_end, q.start)
                if any(lo <= other.start < hi for other in quantities if other is not q):
                    continue  # another figure stands between this one and the cue
                fact = found.fact
                if q.unit is None and not BEFORE_NOUN.fullmatch(doc.prose, q.end, max(q.end, found.cue_start)):
                    continue  # a bare count is read only right before its noun: 'five co-founders'
                if q.agrees(fact.value):
                    continue
                yield self._report(doc, q, fact, facts)

    def _report(self, doc: Analysis, q: Quantity, fact: Fact, facts: list[Fact]) -> Finding:
        keep_hedge = hedge_compatible(q, fact.value)
        start = q.start if keep_hedge else q.hedge_start
        expected = f"{fact.value.display(doc.sheet)} ({_described(fact)})"
        other = [f for f in facts if f is not fact and f.subject == fact.subject and _fits(q, f) and q.agrees(f.value)]
        hint = f"; {doc.prose[start : q.end]} is the {_described(other[0])}" if other else ""
        return doc.finding(
            self.code, fact, start, q.end,
            f"{_described(fact)}: the sheet has {fact.value.display(doc.sheet)}, not {doc.prose[start:q.end]}{hint}",
            expected, format_like(q, fact.value, with_hedge=q.hedge is None or not keep_hedge),
        )  # fmt: skip


RULES = (FigureMismatch,)
