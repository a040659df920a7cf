"""What a disputed fact means for a value in the text.

A fact is disputed when its sources disagree: its own status is `disputed`, or it holds
alternatives of rank `disputed`. The truth then lies among the sources' values, or between them
for values with an order (dates, amounts, counts). So a value outside the range the sources span
is still an error: 'joined on 12 June' contradicts every source. A value that one of the sources
gives, or that lies between them, is a warning naming the sources that say so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import NamedTuple

from linter.sheet.model import Alternative, Fact, Value


class Verdict(NamedTuple):
    """How serious a mismatch is: `error`, or `warning` with the alternative it matches (if any)
    and the sources behind the values it lies among."""

    severity: str
    alternative: Alternative | None = None
    sources: tuple[str, ...] = ()


def is_disputed(fact: Fact) -> bool:
    return fact.status == "disputed" or bool(fact.alternatives_ranked("disputed"))


def sourced_values(fact: Fact) -> list[tuple[Value, tuple[str, ...], Alternative | None]]:
    """The fact's value and its disputed alternatives, each with the sources that give it."""
    out: list[tuple[Value, tuple[str, ...], Alternative | None]] = [(fact.value, fact.sources, None)]
    for alt in fact.alternatives_ranked("disputed"):
        out.append((alt.value, alt.sources, alt))
    return out


def _merge(*groups: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(s for group in groups for s in group))


def date_verdict(fact: Fact, first: dt.date, last: dt.date) -> Verdict:
    """A text date covering `first`..`last` (one day, or a whole month) against a date fact that
    does not hold it."""
    if not is_disputed(fact):
        return Verdict("error")
    values = [(v.date, sources, alt) for v, sources, alt in sourced_values(fact) if v.type == "date"]
    for day, sources, alt in values:
        if alt is not None and first <= day <= last:
            return Verdict("warning", alt, _merge(fact.sources, sources))
    lo, hi = min(v[0] for v in values), max(v[0] for v in values)
    if last < lo or first > hi:
        return Verdict("error")
    return Verdict("warning", None, _merge(*(v[1] for v in values)))


def interval_verdict(
    fact: Fact, found: tuple[float, float], interval: Callable[[Value], tuple[float, float]]
) -> Verdict:
    """A text figure (as an interval) against a number fact that does not hold it; `interval`
    turns a sheet value into the interval it allows."""
    if not is_disputed(fact):
        return Verdict("error")
    values = [(interval(v), sources, alt) for v, sources, alt in sourced_values(fact) if v.type == fact.value.type]
    for (lo, hi), sources, alt in values:
        if alt is not None and found[0] < hi and lo < found[1]:
            return Verdict("warning", alt, _merge(fact.sources, sources))
    lo, hi = min(v[0][0] for v in values), max(v[0][1] for v in values)
    if found[1] <= lo or found[0] >= hi:
        return Verdict("error")
    return Verdict("warning", None, _merge(*(v[1] for v in values)))


def weekday_verdict(fact: Fact, weekday: int) -> Verdict:
    """A bare weekday against a date fact whose day has another weekday: a warning when some day
    the sources span falls on it."""
    if not is_disputed(fact):
        return Verdict("error")
    days = [v.date for v, _, _ in sourced_values(fact) if v.type == "date"]
    lo, hi = min(days), max(days)
    if (hi - lo).days >= 6 or any((lo + dt.timedelta(n)).weekday() == weekday for n in range((hi - lo).days + 1)):
        return Verdict("warning", None, _merge(*(s for _, s, _ in sourced_values(fact))))
    return Verdict("error")
