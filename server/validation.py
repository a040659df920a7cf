"""Turn a /v1/check body into a typed request, or a 400 that names the problem.

Strict on purpose: an unknown field is an error (a typo like "publised" must not be ignored
silently), and there is no field that makes the server fetch anything (no SSRF surface).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

from server.errors import ApiError

FIELDS = frozenset({"text", "html", "extract", "format", "published", "select", "ignore", "sheet"})
FORMATS = ("text", "markdown", "html")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
MAX_CODES = 64
MAX_CODE_LENGTH = 32
# A rule code or prefix as --select takes it ("FL2", "FL201", "ALL"): never empty, which would
# match every rule and silently turn them all off under "ignore".
RULE_CODE = re.compile(r"[A-Za-z][A-Za-z0-9]*\Z")


@dataclass(frozen=True)
class CheckRequest:
    text: str
    kind: str
    extract: bool
    published: dt.date | None
    select: list[str] | None
    ignore: list[str] | None
    sheet: str | None


def bad(code: str, message: str) -> ApiError:
    return ApiError(400, code, message)


def _no_constant(name: str) -> Any:
    """NaN and Infinity are not JSON (RFC 8259), though Python's parser takes them."""
    raise ValueError(f"{name} is not a JSON value")


# Built once: `json.loads(..., parse_constant=...)` builds a decoder and its scanner on every call.
DECODER = json.JSONDecoder(parse_constant=_no_constant)


def parse_json(body: bytes) -> Any:
    """Decode a JSON body (UTF-8/16/32, as RFC 8259 allows); errors name the position."""
    if not body.strip():
        raise bad("invalid_json", 'empty body; send a JSON object such as {"text": "..."}')
    try:
        # What json.loads does with bytes: detect the encoding, keep lone surrogates for the decoder.
        return DECODER.decode(body.decode(json.detect_encoding(body), "surrogatepass"))
    except json.JSONDecodeError as exc:
        raise bad("invalid_json", f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    except (UnicodeDecodeError, RecursionError):
        raise bad("invalid_json", "invalid JSON: the body is not UTF-8 text or nests too deeply") from None
    except ValueError as exc:  # NaN/Infinity, or an integer longer than Python converts (4,300 digits)
        raise bad("invalid_json", f"invalid JSON: {str(exc)[:120]}") from None


def _typed(data: dict[str, Any], name: str, kind: type, label: str) -> Any:
    """The field's value, None when absent or null, else a 400 naming field and expected type."""
    value = data.get(name)
    if value is None:
        return None
    # bool is a subclass of int; no field here accepts a number, so no special case is needed beyond this.
    if not isinstance(value, kind):
        raise bad("invalid_field", f"'{name}' must be {label}, not {_json_type(value)}")
    return value


def _codes(data: dict[str, Any], name: str) -> list[str] | None:
    value = _typed(data, name, list, "a list of rule codes")
    if value is None:
        return None
    if len(value) > MAX_CODES or not all(isinstance(v, str) and len(v) <= MAX_CODE_LENGTH for v in value):
        raise bad(
            "invalid_field",
            f"'{name}' must be a list of at most {MAX_CODES} rule codes, each at most {MAX_CODE_LENGTH} characters",
        )
    for code in value:
        if not RULE_CODE.match(code):
            raise bad("invalid_field", f"'{name}' holds {code!r}, which is not a rule code or prefix like FL2 or FL201")
    return [str(code) for code in value]


def _date(data: dict[str, Any]) -> dt.date | None:
    value = _typed(data, "published", str, "an ISO date string (YYYY-MM-DD)")
    if value is None:
        return None
    try:
        if not ISO_DATE.match(value):
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise bad("invalid_date", f"'published' must be a date as YYYY-MM-DD, not {value[:40]!r}") from None


def parse_check_request(data: Any) -> CheckRequest:
    if not isinstance(data, dict):
        raise bad("invalid_json", f"the body must be a JSON object, not {_json_type(data)}")
    unknown = sorted(set(data) - FIELDS)
    if unknown:
        names = ", ".join(repr(u[:40]) for u in unknown[:5])
        raise bad("unknown_field", f"unknown field(s) {names}; allowed: {', '.join(sorted(FIELDS))}")
    text = _typed(data, "text", str, "a string")
    html = _typed(data, "html", str, "a string")
    if text is None and html is None:
        raise bad("missing_text", "send 'text' (plain text or Markdown) or 'html'")
    if "text" in data and "html" in data:  # even with one of them null, as the OpenAPI oneOf says
        raise bad("invalid_field", "send either 'text' or 'html', not both")
    fmt = _typed(data, "format", str, "one of " + ", ".join(FORMATS))
    if fmt is not None and fmt not in FORMATS:
        raise bad("invalid_field", f"'format' must be one of {', '.join(FORMATS)}, not {fmt[:40]!r}")
    if html is not None:
        if fmt not in (None, "html"):
            raise bad("invalid_field", f"'html' input cannot have format {fmt!r}; send it as 'text' instead")
        kind = "html"
    else:
        kind = fmt or "text"
    extract = _typed(data, "extract", bool, "true or false") or False
    if extract and kind != "html":
        raise bad("invalid_field", "'extract' applies to HTML input only")
    return CheckRequest(
        text=html if html is not None else text,
        kind=kind,
        extract=extract,
        published=_date(data),
        select=_codes(data, "select"),
        ignore=_codes(data, "ignore"),
        sheet=_typed(data, "sheet", str, "a sheet id (string)"),
    )


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"
