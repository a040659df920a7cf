"""Who a clause with no named subject is about, building on `claims.subject_of`.

Career claims often come without a subject before the verb: an introductory phrase ("After
departing Tesla in 2022, Karpathy returned ..."), a timeline entry that starts with its verb
("2021 — Left Tesla"), a bare description ("The OpenAI co-founder joined Anthropic in 2023"), or
a list of verb phrases after one subject ("helped found OpenAI in 2015, spent 2017 to 2022 at
Tesla"). These helpers recover the person meant, or return None when unsure.
"""

from __future__ import annotations

import re

from linter.annotate.analysis import Analysis
from linter.annotate.mentions import Mention
from linter.annotate.text import Sentence
from linter.claims.fragments import previous_if_fragment, previous_person
from linter.claims.predicates import APPOSITIVE, subject_of
from linter.claims.roles import head_noun
from linter.claims.scan import finditer
from linter.claims.vocabulary import vocabulary

# "After departing Tesla in 2022, Karpathy ...", "After seven years at Tesla, he ...": the subject
# follows the introductory phrase.
INTRO_PHRASE = re.compile(
    r"\s*(?:After|Before|By|Since|While|Upon|On|Having|When|Following|Despite|During|Rather than|Instead of)\s[^,;:]*$"
)
DESCRIPTION_HEAD = re.compile(r"\s*(?:The|This|That|the)\s+(?P<words>(?:[\w&.'’-]+\s+){0,5}?[\w-]+)\s*$")


OBJECTS = {"him", "her", "them"}


def implied_subject(a: Analysis, sentence: Sentence, offset: int) -> Mention | None:
    """`subject_of`, else the person a subjectless clause is about (see the module docstring).
    An unknown name in the way keeps the answer unknown (a mention with entity None)."""
    found = subject_of(a, sentence, offset)
    if found is not None:
        return found
    head = a.prose[sentence.start : offset]
    if INTRO_PHRASE.match(head):
        comma = a.prose.find(",", offset, sentence.end)
        if comma != -1:
            after = a.mentions_between(comma, min(sentence.end, comma + 40), {"person"})
            if after and not re.search(r"[,;:]", a.prose[comma + 1 : after[0].start]):
                return after[0]
        return None
    return previous_if_fragment(a, sentence, offset) or _described(a, sentence, offset)


def _described(a: Analysis, sentence: Sentence, offset: int) -> Mention | None:
    """'The OpenAI co-founder joined ...': a bare title as subject is the person just named."""
    description = DESCRIPTION_HEAD.fullmatch(a.prose, sentence.start, offset)
    if not description:
        return None
    words = description["words"].split()
    named = a.mentions_between(sentence.start, offset, {"organisation", "person"})
    orgs = {w for m in named if m.kind == "organisation" for w in m.text.split()}
    if any(m.kind == "person" for m in named) or not head_noun(words[-1]):
        return None
    title_words = vocabulary(a.sheet).title_words
    if all(w in orgs or w.lower() in title_words for w in words):
        return previous_person(a, sentence, 2)
    return None


TIME_CLAUSE = re.compile(r"\s*(?:after|before|when|while|until|since)\b", re.I)  # opens a subordinate clause


def person_subject(a: Analysis, sentence: Sentence, offset: int) -> Mention | None:
    """The person a predicate at `offset` is about: the clause's subject when it is a person,
    else the nearest person before it in the clause (past objects like 'OpenAI' in 'helped found
    OpenAI in 2015, spent ...'), else the implied subject."""
    found = subject_of(a, sentence, offset)
    if found is not None and found.kind == "person":
        return _not_an_object(a, sentence, found, offset)
    clause_start, _ = a.clause(sentence, offset)
    text = a.prose[clause_start:offset]
    skipped = [(m.start() + 1, m.end() - 1) for m in finditer(a, APPOSITIVE, clause_start, offset)]
    people = [
        m
        for m in a.mentions_between(clause_start, offset, {"person"})
        if m.end <= offset
        and not any(s <= m.start < e for s, e in skipped)
        and not (m.entity and TAKEN_BY.search(a.prose, clause_start, m.start))  # "under Elon Musk"
    ]
    if people:
        return people[-1]
    if clause_start > sentence.start and TIME_CLAUSE.match(text):
        # "He joined Tesla in 2017 and, after seven years there, ...": the sentence's subject.
        main = [m for m in a.mentions_between(sentence.start, clause_start, {"person"}) if m.text not in OBJECTS]
        if main:
            return main[0]
    if found is not None:
        # An organisation is the subject ("OpenAI was founded in 2015"), unless it only modifies a
        # title ("The OpenAI co-founder joined ...").
        described = previous_if_fragment(a, sentence, offset) or _described(a, sentence, offset)
        return described if described is not None and described.kind == "person" else None
    implied = implied_subject(a, sentence, offset)
    return implied if implied is not None and implied.kind == "person" else None


# A name that a verb or preposition takes ("will join team principal Frederic Vasseur", "the seat
# of Carlos Sainz"), or that owns a noun ("Lewis Hamilton's team-mate"), is not its clause's subject.
TAKEN_BY = re.compile(
    r"\b(?:join(?:s|ed|ing)?|partner(?:s|ed|ing)?|replac(?:e|es|ed|ing)|succeed(?:s|ed|ing)?|seat\s+of|alongside"
    r"|under|beside|with|to|of|than|like|for)\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)


RELATIVE_ON = re.compile(r"(?:['’]s?)?\s*,?\s*(?:who|whose|whom)\b")
COPULA_BEFORE = re.compile(r"\b(?:is|was|are|were|been|be|becomes?|became|remains?|remained)\s+$")


def _not_an_object(a: Analysis, sentence: Sentence, found: Mention, offset: int) -> Mention:
    """`found`, or the person before it in the sentence when `found` is the object of a verb or
    the owner in a complement ('George Russell has been Lewis Hamilton's team-mate at Mercedes
    since 2022'). A relative clause on `found` ('replace Sainz, whose four seasons ...') is
    about `found`."""
    if found.pronoun or RELATIVE_ON.match(a.prose, found.end, offset):
        return found
    earlier = [m for m in a.mentions_between(sentence.start, found.start, {"person"}) if m.end <= found.start]
    if not earlier:
        return found
    taken = TAKEN_BY.search(a.prose, earlier[-1].end, found.start)
    owner = re.match(r"['’]s?\s", a.prose[found.end : found.end + 3]) and COPULA_BEFORE.search(
        a.prose, earlier[-1].end, found.start
    )
    return earlier[-1] if taken or owner else found


ORG_POSSESSIVE = re.compile(
    r"\b(?:[Ii]ts|[Tt]he\s+(?:company|firm|lab|start-?up|group|business|AI\s+lab)['’]s?)\s+(?:[\w-]+\s+){0,3}$"
)


def subject_or_owner(a: Analysis, sentence: Sentence, offset: int) -> Mention | None:
    """`subject_of`, else for 'Its run rate' / 'the company's revenue' the organisation named last
    (in this sentence or the two before)."""
    found = subject_of(a, sentence, offset)
    if found is not None:
        return found
    clause_start, _ = a.clause(sentence, offset)
    if not ORG_POSSESSIVE.search(a.prose, clause_start, offset):
        return None
    first = a.sentences[max(0, sentence.number - 2)].start
    orgs = [m for m in a.mentions_between(first, offset, {"organisation"}) if m.entity and m.end <= offset]
    return orgs[-1] if orgs else None
