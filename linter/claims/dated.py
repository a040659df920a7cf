"""Which of the sheet's dated facts a date in the text states, if any (shared by FL101-FL103).

`claims.attribute` ties a date to the fact whose cue word and subject share its clause. A date is
only worth judging when that tie is certain, so these cut it here:

- the cue stands after the date beyond a spaced hyphen ("in March - and now his hiring"), an
  attribution ("according to ..."), in a that-clause ("told a podcast on 30 May that he joined")
  or as a noun after a preposition ("coverage of the hire");
- someone else did the cue's act ("the move, confirmed across forum threads on May 20");
- the cue is a word of saying (posted, wrote, told) and what was said is not the event: a stated
  topic or addressee that is not the event ("a May 11 post about output formats", "told a
  podcast"), or other content in a sentence that never speaks of the event ("wrote on 2 February
  that vibe coding was fun"). A bare "posted on 20 May" refers to the known post.

One tie is added: an organisation that confirms or announces a person's move at that
organisation ("Google confirmed Tuesday that Giannandrea would give up his post") dates the
fact that carries the organisation as its `org` qualifier.
"""

from __future__ import annotations

import re
from functools import lru_cache

from linter.annotate.analysis import EVENT_WORD, Analysis
from linter.annotate.dates import DateMention
from linter.annotate.mentions import Mention
from linter.annotate.text import Sentence
from linter.claims.clauses import negated
from linter.claims.per_sentence import by_sentence
from linter.claims.predicates import SUBJECT_KINDS, WORD, Attribution, attribute, cue_index, subject_of
from linter.claims.scan import finditer
from linter.language.en import BROADCAST_AUDIENCES, SAYING_FILLER, SAYING_STEMS, TOPIC_MARKERS
from linter.sheet import Fact, Sheet
from linter.sheet.memo import per_sheet

RIVAL_REACH = 200  # other dates further away than this cannot be nearer to any cue of this one
# Verbs and nouns of saying: they carry a date for whatever was said, so what was said matters.
SAYING = re.compile("(?:" + "|".join(SAYING_STEMS) + ")", re.IGNORECASE)
# "a post about X", "told the podcast", "tweeted a description of X": what was said, or to whom
# (one's followers or the public are the audience of any announcement, not a topic).
OWN_TOPIC = re.compile(
    rf"(?<=\s)(?:{'|'.join(TOPIC_MARKERS)})\b"
    r"|^\s+(?:(?:also|once|again|then)\s+)?(?:a|an|the|his|her|their|its)\s+"
    rf"(?!(?:{'|'.join(BROADCAST_AUDIENCES)})\b)[\w-]+",
    re.IGNORECASE,
)
THIRD_PARTY = re.compile(r"^\s*(?:across|among|throughout|by|from|in)\s+(?:multiple|several|many|various|some|other)\b")
SPACED_HYPHEN = re.compile(r"\s-\s")
# A cue after the date that is only an attribution or a noun after a preposition ("in April,
# according to coverage of the hire") is not the date's predicate.
THAT = re.compile(r"\bthat\b", re.IGNORECASE)  # "told a podcast on 30 May that he joined": the date is the telling's
ACCORDING = re.compile(r"\baccording to\b|\b(?:citing|cited|quoting)\b", re.IGNORECASE)
OBJECT_NOUN = re.compile(
    r"\b(?:of|after|before|since|following|about|around|over|amid|ahead of|in|via|through)\s+"
    r"(?:(?:the|a|an|his|her|its|their|this|that|(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*['’]s?)\s+)(?:[\w-]+\s+)?$"
)
# An organisation's own statement of a person's move: "Google confirmed Tuesday that ...".
ORG_SAYS = re.compile(r"(?:confirm|announc|said|says|revealed|disclosed|told)\w*", re.IGNORECASE)


def dated_claims(doc: Analysis) -> list[tuple[DateMention, Attribution]]:
    """Every date expression that a clause ties to one of the sheet's dated facts (worked out
    once per document: FL101, FL102 and FL103 all read it)."""
    key = ("dated-claims", 0)
    if key not in doc.memo:
        facts = doc.sheet.facts_of_type("date")
        found = []
        for sentence, dates in by_sentence(doc, doc.dates):
            rivals = {m.start: _rivals(doc, m) for m in dates}
            claims = {m.start: _claim(doc, sentence, m, facts, rivals[m.start]) for m in dates}
            # One date per cue: a date tied by a cue of its own does not compete for another's
            # ("21 May — OpenAI files its S-1, with a listing targeted for September").
            own = {start for start, claim in claims.items() if claim is not None}
            taken = {claim.cue_start for claim in claims.values() if claim is not None}
            for mention in dates:
                claim = claims[mention.start]
                near = rivals[mention.start]
                # (the same rivals would give the same None: asked again only when a rival is settled)
                if claim is None and own and any(start in own for start, _ in near):
                    settled = [(start, end) for start, end in near if start not in own]
                    claim = _claim(doc, sentence, mention, facts, settled)
                    claim = None if claim is not None and claim.cue_start in taken else claim
                if claim is not None:
                    found.append((mention, claim))
        doc.memo[key] = found
    return doc.memo[key]  # type: ignore[return-value]


def _rivals(doc: Analysis, mention: DateMention) -> list[tuple[int, int]]:
    """The spans of the dates near `mention` (itself among them), any of which a cue may be nearer."""
    return [(d.start, d.end) for d in doc.dates_between(mention.start - RIVAL_REACH, mention.end + RIVAL_REACH)]


def _claim(
    doc: Analysis, sentence: Sentence, mention: DateMention, facts: list[Fact], rivals: list[tuple[int, int]]
) -> Attribution | None:
    claim = attribute(doc, sentence, mention.start, facts, end=mention.end, rivals=rivals)
    if claim is not None and not tied(doc, sentence, mention, claim):
        claim = None
    if claim is None:
        claim = organisation_says(doc, sentence, mention, facts)
    return claim if claim is not None else possessed_event(doc, sentence, mention, facts)


def tied(doc: Analysis, sentence: Sentence, mention: DateMention, claim: Attribution) -> bool:
    """Is the attribution certain enough to judge? See the module docstring."""
    prose = doc.prose
    if claim.cue_start >= mention.end and (
        SPACED_HYPHEN.search(prose, mention.end, claim.cue_start)
        or ACCORDING.search(prose, mention.end, claim.cue_start)
        or THAT.search(prose, mention.end, claim.cue_start)
        or OBJECT_NOUN.search(prose, max(mention.end, claim.cue_start - 40), claim.cue_start)
    ):
        return False
    if claim.cue_end <= mention.start:
        between = prose[claim.cue_end : mention.start]
        names_subject = any(m.entity == claim.fact.subject for m in doc.mentions_between(claim.cue_end, mention.start))
        if THIRD_PARTY.match(between) and not names_subject:
            return False
    if earlier_stint_cue(doc, claim):
        return False
    cue_word = WORD.match(prose, claim.cue_start)
    if cue_word is None or not SAYING.match(cue_word[0]):
        return True
    return says_the_event(doc, sentence, mention, claim, cue_word.end())


def earlier_stint_cue(doc: Analysis, claim: Attribution) -> bool:
    """Is the cue part of a longer cue of the subject's earlier stint elsewhere? "signed for
    Mercedes in September 2012" uses the cue 'signed' of the signing, but 'signed for' is a cue of
    the stint at Mercedes, which began before the signing's year at another organisation: the
    date is that stint's, not the event's."""
    fact = claim.fact
    stints = tuple(
        f
        for f in doc.sheet.facts_about(fact.subject, "years")
        if f.org not in (None, fact.org) and int(f.value.data.get("from", 9999)) < fact.value.date.year
    )
    if not stints:
        return False
    index = cue_index(stints)
    near = index.finditer(doc, max(0, claim.cue_start - 20), claim.cue_end + 30)
    return any(m.start() <= claim.cue_start and m.end() > claim.cue_end for m in near)


TOPIC_END = re.compile(r",|\bthat\b")
WORD_RUN = re.compile(r"[\w'’-]+")


def says_the_event(doc: Analysis, sentence: Sentence, mention: DateMention, claim: Attribution, after: int) -> bool:
    """A word of saying dates the event only when what was said is the event. "Posted on 20 May"
    (nothing more) refers to the known post; "told the podcast on 30 May", "a post about output
    formats" name what was said, which must then be the event ("announced his move"); any other
    content ("wrote on 2 February that vibe coding was fun") must speak of the event somewhere in
    the sentence."""
    _, clause_end = doc.clause(sentence, claim.cue_start)
    stretch = doc.prose[after:clause_end]
    if claim.cue_start < mention.start:
        stretch = stretch.replace(mention.text, " " * len(mention.text), 1)
    own = OWN_TOPIC.search(stretch.split(",")[0])
    if own:
        topic = TOPIC_END.split(stretch[own.start() :], maxsplit=1)[0]
        return event_evidence(doc, claim.fact, after + own.start(), after + own.start() + len(topic))
    skip = [(m.start - after, m.end - after) for m in doc.mentions_between(after, clause_end, {"channel"})]
    words = [
        w[0]
        for w in WORD_RUN.finditer(stretch)
        if w[0].lower() not in FILLER and not any(s <= w.start() < e for s, e in skip)
    ]
    return not words or event_evidence(doc, claim.fact, sentence.start, sentence.end)


FILLER = SAYING_FILLER


def event_evidence(doc: Analysis, fact: Fact, start: int, end: int) -> bool:
    """Does `start:end` speak of the event the fact belongs to: an event noun ('the move', 'the
    news'), or, of the subject's dated facts within a month of this one (the event's facts), a cue
    other than a word of saying ('joined', 'hired', 'stepping down') or the organisation one of
    them is at or the sheet's title names ('... that he has become a member of Anthropic')?"""
    text = doc.prose[start:end]
    if EVENT_WORD.search(text):
        return True
    cued, orgs = _event(doc.sheet, fact)
    if cued is not None and cued.search(text):
        return True
    return any(m.entity in orgs for m in doc.mentions_between(start, end) if not m.pronoun)


@per_sheet
def _event(sheet: Sheet, fact: Fact) -> tuple[re.Pattern[str] | None, frozenset[str]]:
    """The event a dated fact belongs to, read once per fact: the cues of its subject's dated
    facts within a month of it that are not words of saying, in one pattern (searched once, not
    once per cue: a cue at a word start in any case gives the engine nothing to skip by), and
    the organisations those facts are at or the sheet's title names."""
    day = fact.value.date
    event = [f for f in sheet.facts_about(fact.subject, "date") if abs((f.value.date - day).days) <= 31]
    cues = [re.escape(c) for f in event for c in f.cues if not SAYING.match(c)]
    cued = re.compile(rf"(?<![\w-])(?:{'|'.join(cues)})", re.IGNORECASE) if cues else None
    return cued, frozenset({f.org for f in event if f.org} | title_organisations(sheet))


@lru_cache(maxsize=1024)
def cue_at_word(cue: str) -> re.Pattern[str]:
    """A cue where a word begins, any case (compiled once per cue, not looked up in the regex
    module's cache by its text each time)."""
    return re.compile(rf"(?<![\w-]){re.escape(cue)}", re.IGNORECASE)


@lru_cache(maxsize=16)
def title_organisations(sheet: Sheet) -> frozenset[str]:
    """The organisations the sheet's title names ('Ada Park joins Northwind'): the event's own."""
    return frozenset(
        e.id
        for e in sheet.entities.values()
        if e.kind == "organisation" and any(re.search(rf"\b{re.escape(n)}\b", sheet.title) for n in e.names)
    )


def organisation_says(doc: Analysis, sentence: Sentence, mention: DateMention, facts: list[Fact]) -> Attribution | None:
    """'Google confirmed Tuesday that Giannandrea would give up his post': the organisation's
    statement dates the person's fact at that organisation, when one of that fact's own cues and
    the person are in the same sentence."""
    prose = doc.prose
    start, end = doc.clause(sentence, mention.start)
    for verb in finditer(doc, ORG_SAYS, max(start, mention.start - 40), min(end, mention.end + 40)):
        if verb.end() <= mention.start:
            gap = prose[verb.end() : mention.start]
        elif verb.start() >= mention.end:
            gap = prose[mention.end : verb.start()]
        else:
            continue
        if len(gap.split()) > 3:
            continue
        fact = _passive_event(doc, start, verb, facts)
        if fact is None:  # else who speaks does not matter
            org = _speaking_organisation(doc, subject_of(doc, sentence, verb.start(), kinds=SAYERS))
            fact = _fact_at(doc, sentence, org, verb.end(), facts) if org is not None else None
        if fact is not None:
            distance = abs(verb.start() - mention.start)
            return Attribution(fact, verb.start(), verb.end(), distance)
    return None


PASSIVE = re.compile(r"\b(?:was|were|is|has been|had been|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
POSSESSIVE_EVENT = re.compile(r"\W*(?:[\w.]+\s+){0,2}?(?P<name>[\w.]+)['’]s?\s+(?P<noun>[\w-]+(?:\s+[\w-]+)?)")


def _passive_event(doc: Analysis, clause_start: int, verb: re.Match[str], facts: list[Fact]) -> Fact | None:
    """ "Giannandrea's departure ... was confirmed Tuesday": a statement about a person's event,
    made in the passive, dates that event; the event is named by one of the fact's cues."""
    prose = doc.prose
    if not PASSIVE.search(prose, max(clause_start, verb.start() - 20), verb.start()):
        return None
    head = POSSESSIVE_EVENT.match(prose, clause_start, verb.start())
    if head is None:
        return None
    owners = {m.entity for m in doc.mentions_between(clause_start, head.end("name"), {"person"})}
    noun = head["noun"].lower()
    found = [f for f in facts if f.subject in owners and f.org and any(noun.startswith(c.lower()) for c in f.cues)]
    return found[0] if len({f.value.date for f in found}) == 1 else None


SAYERS = SUBJECT_KINDS | {"team"}


def _speaking_organisation(doc: Analysis, who: Mention | None) -> str | None:
    """The organisation that speaks: a named organisation, or the one a named team is part of
    ('Scuderia Ferrari announced ...' speaks for Ferrari)."""
    if who is None or who.entity is None:
        return None
    if who.kind == "organisation":
        return who.entity
    entity = doc.sheet.entities.get(who.entity)
    return entity.part_of if who.kind == "team" and entity is not None else None


def _fact_at(doc: Analysis, sentence: Sentence, org: str, after: int, facts: list[Fact]) -> Fact | None:
    """The one dated fact at `org` whose subject is named after the organisation's verb (at
    `after`) in the sentence and one of whose cues is there too. A fact with no organisation of its
    own is the event's when the organisation is one the sheet's title names; then the person must
    be the first one named after the verb, the one the statement is about ('announced that Vasseur
    would ..., before Hamilton's signing' is not about Hamilton)."""
    named = doc.mentions_between(after, sentence.end, {"person"})
    people = {m.entity for m in named}
    first = named[0].entity if named else None
    text = sentence.text

    def cued(fact: Fact) -> bool:  # asked last: the cheap tests leave few facts to search for
        return any(cue_at_word(c).search(text) for c in fact.cues)

    found = [f for f in facts if f.subject in people and f.org == org and cued(f)]
    if not found and org in title_organisations(doc.sheet):
        found = [f for f in facts if not f.org and f.subject == first and cued(f)]
    return found[0] if len({f.value.date for f in found}) == 1 else None


# "Hamilton's move to Ferrari was made official on ...", "..., confirmed by the team last Friday":
# a passive verb, or a participle after a comma, right before the date.
PASSIVE_OR_PARTICIPLE = re.compile(r"(?:\b(?:was|were|is|has been|had been|being)\s+(?:\w+ly\s+)?|,\s*)$", re.I)
POSSESSOR = re.compile(r"\W*(?:[\w.]+\s+){0,2}?[\w.]+['’]s?\s+(?P<noun>[\w-]+)")


def possessed_event(doc: Analysis, sentence: Sentence, mention: DateMention, facts: list[Fact]) -> Attribution | None:
    """ "Hamilton's move to Ferrari was made official on 12 February": a person's event (an event
    noun or one of the fact's cues, after the possessive that opens the clause), made known in the
    passive, dates that person's fact whose cue is the passive verb, a few words before the date.
    The organisation named inside the event noun's phrase ('to Ferrari') is not the subject."""
    prose = doc.prose
    start, _ = doc.clause(sentence, mention.start)
    head = POSSESSOR.match(prose, start, mention.start)
    if head is None:
        return None
    owners = [m for m in doc.mentions_between(start, head.start("noun"), {"person"}) if not m.pronoun]
    if not owners:
        return None
    mine = [f for f in facts if f.subject == owners[-1].entity]
    if not mine:
        return None
    noun = head["noun"].lower()
    index = cue_index(tuple(mine))
    if not EVENT_WORD.fullmatch(noun) and not index.pattern.match(noun):
        return None
    cues = list(index.finditer(doc, head.end(), mention.start))
    if not cues:
        return None
    cue = cues[-1]
    if len(prose[cue.end() : mention.start].split()) > 3 or not PASSIVE_OR_PARTICIPLE.search(
        prose, max(head.end(), cue.start() - 20), cue.start()
    ):
        return None
    found = index.facts_at(prose, cue.start())
    if len({f.value.date for f in found}) != 1 or negated(doc, sentence, start, mention.end):
        return None
    return Attribution(found[0], cue.start(), cue.end(), mention.start - cue.end())
