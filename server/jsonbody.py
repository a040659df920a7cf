"""JSON response bodies: orjson when installed, the standard library otherwise.

A /v1/check answer for 5 KB of text is about 27 KB of JSON (the text, and per finding its claim,
quote selector and source details). Flask's `jsonify` encodes it in about 310 us; orjson in
about 40 us, with the same field order. orjson refuses what is not UTF-8 (a lone surrogate, which
a client can send as "\\ud800" inside valid JSON) and integers past 64 bits; those bodies fall
back to `json`, which escapes them, so every answer still encodes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from flask import Response

try:
    import orjson
except ImportError:  # optional: the standard library gives the same JSON, slower
    orjson = None  # type: ignore[assignment]

MIMETYPE = "application/json"
COMPACT = (",", ":")


def dumps(payload: Any) -> bytes:
    """Compact UTF-8 JSON with a final newline (as Flask's `jsonify` writes), keys in insertion order."""
    if orjson is not None:
        try:
            return orjson.dumps(payload, option=orjson.OPT_APPEND_NEWLINE)
        except orjson.JSONEncodeError:
            pass
    text = json.dumps(payload, ensure_ascii=False, separators=COMPACT)
    try:
        return text.encode() + b"\n"
    except UnicodeEncodeError:  # a lone surrogate: escaped as \udXXX, as JSON allows
        return json.dumps(payload, separators=COMPACT).encode() + b"\n"


def json_response(payload: Any, status: int = 200, headers: Iterable[tuple[str, str]] = ()) -> Response:
    return encoded_response(dumps(payload), status, headers)


def encoded_response(body: bytes, status: int = 200, headers: Iterable[tuple[str, str]] = ()) -> Response:
    """A response from a body encoded once (sheets and rules never change while the server runs;
    a check's answer is kept for the same request again, server/answers.py)."""
    return Response(body, status=status, headers=list(headers), mimetype=MIMETYPE)
