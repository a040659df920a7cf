"""FL801 misspelled names: near-misses tied to a sheet entity by context are flagged with the
canonical spelling as suggestion; exact aliases, other people with similar names and names
without context stay silent."""

from __future__ import annotations

import pytest

from linter.annotate.names import name_index, tolerance
from linter.sheet import default_sheet
from tests.helpers import flagged, the_finding

FLAGGED = [
    # (text, span, expected, suggestion)
    ("Andrej Karpaty has joined Anthropic.", "Andrej Karpaty", "Andrej Karpathy", "Andrej Karpathy"),
    ("Andrzej Karpathy has joined Anthropic.", "Andrzej Karpathy", "Andrej Karpathy", "Andrej Karpathy"),
    ("Andrej Karpahty posted on X.", "Andrej Karpahty", "Andrej Karpathy", "Andrej Karpathy"),
    ("Nicholas Josef welcomed Andrej to the team.", "Nicholas Josef", "Nick Joseph", "Nicholas Joseph"),
    ("Nick Josephs leads the pre-training team.", "Nick Josephs", "Nick Joseph", "Nick Joseph"),
    ("OpenAI's chief executive Sam Altmann said little.", "Sam Altmann", "Sam Altman", "Sam Altman"),
    ("Anthropic also hired Chris Rolf for its red team.", "Chris Rolf", "Chris Rohlf", "Chris Rohlf"),
    ("Ross Nordine joined Anthropic earlier in May.", "Ross Nordine", "Ross Nordeen", "Ross Nordeen"),
    ("CEO Dario Amodie has been explicit about the window.", "Dario Amodie", "Dario Amodei", "Dario Amodei"),
    ("Andrej Karpathy said he had joined Antropic.", "Antropic", "Anthropic", "Anthropic"),
    ("Karpathy said on X that he had joined Anthropics.", "Anthropics", "Anthropic", "Anthropic"),
    ("Karpathy left OpenAl in 2024.", "OpenAl", "OpenAI", "OpenAI"),
    ("Antropic's pre-training team gained a famous member.", "Antropic", "Anthropic", "Anthropic"),
    ("Karpaty, the former Tesla AI director, joined the team.", "Karpaty", "Andrej Karpathy", "Karpathy"),
    ("Andrej Karpathy joined Anthropic. Colleagues say Karpahty is a gifted teacher.", "Karpahty",
     "Andrej Karpathy", "Karpathy"),
]  # fmt: skip

SILENT = [
    # every alias as written
    "Nicholas Joseph welcomed Andrej to the team; Nick Joseph heads pre-training.",
    "Karpathy, Andrej Karpathy and Andrej are the same person; so are Rohlf and Christopher Rohlf.",
    "Open AI and OpenAI, Anthropic PBC and Anthropic, Tesla Inc and Tesla.",
    # other people and words that look alike
    "His manager is Nick Joseph. (No, not Nick Jonas.)",
    "Tessa Thompson was not involved in the Tesla deal.",
    "Openly, Karpathy said little about OpenAI.",
    "Chris Evans and Ross Geller were not hired by Anthropic.",
    "Dario Argento and Samuel Altman are different people.",
    "Anthropology students read the news about Anthropic.",
    "Europa is a moon; Eureka Labs is a company.",
    "SpaceX rents out compute. Spaces between racks are wide.",
    "Meta, Beta and Zeta: Karpathy never worked at Metal or Teslas.",
    # a near-miss with no context tying it to the entity
    "Karpaty is a surname in Poland.",
    "Joseph Josef wrote a letter.",
]


@pytest.mark.parametrize(("text", "span", "expected", "suggestion"), FLAGGED)
def test_flagged(text: str, span: str, expected: str, suggestion: str) -> None:
    finding = the_finding(text, "FL801", span, expected, suggestion)
    assert finding.expected == expected
    assert finding.severity == "error"


@pytest.mark.parametrize("text", SILENT)
def test_silent(text: str) -> None:
    assert [f for f in flagged(text) if f.rule == "FL801"] == []


def test_tolerance_grows_with_length() -> None:
    assert [tolerance(n, paired=True) for n in (4, 5, 6, 9)] == [1, 1, 2, 2]
    assert [tolerance(n, paired=False) for n in (4, 5, 7, 8)] == [0, 1, 1, 2]


def test_index_is_built_once_per_sheet() -> None:
    index = name_index(default_sheet())
    assert index is name_index(default_sheet())
    assert "Nicholas" in index.firsts["nick-joseph"] and "Joseph" in index.lasts["nick-joseph"]


def test_name_findings_cite_the_entitys_sources() -> None:
    (finding,) = flagged("Nicholas Josef welcomed Andrej to the team.")
    assert finding.fact == "nick-joseph-name"
    assert set(finding.sources) <= {"000", "001", "002", "003", "004"} and finding.sources
