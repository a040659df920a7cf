"""The one seam between the crawler / language server and the engine.

Both surfaces lint many documents with one resolved configuration (`FileSettings`); this adapter
hands them to the pipeline exactly as `factlint check` does (`runner.check_with_settings`), so a
refactor of the engine touches this module only.
"""

from __future__ import annotations

from linter.config import FileSettings
from linter.documents import build_document
from linter.pipeline import Checked
from linter.runner import check_with_settings, sheets_for
from linter.sheet import Sheet

__all__ = ["Checked", "check_document", "settings_sheets"]


def settings_sheets(settings: FileSettings) -> tuple[Sheet, ...]:
    """The sheets of `settings`, loaded once per process (SheetError if one is bad)."""
    return sheets_for(settings.sheets)


def check_document(text: str, kind: str, path: str, settings: FileSettings, extract: bool = False) -> Checked:
    """Lint `text` as `factlint check` lints a file with these settings (the same pipeline)."""
    return check_with_settings(build_document(text, path, kind, extract=extract), settings)
