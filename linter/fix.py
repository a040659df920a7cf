"""`--fix`: apply findings' suggestions to .txt and .md files, safely.

A finding with a suggestion carries a `Fix`: one replacement for its span and its applicability.
Fixes are *safe* (applied by `--fix`) unless the rule marks them unsafe (`fix_applicability`): a
date, a misspelled name or a title has one right value, but replacing the person in a reporting
line ("reports to X") can change what the sentence claims about someone else, and a relative date
("yesterday") swapped for "19 May" may need a preposition, so those need `--unsafe-fixes`.

Files are read as bytes and written back as bytes: the same encoding (UTF-8, or UTF-16/32, with the
BOM it had), the same line endings (nothing translates newlines), the same permissions and owner,
and atomically (a temporary file in the same folder, `fsync`, `os.replace`, then `fsync` of the
folder), so an interrupted run or a power cut leaves every file either old or new. A symlink is
followed: the file it points to is fixed and the link stays a link. A file that nobody may write
(0444), that has other hard links (replacing it would split them), or whose owner could not be
kept is refused with a one-line error and left as it was. HTML is never edited: its offsets index
the extracted text, not the markup.
"""

from __future__ import annotations

import difflib
import os
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from linter.documents.document import detect_bom
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
    """A file's bytes as read; new text is encoded as they were (encoding and byte order mark)."""

    path: str
    data: bytes

    @property
    def bom(self) -> bool:
        return bool(detect_bom(self.data)[0])

    def encode(self, text: str) -> bytes:
        bom, encoding = detect_bom(self.data)
        return bom + text.encode(encoding)


class FixError(Exception):
    """A file that could not be written back; `str()` names it."""


def write_atomic(source: Source, text: str) -> None:
    """Replace the file with `text` in one step, unless it changed since it was read or replacing
    it would change what it is (its links, its owner, its read-only mark)."""
    path = Path(os.path.realpath(source.path))  # through a symlink to the file itself
    try:
        info = path.stat()
        current = path.read_bytes()
    except OSError as exc:
        raise FixError(f"{source.path}: cannot re-read before writing ({exc.strerror})") from None
    _check_replaceable(source.path, info)
    if current != source.data:
        raise FixError(f"{source.path}: changed on disk while factlint ran; not written")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".factlint-tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(source.encode(text))
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, stat.S_IMODE(info.st_mode))
        _keep_owner(source.path, tmp, info)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _check_replaceable(name: str, info: os.stat_result) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise FixError(f"{name}: not a regular file; fixes not written")
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise FixError(f"{name}: read-only (mode {stat.S_IMODE(info.st_mode):o}); fixes not written")
    if info.st_nlink > 1:
        raise FixError(
            f"{name}: has {info.st_nlink} hard links, which a rewrite would split; fixes not written (see --diff)"
        )


def _keep_owner(name: str, tmp: str, info: os.stat_result) -> None:
    """The new file gets the old one's owner and group, or the fix is refused (never a silent change)."""
    if not hasattr(os, "chown") or (info.st_uid, info.st_gid) == (os.stat(tmp).st_uid, os.stat(tmp).st_gid):
        return
    try:
        os.chown(tmp, info.st_uid, info.st_gid)
    except PermissionError:
        raise FixError(f"{name}: owned by another user, whose ownership a rewrite would take; not written") from None


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX: the folder's entry is data of the folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return  # not supported here (Windows): the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def unified_diff(path: str, old: str, new: str) -> str:
    """A unified diff of one file's fixes, as `--diff` prints it (line endings kept)."""
    lines = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), fromfile=f"a/{path}", tofile=f"b/{path}"
    )
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)
