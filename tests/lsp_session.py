"""A real LSP client session (pygls' client) against `python -m linter lsp` over stdio."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Callable
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 30.0


class Session:
    """One server process; `diagnostics[uri]` holds the last published list for each buffer."""

    def __init__(self) -> None:
        self.client = LanguageClient("factlint-tests", "0")
        self.diagnostics: dict[str, list[types.Diagnostic]] = {}
        self.versions: dict[str, int] = {}
        self.published = asyncio.Condition()
        self.messages: list[str] = []

        @self.client.feature(types.WINDOW_SHOW_MESSAGE)
        def on_message(params: types.ShowMessageParams) -> None:
            self.messages.append(params.message)

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        async def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
            async with self.published:
                self.diagnostics[params.uri] = list(params.diagnostics)
                self.published.notify_all()

    async def start(self, *args: str, cwd: Path | None = None) -> types.InitializeResult:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "FACTLINT_NO_CACHE": "1"}
        await self.client.start_io(sys.executable, "-m", "linter", "lsp", *args, env=env, cwd=str(cwd or ROOT))
        capabilities = types.ClientCapabilities(
            general=types.GeneralClientCapabilities(position_encodings=[types.PositionEncodingKind.Utf16])
        )
        result = await self.client.initialize_async(types.InitializeParams(capabilities=capabilities))
        self.client.initialized(types.InitializedParams())
        return result

    async def open(self, uri: str, text: str, language: str) -> list[types.Diagnostic]:
        self.versions[uri] = 1
        self.diagnostics.pop(uri, None)
        item = types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
        return await self.wait(uri, lambda _: True)

    async def change(self, uri: str, text: str) -> None:
        """Replace the whole buffer (a full-text change event)."""
        self.versions[uri] += 1
        doc = types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri])
        event = types.TextDocumentContentChangeWholeDocument(text=text)
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(doc, [event]))

    async def wait(
        self, uri: str, ready: Callable[[list[types.Diagnostic]], bool], fresh: bool = True
    ) -> list[types.Diagnostic]:
        """The diagnostics for `uri` once `ready` accepts them (after the next publish if `fresh`)."""
        if fresh:
            self.diagnostics.pop(uri, None)

        async def until() -> list[types.Diagnostic]:
            async with self.published:
                await self.published.wait_for(lambda: uri in self.diagnostics and ready(self.diagnostics[uri]))
                return self.diagnostics[uri]

        try:
            return await asyncio.wait_for(until(), TIMEOUT)
        except TimeoutError:
            raise AssertionError(f"no diagnostics for {uri}; server said: {self.messages}") from None

    async def code_actions(self, uri: str, diagnostic: types.Diagnostic) -> list[types.CodeAction]:
        params = types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic]),
        )
        result = await self.client.text_document_code_action_async(params)
        return [a for a in result or [] if isinstance(a, types.CodeAction)]

    async def hover(self, uri: str, position: types.Position) -> types.Hover | None:
        params = types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=position)
        return await self.client.text_document_hover_async(params)

    async def close(self) -> int | None:
        """shutdown, exit, and the server's exit code."""
        await self.client.shutdown_async(None)
        self.client.exit(None)
        server = self.client._server
        code = await asyncio.wait_for(server.wait(), TIMEOUT) if server is not None else None
        await self.client.stop()
        return code
