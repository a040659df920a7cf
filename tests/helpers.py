"""Small helpers shared by the rule tests."""

from __future__ import annotations

from collections.abc import Callable

from linter.api import check_text
from linter.findings import Finding
from linter.sheet import Sheet


def flagged(text: str, rule: str | None = None, sheet: Sheet | None = None, **kwargs: object) -> list[Finding]:
    """Findings for `text`, optionally only those of one rule. A rule test judges lone sentences,
    so the page-level relevance gate is off (tests/test_relevance.py covers it)."""
    _, findings = check_text(text, sheet=sheet, whole_page=False, **kwargs)
    return [f for f in findings if rule is None or f.rule == rule]


def spans(text: str, rule: str | None = None, **kwargs: object) -> list[str]:
    """The flagged texts, in order: what a reader would see underlined."""
    return [f.found for f in flagged(text, rule, **kwargs)]


def the_finding(text: str, rule: str, span: str, expected: str, suggestion: str | None) -> Finding:
    """The one finding `text` must produce: `rule` on exactly `span`, with the sheet's value in
    `expected`, the given suggestion, sources, and offsets that index the text."""
    found = flagged(text)
    assert [(f.rule, f.found) for f in found] == [(rule, span)], found
    (finding,) = found
    assert expected in finding.expected, finding
    assert finding.suggestion == suggestion
    assert text[finding.start : finding.end] == span
    assert finding.sources
    return finding


def work(fn: Callable[[], object]) -> int:
    """How much Python work `fn` does: its count of function calls (cProfile's total). Unlike a
    timing it does not depend on the machine's load, so a test can compare sizes of input with it
    (a linear pass does ~8x the calls on 8x the input; a quadratic one ~64x). Wall-clock speed is
    measured by the bench scripts, never asserted in tests."""
    import cProfile
    import pstats

    profile = cProfile.Profile()
    profile.runcall(fn)
    return int(pstats.Stats(profile).total_calls)  # type: ignore[attr-defined]
