"""Headers every response carries (security headers, CORS's Vary and Allow-Origin), added as a WSGI layer.

They were two Flask `after_request` hooks; each went through werkzeug's `Headers` (a scan with
case folding per `setdefault`, a parse and re-serialisation of `Vary`), which cost about a sixth
of the instructions of a one-sentence /v1/check outside the engine (callgrind). Here they are
appended to the plain header list gunicorn receives, so every answer, from a view, an error
handler or a static file, still gets them, and one a view set itself is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from server.cors import CorsPolicy

Header = tuple[str, str]
StartResponse = Callable[..., Any]
WsgiApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


class ResponseHeaders:
    """Wraps the app: `static` headers unless the response has them, `Vary: Origin`, and
    `Access-Control-Allow-Origin` when the request's Origin is one the policy allows."""

    def __init__(self, app: WsgiApp, static: Iterable[Header], policy: CorsPolicy) -> None:
        self.app = app
        self.static = tuple(static)
        self.policy = policy

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        origin = environ.get("HTTP_ORIGIN")
        allowed = origin if self.policy.allows(origin) else None

        def start(status: str, headers: list[Header], exc_info: Any = None) -> Any:
            self.add(headers, allowed)
            return start_response(status, headers, exc_info)

        return self.app(environ, start)

    def add(self, headers: list[Header], allowed_origin: str | None) -> None:
        present = {name.lower(): i for i, (name, _) in enumerate(headers)}
        headers.extend(h for h in self.static if h[0].lower() not in present)
        vary = present.get("vary")
        if vary is None:
            headers.append(("Vary", "Origin"))
        elif "origin" not in {v.strip().lower() for v in headers[vary][1].split(",")}:
            headers[vary] = ("Vary", f"{headers[vary][1]}, Origin")
        if allowed_origin is not None:
            if "access-control-allow-origin" in present:
                del headers[present["access-control-allow-origin"]]
            headers.append(("Access-Control-Allow-Origin", allowed_origin))
