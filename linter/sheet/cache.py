"""An on-disk cache of parsed sheets, keyed by the sheet file's bytes.

Parsing and validating the TOML costs about 30 ms, paid by every cold `factlint check` (a
pre-commit hook runs one per commit). A pickle of the validated sheet loads in about 1 ms. The key
is a hash of the file's bytes and factlint's version, so an edited sheet is never served stale;
an unwritable cache directory just means no cache.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

from linter import __version__


def cache_dir() -> Path | None:
    if os.environ.get("FACTLINT_NO_CACHE"):
        return None
    base = os.environ.get("FACTLINT_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "factlint"
    )
    return Path(base) / "sheets"


def _key(raw: bytes) -> str:
    return hashlib.blake2b(raw + __version__.encode(), digest_size=16).hexdigest()


def load_cached(raw: bytes) -> Any | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with open(folder / f"{_key(raw)}.pickle", "rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None


def store(raw: bytes, sheet: Any) -> None:
    """Write atomically (temp file + rename), so parallel runs never read half a pickle."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(sheet, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / f"{_key(raw)}.pickle")
    except OSError:
        return
