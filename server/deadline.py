"""A time limit for one check, so a pathological text costs a client an error, not a worker.

gunicorn's own timeout would kill the whole worker (dropping the connection without an answer)
and reload its sheets; this limit fires first and answers with a JSON error instead. It uses
SIGALRM, so it applies in the main thread on POSIX (gunicorn's sync workers); elsewhere, such as
the threaded dev server, it is a no-op and gunicorn's timeout remains the backstop.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class CheckTimeout(Exception):
    """The check ran past its deadline."""


def _expire(signum: int, frame: FrameType | None) -> None:
    raise CheckTimeout


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise CheckTimeout inside the block once `seconds` have passed (0 or less: no limit)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if seconds <= 0 or not usable:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
