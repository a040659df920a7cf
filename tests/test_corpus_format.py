"""The corpus parser must be exact: every label is ground truth for precision and recall."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

try:  # `tests` as a package (rootdir on sys.path) or as a plain directory (pytest's default)
    from tests.corpus_format import CORPUS_DIR, RULE_CODES, SPLITS, Label, load_split, parse_annotated
except ModuleNotFoundError:
    from corpus_format import CORPUS_DIR, RULE_CODES, SPLITS, Label, load_split, parse_annotated

#: The blind split (written independently, never used for tuning) is checked like the others even
#: while corpus_format.SPLITS does not list it; bench/quality.py scores it the same way.
ALL_SPLITS = (*SPLITS, *(name for name in ("blind",) if name not in SPLITS))


def load_any_split(name: str) -> list[tuple[Path, str, list[Label]]]:
    """`load_split(name)`, or the same parse of tests/corpus/<name>/ for a split it does not list."""
    if name in SPLITS:
        return load_split(name)
    paths = sorted((CORPUS_DIR / name).glob("*.txt"))
    return [(path, *parse_annotated(path.read_text(encoding="utf-8"), name=str(path))) for path in paths]


def test_offsets_index_the_cleaned_text() -> None:
    text, labels = parse_annotated("He posted on {{LinkedIn|FL501}} on {{Thursday|FL102}}.")
    assert text == "He posted on LinkedIn on Thursday."
    assert labels == [Label(13, 21, "FL501"), Label(25, 33, "FL102")]
    assert [text[lab.start : lab.end] for lab in labels] == ["LinkedIn", "Thursday"]


def test_offsets_are_code_points_not_bytes() -> None:
    text, labels = parse_annotated("Karpathy — “{{Thrilled|FL701}} to welcome…” and {{Antropic|FL801}} ✓")
    assert [text[lab.start : lab.end] for lab in labels] == ["Thrilled", "Antropic"]
    assert labels[0].start == len("Karpathy — “")


def test_text_without_annotations_is_unchanged() -> None:
    raw = "All correct: Nick Joseph heads pre-training.\nSecond line | with a pipe and } braces {."
    assert parse_annotated(raw) == (raw, [])


def test_adjacent_annotations_and_multiline_text() -> None:
    text, labels = parse_annotated("{{Friday|FL102}}{{, 12 June|FL101}}\n{{Andrej Karpaty|FL801}}")
    assert text == "Friday, 12 June\nAndrej Karpaty"
    assert labels == [Label(0, 6, "FL102"), Label(6, 15, "FL101"), Label(16, 30, "FL801")]


def test_label_is_frozen() -> None:
    label = Label(0, 1, "FL101")
    with pytest.raises(AttributeError):
        label.start = 2  # type: ignore[misc]


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("a {{b {{c|FL101}} d|FL102}} e", "nested"),
        ("a {{b|FL101 c", "never closed"),
        ("a b|FL101}} c", "without a matching"),
        ("a {{b}} c", "no '|CODE'"),
        ("a {{b|fl101}} c", "bad rule code"),
        ("a {{b|FL10}} c", "bad rule code"),
        ("a {{b|FL101 }} c", "bad rule code"),
        ("a {{|FL101}} c", "empty or whitespace-padded"),
        ("a {{ b|FL101}} c", "empty or whitespace-padded"),
        ("a {{b|c|FL101}} c", "contains '|'"),
    ],
)
def test_malformed_markup_raises_with_name_and_line(raw: str, problem: str) -> None:
    with pytest.raises(ValueError, match=r"article\.txt:2:") as info:
        parse_annotated("first line\n" + raw, name="article.txt")
    assert problem in str(info.value)


def test_load_split_names_the_broken_file(tmp_path: Path) -> None:
    (tmp_path / "dev").mkdir()
    (tmp_path / "dev" / "good.txt").write_text("Fine {{here|FL101}}.\n", encoding="utf-8")
    (tmp_path / "dev" / "broken.txt").write_text("Broken {{here|FL101.\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken\.txt:1: '\{\{' is never closed"):
        load_split("dev", root=tmp_path)


def test_load_split_rejects_unknown_and_empty_splits(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown corpus split"):
        load_split("train", root=tmp_path)
    (tmp_path / "heldout").mkdir()
    with pytest.raises(ValueError, match=r"no \*\.txt articles"):
        load_split("heldout", root=tmp_path)


@pytest.mark.parametrize("split", ALL_SPLITS)
def test_corpus_split_parses_with_known_codes(split: str) -> None:
    articles = load_any_split(split)
    assert articles, f"split {split} is empty"
    for path, text, labels in articles:
        assert "{{" not in text and "}}" not in text, path.name
        words = len(text.split())
        assert 150 <= words <= 700, f"{path.name}: {words} words"
        for lab in labels:
            assert lab.rule in RULE_CODES, f"{path.name}: unknown rule {lab.rule}"
            assert 0 <= lab.start < lab.end <= len(text), f"{path.name}: {lab}"
        spans = [(lab.start, lab.end) for lab in labels]
        assert spans == sorted(spans), f"{path.name}: labels out of order"
        assert all(a_end <= b_start for (_, a_end), (b_start, _) in itertools.pairwise(spans)), path.name


def test_splits_do_not_share_articles() -> None:
    texts = {split: {text for _, text, _ in load_any_split(split)} for split in ALL_SPLITS}
    for a, b in itertools.combinations(ALL_SPLITS, 2):
        assert not texts[a] & texts[b], f"{a} and {b} share an article"
