"""`factlint crawl` options and console output; the work itself is `linter.crawl.job` on Dask.

Exit codes: 0 the run finished (bad pages are counted, not fatal), 2 usage or input errors.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import click

from linter.cli import config_options, fail, finder_from, parse_date, split_codes
from linter.config import ConfigError, Overrides, settings_for
from linter.crawl.adapter import settings_sheets
from linter.crawl.job import LOCAL_SCHEDULERS, Job, execute, plan
from linter.crawl.output import Output, merge
from linter.crawl.pages import InputError, expand_inputs
from linter.sheet import SheetError

SCHEDULER_ADDRESS = re.compile(r"\A(?:[a-z+]+://)?[\w.\-\[\]:]+:\d+/?\Z")
CRAWL_MODULES = ("dask.bag", "distributed", "fsspec", "warcio", "pyarrow")

SCHEDULER_HELP = (
    "'processes' (default: local processes, no set-up), 'threads', 'synchronous', "
    "or the address of a distributed scheduler (tcp://host:8786)."
)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--out", required=True, help="Output folder (or fsspec URL): JSON lines, Parquet, summary.")
@click.option("--scheduler", default="processes", show_default=True, help=SCHEDULER_HELP)
@click.option("--workers", type=click.IntRange(min=1), help="Local processes or threads (default: one per CPU).")
@click.option("--batch", type=click.IntRange(min=1), default=200, show_default=True, help="Loose files per task.")
@click.option("--facts", "facts_paths", multiple=True, type=click.Path(dir_okay=False), help="Fact sheet(s) (TOML).")
@config_options
@click.option("--select", multiple=True, help="Rule codes or prefixes to run (comma-separated).")
@click.option("--ignore", multiple=True, help="Rule codes or prefixes to skip (comma-separated).")
@click.option("--published", help="The pages' date (YYYY-MM-DD) when a page gives none.")
@click.option("--extract/--no-extract", default=True, show_default=True, help="HTML: lint only the main article.")
@click.option("--progress/--no-progress", default=True, show_default=True, help="A progress bar on stderr.")
def crawl_command(
    inputs: tuple[str, ...],
    out: str,
    scheduler: str,
    workers: int | None,
    batch: int,
    facts_paths: tuple[str, ...],
    config_path: str | None,
    isolated: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    published: str | None,
    extract: bool,
    progress: bool,
) -> None:
    """Lint WARC/WARC.gz files, folders, globs or URLs of .txt/.md/.html on Dask.

    Writes OUT/jsonl and OUT/parquet (findings with URL and record id), OUT/errors (bad pages)
    and OUT/summary.json. Rerunning with the same OUT skips the partitions already written.
    """
    require("crawl", CRAWL_MODULES)
    overrides = Overrides(
        select=split_codes(select),
        ignore=split_codes(ignore) or (),
        facts=tuple(str(Path(p).resolve()) for p in facts_paths) or None,
        published=parse_date(published),
    )
    try:
        settings = settings_for(finder_from(config_path, isolated).for_path(Path.cwd()), overrides, None)
        settings_sheets(settings)  # a bad sheet stops the run here, not in every worker
        partitions = plan(expand_inputs(list(inputs)), batch)
        job = Job(out, settings, extract)
        Output(out).prepare(job.options())
    except (ConfigError, SheetError, InputError, ValueError) as exc:
        fail(str(exc))
    if scheduler not in LOCAL_SCHEDULERS and not SCHEDULER_ADDRESS.match(scheduler):
        fail(f"--scheduler: {scheduler!r} is neither {', '.join(LOCAL_SCHEDULERS)} nor an address like tcp://host:8786")
    started = time.monotonic()
    try:
        results = execute(partitions, job, scheduler, workers, progress)
    except OSError as exc:  # distributed raises OSError (or its TimeoutError) for an unreachable scheduler
        fail(f"--scheduler {scheduler}: cannot connect ({exc})")
    summary = _summary(results, time.monotonic() - started)
    Output(out).write_text("summary.json", json.dumps(summary, indent=2) + "\n")
    _print(summary, out)


def require(extra: str, modules: tuple[str, ...]) -> None:
    """A one-line error, not a traceback, when an optional dependency is missing."""
    import importlib

    for module in modules:
        try:
            importlib.import_module(module)
        except ImportError:
            fail(f"factlint {extra} needs {module.split('.')[0]}: pip install 'factlint[{extra}]'")


def _summary(results: list[dict[str, Any]], seconds: float) -> dict[str, Any]:
    summary = merge(results)
    fresh = [r for r in results if not r["skipped"]]
    summary["partitions_skipped"] = len(results) - len(fresh)
    summary["seconds"] = round(seconds, 2)
    pages = sum(r["pages"] for r in fresh)
    summary["pages_per_second"] = round(pages / seconds, 1) if pages and seconds else None
    return summary


def _print(summary: dict[str, Any], out: str) -> None:
    echo = click.echo
    echo(f"pages read: {summary['pages']} ({summary['linted']} linted, {summary['bad_pages']} bad)")
    echo(f"pages the sheet applies to: {summary['applicable']}")
    echo(f"findings: {summary['findings']}")
    for rule, count in summary["findings_by_rule"].items():
        echo(f"  {rule}: {count}")
    for category, count in summary["bad_pages_by_category"].items():
        echo(f"  bad pages, {category}: {count}")
    if summary["partitions_skipped"]:
        echo(f"partitions already written, skipped: {summary['partitions_skipped']} of {summary['partitions']}")
    if summary["pages_per_second"]:
        echo(f"time: {summary['seconds']} s ({summary['pages_per_second']} pages/s)")
    echo(f"output: {out} (jsonl/, parquet/, errors/, summary.json)")
