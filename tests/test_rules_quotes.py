"""FL701 misquotes: changed, added and dropped words inside quotation marks are flagged with the
word-level difference; shortened quotes, ellipses, [insertions], case, punctuation, hyphens and
curly quotes are fine; quotations of other people and paraphrases stay silent."""

from __future__ import annotations

import time

import pytest

from linter.annotate.quotes import passages, quote_index, segments
from linter.sheet import default_sheet
from tests.helpers import flagged, the_finding

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


def test_many_quotes_stay_fast() -> None:
    """Prefiltering keeps the rule linear: 2,000 unrelated quotations and 200 near-quotes."""
    unrelated = "".join(f'Source {i} said "the market moved {i} points on the day" today.\n\n' for i in range(2000))
    near = 'Karpathy wrote: "I am very excited to join the team here and get back to research."\n\n' * 200
    started = time.perf_counter()
    found = flagged(unrelated + near, "FL701")
    assert len(found) == 200
    assert time.perf_counter() - started < 5
