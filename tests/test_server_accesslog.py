"""server/accesslog.py writes the very line gunicorn's own logger writes for our format."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import pytest
from gunicorn.config import Config
from gunicorn.glogging import Logger

from server.accesslog import FORMAT, AccessLogger


class Response:
    def __init__(self, status: str, sent: int | None) -> None:
        self.status, self.sent = status, sent
        self.headers = [("Content-Type", "application/json")]


class Request:
    headers = (("HOST", "127.0.0.1:8000"), ("AUTHORIZATION", "Bearer secret"))


def logged_line(logger_class: type[Logger], environ: dict[str, Any], response: Response) -> str:
    cfg = Config()
    cfg.set("accesslog", "-")
    cfg.set("access_log_format", FORMAT)
    logger = logger_class(cfg)
    records: list[str] = []

    class Capture(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(self.format(record))

    logger.access_log.handlers = [Capture()]
    logger.access(response, Request(), environ, dt.timedelta(seconds=1, microseconds=234_567))
    assert len(records) == 1
    return records[0]


@pytest.mark.parametrize(
    ("uri", "status", "sent"),
    [
        ("/v1/check", "200 OK", 1234),
        ('/v1/nope?q="quoted"&p=%41%s', "404 NOT FOUND", 77),
        ("/v1/health", "503 SERVICE UNAVAILABLE", None),
    ],
)
def test_the_line_is_gunicorns(uri: str, status: str, sent: int | None) -> None:
    environ = {"REQUEST_METHOD": "POST", "RAW_URI": uri, "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "127.0.0.1"}
    ours = logged_line(AccessLogger, environ, Response(status, sent))
    theirs = logged_line(Logger, environ, Response(status, sent))
    if sent is None:  # gunicorn writes Python's "None" for a response that sent nothing; we write "-"
        theirs = theirs.replace(" None ", " - ")
    assert ours == theirs
    assert ours.endswith(" 1234ms") and "secret" not in ours
