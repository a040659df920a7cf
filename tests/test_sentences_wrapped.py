"""Hard-wrapped prose (plain-text mail, press releases) is joined into sentences across its line
breaks; a line that ends a sentence, or is followed by a capital, still breaks. bench/perf.py
measures the time per MB of long wrapped paragraphs (joining once copied the rest of the block at
every line break)."""

from __future__ import annotations

from linter.annotate.text import MAX_SENTENCE, split_sentences

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


def test_a_long_wrapped_paragraph_is_joined_then_read_in_pieces_with_exact_offsets() -> None:
    """Joined across its line breaks, a paragraph with no full stop is one "sentence" of 190 KB;
    past MAX_SENTENCE it is read in pieces (cut at a space), which together are the whole text."""
    body = "Start " + "and this long hard wrapped line of prose goes on without an end\n" * 3000
    pieces = split_sentences(body)
    assert len(pieces) > 100 and all(len(p.text) <= MAX_SENTENCE for p in pieces)
    for piece in pieces:
        assert body[piece.start : piece.end] == piece.text
    assert " ".join(p.text for p in pieces).split() == body.split()


def test_a_sentence_of_a_real_length_is_never_cut() -> None:
    sentence = "Karpathy, who " + "worked at Tesla, then at OpenAI, " * 24 + "joined Anthropic in May."
    assert 800 < len(sentence) <= MAX_SENTENCE
    (found,) = split_sentences(sentence + " Next sentence.")[:1]
    assert found.text == sentence


def test_a_run_on_sentence_is_cut_after_a_comma_where_it_can_be() -> None:
    run_on = "Karpathy joined Anthropic, and he reports to Nick Joseph; he leads a team " * 60
    pieces = split_sentences(run_on)
    assert len(pieces) > 1 and all(len(p.text) <= MAX_SENTENCE for p in pieces)
    assert all(p.text.endswith((",", ";")) for p in pieces[:-1])
