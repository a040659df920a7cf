"""Documents: what the engine lints, loaded from .txt, .md or .html files, stdin or API input.

A `Document` keeps two strings of the same length: `text`, whose offsets findings report, and
`prose`, the same text with everything that is not prose (code, front matter, link targets, HTML
comments) blanked out. Rules read `prose`, so offsets never need to be searched for again.
"""

from __future__ import annotations

import codecs
import datetime as dt
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

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


TYPOGRAPHIC_SPACES_AND_HYPHENS = {
    "\u2010": "-",
    "\u2011": "-",
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
    "\u2009": " ",
}
# Replaced where they occur: `str.translate` walks every character of a page through a dict, which
# cost more than the rest of loading it.
TYPOGRAPHIC = re.compile("[" + "".join(TYPOGRAPHIC_SPACES_AND_HYPHENS) + "]")


class Document:
    """What the engine lints: the text findings index, and its prose (same length, non-prose blanked)."""

    def __init__(
        self,
        path: str,
        text: str,
        kind: str = "text",
        prose: str = "",
        published: dt.date | None = None,
        directives: list[tuple[int, int, str]] | None = None,
        quotes: list[tuple[int, int]] | None = None,
    ) -> None:
        self.path, self.text, self.kind, self.published = path, text, kind, published
        self.directives: list[tuple[int, int, str]] = [] if directives is None else directives
        # Quoted third-party text (HTML <blockquote>) as (start, end) offsets into `text`, recorded by
        # the loader because the markup that shows it is gone from `text`; see linter/suppress.py.
        self.quotes: list[tuple[int, int]] = [] if quotes is None else quotes
        prose = prose or text
        assert len(prose) == len(text), "prose must align with text"
        # Published pages set "co‑founder" and "4‑year" with non-breaking hyphens and "19 May" with
        # non-breaking spaces: the rules read them as the plain characters (one for one, so every
        # offset still indexes `text`, and findings quote the page as written).
        self.prose = TYPOGRAPHIC.sub(lambda m: TYPOGRAPHIC_SPACES_AND_HYPHENS[m[0]], prose)

    def __repr__(self) -> str:
        return f"Document(path={self.path!r}, kind={self.kind!r}, {len(self.text)} characters)"


def kind_for(path: str, default: str = "text") -> str | None:
    """The document kind from a file name, or None for files factlint does not lint."""
    suffix = Path(path).suffix.lower()
    if not suffix:
        return default
    return SUFFIX_KINDS.get(suffix)


# Byte order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def detect_bom(data: bytes) -> tuple[bytes, str]:
    """The byte order mark `data` starts with and its encoding; (b"", "utf-8") without one."""
    return next(((bom, name) for bom, name in BOMS if data.startswith(bom)), (b"", "utf-8"))


def decode(data: bytes, path: str) -> str:
    """Decode UTF-8, or UTF-16/32 when a byte order mark says so; binary and undecodable input is a
    DocumentError. (UTF-16 text is full of NUL bytes, so the BOM is read before the binary test.)"""
    bom, encoding = detect_bom(data)
    binary = DocumentError(path, "binary file (contains NUL bytes), not text")
    if not bom and b"\x00" in data[:8192]:
        raise binary
    try:
        text = data[len(bom) :].decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding != "utf-8" and b"\x00" in data[:8192]:
            raise binary from None  # a UTF-16 mark in front of data that is not UTF-16
        where = exc.start + len(bom)
        raise DocumentError(path, f"not valid {encoding.upper()} (byte {where}: {data[where : where + 1]!r})") from None
    if not text.strip():
        raise DocumentError(path, "empty file, nothing to lint")
    return text


# The largest file factlint reads: far above any article (the engine checks about 300 KiB/s), and a
# clear error instead of a run that reads a runaway log or a device until memory runs out.
MAX_FILE_BYTES = 16 * 1024 * 1024


def read_bytes(path: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """A regular file's bytes, or a DocumentError naming it (callers that write back need the bytes).

    Opened without blocking and checked with fstat before any read, so a FIFO (which would wait
    forever for a writer) or a link to a device such as /dev/zero is refused, not read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise DocumentError(path, "no such file") from None
    except IsADirectoryError:
        raise DocumentError(path, "is a directory") from None
    except OSError as exc:
        raise DocumentError(path, f"cannot read ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise DocumentError(path, "is a directory")
        if not stat.S_ISREG(mode):
            raise DocumentError(path, f"not a regular file ({_file_kind(mode)}); only regular files are read")
        return read_capped(handle, path, limit)


def read_capped(handle: BinaryIO, path: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """At most `limit` bytes from an open file or stdin; more is a DocumentError, never a MemoryError."""
    try:
        data = handle.read(limit + 1)
    except OSError as exc:
        raise DocumentError(path, f"cannot read ({exc.strerror})") from None
    if len(data) > limit:
        raise DocumentError(path, f"larger than {limit // (1024 * 1024)} MiB, the most factlint reads")
    return data


def _file_kind(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
             (stat.S_ISSOCK, "a socket"))  # fmt: skip
    return next((name for test, name in kinds if test(mode)), "not a plain file")


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
