"""The claim layer on its own (clause kind, employer and time scope, force) and the precision
cases of the who/when/where rules that rest on it: errors that must be flagged, correct
paraphrases that must not be, and near-misses (another person, employer, year, a past job)."""

from __future__ import annotations

import json

import pytest

from linter.annotate.analysis import Analysis
from linter.claims.clauses import Scope, clause_kind, scope_of
from linter.claims.roles import title_matches, title_parts
from linter.claims.vocabulary import vocabulary
from linter.documents import Document
from linter.sheet import Value, default_sheet, parse_sheet
from tests.helpers import flagged, spans


def analyse(text: str) -> Analysis:
    return Analysis(Document("t.txt", text, prose=text), default_sheet())


def scope_at(text: str, phrase: str, fact_id: str = "mandate") -> Scope:
    a = analyse(text)
    start = text.index(phrase)
    sentence = a.sentence_at(start)
    assert sentence is not None
    fact = next(f for f in a.sheet.facts if f.id == fact_id)
    return scope_of(a, sentence, start, start + len(phrase), fact)


# ------------------------------------------------------------------------------ clause kinds
@pytest.mark.parametrize(
    ("text", "phrase", "kind"),
    [
        ("Karpathy, a former Tesla director, will lead a new team.", "Tesla director", "appositive"),
        ("Karpathy, who left Tesla in 2022, will lead a new team.", "left Tesla", "relative"),
        ("Karpathy (once at Tesla) will lead a new team.", "once at Tesla", "parenthetical"),
        ("Intro.\n- Will lead a new team at Anthropic\n", "lead a new team", "list item"),
        ("| Karpathy | lead a new team |\n", "lead a new team", "table cell"),
        ("Karpathy Joins Anthropic To Lead New Team\n\nBody text follows here.", "Lead New Team", "headline"),
        ("The article said Karpathy will lead the safety team.", "lead the safety", "reported"),
        ("Karpathy will lead a new team at Anthropic.", "lead a new team", "main"),
    ],
)
def test_clause_kind(text: str, phrase: str, kind: str) -> None:
    a = analyse(text)
    start = text.index(phrase)
    sentence = a.sentence_at(start)
    assert sentence is not None
    assert clause_kind(a, sentence, start) == kind


# ------------------------------------------------------------------------------ scope
def test_scope_places_a_claim_at_the_employer_it_names() -> None:
    assert (
        scope_at("He was known for leading Tesla's vision teams.", "leading Tesla's vision teams").employer == "tesla"
    )
    went = scope_at("He was a researcher at OpenAI, then went to Tesla to lead its vision work.", "to lead its")
    assert (went.employer, went.fits(next(f for f in default_sheet().facts if f.id == "mandate"))) == ("tesla", False)


def test_scope_of_a_place_the_sheet_does_not_know() -> None:
    scope = scope_at("He did a PhD at Stanford under Jane Roe.", "under Jane Roe", "reporting-line")
    fact = next(f for f in default_sheet().facts if f.id == "reporting-line")
    assert scope.employer == "Stanford" and not scope.fits(fact)


def test_an_appositive_about_a_past_job_does_not_scope_the_main_clause() -> None:
    scope = scope_at("Karpathy, a former OpenAI researcher, will lead Anthropic's safety work.", "lead Anthropic's")
    assert scope.employer == "anthropic" and scope.past == "" and scope.force == "asserted"


def test_scope_force_and_time() -> None:
    assert scope_at("Will Karpathy lead the safety team?", "lead the safety").force == "question"
    assert scope_at("Karpathy will not lead the safety team.", "lead the safety").force == "negated"
    assert scope_at("If Karpathy were to lead the safety team, it would change.", "lead the safety").force == (
        "hypothetical"
    )
    assert (
        scope_at("In 2019 Karpathy would lead the vision team.", "lead the vision").past == "the clause is dated 2019"
    )


def test_its_refers_to_the_organisation_named_before() -> None:
    text = "Tesla said that Karpathy, its head of vision in charge of the driving software, was leaving."
    assert scope_at(text, "in charge of the driving software").employer == "tesla"


# ------------------------------------------------------------------------------ titles
@pytest.mark.parametrize(
    ("found", "value", "same"),
    [
        ("AI head", "director of AI", True),
        ("AI executive", "director of AI", True),
        ("pretraining team lead", "head of pre-training", True),
        ("SVP of Engineering", "senior vice president of engineering", True),
        ("director", "chief engineer", False),  # 'chief' only qualifies 'engineer'
        ("chief scientist", "head of pre-training", False),
        ("head of model development", "head of pre-training", False),
    ],
)
def test_title_equivalence(found: str, value: str, same: bool) -> None:
    assert title_matches(found, Value("title", {"title": value})) is same


def test_a_title_at_something_an_organisation_owns_is_not_read_as_its_own() -> None:
    from linter.claims.titles import title_claims

    a = analyse("Karpathy, a co-founder of Google's DeepMind lab, spoke.")
    assert [(c.title, c.org) for c in title_claims(a)] == []
    a = analyse("Karpathy, a co-founder of OpenAI, spoke.")
    assert [(c.title, c.org) for c in title_claims(a)] == [("co-founder", "openai")]


def test_title_parts_are_order_free() -> None:
    assert title_parts("Chief Scientist and co-founder") == ["Chief Scientist", "co-founder"]
    assert title_parts("head of research and development") == ["head of research and development"]
    assert title_parts("co-founder, chief scientist & board member") == [
        "co-founder",
        "chief scientist",
        "board member",
    ]


# ------------------------------------------------------------------------------ rules
FLAGGED = [
    ("Karpathy, Anthropic's new head of pre-training, starts on Monday.", "FL301", "head of pre-training"),
    ("Karpathy has joined Anthropic as head of developer relations.", "FL301", "head of developer relations"),
    ("Karpathy's path is unusual: he was chief executive at OpenAI for years.", "FL301", "chief executive"),
    ("Reporting to Nick Joseph (Anthropic's head of developer tools), Karpathy starts now.", "FL301", None),
    ("Karpathy has joined Anthropic, reporting to Head of Pre-training Nick Jonas.", "FL201", "Nick Jonas"),
    ("Karpathy has joined Anthropic to rebuild its pretraining research team.", "FL402", None),
    ("Karpathy joined Anthropic to run developer tooling for its platform.", "FL402", None),
    ("Karpathy's new role, announced in a post by @someanalyst, starts now.", "FL501", "@someanalyst"),
    ("The exit of a star researcher from OpenAI to a direct rival stings.", "FL603", "from OpenAI"),
    ("Karpathy arrived on the same day as Chris Rohlf to work on the frontier red team.", "FL401", "frontier red"),
    ("Karpathy is joining Anthropic to work on safety research.", "FL401", "safety"),
    ("Anthropic CEO Daniela Amodei welcomed Karpathy.", "FL301", "Daniela Amodei"),
    ("Karpathy, a co-founder of Tesla, spoke.", "FL301", "co-founder"),
    ("Nick Joseph, head of model development at Anthropic, spoke.", "FL301", "head of model development"),
    ("Karpathy did his PhD at Stanford. In 2016 he left for Tesla.", "FL601", "2016"),
    ("Karpathy's career so far.\n\n## Tesla (2016–2022)\n\nHe led the vision team there.", "FL601", "2016"),
    ("Key takeaways:\n* Karpathy joined Anthropic on Tuesday.\n* Reports to Sam Altman.", "FL201", "Sam Altman"),
]


@pytest.mark.parametrize(("text", "rule", "span"), FLAGGED)
def test_flagged(text: str, rule: str, span: str | None) -> None:
    found = flagged(text, rule)
    assert found, text
    if span is not None:
        assert [f.found for f in found] == [span]


SILENT = [
    # attribution: the title belongs to the person it stands beside
    "As Anthropic's head of pre-training Nick Joseph put it, Karpathy will build a new team.",
    "Karpathy, a former Tesla AI head and OpenAI co-founder, has joined Anthropic.",
    "Former Tesla AI executive Andrej Karpathy joins Anthropic.",
    "Karpathy joins Anthropic as a research leader.",
    "Karpathy joins Anthropic as head of a new research group inside pre-training.",
    # time and employer scope: past jobs are not judged against the current facts
    "Karpathy is known for leading Tesla's vision and driving teams for years.",
    "He was a founding member of OpenAI, then went to Tesla to lead its vision work.",
    "He did a PhD at Stanford under Jane Roe before joining OpenAI.",
    "At Stanford, Karpathy worked under Jane Roe.",
    "Karpathy, a former OpenAI researcher, joined Anthropic's pre-training team.",
    # remits described by a relative clause, and 'becomes' without a role
    "Karpathy will lead a new pre-training research team that uses Claude to design experiments.",
    "Karpathy joined Anthropic, and the model around the data becomes the product.",
    # handles and posts of the subject's own; a post passed on elsewhere by others
    "Karpathy's post on X was shared widely on LinkedIn.",
    "Karpathy announced the move in a post by @karpathy on X.",
    # a remit after 'of' never swallows the employer
    "Nick Joseph, head of pre-training at Anthropic, spoke.",
    # the right year, holder or manager in the same layouts; another person's heading
    "Anthropic president Daniela Amodei welcomed Karpathy.",
    "Karpathy did his PhD at Stanford. In 2017 he left for Tesla.",
    "Karpathy's career so far.\n\n## Tesla (2017–2022)\n\nHe led the vision team there.",
    "Ilya Sutskever's career.\n\n## Tesla (2016–2022)\n\nSomething else.",
    "Key takeaways:\n* Karpathy joined Anthropic on Tuesday.\n* Reports to Nick Joseph.",
    "Karpathy joined OpenAI in 2015 to work on vision research.",
    # a hypothesis is not a claim
    "If Karpathy reported to Sam Altman, the story would be different.",
    # a compared name is not the subject
    "Chris Rohlf arrived on the same day as Karpathy to work on the frontier red team.",
    # a trend, not the protagonist's move; a pair of people and their titles in order
    "The exit of researchers from OpenAI to rivals goes on.",
    "The exit of a star researcher from Eureka Labs to Anthropic was expected.",
    "Dario Amodei and Nick Joseph, Anthropic's CEO and head of pre-training, welcomed him.",
    # another sheet's team word on this sheet's people
    "At Tesla, Karpathy joined the Autopilot team in 2017.",
]


@pytest.mark.parametrize("text", SILENT)
def test_silent(text: str) -> None:
    mine = {"FL201", "FL301", "FL401", "FL402", "FL501", "FL601", "FL602", "FL603"}
    assert [f for f in flagged(text) if f.rule in mine] == []


def test_career_and_title_findings_record_their_claim() -> None:
    (move,) = flagged("Karpathy quits OpenAI to join Anthropic.", "FL603")
    assert move.claim is not None and move.claim["value"] == "openai"
    assert "placed at anthropic by 'join Anthropic'" in str(move.claim["why"])
    (title,) = flagged("Tesla co-founder Andrej Karpathy is here.", "FL301")
    assert title.claim is not None and title.claim["relation"] == "title at tesla"


def test_finding_records_the_claim_it_read() -> None:
    (finding,) = flagged("Karpathy reports to Sam Altman at Anthropic.", "FL201")
    assert finding.claim is not None
    assert finding.claim["subject"] == "karpathy" and finding.claim["relation"] == "reports_to"
    assert finding.claim["scope"] == {"clause": "main", "employer": "anthropic", "past": None, "force": "asserted"}
    assert "subject named" in str(finding.claim["why"])
    assert json.loads(json.dumps(finding.to_dict()))["claim"]["value"] == "sam-altman"


def test_findings_of_other_rules_have_no_claim_key() -> None:
    (finding,) = flagged("Andrej Karpathy announced on 12 June that he had joined Anthropic.")
    assert "claim" not in finding.to_dict()


# ------------------------------------------------------------------------------ the sheet's words
SMALL = """
[sheet]
id = "s"
title = "t"
event_date = 2025-01-01
protagonist = "ann"

[[sources]]
id = "s1"
outlet = "Gazette"
{vocabulary}
[[entities]]
id = "ann"
kind = "person"
name = "Ann Lee"
aliases = ["Lee"]
gender = "female"

[[entities]]
id = "acme"
kind = "organisation"
name = "Acme"

[[entities]]
id = "newsletter"
kind = "channel"
name = "the Acme newsletter"

[[entities]]
id = "pilot"
kind = "team"
name = "autopilot team"
part_of = "acme"

[[facts]]
id = "team"
subject = "ann"
relation = "member_of_team"
value = {{ type = "entity", entity = "pilot" }}
qualifiers = {{ org = "acme" }}
sources = ["s1"]

[[facts]]
id = "channel"
subject = "ann"
relation = "announced_via"
value = {{ type = "entity", entity = "newsletter" }}
sources = ["s1"]
"""


def test_function_words_come_from_the_sheet() -> None:
    plain = parse_sheet(SMALL.format(vocabulary=""), "plain.toml")
    worded = parse_sheet(SMALL.format(vocabulary='[vocabulary]\nfunction_words = ["autopilot"]\n'), "w.toml")
    assert "autopilot" not in vocabulary(plain).function_words
    assert "autopilot" in vocabulary(worded).function_words
    assert spans("Ann Lee joined the autopilot team at Acme.", "FL401", sheet=worded) == []
    assert spans("Ann Lee joined the safety team at Acme.", "FL401", sheet=worded) == ["safety"]


def test_someone_elses_post_message_follows_the_sheet() -> None:
    sheet = parse_sheet(SMALL.format(vocabulary=""), "plain.toml")
    (finding,) = flagged("The news was announced in a post by Bob Stone.", "FL501", sheet=sheet)
    assert "herself, in her own post" in finding.message and "himself" not in finding.message
    assert finding.expected == "Ann Lee's own post on the Acme newsletter"


def test_bad_vocabulary_is_a_one_line_error() -> None:
    from linter.sheet import SheetError

    with pytest.raises(SheetError, match=r"bad.toml: invalid fact sheet: \[vocabulary\] unknown key 'colours'"):
        parse_sheet(SMALL.format(vocabulary='[vocabulary]\ncolours = ["red"]\n'), "bad.toml")
