"""Every error leaves the server as JSON `{"error": {"code", "message"}}`, never HTML or a traceback."""

from __future__ import annotations

from collections.abc import Iterable

from flask import Flask, Response, request
from werkzeug.exceptions import HTTPException

from server.jsonbody import json_response

# Stable, machine-readable codes for the statuses werkzeug raises itself (routing, limits, methods).
HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    408: "request_timeout",
    413: "payload_too_large",
    415: "unsupported_media_type",
    503: "unavailable",
    500: "internal_error",
}
HTTP_MESSAGES = {
    404: "no such endpoint; see /openapi.json",
    413: "request body too large",
}


class ApiError(Exception):
    """An error the client can act on: the status, a stable code and a one-line message."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.headers = headers or {}


def error_response(
    status: int, code: str, message: str, headers: dict[str, str] | Iterable[tuple[str, str]] = ()
) -> Response:
    response = json_response({"error": {"code": code, "message": message}}, status)
    for name, value in headers.items() if isinstance(headers, dict) else headers:
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def register_error_handlers(app: Flask) -> None:
    """JSON handlers for our own errors, werkzeug's HTTP errors and anything unexpected."""

    @app.errorhandler(ApiError)
    def api_error(exc: ApiError) -> Response:
        return error_response(exc.status, exc.code, exc.message, exc.headers)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response:
        status = exc.code or 500
        code = HTTP_CODES.get(status) or (exc.name or "error").lower().replace(" ", "_")
        message = HTTP_MESSAGES.get(status) or _first_line(exc.description) or exc.name
        if status == 413 and app.config.get("MAX_CONTENT_LENGTH"):
            message = f"request body too large (limit {app.config['MAX_CONTENT_LENGTH']} bytes)"
        allowed = getattr(exc, "valid_methods", None)
        if status == 405 and allowed:
            message = f"method {request.method} not allowed here (allowed: {', '.join(allowed)})"
        # Keep werkzeug's headers (Allow on 405, WWW-Authenticate), drop its text/html content type.
        return error_response(status, code, message, exc.get_headers())

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> Response:
        # The traceback goes to the server log; the client learns only that it was not its fault.
        app.logger.exception("unhandled error: %s", type(exc).__name__)
        return error_response(500, "internal_error", "internal server error")


def _first_line(text: str | None) -> str:
    return (text or "").strip().split("\n", 1)[0]
