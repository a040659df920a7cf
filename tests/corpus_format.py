"""The labelled corpus format: plain articles with inline `{{flagged span|FLxxx}}` annotations.

Annotations mark the minimal text a linter should underline and the rule that should fire there.
The cleaned text (markup removed) is what the engine sees; label offsets are code-point offsets
into it, so they compare directly with a Finding's `start`/`end`. Shared by the pytest suite and
`bench/quality.py`, which is why it lives beside the tests and has no dependency on the engine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
SPLITS = ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "event-hamilton-ferrari-2024")
SHEETS_DIR = Path(__file__).resolve().parent / "sheets"


def sheet_for_split(name: str) -> Path | None:
    """A split named `event-<sheet id>` is about another event, checked against tests/sheets/<id>.toml;
    every other split is about the default sheet's event (None)."""
    if name.startswith("event-"):
        return SHEETS_DIR / f"{name.removeprefix('event-')}.toml"
    return None


#: Every rule code the corpus may use; anything else in an annotation is a typo.
RULE_CODES = frozenset(
    {
        "FL101", "FL102", "FL103", "FL201", "FL301", "FL401", "FL402", "FL501",
        "FL601", "FL602", "FL603", "FL701", "FL801", "FL901",
    }
)  # fmt: skip

OPEN, CLOSE, SEP = "{{", "}}", "|"
CODE_PATTERN = re.compile(r"FL\d{3}")


@dataclass(frozen=True)
class Label:
    """One expected finding: rule `rule` should cover the cleaned text `start:end`."""

    start: int
    end: int
    rule: str


def _line_of(raw: str, offset: int) -> int:
    """1-based line number of `offset` in the raw text, for error messages people can act on."""
    return raw.count("\n", 0, offset) + 1


def parse_annotated(raw: str, name: str = "<string>") -> tuple[str, list[Label]]:
    """Strip the annotations from `raw`; return the cleaned text and its labels in text order.

    Raises ValueError naming `name` and the line for anything malformed: an unclosed `{{`, a
    stray `}}`, nested annotations, a missing or badly formed rule code, an empty span or a span
    with leading/trailing whitespace (spans must be minimal, so such a span is a typo). Codes are
    checked for shape here; `RULE_CODES` membership is checked by the tests, so a corpus can be
    loaded while a new rule code is being introduced.
    """
    out: list[str] = []
    labels: list[Label] = []
    clean_len = 0
    pos = 0
    while True:
        opening = raw.find(OPEN, pos)
        closing = raw.find(CLOSE, pos)
        if closing != -1 and (opening == -1 or closing < opening):
            raise ValueError(f"{name}:{_line_of(raw, closing)}: '}}}}' without a matching '{{{{'")
        if opening == -1:
            out.append(raw[pos:])
            break
        out.append(raw[pos:opening])
        clean_len += opening - pos
        inner_start = opening + len(OPEN)
        closing = raw.find(CLOSE, inner_start)
        if closing == -1:
            raise ValueError(f"{name}:{_line_of(raw, opening)}: '{{{{' is never closed")
        inner = raw[inner_start:closing]
        if OPEN in inner:
            raise ValueError(f"{name}:{_line_of(raw, opening)}: nested annotation inside {inner!r}")
        if SEP not in inner:
            raise ValueError(f"{name}:{_line_of(raw, opening)}: annotation {inner!r} has no '|CODE'")
        span, code = inner.rsplit(SEP, 1)
        if not CODE_PATTERN.fullmatch(code):
            raise ValueError(f"{name}:{_line_of(raw, opening)}: bad rule code {code!r} (expected FLnnn)")
        if not span or span != span.strip():
            raise ValueError(f"{name}:{_line_of(raw, opening)}: empty or whitespace-padded span {span!r}")
        if SEP in span:
            raise ValueError(f"{name}:{_line_of(raw, opening)}: span {span!r} contains '|'")
        labels.append(Label(clean_len, clean_len + len(span), code))
        out.append(span)
        clean_len += len(span)
        pos = closing + len(CLOSE)
    return "".join(out), labels


def load_split(name: str, root: Path = CORPUS_DIR) -> list[tuple[Path, str, list[Label]]]:
    """Every `*.txt` article of split `name` ('dev' or 'heldout'), parsed, sorted by file name.

    Raises ValueError for an unknown split, an empty split directory or a malformed file (the
    message names the file), so a broken corpus stops a benchmark instead of skewing it.
    """
    if name not in SPLITS:
        raise ValueError(f"unknown corpus split {name!r} (expected one of {', '.join(SPLITS)})")
    folder = root / name
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        raise ValueError(f"{folder}: no *.txt articles in split {name!r}")
    return [(path, *parse_annotated(path.read_text(encoding="utf-8"), name=str(path))) for path in paths]
