"""CORS for the browser extension and a few configured sites, and nothing else.

Written here rather than taken from flask-cors: the policy is small (an allow-list, no wildcard,
extension origins matched by scheme or exact id), and flask-cors's defaults allow every origin,
so a missing option would silently open the API. Forty auditable lines beat a dependency whose
defaults we would have to override everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from flask import Flask, Response, request

from server.errors import error_response

EXTENSION_SCHEMES = ("chrome-extension", "moz-extension")
EXTENSION_ORIGIN = re.compile(r"^(chrome-extension|moz-extension)://([a-z0-9-]{1,64})$")
ALLOWED_METHODS = "GET, POST, OPTIONS"
ALLOWED_HEADERS = "Authorization, Content-Type"
MAX_AGE = "600"


def normalise_origin(origin: str) -> str:
    """Origins compare case-insensitively and without a trailing slash."""
    return origin.strip().rstrip("/").lower()


@dataclass(frozen=True)
class CorsPolicy:
    """Which origins may read responses: extension origins (any id, or only `extension_ids`) plus
    the exact `origins` configured."""

    origins: frozenset[str] = frozenset()
    extension_ids: frozenset[str] = frozenset()
    allow_extensions: bool = True

    @classmethod
    def build(
        cls, origins: Iterable[str] = (), extension_ids: Iterable[str] = (), allow_extensions: bool = True
    ) -> CorsPolicy:
        clean = {normalise_origin(o) for o in origins if o.strip()}
        if "*" in clean or "null" in clean:
            raise ValueError("allowed origins must be exact origins such as https://example.org, not '*' or 'null'")
        bad = [o for o in clean if not re.match(r"^[a-z][a-z0-9+.-]*://[^/\s]+$", o)]
        if bad:
            raise ValueError(f"not an origin (scheme://host[:port]): {bad[0]}")
        return cls(frozenset(clean), frozenset(i.strip().lower() for i in extension_ids if i.strip()), allow_extensions)

    def allows(self, origin: str | None) -> bool:
        if not origin:
            return False
        origin = normalise_origin(origin)
        if origin in self.origins:
            return True
        m = EXTENSION_ORIGIN.match(origin)
        if not m or not self.allow_extensions:
            return False
        return not self.extension_ids or m[2] in self.extension_ids


def is_preflight() -> bool:
    return request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers


def install_cors(app: Flask, policy: CorsPolicy) -> None:
    """Answer preflights for existing routes. The headers on every response for allowed origins
    (`Access-Control-Allow-Origin`, `Vary: Origin`) are added by server/headers.py."""

    @app.before_request
    def preflight() -> Response | None:
        if not is_preflight() or request.url_rule is None:
            return None  # not a preflight, or an unknown path: routing answers (404/405)
        if not policy.allows(request.headers.get("Origin")):
            return error_response(403, "origin_not_allowed", "this origin may not call the API")
        response = Response(status=204)
        response.headers["Access-Control-Allow-Methods"] = ALLOWED_METHODS
        response.headers["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
        response.headers["Access-Control-Max-Age"] = MAX_AGE
        if request.headers.get("Access-Control-Request-Private-Network") == "true":
            # Chrome's Private Network Access: a configured public site may call this loopback server.
            response.headers["Access-Control-Allow-Private-Network"] = "true"
        return response
