"""FL901 figures, and the number reading behind FL602/FL901: amounts in every common form,
hedges and precision; a figure that belongs to another fact, a sum or a named round stays silent;
a disputed fact's figure outside every source's value is an error."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from linter.annotate.numbers import find_quantities, format_like
from linter.sheet import Value, load_sheet
from tests.helpers import flagged, the_finding

FLAGGED = [
    # (text, span, expected fragment, suggestion, severity)
    ("Anthropic's annualised revenue run rate hit $40 billion in April.", "$40 billion", "$30 billion",
     "$30 billion", "error"),
    ("Anthropic's run rate reached $3bn in April 2026.", "$3bn", "$30 billion", "$30bn", "error"),
    ("Anthropic's revenue run rate stood at US$300M.", "US$300M", "$30 billion", "US$30B", "error"),
    ("Anthropic's revenue run rate is now 20 billion dollars.", "20 billion dollars", "$30 billion",
     "30 billion dollars", "error"),
    ("Anthropic is not short of money.\n\nIts annualised revenue run rate hit $40 billion in April.", "$40 billion",
     "$30 billion", "$30 billion", "error"),
    ("Anthropic's run rate reached $30bn in April, up from roughly $5bn at the end of 2025.", "$5bn",
     "about $9 billion", "$9bn", "error"),
    ("Anthropic's run rate was $9 billion in April 2026.", "$9 billion", "$30 billion", "$30 billion", "error"),
    ("Meta reportedly offered $10 million signing bonuses to OpenAI engineers.", "$10 million", "$100 million",
     "$100 million", "error"),
    ("Chris Rohlf has spent a decade in security.", "a decade", "more than 20", "more than two decades", "error"),
    ("Chris Rohlf, a veteran with 15 years of experience, joined the red team.", "15 years", "more than 20",
     "more than 20 years", "error"),
    ("Rohlf has nearly 20 years of experience in security.", "nearly 20 years", "more than 20", "more than 20 years",
     "error"),
    ("Anthropic's revenue was running at an annualised $45 billion in April.", "$45 billion", "$30 billion",
     "$30 billion", "error"),
    # disputed facts: a figure outside every source's value is still an error
    ("Anthropic's funding round of $40 billion closed.", "$40 billion", "$30 billion", "$30 billion", "error"),
    ("OpenAI's three co-founders included Karpathy.", "three", "more than 5", "more than five", "error"),
]  # fmt: skip

SILENT = [
    # the sheet's figures in other words
    "Anthropic's annualised revenue run rate surged to $30 billion by April 2026.",
    "Anthropic's run rate was reported at $30bn in April, up from about $9 billion as 2025 closed.",
    "Anthropic's revenue run rate is roughly US$30B.",
    "Anthropic's run rate is nearly $30 billion.",
    "Anthropic's run rate is more than $29 billion.",
    "Anthropic's run rate reached $30 billion, compared with roughly $10 billion at the end of 2025.",
    "Chris Rohlf has more than 20 years of experience in security.",
    "Rohlf, a cybersecurity veteran with over two decades in the field, joined Anthropic.",
    "Rohlf has 20+ years of experience and spent six years at Meta.",
    "Meta reportedly dangled $100 million signing bonuses in front of OpenAI engineers.",
    "Karpathy was one of OpenAI's five co-founders.",
    "Karpathy was one of OpenAI's eleven co-founders.",
    "Observers say one of OpenAI's founding members now works for a rival.",
    # ranges that hold the sheet's figure, sums and named rounds
    "Anthropic raised $25 to $35 billion in its latest funding round.",
    "Anthropic is in talks for a funding round between $20 and $40 billion.",
    "Anthropic has raised $64 billion in total across every funding round.",
    "Anthropic's funding to date stands at $64 billion.",
    "Anthropic is raising a $5 billion Series G round.",
    # a figure placed at another time than the fact's
    "Anthropic's run rate of $30 billion dwarfs its $4 billion funding round from last year.",
    "Anthropic's revenue run rate was $1 billion in 2024.",
    # a figure that belongs to another fact
    "Coverage has mentioned a $30 billion funding round and Amazon's $100 billion compute commitment.",
    "Anthropic's $30 billion funding round is not the same thing as its revenue figure.",
    "The $30 billion funding round and the $9 billion run rate of late 2025 are different things, Anthropic said.",
    # other subjects, other nouns
    "OpenAI's run rate is said to be $13 billion.",
    "Google's revenue run rate is $100 billion.",
    "Anthropic's quarterly revenue was $10.9 billion.",
    "Anthropic hired 12 researchers and raised its headcount by 500.",
    "Karpathy was one of the five co-founders who started the lab with Sam Altman and Elon Musk.",
    "Rohlf spent six years at Meta and has more than 20 years of experience.",
    "Anthropic's run rate hit $30 billion; OpenAI's hit $20 billion.",
]


@pytest.mark.parametrize(("text", "span", "expected", "suggestion", "severity"), FLAGGED)
def test_flagged(text: str, span: str, expected: str, suggestion: str, severity: str) -> None:
    assert the_finding(text, "FL901", span, expected, suggestion).severity == severity


@pytest.mark.parametrize("text", SILENT)
def test_silent(text: str) -> None:
    assert flagged(text) == []


def test_old_figure_is_named_in_the_message() -> None:
    (finding,) = flagged("Anthropic's run rate was $9 billion in April 2026.")
    assert "end of 2025" in finding.message


@pytest.mark.parametrize(
    ("text", "value", "unit", "hedge"),
    [
        ("$30bn", 30e9, "USD", None),
        ("$30 billion", 30e9, "USD", None),
        ("US$30B", 30e9, "USD", None),
        ("30 billion dollars", 30e9, "USD", None),
        ("USD 1.5 trillion", 1.5e12, "USD", None),
        ("about $9 billion", 9e9, "USD", "approx"),
        ("more than 20 years", 20, "years", "above"),
        ("20+ years", 20, "years", "above"),
        ("two decades", 20, "years", None),
        ("a year and a half", 1.5, "years", None),
        ("18 months", 1.5, "years", None),
        ("nearly seven years", 7, "years", "nearly"),
        ("five", 5, None, None),
    ],
)
def test_quantities(text: str, value: float, unit: str | None, hedge: str | None) -> None:
    (q,) = find_quantities(text)
    assert (math.isclose(q.value, value), q.unit, q.hedge) == (True, unit, hedge)


def test_years_are_not_counts() -> None:
    assert find_quantities("in 2017 and 2022") == []


def test_intervals_respect_precision_and_hedges() -> None:
    exact = Value("amount", {"amount": 30e9, "unit": "USD"})
    about = Value("amount", {"amount": 9e9, "unit": "USD", "approx": True})
    at_least = Value("count", {"count": 20, "at_least": True})
    (q,) = find_quantities("$30.4 billion")
    assert q.agrees(exact)
    (q,) = find_quantities("$31 billion")
    assert not q.agrees(exact)
    (q,) = find_quantities("$10 billion")
    assert q.agrees(about)
    (q,) = find_quantities("25 years")
    assert q.agrees(at_least)
    (q,) = find_quantities("about 15 years")
    assert not q.agrees(at_least)


def test_suggestions_follow_the_texts_style() -> None:
    value = Value("amount", {"amount": 30e9, "unit": "USD"})
    assert [format_like(q, value, False) for q in find_quantities("$40bn, US$4B, $400 million")] == [
        "$30bn",
        "US$30B",
        "$30 billion",
    ]
    duration = Value("duration", {"years": 5})
    assert [format_like(q, duration, False) for q in find_quantities("seven years, 7 years")] == [
        "five years",
        "5 years",
    ]


def test_each_count_keeps_the_noun_after_it() -> None:
    """'105 wins and 104 poles': the first count's noun is not given to the second."""
    sheet = load_sheet(Path(__file__).parent / "sheets" / "hamilton-ferrari-2024.toml")
    text = "Lewis Hamilton has 105 Grand Prix wins and 104 pole positions."
    assert [f.found for f in flagged(text, "FL901", sheet=sheet)] == ["105"]


HAMILTON = Path(__file__).parent / "sheets" / "hamilton-ferrari-2024.toml"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Hamilton, who has already won nine world titles, leaves Mercedes.", "nine"),  # 'won' is not the noun
        ("Hamilton heads to Ferrari with 110 race wins behind him.", "110"),  # Ferrari is not the holder
        ("Hamilton took four of his titles with Mercedes.", "four"),  # a part, against the narrower count
        ("Hamilton won five titles with Mercedes.", "five"),
        ("Hamilton is famous for pole positions, and he has 90 of them.", "90"),  # the noun comes first
    ],
)
def test_a_count_is_read_from_its_own_noun(text: str, span: str) -> None:
    assert [f.found for f in flagged(text, "FL901", sheet=load_sheet(HAMILTON))] == [span]


@pytest.mark.parametrize(
    "text",
    [
        "Hamilton, who has won seven world titles, leaves Mercedes.",
        "Hamilton took six of his seven titles with Mercedes.",
        "Hamilton has 82 wins with Mercedes.",  # a part the sheet holds no count for
        "In 2019 Hamilton had 84 race wins.",  # another year's count
        "Charles Leclerc arrives at Ferrari's rival with five race wins.",  # another person's count
        "Does Hamilton have eight world titles?",
    ],
)
def test_a_count_of_something_else_is_silent(text: str) -> None:
    assert flagged(text, "FL901", sheet=load_sheet(HAMILTON)) == []


def test_counts_by_their_noun_on_the_default_sheet() -> None:
    assert [f.found for f in flagged("OpenAI began with four co-founders.", "FL901")] == ["four"]
    assert [f.found for f in flagged("OpenAI listed its founding members, naming three of them.", "FL901")] == ["three"]
    assert flagged("OpenAI began with six co-founders.", "FL901") == []
    assert flagged("Anthropic began with three co-founders.", "FL901") == []
