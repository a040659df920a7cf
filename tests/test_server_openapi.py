"""The OpenAPI document describes what the endpoints really return: real responses validate against it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from server_fixtures import WRONG_DATE, make_app

DOCUMENT = json.loads((Path(__file__).resolve().parent.parent / "server" / "openapi.json").read_text())
REGISTRY = Registry().with_resource("urn:factlint:openapi", Resource.from_contents(DOCUMENT, DRAFT202012))


def validator(schema_name: str) -> Draft202012Validator:
    schema = {"$ref": f"urn:factlint:openapi#/components/schemas/{schema_name}"}
    return Draft202012Validator(schema, registry=REGISTRY, format_checker=FormatChecker())


def response_schema_name(path: str, method: str, status: int) -> str:
    """The component schema the document names for this response (following a $ref'd response)."""
    response = DOCUMENT["paths"][path][method.lower()]["responses"][str(status)]
    if "$ref" in response:
        response = DOCUMENT["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
    return response["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]


def assert_valid(path: str, method: str, status: int, body: Any) -> None:
    errors = sorted(validator(response_schema_name(path, method, status)).iter_errors(body), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


@pytest.fixture(scope="module")
def app() -> Flask:
    return make_app(token="s3cret-token-for-tests", max_body=4096)


AUTH = {"Authorization": "Bearer s3cret-token-for-tests"}


@pytest.mark.parametrize(
    "body",
    [
        {"text": WRONG_DATE},
        {"text": "😀 " + WRONG_DATE, "format": "markdown", "select": ["FL1"], "ignore": ["FL103"]},
        {"html": f"<article><p>{WRONG_DATE}</p></article>", "extract": True, "published": "2026-05-22"},
        {"text": "Nothing to see here."},
    ],
)
def test_check_responses_match_the_schema(app: Flask, body: dict[str, Any]) -> None:
    assert not list(validator("CheckRequest").iter_errors(body))
    response = app.test_client().post("/v1/check", json=body, headers=AUTH)
    assert response.status_code == 200
    assert_valid("/v1/check", "POST", 200, response.get_json())


def test_a_real_finding_is_validated(app: Flask) -> None:
    body = app.test_client().post("/v1/check", json={"text": WRONG_DATE}, headers=AUTH).get_json()
    assert body["findings"], "the schema check needs at least one finding"


@pytest.mark.parametrize("path", ["/v1/facts", "/v1/rules", "/v1/health"])
def test_get_responses_match_the_schema(app: Flask, path: str) -> None:
    response = app.test_client().get(path, headers=AUTH)
    assert response.status_code == 200
    assert_valid(path, "GET", 200, response.get_json())


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"data": "{bad", "content_type": "application/json", "headers": AUTH}, 400),
        ({"json": {"text": "x", "sheet": "nope"}, "headers": AUTH}, 400),
        ({"json": {"text": "x"}}, 401),
        ({"json": {"text": "x" * 5000}, "headers": AUTH}, 413),
        ({"data": "text=x", "content_type": "text/plain", "headers": AUTH}, 415),
    ],
)
def test_error_responses_match_the_schema(app: Flask, kwargs: dict[str, Any], status: int) -> None:
    response = app.test_client().post("/v1/check", **kwargs)
    assert response.status_code == status
    assert_valid("/v1/check", "POST", status, response.get_json())


def test_timeout_response_matches_the_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    import server.views

    monkeypatch.setattr(server.views.engine_api, "check", lambda *a, **k: time.sleep(5))
    response = make_app(check_timeout=0.1, warm_up=False).test_client().post("/v1/check", json={"text": "x"})
    assert response.status_code == 503
    assert_valid("/v1/check", "POST", 503, response.get_json())


def test_every_route_is_documented_and_every_documented_path_exists(app: Flask) -> None:
    served = {
        (rule.rule, method.lower())
        for rule in app.url_map.iter_rules()
        if not rule.rule.startswith("/static")
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    documented = {(path, method) for path, item in DOCUMENT["paths"].items() for method in item}
    assert served == documented


def test_request_schema_fields_match_the_validator() -> None:
    from server.validation import FIELDS

    assert set(DOCUMENT["components"]["schemas"]["CheckRequest"]["properties"]) == FIELDS


def test_document_is_valid_openapi_31() -> None:
    spec_validator = pytest.importorskip("openapi_spec_validator")
    spec_validator.validate(DOCUMENT)
