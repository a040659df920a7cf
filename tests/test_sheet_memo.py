"""`per_sheet` keeps what is derived from a sheet's facts or entities per sheet: every key of a
sheet stays however many there are (a cache bounded by (sheet, key) pairs let a large sheet's
keys evict each other), and a sheet's table goes only when more sheets than it keeps are asked."""

from __future__ import annotations

from collections.abc import Callable

from linter.sheet import Sheet, default_sheet
from linter.sheet.memo import SHEETS_KEPT, per_sheet


def counting() -> tuple[list[tuple[str, int]], Callable[[Sheet, int], int | None]]:
    calls: list[tuple[str, int]] = []

    @per_sheet
    def derive(sheet: Sheet, key: int) -> int | None:
        calls.append((sheet.id, key))
        return None if key % 2 else key * 2  # None is an answer too, kept like any other

    return calls, derive


def test_every_key_of_a_sheet_is_derived_once_however_many() -> None:
    calls, derive = counting()
    sheet = default_sheet()
    for _ in range(2):
        assert [derive(sheet, k) for k in range(1000)] == [None if k % 2 else k * 2 for k in range(1000)]
    assert len(calls) == 1000


def test_sheets_are_kept_apart_and_bounded() -> None:
    calls, derive = counting()
    sheets = [Sheet(f"s{i}", "t", "p", default_sheet().event_date) for i in range(SHEETS_KEPT + 1)]
    for sheet in sheets:
        derive(sheet, 2)
    assert len(calls) == SHEETS_KEPT + 1  # one table each: the same key, asked of every sheet
    derive(sheets[-1], 2)
    assert len(calls) == SHEETS_KEPT + 1
    derive(sheets[0], 2)
    assert calls[-1] == ("s0", 2)  # the oldest sheet's table went when one more was asked
