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


def test_cue_words_found_by_the_automaton_count_the_statements_a_substring_search_counts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import random

    from bench.generated import make_article, paragraphs
    from linter.annotate.analysis import Analysis
    from linter.claims import relevance
    from linter.documents import Document
    from linter.sheet import default_sheet

    rng, pool = random.Random(6), paragraphs()
    analyses = [
        Analysis(Document("x", make_article(rng, pool, rng.randint(1000, 9000))), default_sheet()) for _ in range(12)
    ]
    found = [[relevance._covered(a, s) for s in a.sentences] for a in analyses]
    monkeypatch.setattr(relevance, "_cue_finder", lambda sheet: None)  # the substring search
    assert found == [[relevance._covered(a, s) for s in a.sentences] for a in analyses]
    assert sum(map(sum, found)) > 50
