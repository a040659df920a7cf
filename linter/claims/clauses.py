"""The claim layer's first half: where a phrase sits, and what scope and force its clause gives it.

Every rule that ties a phrase to a fact asks the same three questions: which clause holds it
(main, appositive, relative, parenthetical, reported speech, headline, list item, table cell),
where and when that clause is placed (an employer other than the fact's, an earlier time), and
whether the text asserts it (not asked, denied, hypothetical or quoted from another text). They
are answered here, once per position, and recorded in a `Scope` that findings carry as the why
of their certainty.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from linter.annotate.analysis import CONTEXT, NEGATION, PAST_CUE, REPORTED, YEAR, Analysis
from linter.annotate.anchored import may_hold
from linter.annotate.text import Sentence
from linter.claims.scan import finditer, search
from linter.sheet import Fact

# ", an OpenAI co-founder," / " — a former Tesla engineer — " / "(Anthropic's head of X)".
APPOSITIVE = re.compile(
    r"(?:,|\s[—–])\s+(?:an?|the|former|one|also|its|his|her|who|which|whose|[A-Z]\w*['’]s)\b[^,—–()]*?(?:,|\s[—–])"
    r"|\([^()]{0,160}\)"
)
RELATIVE = re.compile(r",\s+(?:who|which|whose|where)\b[^,;—–]*", re.IGNORECASE)
# Moving somewhere places what follows there: "went to Tesla to lead ...", "moved to Google as ...".
MOTION_CUE = (
    r"(?i:(?:went|goes|go|going|moved?|moving|moves|headed|heads|returned|returning|came|back)\s+to"
    r"|(?:left|leaving|leaves)\s+for)"
)
# "left Mercedes to join ...", "leaving X for Y": a departure that places what follows elsewhere.
DEPARTURE = re.compile(r"(?i:left|leaving|leaves|departing|after\s+leaving|after\s+departing)\s+(?:the\s+)?$")
ONWARD = re.compile(
    r"(?:\s+(?:in|at\s+the\s+end\s+of)\s+[\w-]+)?\s+(?:to\s+(?:join|become|race|lead|work)|for|and\s+join\w*)\b"
)
HYPOTHETICAL = re.compile(r"\b(?:if|whether|unless)\b", re.IGNORECASE)
# The words that place what follows at an organisation, ending right before its name: the same as
# r"(?:" + PLACE_CUE + "|" + MOTION_CUE + r")\s+(?:the\s+)?$" (tests/test_anchored.py compares
# them), written to start with a class of the cues' first letters, as PAST_CUE: the plain form
# tries its thirty alternatives at every character of the 40 searched before each organisation.
CUE_BEFORE = re.compile(
    r"[AaWwFfBbDdLlJjRrGgMmHhCc](?i:"
    r"(?<=a)(?:t|fter leaving|fter departing)"
    r"|(?<=w)(?:ith|hile at|hen (?:he|she) was at|ent\s+to)"
    r"|(?<=f)(?:or|rom)"
    r"|(?<=b)(?:ack at|efore joining|ack\s+to)"
    r"|(?<=d)(?:uring (?:his|her|their) (?:time|tenure|stint|years) at|eparting)"
    r"|(?<=l)(?:eft|eaving|(?:eft|eaving|eaves)\s+for)"
    r"|(?<=j)oin(?:s|ed|ing)?"
    r"|(?<=r)(?:ejoin(?:s|ed|ing)?|eturned\s+to|eturning\s+to)"
    r"|(?<=g)(?:oes|o|oing)\s+to"
    r"|(?<=m)(?:oved?|oving|oves)\s+to"
    r"|(?<=h)(?:eaded|eads)\s+to"
    r"|(?<=c)ame\s+to"
    r")\s+(?:the\s+)?$"
)
BULLET = re.compile(r"[ \t]*(?:[-*+•▪◦·]|\d+[.)])[ \t]+")
# "at Stanford", "at Google Brain": a capitalised place outside the sheet. This and ITS start with
# a class of their first letters and look back for the word boundary, so the regex engine skips to
# those letters (tests/test_anchored.py compares the plain forms: r"\b(?i:at|while\s+at|back\s+at)
# \s+..." and r"\b(?:its|the\s+company['’]s|the\s+firm['’]s)\s+...").
UNKNOWN_PLACE = re.compile(r"[aAwWbB](?<!\w.)(?i:(?<=a)t|(?<=w)hile\s+at|(?<=b)ack\s+at)\s+(?:the\s+)?([A-Z][\w&-]+)")
# A possessive employer inside the phrase itself: "leading Tesla's Autopilot teams".
POSSESSIVE = re.compile(r"['’]s?\b")
ITS = re.compile(
    r"[it](?<!\w.)(?:(?<=i)ts|(?<=t)he\s+company['’]s|(?<=t)he\s+firm['’]s)\s+(?:[\w-]+\s+){0,4}$", re.IGNORECASE
)


class Scope(NamedTuple):
    """Where a phrase stands and whether it can be judged against a fact.

    `kind` is the clause kind; `employer` an organisation the clause places the phrase at (None
    when it names none); `past` why the clause is about an earlier time ('' when it is not);
    `force` is 'asserted', 'question', 'negated', 'reported' or 'hypothetical'.
    """

    kind: str
    start: int
    end: int
    employer: str | None = None
    employer_cue: str = ""
    past: str = ""
    force: str = "asserted"

    def fits(self, fact: Fact) -> bool:
        """May a phrase in this scope be judged against `fact`? Only when asserted, at the fact's
        own employer (or none named) and not placed before the fact's time."""
        if self.force != "asserted" or self.past:
            return False
        return self.employer is None or fact.org is None or self.employer == fact.org

    def describe(self) -> dict[str, object]:
        return {
            "clause": self.kind,
            "employer": self.employer,
            "past": self.past or None,
            "force": self.force,
        }


def clause_kind(a: Analysis, sentence: Sentence, offset: int, reported: bool | None = None) -> str:
    """What kind of clause holds `offset`: 'table cell', 'list item', 'headline', 'parenthetical',
    'appositive', 'relative', 'reported' or 'main'. `reported` is whether a reporting word stands
    before `offset` (`_reported`), when the caller has asked already (None: asked here)."""
    line_kind = _line_kind(a, sentence)
    if line_kind in ("table cell", "list item"):
        return line_kind
    if _may_be_inserted(a, sentence, offset):
        for start, end, kind in _inserts(a, sentence):
            if start < offset < end:
                return kind
    if _reported(a, sentence, offset) if reported is None else reported:
        return "reported"
    return line_kind or "main"


END_PUNCTUATION = re.compile(r"[.!?:;\"”]\s*$")


def _line_kind(a: Analysis, sentence: Sentence) -> str | None:
    """What the sentence's line makes it, read once per sentence (a line can be the whole of a
    long document): 'table cell', 'list item', 'headline' (a short line without end punctuation
    that the sentence starts) or None."""
    key = ("line", sentence.number)
    if key in a.memo:
        return a.memo[key]  # type: ignore[return-value]
    # Read in place, not from a copy of the line: a sentence of a long line (a paragraph, a whole
    # page) copied it, and its first sentence split all of it into words to count 16.
    prose = a.prose
    line_start = prose.rfind("\n", 0, sentence.start) + 1
    line_end = prose.find("\n", sentence.end)
    line_end = line_end if line_end >= 0 else len(prose)
    kind: str | None = None
    if prose.count("|", line_start, line_end) >= 2:
        kind = "table cell"
    elif BULLET.match(prose, line_start, line_end):
        kind = "list item"
    elif (
        sentence.start == line_start
        and not END_PUNCTUATION.search(prose, line_start, line_end)
        and len(prose[line_start:line_end].split(maxsplit=16)) <= 16
    ):
        kind = "headline"
    a.memo[key] = kind
    return kind


# What an insert opens with: RELATIVE's comma, APPOSITIVE's comma, dash or bracket.
INSERT_OPENER = re.compile(r"[,(—–]")


def _may_be_inserted(a: Analysis, sentence: Sentence, offset: int) -> bool:
    """Can one of the sentence's inserts (`_inserts`) hold `offset`? Only if it opens before it,
    so its comma or bracket, or the dash after its space, stands in the sentence up to `offset`.
    Most phrases have none before them: their sentence is not searched for inserts (two
    searches of the whole sentence, kept for it, but asked for the scope of a phrase)."""
    return INSERT_OPENER.search(a.prose, sentence.start, offset + 1) is not None


def _inserts(a: Analysis, sentence: Sentence) -> list[tuple[int, int, str]]:
    """The relative clauses, then the appositives and parentheses, of a sentence (read once)."""
    key = ("inserts", sentence.number)
    found = a.memo.get(key)
    if found is None:
        found = [(m.start(), m.end(), "relative") for m in finditer(a, RELATIVE, sentence.start, sentence.end)]
        found += [
            (m.start(), m.end(), "parenthetical" if m[0].startswith("(") else "appositive")
            for m in finditer(a, APPOSITIVE, sentence.start, sentence.end)
        ]
        a.memo[key] = found
    return found  # type: ignore[return-value]


def _masked(a: Analysis, start: int, end: int, offset: int) -> str:
    """The text of `start:end` with appositives and parentheses blanked, unless `offset` is inside
    one: a description of someone's past (', a former OpenAI researcher,') does not place the
    main clause's claim."""
    pieces, pos = [], start  # the text between blanked stretches, as slices (no list of characters)
    for m in finditer(a, APPOSITIVE, start, end):
        if m.start() < offset < m.end():
            continue
        lo, hi = m.start() + 1, m.end() - 1
        if hi > lo:
            pieces += [a.prose[pos:lo], " " * (hi - lo)]
            pos = hi
    pieces.append(a.prose[pos:end])
    return "".join(pieces)


# The last word of each of CUE_BEFORE's cues ('while at', 'went to', 'left for', 'joined'),
# lower case; the cues have no word boundary before them, so these are suffixes.
CUE_ENDS = ("at", "with", "for", "from", "joining", "leaving", "departing", "left", "join", "joins", "joined", "to")


def _may_end_with_cue(before: str) -> bool:
    r"""Can CUE_BEFORE match in `before`? Only if it ends with whitespace (the cue's `\s+`, or
    'the' and its own), with a cue's last word right before (a suffix test: the search tries its
    alternatives at each of the 40 characters). Beyond ASCII, case-insensitive matching folds
    other characters ('ſ') onto these letters: searched."""
    if not before.isascii():
        return True
    word = before.rstrip()
    if len(word) == len(before):
        return False
    if word.lower().endswith(CUE_ENDS):
        return True
    if not word.endswith("the") or not word[:-3] or not word[-4].isspace():
        return False
    return word[:-3].rstrip().lower().endswith(CUE_ENDS)


def _employers(
    a: Analysis, start: int, end: int, phrase_start: int, phrase_end: int, masked: str | None = None
) -> list[tuple[str, str, int]]:
    """Organisations the span places things at, with the words that say so: 'at Tesla', 'went
    to Tesla', 'Tesla's Autopilot' inside the phrase, 'its' for the organisation named before.
    `masked` is the span's `_masked` text when the caller has it already."""
    text = _masked(a, start, end, phrase_start) if masked is None else masked
    found: list[tuple[str, str, int]] = []
    for m in a.mentions_between(start, end, {"organisation"}):
        if m.entity is None or not text[m.start - start : m.end - start].strip():
            continue
        before = text[max(0, m.start - start - 40) : m.start - start]
        cue = CUE_BEFORE.search(before) if _may_end_with_cue(before) else None
        if cue and DEPARTURE.search(cue[0]) and m.end <= phrase_start and ONWARD.match(text, m.end - start):
            continue  # "leaving Mercedes to join Ferrari's team": the phrase is at the destination
        if cue:
            found.append((m.entity, cue[0] + a.prose[m.start : m.end], m.start))
        elif phrase_start <= m.start < phrase_end and POSSESSIVE.match(a.prose, m.end) and m.end < phrase_end:
            found.append((m.entity, a.prose[m.start : m.end + 2], m.start))
    for place in UNKNOWN_PLACE.finditer(text):  # "his PhD at Stanford under ...": a place the sheet does not know
        if not a.mentions_between(start + place.start(1), start + place.end(1)):
            found.append((place[1], place[0].strip(), start + place.start(1)))
    its = ITS.search(text, 0, phrase_start - start) if _may_name_its(a, start, phrase_start) else None
    if its:
        orgs = [
            m for m in a.mentions_between(max(0, start - CONTEXT), start + its.start(), {"organisation"}) if m.entity
        ]
        if orgs and orgs[-1].entity:
            found.append((orgs[-1].entity, its[0].split()[0], start + its.start()))
    return found


ITS_WORDS = ("its", "company", "firm")  # what every match of ITS holds, lower-cased


def _may_name_its(a: Analysis, start: int, end: int) -> bool:
    """Can `ITS` match in the (masked) text of `start:end`? Only if one of `ITS_WORDS` stands
    there in any case (a masked stretch holds only blanks). `ITS` begins with a class of two
    letters, each at a word start: the engine stops at every 'i' and 't' of the clause."""
    return end > start and may_hold(a.prose, ITS_WORDS, start, end)


APOSTROPHE = re.compile(r"['’]")


def _employer(
    found: list[tuple[str, str, int]], fact: Fact | None, at: int, end: int | None = None
) -> tuple[str | None, str]:
    """The employer that decides: the fact's own when the phrase itself names it ("Ferrari's
    F1 team at Maranello"); else another organisation than the fact's (the claim is then about
    a different job), the one named nearest the phrase first; else the fact's own; else none."""
    org = fact.org if fact is not None else None
    inside = [(name, cue) for name, cue, pos in found if name == org and end is not None and at <= pos < end]
    owned = [(name, cue) for name, cue in inside if APOSTROPHE.search(cue)]
    if owned:
        return owned[0]
    foreign = sorted((abs(pos - at), name, cue) for name, cue, pos in found if name != org)
    if foreign:
        return foreign[0][1], foreign[0][2]
    return (found[0][0], found[0][1]) if found else (None, "")


def may_hold_year(text: str) -> bool:
    """Can `YEAR` find a year in `text`? Only where '19' or '20' stands (two substring searches).
    Asked once per fact judged in the clause; most clauses hold no year, and `YEAR.findall` on
    one costs about three times the two searches, though `YEAR` now starts with its first digits."""
    return "19" in text or "20" in text


def _past(a: Analysis, text: str, fact: Fact | None) -> str:
    """Why the clause is about an earlier time than the fact, or ''."""
    valid_from = fact.qualifiers.get("from") if fact is not None else None
    if valid_from is None:
        return ""
    year_from = valid_from.year if isinstance(valid_from, dt.date) else int(valid_from)
    early = [y for y in YEAR.findall(text) if int(y) < year_from] if may_hold_year(text) else []
    if early:
        return f"the clause is dated {early[0]}"
    cue = PAST_CUE.search(text) if may_say_past(text) else None
    return f"the clause says {cue[0]!r}" if cue else ""


# What every match of PAST_CUE holds, lower-cased ('formerly' holds 'former').
PAST_WORDS = ("former", "previously", "earlier in", "ex-", "at the time", "back then", "used to", "once")


def may_say_past(text: str) -> bool:
    """Can `PAST_CUE` match in `text`? Only where one of its words stands, in any case (looked
    for in the lower-cased text; text beyond ASCII, where case folding can reach ASCII letters, is
    searched): its first letters are common ones, so the regex engine stops at a quarter of the
    characters, about 75 ns a character, once per fact judged in the clause. (Not `may_hold`:
    this is a clause's own masked text, whose lowering would evict the page's from `lowered`.)"""
    if not text.isascii():
        return True
    low = text.lower()
    return any(word in low for word in PAST_WORDS)


def _reported(a: Analysis, sentence: Sentence, offset: int) -> bool:
    """Does a reporting word ('said', 'according to') stand before `offset` in its sentence?"""
    return search(a, REPORTED, max(sentence.start, offset - CONTEXT), offset) is not None


def _force(a: Analysis, sentence: Sentence, clause_start: int, start: int, end: int) -> str:
    if sentence.question:
        return "question"
    if _reported(a, sentence, start):
        return "reported"
    if search(a, NEGATION, max(clause_start, start - CONTEXT), end):
        return "negated"
    if search(a, HYPOTHETICAL, max(clause_start, start - 60), start):
        return "hypothetical"
    return "asserted"


class _Reading:
    """What the clause around a phrase says whatever fact it is judged for, read once per phrase:
    its bounds, the employers it names, its masked text and its force. The sentence-wide
    readings are made only when a fact asks for them, given the analysis: a reading kept in the
    analysis's memo that kept the analysis would make each page a reference cycle, which only
    the garbage collector frees (every object of the page then waits for, and is traversed by,
    a collection)."""

    __slots__ = (
        "_named",
        "_sentence_employers",
        "_sentence_text",
        "clause_end",
        "clause_start",
        "employers",
        "end",
        "force",
        "kind",
        "sentence",
        "start",
        "text",
    )  # fmt: skip

    def __init__(
        self,
        sentence: Sentence,
        span: tuple[int, int],
        clause: tuple[int, int],
        employers: list[tuple[str, str, int]],
        text: str,
        force: str,
        kind: str,
    ) -> None:
        self.sentence, (self.start, self.end), (self.clause_start, self.clause_end) = sentence, span, clause
        self.employers, self.text, self.force, self.kind = employers, text, force, kind
        self._named: set[str | None] | None = None
        self._sentence_employers: list[tuple[str, str, int]] | None = None
        self._sentence_text: str | None = None

    def named(self, a: Analysis) -> set[str | None]:
        """The organisations the whole sentence names."""
        if self._named is None:
            s = self.sentence
            self._named = {m.entity for m in a.mentions_between(s.start, s.end, {"organisation"})}
        return self._named

    def sentence_employers(self, a: Analysis) -> list[tuple[str, str, int]]:
        if self._sentence_employers is None:
            s = self.sentence
            self._sentence_employers = _employers(a, s.start, s.end, self.start, self.end, self.sentence_text(a))
        return self._sentence_employers

    def sentence_text(self, a: Analysis) -> str:
        if self._sentence_text is None:
            self._sentence_text = _masked(a, self.sentence.start, self.sentence.end, self.start)
        return self._sentence_text


def _clause_around(a: Analysis, sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """The clause a phrase's reading reads, bounded to a few lines either side of the phrase."""
    clause_start, clause_end = a.clause(sentence, start)
    return max(clause_start, start - 2 * CONTEXT), min(clause_end, end + 2 * CONTEXT)


def _known_reading(a: Analysis, start: int, end: int) -> _Reading | None:
    """The reading of the phrase `start:end` made already on this page, if any."""
    found = a.memo.get(("reading", start, end))
    return found if isinstance(found, _Reading) else None


def _reading(a: Analysis, sentence: Sentence, start: int, end: int) -> _Reading:
    found = _known_reading(a, start, end)
    if found is not None:
        return found
    clause_start, clause_end = _clause_around(a, sentence, start, end)
    text = _masked(a, clause_start, clause_end, start)
    force = _force(a, sentence, clause_start, start, end)  # asks `_reported` unless a question
    reading = _Reading(
        sentence,
        (start, end),
        (clause_start, clause_end),
        _employers(a, clause_start, max(clause_end, end), start, end, text if end <= clause_end else None),
        text,
        force,
        clause_kind(a, sentence, start, None if force == "question" else force == "reported"),
    )
    a.memo[("reading", start, end)] = reading
    return reading


def scope_of(a: Analysis, sentence: Sentence, start: int, end: int, fact: Fact | None = None) -> Scope:
    """The scope of the phrase `start:end` in `sentence`, judged for `fact` (whose employer and
    start time decide what counts as elsewhere and earlier). Memoised per document."""
    key = ("scope", start, end, fact.id if fact else "")
    found = a.memo.get(key)
    if isinstance(found, Scope):
        return found
    reading = _reading(a, sentence, start, end)
    employer, cue = _employer(reading.employers, fact, start, end)
    # A sentence that never names the fact's employer but sets its scene elsewhere
    # ('2017 — Left OpenAI for Tesla, where he became ...').
    elsewhere_set = fact is not None and fact.org is not None and fact.org not in reading.named(a)
    if employer is None and elsewhere_set:
        employer, cue = _employer(reading.sentence_employers(a), fact, start)
    past = _past(a, reading.text, fact)
    if not past and elsewhere_set:
        past = _past(a, reading.sentence_text(a), fact)
    scope = Scope(
        kind=reading.kind,
        start=reading.clause_start,
        end=reading.clause_end,
        employer=employer,
        employer_cue=cue,
        past=past,
        force=reading.force,
    )
    a.memo[key] = scope
    return scope


def fitting_fact(a: Analysis, sentence: Sentence, start: int, end: int, facts: list[Fact]) -> tuple[Fact, Scope] | None:
    """Of one subject's facts for a relation, the one the phrase `start:end` is judged against,
    with its scope: a fact whose employer the clause names first; else, when the clause names
    none, the latest (the event's own, as 'reports to' without a place means now). None when the
    clause fits none (another employer, an earlier time, not asserted)."""
    fitting = [(f, s) for f in facts if (s := scope_of(a, sentence, start, end, f)).fits(f)]
    if not fitting:
        return None
    placed = [(f, s) for f, s in fitting if s.employer is not None and s.employer == f.org]
    pool = placed or fitting
    return max(pool, key=lambda fs: _from_year(fs[0]))


def fitting_facts(a: Analysis, sentence: Sentence, start: int, end: int, facts: list[Fact]) -> list[Fact]:
    """All of a subject's facts the phrase may be about (a value matching any of them is right)."""
    return [f for f in facts if scope_of(a, sentence, start, end, f).fits(f)]


def _from_year(fact: Fact) -> int:
    valid_from = fact.qualifiers.get("from")
    if valid_from is None:
        return 0
    return valid_from.year if isinstance(valid_from, dt.date) else int(valid_from)


def elsewhere(a: Analysis, sentence: Sentence, offset: int, fact: Fact) -> bool:
    """True when the claim is placed at another organisation or an earlier time than the fact
    ('At Tesla he reported to Elon Musk', 'in 2017 he led ...'), so it is not judged.

    Read from the claim layer's scope (`linter.claims.clauses.scope_of`): the claim's own clause
    decides, with descriptions of other people's or past jobs (', a former OpenAI
    researcher,') left out; a sentence that never names the fact's organisation but sets the
    scene elsewhere ('2017 — Left OpenAI for Tesla, where he became ...') counts too.
    """
    scope = scope_of(a, sentence, offset, offset + 1, fact)
    if scope.past:
        return True
    return scope.employer is not None and fact.org is not None and scope.employer != fact.org


def negated(a: Analysis, sentence: Sentence, start: int, end: int) -> bool:
    """True when the clause from its start to `end` denies or distances itself from the claim
    ('does not report to', 'wrongly said', 'rather than the safety team'): never judged. Searched
    at the scanning pass's candidates (`linter.claims.scan`), as the other forces are."""
    clause_start, _ = a.clause(sentence, start)
    return search(a, NEGATION, max(clause_start, start - CONTEXT), end) is not None


def asserts(a: Analysis, start: int, end: int) -> bool:
    """Does the text itself state the claim at `start:end`? Not in a question ('Does he report
    to Sam Altman?'), not denied in its clause, not reported from some text ('It said he quit
    OpenAI'), not a hypothesis ('if he had joined ...'): a linter judges what the writer
    asserts, not what they quote, refute or imagine. The claim layer's `force` decides."""
    sentence = a.sentence_at(start)
    if sentence is None:
        return True
    # Only the reading's force is asked: read alone when no reading of the phrase was made (for
    # about a quarter of the findings judged), not the employers, masked text and clause kind.
    reading = _known_reading(a, start, end)
    if reading is not None:
        return reading.force == "asserted"
    return _force(a, sentence, _clause_around(a, sentence, start, end)[0], start, end) == "asserted"
