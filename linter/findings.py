"""Findings are plain data: every surface (CLI, API, extension) serialises the same object."""

from __future__ import annotations

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


class Finding(NamedTuple):
    """One statement in the text that contradicts the fact sheet.

    `start`/`end` are code-point offsets into the document's text, recorded when the claim
    was matched; line and column are derived from them once, by the engine. Two findings are
    equal when their first `COMPARED` fields are: `extra`, `claim` and the fix's safety say how
    a finding was reached or may be applied, not what it is.
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
    extra: dict[str, object] = {}  # noqa: RUF012 (findings are never changed: the empty default is shared)
    # The claim the rule read (subject, relation, value, scope, why it is sure); see
    # `linter.claims.model`. Only rules built on the claim layer set it; JSON shows it when set.
    claim: dict[str, object] | None = None
    # Whether `--fix` may apply the suggestion unasked (see `fix`).
    applicability: Applicability = Applicability.SAFE

    @property
    def fix(self) -> Fix | None:
        """The suggestion as an edit `--fix`, editors and the extension can apply, with its safety."""
        return None if self.suggestion is None else Fix(self.suggestion, self.applicability)

    def __eq__(self, other: object) -> bool:
        if type(other) is not Finding:
            return NotImplemented
        return self[:COMPARED] == other[:COMPARED]

    def __ne__(self, other: object) -> bool:
        if type(other) is not Finding:
            return NotImplemented
        return self[:COMPARED] != other[:COMPARED]

    def __hash__(self) -> int:
        return hash(self[:COMPARED])

    def to_dict(self) -> dict[str, object]:
        """The JSON shape of a finding (issue #2, section 4); `extra` is left out, and `claim`
        appears only when a rule recorded one."""
        data: dict[str, object] = dict(zip(FIELDS, self[:COMPARED], strict=True))
        data["sources"] = list(self.sources)
        fix = self.fix
        data["fix"] = fix.to_dict() if fix else None
        if self.claim is not None:
            data["claim"] = self.claim
        return data

    def with_applicability(self, applicability: Applicability) -> Finding:
        """The same finding, its fix (if any) marked safe or unsafe."""
        if self.suggestion is None or self.applicability is applicability:
            return self
        return self._replace(applicability=applicability)


COMPARED = Finding._fields.index("extra")  # rule ... end_column: what a finding is
FIELDS = Finding._fields[:COMPARED]


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
