"""The real server: gunicorn started by `python -m server` on a free loopback port, over real HTTP."""

from __future__ import annotations

import http.client
import json
import subprocess
import sys
import threading

import pytest
from server_fixtures import ROOT, WRONG_DATE, live_server, server_env
from server_fixtures import http as http_request

from server.serve import ServeError, bind_address, check_bind, is_loopback


def test_real_server_answers_logs_each_request_and_stops_cleanly_on_sigterm() -> None:
    with live_server(workers=2) as server:
        status, body, _ = http_request("GET", server.url + "/v1/health")
        assert status == 200 and body["status"] == "ok"
        status, body, headers = http_request("POST", server.url + "/v1/check", {"text": "😀 " + WRONG_DATE})
        assert status == 200 and headers["Content-Type"] == "application/json"
        (finding,) = body["findings"]
        assert (finding["start"], finding["start_utf16"]) == (31, 32)
        status, body, _ = http_request("GET", server.url + "/v1/nope")
        assert status == 404 and body["error"]["code"] == "not_found"
        status, body, _ = http_request("POST", server.url + "/v1/check", {"text": "x", "url": "http://127.0.0.1:1/"})
        assert status == 400 and body["error"]["code"] == "unknown_field"
        status, page, _ = http_request("GET", server.url + "/")
        assert status == 200 and b"check-form" in page

        # Concurrent requests from several clients all succeed.
        results: list[int] = []

        def hit() -> None:
            results.append(http_request("POST", server.url + "/v1/check", {"text": WRONG_DATE})[0])

        threads = [threading.Thread(target=hit) for _ in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert results == [200] * 16

        code, log = server.stop()
    assert code == 0, log
    assert "Handling signal: term" in log and "Shutting down" in log
    assert log.count('"GET /v1/health HTTP/1.1" 200') >= 1
    assert log.count('"POST /v1/check HTTP/1.1" 200') == 17
    assert log.count('"GET /v1/nope HTTP/1.1" 404') == 1
    assert "Traceback" not in log


def test_real_server_with_token() -> None:
    with live_server("--token", "live-test-token-123") as server:
        assert http_request("GET", server.url + "/v1/health")[0] == 200
        status, body, _ = http_request("POST", server.url + "/v1/check", {"text": WRONG_DATE})
        assert status == 401 and body["error"]["code"] == "unauthorized"
        auth = {"Authorization": "Bearer live-test-token-123"}
        assert http_request("POST", server.url + "/v1/check", {"text": WRONG_DATE}, auth)[0] == 200
        code, _ = server.stop()
    assert code == 0


def test_real_server_refuses_large_bodies_chunked_or_not() -> None:
    body = json.dumps({"text": WRONG_DATE * 100}).encode()
    with live_server("--max-body", "2KB") as server:
        for chunked in (False, True):
            connection = http.client.HTTPConnection("127.0.0.1", int(server.url.rsplit(":", 1)[1]), timeout=30)
            headers = {"Content-Type": "application/json"}
            if chunked:
                connection.request("POST", "/v1/check", body=iter([body[:1000], body[1000:]]), headers=headers)
            else:
                connection.request("POST", "/v1/check", body=body, headers=headers)
            response = connection.getresponse()
            assert response.status == 413, (chunked, response.read())
            assert json.loads(response.read())["error"]["code"] == "payload_too_large"
            connection.close()
        code, _ = server.stop()
    assert code == 0


def test_real_server_answers_a_check_over_its_time_limit_with_503() -> None:
    with live_server("--check-timeout", "0.001") as server:
        status, body, _ = http_request("POST", server.url + "/v1/check", {"text": WRONG_DATE * 200})
        assert status == 503 and body["error"]["code"] == "check_timeout"
        assert http_request("GET", server.url + "/v1/health")[0] == 200  # the worker lives on
        code, log = server.stop()
    assert code == 0 and "WORKER TIMEOUT" not in log


def test_serve_joins_the_factlint_cli_through_its_entry_point() -> None:
    import click

    from linter.cli import cli

    ctx = click.Context(cli)
    assert "serve" not in cli.commands  # not imported by the engine's CLI ...
    assert "serve" in cli.list_commands(ctx)  # ... but registered by the server package
    command = cli.get_command(ctx, "serve")
    assert command is not None and command.name == "serve"


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "server", *args],
        cwd=ROOT,
        env=env or server_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10", "example.org"])
def test_non_loopback_host_without_token_is_refused(host: str) -> None:
    result = run_cli("--host", host, "--port", "1")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "refusing to listen on" in lines[0] and "--token" in lines[0]


def test_non_loopback_host_with_empty_token_env_is_refused() -> None:
    result = run_cli("--host", "0.0.0.0", "--port", "1", env={**server_env(), "FACTLINT_TOKEN": ""})
    assert result.returncode == 2 and "refusing" in result.stderr


def test_broken_sheet_is_one_line_and_exit_2(tmp_path: object) -> None:
    result = run_cli("--facts", "/no/such/sheet.toml", "--port", "1")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "factlint serve: /no/such/sheet.toml: invalid fact sheet: file not found"
    ]


def test_bad_origin_is_one_line_and_exit_2() -> None:
    result = run_cli("--allow-origin", "*", "--port", "1")
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1


def test_importing_the_command_does_not_import_flask() -> None:
    code = "import sys, server.cli; assert 'flask' not in sys.modules and 'gunicorn' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=server_env(), check=True, timeout=60)


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.0.0.2", True), ("localhost", True), ("::1", True), ("[::1]", True),
     ("0.0.0.0", False), ("::", False), ("10.0.0.1", False), ("example.org", False)],
)  # fmt: skip
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_check_bind() -> None:
    check_bind("127.0.0.1", None)
    check_bind("0.0.0.0", "a-token")
    with pytest.raises(ServeError):
        check_bind("0.0.0.0", None)


def test_bind_address_brackets_ipv6() -> None:
    assert bind_address("::1", 8000) == "[::1]:8000"
    assert bind_address("127.0.0.1", 8000) == "127.0.0.1:8000"


def test_max_body_sizes() -> None:
    from server.cli import ByteSize

    size = ByteSize()
    assert [size.convert(v, None, None) for v in ("100", "2KB", "1MB", "1 mib", "3k")] == [
        100,
        2048,
        1024**2,
        1024**2,
        3072,
    ]
    with pytest.raises(Exception, match="not a size"):
        size.convert("lots", None, None)
