"""The English word list on disk: the same answers as the package's set, plain data, and harmless
when the file is missing, bad or caching is off."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from english_words import get_english_words_set  # type: ignore[import-untyped]

from linter.language import words


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("FACTLINT_NO_CACHE", raising=False)
    words._lookup.cache_clear()
    yield tmp_path
    words._lookup.cache_clear()


def test_the_file_answers_as_the_set_does(cache: Path) -> None:
    known = get_english_words_set(["web2"], lower=True)
    sample = random.Random(7).sample(sorted(known), 3000)
    probes = sample + [w + "q" for w in sample] + [min(known), max(known), "", "a", "zzzz", "jean-pierre", "andrej"]
    assert [words.is_word(w) for w in probes] == [w in known for w in probes]
    (path,) = cache.glob("words-web2-*.txt")
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    assert lines == sorted(known)  # plain text, one word a line
    assert not list(cache.glob("*.tmp"))  # written atomically: no temporary file left


def test_bisection_finds_every_line_and_nothing_else() -> None:
    body = words._HEADER + b"".join(w + b"\n" for w in [b"ab", b"abc", b"b", b"ba", b"zz"])
    for word in (b"ab", b"abc", b"b", b"ba", b"zz"):
        assert words.contains(body, word)
    for word in (b"", b"a", b"abd", b"bb", b"z", b"zzz", b"factlint english words 1"):
        assert not words.contains(body, word)


def test_a_bad_file_falls_back_to_the_set(cache: Path) -> None:
    words.is_word("hello")
    (path,) = cache.glob("words-web2-*.txt")
    for planted in (b"", b"hello\nworld"):  # empty, or not the file factlint writes
        path.write_bytes(planted)
        words._lookup.cache_clear()
        assert words.is_word("hello") and not words.is_word("karpathy")


def test_no_cache_means_no_file(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTLINT_NO_CACHE", "1")
    assert words.is_word("hello") and not words.is_word("karpathy")
    assert list(cache.iterdir()) == []
