"""The who/when/where rules on sheets other than the default: nothing the engine reads may hold
only for the Karpathy event. Each class of fix has a case that must be flagged, a correct
paraphrase and a near-miss (another person, employer, year, a past job), on the default sheet and
on the Hamilton sheet of `tests/sheets/`."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.sheet import Sheet, default_sheet, load_sheet
from tests.helpers import flagged

SHEETS = Path(__file__).resolve().parent / "sheets"


def hamilton() -> Sheet:
    return load_sheet(SHEETS / "hamilton-ferrari-2024.toml")


def found(text: str, rule: str, sheet: Sheet) -> list[str]:
    return [f.found for f in flagged(text, rule, sheet=sheet) if f.severity == "error"]


# One subject, several facts of a relation told apart by employer (a boss at each team).
REPORTING = [
    ("H", "Hamilton will report to Benedetto Vigna at Ferrari.", ["Benedetto Vigna"]),
    ("H", "At Ferrari, Hamilton will work under Frederic Vasseur.", []),
    ("H", "At Mercedes, Hamilton reported to Toto Wolff.", []),  # the other employer's own fact
    ("H", "At Mercedes, Hamilton's boss since 2013 has been Mattia Binotto.", ["Mattia Binotto"]),
    ("H", "From 2025 Hamilton's boss will be John Elkann.", ["John Elkann"]),
    ("H", "Charles Leclerc's boss is John Elkann.", []),  # another person: no fact
    ("H", "At McLaren, Hamilton's boss was Ron Dennis.", []),  # an employer with no fact
    ("K", "Andrej Karpathy's boss is Sam Altman.", ["Sam Altman"]),
    ("K", "Andrej Karpathy's new boss is Nick Joseph.", []),
    ("K", "Andrej Karpathy's boss at Tesla was Elon Musk.", []),
]


def sheet_of(key: str) -> Sheet:
    return hamilton() if key == "H" else default_sheet()


@pytest.mark.parametrize(("sheet", "text", "expected"), REPORTING)
def test_reporting_line_per_employer(sheet: str, text: str, expected: list[str]) -> None:
    assert found(text, "FL201", sheet_of(sheet)) == expected
