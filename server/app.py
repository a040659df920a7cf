"""The Flask app factory: sheets are loaded and compiled here, once per process (per gunicorn worker)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask, Response, abort, send_from_directory

from linter.registry import registry
from server.answers import DEFAULT_SIZE as DEFAULT_ANSWER_CACHE
from server.answers import AnswerCache
from server.auth import install_auth
from server.cors import CorsPolicy, install_cors
from server.errors import register_error_handlers
from server.headers import ResponseHeaders
from server.hosts import install_host_check
from server.sheets import SheetRegistry
from server.spec import served_document
from server.views import api

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
# The extension's own files that the page at / shares with it (one finding card, one API client):
# extension/lib in a checkout, server/shared once installed (pyproject maps the one to the other).
SHARED_JS = frozenset({"dom.js", "client.js", "finding.js", "outcome.js"})
SHARED_DIR = next(
    (d for d in (HERE / "shared", HERE.parent / "extension" / "lib") if (d / "finding.js").is_file()), HERE / "shared"
)
# The engine checks dense prose at about 300 KiB/s on 2 shared cores: 256 KiB takes about 1 s, far
# inside the 10 s deadline even with every thread of a worker busy (docs/server.md).
DEFAULT_MAX_BODY = 256 * 1024
DEFAULT_CHECK_TIMEOUT = 10.0
OPTIONS = frozenset(
    {
        "sheets",
        "max_body",
        "check_timeout",
        "answer_cache",
        "token",
        "allow_origins",
        "extension_ids",
        "allow_extensions",
        "warm_up",
    }
)
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
)


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app. `config` takes the options in OPTIONS (lower case) and Flask settings (UPPER CASE).

    Raises SheetError for a bad sheet file and ValueError for a bad option, before serving anything.
    """
    config = dict(config or {})
    flask_settings = {k: v for k, v in config.items() if k.isupper()}
    unknown = set(config) - OPTIONS - set(flask_settings)
    if unknown:
        raise ValueError(f"unknown server option(s): {', '.join(sorted(unknown))}")

    app = Flask(__name__, static_folder=str(STATIC), static_url_path="/static")
    app.config.update(flask_settings)
    app.config["MAX_CONTENT_LENGTH"] = int(config.get("max_body") or DEFAULT_MAX_BODY)
    timeout = config.get("check_timeout")
    app.config["FACTLINT_CHECK_TIMEOUT"] = float(DEFAULT_CHECK_TIMEOUT if timeout is None else timeout)
    app.extensions["factlint.sheets"] = SheetRegistry(config.get("sheets") or (), config.get("warm_up", True))
    cache_size = config.get("answer_cache")
    app.extensions["factlint.answers"] = AnswerCache(DEFAULT_ANSWER_CACHE if cache_size is None else int(cache_size))
    codes = list(registry().codes)
    openapi = served_document((HERE / "openapi.json").read_bytes(), app.extensions["factlint.sheets"].ids, codes)

    register_error_handlers(app)
    if not config.get("token"):
        install_host_check(app)  # first: a rebound name gets nothing, not even a preflight answer
    # Order matters: CORS answers preflights before the token check (browsers send no token on them).
    cors = CorsPolicy.build(
        config.get("allow_origins") or (), config.get("extension_ids") or (), config.get("allow_extensions", True)
    )
    install_cors(app, cors)
    if config.get("token"):
        install_auth(app, config["token"])
    app.register_blueprint(api)

    @app.get("/")
    def index() -> Response:
        return send_from_directory(STATIC, "index.html")

    @app.get("/static/shared/<name>")
    def shared_js(name: str) -> Response:
        if name not in SHARED_JS:
            abort(404)
        return send_from_directory(SHARED_DIR, name, mimetype="text/javascript")

    @app.get("/openapi.json")
    def openapi_document() -> Response:
        return Response(openapi, mimetype="application/json")

    app.wsgi_app = ResponseHeaders(app.wsgi_app, SECURITY_HEADERS, cors)  # type: ignore[method-assign]
    return app
