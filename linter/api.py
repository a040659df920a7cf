"""The one entry point every surface calls: text in, document and findings out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from linter.document import Document, build_document
from linter.engine import lint, select_rules
from linter.findings import Finding
from linter.sheet import Sheet, default_sheet


def check_text(
    text: str,
    kind: str = "text",
    path: str = "<text>",
    sheet: Sheet | None = None,
    published: dt.date | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    extract: bool = False,
) -> tuple[Document, list[Finding]]:
    """Lint `text` (plain text, Markdown or HTML) against `sheet` (the embedded default if None).

    For HTML, offsets index `document.text` (the extracted text), which callers should return.
    """
    doc = build_document(text, path, kind, extract=extract)
    rules = select_rules(select, ignore)
    return doc, lint(doc, sheet or default_sheet(), rules, published=published)
