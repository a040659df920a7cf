"""Disputed facts: the truth lies among (or between) the sources' values. A value outside the
range they span is an error even for a disputed fact; one among or between them is a warning
naming the sources that say so."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from linter.annotate.numbers import value_interval
from linter.sheet import default_sheet, load_sheet
from linter.sheet.disputes import date_verdict, interval_verdict, is_disputed, weekday_verdict
from tests.helpers import flagged

QUINT = load_sheet(Path(__file__).parent / "sheets" / "quint-move-2024.toml")
FACTS = {f.id: f for f in QUINT.facts}
D = dt.date


@pytest.mark.parametrize(
    ("day", "severity", "sources"),
    [
        (D(2024, 6, 3), "error", ()),  # after every source's date
        (D(2024, 3, 20), "error", ()),  # before every source's date
        (D(2024, 4, 8), "warning", ("q1", "q2")),  # between them
        (D(2024, 4, 15), "warning", ("q1", "q2")),  # the disputed alternative itself
    ],
)
def test_date_verdicts(day: dt.date, severity: str, sources: tuple[str, ...]) -> None:
    verdict = date_verdict(FACTS["start-date"], day, day)
    assert (verdict.severity, verdict.sources) == (severity, sources)


def test_a_month_overlapping_the_range_is_a_warning_and_one_beside_it_an_error() -> None:
    fact = FACTS["start-date"]
    assert date_verdict(fact, D(2024, 4, 1), D(2024, 4, 30)).severity == "warning"
    assert date_verdict(fact, D(2024, 5, 1), D(2024, 5, 31)).severity == "error"


def test_a_confirmed_fact_without_disputed_values_is_always_an_error() -> None:
    fact = FACTS["hire-announced"]
    assert not is_disputed(fact)
    assert date_verdict(fact, D(2024, 3, 13), D(2024, 3, 13)).severity == "error"
    assert weekday_verdict(fact, 0).severity == "error"


def test_weekday_verdicts_span_the_sources_days() -> None:
    fact = FACTS["start-date"]  # 1 to 15 April 2024: every weekday occurs
    assert weekday_verdict(fact, 6).severity == "warning"


@pytest.mark.parametrize(
    ("interval", "severity"),
    [((2.5e9, 2.5e9), "warning"), ((3e9, 3e9), "warning"), ((5e9, 5e9), "error"), ((1e9, 1e9), "error")],
)
def test_figure_verdicts(interval: tuple[float, float], severity: str) -> None:
    assert interval_verdict(FACTS["lab-budget"], interval, value_interval).severity == severity


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("Brightwater's research budget is $5 billion.", "error"),
        ("Brightwater's research budget is $2.7 billion.", "warning"),
        ("Brightwater's research budget is $3 billion.", "warning"),
        ("Brightwater's research budget is $6 to $8 billion.", "error"),
    ],
)
def test_figures_of_a_disputed_fact(text: str, severity: str) -> None:
    assert [(f.rule, f.severity) for f in flagged(text, "FL901", sheet=QUINT)] == [("FL901", severity)]


def test_a_range_holding_the_sheets_figure_agrees() -> None:
    assert flagged("Brightwater's research budget is $1 to $4 billion.", "FL901", sheet=QUINT) == []


def test_the_default_sheets_disputed_facts_still_load() -> None:
    disputed = [f.id for f in default_sheet().facts if is_disputed(f)]
    assert {"joined-date", "funding-round", "openai-cofounder-count"} <= set(disputed)
