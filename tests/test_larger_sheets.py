"""A sheet that also holds other people's facts changes nothing a page about this event is told.

The default sheet is extended with renamed copies of every entity and fact (`bench.scaled_sheet`):
other people, announcing, joining and holding titles with the same cue words. A page's findings
must be the same against the larger sheet, whether the copies' names share the originals' words
or are words of their own. (What the larger sheet costs is measured by `bench/instructions.py
--sheet-factor`, not timed here.)"""

from __future__ import annotations

from functools import cache

import pytest

from bench.scaled_sheet import scaled_sheet
from linter.annotate.analysis import Analysis
from linter.claims.predicates import attribute, cue_index
from linter.documents import Document
from linter.engine import lint
from linter.registry import registry
from linter.sheet import Sheet, default_sheet
from tests.test_anchored import corpus

WRONG = (
    "Andrej Karpathy announced on 12 June 2026 that he had joined Anthropic. "
    "Karpathy reports to Sam Altman. "
    "Anthropic CEO Andrej Karpathy welcomed the team. "
    "Andrej Karpathy joined OpenAI in 2012."
)


def findings(text: str, sheet: Sheet) -> list[tuple[str, int, int, str, str]]:
    out = lint(Document("t", text), sheet, registry().engine_rules())
    return [(f.rule, f.start, f.end, f.fact, f.expected) for f in out]


@cache
def larger(distinct: bool) -> Sheet:
    return scaled_sheet(4, distinct=distinct)


@pytest.mark.parametrize("distinct", [False, True], ids=["shared-names", "own-names"])
def test_a_larger_sheet_flags_the_same_wrong_statements(distinct: bool) -> None:
    expected = findings(WRONG, default_sheet())
    assert len({f[0] for f in expected}) >= 3  # a date, a reporting line, a title and a year at least
    assert findings(WRONG, larger(distinct)) == expected


@pytest.mark.parametrize("distinct", [False, True], ids=["shared-names", "own-names"])
def test_a_larger_sheet_gives_the_same_findings_on_articles(distinct: bool) -> None:
    texts = corpus()[:12]
    assert sum(len(findings(t, default_sheet())) for t in texts) > 20
    for text in texts:
        assert findings(text, larger(distinct)) == findings(text, default_sheet())


def test_a_cue_shared_by_many_people_is_read_as_one_persons_facts_and_everyone_elses() -> None:
    """'announced' is a cue of Karpathy's announcement and of each copy's: the value goes to the
    fact of the cue's subject, and the other people's facts stand as one group each."""
    sheet = larger(True)
    text = "Andrej Karpathy announced on 12 June 2026 that he had joined Anthropic."
    a = Analysis(Document("t", text), sheet)
    facts = [f for f in sheet.facts if f.value.type == "date"]
    index = cue_index(tuple(facts))
    cue = text.index("announced")
    by_subject = index.subjects_at(text, cue)
    assert {"karpathy", "karpathy-1", "karpathy-2", "karpathy-3"} <= set(by_subject)
    assert all(f.subject == subject for subject, group in by_subject.items() for f in group)
    found = attribute(a, a.sentences[0], text.index("12 June"), facts, end=text.index(" that"))
    assert found is not None and found.fact.subject == "karpathy"


def test_titles_at_an_organisation_are_indexed_in_the_order_of_their_holders() -> None:
    sheet = larger(True)
    at_anthropic = sheet.facts_at_org("title", "anthropic")
    walked = [f for facts in sheet.facts_by_subject("title").values() for f in facts if f.org == "anthropic"]
    assert at_anthropic == walked and len(walked) > 1
    assert sheet.facts_at_org("title", "no-such-org") == []
