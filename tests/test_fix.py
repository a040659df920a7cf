"""`--fix`, `--diff` and `--unsafe-fixes`: what is applied, and how files are written."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import cli
from linter.findings import Finding
from linter.fix import FixError, Source, apply_fixes, fix_until_stable, fixable, is_safe, unified_diff, write_atomic

WRONG = "Andrej Karpathy announced on 12 June 2026 that he had joined Anthropic."
RIGHT = "Andrej Karpathy announced on 19 May 2026 that he had joined Anthropic."
NO_FIX = "Karpathy announced in June 2026 that he had joined Anthropic."  # no single right replacement
YESTERDAY = "Published: 2026-05-22\n\nKarpathy announced yesterday that he had joined Anthropic.\n"


def finding(start: int, end: int, suggestion: str | None, rule: str = "FL101", **extra: object) -> Finding:
    return Finding(rule, "f", "error", "m", "", "e", suggestion, (), start, end, extra=dict(extra))


def run(*args: str, input: bytes | str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".factlint-tmp")]


# ------------------------------------------------------------------------------------ the edits


def test_non_overlapping_fixes_apply_and_overlapping_ones_wait() -> None:
    text = "abcdefghij"
    edits = [finding(0, 2, "AB"), finding(1, 3, "xx"), finding(5, 6, "F"), finding(5, 6, "F", rule="FL102")]
    assert apply_fixes(text, edits) == ("ABcdeFghij", 2)


def test_fix_until_stable_gives_waiting_fixes_their_turn() -> None:
    passes: list[str] = []

    def relint(text: str) -> list[Finding]:
        passes.append(text)
        return [finding(1, 3, "XY")] if text == "ABcd" else []

    text, applied, remaining = fix_until_stable("abcd", [finding(0, 2, "AB"), finding(1, 3, "zz")], relint)
    assert (text, applied, remaining) == ("AXYd", 2, [])
    assert passes == ["ABcd", "AXYd"]


def test_safety_is_the_fix_applicability_the_engine_gives_each_rule() -> None:
    from linter.api import check_text
    from linter.findings import Applicability

    assert is_safe(finding(0, 1, "x"))  # a suggestion is a safe fix until its rule says otherwise
    assert not is_safe(finding(0, 1, None))  # no suggestion, nothing to apply
    assert not is_safe(finding(0, 1, "x").with_applicability(Applicability.UNSAFE))
    date = check_text("Andrej Karpathy announced on 12 June 2026 that he had joined Anthropic.")[1]
    boss = check_text("Andrej Karpathy reports to Sam Altman at Anthropic.")[1]
    assert [f.fix.to_dict() for f in date if f.fix] == [{"replacement": "19 May 2026", "applicability": "safe"}]
    assert [f.fix.applicability for f in boss if f.fix] == [Applicability.UNSAFE]  # a person for another
    assert fixable(boss, unsafe=True) and not fixable(boss)


def test_diff_keeps_missing_final_newline_visible() -> None:
    diff = unified_diff("a.txt", "one\ntwo", "one\n2")
    assert diff.endswith("+2\n\\ No newline at end of file\n") and diff.startswith("--- a/a.txt\n+++ b/a.txt\n")


# ---------------------------------------------------------------------------------- the command


def test_fix_writes_the_file_and_reports_what_remains(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(f"# Story\n\n{WRONG}\n\n{NO_FIX}\n", encoding="utf-8")
    code, out, err = run("check", "--fix", str(path))
    assert path.read_text(encoding="utf-8") == f"# Story\n\n{RIGHT}\n\n{NO_FIX}\n"
    assert code == 1 and "June 2026" in out and "12 June" not in out
    assert "fixed 1 finding(s) in 1 file(s); 1 remain" in err
    path.write_text(f"{WRONG}\n", encoding="utf-8")
    assert run("check", "--fix", str(path))[0] == 0 and path.read_text(encoding="utf-8") == RIGHT + "\n"


def test_fix_keeps_bom_line_endings_and_permissions(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(b"\xef\xbb\xbf" + f"Intro.\r\n{WRONG}\r\nKarpathy posted the news on May 21.\r\n".encode())
    path.chmod(0o640)
    assert run("check", "--fix", str(path))[0] == 0
    expected = f"Intro.\r\n{RIGHT}\r\nKarpathy posted the news on May 19.\r\n"
    assert path.read_bytes() == b"\xef\xbb\xbf" + expected.encode()
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == []


def test_diff_shows_fixes_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(f"{WRONG}\n", encoding="utf-8")
    code, out, err = run("check", "--diff", str(path))
    assert code == 1 and path.read_text(encoding="utf-8") == f"{WRONG}\n"
    assert f"-{WRONG}\n+{RIGHT}\n" in out and out.startswith(f"--- a/{path}")
    assert "would fix 1 finding(s) in 1 file(s); 0 would remain" in err
    path.write_text(f"{RIGHT}\n", encoding="utf-8")
    assert run("check", "--diff", str(path))[:2] == (0, "")


def test_unsafe_fixes_need_opting_in(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(YESTERDAY, encoding="utf-8")
    assert run("check", "--fix", str(path))[0] == 1 and path.read_text(encoding="utf-8") == YESTERDAY
    assert run("check", "--fix", "--unsafe-fixes", str(path))[0] == 0
    assert "announced on 19 May that" in path.read_text(encoding="utf-8")


def test_unused_suppression_fix_removes_the_directive_line(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("Intro.\n<!-- factlint: ignore -->\nKarpathy joined Anthropic.\n", encoding="utf-8")
    assert run("check", "--fix", str(path))[0] == 0
    assert path.read_text(encoding="utf-8") == "Intro.\nKarpathy joined Anthropic.\n"


def test_html_is_never_edited(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    page = f"<html><body><p>{WRONG}</p></body></html>"
    path.write_text(page, encoding="utf-8")
    code, out, err = run("check", "--fix", str(path))
    assert code == 1 and path.read_text(encoding="utf-8") == page
    assert "1 fix not applied: HTML is never edited" in err and "FL101" in out


def test_stdin_cannot_be_fixed_in_place_but_can_be_diffed() -> None:
    code, _, err = run("check", "--fix", "-", input=WRONG)
    assert code == 2 and "--fix cannot write to stdin" in err
    code, out, _ = run("check", "--diff", "--stdin-filename", "story.md", "-", input=WRONG)
    assert code == 1 and f"+{RIGHT}" in out


def test_fix_in_parallel(tmp_path: Path) -> None:
    for i in range(4):
        (tmp_path / f"s{i}.md").write_text(f"{WRONG}\n", encoding="utf-8")
    assert run("check", "--fix", "--jobs", "2", str(tmp_path))[0] == 0
    assert {p.read_text(encoding="utf-8") for p in tmp_path.glob("*.md")} == {RIGHT + "\n"}


# ----------------------------------------------------------------------------------- atomicity


def test_interrupted_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "story.txt"
    path.write_text(f"{WRONG}\n", encoding="utf-8")

    def crash(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    code, _, err = run("check", "--fix", str(path))
    first = err.splitlines()[0]
    assert code == 2 and first.startswith(f"factlint: error: {path}: fixes not written"), err
    assert path.read_text(encoding="utf-8") == f"{WRONG}\n"
    assert leftovers(tmp_path) == []


def test_interrupt_mid_write_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(b"old\n")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(Source(str(path), b"old\n"), "new\n")
    assert path.read_bytes() == b"old\n" and leftovers(tmp_path) == []


def test_file_changed_since_it_was_read_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(b"edited by someone else\n")
    with pytest.raises(FixError, match="changed on disk"):
        write_atomic(Source(str(path), b"what factlint read\n"), "fixed\n")
    assert path.read_bytes() == b"edited by someone else\n"
