"""The gunicorn worker class: threads, so slow clients cannot hold the API, and JSON errors.

Sync workers serve one connection each at a time: two clients that open a request and send the
body slowly hold two workers, and with one per core the API stops answering. gthread workers
hand each connection to a pool thread (and gunicorn >= 23 waits for a request's first bytes
outside the pool), so a stalled client holds at most one thread, and only until the view's body
timeout (server/views.py `BODY_TIMEOUT`) answers it with 408.

gunicorn answers HTTP it cannot parse (a bad request line, a bad header) with its own text/html
page before the app sees anything; this worker answers with the API's JSON error body instead.
"""

from __future__ import annotations

import gc
import json
from typing import Any

from gunicorn import util
from gunicorn.workers.gthread import ThreadWorker

WORKER_CLASS = "server.worker.JsonErrorThreadWorker"
THREADS = 4  # the default; `factlint serve --threads N` sets it


def write_json_error(sock: Any, status_int: int, reason: str, mesg: str) -> None:
    """gunicorn's own error answer (util.write_error), as `{"error": {"code", "message"}}`."""
    code = reason.lower().replace(" ", "_") or "bad_request"
    body = json.dumps({"error": {"code": code, "message": mesg or reason}}).encode()
    head = (
        f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nX-Content-Type-Options: nosniff\r\n\r\n"
    )
    util.write_nonblock(sock, head.encode("latin-1") + body)


class JsonErrorThreadWorker(ThreadWorker):  # type: ignore[misc]
    """gunicorn's gthread worker, whose protocol errors are JSON like every other API error."""

    def init_process(self) -> None:
        util.write_error = write_json_error  # this worker process only; the master writes no responses
        super().init_process()

    def load_wsgi(self) -> None:
        """Builds the app (its sheets compiled, its parsers warmed up), then moves what that made
        out of the cyclic collector's sight: it lives as long as the worker, and a full collection
        would otherwise walk it all again and again while requests are served."""
        super().load_wsgi()
        freeze_start_up()


def freeze_start_up() -> None:
    """`gc.freeze` what start-up made, after collecting what start-up threw away."""
    gc.collect()
    gc.freeze()
