"""Output formats: a snapshot per format, plus the checks each format's consumers rely on.

Snapshots are rendered from fixed findings (not from the engine), so they change only when a
format changes. Regenerate them after an intended change with

    FACTLINT_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_formats.py

and review the diff under tests/snapshots/formats/.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from linter.annotate.text import LineIndex
from linter.cli import cli
from linter.findings import Finding
from linter.formats import FORMATS, renderer
from linter.formats.results import FileResult
from linter.rule import Example, Rule
from linter.sheet import Sheet, Source
from linter.suppress import UnusedSuppression

SNAPSHOTS = Path(__file__).parent / "snapshots" / "formats"
SCHEMA = Path(__file__).parent / "schemas" / "sarif-2.1.0-rtm.5.json"
UPDATE = os.environ.get("FACTLINT_UPDATE_SNAPSHOTS") == "1"
EXTENSIONS = {
    "text": "txt",
    "json": "json",
    "json-lines": "jsonl",
    "sarif": "sarif.json",
    "github": "txt",
    "junit": "xml",
    "claimreview": "jsonld",
}
WRONG = "Andrej Karpathy announced on 12 June 2026 that he had joined Anthropic."


class FakeDate(Rule):
    """An event's date differs from the sheet.

    A stand-in with a fixed docstring, so snapshots do not change when the real rule's does.
    """

    code = "FL101"
    name = "date-mismatch"
    examples = (Example("Announced on 12 June.", "12 June"), Example("Announced on 19 May."))


class FakeTitle(Rule):
    """A person is given a title the sheet says they do not hold."""

    code = "FL301"
    name = "title-mismatch"


SHEET = Sheet(
    id="snapshot",
    title="Snapshot sheet",
    path="snapshot.toml",
    event_date=dt.date(2026, 5, 19),
    sources={"s1": Source("s1", "Port Gazette", published=dt.date(2026, 5, 19)), "s2": Source("s2", "City Wire")},
)


def at(text: str, found: str, rule: str, severity: str, message: str, suggestion: str | None, **kw: object) -> Finding:
    start = text.index(found)
    end = start + len(found)
    lines = LineIndex(text)
    (line, column), (end_line, end_column) = lines.position(start), lines.position(end)
    fact, expected = str(kw.get("fact", "announcement-date")), str(kw.get("expected", "19 May 2026"))
    sources = tuple(kw.get("sources", ("s1", "s2")))  # type: ignore[call-overload]
    return Finding(
        rule, fact, severity, message, found, expected, suggestion, sources,  # type: ignore[arg-type]
        start, end, line, column, end_line, end_column,
    )  # fmt: skip


def sample() -> list[FileResult]:
    """Three files: Markdown with an error, a warning (with characters formats must escape) and a
    stale directive; a clean text file; an HTML page whose positions index its extracted text."""
    md = (
        "# Story\n\n"
        f"{WRONG}\n\n"
        'Nick Joseph, the "chief scientist" <50%, said: yes, he did.\n'
        "<!-- factlint: ignore FL102 -->\n"
        "Plain line.\n"
    )
    html_text = "Headline\nKarpathy posted the news on May 21.\n"
    return [
        FileResult(
            "news/story.md",
            md,
            [
                at(md, "12 June 2026", "FL101", "error", "date '12 June 2026' contradicts the sheet", "19 May 2026"),
                at(
                    md,
                    '"chief scientist" <50%',
                    "FL301",
                    "warning",
                    "title 'chief scientist' is disputed: 50%, one source: s2",
                    None,
                    fact="joseph-title",
                    expected="head of pre-training",
                    sources=("s2",),
                ),
                at(
                    md,
                    "<!-- factlint: ignore FL102 -->\n",
                    "FL001",
                    "warning",
                    "unused suppression '<!-- factlint: ignore FL102 -->': it silences no finding",
                    "",
                    fact="",
                    expected="no directive, or one that silences a finding",
                    sources=(),
                ),
            ],
        ),
        FileResult("news/clean.txt", "All good here.\n", []),
        FileResult(
            "web/page.html",
            html_text,
            [at(html_text, "May 21", "FL101", "error", "date 'May 21' contradicts the sheet", "May 19")],
        ),
    ]


@pytest.fixture
def fixed_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rule metadata and the version are frozen for snapshots."""
    import types

    import linter.formats.sarif
    import linter.registry

    fakes = {r.code: r for r in (UnusedSuppression, FakeDate, FakeTitle)}
    monkeypatch.setattr(linter.registry, "registry", lambda: types.SimpleNamespace(find=fakes.get))
    monkeypatch.setattr(linter.formats.sarif, "__version__", "0.0.0-snapshot")


@pytest.mark.parametrize("name", FORMATS)
def test_snapshot(name: str, fixed_rules: None) -> None:
    output = renderer(name)(sample(), SHEET)
    path = SNAPSHOTS / f"{name}.{EXTENSIONS[name]}"
    if UPDATE or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(output, encoding="utf-8", newline="")
        if not UPDATE:
            pytest.fail(f"snapshot {path.name} was missing and has been written; run the tests again")
    assert output == path.read_text(encoding="utf-8"), f"{name} output changed; see the module docstring"


def test_every_format_has_a_module_and_a_snapshot() -> None:
    assert set(EXTENSIONS) == set(FORMATS)
    for name in FORMATS:
        assert (Path(__file__).parents[1] / "linter" / "formats" / f"{name.replace('-', '_')}.py").is_file()


# ----------------------------------------------------------------------------------------- SARIF


def sarif_validator() -> Any:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema)


def uri_of(result: dict[str, Any]) -> str:
    return result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]


def test_sarif_snapshot_is_valid_against_the_schema(fixed_rules: None) -> None:
    log = json.loads(renderer("sarif")(sample(), SHEET))
    errors = sorted(sarif_validator().iter_errors(log), key=str)
    assert not errors, errors[0]
    assert log["version"] == "2.1.0" and log["runs"][0]["columnKind"] == "unicodeCodePoints"


def test_sarif_from_the_engine_is_valid_and_one_based(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(f"# A\n\n{WRONG}\n<!-- factlint: ignore -->\n", encoding="utf-8")
    (tmp_path / "b.html").write_text(f"<p>{WRONG}</p>", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Nothing to report.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--format", "sarif", str(tmp_path)])
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    errors = list(sarif_validator().iter_errors(log))
    assert not errors, errors[0]
    results = log["runs"][0]["results"]
    assert {r["ruleId"] for r in results} == {"FL101", "FL001"}
    md = next(r for r in results if r["ruleId"] == "FL101" and uri_of(r).endswith("a.md"))
    region = md["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (3, 30, 42)
    assert md["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "19 May 2026"
    html = next(r for r in results if uri_of(r).endswith("b.html"))
    assert html["locations"][0]["physicalLocation"]["region"] == {"startLine": 1} and "fixes" not in html
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)


# ---------------------------------------------------------------------------------- other formats

ANNOTATION = re.compile(r"^::(error|warning) (file=[^,:]+(?:,[a-zA-Z]+=[^,:]*)*)::(.*)$")


def test_github_annotations_parse_and_escape(fixed_rules: None) -> None:
    lines = renderer("github")(sample(), SHEET).splitlines()
    assert len(lines) == 4
    parsed = [ANNOTATION.match(line) for line in lines]
    assert all(parsed), lines
    props = dict(kv.split("=", 1) for kv in parsed[0][2].split(","))
    assert props == {
        "file": "news/story.md", "line": "3", "col": "30", "endLine": "3", "endColumn": "42",
        "title": "FL101 date-mismatch",
    }  # fmt: skip
    assert "50%25%2C one source" not in parsed[1][3] and "50%25, one source" in parsed[1][3]  # data: % only
    assert "%0Aexpected: head of pre-training" in parsed[1][3]
    assert "line=" not in parsed[3][2] and "[page text line 2, column 29]" in parsed[3][3]


def test_junit_is_well_formed_with_one_case_per_finding(fixed_rules: None) -> None:
    root = ET.fromstring(renderer("junit")(sample(), SHEET))
    assert (root.tag, root.get("tests"), root.get("failures")) == ("testsuites", "5", "4")
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["news/story.md", "news/clean.txt", "web/page.html"]
    assert [len(s.findall("testcase/failure")) for s in suites] == [3, 0, 1]
    failure = suites[0].find("testcase[2]/failure")
    assert failure is not None and '"chief scientist" <50%' in (failure.text or "")


def test_claimreview_is_json_ld_per_claim(fixed_rules: None) -> None:
    reviews = json.loads(renderer("claimreview")(sample(), SHEET))
    assert len(reviews) == 3  # the unused-suppression finding is not a claim
    first = reviews[0]
    assert first["@context"] == "https://schema.org" and first["@type"] == "ClaimReview"
    assert first["claimReviewed"] == WRONG
    assert first["reviewRating"]["alternateName"] == "False"
    assert reviews[1]["reviewRating"]["alternateName"] == "Disputed"
    assert first["itemReviewed"] == {"@type": "Claim", "appearance": {"@type": "CreativeWork", "url": "news/story.md"}}
    assert first["author"] == {"@type": "Organization", "name": "factlint"}
    assert [c["name"] for c in first["citation"]] == ["s1 Port Gazette, 2026-05-19", "s2 City Wire"]


def test_json_lines_matches_json(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"{WRONG}\n{WRONG}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Fine.\n", encoding="utf-8")
    runner = CliRunner()
    lines = runner.invoke(cli, ["check", "--format", "json-lines", str(tmp_path)]).stdout.splitlines()
    whole = json.loads(runner.invoke(cli, ["check", "--format", "json", str(tmp_path)]).stdout)
    flat = [{"path": f["path"], **x} for f in whole["files"] for x in f["findings"]]
    assert [json.loads(line) for line in lines] == flat and len(flat) == 2


def test_clean_run_in_every_format(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Fine.\n", encoding="utf-8")
    for name in FORMATS:
        result = CliRunner().invoke(cli, ["check", "--format", name, str(tmp_path / "a.txt")])
        assert result.exit_code == 0, (name, result.output)
    sarif = CliRunner().invoke(cli, ["check", "--format", "sarif", str(tmp_path / "a.txt")]).stdout
    assert not list(sarif_validator().iter_errors(json.loads(sarif)))
