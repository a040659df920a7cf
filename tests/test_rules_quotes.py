"""FL701 misquotes: changed, added and dropped words inside quotation marks are flagged with the
word-level difference; shortened quotes, ellipses, [insertions], case, punctuation, hyphens and
curly quotes are fine; quotations of other people and paraphrases stay silent."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.annotate.quotes import passages, quote_index, segments
from linter.sheet import Sheet, SheetError, default_sheet, load_sheet
from tests.helpers import flagged, the_finding, work

FLAGGED = [
    # (text, span, expected fragment, suggestion, diff fragment)
    ('Karpathy wrote: "I think the next few years at the frontier of LLMs will be incredibly formative."',
     "incredibly", "especially formative", "especially", "[-especially-] {+incredibly+}"),
    ('Joseph posted: "Excited to welcome Andrej to the Anthropic team!"',
     "Anthropic", "Pretraining team", "Pretraining", "[-Pretraining-] {+Anthropic+}"),
    ('Musk called Karpathy "arguably the #1 guy in the world in computer vision".',
     "#1", "#2 guy", "#2", "[-#2-] {+#1+}"),
    ('His words: "I am very excited to join the team here and get back to research."',
     "research", "get back to R&D", "R&D", "[-R&D-] {+research+}"),
    ('Karpathy wrote: "I am very excited to join the amazing team here."',
     "the amazing", "join the team here", "the", "{+amazing+}"),
    ('Karpathy wrote: "I am excited to join the team here and get back to R&D."',
     "am excited", "I am very excited", "am very excited", "[-very-]"),
    ("Karpathy wrote: “I’ve joined Anthropic. I think the next few years at the frontier of AI will be especially"
     " formative.”", "AI", "frontier of LLMs", "LLMs", "[-LLMs-] {+AI+}"),
    ('> I remain deeply passionate about research and plan to resume my work on it in time.\n\nKarpathy, on X.',
     "research", "deeply passionate about education", "education", "[-education-] {+research+}"),
    ('Karpathy: "I remain deeply passionate about education and plan to get back to it in time."',
     "get back to", "plan to resume my work on it", "resume my work on", "[-resume my work on-] {+get back to+}"),
    ('Karpathy said he remains \'deeply passionate about teaching and plan to resume\' it.',
     "teaching", "education", "education", "[-education-] {+teaching+}"),
]  # fmt: skip

SILENT = [
    # shortened quotes, ellipses, insertions, case, punctuation, hyphens, curly quotes
    'Karpathy wrote: "I\'ve joined Anthropic. … I am very excited to join the team here and get back to R&D."',
    'Karpathy wrote: "I\'ve joined Anthropic... I remain deeply passionate about education."',
    'He plans "to resume my work on it [education] in time", he wrote.',
    'He said "[I] am very excited to join the team here".',
    'Joseph wrote: "[E]xcited to welcome Andrej to the Pretraining team!"',
    'Karpathy said "[he is] very excited to join the team here and get back to R&D".',
    'Karpathy wrote: "I\'ve joined Anthropic [...] I am very excited to join the team here."',
    "Joseph wrote: “excited to welcome Andrej to the pre-training team!”",
    'Joseph wrote: "EXCITED TO WELCOME ANDREJ TO THE PRETRAINING TEAM"',
    "Karpathy wrote that the next few years would be “especially formative”.",
    "Musk described Karpathy as “arguably the #2 guy in the world in computer vision,” behind Sutskever.",
    "In his X announcement he said he remains 'deeply passionate about education' and plans to resume that work 'in"
    " time.'",
    "> I think the next few years at the frontier of LLMs will be especially formative.\n\nAndrej Karpathy",
    # paraphrases outside quotation marks
    "Karpathy said the next few years at the frontier of LLMs will be incredibly formative.",
    "He wrote that he is very excited to join the amazing team and get back to research.",
    # someone else's words
    'Sam Altman said: "I am very excited to join the team here and get back to work."',
    'The Axios headline: "The hire is a major coup for Anthropic in the high-stakes competition for elite AI talent."',
    'A reader wrote: "He is the rare researcher who can explain a transformer to your grandmother."',
    'Karpathy coined the term "vibe coding" and described a "state of AI psychosis".',
    'Anthropic calls it "model-assisted research", not "pure compute".',
]


@pytest.mark.parametrize(("text", "span", "expected", "suggestion", "diff"), FLAGGED)
def test_flagged(text: str, span: str, expected: str, suggestion: str, diff: str) -> None:
    finding = the_finding(text, "FL701", span, expected, suggestion)
    assert diff in finding.message
    assert finding.severity == "error"


@pytest.mark.parametrize("text", SILENT)
def test_silent(text: str) -> None:
    assert flagged(text) == []


def test_several_changes_in_one_quote_are_reported_separately() -> None:
    text = 'Karpathy: "I think the next few decades at the frontier of LLMs will be incredibly formative."'
    assert [f.found for f in flagged(text, "FL701")] == ["decades", "incredibly"]


def test_applying_the_suggestion_restores_the_quote() -> None:
    text = 'Joseph posted: "Excited to welcome Andrej to the Anthropic team!"'
    (finding,) = flagged(text)
    fixed = text[: finding.start] + (finding.suggestion or "") + text[finding.end :]
    assert "to the Pretraining team!" in fixed and flagged(fixed) == []


def test_passages_cover_every_quote_style() -> None:
    text = "a \"one two\" b “three four” c ‘five six’ d 'seven eight' e\n> nine ten\n"
    found = [text[s:e] for s, e in passages(text)]
    assert found == ["one two", "three four", "five six", "seven eight", "nine ten"]


def test_ellipses_and_insertions_split_segments() -> None:
    text = "I've joined Anthropic. … I am very excited [at Anthropic] to join"
    parts = [[w.norm for w in seg.words] for seg in segments(text, 0, len(text))]
    assert parts == [["i've", "joined", "anthropic"], ["i", "am", "very", "excited"], ["to", "join"]]


def test_index_is_built_once_per_sheet() -> None:
    assert quote_index(default_sheet()) is quote_index(default_sheet())


def test_many_quotes_stay_linear() -> None:
    """Prefiltering keeps the rule linear: unrelated quotations and near-quotes, 10x more of each."""

    def text(n: int) -> str:
        unrelated = "".join(f'Source {i} said "the market moved {i} points on the day" today.\n\n' for i in range(n))
        near = 'Karpathy wrote: "I am very excited to join the team here and get back to research."\n\n' * (n // 10)
        return unrelated + near

    assert len(flagged(text(2000), "FL701")) == 200
    ratio = work(lambda: flagged(text(2000), "FL701")) / work(lambda: flagged(text(200), "FL701"))
    assert ratio < 25, f"10x the quotations took {ratio:.1f}x the work"


# ------------------------------------------------------------------ excerpts, phrases and complete texts
QUINT = load_sheet(Path(__file__).parent / "sheets" / "quint-move-2024.toml")

EXCERPT_FLAGGED = [
    # (text, span, sheet): an excerpt's own words changed, or words added to a complete text
    ('Quint said: "Applied research is the soul of our plan and we are thrilled to start building."', "soul", QUINT),
    ('Quint posted: "Proud to join the Brightwater crew today! More news soon."', "today! More news soon", QUINT),
    ('Quint posted: "So proud to join the Brightwater crew today!"', "So proud", QUINT),
    ('Karpathy wrote: "Big news: I\'ve joined Anthropic. I think the next few years at the frontier of LLMs will be'
     ' especially formative."', "Big news", None),
    ('Joseph wrote that Karpathy will be "building a team focused on using Claude to accelerate training research'
     ' itself."', "training", None),
]  # fmt: skip

EXCERPT_SILENT = [
    # (text, sheet): words beyond an excerpt's ends may be the rest of the text
    ('Quint said: "Our lab is growing. Applied research is the heart of our plan and we are thrilled to start'
     ' building."', QUINT),
    ('Quint said: "Applied research is the heart of our plan and we are thrilled to start building. See you there."',
     QUINT),
    ('Karpathy wrote: "I remain deeply passionate about education and plan to resume my work on it in time. More'
     ' later."', None),
    # a quoted job or phrase that shares words with a statement is not a quote of it
    ("Brightwater's head of \"applied research and product strategy\" starts in April.", QUINT),
    ('Quint calls it "the heart of our strategy".', QUINT),
    # a first or last word bent to fit the sentence, a bracketed letter restoring a word
    ('According to Joseph, Karpathy will "build a team focused on using Claude to accelerate pretraining research'
     ' itself."', None),
    ('He wrote: "I remain deeply passionate about educatio[n] and plan to resume my work on it in time."', None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "span", "sheet"), EXCERPT_FLAGGED)
def test_excerpt_flagged(text: str, span: str, sheet: Sheet | None) -> None:
    assert [f.found for f in flagged(text, "FL701", sheet=sheet)] == [span]


@pytest.mark.parametrize(("text", "sheet"), EXCERPT_SILENT)
def test_excerpt_silent(text: str, sheet: Sheet | None) -> None:
    assert flagged(text, "FL701", sheet=sheet) == []


def test_old_sheets_hold_excerpts_and_new_ones_may_say_complete() -> None:
    facts = {f.id: f for f in QUINT.facts}
    assert facts["quint-post"].value.data["complete"] is True
    assert "complete" not in facts["quint-statement"].value.data


def test_complete_must_be_a_boolean(tmp_path: Path) -> None:
    text = (Path(__file__).parent / "sheets" / "quint-move-2024.toml").read_text()
    bad = tmp_path / "bad.toml"
    bad.write_text(text.replace("complete = true", 'complete = "yes"'))
    with pytest.raises(
        SheetError, match=r"bad\.toml:\d+: invalid fact sheet: quint-post: complete must be true or false"
    ):
        load_sheet(bad)


HAMILTON = Path(__file__).parent / "sheets" / "hamilton-ferrari-2024.toml"


@pytest.mark.parametrize(
    ("sheet_path", "text", "span"),
    [
        # the person the quotation names is its topic, not a rival speaker
        (None, 'The post about Andrej Karpathy read: "Excited to welcome Andrej to the Pretraining squad!"', "squad"),
        (
            HAMILTON,
            'The statement on Lewis Hamilton began: "Scuderia Ferrari is pleased to announce that Lewis Hamilton'
            ' will race for the team in 2025, on a multi-year contract."',
            "race for",
        ),
        # silent: the exact words, or someone else named as the speaker
        (None, 'The post about Andrej Karpathy read: "Excited to welcome Andrej to the Pretraining team!"', None),
        (None, 'Elon Musk wrote about Andrej Karpathy: "Excited to welcome Andrej to the Pretraining squad!"', None),
        (
            HAMILTON,
            'Toto Wolff said of Lewis Hamilton: "Scuderia Ferrari is pleased to announce that Lewis Hamilton will'
            ' join the team in 2025, on a long-term contract."',
            None,
        ),
    ],
)
def test_a_person_named_in_the_quotation_is_its_topic(sheet_path: Path | None, text: str, span: str | None) -> None:
    sheet = load_sheet(sheet_path) if sheet_path else None
    assert [f.found for f in flagged(text, "FL701", sheet=sheet)] == ([span] if span else [])


def plain_best_window(quote: list[str], norms: list[str], start: int, end: int) -> tuple[int, int]:
    """`quotes._best_window` as it was before it passed over windows by their length: every
    window in reach scored."""
    from rapidfuzz.distance import Levenshtein

    if len(quote) >= len(norms):
        start, end = 0, len(norms)
    if norms[start:end] == quote:
        return start, end
    margin = len(quote) // 3 + 1
    best: tuple[tuple[int, int, int, int], tuple[int, int]] | None = None
    for i in range(max(0, start - margin), min(len(norms) - 1, start + margin) + 1):
        for j in range(max(i + 1, end - margin), min(len(norms), end + margin) + 1):
            distance = Levenshtein.distance(quote, norms[i:j])
            edges = (quote[0] != norms[i]) + (quote[-1] != norms[j - 1])
            key = (distance, edges, abs(j - i - len(quote)), abs(i - start) + abs(j - end))
            if best is None or key < best[0]:
                best = (key, (i, j))
    return best[1] if best else (start, end)


def test_the_best_window_is_the_one_every_window_scored_would_give() -> None:
    """A window whose length differs from the quote's by more edits than the best window has
    cannot win: passing over it (and the longer ones after it) changes no answer."""
    import random

    from linter.annotate.quotes import _best_window

    rng = random.Random(12)
    for _ in range(3000):
        norms = [rng.choice("abcde") for _ in range(rng.randint(1, 30))]
        quote = [rng.choice("abcde") for _ in range(rng.randint(1, 20))]
        start = rng.randint(0, len(norms) - 1)
        end = rng.randint(start + 1, len(norms))
        assert _best_window(quote, norms, start, end) == plain_best_window(quote, norms, start, end)
