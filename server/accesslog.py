"""The access log: one line per request, as production keeps it, at a fraction of gunicorn's cost.

gunicorn's own `access()` builds a dictionary of every request header, response header and
environ variable for each request (so any format can name any of them), then formats a fixed
format from it. Ours names five values, so this logger formats exactly those: the same line,
through the same `gunicorn.access` logger and handlers, without the dictionary.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from gunicorn.glogging import Logger

LOGGER_CLASS = "server.accesslog.AccessLogger"
# What the line holds, in gunicorn's notation (for `access_log_format`, which this logger replaces):
# client address, request line, status, response bytes, duration in milliseconds.
FORMAT = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms'


def access_line(environ: dict[str, Any], status: Any, sent: int | None, request_time: dt.timedelta) -> str:
    """The line gunicorn writes for FORMAT; quotes in the request line escaped, as gunicorn does."""
    request_line = f"{environ['REQUEST_METHOD']} {environ['RAW_URI']} {environ['SERVER_PROTOCOL']}".replace('"', '\\"')
    code = status.split(None, 1)[0] if isinstance(status, str) else status
    ms = request_time.seconds * 1000 + request_time.microseconds // 1000
    return f'{environ.get("REMOTE_ADDR", "-")} "{request_line}" {code} {"-" if sent is None else sent} {ms}ms'


class AccessLogger(Logger):  # type: ignore[misc]
    """gunicorn's logger, whose access lines are formatted directly (see the module docstring)."""

    def access(self, resp: Any, req: Any, environ: dict[str, Any], request_time: dt.timedelta) -> None:
        if not getattr(self, "access_log_enabled", True):  # gunicorn >= 23 knows; older ones log to no handler
            return
        try:
            self.access_log.info(access_line(environ, resp.status, getattr(resp, "sent", None), request_time))
        except Exception:
            self.exception("access log")
