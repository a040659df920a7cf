"""server/deadline.py: the per-check time limit, enforced by one watchdog thread per process."""

from __future__ import annotations

import threading
import time

import pytest

from server.deadline import WATCHDOG, CheckTimeout, Watchdog, deadline


def busy(seconds: float) -> None:
    """Busy in Python, as the engine is (an async exception lands between bytecodes)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def run_in_thread(work: object) -> None:
    thread = threading.Thread(target=work)  # type: ignore[arg-type]
    thread.start()
    thread.join()


def test_time_limit_applies_in_a_worker_thread_too() -> None:
    """gthread workers run requests in pool threads: the limit must reach them (SIGALRM could not)."""
    outcome: list[str] = []

    def work() -> None:
        end = time.monotonic() + 5
        try:
            with deadline(0.05):
                while time.monotonic() < end:
                    pass
        except CheckTimeout:
            outcome.append("timeout" if time.monotonic() < end else "late")
        with deadline(0.05):
            pass
        time.sleep(0.2)  # an alarm that fired after its block must not land here
        outcome.append("clean")

    run_in_thread(work)
    assert outcome == ["timeout", "clean"]


def test_many_deadlines_start_one_thread_per_process() -> None:
    """Arming is a heap push: a thousand checks start no thread after the watchdog's own."""
    with deadline(5):
        pass
    before = threading.active_count()
    for _ in range(1000):
        with deadline(5):
            pass
    assert threading.active_count() == before
    assert sum(t.name == "factlint-deadline" for t in threading.enumerate()) == 1


def test_a_shorter_deadline_armed_behind_a_longer_one_still_fires() -> None:
    """The watchdog sleeps until the earliest deadline, so an earlier one must wake it."""
    watchdog = Watchdog()
    outer = watchdog.arm(30)  # another thread's long limit, armed first
    outcome: list[str] = []

    def work() -> None:
        alarm = watchdog.arm(0.05)
        try:
            busy(5)
            outcome.append("late")
        except CheckTimeout:
            outcome.append("timeout")
        finally:
            watchdog.disarm(alarm)

    run_in_thread(work)
    watchdog.disarm(outer)
    assert outcome == ["timeout"]
    assert not outer.fired


def test_concurrent_checks_each_get_their_own_deadline() -> None:
    """A slow check times out; fast ones beside it, under the same watchdog, do not."""
    outcome: dict[str, str] = {}

    def work(name: str, seconds: float) -> None:
        try:
            with deadline(0.3):
                busy(seconds)
            outcome[name] = "done"
        except CheckTimeout:
            outcome[name] = "timeout"

    threads = [threading.Thread(target=work, args=(f"fast{i}", 0.01)) for i in range(3)]
    threads.append(threading.Thread(target=work, args=("slow", 5)))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcome == {"fast0": "done", "fast1": "done", "fast2": "done", "slow": "timeout"}


@pytest.mark.parametrize("seconds", [0, -1])
def test_no_limit_arms_nothing(seconds: float) -> None:
    armed = len(WATCHDOG.heap)
    with deadline(seconds):
        assert len(WATCHDOG.heap) == armed
