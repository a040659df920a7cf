"""Career rules (FL601 years, FL602 lengths, FL603 moves): flagged cases with span, expected
value and suggestion; correct paraphrases and near-misses (another person, another employer,
another year in the same sentence) that must stay silent."""

from __future__ import annotations

import pytest

from linter.claims.timeline import timeline_for
from linter.sheet import default_sheet
from tests.helpers import flagged, the_finding

FLAGGED = [
    # (text, rule, span, expected fragment, suggestion)
    ("Karpathy was at Tesla from 2015 to 2022.", "FL601", "2015", "2017–2022", "2017"),
    ("Karpathy worked at Tesla from 2017 to 2020.", "FL601", "2020", "2017–2022", "2022"),
    ("At Tesla (2017–2020), Karpathy built the Autopilot vision stack.", "FL601", "2020", "2017–2022", "2022"),
    ("Karpathy was at Tesla between 2016 and 2021.", "FL601", "2016 and 2021", "2017–2022", "2017 and 2022"),
    ("Andrej Karpathy co-founded OpenAI in 2016.", "FL601", "2016", "2015–2017", "2015"),
    ("Karpathy started Eureka Labs in 2021.", "FL601", "2021", "2024", "2024"),
    ("Karpathy quit OpenAI in 2019 and later joined Tesla.", "FL601", "2019", "2017", "2017"),
    ("Karpathy studied at Stanford. He joined Tesla in 2016 as its director of AI.", "FL601", "2016", "2017–2022",
     "2017"),
    ("Karpathy rejoined OpenAI in 2022.", "FL601", "2022", "2023–2024", "2023"),
    ("Karpathy left Tesla in 2021 after five years.", "FL601", "2021", "2017–2022", "2022"),
    ("In 2018, Karpathy left for Tesla.", "FL601", "2018", "2017–2022", "2017"),
    ("Karpathy profile.\n\n2021 — Left Tesla after heading its AI effort.", "FL601", "2021", "2017–2022", "2022"),
    ("Karpathy has run Eureka Labs, the start-up he founded in 2023.", "FL601", "2023", "2024", "2024"),
    ("Karpathy was at OpenAI in 2020, working on research.", "FL601", "2020", "2015–2017", None),
    ("John Schulman joined Anthropic in 2023.", "FL601", "2023", "2024", "2024"),
    ("Karpathy joined Anthropic in 2025.", "FL601", "2025", "2026", "2026"),
    ("After seven years at Tesla, Karpathy went back to OpenAI.", "FL602", "seven years", "5 years", "five years"),
    ("Karpathy spent two more years at OpenAI.", "FL602", "two more years", "about 1 year", "about a year"),
    ("Karpathy left Tesla. He returned to OpenAI for three years before founding Eureka Labs.", "FL602",
     "three years", "about 1", "about a year"),
    ("Karpathy spent 8 years at Tesla.", "FL602", "8 years", "5 years", "5 years"),
    ("Chris Rohlf spent nine years at Meta.", "FL602", "nine years", "6 years", "six years"),
    ("Karpathy quits OpenAI to join Anthropic.", "FL603", "quits OpenAI", "Eureka Labs", "quits Eureka Labs"),
    ("Anthropic poaches Karpathy from OpenAI.", "FL603", "poaches Karpathy from OpenAI", "Eureka Labs",
     "poaches Karpathy from Eureka Labs"),
    ("Anthropic lured Karpathy away from Tesla.", "FL603", "lured Karpathy away from Tesla", "Eureka Labs",
     "lured Karpathy away from Eureka Labs"),
    ("Tesla's AI chief jumps to Anthropic.", "FL603", "Tesla's AI chief", "Eureka Labs", "Former Tesla AI chief"),
    ("Karpathy's move from OpenAI to Anthropic surprised nobody.", "FL603", "from OpenAI", "Eureka Labs",
     "from Eureka Labs"),
    ("By leaving OpenAI for a direct competitor, Karpathy reopened an old debate.", "FL603", "leaving OpenAI",
     "Eureka Labs", "leaving Eureka Labs"),
    ("Andrej Karpathy defects from OpenAI to Anthropic.", "FL603", "defects from OpenAI", "Eureka Labs",
     "defects from Eureka Labs"),
    ("In 2022 Karpathy left Tesla to found Eureka Labs.", "FL603", "left Tesla", "OpenAI", "left OpenAI"),
    ("Karpathy quit OpenAI and joined Anthropic.", "FL603", "quit OpenAI", "Eureka Labs", "quit Eureka Labs"),
    ("Karpathy went straight from Tesla to Eureka Labs.", "FL603", "from Tesla", "OpenAI", "from OpenAI"),
    ("OpenAI researcher Andrej Karpathy jumps ship to Anthropic.", "FL603", "OpenAI researcher", "Eureka Labs",
     "Former OpenAI researcher"),
]  # fmt: skip

SILENT = [
    # correct paraphrases
    "Karpathy was at Tesla from 2017 to 2022, leading the AI behind Autopilot.",
    "At OpenAI (2015–2017): Karpathy was one of the founding members.",
    "Back at OpenAI (2023–2024): Karpathy rejoined as a senior researcher.",
    "At Eureka Labs (2024–2026): his start-up built AI teaching assistants, Karpathy said.",
    "Karpathy helped found OpenAI in 2015, spent 2017 to 2022 at Tesla, went back to OpenAI in 2023 and left again in"
    " 2024 to found Eureka Labs.",
    "In 2017 he left for Tesla, where he rose to Senior Director of AI. Karpathy is well known.",
    "After departing Tesla in 2022, Karpathy returned briefly to OpenAI for roughly a year before leaving again in 2024"
    " to found Eureka Labs.",
    "Karpathy spent five years at Tesla running the vision side of Autopilot, from 2017 to 2022.",
    "He then went back to OpenAI for one year before leaving again in 2024 to start Eureka Labs, Karpathy said.",
    "Karpathy, who left OpenAI in 2024 to build Eureka Labs, did not respond.",
    "Karpathy has been running Eureka Labs since 2024.",
    "Karpathy came from Eureka Labs, the education company he started in 2024.",
    "Chris Rohlf, a cybersecurity veteran who spent six years at Meta, joined the frontier red team.",
    "John Schulman, another OpenAI co-founder, moved to Anthropic in 2024.",
    "Karpathy joined Anthropic in 2026 from Eureka Labs.",
    "Karpathy left Eureka Labs to join Anthropic.",
    "In 2017 Karpathy left OpenAI for Tesla.",
    "Karpathy left OpenAI in 2024 to found Eureka Labs and has now joined Anthropic.",
    "Karpathy left OpenAI in 2024 and joined Anthropic in 2026.",
    "Karpathy left OpenAI and joined Anthropic two years later.",
    "Former Tesla AI director Andrej Karpathy joins Anthropic.",
    "OpenAI co-founder Andrej Karpathy joins Anthropic's pre-training team.",
    "Eureka Labs founder Andrej Karpathy joins Anthropic.",
    # questions, negations, hypotheticals
    "Did he quit OpenAI to take the job? No, Karpathy had left two years earlier.",
    "Karpathy did not leave OpenAI to do this; he already left OpenAI in 2024.",
    "Is Karpathy leaving OpenAI for Anthropic? He is not.",
    # near-misses: another person, another employer, another year in the same sentence
    "Ilya Sutskever left OpenAI to found Safe Superintelligence in 2024.",
    "Karpathy joined Tesla in 2017; Elon Musk had co-founded OpenAI in 2015.",
    "Karpathy joined Anthropic, which Dario Amodei co-founded in 2021.",
    "Sam Altman, who co-founded OpenAI in 2015 with Elon Musk, praised Karpathy.",
    "Karpathy joined Tesla in 2017, the year Google published the transformer paper in 2017.",
    "Karpathy completed his PhD at Stanford in 2015 and joined OpenAI the same year.",
    "Karpathy spoke at Google in 2019 about Tesla's vision stack.",
    "Karpathy had worked with OpenAI researchers in 2019.",
    "Karpathy spoke at OpenAI's developer day in 2023.",
    "Karpathy left OpenAI in 2017 and Tesla in 2022.",
    "Karpathy spent three years at OpenAI over two stints.",
    "Meta hired Rohlf in 2019, years before Karpathy joined Anthropic.",
    "The models that will dominate the 2027–2028 generation will be shaped by pre-training, Karpathy said.",
    "Karpathy is the third OpenAI founding-cohort figure to leave for or adjacent to Anthropic in two years, following"
    " John Schulman in 2024.",
    "Rohlf worked at Meta for six years and Karpathy spent five years at Tesla.",
    "Anthropic hired OpenAI co-founder Andrej Karpathy, former Tesla AI leader.",
    "Mira Murati left OpenAI for Thinking Machines.",
]


@pytest.mark.parametrize(("text", "rule", "span", "expected", "suggestion"), FLAGGED)
def test_flagged(text: str, rule: str, span: str, expected: str, suggestion: str | None) -> None:
    assert the_finding(text, rule, span, expected, suggestion).severity == "error"


@pytest.mark.parametrize("text", SILENT)
def test_silent(text: str) -> None:
    assert flagged(text) == []


def test_move_message_gives_the_sheets_reason() -> None:
    (finding,) = flagged("Karpathy quits OpenAI to join Anthropic.")
    assert finding.fact == "came-from"
    assert "2024" in finding.message and "OpenAI" in finding.message


def test_year_findings_name_the_stint_fact() -> None:
    (finding,) = flagged("Karpathy rejoined OpenAI in 2022.")
    assert finding.fact == "openai-second-stint"
    (finding,) = flagged("Andrej Karpathy co-founded OpenAI in 2016.")
    assert finding.fact == "openai-first-stint"


def test_timeline_orders_stints_and_links_lengths() -> None:
    timeline = timeline_for(default_sheet())
    orgs = [s.org for s in timeline.stints["karpathy"]]
    assert orgs == ["openai", "tesla", "openai", "eureka-labs", "anthropic"]
    assert timeline.before("karpathy", "anthropic") == {"eureka-labs"}
    assert timeline.before("karpathy", "eureka-labs") == {"openai"}
    (second,) = timeline.lengths("karpathy", "openai", "later")
    assert second.fact.id == "openai-second-stint-length"
    assert timeline_for(default_sheet()) is timeline


OTHER_EVENT = """
[sheet]
id = "harbor-2025"
title = "Lena Ortiz takes over the Harbor Bridge retrofit"
event_date = 2025-03-04

[[sources]]
id = "h1"
outlet = "Port Gazette"

[[entities]]
id = "ortiz"
kind = "person"
name = "Lena Ortiz"
aliases = ["Ortiz"]
gender = "female"

[[entities]]
id = "port"
kind = "organisation"
name = "Port Authority"

[[entities]]
id = "cityworks"
kind = "organisation"
name = "CityWorks"

[[entities]]
id = "bridgeco"
kind = "organisation"
name = "Bridgeco"

[[facts]]
id = "cityworks-stint"
subject = "ortiz"
relation = "employed_at"
value = { type = "years", from = 2012, to = 2020, org = "cityworks" }
sources = ["h1"]

[[facts]]
id = "bridgeco-stint"
subject = "ortiz"
relation = "employed_at"
value = { type = "years", from = 2020, to = 2024, org = "bridgeco" }
sources = ["h1"]

[[facts]]
id = "port-stint"
subject = "ortiz"
relation = "employed_at"
value = { type = "years", from = 2025, org = "port" }
sources = ["h1"]

[[facts]]
id = "came-from"
subject = "ortiz"
relation = "came_from"
value = { type = "entity", entity = "bridgeco" }
qualifiers = { org = "port" }
sources = ["h1"]

[[facts]]
id = "ortiz-quote"
subject = "ortiz"
relation = "quote"
value = { type = "quote", text = "This bridge will carry the city for another century.", speaker = "ortiz" }
sources = ["h1"]

[[facts]]
id = "budget"
subject = "port"
relation = "budget"
value = { type = "amount", amount = 2.4e9, unit = "USD" }
cues = ["budget"]
sources = ["h1"]
"""

OTHER_FLAGGED = [
    ("Lena Ortiz joined CityWorks in 2013.", "FL601", "2013"),
    ("Lena Ortiz spent ten years at CityWorks.", "FL602", "ten years"),
    ("Lena Ortiz quits CityWorks to join the Port Authority.", "FL603", "quits CityWorks"),
    ('Ortiz said: "This bridge will carry the region for another century."', "FL701", "region"),
    ("Lena Ortis starts on Monday.", "FL801", "Lena Ortis"),
    ("The Port Authority's budget is $3.4 billion.", "FL901", "$3.4 billion"),
]


@pytest.mark.parametrize(("text", "rule", "span"), OTHER_FLAGGED)
def test_rules_know_nothing_of_the_default_event(text: str, rule: str, span: str) -> None:
    from linter.sheet import parse_sheet

    sheet = parse_sheet(OTHER_EVENT, "<other>")
    assert [(f.rule, f.found) for f in flagged(text, sheet=sheet)] == [(rule, span)]


def test_other_sheet_has_no_career_findings() -> None:
    from pathlib import Path

    from linter.sheet import load_sheet

    other = load_sheet(Path(__file__).parent / "sheets" / "harbor-bridge-2025.toml")
    text = "Lena Ortiz joined CityWorks in 2019 and left the Port Authority in 2020 after seven years there."
    assert [f for f in flagged(text, sheet=other) if f.rule.startswith("FL6")] == []
