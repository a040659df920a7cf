"""What the claim layer keeps for a page by a list's identity follows the list."""

from __future__ import annotations

from linter.annotate.analysis import Analysis
from linter.claims.predicates import _page_cue_index, cue_index
from linter.documents import Document
from linter.sheet import default_sheet


def test_a_page_cue_index_is_the_lists_own_and_changes_with_it() -> None:
    sheet = default_sheet()
    a = Analysis(Document("x", "Karpathy joined Anthropic in May 2026."), sheet)
    facts = list(sheet.facts_of_type("date"))
    assert _page_cue_index(a, facts) is cue_index(tuple(facts))
    assert _page_cue_index(a, facts) is _page_cue_index(a, facts)
    facts.pop()
    assert _page_cue_index(a, facts) is cue_index(tuple(facts))


def test_a_checked_page_leaves_no_reference_cycle() -> None:
    """Each page's analysis and memos are freed by reference counting when the check ends: a
    cycle (a memo entry holding the analysis) leaves them all to the garbage collector."""
    import gc
    import random

    from bench.generated import make_article, paragraphs
    from linter.engine import lint
    from linter.registry import registry

    rng, pool = random.Random(2), paragraphs()
    texts = [make_article(rng, pool, rng.randint(3000, 6000)) for _ in range(3)]
    rules = registry().engine_rules()
    lint(Document("warm", texts[0]), default_sheet(), rules)  # first use fills caches
    gc.collect()
    gc.disable()
    try:
        for i, text in enumerate(texts):
            lint(Document(f"a{i}", text), default_sheet(), rules)
        assert gc.collect() == 0
    finally:
        gc.enable()
