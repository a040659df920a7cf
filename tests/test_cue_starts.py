"""`CueIndex.finditer` (cues tried only where the document's one pass found one beginning) finds
exactly what the cue pattern's own `finditer` finds in the same window: on generated and labelled
articles, in windows of every size, and on random text made of cue pieces and the characters
that fold onto ASCII letters (where the pass is not trusted and the pattern searches)."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.annotate.analysis import Analysis
from linter.claims.moves import FROM_TO
from linter.claims.predicates import cue_index, cue_pass
from linter.claims.scan import candidates, spaced
from linter.documents import Document
from linter.sheet import default_sheet
from tests.test_anchored import corpus

PIECES = [
    " ", "\n", "-", ",", "’", "joined", "Joined", "JOIN", "rejoined", "co-founded", "announced", "announc",
    "in 2025", "In  2025", "led", "Led", "ledger", "a year earlier", "IPO by", "ipo", "\u212a", "\u017f", "x",
]  # fmt: skip


def _indexes() -> list[object]:
    sheet = default_sheet()
    by_relation: dict[str, list[object]] = {}
    for fact in sheet.facts:
        by_relation.setdefault(fact.relation, []).append(fact)
    return [cue_index(tuple(facts)) for facts in by_relation.values()] + [cue_index(tuple(sheet.facts))]


def _same_in_windows(text: str, rng: random.Random, windows: int) -> None:
    a = Analysis(Document("t", text), default_sheet())
    for index in _indexes():
        for _ in range(windows):
            start = rng.randint(0, len(text))
            end = rng.randint(start, min(len(text), start + rng.choice([5, 40, 140, 2000])))
            want = [m.span() for m in index.pattern.finditer(text, start, end)]  # type: ignore[attr-defined]
            assert [m.span() for m in index.finditer(a, start, end)] == want  # type: ignore[attr-defined]


def test_cue_windows_match_the_plain_pattern_on_articles() -> None:
    rng = random.Random(5)
    for text in corpus()[:12]:
        _same_in_windows(text, rng, 40)
    every, starts = cue_pass(Analysis(Document("t", corpus()[0]), default_sheet()))
    assert starts and "joined" in every  # the one pass was made, and it covers the cue


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join), st.integers(0, 2**32))
def test_cue_windows_match_the_plain_pattern_on_random_text(text: str, seed: int) -> None:
    _same_in_windows(text, random.Random(seed), 8)


def plain_facts_at(index: object, text: str, start: int) -> tuple[object, ...]:
    """`CueIndex.facts_at` as it was: every cue length asked for, longest first."""
    found: list[object] = []
    for length in index.lengths:  # type: ignore[attr-defined]
        for fact in index.by_cue.get(text[start : start + length].lower(), []):  # type: ignore[attr-defined]
            if fact not in found:
                found.append(fact)
    return tuple(found)


def plain_subjects_at(index: object, text: str, start: int) -> dict[object, tuple[object, ...]]:
    """Those facts by subject, each subject's in the same order."""
    by_subject: dict[object, list[object]] = {}
    for fact in plain_facts_at(index, text, start):
        by_subject.setdefault(fact.subject, []).append(fact)  # type: ignore[attr-defined]
    return {subject: tuple(facts) for subject, facts in by_subject.items()}


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_the_facts_of_the_cues_at_an_offset_are_those_every_cue_length_finds(text: str) -> None:
    """Only the lengths of the cues that begin with the text's head there are asked for."""
    for index in _indexes():
        if not index.lengths:  # type: ignore[attr-defined]
            continue  # no cues: never asked (no cue is found)
        for start in range(len(text) + 1):
            assert index.facts_at(text, start) == plain_facts_at(index, text, start)  # type: ignore[attr-defined]


def test_the_facts_of_the_cues_at_every_cue_of_articles() -> None:
    found = several = 0
    for text in corpus()[:8]:
        for index in _indexes():
            for m in index.pattern.finditer(text):  # type: ignore[attr-defined]
                facts = index.facts_at(text, m.start())  # type: ignore[attr-defined]
                assert facts == plain_facts_at(index, text, m.start())
                by_subject = index.subjects_at(text, m.start())  # type: ignore[attr-defined]
                assert by_subject == plain_subjects_at(index, text, m.start())
                assert list(by_subject) == list(dict.fromkeys(f.subject for f in facts))
                found += bool(facts)
                several += len(by_subject) > 1
    assert found > 100
    assert several > 0  # cues shared by several people's facts were among them


def test_the_cue_pass_finds_every_offset_a_cue_begins_a_word_each_once() -> None:
    """The cues are looked for in the page's scanning pass (`scan.scan_page`), by the cues no
    other cue begins ('annualised', not 'annualised revenue'), in the text as that pass reads it
    (whitespace as a space: 'a year earlier' also where a line break stands for its space, which
    the cue pattern's match then rejects): every offset where any cue begins a word, each once."""
    texts = [
        *corpus()[:6],
        "Annualised revenue, annualised; co-founded cofounded ledger led",
        "A year\nearlier, a year",
    ]
    for text in texts:
        a = Analysis(Document("t", text), default_sheet())
        every, starts = cue_pass(a)
        low = spaced(text)
        assert low is not None
        begins = {at for cue in every for at in range(len(low)) if low.startswith(cue, at)}
        assert starts == sorted(at for at in begins if at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "_-"))
    assert cue_pass(Analysis(Document("t", texts[-1]), default_sheet()))[1] == [0]


def test_the_cue_pass_is_the_same_before_and_after_the_pages_pattern_pass() -> None:
    """Asked first on a page, the cue pass scans for the claim patterns too; asked after the
    patterns' pass, it makes a pass for the cues alone: the same offsets either way, and the
    patterns' candidates are the same too."""
    for text in corpus()[:4]:
        first = Analysis(Document("t", text), default_sheet())
        cues_first, patterns_after = cue_pass(first), candidates(first, FROM_TO)
        later = Analysis(Document("t", text), default_sheet())
        patterns_first, cues_after = candidates(later, FROM_TO), cue_pass(later)
        assert cues_first == cues_after and cues_first[1]
        assert patterns_after == patterns_first
