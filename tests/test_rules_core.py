"""Issue #2 rules beyond their own example tables: flagged cases with span, expected value and
suggestion; correct paraphrases; near-misses (another person, employer or year)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.helpers import flagged, spans, the_finding

FLAGGED = [
    # (text, rule, span, expected fragment, suggestion)
    ("Andrej Karpathy announced on 12 June that he had joined Anthropic.", "FL101", "12 June", "19 May 2026", "19 May"),
    ("Karpathy posted on 2026-05-21 that he is joining Anthropic.", "FL101", "2026-05-21", "19 May", "2026-05-19"),
    ("On May 20th, 2026, Karpathy announced his move.", "FL101", "May 20th, 2026", "19 May", "May 19th, 2026"),
    ("Karpathy revealed the news in May 2025.", "FL101", "May 2025", "19 May 2026", None),
    ("TechCrunch first reported the hire on 21 May.", "FL101", "21 May", "19 May", "19 May"),
    ("Karpathy announced on Wednesday that he had joined Anthropic.", "FL102", "Wednesday", "Tuesday", "Tuesday"),
    ("Karpathy posted the news on Thursday, May 19, 2026.", "FL102", "Thursday", "Tuesday", "Tuesday"),
    ("Karpathy reports to Sam Altman.", "FL201", "Sam Altman", "Nick Joseph", "Nick Joseph"),
    ("Karpathy will be reporting directly to Dario Amodei.", "FL201", "Dario Amodei", "Nick Joseph", "Nick Joseph"),
    ("Karpathy joined Anthropic. His new boss is Dario Amodei.", "FL201", "Dario Amodei", "Nick Joseph", "Nick Joseph"),
    ("Karpathy works under John Schulman at Anthropic.", "FL201", "John Schulman", "Nick Joseph", "Nick Joseph"),
    ("Karpathy will work under Jane Doe on the pre-training team.", "FL201", "Jane Doe", "Nick Joseph", "Nick Joseph"),
    (
        "Nick Joseph, Anthropic's chief scientist, welcomed him.",
        "FL301",
        "chief scientist",
        "head of pre-training",
        "head of pre-training",
    ),
    ("Anthropic CEO Nick Joseph welcomed him.", "FL301", "CEO", "head of pre-training", "head of pre-training"),
    ("Dario Amodei, OpenAI's CEO, said nothing.", "FL301", "CEO", "Sam Altman", None),
    ("Karpathy joined Anthropic's safety team.", "FL401", "safety", "pre-training team", "pre-training"),
    (
        "Karpathy was hired to lead Claude's alignment research.",
        "FL402",
        "Claude's alignment research",
        "new sub-team",
        None,
    ),
    ("Karpathy announced the news on LinkedIn.", "FL501", "LinkedIn", "a post on X", None),
    ("Andrej Karpathy tweeted that he had joined Anthropic.", None, None, None, None),
    ("Safe Superintelligence founder Mira Murati kept quiet.", "FL301", "founder", "Ilya Sutskever", None),
    ("Anthropic has made Karpathy its pre-training chief.", "FL402", "pre-training chief", "new sub-team", None),
    ("Ross Nordeen, a founding member of xAI, joined Anthropic in April.", "FL101", "April", "May 2026", None),
    ("The trial ended on Monday 18 May; Karpathy posted on 20 May.", "FL101", "20 May", "19 May", "19 May"),
    ("The move was announced in a post by Nick Joseph.", "FL501", "Nick Joseph", "own post on X", None),
    (
        "Karpathy will work under Daniela Amodei, the president.",
        "FL201",
        "Daniela Amodei",
        "Nick Joseph",
        "Nick Joseph",
    ),
    ("On Monday, May 19, Karpathy told his followers that he had joined.", "FL102", "Monday", "Tuesday", "Tuesday"),
]


@pytest.mark.parametrize(("text", "rule", "span", "expected", "suggestion"), FLAGGED)
def test_flagged(text: str, rule: str | None, span: str | None, expected: str | None, suggestion: str | None) -> None:
    found = flagged(text)
    if rule is None:
        assert found == []
        return
    assert the_finding(text, rule, span, expected or "", suggestion).severity == "error"


SILENT = [
    # Correct paraphrases.
    "Karpathy broke the news on X on Tuesday, 19 May 2026.",
    "On 19 May, Andrej Karpathy said he had joined Anthropic's pretraining group.",
    "He now reports to Nick Joseph, who runs pre-training at Anthropic.",
    "Karpathy, who reports to Anthropic's head of pre-training, will build a new team.",
    "Joseph, Anthropic's pre-training lead, welcomed Andrej on X the same day.",
    "Dario Amodei, Anthropic's chief executive, has called this a critical window.",
    "Karpathy will start a small team that uses Claude to speed up pre-training research.",
    "The former Tesla director of AI joined Anthropic's pre-training team.",
    # Near-misses: another person, another employer, another time.
    "At Tesla, Karpathy reported to Elon Musk.",
    "Back at OpenAI in 2023 he worked under Sam Altman.",
    "Chris Rohlf joined the frontier red team on the same day.",
    "Rohlf reports to the head of the frontier red team.",
    "Nick Joseph, who reports to Dario Amodei, leads pre-training.",
    "OpenAI filed its confidential S-1 on May 22.",
    "Google announced a new model on 12 June, weeks after Karpathy's post.",
    "Sam Altman, OpenAI's CEO, did not comment.",
    "Elon Musk, Tesla's chief executive, once praised Karpathy.",
    "Nick Jonas said he was thrilled. He reports to his manager, Sam Altman.",
    "Karpathy previously led the computer vision team at Tesla.",
    "Anthropic's head of product announced the news on LinkedIn.",
    "Karpathy, who once reported to Elon Musk, now works under Nick Joseph.",
    "Dario Amodei announced on 21 May that Anthropic's revenue had grown.",
    "In 2017 Karpathy joined Tesla's Autopilot team.",
    "Elon Musk, once Karpathy's boss at Tesla, praised him.",
    "Mira Murati, OpenAI's former CTO, started Thinking Machines.",
    # Denials and distance: the text does not make the claim.
    "Karpathy does not report to Sam Altman.",
    "Karpathy joined pre-training rather than the safety team.",
    "Karpathy didn't announce the move on LinkedIn.",
    "Contrary to early reports, Karpathy did not announce the news on 12 June.",
    "Some reports wrongly said Karpathy was named head of pre-training.",
    # Questions and other texts' claims are not the writer's claims.
    "Does Karpathy report to Sam Altman, or to Dario Amodei? Neither.",
    "It said he left Tesla in 2023 and announced the move on LinkedIn.",
    "The article described Nick Joseph as Anthropic's chief scientist.",
    # Values that belong to other predicates or other people.
    "Tuesday's post came a day after the Musk v. Altman trial ended on Monday.",
    "The trial ended on Monday 18 May, the day before Karpathy's post.",
    "I joined Tesla in 2019, two years after Andrej did, and spent three years there.",
    "Nick Joseph posted a welcome the same day. Karpathy will be reporting to him.",
    "Tesla chief Elon Musk put him in charge of computer vision.",
    "Karpathy just made Anthropic's safety story more interesting.",
    # "him" is not the subject of its own verb; a correction notice reports its own old errors.
    "Nick Joseph is head of pre-training, and Karpathy reports to him.",
    "We originally said Karpathy announced the move on LinkedIn on 20 May.",
    "Our headline said Karpathy had quit OpenAI to join Anthropic.",
    "OpenAI, for its part, filed confidentially for a listing on 22 May.",
    # A namesake is not the sheet's person: Daniela Amodei is not Dario Amodei.
    "Daniela Amodei, Anthropic's president, said nothing.",
]


@pytest.mark.parametrize("text", SILENT)
def test_silent(text: str) -> None:
    assert spans(text) == []


def test_relative_date_uses_the_articles_own_date() -> None:
    text = "LONDON, Friday, May 22, 2026 — Karpathy announced yesterday that he had joined Anthropic."
    (finding,) = flagged(text, "FL103")
    assert finding.found == "yesterday"
    assert "2026-05-21" in finding.message


def test_relative_date_published_option_and_silence_without_a_date() -> None:
    text = "Karpathy announced last Tuesday that he had joined Anthropic."
    assert spans(text) == []
    assert spans(text, "FL103", published=dt.date(2026, 5, 22)) == []  # last Tuesday = 19 May
    assert spans(text, "FL103", published=dt.date(2026, 5, 28)) == ["last Tuesday"]  # = 26 May


def test_disputed_fact_outside_every_sources_range_is_an_error() -> None:
    """The sources put the start between 19 and 25 May: 2 June contradicts all of them."""
    (finding,) = flagged("Karpathy joined Anthropic on 2 June 2026.")
    assert finding.severity == "error"
    assert finding.fact == "joined-date"


def test_disputed_fact_between_the_sources_values_warns() -> None:
    (finding,) = flagged("Karpathy joined Anthropic on 22 May 2026.")
    assert finding.severity == "warning"
    assert {"002", "004"} <= set(finding.sources)


def test_disputed_alternative_names_its_source() -> None:
    (finding,) = flagged("Karpathy started at Anthropic on May 25.")
    assert finding.severity == "warning"
    assert "004" in finding.sources


def test_pronoun_resolves_to_last_person_named() -> None:
    text = "Nick Joseph welcomed the hire. He reports to Dario Amodei. Karpathy said he reports to Sam Altman."
    assert spans(text, "FL201") == ["Sam Altman"]
