"""Without a token, only loopback host names: a defence against DNS rebinding.

A page on attacker.example can make its own name resolve to 127.0.0.1 and then talk to a server
on loopback as a "same-origin" request, with no CORS preflight. The browser still sends
`Host: attacker.example`, so a token-less server answers only requests addressed to a loopback
name. With a token set, the token is the protection and any host name is served.
"""

from __future__ import annotations

import re

from flask import Flask, request

from server.errors import ApiError

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "[::1]"})
HOST = re.compile(r"(?P<name>\[[^\]]*\]|[^:]*)(?::\d{1,5})?\Z")


def is_loopback_host(header: str) -> bool:
    """True for `localhost`, `127.0.0.1` and `[::1]`, with or without a port (case-insensitive)."""
    m = HOST.match(header.strip())
    return m is not None and m["name"].lower().rstrip(".") in LOOPBACK_NAMES


def install_host_check(app: Flask) -> None:
    @app.before_request
    def require_loopback_host() -> None:
        host = request.headers.get("Host", "")
        if not is_loopback_host(host):
            raise ApiError(
                400,
                "invalid_host",
                f"host {host[:64]!r} is not a loopback name; without a token the API answers only "
                "localhost, 127.0.0.1 and [::1] (start it with --token to serve other names)",
            )
