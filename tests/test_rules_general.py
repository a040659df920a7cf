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


# Function words a sheet implies (its deprecated teams, its [vocabulary]); a departure that places
# the joined team at the destination; the phrase's own possessive employer over a place after it.
TEAMS = [
    ("H", "Hamilton is set to join Ferrari's endurance team next season.", ["endurance"]),
    ("H", "Hamilton is leaving Mercedes to join Ferrari's hypercar team.", ["hypercar"]),
    ("H", "Hamilton is leaving Mercedes to join Ferrari's F1 team.", []),
    ("H", "Hamilton's new home will be Ferrari's Formula E team in Maranello.", ["Formula E"]),
    ("H", "Hamilton's new home will be Ferrari's Formula 1 team at Maranello.", []),
    ("H", "Leclerc's cousin joined Ferrari's endurance team.", []),  # another person
    ("H", "In 2013 Hamilton joined the Mercedes endurance team.", []),  # an earlier year
    ("K", "Karpathy is leaving Eureka Labs to join Anthropic's safety team.", ["safety"]),
    ("K", "Karpathy is leaving Eureka Labs to join Anthropic's pre-training team.", []),
    ("K", "Karpathy's new home is Anthropic's product team.", ["product"]),
]


@pytest.mark.parametrize(("sheet", "text", "expected"), TEAMS)
def test_team_functions_from_the_sheet(sheet: str, text: str, expected: list[str]) -> None:
    assert found(text, "FL401", sheet_of(sheet)) == expected


# A mandate need not be to lead: the sheet's own verbs ('replace', 'partner') and the people it
# gives them; deprecated values written as a list ('A or B').
MANDATES = [
    ("H", "Hamilton will partner Max Verstappen at Ferrari.", ["partner Max Verstappen"]),
    ("H", "Hamilton is to replace Leclerc at Ferrari next year.", ["replace Leclerc"]),
    ("H", "Hamilton will take Leclerc's seat at Ferrari.", ["take Leclerc's seat"]),
    ("H", "Ferrari signed Hamilton as its new team principal.", ["team principal"]),
    ("H", "Hamilton will partner Leclerc from 2025.", []),
    ("H", "Hamilton is to replace Sainz at Ferrari next year.", []),
    ("H", "Leclerc will partner Carlos Sainz again this year.", []),  # another person
    ("H", "In 2013 Hamilton was to replace Michael Schumacher at Mercedes.", []),  # an earlier year
    ("H", "Hamilton will not replace Leclerc.", []),  # denied
    ("K", "Anthropic signed Karpathy as its head of pre-training.", ["head of pre-training"]),
    ("K", "Karpathy will build a new sub-team inside pre-training.", []),
]


@pytest.mark.parametrize(("sheet", "text", "expected"), MANDATES)
def test_mandate_verbs_from_the_sheet(sheet: str, text: str, expected: list[str]) -> None:
    assert found(text, "FL402", sheet_of(sheet)) == expected


# Channels a sheet marks wrong are channel words; 'at a press conference'; an employer announcing
# a person's move speaks of that person's announcement.
CHANNELS = [
    ("H", "Hamilton revealed the move at a news conference in London.", ["news conference"]),
    ("H", "Hamilton confirmed his move to Ferrari in a TV interview.", ["TV interview"]),
    ("H", "Ferrari announced Hamilton's arrival at a press conference.", ["press conference"]),
    ("H", "Ferrari announced Hamilton's arrival in a brief statement.", []),
    ("H", "Hamilton will face a press conference about his move in March.", []),  # not an announcement
    ("H", "Mercedes announced on its podcast that Russell would stay.", []),  # another person
    ("K", "Karpathy announced the move at a press conference.", ["press conference"]),
    ("K", "Anthropic announced Karpathy's arrival in a LinkedIn post.", ["LinkedIn"]),
    ("K", "Karpathy announced the move on X.", []),
]


@pytest.mark.parametrize(("sheet", "text", "expected"), CHANNELS)
def test_channel_words_from_the_sheet(sheet: str, text: str, expected: list[str]) -> None:
    assert found(text, "FL501", sheet_of(sheet)) == expected


# A year of a person named as an object or an owner is not theirs; a stint announced for next
# season holds its first year; the verbs of working in other trades ('raced for', 'played for').
CAREER_YEARS = [
    ("H", "Hamilton has driven for Mercedes since 2010.", ["2010"]),
    ("H", "Hamilton raced for McLaren from 2007 to 2012.", []),
    ("H", "Hamilton will be at Ferrari in 2025.", []),  # a stint from after the event date
    ("H", "Hamilton will join team principal Frederic Vasseur at Ferrari in 2025.", []),  # Vasseur is an object
    ("H", "Hamilton will partner Carlos Sainz at Ferrari in 2025.", []),
    ("H", "George Russell has been Hamilton's team-mate at Mercedes since 2022.", []),  # an owner
    ("H", "Carlos Sainz joined Ferrari in 2019.", ["2019"]),  # another person, rightly judged
    ("H", "Hamilton's seven titles equal Schumacher's record, set with Ferrari in 2004.", []),  # an owner as subject
    ("K", "Karpathy worked for Tesla from 2016 to 2022.", ["2016"]),
    ("K", "Ilya Sutskever has been Karpathy's friend at OpenAI since 2012.", []),  # an owner
]


@pytest.mark.parametrize(("sheet", "text", "expected"), CAREER_YEARS)
def test_career_years_subjects(sheet: str, text: str, expected: list[str]) -> None:
    assert found(text, "FL601", sheet_of(sheet)) == expected


# Lengths in seasons, and the shapes 'N seasons racing for X', 'N years as an X driver',
# 'a four-year Formula 1 spell at X'.
CAREER_LENGTHS = [
    ("H", "Hamilton spent nine seasons driving for McLaren.", ["nine seasons"]),
    ("H", "After three years as a McLaren driver, Hamilton moved on.", ["three years"]),
    ("H", "Hamilton's two-year rookie spell at McLaren ended in 2012.", ["two-year"]),
    ("H", "Hamilton spent six seasons driving for McLaren.", []),
    ("H", "Hamilton will have spent 12 seasons at Mercedes when he leaves.", []),  # 2013-2024, counted inclusively
    ("H", "Sainz spent nine seasons in karting before joining Ferrari.", []),  # no organisation
    ("H", "Hamilton will replace Sainz, whose four seasons at Ferrari end in 2024.", []),  # the relative's subject
    ("H", "Hamilton will replace Sainz, whose nine seasons at Ferrari end in 2024.", ["nine seasons"]),
    ("K", "Karpathy spent seven years working at Tesla.", ["seven years"]),
    ("K", "After five years as a Tesla director, Karpathy left.", []),
]


@pytest.mark.parametrize(("sheet", "text", "expected"), CAREER_LENGTHS)
def test_career_lengths_in_seasons(sheet: str, text: str, expected: list[str]) -> None:
    assert found(text, "FL602", sheet_of(sheet)) == expected


# "His mandate: ..." states a mandate; a restatement of the sheet's own mandate text is right.
MANDATE_NOUNS = [
    (
        "K",
        "Karpathy joined Anthropic. His mandate: make the consumer app easier to use.",
        ["make the consumer app easier to use"],
    ),
    ("K", "Karpathy's remit is to lead Anthropic's safety work.", ["Anthropic's safety work"]),
    ("K", "Karpathy joined Anthropic. His mandate: use Claude to accelerate pre-training research.", []),
    ("K", "Nick Joseph joined Anthropic in 2021. His mandate: build the product team.", []),  # no fact for Joseph
    ("H", "Hamilton joined Ferrari. His brief: replace Charles Leclerc.", ["replace Charles Leclerc"]),
    ("H", "Hamilton joined Ferrari. His brief: replace Carlos Sainz.", []),
]


@pytest.mark.parametrize(("sheet", "text", "expected"), MANDATE_NOUNS)
def test_mandate_nouns(sheet: str, text: str, expected: list[str]) -> None:
    assert found(text, "FL402", sheet_of(sheet)) == expected


# A departure dated by the stint's length: "left Tesla after five years".
LEFT_AFTER = [
    ("K", "Karpathy left Tesla after seven years.", ["seven years"]),
    ("K", "Karpathy leaves Tesla after a 4-year tenure as AI lead.", ["4-year"]),
    ("K", "Karpathy left Tesla after five years.", []),
    ("K", "Karpathy left Tesla after two years of talks with OpenAI.", []),  # not the stint
    ("K", "Karpathy leaves Tesla after 4\u2011year tenure as AI lead.", ["4\u2011year"]),  # a non-breaking hyphen
    ("K", "Karpathy leaves Tesla after 5\u2011year tenure as AI lead.", []),
    ("K", "Karpathy joined Tesla after two years at OpenAI.", []),
    ("H", "Hamilton left McLaren after nine seasons.", ["nine seasons"]),
    ("H", "Hamilton left McLaren after six seasons.", []),
]


@pytest.mark.parametrize(("sheet", "text", "expected"), LEFT_AFTER)
def test_left_after_a_length(sheet: str, text: str, expected: list[str]) -> None:
    assert found(text, "FL602", sheet_of(sheet)) == expected


# A sheet's own role nouns ('team principal', 'race driver') make titles; "the company's X" is
# the title at the employer named before.
TITLES = [
    ("H", "Toto Wolff, the Ferrari team principal, spoke first.", ["team principal"]),
    ("H", "Toto Wolff, the Mercedes team principal, spoke first.", []),
    ("H", "Hamilton joined Ferrari, backed by John Elkann, the company's chief executive.", ["chief executive"]),
    ("H", "Hamilton joined Ferrari, backed by John Elkann, the company's chairman.", []),
    ("H", "At Mercedes, Toto Wolff, the team's chief executive, was unhappy.", []),
    ("K", "Karpathy joined Anthropic, welcomed by Nick Joseph, the company's chief scientist.", ["chief scientist"]),
    ("K", "Karpathy joined Anthropic, welcomed by Dario Amodei, the company's chief executive.", []),
]


@pytest.mark.parametrize(("sheet", "text", "expected"), TITLES)
def test_titles_with_sheet_role_nouns(sheet: str, text: str, expected: list[str]) -> None:
    assert found(text, "FL301", sheet_of(sheet)) == expected


# A departure told as news, for work somewhere unnamed ('to race in red'), is the event's move;
# a year after the event date does not make it an earlier one.
MOVES = [
    ("H", "Hamilton will walk away from McLaren to race in red from 2025.", ["walk away from McLaren"]),
    ("H", "Hamilton is leaving McLaren to drive in red next year.", ["leaving McLaren"]),
    ("H", "Hamilton will walk away from Mercedes to race in red from 2025.", []),
    ("H", "In 2012 Hamilton walked away from McLaren to race elsewhere.", []),  # an earlier move
    ("H", "Sainz is leaving Ferrari to race elsewhere in 2025.", []),  # another person
    ("K", "Karpathy quits OpenAI to work on something new.", ["quits OpenAI"]),
    ("K", "Karpathy quit OpenAI to work on something new.", []),  # told in the past: any move
    ("K", "Karpathy is leaving Eureka Labs to work on pre-training.", []),
]


@pytest.mark.parametrize(("sheet", "text", "expected"), MOVES)
def test_moves_to_unnamed_work(sheet: str, text: str, expected: list[str]) -> None:
    assert found(text, "FL603", sheet_of(sheet)) == expected


# A run of fragments is about the person before it: names its prepositions take, or in brackets,
# are not; a claim somebody else made is passed on, not asserted.
FRAGMENTS = [
    (
        "K",
        "Andrej Karpathy is the best teacher around. He writes code daily.\n\nBorn in Slovakia. Worked "
        "alongside Sam Altman and Greg Brockman. Left Tesla in 2022. Joined Anthropic to lead pre-training research.",
        "FL402",
        ["lead"],  # the research is right; leading all of it is what is wrong
    ),
    (
        "K",
        "Andrej Karpathy is the best teacher around.\n\nStudied under Jane Roe (and Fei-Fei Li). Left Tesla in "
        "2022. Joined Anthropic to lead a new sub-team.",
        "FL402",
        [],
    ),
    (
        "H",
        "Lewis Hamilton is a seven-time champion.\n\nRaced alongside Fernando Alonso. Won in 2008. Will race for "
        "Ferrari under Mattia Binotto.",
        "FL201",
        ["Mattia Binotto"],
    ),
    ("K", "Karpathy joined Anthropic. Somebody online claimed he reports to Dario Amodei.", "FL201", []),
    ("K", "Karpathy joined Anthropic. He reports to Dario Amodei.", "FL201", ["Dario Amodei"]),
]


@pytest.mark.parametrize(("sheet", "text", "rule", "expected"), FRAGMENTS)
def test_fragment_runs_and_passed_on_claims(sheet: str, text: str, rule: str, expected: list[str]) -> None:
    assert found(text, rule, sheet_of(sheet)) == expected


# One dated event of a career ('first world title', 2008) is not a stint, and its year is read by
# the fact's several-word cues.
EVENT_YEARS = [
    ("H", "Hamilton won his first world title with McLaren in 2010.", ["2010"]),
    ("H", "Hamilton won his first world title in 2008.", []),
    ("H", "Hamilton took his first crown in 2008, his second season at McLaren.", []),
    ("H", "George Russell won his first world title in 2009.", []),  # another person
    ("H", "Did Hamilton win his first world title in 2007?", []),  # a question
    ("H", "Kimi Räikkönen last raced for Ferrari in 2009.", []),  # a lone cue word says too little
    ("H", "Hamilton raced for McLaren from 2007 to 2012 and won his first world title there.", []),
]


@pytest.mark.parametrize(("sheet", "text", "expected"), EVENT_YEARS)
def test_single_year_events(sheet: str, text: str, expected: list[str]) -> None:
    assert found(text, "FL601", sheet_of(sheet)) == expected


# A departure for a venture the sheet does not know, when the sheet says what the person founded.
VENTURES = [
    ("K", "He returned to OpenAI, then Karpathy left in 2024 to launch Foo Bar Labs.", ["Foo Bar Labs"]),
    ("K", "Karpathy left OpenAI in 2024 to found Acme Robotics.", ["Acme Robotics"]),
    ("K", "Karpathy left OpenAI in 2024 to found Eureka Labs.", []),
    (
        "K",
        "Karpathy led Tesla's AI under Elon Musk, and returned to OpenAI before leaving to launch Foo Bar Labs.",
        ["Foo Bar Labs"],
    ),  # a name a preposition takes is not the subject
    ("K", "Elon Musk, who hired Karpathy, left OpenAI to found Acme Robotics.", []),
    ("K", "Karpathy left Tesla in 2022 to launch Zero to Hero.", []),  # another departure, another venture
    ("K", "Ilya Sutskever left OpenAI to found Acme Robotics.", []),  # no founding fact for him
    ("K", "Did Karpathy leave OpenAI to found Acme Robotics?", []),
    ("H", "Hamilton will leave Mercedes to launch Team Forty Four.", []),  # the sheet has no founding
]


@pytest.mark.parametrize(("sheet", "text", "expected"), VENTURES)
def test_left_to_found_an_unknown_venture(sheet: str, text: str, expected: list[str]) -> None:
    assert found(text, "FL603", sheet_of(sheet)) == expected


# A year after an appositive on the organisation ("founded Eureka Labs, an education start-up, in
# 2022"); "reports straight to the top, to X".
APPOSITIVE_YEARS = [
    ("K", "Karpathy founded Eureka Labs, an education start-up, in 2022.", "FL601", ["2022"]),
    ("K", "Karpathy founded Eureka Labs, an education start-up, in 2024.", "FL601", []),
    ("K", "Karpathy joined OpenAI, the lab Musk co-founded, in 2016.", "FL601", []),  # a name in the apposition
    ("H", "Hamilton joined Mercedes, the works team, in 2012.", "FL601", ["2012"]),
    ("K", "Karpathy joined Anthropic. He reports straight to the top, to Dario Amodei.", "FL201", ["Dario Amodei"]),
    ("K", "Karpathy joined Anthropic. He reports straight to the top, to Nick Joseph.", "FL201", []),
    ("K", "Karpathy joined Anthropic. Nick Joseph reports to the top, to Dario Amodei.", "FL201", []),
]


@pytest.mark.parametrize(("sheet", "text", "rule", "expected"), APPOSITIVE_YEARS)
def test_appositive_years_and_the_top(sheet: str, text: str, rule: str, expected: list[str]) -> None:
    assert found(text, rule, sheet_of(sheet)) == expected


# "the company's X team" is a team phrase too.
COMPANY_TEAMS = [
    ("K", "Anthropic also hired Chris Rohlf, who joined the company's interpretability team.", ["interpretability"]),
    ("K", "Anthropic also hired Chris Rohlf, who joined the company's frontier red team.", []),
    ("H", "Ferrari signed Hamilton, who will join the company's hypercar team.", ["hypercar"]),
    ("H", "Ferrari signed Hamilton, who will join the company's Formula 1 team.", []),
]


@pytest.mark.parametrize(("sheet", "text", "expected"), COMPANY_TEAMS)
def test_the_companys_team(sheet: str, text: str, expected: list[str]) -> None:
    assert found(text, "FL401", sheet_of(sheet)) == expected


# A line that opens with 'He' after another man was named on an earlier line goes back to the
# page's protagonist (named before both); on the same line, or after other words, it does not.
TOPIC_PRONOUNS = [
    (
        "K",
        "Andrej Karpathy has moved.\nNick Joseph welcomed him.\nHe is on Anthropic's safety team.",
        "FL401",
        ["safety"],
    ),
    ("K", "Andrej Karpathy has moved.\nNick Joseph welcomed him, and he is on the safety team.", "FL401", []),
    ("K", "Nick Joseph welcomed the hire.\nHe is on Anthropic's safety team.", "FL401", []),  # protagonist never named
    (
        "H",
        "Lewis Hamilton is moving.\nCarlos Sainz loses his seat.\nHe will join Ferrari's hypercar team.",
        "FL401",
        ["hypercar"],
    ),
    (
        "H",
        "Lewis Hamilton is moving.\nCarlos Sainz loses his seat.\nSo he will join Ferrari's hypercar team.",
        "FL401",
        [],
    ),
]


@pytest.mark.parametrize(("sheet", "text", "rule", "expected"), TOPIC_PRONOUNS)
def test_a_new_line_returns_to_the_protagonist(sheet: str, text: str, rule: str, expected: list[str]) -> None:
    assert found(text, rule, sheet_of(sheet)) == expected


# The years of a relative clause on the place it names: "Tesla, where he served ... from X until Y".
WHERE_YEARS = [
    ("K", "Musk recruited Karpathy to Tesla, where he served as AI chief from 2017 until 2021.", ["2021"]),
    ("K", "Karpathy moved to Tesla, where he served as AI director from 2017 until 2022.", []),
    ("K", "Karpathy moved to Tesla, where Musk had been CEO since 2008.", []),  # another person
    ("H", "Hamilton moved to Mercedes, where he raced from 2012 to 2024.", ["2012"]),
    ("H", "Hamilton moved to Mercedes, where he raced from 2013 to 2024.", []),
]


@pytest.mark.parametrize(("sheet", "text", "expected"), WHERE_YEARS)
def test_years_of_a_where_clause(sheet: str, text: str, expected: list[str]) -> None:
    assert found(text, "FL601", sheet_of(sheet)) == expected
