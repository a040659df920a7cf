"""The crawl on Dask: a bag of partitions (one WARC file, or a batch of loose files, each), every
partition linted by one task that writes its own output, so workers share nothing but the job.

Sheets are loaded once per worker process (`linter.runner.sheets_for` caches them), not per page.
"""

from __future__ import annotations

import hashlib
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any

from linter.config import FileSettings
from linter.crawl.adapter import check_document
from linter.crawl.output import Output
from linter.crawl.pages import Page, Source, read_document
from linter.crawl.warc import read_warc
from linter.documents import DocumentError

LOCAL_SCHEDULERS = ("processes", "threads", "synchronous")
CONNECT_TIMEOUT = "20s"


@dataclass(frozen=True)
class Job:
    """What every partition needs; plain data, shipped to the workers."""

    out: str
    settings: FileSettings
    extract: bool = True

    def options(self) -> dict[str, Any]:
        """The options that change results: a restart must use the same."""
        settings = self.settings._asdict()
        for key in ("published_override", "published_default"):
            settings[key] = settings[key].isoformat() if settings[key] else None
        settings.pop("fail_on")
        return {"extract": self.extract, "settings": settings}


@dataclass(frozen=True)
class Partition:
    id: str
    sources: tuple[Source, ...]


def plan(sources: list[Source], batch: int) -> list[Partition]:
    """One partition per WARC file, loose files in batches; ids follow the inputs, so a rerun on
    the same inputs finds its finished partitions."""
    groups: list[tuple[Source, ...]] = [(s,) for s in sources if s.warc]
    loose = [s for s in sources if not s.warc]
    groups += [tuple(loose[i : i + batch]) for i in range(0, len(loose), batch)]
    return [Partition(_part_id(group), group) for group in groups]


def _part_id(group: tuple[Source, ...]) -> str:
    return "part-" + hashlib.sha1("\n".join(s.url for s in group).encode()).hexdigest()[:16]


def pages_of(partition: Partition) -> Iterator[Page]:
    import fsspec

    for source in partition.sources:
        if not source.warc:
            yield read_document(source.url)
            continue
        try:
            handle = fsspec.open(source.url, "rb").open()
        except OSError as exc:
            yield Page(source.url, source.url, source.url, problem=f"cannot read ({exc.strerror or exc})")
            continue
        with handle:
            yield from read_warc(handle, source.url)


def run_partition(partition: Partition, job: Job) -> dict[str, Any]:
    """Lint one partition and write its output; a finished one is read back, not redone."""
    out = Output(job.out)
    previous = out.done(partition.id)
    if previous is not None:
        return {**previous, "skipped": True}
    rows: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    counts: Counter[str] = Counter()
    for page in pages_of(partition):
        counts["pages"] += 1
        try:
            if page.problem:
                raise DocumentError(page.url, page.problem)
            assert page.kind is not None
            checked = check_document(page.text(), page.kind, page.url, job.settings, job.extract)
        except DocumentError as exc:
            errors.append(error_row(page, exc.problem, category(exc.problem)))
            continue
        except Exception as exc:  # one page the engine fails on must not end a crawl of millions
            errors.append(error_row(page, f"engine error: {type(exc).__name__}: {exc}", "engine-error"))
            continue
        counts["linted"] += 1
        counts["applicable"] += checked.coverage.applies
        rows += [{"url": page.url, "record_id": page.record_id, "source": page.source, **f.to_dict()}
                 for f in checked.findings]  # fmt: skip
    summary = {
        "partition": partition.id,
        "sources": [s.url for s in partition.sources],
        **{key: counts[key] for key in ("pages", "linted", "applicable")},
        "findings": len(rows),
        "bad_pages": len(errors),
        "by_rule": dict(Counter(row["rule"] for row in rows)),
        "bad_by_category": dict(Counter(e["category"] for e in errors)),
    }
    out.write_part(partition.id, rows, errors, summary)
    return {**summary, "skipped": False}


def error_row(page: Page, problem: str, kind: str) -> dict[str, Any]:
    return {"url": page.url, "record_id": page.record_id, "source": page.source, "problem": problem, "category": kind}


def category(problem: str) -> str:
    """A bad page's kind of problem, for the summary's counts."""
    for prefix, name in (
        ("corrupt WARC", "corrupt-archive"),
        ("truncated", "truncated-record"),
        ("HTTP status", "http-status"),
        ("not a text", "not-text"),
        ("binary", "not-text"),
        ("not valid", "undecodable"),
        ("unknown charset", "undecodable"),
        ("empty", "empty"),
        ("cannot read", "unreadable"),
    ):
        if problem.startswith(prefix):
            return name
    return "other"


def execute(
    partitions: list[Partition], job: Job, scheduler: str, workers: int | None, progress: bool
) -> list[dict[str, Any]]:
    """Run every partition on Dask: a local scheduler by name, or a `distributed` scheduler address."""
    import dask.bag as db

    bag = db.from_sequence(partitions, npartitions=len(partitions)).map(run_partition, job)  # type: ignore[no-untyped-call]
    if scheduler in LOCAL_SCHEDULERS:
        bar: AbstractContextManager[Any] = nullcontext()
        if progress:
            from dask.diagnostics.progress import ProgressBar

            bar = ProgressBar(out=sys.stderr)  # type: ignore[no-untyped-call]
        with bar:
            return list(bag.compute(scheduler=scheduler, num_workers=workers))
    from distributed import Client, as_completed

    with Client(scheduler, timeout=CONNECT_TIMEOUT) as client:  # type: ignore[no-untyped-call]
        futures = client.compute(bag.to_delayed())
        results: list[dict[str, Any]] = []
        started = time.monotonic()
        for done, future in enumerate(as_completed(futures), 1):  # type: ignore[no-untyped-call]
            results += future.result()
            if progress:
                _bar(done, len(futures), time.monotonic() - started)
        if progress:
            sys.stderr.write("\n")
        return results


def _bar(done: int, total: int, elapsed: float, width: int = 40) -> None:
    filled = width * done // total
    sys.stderr.write(f"\r[{'#' * filled}{' ' * (width - filled)}] {done}/{total} partitions | {elapsed:.1f}s")
    sys.stderr.flush()
