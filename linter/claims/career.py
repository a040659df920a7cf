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

import bisect
import re
from collections.abc import Callable
from typing import NamedTuple, TypeVar

from linter.annotate.analysis import Analysis
from linter.annotate.mentions import Mention
from linter.annotate.numbers import Quantity, quantities_between
from linter.annotate.text import Sentence
from linter.claims.fragments import previous_person
from linter.claims.per_sentence import by_sentence
from linter.claims.predicates import matches_by_sentence
from linter.claims.scan import finditer, search
from linter.claims.subjects import person_subject
from linter.language.en import YEAR_DIGITS

T = TypeVar("T")
Y = YEAR_DIGITS
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
    r"|(?P<during_any>(?:work(?:s|ed|ing)?|was|were|stint|time|tenure|career|years|spell|role|serv(?:es|ed|ing)"
    r"|rac(?:es|ed|ing)|driv(?:es|ing|en)|drove|play(?:s|ed|ing)|coach(?:es|ed|ing)|compet(?:es|ed|ing))\s+(?:at|with|for)"
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
    r"(?:\s*,\s+(?:an?|the|its|his|her)\s+(?-i:[^,;.()A-Z]){1,40},)?"  # ", an education start-up, in"
    r"(?:\s*,)?(?:\s+(?!(?:and|but|or|while|which|who|where|whose|that|then|before|after|when|because|to|having)\b)"
    r"(?![\w-]+ing\b)[\w'’-]+){0,6}?\s+"
    r"(?P<prep>in|during|from|since|until|till|through|between|by|around|circa)\s+"
    r"(?:(?:early|late|mid|the\s+(?:spring|summer|autumn|fall|winter|end|start|beginning)\s+of)\s*-?\s*)?",
    re.IGNORECASE,
)
# After "at Tesla" only adverbs may stand before the year: in "worked with OpenAI researchers in
# 2019" the organisation just describes the researchers.
GAP_AFTER_PLACE = re.compile(
    r"(?:\s*,)?(?:\s+(?:again|briefly|back|full-time|only|then|already|still|also|too))*\s+"
    r"(?P<prep>in|during|from|since|until|till|through|between|by|around|circa)\s+"
    r"(?:(?:early|late|mid|the\s+(?:spring|summer|autumn|fall|winter|end|start|beginning)\s+of)\s*-?\s*)?",
    re.IGNORECASE,
)
PREP_BEFORE = re.compile(
    r"(?<![\w-])(?P<prep>in|by|since|during|until)\s+(?:(?:early|late|mid)\s*-?\s*)?$", re.IGNORECASE
)
LEAD_IN = re.compile(r",?\s*")
ADVERBS = re.compile(
    r"\s+(?:(?:also|then|finally|officially|quietly|eventually|first|briefly|formally)\s+)*", re.IGNORECASE
)
# A heading that is only an employer and its years: "## Tesla (2017–2022)", "**OpenAI (2015–2017)**".
HEADING = re.compile(rf"[#*\s]*[\w&.' -]{{1,40}}\(\s*{Y}\s*[-–—]\s*(?:{Y}|present|now)\s*\)[*\s]*", re.I)
TIMELINE_DASH = re.compile(r"\s*[—–:-]+\s*")
PREP_KIND = {"since": "start", "until": "end", "till": "end", "through": "end"}


class Event(NamedTuple):
    """A career event the text names: joining, leaving or working at an organisation, where."""

    kind: str  # start, end, during
    which: str | None  # first, later or None
    verb_start: int
    end: int
    org: str | None
    org_start: int


class YearClaim(NamedTuple):
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


class LengthClaim(NamedTuple):
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
    """The organisation named exactly at `offset`, if any: the first known one of the page's
    organisations that begin there, looked up by offset (a dict made once a page) instead of a
    lookup of the mentions from `offset` for every event verb and every word of a title run."""
    starts: dict[int, Mention] | None = a.memo.get(_ORGS_BY_START)  # type: ignore[assignment]
    if starts is None:
        starts = {}
        for m in a.mentions_between(0, len(a.prose), {"organisation"}):
            if m.entity:
                starts.setdefault(m.start, m)
        a.memo[_ORGS_BY_START] = starts
    return starts.get(offset)


_ORGS_BY_START = ("organisations by start",)


def events_in(a: Analysis, sentence: Sentence) -> list[Event]:
    out: list[Event] = []
    for m in finditer(a, EVENT, sentence.start, sentence.end):
        org = org_at(a, m.end())
        if org is None:
            continue
        kind, which = _kind(m)
        out.append(Event(kind, which, m.start(), org.end, org.entity, org.start))
    return out


RELATIVE_HEAD = re.compile(
    r",\s+(?:the|a|an|his|her)\b[^,;.()]*?\b(?:that\s+|which\s+)?(?:he|she|they|[A-Z]\w+)\s+(?:had\s+|has\s+)?$"
)


def _relative_org(a: Analysis, sentence: Sentence, verb_start: int) -> Mention | None:
    """'Eureka Labs, the education start-up he founded in 2023': the organisation a relative
    clause describes."""
    head = a.prose[sentence.start : verb_start]
    m = RELATIVE_HEAD.search(head)
    if not m:
        return None
    before = a.mentions_between(sentence.start, sentence.start + m.start(), {"organisation"})
    if before and before[-1].entity and before[-1].end == sentence.start + m.start():
        return before[-1]
    return None


def _covering(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """A test of whether an offset lies in any of `spans` (start inclusive, end exclusive), in
    log time: spans sorted by start, with the furthest end reached so far."""
    spans = sorted(spans)
    starts = [s for s, _ in spans]
    reach: list[int] = []
    for _, end in spans:
        reach.append(max(end, reach[-1]) if reach else end)

    def inside(offset: int) -> bool:
        k = bisect.bisect_right(starts, offset)
        return k > 0 and reach[k - 1] > offset

    return inside


def _year_spans(a: Analysis, sentence: Sentence) -> list[tuple[re.Match[str], bool]]:
    """Year ranges and single years of the sentence that are not part of a calendar date."""
    dated = [(d.start, d.end) for d in a.dates_in(sentence) if d.month is not None]
    found: list[tuple[re.Match[str], bool]] = []
    taken: list[tuple[int, int]] = []
    for m in finditer(a, RANGE, sentence.start, sentence.end):
        if m["sep"].lower() == "and" and (m["kw"] or "").lower() != "between":
            continue
        if any(s < m.end() and m.start() < e for s, e in dated):
            continue
        found.append((m, True))
        taken.append(m.span())
    inside = _covering(taken + dated)
    for m in finditer(a, SINGLE, sentence.start, sentence.end):
        if inside(m.start()):
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
        by_sentence.setdefault(sentence.number, sentence)
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


class _Years(NamedTuple):
    """One year expression being tied: where it stands and what it says."""

    a: Analysis
    sentence: Sentence
    m: re.Match[str]
    is_range: bool
    events: list[Event]

    @property
    def start(self) -> int:  # includes a leading "from"/"between"
        return self.m.start("kw") if self.is_range and self.m["kw"] else self.m.start("y1")

    @property
    def anchor(self) -> int:  # the first year itself: the gap before it ends with "in"/"from"
        return self.m.start("y1")

    @property
    def end(self) -> int:
        return self.m.end()


# What a shape finds: the organisation, the event kind, which stint, and the person.
Tie = tuple[str, str, str | None, Mention | None]


def _tie(a: Analysis, sentence: Sentence, m: re.Match[str], is_range: bool, events: list[Event]) -> YearClaim | None:
    y = _Years(a, sentence, m, is_range, events)
    for shape in (_in_brackets, _before_place, _timeline_entry, _after_event, _before_event, _where_at):
        found = shape(y)
        if found is None:
            continue
        if not found:
            return None  # the shape recognised the years but could not tie them
        org, kind, which, person = found
        first, last, last_span = int(m["y1"]), None, None
        if is_range:
            y2 = m["y2"].lower()
            last, last_span = (-1 if y2 in OPEN_ENDED else int(y2)), m.span("y2")
        kind = "range" if is_range else kind
        return YearClaim(sentence, person, org, kind, which, first, last, y.start, y.end, m.span("y1"), last_span)
    return None


CLOSING = re.compile(r"\s*\)")


def opening_bracket(prose: str, start: int, end: int) -> int | None:
    r"""Where a bracket opens that only whitespace follows up to `end` (after `start`): what
    `re.search(r"\(\s*$", prose[start:end])` finds, without a search of the whole stretch."""
    at = start + len(prose[start:end].rstrip()) - 1
    return at if at >= start and prose[at] == "(" else None


def _in_brackets(y: _Years) -> Tie | tuple[()] | None:
    """'Tesla (2017–2022)'."""
    a, prose = y.a, y.a.prose
    opening = opening_bracket(prose, y.sentence.start, y.start)
    if opening is None or not CLOSING.match(prose, y.end, y.end + 3):
        return None
    before = a.mentions_between(y.sentence.start, opening + 1, {"organisation"})
    if not before or not before[-1].entity or prose[before[-1].end : opening].strip():
        return ()
    org = before[-1]
    person = person_subject(a, y.sentence, org.start) or _first_person_after(a, y.sentence, y.end)
    if person is None and HEADING.fullmatch(prose, y.sentence.start, y.sentence.end):
        person = previous_person(a, y.sentence)  # "## Tesla (2017–2022)": a section of the career just named
    return (org.entity or "", "during", None, person)


AT_OR_WITH = re.compile(r"\s+(?:at|with)\s+")


def _before_place(y: _Years) -> Tie | None:
    """'spent 2017 to 2022 at Tesla'."""
    at = AT_OR_WITH.match(y.a.prose[y.end : y.end + 8])
    org = org_at(y.a, y.end + at.end()) if at else None
    if org is None:
        return None
    return (org.entity or "", "during", None, person_subject(y.a, y.sentence, y.start))


def _timeline_entry(y: _Years) -> Tie | tuple[()] | None:
    """'2021 — Left Tesla ...': an entry headed by its year belongs to its first event."""
    prose = y.a.prose
    if prose[y.sentence.start : y.start].strip(" \t*-•#") or not TIMELINE_DASH.match(prose, y.end):
        return None
    after = [e for e in y.events if e.verb_start >= y.end]
    if not after:
        return ()
    e = after[0]
    return (e.org or "", e.kind, e.which, person_subject(y.a, y.sentence, e.verb_start))


def _last_event_before(events: list[Event], clause_start: int, start: int) -> Event | None:
    """The last event (in text order) of the clause from `clause_start` that ends by `start`.
    Events are in order of their verbs, and an event ending by `start` has its verb before it,
    so only the events up to `start` are looked at, from the nearest back (linear on run-ons)."""
    for i in range(bisect.bisect_left(events, start, key=lambda e: e.verb_start) - 1, -1, -1):
        e = events[i]
        if e.verb_start < clause_start:
            return None
        if e.end <= start:
            return e
    return None


def _after_event(y: _Years) -> Tie | tuple[()] | None:
    """'joined Tesla in 2017', 'left in 2024 to found Eureka Labs', 'the start-up he founded in 2023'."""
    a, prose = y.a, y.a.prose
    clause_start, _ = a.clause(y.sentence, y.start)
    e = _last_event_before(y.events, clause_start, y.start)
    bare = search(a, BARE, max(clause_start, y.anchor - 60), y.anchor)
    if e is not None:
        gap = (GAP_AFTER_PLACE if e.kind == "during" else GAP_AFTER).fullmatch(prose, e.end, y.anchor)
        if gap and not (bare and bare.start() > e.end) and not _names_between(a, e.end, y.start):
            kind = PREP_KIND.get(gap["prep"].lower(), e.kind)
            return (e.org or "", kind, e.which, person_subject(a, y.sentence, e.verb_start))
    if not bare:
        return None
    kind, which = _kind(bare)
    org = _relative_org(a, y.sentence, bare.start())
    if org is None:
        purpose = PURPOSE.match(prose, y.end)
        org = org_at(a, purpose.end()) if purpose else None
        if purpose is None or org is None:
            return ()
        kind, which = _kind(purpose)
    return (org.entity or "", kind, which, person_subject(a, y.sentence, bare.start()))


def _before_event(y: _Years) -> Tie | None:
    """'In 2017 he left for Tesla', 'In 2017, Karpathy joined Tesla'."""
    a, prose = y.a, y.a.prose
    clause_start, clause_end = a.clause(y.sentence, y.start)
    prep = PREP_BEFORE.search(prose, max(clause_start, y.anchor - 20), y.anchor)
    after = [e for e in y.events if y.end <= e.verb_start <= clause_end]
    if not prep or not after or not _only_subject_between(a, y.end, after[0].verb_start):
        return None
    e = after[0]
    kind = PREP_KIND.get(prep["prep"].lower(), e.kind)
    return (e.org or "", kind, e.which, person_subject(a, y.sentence, e.verb_start))


WHERE = re.compile(r",\s+where\s+(?:he|she|they|[A-Z][\w-]+)\s+(?:[\w'’-]+\s+){0,12}?$")


def _where_at(y: _Years) -> Tie | None:
    """'... to Tesla, where he served as its AI chief from 2017 until 2021': the years of a
    relative clause on the place it names."""
    a = y.a
    head = a.prose[y.sentence.start : y.start]
    m = WHERE.search(head)
    if m is None:
        return None
    comma = y.sentence.start + m.start()
    orgs = [o for o in a.mentions_between(y.sentence.start, comma + 1, {"organisation"}) if o.entity]
    if not orgs or orgs[-1].end != comma or a.mentions_between(comma, y.start, {"organisation"}):
        return None
    return (orgs[-1].entity or "", "during", None, person_subject(a, y.sentence, comma + m.end() - m.start()))


def _only_subject_between(a: Analysis, start: int, end: int) -> bool:
    """'[In 2017], Karpathy [joined]': nothing but the subject (and an adverb) between."""
    people = a.mentions_between(start, end, {"person"})
    if len(people) != 1:
        return False
    return bool(LEAD_IN.fullmatch(a.prose, start, people[0].start) and ADVERBS.fullmatch(a.prose, people[0].end, end))


def _names_between(a: Analysis, start: int, end: int) -> bool:
    """Another organisation or an unknown person between an event and its year takes the year."""
    found = a.mentions_between(start, end, {"organisation", "person"})
    return any(m.entity is None or m.kind == "organisation" for m in found)


def _first_person_after(a: Analysis, sentence: Sentence, offset: int) -> Mention | None:
    after = a.mentions_between(offset, sentence.end, {"person"})
    return after[0] if after else None


# ---------------------------------------------------------------------------------- lengths
LATER = re.compile(r"\b(?:more|another|again|back|second|rejoin\w*|return\w*|re-?join\w*)\b", re.IGNORECASE)
FIRST = re.compile(r"\b(?:first|original|initial(?:ly)?|founding)\b", re.IGNORECASE)
AT_AFTER = re.compile(
    r"\s+(?:back\s+|in\s+total\s+|all\s+)?(?:(?:[\w-]+\s+){0,3}?(?:stint|spell|tenure|run|career)\s+)?(?:at|with|in)\s+"
    r"|\s+[a-z]+ing\s+(?:at|with|for)\s+"  # "seven seasons racing for McLaren"
    r"|\s+as\s+(?:an?|the)\s+(?=[A-Z])"  # "eight years as a McLaren race driver"
)
# "seven seasons": in a career a season is a year (a sports season, a school year).
# A non-breaking hyphen ("4\u2011year") is a length in years too.
SEASONS = re.compile(r"[\s\u2010\u2011-]+(seasons?|years?)\b", re.IGNORECASE)
THERE_AFTER = re.compile(r"\s+(?:back\s+)?there\b")
FOR_BEFORE = re.compile(
    r"(?:,\s+where\s+\w+\s+(?:worked|stayed|remained|was|spent|served)|\s+(?:briefly|again|only))?"
    r"\s+for\s+(?:(?:the\s+)?(?:next|following|another)\s+)?"
)
# "left Tesla after five years": a departure dated by the length of the stint it ends.
AFTER_LEAVING = re.compile(
    r"\b(?:left|leaves|leaving|leave|quit(?:s|ting)?|depart(?:s|ed|ing)?|exit(?:s|ed|ing)?)\s+(?:from\s+)?$",
    re.IGNORECASE,
)
# ... the length ends there or names the stint ('after two years of talks' is not a stint).
LENGTH_ENDS = re.compile(r"(?:\s+(?:tenure|stint|spell|run|there|as|to|and|when|in)\b|\s*(?:[,.;:)!?]|$))")
LENGTH_AFTER = re.compile(r"\s+after\s+(?:(?:an?|his|her|their|a\s+total\s+of)\s+)?")
OF_BEFORE = re.compile(
    r"\b(?:stint|spell|tenure|return|stay|run)\b(?P<at>\s+(?:at|to|with)\s+)?[^,;.()]{0,30}?\s+(?:of|lasting|that\s+lasted)\s+$",
    re.IGNORECASE,
)


def length_claims(a: Analysis) -> list[LengthClaim]:
    """Every length of time the text places at an organisation (read once per document)."""
    return _memo(a, "length-claims", _length_claims)


def _length_claims(a: Analysis) -> list[LengthClaim]:
    out: list[LengthClaim] = []
    for sentence, quantities in by_sentence(a, quantities_between(a, 0, len(a.prose))):
        for found in quantities:
            q = _in_years(a, found)
            if q is None:
                continue
            org = _length_org(a, sentence, q)
            if org is None:
                continue
            context = a.prose[max(sentence.start, q.hedge_start - 80) : q.end]
            which = "later" if LATER.search(context) else "first" if FIRST.search(context) else None
            out.append(LengthClaim(sentence, person_subject(a, sentence, q.hedge_start), org, which, q))
    return out


def _in_years(a: Analysis, q: Quantity) -> Quantity | None:
    """A length in years: 'seven years', 'four-year', or a count of seasons ('six seasons')."""
    if q.unit == "years":
        return q
    seasons = SEASONS.match(a.prose, q.end) if q.unit is None else None
    if seasons is None:
        return None
    end = seasons.end()
    return q._replace(end=end, text=a.prose[q.start : end], unit="years", unit_word=seasons[1])


CLAUSE_MARK = re.compile(r"[;:.()]")
THAT_LASTED = re.compile(r"\s+that\s+lasted\s+")


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
    if FOR_BEFORE.fullmatch(gap) and not CLAUSE_MARK.search(gap):
        return last.entity
    if (
        AFTER_LEAVING.search(prose, max(sentence.start, last.start - 20), last.start)
        and LENGTH_AFTER.fullmatch(gap)
        and LENGTH_ENDS.match(prose, q.end)
    ):
        return last.entity  # "left Tesla after five years", "leaves Tesla after 4-year tenure"
    if THAT_LASTED.fullmatch(gap) or OF_BEFORE.search(prose, max(sentence.start, q.hedge_start - 60), q.hedge_start):
        return last.entity
    return None
