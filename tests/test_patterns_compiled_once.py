"""The engine compiles each regular expression once, even with several large sheets in one process
(a server given several `--facts`): once its sheets are warm, a page compiles at most what a
sheet needs the first time (the cues of a set of facts no page asked about before), never a
pattern compiled already.

Patterns built from a sheet's words are compiled once per sheet and kept; none is left to the
`re` module's own cache of 512 patterns, which several large sheets overflow: a pattern evicted
from it was compiled again on every page (a mandate's people were looked up by one pattern per
name, re-read for every page once a process held more than 32 mandates)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from bench.generated import bench_articles
from bench.scaled_sheet import scaled_sheet
from linter.claims.mandates import people_in
from linter.documents import Document
from linter.engine import lint
from linter.registry import registry
from linter.sheet import default_sheet

compiler = getattr(re, "_compiler", None)


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The patterns the `re` module compiles (not finds in its cache) while the test runs."""
    if compiler is None:
        pytest.skip("this Python's re module has no _compiler to watch")
    seen: list[str] = []
    original = compiler.compile

    def counted(pattern: object, flags: int = 0) -> object:
        seen.append(f"{flags}:{pattern!s}")
        return original(pattern, flags)

    monkeypatch.setattr(compiler, "compile", counted)
    yield seen


def test_no_pattern_is_compiled_again_with_several_large_sheets(compiles: list[str]) -> None:
    rules = registry().engine_rules()
    sheets = [default_sheet(), scaled_sheet(4), scaled_sheet(16), scaled_sheet(16, distinct=True)]
    texts = bench_articles(14)
    for sheet in sheets:
        for text in texts[:4]:
            lint(Document("warm", text), sheet, rules)
    warm = len(compiles)
    pages = 0
    for sheet in sheets:
        for text in texts[4:]:
            lint(Document("page", text), sheet, rules)
            pages += 1
    assert warm > 0  # the watch works: warming the sheets compiled their patterns
    assert [p for p in compiles[warm:] if compiles.count(p) > 1] == []
    assert len(compiles) - warm < pages / 4


def test_the_people_a_mandate_names_are_whole_words_of_their_names() -> None:
    sheet = default_sheet()
    assert people_in(sheet, "work alongside Nick Joseph") == {"nick-joseph"}
    assert people_in(sheet, "report to Joseph and Amodei") == {"nick-joseph", "dario-amodei"}
    assert people_in(sheet, "work with Josephine") == frozenset()  # not a whole word
    assert people_in(sheet, "lead the pre-training team") == frozenset()
