"""Hard-wrapped prose (plain-text mail, press releases) is joined into sentences across its line
breaks; a line that ends a sentence, or is followed by a capital, still breaks. bench/perf.py
measures the time per MB of long wrapped paragraphs (joining once copied the rest of the block at
every line break)."""

from __future__ import annotations

from linter.annotate.text import split_sentences

WRAPPED = (
    "Andrej Karpathy said on Tuesday that he has joined Anthropic, where he will\n"
    "work on the pre-training team and build a new group that uses Claude to\n"
    "speed up research.\n"
    "Short line\n"
    "Next line starts with a capital.\n"
)


def test_wrapped_lines_are_joined_into_one_sentence() -> None:
    texts = [s.text for s in split_sentences(WRAPPED)]
    assert texts[0].startswith("Andrej Karpathy said") and texts[0].endswith("speed up research.")
    assert texts[1:] == ["Short line", "Next line starts with a capital."]


def test_a_long_wrapped_paragraph_is_one_sentence_with_exact_offsets() -> None:
    body = "Start " + "and this long hard wrapped line of prose goes on without an end\n" * 3000
    (sentence,) = split_sentences(body)
    assert body[sentence.start : sentence.end] == sentence.text == body.strip()
