"""server/jsonbody.py: the same JSON with orjson or without it, and every answer encodes."""

from __future__ import annotations

import json
from typing import Any

import pytest
from server_fixtures import make_app

import server.jsonbody
from server.jsonbody import dumps

PAYLOADS: list[Any] = [
    {"version": 1, "text": "Karpathy ✓ 🚀 said", "findings": [{"start": 0, "end": 8, "fix": None}], "ok": True},
    {"text": "lone \ud800 surrogate", "n": 2**70},  # neither is something orjson encodes
    {"z": 1, "a": [1.5, None, "x"]},  # insertion order, not sorted
]


@pytest.fixture(params=["orjson", "json"])
def encoder(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "json":
        monkeypatch.setattr(server.jsonbody, "orjson", None)
    elif server.jsonbody.orjson is None:
        pytest.skip("orjson is not installed")
    return str(request.param)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_dumps_is_compact_json_in_insertion_order(encoder: str, payload: Any) -> None:
    body = dumps(payload)
    assert body.endswith(b"\n") and b": " not in body and b", " not in body
    assert json.loads(body) == payload
    assert list(json.loads(body)) == list(payload)
    body.decode("utf-8")  # valid UTF-8 even for a lone surrogate (escaped)


def test_a_lone_surrogate_in_the_text_is_answered(encoder: str) -> None:
    client = make_app(warm_up=False).test_client()
    response = client.post(
        "/v1/check", data='{"text": "Karpathy \\ud800 joined Anthropic."}', content_type="application/json"
    )
    assert response.status_code == 200
    assert json.loads(response.data)["text"] == "Karpathy \ud800 joined Anthropic."


def test_facts_and_rules_are_encoded_once() -> None:
    app = make_app(warm_up=False)
    client = app.test_client()
    first, second = client.get("/v1/facts").data, client.get("/v1/facts").data
    assert first == second == app.extensions["factlint.sheets"].facts_body
    assert json.loads(client.get("/v1/rules").data)["version"] == 1
