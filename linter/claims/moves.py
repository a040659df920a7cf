"""Moves as text frames them: who left which organisation, for where.

Four shapes: a departure with a destination ("quits OpenAI to join Anthropic", "left Tesla to
found Eureka Labs", "leaving OpenAI for a direct competitor"), a hire away from somewhere
("Anthropic poaches him from OpenAI"), a path ("his move from OpenAI to Anthropic") and a
person framed by a past employer's title as they move ("Tesla's AI chief jumps to Anthropic").
Questions, negations and hypotheticals are not claims and are skipped.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from linter.annotate.analysis import CONTEXT, Analysis
from linter.annotate.mentions import Mention
from linter.annotate.text import Sentence
from linter.claims.career import org_at
from linter.claims.predicates import matches_by_sentence
from linter.claims.roles import title_matches
from linter.claims.subjects import person_subject
from linter.claims.vocabulary import vocabulary
from linter.language.en import HEAD_NOUNS, PERMANENT_TITLES, YEAR_DIGITS

DEPART = re.compile(
    r"(?<![\w-])(?P<verb>quit(?:s|ting)?|left|leaves?|leaving|depart(?:s|ed|ing)?(?:\s+from)?|exit(?:s|ed|ing)?"
    r"|ditch(?:es|ed|ing)?|defect(?:s|ed|ing)?\s+from|(?:walk(?:s|ed|ing)?|break(?:s|ing)?|broke)\s+away\s+from"
    r"|jump(?:s|ed|ing)?\s+ship\s+from|bolt(?:s|ed|ing)?\s+from|step(?:s|ped|ping)?\s+(?:down|away)\s+from"
    r"|resign(?:s|ed|ing)?\s+from|abandon(?:s|ed|ing)?|fle(?:es|d|eing))"
    r"(?:\s+(?:his|her)\s+(?:job|post|role|position)\s+at)?\s+(?:the\s+)?",
    re.IGNORECASE,
)
TAKE = re.compile(
    r"(?<![\w-])(?P<verb>poach(?:es|ed|ing)?|lur(?:es|ed|ing|e)|hir(?:es|ed|ing|e)|steal(?:s|ing)?|stole"
    r"|pull(?:s|ed|ing)?|pr(?:ies|ied|y|ying)|prise[sd]?|snag(?:s|ged|ging)?|recruit(?:s|ed|ing)?|woo(?:s|ed|ing)?"
    r"|grab(?:s|bed|bing)?|nab(?:s|bed|bing)?|tempt(?:s|ed|ing)?)\s+(?P<who>[^.;:!?,]{1,60}?)\s+(?:away\s+)?from\s+(?:the\s+)?",
    re.IGNORECASE,
)
FROM_TO = re.compile(r"(?<![\w-])from\s+(?:the\s+)?", re.IGNORECASE)
MOVE_WORD = re.compile(
    r"\b(?:move[sd]?|moving|jump\w*|switch\w*|defect\w*|went|goes|going|head(?:s|ed|ing)?|shift\w*|path|journey"
    r"|transfer\w*|migrat\w*|leap\w*|hop\w*|departure|exit|exodus|decamp\w*)\b[^,;.]{0,30}$",
    re.IGNORECASE,
)
# What follows a departure's origin and names the destination.
DESTINATION = re.compile(
    r"(?:\s+(?:in\s+\d{4}|again|last\s+\w+|this\s+(?:week|month|spring|summer|year)|earlier\s+this\s+\w+))?\s*,?\s+"
    r"(?:(?:in\s+order\s+)?to\s+(?:join|work\s+(?:at|for)|go\s+to|head\s+to|move\s+to|found|co-?found|start|launch"
    r"|build|set\s+up|create|take\s+(?:a|the|his|her)\s+(?:(?:job|role|post|position)\s+at|(?=[A-Z])))|for|to"
    r"|(?P<then>and\s+(?:then\s+)?(?:join(?:s|ed)?|jump(?:s|ed)?\s+to|move[sd]?\s+to|head(?:s|ed)?\s+to)|join(?:s|ed|ing)))"
    r"\s+(?:the\s+)?",
    re.IGNORECASE,
)
# "left OpenAI in 2024 and joined Anthropic in 2026": two events, not one move.
TWO_EVENTS = re.compile(
    rf"\b(?:{YEAR_DIGITS}|later|eventually|subsequently|afterwards|since|after|then)\b", re.IGNORECASE
)
# A purpose of working elsewhere after a departure: "to race in red", "to play abroad".
TO_WORK = re.compile(
    r"\s*,?\s+to\s+(?:race|drive|play|work|coach|compete|ride|manage|serve|teach|research)\b(?!\s+(?:for|at|with)\s)",
    re.IGNORECASE,
)
COMING = re.compile(r"\b(?:will|to|is|are|set\s+to|about\s+to)\s+$", re.IGNORECASE)
TO_DEST = re.compile(r"\s+to\s+(?:the\s+)?", re.IGNORECASE)
RIVAL = re.compile(
    r"(?:a|an|its|their|his|her|the)\s+(?:(?:direct|chief|main|biggest|fierce|arch-?|closest|top|key|major)\s+)*"
    r"(?:rival|competitor|competition)s?\b",
    re.IGNORECASE,
)
# "the <product> maker": the company that makes one of the sheet's products (see `linter.claims.vocabulary`).
THE = re.compile(r"(?:the|a)\s+", re.IGNORECASE)
MOVE_VERB = re.compile(
    r"(?<![\w-])(?:joins|joined|is\s+joining|has\s+joined|(?:jumps|jumped|moves|moved|heads|headed|defects|defected"
    r"|goes|went|switches|switched|decamps|decamped|jumps\s+ship|jumped\s+ship)\s+to|signs\s+(?:on\s+)?with|lands\s+at|landed\s+at"
    r"|leaves\s+for|left\s+for)\s+(?:the\s+)?",
    re.IGNORECASE,
)
# Hypotheticals ("if he left OpenAI for ...", "would quit"): denials and questions are already
# never judged (Analysis.asserts), but a move that did not happen is not a claim either.
NOT_A_CLAIM = re.compile(r"\b(?:if|whether|would|could|might)\b[^,;.]{0,40}$", re.IGNORECASE)
# How far back a match of NOT_A_CLAIM can start: its word (7 characters at most) and 40 more, to
# the end of the stretch or a newline right before it (`$`). A search from further back tries the
# pattern (a word boundary first: nothing to skip by) at every character in vain.
NOT_A_CLAIM_REACH = 7 + 40 + 1
FORMER = {"former", "ex"}
PAST_MARK = re.compile(r"(?:former|ex-|one-time|onetime|erstwhile|then)\s*$", re.IGNORECASE)


class Move(NamedTuple):
    """`person` left `origin` for `dest` ('rival' when the text names no one); `start:end` is
    the claim's span and `origin_mention` where the origin is named. `title` is set for the
    title-framed shape ('Tesla's AI chief')."""

    sentence: Sentence
    person: Mention | str
    origin: str
    origin_mention: Mention
    dest: str
    start: int
    end: int
    title: str | None = None

    @property
    def person_id(self) -> str | None:
        return self.person if isinstance(self.person, str) else self.person.entity


def _is_claim(a: Analysis, sentence: Sentence, offset: int) -> bool:
    if sentence.question:
        return False
    clause_start, _ = a.clause(sentence, offset)
    return not NOT_A_CLAIM.search(a.prose, max(clause_start, offset - NOT_A_CLAIM_REACH), offset)


def _destination(a: Analysis, sentence: Sentence, offset: int, pattern: re.Pattern[str] = DESTINATION) -> str | None:
    m = pattern.match(a.prose, offset, sentence.end)
    if not m:
        return None
    if "then" in m.groupdict() and m["then"] is not None:
        _, clause_end = a.clause(sentence, m.end())
        if TWO_EVENTS.search(a.prose, offset, clause_end):
            return None
    org = org_at(a, m.end())
    if org is not None:
        return org.entity
    if RIVAL.match(a.prose, m.end(), sentence.end):
        return "rival"
    the = THE.match(a.prose, m.end(), sentence.end)
    if vocabulary(a.sheet).maker_phrase.match(a.prose, the.end() if the else m.end(), sentence.end):
        return "rival"
    return None


def _unnamed_destination(a: Analysis, sentence: Sentence, m: re.Match[str], offset: int) -> str | None:
    """'will walk away from McLaren to race in red': a departure, told as news (present or
    future), for work somewhere the text does not name, judged like 'for a rival' (against the
    one place the person arrives at). A past one ('quit OpenAI to work on ...') may be any move."""
    first = m["verb"].split()[0].lower()
    news = first.endswith(("s", "ing")) or COMING.search(a.prose, max(sentence.start, m.start() - 20), m.start())
    return "rival" if news and TO_WORK.match(a.prose, offset, sentence.end) else None


def move_claims(a: Analysis) -> list[Move]:
    """Every move the text claims; one per origin named ('defects from OpenAI to Anthropic' is
    both a departure and a path: the wider reading wins)."""
    by_origin: dict[int, Move] = {}
    for move in (*_departures(a), *_takes(a), *_paths(a), *_frames(a)):
        known = by_origin.get(move.origin_mention.start)
        if known is None or move.end - move.start > known.end - known.start:
            by_origin[move.origin_mention.start] = move
    return sorted(by_origin.values(), key=lambda m: m.start)


def _departures(a: Analysis) -> list[Move]:
    out = []
    for m, sentence in matches_by_sentence(a, DEPART):
        origin = org_at(a, m.end())
        if origin is None or not _is_claim(a, sentence, m.start()):
            continue
        dest = _destination(a, sentence, origin.end) or _unnamed_destination(a, sentence, m, origin.end)
        if dest is None:
            continue  # (most departures name no destination: their subject is not looked for)
        person = person_subject(a, sentence, m.start())
        if person is None or person.entity is None:
            continue
        out.append(Move(sentence, person, origin.entity or "", origin, dest, m.start(), origin.end))
    return out


def _takes(a: Analysis) -> list[Move]:
    out = []
    for m, sentence in matches_by_sentence(a, TAKE):
        origin = org_at(a, m.end())
        if origin is None or not _is_claim(a, sentence, m.start()):
            continue
        people = a.mentions_between(m.start("who"), m.end("who"), {"person"})
        if not people or people[0].entity is None:
            continue
        taker = [o for o in a.mentions_between(sentence.start, m.start(), {"organisation"}) if o.entity]
        dest = taker[-1].entity if taker else _destination(a, sentence, origin.end, TO_DEST)
        if dest is None:
            continue
        out.append(Move(sentence, people[0], origin.entity or "", origin, dest or "", m.start(), origin.end))
    return out


def _paths(a: Analysis) -> list[Move]:
    out = []
    for m, sentence in matches_by_sentence(a, FROM_TO):
        origin = org_at(a, m.end())
        if origin is None or not MOVE_WORD.search(a.prose, max(sentence.start, m.start() - 40), m.start()):
            continue
        if not _is_claim(a, sentence, m.start()):
            continue
        dest = _destination(a, sentence, origin.end, TO_DEST)
        if dest is None:
            continue
        person = person_subject(a, sentence, m.start()) or _described_protagonist(a, sentence, m.start())
        if person is None or person.entity is None:
            continue
        out.append(Move(sentence, person, origin.entity or "", origin, dest, m.start(), origin.end))
    return out


DESCRIBED_MOVER = re.compile(
    r"\b(?:departure|exit|move|defection|switch|jump)\s+of\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?P<noun>[a-z-]+)\s+$"
)


def _described_protagonist(a: Analysis, sentence: Sentence, offset: int) -> Mention | None:
    """'The departure of a key engineer from X to Y': a move of one person described, not named,
    in a sentence naming no one, is the sheet's protagonist's (whom the whole text is about)."""
    who = a.sheet.protagonist
    described = DESCRIBED_MOVER.search(a.prose, max(sentence.start, offset - 60), offset)
    if who is None or described is None or described["noun"] not in HEAD_NOUNS:
        return None  # a role noun in the singular: 'engineers' or 'talent' is a trend, not him
    if a.mentions_between(sentence.start, offset, {"person"}):
        return None  # "Jane Doe's departure of ...", or a person named before: not the protagonist
    return Mention(described.start(), described.start(), who, "person", "", pronoun=True)


OWNER_MARK = re.compile(r"['’]s?")


def _frames(a: Analysis) -> list[Move]:
    """'Tesla's AI chief jumps to Anthropic', 'OpenAI's Andrej Karpathy joins Anthropic'."""
    out = []
    for m, sentence in matches_by_sentence(a, MOVE_VERB):
        dest = org_at(a, m.end())
        if dest is None or not _is_claim(a, sentence, m.start()):
            continue
        clause_start, _ = a.clause(sentence, m.start())
        clause_start = max(clause_start, m.start() - CONTEXT)
        orgs = [o for o in a.mentions_between(clause_start, m.start(), {"organisation"}) if o.entity]
        if not orgs:
            continue
        origin = orgs[-1]
        if PAST_MARK.search(a.prose, max(clause_start, origin.start - 12), origin.start):
            continue
        pos = OWNER_MARK.match(a.prose[origin.end : origin.end + 2])
        title_start = origin.end + (pos.end() if pos else 0)
        people = a.mentions_between(title_start, m.start(), {"person"})
        title_end = people[0].start if people else m.start()
        if people and (people[0].entity is None or a.prose[people[0].end : m.start()].strip()):
            continue
        title = a.prose[title_start:title_end].strip()
        words = title.lower().split()
        if any(w.strip("-") in PERMANENT_TITLES | FORMER or w.startswith("ex-") for w in words):
            continue
        if not all(w in vocabulary(a.sheet).title_words for w in words) or not (words or (pos and people)):
            continue
        person: Mention | str | None = people[0] if people else None
        if person is None:
            holders = {
                f.subject
                for f in a.sheet.facts_for("title")
                if f.org == origin.entity and title_matches(title, f.value)
            }
            person = holders.pop() if len(holders) == 1 else None
        if person is None:
            continue
        end = a.prose.index(title, title_start) + len(title) if title else title_start
        out.append(
            Move(sentence, person, origin.entity or "", origin, dest.entity or "", origin.start, end, title or None)
        )
    return out


# "left OpenAI to launch Vibe Coding", "before leaving to start Foo Labs": what a departure was for,
# named as a new venture (capitalised words the sheet does not know).
LEFT_TO_FOUND = re.compile(
    r"(?<![\w-])(?:left|leaving|leaves|quit(?:s|ting)?|depart(?:s|ed|ing))\b[^,.;:()]{0,40}?\s+to\s+"
    r"(?:co-?found|found|launch|start|set\s+up|create)\s+"
    r"(?P<name>[A-Z][\w’'&-]*(?:\s+(?:and|&|of|for|[A-Z][\w’'&-]*))*)",
)


class Venture(NamedTuple):
    """`person` left (somewhere) to found `name` (`start:end`), a venture the sheet does not know."""

    sentence: Sentence
    person: Mention
    name: str
    start: int
    end: int
    origin: str | None  # the organisation left, when the text names it


def venture_claims(a: Analysis) -> list[Venture]:
    """Departures for a venture the text names with words the sheet knows no entity by."""
    out = []
    for m, sentence in matches_by_sentence(a, LEFT_TO_FOUND):
        name = re.sub(r"(?:\s+(?:and|&|of|for))+$", "", m["name"])
        start, end = m.start("name"), m.start("name") + len(name)
        known = [x for x in a.mentions_between(start, end) if x.entity is not None]
        if known or re.match(r"['’]", a.prose[end : end + 1]):
            continue  # a known organisation, person or product, or someone's ('Tesla's ...')
        if not _is_claim(a, sentence, m.start()):
            continue
        person = person_subject(a, sentence, m.start())
        left = [x.entity for x in a.mentions_between(m.start(), start, {"organisation"}) if x.entity]
        if person is not None and person.entity is not None:
            out.append(Venture(sentence, person, name, start, end, left[0] if left else None))
    return out
