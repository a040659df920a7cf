"""Every rule on a second event: fixture files written blind from another sheet.

`tests/fixtures/rules/<sheet id>/FLxxx.txt` holds blocks (separated by a blank line) about the event
of `tests/sheets/<sheet id>.toml`: contradictions annotated `{{span|FLxxx}}`, correct paraphrases and
near-misses left bare. Each block is checked on its own. An annotated span must be flagged by its
rule; nothing else may be flagged by any rule. The rules' own `examples` cover the default sheet,
so together every rule is shown on two sheets (and the engine knows neither event).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from linter.api import check_text
from linter.sheet import load_sheet
from tests.corpus_format import Label, parse_annotated

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures" / "rules"
BLOCK_BREAK = re.compile(r"\n[ \t]*\n")

CASES = [
    pytest.param(path, id=f"{path.parent.name}-{path.stem}")
    for path in sorted(FIXTURES.glob("*/FL*.txt"))
    if (HERE / "sheets" / f"{path.parent.name}.toml").exists()
]


def blocks(text: str, labels: list[Label]) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """The blocks of a cleaned fixture, each with its labels as offsets into the block."""
    out = []
    start = 0
    for brk in [*BLOCK_BREAK.finditer(text), None]:
        end = brk.start() if brk else len(text)
        block = text[start:end]
        mine = [(lab.start - start, lab.end - start, lab.rule) for lab in labels if start <= lab.start < end]
        if block.strip():
            out.append((block, mine))
        start = brk.end() if brk else end
    return out


def test_there_are_fixtures_for_a_second_sheet() -> None:
    assert len(CASES) >= 10, "every rule the second sheet can exercise needs a fixture file"


@pytest.mark.parametrize("path", CASES)
def test_rule_fixture(path: Path) -> None:
    sheet = load_sheet(HERE / "sheets" / f"{path.parent.name}.toml")
    text, labels = parse_annotated(path.read_text(encoding="utf-8"), name=str(path))
    problems = []
    for block, expected in blocks(text, labels):
        _, findings = check_text(block, sheet=sheet, whole_page=False)
        errors = [f for f in findings if f.severity == "error"]
        for start, end, rule in expected:
            if not any(f.rule == rule and f.start < end and start < f.end for f in errors):
                problems.append(f"missed {rule} {block[start:end]!r} in: {block.strip()[:120]!r}")
        for f in errors:
            if not any(f.rule == rule and f.start < end and start < f.end for start, end, rule in expected):
                problems.append(f"false {f.rule} {f.found!r} ({f.message[:80]}) in: {block.strip()[:120]!r}")
    assert problems == []
