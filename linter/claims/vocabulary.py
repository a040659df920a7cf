"""The words one sheet adds to the engine's English: its titles, team and product words.

The engine knows no event. Whether "pre-training lead" is a title or "autopilot team" names a
function depends on the sheet being checked, so these sets are built from the sheet (its title
values and aliases, team and product names, and the optional `[vocabulary]` table), once per
sheet, and joined with the general lists of `linter.language.en`. Function words (what a team
does) come only from the general list and the sheet's `[vocabulary] function_words`: a team's
name also holds umbrella words ('AI', 'machine learning') that must never be a verdict.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from linter.language.en import (
    FUNCTION_WORDS,
    HEAD_NOUNS,
    MAKER_NOUNS,
    TITLE_LEADING,
    TITLE_MODIFIERS,
    TITLE_TRAILING,
)
from linter.sheet import Sheet

WORD = re.compile(r"[a-z][\w&-]*")
# Words of a team's name that say nothing about what it does.
GENERIC_TEAM_WORDS = frozenset({"team", "the", "group", "org", "organisation", "organization", "unit", "lab"})


def _words(text: str) -> set[str]:
    """Lower-case words of a name, with each hyphenated word also split ('pre-training', 'pre', 'training')."""
    found: set[str] = set()
    for word in WORD.findall(text.lower()):
        found.add(word)
        found.update(p for p in word.split("-") if p)
    return found


SPACES_OR_HYPHENS = re.compile(r"[\s-]+")
FUNCTION_WORD = re.compile(r"[a-z0-9][a-z0-9-]*")


def fold(word: str) -> str:
    """'Pre-training', 'pre training' and 'pretraining' compare equal."""
    return SPACES_OR_HYPHENS.sub("", word.lower())


class Vocabulary(NamedTuple):
    """The words a sheet adds to the English lists (its title and team words)."""

    title_words: frozenset[str]  # words a run of title words may hold ('pre-training', 'lead')
    function_words: frozenset[str]  # folded words that say what a team does ('pretraining', 'safety')
    maker_phrase: re.Pattern[str]  # 'the <product> maker': the company that makes a product
    function_phrases: frozenset[str] = frozenset()  # several-word functions, lower-case ('formula e')
    head_nouns: frozenset[str] = frozenset()  # a sheet's own role nouns ('principal', 'driver')

    def functions_in(self, phrase: str) -> set[str]:
        """The function words of a phrase, folded ('Pre-training' -> 'pretraining'); a sheet's
        several-word function ('Formula E') counts only as the whole phrase."""
        words = FUNCTION_WORD.findall(phrase.lower())
        found = {f for f in map(fold, words) if f in self.function_words}
        joined = " ".join(words)
        for wanted in self.function_phrases:
            parts = [re.escape(p) for p in re.split(r"[\s-]+", wanted) if p]
            if re.search(r"(?<![a-z0-9])" + r"[\s-]?".join(parts) + r"(?![a-z0-9])", joined):
                found.add(fold(wanted))
        return found


@lru_cache(maxsize=32)
def vocabulary(sheet: Sheet) -> Vocabulary:
    """The sheet's words joined with the general English lists (computed once per sheet)."""
    names = {
        w for e in sheet.entities.values() if e.kind in ("organisation", "person") for n in e.names for w in _words(n)
    }
    from_titles: set[str] = set()
    for fact in sheet.facts_for("title"):
        for text in (fact.value.text, *fact.value.aliases):
            from_titles |= _words(text)
    # Org and person names inside a title alias ('former OpenAI researcher') are employers, not title words.
    title_words: set[str] = set(HEAD_NOUNS | TITLE_MODIFIERS) | (from_titles - names - {"at", "in", "on", "to", "with"})
    functions: set[str] = {fold(w) for w in FUNCTION_WORDS}
    products: list[str] = []
    for entity in sheet.entities.values():
        if entity.kind in ("team", "product"):
            for name in entity.names:
                title_words |= _words(name) - GENERIC_TEAM_WORDS - names
        if entity.kind == "product":
            products += entity.names
    extra = sheet_vocabulary(sheet)
    title_words |= {w.lower() for w in extra.get("title_words", ())}
    functions |= {fold(w) for w in extra.get("function_words", ()) if " " not in w.strip()}
    functions |= _wrong_team_words(sheet, names)
    phrases = {w.strip().lower() for w in extra.get("function_words", ()) if " " in w.strip()}
    made = "|".join(re.escape(p) for p in sorted(products, key=len, reverse=True)) or r"(?!x)x"
    maker = re.compile(rf"(?:{made})\s+(?:{'|'.join(MAKER_NOUNS)})s?\b")
    heads = frozenset(_role_nouns(sheet) - names)
    return Vocabulary(frozenset(title_words), frozenset(functions), maker, frozenset(phrases), heads)


def _role_nouns(sheet: Sheet) -> set[str]:
    """The role noun of each of the sheet's titles: the last word ('team principal', 'race
    driver'), or the word before 'of' ('head of pre-training')."""
    found: set[str] = set()
    for fact in sheet.facts_for("title"):
        for text in (fact.value.text, *fact.value.aliases):
            words = re.findall(r"[a-z][\w-]*", text.lower())
            if "of" in words[1:]:
                words = words[: words.index("of")]
            if words and words[-1] not in TITLE_LEADING | TITLE_TRAILING | {"team", "s"}:
                found.add(words[-1])
    return found


def _wrong_team_words(sheet: Sheet, names: set[str]) -> set[str]:
    """Function words a sheet implies by the teams it marks wrong ('Ferrari's endurance or
    hypercar team'): what the person did not join says what a team may do, with no word list."""
    team_words = {w for e in sheet.entities.values() if e.kind == "team" for n in e.names for w in _words(n)}
    skip = names | team_words | GENERIC_TEAM_WORDS | set(TITLE_MODIFIERS) | {"or", "and", "nor", "not", "s"}
    found: set[str] = set()
    for fact in sheet.facts_for("member_of_team"):
        for alt in fact.alternatives_ranked("deprecated"):
            text = getattr(alt.value, "text", "") or ""
            found |= {fold(w) for w in re.findall(r"[a-z][a-z-]*", text.lower()) if w not in skip and len(w) > 2}
    return found


def sheet_vocabulary(sheet: Sheet) -> dict[str, tuple[str, ...]]:
    """The optional `[vocabulary]` table of a sheet (empty for sheets that have none)."""
    return getattr(sheet, "vocabulary", None) or {}
