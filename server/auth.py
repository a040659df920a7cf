"""Optional bearer token for a shared deployment: every /v1 endpoint but health needs it."""

from __future__ import annotations

import hmac

from flask import Flask, request

from server.errors import ApiError

OPEN_PATHS = frozenset({"/v1/health"})


def validate_token(token: str) -> str:
    """A token must survive an HTTP header unchanged: visible ASCII, no spaces."""
    if not token or not all("!" <= ch <= "~" for ch in token):
        raise ValueError("the token must be non-empty visible ASCII without spaces")
    return token


def install_auth(app: Flask, token: str) -> None:
    expected = validate_token(token).encode()

    @app.before_request
    def require_token() -> None:
        if request.method == "OPTIONS" or not request.path.startswith("/v1/") or request.path in OPEN_PATHS:
            return
        scheme, _, credentials = request.headers.get("Authorization", "").strip().partition(" ")
        given = credentials.strip().encode("utf-8", "surrogateescape")
        # The scheme is case-insensitive (RFC 9110 11.1); constant-time comparison of the token, so
        # response timing does not reveal how much of a guess was right.
        if not hmac.compare_digest(given, expected) or scheme.lower() != "bearer":
            raise ApiError(
                401,
                "unauthorized",
                "missing or wrong bearer token (send 'Authorization: Bearer <token>')",
                {"WWW-Authenticate": 'Bearer realm="factlint"'},
            )
