"""One scanning pass for the claim layer: where in a document each claim pattern *could* start.

A claim pattern (a verb phrase such as "joined ... to lead") almost always begins with one of a
few literal words. Those literal prefixes are read out of the compiled pattern itself, every
registered pattern's prefixes go into one Aho-Corasick automaton, and one pass of it over the
lower-cased prose, every whitespace character in it read as a space (`spaced`), yields, per
pattern, the offsets where a match can begin. The pattern is then tried (`match`, anchored) only
there, instead of `search`ing every character of every sentence.

Exactness: a match of a pattern at offset p always begins with one of its prefixes (they are
computed conservatively; a pattern whose start cannot be bounded gets no prefixes and is scanned
as before), and `pattern.match(text, p, end)` is the very attempt `search` makes at p, so the
matches are the same. A prefix spells whitespace as a space, as `spaced` does: where the text
begins with a string, its spaced form begins with that string spaced. Lower-casing preserves
offsets except for the few characters that case-insensitive matching folds onto ASCII letters
(and a digit of another script, which the anchored scans of `linter.annotate.anchored` spell in
ASCII); a document containing one is scanned as before.
"""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Callable
from itertools import chain
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import NamedTuple, TypeVar

import ahocorasick  # type: ignore[import-not-found]

from linter.annotate.analysis import Analysis
from linter.annotate.anchored import WHITESPACE, lowered
from linter.regex_cache import derived

Prefixes = frozenset[str]
ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


def prefixes(pattern: re.Pattern[str]) -> Prefixes | None:
    """Lower-case literal strings one of which begins every match of `pattern`, or None when
    that cannot be told (a class or a wildcard first). Kept in the compiled-
    pattern cache: parsing the pattern again would cost a cold run what the cache saves it."""
    found = derived(f"prefixes4:{pattern.flags}:{pattern.pattern}", lambda: _prefixes(pattern), _is_prefix_list)
    return None if found is None else frozenset(found)


def _is_prefix_list(value: object) -> bool:
    return value is None or (isinstance(value, list) and all(isinstance(p, str) and p for p in value))


def _prefixes(pattern: re.Pattern[str]) -> list[str] | None:
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except re.error:  # pragma: no cover - the pattern compiled, so it parses
        return None
    found = _sequence(list(parsed))
    if not found or not all(caseless_or_ascii(c) for p in found for c in p):
        return None
    return sorted({p.lower() for p in found})


def caseless_or_ascii(char: str) -> bool:
    """A character whose lower case finds it in the lower-cased text whatever its case there: an
    ASCII one (the few others that fold onto ASCII are checked per document), or one that has no
    case at all (’, “, —)."""
    return char.isascii() or (not char.isalpha() and char.lower() == char == char.upper())


def _spaced(char: str) -> str:
    """A character as the scanned text (`spaced`) has it: whitespace as a space."""
    return " " if char in WHITESPACE else char


ASCII_SPACES = [c for c in WHITESPACE if c.isascii() and c != " "]
OTHER_SPACES = [c for c in WHITESPACE if not c.isascii()]
ALL_SPACES = str.maketrans(dict.fromkeys(WHITESPACE, " "))
_spaced_text: tuple[str, str | None] = ("", "")


def spaced(text: str) -> str | None:
    """`lowered(text)` with every whitespace character a space, offset for offset (None where
    `lowered` is): the scanner's keys spell `\\s` as one space, so a prefix grows past it ('to
    lead' where 'to' then any of 30 whitespace characters was 30 keys, and found before every
    word). The last text's is kept, as the scan and every searched pattern of a page ask."""
    global _spaced_text
    last = _spaced_text  # one read: another thread may replace it
    if last[0] is text:
        return last[1]
    low = lowered(text)
    if low is not None:
        # (`in` on a str is a fast substring search: twice as fast as a class searched for)
        if not low.isascii() and any(char in low for char in OTHER_SPACES):
            low = low.translate(ALL_SPACES)  # (a dict lookup per character: 80 ns, so only here)
        else:
            for char in ASCII_SPACES:
                if char in low:
                    low = low.replace(char, " ")
    _spaced_text = (text, low)
    return low


MAX_PREFIXES = 1024  # per pattern: past this a prefix stops growing (a shorter one is as exact)
SHORT = 6  # prefixes shorter than this grow by what the pattern fixes after them


def _sequence(items: list, room: int = SHORT) -> set[str] | None:  # type: ignore[type-arg]
    """Prefixes of a sequence of parsed items: every string its fixed head can be, followed by
    the prefixes of the first item that is not fixed. A prefix grows only while it is shorter
    than `room` (`SHORT` at the top): 'to ' is found 40 times a page, 'to lea' (in
    "to\\s+lead") seldom. Claim-pattern attempts on 100 bench articles: 56k with prefixes of
    four characters before whitespace was spelled as one space, 34k with four, 17k with six and
    16k with eight, which took three times the keys. Zero-width assertions are skipped (they
    only narrow what matches). None when a match may begin with anything."""
    heads, done = {""}, set()
    for i, (op, av) in enumerate(items):
        if op in ZERO_WIDTH:
            continue
        done |= {h for h in heads if len(h) >= room}
        heads = {h for h in heads if len(h) < room}
        if not heads:
            break
        one = _fixed(op, av)
        if one is not None and len(heads) * len(one) <= MAX_PREFIXES:
            heads = {h + x for h in heads for x in one}
            continue
        rest = _first(items[i:], room - min(map(len, heads)))
        if rest is not None and ("" in heads or len(heads) * len(rest) <= MAX_PREFIXES):
            heads = {h + r for h in heads for r in rest}
        break
    found = heads | done
    return None if "" in found else found


def _fixed(op: object, av: object) -> set[str] | None:
    """Every string one parsed item can match, when they are few (a literal, a class of
    literals or whitespace, an optional or alternative piece made of those); else None. A range
    ([A-Z]) is not spelled out: a letter as a prefix is found everywhere."""
    if op is C.LITERAL:
        return {_spaced(chr(av))}  # type: ignore[arg-type]
    if op is C.IN:
        return _class(av)  # type: ignore[arg-type]
    if op is C.SUBPATTERN:
        return _fixed_sequence(list(av[-1]))  # type: ignore[index]
    if op is C.BRANCH:
        out: set[str] = set()
        for branch in av[1]:  # type: ignore[index]
            found = _fixed_sequence(list(branch))
            if found is None:
                return None
            out |= found
        return out
    if op in REPEATS and av[1] == 1:  # type: ignore[index]
        body = _fixed_sequence(list(av[2]))  # type: ignore[index]
        return None if body is None else body | ({""} if av[0] == 0 else set())  # type: ignore[index]
    return None


def _fixed_sequence(items: list) -> set[str] | None:  # type: ignore[type-arg]
    out = {""}
    for op, av in items:
        if op in ZERO_WIDTH:
            continue
        one = _fixed(op, av)
        if one is None or len(out) * len(one) > MAX_PREFIXES:
            return None
        out = {a + b for a in out for b in one}
    return out


def _class(items: list) -> set[str] | None:  # type: ignore[type-arg]
    out: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            out.add(_spaced(chr(av)))
        elif op is C.CATEGORY and av in (C.CATEGORY_SPACE, C.CATEGORY_UNI_SPACE):
            out.add(" ")
        else:
            return None
    return out


def _first(items: list, room: int) -> set[str] | None:  # type: ignore[type-arg]
    """Prefixes of a sequence whose first item is not fixed: that item decides. A group or a
    branch is read followed by the rest of the sequence, so a short prefix it ends with grows
    by what comes after it ('at' then whitespace in "(?:at|with)\\s+", not 'at' in 'that'), and
    a repeat is unrolled by one. `room` is how much longer the caller's prefixes may grow:
    each unrolling reads at least one character of it, so the recursion ends."""
    op, av = items[0]
    rest = items[1:]
    if op is C.SUBPATTERN:
        return _sequence([*av[-1], *rest], room)
    if op is C.ATOMIC_GROUP:
        return _sequence([*av, *rest], room)
    if op is C.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            found = _sequence([*branch, *rest], room)
            if found is None:
                return None
            out |= found
        return out
    if op in REPEATS and av[1] > 0 and av[2].getwidth()[0] > 0:
        # Unrolled by one: 'X+ rest' begins with 'X X{0,} rest', and 'X{0,n} rest' with
        # 'X X{0,n-1} rest' or with 'rest', so 'to\s+lead' gives 'to lead' and 'to  '.
        body, lo, hi = list(av[2]), av[0], av[1]
        again = [(op, (max(lo - 1, 0), hi if hi == C.MAXREPEAT else hi - 1, av[2]))] if hi > 1 else []
        after = [*body, *again, *rest]
        head = _sequence(after, room)
        if lo >= 1:
            return head
        tail = _sequence(rest, room)  # optional: a match starts with it or with what follows
        if head is None or tail is None:
            return None
        return head | tail
    if op in REPEATS and av[0] >= 1:  # a body that may match nothing: not unrolled
        return _sequence(list(av[2]), room)
    if op in REPEATS and av[0] == 0:  # (which begins with it or with what follows)
        head, tail = _sequence(list(av[2]) + (rest if av[1] == 1 else []), room), _sequence(rest, room)
        if head is None or tail is None:
            return None
        return head | tail
    return None


def shortest(keys: Prefixes) -> list[str]:
    """The keys no other key begins (of 'to ' and 'to lead', 'to '): every offset where a longer
    key begins, a shorter one it begins with begins too, so a pattern's offsets are those of
    these alone; and two of these never begin at one offset (the shorter would begin the
    longer), so the offsets they give are each found once."""
    return sorted(k for k in keys if not any(k[:n] in keys for n in range(1, len(k))))


def required(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case literal strings one of which occurs in every match of `pattern` (the longest
    such fixed piece of its top-level sequence: 'mandate', 'remit' or 'brief'), or None: a pattern
    searched for (no prefixes) need not be searched in a stretch holding none of them."""
    found = _REQUIRED.get(pattern)
    if found is None:
        try:
            items = list(_parser.parse(pattern.pattern, pattern.flags))
        except re.error:  # pragma: no cover - the pattern compiled, so it parses
            items = []
        best: set[str] | None = None
        run = {""}  # the strings of the current stretch of fixed items
        for op, av in [*items, (None, None)]:  # a last non-fixed item closes the last stretch
            if op in ZERO_WIDTH:
                continue
            one = _fixed(op, av) if op is not None else None
            if one is not None and len(run) * len(one) <= MAX_PREFIXES:
                run = {r + x for r in run for x in one}
                continue
            if "" not in run and (best is None or min(map(len, run)) > min(map(len, best))):
                best = run
            run = {""} if one is None else one
        usable = best is not None and all(caseless_or_ascii(c) for w in best for c in w)
        found = _REQUIRED[pattern] = (frozenset(w.lower() for w in best) if usable and best else None,)
    return found[0]


_REQUIRED: dict[re.Pattern[str], tuple[frozenset[str] | None]] = {}


class Scanner:
    """Every registered pattern's prefixes, with Aho-Corasick automata over them. Patterns
    register the first time they are scanned for. A document is scanned once for the patterns
    registered so far; one registered later (the first document a process reads registers them
    one by one) is looked for in a pass of its own, not by scanning for every pattern again."""

    def __init__(self) -> None:
        self.ids: dict[re.Pattern[str], int] = {}
        self._by_identity: dict[int, tuple[re.Pattern[str], int]] = {}
        self.prefixes: list[Prefixes | None] = []
        self._automata: dict[tuple[int, int, Prefixes | None], _Pass] = {}
        self._lock = threading.Lock()  # the server's threads may register the same pattern at once

    def register(self, pattern: re.Pattern[str]) -> int:
        # By identity first: hashing a compiled pattern hashes its whole code, on every call.
        known = self._by_identity.get(id(pattern))
        if known is not None:
            return known[1]
        found = prefixes(pattern)
        with self._lock:
            if pattern not in self.ids:
                self.prefixes.append(found)
                self.ids[pattern] = len(self.prefixes) - 1
            index = self.ids[pattern]
            self._by_identity[id(pattern)] = (pattern, index)  # kept alive: its id is not reused
            return index

    def automaton(self, lo: int, hi: int, extra: Prefixes | None = None) -> _Pass:
        """The automaton over the prefixes of patterns `lo` to `hi - 1`, and over the `extra`
        keys as one more pattern's (built once: registered patterns never change; a few sets of
        extra keys are kept, one per sheet in use)."""
        built = self._automata.get((lo, hi, extra))
        if built is None:
            if len(self._automata) >= MAX_AUTOMATA:
                self._automata.clear()
            by_key: dict[str, list[int]] = {}
            for i in range(lo, hi):
                for key in shortest(self.prefixes[i] or frozenset()):
                    by_key.setdefault(key, []).append(i - lo)
            for key in shortest(extra or frozenset()):
                by_key.setdefault(key, []).append(hi - lo)
            groups: dict[tuple[int, ...], int] = {}  # each set of patterns a key is a prefix of
            automaton = ahocorasick.Automaton()
            for key, ids in by_key.items():  # what a hit needs: how far back it starts, whose it is
                automaton.add_word(key, (len(key) - 1, groups.setdefault(tuple(ids), len(groups))))
            if by_key:
                automaton.make_automaton()
            members: list[list[int]] = [[] for _ in range(hi - lo + (extra is not None))]
            for patterns, group in groups.items():
                for i in patterns:
                    members[i].append(group)
            built = self._automata[(lo, hi, extra)] = _Pass(automaton, len(groups), members)
        return built

    def starts(
        self, text: str, lo: int = 0, hi: int | None = None, extra: Prefixes | None = None
    ) -> list[list[int]] | None:
        """Per registered pattern from `lo` to `hi - 1` (all by default), then for the `extra`
        keys (lower-case, whitespace spelled as a space) if any are given, the sorted offsets in
        `text` where one of its prefixes begins; None when `text` cannot be lower-cased offset for
        offset. A hit is appended to its key's group of patterns (one list operation, where adding
        it to each pattern's set was a Python loop per hit); each pattern's offsets are then
        gathered from its groups in C. A pattern's keys are its `shortest` prefixes, no two of
        which begin at one offset, so its offsets are sorted without a set to drop repeats (a
        set of ints per pattern per page, hashed and freed, was two thirds of this gathering)."""
        low = spaced(text)
        if low is None:
            return None
        hi = len(self.prefixes) if hi is None else hi
        automaton, groups, members = self.automaton(lo, hi, extra)
        hits: list[list[int]] = [[] for _ in range(groups)]
        if automaton.kind == ahocorasick.AHOCORASICK:
            for end, (back, group) in automaton.iter(low):
                hits[group].append(end - back)
        return [sorted(chain.from_iterable([hits[g] for g in own])) for own in members]


class _Pass(NamedTuple):
    """A scanning pass over some patterns: an automaton whose values are (how far back a hit
    starts, the group of patterns its key is a prefix of), how many groups, and per pattern its
    groups."""

    automaton: ahocorasick.Automaton
    groups: int
    members: list[list[int]]


MAX_AUTOMATA = 64  # past this the kept automata are dropped (each sheet's cues make their own)
SCANNER = Scanner()


class _Scanned(NamedTuple):
    """A document's scan so far: the candidates of patterns `0` to `upto - 1` (None: unscannable)."""

    upto: int
    starts: list[list[int]] | None


T = TypeVar("T")


def per_pattern(
    a: Analysis, key: tuple[str], pattern: re.Pattern[str], compute: Callable[[Analysis, re.Pattern[str]], T]
) -> T:
    """`compute(a, pattern)`, kept in the document's memo under `key` by the pattern's identity:
    these are asked thousands of times a page, and hashing a compiled pattern hashes its whole
    code (the pattern is kept beside its answer, so its identity is not reused)."""
    known: dict[int, tuple[re.Pattern[str], T]] | None = a.memo.get(key)  # type: ignore[assignment]
    if known is None:
        known = a.memo[key] = {}
    else:
        hit = known.get(id(pattern))
        if hit is not None and hit[0] is pattern:
            return hit[1]
    found = compute(a, pattern)
    known[id(pattern)] = (pattern, found)
    return found


def candidates(a: Analysis, pattern: re.Pattern[str]) -> list[int] | None:
    """Where in `a`'s prose `pattern` can begin, from the document's scanning pass (None: it
    could begin anywhere, so search). The pass runs once per document for every pattern
    registered so far, and once more for patterns registered since."""
    return per_pattern(a, _BY_PATTERN, pattern, _candidates)


_BY_PATTERN = ("scan by pattern",)


def _candidates(a: Analysis, pattern: re.Pattern[str]) -> list[int] | None:
    index = SCANNER.register(pattern)
    if SCANNER.prefixes[index] is None:
        return None
    scanned = a.memo.get(("scan",))
    if not isinstance(scanned, _Scanned) or scanned.upto <= index:
        scan_page(a)
        scanned = a.memo[("scan",)]
    assert isinstance(scanned, _Scanned)
    return None if scanned.starts is None else scanned.starts[index]


def scan_page(a: Analysis, extra: Prefixes | None = None) -> list[int] | None:
    """Scans `a`'s prose for the patterns registered since its last pass (all of them, the first
    time), and in the same pass for the `extra` keys (lower-case, whitespace spelled as a space,
    every character one `caseless_or_ascii`): the sorted offsets where one of those begins (None:
    no extra keys, or a text that cannot be scanned). The sheet's cue pass asks first on a page:
    its cues and the patterns' prefixes are found in one reading of the page, not two."""
    scanned = a.memo.get(("scan",))
    if not isinstance(scanned, _Scanned):
        scanned = _Scanned(0, [])
    hi = len(SCANNER.prefixes)
    more = SCANNER.starts(a.prose, scanned.upto, hi, extra)
    found = more.pop() if more is not None and extra is not None else None
    a.memo[("scan",)] = _Scanned(hi, None if more is None or scanned.starts is None else scanned.starts + more)
    return found


def sentences_holding(a: Analysis, pattern: re.Pattern[str]) -> set[int] | None:
    """The numbers of the sentences in which a match of `pattern` can begin (None: any), from
    the scanning pass: a reader that looks for it sentence by sentence skips the others without
    a lookup each."""
    return per_pattern(a, _HOLDING, pattern, _sentences_holding)


_HOLDING = ("sentences holding",)


def _sentences_holding(a: Analysis, pattern: re.Pattern[str]) -> set[int] | None:
    found = candidates(a, pattern)
    if found is None:
        return None
    return {s.number for at in found if (s := a.sentence_at(at)) is not None}


def matches_at(pattern: re.Pattern[str], text: str, starts: list[int], start: int, end: int) -> list[re.Match[str]]:
    """The matches of `pattern.finditer(text, start, end)`, for a pattern that never matches the
    empty string, given `starts` (sorted) holding every offset where a match can begin: the
    pattern is tried (`match`, the very attempt `finditer` makes) only there."""
    found: list[re.Match[str]] = []
    lo = bisect.bisect_left(starts, start)
    hi = bisect.bisect_left(starts, end, lo)
    if lo == hi:
        return found  # most windows: no candidate at all
    match, pos = pattern.match, start
    for at in starts[lo:hi]:
        if at >= pos and (m := match(text, at, end)) is not None:
            found.append(m)
            pos = m.end()
    return found


def finditer(a: Analysis, pattern: re.Pattern[str], start: int, end: int) -> list[re.Match[str]]:
    """`pattern.finditer(a.prose, start, end)` for a pattern that never matches the empty string,
    tried only at the candidates of the document's scanning pass (searched without them). A
    pattern that begins with a look-behind gives the regex engine nothing to skip by: scanning a
    sentence for it costs ~100 instructions a character."""
    found = candidates(a, pattern)
    if found is None:
        return list(pattern.finditer(a.prose, start, end))
    return matches_at(pattern, a.prose, found, start, end)


def search(a: Analysis, pattern: re.Pattern[str], start: int, end: int) -> re.Match[str] | None:
    """`pattern.search(a.prose, start, end)`, tried only at the scanning pass's candidates: the
    first of them where the pattern matches is where `search` would have stopped."""
    found = candidates(a, pattern)
    if found is None:
        return pattern.search(a.prose, start, end)
    lo = bisect.bisect_left(found, start)
    hi = bisect.bisect_left(found, end, lo)
    match, prose = pattern.match, a.prose
    for at in found[lo:hi]:
        if (m := match(prose, at, end)) is not None:
            return m
    return None
