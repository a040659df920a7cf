"""The one entry point every surface calls: text in, document and findings out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from linter.document import Document, build_document
from linter.engine import code_matches, lint, select_rules
from linter.findings import Finding
from linter.sheet import Sheet, default_sheet
from linter.suppress import UNUSED_CODE, apply_suppressions


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
    """Lint `text` (plain text, Markdown or HTML) against `sheet` (the embedded default if None),
    honouring the document's own suppression comments (and reporting stale ones as FL001).

    For HTML, offsets index `document.text` (the extracted text), which callers should return.
    """
    doc = build_document(text, path, kind, extract=extract)
    rules = select_rules(select, ignore)
    findings = lint(doc, sheet or default_sheet(), rules, published=published)
    return doc, apply_suppressions(doc, findings, report_unused=_chosen(UNUSED_CODE, select, ignore))


def _chosen(code: str, select: Iterable[str] | None, ignore: Iterable[str] | None) -> bool:
    """Is `code` selected by these ruff-style patterns (as `select_rules` reads them)?"""
    selected = select is None or any(code_matches(code, p) for p in select)
    return selected and not any(code_matches(code, p) for p in ignore or ())
