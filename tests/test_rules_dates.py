"""FL101-FL103 on a second, made-up event (tests/sheets/quint-move-2024.toml): a date is judged
only when its cue, in the same clause and with the same subject, ties it to the fact's event;
an organisation's statement of a person's move dates that move; a disputed fact's date outside
every source's value is an error."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from linter.sheet import load_sheet
from tests.helpers import flagged

SHEET = load_sheet(Path(__file__).parent / "sheets" / "quint-move-2024.toml")


def found(text: str, **kwargs: object) -> list[tuple[str, str, str]]:
    return [(f.rule, f.found, f.severity) for f in flagged(text, sheet=SHEET, **kwargs) if f.rule.startswith("FL10")]


FLAGGED = [
    # the organisation's own statement dates the person's move at that organisation
    ("Halvorsen confirmed Tuesday that Mara Quint was stepping down.", ("FL102", "Tuesday", "error")),
    ("On Wednesday, Halvorsen announced that Quint, its research chief, was leaving.", ("FL102", "Wednesday", "error")),
    ("Quint's departure from Halvorsen was confirmed Tuesday.", ("FL102", "Tuesday", "error")),
    # the announcement itself, with the event in the clause
    ("Quint posted the news on 14 March.", ("FL101", "14 March", "error")),
    ("Mara Quint announced on 14 March 2024 that she had joined Brightwater.", ("FL101", "14 March 2024", "error")),
    ("The move, announced on 15 March, surprised few.", ("FL101", "15 March", "error")),
    # a word of saying with nothing more, or with the event as what was said
    ("Mara Quint posted on 14 March.", ("FL101", "14 March", "error")),
    ("Mara Quint announced her move on 14 March.", ("FL101", "14 March", "error")),
    ("On Wednesday, Mara Quint told her followers that she had joined Brightwater.", ("FL102", "Wednesday", "error")),
    # a disputed fact: outside every source's date is an error, between them a warning
    ("Mara Quint joined Brightwater on 3 June 2024.", ("FL101", "3 June 2024", "error")),
    ("Mara Quint joined Brightwater on 8 April 2024.", ("FL101", "8 April 2024", "warning")),
    ("Mara Quint joined Brightwater on 15 April 2024.", ("FL101", "15 April 2024", "warning")),
    ("Mara Quint joined Brightwater in May 2024.", ("FL101", "May 2024", "error")),
]  # fmt: skip

SILENT = [
    "Halvorsen confirmed Monday that Mara Quint was stepping down.",
    "Quint's departure from Halvorsen was confirmed Monday.",
    "Halvorsen confirmed Tuesday that its new lab had opened.",
    "Mara Quint announced on 12 March that she had joined Brightwater.",
    # a post about something else is not the announcement
    "On 2 February 2024, Mara Quint posted a thread about battery chemistry.",
    "Mara Quint wrote in a long February 9 post about cathode supply chains.",
    "On 3 March 2024 Quint wrote a description of her side project on her blog.",
    "Quint, who posted on 3 February about battery chemistry, joined Brightwater on 1 April.",
    "Back in February 2023, Quint coined the term wet-lab sprint in a post on her blog.",
    "Mara Quint wrote on 2 February 2023 that wet labs were fun.",
    "Mara Quint announced a new podcast in July 2023.",
    "Quint's March 12 post was followed by a March 13 write-up from the Ledger.",
    "Mara Quint posted on March 20 that her new lab was noisy.",
    "Mara Quint told a podcast on 30 March that she had joined Brightwater to build a lab.",
    "On March 13, a day after Quint's announcement, Brightwater confirmed the hire.",
    # someone else's act, another clause
    "The move, confirmed across several industry forums on 14 March, surprised few.",
    "In recent weeks Brightwater has sped up recruiting, peaking with 40 openings in one day in February - and now"
    " Quint's hiring, first reported by the Ledger, adds a star.",
    "Brightwater is growing fast. Its lab hit 200 staff in February, according to figures cited in coverage of the"
    " hire.",
    "Quint is busy. Her lab hit 200 staff in February, according to the hire announcement.",
    "The lab doubled its headcount in February, well ahead of the hire.",
    # a date among the sources' dates
    "Mara Quint joined Brightwater on 1 April 2024.",
]


@pytest.mark.parametrize(("text", "expected"), FLAGGED)
def test_flagged(text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize("text", SILENT)
def test_silent(text: str) -> None:
    assert found(text) == []


def test_a_disputed_warning_names_the_sources_that_say_so() -> None:
    (finding,) = flagged("Mara Quint joined Brightwater on 15 April 2024.", sheet=SHEET)
    assert set(finding.sources) == {"q1", "q2"}
    assert "two weeks later" in finding.message


def test_a_relative_date_outside_the_disputed_range_is_an_error() -> None:
    text = "Mara Quint joined Brightwater yesterday."
    assert found(text, published=dt.date(2024, 4, 9)) == [("FL103", "yesterday", "warning")]
    assert found(text, published=dt.date(2024, 6, 4)) == [("FL103", "yesterday", "error")]


def test_a_wrong_date_outside_every_source_is_an_error_on_the_default_sheet() -> None:
    (finding,) = flagged("Andrej Karpathy joined Anthropic on 12 June 2026.", "FL101")
    assert finding.severity == "error"


def test_a_date_with_its_own_cue_does_not_take_another_dates_cue() -> None:
    """A timeline entry: the heading date's cue follows it, nearer to a later date that has a cue
    of its own."""
    text = "20 May 2026 — OpenAI files its S-1 in secret, with its stock listing targeted for September 2026."
    assert [(f.rule, f.found) for f in flagged(text)] == [("FL101", "20 May 2026")]


def test_a_cue_taken_by_one_date_is_not_given_to_another() -> None:
    """'A week ago today, on Tuesday 12 March': 'said' dates 12 March; 'today' is not a date here."""
    text = "Note of 19 March 2024.\n\nA week ago today, on Tuesday 12 March, Mara Quint said that she had joined."
    assert found(text, published=dt.date(2024, 3, 19)) == []


HAMILTON = Path(__file__).parent / "sheets" / "hamilton-ferrari-2024.toml"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # an organisation the sheet's title names (or its team) announces the person's move: the
        # move's date, though the fact names no organisation of its own
        ("The Scuderia announced on 3 February 2024 that Hamilton would drive for it from 2025.", "3 February 2024"),
        ("Ferrari confirmed on 30 January 2024 that Hamilton would join in 2025.", "30 January 2024"),
    ],
)
def test_an_event_organisation_announcing_the_move_dates_it(text: str, span: str) -> None:
    assert [f.found for f in flagged(text, "FL101", sheet=load_sheet(HAMILTON))] == [span]


@pytest.mark.parametrize(
    "text",
    [
        "Ferrari confirmed on 1 February 2024 that Hamilton would join in 2025.",
        # the statement is about another person; the event is only named later
        "Ferrari announced on 5 March 2024 that Charles Leclerc would stay, a month after Hamilton's signing.",
    ],
)
def test_an_event_organisation_about_something_else_is_silent(text: str) -> None:
    assert flagged(text, "FL101", sheet=load_sheet(HAMILTON)) == []


def test_an_organisation_that_is_not_the_events_does_not_date_it() -> None:
    assert flagged("OpenAI announced on 3 June 2026 that Karpathy had joined Anthropic.", "FL101") == []
    assert [f.found for f in flagged("Anthropic announced on 3 June 2026 that Andrej Karpathy had joined.")] == [
        "3 June 2026"
    ]


def test_a_cue_inside_an_earlier_stints_cue_dates_that_stint() -> None:
    """'signed for <earlier employer>' is the earlier stint's cue, not the signing's."""
    sheet = load_sheet(HAMILTON)
    assert flagged("Hamilton signed for Mercedes in September 2012.", "FL101", sheet=sheet) == []
    found = flagged("Hamilton signed on 4 February 2024 to race for Ferrari.", "FL101", sheet=sheet)
    assert [f.found for f in found] == ["4 February 2024"]


@pytest.mark.parametrize(
    ("sheet_path", "silent", "wrong", "span"),
    [
        (
            HAMILTON,
            "On 2 March 2023, a year before Lewis Hamilton's signing, Carlos Sainz won in Bahrain.",
            "Lewis Hamilton's signing was announced on 2 February 2024.",
            "2 February 2024",
        ),
        (
            None,
            "On 3 May 2026, a month before Andrej Karpathy's move, Anthropic hired a researcher.",
            "Andrej Karpathy's move was announced on 3 May 2026.",
            "3 May 2026",
        ),
    ],
)
def test_a_date_before_a_named_persons_event_is_not_that_event(
    sheet_path: Path | None, silent: str, wrong: str, span: str
) -> None:
    sheet = load_sheet(sheet_path) if sheet_path else None
    assert flagged(silent, "FL101", sheet=sheet) == []
    assert [f.found for f in flagged(wrong, "FL101", sheet=sheet)] == [span]


@pytest.mark.parametrize(
    ("sheet_path", "text", "span"),
    [
        (HAMILTON, "Lewis Hamilton's move to Ferrari was confirmed on 3 February 2024.", "3 February 2024"),
        (None, "Andrej Karpathy's move to Anthropic was announced on 2 May 2026.", "2 May 2026"),
        (None, "Andrej Karpathy's move to Anthropic, announced on 2 May 2026, surprised many.", "2 May 2026"),
        # silent: the right date, a denial, another person's event, another event of the person
        (None, "Andrej Karpathy's move to Anthropic, announced on 19 May 2026, surprised many.", None),
        (HAMILTON, "Lewis Hamilton's move to Ferrari was not confirmed on 3 February 2024.", None),
        (HAMILTON, "Charles Leclerc's contract, confirmed on 3 February 2024, runs to 2029.", None),
        (HAMILTON, "Lewis Hamilton's first race, won on 8 June 2007, came in Canada.", None),
    ],
)
def test_a_persons_event_made_known_in_the_passive_dates_it(
    sheet_path: Path | None, text: str, span: str | None
) -> None:
    """The organisation in the event's phrase ('move to Anthropic') is not the passive verb's subject."""
    sheet = load_sheet(sheet_path) if sheet_path else None
    assert [f.found for f in flagged(text, "FL101", sheet=sheet)] == ([span] if span else [])


def test_the_date_scan_reads_the_date_patterns_groups_in_their_order() -> None:
    """`dates._scan` unpacks `Match.groups()` into these names, in this order."""
    from linter.annotate.dates import DATE_PATTERN

    order = ("iso", "iy", "im", "id", "wd", "d1", "d1b", "m1", "y1", "m2", "d2", "d2b", "y2", "m3", "y3", "m4", "rel")
    assert tuple(sorted(DATE_PATTERN.groupindex, key=DATE_PATTERN.groupindex.__getitem__)) == order
    assert DATE_PATTERN.groups == len(order)
