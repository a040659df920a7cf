"""What the crawl lints: pages (a WARC record or a loose file), and the inputs they come from.

Inputs are local paths, folders, globs or any fsspec URL (s3://, gcs://, http://, ...). A WARC
file is one unit of work; loose .txt/.md/.html files are batched. A page that cannot be linted
keeps a `problem` and is counted, never fatal.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import PurePosixPath

from linter.documents import DocumentError, decode, kind_for
from linter.documents.files import SKIP_DIRS

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
GLOB_CHARS = "*?["
MIME_KINDS = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
}


class InputError(Exception):
    """An input that names nothing the crawl can read; `str()` is one line naming it."""


@dataclass(frozen=True)
class Page:
    """One document: `data` and `kind` when it can be linted, else the `problem`."""

    url: str
    record_id: str
    source: str
    kind: str | None = None
    data: bytes = b""
    charset: str | None = None
    problem: str | None = None

    def text(self) -> str:
        """The decoded text, or DocumentError naming the page (the same rules as `check` for UTF-8)."""
        if self.charset in (None, "utf-8", "utf8", "us-ascii", "ascii"):
            return decode(self.data, self.url)
        try:
            text = codecs.decode(self.data, self.charset)
        except LookupError:
            raise DocumentError(self.url, f"unknown charset {self.charset!r}") from None
        except UnicodeDecodeError as exc:
            raise DocumentError(self.url, f"not valid {self.charset} (byte {exc.start})") from None
        if not text.strip():
            raise DocumentError(self.url, "empty page, nothing to lint")
        return text


@dataclass(frozen=True)
class Source:
    """One input file: a WARC archive or a loose document."""

    url: str
    warc: bool


def page_kind(mime: str, url: str) -> str | None:
    """The document kind of a payload: from its MIME type, else from the URL's suffix."""
    if mime:
        return MIME_KINDS.get(mime)
    suffix = PurePosixPath(url.split("?", 1)[0]).suffix
    return kind_for(url.split("?", 1)[0], default="html") if suffix else "html"


def is_warc(url: str) -> bool:
    return url.lower().endswith(WARC_SUFFIXES)


def expand_inputs(inputs: list[str]) -> list[Source]:
    """Every WARC and document file named by `inputs` (folders walked), in a stable order."""
    import fsspec

    found: dict[str, Source] = {}
    for item in inputs:
        fs, path = fsspec.core.url_to_fs(item)
        if any(ch in path for ch in GLOB_CHARS):
            paths = sorted(p for p in fs.glob(path) if not fs.isdir(p))
        elif fs.isdir(path):
            paths = sorted(p for p in fs.find(path) if _walked(p, path))
        elif fs.exists(path):
            paths = [path]
        else:
            raise InputError(f"{item}: no such file or folder")
        named = [_source(item, fs, p) for p in paths]
        if not named:
            raise InputError(f"{item}: no WARC, .txt, .md or .html files found")
        for source in named:
            if source is None:
                raise InputError(f"{item}: not a WARC, .txt, .md or .html file")
            found.setdefault(source.url, source)
    return list(found.values())


def _walked(path: str, root: str) -> bool:
    """Files a folder walk keeps: known suffixes, no hidden or tool folders (as `check` walks)."""
    parts = PurePosixPath(path).relative_to(PurePosixPath(root)).parts if path != root else ()
    if any(p.startswith(".") or p in SKIP_DIRS for p in parts):
        return False
    return is_warc(path) or kind_for(path, default="") in {"text", "markdown", "html"}


def _source(item: str, fs: object, path: str) -> Source | None:
    url = path if "://" not in item else fs.unstrip_protocol(path)  # type: ignore[attr-defined]
    if is_warc(path):
        return Source(url, warc=True)
    return Source(url, warc=False) if kind_for(path, default="") in {"text", "markdown", "html"} else None


def read_document(url: str) -> Page:
    """A loose file as a page (its kind from the suffix, as `check` reads it)."""
    import fsspec

    kind = kind_for(url) or "text"
    try:
        with fsspec.open(url, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        return Page(url, url, url, problem=f"cannot read ({exc.strerror or exc})")
    return Page(url, url, url, kind=kind, data=data)
