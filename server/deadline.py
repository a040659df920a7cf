"""A time limit for one check, so a pathological text costs a client an error, not a worker.

gunicorn's gthread workers run each request in a pool thread, where SIGALRM cannot reach, and
their own timeout never fires for a busy thread. So a watchdog thread raises `CheckTimeout` inside
the request's thread (CPython's `PyThreadState_SetAsyncExc`): the exception lands at the next
bytecode boundary, so the engine stops within a few milliseconds of the deadline, the thread goes
back to the pool, and the client gets a JSON 503 instead of a held worker. A single long C call
(one regex match) finishes first; the engine's patterns are bounded, so none runs long.

One watchdog per process serves every request: arming a deadline is a heap push under a lock, not
a new timer thread (starting and cancelling a `threading.Timer` per request cost more CPU than a
one-sentence check's whole HTTP path). The watchdog sleeps until the earliest armed deadline, and
is woken only when a new deadline comes before every armed one (with one limit for all requests,
that happens only when none is armed).
"""

from __future__ import annotations

import ctypes
import heapq
import itertools
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class CheckTimeout(Exception):
    """The check ran past its deadline."""


_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
_set_async_exc.argtypes = (ctypes.c_ulong, ctypes.py_object)
_set_async_exc.restype = ctypes.c_int


class _Alarm:
    """One armed deadline: fires at most once, and never after its block has ended."""

    __slots__ = ("active", "fired", "thread_id")

    def __init__(self, thread_id: int) -> None:
        self.thread_id = thread_id
        self.active = True
        self.fired = False


class Watchdog:
    """Fires the alarms of one process from a single daemon thread, started on first use.

    All state changes happen under `self.lock`, so an alarm is either fired before its block
    ends (and the pending exception is cleared at disarm if it has not landed yet) or never.
    Disarmed alarms stay in the heap until they reach its top, where they are dropped unfired.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.wake = threading.Condition(self.lock)
        self.heap: list[tuple[float, int, _Alarm]] = []
        self.order = itertools.count()  # ties in due time never compare alarms
        self.pid = 0  # the process whose thread runs; a forked child starts its own

    def arm(self, seconds: float) -> _Alarm:
        alarm = _Alarm(threading.get_ident())
        due = time.monotonic() + seconds
        with self.lock:
            if self.pid != os.getpid():
                self.pid = os.getpid()
                self.heap.clear()  # a parent's alarms name threads this process does not have
                threading.Thread(target=self._run, name="factlint-deadline", daemon=True).start()
            earliest = not self.heap or due < self.heap[0][0]
            heapq.heappush(self.heap, (due, next(self.order), alarm))
            if earliest:
                self.wake.notify()
        return alarm

    def disarm(self, alarm: _Alarm) -> None:
        with self.lock:
            alarm.active = False
            if alarm.fired:  # raised already, or still pending: a pending one must not escape the block
                _set_async_exc(alarm.thread_id, ctypes.py_object())

    def _run(self) -> None:
        with self.lock:
            while True:
                now = time.monotonic()
                while self.heap and (not self.heap[0][2].active or self.heap[0][0] <= now):
                    _, _, alarm = heapq.heappop(self.heap)
                    if alarm.active:
                        alarm.fired = _set_async_exc(alarm.thread_id, ctypes.py_object(CheckTimeout)) == 1
                self.wake.wait(self.heap[0][0] - now if self.heap else None)


WATCHDOG = Watchdog()


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise CheckTimeout inside the block once `seconds` have passed (0 or less: no limit)."""
    if seconds <= 0:
        yield
        return
    alarm = WATCHDOG.arm(seconds)
    try:
        yield
    finally:
        WATCHDOG.disarm(alarm)
