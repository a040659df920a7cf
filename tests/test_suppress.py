"""Suppression directives (Markdown, plain text, HTML), blockquote exclusion and FL001 unused-suppression."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.config import Config, Overrides, settings_for
from linter.documents import build_document
from linter.findings import Finding
from linter.runner import lint_document
from linter.suppress import parse

WRONG = "Andrej Karpathy announced on 12 June 2026 that he had joined Anthropic."
WRONG_DAY = "Karpathy announced on Thursday that he had joined Anthropic."
NAMES = {"markdown": "story.md", "text": "story.txt", "html": "story.html"}


def lint(text: str, kind: str = "markdown", **overrides: object) -> list[Finding]:
    doc = build_document(text, NAMES[kind], kind)
    return lint_document(doc, settings_for(Config(), Overrides(**overrides), None))  # type: ignore[arg-type]


def codes(findings: list[Finding]) -> list[tuple[int, str]]:
    return [(f.line, f.rule) for f in findings]


# ------------------------------------------------------------------------------------------ ignore


def test_ignore_on_its_own_line_covers_the_next_paragraph_only() -> None:
    text = f"<!-- factlint: ignore FL101 -->\n{WRONG}\nStill the same paragraph: {WRONG}\n\n{WRONG}\n"
    assert codes(lint(text)) == [(5, "FL101")]


def test_ignore_after_text_covers_its_own_line() -> None:
    text = f"{WRONG} <!-- factlint: ignore -->\n{WRONG}\n"
    assert codes(lint(text)) == [(2, "FL101")]


def test_ignore_at_the_start_of_a_paragraph() -> None:
    assert lint(f"<!-- factlint: ignore --> {WRONG}\n") == []


def test_ignore_for_another_rule_leaves_the_finding_and_is_reported() -> None:
    found = lint(f"<!-- factlint: ignore FL102 -->\n{WRONG}\n")
    assert codes(found) == [(1, "FL001"), (2, "FL101")]
    assert found[0].severity == "warning" and "silences no finding" in found[0].message
    assert found[0].suggestion == "" and found[0].found == "<!-- factlint: ignore FL102 -->\n"


def test_partly_used_directive_reports_the_unused_codes_with_a_trimmed_fix() -> None:
    found = lint(f"<!-- factlint: ignore FL101, FL102 -->\n{WRONG}\n")
    assert codes(found) == [(1, "FL001")]
    assert "FL102" in found[0].message and found[0].suggestion == "<!-- factlint: ignore FL101 -->"


# --------------------------------------------------------------------------------- disable/enable


def test_disable_enable_region() -> None:
    text = f"{WRONG}\n\n<!-- factlint: disable -->\n{WRONG}\n\n{WRONG_DAY}\n<!-- factlint: enable -->\n\n{WRONG}\n"
    assert codes(lint(text)) == [(1, "FL101"), (9, "FL101")]


def test_disable_with_codes_and_unclosed_disable_runs_to_the_end() -> None:
    text = f"<!-- factlint: disable FL102 -->\n{WRONG}\n\n{WRONG_DAY}\n"
    assert codes(lint(text)) == [(2, "FL101")]


def test_enable_with_codes_ends_matching_disable() -> None:
    text = f"<!-- factlint: disable FL101 -->\n{WRONG}\n<!-- factlint: enable FL101 -->\n\n{WRONG}\n"
    assert codes(lint(text)) == [(5, "FL101")]


def test_enable_without_disable_is_reported() -> None:
    found = lint(f"{WRONG}\n<!-- factlint: enable -->\n")
    assert codes(found) == [(1, "FL101"), (2, "FL001")]
    assert "ends no 'disable'" in found[1].message


def test_disable_file_anywhere() -> None:
    text = f"{WRONG}\n\n{WRONG_DAY}\n\n<!-- factlint: disable-file FL101 -->\n"
    assert codes(lint(text)) == [(3, "FL102")]
    assert lint(f"{WRONG}\n\n{WRONG_DAY}\n<!-- factlint: disable-file -->\n") == []


# ------------------------------------------------------------------------------- FL001 in detail


def test_malformed_directive_is_reported() -> None:
    found = lint("Karpathy joined Anthropic.\n<!-- factlint: ignroe FL101 -->\n")
    assert codes(found) == [(2, "FL001")] and "unknown factlint directive 'ignroe'" in found[0].message
    found = lint("<!-- factlint: ignore 101 -->\nKarpathy joined Anthropic.\n")
    assert "'101' is not a rule code" in found[0].message


def test_directives_inside_code_are_examples_not_directives() -> None:
    fenced = "```\n<!-- factlint: disable -->\n```\n"
    text = f"Use `<!-- factlint: ignore -->` like this:\n\n{fenced}\n    <!-- factlint: ignore -->\n"
    assert lint(text) == []


def test_unused_reporting_follows_selection() -> None:
    text = "<!-- factlint: ignore -->\nKarpathy joined Anthropic.\n"
    assert codes(lint(text)) == [(1, "FL001")]
    assert lint(text, ignore=("FL001",)) == []
    assert lint(text, select=("FL1",)) == []


def test_a_directive_naming_fl001_silences_it_and_is_never_stale() -> None:
    text = "<!-- factlint: disable-file FL001 -->\n<!-- factlint: ignore -->\nKarpathy joined Anthropic.\n"
    assert lint(text) == []


def test_parse() -> None:
    d = parse("ignore fl101,FL102  FL103", 0, 10)
    assert (d.action, d.codes, d.problem) == ("ignore", ("FL101", "FL102", "FL103"), None)
    assert parse("", 0, 0).problem == "unknown factlint directive '(nothing)'"


# ------------------------------------------------------------------------------ other document kinds


def test_plain_text_directives() -> None:
    text = f"{WRONG} <!-- factlint: ignore FL101 -->\n{WRONG}\n"
    assert codes(lint(text, "text")) == [(2, "FL101")]


HTML = """<html><body>
<p>{wrong}</p>
<!-- factlint: ignore FL101 -->
<p>{wrong}</p>
<p>{wrong} <!-- factlint: ignore --></p>
<!-- factlint: disable -->
<div><p>{wrong}</p><p>{day}</p></div>
<!-- factlint: enable -->
<p>{wrong}</p>
<blockquote><p>{wrong}</p></blockquote>
</body></html>"""


def test_html_directives_are_placed_in_the_extracted_text() -> None:
    page = HTML.format(wrong=WRONG, day=WRONG_DAY)
    doc = build_document(page, "story.html", "html")
    from linter.annotate.text import LineIndex

    where = [LineIndex(doc.text).position(start) for start, _, _ in doc.directives]
    line3_end = len(WRONG) + 1  # the trailing comment sits at the end of its paragraph's line
    assert where == [(2, 1), (3, line3_end), (4, 1), (6, 1)]
    assert [body for _, _, body in doc.directives] == ["ignore FL101", "ignore", "disable", "enable"]
    assert codes(lint(page, "html")) == [(1, "FL101"), (6, "FL101"), (7, "FL101")]


def test_html_text_is_the_same_with_or_without_directives() -> None:
    page = HTML.format(wrong=WRONG, day=WRONG_DAY)
    inline_gone = page.replace(" <!-- factlint: ignore -->", "")
    bare = "\n".join(line for line in inline_gone.splitlines() if "factlint" not in line)
    assert build_document(page, "a.html", "html").text == build_document(bare, "a.html", "html").text


def test_unused_html_directive_has_no_fix() -> None:
    found = lint("<p>Karpathy joined Anthropic.</p><!-- factlint: ignore --><p>Nothing here.</p>", "html")
    assert codes(found) == [(2, "FL001")] and found[0].suggestion is None and found[0].start == found[0].end


# ----------------------------------------------------------------------------------- blockquotes


@pytest.mark.parametrize(
    ("kind", "text", "line"),
    [
        ("markdown", f"{WRONG}\n\n> {WRONG}\n> {WRONG}\n\n{WRONG}\n", [1, 6]),
        ("markdown", f"> Quoted at length:\n{WRONG}\n\n{WRONG}\n", [4]),  # lazy continuation
        ("text", f"On Monday she wrote:\n> {WRONG}\n\n{WRONG}\n", [4]),
        ("html", f"<p>{WRONG}</p><blockquote><p>{WRONG}</p><p>{WRONG}</p></blockquote><p>{WRONG}</p>", [1, 4]),
    ],
)
def test_blockquotes_are_excluded_only_when_configured(kind: str, text: str, line: list[int]) -> None:
    assert [f.line for f in lint(text, kind, exclude_blockquotes=True)] == line
    assert len(lint(text, kind)) > len(line)


def test_blockquotes_in_code_are_not_quotes() -> None:
    text = f"```\n> not a quote\n```\n{WRONG}\n"
    assert [f.line for f in lint(text, exclude_blockquotes=True)] == [4]


def test_blockquote_exclusion_from_configuration(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from linter.cli import cli

    (tmp_path / ".factlint.toml").write_text("exclude-blockquotes = true\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(f"> {WRONG}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "a.md")])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(cli, ["check", "--include-blockquotes", str(tmp_path / "a.md")])
    assert result.exit_code == 1
