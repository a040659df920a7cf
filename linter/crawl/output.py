"""Where a crawl writes: per partition, JSON lines and Parquet of findings, JSON lines of bad pages,
and a marker (the partition's summary) written last, so a rerun skips exactly the finished parts.

    OUT/run.json                  the options of the run (a rerun must use the same)
    OUT/jsonl/part-ID.jsonl       one finding per line
    OUT/parquet/part-ID.parquet   the same rows (one Parquet dataset: read the folder)
    OUT/errors/part-ID.jsonl      one bad page per line: url, record id, problem, category
    OUT/parts/part-ID.json        the partition's counts; its presence means "done"
    OUT/summary.json              the whole run's counts

Paths may be any fsspec URL, like the inputs.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import Any

FINDING_COLUMNS = (
    ("url", "string"),
    ("record_id", "string"),
    ("source", "string"),
    ("rule", "string"),
    ("fact", "string"),
    ("severity", "string"),
    ("message", "string"),
    ("found", "string"),
    ("expected", "string"),
    ("suggestion", "string"),
    ("sources", "list"),
    ("start", "int"),
    ("end", "int"),
    ("line", "int"),
    ("column", "int"),
    ("end_line", "int"),
    ("end_column", "int"),
)
COUNTS = ("pages", "linted", "applicable", "findings", "bad_pages")


class Output:
    """One run's output folder."""

    def __init__(self, url: str) -> None:
        import fsspec

        self.url = url.rstrip("/")
        self.fs, self.root = fsspec.core.url_to_fs(self.url)

    def path(self, *parts: str) -> str:
        return "/".join((self.root, *parts))

    def prepare(self, options: dict[str, Any]) -> None:
        """Create the folders; refuse to mix runs with different options in one folder."""
        options = json.loads(json.dumps(options))  # as read back: tuples become lists
        marker = self.path("run.json")
        if self.fs.exists(marker):
            previous = json.loads(self.fs.cat_file(marker))
            if previous != options:
                raise ValueError(f"{self.url}: holds a run with other options; use another --out or delete it")
        for folder in ("jsonl", "parquet", "errors", "parts"):
            self.fs.makedirs(self.path(folder), exist_ok=True)
        self.write_text("run.json", json.dumps(options, indent=2, sort_keys=True) + "\n")

    def done(self, part: str) -> dict[str, Any] | None:
        """The summary of a finished partition, or None."""
        marker = self.path("parts", f"{part}.json")
        return json.loads(self.fs.cat_file(marker)) if self.fs.exists(marker) else None

    def write_part(
        self, part: str, rows: list[dict[str, Any]], errors: list[dict[str, Any]], summary: dict[str, Any]
    ) -> None:
        """Findings and errors first, the marker last: a crash leaves the partition to redo."""
        self.write_text(f"jsonl/{part}.jsonl", _lines(rows))
        self.write_text(f"errors/{part}.jsonl", _lines(errors))
        with self.fs.open(self.path("parquet", f"{part}.parquet"), "wb") as handle:
            import pyarrow.parquet as pq

            pq.write_table(findings_table(rows), handle)
        self.write_text(f"parts/{part}.json", json.dumps(summary, ensure_ascii=False) + "\n")

    def write_text(self, name: str, text: str) -> None:
        with self.fs.open(self.path(*name.split("/")), "w", encoding="utf-8") as handle:
            handle.write(text)


def _lines(rows: Iterable[dict[str, Any]]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def findings_table(rows: list[dict[str, Any]]) -> Any:
    """Finding rows as an Arrow table with a fixed schema (an empty partition still has one)."""
    import pyarrow as pa

    types = {"string": pa.string(), "int": pa.int64(), "list": pa.list_(pa.string())}
    schema = pa.schema([(name, types[kind]) for name, kind in FINDING_COLUMNS])
    return pa.Table.from_pylist(rows, schema=schema)


def merge(parts: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The run's summary from its partitions' summaries."""
    totals: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    by_problem: Counter[str] = Counter()
    count = 0
    for part in parts:
        count += 1
        totals.update({key: part[key] for key in COUNTS})
        by_rule.update(part["by_rule"])
        by_problem.update(part["bad_by_category"])
    return {
        "version": 1,
        "partitions": count,
        **{key: totals[key] for key in COUNTS},
        "findings_by_rule": dict(sorted(by_rule.items())),
        "bad_pages_by_category": dict(sorted(by_problem.items())),
    }
