"""Every miss and false alarm of the per-rule fixtures written blind for other events' sheets.

    python bench/fixtures.py            # MISS/FALSE lines and a total
    python bench/fixtures.py FL4 FL6    # only the fixture files of these rules (by prefix)

`tests/test_rule_fixtures.py` asserts the same per file; this lists all of them at once, so a
change can be judged across every rule (see the file's docstring for the fixture format).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from linter.api import check_text
from linter.sheet import load_sheet
from tests.corpus_format import parse_annotated
from tests.test_rule_fixtures import FIXTURES, HERE, blocks


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def report(prefixes: list[str]) -> tuple[list[str], int, int, int]:
    """(lines, labels, missed, false) over the fixture files whose rule starts with a prefix."""
    lines: list[str] = []
    total = missed = false = 0
    for path in sorted(FIXTURES.glob("*/FL*.txt")):
        sheet_path = HERE / "sheets" / f"{path.parent.name}.toml"
        if not sheet_path.exists() or (prefixes and not path.stem.startswith(tuple(prefixes))):
            continue
        sheet = load_sheet(sheet_path)
        text, labels = parse_annotated(path.read_text(encoding="utf-8"), name=str(path))
        for block, expected in blocks(text, labels):
            _, findings = check_text(block, sheet=sheet, whole_page=False)
            errors = [f for f in findings if f.severity == "error"]
            head = block.strip()[:110]
            total += len(expected)
            for start, end, rule in expected:
                if not any(f.rule == rule and overlaps((f.start, f.end), (start, end)) for f in errors):
                    missed += 1
                    lines.append(f"MISS  {path.stem} {block[start:end]!r}: {head}")
            for f in errors:
                if not any(f.rule == rule and overlaps((f.start, f.end), (s, e)) for s, e, rule in expected):
                    false += 1
                    lines.append(f"FALSE {path.stem} {f.rule} {f.found!r} {f.message[:70]} :: {head[:90]}")
    return lines, total, missed, false


def main(argv: list[str]) -> int:
    lines, total, missed, false = report(argv)
    print("\n".join(lines))
    print(f"labels {total} missed {missed} false {false}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
