"""Issue 11, the API rows: hostile JSON, empty rule codes, slow clients, DNS rebinding, limits that
agree, gunicorn's own errors as JSON, the bearer scheme's case, a port in use, and the contract."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from typing import Any

import pytest
from flask.testing import FlaskClient
from server_fixtures import ROOT, WRONG_DATE, free_port, http, live_server, make_app, server_env

from server.app import DEFAULT_CHECK_TIMEOUT, DEFAULT_MAX_BODY
from server.hosts import is_loopback_host

TOKEN = "hardening-token-0123456789"


@pytest.fixture(scope="module")
def client() -> FlaskClient:
    return make_app().test_client()


def post_raw(client: FlaskClient, body: bytes | str, **headers: str) -> Any:
    return client.post("/v1/check", data=body, headers={"Content-Type": "application/json", **headers})


def error_code(response: Any, status: int) -> str:
    assert response.status_code == status, response.data
    assert response.mimetype == "application/json"
    return response.get_json()["error"]["code"]


# Row 6 and row 12: numbers Python refuses or JSON does not have are 400, never 500.
@pytest.mark.parametrize(
    "body",
    [
        '{"text": "x", "published": ' + "9" * 4301 + "}",
        '{"text": "x", "select": [' + "1" * 5000 + "]}",
        '{"text": "x", "extract": NaN}',
        '{"text": "x", "extract": Infinity}',
        '{"text": "x", "extract": -Infinity}',
    ],
)
def test_numbers_outside_json_or_python_limits_are_400(client: FlaskClient, body: str) -> None:
    assert error_code(post_raw(client, body), 400) == "invalid_json"


def test_a_huge_integer_that_python_accepts_is_still_a_type_error(client: FlaskClient) -> None:
    response = post_raw(client, '{"text": "x", "published": ' + "9" * 4000 + "}")
    assert error_code(response, 400) == "invalid_field"


# Row 7: an empty code would match every rule; under "ignore" it silently turned them all off.
@pytest.mark.parametrize("codes", [[""], [" "], ["FL1", ""], ["FL 201"], ["*"], ["x" * 33]])
@pytest.mark.parametrize("field", ["ignore", "select"])
def test_empty_or_malformed_rule_codes_are_400(client: FlaskClient, field: str, codes: list[str]) -> None:
    response = client.post("/v1/check", json={"text": WRONG_DATE, field: codes})
    assert error_code(response, 400) == "invalid_field"


def test_real_codes_and_prefixes_still_work(client: FlaskClient) -> None:
    flagged = client.post("/v1/check", json={"text": WRONG_DATE, "ignore": ["FL2"], "select": ["fl1", "ALL"]})
    assert [f["rule"] for f in flagged.get_json()["findings"]] == ["FL101"]
    silenced = client.post("/v1/check", json={"text": WRONG_DATE, "ignore": ["FL101"]})
    assert silenced.get_json()["findings"] == []


# Row 10: without a token only loopback names; with one, any name (the token protects it).
@pytest.mark.parametrize(
    ("host", "loopback"),
    [("localhost", True), ("localhost:8000", True), ("LOCALHOST", True), ("127.0.0.1:1", True),
     ("[::1]", True), ("[::1]:8000", True), ("attacker.example", False), ("attacker.example:8000", False),
     ("localhost.attacker.example", False), ("127.0.0.1.nip.io", False), ("127.0.0.2", False),
     ("", False), ("[::1", False), ("localhost:80:80", False), ("::1", False)],
)  # fmt: skip
def test_loopback_host_names(host: str, loopback: bool) -> None:
    assert is_loopback_host(host) is loopback


def test_rebound_host_name_is_refused_without_a_token(client: FlaskClient) -> None:
    for path in ("/v1/health", "/v1/facts", "/"):
        response = client.get(path, headers={"Host": "attacker.example"})
        assert error_code(response, 400) == "invalid_host"
    refused = client.post("/v1/check", json={"text": WRONG_DATE}, headers={"Host": "attacker.example:8000"})
    assert error_code(refused, 400) == "invalid_host"
    for host in ("localhost:8000", "127.0.0.1:8000", "[::1]:8000"):
        assert client.get("/v1/health", headers={"Host": host}).status_code == 200


def test_any_host_name_is_served_with_a_token() -> None:
    client = make_app(token=TOKEN, warm_up=False).test_client()
    response = client.get("/v1/facts", headers={"Host": "factlint.example", "Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200


# Row 12: the auth scheme is case-insensitive; the token is not.
@pytest.mark.parametrize("header", [f"Bearer {TOKEN}", f"bearer {TOKEN}", f"BEARER {TOKEN}", f"Bearer  {TOKEN} "])
def test_bearer_scheme_in_any_case(header: str) -> None:
    client = make_app(token=TOKEN, warm_up=False).test_client()
    assert client.get("/v1/rules", headers={"Authorization": header}).status_code == 200


@pytest.mark.parametrize("header", [f"Basic {TOKEN}", TOKEN, f"Bearer {TOKEN.upper()}", "Bearer", f"Bearer{TOKEN}"])
def test_wrong_scheme_or_token_is_401(header: str) -> None:
    client = make_app(token=TOKEN, warm_up=False).test_client()
    assert error_code(client.get("/v1/rules", headers={"Authorization": header}), 401) == "unauthorized"


# Row 13: the OpenAPI document and the server agree on what a request may hold.
def test_null_text_beside_html_is_refused(client: FlaskClient) -> None:
    assert error_code(client.post("/v1/check", json={"html": "<p>x</p>", "text": None}), 400) == "invalid_field"
    assert error_code(client.post("/v1/check", json={"text": "x", "html": None}), 400) == "invalid_field"


def test_an_empty_sheet_id_names_no_sheet(client: FlaskClient) -> None:
    assert error_code(client.post("/v1/check", json={"text": WRONG_DATE, "sheet": ""}), 400) == "unknown_sheet"


def test_extract_with_text_in_html_format_is_accepted(client: FlaskClient) -> None:
    page = f"<html><body><article><p>{WRONG_DATE}</p></article></body></html>"
    response = client.post("/v1/check", json={"text": page, "format": "html", "extract": True})
    assert [f["rule"] for f in response.get_json()["findings"]] == ["FL101"]


def _schema_validator() -> Any:
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    document = json.loads((ROOT / "server" / "openapi.json").read_text())
    registry = Registry().with_resource("urn:spec", Resource.from_contents(document, DRAFT202012))
    return Draft202012Validator({"$ref": "urn:spec#/components/schemas/CheckRequest"}, registry=registry)


@pytest.mark.parametrize(
    "body",
    [
        {"html": "", "text": None},
        {"text": None},
        {"text": "x", "extract": True},
        {"text": "x", "format": "markdown", "extract": True},
        {"html": "<p>x</p>", "format": "markdown"},
        {"text": "x", "ignore": [""]},
        {"text": "x", "select": ["F" * 33]},
        {"text": "x", "select": ["FL-1"]},
        {"text": "x", "html": "y"},
        {"text": "x", "url": "http://127.0.0.1/"},
        {"text": 1},
    ],
)
def test_what_the_spec_forbids_the_server_refuses(client: FlaskClient, body: dict[str, Any]) -> None:
    assert list(_schema_validator().iter_errors(body)), "the spec should forbid this body"
    assert client.post("/v1/check", json=body).status_code == 400


@pytest.mark.parametrize(
    "body",
    [
        {"text": "x"},
        {"text": "x", "extract": False, "format": "markdown"},
        {"text": "<p>x</p>", "format": "html", "extract": True},
        {"html": "<p>x</p>", "extract": True, "format": "html"},
        {"html": "<p>x</p>", "extract": None, "format": None},
        {"text": "x", "select": ["FL1", "fl201", "ALL"], "ignore": ["FL" + "0" * 30]},
    ],
)
def test_what_the_spec_allows_the_server_accepts(client: FlaskClient, body: dict[str, Any]) -> None:
    assert not list(_schema_validator().iter_errors(body))
    response = client.post("/v1/check", json=body)
    assert response.status_code in (200, 400), response.data
    if response.status_code == 400:  # a well-formed prefix that names no rule: the one 400 the spec allows
        assert response.get_json()["error"]["code"] == "unknown_rule"


# Row 11: the default body limit is one the engine finishes well within the default deadline.
def test_a_body_at_the_limit_finishes_well_within_the_deadline(client: FlaskClient) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from load_api import article

    body = json.dumps({"text": article(DEFAULT_MAX_BODY)})  # dense prose: a fact in nearly every sentence
    body = body[: DEFAULT_MAX_BODY - 2].rsplit(" ", 1)[0] + '"}'
    assert DEFAULT_MAX_BODY - 100 < len(body.encode()) <= DEFAULT_MAX_BODY
    started = time.monotonic()
    response = post_raw(client, body)
    elapsed = time.monotonic() - started
    assert response.status_code == 200 and len(response.get_json()["findings"]) > 100
    assert elapsed < DEFAULT_CHECK_TIMEOUT / 2, f"{elapsed:.1f} s for {DEFAULT_MAX_BODY} bytes"
    over = json.dumps({"text": "x" * DEFAULT_MAX_BODY})
    assert error_code(post_raw(client, over), 413) == "payload_too_large"


# The live server: slow clients, gunicorn's own errors, a port in use.
def _port(url: str) -> int:
    return int(url.rsplit(":", 1)[1])


def read_all(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection."""
    answer = b""
    while chunk := sock.recv(4096):
        answer += chunk
    return answer


def _partial_body_client(port: int) -> socket.socket:
    """A client that announces a body and sends only the start of it, then goes quiet."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    sock.sendall(
        b"POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Content-Length: 100000\r\n\r\n" + b'{"text": "Karpathy'
    )
    return sock


def test_idle_partial_body_clients_do_not_hold_the_worker() -> None:
    with live_server(workers=1) as server:
        idle = [_partial_body_client(_port(server.url)) for _ in range(2)]
        time.sleep(1)  # both are inside the server, waiting for the rest of their bodies
        started = time.monotonic()
        status, body, _ = http("GET", server.url + "/v1/health")
        assert status == 200 and body["status"] == "ok" and time.monotonic() - started < 5
        assert http("POST", server.url + "/v1/check", {"text": WRONG_DATE})[0] == 200
        for sock in idle:  # and the stalled ones are answered and closed, not held forever
            answer = read_all(sock)
            assert answer.startswith(b"HTTP/1.1 408") and b'"request_timeout"' in answer
            sock.close()
        code, log = server.stop()
    assert code == 0 and "Traceback" not in log


@pytest.mark.parametrize(
    "raw",
    [b"GARBAGE\r\n\r\n", b"GET /v1/health HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n",
     b"GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header: x\r\n\r\n"],
)  # fmt: skip
def test_malformed_http_gets_a_json_error(raw: bytes, shared_server: str) -> None:
    with socket.create_connection(("127.0.0.1", _port(shared_server)), timeout=30) as sock:
        sock.sendall(raw)
        answer = read_all(sock)
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400"), answer
    assert b"Content-Type: application/json" in head and b"text/html" not in head
    assert set(json.loads(body)["error"]) == {"code", "message"}


@pytest.fixture(scope="module")
def shared_server() -> Any:
    with live_server() as server:
        yield server.url


def test_port_in_use_is_one_line_and_exit_2() -> None:
    port = free_port()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", port))
        taken.listen()
        result = subprocess.run(
            [sys.executable, "-m", "server", "--port", str(port)],
            cwd=ROOT,
            env=server_env(),
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert f"127.0.0.1:{port}" in line and "in use" in line


def test_the_worker_class_is_threaded_and_documented() -> None:
    from server.worker import THREADS, WORKER_CLASS

    docs = (ROOT / "docs" / "server.md").read_text(encoding="utf-8")
    assert WORKER_CLASS.endswith("ThreadWorker") and THREADS >= 3
    assert "gthread" in docs and f"{THREADS} threads" in docs
    limit_kib = DEFAULT_MAX_BODY // 1024
    assert f"{limit_kib} KiB" in docs and f"{DEFAULT_CHECK_TIMEOUT:g} s" in docs
