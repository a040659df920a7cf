"""Findings are plain data: every surface (CLI, API, extension) serialises the same object."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Literal

from linter.annotate.text import LineIndex

Severity = Literal["error", "warning"]


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

    def to_dict(self) -> dict[str, object]:
        """The JSON shape of a finding (issue #2, section 4); `extra` is left out, and `claim`
        appears only when a rule recorded one."""
        data = {name: getattr(self, name) for name in FIELDS}
        data["sources"] = list(self.sources)
        if self.claim is not None:
            data["claim"] = self.claim
        return data


FIELDS = tuple(f.name for f in fields(Finding) if f.name not in ("extra", "claim"))


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
