"""The answer cache (server/answers.py): the same request again is answered without the engine,
with the same bytes; anything that changes the answer changes the key; only successes are kept."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import replace
from typing import Any

import pytest
from click.testing import CliRunner
from server_fixtures import WRONG_BOSS, WRONG_DATE, make_app

from linter import api as engine_api
from server.answers import AnswerCache, answer_key
from server.validation import CheckRequest

BASE = CheckRequest(text=WRONG_BOSS, kind="text", extract=False, published=None, select=None, ignore=None, sheet=None)


@pytest.fixture()
def engine_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the engine was asked to check, in order."""
    calls: list[str] = []
    real = engine_api.check

    def counting(text: str, **kwargs: Any) -> Any:
        calls.append(text)
        return real(text, **kwargs)

    monkeypatch.setattr(engine_api, "check", counting)
    return calls


def test_the_same_request_again_is_answered_from_the_cache(engine_calls: list[str]) -> None:
    client = make_app(warm_up=False).test_client()
    first = client.post("/v1/check", json={"text": WRONG_BOSS})
    again = client.post("/v1/check", json={"text": WRONG_BOSS})
    assert (first.status_code, again.status_code) == (200, 200)
    assert (first.headers["X-Cache"], again.headers["X-Cache"]) == ("miss", "hit")
    assert again.data == first.data and first.get_json()["findings"]
    assert again.headers["Cache-Control"] == "no-store"  # still no HTTP cache between client and server
    assert engine_calls == [WRONG_BOSS]


@pytest.mark.parametrize(
    "other",
    [
        {"text": WRONG_DATE},
        {"text": WRONG_BOSS, "format": "markdown"},
        {"text": WRONG_BOSS, "published": "2026-05-21"},
        {"text": WRONG_BOSS, "select": ["FL2"]},
        {"text": WRONG_BOSS, "ignore": ["FL2"]},
        {"html": WRONG_BOSS, "extract": True},
    ],
)
def test_a_request_that_differs_in_any_field_is_checked_again(engine_calls: list[str], other: dict[str, Any]) -> None:
    client = make_app(warm_up=False).test_client()
    assert client.post("/v1/check", json={"text": WRONG_BOSS}).headers["X-Cache"] == "miss"
    answer = client.post("/v1/check", json=other)
    assert answer.status_code == 200 and answer.headers["X-Cache"] == "miss"
    assert len(engine_calls) == 2


def test_errors_are_not_kept(engine_calls: list[str]) -> None:
    client = make_app(warm_up=False).test_client()
    for _ in range(2):
        answer = client.post("/v1/check", json={"text": WRONG_BOSS, "select": ["FL999"]})
        assert answer.status_code == 400 and "X-Cache" not in answer.headers
    assert len(engine_calls) == 2


def test_a_zero_budget_keeps_nothing(engine_calls: list[str]) -> None:
    client = make_app(warm_up=False, answer_cache=0).test_client()
    heads = [client.post("/v1/check", json={"text": WRONG_BOSS}).headers["X-Cache"] for _ in range(2)]
    assert heads == ["miss", "miss"] and len(engine_calls) == 2


def test_the_key_covers_every_field_and_the_sheet() -> None:
    variants = [
        BASE,
        replace(BASE, text=WRONG_DATE),
        replace(BASE, kind="markdown"),
        replace(BASE, extract=True),
        replace(BASE, published=dt.date(2026, 5, 21)),
        replace(BASE, select=["FL2"]),
        replace(BASE, ignore=["FL2"]),
    ]
    keys = {answer_key(v, "karpathy") for v in variants} | {answer_key(BASE, "another-sheet")}
    assert len(keys) == len(variants) + 1
    assert answer_key(BASE, "karpathy") == answer_key(replace(BASE), "karpathy")


def test_a_text_cannot_pose_as_another_field() -> None:
    """The fields come first in a fixed form, then the text: moving bytes between them moves the key."""
    a = replace(BASE, text="x", select=["FL2"])
    b = replace(BASE, text="['FL2'], None)\0x")
    assert answer_key(a, "s") != answer_key(b, "s")


def test_a_lone_surrogate_in_the_text_still_has_a_key() -> None:
    text = replace(BASE, text="Karpathy \ud800")
    assert answer_key(text, "s") != answer_key(BASE, "s")


def test_least_recently_used_answers_leave_first_within_the_byte_budget() -> None:
    cache = AnswerCache(max_bytes=10)
    cache.put(b"a", b"1234")
    cache.put(b"b", b"1234")
    assert cache.get(b"a") == b"1234"  # a is now the most recently used
    cache.put(b"c", b"1234")
    assert (cache.get(b"a"), cache.get(b"b"), cache.get(b"c")) == (b"1234", None, b"1234")
    assert cache.size == 8 and len(cache) == 2


def test_replacing_an_answer_counts_its_size_once() -> None:
    cache = AnswerCache(max_bytes=10)
    cache.put(b"a", b"12345678")
    cache.put(b"a", b"12")
    assert cache.size == 2 and cache.get(b"a") == b"12"


def test_an_answer_over_the_budget_is_not_kept() -> None:
    cache = AnswerCache(max_bytes=4)
    cache.put(b"a", b"1234")
    cache.put(b"b", b"12345")
    assert cache.get(b"a") == b"1234" and cache.get(b"b") is None and cache.size == 4


def test_threads_sharing_the_cache_keep_its_size_true() -> None:
    cache = AnswerCache(max_bytes=1000)

    def fill(n: int) -> None:
        for i in range(2000):
            cache.put(f"{n}-{i % 300}".encode(), b"x" * (1 + i % 7))
            cache.get(f"{n}-{(i * 7) % 300}".encode())

    threads = [threading.Thread(target=fill, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert cache.size == sum(len(cache.get(k) or b"") for k in list(cache._answers)) <= 1000


def test_serve_takes_the_budget_and_zero(monkeypatch: pytest.MonkeyPatch) -> None:
    import server.serve
    from server.cli import serve

    seen: list[int | None] = []
    monkeypatch.setattr(server.serve, "run_server", lambda **kwargs: seen.append(kwargs["answer_cache"]))
    runner = CliRunner()
    assert runner.invoke(serve, ["--answer-cache", "64MB"]).exit_code == 0
    assert runner.invoke(serve, ["--answer-cache", "0"]).exit_code == 0
    assert runner.invoke(serve, []).exit_code == 0
    refused = runner.invoke(serve, ["--answer-cache", "-1"])
    assert refused.exit_code == 2 and "not a size" in refused.output
    assert seen == [64 * 1024**2, 0, None]
