"""The one seam between the crawler / language server and the engine.

Both surfaces lint many documents with one resolved configuration (`FileSettings`); this adapter
maps it onto `linter.api.check` (sheets, rule selection, dates, blockquotes), so a refactor of the
engine touches this module only.
"""

from __future__ import annotations

from functools import partial

from linter.api import check
from linter.config import FileSettings, known_codes
from linter.pipeline import Checked
from linter.runner import published_for, sheets_for
from linter.sheet import Sheet
from linter.suppress import UNUSED_CODE

__all__ = ["Checked", "check_document", "selection", "settings_sheets"]


def settings_sheets(settings: FileSettings) -> tuple[Sheet, ...]:
    """The sheets of `settings`, loaded once per process (SheetError if one is bad)."""
    return sheets_for(settings.sheets)


def check_document(text: str, kind: str, path: str, settings: FileSettings, extract: bool = False) -> Checked:
    """Lint `text` as `factlint check` lints a file with these settings."""
    first, *others = settings_sheets(settings)
    select, ignore = selection(settings.codes)
    run = partial(check, text, kind=kind, path=path, sheet=first, sheets=others, select=select, ignore=ignore,
                  extract=extract, exclude_blockquotes=settings.exclude_blockquotes)  # fmt: skip
    checked = run(published=settings.published_override)
    if settings.published_override is None and settings.published_default is not None:
        # The configured date applies only when the document gives none: that needs the document.
        resolved = published_for(checked.document, settings)
        if resolved != checked.document.published:
            checked = run(published=resolved)
    return checked


def selection(codes: tuple[str, ...]) -> tuple[list[str] | None, list[str] | None]:
    """`check`'s select/ignore for resolved codes: FL001 is not an engine rule, so it is chosen by
    selecting everything and ignoring the engine rules left out."""
    engine = [c for c in codes if c != UNUSED_CODE]
    if UNUSED_CODE not in codes:
        return engine, None
    left_out = [c for c in known_codes() if c not in codes]
    return None, left_out or None
