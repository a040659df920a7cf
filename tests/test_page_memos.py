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
