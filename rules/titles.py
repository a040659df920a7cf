"""Titles and roles of people, at the employer the text names."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.annotate.analysis import Analysis
from linter.claims.model import with_claim
from linter.claims.roles import is_senior, is_unique_role, title_matches, title_parts
from linter.claims.titles import TitleClaim, title_claims
from linter.findings import Finding
from linter.rule import Example, Rule
from linter.sheet import Fact

INDEFINITE = re.compile(r"\bof\s+(?:an?|new|one|some)\b", re.IGNORECASE)


class TitleMismatch(Rule):
    """A person is given a title the sheet says they do not hold (there, or at all).

    Finds titles written next to a name: before it ("Anthropic CEO Dario Amodei", "Tesla
    co-founder Karpathy"), after it as an apposition ("Nick Joseph, Anthropic's chief scientist")
    or after a copula ("Joseph is Anthropic's chief scientist"). Reads the employer from a
    possessive, a bare name or "of/at X". Compares with the person's `title` facts: a title the
    sheet marks wrong, or a senior title the person does not hold at that employer, is flagged;
    so is a one-holder role (CEO, head of X) that the sheet gives to someone else. A title with no
    employer is only flagged when the sheet lists it as wrong. People without titles in the sheet,
    and junior titles the sheet does not mention, stay silent.
    """

    code = "FL301"
    name = "title-mismatch"
    examples = (
        Example("Nick Joseph, Anthropic's chief scientist, welcomed the hire.", "chief scientist"),
        Example("Tesla co-founder Andrej Karpathy is joining Anthropic.", "co-founder"),
        Example("OpenAI's Autopilot chief Karpathy has a new job.", "Autopilot chief"),
        Example("Sam Altman, Anthropic's CEO, was not involved.", "CEO"),
        Example("Thinking Machines co-founder Ilya Sutskever said nothing.", "co-founder"),
        Example("Dario Amodei, CEO, has called this a critical window."),
        Example("Anthropic pretraining lead Nicholas Joseph welcomed him."),
        Example("Karpathy, an OpenAI co-founder and former Tesla AI director, joined Anthropic."),
        Example("Elon Musk, Tesla's CEO, once praised Karpathy."),
        Example("Nick Joseph, an Anthropic co-founder and former OpenAI researcher, is his manager."),
        Example("Karpathy joins Anthropic as head of developer relations.", "head of developer relations"),
        Example("Former Tesla AI executive Andrej Karpathy joins Anthropic."),
        Example("As Anthropic's head of pre-training Nick Joseph said, Karpathy will build a new team."),
        Example("Karpathy joins Anthropic as a research leader."),
        Example("Anthropic CEO Daniela Amodei welcomed him.", "Daniela Amodei"),
        Example("Anthropic president Daniela Amodei welcomed him."),
    )

    def check(self, doc: Analysis) -> Iterator[Finding]:
        by_person = doc.sheet.facts_by_subject("title")
        for claim in title_claims(doc):
            finding = self._judge(doc, claim, by_person)
            if finding is not None:
                where = f" at {claim.org}" if claim.org else ""
                who = claim.person or claim.namesake or ""
                yield with_claim(doc, finding, who, "title" + where, claim.title, claim.title)

    def _judge(self, doc: Analysis, claim: TitleClaim, by_person: dict[str, list[Fact]]) -> Finding | None:
        if claim.namesake is not None:
            return self._wrong_holder(doc, claim, by_person.get(claim.namesake, []))
        if INDEFINITE.search(claim.title):
            return None  # "head of a new team" names no existing post to compare with
        person = doc.sheet.entities[claim.person]
        titles = by_person.get(claim.person, [])
        held = [f for f in titles if claim.org in (None, f.org)]
        if all(any(title_matches(part, f.value) for f in held) for part in title_parts(claim.title)):
            return None  # every part of "co-founder and chief scientist" is a title the person holds
        deprecated = [f for f in titles if any(title_matches(claim.title, a.value) for a in f.alternatives)]
        if deprecated:
            fact = deprecated[0]
            reason = next(a.reason for a in fact.alternatives if title_matches(claim.title, a.value))
            return self._report(doc, claim, fact, f"{person.name} is not {claim.title!r}: {reason}")
        if claim.org is None:
            return None
        org_name = doc.sheet.entities[claim.org].name
        here = [f for f in titles if f.org == claim.org]
        if here and is_senior(claim.title):
            return self._report(doc, claim, here[0], f"{person.name} was never {org_name}'s {claim.title}")
        # A one-holder role (CEO, head of X) the sheet gives to someone else; or any role there the
        # sheet gives to others, for a person whose roles it knows and who has none at that employer
        # ("Safe Superintelligence founder Mira Murati").
        if is_unique_role(claim.title) or (titles and not here):
            for fact in doc.sheet.facts_at_org("title", claim.org):
                if fact.subject != claim.person and title_matches(claim.title, fact.value, exact=True):
                    holder = doc.sheet.entities[fact.subject].name
                    message = f"{org_name}'s {claim.title} is {holder}, not {person.name}"
                    return self._at_claim(
                        doc, claim, fact, message, f"{holder} is {org_name}'s {fact.value.text}", None
                    )
        return None

    def _wrong_holder(self, doc: Analysis, claim: TitleClaim, titles: list[Fact]) -> Finding | None:
        """'Anthropic CEO Jane Amodei': a one-holder title the sheet gives to Dario Amodei, written
        before another first name. Flags the name, which is what is wrong."""
        if claim.org is None or claim.name_span is None or not is_unique_role(claim.title):
            return None
        for fact in titles:
            if fact.org == claim.org and title_matches(claim.title, fact.value):
                holder = doc.sheet.entities[fact.subject].name
                start, end = claim.name_span
                org_name = doc.sheet.entities[claim.org].name
                message = f"{org_name}'s {claim.title} is {holder}, not {doc.prose[start:end]}"
                return doc.finding(
                    rule=self.code, fact=fact, start=start, end=end, message=message, expected=holder, suggestion=holder
                )
        return None

    def _report(self, doc: Analysis, claim: TitleClaim, fact: Fact, message: str) -> Finding:
        org = doc.sheet.entities[fact.org].name if fact.org else ""
        expected = f"{fact.value.text} ({org})" if org else fact.value.text
        others = [f.value.text + (f" ({doc.sheet.entities[f.org].name})" if f.org else "") for f in
                  doc.sheet.facts_for("title") if f.subject == claim.person and f is not fact]  # fmt: skip
        if others:
            expected += "; also " + ", ".join(others)
        return self._at_claim(doc, claim, fact, message, expected, fact.value.text)

    def _at_claim(
        self, doc: Analysis, claim: TitleClaim, fact: Fact, message: str, expected: str, suggestion: str | None
    ) -> Finding:
        """A finding on the claimed title's span."""
        return doc.finding(
            rule=self.code,
            fact=fact,
            start=claim.start,
            end=claim.end,
            message=message,
            expected=expected,
            suggestion=suggestion,
        )
