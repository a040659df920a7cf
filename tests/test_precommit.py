"""Real pre-commit in a real git repository, with this checkout as the hook repository.

pre-commit installs a hook repository from a git commit, so the working tree (with uncommitted
changes, or a fresh CI clone) is copied to a temporary folder and committed there. pre-commit then
builds factlint into its own virtualenv, which needs PyPI: the first run takes a minute or so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WRONG = "Andrej Karpathy announced on 12 June 2026 that he had joined Anthropic.\n"
RIGHT = "Andrej Karpathy announced on 19 May 2026 that he had joined Anthropic.\n"
# What the hook repository needs to install factlint; the rest of the checkout is left behind.
# extension/ stays: installing maps its lib/ (the scripts the page at / shares) to server/shared.
SKIP = {".git", "tests", "bench", "docs", "examples", "node_modules", "__pycache__", ".benchmarks"}
TIMEOUT = 600

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None or shutil.which("pre-commit") is None, reason="needs git and pre-commit"
)


def git(cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    identity = ["-c", "user.name=factlint test", "-c", "user.email=test@factlint.invalid", "-c", "commit.gpgsign=false"]
    return subprocess.run(
        ["git", *identity, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )


def copy_checkout(dest: Path) -> None:
    """The files of this checkout (tracked or not, minus caches and what installing does not need)."""

    def ignore(folder: str, names: list[str]) -> set[str]:
        top = Path(folder) == ROOT
        return {n for n in names if n in SKIP and (top or n in {"node_modules", "__pycache__", ".git"})} | {
            n for n in names if n.endswith((".egg-info", ".pyc")) or n.startswith(".pytest")
        }

    shutil.copytree(ROOT, dest, ignore=ignore)
    if not (dest / "README.md").exists():  # pyproject names it; a checkout under construction may lack it
        (dest / "README.md").write_text("factlint\n", encoding="utf-8")


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    repo = tmp_path_factory.mktemp("hook") / "factlint"
    copy_checkout(repo)
    for step in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "factlint under test"]):
        done = git(repo, *step)
        assert done.returncode == 0, done.stderr
    sha = git(repo, "rev-parse", "HEAD").stdout.strip()
    return repo, sha


def test_precommit_hook_rejects_a_wrong_date_then_accepts_the_fix(hook_repo: tuple[Path, str], tmp_path: Path) -> None:
    repo, sha = hook_repo
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PRE_COMMIT_COLOR": "never"}
    env.pop("VIRTUAL_ENV", None)
    work = tmp_path / "articles"
    work.mkdir()
    assert git(work, "init", "-q").returncode == 0
    (work / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo.as_posix()}\n    rev: {sha}\n    hooks:\n      - id: factlint\n", encoding="utf-8"
    )
    installed = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"], cwd=work, env=env, capture_output=True, text=True,
        timeout=TIMEOUT, check=False,
    )  # fmt: skip
    assert installed.returncode == 0, installed.stdout + installed.stderr

    (work / "story.md").write_text(WRONG, encoding="utf-8")
    assert git(work, "add", "story.md", ".pre-commit-config.yaml", env=env).returncode == 0
    rejected = git(work, "commit", "-m", "wrong date", env=env)
    output = rejected.stdout + rejected.stderr
    assert rejected.returncode != 0, output
    assert "story.md:1:30: FL101" in output, output
    assert "12 June 2026" in output
    assert git(work, "rev-parse", "--verify", "-q", "HEAD").returncode != 0  # nothing was committed

    (work / "story.md").write_text(RIGHT, encoding="utf-8")
    assert git(work, "add", "story.md", env=env).returncode == 0
    accepted = git(work, "commit", "-m", "right date", env=env)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "factlint" in accepted.stdout + accepted.stderr and "Passed" in accepted.stdout + accepted.stderr
    assert git(work, "log", "--oneline").stdout.count("\n") == 1
