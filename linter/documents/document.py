"""Documents: what the engine lints, loaded from .txt, .md or .html files, stdin or API input.

A `Document` keeps two strings of the same length: `text`, whose offsets findings report, and
`prose`, the same text with everything that is not prose (code, front matter, link targets, HTML
comments) blanked out. Rules read `prose`, so offsets never need to be searched for again.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

SUFFIX_KINDS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdx": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}


class DocumentError(Exception):
    """A file that cannot be linted; `str()` is the one-line message naming the file."""

    def __init__(self, path: str, problem: str) -> None:
        self.path, self.problem = path, problem
        super().__init__(f"{path}: {problem}")


@dataclass
class Document:
    path: str
    text: str
    kind: str = "text"
    prose: str = ""
    published: dt.date | None = None
    directives: list[tuple[int, int, str]] = field(default_factory=list)
    # Quoted third-party text (HTML <blockquote>) as (start, end) offsets into `text`, recorded by
    # the loader because the markup that shows it is gone from `text`; see linter/suppress.py.
    quotes: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.prose:
            self.prose = self.text
        assert len(self.prose) == len(self.text), "prose must align with text"


def kind_for(path: str, default: str = "text") -> str | None:
    """The document kind from a file name, or None for files factlint does not lint."""
    suffix = Path(path).suffix.lower()
    if not suffix:
        return default
    return SUFFIX_KINDS.get(suffix)


def decode(data: bytes, path: str) -> str:
    """Decode UTF-8 (with or without BOM); binary and undecodable input is a DocumentError."""
    if b"\x00" in data[:8192]:
        raise DocumentError(path, "binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(path, f"not valid UTF-8 (byte {exc.start}: {data[exc.start : exc.start + 1]!r})") from None
    if not text.strip():
        raise DocumentError(path, "empty file, nothing to lint")
    return text


def read_bytes(path: str) -> bytes:
    """A file's bytes, or a DocumentError naming it (callers that write back need the bytes)."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise DocumentError(path, "no such file") from None
    except IsADirectoryError:
        raise DocumentError(path, "is a directory") from None
    except OSError as exc:
        raise DocumentError(path, f"cannot read ({exc.strerror})") from None


DIRECTIVE_COMMENT = re.compile(r"<!--[ \t]*factlint[ \t]*:(.*?)-->", re.S)


def directive_comments(text: str, mask: Callable[[str], str] | None = None) -> list[tuple[int, int, str]]:
    """`<!-- factlint: ... -->` comments as (start, end, body); `mask` blanks what is not markup
    (Markdown code), so a directive quoted as an example is not one. linter/suppress.py reads them."""
    if "factlint" not in text:
        return []
    scanned = mask(text) if mask else text
    return [(m.start(), m.end(), m.group(1).strip()) for m in DIRECTIVE_COMMENT.finditer(scanned)]


_BLANK = re.compile(r"[^\n]")


def blank(text: str) -> str:
    """Replace every character but newlines with a space: masks keep offsets and line numbers."""
    return _BLANK.sub(" ", text)
