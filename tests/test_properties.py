"""Property-based tests (Hypothesis) of the engine and the document loaders.

Any text, Markdown or HTML (any nesting, astral characters, combining marks, NUL, lone
surrogates, CR/LF mixes): no exception, every finding's `text[start:end]` is its `found`, its
line and column agree with its offset, UTF-16 offsets agree with code-point ones, and the time
grows linearly with the input. Bounded and repeatable: a fixed seed (`derandomize`) and a few
hundred examples in all, so CI spends seconds here, not minutes.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from linter.api import check_text
from linter.documents import DocumentError, build_document, decode
from linter.findings import Finding
from server.offsets import Utf16Index, utf16_length
from tests.helpers import work

BOUNDED = settings(
    derandomize=True, max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)

# Sentences the default sheet has an opinion on, so generated texts really produce findings.
FACTUAL = [
    "Andrej Karpathy announced on 12 June 2026 that he had joined Anthropic.",
    "Karpathy reports to Sam Altman.",
    "He joined the product team.",
    "Andrej Karpaty joined Antropic on Tuesday 19 May 2026.",
    'He wrote: "I am joining Anthropic to work on pre-training."',
    "Karpathy spent seven years at Tesla.",
    "<!-- factlint: ignore FL101 -->",
    "<!-- factlint: disable -->",
    "<!-- factlint: enable FL2 -->",
    "<!-- factlint: bogus -->",
]
ODD = ["\x00", "\r\n", "\r", "\n\n", "\u0301", "e\u0301", "\U0001f600", "𝔄", "\u200b", "\ufeff", "\u2028", "\t"]
ODD += ["> ", "`"]
MARKDOWN = ["# ", "```\n", "    ", "[link](http://x.example/12-june)", "---\n", "* ", "1. ", "<b>", "</b>"]

pieces = st.one_of(
    st.sampled_from(FACTUAL), st.sampled_from(ODD), st.sampled_from(MARKDOWN), st.text(max_size=20), st.just(" ")
)
texts = st.lists(pieces, max_size=30).map("".join)
# Lone surrogates arrive through the API (JSON "\ud800"); Python strings can hold them.
surrogates = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
texts_with_surrogates = st.lists(st.one_of(pieces, surrogates), max_size=30).map("".join)


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """HTML with random nesting (up to thousands deep), stray and unclosed tags, comments, text."""
    tags = ["div", "p", "span", "blockquote", "section", "b", "li", "script", "style", "td", "br"]
    out: list[str] = []
    for _ in range(draw(st.integers(0, 8))):
        depth = draw(st.one_of(st.integers(0, 6), st.integers(500, 3_000)))
        tag = draw(st.sampled_from(tags))
        close = draw(st.booleans())
        out.append(f"<{tag}>" * depth + draw(texts) + (f"</{tag}>" * depth if close else ""))
        out.append(draw(st.sampled_from(["", "<!-- factlint: ignore -->", "<p hidden>x</p>", "</div>", "<", "&amp;"])))
    return "".join(out)


def assert_consistent(text: str, findings: list[Finding]) -> None:
    """What every client relies on: spans, lines and columns, UTF-16 offsets."""
    index = Utf16Index(text)
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert text[f.start : f.end] == f.found
        line_start = starts[f.line - 1]
        assert line_start + f.column - 1 == f.start
        assert starts[f.end_line - 1] + f.end_column - 1 == f.end
        expected = len(text[: f.start].encode("utf-16-le", "surrogatepass")) // 2
        assert index.to_utf16(f.start) == expected
        assert index.from_utf16(expected) == f.start
    assert utf16_length(text) == len(text.encode("utf-16-le", "surrogatepass")) // 2


@BOUNDED
@given(text=texts_with_surrogates, kind=st.sampled_from(["text", "markdown"]))
def test_engine_on_any_text(text: str, kind: str) -> None:
    doc, findings = check_text(text, kind=kind)
    assert doc.text == text and len(doc.prose) == len(text)
    assert_consistent(text, findings)


@BOUNDED
@given(page=html_pages(), extract=st.booleans())
def test_engine_on_any_html(page: str, extract: bool) -> None:
    doc, findings = check_text(page, kind="html", extract=extract)
    assert_consistent(doc.text, findings)
    for start, end, _ in doc.directives:
        assert 0 <= start <= end <= len(doc.text)
    for start, end in doc.quotes:
        assert 0 <= start <= end <= len(doc.text)


@BOUNDED
@given(
    data=st.binary(max_size=200) | texts.map(lambda t: t.encode("utf-8")),
    kind=st.sampled_from(["text", "markdown", "html"]),
)
def test_loaders_on_any_bytes(data: bytes, kind: str) -> None:
    """Bytes in: a Document, or a DocumentError naming the file; nothing else."""
    try:
        text = decode(data, "f.txt")
    except DocumentError as exc:
        assert str(exc).startswith("f.txt: ")
        return
    doc = build_document(text, "f.txt", kind)
    assert len(doc.prose) == len(doc.text)


@BOUNDED
@given(text=texts_with_surrogates)
def test_api_on_any_text_including_lone_surrogates(text: str, api_client: object) -> None:
    body = json.dumps({"text": text}).encode()  # ensure_ascii: lone surrogates travel as \ud800 escapes
    response = api_client.post("/v1/check", data=body, headers={"Content-Type": "application/json"})  # type: ignore[attr-defined]
    assert response.status_code == 200, response.data
    payload = json.loads(response.data)
    assert payload["text"] == text
    for f in payload["findings"]:
        assert text[f["start"] : f["end"]] == f["found"] == f["quote"]
        assert f["start_utf16"] == len(text[: f["start"]].encode("utf-16-le", "surrogatepass")) // 2


@pytest.fixture(scope="module")
def api_client() -> object:
    from server.app import create_app

    return create_app({"TESTING": True, "warm_up": False}).test_client()


@settings(derandomize=True, max_examples=8, deadline=None, database=None, phases=[Phase.explicit, Phase.generate])
@example(unit="<!-- factlint: ignore FL101 -->\t\r\n", kind="html")  # was quadratic: overlapping regions
@given(unit=st.lists(pieces, min_size=3, max_size=12).map("".join), kind=st.sampled_from(["text", "markdown", "html"]))
def test_time_is_linear_in_the_input(unit: str, kind: str) -> None:
    """8x the input must not take 64x the work (quadratic); counted in calls, not timed (helpers.work)."""
    unit = unit + " Karpathy reports to Sam Altman.\n\n"
    small = unit * max(1, 8_000 // len(unit))
    large = small * 8
    check_text(unit, kind=kind)  # warm: patterns and the sheet are built once per process
    ratio = work(lambda: check_text(large, kind=kind)) / work(lambda: check_text(small, kind=kind))
    assert ratio < 20, f"8x the input took {ratio:.1f}x the work"


def test_a_run_on_sentence_costs_time_linear_in_its_length(monkeypatch: pytest.MonkeyPatch) -> None:
    """Readers look across a claim's sentence, so a page with no full stop made every claim cost
    the page's length. Counted in mentions handed to readers (the work their loops do), which a
    count of calls misses: 8x the text must hand out about 8x the mentions, not 47x as before."""
    from linter.annotate import analysis

    handed = [0]
    mentions_between = analysis.Analysis.mentions_between

    def counted(self: analysis.Analysis, *args: Any, **kwargs: Any) -> Any:
        found = mentions_between(self, *args, **kwargs)
        handed[0] += len(found)
        return found

    monkeypatch.setattr(analysis.Analysis, "mentions_between", counted)
    run_on = "Karpathy reports to Nick Joseph and announced on May 19 and joined Tesla in 2017 and " * 1_000
    counts = []
    for size in (10_000, 80_000):
        handed[0] = 0
        check_text(run_on[:size])
        counts.append(handed[0])
    assert counts[0] > 1_000, counts  # the readers did look at the mentions
    assert counts[1] / counts[0] < 10, f"8x the run-on text handed out {counts[1] / counts[0]:.1f}x the mentions"
