"""The plain `factlint check FILE...` runs without click and behaves exactly as the click command:
same stdout, stderr and exit code (the click command is reached by spelling out a default option)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WRONG = "Andrej Karpathy joined Anthropic on Monday 18 May 2026.\n"
CLEAN = "Andrej Karpathy joined Anthropic.\n"
PROBE = """
import sys
from linter.main import main
try:
    main()
finally:
    print("click imported:", "click" in sys.modules, file=sys.stderr)
"""


def factlint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "FACTLINT_NO_CACHE": "1"}
    return subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=120, check=False
    )


def both(tmp_path: Path, *paths: str) -> tuple[subprocess.CompletedProcess[str], subprocess.CompletedProcess[str]]:
    fast = factlint("check", *paths, cwd=tmp_path)
    slow = factlint("check", "--format", "text", *paths, cwd=tmp_path)
    assert fast.stderr.endswith("click imported: False\n")
    assert slow.stderr.endswith("click imported: True\n")
    return fast, slow


@pytest.mark.parametrize(
    "files",
    [
        {"a.txt": WRONG},  # findings: exit 1
        {"a.txt": CLEAN, "b.md": WRONG},  # two files, one clean
        {"a.txt": CLEAN},  # clean: exit 0
        {"a.txt": WRONG.replace("Monday", "\033[31mMonday\033[0m")},  # styles removed off a terminal
        {"a.txt": WRONG, ".factlint.toml": 'exclude = ["a.txt"]\n'},  # everything excluded: a note
        {"a.txt": WRONG, ".factlint.toml": 'select = ["FL9999"]\n'},  # a bad configuration: exit 2
        {"a.txt": b"\xff\xfe bad bytes"},  # not UTF-8: exit 2
        {},  # a missing file
    ],
)
def test_the_plain_check_matches_the_click_command(tmp_path: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = tmp_path / name
        path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content, encoding="utf-8")
    names = [n for n in files if not n.startswith(".")] or ["missing.txt"]
    fast, slow = both(tmp_path, *names)
    slow_stderr = slow.stderr.replace("click imported: True", "click imported: False")
    assert (fast.returncode, fast.stdout, fast.stderr) == (slow.returncode, slow.stdout, slow_stderr)
    assert "\033" not in fast.stdout


def test_a_folder_and_an_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(WRONG, encoding="utf-8")
    (tmp_path / "empty").mkdir()
    for target in ("docs", "empty"):
        fast, slow = both(tmp_path, target)
        assert (fast.returncode, fast.stdout) == (slow.returncode, slow.stdout)
    assert fast.returncode == 2


def test_options_and_stdin_go_through_click(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(WRONG, encoding="utf-8")
    for args in (("check", "-q", "a.txt"), ("check", "a.txt", "--format", "json"), ("check", "-"), ("check",)):
        assert factlint(*args, cwd=tmp_path).stderr.endswith("click imported: True\n")


GC_PROBE = """
import gc, sys
from linter import runner
checked = runner.process
def process(task):
    print("collector on:", gc.isenabled(), "frozen:", gc.get_freeze_count() > 0, file=sys.stderr)
    return checked(task)
runner.process = process
from linter.main import main
main()
"""


def test_the_collector_is_back_on_for_the_documents(tmp_path: Path) -> None:
    """Off while the program starts (nothing it makes is garbage), on again for the documents' work."""
    (tmp_path / "a.txt").write_text(WRONG, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "FACTLINT_NO_CACHE": "1"}
    for args in (("a.txt",), ("--format", "text", "a.txt")):
        done = subprocess.run(
            [sys.executable, "-c", GC_PROBE, "check", *args], capture_output=True, text=True, env=env, cwd=tmp_path,
            timeout=120, check=False,
        )  # fmt: skip
        assert done.returncode == 1 and "collector on: True frozen: True" in done.stderr, done.stderr


MODULES_PROBE = """
import sys
from linter.main import main
try:
    main()
finally:
    print("heavy:", sorted(m for m in ("click", "dataclasses", "inspect") if m in sys.modules), file=sys.stderr)
"""


def test_a_plain_check_imports_no_module_it_does_not_use(tmp_path: Path) -> None:
    """Building dataclasses costs a cold run 0.7 ms each plus `inspect` (about 15 ms in all): the
    value records are NamedTuples and the rest plain classes, so a `.txt` check imports neither."""
    (tmp_path / "a.txt").write_text(WRONG, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "FACTLINT_NO_CACHE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", MODULES_PROBE, "check", "a.txt"], capture_output=True, text=True, env=env, cwd=tmp_path,
        timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 1 and done.stderr.endswith("heavy: []\n"), done.stderr
