"""The entry point for callers that hold text rather than files (the server, editors, crawls)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from linter.documents import Document, build_document
from linter.findings import Finding
from linter.pipeline import Checked, Options, check_document
from linter.registry import registry
from linter.sheet import Sheet, default_sheet
from linter.suppress import UNUSED_CODE


def check(
    text: str,
    kind: str = "text",
    path: str = "<text>",
    sheet: Sheet | None = None,
    published: dt.date | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    extract: bool = False,
    sheets: Iterable[Sheet] = (),
    exclude_blockquotes: bool = False,
    whole_page: bool = True,
) -> Checked:
    """Lint `text` (plain text, Markdown or HTML) against `sheet` (the embedded default if None;
    `sheets` adds more), honouring the document's own suppression comments (and reporting stale
    ones as FL001). For HTML, offsets index `document.text` (the extracted text)."""
    codes = registry().select(select, ignore)  # SelectionError before any work
    doc = build_document(text, path, kind, extract=extract)
    options = Options(
        sheets=(sheet or default_sheet(), *sheets),
        rules=registry().engine_rules(codes),
        published=published,
        report_unused=UNUSED_CODE in codes,
        exclude_blockquotes=exclude_blockquotes,
        whole_page=whole_page,
    )
    return check_document(doc, options)


def check_text(text: str, **kwargs: Any) -> tuple[Document, list[Finding]]:
    """`check` for callers that want the document and its findings only."""
    checked = check(text, **kwargs)
    return checked.document, checked.findings
