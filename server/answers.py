"""Encoded /v1/check answers kept per worker, so the same page checked again costs no engine time.

An answer is a pure function of the request (text or HTML, format, extract, published date, rule
selection) and of the sheet, and sheets never change while the server runs. The same page is
checked again and again in the API's real use: every reader of a popular article whose extension
asks about it, a desk re-polling the pages it monitors, an editor re-checking a draft that did
not change. A repeat is answered from here in the HTTP layer's time instead of the engine's.

Entries are keyed by a BLAKE2b digest of the request, not by its text, and bounded in bytes
(least recently used out first); only successful answers are kept. The cache is per process
(gunicorn worker) and guarded by a lock (gthread workers serve requests from several threads).
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

from server.validation import CheckRequest

DEFAULT_SIZE = 32 * 1024 * 1024  # per worker: about 1,000 answers for 5 KB articles


def answer_key(req: CheckRequest, sheet_id: str) -> bytes:
    """A digest of everything an answer depends on. The text goes in last, behind the other
    fields' fixed-form repr, so no two requests share a byte string (the text may hold anything)."""
    digest = hashlib.blake2b(digest_size=20)
    fields = (sheet_id, req.kind, req.extract, req.published, req.select, req.ignore)
    digest.update(repr(fields).encode("utf-8", "surrogatepass") + b"\0")
    digest.update(req.text.encode("utf-8", "surrogatepass"))
    return digest.digest()


class AnswerCache:
    """Answers by request digest, least recently used out first, at most `max_bytes` of bodies.

    `max_bytes` 0 keeps nothing; an answer larger than the whole budget is not kept either."""

    def __init__(self, max_bytes: int = DEFAULT_SIZE) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self._answers: OrderedDict[bytes, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._answers)

    def get(self, key: bytes) -> bytes | None:
        with self._lock:
            body = self._answers.get(key)
            if body is not None:
                self._answers.move_to_end(key)
            return body

    def put(self, key: bytes, body: bytes) -> None:
        if len(body) > self.max_bytes:
            return
        with self._lock:
            old = self._answers.pop(key, None)
            self.size += len(body) - (len(old) if old is not None else 0)
            self._answers[key] = body
            while self.size > self.max_bytes:
                _, evicted = self._answers.popitem(last=False)
                self.size -= len(evicted)
