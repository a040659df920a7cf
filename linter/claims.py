"""Who and what a claim is about: shared by every rule that ties a value in the text to a fact.

A value (a date, a year, an amount) is attributed to a fact only when the same clause has one of
the fact's cue words near the value and the cue's grammatical subject is the fact's subject.
Anything less certain is left alone: silence is cheaper than a false alarm.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from linter.analysis import Analysis
from linter.mentions import Mention
from linter.sheet import Fact
from linter.text import Sentence

SUBJECT_KINDS = {"person", "organisation", "outlet", "event", "ambiguous"}
# ", an OpenAI co-founder," / ", who led AI at Tesla," — descriptions between commas or dashes
# whose names are not the subject of the clause around them.
APPOSITIVE = re.compile(
    r"(?:,|\s[—–])\s+(?:an?|the|former|who|which|whose|one|also|now|then|its|his|her|[A-Z]\w*['’]s)\b[^,—–]*?(?:,|\s[—–])"
)
AGENT = re.compile(r"^\s+(?:first\s+|initially\s+|also\s+)?by\s+")


@dataclass(frozen=True)
class Attribution:
    fact: Fact
    cue_start: int
    cue_end: int
    distance: int


@lru_cache(maxsize=512)
def cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    """Cues match at a word start ('announc' matches 'announced' and 'announcement')."""
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(c) for c in cues) + r")", re.IGNORECASE)


def _masked_appositives(a: Analysis, start: int, end: int) -> list[tuple[int, int]]:
    text = a.prose[start:end]
    return [(start + m.start() + 1, start + m.end() - 1) for m in APPOSITIVE.finditer(text)]


def subject_of(a: Analysis, sentence: Sentence, offset: int) -> Mention | None:
    """The subject of the predicate at `offset`: an agent ('reported by TechCrunch'), else the
    nearest name or resolved pronoun before it in its clause, skipping appositives."""
    clause_start, clause_end = a.clause(sentence, offset)
    word = re.match(r"[\w-]*", a.prose[offset:clause_end])
    after_word = offset + (word.end() if word else 0)
    agent = AGENT.match(a.prose[after_word:clause_end])
    if agent:
        follows = a.mentions_between(after_word + agent.end(), after_word + agent.end() + 1, SUBJECT_KINDS)
        if follows:
            return follows[0]
    skipped = _masked_appositives(a, clause_start, offset)
    candidates = [
        m
        for m in a.mentions_between(clause_start, offset, SUBJECT_KINDS)
        if m.end <= offset and not any(s <= m.start < e for s, e in skipped)
    ]
    return candidates[-1] if candidates else None


def attribute(a: Analysis, sentence: Sentence, offset: int, facts: list[Fact], window: int = 70) -> Attribution | None:
    """The fact a value at `offset` states, chosen by the nearest cue in the same clause whose
    subject is that fact's subject. Returns None when no fact, or two facts with different
    values, fit equally well."""
    clause_start, clause_end = a.clause(sentence, offset)
    lo, hi = max(clause_start, offset - window), min(clause_end, offset + window)
    best: list[Attribution] = []
    for fact in facts:
        if not fact.cues:
            continue
        for cue in cue_pattern(fact.cues).finditer(a.prose, lo, hi):
            subject = subject_of(a, sentence, cue.start())
            if subject is None or subject.entity != fact.subject:
                continue
            distance = cue.start() - offset if cue.start() >= offset else offset - cue.end()
            found = Attribution(fact, cue.start(), cue.end(), distance)
            if not best or distance < best[0].distance:
                best = [found]
            elif distance == best[0].distance:
                best.append(found)
    if not best:
        return None
    values = {repr(b.fact.value.data) for b in best}
    return best[0] if len(values) == 1 else None
