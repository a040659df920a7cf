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

# Blocks the engine does not yet get right, by id (file-block number), each a known gap of a rule
# rather than of the fixture. xfail(strict): a gap that closes fails the run until it leaves this list.
KNOWN_GAPS: dict[str, str] = {}


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


def cases() -> list[object]:
    found = []
    for path in sorted(FIXTURES.glob("*/FL*.txt")):
        if not (HERE / "sheets" / f"{path.parent.name}.toml").exists():
            continue
        text, labels = parse_annotated(path.read_text(encoding="utf-8"), name=str(path))
        for number, (block, expected) in enumerate(blocks(text, labels), start=1):
            case_id = f"{path.parent.name}-{path.stem}-{number}"
            marks = [pytest.mark.xfail(reason=KNOWN_GAPS[case_id], strict=True)] if case_id in KNOWN_GAPS else []
            found.append(pytest.param(path.parent.name, block, expected, id=case_id, marks=marks))
    return found


CASES = cases()


def test_there_are_fixtures_for_a_second_sheet() -> None:
    assert len({c.id.rsplit("-", 1)[0] for c in CASES}) >= 10, "every rule needs a fixture file on a second sheet"


@pytest.mark.parametrize(("sheet_id", "block", "expected"), CASES)
def test_rule_fixture(sheet_id: str, block: str, expected: list[tuple[int, int, str]]) -> None:
    sheet = load_sheet(HERE / "sheets" / f"{sheet_id}.toml")
    _, findings = check_text(block, sheet=sheet, whole_page=False)
    errors = [f for f in findings if f.severity == "error"]
    problems = []
    for start, end, rule in expected:
        if not any(f.rule == rule and f.start < end and start < f.end for f in errors):
            problems.append(f"missed {rule} {block[start:end]!r}")
    for f in errors:
        if not any(f.rule == rule and f.start < end and start < f.end for start, end, rule in expected):
            problems.append(f"false {f.rule} {f.found!r} ({f.message[:80]})")
    assert problems == [], block
