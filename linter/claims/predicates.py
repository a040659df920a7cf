"""Who and what a claim is about: shared by every rule that ties a value in the text to a fact.

A value (a date, a year, an amount) is attributed to a fact only when the same clause has one of
the fact's cue words near the value and the cue's grammatical subject is the fact's subject.
Anything less certain is left alone: silence is cheaper than a false alarm.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from linter.annotate.analysis import CONTEXT, EVENT_WORD, EVENT_WORDS, Analysis
from linter.annotate.mentions import Mention
from linter.annotate.text import Sentence
from linter.claims.clauses import Scope, elsewhere, fitting_fact, negated
from linter.claims.fragments import previous_if_fragment
from linter.claims.scan import (
    ALL_SPACES,
    caseless_or_ascii,
    finditer,
    matches_at,
    per_pattern,
    required,
    scan_page,
    search,
    spaced,
)
from linter.claims.scan import candidates as scan_candidates
from linter.sheet import Fact, Sheet

SUBJECT_KINDS = frozenset({"person", "organisation", "outlet", "event", "ambiguous"})
PEOPLE = frozenset({"person", "ambiguous"})
# ", an OpenAI co-founder," / ", who led AI at Tesla," — descriptions between commas or dashes
# whose names are not the subject of the clause around them.
APPOSITIVE = re.compile(
    r"(?:,|\s[—–])\s+(?:an?|the|former|who|which|whose|one|also|now|then|its|his|her|[A-Z]\w*['’]s"
    r"|(?:[\w-]+\s+){0,3}(?:after|before|than|like|unlike|as\s+did))\b[^,—–]*?(?:,|\s[—–])"
)
# "on the same day as Karpathy", "earlier than Joseph", "alongside Amodei": a name compared or
# accompanying, not the subject of the verb that follows.
COMPARED = re.compile(r"\s(?:as|than|like|unlike|alongside)\s+(?:the\s+)?$")
LATE_CUE_PENALTY = 25
PARTICIPLE = re.compile(r"\w+ing\b")
AGENT = re.compile(r"\s+(?:first\s+|initially\s+|also\s+)?by\s+")  # matched at the word's end


class Attribution(NamedTuple):
    """The fact a value is attributed to, by which cue and how far from the value."""

    fact: Fact
    cue_start: int
    cue_end: int
    distance: int


def _reach(cue: re.Match[str], value_start: int) -> int:
    """How far a cue is from a value. A date or figure usually follows its verb ("announced on
    19 May"); a cue after the value is more often a subordinate clause's verb ("said on Tuesday
    that he joined"), so it pays a penalty."""
    return cue.start() - value_start + LATE_CUE_PENALTY if cue.start() >= value_start else value_start - cue.end()


LETTER = re.compile(r"[A-Za-z]")


def _has_words(a: Analysis, start: int, value_start: int, value_end: int, end: int) -> bool:
    return bool(LETTER.search(a.prose, start, value_start) or LETTER.search(a.prose, value_end, end))


class CueIndex:
    """All cue words of a set of facts in one pattern, and which facts each cue belongs to.

    Cues match at a word start ('announc' matches 'announced' and 'announcement'); a word can
    carry the cues of several facts ('reported' is a cue for 'report' and 'reported').
    """

    def __init__(self, facts: tuple[Fact, ...]) -> None:
        self.by_cue: dict[str, list[Fact]] = {}
        for fact in facts:
            for cue in fact.cues:
                self.by_cue.setdefault(cue.lower(), []).append(fact)
        cues = sorted(self.by_cue, key=len, reverse=True)
        self.lengths = sorted({len(c) for c in cues}, reverse=True)
        # Per head (a cue's first characters, as many as the shortest cue has), the lengths of
        # the cues that begin with it, longest first: a cue begins where its head begins.
        self._head = self.lengths[-1] if cues else 0
        self._lengths_by_head: dict[str, list[int]] = {}
        for cue in cues:
            lengths = self._lengths_by_head.setdefault(cue[: self._head], [])
            if len(cue) not in lengths:
                lengths.append(len(cue))
        body = "|".join(re.escape(c) for c in cues) or r"(?!x)x"
        self.pattern = re.compile(r"(?<![\w-])(?:" + body + r")", re.IGNORECASE)
        self._covered: tuple[frozenset[str], bool] | None = None  # the sheet's cue pass covers these cues?
        # What `facts_at` and `subjects_at` answer for each set of cues found at one place: built
        # once per set (a sheet has few), so a cue shared by many facts costs no more per page.
        self._at: dict[tuple[str, ...], tuple[tuple[Fact, ...], dict[str | None, tuple[Fact, ...]]]] = {}

    def finditer(self, a: Analysis, start: int, end: int) -> list[re.Match[str]]:
        """The same matches as `self.pattern.finditer(a.prose, start, end)`, tried only where the
        document's one pass for every cue of its sheet (`cue_pass`) found a cue beginning: the
        pattern's look-behind and IGNORECASE let the regex engine skip nothing, so a window
        searched for cues cost ~100 instructions a character, once per value attributed."""
        every, starts = cue_pass(a)
        known = self._covered
        if known is None or known[0] is not every:  # asked once per sheet, not per window
            known = self._covered = (every, every.issuperset(self.by_cue))
        if starts is None or not known[1]:
            return list(self.pattern.finditer(a.prose, start, end))
        return matches_at(self.pattern, a.prose, starts, start, end)

    def facts_at(self, text: str, start: int) -> tuple[Fact, ...]:
        """The facts whose cues begin at `start`, each once, in the order of the longest cue first."""
        return self._found_at(text, start)[0]

    def subjects_at(self, text: str, start: int) -> dict[str | None, tuple[Fact, ...]]:
        """`facts_at`, grouped by subject (each group in that order): a value's cue is read as
        its subject's facts and everyone else's, however many people the sheet holds."""
        return self._found_at(text, start)[1]

    def _found_at(self, text: str, start: int) -> tuple[tuple[Fact, ...], dict[str | None, tuple[Fact, ...]]]:
        chunk = text[start : start + self.lengths[0]]
        if chunk.isascii():
            # ASCII lower-cases character for character: one lowering serves every length, and
            # only the lengths of the cues with the chunk's head are asked for (a lookup for
            # every cue length was made before: 16 for the whole sheet's cues).
            low = chunk.lower()
            keys = [low[:length] for length in self._lengths_by_head.get(low[: self._head], ())]
        else:
            keys = [text[start : start + length].lower() for length in self.lengths]
        hits = tuple(key for key in keys if key in self.by_cue)
        found = self._at.get(hits)
        if found is None:
            found = self._at[hits] = self._group(hits)
        return found

    def _group(self, hits: tuple[str, ...]) -> tuple[tuple[Fact, ...], dict[str | None, tuple[Fact, ...]]]:
        """The facts of these cues, each once (told apart by identity: comparing facts field by
        field cost more than their number), and the same facts by subject."""
        facts = tuple({id(f): f for key in hits for f in self.by_cue[key]}.values())
        by_subject: dict[str | None, list[Fact]] = {}
        for fact in facts:
            by_subject.setdefault(fact.subject, []).append(fact)
        return facts, {subject: tuple(group) for subject, group in by_subject.items()}


_CUE_INDEXES: dict[tuple[int, ...], tuple[tuple[Fact, ...], CueIndex]] = {}


def cue_index(facts: tuple[Fact, ...]) -> CueIndex:
    """The index of these facts' cues, built once: keyed by the facts' identities (hashing a
    fact hashes all its fields), the facts kept alive beside it so no identity is reused."""
    key = tuple(map(id, facts))
    found = _CUE_INDEXES.get(key)
    if found is None:
        if len(_CUE_INDEXES) >= 256:
            _CUE_INDEXES.clear()
        found = _CUE_INDEXES[key] = (facts, CueIndex(facts))
    return found[1]


def _page_cue_index(a: Analysis, facts: list[Fact]) -> CueIndex:
    """`cue_index(tuple(facts))`, kept for the page by the list's identity: a reader passes the
    same list for every value it attributes, and the key of `cue_index` hashes every fact's id
    (the list is kept beside it, so its identity is not reused, with a copy to notice a change)."""
    key = ("cue index", id(facts))
    known: tuple[list[Fact], list[Fact], CueIndex] | None = a.memo.get(key)  # type: ignore[assignment]
    if known is not None and known[0] is facts and known[1] == facts:
        return known[2]
    index = cue_index(tuple(facts))
    a.memo[key] = (facts, list(facts), index)
    return index


@lru_cache(maxsize=16)
def _sheet_cues(sheet: Sheet) -> tuple[frozenset[str], frozenset[str] | None]:
    """Every cue of the sheet's facts, lower-cased, and the keys the page's scanning pass looks
    for them by (`scan.scan_page`: the cues with whitespace spelled as a space, as that pass
    reads the text; None: no cues, or a cue with a cased letter beyond ASCII, whose caseless
    matches lower-casing may not find). A lead pattern over 130 cues tried its alternatives at
    every space (3% of the engine); an Aho-Corasick automaton reads each character once, and the
    scanning pass's reads the page for the claim patterns too (a pass of its own for the cues
    was 1.5% of the engine's instructions). A cue spelled with other whitespace than a space is
    also looked for where the text has a space: more starts, which the cue pattern rejects."""
    cues = frozenset(c.lower() for f in sheet.facts for c in f.cues)
    keys = None
    if cues and all(caseless_or_ascii(c) for cue in cues for c in cue):
        keys = frozenset(cue.translate(ALL_SPACES) for cue in cues)
    return cues, keys


def _begins_word(prose: str, at: int) -> bool:
    """No word character or hyphen before `at`: `CueIndex.pattern`'s look-behind."""
    return at == 0 or not (prose[at - 1].isalnum() or prose[at - 1] in "_-")


def cue_pass(a: Analysis) -> tuple[frozenset[str], list[int] | None]:
    """Every cue of `a`'s sheet and every offset of its prose where one begins (None: the pass
    cannot be made), found in one pass per document."""
    found = a.memo.get(("cue starts",))
    if found is None:
        every, keys = _sheet_cues(a.sheet)
        prose, starts = a.prose, None
        if keys is not None and (begins := scan_page(a, keys)) is not None:
            starts = [at for at in begins if _begins_word(prose, at)]
        found = (every, starts)
        a.memo[("cue starts",)] = found
    return found  # type: ignore[return-value]


def _masked_appositives(a: Analysis, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start() + 1, m.end() - 1) for m in finditer(a, APPOSITIVE, start, end)]


APPOSITIVE_OPENER = re.compile(r"[,—–]")  # what APPOSITIVE's first character or its dash can be


def _may_hold_appositive(a: Analysis, start: int, named: list[Mention]) -> bool:
    """Can an appositive from `start` (`_masked_appositives`) hold one of the `named` (sorted)?
    It must open before the name it holds, so its comma, or the dash after its first space, stands
    before the last name's start (the dash at most at that start)."""
    return APPOSITIVE_OPENER.search(a.prose, start, named[-1].start + 1) is not None


WORD = re.compile(r"[\w-]*")  # matches anywhere, maybe empty
WORD_CHAR = re.compile(r"\w")
OWNER_S = re.compile(r"['’]s?\b")
EVENT_SUBJECT = re.compile(rf"\W*[Tt]he\s+(?:[\w-]+\s+)?{EVENT_WORDS}\b(?!['’])", re.IGNORECASE)


def _protagonist(a: Analysis, clause_start: int, offset: int) -> Mention | None:
    """'The announcement came on ...', 'The move was revealed in ...': a definite event noun with
    no one named stands for the sheet's event, whose protagonist the sheet names."""
    who = a.sheet.protagonist
    if who is None:
        return None
    at_cue = EVENT_WORD.match(a.prose, offset) and re.search(r"\b[Tt]he\s+$", a.prose[max(0, offset - 5) : offset])
    if not at_cue and not EVENT_SUBJECT.match(a.prose[clause_start:offset]):
        return None
    return Mention(offset, offset, who, a.sheet.entities[who].kind, "", pronoun=True)


def subject_of(a: Analysis, sentence: Sentence, offset: int, kinds: frozenset[str] = SUBJECT_KINDS) -> Mention | None:
    """The subject of the predicate at `offset`: an agent ('reported by TechCrunch'), else the
    nearest name or resolved pronoun before it in its clause, skipping appositives."""
    key = ("subject", offset, kinds)
    found = a.memo.get(key, _UNASKED)
    if found is _UNASKED:
        found = a.memo[key] = _subject_of(a, sentence, offset, kinds)
    return found  # type: ignore[return-value]


_UNASKED = object()  # a subject not asked for yet (None is an answer: no subject)


def _subject_of(a: Analysis, sentence: Sentence, offset: int, kinds: frozenset[str]) -> Mention | None:
    clause_start, clause_end = a.clause(sentence, offset)
    # A subject stands within a few lines of its verb; the bound keeps run-on text linear.
    clause_start, clause_end = max(clause_start, offset - 2 * CONTEXT), min(clause_end, offset + 2 * CONTEXT)
    after_word = WORD.match(a.prose, offset, clause_end).end()  # type: ignore[union-attr]
    agent = AGENT.match(a.prose, after_word, clause_end)
    if agent:
        follows = a.mentions_between(agent.end(), agent.end() + 1, kinds)
        if follows:
            return follows[0]
    named = [m for m in a.mentions_between(clause_start, offset, kinds) if m.end <= offset]
    if not named:
        return _protagonist(a, clause_start, offset)
    # An appositive that holds a name opens with a comma or dash before it (`_may_hold_appositive`):
    # most clauses have none before their last name, and are not searched.
    skipped = _masked_appositives(a, clause_start, offset) if _may_hold_appositive(a, clause_start, named) else []
    # "as", "than", ... before a name: asked per name only when the scanning pass found one in
    # the clause before the verb (rarely), as `search` would find none otherwise.
    compared = scan_candidates(a, COMPARED)
    may_compare = compared is None or bisect.bisect_left(compared, clause_start + 1) < bisect.bisect_left(
        compared, offset
    )
    candidates = (
        [
            m
            for m in named
            if not (skipped and any(s <= m.start < e for s, e in skipped))
            and not (may_compare and search(a, COMPARED, clause_start + 1, m.start))
        ]
        if skipped or may_compare
        else named  # (most clauses: nothing to pass over, no list copied)
    )
    if not candidates:
        return _protagonist(a, clause_start, offset)
    if PARTICIPLE.match(a.prose, offset, clause_end) and a.prose.find(",", candidates[-1].end, offset) >= 0:
        return candidates[0]  # "Karpathy joined Anthropic, reporting to ...": the main subject
    return candidates[-1]


def attribute(
    a: Analysis,
    sentence: Sentence,
    offset: int,
    facts: list[Fact],
    window: int = 70,
    end: int | None = None,
    subject: Callable[[Analysis, Sentence, int], Mention | None] | None = None,
    rivals: list[tuple[int, int]] | None = None,
) -> Attribution | None:
    """The fact a value at `offset` (to `end`) states, chosen by the nearest cue in the same
    clause whose subject is that fact's subject. Returns None when no fact, or two facts with
    different values, fit equally well. `subject` replaces `subject_of` for finding who a cue
    is about (e.g. `subjects.subject_or_owner`, which also reads "its run rate"). `rivals` are
    the spans of other values of the same kind: a cue nearer a rival than this value belongs to
    the rival ("Tuesday's post came a day after the trial ended on Monday")."""
    who_of = subject or subject_of
    clause_start, clause_end = a.clause(sentence, offset)
    if end is not None and clause_end < sentence.end and not _has_words(a, clause_start, offset, end, clause_end):
        # A timeline entry, "15 May 2026 — The trial ended": the value heads the next clause.
        follows = WORD_CHAR.search(a.prose, clause_end, sentence.end)
        if follows:
            _, clause_end = a.clause(sentence, follows.start())
    lo, hi = max(clause_start, offset - window), min(clause_end, offset + window)
    index = _page_cue_index(a, facts)
    best: list[Attribution] = []
    foreign: list[tuple[int, str | None, dict[str | None, tuple[Fact, ...]], int]] = []  # per cue: others' facts
    # Nearest first (in text order at equal reach): once a cue fits, a farther one can neither
    # beat it nor, as someone else's, claim the value, so its subject is never asked for.
    cues = index.finditer(a, lo, hi)
    if len(cues) > 1:
        cues.sort(key=lambda cue: _reach(cue, offset))
    for cue in cues:
        distance = _reach(cue, offset)
        if best and distance > best[0].distance:
            break
        if rivals and any(_reach(cue, r_start) < distance for r_start, _ in rivals if r_start != offset):
            continue  # the cue is nearer another value of the same kind, which it belongs to
        who = who_of(a, sentence, cue.start())
        by_subject = index.subjects_at(a.prose, cue.start())
        mine = by_subject.get(who.entity, ()) if who is not None and who.entity is not None else ()
        for fact in mine:
            if fact.qualifiers and elsewhere(a, sentence, cue.start(), fact):
                continue  # "He joined Tesla in June 2017" is not about joining Anthropic
            best.append(Attribution(fact, cue.start(), cue.end(), distance))
        if len(by_subject) > (1 if mine else 0):
            # Someone else's predicate ("Google announced ... on 12 June"), or one whose subject
            # is unclear ("The trial ended on Monday 18 May"), claims the value (unless it is
            # placed elsewhere: checked below, only if it matters). One entry per cue, however
            # many of the sheet's facts share its word.
            foreign.append((distance, who.entity if who else None, by_subject, cue.start()))
    if not best or negated(a, sentence, min(offset, best[0].cue_start), max(offset, best[0].cue_end)):
        return None
    if any(
        d < best[0].distance
        and who != best[0].fact.subject
        and any(
            not (f.qualifiers and elsewhere(a, sentence, at, f))
            for subject, group in by_subject.items()
            if subject != who
            for f in group
        )
        for d, who, by_subject, at in foreign
    ):
        return None
    # (one fit, the usual case, states one value: no fact's data is printed to compare)
    return best[0] if len(best) == 1 or len({repr(b.fact.value.data) for b in best}) == 1 else None


OBJECT_PRONOUNS = {"him", "her", "them"}
NOT_A_PERSON = Mention(0, 0, None, "none", "")


def person_after(a: Analysis, sentence: Sentence, offset: int, max_gap: int = 70) -> Mention | None:
    """The person named right after `offset`, past any title words ('team lead Nick Joseph').

    A name followed by a possessive ("Dario Amodei's leadership") is not the person meant, and
    pronouns count only in object form ('reports to him').
    """
    from linter.claims.roles import only_title_words
    from linter.claims.vocabulary import vocabulary

    words = vocabulary(a.sheet).title_words
    for m in a.mentions_between(offset, min(sentence.end, offset + max_gap), {"person"}):
        if not only_title_words(a.prose[offset : m.start], words_ok=words):
            return None
        if m.pronoun and m.text.lower() not in OBJECT_PRONOUNS:
            return None
        if OWNER_S.match(a.prose, m.end, m.end + 2):
            return None
        return m
    return None


class Claim(NamedTuple):
    """A phrase (`match`) whose subject has a fact of the relation a rule checks."""

    sentence: Sentence
    match: re.Match[str]
    fact: Fact
    subject: Mention
    scope: Scope | None = None  # where the clause places it (see `linter.claims.clauses`)

    def read(self, value: str, start: int, end: int, cue: str = "") -> dict[str, object]:
        """The claim as a finding records it (`linter.claims.model.ReadClaim.to_dict`)."""
        from linter.claims.model import ReadClaim, subject_basis

        scope = self.scope or Scope("main", self.sentence.start, self.sentence.end)
        record = ReadClaim(
            self.fact.subject, self.fact.relation, value, start, end, scope, subject_basis(self.subject), cue
        )
        return record.to_dict()


def matches_by_sentence(a: Analysis, pattern: re.Pattern[str]) -> list[tuple[re.Match[str], Sentence]]:
    """Matches of `pattern` in the sentences that can hold a claim, each with its sentence.

    Only stretches of sentences that name someone or something (or speak of "the move") are
    scanned: a claim needs a subject, and skipping the rest keeps every rule's scan cheap. Within
    them the pattern is tried only where the document's one scanning pass (`linter.claims.scan`)
    found one of its literal prefixes; a pattern without such prefixes is searched for."""
    return per_pattern(a, ("matches",), pattern, _matches)


def _matches(a: Analysis, pattern: re.Pattern[str]) -> list[tuple[re.Match[str], Sentence]]:
    candidates = scan_candidates(a, pattern)
    return _searched(a, pattern) if candidates is None else _matched_at(a, pattern, candidates)


def _take(a: Analysis, m: re.Match[str], found: list[tuple[re.Match[str], Sentence]]) -> int:
    """Keeps a match that ends within its sentence; returns where to look on from."""
    sentence = a.sentence_at(m.start())
    if sentence is not None and m.end() <= sentence.end:
        found.append((m, sentence))
        return max(m.end(), m.start() + 1)
    return m.start() + 1  # ran over a sentence end: look again just after where it started


def _searched(a: Analysis, pattern: re.Pattern[str]) -> list[tuple[re.Match[str], Sentence]]:
    """A pattern without prefixes, searched in the claim spans that hold one of the literals
    every match holds (`scan.required`), looked for in the prose as the scanner reads it
    (`scan.spaced`: lower-cased, whitespace as spaces, as `required` spells them)."""
    found: list[tuple[re.Match[str], Sentence]] = []
    need, low = required(pattern), spaced(a.prose)
    for start, end in a.claim_spans():
        if need is not None and low is not None and all(low.find(w, start, end) < 0 for w in need):
            continue
        pos = start
        while (m := pattern.search(a.prose, pos, end)) is not None:
            pos = _take(a, m, found)
    return found


def _matched_at(a: Analysis, pattern: re.Pattern[str], candidates: list[int]) -> list[tuple[re.Match[str], Sentence]]:
    """The candidates in order, each inside its claim span (spans are disjoint and sorted, so one
    position to look on from serves them all), tried with the span's end as the match's bound."""
    found: list[tuple[re.Match[str], Sentence]] = []
    spans, k, pos, match, prose = a.claim_spans(), 0, 0, pattern.match, a.prose
    for at in candidates:
        while k < len(spans) and spans[k][1] <= at:
            k += 1
        if k == len(spans):
            break
        if at < pos or at < spans[k][0]:
            continue
        m = match(prose, at, spans[k][1])
        if m is not None:
            pos = _take(a, m, found)
    return found


def _object_of(a: Analysis, m: re.Match[str]) -> Mention | None:
    """For 'named him ...', 'hired Karpathy to lead ...': the person the predicate is about.
    A pattern's `made_object` group must be a person ('made Karpathy its ...'), else the
    predicate is about something else ('made Anthropic's story more interesting')."""
    for group in ("object", "made_object"):
        if group in m.re.groupindex and m[group] is not None:
            found = a.mentions_between(m.start(group), m.start(group) + 1, {"person"})
            if found:
                return found[0]
            if group == "made_object":
                return NOT_A_PERSON
    return None


def fragment_subject(a: Analysis, sentence: Sentence, offset: int) -> Mention | None:
    """'- Joined Anthropic in May to lead X': a list item or timeline entry that starts with its
    verb is about the person the text was just talking about."""
    return previous_if_fragment(a, sentence, offset)


def predicate_claims(a: Analysis, pattern: re.Pattern[str], relation: str) -> list[Claim]:
    """Every match of `pattern` whose clause subject has a `relation` fact, skipping claims the
    clause places at another employer or an earlier time than the fact."""
    facts = a.sheet.facts_by_subject(relation)
    claims: list[Claim] = []
    if not facts:
        return claims
    # "He has joined Anthropic and will report to ...": when every subject of the relation is a
    # person, the organisation nearer the verb is its object, not its subject.
    kinds = frozenset({a.sheet.entities[s].kind for s in facts} | {"ambiguous"})
    for m, sentence in matches_by_sentence(a, pattern):
        subject = (
            _object_of(a, m) or subject_of(a, sentence, m.start(), kinds) or fragment_subject(a, sentence, m.start())
        )
        if subject is NOT_A_PERSON:
            continue
        if subject is None or subject.entity not in facts:
            continue
        found = fitting_fact(a, sentence, m.start(), m.end(), facts[subject.entity])
        if found is not None:
            claims.append(Claim(sentence, m, found[0], subject, found[1]))
    return claims
