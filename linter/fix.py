"""`--fix`: apply findings' suggestions to .txt and .md files, safely.

A finding with a suggestion carries a `Fix`: one replacement for its span and its applicability.
Fixes are *safe* (applied by `--fix`) unless the rule marks them unsafe (`fix_applicability`): a
date, a misspelled name or a title has one right value, but replacing the person in a reporting
line ("reports to X") can change what the sentence claims about someone else, and a relative date
("yesterday") swapped for "19 May" may need a preposition, so those need `--unsafe-fixes`.

Files are read as bytes and written back as bytes: the same encoding (UTF-8, with its BOM if it had
one), the same line endings (nothing translates newlines), the same permissions, and atomically (a
temporary file in the same folder, then `os.replace`), so an interrupted run leaves every file either
old or new. HTML is never edited: its offsets index the extracted text, not the markup.
"""

from __future__ import annotations

import codecs
import difflib
import os
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from linter.findings import Applicability, Finding

FIXABLE_KINDS = ("text", "markdown")
MAX_PASSES = 10


def is_safe(finding: Finding) -> bool:
    """Safe when the finding carries a fix its rule marks safe (`Rule.fix_applicability`)."""
    return finding.fix is not None and finding.fix.applicability is Applicability.SAFE


def fixable(findings: list[Finding], unsafe: bool = False) -> list[Finding]:
    """Findings whose suggestion would change the text, within the allowed safety."""
    return [f for f in findings if f.suggestion is not None and f.suggestion != f.found and (unsafe or is_safe(f))]


def apply_fixes(text: str, findings: list[Finding]) -> tuple[str, int]:
    """Apply every fix that does not overlap an earlier one (in text order); the others wait for
    the next pass, when they are found again on the new text. Returns the text and the count."""
    pieces: list[str] = []
    pos = applied = 0
    last: tuple[int, int, str | None] | None = None
    for f in sorted(findings, key=lambda f: (f.start, f.end)):
        if last == (f.start, f.end, f.suggestion):
            continue  # the same edit from another rule or sheet
        if f.start < pos:
            continue  # overlaps the previous edit
        pieces.append(text[pos : f.start])
        pieces.append(f.suggestion or "")
        pos = f.end
        last = (f.start, f.end, f.suggestion)
        applied += 1
    pieces.append(text[pos:])
    return "".join(pieces), applied


def fix_until_stable(
    text: str, findings: list[Finding], relint: Callable[[str], list[Finding]], unsafe: bool = False
) -> tuple[str, int, list[Finding]]:
    """Fix, re-lint, repeat (overlapping fixes get their turn) until nothing changes.

    Returns the new text, how many fixes were applied and the findings that remain.
    """
    total = 0
    for _ in range(MAX_PASSES):
        edits = fixable(findings, unsafe)
        if not edits:
            break
        new_text, applied = apply_fixes(text, edits)
        if new_text == text:
            break
        text, total = new_text, total + applied
        findings = relint(text)
    return text, total, findings


# ------------------------------------------------------------------------------------ file access


@dataclass(frozen=True)
class Source:
    """A file's bytes as read, and whether they began with a UTF-8 byte order mark."""

    path: str
    data: bytes

    @property
    def bom(self) -> bool:
        return self.data.startswith(codecs.BOM_UTF8)

    def encode(self, text: str) -> bytes:
        return (codecs.BOM_UTF8 if self.bom else b"") + text.encode("utf-8")


class FixError(Exception):
    """A file that could not be written back; `str()` names it."""


def write_atomic(source: Source, text: str) -> None:
    """Replace the file with `text` in one step, unless it changed since it was read."""
    path = Path(source.path)
    try:
        current = path.read_bytes()
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError as exc:
        raise FixError(f"{source.path}: cannot re-read before writing ({exc.strerror})") from None
    if current != source.data:
        raise FixError(f"{source.path}: changed on disk while factlint ran; not written")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".factlint-tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(source.encode(text))
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def unified_diff(path: str, old: str, new: str) -> str:
    """A unified diff of one file's fixes, as `--diff` prints it (line endings kept)."""
    lines = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), fromfile=f"a/{path}", tofile=f"b/{path}"
    )
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)
