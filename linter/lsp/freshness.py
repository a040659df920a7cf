"""A long-running server must notice edited configuration files and sheets, which the engine caches
per process (`load_config`, `sheets_for`): their modification times are checked before each lint,
and the caches dropped when one changed. (A configuration file created after start-up is found
after a restart: which folders hold one is cached too.)"""

from __future__ import annotations

import os
from collections.abc import Iterable

from linter.config import BUILTIN_SHEET, load_config
from linter.runner import sheets_for


class Freshness:
    def __init__(self) -> None:
        self.seen: dict[str, tuple[int, int] | None] = {}

    def changed(self, paths: Iterable[str]) -> bool:
        """Did any of `paths` change (or appear, or vanish) since the last call that named it?"""
        changed = False
        for path in paths:
            try:
                info = os.stat(path)
                stamp: tuple[int, int] | None = (info.st_mtime_ns, info.st_size)
            except OSError:
                stamp = None
            if path in self.seen and self.seen[path] != stamp:
                changed = True
            self.seen[path] = stamp
        return changed

    def refresh(self, config_path: str | None, sheet_paths: Iterable[str]) -> None:
        if self.changed([config_path] if config_path else []):
            load_config.cache_clear()
        if self.changed(p for p in sheet_paths if p != BUILTIN_SHEET):
            sheets_for.cache_clear()
