"""A time limit for one check, so a pathological text costs a client an error, not a worker.

gunicorn's gthread workers run each request in a pool thread, where SIGALRM cannot reach, and
their own timeout never fires for a busy thread. So a timer thread raises `CheckTimeout` inside
the request's thread (CPython's `PyThreadState_SetAsyncExc`): the exception lands at the next
bytecode boundary, so the engine stops within a few milliseconds of the deadline, the thread goes
back to the pool, and the client gets a JSON 503 instead of a held worker. A single long C call
(one regex match) finishes first; the engine's patterns are bounded, so none runs long.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class CheckTimeout(Exception):
    """The check ran past its deadline."""


_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
_set_async_exc.argtypes = (ctypes.c_ulong, ctypes.py_object)
_set_async_exc.restype = ctypes.c_int


class _Alarm:
    """Fires at most once, and never after the guarded block has ended (the lock orders both)."""

    def __init__(self, thread_id: int) -> None:
        self.thread_id = thread_id
        self.lock = threading.Lock()
        self.active = True
        self.fired = False

    def fire(self) -> None:
        with self.lock:
            if self.active:
                self.fired = _set_async_exc(self.thread_id, ctypes.py_object(CheckTimeout)) == 1

    def disarm(self) -> None:
        with self.lock:
            self.active = False
            if self.fired:  # raised already, or still pending: a pending one must not escape the block
                _set_async_exc(self.thread_id, ctypes.py_object())


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise CheckTimeout inside the block once `seconds` have passed (0 or less: no limit)."""
    if seconds <= 0:
        yield
        return
    alarm = _Alarm(threading.get_ident())
    timer = threading.Timer(seconds, alarm.fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        alarm.disarm()
