"""A gunicorn worker freezes what building its app made, so full collections skip it while serving."""

from __future__ import annotations

import gc

import pytest
from gunicorn.workers.gthread import ThreadWorker

from server.worker import JsonErrorThreadWorker, freeze_start_up


@pytest.fixture(autouse=True)
def unfrozen() -> object:
    gc.unfreeze()
    yield
    gc.unfreeze()  # the test process's objects stay in the collector's sight


def test_freezing_moves_start_ups_objects_out_of_the_collectors_sight() -> None:
    made = [[n] for n in range(1000)]  # tracked containers, as a sheet's indexes are
    assert gc.get_freeze_count() == 0
    freeze_start_up()
    assert gc.get_freeze_count() >= len(made)


def test_the_worker_freezes_after_building_its_app_not_before(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    monkeypatch.setattr(ThreadWorker, "load_wsgi", lambda self: seen.append(gc.get_freeze_count()))
    worker = object.__new__(JsonErrorThreadWorker)  # no sockets or config needed for this step
    worker.load_wsgi()
    assert seen == [0]  # the app was built first, with nothing frozen yet
    assert gc.get_freeze_count() > 0
