"""One loader per kind of document: the kind (from the file suffix or the caller) picks it.

A new kind of input is a function `(text, path, extract) -> Document` in its own module of this
package and one line in `LOADERS`. Loaders import the `document` model, never each other. The
Markdown and HTML loaders are imported when a document of their kind arrives, so checking a .txt
file never pays for them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from linter.documents.document import Document, decode, directive_comments, kind_for, read_bytes

Loader = Callable[[str, str, bool], Document]


def text_document(text: str, path: str, extract: bool = False) -> Document:
    """Plain text is its own prose; only suppression comments are read out of it."""
    return Document(path=path, text=text, kind="text", directives=directive_comments(text))


def markdown_document(text: str, path: str, extract: bool = False) -> Document:
    from linter.documents.markdown import markdown_document as load

    return load(text, path, extract)


def html_document(text: str, path: str, extract: bool = False) -> Document:
    from linter.documents.html import html_document as load

    return load(text, path, extract=extract)


LOADERS: dict[str, Loader] = {
    "text": text_document,
    "markdown": markdown_document,
    "html": html_document,
}


def build_document(text: str, path: str, kind: str, extract: bool = False) -> Document:
    """Turn decoded text into a Document of the given kind (unknown kinds read as plain text)."""
    return LOADERS.get(kind, text_document)(text, path, extract)


def load_file(path: str | Path, kind: str | None = None, extract: bool = False) -> Document:
    """Read one file from disk into a Document, or raise DocumentError naming it."""
    name = str(path)
    kind = kind or kind_for(name) or "text"
    return build_document(decode(read_bytes(name), name), name, kind, extract=extract)
