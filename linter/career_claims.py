"""Career claims as text makes them: years tied to a stint, and lengths of stints.

Years: "joined Tesla in 2017", "co-founded OpenAI in 2016", "quit OpenAI in 2019", "at Tesla from
2015 to 2022", "Tesla (2017–2022)", "In 2017 he left for Tesla", "2021 — Left Tesla". Lengths:
"seven years at Tesla", "returned to OpenAI for roughly a year", "spending two years there". A
year is tied only to an event phrase whose object is an organisation (or that a relative clause
or purpose clause names) and only within reach of it: years of other events in the sentence stay
unattached. Who the claim is about is the nearest person before it, or, for a fragment, the person
the text was just talking about (`subjects.person_subject`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from linter.analysis import Analysis
from linter.claims import matches_by_sentence
from linter.mentions import Mention
from linter.numbers import Quantity, quantities_between
from linter.subjects import person_subject
from linter.text import Sentence

T = TypeVar("T")
Y = r"(?:19|20)\d\d"
RANGE = re.compile(
    rf"(?<![\w$.,/-])(?:(?P<kw>from|between)\s+)?(?P<y1>{Y})\s*(?P<sep>[-–—]|to|until|through|till|and)\s*"
    rf"(?P<y2>{Y}|present|now|today)(?![\w-])",
    re.IGNORECASE,
)
SINGLE = re.compile(rf"(?<![\w$.,/-])(?P<y1>{Y})(?![\w-])")
OPEN_ENDED = {"present", "now", "today"}

# Event phrases, in the order they must be tried ("left for" before "left"); each ends where its
# organisation must begin. Groups: kind_which.
_FILL = (
    r"(?:\s+(?:again|briefly|back|later|then|eventually|also|once|finally|officially|formally|quietly|first|initially"
    r"|the|his|her|their|own))*"
)
EVENT = re.compile(
    r"(?<![\w-])(?:"
    r"(?P<start_moved>left\s+for|leaves\s+for|leaving\s+for|head(?:s|ed)?\s+to|mov(?:e|es|ed|ing)\s+to|went\s+to|goes\s+to"
    r"|switch(?:es|ed)?\s+to|jump(?:s|ed)?\s+to|defect(?:s|ed)?\s+to)"
    r"|(?P<start_later>re-?join(?:s|ed|ing)?|return(?:s|ed|ing)?\s+to|(?:went|came|comes|go|going)\s+back\s+to"
    r"|back\s+(?:to|at)|(?:a|his|her)\s+return\s+to)"
    r"|(?P<start_first>co-?found(?:s|ed|ing)?|found(?:s|ed|ing)?|helped\s+(?:to\s+)?(?:co-?)?found"
    r"|helped\s+(?:start|launch|create|build|set\s+up)|(?:one\s+of\s+the\s+|among\s+the\s+)?(?:original\s+)?(?:co-?)?founders?\s+of"
    r"|founding\s+members?\s+of|founding\s+(?:team|group|cohort)\s+(?:of|at))"
    r"|(?P<start_any>join(?:s|ed|ing)?|signed\s+on\s+(?:at|with)|arrived\s+at|hired\s+(?:by|at)|start(?:s|ed|ing)?\s+at"
    r"|beg[au]n\s+at|start(?:s|ed|ing)?|launch(?:es|ed|ing)?|set\s+up|creat(?:es|ed|ing)|establish(?:es|ed|ing))"
    r"|(?P<end_any>left|leaves|leaving|leave|quit(?:s|ting)?|depart(?:s|ed|ing)?(?:\s+from)?|exit(?:s|ed|ing)?"
    r"|resign(?:s|ed|ing)?\s+from|(?:step(?:s|ped|ping)?|walk(?:s|ed|ing)?)\s+(?:down|away)\s+from|(?:departure|exit)\s+from)"
    r"|(?P<during_any>(?:work(?:s|ed|ing)?|was|were|stint|time|tenure|career|years|spell|role)\s+(?:at|with|for)"
    r"|at|with|run(?:s|ning)?|ran|lead(?:s|ing)?|led|head(?:ed|ing)|heads)"
    rf"){_FILL}\s+",
    re.IGNORECASE,
)
# A verb with no organisation after it: "left in 2024", "the start-up he founded in 2023".
BARE = re.compile(
    r"(?<![\w-])(?:(?P<start_first>co-?found(?:ed|ing)|found(?:ed|ing)|start(?:ed|ing)|launch(?:ed|ing)|set(?:ting)?\s+up"
    r"|creat(?:ed|ing))|(?P<start_any>join(?:ed|ing))|(?P<end_any>left|leaving|quit(?:ting)?|depart(?:ed|ing)|exit(?:ed|ing)))(?:\s+(?:again|briefly|later|then|eventually|also|once|finally))?"
    r"\s+(?:in|during|around|by)\s+$",
    re.IGNORECASE,
)
# After the year, the purpose the year also dates: "left in 2024 to found Eureka Labs".
PURPOSE = re.compile(
    r"\s+to\s+(?:(?P<start_first>co-?found|found|start|launch|build|set\s+up|create)|(?P<start_any>join))\s+",
    re.IGNORECASE,
)
GAP_AFTER = re.compile(
    r"(?:\s*,)?(?:\s+(?!(?:and|but|or|while|which|who|where|whose|that|then|before|after|when|because|to|having)\b)"
    r"(?![\w-]+ing\b)[\w'’-]+){0,6}?\s+"
    r"(?P<prep>in|during|from|since|until|till|through|between|by|around|circa)\s+"
    r"(?:(?:early|late|mid|the\s+(?:spring|summer|autumn|fall|winter|end|start|beginning)\s+of)\s*-?\s*)?",
    re.IGNORECASE,
)
PREP_BEFORE = re.compile(
    r"(?:^|[\s,(])(?P<prep>in|by|since|during|until)\s+(?:(?:early|late|mid)\s*-?\s*)?$", re.IGNORECASE
)
LEAD_IN = re.compile(r",?\s*")
ADVERBS = re.compile(
    r"\s+(?:(?:also|then|finally|officially|quietly|eventually|first|briefly|formally)\s+)*", re.IGNORECASE
)
TIMELINE_DASH = re.compile(r"\s*[—–:-]+\s*")
PREP_KIND = {"since": "start", "until": "end", "till": "end", "through": "end"}


@dataclass(frozen=True)
class Event:
    kind: str  # start, end, during
    which: str | None  # first, later or None
    verb_start: int
    end: int
    org: str | None
    org_start: int


@dataclass(frozen=True)
class YearClaim:
    """Years the text ties to a stint: one year with an event kind, or a range."""

    sentence: Sentence
    person: Mention | None
    org: str
    kind: str  # start, end, during or range
    which: str | None
    first: int
    last: int | None  # None for a single year; -1 for "to present"
    start: int
    end: int
    first_span: tuple[int, int]
    last_span: tuple[int, int] | None


@dataclass(frozen=True)
class LengthClaim:
    """A length of time the text spends at an organisation: 'seven years at Tesla'."""

    sentence: Sentence
    person: Mention | None
    org: str
    which: str | None
    quantity: Quantity


def _kind(m: re.Match[str]) -> tuple[str, str | None]:
    for name, value in m.groupdict().items():
        if value is not None and "_" in name:
            kind, which = name.split("_")
            return kind, None if which in {"any", "moved"} else which
    return "during", None


def org_at(a: Analysis, offset: int) -> Mention | None:
    """The organisation named exactly at `offset`, if any."""
    for m in a.mentions_between(offset, offset + 1, {"organisation"}):
        if m.entity and m.start == offset:
            return m
    return None


def events_in(a: Analysis, sentence: Sentence) -> list[Event]:
    out = []
    for m in EVENT.finditer(a.prose, sentence.start, sentence.end):
        org = org_at(a, m.end())
        if org is None:
            continue
        kind, which = _kind(m)
        out.append(Event(kind, which, m.start(), org.end, org.entity, org.start))
    return out


def _relative_org(a: Analysis, sentence: Sentence, verb_start: int) -> Mention | None:
    """'Eureka Labs, the education start-up he founded in 2023': the organisation a relative
    clause describes."""
    head = a.prose[sentence.start : verb_start]
    m = re.search(
        r",\s+(?:the|a|an|his|her)\b[^,;.()]*?\b(?:that\s+|which\s+)?(?:he|she|they|[A-Z]\w+)\s+(?:had\s+|has\s+)?$",
        head,
    )
    if not m:
        return None
    before = a.mentions_between(sentence.start, sentence.start + m.start(), {"organisation"})
    if before and before[-1].entity and before[-1].end == sentence.start + m.start():
        return before[-1]
    return None


def _year_spans(a: Analysis, sentence: Sentence) -> list[tuple[re.Match[str], bool]]:
    """Year ranges and single years of the sentence that are not part of a calendar date."""
    dated = [(d.start, d.end) for d in a.dates_in(sentence) if d.month is not None]
    found: list[tuple[re.Match[str], bool]] = []
    taken: list[tuple[int, int]] = []
    for m in RANGE.finditer(a.prose, sentence.start, sentence.end):
        if m["sep"].lower() == "and" and (m["kw"] or "").lower() != "between":
            continue
        if any(s < m.end() and m.start() < e for s, e in dated):
            continue
        found.append((m, True))
        taken.append(m.span())
    for m in SINGLE.finditer(a.prose, sentence.start, sentence.end):
        if any(s <= m.start() < e for s, e in taken + dated):
            continue
        found.append((m, False))
    return sorted(found, key=lambda pair: pair[0].start())


def year_claims(a: Analysis) -> list[YearClaim]:
    """Every year or year range the text ties to an organisation in someone's career."""
    return _memo(a, "year-claims", _year_claims)


def _memo(a: Analysis, name: str, compute: Callable[[Analysis], list[T]]) -> list[T]:
    key = (name, 0)
    if key not in a.memo:
        a.memo[key] = compute(a)
    return a.memo[key]  # type: ignore[return-value]


def _year_claims(a: Analysis) -> list[YearClaim]:
    out: list[YearClaim] = []
    by_sentence: dict[int, Sentence] = {}
    for _, sentence in matches_by_sentence(a, SINGLE):
        by_sentence.setdefault(sentence.index, sentence)
    for sentence in by_sentence.values():
        years = _year_spans(a, sentence)
        if not years:
            continue
        events = events_in(a, sentence)
        for m, is_range in years:
            claim = _tie(a, sentence, m, is_range, events)
            if claim is not None:
                out.append(claim)
    return out


def _tie(a: Analysis, sentence: Sentence, m: re.Match[str], is_range: bool, events: list[Event]) -> YearClaim | None:
    prose = a.prose
    start = m.start("kw") if is_range and m["kw"] else m.start("y1")
    end = m.end()
    first = int(m["y1"])
    last: int | None = None
    last_span = None
    if is_range:
        y2 = m["y2"].lower()
        last = -1 if y2 in OPEN_ENDED else int(y2)
        last_span = m.span("y2")

    def claim(org: str, kind: str, which: str | None, person: Mention | None) -> YearClaim:
        kind = "range" if is_range else kind
        return YearClaim(sentence, person, org, kind, which, first, last, start, end, m.span("y1"), last_span)

    # 1. "Tesla (2017–2022)"
    paren = re.search(r"\(\s*$", prose[sentence.start : start])
    if paren and re.match(r"\s*\)", prose[end : end + 3]):
        before = a.mentions_between(sentence.start, sentence.start + paren.start() + 1, {"organisation"})
        if before and before[-1].entity and not prose[before[-1].end : sentence.start + paren.start()].strip():
            org = before[-1]
            person = person_subject(a, sentence, org.start) or _first_person_after(a, sentence, end)
            return claim(org.entity or "", "during", None, person)
        return None
    # 2. "2017 to 2022 at Tesla"
    at = re.match(r"\s+(?:at|with)\s+", prose[end : end + 8])
    if at:
        org = org_at(a, end + at.end())
        if org is not None:
            return claim(org.entity or "", "during", None, person_subject(a, sentence, start))
    # 3. "2021 — Left Tesla": a timeline entry headed by its year
    if not prose[sentence.start : start].strip(" \t*-•#") and TIMELINE_DASH.match(prose, end):
        after = [e for e in events if e.verb_start >= end]
        if after:
            e = after[0]
            return claim(e.org or "", e.kind, e.which, person_subject(a, sentence, e.verb_start))
        return None
    clause_start, clause_end = a.clause(sentence, start)
    # 4. "joined Tesla in 2017", "left in 2024 to found Eureka Labs"
    anchor = m.start("y1")  # "from 2015 to 2022": the gap before the years ends with "from"
    before_events = [e for e in events if clause_start <= e.verb_start and e.end <= start]
    bare = BARE.search(prose, max(clause_start, anchor - 60), anchor)
    if before_events:
        e = before_events[-1]
        gap = GAP_AFTER.fullmatch(prose, e.end, anchor)
        if gap and not (bare and bare.start() > e.end) and not _names_between(a, e.end, start):
            kind = PREP_KIND.get(gap["prep"].lower(), e.kind)
            return claim(e.org or "", kind, e.which, person_subject(a, sentence, e.verb_start))
    if bare:
        kind, which = _kind(bare)
        org = _relative_org(a, sentence, bare.start())
        if org is not None:
            return claim(org.entity or "", kind, which, person_subject(a, sentence, bare.start()))
        purpose = PURPOSE.match(prose, end)
        if purpose and (org := org_at(a, purpose.end())) is not None:
            kind, which = _kind(purpose)
            return claim(org.entity or "", kind, which, person_subject(a, sentence, bare.start()))
        return None
    # 5. "In 2017 he left for Tesla", "In 2017, Karpathy joined Tesla"
    prep = PREP_BEFORE.search(prose, max(clause_start, anchor - 20), anchor)
    if prep:
        after = [e for e in events if end <= e.verb_start <= clause_end]
        if after and _only_subject_between(a, end, after[0].verb_start):
            e = after[0]
            kind = PREP_KIND.get(prep["prep"].lower(), e.kind)
            return claim(e.org or "", kind, e.which, person_subject(a, sentence, e.verb_start))
    return None


def _only_subject_between(a: Analysis, start: int, end: int) -> bool:
    """'[In 2017], Karpathy [joined]': nothing but the subject (and an adverb) between."""
    people = a.mentions_between(start, end, {"person"})
    if len(people) != 1:
        return False
    return bool(LEAD_IN.fullmatch(a.prose, start, people[0].start) and ADVERBS.fullmatch(a.prose, people[0].end, end))


def _names_between(a: Analysis, start: int, end: int, people: bool = True) -> bool:
    kinds = {"organisation", "person"} if people else {"organisation"}
    return any(m.entity is None or m.kind == "organisation" for m in a.mentions_between(start, end, kinds))


def _first_person_after(a: Analysis, sentence: Sentence, offset: int) -> Mention | None:
    after = a.mentions_between(offset, sentence.end, {"person"})
    return after[0] if after else None


# ---------------------------------------------------------------------------------- lengths
LATER = re.compile(r"\b(?:more|another|again|back|second|rejoin\w*|return\w*|re-?join\w*)\b", re.IGNORECASE)
FIRST = re.compile(r"\b(?:first|original|initial(?:ly)?|founding)\b", re.IGNORECASE)
AT_AFTER = re.compile(r"\s+(?:back\s+|in\s+total\s+|all\s+)?(?:(?:stint|spell|tenure|run|career)\s+)?(?:at|with|in)\s+")
THERE_AFTER = re.compile(r"\s+(?:back\s+)?there\b")
FOR_BEFORE = re.compile(
    r"(?:,\s+where\s+\w+\s+(?:worked|stayed|remained|was|spent|served)|\s+(?:briefly|again|only))?"
    r"\s+for\s+(?:(?:the\s+)?(?:next|following|another)\s+)?"
)
OF_BEFORE = re.compile(
    r"\b(?:stint|spell|tenure|return|stay|run)\b(?P<at>\s+(?:at|to|with)\s+)?[^,;.()]{0,30}?\s+(?:of|lasting|that\s+lasted)\s+$",
    re.IGNORECASE,
)


def length_claims(a: Analysis) -> list[LengthClaim]:
    """Every length of time the text places at an organisation (read once per document)."""
    return _memo(a, "length-claims", _length_claims)


def _length_claims(a: Analysis) -> list[LengthClaim]:
    out: list[LengthClaim] = []
    for sentence in a.sentences:
        for q in quantities_between(a, sentence.start, sentence.end):
            if q.unit != "years":
                continue
            org = _length_org(a, sentence, q)
            if org is None:
                continue
            context = a.prose[max(sentence.start, q.hedge_start - 80) : q.end]
            which = "later" if LATER.search(context) else "first" if FIRST.search(context) else None
            out.append(LengthClaim(sentence, person_subject(a, sentence, q.hedge_start), org, which, q))
    return out


def _length_org(a: Analysis, sentence: Sentence, q: Quantity) -> str | None:
    prose = a.prose
    at = AT_AFTER.match(prose, q.end, sentence.end)
    if at and (org := org_at(a, at.end())) is not None:
        return org.entity
    orgs_before = [m for m in a.mentions_between(sentence.start, q.hedge_start, {"organisation"}) if m.entity]
    if THERE_AFTER.match(prose, q.end, sentence.end):
        return orgs_before[-1].entity if orgs_before else None
    if not orgs_before:
        return None
    last = orgs_before[-1]
    gap = prose[last.end : q.hedge_start]
    if FOR_BEFORE.fullmatch(gap) and not re.search(r"[;:.()]", gap):
        return last.entity
    if re.fullmatch(r"\s+that\s+lasted\s+", gap) or OF_BEFORE.search(
        prose, max(sentence.start, q.hedge_start - 60), q.hedge_start
    ):
        return last.entity
    return None
