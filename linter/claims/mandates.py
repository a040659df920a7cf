"""A sheet's mandate as verb phrases: 'replace Carlos Sainz', 'partner Charles Leclerc'.

A mandate is not always to lead something: a driver is signed to race, to partner someone, to
replace someone. The sheet's mandate text, aliases and deprecated values say which verbs state
a mandate for this event, and which people each verb takes, so the engine needs no list of them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from linter.sheet import Fact, Sheet
from linter.sheet.memo import per_sheet

# The word after a verb that makes an entry a verb phrase ('race for', 'build a', 'replace Carlos').
VERB_OBJECT = re.compile(r"^([a-z]+)\s+(?:a|an|the|for|alongside|with|to|[A-Z][\w'’-]*)\b")
# Alternatives written as a list ('team principal or reserve driver') are several wrong values.
LIST_SPLIT = re.compile(r"\s*(?:,|\bor\b|\band\b|/)\s*")


class VerbEntry(NamedTuple):
    """A mandate as the sheet words it: its verb, its whole text, and the people it names."""

    verb: str
    text: str
    people: frozenset[str]  # entity ids the phrase names


def wrong_values(fact: Fact) -> list[str]:
    """The deprecated values of a fact, a listed one ('A or B') split into its parts."""
    found: list[str] = []
    for alt in fact.alternatives_ranked("deprecated"):
        text = alt.value.text if alt.value.type == "text" else ""
        parts = [p for p in LIST_SPLIT.split(text) if p.strip()] if text else []
        found += [text, *parts] if len(parts) > 1 else ([text] if text else [])
    return found


def people_in(sheet: Sheet, text: str) -> frozenset[str]:
    """The sheet's people a phrase names, by name or alias (whole words)."""
    return frozenset(person for person, names in _people_names(sheet) if names.search(text))


@lru_cache(maxsize=16)
def _people_names(sheet: Sheet) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each person's names as one whole-word pattern, compiled once per sheet (not left to the
    `re` module's cache, which a sheet with many names, or several sheets, would overflow)."""
    found = []
    for entity in sheet.entities.values():
        if entity.kind == "person" and entity.names:
            names = "|".join(re.escape(n) for n in sorted(entity.names, key=len, reverse=True))
            found.append((entity.id, re.compile(rf"(?<![\w-])(?:{names})(?![\w-])")))
    return tuple(found)


@per_sheet
def verb_entries(sheet: Sheet, fact: Fact) -> tuple[VerbEntry, ...]:
    """The mandate's verb phrases (its text and aliases), each with the people it names: read
    once per sheet and fact, however many mandates the sheet holds."""
    entries = []
    for text in (fact.value.text, *fact.value.aliases):
        m = VERB_OBJECT.match(text)
        if m and m[1] not in {"head", "member", "part"}:
            entries.append(VerbEntry(m[1], text, people_in(sheet, text)))
    return tuple(entries)


def verb_pattern(verbs: set[str]) -> re.Pattern[str] | None:
    """A mandate verb as text states a plan: 'will replace', 'to partner', 'takes'."""
    if not verbs:
        return None
    alts = "|".join(sorted(re.escape(v) for v in verbs))
    return re.compile(
        rf"\b(?:(?:will|would|to|shall)\s+(?:also\s+)?(?P<verb>{alts})|(?P<verb3>{alts})s)\s+(?P<phrase>[^,.;:()\"“”—–]{{3,80}})"
    )
