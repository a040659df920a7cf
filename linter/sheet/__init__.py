"""The fact sheet: its model and loading (`model`), the on-disk cache (`cache`) and how it is
printed (`view`). What the rest of the engine needs is re-exported here."""

from linter.sheet.model import (
    Alternative,
    Entity,
    Fact,
    Sheet,
    SheetError,
    Source,
    Value,
    builtin_sheet_path,
    default_sheet,
    load_sheet,
    parse_sheet,
)

__all__ = [
    "Alternative",
    "Entity",
    "Fact",
    "Sheet",
    "SheetError",
    "Source",
    "Value",
    "builtin_sheet_path",
    "default_sheet",
    "load_sheet",
    "parse_sheet",
]
