"""Mentions of the sheet's entities, found with one combined pattern per sheet, and pronouns.

The pattern is compiled once per sheet (not per fact, not per document). Names of people and
organisations match case-sensitively; teams and channels (common nouns like 'pre-training')
ignore case.
"""

from __future__ import annotations

import bisect
import re
import string
from functools import lru_cache
from typing import NamedTuple

from linter.annotate.anchored import FOLDS_ONTO_ASCII
from linter.sheet import Sheet

CASELESS_KINDS = {"team", "channel"}
PRONOUNS = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
}  # fmt: skip
PRONOUN_PATTERN = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)
# The same matches, written to start with a class of the first letters' cases (and 'ſ', which
# matches 's' case-insensitively): the regex engine skips to them by table lookup, where a
# pattern starting with \b, or matching case-insensitively, is tried at every character. Each
# word's start is then checked by looking back (tests/test_anchored.py compares the two).
PRONOUN_SCAN = re.compile(r"[HhSs\u017f](?<!\w.)(?i:(?<=h)(?:e(?:rself|rs|r)?|im(?:self)?|is)|(?<=s)he)(?!\w)")

# Capitalised word pairs that are not sheet entities may still be people ("Nick Jonas"). They only
# break pronoun chains, so a "he" after an unknown person is never attributed to a known one.
# The capital comes before the look-behind so that the regex engine skips to capitals by table lookup.
UNKNOWN_NAME = re.compile(r"([A-Z](?<![\w.].)[a-z]+(?:[-'][A-Z]?[a-z]+)?)[ \t]+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w'])")
NOT_NAME_WORDS = {
    "The", "A", "An", "In", "On", "At", "By", "For", "From", "With", "And", "But", "Or", "As", "Of", "To",
    "If", "When", "While", "After", "Before", "This", "That", "These", "Those", "His", "Her", "Its", "Their",
    "Our", "Your", "My", "It", "He", "She", "They", "We", "You", "I", "Yes", "No", "Why", "What", "How",
    "Who", "Where", "Read", "Share", "Related", "Published", "Updated", "Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December", "Labs", "Institute", "University",
    "Team", "Group", "Research", "News", "Times", "Post", "Street", "Journal", "Model",
}  # fmt: skip
# Words of the names of the sheet's products, teams and organisations found in the document
# ('Claude' in 'Claude Code', 'Self' in 'Full Self-Driving') are not first names or surnames either;
# they come from the sheet, so the engine names no event's products.
NAME_PIECE = re.compile(r"[\s-]+")


FIRST_NAME_BEFORE = re.compile(r"(?<![\w.])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)[ \t]+$")
# Capitalised words that often stand before a surname without being a first name.
NAME_STOPWORDS = {
    "meanwhile", "however", "also", "still", "now", "later", "then", "today", "yesterday", "earlier", "so",
    "yet", "here", "there", "said", "says", "ceo", "president", "chief", "director", "head", "founder",
    "co-founder", "cofounder", "dr", "mr", "mrs", "ms", "professor", "prof", "executive", "leader", "boss",
    "according", "while", "when", "after", "before", "like", "unlike", "with", "without", "by", "to", "for",
}  # fmt: skip


class Mention(NamedTuple):
    """A place in the text that refers to an entity: by name, or by a pronoun resolved to it."""

    start: int
    end: int
    entity: str | None
    kind: str
    text: str
    pronoun: bool = False
    misspelled: bool = False


def _fold(name: str) -> str:
    """'Pre-Training', 'pre training' and 'pretraining' are one caseless name."""
    return name.lower().replace("-", "").replace(" ", "")


NOT_AFTER_WORD = r"(?<![\w@#].)"  # read after the first character: no word character, @ or # before it


class Spelling(NamedTuple):
    """One spelling of a name as the pattern reads it: the characters it may start with (one, or
    each case of a caseless name's first letter) and a pattern for the rest. The pattern starts
    with that character and checks what stands before it only then: starting with a literal lets
    the regex engine skip, by that character, every position no name starts at (a pattern
    starting with a look-behind is tried at every character)."""

    name: str
    firsts: tuple[str, ...]
    rest: str
    caseless: bool


def spelling(name: str, caseless: bool) -> Spelling:
    """A caseless name ('pre-training team') matches in any case, a hyphen matching a space or
    nothing; any other name exactly."""
    first, rest = name[0], name[1:]
    if not caseless:
        return Spelling(name, (first,), re.escape(rest), False)
    body = re.escape(rest).replace(r"\-", "[- ]?")
    folding = [c for c in sorted(FOLDS_ONTO_ASCII) if re.fullmatch(re.escape(first), c, re.I)]
    cases = tuple(dict.fromkeys([first.lower(), first.upper(), *folding]))
    return Spelling(name, cases, f"(?i:{body})" if body else "", True)


def _letter(first: str) -> str:
    """A first character's letter, its cases and the characters folding onto it made one: the
    ASCII letter case-insensitive matching takes it for (the relation `spelling` reads its
    caseless first characters by), else its lower case."""
    if first.isascii():
        return first.lower()
    folded = [c for c in string.ascii_lowercase if re.fullmatch(re.escape(first), c, re.IGNORECASE)]
    return folded[0] if folded else first.lower()


Trie = dict[str, "Trie"]  # a character to the names' rest; "" where a name ends


def _trie(names: list[str]) -> str:
    """`names` (case-sensitive, all starting with one character) as one regex trie, each shared
    prefix written once: at a text position the regex walks the names' characters instead of
    trying every name, so a sheet with many names costs about what a small one does. A name
    that is a prefix of a longer one makes the rest optional and greedy: the longest name that
    the text holds is matched first, as in an alternation sorted longest first."""
    root: Trie = {}
    for name in names:
        node = root
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}  # a name ends here

    def written(node: Trie) -> str:
        branches = [re.escape(c) + written(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    ((first, rest),) = root.items()
    return re.escape(first) + NOT_AFTER_WORD + written(rest)


def _shared_start(group: list[Spelling]) -> str:
    """A group holding caseless names (whose hyphens and case make a trie ambiguous): one
    alternative per first character, which reads that character and the look-behind once and
    then tries the rests of the names that may start with it, longest first as before. (Each
    alternative must start with a literal: then the regex engine skips by the first character.)"""
    by_first: dict[str, list[str]] = {}
    for s in dict.fromkeys(group):
        for c in s.firsts:
            by_first.setdefault(c, []).append(s.rest)
    return "|".join(
        re.escape(c) + NOT_AFTER_WORD + (rests[0] if len(rests) == 1 else f"(?:{'|'.join(rests)})")
        for c, rests in by_first.items()
    )


def _alternation(spellings: list[Spelling]) -> str:
    """The names, longest first, grouped by first letter (a text position can match only one
    group). A group of case-sensitive names becomes one trie per first character; a group with a
    caseless name shares its start (`_shared_start`)."""
    groups: dict[str, list[Spelling]] = {}
    for s in sorted(spellings, key=lambda s: len(s.name), reverse=True):
        groups.setdefault(_letter(s.firsts[0]), []).append(s)
    out = []
    for group in groups.values():
        if any(s.caseless for s in group):
            out.append(_shared_start(group))
            continue
        by_first: dict[str, list[str]] = {}
        for s in group:
            by_first.setdefault(s.name[0], []).append(s.name)
        out += [_trie(names) for names in by_first.values()]
    return "|".join(out)


class EntityMatcher:
    """All of a sheet's names in one pattern that prefers the longest, so 'Nick Joseph' beats 'Joseph'."""

    def __init__(self, sheet: Sheet) -> None:
        self.by_name: dict[str, set[str]] = {}
        self.by_folded: dict[str, set[str]] = {}
        spellings: list[Spelling] = []
        for entity in sheet.entities.values():
            caseless = entity.kind in CASELESS_KINDS
            for name in entity.names:
                key = name.lower() if caseless else name
                self.by_name.setdefault(key, set()).add(entity.id)
                if caseless:
                    self.by_folded.setdefault(_fold(name), set()).add(entity.id)
                spellings.append(spelling(name, caseless))
        # People's surname-only aliases ('Amodei' for Dario Amodei), to tell them from namesakes.
        self.surnames = {
            e.id: e.name.split()[-1]
            for e in sheet.entities.values()
            if e.kind == "person" and len(e.name.split()) > 1 and e.name.split()[-1] in e.aliases
        }
        body = _alternation(spellings) or r"(?!x)x"
        self.pattern = re.compile(rf"(?:{body})(?![\w])")
        self.sheet = sheet
        self._resolved: dict[str, tuple[str | None, str, bool]] = {}  # a matched name's `_resolve`

    def lookup(self, matched: str) -> str | None:
        """The one entity a matched name denotes, or None when the name is ambiguous."""
        ids = self.by_name.get(matched) or self.by_folded.get(_fold(matched), set())
        return next(iter(ids)) if len(ids) == 1 else None

    def find(self, prose: str) -> list[Mention]:
        out = []
        resolved = self._resolved
        for m in self.pattern.finditer(prose):
            matched = m[0]
            known = resolved.get(matched)
            if known is None:
                known = resolved[matched] = self._resolve(matched)
            entity_id, kind, surname = known
            if surname and (other := self._other_first_name(prose, m, entity_id)) is not None:
                out.append(Mention(other, m.end(), None, "person", prose[other : m.end()]))
                continue
            start, end = m.span()
            out.append(Mention(start, end, entity_id, kind, matched))
        return out

    def _resolve(self, matched: str) -> tuple[str | None, str, bool]:
        """What a matched name denotes wherever it stands: its entity, that entity's kind, and
        whether it is a surname alias (which the text before it may give to someone else)."""
        entity_id = self.lookup(matched)
        kind = self.sheet.entities[entity_id].kind if entity_id else "ambiguous"
        surname = entity_id is not None and self.surnames.get(entity_id) == matched
        return entity_id, kind, surname

    def _other_first_name(self, prose: str, m: re.Match[str], entity_id: str | None) -> int | None:
        """'Daniela Amodei' is not Dario Amodei: a surname alias after another first name is
        someone the sheet does not know. Returns where that person's name starts, if so."""
        if entity_id is None or entity_id not in self.surnames or m[0] != self.surnames[entity_id]:
            return None
        before = FIRST_NAME_BEFORE.search(prose, max(0, m.start() - 30), m.start())
        if before is None:
            return None
        word = before[1]
        known = self.sheet.entities[entity_id].names
        if word in NOT_NAME_WORDS or word.lower() in NAME_STOPWORDS or any(n.startswith(word + " ") for n in known):
            return None
        return before.start(1)


@lru_cache(maxsize=16)
def matcher_for(sheet: Sheet) -> EntityMatcher:
    return EntityMatcher(sheet)


TITLE_COMPOUND = re.compile(r"[A-Z][a-z]+-[a-z]+")


def _title_like(word: str) -> bool:
    """A capitalised title word ('Chief', 'Head') or compound ('Pre-training') before a name."""
    return word.lower() in NAME_STOPWORDS or ("-" in word and TITLE_COMPOUND.fullmatch(word) is not None)


def unknown_people(prose: str, known: list[Mention]) -> list[Mention]:
    """Capitalised name pairs that no known mention covers: possible people outside the sheet."""
    starts = [m.start for m in known]  # `known` is in text order
    # (each name's text split once: a page names the same few things many times)
    names = {k.text for k in known if k.entity and k.kind not in {"person", "ambiguous"}}
    things = {w for text in names for w in NAME_PIECE.split(text)}
    out = []
    pos = 0
    while (m := UNKNOWN_NAME.search(prose, pos)) is not None:
        pos = m.end()
        if _title_like(m[1]):
            pos = m.start(2)  # "Head of Pre-training Nick Jonas": the name starts at the next word
            continue
        if m[1] in NOT_NAME_WORDS or m[2] in NOT_NAME_WORDS or m[1] in things or m[2] in things:
            continue
        i = bisect.bisect_left(starts, m.end())
        if i and known[i - 1].end > m.start():
            continue  # overlaps the known mention that starts last before this one ends
        out.append(Mention(m.start(), m.end(), None, "person", m[0]))
    return out
