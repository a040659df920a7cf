"""Compiled regular expressions kept on disk between runs, to cut the cost of a cold start.

A cold `factlint check` compiles about 160 patterns (claim phrasings, and the sheet's names and
cues); Python's `re` parses and compiles each one in pure Python, about a third of the command's
time. This module keeps what that work produces (the SRE code, a list of 32-bit integers stored
as base64, and the group names) in a JSON file, and hands it straight to the C engine
(`_sre.compile`) next time. Each entry records the last write of the file that used it; entries
unused for `KEEP_GENERATIONS` writes are dropped, so patterns built from data do not pile up.

Safety: the file holds data only (JSON, never pickle), so a planted file can at worst make a pattern
match differently, never run code; `_sre.compile` validates the code it is given. The file is keyed
by the exact Python build, and the cache turns itself off on a Python whose `re` internals differ.
`FACTLINT_NO_CACHE=1` disables it; `FACTLINT_CACHE_DIR` moves it (as for the sheet cache).
"""

from __future__ import annotations

import atexit
import json
import os
import sys
import zlib
from array import array
from binascii import a2b_base64, b2a_base64
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
MAX_ENTRIES = 4000  # sheets differ, and so do their name patterns; stay bounded
# An entry no run has used in this many writes of the file is dropped: patterns built from data
# (a sheet's names, in an order that may differ between runs) must not pile up for ever.
KEEP_GENERATIONS = 20
FORMAT = 2  # code as base64 of 32-bit words: JSON lists of integers took 15 ms to parse, this 1 ms
_Key = tuple[str, int]
_entries: dict[_Key, dict[str, Any]] = {}
_derived: dict[str, Any] = {}  # facts read out of patterns (e.g. their literal prefixes), by key
_derived_seen: dict[str, int] = {}
_enabled = False
_dirty = False
_generation = 1  # this run's: one more than the file's


def cache_dir() -> Path | None:
    """factlint's cache folder (compiled patterns, the English word list), or None when caching is off."""
    if os.environ.get("FACTLINT_NO_CACHE"):
        return None
    base = os.environ.get("FACTLINT_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "factlint"
    )
    return Path(base)


def cache_path() -> Path | None:
    """Where this Python's compiled patterns are kept, or None when caching is off."""
    base = cache_dir()
    if base is None:
        return None
    build = f"{zlib.crc32(sys.version.encode()):08x}{sys.hexversion:08x}"  # zlib: hashlib costs a cold start more
    return base / f"regex-{build}-{FORMAT}.json"  # the layout in the name: older versions keep their own file


def enable() -> None:
    """Route `re`'s compiler through the cache for this process (a no-op where unsupported)."""
    try:  # CPython's private compiler modules; absent or different elsewhere, then no cache
        _sre: Any = import_module("_sre")
        _compiler: Any = import_module("re._compiler")
        _parser: Any = import_module("re._parser")
    except ImportError:
        return
    if not (hasattr(_compiler, "_code") and hasattr(_parser, "parse") and hasattr(_sre, "compile")):
        return
    path = cache_path()
    if path is None or getattr(_compiler.compile, "_factlint_cached", False):
        return
    _load(path)
    original = _compiler.compile

    def compile_cached(p: Any, flags: int = 0) -> Any:
        if not isinstance(p, str) or flags & _compiler.SRE_FLAG_DEBUG:
            return original(p, flags)
        entry = _entries.get((p, flags))
        if entry is not None:
            try:
                compiled = _sre.compile(p, entry["flags"], _code(entry["code"]), entry["groups"],
                                        entry["groupindex"], tuple(entry["indexgroup"]))  # fmt: skip
                entry["seen"] = _generation
                return compiled
            except (TypeError, ValueError, RuntimeError, KeyError):
                _entries.pop((p, flags), None)
        parsed = _parser.parse(p, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        code = _compiler._code(parsed, flags)
        made = {
            "flags": flags | parsed.state.flags,
            "code": b2a_base64(array("I", code).tobytes(), newline=False).decode("ascii"),
            "groups": parsed.state.groups - 1,
            "groupindex": groupindex,
            "indexgroup": indexgroup,
            "seen": _generation,
        }
        _remember((p, flags), made)
        return _sre.compile(p, made["flags"], code, made["groups"], groupindex, tuple(indexgroup))

    setattr(compile_cached, "_factlint_cached", True)  # noqa: B010 (a marker on a function object)
    _compiler.compile = compile_cached
    global _enabled
    _enabled = True
    atexit.register(_save, path)


def _code(text: Any) -> list[int]:
    """SRE code from its stored form (base64 of native 32-bit words); TypeError if not a string."""
    if not isinstance(text, str):
        raise TypeError("stored code is not a string")
    code = array("I")
    code.frombytes(a2b_base64(text))  # ValueError on a bad length, binascii.Error is a ValueError
    return code.tolist()


def derived(key: str, compute: Callable[[], T], valid: Callable[[object], bool]) -> T:
    """What `compute` reads out of a pattern (JSON data), kept beside the compiled patterns so a
    cold run does not parse the pattern again; computed afresh when the cache is off, or when the
    kept value is not `valid` (the file is data anyone could have written)."""
    global _dirty
    if not _enabled:
        return compute()
    if key in _derived and valid(_derived[key]):
        _derived_seen[key] = _generation
        return _derived[key]  # type: ignore[no-any-return]
    value = _derived[key] = compute()
    _derived_seen[key] = _generation
    _dirty = True
    return value


def _remember(key: _Key, entry: dict[str, Any]) -> None:
    global _dirty
    if len(_entries) < MAX_ENTRIES:
        _entries[key] = entry
        _dirty = True


def _load(path: Path) -> None:
    global _generation
    try:
        data = json.loads(path.read_bytes())
        if data.get("format") != FORMAT or array("I").itemsize != 4:
            return  # an older layout (or an odd platform): start afresh, rewritten on exit
        for item in data["patterns"]:  # _sre.compile validates each code list when it is used
            _entries[(str(item["pattern"]), int(item["input_flags"]))] = item
        for key, (value, seen) in data.get("derived", {}).items():
            _derived[key], _derived_seen[key] = value, int(seen)
        _generation = int(data["generation"]) + 1
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        _entries.clear()  # missing, corrupt or foreign: start afresh
        _derived.clear()
        _derived_seen.clear()


def _save(path: Path) -> None:
    """Write atomically (temp file + rename), only when this run compiled something new, without
    the entries no run has used for KEEP_GENERATIONS writes."""
    if not _dirty:
        return
    oldest = _generation - KEEP_GENERATIONS + 1  # this write and the KEEP_GENERATIONS - 1 before it
    items = []
    for (p, f), entry in _entries.items():
        seen = entry.get("seen")
        if isinstance(seen, int) and seen >= oldest:
            items.append({**entry, "pattern": p, "input_flags": f})
    derived = {k: [v, _derived_seen.get(k, 0)] for k, v in _derived.items() if _derived_seen.get(k, 0) >= oldest}
    try:
        import tempfile  # only when there is something new to write

        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(
                {"format": FORMAT, "python": sys.version, "generation": _generation, "patterns": items,
                 "derived": derived},
                handle,
            )  # fmt: skip
        os.replace(tmp, path)
    except OSError:
        return
