"""Near-misses of the sheet's names: 'Andrej Karpaty', 'Nicholas Josef', 'Antropic'.

Every spelling the sheet lists is accepted exactly (those are mentions already). Other
capitalised tokens are compared, lower-cased, with the tokens of people's and organisations'
names by optimal-string-alignment distance (a transposition is one edit), allowing one edit in
short names and two in long ones. A near-miss is reported only where the context ties it to the
entity: the other half of a person's name spelled right ('Nicholas' + 'Josef'), one of their
titles nearby ('Karpaty, the former Tesla AI director'), or for a long surname or an
organisation, the entity named correctly elsewhere in the document or an organisation context
('joined Antropic', 'Antropic's'). 'Nick Jonas' is three edits from 'Nick Joseph' and stays
silent. The candidate index is built once per sheet; lookups are memoised per token.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import OSA

from linter.annotate.mentions import NOT_NAME_WORDS
from linter.sheet import Entity, Fact, Sheet, Value
from linter.sheet.memo import per_sheet

if TYPE_CHECKING:  # the analysis calls near_misses while it is being built
    from linter.annotate.analysis import Analysis

# Latin letters, accented ones included ('André'). Only capitalised words can be names, so the
# rest (most of a page's words) are not even matched.
_LATIN = "A-Za-zÀ-ÖØ-öø-ɏ"
# The capital comes first so that `re` skips to candidates by its character set; the look-behind
# then checks the character before it.
CAPITALISED_TOKEN = re.compile(rf"[A-ZÀ-ÖØ-ÞĀ-ɏ](?<![\w@#/.’'-].)[{_LATIN}]*(?:[-'’][{_LATIN}]+)*(?![{_LATIN}])")
POSSESSIVE = re.compile(r"['’]s?$")
ORG_CONTEXT = re.compile(
    r"\b(?:at|for|from|with|join(?:s|ed|ing)?|left|leaving|quit(?:s|ting)?|to|by|of|rival|hired|poached)\s+[\[*_\"“]*$",
    re.IGNORECASE,
)


class Form(NamedTuple):
    """One token of an entity's names: `part` is 'first' or 'last' for people, 'whole' for
    one-word organisation names."""

    entity: str
    kind: str
    part: str
    text: str


class NearMiss(NamedTuple):
    """A misspelled name (`start:end`) of an entity, and its right spelling."""

    entity: str
    start: int
    end: int
    suggestion: str


def is_english_word(token: str) -> bool:
    """Is the token (or, for a plural, its singular) an ordinary English word? Webster's Second
    (english-words), looked up by bisection in a sorted file: a cold run loads no word list."""
    from linter.language.words import is_word

    word = token.lower()
    return is_word(word) or (word.endswith("s") and is_word(word[:-1]))


@lru_cache(maxsize=8192)  # the same few hundred words and name forms, folded for every token
def fold(word: str) -> str:
    """Lower case without accents: 'André' is compared as 'andre', one edit from 'andrej'."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def tolerance(length: int, paired: bool) -> int:
    """Edits allowed: with the other half of a name as context, 1 up to five letters, else 2;
    alone, none up to four letters, 1 up to seven, 2 beyond."""
    if paired:
        return 1 if length <= 5 else 2
    return 0 if length <= 4 else 1 if length <= 7 else 2


INDEX_FROM = 300  # name tokens: where the index's lookups cost what comparing every token does (~28 us)


class NameIndex:
    """The sheet's name tokens, by entity and role, and the exact spellings to leave alone."""

    def __init__(self, sheet: Sheet, index_from: int = INDEX_FROM) -> None:
        self.sheet = sheet
        self.forms: list[Form] = []
        self.firsts: dict[str, set[str]] = {}
        self.lasts: dict[str, set[str]] = {}
        self.exact: set[str] = set()
        self.roles: dict[str, re.Pattern[str]] = {}
        self.memo: dict[str, list[tuple[Form, int]]] = {}
        self.worth_a_look: dict[str, str | None] = {}  # see `look_at`
        for entity in self.sheet.entities.values():
            self.exact.update(t for name in entity.names for t in name.split())
            if entity.kind == "person":
                self._add_person(entity)
            elif entity.kind == "organisation":
                for name in entity.names:
                    if " " not in name:
                        self.forms.append(Form(entity.id, entity.kind, "whole", name))
        self._choices = [fold(f.text) for f in self.forms]
        # A large sheet's name tokens under every way of deleting up to two of their letters: two
        # words within two edits (OSA) share such a form, so a token is compared only with the
        # few name tokens that share one (SymSpell's index). rapidfuzz compares a token with
        # every name token in C, faster below `index_from` tokens than the index's lookups.
        self._by_deletion: dict[str, list[int]] | None = None
        if len(self._choices) >= index_from:
            self._by_deletion = {}
            for i, choice in enumerate(self._choices):
                for form in deletions(choice):
                    self._by_deletion.setdefault(form, []).append(i)
        titles: dict[str, list[str]] = {}
        for fact in self.sheet.facts_for("title"):
            titles.setdefault(fact.subject, []).extend([fact.value.text, *fact.value.aliases])
        for person, words in titles.items():
            body = "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)) if w)
            self.roles[person] = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)

    def _add_person(self, entity: Entity) -> None:
        parts = entity.name.split()
        first, last = self.firsts.setdefault(entity.id, set()), self.lasts.setdefault(entity.id, set())
        for name in entity.names:
            tokens = name.split()
            if len(tokens) >= 2:
                first.add(tokens[0])
                last.add(tokens[-1])
            elif tokens and tokens[0] == parts[-1]:
                last.add(tokens[0])
            elif tokens:
                first.add(tokens[0])
        for token in first:
            self.forms.append(Form(entity.id, "person", "first", token))
        for token in last:
            self.forms.append(Form(entity.id, "person", "last", token))

    def look_at(self, token: str) -> str | None:
        """The token without its possessive ending when it can be a misspelled name, else None
        (too short, a name or word the sheet spells this way, or within two edits of no name
        token): what the text around a token cannot change, remembered per token in
        `worth_a_look` (a page's capitalised words are mostly the same few hundred)."""
        if len(self.worth_a_look) >= 100_000:  # a bound for a long-running server
            self.worth_a_look.clear()
        text = _without_possessive(token)
        if len(text) < 3 or text in self.exact or text in NOT_NAME_WORDS or not self.near(text):
            self.worth_a_look[token] = None
            return None
        self.worth_a_look[token] = text
        return text

    def near(self, token: str) -> list[tuple[Form, int]]:
        """Name tokens within two edits of `token` (case-insensitive), closest first."""
        key = fold(token)
        if key not in self.memo:
            by_deletion, choices = self._by_deletion, self._choices
            if by_deletion is None:
                compared = process.extract(key, choices, scorer=OSA.distance, score_cutoff=2, limit=None)
                found = sorted((int(d), i) for _, d, i in compared if d > 0)
            else:
                sharing = {i for form in deletions(key) for i in by_deletion.get(form, ())}
                found = sorted((d, i) for i in sharing if 0 < (d := OSA.distance(key, choices[i], score_cutoff=2)) <= 2)
            self.memo[key] = [(self.forms[i], d) for d, i in found]
        return self.memo[key]


def deletions(word: str, depth: int = 2) -> set[str]:
    """The word and every string made from it by deleting up to `depth` letters."""
    found, frontier = {word}, {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


@lru_cache(maxsize=16)
def name_index(sheet: Sheet) -> NameIndex:
    return NameIndex(sheet)


@per_sheet
def name_fact(sheet: Sheet, entity_id: str) -> Fact:
    """A fact standing for an entity's name, so a misspelling is reported like any other finding:
    id '<entity>-name', cited by every source that states a fact about the entity."""
    entity = sheet.entities[entity_id]
    sources = sorted(
        {s for f in sheet.facts if entity_id in (f.subject, f.value.data.get("entity")) for s in f.sources}
    )
    return Fact(
        f"{entity_id}-name", entity_id, "name", Value("text", {"text": entity.name}), tuple(sources or sheet.sources)
    )


def _without_possessive(token: str) -> str:
    """'Karpathy’s' -> 'Karpathy' (`POSSESSIVE`, without a regex call for the tokens that have none)."""
    return POSSESSIVE.sub("", token) if token[-1] in "'’s" else token


def near_misses(a: Analysis) -> list[NearMiss]:
    """Every misspelled name of a person or organisation that context ties to the sheet."""
    index = name_index(a.sheet)
    named = {m.entity for m in a.mentions if m.entity and not m.pronoun and not m.misspelled}
    covered = [(m.start, m.end) for m in a.mentions if m.entity and not m.pronoun and not m.misspelled]
    covered_starts = [c[0] for c in covered]
    prose = a.prose
    # Match objects, not tuples: the few tokens with candidates read their neighbours' spans
    # from them. (A capital beyond ASCII in the class may be a lower-case letter: 'ā'.)
    found = list(CAPITALISED_TOKEN.finditer(prose))
    if not prose.isascii():
        found = [m for m in found if m[0][0].isupper()]
    worth = index.worth_a_look
    out: list[NearMiss] = []
    seen: set[int] = set()
    for i, m in enumerate(found):
        text = worth.get(m[0], "")
        if text is None:
            continue  # judged once per sheet: too short, spelled right, or near no name
        if not text:
            text = index.look_at(m[0])
            if text is None:
                continue
        start = m.start()
        end = start + len(text)
        if i in seen or _not_a_name_form(prose, end, text, index):
            continue
        j = bisect.bisect_right(covered_starts, start) - 1
        if j >= 0 and covered[j][1] > start:
            continue  # inside a name the sheet spells this way
        candidates = index.near(text)
        prev = _token(found[i - 1]) if i else None
        if prev and prose[prev[1] : start] != " ":
            prev = None
        nxt = _token(found[i + 1]) if i + 1 < len(found) and prose[end : found[i + 1].start()] == " " else None
        for form, distance in candidates:
            miss = _judge(a, index, form, distance, (start, end, text), prev, nxt, named)
            if miss is not None:
                out.append(miss)
                if nxt and miss.end == nxt[1]:
                    seen.add(i + 1)
                break
    return out


def _token(m: re.Match[str]) -> Token:
    """A capitalised token's span and text, a possessive ending left out."""
    text = _without_possessive(m[0])
    return (m.start(), m.start() + len(text), text)


Token = tuple[int, int, str]
# Where a plural or unusual form cannot stand, only the organisation's own name can:
# "joined Anthropics" is a misspelling, "the Teslas it sold" a plural.
NAME_SLOT = re.compile(r"\b(?:at|join(?:s|ed|ing)?|left|leaving|quit(?:s|ting)?|rival)\s+[\[*_\"“]*$", re.IGNORECASE)


# Where an excerpt ends: nothing but space to the end of the text, or an ellipsis.
CUT_SHORT = re.compile(r"\s*(?:\Z|…|\.\.\.)")


def _not_a_name_form(prose: str, end: int, text: str, index: NameIndex) -> bool:
    """Tokens that are a name's other forms, not its misspellings: a ticker ('TSLA'), a plural
    of an organisation ('Teslas') outside a name slot, or a name cut short where an excerpt ends
    ('Karpat…'). A person's plural stays a misspelling: 'Nick Josephs' is one man."""
    if text.isupper() and len(text) <= 5:
        return not any(f.text.isupper() and fold(f.text) == fold(text) for f, _ in index.near(text))
    key = fold(text)
    cut = CUT_SHORT.match(prose, end) is not None  # read from `end`: no copy of the rest of the text
    for form, _ in index.near(text):
        name = fold(form.text)
        if cut and name.startswith(key):
            return True
        if form.kind != "person" and key[len(name) :] in {"s", "es"} and key.startswith(name):
            start = end - len(text)
            return NAME_SLOT.search(prose, max(0, start - 20), start) is None
    return False


def _judge(
    a: Analysis,
    index: NameIndex,
    form: Form,
    distance: int,
    token: Token,
    prev: Token | None,
    nxt: Token | None,
    named: set[str],
) -> NearMiss | None:
    start, end, _ = token
    length = len(form.text)
    if form.part == "last" and prev and prev[2] in index.firsts[form.entity]:
        if distance <= tolerance(length, paired=True):
            return NearMiss(form.entity, prev[0], end, f"{prev[2]} {form.text}")
        return None
    if form.part == "first" and nxt and nxt[2] in index.lasts[form.entity]:
        if distance <= tolerance(length, paired=True):
            return NearMiss(form.entity, start, nxt[1], f"{form.text} {nxt[2]}")
        return None
    if distance > tolerance(length, paired=False):
        return None
    if (prev and _mid_sentence(a, prev[0])) or nxt:
        return None  # part of some other capitalised name: 'Tessa Thompson'
    if is_english_word(token[2]) and NAME_SLOT.search(a.prose, max(0, start - 20), start) is None:
        return None  # 'Apply now' is a word, not a misspelt Apple; 'joined Goggle' is a name slot
    if form.kind == "person":
        role = index.roles.get(form.entity)
        lo, hi = max(0, start - 60), min(len(a.prose), end + 60)
        tied = (role is not None and role.search(a.prose, lo, hi)) or (
            form.part == "last" and length >= 8 and form.entity in named
        )
    else:
        possessive = a.prose[end : end + 1] in {"'", "’"}
        context = bool(ORG_CONTEXT.search(a.prose, max(0, start - 20), start))
        # A capital at a sentence start says nothing ('Spaces between ...' near SpaceX): there
        # the right spelling elsewhere in the text is not enough.
        tied = possessive or context or (form.entity in named and _mid_sentence(a, start))
    return NearMiss(form.entity, start, end, form.text) if tied else None


def _mid_sentence(a: Analysis, offset: int) -> bool:
    """A capitalised word not at a sentence start is a name, not just a capital."""
    sentence = a.sentence_at(offset)
    return sentence is not None and offset > sentence.start
