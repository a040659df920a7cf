"""The OpenAPI document as this server serves it: narrowed to its own sheets and rule codes.

`server/openapi.json` describes every factlint server, so it can only say "a rule code" and "a
sheet id". The copy served at /openapi.json names exactly the codes and prefixes this server's
rules answer to and the sheets it loaded, so a request the served document allows is one the
server accepts (schemathesis checks both directions against it, tests/test_schemathesis.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any


def code_patterns(codes: Iterable[str]) -> list[str]:
    """What `select`/`ignore` accept: ALL, every code, and every prefix of one ("FL", "FL2")."""
    patterns = {"ALL"}
    for code in codes:
        letters = len(code.rstrip("0123456789"))
        patterns.update(code[:n] for n in range(letters, len(code) + 1))
    return sorted(patterns)


def code_regex(codes: Iterable[str]) -> str:
    """An ECMA-262 pattern (JSON Schema has no flags) matching the patterns in any letter case."""

    def any_case(text: str) -> str:
        return "".join(f"[{ch.upper()}{ch.lower()}]" if ch.isalpha() else ch for ch in text)

    return "^(?:" + "|".join(any_case(p) for p in code_patterns(codes)) + ")$"


def served_document(raw: bytes, sheet_ids: list[str], codes: Iterable[str]) -> bytes:
    document: dict[str, Any] = json.loads(raw)
    schemas = document["components"]["schemas"]
    schemas["RuleCode"]["pattern"] = code_regex(codes)
    schemas["CheckRequest"]["properties"]["sheet"]["enum"] = [*sheet_ids, None]
    return json.dumps(document, ensure_ascii=False).encode()
