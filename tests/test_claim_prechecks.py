"""Cheap tests the claim readers run before a costly search: each must let through every text
the search would match (the search itself still decides)."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from bench.generated import make_article, paragraphs
from linter.annotate.analysis import Analysis
from linter.annotate.text import Sentence
from linter.claims.clauses import CUE_BEFORE, _may_end_with_cue
from linter.compiled import engine_compiled
from linter.documents import Document
from linter.sheet import default_sheet

CUES = [
    "at", "with", "for", "from", "while at", "when he was at", "when she was at", "back at",
    "during his time at", "during their years at", "before joining", "after leaving", "after departing",
    "left", "leaving", "departing", "join", "joins", "joined", "joining", "rejoined", "went to", "moved to",
    "came back to", "leaves for", "left for", "chat", "AT", "Joined", "JOINS", "joinſ", "ſtint at",
]  # fmt: skip


def articles(seed: int, count: int, low: int, high: int) -> list[str]:
    """`count` generated articles of `low` to `high` characters, the same for a seed."""
    rng, pool = random.Random(seed), paragraphs()
    return [make_article(rng, pool, rng.randint(low, high)) for _ in range(count)]


def sentences_of(texts: list[str]) -> Iterator[tuple[Analysis, Sentence]]:
    """Each text's analysis (`analysed`) with each of its sentences."""
    for text in texts:
        a = analysed(text)
        for sentence in a.sentences:
            yield a, sentence


def analysed(text: str) -> Analysis:
    """The text's analysis against the default sheet."""
    return Analysis(Document("x", text), default_sheet())


def test_every_text_ending_with_a_cue_passes_the_precheck() -> None:
    for cue in CUES:
        for tail in (" ", "  ", "\n", " the ", "\tthe\n", " the", " The ", "the ", ""):
            for head in ("", "He ", "x" * 30 + " "):
                before = (head + cue + tail)[-40:]
                if CUE_BEFORE.search(before):
                    assert _may_end_with_cue(before), before


def test_the_precheck_lets_through_every_window_the_search_matches_on_articles() -> None:
    matched = 0
    for text in articles(5, 6, 2000, 8000):
        for end in range(len(text)):
            before = text[max(0, end - 40) : end]
            if CUE_BEFORE.search(before):
                matched += 1
                assert _may_end_with_cue(before), before
    assert matched > 100


def test_a_name_is_taken_only_after_a_comma_or_a_taking_word() -> None:
    from linter.claims.fragments import TAKEN, TAKEN_ENDS

    extra = "Born 1986. Co-founded OpenAI alongside\nSam Altman, and Greg. Worked under  Musk; with him, Joseph."
    matched = 0
    for a, sentence in sentences_of([*articles(7, 4, 2000, 6000), extra]):
        for end in range(sentence.start, sentence.end + 1):
            before = a.prose[sentence.start : end]
            if TAKEN.search(before):
                matched += 1
                assert before.rstrip().endswith(TAKEN_ENDS), before
    assert matched > 100


def test_an_opening_bracket_before_the_years_is_the_one_the_search_finds() -> None:
    import re

    from linter.claims.career import opening_bracket

    rng = random.Random(3)
    for _ in range(20000):
        text = "".join(rng.choice("( )x\n\t\x1c\u00a0é") for _ in range(rng.randint(0, 9)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        found = re.search(r"\(\s*$", text[start:end])
        assert opening_bracket(text, start, end) == (start + found.start() if found else None), repr(text)


@pytest.mark.skipif(engine_compiled(), reason="counts calls through a replaced function: compiled code never calls it")
def test_a_clause_reading_asks_once_whether_it_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reading's force and its clause kind ask the same question of the same window: the
    force's answer serves the kind, and both are what each finds alone."""
    from linter.claims import clauses

    asked: list[int] = []
    original = clauses.search

    def counted(a: Analysis, pattern: object, start: int, end: int) -> object:
        if pattern is clauses.REPORTED:
            asked.append(end)
        return original(a, pattern, start, end)  # type: ignore[arg-type]

    monkeypatch.setattr(clauses, "search", counted)
    text = "The article said Karpathy joined Anthropic. Karpathy joined Anthropic. Did Karpathy join Anthropic?"
    a = analysed(text)
    for sentence, force in zip(a.sentences, ("reported", "asserted", "question"), strict=True):
        at = text.index("join", sentence.start)
        reading = clauses._reading(a, sentence, at, at + 6)
        assert reading.force == force
        assert reading.kind == clauses.clause_kind(a, sentence, at)
        assert reading.kind == ("reported" if force == "reported" else "main")
    assert len(asked) == 3 + 3  # one per reading (the question's from its kind), one per check above


def test_a_name_can_be_in_an_appositive_only_after_a_comma_or_dash() -> None:
    """`_subject_of` searches for appositives only when `_may_hold_appositive` lets it: wherever
    an appositive the search finds holds a name, the precheck passes."""
    from linter.claims.predicates import SUBJECT_KINDS, _masked_appositives, _may_hold_appositive

    extra = (
        "Karpathy, an OpenAI co-founder, joined Anthropic. Musk — a former Tesla chief — said so.\n"
        "Amodei \u2013 Anthropic's head \u2013 agreed, and Joseph,who left Tesla, too."
    )
    held = 0
    for a, sentence in sentences_of([*articles(11, 4, 2000, 6000), extra]):
        for offset in range(sentence.start, sentence.end, 3):
            start, _ = a.clause(sentence, offset)
            named = [m for m in a.mentions_between(start, offset, SUBJECT_KINDS) if m.end <= offset]
            skipped = _masked_appositives(a, start, offset)
            if named and any(s <= m.start < e for m in named for s, e in skipped):
                held += 1
                assert _may_hold_appositive(a, start, named), a.prose[start:offset]
    assert held > 50


def test_attribution_asks_no_subject_past_the_nearest_cue_that_fits() -> None:
    """`attribute` takes cues nearest first and stops at the first that fits: a farther cue
    could neither beat it nor claim the value for someone else, so who it is about is not asked."""
    from linter.annotate.analysis import Analysis
    from linter.claims.predicates import _page_cue_index, _reach, attribute, subject_of
    from linter.documents import Document
    from linter.sheet import default_sheet

    sheet = default_sheet()
    facts = sheet.facts_of_type("date")
    tied = cut = 0
    asked: list[int] = []

    def recorded(doc: Analysis, s: object, at: int) -> object:
        asked.append(at)
        return subject_of(doc, s, at)  # type: ignore[arg-type]

    for text in articles(13, 5, 3000, 8000):
        a = Analysis(Document("x", text), sheet)
        cues = {m.start(): m for m in _page_cue_index(a, facts).finditer(a, 0, len(text))}
        for date in a.dates:
            sentence = a.sentence_at(date.start)
            if sentence is None:
                continue
            asked.clear()
            found = attribute(a, sentence, date.start, facts, end=date.end, subject=recorded)  # type: ignore[arg-type]
            if found is None:
                continue
            tied += 1
            reach = [_reach(cues[at], date.start) for at in asked]
            cut += len([r for r in reach if r > found.distance])
            assert found.cue_start in asked
    assert tied > 20 and cut == 0


def test_an_events_cues_in_one_pattern_find_what_each_cue_finds() -> None:
    """`dated._event` searches the event's cues (words of saying left out) in one pattern: it
    finds one in a sentence exactly when one of the cues, searched alone, does."""
    from linter.claims.dated import SAYING, _event, cue_at_word
    from linter.sheet import default_sheet

    sheet = default_sheet()
    rng, pool = random.Random(17), paragraphs()
    sentences = [s for t in [make_article(rng, pool, 4000) for _ in range(3)] for s in t.split(". ")]
    sentences += ["He JOINED them.", "re-joined", "stepping down", "xjoined", "-joined", "ﬁ joined"]
    found = 0
    for fact in sheet.facts_of_type("date"):
        day = fact.value.date
        event = [f for f in sheet.facts_about(fact.subject, "date") if abs((f.value.date - day).days) <= 31]
        cues = [c for f in event for c in f.cues if not SAYING.match(c)]
        cued, _ = _event(sheet, fact)
        for text in sentences:
            alone = any(cue_at_word(c).search(text) for c in cues)
            found += alone
            assert alone == bool(cued is not None and cued.search(text)), (fact.id, text)
    assert found > 20


def test_a_fronted_title_is_read_only_in_sentences_that_start_with_as() -> None:
    """`title_claims` reads a sentence for 'As <title>, he ...' only when it starts with 'As':
    wherever `AS_TITLE` matches a sentence, it does."""
    from linter.claims.titles import AS_TITLE

    rng, pool = random.Random(23), paragraphs()
    texts = [s for t in [make_article(rng, pool, 3000) for _ in range(3)] for s in t.split(". ")]
    texts += ["As OpenAI's chief scientist, he", "As\tCEO, she", "As\u00a0head", "as CEO", "AS CEO", "Asked", " As"]
    matched = 0
    for text in texts:
        if AS_TITLE.match(text):
            matched += 1
            assert text.startswith("As"), text
    assert matched >= 3


def test_asserts_reads_the_force_a_full_reading_gives() -> None:
    """`asserts` reads only a phrase's force when no reading of it was made: for every phrase,
    the same answer as the full reading's (asked on a page of its own, so nothing is shared)."""
    from linter.claims.clauses import asserts, scope_of

    extra = "Did Karpathy join Anthropic? It said he joined. He never joined Tesla. If he had joined Google, fine."
    forces: set[str] = set()
    for text in [*articles(13, 3, 2000, 5000), extra]:
        alone, full = analysed(text), analysed(text)
        for sentence in full.sentences:
            for start in range(sentence.start, sentence.end, 7):
                end = min(sentence.end, start + 9)
                force = scope_of(full, sentence, start, end).force
                forces.add(force)
                assert asserts(alone, start, end) == (force == "asserted"), text[start:end]
                assert asserts(full, start, end) == (force == "asserted")
    assert {"asserted", "question", "reported", "negated", "hypothetical"} <= forces


def test_a_year_is_searched_for_wherever_one_can_stand() -> None:
    """`_past` reads the clause's years only where `may_hold_year` lets it: wherever `YEAR` finds
    one, the precheck passes (random text over the characters years and their bounds are made of)."""
    from linter.annotate.analysis import YEAR
    from linter.claims.clauses import may_hold_year

    rng = random.Random(17)
    found = 0
    for _ in range(20000):
        text = "".join(rng.choice("11229900 x$-\u0661\u0669\n") for _ in range(rng.randint(0, 12)))
        if YEAR.search(text):
            found += 1
            assert may_hold_year(text), repr(text)
    assert found > 100


def test_its_is_searched_for_wherever_it_can_match() -> None:
    """`_employers` searches for 'its' / 'the company's' before the phrase only where
    `_may_name_its` lets it: for every stretch of a sentence from its start, in the prose and in
    its masked text, wherever `ITS` matches the precheck passes (articles, and text with letters
    that case folding takes to ASCII)."""
    from linter.claims.clauses import ITS, _masked, _may_name_its

    extra = [
        "Anthropic said its new model, and ITS  chief   scientist, left. The Company’s head of X spoke.",
        "Tesla and the firm's AI director Karpathy, itſ lead, and the \u212aompany's chief agreed.",
        "OpenAI and \u0130ts research head, the FIRM'S founder, joined.",
    ]
    matched = 0
    for a, sentence in sentences_of([*articles(19, 3, 2000, 5000), *extra]):
        masked = _masked(a, sentence.start, sentence.end, sentence.start)
        for end in range(sentence.start + 1, sentence.end + 1):
            for stretch in (a.prose[sentence.start : sentence.end], masked):
                if ITS.search(stretch, 0, end - sentence.start):
                    matched += 1
                    assert _may_name_its(a, sentence.start, end), a.prose[sentence.start : end]
    assert matched > 20


def test_a_hypothesis_is_looked_for_only_as_far_back_as_it_can_start() -> None:
    """`moves._is_claim` searches NOT_A_CLAIM from `NOT_A_CLAIM_REACH` characters before the verb,
    not from the clause's start: it finds a match exactly when the longer search does (random text
    of its words, separators, newlines and letters that fold onto ASCII; and the articles)."""
    from linter.claims.moves import NOT_A_CLAIM, NOT_A_CLAIM_REACH

    rng, pool = random.Random(23), paragraphs()
    words = ["if", "whether", "WHETHER", "would", "could", "might", "iſ", "x", "ab", " ", " ", "\n", ",", "."]
    found = 0
    texts = ["".join(rng.choice(words) for _ in range(rng.randint(0, 60))) for _ in range(3000)]
    texts += [make_article(rng, pool, rng.randint(2000, 4000)) for _ in range(2)]
    for text in texts:
        for end in range(0, len(text) + 1, 1 if len(text) < 400 else 3):
            wide = NOT_A_CLAIM.search(text, max(0, end - 240), end)
            found += wide is not None
            assert (wide is None) == (NOT_A_CLAIM.search(text, max(0, end - NOT_A_CLAIM_REACH), end) is None)
    assert found > 1000


def test_an_insert_can_hold_a_phrase_only_after_its_opener() -> None:
    """`clause_kind` reads a sentence's inserts only when `_may_be_inserted` lets it: wherever an
    insert holds an offset, the precheck passes (articles, and text with every kind of insert)."""
    from linter.claims.clauses import _inserts, _may_be_inserted

    extra = (
        "Karpathy, an OpenAI co-founder, joined Anthropic. Musk \u2014 a former Tesla chief \u2014 said so "
        "(in a post on X). Joseph, who left Tesla, agreed \u2013 the head of X \u2013 and Amodei, whose lab grew, too."
    )
    held = 0
    for a, sentence in sentences_of([*articles(29, 4, 2000, 5000), extra]):
        inserts = _inserts(a, sentence)
        for offset in range(sentence.start, sentence.end + 1):
            if any(start < offset < end for start, end, _ in inserts):
                held += 1
                assert _may_be_inserted(a, sentence, offset), a.prose[sentence.start : offset]
    assert held > 1000


def _line_kind_of_the_copied_line(text: str, start: int, end: int) -> str | None:
    """`clauses._line_kind` as it was written on a copy of the line (the reference)."""
    from linter.claims.clauses import BULLET, END_PUNCTUATION

    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if line.count("|") >= 2:
        return "table cell"
    if BULLET.match(line):
        return "list item"
    if start == line_start and not END_PUNCTUATION.search(line) and len(line.split()) <= 16:
        return "headline"
    return None


def test_a_line_read_in_place_is_the_kind_its_copy_was() -> None:
    """`_line_kind` reads the line in the prose (counts, matches and searches bounded by the
    line, at most 17 words split off): the same kinds as from a copy of the line, for every
    sentence of random lines of table bars, bullets, numbers, punctuation and spaces."""
    from linter.claims.clauses import _line_kind

    rng = random.Random(31)
    pieces = ["|", "- ", "* ", "1. ", "2) ", "\t", " ", "  ", "\n", ".", "?", "!", ":", "”", '"', "word", "Ada", "x."]
    kinds: set[str | None] = set()
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 60)))
        a = analysed(text)
        for sentence in a.sentences:
            kind = _line_kind(a, sentence)
            kinds.add(kind)
            assert kind == _line_kind_of_the_copied_line(text, sentence.start, sentence.end), repr(text)
    assert kinds == {"table cell", "list item", "headline", None}


FIGURE_PIECES = ["total", "In Total", "to date", "TO DATE", "so far", "cumulative", "altogether", "combined"]
FIGURE_PIECES += ["overall", "lifetime", "Series E", "series  b", "seed round", "pre-seed Round", "last year"]
FIGURE_PIECES += ["previous\nround", "first quarter", "a year ago", "A YEAR earlier", "in 2019", "In 1999", "in 2030"]
FIGURE_PIECES += [" ", "x", "-", ",", "ſo far", "\u0130n 2020", "ſeed round", "\u212a", "to", "date", "1", "9", "2"]


def test_a_figure_phrase_is_searched_wherever_it_can_match() -> None:
    """`rules.numbers.another_measure` searches SUM, NAMED_ROUND and OTHER_TIME only where
    `_may_match` lets it: wherever one matches, the precheck passes (random text of their words,
    cases, letters that fold onto ASCII; and every window of the articles)."""
    from rules.numbers import NAMED_ROUND, OTHER_TIME, SUM, _may_match

    rng, pool = random.Random(37), paragraphs()
    texts = ["".join(rng.choice(FIGURE_PIECES) for _ in range(rng.randint(0, 8))) for _ in range(4000)]
    matched = 0
    for text in texts + [make_article(rng, pool, 4000) for _ in range(2)]:
        for start in range(0, len(text), 1 if len(text) < 200 else 17):
            end = start + 90
            for pattern in (SUM, NAMED_ROUND, OTHER_TIME):
                if pattern.search(text[start:end]):
                    matched += 1
                    assert _may_match(pattern, text, start, end), (pattern.pattern, text[start:end])
    assert matched > 2000


def test_another_measure_says_what_it_said_with_every_search() -> None:
    """With its prechecks, `another_measure` answers as the plain searches did, for every
    quantity of the articles against every amount and count fact."""
    from linter.annotate.analysis import Analysis
    from linter.annotate.numbers import quantities_between
    from linter.documents import Document
    from linter.sheet import default_sheet
    from rules.numbers import MEASURE_REACH, NAMED_ROUND, OTHER_TIME, SUM, another_measure

    def plain(prose: str, q: object, fact: object) -> bool:
        what = str(fact.value.data.get("what", ""))  # type: ignore[attr-defined]
        near = prose[max(0, q.start - MEASURE_REACH) : q.end + MEASURE_REACH]  # type: ignore[attr-defined]
        if any(p.search(near) and not p.search(what) for p in (SUM, NAMED_ROUND)):
            return True
        data = fact.value.data  # type: ignore[attr-defined]
        own = " ".join((*fact.cues, str(data.get("as_of", "")))).lower()  # type: ignore[attr-defined]
        after = prose[q.end : q.end + MEASURE_REACH]  # type: ignore[attr-defined]
        return any(m[0].lower() not in own for m in OTHER_TIME.finditer(after.split(",")[0]))

    sheet = default_sheet()
    facts = [f for f in sheet.facts if f.value.type in {"amount", "count"}]
    extra = "It raised $5 billion in total, a $2bn Series E, up from $1bn last year and $3 billion in 2019."
    said: set[bool] = set()
    for text in [*articles(41, 4, 3000, 6000), extra]:
        a = Analysis(Document("x", text), sheet)
        for q in quantities_between(a, 0, len(text)):
            for fact in facts:
                answer = another_measure(a.prose, q, fact)
                said.add(answer)
                assert answer == plain(a.prose, q, fact), (text[q.start : q.end], fact.id)
    assert said == {True, False}


PAST_PIECES = ["former", "Formerly", "FORMER", "previously", "earlier in his career", "Earlier in HER career", "ex-"]
PAST_PIECES += ["Ex-CEO", "at the time", "At The Time", "back then", "used to", "Once", "ONCE", " ", "x", "-", "_"]
PAST_PIECES += ["uſed to", "\u212a", "\u0130", "once", "onc", "earlier", " in ", "at the", "time", "ex", "\n"]


def test_a_past_cue_is_searched_for_wherever_one_can_stand() -> None:
    """`_past` searches PAST_CUE only where `may_say_past` lets it: wherever it matches, the
    precheck passes (random text of its words, cases and folding letters; the articles' clauses)."""
    from linter.annotate.analysis import PAST_CUE
    from linter.claims.clauses import may_say_past

    rng, pool = random.Random(43), paragraphs()
    texts = ["".join(rng.choice(PAST_PIECES) for _ in range(rng.randint(0, 8))) for _ in range(4000)]
    for article in [make_article(rng, pool, 4000) for _ in range(2)]:
        texts += [article[start : start + 120] for start in range(0, len(article), 7)]
    matched = 0
    for text in texts:
        if PAST_CUE.search(text):
            matched += 1
            assert may_say_past(text), text
    assert matched > 1000
