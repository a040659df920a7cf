"""What the engine derives from one of a sheet's facts, entities or teams, kept per sheet.

A cache bounded by (sheet, key) pairs overflows as soon as the sheets a process holds have more
keys than its bound (a sheet that also covers other events, or a server given several sheets):
from then on every page derives again what it derived before. Bounded by sheets instead (as
the sheets' own caches are), a sheet's table keeps every key it was asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import lru_cache, wraps
from typing import TypeVar

from linter.sheet.model import Sheet

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

SHEETS_KEPT = 16  # as `matcher_for`, `name_index` and the other per-sheet caches
_UNASKED = object()


def per_sheet(derive: Callable[[Sheet, K], V]) -> Callable[[Sheet, K], V]:
    """`derive(sheet, key)`, worked out once per sheet and key."""

    @lru_cache(maxsize=SHEETS_KEPT)
    def table(sheet: Sheet) -> dict[K, V]:
        return {}

    @wraps(derive)
    def kept(sheet: Sheet, key: K) -> V:
        known = table(sheet)
        found = known.get(key, _UNASKED)
        if found is _UNASKED:
            found = known[key] = derive(sheet, key)
        return found  # type: ignore[return-value]

    return kept
