"""Is this an ordinary English word? Webster's Second (the english-words package's `web2` list).

The package ships the list as a pickled set of 234,000 strings: about 100 ms to load, paid by a
cold `factlint check` for a handful of lookups. So the list is written once, lower-cased and
sorted, one word a line, to the cache folder (plain text, written atomically), and each lookup
bisects a memory map of that file: nothing is loaded. The file's name carries the size and
modification time of the package's data file, so an upgraded package writes a new one. A planted
file can at worst make a word look English or not; it never runs code. With caching off
(`FACTLINT_NO_CACHE`) or an unwritable cache folder, the set is loaded in memory as before.
"""

from __future__ import annotations

import mmap
import os
import zlib
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from linter.regex_cache import cache_dir

SOURCE = "web2"  # the package's word list identifier
_HEADER = b"factlint english words 1\n"  # the file's first line; every word line follows it


def _package_data() -> Path | None:
    """The package's pickled, lower-cased list, found without importing the package."""
    from importlib.util import find_spec

    spec = find_spec("english_words")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data" / f"{SOURCE}_lower.pickle"


def _load_set() -> frozenset[str]:
    """The whole list in memory, through the package's own loader."""
    from english_words import get_english_words_set  # type: ignore[import-untyped]

    return frozenset(get_english_words_set([SOURCE], lower=True))


def _words_file() -> Path | None:
    """The sorted list in the cache folder (written now if missing), or None where it cannot be."""
    folder, data = cache_dir(), _package_data()
    if folder is None or data is None:
        return None
    try:
        stat = data.stat()
    except OSError:
        return None
    key = zlib.crc32(f"{data}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    path = folder / f"words-{SOURCE}-{key:08x}.txt"
    if not path.exists():
        _write(path, sorted(_load_set()))
    return path


def _write(path: Path, words: list[str]) -> None:
    """Write atomically (temp file + rename): a reader sees the old file, the new one or none."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(_HEADER + "".join(f"{w}\n" for w in words).encode("utf-8"))
        os.replace(tmp, path)
    except OSError:
        return


def contains(buf: mmap.mmap | bytes, word: bytes) -> bool:
    """Is `word` one of the lines of `buf` (a header line, then sorted lines, each ending in a
    newline)? Bisection over byte offsets: each step reads the line around the middle."""
    lo, hi = len(_HEADER), len(buf)
    while lo < hi:
        mid = (lo + hi) // 2
        start = buf.rfind(b"\n", 0, mid) + 1
        end = buf.find(b"\n", start)
        line = buf[start:end]
        if line == word:
            return True
        if line < word:
            lo = end + 1
        else:
            hi = start
    return False


@lru_cache(maxsize=1)
def _lookup() -> Callable[[str], bool]:
    """Membership test over the mapped file, or over the in-memory set where there is no file."""
    path = _words_file()
    if path is not None:
        try:
            with open(path, "rb") as handle:
                buf = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
            if buf[: len(_HEADER)] == _HEADER and buf[-1:] == b"\n":
                return lambda word: contains(buf, word.encode("utf-8"))
        except (OSError, ValueError):  # unreadable, or empty (mmap refuses a zero-length file)
            pass
    words = _load_set()
    return words.__contains__


def is_word(word: str) -> bool:
    """Is `word` (lower case) in the list?"""
    return "\n" not in word and _lookup()(word)
