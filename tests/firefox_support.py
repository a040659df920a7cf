"""A second engine for the extension's library tests: Debian's firefox-esr driven over WebDriver BiDi (its
built-in remote agent) with a small client on `websockets`, so nothing is downloaded (no geckodriver, no
browser build of Playwright's). `FirefoxPage` offers the few Playwright page calls those tests use."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

FIREFOX = "/usr/bin/firefox-esr"
NEEDS_FIREFOX = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(FIREFOX).exists() and not os.environ.get("CI"),
        reason="needs Debian's firefox-esr at /usr/bin/firefox-esr (required in CI)",
    ),
]
LISTENING = re.compile(r"WebDriver BiDi listening on (ws://\S+)")
BLANK = b"<!doctype html><html><head><meta charset='utf-8'><title>blank</title></head><body></body></html>"
# What the page runs for evaluate(): Playwright's rule, a function is called with the argument, any other
# expression is its value; values go both ways as JSON.
CALL = """async (source, json) => {
    const value = (0, eval)('(' + source + ')');
    const result = typeof value === 'function' ? await value(JSON.parse(json)) : await value;
    return JSON.stringify(result === undefined ? null : result);
}"""


class BlankHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(BLANK)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class FirefoxPage:
    """One tab of a headless firefox-esr, through a WebDriver BiDi session."""

    def __init__(self, ws: Any, context: str, blank_url: str) -> None:
        self.ws = ws
        self.context = context
        self.blank_url = blank_url
        self.next_id = 0
        self.errors: list[str] = []

    def _send(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv(timeout=30))
            if message.get("type") == "event":
                self._on_event(message)
            elif message.get("id") == self.next_id:
                if message.get("type") == "error":
                    raise AssertionError(f"{method}: {message.get('error')}: {message.get('message')}")
                return dict(message["result"])

    def _on_event(self, event: dict[str, Any]) -> None:
        entry = event.get("params", {})
        if event.get("method") == "log.entryAdded" and entry.get("level") == "error":
            self.errors.append(str(entry.get("text")))

    def set_content(self, html: str) -> None:
        """A fresh document (and a fresh global) with `html` as its markup."""
        self._send("browsingContext.navigate", {"context": self.context, "url": self.blank_url, "wait": "complete"})
        self.evaluate("(html) => { document.open(); document.write(html); document.close(); }", html)

    def add_script_tag(self, path: str) -> None:
        source = Path(path).read_text(encoding="utf-8")
        self.evaluate(
            "(source) => { const s = document.createElement('script'); s.textContent = source; "
            "document.head.append(s); }",
            source,
        )

    def evaluate(self, expression: str, arg: Any = None) -> Any:
        answer = self._send(
            "script.callFunction",
            {
                "functionDeclaration": CALL,
                "arguments": [{"type": "string", "value": expression}, {"type": "string", "value": json.dumps(arg)}],
                "target": {"context": self.context},
                "awaitPromise": True,
            },
        )
        if answer.get("type") == "exception":
            raise AssertionError(f"firefox: {answer['exceptionDetails'].get('text')}")
        return json.loads(answer["result"]["value"])


@contextlib.contextmanager
def firefox_page() -> Iterator[FirefoxPage]:
    """A headless firefox-esr with a fresh profile, one tab, and a loopback server for blank pages."""
    from websockets.sync.client import connect

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), BlankHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    profile = tempfile.mkdtemp(prefix="factlint-firefox-")
    process = subprocess.Popen(
        [FIREFOX, "--headless", "--no-remote", "--profile", profile, "--remote-debugging-port=0"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = _wait_listening(process)
        with connect(f"{url}/session", max_size=None) as ws:
            page = FirefoxPage(ws, "", f"http://127.0.0.1:{server.server_port}/")
            page._send("session.new", {"capabilities": {}})
            page._send("session.subscribe", {"events": ["log.entryAdded"]})
            page.context = page._send("browsingContext.getTree", {})["contexts"][0]["context"]
            yield page
            with contextlib.suppress(Exception):
                page._send("browser.close", {})
    finally:
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(10)
        if process.poll() is None:
            process.kill()
            process.wait(10)
        server.shutdown()
        shutil.rmtree(profile, ignore_errors=True)


def _wait_listening(process: subprocess.Popen[str]) -> str:
    assert process.stderr is not None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if not line and process.poll() is not None:
            break
        found = LISTENING.search(line)
        if found:
            # Keep draining stderr, or firefox blocks once the pipe is full.
            threading.Thread(target=functools.partial(_drain, process), daemon=True).start()
            return found.group(1)
    raise AssertionError("firefox-esr did not start its WebDriver BiDi agent")


def _drain(process: subprocess.Popen[str]) -> None:
    assert process.stderr is not None
    for _ in process.stderr:
        pass
