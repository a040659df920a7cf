"""The /v1 endpoints. Thin: validation, the engine and serialisation live in their own modules."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request

import linter
from linter.api import check_text
from linter.engine import SelectionError, all_rules
from server.errors import ApiError
from server.results import check_payload
from server.sheets import SheetRegistry
from server.validation import parse_check_request, parse_json

api = Blueprint("api", __name__, url_prefix="/v1")


def registry() -> SheetRegistry:
    return current_app.extensions["factlint.sheets"]


def require_json() -> None:
    """Only application/json: it also forces a CORS preflight, so no page can post here blindly."""
    if request.mimetype != "application/json":
        raise ApiError(
            415,
            "unsupported_media_type",
            f"send the body as application/json (got {request.mimetype or 'no content type'})",
        )


@api.post("/check")
def check() -> Response:
    require_json()
    req = parse_check_request(parse_json(request.get_data(cache=False)))
    loaded = registry().get(req.sheet)
    if loaded is None:
        known = ", ".join(registry().ids)
        raise ApiError(400, "unknown_sheet", f"unknown sheet {req.sheet!r} (loaded: {known})")
    try:
        doc, findings = check_text(
            req.text,
            kind=req.kind,
            path="<request>",
            sheet=loaded.sheet,
            published=req.published,
            select=req.select,
            ignore=req.ignore,
            extract=req.extract,
        )
    except SelectionError as exc:
        raise ApiError(400, "unknown_rule", str(exc).replace("'factlint rule --all'", "GET /v1/rules")) from None
    response = jsonify(check_payload(doc.text, findings, loaded))
    response.headers["Cache-Control"] = "no-store"
    return response


@api.get("/facts")
def facts() -> Response:
    return jsonify(registry().facts_payload)


@api.get("/rules")
def rules() -> Response:
    return jsonify({"version": 1, "rules": [rule_payload(r) for r in all_rules()]})


def rule_payload(rule: Any) -> dict[str, Any]:
    return {"code": rule.code, "name": rule.name, "summary": rule.summary(), "explain": rule.explain()}


@api.get("/health")
def health() -> Response:
    reg = registry()
    return jsonify(
        {
            "status": "ok",
            "version": linter.__version__,
            "sheets": reg.ids,
            "default_sheet": reg.default_id,
            "rules": len(all_rules()),
        }
    )
