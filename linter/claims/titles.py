"""Title claims: a title written next to a known person's name, with the employer it names.

Three shapes: before the name ("Anthropic CEO Dario Amodei", "former Tesla AI director
Karpathy"), an apposition after it ("Nick Joseph, Anthropic's head of pre-training") and a copula
("Joseph is Anthropic's chief scientist"). Only unbroken runs of title words count, so ordinary
prose next to a name never reads as a title.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from linter.annotate.analysis import Analysis
from linter.annotate.mentions import Mention
from linter.annotate.text import Sentence
from linter.claims.roles import TITLE_WORDS, head_noun

TOKEN = re.compile(r"[A-Za-z][\w&.-]*?['’]s\b|[A-Za-z][\w&-]*|&|[^\w\s]")
AFTER_NAME = re.compile(
    r"^(?:\s*,\s*|\s+[—–]\s+|\s+(?:is|was|as|serves\s+as|served\s+as|has\s+been|had\s+been|became|remains|will\s+be)\s+)"
)
AS_TITLE = re.compile(r"As\s+")
TRAILING = {"and", "of", "at", "for", "the", "a", "an", "former", "new", "then", "its", "&"}
LEADING = {"the", "a", "an", "former", "new", "then", "its", "another", "now", "current", "longtime", "and", "&"}


@dataclass(frozen=True)
class TitleClaim:
    person: str
    title: str
    org: str | None
    start: int
    end: int


def _org_at(doc: Analysis, start: int, end: int) -> Mention | None:
    for m in doc.mentions_between(start, end, {"organisation"}):
        if m.start == start and m.entity:
            return m
    return None


def _org_ending_at(doc: Analysis, end: int) -> str | None:
    """The employer named right before a title: 'Anthropic', 'Anthropic's', 'Eureka Labs''."""
    for m in doc.mentions_between(max(0, end - 60), end, {"organisation"}):
        if m.entity and m.end in (end, end - 2) and doc.prose[m.end : end] in ("", "'s", "’s"):
            return m.entity
    return None


def _trim(doc: Analysis, words: list[re.Match[str]], base: int) -> tuple[int, int, str] | None:
    """Strip leading/trailing filler words; the rest must contain a role noun."""
    while words and words[0][0].lower() in LEADING:
        words = words[1:]
    while words and words[-1][0].lower() in TRAILING:
        words = words[:-1]
    if not words:
        return None
    start, end = base + words[0].start(), base + words[-1].end()
    title = doc.prose[start:end]
    return (start, end, title) if head_noun(title) else None


def _before(doc: Analysis, person: Mention, floor: int) -> TitleClaim | None:
    base = max(floor, person.start - 120)
    tokens = list(TOKEN.finditer(doc.prose, base, person.start))
    i = len(tokens)
    if i and tokens[i - 1][0] == "," and i >= 2:
        i -= 1  # "Anthropic's head of pre-training, Nick Joseph": allowed only with an employer
        comma = True
    else:
        comma = False
    title_words: list[re.Match[str]] = []
    while i and tokens[i - 1][0].lower() in TITLE_WORDS:
        title_words.insert(0, tokens[i - 1])
        i -= 1
    if not title_words or title_words[-1][0].lower() in {"and", "or", "&", "of"}:
        return None  # "head of pre-training and Karpathy": a second name, not a title for it
    org = None
    if i:
        org = _org_ending_at(doc, tokens[i - 1].end())
    if comma and org is None:
        return None
    trimmed = _trim(doc, title_words, 0)
    if not trimmed:
        return None
    start, end, title = trimmed
    return TitleClaim(person.entity or "", title, org, start, end)


def _title_from(doc: Analysis, pos: int, ceiling: int) -> tuple[int, int, str, str | None] | None:
    """Read a run of title words starting at `pos`, with the employer it names, if any."""
    org: str | None = None
    title_words: list[re.Match[str]] = []
    skip_to = pos
    for token in TOKEN.finditer(doc.prose, pos, min(ceiling, pos + 140)):
        if token.start() < skip_to:
            continue  # inside the employer's name
        org_mention = _org_at(doc, token.start(), token.end() + 1)
        if org_mention is not None:
            if org is not None:
                break
            content = [t for t in title_words if t[0].lower() not in LEADING]
            if content and content[-1][0].lower() not in {"of", "at"}:
                break
            org = org_mention.entity
            skip_to = org_mention.end + (2 if doc.prose[org_mention.end : org_mention.end + 2] in ("'s", "’s") else 0)
            if content:
                break  # "founding member of OpenAI": the employer closes the title
            continue
        if token[0].lower() not in TITLE_WORDS:
            break
        title_words.append(token)
    trimmed = _trim(doc, title_words, 0)
    return (*trimmed, org) if trimmed else None


def _after(doc: Analysis, person: Mention, ceiling: int) -> TitleClaim | None:
    lead = AFTER_NAME.match(doc.prose[person.end : ceiling])
    if not lead:
        return None
    found = _title_from(doc, person.end + lead.end(), ceiling)
    return TitleClaim(person.entity or "", found[2], found[3], found[0], found[1]) if found else None


def _as_clause(doc: Analysis, sentence: Sentence) -> TitleClaim | None:
    """'As OpenAI's chief scientist in those years, he ...': a fronted title for the subject."""
    lead = AS_TITLE.match(sentence.text)
    if not lead:
        return None
    comma = sentence.text.find(",", lead.end())
    if comma < 0:
        return None
    found = _title_from(doc, sentence.start + lead.end(), sentence.start + comma)
    people = doc.mentions_between(sentence.start + comma, sentence.start + comma + 3, {"person"})
    if not found or not people or people[0].entity is None:
        return None
    return TitleClaim(people[0].entity, found[2], found[3], found[0], found[1])


def title_claims(doc: Analysis) -> Iterator[TitleClaim]:
    """Every title written next to the name of a person the sheet knows."""
    for sentence in doc.sentences:
        fronted = _as_clause(doc, sentence)
        if fronted is not None:
            yield fronted
        for person in doc.mentions_in(sentence, {"person"}):
            if person.entity is None or person.pronoun:
                continue
            for claim in (_before(doc, person, sentence.start), _after(doc, person, sentence.end)):
                if claim is not None:
                    yield claim
