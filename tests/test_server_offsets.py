"""Code points vs UTF-16 code units: what Python counts vs what a browser's JavaScript indexes."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from server_fixtures import WRONG_DATE, make_app

from server.offsets import CONTEXT, Utf16Index, quote_selector, utf16_length

# Astral characters (two UTF-16 code units each) of several kinds, and BMP ones that are not.
ASTRAL_PREFIXES = [
    "😀 ",  # emoji
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢: ",  # mathematical fraktur letters
    "👩‍💻 ",  # ZWJ sequence: two astral emoji around a BMP joiner
    "🇬🇧🇺🇸 ",  # flags: pairs of regional indicators
    "𠀀𠀁 ",  # CJK Extension B
    "é ü — “quotes” ",  # BMP only: no shift
    "🎉" * 40 + "\n",  # many, so the quote prefix is all astral
]


def js_slice(text: str, start: int, end: int) -> str:
    """`text.slice(start, end)` as JavaScript computes it, on UTF-16 code units."""
    units = text.encode("utf-16-le")
    return units[2 * start : 2 * end].decode("utf-16-le")


def js_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_index_converts_both_ways_around_astral_characters() -> None:
    text = "a😀b𝔘c👩‍💻d"
    index = Utf16Index(text)
    for offset in range(len(text) + 1):
        utf16 = index.to_utf16(offset)
        assert utf16 == js_length(text[:offset])
        assert index.from_utf16(utf16) == offset
    assert index.utf16_length == js_length(text) == utf16_length(text)


def test_utf16_offset_inside_a_surrogate_pair_is_refused() -> None:
    index = Utf16Index("a😀b")
    with pytest.raises(ValueError, match="surrogate pair"):
        index.from_utf16(2)


@pytest.mark.parametrize(("offset", "utf16"), [(-1, -1), (4, 5)])
def test_offsets_outside_the_text_are_refused(offset: int, utf16: int) -> None:
    with pytest.raises(ValueError):
        Utf16Index("a😀b").to_utf16(offset)
    with pytest.raises(ValueError):
        Utf16Index("a😀b").from_utf16(utf16)


def test_ascii_text_is_identity() -> None:
    index = Utf16Index("plain ascii")
    assert [index.to_utf16(i) for i in range(12)] == list(range(12))


def test_quote_selector_takes_context_in_code_points() -> None:
    text = "😀" * 40 + "FOUND" + "𝔘" * 40
    start = text.index("FOUND")
    selector = quote_selector(text, start, start + 5)
    assert selector.quote == "FOUND"
    assert selector.prefix == "😀" * CONTEXT and selector.suffix == "𝔘" * CONTEXT


def test_quote_selector_stops_at_the_edges() -> None:
    selector = quote_selector("FOUND it", 0, 5)
    assert (selector.prefix, selector.quote, selector.suffix) == ("", "FOUND", " it")
    with pytest.raises(ValueError):
        quote_selector("short", 2, 9)


@pytest.fixture(scope="module")
def client() -> FlaskClient:
    return make_app().test_client()


@pytest.mark.parametrize("prefix", ASTRAL_PREFIXES)
def test_check_reports_utf16_offsets_after_astral_characters(client: FlaskClient, prefix: str) -> None:
    text = prefix + WRONG_DATE + " 🚀"
    body = client.post("/v1/check", json={"text": text}).get_json()
    (finding,) = body["findings"]
    assert text[finding["start"] : finding["end"]] == "12 June 2026"
    assert finding["start_utf16"] == js_length(text[: finding["start"]])
    assert js_slice(body["text"], finding["start_utf16"], finding["end_utf16"]) == finding["found"]
    assert finding["prefix"] == text[max(0, finding["start"] - CONTEXT) : finding["start"]]
    assert finding["prefix"] + finding["quote"] + finding["suffix"] in text


def test_check_with_astral_characters_in_html(client: FlaskClient) -> None:
    html = f"<article><h1>🔥 Breaking 🔥</h1><p>𝔗𝔥𝔢 𝔫𝔢𝔴𝔰: {WRONG_DATE}</p></article>"
    body = client.post("/v1/check", json={"html": html}).get_json()
    (finding,) = body["findings"]
    assert js_slice(body["text"], finding["start_utf16"], finding["end_utf16"]) == "12 June 2026"
    assert finding["end_utf16"] - finding["start_utf16"] == len("12 June 2026")
    assert finding["start_utf16"] == finding["start"] + 2 + 7  # one extra unit per fire emoji and fraktur letter
