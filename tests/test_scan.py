"""The claim layer's scanning pass: literal prefixes read from patterns, and matches found only
at the automaton's candidates identical to a plain search."""

from __future__ import annotations

import random
import re

import pytest

from bench.generated import make_article, paragraphs
from linter.annotate.analysis import Analysis
from linter.annotate.anchored import FOLDS_ONTO_ASCII, lowered
from linter.claims.moves import DEPART, FROM_TO, MOVE_VERB, TAKE
from linter.claims.predicates import matches_by_sentence
from linter.claims.scan import SCANNER, WHITESPACE, Scanner, candidates, prefixes, shortest, spaced
from linter.documents import Document
from linter.engine import lint
from linter.registry import registry
from linter.sheet import default_sheet


def runs(head: str, rest: str, grow: int = 0) -> set[str]:
    """What `head` then `\\s+` then `rest` gives as prefixes: `head`, then one space or more (as
    `scan.spaced` spells every whitespace character) and `rest`, `grow` characters of them (by
    default up to six characters in all; alternatives grow as far as the shortest of them)."""
    return {head + (" " * n + rest)[: grow or 6 - len(head)] for n in range(1, 7)}


def test_prefixes_of_alternatives_skip_assertions_and_follow_groups() -> None:
    pattern = re.compile(r"(?<![\w-])(?P<verb>quit(?:s)?|Left|(?:walk|jump)s?\s+away)\s+", re.IGNORECASE)
    walks = {w + s for w in ("walk", "jump") for s in ("", "s")}
    assert prefixes(pattern) == {"quit ", "quits ", "left "} | {w + r for w in walks for r in ("  ", " a")}
    assert prefixes(re.compile(r"\b(?:19|20)\d\d")) == {"19", "20"}


def test_an_optional_first_item_gives_the_prefixes_with_and_without_it() -> None:
    assert prefixes(re.compile(r"(?:the\s+)?move")) == runs("the", "move") | {"move"}
    assert prefixes(re.compile(r"\b(?:re)?join(?:s|ed)?\s+", re.IGNORECASE)) == {"rejoin", "join ", "joins ", "joined"}
    assert prefixes(re.compile(r"x*from")) == {"x" * n + "from"[: 6 - n] for n in range(7)}
    # a caseless character beyond ASCII
    assert prefixes(re.compile(r"['’]s\s+boss")) == runs("'s", "boss") | runs("’s", "boss")


def test_a_short_prefix_grows_by_what_the_pattern_fixes_after_it() -> None:
    """'to' then whitespace is found 40 times a page, 'to lea' seldom: a prefix grows through a
    repeat (one space or more, as the scanned text spells whitespace) and stops once it has six
    characters."""
    assert prefixes(re.compile(r"to\s+lead")) == runs("to", "lead")
    found = prefixes(re.compile(r"(?<![\w-])(?:a|his|their)\s+return\s+to"))
    assert found == runs("a", "return") | runs("his", "return", 5) | runs("their", "return", 5)
    assert prefixes(re.compile(r"\bin(?:-house)?\s+charge")) == runs("in", "charge") | {"in-house"}
    assert prefixes(re.compile(r"\bat(?:\s+again)*\s")) == {"at "} | runs("at", "again")


def test_a_prefix_that_ends_a_group_grows_by_what_follows_the_group() -> None:
    """'at' alone is found in 'that', 'what', 'data': 'at' then whitespace (the pattern's next
    item) a hundred times a page fewer. The same holds past an optional item of one repeat."""
    assert prefixes(re.compile(r"(?:at|with|ran)\s+")) == {"at ", "with ", "ran "}
    found = prefixes(re.compile(r"(?:[Ii]t|we)\b(?:\s+also)?\s+said"))
    assert found == {w + r for w in ("it", "we") for r in runs("", "also", 4) | runs("", "said", 4)}
    assert prefixes(re.compile(r"(?:a|b\w)?cd")) == {"acd", "b", "cd"}


def test_a_repeat_whose_body_may_match_nothing_is_not_unrolled() -> None:
    """Unrolling such a body would read no character of it: no end to the recursion."""
    assert prefixes(re.compile(r"(?:x?)+y")) is None
    found = prefixes(re.compile(r"(?:x?y)+z"))
    assert found and all(re.fullmatch(r"(?:x?y)+z?|(?:x?y)*x", p) for p in found)


def test_whitespace_is_every_character_a_class_of_whitespace_matches() -> None:
    assert set(WHITESPACE) == {chr(c) for c in range(0x110000) if re.fullmatch(r"\s", chr(c))}


@pytest.mark.parametrize(
    "source", [r"\w+ing", r"[A-Z]\w+ joined", r".from", r"(?=a)|b", r"\bé", r"(?:Ⓐ)?x", r"(?:\w)?from"]
)
def test_no_prefixes_when_a_match_could_start_anywhere(source: str) -> None:
    """A class, a wildcard, an empty branch or a letter with case beyond ASCII first (alone or
    in an optional item): the pattern is searched."""
    assert prefixes(re.compile(source)) is None


def test_the_folding_characters_are_exactly_those_case_insensitive_matching_maps_to_ascii() -> None:
    ascii_word = re.compile("[a-z0-9]", re.IGNORECASE)
    derived = {chr(c) for c in range(128, 0x110000) if ascii_word.fullmatch(chr(c)) or len(chr(c).lower()) != 1}
    assert derived == FOLDS_ONTO_ASCII


TEXT = (
    "Andrej Karpathy left OpenAI for Anthropic. He joined the pre-training team, poached from "
    "Tesla. Karpathy quit. Nick Joseph hired Karpathy away from OpenAI in May. Karpathy moved to "
    "Anthropic; he departed from Tesla years earlier. LEFT FOR ANTHROPIC, Karpathy said."
)


def plain_search(a: Analysis, pattern: re.Pattern[str]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    """What `matches_by_sentence` must find: a plain search of every claim span."""
    expected = []
    for start, end in a.claim_spans():
        pos = start
        while (m := pattern.search(a.prose, pos, end)) is not None:
            sentence = a.sentence_at(m.start())
            if sentence is not None and m.end() <= sentence.end:
                expected.append((m.span(), m.groupdict()))
                pos = max(m.end(), m.start() + 1)
            else:
                pos = m.start() + 1
    return expected


@pytest.mark.parametrize("pattern", [DEPART, TAKE, FROM_TO, MOVE_VERB])
@pytest.mark.parametrize("text", [TEXT, TEXT.replace("years", "ſome years")])
def test_matches_at_candidates_equal_a_plain_search(pattern: re.Pattern[str], text: str) -> None:
    a = Analysis(Document("x", text), default_sheet())
    found = [(m.span(), m.groupdict()) for m, _ in matches_by_sentence(a, pattern)]
    assert found == plain_search(a, pattern)
    assert found, "the text should hold matches of every pattern"


def test_every_claim_pattern_finds_at_its_candidates_what_a_plain_search_finds() -> None:
    """On generated articles and on words glued by hyphens, apostrophes and digits: the scan's
    prefixes must never hide a match."""
    rng, pool = random.Random(5), paragraphs()
    texts = [make_article(rng, pool, 4000) for _ in range(6)]
    texts.append(TEXT.replace(" ", "-").replace("Karpathy", "Karpathy's") + " Karpathy re-joined x2joined 'joined")
    ascii_spaces = "".join(c for c in WHITESPACE if c.isascii())
    texts += [with_other_whitespace(rng, t, kinds) for t in texts[:3] for kinds in (WHITESPACE, ascii_spaces)]
    sheet, rules = default_sheet(), registry().engine_rules()
    for text in texts:
        lint(Document("x", text), sheet, rules)  # registers every claim pattern with the scanner
    assert len(SCANNER.ids) > 10
    for text in texts:
        a = Analysis(Document("x", text), sheet)
        for pattern in list(SCANNER.ids):
            found = [(m.span(), m.groupdict()) for m, _ in matches_by_sentence(a, pattern)]
            assert found == plain_search(a, pattern), pattern.pattern


def with_other_whitespace(rng: random.Random, text: str, kinds: str) -> str:
    """`text` with a third of its spaces each made a run of one to three whitespace characters of
    the `kinds`: a prefix spells them all as one space (`scan.spaced`)."""
    return "".join(
        "".join(rng.choice(kinds) for _ in range(rng.randint(1, 3))) if c == " " and rng.random() < 0.3 else c
        for c in text
    )


@pytest.mark.parametrize(
    "text", ["Karpathy\tleft\u2009for  Anthropic\n\xa0It", "To\r\nLEAD\x85it", "To\r\nLEAD\x1fit \x0b", "", "a b"]
)
def test_spaced_text_is_the_lowered_text_with_whitespace_as_spaces(text: str) -> None:
    low = lowered(text)
    assert low is not None
    assert spaced(text) == "".join(" " if c in WHITESPACE else c for c in low)
    assert spaced("ſo " + text) is None


def test_a_document_with_a_folding_character_is_not_scanned() -> None:
    SCANNER.register(FROM_TO)
    assert SCANNER.starts("Karpathy left Tesla") is not None
    assert SCANNER.starts("ſo Karpathy left Tesla") is None


def test_a_key_another_key_begins_is_dropped() -> None:
    assert shortest(frozenset({"to ", "to lead", "tow", "as"})) == ["as", "to ", "tow"]


@pytest.mark.parametrize(
    "text",
    ["he rose to lead to  lead it", "to\tlead, as if to", "", "tototo lead to", "As to lead; a to lead"],
)
def test_starts_are_every_offset_a_prefix_begins_each_once(text: str) -> None:
    """The scan reads only the `shortest` keys and sorts without dropping repeats: its offsets
    per pattern are still every offset where one of the pattern's prefixes (all of them) begins."""
    scanner = Scanner()
    patterns = [re.compile(r"to\s+lead|to\s"), re.compile(r"(?:as|to)\s+(?:lead|if)"), re.compile(r"to(?:w|\s)")]
    for pattern in patterns:
        scanner.register(pattern)
    found = scanner.starts(text)
    assert found is not None
    low = spaced(text)
    assert low is not None
    for pattern, starts in zip(patterns, found, strict=True):
        keys = prefixes(pattern)
        assert keys is not None
        assert starts == sorted({at for key in keys for at in range(len(low)) if low.startswith(key, at)})


def test_candidates_hold_every_match_and_leave_out_sentences_without_one() -> None:
    from linter.claims.career import EVENT
    from linter.claims.titles import JOIN_AS

    a = Analysis(Document("x", TEXT + " He rejoined Anthropic as a lead."), default_sheet())
    verdicts = []
    for pattern in (JOIN_AS, EVENT, TAKE):
        starts = candidates(a, pattern)
        assert starts is not None
        for s in a.sentences:
            found = list(pattern.finditer(a.prose, s.start, s.end))
            may = any(s.start <= at < s.end for at in starts)
            assert may or not found, (pattern.pattern, s.text)
            assert all(m.start() in starts for m in found)
            verdicts.append((may, bool(found)))
    assert (False, False) in verdicts and (True, True) in verdicts


def test_windows_matched_at_candidates_equal_finditer() -> None:
    """`scan.finditer` (the scanning pass's candidates, then `match`) finds what `finditer` finds
    in the same window, for the patterns read that way, in windows of every size."""
    from linter.claims.career import EVENT, RANGE, SINGLE
    from linter.claims.clauses import APPOSITIVE, RELATIVE
    from linter.claims.dated import ORG_SAYS
    from linter.claims.predicates import APPOSITIVE as SUBJECT_APPOSITIVE
    from linter.claims.scan import finditer
    from linter.claims.titles import JOIN_AS

    rng, pool = random.Random(3), paragraphs()
    texts = [make_article(rng, pool, rng.randint(800, 5000)) for _ in range(8)] + [TEXT, TEXT.replace("years", "ſome")]
    for text in texts:
        a = Analysis(Document("x", text), default_sheet())
        for pattern in (EVENT, RANGE, SINGLE, JOIN_AS, APPOSITIVE, RELATIVE, SUBJECT_APPOSITIVE, ORG_SAYS):
            for _ in range(30):
                start = rng.randint(0, len(text))
                end = rng.randint(start, min(len(text), start + rng.choice([10, 120, 600, 5000])))
                want = [(m.span(), m.groupdict()) for m in pattern.finditer(text, start, end)]
                assert [(m.span(), m.groupdict()) for m in finditer(a, pattern, start, end)] == want


def test_searches_at_candidates_equal_search() -> None:
    """`scan.search` stops where `pattern.search` stops, for the patterns read that way."""
    from linter.annotate.analysis import NEGATION, REPORTED
    from linter.claims.career import BARE
    from linter.claims.clauses import HYPOTHETICAL
    from linter.claims.predicates import COMPARED
    from linter.claims.scan import search

    rng, pool = random.Random(4), paragraphs()
    texts = [make_article(rng, pool, rng.randint(800, 5000)) for _ in range(8)]
    texts += [TEXT + " It said he didn't join. If not, others claimed so, as the", TEXT.replace("years", "ſome")]
    for text in texts:
        a = Analysis(Document("x", text), default_sheet())
        for pattern in (REPORTED, NEGATION, HYPOTHETICAL, COMPARED, BARE):
            for _ in range(40):
                start = rng.randint(0, len(text))
                end = rng.randint(start, min(len(text), start + rng.choice([10, 60, 240, 5000])))
                want = pattern.search(text, start, end)
                got = search(a, pattern, start, end)
                assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups()))


def test_required_literals_are_the_longest_fixed_stretch_of_a_pattern() -> None:
    from linter.claims.scan import required

    assert required(re.compile(r"\w+ joined (?:the|a) team")) == {" joined the team", " joined a team"}
    assert required(re.compile(r"[A-Z]\w+(?:mandate|remit|brief)\s+")) == {"mandate", "remit", "brief"}
    assert required(re.compile(r"[A-Z]\w*")) is None


@pytest.mark.parametrize("extra", ["", " Karpathy's new mandate: build the pretraining team. His remit is to grow it."])
def test_a_pattern_without_prefixes_is_searched_only_where_its_literals_occur(extra: str) -> None:
    from rules.teams import MANDATE_NOUN

    assert prefixes(MANDATE_NOUN) is None
    a = Analysis(Document("x", TEXT + extra), default_sheet())
    found = [(m.span(), m.groupdict()) for m, _ in matches_by_sentence(a, MANDATE_NOUN)]
    assert found == plain_search(a, MANDATE_NOUN)
    assert bool(found) == bool(extra)
