"""The compiled-pattern cache: same matches as `re`, data only, and harmless when the file is bad."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = """
import re, sys
from linter import regex_cache
regex_cache.enable()
from re import _parser
calls = []
original = _parser.parse
_parser.parse = lambda *a, **k: calls.append(a[0]) or original(*a, **k)
pattern = re.compile(r"(?P<who>[A-Z]\\w+) (?:joined|left) (?P<org>\\w+)(?i: in (\\d{4}))?", re.MULTILINE)
m = pattern.search("x\\nKarpathy joined Tesla IN 2017")
print(m.groupdict(), m.group(3), pattern.groupindex["org"], len(calls))
"""


def probe(cache: Path) -> str:
    env = {**os.environ, "FACTLINT_CACHE_DIR": str(cache)}
    env.pop("FACTLINT_NO_CACHE", None)
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    return done.stdout.strip()


def test_a_cached_pattern_matches_as_re_compiles_it_and_skips_parsing(tmp_path: Path) -> None:
    first = probe(tmp_path)
    assert first.startswith("{'who': 'Karpathy', 'org': 'Tesla'} 2017 2 ")
    assert first.endswith(" 1")  # compiled (parsed) once and written to the cache
    files = list(tmp_path.glob("regex-*.json"))
    assert len(files) == 1 and json.loads(files[0].read_text())["patterns"]
    second = probe(tmp_path)
    assert second == first.removesuffix(" 1") + " 0"  # the same groups, no parsing at all


def test_a_corrupt_or_planted_file_is_ignored(tmp_path: Path) -> None:
    probe(tmp_path)
    (path,) = tmp_path.glob("regex-*.json")
    data = json.loads(path.read_text())
    for item in data["patterns"]:
        item["code"] = ["__import__('os').system('false')"]  # not SRE code: refused, never run
    path.write_text(json.dumps(data))
    assert probe(tmp_path).startswith("{'who': 'Karpathy', 'org': 'Tesla'} 2017 2 ")
    path.write_text("{not json")
    assert probe(tmp_path).startswith("{'who': 'Karpathy', 'org': 'Tesla'} 2017 2 ")


def test_no_cache_means_no_file(tmp_path: Path) -> None:
    env = {**os.environ, "FACTLINT_CACHE_DIR": str(tmp_path), "FACTLINT_NO_CACHE": "1"}
    subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    assert list(tmp_path.iterdir()) == []


def test_planted_pattern_facts_are_read_afresh(tmp_path: Path) -> None:
    """The literal prefixes kept for the claim scanner are data too: a wrong shape is ignored."""
    env = {**os.environ, "FACTLINT_CACHE_DIR": str(tmp_path)}
    env.pop("FACTLINT_NO_CACHE", None)
    command = [sys.executable, "-m", "linter", "check", "--format", "json", "-"]
    text = "Andrej Karpathy joined Anthropic in May 2026 and reports to Sam Altman.\n"
    first = subprocess.run(command, input=text, capture_output=True, text=True, env=env, cwd=ROOT)
    assert first.returncode == 1 and "FL" in first.stdout
    (path,) = tmp_path.glob("regex-*.json")
    data = json.loads(path.read_text())
    assert any(key.startswith("prefixes") for key in data["derived"])
    data["derived"] = {key: 7 if i % 2 else ["", 3] for i, key in enumerate(data["derived"])}
    path.write_text(json.dumps(data))
    again = subprocess.run(command, input=text, capture_output=True, text=True, env=env, cwd=ROOT)
    assert (again.returncode, again.stdout, again.stderr) == (first.returncode, first.stdout, first.stderr)
