"""CORS (extension origins and configured ones, never a wildcard) and the optional bearer token."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from server_fixtures import WRONG_DATE, make_app

from server.auth import validate_token
from server.cors import CorsPolicy

CHROME = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"
FIREFOX = "moz-extension://3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b"
SITE = "https://newsroom.example"
TOKEN = "correct-horse-battery-staple"


@pytest.fixture(scope="module")
def app() -> Flask:
    return make_app(allow_origins=[SITE + "/"], warm_up=False)


@pytest.fixture(scope="module")
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def preflight(client: FlaskClient, origin: str, path: str = "/v1/check", **headers: str) -> Any:
    return client.options(
        path,
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type, authorization",
            **headers,
        },
    )


@pytest.mark.parametrize("origin", [CHROME, FIREFOX, SITE])
def test_preflight_from_allowed_origins(client: FlaskClient, origin: str) -> None:
    response = preflight(client, origin)
    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Origin"] == origin
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    allowed_headers = response.headers["Access-Control-Allow-Headers"].lower()
    assert "content-type" in allowed_headers and "authorization" in allowed_headers
    assert "Origin" in response.headers["Vary"]


@pytest.mark.parametrize(
    "origin",
    [
        "https://evil.example",
        "http://newsroom.example",  # scheme differs from the configured origin
        "https://newsroom.example.evil.example",
        "null",
        "chrome-extension://",
        "chrome-extension://abc/../x",
        "safari-web-extension://abc",
    ],
)
def test_preflight_from_other_origins_is_refused(client: FlaskClient, origin: str) -> None:
    response = preflight(client, origin)
    assert response.status_code == 403
    assert response.get_json()["error"]["code"] == "origin_not_allowed"
    assert "Access-Control-Allow-Origin" not in response.headers


@pytest.mark.parametrize("origin", [CHROME, FIREFOX, SITE])
def test_actual_request_from_allowed_origin_gets_cors_headers(client: FlaskClient, origin: str) -> None:
    response = client.post("/v1/check", json={"text": WRONG_DATE}, headers={"Origin": origin})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == origin
    assert "Origin" in response.headers["Vary"]


def test_errors_also_carry_cors_headers_so_clients_can_read_them(client: FlaskClient) -> None:
    response = client.post("/v1/check", json={"nope": 1}, headers={"Origin": CHROME})
    assert response.status_code == 400 and response.headers["Access-Control-Allow-Origin"] == CHROME


def test_other_origins_get_no_cors_headers_and_never_a_wildcard(client: FlaskClient) -> None:
    response = client.get("/v1/health", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in response.headers
    for path in ("/v1/health", "/v1/rules", "/v1/facts", "/openapi.json", "/"):
        for origin in (CHROME, SITE, "https://evil.example", None):
            headers = {"Origin": origin} if origin else {}
            assert client.get(path, headers=headers).headers.get("Access-Control-Allow-Origin") != "*"


def test_extension_ids_restrict_extension_origins() -> None:
    client = make_app(extension_ids=["abcdefghijklmnopabcdefghijklmnop"], warm_up=False).test_client()
    assert preflight(client, CHROME).status_code == 204
    assert preflight(client, "chrome-extension://pppppppppppppppppppppppppppppppp").status_code == 403
    assert preflight(client, FIREFOX).status_code == 403


def test_private_network_preflight(client: FlaskClient) -> None:
    response = preflight(client, SITE, **{"Access-Control-Request-Private-Network": "true"})
    assert response.headers["Access-Control-Allow-Private-Network"] == "true"


def test_preflight_on_unknown_path_is_404(client: FlaskClient) -> None:
    assert preflight(client, CHROME, "/v1/nope").status_code == 404


@pytest.mark.parametrize("origins", [["*"], ["null"], ["newsroom.example"], ["https://a.example/path"]])
def test_wildcards_and_non_origins_are_refused_in_config(origins: list[str]) -> None:
    with pytest.raises(ValueError):
        CorsPolicy.build(origins)


# -------------------------------------------------------------------------------------------- token
@pytest.fixture(scope="module")
def locked() -> FlaskClient:
    return make_app(token=TOKEN, warm_up=False).test_client()


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [("POST", "/v1/check", {"text": WRONG_DATE}), ("GET", "/v1/facts", None), ("GET", "/v1/rules", None)],
)
@pytest.mark.parametrize(
    "authorization",
    [None, "", f"Bearer {TOKEN[:-1]}", f"Bearer {TOKEN}x", f"bearer{TOKEN}", TOKEN, f"Basic {TOKEN}", "Bearer é"],
)
def test_token_is_required_on_v1(
    locked: FlaskClient, method: str, path: str, body: dict[str, Any] | None, authorization: str | None
) -> None:
    headers = {"Authorization": authorization} if authorization is not None else {}
    response = locked.open(path, method=method, json=body, headers=headers)
    assert response.status_code == 401
    assert response.get_json()["error"]["code"] == "unauthorized"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize(("method", "path"), [("POST", "/v1/check"), ("GET", "/v1/facts"), ("GET", "/v1/rules")])
def test_right_token_is_accepted(locked: FlaskClient, method: str, path: str) -> None:
    body = {"text": WRONG_DATE} if method == "POST" else None
    response = locked.open(path, method=method, json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200


@pytest.mark.parametrize("path", ["/v1/health", "/", "/openapi.json", "/static/app.js"])
def test_health_page_and_document_stay_open(locked: FlaskClient, path: str) -> None:
    assert locked.get(path).status_code == 200


def test_preflight_needs_no_token(locked: FlaskClient) -> None:
    assert preflight(locked, CHROME).status_code == 204


def test_unknown_path_with_token_required_is_still_401_not_a_map_of_routes(locked: FlaskClient) -> None:
    assert locked.get("/v1/secret-admin").status_code == 401


@pytest.mark.parametrize("token", ["", "has space", "tab\there", "é-accent"])
def test_tokens_that_cannot_travel_in_a_header_are_refused(token: str) -> None:
    with pytest.raises(ValueError):
        validate_token(token)
