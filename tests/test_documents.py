"""Loading documents: Markdown prose masking, HTML text, stdin, folders and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from linter.api import check_text
from linter.cli import cli
from linter.documents.markdown import mask_markdown

WRONG = "Karpathy reports to Sam Altman."


def run(*args: str, stdin: str | bytes | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin)
    return result.exit_code, result.output


def test_markdown_masks_code_front_matter_links_and_comments() -> None:
    text = (
        "---\ntitle: Karpathy reports to Sam Altman\n---\n\n"
        "```\nKarpathy reports to Sam Altman.\n```\n\n"
        "    Karpathy reports to Sam Altman.\n\n"
        "Inline `Karpathy reports to Sam Altman` code and [a link](https://x.test/Karpathy-reports-to-Sam-Altman).\n\n"
        "<!-- Karpathy reports to Sam Altman. -->\n"
    )
    masked = mask_markdown(text)
    assert len(masked) == len(text)
    assert "Sam Altman" not in masked
    assert "a link" in masked
    _, findings = check_text(text, kind="markdown")
    assert findings == []


def test_markdown_offsets_index_the_files_own_text() -> None:
    text = "# Heading\n\nSome *emphasis* first. " + WRONG + "\n"
    _, (finding,) = check_text(text, kind="markdown")
    assert text[finding.start : finding.end] == "Sam Altman"
    assert (finding.line, finding.column) == (3, 44)


def test_html_text_skips_scripts_and_keeps_blocks_apart() -> None:
    html = (
        "<html><head><title>t</title><script>var s='Karpathy reports to Sam Altman.'</script></head>"
        "<body><p>Intro<p>Andrej <em>Karpathy</em> reports to <b>Sam Altman</b>.</body></html>"
    )
    doc, (finding,) = check_text(html, kind="html")
    assert doc.text.startswith("Intro\n")
    assert doc.text[finding.start : finding.end] == "Sam Altman"


def test_html_extract_keeps_the_article(tmp_path: Path) -> None:
    body = " ".join(["Anthropic has hired a well-known researcher for its pre-training work."] * 6)
    page = (
        "<html><body><nav>Home | Karpathy reports to Sam Altman | About</nav><article><h1>News</h1>"
        f"<p>{body}</p><p>{WRONG}</p></article><footer>Contact us</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page)
    code, out = run("check", "--extract", "--format", "json", str(path))
    data = json.loads(out)
    assert code == 1
    assert [f["found"] for f in data["files"][0]["findings"]] == ["Sam Altman"]


def test_json_shape_and_exit_codes(tmp_path: Path) -> None:
    bad, good = tmp_path / "bad.txt", tmp_path / "good.md"
    bad.write_text("Intro line.\n" + WRONG + "\n")
    good.write_text("Karpathy reports to Nick Joseph.\n")
    code, out = run("check", "--format", "json", str(tmp_path))
    assert code == 1
    data = json.loads(out)
    assert data["version"] == 1
    assert [f["path"] for f in data["files"]] == [str(bad), str(good)]
    finding = data["files"][0]["findings"][0]
    assert set(finding) == {
        "rule", "fact", "severity", "message", "found", "expected", "suggestion", "sources",
        "start", "end", "line", "column", "end_line", "end_column", "claim", "fix",
    }  # fmt: skip
    assert finding["fix"] == {"replacement": "Nick Joseph", "applicability": "unsafe"}  # a person for another
    # What the rule read, and why it is sure (only rules built on the claim layer record it).
    assert finding["claim"]["subject"] == "karpathy" and finding["claim"]["value"] == "sam-altman"
    assert set(finding["claim"]) == {"subject", "relation", "value", "span", "scope", "why"}
    assert bad.read_text()[finding["start"] : finding["end"]] == "Sam Altman"
    assert (finding["line"], finding["column"], finding["end_column"]) == (2, 21, 31)
    assert run("check", str(good))[0] == 0


def test_text_format_is_ruff_style(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(WRONG + "\n")
    code, out = run("check", str(path))
    assert code == 1
    assert f"{path}:1:21: FL201 [error]" in out
    assert "^^^^^^^^^^" in out
    assert "expected: Nick Joseph (sources: 000" in out


def test_stdin_with_filename_picks_the_kind() -> None:
    code, out = run("check", "-", "--stdin-filename", "draft.md", "--format", "json", stdin="`" + WRONG + "`\n")
    assert code == 0
    assert json.loads(out)["files"][0]["path"] == "draft.md"
    code, out = run("check", "-", stdin=WRONG)
    assert code == 1 and "<stdin>:1:21" in out


def test_bad_inputs_are_one_line_errors_and_others_still_lint(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02abc")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9 Karpathy".encode("latin-1"))
    (tmp_path / "ok.txt").write_text(WRONG)
    missing = tmp_path / "missing.txt"
    result = CliRunner().invoke(cli, ["check", str(tmp_path), str(missing)])
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("factlint: error:")]
    assert len(errors) == 4
    assert any("empty.txt: empty file" in e for e in errors)
    assert any("binary.txt: binary file" in e for e in errors)
    assert any("latin1.txt: not valid UTF-8" in e for e in errors)
    assert any("missing.txt: no such file" in e for e in errors)
    assert "ok.txt:1:21: FL201" in result.output


def test_usage_errors_exit_2() -> None:
    assert run("check")[0] == 2
    code, out = run("check", "--select", "FL999", "-", stdin=WRONG)
    assert code == 2 and "FL999" in out
    assert run("check", "--published", "yesterday", "-", stdin=WRONG)[0] == 2


def test_select_and_ignore() -> None:
    text = WRONG + " Karpathy announced on 12 June that he had joined Anthropic."
    assert {f.rule for f in check_text(text, select=["FL2"])[1]} == {"FL201"}
    assert {f.rule for f in check_text(text, ignore=["FL201"])[1]} == {"FL101"}


def test_text_and_markdown_path_does_not_import_heavy_packages(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("# Title\n\n" + WRONG + "\n")
    code = (
        "import sys\nfrom linter.cli import main\nsys.argv=['factlint','check',sys.argv[1]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "bad=[m for m in ('flask','bs4','trafilatura') if m in sys.modules]\nprint('IMPORTED', bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True).stdout
    assert "IMPORTED []" in out


def test_typographic_hyphens_and_spaces_read_as_plain_ones() -> None:
    from linter.api import check_text

    plain = "Andrej Karpathy announced on 12 June 2026 that the co-founder had joined Anthropic."
    typeset = plain.replace(" June", "\u00a0June").replace("co-founder", "co\u2011founder")
    doc, findings = check_text(typeset)
    assert doc.text == typeset  # the page as written: offsets and quotes index it
    assert [(f.rule, f.found) for f in findings] == [("FL101", "12\u00a0June 2026")]
    assert [f.rule for f in check_text(plain)[1]] == ["FL101"]
