"""The /v1 endpoints. Thin: validation, the engine and serialisation live in their own modules."""

from __future__ import annotations

from functools import cache
from typing import Any

from flask import Blueprint, Response, current_app, request
from werkzeug.exceptions import ClientDisconnected, RequestEntityTooLarge

import linter
from linter import api as engine_api
from linter.pipeline import Checked
from linter.registry import SelectionError
from linter.registry import registry as rule_registry
from linter.rule import Rule
from server.answers import AnswerCache, answer_key
from server.deadline import CheckTimeout, deadline
from server.errors import ApiError
from server.jsonbody import dumps, encoded_response, json_response
from server.results import check_payload
from server.sheets import LoadedSheet, SheetRegistry
from server.validation import CheckRequest, parse_check_request, parse_json

api = Blueprint("api", __name__, url_prefix="/v1")
BODY_TIMEOUT = 10.0
NO_STORE = (("Cache-Control", "no-store"),)  # an answer about a client's text is for that client only


def registry() -> SheetRegistry:
    sheets: SheetRegistry = current_app.extensions["factlint.sheets"]
    return sheets


def require_json() -> None:
    """Only application/json: it also forces a CORS preflight, so no page can post here blindly."""
    if request.mimetype != "application/json":
        raise ApiError(
            415,
            "unsupported_media_type",
            f"send the body as application/json (got {request.mimetype or 'no content type'})",
        )


def read_body() -> bytes:
    """The body, with the size limit enforced for chunked bodies too, and a time limit.

    Werkzeug refuses a Content-Length over the limit, but silently cuts a chunked body at the limit;
    a chunked body that fills the limit exactly is therefore checked for more data behind it. A
    client that stops sending mid-body gets 408 after BODY_TIMEOUT seconds of silence, which frees
    the gunicorn thread it held (server/worker.py).
    """
    sock = request.environ.get("gunicorn.socket")
    if sock is not None:
        sock.settimeout(BODY_TIMEOUT)  # gunicorn makes the socket blocking again for the next request
    try:
        data = request.get_data(cache=False)
    except (TimeoutError, ClientDisconnected):  # werkzeug reports the socket's timeout as a disconnect
        message = f"the body stalled for {BODY_TIMEOUT:g} s; send it at once"
        raise ApiError(408, "request_timeout", message, {"Connection": "close"}) from None
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    chunked = request.content_length is None
    if chunked and limit is not None and len(data) >= limit and request.input_stream.read(1):
        raise RequestEntityTooLarge()
    return data


@api.post("/check")
def check() -> Response:
    require_json()
    req = parse_check_request(parse_json(read_body()))
    loaded = registry().get(req.sheet)
    if loaded is None:
        known = ", ".join(registry().ids)
        raise ApiError(400, "unknown_sheet", f"unknown sheet {req.sheet!r} (loaded: {known})")
    answers: AnswerCache = current_app.extensions["factlint.answers"]
    key = answer_key(req, loaded.sheet.id)
    body = answers.get(key)
    if body is not None:
        return encoded_response(body, headers=(*NO_STORE, ("X-Cache", "hit")))
    body = dumps(check_payload(lint(req, loaded, current_app.config["FACTLINT_CHECK_TIMEOUT"]), loaded))
    answers.put(key, body)
    return encoded_response(body, headers=(*NO_STORE, ("X-Cache", "miss")))


def lint(req: CheckRequest, loaded: LoadedSheet, limit: float) -> Checked:
    """The engine, within the time limit; its errors become 400/503 answers."""
    try:
        with deadline(limit):
            return engine_api.check(
                req.text,
                kind=req.kind,
                path="<request>",
                sheet=loaded.sheet,
                published=req.published,
                select=req.select,
                ignore=req.ignore,
                extract=req.extract,
            )
    except CheckTimeout:
        raise ApiError(503, "check_timeout", f"checking took longer than {limit:g} s; send a shorter text") from None
    except SelectionError as exc:
        raise ApiError(400, "unknown_rule", str(exc).replace("'factlint rule --all'", "GET /v1/rules")) from None


@api.get("/facts")
def facts() -> Response:
    return encoded_response(registry().facts_body)


@api.get("/rules")
def rules() -> Response:
    return encoded_response(rules_body())


@cache
def rules_body() -> bytes:
    """The /v1/rules body, encoded once: the rule table never changes while the server runs."""
    return dumps({"version": 1, "rules": [rule_payload(r) for r in rule_registry().rules()]})


def rule_payload(rule: type[Rule]) -> dict[str, Any]:
    return {"code": rule.code, "name": rule.name, "summary": rule.summary(), "explain": rule.explain()}


@api.get("/health")
def health() -> Response:
    reg = registry()
    return json_response(
        {
            "status": "ok",
            "version": linter.__version__,
            "sheets": reg.ids,
            "default_sheet": reg.default_id,
            "rules": len(rule_registry().codes),
        }
    )
