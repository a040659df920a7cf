"""The sheet applies only to documents about its event; covered statements are counted."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.annotate.analysis import Analysis
from linter.api import check_text
from linter.claims.relevance import coverage
from linter.documents import build_document
from linter.sheet import default_sheet, load_sheet


def cover(text: str, sheet=None):
    sheet = sheet or default_sheet()
    return coverage(Analysis(build_document(text, "<t>", "text"), sheet))


def test_an_off_topic_page_is_not_judged():
    text = "Our round-up of the week: the new Teslas sold well, and Anthropc shipped a new model on 3 June 2026."
    assert not cover(text).applies
    _, findings = check_text(text)
    assert findings == []


def test_a_page_naming_the_protagonist_is_judged():
    text = "Andrej Karpathy joined Anthropic. He announced it on LinkedIn on 12 June 2026."
    result = cover(text)
    assert result.applies
    assert result.statements == 2
    _, findings = check_text(text)
    assert findings


def test_a_pronoun_alone_does_not_make_a_page_about_the_event():
    assert not cover("He joined Anthropic on 19 May 2026.").applies


def test_another_person_of_the_event_is_enough():
    text = "Nick Joseph, Anthropic's chief scientist, welcomed the hire."
    assert cover(text).applies
    _, findings = check_text(text)
    assert [f.rule for f in findings] == ["FL301"]


def test_lone_sentences_can_still_be_judged_on_request():
    text = "Anthropic's annualised revenue run rate hit $40 billion in April."
    assert check_text(text)[1] == []
    assert [f.rule for f in check_text(text, whole_page=False)[1]] == ["FL901"]


def test_sentences_without_a_claim_are_not_counted():
    text = "Andrej Karpathy joined Anthropic on 19 May 2026. The weather was fine. Readers liked it."
    assert cover(text).statements == 1


def test_another_sheet_has_its_own_event_people():
    sheet = load_sheet(Path(__file__).parent / "sheets" / "harbor-bridge-2025.toml")
    assert sheet.people
    assert not cover("Andrej Karpathy joined Anthropic on 19 May 2026.", sheet).applies


def test_every_flagged_statement_is_counted_as_checked():
    from linter.api import check

    checked = check("Andrej Karpathy reports to Sam Altman. Anthropic raised a $20 billion funding round.")
    assert len({f.line for f in checked.findings}) <= checked.coverage.statements
    assert checked.coverage.statements >= 1


def plain_statements(a: Analysis, judged: list[int]) -> int:
    """What `coverage` counts, sentence by sentence with a lookup of each one's mentions, and
    cue words found by substring search."""
    from linter.annotate.analysis import YEAR
    from linter.claims import relevance

    index = relevance._facts_by_subject(a.sheet)
    flagged = {s.number for offset in judged if (s := a.sentence_at(offset)) is not None}
    count = 0
    for s in a.sentences:
        named = {m.entity for m in a.mentions_in(s) if m.entity}
        subjects = named & index.keys()
        if s.number in flagged or (
            subjects
            and (
                set().union(*(index[e][0] for e in subjects)) & named
                or a.dates_in(s)
                or relevance.QUOTE_MARK.search(s.text)
                or YEAR.search(s.text)
                or any(cue in s.text.lower() for e in subjects for cue in index[e][1])
            )
        ):
            count += 1
    return count


def test_statements_are_counted_as_sentence_by_sentence_with_a_substring_search_for_cues(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The page's mentions are grouped by sentence in one walk and cue words found by one
    automaton: the count is the same as a lookup per sentence and a substring search per cue,
    with or without sentences a rule judged."""
    import random

    from bench.generated import make_article, paragraphs
    from linter.claims import relevance
    from linter.documents import Document

    rng, pool = random.Random(6), paragraphs()
    analyses = [
        Analysis(Document("x", make_article(rng, pool, rng.randint(1000, 9000))), default_sheet()) for _ in range(12)
    ]
    judged = [[rng.randrange(len(a.prose)) for _ in range(rng.randint(0, 6))] for a in analyses]
    found = [coverage(a, j).statements for a, j in zip(analyses, judged, strict=True)]
    assert found == [plain_statements(a, j) for a, j in zip(analyses, judged, strict=True)]
    monkeypatch.setattr(relevance, "_cue_finder", lambda sheet: None)  # the substring search
    assert found == [coverage(a, j).statements for a, j in zip(analyses, judged, strict=True)]
    assert sum(found) > 50
