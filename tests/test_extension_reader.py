"""The extension as a reader meets it, in Debian's real headless Chromium against the real API: a page that is
not about the sheet's event, a clean page that says how much was checked, warnings counted apart from errors,
the hover card inside a short window with the fix and the sources, a server that stops after a good check,
and the options page's Test with a missing or wrong token. The harness (browser, servers, popup) is
tests/test_extension.py's."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from server.app import create_app
from tests import test_extension as harness
from tests.browser_support import NEEDS_CHROMIUM
from tests.test_extension import ROOT, Extension, centre_of, highlights

# The harness's fixtures, used here by name.
api, api_server, pages_url = harness.api, harness.api_server, harness.pages_url
browse, ext = harness.browse, harness.ext

pytestmark = NEEDS_CHROMIUM
TITLE = "Andrej Karpathy joins Anthropic's pre-training team"


class OwnServers:
    """Real API servers of a test's own (with options), which the test may stop."""

    def __init__(self) -> None:
        self.running: list[Any] = []

    def start(self, **options: Any) -> str:
        from werkzeug.serving import make_server

        server = make_server("127.0.0.1", 0, create_app(options or None), threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self.running.append(server)
        return f"http://127.0.0.1:{server.server_port}"

    def stop(self) -> None:
        """Stop them and close their sockets: the next request cannot connect."""
        while self.running:
            server = self.running.pop()
            server.shutdown()
            server.server_close()


@pytest.fixture
def own_server() -> Iterator[OwnServers]:
    servers = OwnServers()
    yield servers
    servers.stop()


def test_page_not_about_the_event_is_not_judged(ext: Extension, browse: Callable[[str], Any]) -> None:
    page = browse("offtopic.html")  # a tech round-up: a date and a sum the sheet knows, none of its people
    popup = ext.click_action(page)
    state = ext.wait_state(page)

    assert (state["status"], state["applies"], state["findings"]) == ("done", False, [])
    assert state["sheetTitle"] == TITLE
    assert page.evaluate("CSS.highlights.size") == 0
    badge = ext.badge(page)
    assert badge["text"] == ""
    assert badge["title"] == f"factlint: This page isn’t about {TITLE}, so it was not checked."
    popup.wait_for("document.getElementById('status').dataset.state === 'offtopic'")
    assert f"This page isn’t about {TITLE}, so it was not checked." in popup.text()
    assert "contradict" not in popup.text()


def test_clean_page_says_how_much_was_checked(ext: Extension, browse: Callable[[str], Any]) -> None:
    page = browse("correct.html")
    popup = ext.click_action(page)
    state = ext.wait_state(page)

    assert state["applies"] is True
    assert state["statementsChecked"] == 4  # the headline states the move too
    popup.wait_for("document.getElementById('status').dataset.state === 'clean'")
    assert "4 statements checked, none contradicts the fact sheet." in popup.text()
    assert ext.badge(page)["title"] == "factlint: 4 statements checked, none contradicts the fact sheet."


def test_warnings_are_counted_apart_as_sources_disagree(ext: Extension, browse: Callable[[str], Any]) -> None:
    page = browse("disputed.html")
    popup = ext.click_action(page)
    ext.wait_state(page)
    popup.wait_for("document.querySelectorAll('#located li').length === 2")

    headline = popup.evaluate("document.getElementById('status').textContent")
    assert headline == (
        "1 statement contradicts the fact sheet; 1 statement is about facts the sources disagree on"
        " (of 2 statements checked)."
    )
    kinds = popup.evaluate("[...document.querySelectorAll('#located li .meta')].map((e) => e.textContent)")
    assert kinds == ["Contradicts the fact sheet · FL201", "Sources disagree · FL101"]
    assert ext.badge(page)["text"] == "1"  # the badge counts contradictions, not disputed facts

    # Shown alone, the disputed fact is amber and worded as such, never as a contradiction.
    ext.settings(severities=["warning"])
    popup = ext.click_action(page)
    popup.evaluate("document.getElementById('recheck').click()")
    popup.wait_for("document.getElementById('status').dataset.state === 'disputed'")
    assert "1 statement is about facts the sources disagree on (of 2 statements checked)." in popup.text()
    assert "contradicts the fact sheet" not in popup.evaluate("document.getElementById('status').textContent")
    badge = ext.badge(page)
    assert badge["text"] == "1"
    assert "sources disagree on" in badge["title"]


def test_card_fits_a_short_window_and_shows_fix_and_sources(ext: Extension, browse: Callable[[str], Any]) -> None:
    page = browse("tall.html")
    page.set_viewport_size({"width": 900, "height": 300})
    ext.click_action(page)
    ext.wait_state(page)
    page.evaluate("document.getElementById('claim').scrollIntoView({block: 'center'})")
    point = centre_of(page, "21 May 2026")
    page.mouse.move(point["x"], point["y"])
    card = page.locator("#factlint-card")
    card.wait_for(state="visible")

    text = card.inner_text()
    for words in ["The text says", "“21 May 2026”", "The sheet says", "Tuesday 19 May 2026", "Suggested fix",
                  "Replace “21 May 2026” with “19 May 2026”.", "Sources", "BUSINESS 2.0, 29 May 2026"]:  # fmt: skip
        assert words in text, text
    assert "(no date)" not in text
    assert "unnamed outlet" not in text.splitlines()[0]
    box = card.evaluate(
        "(c) => { const r = c.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, left: r.left, "
        "right: r.right, scroll: c.scrollHeight, client: c.clientHeight}; }"
    )
    assert box["top"] >= 0 and box["bottom"] <= 300 and box["left"] >= 0 and box["right"] <= 900, box
    assert box["scroll"] > box["client"], box  # five sources do not fit in 300 px: the card scrolls
    # The pointer can go onto the card and scroll it to the last source without the card going away.
    page.mouse.move(box["left"] + 20, box["top"] + 20)
    page.mouse.wheel(0, 600)
    page.wait_for_function(
        "() => { const c = document.querySelector('factlint-card').shadowRoot.getElementById('factlint-card');"
        " return c.scrollTop + c.clientHeight >= c.scrollHeight - 1; }"
    )
    last = card.locator("li").last
    assert last.is_visible()
    last_box = last.bounding_box()
    assert last_box is not None and last_box["y"] + last_box["height"] <= 300


def test_server_stopped_after_a_good_check_keeps_the_highlights(
    ext: Extension, browse: Callable[[str], Any], own_server: OwnServers
) -> None:
    url = own_server.start()
    ext.settings(serverUrl=url)
    page = browse("article.html")
    popup = ext.click_action(page)
    ext.wait_state(page)
    popup.wait_for("document.getElementById('server').dataset.state === 'ok'")
    good = highlights(page)
    assert good == {"factlint-error": ["21 May 2026", "Sam Altman"]}

    own_server.stop()
    popup.evaluate("document.getElementById('recheck').click()")
    state = ext.wait_state(page, "s.status === 'error'")

    assert state["error"]["kind"] == "down"
    assert state["stale"] is True
    assert highlights(page) == good  # the good highlights stay
    popup.wait_for("document.getElementById('server').dataset.state === 'down'")
    shown = popup.text()
    assert "Not checked again: cannot reach the factlint server" in shown
    assert "The highlights below are from the last check that worked." in shown
    assert "Server: running" not in shown
    assert popup.evaluate("document.querySelectorAll('#located li').length") == 2


def test_options_test_button_checks_the_token(
    ext: Extension, browse: Callable[[str], Any], own_server: OwnServers
) -> None:
    url = own_server.start(token="s3cret-token")
    options = browse(f"chrome-extension://{ext.id}/options/options.html")
    options.fill("#serverUrl", url)
    status = options.locator("#server-status")

    options.fill("#token", "")
    options.click("#test")
    status.filter(has_text="needs an access token").wait_for()
    assert status.get_attribute("class") == "note bad"
    assert (
        status.inner_text()
        == f"The server at {url} is running, but the server needs an access token: check the token below."
    )

    options.fill("#token", "wrong-token")
    options.click("#test")
    status.filter(has_text="did not accept the access token").wait_for()
    assert "bad" in (status.get_attribute("class") or "")

    options.fill("#token", "s3cret-token")
    options.click("#test")
    status.filter(has_text="OK:").wait_for()
    assert status.inner_text().endswith("checks text; it accepts this token.")
    assert "bad" not in (status.get_attribute("class") or "")


def test_popup_in_a_tab_shows_the_tabs_findings(ext: Extension, browse: Callable[[str], Any], tmp_path: Any) -> None:
    """The popup's page opened for a tab (?tab=) shows that tab's state; it is also the README's screenshot."""
    page = browse("article.html")
    ext.click_action(page)
    ext.wait_state(page)
    ext.close_popups()
    popup = browse(f"chrome-extension://{ext.id}/popup/popup.html?tab={ext.tab_id(page)}&check=0")
    popup.set_viewport_size({"width": 380, "height": 330})
    popup.locator("#server[data-state=ok]").wait_for()
    popup.locator("#located li").nth(1).wait_for()

    assert popup.inner_text("#status") == "2 statements contradict the fact sheet (of 5 statements checked)."
    assert popup.locator("#located li .show").all_inner_texts() == [
        "21 May 2026 → Tuesday 19 May 2026\nSuggested fix: Replace “21 May 2026” with “19 May 2026”.\n"
        "Contradicts the fact sheet · FL101",
        "Sam Altman → Nick Joseph\nContradicts the fact sheet · FL201",
    ]
    shot = tmp_path / "extension-popup.png"
    popup.screenshot(path=str(shot))
    if os.environ.get("FACTLINT_UPDATE_SCREENSHOT"):
        (ROOT / "docs" / "extension-popup.png").write_bytes(shot.read_bytes())


def test_the_wrong_word_is_underlined_and_the_card_says_what_is_right(
    ext: Extension, browse: Callable[[str], Any]
) -> None:
    """'is leading the pre-training team': the team is right, leading it is not, so the verb is
    underlined, and the card gives the sheet's sentence, not a fragment."""
    page = browse("verb.html")
    ext.click_action(page)
    state = ext.wait_state(page)
    assert [f["rule"] for f in state["findings"]] == ["FL402"]
    assert highlights(page) == {"factlint-error": ["leading"]}
    (finding,) = state["findings"]
    assert finding["expected"].endswith(".") and "Nick Joseph leads" in finding["expected"]
    assert finding["message"].count(finding["expected"]) == 0  # the message does not repeat the card
