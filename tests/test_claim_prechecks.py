"""Cheap tests the claim readers run before a costly search: each must let through every text
the search would match (the search itself still decides)."""

from __future__ import annotations

import random

from bench.generated import make_article, paragraphs
from linter.claims.clauses import CUE_BEFORE, _may_end_with_cue

CUES = [
    "at", "with", "for", "from", "while at", "when he was at", "when she was at", "back at",
    "during his time at", "during their years at", "before joining", "after leaving", "after departing",
    "left", "leaving", "departing", "join", "joins", "joined", "joining", "rejoined", "went to", "moved to",
    "came back to", "leaves for", "left for", "chat", "AT", "Joined", "JOINS", "joinſ", "ſtint at",
]  # fmt: skip


def test_every_text_ending_with_a_cue_passes_the_precheck() -> None:
    for cue in CUES:
        for tail in (" ", "  ", "\n", " the ", "\tthe\n", " the", " The ", "the ", ""):
            for head in ("", "He ", "x" * 30 + " "):
                before = (head + cue + tail)[-40:]
                if CUE_BEFORE.search(before):
                    assert _may_end_with_cue(before), before


def test_the_precheck_lets_through_every_window_the_search_matches_on_articles() -> None:
    rng, pool = random.Random(5), paragraphs()
    matched = 0
    for text in [make_article(rng, pool, rng.randint(2000, 8000)) for _ in range(6)]:
        for end in range(len(text)):
            before = text[max(0, end - 40) : end]
            if CUE_BEFORE.search(before):
                matched += 1
                assert _may_end_with_cue(before), before
    assert matched > 100
