"""The stored parse of a sheet: the very document tomllib makes, plain JSON on disk, used only for
the same bytes, and harmless when missing, corrupt or planted."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from linter.sheet import builtin_sheet_path, parse_sheet
from linter.sheet.stored import parsed_toml

TRICKY = """
title = "\\u0000 starts with the tag"
tag = "\\u0000d2026-05-19"
day = 2026-05-19
moment = 2026-05-19T10:30:00.123456+02:00
utc = 2026-05-19T08:30:00Z
local = 2026-05-19T10:30:00
clock = 10:30:00
big = 12345678901234567890
ratio = 0.1
odd = [nan, inf, -inf]
nested = {a = [{b = [2026-01-01, "x"]}], "\\u0000key" = true}
"""


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("FACTLINT_NO_CACHE", raising=False)
    return tmp_path


def same(a: object, b: object) -> bool:
    """Equality where NaN equals NaN, types included (a datetime is not a date)."""
    if isinstance(a, float) and a != a:
        return isinstance(b, float) and b != b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


@pytest.mark.parametrize("raw", [TRICKY, builtin_sheet_path().read_text(encoding="utf-8")])
def test_the_stored_document_is_tomllibs(cache: Path, raw: str) -> None:
    first = parsed_toml(raw, "s.toml")
    (file,) = cache.glob("sheet-*.json")
    json.loads(file.read_text(encoding="utf-8"))  # plain JSON
    second = parsed_toml(raw, "s.toml")
    assert same(first, tomllib.loads(raw)) and same(second, tomllib.loads(raw))


def plant(cache: Path, key: str, value: str) -> None:
    """Change one value of the stored parse, as someone with write access to the cache could."""
    (file,) = cache.glob("sheet-*.json")
    stored = json.loads(file.read_text(encoding="utf-8"))
    stored["doc"][key] = value
    file.write_text(json.dumps(stored), encoding="utf-8")


def test_it_is_used_for_the_same_bytes_only(cache: Path) -> None:
    parsed_toml('a = "one"\n', "s.toml")
    plant(cache, "a", "planted")
    assert parsed_toml('a = "one"\n', "s.toml") == {"a": "planted"}  # data only, like the sheet itself
    assert parsed_toml('a = "two"\n', "s.toml") == {"a": "two"}  # an edit parses again
    assert parsed_toml('a = "one"\n', "s.toml") == {"a": "one"}  # and replaced the stored copy


@pytest.mark.parametrize("content", ["{not json", "[]", '{"key": 1}', '{"key": "x", "doc": 3}'])
def test_a_corrupt_file_is_ignored(cache: Path, content: str) -> None:
    parsed_toml("a = 2026-05-19\n", "s.toml")
    (file,) = cache.glob("sheet-*.json")
    file.write_text(content, encoding="utf-8")
    assert same(parsed_toml("a = 2026-05-19\n", "s.toml"), {"a": tomllib.loads("a = 2026-05-19")["a"]})


def test_a_bad_tag_is_ignored(cache: Path) -> None:
    parsed_toml("a = 2026-05-19\n", "s.toml")
    plant(cache, "a", "\x00zwhatever")
    assert same(parsed_toml("a = 2026-05-19\n", "s.toml"), tomllib.loads("a = 2026-05-19\n"))


def test_syntax_errors_still_name_the_line(cache: Path) -> None:
    from linter.sheet import SheetError

    with pytest.raises(SheetError, match=r"bad\.toml:2: invalid fact sheet: TOML syntax"):
        parse_sheet('[sheet]\nid = "x\n', "bad.toml")
    assert not list(cache.glob("sheet-*.json"))


def test_no_cache_means_no_file(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTLINT_NO_CACHE", "1")
    assert parsed_toml("a = 1\n", "s.toml") == {"a": 1}
    assert list(cache.iterdir()) == []


def test_only_the_latest_files_are_kept(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from linter.sheet import stored

    monkeypatch.setattr(stored, "MAX_FILES", 3)
    for i in range(5):
        parsed_toml(f"a = {i}\n", f"s{i}.toml")
    assert len(list(cache.glob("sheet-*.json"))) == 3
