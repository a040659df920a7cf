"""The page at / used for real in Debian's chromium: paste, check, see the highlight and the hover card."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from server_fixtures import WRONG_BOSS, WRONG_DATE, LiveServer, live_server

from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, NEEDS_CHROMIUM

ARTICLE = f"""Anthropic hires Karpathy 🎉

{WRONG_DATE} He joins the pre-training team.

{WRONG_BOSS} He will build a new team that uses Claude to speed up pre-training research.
"""

pytestmark = NEEDS_CHROMIUM


@pytest.fixture(scope="module")
def server() -> Iterator[LiveServer]:
    with live_server() as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def console_errors() -> list[str]:
    """Script errors and console errors of the page; a test that provokes one removes it."""
    return []


@pytest.fixture
def page(browser: Any, server: LiveServer, console_errors: list[str]) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    errors = console_errors
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(server.url + "/")
    yield page
    context.close()
    assert errors == [], errors


def check_article(page: Any, text: str) -> None:
    page.get_by_label("Article text").fill(text)
    page.get_by_role("button", name="Check").click()


def test_paste_check_highlight_and_hover(page: Any) -> None:
    from playwright.sync_api import expect

    check_article(page, ARTICLE)
    status = page.locator("#status")
    expect(status).to_have_text("2 statements contradict the fact sheet (of 4 statements checked).")
    assert status.get_attribute("aria-live") == "polite"

    boss = page.locator("#rendered mark", has_text="Sam Altman")
    expect(boss).to_have_count(1)
    expect(boss).to_have_class("finding sev-error")
    expect(page.locator("#rendered mark", has_text="12 June 2026")).to_have_count(1)
    # The highlighted text is exactly the flagged span, placed after the emoji (UTF-16 offsets).
    assert boss.text_content() == "Sam Altman"
    assert page.locator("#rendered").text_content() == ARTICLE

    boss.hover()
    card = page.locator("#card")
    expect(card).to_be_visible()
    # The extension's card, word for word (extension/lib/finding.js).
    expect(card).to_contain_text("Error · Contradicts the fact sheet")
    expect(card).to_contain_text("The text says“Sam Altman”")
    expect(card).to_contain_text("The sheet saysNick Joseph")
    expect(card).to_contain_text("Suggested fixReplace “Sam Altman” with “Nick Joseph”.")
    expect(card).to_contain_text("Sources")
    expect(card).to_contain_text("BUSINESS 2.0, 29 May 2026")
    expect(card).to_contain_text("FL201: ")

    page.mouse.move(0, 0)
    expect(card).to_be_hidden()


def test_findings_list_works_with_the_keyboard(page: Any) -> None:
    from playwright.sync_api import expect

    check_article(page, ARTICLE)
    buttons = page.locator("#findings button")
    expect(buttons).to_have_count(2)
    boss_button = page.get_by_role("button", name="Sam Altman")
    boss_button.focus()
    page.keyboard.press("Enter")
    focused = page.locator("#rendered mark:focus")
    expect(focused).to_have_text("Sam Altman")
    expect(page.locator("#card")).to_be_visible()
    expect(page.locator("#card")).to_contain_text("Nick Joseph")
    page.keyboard.press("Escape")
    expect(page.locator("#card")).to_be_hidden()
    # Tab moves through the highlights, each showing its card on focus.
    page.locator("#rendered mark").first.focus()
    expect(page.locator("#card")).to_contain_text("12 June 2026")


def test_clean_article_and_server_errors_are_announced(page: Any, console_errors: list[str]) -> None:
    from playwright.sync_api import expect

    check_article(page, "Andrej Karpathy announced on 19 May 2026 that he had joined Anthropic.")
    expect(page.locator("#status")).to_have_text("1 statement checked, none contradicts the fact sheet.")
    expect(page.locator("#rendered mark")).to_have_count(0)

    page.get_by_label("Published on").fill("2026-02-30")  # the browser drops an impossible date
    page.locator("#published").evaluate("el => { el.type = 'text'; el.value = 'not-a-date'; }")
    check_article(page, WRONG_DATE)
    expect(page.locator("#status")).to_contain_text("Could not check")
    expect(page.locator("#status")).to_contain_text("published")
    assert "Could not check: the server answered 400:" in page.locator("#status").inner_text()
    assert console_errors == ["Failed to load resource: the server responded with a status of 400 (BAD REQUEST)"]
    console_errors.clear()


def test_dropped_html_file_is_checked_as_html(page: Any, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    html = f"<html><body><nav>Menu</nav><article><h1>News</h1><p>{WRONG_DATE}</p></article></body></html>"
    path = tmp_path / "story.html"
    path.write_text(html, encoding="utf-8")
    page.locator("#file").set_input_files(str(path))
    expect(page.locator("#format")).to_have_value("html")
    page.get_by_role("button", name="Check").click()
    expect(page.locator("#rendered mark")).to_have_text("12 June 2026")
    assert "<p>" not in (page.locator("#rendered").text_content() or "")


def test_server_text_is_never_parsed_as_html(page: Any) -> None:
    from playwright.sync_api import expect

    check_article(page, f"<img src=x onerror=alert(1)> {WRONG_DATE}")
    expect(page.locator("#rendered mark")).to_have_count(1)
    assert page.locator("#rendered img").count() == 0
    assert "<img src=x onerror=alert(1)>" in (page.locator("#rendered").text_content() or "")


def test_text_not_about_the_event_is_not_judged(page: Any) -> None:
    from playwright.sync_api import expect

    check_article(page, "Teslas sold well in Norway on 21 May 2026, and a router maker raised $20 billion.")
    expect(page.locator("#status")).to_have_text(
        "This text isn’t about Andrej Karpathy joins Anthropic's pre-training team, so it was not checked."
    )
    expect(page.locator("#rendered mark")).to_have_count(0)
    expect(page.locator("#findings li")).to_have_count(0)


def test_warnings_are_worded_apart_in_list_and_status(page: Any) -> None:
    from playwright.sync_api import expect

    check_article(page, f"{WRONG_BOSS} Karpathy started at Anthropic on 22 May.")  # a start date the sources differ on
    expect(page.locator("#status")).to_have_text(
        "1 statement contradicts the fact sheet; 1 statement is about facts the sources disagree on"
        " (of 2 statements checked)."
    )
    kinds = page.locator("#findings .fl-kind")
    expect(kinds).to_have_text(["Error · Contradicts the fact sheet", "Warning · Sources disagree"])
    expect(page.locator("#rendered mark.sev-warning")).to_have_text("22 May")
    # The list says where, then the same card as on hover.
    first = page.locator("#findings li").first
    expect(first.locator("button")).to_have_text("Line 1, column 21: “Sam Altman” → Nick Joseph")


def test_card_stays_inside_a_short_window(page: Any) -> None:
    from playwright.sync_api import expect

    page.set_viewport_size({"width": 700, "height": 260})
    check_article(page, WRONG_DATE)
    mark = page.locator("#rendered mark")
    mark.scroll_into_view_if_needed()
    box = mark.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    card = page.locator("#card")
    expect(card).to_be_visible()
    placed = card.evaluate(
        "(c) => { const r = c.getBoundingClientRect(); return [r.top, r.bottom, c.scrollHeight > c.clientHeight]; }"
    )
    assert placed[0] >= 0 and placed[1] <= 260, placed
    assert placed[2] is True  # five sources do not fit in 260 px: the card scrolls


def test_text_pasted_after_a_file_is_checked_as_text(page: Any, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    path = tmp_path / "story.html"
    path.write_text(f"<html><body><article><p>{WRONG_DATE}</p></article></body></html>", encoding="utf-8")
    page.locator("#file").set_input_files(str(path))
    expect(page.locator("#format")).to_have_value("html")
    expect(page.locator("#extract")).to_be_checked()

    pasted = f"Headline\n\nFirst paragraph.\n\n{WRONG_BOSS}"
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.evaluate("(text) => navigator.clipboard.writeText(text)", pasted)
    box = page.get_by_label("Article text")
    box.focus()
    page.keyboard.press("Control+A")
    page.keyboard.press("Control+V")
    expect(box).to_have_value(pasted)
    expect(page.locator("#format")).to_have_value("auto")
    expect(page.locator("#extract")).not_to_be_checked()
    assert page.locator("#file").evaluate("(input) => input.files.length") == 0
    expect(page.locator("#status")).to_have_text("The text is no longer story.html: Format is back to Automatic.")

    page.get_by_role("button", name="Check").click()
    expect(page.locator("#findings button")).to_have_text("Line 5, column 21: “Sam Altman” → Nick Joseph")
    assert page.locator("#rendered").text_content() == pasted  # line breaks kept


def test_editing_a_loaded_file_keeps_its_format(page: Any, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    path = tmp_path / "story.html"
    path.write_text(f"<html><body><article><p>{WRONG_DATE}</p></article></body></html>", encoding="utf-8")
    page.locator("#file").set_input_files(str(path))
    expect(page.locator("#format")).to_have_value("html")
    box = page.get_by_label("Article text")
    box.press("End")
    box.type(" ")
    expect(page.locator("#format")).to_have_value("html")
    expect(page.locator("#extract")).to_be_checked()


def test_token_errors_tell_the_reader_where_to_set_it(browser: Any) -> None:
    from playwright.sync_api import expect

    with live_server("--token", "s3cret-token") as running:
        context = browser.new_context()
        page = context.new_page()
        page.goto(running.url + "/")
        check_article(page, WRONG_BOSS)
        status = page.locator("#status")
        expect(status).to_have_text(
            "Could not check: the server needs an access token: enter it under Options › Access token."
        )
        expect(page.locator("#token")).to_be_focused()
        page.locator("#token").fill("wrong-token")
        page.get_by_role("button", name="Check").click()
        expect(status).to_contain_text("the server did not accept the access token")
        page.locator("#token").fill("s3cret-token")
        page.get_by_role("button", name="Check").click()
        expect(status).to_have_text("1 statement contradicts the fact sheet (of 1 statement checked).")
        context.close()


def test_a_second_sheet_can_be_chosen(browser: Any) -> None:
    from playwright.sync_api import expect

    harbor = Path(__file__).parent / "sheets" / "harbor-bridge-2025.toml"
    with live_server("--facts", str(harbor)) as running:
        context = browser.new_context()
        page = context.new_page()
        page.goto(running.url + "/")
        sheet = page.get_by_label("Fact sheet")
        expect(sheet).to_be_visible()
        expect(sheet.locator("option")).to_have_text(["karpathy-anthropic-2026", "harbor-bridge-2025"])
        sheet.select_option("harbor-bridge-2025")
        check_article(page, WRONG_BOSS)
        expect(page.locator("#status")).to_have_text(
            "This text isn’t about Lena Ortiz takes over the Harbor Bridge retrofit, so it was not checked."
        )
        context.close()
