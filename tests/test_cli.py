"""`factlint check` options and exit codes, `factlint rule`, `--jobs`, and the light import path."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import cli

WRONG = "Andrej Karpathy announced on 12 June 2026 that he had joined Anthropic.\n"
WRONG_DAY = "Karpathy announced on Thursday that he had joined Anthropic.\n"
RIGHT = "Andrej Karpathy announced on 19 May 2026 that he had joined Anthropic.\n"
STALE = "<!-- factlint: ignore -->\nKarpathy joined Anthropic.\n"  # only an FL001 warning


def run(*args: str, input: str | bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(WRONG + WRONG_DAY, encoding="utf-8")
    (tmp_path / "b.md").write_text(RIGHT, encoding="utf-8")
    (tmp_path / "c.md").write_text(STALE, encoding="utf-8")
    (tmp_path / "d.html").write_text(f"<p>{WRONG}</p>", encoding="utf-8")
    return tmp_path


# ------------------------------------------------------------------------------------ exit codes


def test_exit_codes(folder: Path) -> None:
    assert run("check", str(folder / "b.md"))[0] == 0
    assert run("check", str(folder / "a.txt"))[0] == 1
    assert run("check", str(folder / "c.md"))[0] == 0  # warnings only
    assert run("check", "--fail-on", "warning", str(folder / "c.md"))[0] == 1
    assert run("check")[0] == 2
    assert run("check", "--select", "FL999", str(folder))[0] == 2
    assert run("check", "--published", "May 20", str(folder))[0] == 2


def test_bad_input_is_one_line_naming_the_file_and_the_rest_is_linted(folder: Path) -> None:
    (folder / "e.txt").write_bytes(b"\xff\xfe\x00binary")
    code, out, err = run("check", str(folder / "e.txt"), str(folder / "missing.md"), str(folder / "a.txt"))
    assert code == 2
    assert err.splitlines() == [
        f"factlint: error: {folder / 'e.txt'}: binary file (contains NUL bytes), not text",
        f"factlint: error: {folder / 'missing.md'}: no such file",
    ]
    assert "FL101" in out


def test_exit_zero(folder: Path) -> None:
    code, out, _ = run("check", "--exit-zero", str(folder))
    assert code == 0 and "FL101" in out
    assert run("check", "--exit-zero", str(folder / "missing.md"))[0] == 2


def test_quiet_prints_findings_only(folder: Path) -> None:
    assert run("check", "-q", str(folder / "b.md"))[1] == ""
    code, out, _ = run("check", "--quiet", str(folder / "a.txt"))
    assert code == 1 and "FL101" in out and "Found" not in out


def test_statistics(folder: Path) -> None:
    code, out, _ = run("check", "--statistics", str(folder))
    assert code == 1
    assert out.splitlines() == [
        "2  FL101  [*] date-mismatch",
        "1  FL001  [*] unused-suppression",
        "1  FL102  [*] weekday-mismatch",
    ]
    code, out, _ = run("check", "--statistics", "--format", "json", str(folder))
    assert json.loads(out)[0] == {"code": "FL101", "name": "date-mismatch", "count": 2, "fixable": True}


def test_stdin_with_a_filename(folder: Path) -> None:
    code, out, _ = run("check", "--stdin-filename", "story.md", "-", input="`12 June 2026`\n" + WRONG)
    assert code == 1 and out.startswith("story.md:2:30: FL101")


# ------------------------------------------------------------------------------------------ rule


def test_rule_explains_one_rule() -> None:
    code, out, _ = run("rule", "FL101")
    assert code == 0 and out.startswith("FL101 (date-mismatch)") and "Flagged:" in out and "Not flagged:" in out
    code, out, _ = run("rule", "fl001")
    assert code == 0 and "unused-suppression" in out


def test_rule_lists_and_explains_all() -> None:
    code, out, _ = run("rule")
    assert code == 0 and out.splitlines()[0].startswith("FL001  unused-suppression")
    assert any(line.startswith("FL101  date-mismatch") for line in out.splitlines())
    code, out, _ = run("rule", "--all")
    assert code == 0 and "FL101 (date-mismatch)" in out and "FL001 (unused-suppression)" in out
    code, _, err = run("rule", "FL999")
    assert code == 2 and err == "factlint: error: unknown rule code 'FL999' (see 'factlint rule')\n"


# ------------------------------------------------------------------------------------------ jobs


def test_jobs_gives_the_same_output_in_the_same_order(folder: Path) -> None:
    for i in range(12):
        (folder / f"n{i:02d}.txt").write_text((WRONG if i % 3 else RIGHT) * (i + 1), encoding="utf-8")
    (folder / "x-binary.txt").write_bytes(b"\x00\x01")
    serial = run("check", "--format", "json-lines", str(folder))
    parallel = run("check", "--format", "json-lines", "--jobs", "3", str(folder))
    assert serial == parallel and serial[0] == 2 and "x-binary.txt" in serial[2]
    paths = [json.loads(line)["path"] for line in serial[1].splitlines()]
    assert paths == sorted(paths)
    assert run("check", "--jobs", "0", str(folder / "a.txt"))[0] == 1


# ------------------------------------------------------------------------------ import discipline


def test_plain_text_and_markdown_path_imports_no_web_stack(tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    story.write_text("# Story\n\n" + WRONG, encoding="utf-8")
    code = (
        "import sys\n"
        "import linter.cli\n"
        "from click.testing import CliRunner\n"
        f"result = CliRunner().invoke(linter.cli.cli, ['check', {str(story)!r}])\n"
        "assert result.exit_code == 1, result.output\n"
        "print(sorted(m for m in ('flask', 'bs4', 'trafilatura') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_module_entry_point_and_serve_registration() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "linter.cli", "--help"], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0 and "check" in done.stdout and "config" in done.stdout
    try:
        import server.cli  # noqa: F401
    except ImportError:
        return
    assert "serve" in done.stdout
