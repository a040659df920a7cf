"""The compiled-pattern cache stays small: code is stored compactly, and a pattern no run uses any
more (one built from data, e.g. a sheet's names in a run-dependent order) is dropped after
`KEEP_GENERATIONS` writes of the file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from linter import regex_cache

ROOT = Path(__file__).resolve().parent.parent
PROBE = """
import re, sys
from linter import regex_cache
regex_cache.enable()
for pattern in sys.argv[1:]:
    assert re.compile(pattern).search("x abc kept") is not None
"""


def run(cache: Path, *patterns: str) -> dict[str, int]:
    env = {**os.environ, "FACTLINT_CACHE_DIR": str(cache)}
    env.pop("FACTLINT_NO_CACHE", None)
    subprocess.run([sys.executable, "-c", PROBE, *patterns], env=env, cwd=ROOT, check=True)
    (path,) = cache.glob(f"regex-*-{regex_cache.FORMAT}.json")
    data = json.loads(path.read_text())
    assert all(isinstance(item["code"], str) for item in data["patterns"])  # base64, not a list
    return {item["pattern"]: item["seen"] for item in data["patterns"]}


def test_an_unused_pattern_is_dropped_and_a_used_one_kept(tmp_path: Path) -> None:
    assert set(run(tmp_path, "a(b)c", "kept")) >= {"a(b)c", "kept"}
    for i in range(regex_cache.KEEP_GENERATIONS + 1):
        seen = run(tmp_path, "kept|abc", f"abc|{i}x")  # something new every run: the file is rewritten
    assert "a(b)c" not in seen and "kept|abc" in seen and "abc|0x" not in seen
    assert f"abc|{regex_cache.KEEP_GENERATIONS}x" in seen


def test_the_older_layout_is_left_to_older_versions(tmp_path: Path) -> None:
    """factlint before this layout reads `regex-<build>.json` and would choke on the new one."""
    run(tmp_path, "a(b)c")
    (path,) = tmp_path.glob(f"regex-*-{regex_cache.FORMAT}.json")
    older = path.with_name(path.name.removesuffix(f"-{regex_cache.FORMAT}.json") + ".json")
    older.write_text('{"patterns": [], "derived": {}}')
    run(tmp_path, "a(b)c", "kept")
    assert older.read_text() == '{"patterns": [], "derived": {}}'


def test_a_file_without_the_layout_number_is_replaced(tmp_path: Path) -> None:
    run(tmp_path, "a(b)c")
    (path,) = tmp_path.glob(f"regex-*-{regex_cache.FORMAT}.json")
    data = json.loads(path.read_text())
    del data["format"]
    path.write_text(json.dumps(data))
    assert "a(b)c" in run(tmp_path, "a(b)c")
    assert json.loads(path.read_text())["format"] == regex_cache.FORMAT
