"""The language server (pygls): lint on open and (debounced) change, quick fixes, hover.

Each buffer is linted with the configuration that `factlint check` would use for its file
(closest `.factlint.toml` / `[tool.factlint]`, suppression comments included), through the same
engine seam as the crawl (`linter.crawl.adapter`).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from linter import __version__
from linter.config import ConfigError, Finder, Overrides, settings_for
from linter.crawl.adapter import check_document, settings_sheets
from linter.documents import kind_for
from linter.fix import FIXABLE_KINDS, fixable
from linter.lsp.convert import Placed, diagnostic_message, hover_markdown, place
from linter.lsp.freshness import Freshness
from linter.lsp.positions import PositionMap
from linter.sheet import Sheet, SheetError

DEBOUNCE_SECONDS = 0.3
LANGUAGE_KINDS = {"markdown": "markdown", "plaintext": "text", "text": "text", "html": "html"}
SEVERITIES = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning}


@dataclass
class Linted:
    """The last lint of one buffer, kept for code actions and hover."""

    version: int | None
    kind: str
    positions: PositionMap
    placed: list[Placed] = field(default_factory=list)
    sheets: list[Sheet] = field(default_factory=list)

    def at(self, start: int, end: int) -> list[Placed]:
        """Findings whose buffer span meets [start, end] (offsets)."""
        out = []
        for p in self.placed:
            a = self.positions.offset(*p.span[0])
            b = self.positions.offset(*p.span[1])
            if a <= end and start <= b:
                out.append(p)
        return out


class FactlintServer(LanguageServer):
    def __init__(self, finder: Finder, overrides: Overrides) -> None:
        super().__init__("factlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.finder, self.overrides = finder, overrides
        self.kinds: dict[str, str] = {}
        self.linted: dict[str, Linted] = {}
        self.edits: dict[str, int] = {}
        self.freshness = Freshness()
        self.shown: set[str] = set()

    @property
    def encoding(self) -> str:
        chosen = self.server_capabilities.position_encoding
        return str(getattr(chosen, "value", chosen) or "utf-16")  # an enum, or the client's plain string

    def lint(self, uri: str) -> None:
        """Lint the buffer as it is now and publish its diagnostics."""
        document = self.workspace.get_text_document(uri)
        kind = self.kinds.get(uri)
        path = to_fs_path(uri) or str(Path.cwd() / "untitled")
        positions = PositionMap(document.source, self.encoding)
        linted = Linted(document.version, kind or "text", positions)
        try:
            config = self.finder.for_path(path)
            self.freshness.refresh(str(config.path) if config.path else None, ())
            config = self.finder.for_path(path)
            if kind is not None and not config.excludes(path):
                settings = settings_for(config, self.overrides, path)
                self.freshness.refresh(None, settings.sheets)
                checked = check_document(document.source, kind, path, settings)
                linted.sheets = list(settings_sheets(settings))
                linted.placed = place(checked.findings, document.source, checked.document, positions)
        except (ConfigError, SheetError) as exc:
            if str(exc) not in self.shown:  # once, not at every pause in typing
                self.shown.add(str(exc))
                message = types.ShowMessageParams(type=types.MessageType.Error, message=f"factlint: {exc}")
                self.window_show_message(message)
        self.linted[uri] = linted
        diagnostics = [self.diagnostic(p, linted.sheets) for p in linted.placed]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=document.version)
        )

    def diagnostic(self, placed: Placed, sheets: list[Sheet]) -> types.Diagnostic:
        f = placed.finding
        return types.Diagnostic(
            range=lsp_range(placed),
            message=diagnostic_message(f, sheets),
            severity=SEVERITIES.get(f.severity, types.DiagnosticSeverity.Warning),
            code=f.rule,
            source="factlint",
        )


def lsp_range(placed: Placed) -> types.Range:
    (line, char), (end_line, end_char) = placed.span
    return types.Range(types.Position(line, char), types.Position(end_line, end_char))


def kind_of(language_id: str, uri: str) -> str | None:
    """The document kind of a buffer: from the editor's language id, else from the file name."""
    if language_id in LANGUAGE_KINDS:
        return LANGUAGE_KINDS[language_id]
    path = to_fs_path(uri) or ""
    return kind_for(path, default="") or None


def build_server(finder: Finder | None = None, overrides: Overrides | None = None) -> FactlintServer:
    server = FactlintServer(finder or Finder(), overrides or Overrides())

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: FactlintServer, params: types.DidOpenTextDocumentParams) -> None:
        doc = params.text_document
        ls.kinds[doc.uri] = kind_of(doc.language_id, doc.uri) or ""
        if not ls.kinds[doc.uri]:
            ls.kinds.pop(doc.uri)
        ls.lint(doc.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: FactlintServer, params: types.DidChangeTextDocumentParams) -> None:
        """Lint once typing pauses: each change restarts the wait, only the last one lints."""
        uri = params.text_document.uri
        ticket = ls.edits[uri] = ls.edits.get(uri, 0) + 1
        await asyncio.sleep(DEBOUNCE_SECONDS)
        if ls.edits.get(uri) == ticket:
            ls.lint(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: FactlintServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.lint(params.text_document.uri)  # a changed configuration file applies on save

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: FactlintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        for table in (ls.linted, ls.kinds, ls.edits):
            table.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(ls: FactlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        """'Replace with …' for the safe fixes under the cursor or selection (text and Markdown:
        HTML is never edited, as with --fix)."""
        linted = ls.linted.get(params.text_document.uri)
        if linted is None or linted.kind not in FIXABLE_KINDS:
            return []
        r = params.range
        hits = linted.at(linted.positions.offset(r.start.line, r.start.character),
                         linted.positions.offset(r.end.line, r.end.character))  # fmt: skip
        safe = {id(f) for f in fixable([p.finding for p in hits])}
        actions = []
        for placed in hits:
            f = placed.finding
            if id(f) not in safe or not placed.exact or f.suggestion is None:
                continue
            edit = types.TextEdit(range=lsp_range(placed), new_text=f.suggestion)
            actions.append(
                types.CodeAction(
                    title=f"Replace with '{f.suggestion}' ({f.rule})",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[ls.diagnostic(placed, linted.sheets)],
                    edit=types.WorkspaceEdit(changes={params.text_document.uri: [edit]}),
                    is_preferred=True,
                )
            )
        return actions

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: FactlintServer, params: types.HoverParams) -> types.Hover | None:
        """The sheet's fact behind a finding under the cursor."""
        linted = ls.linted.get(params.text_document.uri)
        if linted is None:
            return None
        at = linted.positions.offset(params.position.line, params.position.character)
        hits = linted.at(at, at)
        if not hits:
            return None
        text = "\n\n---\n\n".join(hover_markdown(p.finding, linted.sheets) for p in hits)
        content = types.MarkupContent(kind=types.MarkupKind.Markdown, value=text)
        return types.Hover(contents=content, range=lsp_range(hits[0]))

    return server
