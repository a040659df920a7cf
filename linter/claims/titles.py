"""Title claims: a title written next to a known person's name, with the employer it names.

Three shapes: before the name ("Anthropic CEO Dario Amodei", "former Tesla AI director
Karpathy"), an apposition after it ("Nick Joseph, Anthropic's head of pre-training") and a copula
("Joseph is Anthropic's chief scientist"). Only unbroken runs of title words count, so ordinary
prose next to a name never reads as a title.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from linter.annotate.analysis import Analysis
from linter.annotate.mentions import Mention
from linter.annotate.text import Sentence
from linter.claims.career import org_at
from linter.claims.per_sentence import by_sentence
from linter.claims.roles import head_noun, is_unique_role
from linter.claims.scan import finditer, sentences_holding
from linter.claims.vocabulary import vocabulary
from linter.language.en import SENIOR_NOUNS, TITLE_LEADING, TITLE_TRAILING
from linter.sheet import Sheet

TOKEN = re.compile(r"[A-Za-z][\w&.-]*?['’]s\b|[A-Za-z][\w&-]*|&|[^\w\s]")
COPULA = r"(?:is|was|as|serves\s+as|served\s+as|has\s+been|had\s+been|became|remains|will\s+be)"
AFTER_NAME = re.compile(r"(?:\s*,\s*|\s*\(\s*|\s+[—–]\s+|\s+" + COPULA + r"\s+)")
# A resolved pronoun carries a title only through a copula: "he was director of AI at ...".
AFTER_PRONOUN = re.compile(r"\s+(?:is|was|had\s+been|has\s+been|became)\s+")
AS_TITLE = re.compile(r"As\s+")
# "joins Anthropic as head of X": the title a person takes at the employer they join.
JOIN_AS = re.compile(r"\b(?:re)?join(?:s|ed|ing)?\s+(?=[A-Z])")
# After a senior noun and 'of', the remit may be any words: "head of developer experience".
STOP = r"(?:for|at|in|on|with|who|which|that|where|and|to|from|since|after|before)\b"
REMIT = re.compile(r"\s+of\s+((?:(?!" + STOP + r")[A-Za-z][\w-]*\s*){1,3})")
REMIT_MORE = re.compile(r"(\s*(?:(?!" + STOP + r")[A-Za-z][\w-]*\s*){1,2})")
EMPLOYER_AFTER = re.compile(r"\s*(?:at|of|for)\s+(?:the\s+)?")
TRAILING = set(TITLE_TRAILING)
LEADING = set(TITLE_LEADING)
TRAILING_OR_LEADING = TRAILING | LEADING


class TitleClaim(NamedTuple):
    """A title the text gives a person (at an organisation), with its span."""

    person: str
    title: str
    org: str | None
    start: int
    end: int
    # For a name the sheet does not know that shares a known person's surname ("CEO Jane Amodei"):
    # that person's id and the unknown name's span, so a one-holder title can be checked.
    namesake: str | None = None
    name_span: tuple[int, int] | None = None


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
    while words and words[-1][0].lower() in TRAILING_OR_LEADING:
        words = words[:-1]
    if not words:
        return None
    start, end = base + words[0].start(), base + words[-1].end()
    title = doc.prose[start:end]
    return (start, end, title) if head_noun(title, vocabulary(doc.sheet).head_nouns) else None


def _before(doc: Analysis, person: Mention, floor: int) -> TitleClaim | None:
    base = max(floor, person.start - 120)
    # Most names have no title before them, which the last two words tell: tokens are read from
    # the space before those words first, then from a space 30 characters back (no token spans a
    # space, so they are the same tokens), and from `base` only when the title runs back further.
    prose = doc.prose
    last_word = prose.rfind(" ", base + 1, person.start - 1)
    two_words = prose.rfind(" ", base + 1, last_word) if last_word > base else -1
    for near in (two_words, prose.rfind(" ", base + 1, person.start - 30)):
        if near > base:
            found = _title_before(doc, person, list(TOKEN.finditer(prose, near, person.start)), partial=True)
            if found is not _FURTHER:
                return found
    return _title_before(doc, person, list(TOKEN.finditer(prose, base, person.start)), partial=False)


_FURTHER = TitleClaim("", "", None, -1, -1)  # the tokens read so far do not decide: read from further back


def _title_before(doc: Analysis, person: Mention, tokens: list[re.Match[str]], partial: bool) -> TitleClaim | None:
    """The title (and employer) the tokens before a name end with. With `partial` (tokens from a
    few words back only), `_FURTHER` when the title or its employer may run on past them."""
    i = len(tokens)
    if partial and i < 2:
        return _FURTHER
    if i and tokens[i - 1][0] == "," and i >= 2:
        i -= 1  # "Anthropic's head of pre-training, Nick Joseph": allowed only with an employer
        comma = True
    else:
        comma = False
    title_words: list[re.Match[str]] = []
    words_ok = vocabulary(doc.sheet).title_words
    while i and tokens[i - 1][0].lower() in words_ok:
        title_words.insert(0, tokens[i - 1])
        i -= 1
    if partial and not i:
        return _FURTHER
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


OWNED_NAME = re.compile(r"['’]s\s+([A-Z][\w-]*)")  # "Google's DeepMind"


def _title_from(doc: Analysis, pos: int, ceiling: int) -> tuple[int, int, str, str | None] | None:
    """Read a run of title words starting at `pos`, with the employer it names, if any."""
    org: str | None = None
    title_words: list[re.Match[str]] = []
    skip_to = pos
    words_ok = vocabulary(doc.sheet).title_words
    for token in TOKEN.finditer(doc.prose, pos, min(ceiling, pos + 140)):
        if token.start() < skip_to:
            continue  # inside the employer's name
        org_mention = org_at(doc, token.start())
        if org_mention is not None:
            if org is not None:
                break
            content = [t for t in title_words if t[0].lower() not in LEADING]
            if content and content[-1][0].lower() not in {"of", "at"}:
                break
            owned = OWNED_NAME.match(doc.prose[org_mention.end : org_mention.end + 40])
            if owned and owned[1].lower() not in words_ok:
                return None  # "co-founder of Google's DeepMind": the employer is not the one named
            org = org_mention.entity
            skip_to = org_mention.end + (2 if doc.prose[org_mention.end : org_mention.end + 2] in ("'s", "’s") else 0)
            if content:
                break  # "founding member of OpenAI": the employer closes the title
            continue
        if org is None and all(t[0].lower() in LEADING for t in title_words) and OWNER_NOUN.fullmatch(token[0]):
            org = _last_org(doc, pos)  # "the company's chief executive": the employer named before
            if org is None:
                return None
            continue
        if token[0].lower() not in words_ok:
            break
        title_words.append(token)
    trimmed = _trim(doc, title_words, 0)
    if not trimmed:
        return None
    start, end, title = trimmed
    head = head_noun(title, vocabulary(doc.sheet).head_nouns) or ""
    words = title.lower().split()
    remit = None
    if head in SENIOR_NOUNS and words[-1] == head:
        remit = REMIT.match(doc.prose, end, ceiling)
    elif head in SENIOR_NOUNS and "of" in words and words.index("of") == len(words) - 2:
        remit = REMIT_MORE.match(doc.prose, end, ceiling)  # "head of developer experience"
    remit_end = remit.start(1) + len(remit[1].rstrip()) if remit else end
    if remit and org is None and not doc.mentions_between(end, remit_end):
        end = remit_end  # the words after 'of' name no one the sheet knows: they are the remit
        title = doc.prose[start:end]
    if org is None:
        at = EMPLOYER_AFTER.match(doc.prose, end, ceiling)
        named = org_at(doc, at.end()) if at else None
        org = named.entity if named else None
    return start, end, title, org


# "the company's", "the team's": an employer named earlier, owning the title after it.
OWNER_NOUN = re.compile(
    r"(?i:company|firm|team|group|business|organi[sz]ation|lab|start-?up|club|outfit|carmaker|automaker|employer)['’]s"
)


def _last_org(doc: Analysis, pos: int) -> str | None:
    """The organisation named last before `pos`, in its sentence or the one before."""
    sentence = doc.sentence_at(pos)
    first = doc.sentences[max(0, sentence.number - 1)].start if sentence is not None else max(0, pos - 300)
    orgs = [m for m in doc.mentions_between(first, pos, {"organisation"}) if m.entity and m.end <= pos]
    return orgs[-1].entity if orgs else None


PAIR_BEFORE = re.compile(r"\b(?:and|&)\s+$")


def _after(doc: Analysis, person: Mention, ceiling: int) -> TitleClaim | None:
    lead = (AFTER_PRONOUN if person.pronoun else AFTER_NAME).match(doc.prose, person.end, ceiling)
    if not lead:
        return None
    found = _title_from(doc, lead.end(), ceiling)
    if found is None:
        return None  # (most leads: no title, so no pair looked for)
    before = doc.mentions_between(max(0, person.start - 60), person.start, PERSON)
    if before and PAIR_BEFORE.search(doc.prose, before[-1].end, person.start):
        return None  # "Jane Doe and John Roe, its CEO and CTO": the titles go to the pair, in order
    return TitleClaim(person.entity or "", found[2], found[3], found[0], found[1])


def _as_clause(doc: Analysis, sentence: Sentence) -> TitleClaim | None:
    """'As OpenAI's chief scientist in those years, he ...': a fronted title for the subject."""
    lead = AS_TITLE.match(sentence.text)
    if not lead:
        return None
    comma = sentence.text.find(",", lead.end())
    if comma < 0:
        return None
    found = _title_from(doc, sentence.start + lead.end(), sentence.start + comma)
    if found and doc.mentions_between(found[1], sentence.start + comma, {"person"}):
        return None  # "As Anthropic's head of X Jane Doe revealed, he ...": the title is Jane Doe's
    people = doc.mentions_between(sentence.start + comma, sentence.start + comma + 3, {"person"})
    if not found or not people or people[0].entity is None:
        return None
    return TitleClaim(people[0].entity, found[2], found[3], found[0], found[1])


def _dashed_subject(doc: Analysis, sentence: Sentence, offset: int) -> Mention | None:
    """'Jane Doe — a former X engineer — joins ...': the name before a dashed or comma apposition."""
    people = doc.mentions_between(sentence.start, offset, {"person"})
    if not people or people[0].pronoun:
        return None
    between = doc.prose[people[0].end : offset]
    return people[0] if re.fullmatch(r"\s*([—–,])\s[^—–,]*\1\s*|\s*", between) else None


AS_AFTER = re.compile(r"\s+as\s+")
PERSON = frozenset({"person"})


def _joined_as(doc: Analysis, sentence: Sentence) -> Iterator[TitleClaim]:
    """'Karpathy joins Anthropic as head of developer experience': the title taken at the employer."""
    from linter.claims.predicates import subject_of

    for m in finditer(doc, JOIN_AS, sentence.start, sentence.end):
        org = org_at(doc, m.end())
        if org is None:
            continue
        lead = AS_AFTER.match(doc.prose, org.end, sentence.end)
        if lead is None:
            continue  # (most joins: no title taken, so no subject asked for)
        who = subject_of(doc, sentence, m.start(), PERSON) or _dashed_subject(doc, sentence, m.start())
        if who is None or who.entity is None:
            continue
        found = _title_from(doc, lead.end(), sentence.end)
        if found is not None and is_unique_role(found[2]):  # "as a research leader" is too vague to judge
            yield TitleClaim(who.entity, found[2], found[3] or org.entity, found[0], found[1])


def _namesake(doc: Analysis, person: Mention) -> str | None:
    """The known person whose surname an unknown two-word name ends with ('Jane Amodei')."""
    words = person.text.split()
    if len(words) != 2:
        return None
    known = people_by_alias(doc.sheet).get(words[1], ())
    return known[0] if len(known) == 1 else None


@lru_cache(maxsize=16)
def people_by_alias(sheet: Sheet) -> dict[str, tuple[str, ...]]:
    """The sheet's people by each of their aliases (a surname alias can be shared)."""
    found: dict[str, list[str]] = {}
    for e in sheet.entities.values():
        if e.kind == "person":
            for alias in dict.fromkeys(e.aliases):
                found.setdefault(alias, []).append(e.id)
    return {alias: tuple(ids) for alias, ids in found.items()}


def title_claims(doc: Analysis) -> Iterator[TitleClaim]:
    """Every title written next to the name of a person the sheet knows."""
    joins = sentences_holding(doc, JOIN_AS)
    people = doc.mentions_between(0, len(doc.prose), {"person"})  # the analysis's own list of them
    named = {s.number: found for s, found in by_sentence(doc, people)}
    for sentence in doc.sentences:
        fronted = _as_clause(doc, sentence) if sentence.text.startswith("As") else None  # (AS_TITLE's start)
        if fronted is not None:
            yield fronted
        if joins is None or sentence.number in joins:
            yield from _joined_as(doc, sentence)
        for person in named.get(sentence.number, ()):
            if person.entity is None:
                namesake = _namesake(doc, person)
                found = _before(doc, person, sentence.start) if namesake else None
                if found is not None:
                    yield TitleClaim(
                        "", found.title, found.org, found.start, found.end, namesake, (person.start, person.end)
                    )
                continue
            if person.pronoun:
                claim = _after(doc, person, sentence.end) if person.text.lower() in ("he", "she") else None
                if claim is not None:
                    yield claim
                continue
            for claim in (_before(doc, person, sentence.start), _after(doc, person, sentence.end)):
                if claim is not None:
                    yield claim
