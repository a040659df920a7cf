"""Anchored scans (`linter.annotate.anchored`) and the regex rewrites made for speed find exactly
what the plain patterns find: on the generated corpus, on the labelled corpus, and on random text
built from the pieces these patterns care about (digits of other scripts and the characters that
fold onto ASCII letters included)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.generated import make_article, paragraphs
from linter.annotate.analysis import (
    EVENT_WORD,
    EVENT_WORDS,
    FIRST_PERSON,
    FIRST_PERSON_SCAN,
    PAST_CUE,
    PLACE_CUE,
    YEAR,
    clause_breaks,
)
from linter.annotate.anchored import FOLDS_ONTO_ASCII, Anchored, Lead, ascii_lower, lowered
from linter.annotate.dates import ANCHORED_DATES, DATE_PATTERN
from linter.annotate.mentions import (
    CASELESS_KINDS,
    PRONOUN_PATTERN,
    PRONOUN_SCAN,
    UNKNOWN_NAME,
    EntityMatcher,
    matcher_for,
)
from linter.annotate.names import CAPITALISED_TOKEN
from linter.annotate.numbers import A_YEAR, ANCHORED_QUANTITY, QUANTITY
from linter.annotate.quotes import BLOCKQUOTE, PASSAGE, passages
from linter.annotate.text import LAST_WORD
from linter.claims.clauses import CUE_BEFORE, ITS, MOTION_CUE, UNKNOWN_PLACE
from linter.language.en import YEAR_DIGITS
from linter.sheet import Entity, Sheet, default_sheet, load_sheet
from rules.teams import MANDATE_NOUN

ROOT = Path(__file__).resolve().parent
PIECES = [
    " ", "  ", "\n", ",", ".", "-", "–", "—", "$", "US$", "USD ", "~", "’", "'", "“", "”", "(", ")", "@", "#",
    "a ", "an ", "A", "one", "Two", "seven", "twenty", "hundred", "a dozen", "couple of", "years", "year", "decade",
    "months", "bn", "billion", "M", "0", "1", "19", "2026", "30", "5", "٣", "１", "\u212a", "\u017f", "\u0130",
    "May", "may", "June", "Jan.", "sept", "Monday", "tuesday", "in ", "In ", "on ", "last ", "this past ",
    "yesterday", "today", "ago ", "Tomorrow", "the ", "of ", "to ", "Karpathy", "Andrej", "karpathy", "Anthropic",
    "pre-training", "Pre training", "X", "x", "Zoë", "Émile", "eBay", "O’Neil", "and", "th", "st",
    "he", "He", "HIM", "hers", "herself", "she", "the", "I", "i", "we", "We", "WE", "_", "ſhe", "hıs", "wE",
    "next ", "Last ", "past ", "extra ", "+", "-plus", "rd", "th ", "000-", "An ", " of ", " to ", "-05-19", "mayor",
    "1999", "2020", "20", "19", "bn", "B", "T", "s", ";", "%", "Years", "more", "dollars", "\u2009",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


class ButYears:
    """A quantity scan's matches less the years read as bare counts, which `numbers._read`
    drops and the anchored scan's lead passes over (where the lead is trusted)."""

    def __init__(self, scan: object) -> None:
        self.scan = scan

    def finditer(self, text: str) -> list[re.Match[str]]:
        found = self.scan.finditer(text)  # type: ignore[attr-defined]
        return [m for m in found if not (m["cnum"] and A_YEAR.fullmatch(m["cnum"]))]


ANCHORED = {
    "dates": (ANCHORED_DATES, DATE_PATTERN),
    "quantities": (ButYears(ANCHORED_QUANTITY), ButYears(QUANTITY)),
    "pronouns": (PRONOUN_SCAN, PRONOUN_PATTERN),  # (plain patterns that start with a class)
    "first person": (FIRST_PERSON_SCAN, FIRST_PERSON),
}


def spans(found: object) -> list[tuple[int, int]]:
    return [m.span() for m in found]  # type: ignore[attr-defined]


def assert_as_plain(new: re.Pattern[str], plain: re.Pattern[str], text: str, at: int) -> None:
    """A rewritten pattern finds what its plain form finds: every match, the first from `at`
    (search and match, whose look-behinds read the text before `at`), and the whole text."""
    at = min(at, len(text))
    assert spans(new.finditer(text)) == spans(plain.finditer(text))
    for method in ("search", "match"):
        first, plain_first = getattr(new, method)(text, at), getattr(plain, method)(text, at)
        assert spans(filter(None, [first])) == spans(filter(None, [plain_first])), method
    assert bool(new.fullmatch(text)) == bool(plain.fullmatch(text))


def corpus() -> list[str]:
    rng, pool = random.Random(11), paragraphs()
    found = [make_article(rng, pool, rng.randint(500, 6000)) for _ in range(25)]
    return found + [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").rglob("*.txt"))]


@pytest.mark.parametrize("name", sorted(ANCHORED))
def test_anchored_scan_finds_what_the_plain_pattern_finds_on_articles(name: str) -> None:
    anchored, plain = ANCHORED[name]
    for text in corpus():
        assert spans(anchored.finditer(text)) == spans(plain.finditer(text))


@pytest.mark.parametrize("name", sorted(ANCHORED))
@settings(max_examples=400, deadline=None, derandomize=True)
@given(text=texts)
def test_anchored_scan_finds_what_the_plain_pattern_finds_on_random_text(name: str, text: str) -> None:
    anchored, plain = ANCHORED[name]
    assert spans(anchored.finditer(text)) == spans(plain.finditer(text))


def test_a_text_whose_lower_case_would_shift_offsets_is_scanned_plainly() -> None:
    assert lowered("Kelvin \u212a 2026") is None
    assert lowered("٣ May") is None  # a lead spells digits in ASCII only
    assert lowered("Tuesday 19 May") == "tuesday 19 may"


def test_lowered_lowers_ascii_letters_only_and_keeps_offsets() -> None:
    assert lowered("Élan ÉCOLE “May” Ω") == "Élan École “may” Ω"
    assert ascii_lower("ÀB\ud800Ç") == "Àb\ud800Ç"


def test_lower_casing_a_letter_beyond_ascii_changes_no_class_a_lead_reads() -> None:
    """Why ASCII letters alone may be lower-cased: a lead's words and the scanners' keys are ASCII
    or caseless, and whether a character is a word character, a space or a digit is the same in
    either case, for every character whose lower case is one character."""
    classes = [re.compile(c) for c in (r"\w", r"\s", r"\d")]
    for code in range(128, 0x110000):
        char = chr(code)
        low = char.lower()
        if len(low) != 1 or low == char or char in FOLDS_ONTO_ASCII:
            continue
        assert not low.isascii(), char
        assert [c.match(char) is None for c in classes] == [c.match(low) is None for c in classes], char


def test_a_lead_starts_only_at_word_starts_and_only_with_its_words() -> None:
    lead = Lead(["may", "on", "7"], r"\w-")
    # 'may' after a hyphen and the 7 of 17 are inside words; 'mayor' starts with a word of the lead.
    assert list(lead.starts("dismay on-may 7 17 mayor")) == [7, 14, 19]
    assert list(lead.starts("may")) == [0]  # the text's first word
    # A word holding a space hides no start inside it.
    assert list(Lead(["a dozen", "dozen"], r"\w").starts("x a dozen")) == [2, 4]
    assert spans(Anchored(re.compile(r"(?<![\w-])may\b", re.I), lead).finditer("May mayor MAY")) == [(0, 3), (10, 13)]


def old_name_pattern(sheet: Sheet | None = None) -> re.Pattern[str]:
    """The sheet-name alternation as it was written before it was arranged for speed."""
    alternatives = []
    for entity in (sheet or default_sheet()).entities.values():
        caseless = entity.kind in CASELESS_KINDS
        for name in entity.names:
            piece = re.escape(name).replace(r"\-", "[- ]?") if caseless else re.escape(name)
            alternatives.append((name, f"(?i:{piece})" if caseless else piece))
    alternatives.sort(key=lambda pair: len(pair[0]), reverse=True)
    body = "|".join(piece for _, piece in alternatives)
    return re.compile(rf"(?<![\w@#])(?:{body})(?![\w])")


@settings(max_examples=300, deadline=None, derandomize=True)
@given(text=texts)
def test_sheet_names_are_found_as_before(text: str) -> None:
    assert spans(matcher_for(default_sheet()).pattern.finditer(text)) == spans(old_name_pattern().finditer(text))


def test_sheet_names_are_found_as_before_on_articles() -> None:
    new, old = matcher_for(default_sheet()).pattern, old_name_pattern()
    for text in corpus():
        assert spans(new.finditer(text)) == spans(old.finditer(text))


def many_names_sheet() -> Sheet:
    """The default sheet's entities four times over, the copies' names extending the originals'
    ('Andrej Karpathy Zq1'), plus a caseless team whose name starts with an organisation's."""
    base = default_sheet()
    entities = dict(base.entities)
    for i in range(1, 4):
        for e in base.entities.values():
            copy = e._replace(id=f"{e.id}-{i}", name=f"{e.name} Zq{i}", aliases=tuple(f"{a} Zq{i}" for a in e.aliases))
            entities[copy.id] = copy
    team = Entity("anthropic-pt", "team", "Anthropic pre-training", ("Andrej team",))
    entities[team.id] = team
    return Sheet("many-names", "Many names", "many.toml", base.event_date, entities=entities)


@pytest.mark.parametrize("sheet", [many_names_sheet(), load_sheet(str(ROOT / "sheets" / "harbor-bridge-2025.toml"))])
def test_names_of_other_sheets_are_found_as_by_a_plain_alternation(sheet: Sheet) -> None:
    new, old = EntityMatcher(sheet).pattern, old_name_pattern(sheet)
    for text in [*corpus(), "Anthropic pre-training team; anthropic PRE training; Andrej Karpathy Zq2 and Andrej team"]:
        assert spans(new.finditer(text)) == spans(old.finditer(text))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(text=texts)
def test_capitalised_tokens_are_the_capitalised_words_of_the_plain_token_pattern(text: str) -> None:
    latin = "A-Za-zÀ-ÖØ-öø-ɏ"
    plain = re.compile(rf"(?<![\w@#/.’'-])[{latin}]+(?:[-'’][{latin}]+)*(?![{latin}])")
    expected = [m.span() for m in plain.finditer(text) if m[0][0].isupper()]
    assert [m.span() for m in CAPITALISED_TOKEN.finditer(text) if m[0][0].isupper()] == expected


# Patterns rewritten so that each alternative starts with a literal (the look-behind after it), as
# they were written before; the rewrite must find the same spans and groups.
REWRITTEN = {
    "quotations": (
        PASSAGE,
        re.compile(
            r"“(?P<curly>[^“”\n]{2,2000}?)”"
            r"|(?<![\w\"])\"(?P<straight>[^\"\n]{2,2000}?)\"(?![\w\"])"
            r"|‘(?P<single>(?:[^‘’\n]|’(?=\w))+?\s(?:[^‘’\n]|’(?=\w))+?)’(?!\w)"
            r"|(?<![\w'])'(?P<plain>(?=\S)(?:[^'\n]|'(?=\w))+?\s(?:[^'\n]|'(?=\w))+?)'(?![\w'])"
        ),
    ),
    "years": (YEAR, re.compile(rf"(?<![\w$-])({YEAR_DIGITS})(?![\w-])")),
    "unknown names": (
        UNKNOWN_NAME,
        re.compile(r"(?<![\w.])([A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?)[ \t]+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w'])"),
    ),
}
QUOTE_PIECES = st.sampled_from([*PIECES, '"', "'", "‘", "Nick Jonas", "Jean-Paul Sartre", "x y", "\t", "Mc"])


@pytest.mark.parametrize("name", sorted(REWRITTEN))
@settings(max_examples=400, deadline=None, derandomize=True)
@given(text=st.lists(QUOTE_PIECES, max_size=30).map("".join))
def test_rewritten_patterns_find_what_they_found_before(name: str, text: str) -> None:
    new, old = REWRITTEN[name]
    assert [(m.span(), m.groups()) for m in new.finditer(text)] == [(m.span(), m.groups()) for m in old.finditer(text)]


def test_years_are_found_as_by_the_plain_pattern_in_windows_of_articles() -> None:
    """Searched in a sentence or a stretch (`pos`, `endpos`), as `relevance` and `clauses` do."""
    plain, rng = REWRITTEN["years"][1], random.Random(7)
    for text in corpus()[:12]:
        assert [(m.span(), m.groups()) for m in YEAR.finditer(text)] == [
            (m.span(), m.groups()) for m in plain.finditer(text)
        ]
        for _ in range(60):
            start = rng.randint(0, len(text))
            end = rng.randint(start, min(len(text), start + 300))
            new, old = YEAR.search(text, start, end), plain.search(text, start, end)
            assert (new and (new.span(), new.groups())) == (old and (old.span(), old.groups()))
            assert YEAR.findall(text[start:end]) == plain.findall(text[start:end])


MANY_NAMES = many_names_sheet()
NAME_PIECES = [*PIECES, " Zq1", " Zq2", "Zq3", " team", "Team", "Andrej Karpathy", "Anthropic pre", "PRE-TRAINING"]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(text=st.lists(st.sampled_from(NAME_PIECES), max_size=30).map("".join))
def test_names_that_extend_each_other_are_found_as_by_a_plain_alternation(text: str) -> None:
    assert spans(EntityMatcher(MANY_NAMES).pattern.finditer(text)) == spans(old_name_pattern(MANY_NAMES).finditer(text))


PLAIN_CLAUSE_BREAK = re.compile(
    r";|\||\s[—–]\s|\s--\s|[()]|:\s|,\s+(?=(?:but|while|whereas|although|though|before|after|when|where)\b)"
)
BREAK_PIECES = [" ", "\n", "\u2003", "\xa0", ";", "|", "(", ")", ":", ",", ", but", ",  while", " — ", " – ", " -- "]
BREAK_PIECES += ["--", "—", "but", "when", "x", "\t", "whereas", "butter", "-", "–", ": —", ", —", " ---", "a-b"]


@settings(max_examples=500, deadline=None, derandomize=True)
@given(text=st.lists(st.sampled_from(BREAK_PIECES), max_size=14).map("".join))
def test_clause_breaks_are_found_as_by_the_plain_alternation(text: str) -> None:
    assert clause_breaks(text) == spans(PLAIN_CLAUSE_BREAK.finditer(text))


def test_clause_breaks_on_articles() -> None:
    for text in corpus():
        assert clause_breaks(text) == spans(PLAIN_CLAUSE_BREAK.finditer(text))


PLAIN_EVENT_WORD = re.compile(rf"\b{EVENT_WORDS}\b", re.IGNORECASE)
EVENT_PIECES = ["announcement", "News", "MOVE", "moves", "hire", "Hiring", "hired", "appointment", "the ", " ", "x"]
EVENT_PIECES += ["a", "n", "m", "h", "-", "’", "_", "é", "İ", "ſ", "\n", "ANNOUNCEMENTS"]


PLAIN_MANDATE_NOUN = re.compile(
    r"\b(?P<object>[Hh]is|[Hh]er|[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?['’]s)\s+(?:new\s+)?(?:mandate|remit|brief)"
    r"(?:\s*:|\s+(?:is|will\s+be)\s+to)\s+(?P<phrase>[^,.;:()\"“”—–]{3,80})"
)
MANDATE_PIECES = ["His", "his", "Her", "her", "H", "h", "Nick Joseph", "Nick  Joseph", "’s", "'s", " ", "\n", "new "]
MANDATE_PIECES += ["mandate", "remit", "brief", ":", " is to ", " will be to ", "make Claude", "x", "-", "Élan", "_His"]


def groups(found: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in found]  # type: ignore[attr-defined]


@settings(max_examples=500, deadline=None, derandomize=True)
@given(text=st.lists(st.sampled_from(MANDATE_PIECES), max_size=12).map("".join))
def test_the_mandate_noun_is_found_as_by_the_plain_pattern(text: str) -> None:
    assert groups(MANDATE_NOUN.finditer(text)) == groups(PLAIN_MANDATE_NOUN.finditer(text))


def test_the_mandate_noun_on_articles() -> None:
    for text in [*corpus(), "His mandate: make Claude better. Nick Joseph’s new remit is to build the team."]:
        assert groups(MANDATE_NOUN.finditer(text)) == groups(PLAIN_MANDATE_NOUN.finditer(text))


PLAIN_UNKNOWN_PLACE = re.compile(r"\b(?i:at|while\s+at|back\s+at)\s+(?:the\s+)?([A-Z][\w&-]+)")
PLAIN_ITS = re.compile(r"\b(?:its|the\s+company['’]s|the\s+firm['’]s)\s+(?:[\w-]+\s+){0,4}$", re.IGNORECASE)
PLACE_PIECES = ["at", "At", "AT", "while", "While  at", "back", "Back at", " ", "\n", "the ", "The ", "Stanford", "x"]
PLACE_PIECES += ["Google Brain", "-", "é", "cat", "its", "Its", "ITS", "bits", "the company’s", "The firm's", "İ", "ſ"]


@settings(max_examples=500, deadline=None, derandomize=True)
@given(text=st.lists(st.sampled_from(PLACE_PIECES), max_size=12).map("".join), cut=st.integers(0, 200))
def test_places_and_its_are_found_as_by_the_plain_patterns(text: str, cut: int) -> None:
    assert groups(UNKNOWN_PLACE.finditer(text)) == groups(PLAIN_UNKNOWN_PLACE.finditer(text))
    end = min(cut, len(text))  # ITS ends where its window ends
    assert groups(ITS.finditer(text, 0, end)) == groups(PLAIN_ITS.finditer(text, 0, end))


def test_places_and_its_on_articles() -> None:
    for text in corpus():
        assert groups(UNKNOWN_PLACE.finditer(text)) == groups(PLAIN_UNKNOWN_PLACE.finditer(text))
        for end in range(0, len(text), 97):
            assert groups(ITS.finditer(text, 0, end)) == groups(PLAIN_ITS.finditer(text, 0, end))


PLAIN_LAST_WORD = re.compile(r"([\w.]+)\.$")
WORD_PIECES = ["a", "B", "é", "_", ".", ". ", "\n", " ", "1", "x.y", "(", "’", "..", "Mr", "e.g", "U.S", "٣", "-"]


@settings(max_examples=500, deadline=None, derandomize=True)
@given(text=st.lists(st.sampled_from(WORD_PIECES), max_size=12).map("".join))
def test_the_word_before_a_full_stop_is_found_as_by_a_search(text: str) -> None:
    chunk = text + "."  # as split_sentences asks: a chunk ending in its full stop
    plain, found = PLAIN_LAST_WORD.search(chunk), LAST_WORD.match(chunk)
    assert (plain and plain.group(1)) == (found and found.group(1))


QUOTE_PIECES = ["> ", ">", "   > ", "    > ", "\t>", "\n", "\n\n", "x", "quoted words", " ", "“", "”", "\r"]


@settings(max_examples=500, deadline=None, derandomize=True)
@given(text=st.lists(st.sampled_from(QUOTE_PIECES), max_size=16).map("".join))
def test_block_quotes_are_found_as_by_the_multiline_pattern(text: str) -> None:
    plain = sorted(
        [
            m.span(g)
            for m in PASSAGE.finditer(text)
            for g in ("curly", "straight", "single", "plain")
            if m[g] is not None
        ]
        + [m.span("body") for m in BLOCKQUOTE.finditer(text)]
    )
    assert passages(text) == plain


def test_the_quantity_lead_passes_over_years_that_can_only_be_years() -> None:
    lead = ANCHORED_QUANTITY.lead
    assert list(lead.starts("in 2020, he 2020 years")) == [12]
    assert list(lead.starts("1999bn 1999s 1999.5 2020-plus")) == [0, 13, 20]


# What may follow a year: each reading QUANTITY has besides a bare count, and the endings it has none for.
YEAR_ENDINGS = [
    " billion dollars", "bn USD", "trillion dollars", "Trillion dollars", " m dollars", "b dollars", "  years",
    "\u2009years", " more years", " MORE years", "-year", "-plus years", "+ years", "+", ".5", ",000", ",5", "5",
    " Years", " Billion dollars", " additional months", " decade", " long years", " full years", " extra years",
    " further years", " yrs", " 5 years", ", 2021", ".", "s", ")", " a", "", "\n\nMonths", " earlier", " and",
    " to", " b", " b dollars", " M  dollars", " mn dollars", " bn", " by", " me", " mo", " monthly", " yr", " Trillion",
    " trillion dollars", " Million dollars",
]  # fmt: skip


@pytest.mark.parametrize("ending", YEAR_ENDINGS)
def test_quantities_after_a_year_are_found_as_by_the_plain_pattern(ending: str) -> None:
    anchored, plain = ANCHORED["quantities"]
    for year in ("2020", "1999"):
        text = f"In {year}{ending} and {year}{ending}"
        assert spans(anchored.finditer(text)) == spans(plain.finditer(text))


PLAIN_PAST_CUE = re.compile(
    r"\b(?:formerly|previously|earlier in (?:his|her) career|at the time|back then|used to|once|former|ex-)\b",
    re.IGNORECASE,
)
PAST_PIECES = ["formerly", "Former", "FORMERLYx", "previously", "earlier in his career", "Earlier in HER career"]
PAST_PIECES += ["at the time", "back then", "used to", "Once", "ex-", "Ex-CEO", "ex-_", "x", " ", "-", "’", "_"]
PAST_PIECES += ["f", "p", "e", "a", "b", "u", "o", "é", "İ", "ſ", "\u212a", "\n", "uſed to", "hiſ"]


PLAIN_CUE_BEFORE = re.compile(r"(?:" + PLACE_CUE + "|" + MOTION_CUE + r")\s+(?:the\s+)?$")
CUE_PIECES = ["at", "AT", "with", "for", "from", "while at", "when he was at", "when SHE was at", "back at", "back"]
CUE_PIECES += ["during his time at", "during their Years at", "before joining", "after leaving", "after departing"]
CUE_PIECES += ["left", "leaving", "departing", "join", "Joins", "joined", "joining", "rejoin", "rejoined", "went"]
CUE_PIECES += ["goes", "go", "going", "moved", "move", "moving", "moves", "headed", "heads", "returned", "came"]
CUE_PIECES += ["returning", "leaves", "to", "the", "The", " ", "  ", "\n", "\t", "x", "a", "é", "İ", "ſ", "\u212a"]
CUE_PIECES += ["joinſ", "ſtint", "wıth", "-", "that", "chat", "Kathy"]

# Patterns rewritten to start with a class of their first letters, beside their plain forms and
# the pieces their random texts are made of (cases, folds onto ASCII, word characters around them).
CLASS_STARTED = {
    "event words": (EVENT_WORD, PLAIN_EVENT_WORD, EVENT_PIECES),
    "past cues": (PAST_CUE, PLAIN_PAST_CUE, PAST_PIECES),
    "cues before an organisation": (CUE_BEFORE, PLAIN_CUE_BEFORE, CUE_PIECES),
}


@pytest.mark.parametrize("name", list(CLASS_STARTED))
@settings(max_examples=500, deadline=None, derandomize=True)
@given(data=st.data())
def test_rewritten_patterns_find_what_their_plain_forms_find(name: str, data: st.DataObject) -> None:
    new, plain, pieces = CLASS_STARTED[name]
    text = data.draw(st.lists(st.sampled_from(pieces), max_size=10).map("".join))
    assert_as_plain(new, plain, text, data.draw(st.integers(0, 60)))


@pytest.mark.parametrize("name", list(CLASS_STARTED))
def test_rewritten_patterns_on_articles(name: str) -> None:
    new, plain, _ = CLASS_STARTED[name]
    for text in corpus():
        assert spans(new.finditer(text)) == spans(plain.finditer(text))


def test_cues_before_an_organisation_in_every_window_of_the_articles() -> None:
    """As `clauses._employers` asks: the 40 characters before each offset, searched."""
    found = 0
    for text in corpus():
        for end in range(1, len(text)):
            before = text[max(0, end - 40) : end]
            plain = PLAIN_CUE_BEFORE.search(before)
            found += plain is not None
            assert spans(filter(None, [CUE_BEFORE.search(before)])) == spans(filter(None, [plain]))
    assert found > 1000
