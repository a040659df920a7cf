"""Helpers shared by the server tests: apps with options, a free port, and the real server in a subprocess."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Flask

from server.app import create_app

ROOT = Path(__file__).resolve().parent.parent
WRONG_DATE = "Andrej Karpathy announced on 12 June 2026 that he had joined Anthropic."
WRONG_BOSS = "Karpathy reports to Sam Altman."


def make_app(**options: Any) -> Flask:
    app = create_app({"TESTING": True, **options})
    return app


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http(method: str, url: str, body: Any = None, headers: dict[str, str] | None = None) -> tuple[int, Any, Any]:
    """One request with the standard library: (status, parsed JSON or bytes, headers)."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    if body is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, raw, head = response.status, response.read(), response.headers
    except urllib.error.HTTPError as exc:
        status, raw, head = exc.code, exc.read(), exc.headers
    if head.get_content_type() == "application/json":
        return status, json.loads(raw), head
    return status, raw, head


@dataclass
class LiveServer:
    url: str
    process: subprocess.Popen[str]

    def stop(self, timeout: float = 20) -> tuple[int, str]:
        """SIGTERM, as a service manager sends it; returns the exit code and everything it logged."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            out, _ = self.process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            out, _ = self.process.communicate()
        return self.process.returncode, out


def server_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.pop("FACTLINT_TOKEN", None)
    return env


@contextlib.contextmanager
def live_server(*args: str, workers: int = 1, timeout: float = 60) -> Iterator[LiveServer]:
    """`python -m server` (gunicorn) on a free loopback port, up and answering /v1/health."""
    port = free_port()
    command = [sys.executable, "-m", "server", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)]
    process = subprocess.Popen(
        [*command, *args],
        cwd=ROOT,
        env=server_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    server = LiveServer(f"http://127.0.0.1:{port}", process)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"server exited with {process.returncode}: {process.communicate()[0]}")
            with contextlib.suppress(OSError):
                if http("GET", server.url + "/v1/health")[0] == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError("server did not answer /v1/health in time")
            time.sleep(0.1)
        yield server
    finally:
        server.stop()
