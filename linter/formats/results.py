"""What a lint run produces per file: the document's text and its findings (input to formatters)."""

from __future__ import annotations

from typing import NamedTuple

from linter.findings import Finding


class FileResult(NamedTuple):
    """One file's findings with the text they index: what every output format renders."""

    path: str
    text: str
    findings: list[Finding]

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity == "warning")
