"""Unit tests of the extension's libraries (offset map, re-anchoring, fuzzy search, settings, the finding card,
the outcome's words, the API client) and of its content card, run in a plain page of two real engines: Debian's
headless Chromium and Debian's headless firefox-esr. The files are loaded with `add_script_tag` and called."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, NEEDS_CHROMIUM
from tests.firefox_support import NEEDS_FIREFOX, firefox_page

EXTENSION = Path(__file__).resolve().parent.parent / "extension"
SCRIPTS = [
    "lib/settings.js", "lib/textmap.js", "lib/fuzzy.js", "lib/anchor.js",
    "lib/dom.js", "lib/finding.js", "lib/outcome.js", "lib/client.js", "content/highlight.js", "content/card.js",
]  # fmt: skip

ENGINES = [
    pytest.param("chromium", marks=NEEDS_CHROMIUM),
    pytest.param("firefox", marks=NEEDS_FIREFOX),
]


@pytest.fixture(scope="module", params=ENGINES)
def lib_page(request: pytest.FixtureRequest) -> Iterator[Any]:
    """A page of Debian's chromium (Playwright) or of Debian's firefox-esr (WebDriver BiDi): every test runs in both."""
    if request.param == "firefox":
        with firefox_page() as firefox:
            yield firefox
            assert firefox.errors == [], firefox.errors
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page: Any = browser.new_page()
        errors: list[str] = []
        page.errors = errors  # as FirefoxPage has it: a test that provokes an error removes it
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        yield page
        browser.close()
        assert errors == [], errors


@pytest.fixture
def page(lib_page: Any) -> Any:
    """A fresh document with the libraries loaded."""
    lib_page.set_content("<!doctype html><html><head><meta charset='utf-8'></head><body></body></html>")
    for script in SCRIPTS:
        lib_page.add_script_tag(path=str(EXTENSION / script))
    return lib_page


def build(page: Any, html: str) -> dict[str, Any]:
    """Put `html` in the body and build the map of the article root. Returns the root, the text and the code
    units whose map entry points at a different character (a collapsed space may point at any white space;
    the line breaks between blocks point nowhere)."""
    return page.evaluate(
        """(html) => {
            document.body.innerHTML = html;
            const { textmap } = globalThis.factlint;
            const root = textmap.findRoot(document);
            const map = textmap.build(root);
            const wrong = [];
            for (let i = 0; i < map.text.length; i++) {
                const unit = map.text[i];
                if (map.nodeIndex[i] < 0) {
                    if (unit !== '\\n') wrong.push([i, unit, null]);
                    continue;
                }
                const there = map.nodes[map.nodeIndex[i]].data[map.nodeOffset[i]];
                if (unit === ' ' ? !/\\s/.test(there) : there !== unit) wrong.push([i, unit, there]);
            }
            return { root: root.localName + (root.id ? '#' + root.id : ''), text: map.text, units: map.text.length,
                     mapped: map.nodeIndex.length, wrong };
        }""",
        html,
    )


def range_of(page: Any, html: str, quote: str, nth: int = 0) -> dict[str, Any] | None:
    """Build the map, take the UTF-16 span of the nth `quote` in its text, and turn it into a DOM Range."""
    return page.evaluate(
        """([html, quote, nth]) => {
            document.body.innerHTML = html;
            const { textmap } = globalThis.factlint;
            const map = textmap.build(textmap.findRoot(document));
            let at = -1;
            for (let i = 0; i <= nth; i++) at = map.text.indexOf(quote, at + 1);
            const range = textmap.toRange(map, at, at + quote.length);
            if (!range) return null;
            return { start: at, text: range.toString(),
                     startIn: range.startContainer.parentElement.localName,
                     endIn: range.endContainer.parentElement.localName };
        }""",
        [html, quote, nth],
    )


# ------------------------------------------------------------------------------------------ offset map
def test_blocks_become_line_breaks_and_inline_elements_join(page: Any) -> None:
    html = """<article><h1>Karpathy  joins</h1><p>Karpathy <em>reports</em> to <a href="#">Sam</a> Altman.</p>
        <ul><li>one</li><li>two<br>three</li></ul><div><span>a</span><span>b</span></div>
        <table><tr><td>cell 1</td><td>cell 2</td></tr></table></article>"""
    built = build(page, html)
    assert built["text"] == "Karpathy joins\nKarpathy reports to Sam Altman.\none\ntwo\nthree\nab\ncell 1\ncell 2"


def test_only_visible_text_is_taken(page: Any) -> None:
    html = """<article><p>Seen.</p><p hidden>Hidden attribute.</p><p style="display:none">Display none.</p>
        <p style="visibility:hidden">Invisible.</p><script>var s = "script";</script><style>p{}</style>
        <noscript>No script.</noscript><template><p>Template.</p></template><textarea>Text area.</textarea>
        <p>Also <span style="display:none">not </span>seen.</p><details><summary>Summary</summary>Closed body.</details>
        <details open><summary>Open</summary>Open body.</details></article>"""
    built = build(page, html)
    assert built["text"] == "Seen.\nAlso seen.\nSummary\nOpen\nOpen body."


def test_white_space_collapses_as_css_does(page: Any) -> None:
    html = """<article><p>
        Karpathy    reports
        to  <em> Sam </em>  Altman.  </p><pre>keep   these
  spaces</pre><p style="white-space: pre-line">one
two</p></article>"""
    built = build(page, html)
    assert built["text"] == "Karpathy reports to Sam Altman.\nkeep   these\n  spaces\none\ntwo"


def test_every_code_unit_maps_back_to_the_same_character(page: Any) -> None:
    html = """<article><h1>🎉 Big hire 𝒳</h1><p>👩‍💻 Karpathy <em>reports   to</em> <b>Sam</b>\n Altman.</p>
        <p>Caf\u00e9 na\u0308ive “quotes” — dashes</p><ul><li>a<br>b</li></ul></article>"""
    built = build(page, html)
    assert (
        built["text"]
        == "🎉 Big hire 𝒳\n👩‍💻 Karpathy reports to Sam Altman.\nCaf\u00e9 na\u0308ive “quotes” — dashes\na\nb"
    )
    assert built["units"] == built["mapped"] == len(built["text"].encode("utf-16-le")) // 2
    assert built["wrong"] == []


def test_offsets_are_utf16_code_units(page: Any) -> None:
    html = "<article><p>🎉🚀 Andrej Karpathy announced on 21 May 2026.</p></article>"
    found = range_of(page, html, "21 May 2026")
    assert found is not None
    assert found["text"] == "21 May 2026"
    # Two astral characters before the span: JavaScript's UTF-16 offset is two more than the code-point one.
    code_points = "🎉🚀 Andrej Karpathy announced on ".__len__()
    assert found["start"] == code_points + 2


def test_ranges_cross_inline_elements(page: Any) -> None:
    html = "<article><p>Karpathy reports to <em>Sam</em> Altman, <strong>21 <i>May</i></strong> 2026.</p></article>"
    assert range_of(page, html, "Sam Altman") == {
        "start": 20,
        "text": "Sam Altman",
        "startIn": "em",
        "endIn": "p",
    }
    date = range_of(page, html, "21 May 2026")
    assert date is not None
    assert (date["text"], date["startIn"], date["endIn"]) == ("21 May 2026", "strong", "p")


def test_ranges_never_come_from_text_the_page_does_not_have(page: Any) -> None:
    result = page.evaluate(
        """() => {
            document.body.innerHTML = '<article><p id="a">First.</p><p>Second.</p></article>';
            const { textmap } = globalThis.factlint;
            const map = textmap.build(textmap.findRoot(document));
            const out = {
                text: map.text,
                lineBreakOnly: textmap.toRange(map, 6, 7),
                outOfBounds: textmap.toRange(map, 10, 99),
                empty: textmap.toRange(map, 3, 3),
                across: textmap.toRange(map, 0, 14).toString(),
            };
            document.getElementById('a').remove();
            out.removed = textmap.toRange(map, 0, 6);
            return out;
        }"""
    )
    assert result == {
        "text": "First.\nSecond.",
        "lineBreakOnly": None,
        "outOfBounds": None,
        "empty": None,
        "across": "First.Second.",
        "removed": None,
    }


def test_article_root_is_article_then_main_then_role_main_then_body(page: Any) -> None:
    assert build(page, "<nav>menu</nav><article id=a>story</article><main>main</main>")["root"] == "article#a"
    big = (
        "<article id=small>x</article><article id=big>a longer story</article><article id=gone hidden>"
        + ("hidden but longest " * 5)
        + "</article>"
    )
    assert build(page, big)["root"] == "article#big"
    assert build(page, "<div role=main id=r>story</div><main id=m>main story</main>")["root"] == "main#m"
    assert build(page, "<nav>menu</nav><div role=main id=r>story</div>")["root"] == "div#r"
    assert build(page, "<div>just a page</div>")["root"] == "body"


def test_joined_maps_keep_blocks_apart(page: Any) -> None:
    result = page.evaluate(
        """() => {
            document.body.innerHTML =
                '<article><p id=a>Karpathy reports</p><p id=b>to <em>Sam</em> Altman.</p></article>';
            const { textmap } = globalThis.factlint;
            const blocks = [document.getElementById('a'), document.getElementById('b')];
            const map = textmap.join(blocks.map(textmap.build));
            const at = map.text.indexOf('Sam Altman');
            const range = textmap.toRange(map, at, at + 10);
            return [map.text, range.toString(), range.startContainer.parentElement.localName];
        }"""
    )
    assert result == ["Karpathy reports\nto Sam Altman.", "Sam Altman", "em"]


# ------------------------------------------------------------------------------------------ re-anchoring
def locate(page: Any, text: str, selector: dict[str, Any]) -> dict[str, Any] | None:
    return page.evaluate("([text, selector]) => globalThis.factlint.anchor.locate(text, selector)", [text, selector])


SENT = "Andrej Karpathy joined Anthropic. Karpathy reports to Sam Altman, according to people."
SAM = {
    "start": 54,
    "end": 64,
    "quote": "Sam Altman",
    "prefix": "Anthropic. Karpathy reports to ",
    "suffix": ", according",
}


def test_offsets_are_used_when_the_text_there_is_the_quote(page: Any) -> None:
    assert SENT[54:64] == "Sam Altman"
    assert locate(page, SENT, SAM) == {"start": 54, "end": 64, "how": "offsets", "errors": 0}


def test_shifted_text_is_found_by_its_quote(page: Any) -> None:
    shifted = "Editor's note: updated.\n" + SENT
    found = locate(page, shifted, SAM)
    assert found == {"start": 78, "end": 88, "how": "quote", "errors": 0}
    assert shifted[78:88] == "Sam Altman"


def test_context_picks_the_right_copy_of_a_repeated_quote(page: Any) -> None:
    text = "Sam Altman runs OpenAI. " + SENT.replace("Andrej", "Andrej  ") + " Sam Altman declined to comment."
    found = locate(page, text, SAM)  # the offsets now point elsewhere
    assert found is not None
    assert found["how"] == "quote"
    assert text[found["start"] - len("reports to ") : found["end"]] == "reports to Sam Altman"


def test_small_edits_are_found_fuzzily(page: Any) -> None:
    text = "Andrej Karpathy announced on 21 May, 2026 that he had joined Anthropic."
    selector = {"start": 40, "end": 51, "quote": "21 May 2026", "prefix": "Andrej Karpathy announced on ",
                "suffix": " that he had joined"}  # fmt: skip
    found = locate(page, "Note.\n" + text, selector)
    assert found is not None
    assert found["how"] == "fuzzy"
    assert found["errors"] == 1
    assert ("Note.\n" + text)[found["start"] : found["end"]] == "21 May, 2026"


def test_typographic_quotes_dashes_and_spaces_are_folded(page: Any) -> None:
    text = "Intro.\nKarpathy\u2019s boss\u00a0is Sam\u00a0Altman \u2014 reportedly."
    selector = {
        "start": 0,
        "end": 10,
        "quote": "Sam Altman",
        "prefix": "Karpathy's boss is ",
        "suffix": " - reportedly",
    }
    found = locate(page, text, selector)
    assert found is not None
    assert (found["how"], text[found["start"] : found["end"]]) == ("quote", "Sam\u00a0Altman")


def test_what_cannot_be_anchored_is_not_located(page: Any) -> None:
    # The quote is gone.
    assert locate(page, "Karpathy reports to Nick Joseph, according to people.", SAM) is None
    # The quote is there, but in another statement altogether: never drawn in the wrong place.
    assert locate(page, "Later, Sam Altman spoke at a conference in Paris about chips.", SAM) is None
    # Too far from the quote to be the same words, even in the same place.
    assert locate(page, "Anthropic. Karpathy reports to Sam, according to people.", SAM) is None
    # No quote and no offsets.
    assert locate(page, SENT, {"quote": ""}) is None


def test_selector_falls_back_to_code_points(page: Any) -> None:
    result = page.evaluate(
        """() => {
            const { anchor } = globalThis.factlint;
            const text = '🎉 Sam Altman';
            return [anchor.selectorOf({ start: 2, end: 12, quote: 'Sam Altman' }, text),
                    anchor.selectorOf({ start: 2, end: 12, start_utf16: 3, end_utf16: 13, quote: 'Sam Altman' }, text)];
        }"""
    )
    expected = {"start": 3, "end": 13, "quote": "Sam Altman", "prefix": "", "suffix": ""}
    assert result == [expected, expected]


def test_fuzzy_search_finds_approximate_matches_and_stays_bounded(page: Any) -> None:
    result = page.evaluate(
        """() => {
            const { fuzzy } = globalThis.factlint;
            const t0 = performance.now();
            const huge = fuzzy.search('x'.repeat(2000000), 'y'.repeat(100), 10);
            return {
                hits: fuzzy.search('one 21 may, 2026 two 21 mai 2026', '21 may 2026', 2),
                none: fuzzy.search('nothing like it', '21 may 2026', 2),
                huge, ms: performance.now() - t0,
                distance: fuzzy.distance('kitten', 'sitting'),
            };
        }"""
    )
    assert [(h["start"], h["end"], h["errors"]) for h in result["hits"]] == [(4, 16, 1), (21, 32, 1)]
    assert result["none"] == []
    assert result["huge"] == []  # refused: too large a window
    assert result["ms"] < 1000
    assert result["distance"] == 3


# ------------------------------------------------------------------------------------------ settings and card
def test_settings_are_normalized(page: Any) -> None:
    result = page.evaluate(
        """() => {
            const { settings } = globalThis.factlint;
            return {
                defaults: settings.normalize({}),
                odd: settings.normalize({ serverUrl: 'ftp://x', timeoutSeconds: 600, severities: ['error', 'nope'],
                                          autoSites: ['news.example.com', 'not a site', '*.example.org'] }),
                trailing: settings.normalize({ serverUrl: ' http://localhost:9000/ ', timeoutSeconds: 0,
                                               token: ' s3cret ' }),
                badToken: settings.normalize({ token: 'two words' }).token,
                patterns: ['example.com', '*.example.org', 'https://news.example.com/path?q', 'http://h:8080',
                           'bad site', ''].map(settings.sitePattern),
            };
        }"""
    )
    assert result["defaults"] == {
        "serverUrl": "http://127.0.0.1:8000",
        "autoSites": [],
        "severities": ["error", "warning"],
        "timeoutSeconds": 20,
        "token": "",
    }
    assert result["odd"]["serverUrl"] == "http://127.0.0.1:8000"
    assert result["odd"]["timeoutSeconds"] == 25  # always under the service worker's 30 s
    assert result["odd"]["severities"] == ["error"]
    assert result["odd"]["autoSites"] == ["news.example.com", "*.example.org"]
    assert result["trailing"]["serverUrl"] == "http://localhost:9000"
    assert result["trailing"]["timeoutSeconds"] == 1
    assert result["trailing"]["token"] == "s3cret"
    assert result["badToken"] == ""  # a token must fit in a header as it is
    assert result["patterns"] == [
        "*://example.com/*",
        "*://*.example.org/*",
        "https://news.example.com/*",
        "http://h/*",
        None,
        None,
    ]


def test_card_inserts_server_data_as_text_only(page: Any) -> None:
    evil = '<img src=x onerror="window.pwned = 1"><b>bold</b>'
    result = page.evaluate(
        """async (evil) => {
            const { card } = globalThis.factlint;
            card.show({ severity: 'error', rule: 'FL201', fact: evil, found: evil, expected: evil, message: evil,
                        source_details: [{ id: '000', outlet: evil, title: evil, published: evil }] },
                      { left: 10, top: 10, right: 50, bottom: 30 });
            await new Promise((r) => setTimeout(r, 50));
            const root = document.querySelector('factlint-card').shadowRoot;
            return { imgs: root.querySelectorAll('img, b').length, pwned: window.pwned === 1,
                     text: root.querySelector('.fl-expected').textContent,
                     visible: !root.getElementById('factlint-card').hidden };
        }""",
        evil,
    )
    assert result == {"imgs": 0, "pwned": False, "text": evil, "visible": True}


def test_each_engine_is_the_one_named(page: Any, lib_page: Any, request: pytest.FixtureRequest) -> None:
    agent = page.evaluate("navigator.userAgent")
    engine = request.node.callspec.params["lib_page"]
    assert ("Firefox/" in agent) == (engine == "firefox"), agent
    assert page.evaluate("typeof CSS.highlights === 'object' && typeof Highlight === 'function'")


FINDING = {
    "severity": "error",
    "rule": "FL201",
    "fact": "reporting-line",
    "found": "Sam Altman",
    "expected": "Nick Joseph",
    "suggestion": "Nick Joseph",
    "message": "He reports to Nick Joseph, not Sam Altman",
    "sources": ["004", "002", "009"],
    "source_details": [
        {"id": "004", "outlet": "Daily Example", "title": "A headline", "published": "2026-05-29",
         "url": "https://news.example/story"},
        {"id": "002", "outlet": "Other Paper", "title": None, "published": None, "url": "javascript:alert(1)"},
        {"id": "009", "outlet": None, "title": None, "published": None, "url": None},
    ],
}  # fmt: skip


def explain(page: Any, finding: dict[str, Any]) -> dict[str, Any]:
    return page.evaluate(
        """(f) => { const box = globalThis.factlint.finding.explain(f);
            const rows = [...box.querySelectorAll('dt')]
                .map((dt) => [dt.textContent, dt.nextElementSibling.textContent]);
            return { kind: box.querySelector('.fl-kind').textContent, rows,
                     sources: [...box.querySelectorAll('li')].map((li) => li.textContent),
                     links: [...box.querySelectorAll('a')].map((a) => [a.textContent, a.href, a.target, a.rel]),
                     rule: box.querySelector('.fl-rule').textContent, className: box.className }; }""",
        finding,
    )


def test_finding_card_words_fix_and_linked_sources(page: Any) -> None:
    card = explain(page, FINDING)
    assert card["kind"] == "Error · Contradicts the fact sheet"
    assert card["rows"] == [
        ["The text says", "“Sam Altman”"],
        ["The sheet says", "Nick Joseph"],
        ["Suggested fix", "Replace “Sam Altman” with “Nick Joseph”."],
    ]
    assert card["sources"] == ["A headline — Daily Example, 29 May 2026", "Other Paper", "source 009"]
    # Only an http(s) URL becomes a link, opening in a new tab without the page as opener.
    assert card["links"] == [["A headline", "https://news.example/story", "_blank", "noopener noreferrer"]]
    assert card["rule"] == "FL201: He reports to Nick Joseph, not Sam Altman"


def test_warning_card_says_sources_disagree_and_omits_an_absent_fix(page: Any) -> None:
    warning = {**FINDING, "severity": "warning", "suggestion": None, "source_details": [], "sources": ["001"]}
    card = explain(page, warning)
    assert card["kind"] == "Warning · Sources disagree"
    assert card["className"] == "fl-finding fl-warning"
    assert [term for term, _ in card["rows"]] == ["The text says", "The sheet says"]
    assert card["sources"] == ["source 001"]  # the bare id when the server sent no details
    same = explain(page, {**FINDING, "suggestion": "Sam Altman"})  # a "fix" that changes nothing is no fix
    assert "Suggested fix" not in [term for term, _ in same["rows"]]


@pytest.mark.parametrize(
    ("result", "state", "headline"),
    [
        ({"applies": False, "sheetTitle": "The Event", "statementsChecked": 0, "findings": []}, "offtopic",
         "This page isn’t about The Event, so it was not checked."),
        ({"applies": True, "statementsChecked": 12, "findings": []}, "clean",
         "12 statements checked, none contradicts the fact sheet."),
        ({"applies": True, "statementsChecked": 1, "findings": []}, "clean",
         "1 statement checked, none contradicts the fact sheet."),
        ({"applies": True, "statementsChecked": 0, "findings": []}, "clean",
         "Nothing in this page states a fact the sheet covers."),
        ({"applies": True, "statementsChecked": 5, "findings": [{"severity": "warning"}, {"severity": "warning"}]},
         "disputed", "2 statements are about facts the sources disagree on (of 5 statements checked)."),
        ({"applies": True, "statementsChecked": 5, "findings": [{"severity": "error"}, {"severity": "warning"}]},
         "found", "1 statement contradicts the fact sheet; 1 statement is about facts the sources disagree on"
         " (of 5 statements checked)."),
    ],
)  # fmt: skip
def test_outcome_words(page: Any, result: dict[str, Any], state: str, headline: str) -> None:
    summary = page.evaluate("(r) => globalThis.factlint.outcome.summarize(r, 'page')", result)
    assert (summary["state"], summary["headline"]) == (state, headline)


@pytest.mark.parametrize(
    ("rect", "height", "top"),
    [
        ({"top": 100, "bottom": 120}, 200, 126),  # fits below
        ({"top": 500, "bottom": 520}, 200, 294),  # fits above
        ({"top": 250, "bottom": 270}, 500, 96),  # fits nowhere, more room below: as low as stays inside
        ({"top": 450, "bottom": 470}, 500, 4),  # fits nowhere, more room above: at the top
    ],
)
def test_card_is_placed_inside_the_viewport(page: Any, rect: dict[str, int], height: int, top: int) -> None:
    placed = page.evaluate("([r, h]) => globalThis.factlint.card.placeTop(r, h, 600)", [rect, height])
    assert placed == top


def test_client_reports_an_unreachable_server_for_readers(page: Any) -> None:
    """(Both engines log the refused connection to the console; that one line is expected.)"""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = page.evaluate(
        "(url) => globalThis.factlint.client.request(url, '/v1/health', { timeoutSeconds: 5 })",
        f"http://127.0.0.1:{port}",
    )
    assert result == {
        "ok": False,
        "error": {
            "kind": "down",
            "message": f'cannot reach the factlint server at http://127.0.0.1:{port} (start it with "factlint serve")',
        },
    }
    page.evaluate("() => new Promise((r) => setTimeout(r, 300))")  # Firefox logs the refusal a little later
    refused = ("ERR_CONNECTION_REFUSED", "CORS request did not succeed")
    assert all(any(words in e for words in refused) for e in page.errors), page.errors
    page.errors.clear()


def test_highlights_are_drawn_hit_and_explained_in_place(page: Any) -> None:
    result = page.evaluate(
        """() => {
            document.body.innerHTML = '<article><p>Intro.</p><p>He reports to <b>Sam</b> Altman.</p></article>';
            const { textmap, highlight, card } = globalThis.factlint;
            const map = textmap.build(textmap.findRoot(document));
            const start = map.text.indexOf('Sam Altman');
            const finding = { severity: 'error', rule: 'FL201', found: 'Sam Altman', expected: 'Nick Joseph',
                              suggestion: 'Nick Joseph', range: textmap.toRange(map, start, start + 10) };
            const drawn = highlight.draw([finding]);
            const rect = finding.range.getClientRects()[0];
            const hit = highlight.hitTest([finding], rect.left + 2, rect.top + rect.height / 2);
            const miss = highlight.hitTest([finding], rect.left - 40, rect.bottom + 40);
            card.show(finding, rect);
            const box = document.querySelector('factlint-card').shadowRoot.getElementById('factlint-card');
            const placed = box.getBoundingClientRect();
            const shown = box.innerText;
            highlight.clear();
            card.hide();
            return { drawn, text: finding.range.toString(), hit: hit === finding, miss, shown,
                     below: placed.top >= rect.bottom, inside: placed.bottom <= innerHeight,
                     cleared: CSS.highlights.size };
        }"""
    )
    assert result["drawn"] is True
    assert result["text"] == "Sam Altman"
    assert (result["hit"], result["miss"]) == (True, None)
    assert "Replace “Sam Altman” with “Nick Joseph”." in result["shown"]
    assert result["below"] and result["inside"]
    assert result["cleared"] == 0
