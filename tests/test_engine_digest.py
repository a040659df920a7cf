"""Speed work must not change a single finding: every finding (rule, span, severity, expected) of
a fixed corpus under every test sheet hashes to the digest in `tests/snapshots/engine-digest.txt`.

The corpus is deterministic: 40 generated articles (plain text and Markdown, `bench.generated`
with a fixed seed), the labelled articles of `tests/corpus/` and the examples, each checked
against the default sheet and the sheets in `tests/sheets/`, with and without a publication date.
Regenerate the digest only on purpose (a rule change that is meant to move findings):

    FACTLINT_UPDATE_DIGEST=1 python -m pytest tests/test_engine_digest.py
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from bench.generated import make_article, markdown_article, paragraphs
from linter.documents import Document, build_document
from linter.engine import lint_with_coverage
from linter.findings import Finding
from linter.registry import registry
from linter.sheet import Sheet, default_sheet, load_sheet
from tests.corpus_format import CORPUS_DIR, SHEETS_DIR, parse_annotated

SNAPSHOT = Path(__file__).resolve().parent / "snapshots" / "engine-digest.txt"
ARTICLES, SEED = 40, 12
PUBLISHED = dt.date(2026, 5, 21)


def documents() -> Iterator[Document]:
    """The fixed corpus: generated articles first, then the labelled ones, in a stable order."""
    rng, pool = random.Random(SEED), paragraphs()
    for i in range(ARTICLES):
        size = rng.randint(1_000, 20_000)
        if i % 2:
            yield build_document(markdown_article(rng, pool, size), f"gen-{i:02d}.md", "markdown")
        else:
            yield build_document(make_article(rng, pool, size), f"gen-{i:02d}.txt", "text")
    root = CORPUS_DIR.parent.parent
    for path in sorted(CORPUS_DIR.rglob("*.txt")):
        text, _ = parse_annotated(path.read_text(encoding="utf-8"), str(path))
        yield build_document(text, str(path.relative_to(root)), "text")
    for path in sorted((root / "examples").iterdir()):
        kind = {".txt": "text", ".md": "markdown", ".html": "html"}.get(path.suffix)
        if kind:
            yield build_document(path.read_text(encoding="utf-8"), path.name, kind)


def sheets() -> list[Sheet]:
    return [default_sheet(), *(load_sheet(p) for p in sorted(SHEETS_DIR.glob("*.toml")))]


def finding_lines(docs: Iterable[Document], sheet_list: list[Sheet]) -> Iterator[str]:
    """One line per finding (and one per page's coverage verdict), in a stable order."""
    rules = registry().engine_rules()
    for n, doc in enumerate(docs):
        published = PUBLISHED if n % 3 == 0 else None
        for s, sheet in enumerate(sheet_list):
            found, covered = lint_with_coverage(doc, sheet, rules, published=published, whole_page=False)
            yield f"{doc.path}|{s}|applies={covered.applies}|{covered.statements}"
            yield from (line(doc.path, s, f) for f in found)


def line(path: str, sheet: int, f: Finding) -> str:
    return f"{path}|{sheet}|{f.rule}|{f.start}|{f.end}|{f.severity}|{f.expected}"


def digest(lines: Iterable[str]) -> tuple[str, int]:
    """The SHA-256 of the lines and how many there were."""
    h, count = hashlib.sha256(), 0
    for text in lines:
        h.update(text.encode() + b"\n")
        count += 1
    return h.hexdigest(), count


def test_findings_match_the_recorded_digest() -> None:
    lines = list(finding_lines(documents(), sheets()))
    got, count = digest(lines)
    assert count > 300, "the corpus should produce hundreds of findings, or it proves nothing"
    recorded = f"{got} {count}\n"
    if os.environ.get("FACTLINT_UPDATE_DIGEST") == "1":
        SNAPSHOT.write_text(recorded, encoding="utf-8")
    assert SNAPSHOT.exists(), "no digest yet: run once with FACTLINT_UPDATE_DIGEST=1"
    assert SNAPSHOT.read_text(encoding="utf-8") == recorded, "findings changed: an optimisation moved a finding"


def test_digest_moves_when_one_finding_moves() -> None:
    """The digest is sensitive to each field it records: a shifted span or another expected value."""
    base = Finding("FL101", "f", "error", "m", "May 20", "May 19", None, (), 10, 16)
    moved = Finding("FL101", "f", "error", "m", "May 20", "May 19", None, (), 10, 17)
    other = Finding("FL101", "f", "error", "m", "May 20", "May 18", None, (), 10, 16)
    digests = {digest([line("a", 0, f)])[0] for f in (base, moved, other)}
    assert len(digests) == 3


@pytest.mark.parametrize("kind", ["text", "markdown"])
def test_generated_corpus_is_reproducible(kind: str) -> None:
    pool = paragraphs()
    make = make_article if kind == "text" else markdown_article
    assert make(random.Random(1), pool, 3_000) == make(random.Random(1), pool, 3_000)
