"""`CueIndex.finditer` (cues tried only where the document's one pass found one beginning) finds
exactly what the cue pattern's own `finditer` finds in the same window: on generated and labelled
articles, in windows of every size, and on random text made of cue pieces and the characters
that fold onto ASCII letters (where the pass is not trusted and the pattern searches)."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.annotate.analysis import Analysis
from linter.claims.predicates import cue_index, cue_pass
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
