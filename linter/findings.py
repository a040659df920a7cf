"""Findings are plain data: every surface (CLI, API, extension) serialises the same object."""

from __future__ import annotations

import operator
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from typing import Any, Literal, NamedTuple

from linter.annotate.text import LineIndex

Severity = Literal["error", "warning"]


class Applicability(StrEnum):
    """Whether `--fix` may apply a fix on its own (ruff's word): a wrong date or a misspelled name
    has one right replacement; swapping the person in "reports to X" changes what the sentence
    says about someone else, so it waits for `--unsafe-fixes`."""

    SAFE = "safe"
    UNSAFE = "unsafe"


class Fix(NamedTuple):
    """The replacement for a finding's span, and whether it is safe to apply unasked."""

    replacement: str
    applicability: Applicability = Applicability.SAFE

    def to_dict(self) -> dict[str, str]:
        return {"replacement": self.replacement, "applicability": self.applicability.value}


@dataclass(frozen=True)
class Finding:
    """One statement in the text that contradicts the fact sheet.

    `start`/`end` are code-point offsets into the document's text, recorded when the claim
    was matched; line and column are derived from them once, by the engine.
    """

    rule: str
    fact: str
    severity: Severity
    message: str
    found: str
    expected: str
    suggestion: str | None
    sources: tuple[str, ...]
    start: int
    end: int
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)
    # The claim the rule read (subject, relation, value, scope, why it is sure); see
    # `linter.claims.model`. Only rules built on the claim layer set it; JSON shows it when set.
    claim: dict[str, object] | None = field(default=None, compare=False, hash=False)
    # The suggestion as an edit `--fix`, editors and the extension can apply, with its safety.
    fix: Fix | None = field(default=None, compare=False, hash=False)

    def __post_init__(self) -> None:
        """A suggestion is a fix: safe unless the engine marks it with its rule's applicability."""
        if self.fix is None and self.suggestion is not None:
            object.__setattr__(self, "fix", Fix(self.suggestion))

    def to_dict(self) -> dict[str, object]:
        """The JSON shape of a finding (issue #2, section 4); `extra` is left out, and `claim`
        appears only when a rule recorded one."""
        data = dict(zip(FIELDS, _FIELD_VALUES(self), strict=True))  # one C call, not a getattr per field
        data["sources"] = list(self.sources)
        data["fix"] = self.fix.to_dict() if self.fix else None
        if self.claim is not None:
            data["claim"] = self.claim
        return data

    def with_applicability(self, applicability: Applicability) -> Finding:
        """The same finding, its fix (if any) marked safe or unsafe."""
        if self.fix is None or self.fix.applicability is applicability:
            return self
        return replace(self, fix=Fix(self.fix.replacement, applicability))


FIELDS = tuple(f.name for f in fields(Finding) if f.name not in ("extra", "claim", "fix"))
_FIELD_VALUES = operator.attrgetter(*FIELDS)


def located(text: str, lines: LineIndex, start: int, end: int, **fields: Any) -> Finding:
    """A finding for `text[start:end]`: `found` and the 1-based positions come from the offsets."""
    line, column = lines.position(start)
    end_line, end_column = lines.position(end)
    return Finding(
        found=text[start:end],
        start=start,
        end=end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        **fields,
    )
