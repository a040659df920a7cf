"""Schemathesis against the live server (gunicorn, as in production), from the document it serves.

Every operation gets schema-valid requests (which must be accepted) and schema-invalid ones (which
must be refused), and every response must match the document: status, content type, headers and
body schema, and never a 5xx. Bounded and repeatable for CI: a fixed seed (`derandomize`) and
100 examples per operation and mode, about half a minute in all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from server_fixtures import http, live_server

from linter.registry import registry
from server.spec import code_patterns


@pytest.fixture(scope="module")
def live_url() -> Iterator[str]:
    with live_server(workers=1) as server:
        yield server.url


@pytest.fixture(scope="module")
def live_schema(live_url: str) -> Any:
    return schemathesis.openapi.from_url(live_url + "/openapi.json")


schema = schemathesis.pytest.from_fixture("live_schema")


@schema.parametrize()
@settings(
    derandomize=True,
    max_examples=100,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)
def test_the_api_keeps_its_contract(case: Any, live_url: str) -> None:
    case.call_and_validate(base_url=live_url)


def test_the_served_document_names_this_servers_codes_and_sheets(live_url: str) -> None:
    status, document, _ = http("GET", live_url + "/openapi.json")
    assert status == 200
    schemas = document["components"]["schemas"]
    pattern = re.compile(schemas["RuleCode"]["pattern"])
    codes = list(registry().codes)
    for code in [*codes, "ALL", "all", "FL", "fl2", codes[0].lower()]:
        assert pattern.match(code), code
    for wrong in ["", "FL9999", "XY", "FL 1", "ALLL"]:
        assert not pattern.match(wrong), wrong
    assert schemas["CheckRequest"]["properties"]["sheet"]["enum"][-1] is None
    assert (
        http("GET", live_url + "/v1/health")[1]["sheets"] == schemas["CheckRequest"]["properties"]["sheet"]["enum"][:-1]
    )


def test_code_patterns_are_codes_and_their_prefixes() -> None:
    assert code_patterns(["FL101", "FL201"]) == ["ALL", "FL", "FL1", "FL10", "FL101", "FL2", "FL20", "FL201"]
