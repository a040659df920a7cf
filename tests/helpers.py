"""Small helpers shared by the rule tests."""

from __future__ import annotations

from linter.api import check_text
from linter.findings import Finding
from linter.sheet import Sheet


def flagged(text: str, rule: str | None = None, sheet: Sheet | None = None, **kwargs: object) -> list[Finding]:
    """Findings for `text`, optionally only those of one rule."""
    _, findings = check_text(text, sheet=sheet, **kwargs)  # type: ignore[arg-type]
    return [f for f in findings if rule is None or f.rule == rule]


def spans(text: str, rule: str | None = None, **kwargs: object) -> list[str]:
    """The flagged texts, in order: what a reader would see underlined."""
    return [f.found for f in flagged(text, rule, **kwargs)]
