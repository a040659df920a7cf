"""`NameIndex.near` finds a large sheet's name tokens within two edits of a token through an index
of their deletions: exactly what comparing the token with every name token finds (rapidfuzz's
`process.extract`, which a smaller sheet's index still uses), in the same order, for the default
sheet and for ones with other people's names too, the index forced on (`index_from=0`) and off."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import process
from rapidfuzz.distance import OSA

from bench.scaled_sheet import scaled_sheet
from linter.annotate.names import INDEX_FROM, NameIndex, deletions, fold
from linter.sheet import Sheet, default_sheet


@cache
def sheets() -> list[Sheet]:
    return [default_sheet(), scaled_sheet(3, distinct=True), scaled_sheet(3)]


def every_name_compared(index: NameIndex, token: str) -> list[tuple[object, int]]:
    found = process.extract(fold(token), index._choices, scorer=OSA.distance, score_cutoff=2, limit=None)
    return sorted(((index.forms[i], int(d)) for _, d, i in found if d > 0), key=lambda p: p[1])


def edited(word: str, data: st.DataObject) -> str:
    """The word with up to three random edits: a letter deleted, added, changed or swapped."""
    for _ in range(data.draw(st.integers(0, 3))):
        i = data.draw(st.integers(0, max(0, len(word) - 1)))
        letter = data.draw(st.sampled_from("aeiouyjkrstnhpcéAK"))
        op = data.draw(st.sampled_from(["delete", "add", "change", "swap"]))
        if op == "delete" and len(word) > 1:
            word = word[:i] + word[i + 1 :]
        elif op == "add":
            word = word[:i] + letter + word[i:]
        elif op == "change" and word:
            word = word[:i] + letter + word[i + 1 :]
        elif op == "swap" and i + 1 < len(word):
            word = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word


@pytest.mark.parametrize("index_from", [0, INDEX_FROM], ids=["indexed", "compared"])
@pytest.mark.parametrize("which", [0, 1, 2], ids=["default", "own-names", "shared-names"])
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_near_finds_what_comparing_every_name_token_finds(which: int, index_from: int, data: st.DataObject) -> None:
    index = NameIndex(sheets()[which], index_from)
    word = edited(data.draw(st.sampled_from([f.text for f in index.forms])), data)
    if word:
        assert index.near(word) == every_name_compared(index, word)


@pytest.mark.parametrize("index_from", [0, INDEX_FROM], ids=["indexed", "compared"])
def test_near_on_misspellings_and_other_words(index_from: int) -> None:
    index = NameIndex(default_sheet(), index_from)
    for token in [
        "Karpaty",
        "Karpathy",
        "Anthropik",
        "Antrhopic",
        "Amodie",
        "Jospeh",
        "Teslas",
        "Apple",
        "Report",
        "Zz",
    ]:
        assert index.near(token) == every_name_compared(index, token)
    assert [f.text for f, d in index.near("Karpaty")][:1] == ["Karpathy"]
    assert index.near("Karpathy") == []  # the name itself is no near miss


def test_a_large_sheet_is_indexed_and_a_small_one_compared() -> None:
    assert NameIndex(default_sheet())._by_deletion is None
    assert NameIndex(scaled_sheet(16, distinct=True))._by_deletion is not None


def test_deletions_are_every_string_with_up_to_two_letters_deleted() -> None:
    assert deletions("abc") == {"abc", "bc", "ac", "ab", "a", "b", "c"}
    assert deletions("ab", depth=1) == {"ab", "a", "b"}
    assert "" in deletions("ab")
