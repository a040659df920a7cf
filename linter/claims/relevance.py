"""Does the sheet apply to this document at all, and how many of its statements does it cover?

A sheet describes one event. A tech round-up that mentions "Teslas" in passing is not about that
event, and judging it against the sheet only produces noise, so the engine reports nothing on a
document the sheet does not apply to. For a document it does apply to, a clean result should not
read as "verified": `statements` counts the sentences that make a claim the sheet covers, so a
reader sees "12 statements checked, none contradicts the sheet".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

import ahocorasick  # type: ignore[import-not-found]

from linter.annotate.analysis import YEAR, Analysis
from linter.annotate.text import Sentence
from linter.claims.per_sentence import by_sentence
from linter.sheet import Sheet

QUOTE_MARK = re.compile(r"[\"“”«»„]")


class Coverage(NamedTuple):
    """What the sheet has to say about one document."""

    applies: bool
    statements: int
    reason: str


def applies(analysis: Analysis) -> bool:
    """The sheet applies when the document names one of the event's people (a pronoun or a
    passing brand name is not enough)."""
    named = {m.entity for m in analysis.mentions if m.entity and not m.pronoun}
    return not analysis.sheet.people.isdisjoint(named)


def coverage(analysis: Analysis, judged: Iterable[int] = ()) -> Coverage:
    """Whether the sheet applies, and if so how many statements it covers, counted sentence by
    sentence, every sentence a rule judged (`judged`: offsets of findings) among them."""
    if not applies(analysis):
        return Coverage(False, 0, f"the document names none of the people of {analysis.sheet.title!r}")
    flagged = {s.number for offset in judged if (s := analysis.sentence_at(offset)) is not None}
    index = _facts_by_subject(analysis.sheet)
    covered = {
        sentence.number
        for sentence, mentions in by_sentence(analysis, [m for m in analysis.mentions if m.entity])
        if sentence.number not in flagged
        and _covered(analysis, sentence, {m.entity for m in mentions if m.entity}, index)
    }
    return Coverage(True, len(flagged) + len(covered), "the document names the event's people")


def _covered(
    analysis: Analysis, sentence: Sentence, named: set[str], index: dict[str, tuple[frozenset[str], tuple[str, ...]]]
) -> bool:
    """Does this sentence, which names the entities `named`, say something about a fact's
    subject that the sheet has a value for?"""
    subjects = named & index.keys()
    if not subjects:
        return False
    for subject in subjects:  # a value of the subject's facts named beside it
        if not index[subject][0].isdisjoint(named):
            return True
    if analysis.dates_in(sentence) or QUOTE_MARK.search(sentence.text) or YEAR.search(sentence.text):
        return True  # (the cheap tests first: the cue words are looked for last)
    text = sentence.text.lower()
    finder = _cue_finder(analysis.sheet)
    if finder is None:
        return any(cue in text for e in subjects for cue in index[e][1])
    automaton, owners = finder
    return any(not owners[cue].isdisjoint(subjects) for _, cue in automaton.iter(text))


@lru_cache(maxsize=64)
def _facts_by_subject(sheet: Sheet) -> dict[str, tuple[frozenset[str], tuple[str, ...]]]:
    """Per fact subject, the entities its facts name as values and their cue words (lower case):
    what `_covered` looks for, gathered once per sheet so a sentence costs the same whatever the
    sheet's size."""
    values: dict[str, set[str]] = {}
    cues: dict[str, list[str]] = {}
    for fact in sheet.facts:
        entity = fact.value.data.get("entity")
        values.setdefault(fact.subject, set()).update([entity] if isinstance(entity, str) else [])
        cues.setdefault(fact.subject, []).extend(cue.lower() for cue in fact.cues)
    return {s: (frozenset(values[s]), tuple(dict.fromkeys(cues[s]))) for s in values}


@lru_cache(maxsize=64)
def _cue_finder(sheet: Sheet) -> tuple[ahocorasick.Automaton, dict[str, frozenset[str]]] | None:
    """Every fact subject's cue words (lower case) in one automaton, with the subjects each
    belongs to: a sentence is read once for all of them, instead of a substring search for each
    of the sheet's ~130 cues. None when there are none (or an empty cue, found everywhere)."""
    owners: dict[str, set[str]] = {}
    for subject, (_, cues) in _facts_by_subject(sheet).items():
        for cue in cues:
            owners.setdefault(cue, set()).add(subject)
    if not owners or "" in owners:
        return None
    automaton = ahocorasick.Automaton()
    for cue in owners:
        automaton.add_word(cue, cue)
    automaton.make_automaton()
    return automaton, {cue: frozenset(subjects) for cue, subjects in owners.items()}
