"""A sheet's parsed TOML kept on disk as plain JSON, so a cold run does not parse the TOML again.

tomllib is pure Python: the built-in sheet (28 KB) takes about 10 ms to parse, a tenth of a cold
`factlint check`. Only the parsed document is kept (dicts, lists, strings, numbers, booleans and
TOML's dates and times, tagged), never the model built from it: every run validates the document
and builds the sheet afresh, so a planted file can at worst be a different sheet (as a planted
compiled pattern can match differently), never run code. Nothing is unpickled.

One file per sheet path (the `MAX_FILES` most recently written are kept), holding the length and
CRC-32 of the bytes it was parsed from and the factlint and Python versions: any edit re-parses
and replaces it (atomically). `FACTLINT_NO_CACHE` turns it off, `FACTLINT_CACHE_DIR` moves it, as
for the compiled patterns.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import zlib
from pathlib import Path
from typing import Any

from linter import __version__
from linter.regex_cache import cache_dir

FORMAT = 1
MAX_FILES = 32  # one file per sheet path; tests and scratch sheets must not fill the folder
_TAG = "\x00"  # tagged strings: "\x00d2026-05-19" is a date; a string that began with \x00 gets another
_TIMES: dict[str, Any] = {"d": dt.date, "t": dt.datetime, "h": dt.time}


def parsed_toml(raw: str, path: str) -> dict[str, Any]:
    """tomllib.loads(raw), from the stored copy when it was made from these very bytes; raises
    tomllib.TOMLDecodeError like tomllib.loads."""
    data = raw.encode("utf-8", "surrogatepass")
    key = f"{FORMAT}|{__version__}|{sys.version_info[0]}.{sys.version_info[1]}|{len(data)}|{zlib.crc32(data):08x}"
    file = _file_for(path)
    if file is not None:
        stored = _read(file, key)
        if stored is not None:
            return stored
    import tomllib

    doc = tomllib.loads(raw)
    if file is not None:
        _write(file, key, doc)
    return doc


def _file_for(path: str) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    return folder / f"sheet-{zlib.crc32(path.encode('utf-8', 'surrogatepass')):08x}.json"


def _read(file: Path, key: str) -> dict[str, Any] | None:
    try:
        stored = json.loads(file.read_bytes())
        if not isinstance(stored, dict) or stored.get("key") != key or not isinstance(stored.get("doc"), dict):
            return None
        doc: dict[str, Any] = _decode(stored["doc"])
        return doc
    except (OSError, ValueError, TypeError, KeyError, RecursionError):
        return None  # missing, corrupt or foreign: parse the TOML


def _write(file: Path, key: str, doc: dict[str, Any]) -> None:
    """Write atomically (temp file + rename): readers see the old file, the new one or none."""
    import tempfile

    try:
        text = json.dumps({"key": key, "doc": _encode(doc)}, ensure_ascii=False)
        file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=file.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, file)
        _prune(file.parent)
    except (OSError, ValueError, RecursionError):
        return


def _prune(folder: Path) -> None:
    """Keep the MAX_FILES most recently written sheet files (a write is rare: a new or edited sheet)."""
    files = sorted(folder.glob("sheet-*.json"), key=lambda f: f.stat().st_mtime_ns, reverse=True)
    for old in files[MAX_FILES:]:
        old.unlink(missing_ok=True)


def _encode(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, str):
        return _TAG + value if value.startswith(_TAG) else value
    if isinstance(value, dt.datetime):  # before date: a datetime is a date
        return f"{_TAG}t{value.isoformat()}"
    if isinstance(value, dt.date):
        return f"{_TAG}d{value.isoformat()}"
    if isinstance(value, dt.time):
        return f"{_TAG}h{value.isoformat()}"
    return value  # bool, int, float


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if isinstance(value, str) and value.startswith(_TAG):
        body = value[1:]
        if body.startswith(_TAG):
            return body
        return _TIMES[body[0]].fromisoformat(body[1:])  # KeyError or ValueError: a foreign file
    return value
