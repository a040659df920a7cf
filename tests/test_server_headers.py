"""server/headers.py: the headers every response carries, whatever produced it."""

from __future__ import annotations

from typing import Any

import pytest
from server_fixtures import make_app

from server.app import CSP, SECURITY_HEADERS
from server.cors import CorsPolicy
from server.headers import Header, ResponseHeaders

EXTENSION = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"


def respond(headers: list[Header], origin: str | None = None) -> dict[str, list[str]]:
    """Run a stub app answering with `headers` through the layer; the header values by name."""

    def app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        start_response("200 OK", list(headers))
        return [b""]

    seen: list[Header] = []
    environ = {"HTTP_ORIGIN": origin} if origin else {}
    ResponseHeaders(app, SECURITY_HEADERS, CorsPolicy.build())(environ, lambda status, h, exc=None: seen.extend(h))
    values: dict[str, list[str]] = {}
    for name, value in seen:
        values.setdefault(name.lower(), []).append(value)
    return values


def test_every_response_gets_the_security_headers_and_vary_origin() -> None:
    values = respond([("Content-Type", "application/json")])
    assert values["content-security-policy"] == [CSP]
    assert values["x-content-type-options"] == ["nosniff"]
    assert values["referrer-policy"] == ["no-referrer"]
    assert values["vary"] == ["Origin"]
    assert "access-control-allow-origin" not in values


def test_a_header_the_response_set_itself_is_kept() -> None:
    values = respond([("content-security-policy", "default-src 'self'"), ("Vary", "Accept-Encoding")])
    assert values["content-security-policy"] == ["default-src 'self'"]
    assert values["vary"] == ["Accept-Encoding, Origin"]
    assert respond([("Vary", "origin")])["vary"] == ["origin"]


@pytest.mark.parametrize(("origin", "allowed"), [(EXTENSION, True), ("https://evil.example", False), (None, False)])
def test_allow_origin_only_for_allowed_origins(origin: str | None, allowed: bool) -> None:
    values = respond([("Access-Control-Allow-Origin", "stale")], origin)
    assert values["access-control-allow-origin"] == ([origin] if allowed else ["stale"])


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [("POST", "/v1/check", 200), ("GET", "/v1/nope", 404), ("PUT", "/v1/check", 405), ("GET", "/", 200)],
)
def test_views_errors_and_pages_all_carry_them(method: str, path: str, status: int) -> None:
    client = make_app(warm_up=False).test_client()
    response = client.open(path, method=method, json={"text": "x"}, headers={"Origin": EXTENSION})
    assert response.status_code == status
    assert response.headers["Content-Security-Policy"] == CSP
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Access-Control-Allow-Origin"] == EXTENSION
    assert response.headers.getlist("Vary") == ["Origin"]
    if method == "POST":  # an answer about a client's text is never cached
        assert response.headers["Cache-Control"] == "no-store"
