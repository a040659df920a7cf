"""Findings are plain data: every surface (CLI, API, extension) serialises the same object."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

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

    def to_dict(self) -> dict[str, object]:
        """The JSON shape of a finding (issue #2, section 4); `extra` is left out."""
        data = asdict(self)
        data.pop("extra")
        data["sources"] = list(self.sources)
        return data
