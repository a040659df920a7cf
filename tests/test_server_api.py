"""/v1 endpoints through Flask's test client, against the real engine and the embedded sheet."""

from __future__ import annotations

import io
import json
import re
import time
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient
from server_fixtures import WRONG_DATE, make_app

import linter
from linter.registry import registry
from linter.sheet import SheetError, builtin_sheet_path, default_sheet

NAV_PAGE = (
    "<html><head><title>News</title></head><body><nav><ul><li><a href='/a'>{wrong}</a></li></ul></nav>"
    "<main><article><h1>Karpathy joins Anthropic</h1>{paras}</article></main><footer><p>{wrong}</p></footer>"
    "</body></html>"
).format(
    wrong=WRONG_DATE,
    paras="<p>Andrej Karpathy said in a post on X that he had joined Anthropic's pre-training team. He will build "
    "a new team that uses Claude to speed up research on pre-training, a field he knows well.</p>",
)


@pytest.fixture(scope="module")
def client() -> FlaskClient:
    return make_app().test_client()


def check(client: FlaskClient, **body: Any) -> dict[str, Any]:
    response = client.post("/v1/check", json=body)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def error_of(response: Any, status: int, code: str) -> str:
    """Assert a JSON error with the status and code; return its message."""
    assert response.status_code == status, response.data
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code
    return body["error"]["message"]


# ---------------------------------------------------------------------------------------- endpoints
def test_health(client: FlaskClient) -> None:
    body = client.get("/v1/health").get_json()
    sheet_id = default_sheet().id
    assert body == {
        "status": "ok",
        "version": linter.__version__,
        "sheets": [sheet_id],
        "default_sheet": sheet_id,
        "rules": len(registry().codes),
    }


def test_rules_lists_every_rule_with_docs(client: FlaskClient) -> None:
    rules = client.get("/v1/rules").get_json()["rules"]
    assert [r["code"] for r in rules] == [r.code for r in registry().rules()]
    for payload, rule in zip(rules, registry().rules(), strict=True):
        assert payload == {"code": rule.code, "name": rule.name, "summary": rule.summary(), "explain": rule.explain()}


def test_facts_returns_the_loaded_sheet(client: FlaskClient) -> None:
    body = client.get("/v1/facts").get_json()
    assert body["version"] == 1 and body["default"] == default_sheet().id
    (sheet,) = body["sheets"]
    assert sheet == default_sheet().to_dict()
    assert any(f["id"] == "announcement-date" for f in sheet["facts"])


def test_openapi_document(client: FlaskClient) -> None:
    response = client.get("/openapi.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert response.get_json()["openapi"].startswith("3.1")


def test_page_and_its_assets(client: FlaskClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.mimetype == "text/html"
    assert b'id="check-form"' in page.data
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    for asset, mimetype in (("app.js", "text/javascript"), ("app.css", "text/css")):
        response = client.get(f"/static/{asset}")
        assert response.status_code == 200 and response.mimetype == mimetype


def test_page_script_never_uses_innerhtml() -> None:
    script = (Path(__file__).resolve().parent.parent / "server" / "static" / "app.js").read_text()
    assert not re.search(r"\.(innerHTML|outerHTML)\s*[+]?=|insertAdjacentHTML|document\.write|eval\(", script)


# ------------------------------------------------------------------------------------------- check
def test_check_text_returns_findings_with_both_offsets_and_selector(client: FlaskClient) -> None:
    text = "Intro line.\n" + WRONG_DATE
    body = check(client, text=text)
    assert body["version"] == 1 and body["sheet"] == default_sheet().id and body["text"] == text
    (finding,) = body["findings"]
    assert finding["rule"] == "FL101" and finding["found"] == "12 June 2026"
    assert text[finding["start"] : finding["end"]] == finding["found"]
    assert (finding["start_utf16"], finding["end_utf16"]) == (finding["start"], finding["end"])  # ASCII only
    assert finding["quote"] == "12 June 2026"
    assert finding["prefix"] == text[finding["start"] - 32 : finding["start"]]
    assert finding["suffix"] == text[finding["end"] : finding["end"] + 32]
    assert (finding["line"], finding["column"]) == (2, WRONG_DATE.index("12 June") + 1)
    details = {d["id"]: d for d in finding["source_details"]}
    assert list(details) == finding["sources"]
    sheet = default_sheet()
    for sid, detail in details.items():
        source = sheet.sources[sid]
        assert detail["outlet"] == source.outlet and detail["title"] == source.title
        assert detail["published"] == (source.published.isoformat() if source.published else None)


def test_check_matches_the_engines_finding_objects(client: FlaskClient) -> None:
    from linter.api import check_text

    _, expected = check_text(WRONG_DATE)
    (finding,) = check(client, text=WRONG_DATE)["findings"]
    assert {k: v for k, v in finding.items() if k in expected[0].to_dict()} == expected[0].to_dict()


def test_clean_text_has_no_findings(client: FlaskClient) -> None:
    assert (
        check(client, text="Andrej Karpathy announced on 19 May 2026 that he had joined Anthropic.")["findings"] == []
    )


def test_markdown_code_is_not_prose(client: FlaskClient) -> None:
    text = "Intro.\n\n```\n" + WRONG_DATE + "\n```\n\n" + WRONG_DATE + "\n"
    findings = check(client, text=text, format="markdown")["findings"]
    assert [f["start"] for f in findings] == [text.rindex("12 June 2026")]
    assert len(check(client, text=text, format="text")["findings"]) == 2


def test_html_offsets_index_the_returned_text(client: FlaskClient) -> None:
    body = check(client, html=NAV_PAGE)
    assert "<" not in body["text"] and body["text"] != NAV_PAGE
    assert len(body["findings"]) == 2  # nav and footer
    for finding in body["findings"]:
        assert body["text"][finding["start"] : finding["end"]] == finding["found"] == "12 June 2026"


def test_html_extract_keeps_only_the_article(client: FlaskClient) -> None:
    body = check(client, html=NAV_PAGE, extract=True)
    assert body["findings"] == []
    assert "pre-training team" in body["text"] and "12 June" not in body["text"]


def test_text_with_format_html_is_read_as_html(client: FlaskClient) -> None:
    body = check(client, text=NAV_PAGE, format="html")
    assert "<" not in body["text"] and len(body["findings"]) == 2


def test_published_date_resolves_relative_dates(client: FlaskClient) -> None:
    text = "Karpathy announced yesterday that he had joined Anthropic."
    (finding,) = check(client, text=text, published="2026-05-22")["findings"]
    assert finding["rule"] == "FL103" and finding["found"] == "yesterday"
    assert check(client, text=text, published="2026-05-20")["findings"] == []


def test_select_and_ignore(client: FlaskClient) -> None:
    assert check(client, text=WRONG_DATE, ignore=["FL101"])["findings"] == []
    assert len(check(client, text=WRONG_DATE, select=["FL1"])["findings"]) == 1
    assert check(client, text=WRONG_DATE, select=["FL102"])["findings"] == []


def test_nulls_mean_defaults(client: FlaskClient) -> None:
    body = check(client, text=WRONG_DATE, format=None, published=None, select=None, ignore=None, sheet=None)
    assert len(body["findings"]) == 1


# ------------------------------------------------------------------------------------------ sheets
def second_sheet(tmp_path: Path, sheet_id: str = "second-sheet") -> Path:
    raw = builtin_sheet_path().read_text(encoding="utf-8")
    path = tmp_path / f"{sheet_id}.toml"
    path.write_text(raw.replace(f'id = "{default_sheet().id}"', f'id = "{sheet_id}"', 1), encoding="utf-8")
    return path


def test_extra_sheet_is_loaded_and_selectable(tmp_path: Path) -> None:
    client = make_app(sheets=[str(second_sheet(tmp_path))], warm_up=False).test_client()
    assert client.get("/v1/health").get_json()["sheets"] == [default_sheet().id, "second-sheet"]
    assert [s["id"] for s in client.get("/v1/facts").get_json()["sheets"]] == [default_sheet().id, "second-sheet"]
    body = check(client, text=WRONG_DATE, sheet="second-sheet")
    assert body["sheet"] == "second-sheet" and len(body["findings"]) == 1


def test_duplicate_or_broken_sheets_fail_at_creation(tmp_path: Path) -> None:
    with pytest.raises(SheetError, match="already loaded"):
        make_app(sheets=[str(builtin_sheet_path())], warm_up=False)
    broken = tmp_path / "broken.toml"
    broken.write_text("[sheet\n", encoding="utf-8")
    with pytest.raises(SheetError, match=r"broken\.toml"):
        make_app(sheets=[str(broken)], warm_up=False)


def test_unknown_option_is_refused() -> None:
    with pytest.raises(ValueError, match="max_bdy"):
        make_app(max_bdy=10)


# ------------------------------------------------------------------------------------------ errors
def test_unknown_sheet_is_400_naming_it(client: FlaskClient) -> None:
    message = error_of(client.post("/v1/check", json={"text": "x", "sheet": "no-such-sheet"}), 400, "unknown_sheet")
    assert "no-such-sheet" in message and default_sheet().id in message


@pytest.mark.parametrize("field", ["select", "ignore"])
def test_unknown_rule_is_400_naming_it(client: FlaskClient, field: str) -> None:
    message = error_of(client.post("/v1/check", json={"text": "x", field: ["FL999"]}), 400, "unknown_rule")
    assert "FL999" in message


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        ("text=hello", "application/x-www-form-urlencoded"),
        ('{"text": "x"}', "text/plain"),
        ('{"text": "x"}', None),
        ("<p>x</p>", "text/html"),
    ],
)
def test_wrong_content_type_is_415(client: FlaskClient, data: str, content_type: str | None) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    response = client.post("/v1/check", data=data, headers=headers)
    error_of(response, 415, "unsupported_media_type")


def test_json_with_charset_is_accepted(client: FlaskClient) -> None:
    response = client.post(
        "/v1/check", data=f'{{"text": "{WRONG_DATE}"}}', content_type="application/json; charset=utf-8"
    )
    assert response.status_code == 200


@pytest.mark.parametrize(
    "data",
    [b"", b"   ", b"{bad json", b'{"text": "x"', b"\xff\xfe\x00garbage", b'{"text": "\xff"}', b"[" * 100_000],
)
def test_invalid_json_is_400(client: FlaskClient, data: bytes) -> None:
    error_of(client.post("/v1/check", data=data, content_type="application/json"), 400, "invalid_json")


@pytest.mark.parametrize("value", [[], ["text"], "text", 42, None, True])
def test_body_must_be_an_object(client: FlaskClient, value: Any) -> None:
    response = client.post("/v1/check", data=json.dumps(value), content_type="application/json")
    assert "object" in error_of(response, 400, "invalid_json")


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ({"text": 5}, "text"),
        ({"html": ["<p>"]}, "html"),
        ({"text": "x", "extract": "yes"}, "extract"),
        ({"html": "<p>x</p>", "extract": 1}, "extract"),
        ({"text": "x", "format": 3}, "format"),
        ({"text": "x", "format": "pdf"}, "format"),
        ({"text": "x", "select": "FL1"}, "select"),
        ({"text": "x", "ignore": [1, 2]}, "ignore"),
        ({"text": "x", "select": ["FL1"] * 100}, "select"),
        ({"text": "x", "sheet": {"id": "x"}}, "sheet"),
        ({"text": "x", "published": 20260519}, "published"),
        ({"text": "x", "html": "<p>x</p>"}, "not both"),
        ({"html": "<p>x</p>", "format": "markdown"}, "format"),
        ({"text": "x", "extract": True}, "extract"),
    ],
)
def test_wrong_types_are_400_naming_the_field(client: FlaskClient, body: dict[str, Any], named: str) -> None:
    assert named in error_of(client.post("/v1/check", json=body), 400, "invalid_field")


@pytest.mark.parametrize("field", ["url", "publised", "rules", "__proto__"])
def test_unknown_fields_are_400_naming_them(client: FlaskClient, field: str) -> None:
    message = error_of(
        client.post("/v1/check", json={"text": "x", field: "https://example.org/"}), 400, "unknown_field"
    )
    assert repr(field) in message


@pytest.mark.parametrize("body", [{}, {"format": "text"}, {"text": None}, {"extract": True}])
def test_neither_text_nor_html_is_400(client: FlaskClient, body: dict[str, Any]) -> None:
    error_of(client.post("/v1/check", json=body), 400, "missing_text")


@pytest.mark.parametrize("value", ["2026-02-30", "19 May 2026", "2026-5-19", "20260519", "2026-05-19T10:00:00", ""])
def test_bad_published_date_is_400(client: FlaskClient, value: str) -> None:
    message = error_of(client.post("/v1/check", json={"text": "x", "published": value}), 400, "invalid_date")
    assert "published" in message


def test_body_over_the_limit_is_413() -> None:
    client = make_app(max_body=1000, warm_up=False).test_client()
    assert client.post("/v1/check", json={"text": "a" * 900}).status_code == 200
    message = error_of(client.post("/v1/check", json={"text": "a" * 1000}), 413, "payload_too_large")
    assert "1000" in message


@pytest.mark.parametrize(("size", "status"), [(999, 200), (1000, 200), (1001, 413), (50_000, 413)])
def test_chunked_body_over_the_limit_is_413_not_truncated(size: int, status: int) -> None:
    """A chunked body has no Content-Length; werkzeug would cut it at the limit and parse the rest."""
    client = make_app(max_body=1000, warm_up=False).test_client()
    body = json.dumps({"text": "a" * (size - 12)}).encode()
    assert len(body) == size
    response = client.post(
        "/v1/check",
        input_stream=io.BytesIO(body),
        headers={"Content-Type": "application/json", "Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert response.status_code == status, response.get_json()
    assert response.request.content_length is None  # chunked: werkzeug ignores any Content-Length


def test_default_limit_is_one_mebibyte(client: FlaskClient) -> None:
    error_of(client.post("/v1/check", json={"text": "a" * (1024 * 1024)}), 413, "payload_too_large")


def test_unknown_path_is_404(client: FlaskClient) -> None:
    error_of(client.get("/v1/nope"), 404, "not_found")
    error_of(client.get("/static/nope.js"), 404, "not_found")


@pytest.mark.parametrize(("method", "path"), [("GET", "/v1/check"), ("PUT", "/v1/check"), ("POST", "/v1/health")])
def test_wrong_method_is_405(client: FlaskClient, method: str, path: str) -> None:
    response = client.open(path, method=method)
    assert method in error_of(response, 405, "method_not_allowed")
    assert "Allow" in response.headers


def test_check_over_the_time_limit_is_503(monkeypatch: pytest.MonkeyPatch) -> None:
    import server.views

    def slow(*args: object, **kwargs: object) -> None:
        end = time.monotonic() + 5
        while time.monotonic() < end:  # busy in Python, as the engine is
            pass

    client = make_app(check_timeout=0.2, warm_up=False).test_client()
    monkeypatch.setattr(server.views.engine_api, "check", slow)
    started = time.monotonic()
    message = error_of(client.post("/v1/check", json={"text": "x"}), 503, "check_timeout")
    assert time.monotonic() - started < 2 and "0.2 s" in message
    monkeypatch.undo()
    server.views.engine_api.check(WRONG_DATE)  # compile the cold engine outside the 0.2 s limit
    assert client.post("/v1/check", json={"text": WRONG_DATE}).status_code == 200  # the alarm was cleared


def test_unexpected_error_is_500_without_internals(monkeypatch: pytest.MonkeyPatch, client: FlaskClient) -> None:
    import server.views

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret detail /etc/factlint/internal.py line 42")

    monkeypatch.setattr(server.views.engine_api, "check", explode)
    response = client.post("/v1/check", json={"text": "x"})
    message = error_of(response, 500, "internal_error")
    assert "secret" not in response.get_data(as_text=True) and "Traceback" not in response.get_data(as_text=True)
    assert message == "internal server error"
