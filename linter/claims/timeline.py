"""A person's career as the sheet states it: stints at organisations, in order, with their lengths.

Built once per sheet from every fact whose value is a year range with an organisation
(`employed_at`, `founded`, `joined` ...). Rules ask it which stint a claimed year, length or move
can be about: "rejoined OpenAI" means a later stint there, "co-founded OpenAI" the first, and
"left Tesla to found Eureka Labs" is wrong when another stint sits between the two.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from linter.annotate.numbers import overlaps, value_interval
from linter.sheet import Fact, Sheet, Value


class Stint(NamedTuple):
    """One period at one organisation; `end` is None while it lasts (or the sheet does not say)."""

    fact: Fact
    person: str
    org: str
    start: int
    end: int | None
    nth: int  # 0 for the first stint of this person at this organisation, 1 for the next ...

    def contains(self, year: int, now: int) -> bool:
        # An open stint runs to now, or on from its start when that lies after now (a move
        # announced for next season: 'at Ferrari in 2025' is true of a stint from 2025).
        return self.start <= year <= (self.end if self.end is not None else max(now, self.start))

    def display(self) -> str:
        return self.fact.value.display()


class Length(NamedTuple):
    """How long a stint (or a stand-alone `duration_at` fact) lasted, as an interval of years."""

    fact: Fact
    org: str
    low: float
    high: float
    stint: Stint | None
    value: Value  # a duration value, for writing the length back into the text

    def agrees(self, interval: tuple[float, float]) -> bool:
        return overlaps(interval, (self.low, self.high))


def is_single_event(fact: Fact) -> bool:
    """A years fact that dates one event of a career, not a stint: a single year ('from = 2008,
    to = 2008') under any relation but `employed_at` (a one-season job is still a stint)."""
    data = fact.value.data
    return data.get("to") is not None and data.get("to") == data.get("from") and fact.relation != "employed_at"


class Timeline:
    """Every person's stints, ordered by start year, and the lengths the sheet gives them."""

    def __init__(self, sheet: Sheet) -> None:
        self.sheet = sheet
        self.now = sheet.event_date.year
        by_person: dict[str, list[tuple[int, Fact]]] = {}
        for fact in sheet.facts_of_type("years"):
            if is_single_event(fact):
                continue  # 'first world title: 2008 with McLaren' is not a second stint there
            if fact.value.data.get("org") and sheet.entities[fact.subject].kind == "person":
                by_person.setdefault(fact.subject, []).append((int(fact.value.data["from"]), fact))
        self.stints: dict[str, list[Stint]] = {}
        for person, facts in by_person.items():
            facts.sort(key=lambda pair: pair[0])
            seen: dict[str, int] = {}
            out = []
            for start, fact in facts:
                org = fact.value.data["org"]
                end = fact.value.data.get("to")
                out.append(Stint(fact, person, org, start, int(end) if end else None, seen.get(org, 0)))
                seen[org] = seen.get(org, 0) + 1
            self.stints[person] = out
        self.arrivals = {
            (f.subject, f.qualifiers["org"]): f
            for f in sheet.facts_for("came_from")
            if f.qualifiers.get("org") and f.value.type == "entity"
        }

    def at(self, person: str, org: str, which: str | None = None) -> list[Stint]:
        """Stints of `person` at `org`; `which` = 'first' or 'later' narrows them."""
        found = [s for s in self.stints.get(person, []) if s.org == org]
        if which == "first":
            return found[:1]
        if which == "later":
            return found[1:] or found
        return found

    def orgs(self, person: str) -> set[str]:
        return {s.org for s in self.stints.get(person, [])}

    def before(self, person: str, org: str) -> set[str]:
        """Where `person` came from, right before each stint at `org`."""
        stints = self.stints.get(person, [])
        found = {stints[i - 1].org for i, s in enumerate(stints) if i and s.org == org}
        arrival = self.arrivals.get((person, org))
        if arrival is not None:
            found.add(arrival.value.entity)
        return found

    def arrival(self, person: str, org: str) -> Fact | None:
        """The sheet's `came_from` fact for `person` arriving at `org`, if any."""
        return self.arrivals.get((person, org))

    def lengths(self, person: str, org: str, which: str | None = None) -> list[Length]:
        """How long `person` was at `org`: explicit `duration_at` facts (linked to a stint by the
        qualifier `stint = "<fact id>"`, or stand-alone), else the span of the stint's years."""
        explicit = [f for f in self.sheet.facts_for("duration_at") if f.subject == person and f.org == org]
        stints = self.at(person, org, which)
        linked = {f.qualifiers.get("stint"): f for f in explicit if f.qualifiers.get("stint")}
        out = []
        for stint in stints:
            fact = linked.get(stint.fact.id)
            if fact is not None:
                out.append(Length(fact, org, *value_interval(fact.value), stint, fact.value))
                continue
            if stint.end is None and stint.start > self.now:
                continue  # a stint that has not begun has no length yet
            years = (stint.end if stint.end is not None else self.now) - stint.start
            derived = Value("duration", {"years": years})
            out.append(Length(stint.fact, org, max(0, years - 1), years + 1, stint, derived))
        if which is None or not stints:
            for fact in explicit:
                if not fact.qualifiers.get("stint"):
                    out.append(Length(fact, org, *value_interval(fact.value), None, fact.value))
        return out


@lru_cache(maxsize=16)
def timeline_for(sheet: Sheet) -> Timeline:
    return Timeline(sheet)
