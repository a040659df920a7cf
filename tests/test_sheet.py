"""The fact sheet: the embedded sheet's content, validation errors with file and line, and a
second sheet about another event that the same engine lints."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import cli
from linter.sheet import SheetError, default_sheet, load_sheet, parse_sheet
from tests.helpers import spans

OTHER = Path(__file__).parent / "sheets" / "harbor-bridge-2025.toml"


def test_default_sheet_covers_the_required_facts() -> None:
    sheet = default_sheet()
    ids = {f.id for f in sheet.facts}
    for required in (
        "announcement-date", "announcement-channel", "team", "mandate", "reporting-line", "joseph-title",
        "openai-first-stint", "tesla-stint", "openai-second-stint", "eureka-founded", "came-from",
        "karpathy-post", "joseph-post", "musk-email", "rohlf-team", "rohlf-experience", "rohlf-meta-years",
        "revenue-run-rate", "openai-s1", "openai-listing", "first-report", "openai-cofounder-count",
    ):  # fmt: skip
        assert required in ids, required
    assert {"000", "001", "002", "003", "004"} <= set(sheet.sources)
    assert sheet.event_date.isoformat() == "2026-05-19"


def test_every_fact_cites_known_sources_and_disputes_are_marked() -> None:
    sheet = default_sheet()
    for fact in sheet.facts:
        assert fact.sources and set(fact.sources) <= set(sheet.sources), fact.id
    disputed = {f.id for f in sheet.facts if f.status == "disputed"}
    assert {"joined-date", "openai-cofounder-count", "funding-round"} <= disputed
    assert all(f.severity == "warning" for f in sheet.facts if f.id in disputed)


def test_sheet_keeps_the_posts_verbatim() -> None:
    facts = {f.id: f for f in default_sheet().facts}
    post = facts["joseph-post"]
    assert post.value.text.startswith("Excited to welcome Andrej to the Pretraining team! He'll be building")
    assert post.value.data["complete"] is True  # the whole post: words added beyond it are misquotes
    karpathy = facts["karpathy-post"]
    assert karpathy.value.text.startswith("Personal update: I've joined Anthropic.")
    assert karpathy.value.data["complete"] is False  # known in part: more may follow


BROKEN = [
    ("[sheet]\nid = 'x'\ntitle = 'x'\nevent_date = 2026-01-01\n[[facts]\nid = 'a'\n", 5, "TOML syntax"),
    (
        "[sheet]\nid='x'\ntitle='x'\nevent_date=2026-01-01\n[[entities]]\nid='p'\nkind='person'\nname='P'\n"
        "[[facts]]\nid = 'f1'\nsubject = 'nobody'\nrelation='r'\nvalue={type='date', date=2026-01-01}\nsources=[]\n",
        10,
        "unknown subject entity 'nobody'",
    ),
    (
        "[sheet]\nid='x'\ntitle='x'\nevent_date=2026-01-01\n[[entities]]\nid='p'\nkind='person'\nname='P'\n"
        "[[facts]]\nid = 'f2'\nsubject = 'p'\nrelation='r'\nvalue={type='when', date=2026-01-01}\nsources=[]\n",
        10,
        "unknown value type 'when'",
    ),
    (
        "[sheet]\nid='x'\ntitle='x'\nevent_date=2026-01-01\n[[entities]]\nid='p'\nkind='person'\nname='P'\n"
        "[[facts]]\nid = 'f3'\nsubject = 'p'\nrelation='r'\nvalue={type='date', date=2026-01-01}\nsources=['zz']\n",
        10,
        "unknown source id 'zz'",
    ),
    ("[sheet]\nid='x'\ntitle='x'\n", None, "missing 'event_date'"),
]


@pytest.mark.parametrize(("raw", "line", "problem"), BROKEN)
def test_broken_sheet_names_file_line_and_problem(raw: str, line: int | None, problem: str) -> None:
    with pytest.raises(SheetError) as info:
        parse_sheet(raw, "bad.toml")
    assert info.value.line == line
    assert problem in str(info.value)
    assert str(info.value).startswith("bad.toml")


def test_cli_reports_broken_sheet_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(BROKEN[1][0])
    article = tmp_path / "a.txt"
    article.write_text("Karpathy reports to Sam Altman.\n")
    result = CliRunner().invoke(cli, ["check", "--facts", str(bad), str(article)])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert f"{bad}:10: invalid fact sheet" in result.output
    assert "Traceback" not in result.output


def test_second_sheet_lints_another_event() -> None:
    sheet = load_sheet(OTHER)
    assert spans("Lena Ortiz will report to Dario Amodei.", sheet=sheet) == ["Dario Amodei"]
    assert spans("Ortiz, the Port Authority director, was appointed on 5 March 2025.", sheet=sheet) == [
        "director",
        "5 March 2025",
    ]
    assert spans("Lena Ortiz reports to Samuel Okafor; she joined the retrofit team.", sheet=sheet) == []
    # The default sheet's event means nothing to this sheet.
    assert spans("Karpathy reports to Sam Altman.", sheet=sheet) == []


def test_facts_command_prints_text_and_json() -> None:
    runner = CliRunner()
    text = runner.invoke(cli, ["facts"])
    assert text.exit_code == 0
    assert "Nick Joseph" in text.output and "disputed" in text.output
    data = json.loads(runner.invoke(cli, ["facts", "--format", "json"]).output)
    assert data["id"] == "karpathy-anthropic-2026"
    assert any(f["id"] == "reporting-line" and f["value"]["entity"] == "nick-joseph" for f in data["facts"])
    other = json.loads(runner.invoke(cli, ["facts", "--format", "json", "--facts", str(OTHER)]).output)
    assert other["id"] == "harbor-bridge-2025"


def test_sheet_indexes_answer_as_a_walk_over_its_facts_would() -> None:
    """The per-sheet indexes readers use in place of walking every fact per page: the same facts,
    in the sheet's order, made once."""
    for sheet in (default_sheet(), load_sheet(OTHER)):
        for relation in {f.relation for f in sheet.facts}:
            walked: dict[str, list[str]] = {}
            for fact in sheet.facts_for(relation):
                walked.setdefault(fact.subject, []).append(fact.id)
            grouped = sheet.facts_by_subject(relation)
            assert {s: [f.id for f in fs] for s, fs in grouped.items()} == walked
            assert sheet.facts_by_subject(relation) is grouped
        numbers = sheet.facts_of_types("amount", "count")
        assert [f.id for f in numbers] == [f.id for f in sheet.facts if f.value.type in {"amount", "count"}]
        assert sheet.facts_of_types("count", "amount") is numbers
    assert sheet.facts_by_subject("no-such-relation") == {}
    default = default_sheet()
    assert default.protagonist in default.people
    assert all(default.entities[p].kind == "person" for p in default.people)
    assert "anthropic" not in default.people
    assert load_sheet(OTHER).people.isdisjoint(default.people)
