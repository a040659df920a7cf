"""The sheets a server answers for, loaded, validated and compiled once when the app is created.

With gunicorn's `preload_app=False` every worker creates its own app, so each worker pays this
cost once at start and never during a request.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from linter.api import check_text
from linter.sheet import Sheet, SheetError, default_sheet, load_sheet
from server.jsonbody import dumps

WARM_UP_TEXT = "On 19 May 2026 Andrej Karpathy said he had joined Anthropic. He reports to Nick Joseph."
WARM_UP_HTML = "<html><body><article><p>" + WARM_UP_TEXT + "</p></article></body></html>"


@dataclass(frozen=True)
class LoadedSheet:
    """A sheet plus what responses need from it, computed once."""

    sheet: Sheet
    source_details: dict[str, dict[str, Any]]
    # Findings cite a few source lists over and over: each list is built once and then shared.
    _cited: dict[tuple[str, ...], list[dict[str, Any]]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, sheet: Sheet) -> LoadedSheet:
        details = {
            sid: {
                "id": sid,
                "outlet": src.outlet,
                "title": src.title,
                "published": src.published.isoformat() if src.published else None,
                "url": src.url,
            }
            for sid, src in sheet.sources.items()
        }
        return cls(sheet, details)

    def sources_for(self, ids: Iterable[str]) -> list[dict[str, Any]]:
        """Details for a finding's source ids; an id the sheet does not list still appears, bare.
        The list is shared between findings citing the same ids: callers only serialise it."""
        key = tuple(ids)
        cited = self._cited.get(key)
        if cited is None:
            bare = {"outlet": None, "title": None, "published": None, "url": None}
            cited = self._cited.setdefault(key, [self.source_details.get(i) or {"id": i, **bare} for i in key])
        return cited


class SheetRegistry:
    """The default sheet first, then extra sheet files; ids must be unique."""

    def __init__(self, paths: Iterable[str | Path] = (), warm_up: bool = True) -> None:
        sheets = [default_sheet(), *(load_sheet(p) for p in paths)]
        self.sheets: dict[str, LoadedSheet] = {}
        for sheet in sheets:
            if sheet.id in self.sheets:
                raise SheetError(sheet.path, None, f"sheet id {sheet.id!r} is already loaded from another file")
            self.sheets[sheet.id] = LoadedSheet.of(sheet)
        self.default_id = sheets[0].id
        if warm_up:
            self.warm_up()

    @property
    def ids(self) -> list[str]:
        return list(self.sheets)

    @cached_property
    def facts_payload(self) -> dict[str, Any]:
        """The /v1/facts body; sheets never change while the server runs."""
        return {"version": 1, "default": self.default_id, "sheets": [s.sheet.to_dict() for s in self.sheets.values()]}

    @cached_property
    def facts_body(self) -> bytes:
        """`facts_payload` as JSON, encoded once (31 KB for the embedded sheet)."""
        return dumps(self.facts_payload)

    def get(self, sheet_id: str | None) -> LoadedSheet | None:
        return self.sheets.get(self.default_id if sheet_id is None else sheet_id)  # "" names no sheet

    def warm_up(self) -> None:
        """Compile each sheet's patterns and import every lazily imported parser now, not in a request."""
        for loaded in self.sheets.values():
            check_text(WARM_UP_TEXT, sheet=loaded.sheet)
        check_text(WARM_UP_TEXT, kind="markdown")
        check_text(WARM_UP_HTML, kind="html", extract=True)
