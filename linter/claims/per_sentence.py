"""Things found on a page (dates, quantities), grouped by the sentence that holds each.

A reader that wants each sentence's dates or figures used to ask for them sentence by sentence:
two bisections and a slice for each of the ~130 sentences of a page, most of which hold none.
Walking the page's list once gives the same groups, in the same order, for the sentences that
hold something."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol, TypeVar

from linter.annotate.analysis import Analysis
from linter.annotate.text import Sentence


class _Placed(Protocol):
    @property
    def start(self) -> int: ...


P = TypeVar("P", bound=_Placed)


def by_sentence(a: Analysis, items: Sequence[P]) -> Iterator[tuple[Sentence, list[P]]]:
    """`items` (in order of their starts) grouped by the sentence their start lies in, each
    group what a lookup of the sentence's span (`start <= item.start < end`) gives; items
    outside every sentence are left out."""
    group: list[P] = []
    current: Sentence | None = None
    for item in items:
        if current is None or item.start >= current.end:
            if group and current is not None:
                yield current, group
            group, current = [], a.sentence_at(item.start)
            if current is None:
                continue
        group.append(item)
    if group and current is not None:
        yield current, group
