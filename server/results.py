"""A /v1/check finding: the engine's finding plus what a browser needs to place and explain it."""

from __future__ import annotations

from typing import Any

from linter.findings import Finding
from linter.pipeline import Checked
from server.offsets import Utf16Index, quote_selector
from server.sheets import LoadedSheet


def finding_payload(finding: Finding, text: str, index: Utf16Index, loaded: LoadedSheet) -> dict[str, Any]:
    """`Finding.to_dict()` (as `factlint check --format json`) plus UTF-16 offsets, a quote
    selector and the details of its sources, so the extension can show them on hover."""
    data = finding.to_dict()
    selector = quote_selector(text, finding.start, finding.end)
    data["start_utf16"] = index.to_utf16(finding.start)
    data["end_utf16"] = index.to_utf16(finding.end)
    data["quote"] = selector.quote
    data["prefix"] = selector.prefix
    data["suffix"] = selector.suffix
    data["source_details"] = loaded.sources_for(finding.sources)
    return data


def check_payload(checked: Checked, loaded: LoadedSheet) -> dict[str, Any]:
    """The /v1/check response; `text` is what every offset indexes (for HTML, the extracted text).
    `applies` says whether the page is about the sheet's event at all (a page that is not gets no
    findings) and `statements_checked` how many of its sentences state something the sheet covers,
    so a clean result reads "12 statements checked", never "verified"."""
    text = checked.document.text
    index = Utf16Index(text)
    return {
        "version": 1,
        "sheet": loaded.sheet.id,
        "sheet_title": loaded.sheet.title,
        "applies": checked.coverage.applies,
        "statements_checked": checked.coverage.statements,
        "findings": [finding_payload(f, text, index, loaded) for f in checked.findings],
        "text": text,
    }
