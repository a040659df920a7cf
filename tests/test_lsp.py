"""`factlint lsp` over stdio with a real LSP client: diagnostics (UTF-16 ranges), debounced
changes, quick fixes, hover, suppressions and project config, shutdown."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

pytest.importorskip("pygls")

from lsp_session import Session
from lsprotocol import types

from linter.api import check_text

WRONG_DATE = "Andrej Karpathy announced on 12 June 2026 that he had joined Anthropic."
RIGHT = "Andrej Karpathy announced on 19 May 2026 that he had joined Anthropic."
WRONG_MANAGER = "He reports to Dario Amodei."
WRONG_DAY = "Karpathy announced on Thursday that he had joined Anthropic."
# A near miss: the same manager named for his earlier job is not a claim about Anthropic.
EARLIER_JOB = "At Tesla he reported to Elon Musk. Andrej Karpathy joined Anthropic in May 2026."


def in_session(body: Callable[[Session], Awaitable[None]], *args: str, cwd: Path | None = None) -> None:
    async def main() -> None:
        session = Session()
        await session.start(*args, cwd=cwd)
        try:
            await body(session)
        finally:
            assert await session.close() == 0, "the server must exit cleanly after shutdown and exit"

    asyncio.run(main())


def utf16_position(text: str, offset: int) -> types.Position:
    """Computed independently of the server: line by '\\n', character in UTF-16 code units."""
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return types.Position(line, len(text[start:offset].encode("utf-16-le")) // 2)


def codes(diagnostics: list[types.Diagnostic]) -> list[str]:
    return sorted(str(d.code) for d in diagnostics)


def apply(text: str, edit: types.TextEdit) -> str:
    lines = text.split("\n")
    start, end = edit.range.start, edit.range.end

    def offset(p: types.Position) -> int:
        before = sum(len(line) + 1 for line in lines[: p.line])
        chars = lines[p.line]
        units = 0
        for i, ch in enumerate(chars):
            if units >= p.character:
                return before + i
            units += len(ch.encode("utf-16-le")) // 2
        return before + len(chars)

    return text[: offset(start)] + edit.new_text + text[offset(end) :]


def test_diagnostics_have_utf16_ranges_message_expected_and_sources(tmp_path: Path) -> None:
    # Astral-plane characters before the claim: UTF-16 columns differ from code points there.
    text = f"# Notes 😀\n\n😀 🚀 {WRONG_DATE} {WRONG_MANAGER}\n\n{RIGHT}\n"
    uri = (tmp_path / "draft.md").as_uri()
    _, findings = check_text(text, kind="markdown")

    async def body(s: Session) -> None:
        diagnostics = await s.open(uri, text, "markdown")
        assert codes(diagnostics) == ["FL101", "FL201"]
        for finding, diag in zip(findings, sorted(diagnostics, key=lambda d: str(d.code)), strict=True):
            assert diag.code == finding.rule
            assert diag.range.start == utf16_position(text, finding.start)
            assert diag.range.end == utf16_position(text, finding.end)
            assert diag.source == "factlint"
            assert f"expected: {finding.expected}" in diag.message
            assert "sources: " in diag.message
        date = next(d for d in diagnostics if d.code == "FL101")
        assert date.severity == types.DiagnosticSeverity.Error
        assert date.range.start.character == len("😀 🚀 Andrej Karpathy announced on ") + 2  # two surrogate pairs

    in_session(body, "--isolated")


def test_correct_text_and_near_misses_get_no_diagnostics(tmp_path: Path) -> None:
    async def body(s: Session) -> None:
        assert await s.open((tmp_path / "a.md").as_uri(), f"{RIGHT}\n\n{EARLIER_JOB}\n", "markdown") == []
        assert await s.open((tmp_path / "b.txt").as_uri(), f"{RIGHT}\n", "plaintext") == []
        # Not a prose buffer: nothing to say.
        assert await s.open((tmp_path / "c.py").as_uri(), f"# {WRONG_DATE}\n", "python") == []

    in_session(body, "--isolated")


def test_changes_are_linted_after_typing_pauses(tmp_path: Path) -> None:
    uri = (tmp_path / "draft.txt").as_uri()

    async def body(s: Session) -> None:
        assert codes(await s.open(uri, WRONG_DATE + "\n", "plaintext")) == ["FL101"]
        waiting = asyncio.create_task(s.wait(uri, lambda d: True))
        await asyncio.sleep(0)
        for partial in ("Andrej Karpathy announced on 19", "Andrej Karpathy announced on 19 May", RIGHT):
            await s.change(uri, partial + "\n")  # quick edits: only the last state is linted
        assert await waiting == []
        await s.change(uri, f"{RIGHT}\n{WRONG_DAY}\n")
        day = await s.wait(uri, lambda d: True)
        assert codes(day) == ["FL102"]
        assert day[0].range.start.line == 1

    in_session(body, "--isolated")


def test_code_action_replaces_with_the_sheet_value_only_for_safe_fixes(tmp_path: Path) -> None:
    text = f"{WRONG_DATE}\n{WRONG_MANAGER}\n"
    uri = (tmp_path / "draft.md").as_uri()

    async def body(s: Session) -> None:
        diagnostics = await s.open(uri, text, "markdown")
        date = next(d for d in diagnostics if d.code == "FL101")
        (action,) = await s.code_actions(uri, date)
        assert action.kind == types.CodeActionKind.QuickFix
        assert action.title.startswith("Replace with '19 May 2026'")
        assert action.edit is not None and action.edit.changes is not None
        (edit,) = action.edit.changes[uri]
        fixed = apply(text, edit)
        assert fixed == text.replace("12 June 2026", "19 May 2026")
        assert [f.rule for f in check_text(fixed, kind="markdown")[1]] == ["FL201"]
        # Replacing a manager can change what the sentence says about someone else: no quick fix.
        manager = next(d for d in diagnostics if d.code == "FL201")
        assert await s.code_actions(uri, manager) == []
        # Closing the buffer clears its diagnostics.
        waiting = asyncio.create_task(s.wait(uri, lambda d: True))
        await asyncio.sleep(0)
        s.client.text_document_did_close(
            types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )
        assert await waiting == []

    in_session(body, "--isolated")


def test_hover_shows_the_sheets_fact(tmp_path: Path) -> None:
    text = f"{WRONG_DATE}\n"
    uri = (tmp_path / "draft.md").as_uri()

    async def body(s: Session) -> None:
        (diag,) = await s.open(uri, text, "markdown")
        inside = types.Position(diag.range.start.line, diag.range.start.character + 3)
        hover = await s.hover(uri, inside)
        assert hover is not None and isinstance(hover.contents, types.MarkupContent)
        value = hover.contents.value
        assert "FL101" in value and "**Tuesday 19 May 2026**" in value and "sources:" in value
        assert hover.range == diag.range
        assert await s.hover(uri, types.Position(0, 2)) is None  # on "Andrej": no finding there

    in_session(body, "--isolated")


def test_suppressions_and_project_config_are_honoured(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "posts").mkdir(parents=True)
    (project / ".factlint.toml").write_text('ignore = ["FL102"]\n', encoding="utf-8")
    other = tmp_path / "elsewhere"
    other.mkdir()
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / ".factlint.toml").write_text('selectt = ["FL1"]\n', encoding="utf-8")

    async def body(s: Session) -> None:
        text = f"{WRONG_DAY}\n"
        post = (project / "posts" / "a.md").as_uri()
        assert await s.open(post, text, "markdown") == []
        # An edited configuration applies from the next edit, without restarting the server.
        (project / ".factlint.toml").write_text('ignore = ["FL101"]\n', encoding="utf-8")
        await s.change(post, text + "\n")
        assert codes(await s.wait(post, lambda d: True)) == ["FL102"]
        assert codes(await s.open((other / "a.md").as_uri(), text, "markdown")) == ["FL102"]
        silenced = f"{WRONG_DATE} <!-- factlint: ignore FL101 -->\n"
        assert await s.open((other / "b.md").as_uri(), silenced, "markdown") == []
        stale = f"{RIGHT} <!-- factlint: ignore FL101 -->\n"
        assert codes(await s.open((other / "c.md").as_uri(), stale, "markdown")) == ["FL001"]
        # A broken configuration is one message naming the file and the key; the server goes on.
        assert await s.open((broken / "d.md").as_uri(), text, "markdown") == []
        assert any(".factlint.toml" in m and "selectt" in m for m in s.messages), s.messages
        assert codes(await s.open((other / "e.md").as_uri(), text, "markdown")) == ["FL102"]

    in_session(body)


def test_html_buffers_get_ranges_in_the_markup(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Desk</title></head><body>\n"
        "<p>Andrej Karpathy announced on <b>12 June\n  2026</b> that he had joined Anthropic.</p>\n"
        "</body></html>\n"
    )
    uri = (tmp_path / "page.html").as_uri()

    async def body(s: Session) -> None:
        (diag,) = await s.open(uri, html, "html")
        assert diag.code == "FL101"
        start = html.index("12 June")
        assert diag.range.start == utf16_position(html, start)
        assert diag.range.end == utf16_position(html, html.index("2026</b>") + 4)
        assert await s.code_actions(uri, diag) == []  # HTML is never edited, as with --fix

    in_session(body, "--isolated")
