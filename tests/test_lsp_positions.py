"""Offsets <-> LSP positions (UTF-16 by default, every LSP line break) and HTML span placement."""

from __future__ import annotations

import pytest

from linter.lsp.html_spans import directive_span, source_span
from linter.lsp.positions import PositionMap


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_lines_break_at_every_lsp_newline(newline: str) -> None:
    text = f"first{newline}😀 second{newline}third"
    positions = PositionMap(text)
    second = text.index("second")
    assert positions.position(second) == (1, 3)  # the emoji is two UTF-16 code units
    assert positions.offset(1, 3) == second
    assert positions.position(text.index("third")) == (2, 0)


def test_encodings_count_their_own_units() -> None:
    text = "é😀x"
    x = text.index("x")
    assert PositionMap(text, "utf-16").position(x) == (0, 3)
    assert PositionMap(text, "utf-8").position(x) == (0, 6)
    assert PositionMap(text, "utf-32").position(x) == (0, 2)


def test_positions_past_a_line_or_the_text_are_clamped() -> None:
    positions = PositionMap("ab\ncd\n")
    assert positions.offset(0, 99) == 2  # the end of line 0, before its newline
    assert positions.offset(9, 0) == len("ab\ncd\n")
    assert positions.offset(0, 1) == 1


def test_html_words_are_found_in_text_not_in_markup() -> None:
    source = '<p title="12 June 2026">On <b>12 June</b>\n 2026, and again on 12 June 2026.</p>'
    visible = "On 12 June 2026, and again on 12 June 2026."
    first, second = visible.index("12 June"), visible.rindex("12 June")
    start, end = source_span(source, visible, first, first + len("12 June 2026")) or (0, 0)
    assert source[start:end] == "12 June</b>\n 2026"
    start, end = source_span(source, visible, second, second + len("12 June 2026")) or (0, 0)
    assert source[start:end] == "12 June 2026" and start > source.index("again")
    assert source_span(source, visible, 0, 0) is None
    assert source_span("<p>AT&amp;T</p>", "AT&T", 0, 4) is None


def test_a_stale_html_directive_is_placed_on_its_comment() -> None:
    from linter.api import check

    source = (
        "<p>Karpathy joined Anthropic. <!-- factlint: ignore FL102 --></p>\n"
        "<p>He announced it on Tuesday. <!-- factlint: ignore FL101 --></p>\n"
    )
    checked = check(source, kind="html")
    stale = [f for f in checked.findings if f.rule == "FL001"]
    assert len(stale) == 2
    spans = [directive_span(source, [d[0] for d in checked.document.directives], f.start) for f in stale]
    assert [source[a:b] for a, b in (s or (0, 0) for s in spans)] == [
        "<!-- factlint: ignore FL102 -->",
        "<!-- factlint: ignore FL101 -->",
    ]
