"""One file's way through a check: bytes -> document -> engine (per sheet) -> suppressions -> fixes.

`process` does all of it for one `Task` and returns plain data, so `--jobs N` can run it in worker
processes (`run` keeps the input order). Sheets and rule selections are loaded once per process.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from linter.config import BUILTIN_SHEET, FileSettings
from linter.documents import Document, DocumentError, build_document, decode, kind_for, read_bytes
from linter.engine import lint
from linter.findings import Finding
from linter.formats.results import FileResult
from linter.pipeline import Checked, Options, check_document
from linter.registry import registry
from linter.rule import Rule
from linter.sheet import Sheet, default_sheet, load_sheet
from linter.suppress import UNUSED_CODE


class FixMode(NamedTuple):
    """What --fix, --diff and --unsafe-fixes ask for."""

    write: bool = True  # --fix writes files; --diff only shows what would change
    unsafe: bool = False


class Task(NamedTuple):
    """One file to check. `data` carries stdin's bytes; `name` is what the output calls the file."""

    path: str
    settings: FileSettings
    name: str | None = None
    kind: str | None = None
    extract: bool = False
    data: bytes | None = None
    fix: FixMode | None = None
    error: str | None = None  # found before linting (an unreadable folder, stdin too large): reported as is


class Outcome:
    """One file's result as plain data (it crosses from --jobs workers): findings, or an error.
    Filled in as the file is linted and fixed."""

    __slots__ = ("diff", "error", "fixed", "note", "path", "result")

    def __init__(self, path: str = "", result: FileResult | None = None, error: str | None = None) -> None:
        self.path, self.result, self.error = path, result, error
        self.fixed = 0
        self.diff = ""
        self.note: str | None = None


@cache
def sheets_for(paths: tuple[str, ...]) -> tuple[Sheet, ...]:
    """The sheets of a selection, each loaded and validated once per process (SheetError if bad)."""
    return tuple(default_sheet() if p == BUILTIN_SHEET else load_sheet(p) for p in paths)


@cache
def rules_for(codes: tuple[str, ...]) -> list[type[Rule]]:
    return registry().engine_rules(codes)


def label_sheet(sheets: list[Sheet]) -> Sheet:
    """The sheet formatters read source labels from: the only one, or all sources merged."""
    if len(sheets) == 1:
        return sheets[0]
    first = sheets[0]
    sources = {sid: src for sheet in reversed(sheets) for sid, src in sheet.sources.items()}
    title = " + ".join(s.title for s in sheets)
    return Sheet(id="+".join(s.id for s in sheets), title=title, path=first.path, event_date=first.event_date,
                 sources=sources)  # fmt: skip


def published_for(doc: Document, settings: FileSettings) -> dt.date | None:
    """--published, else the document's own date (front matter, meta, dateline), else the config's."""
    if settings.published_override is not None:
        return settings.published_override
    if doc.published is not None or settings.published_default is None:
        return doc.published
    from linter.annotate.dates import find_dates, published_in_text

    return published_in_text(doc.prose, find_dates(doc.prose)) or settings.published_default


def check_with_settings(doc: Document, settings: FileSettings) -> Checked:
    """The pipeline with one file's settings: every sheet, the selected rules, suppressions."""
    options = Options(
        sheets=sheets_for(settings.sheets),
        rules=rules_for(settings.codes),
        published=published_for(doc, settings),
        report_unused=UNUSED_CODE in settings.codes,
        exclude_blockquotes=settings.exclude_blockquotes,
    )
    return check_document(doc, options)


def lint_document(doc: Document, settings: FileSettings) -> list[Finding]:
    return check_with_settings(doc, settings).findings


def process(task: Task) -> Outcome:
    """Check (and maybe fix) one file; input problems come back as a one-line error."""
    name = task.name or task.path
    if task.error is not None:
        return Outcome(name, error=task.error)
    try:
        data = task.data if task.data is not None else read_bytes(task.path)
        kind = task.kind or kind_for(name) or "text"
        doc = build_document(decode(data, name), name, kind, extract=task.extract)
    except DocumentError as exc:
        return Outcome(name, error=str(exc))
    except RecursionError:  # a last line of defence: the loaders are iterative, a parser may not be
        return Outcome(name, error=f"{name}: nested too deeply to read")
    findings = lint_document(doc, task.settings)
    outcome = Outcome(name, result=FileResult(doc.path, doc.text, findings))
    if task.fix is not None:
        _fix(task, data, doc, outcome)
    return outcome


def _fix(task: Task, data: bytes, doc: Document, outcome: Outcome) -> None:
    from linter.fix import FIXABLE_KINDS, FixError, Source, fix_until_stable, fixable, unified_diff, write_atomic

    assert task.fix is not None and outcome.result is not None
    findings = outcome.result.findings
    if doc.kind not in FIXABLE_KINDS or task.extract:
        count = len(fixable(findings, task.fix.unsafe))
        if count:
            why = "HTML is never edited (offsets index the extracted text)"
            outcome.note = f"{doc.path}: {count} fix{'es' * (count != 1)} not applied: {why}"
        return

    def relint(text: str) -> list[Finding]:
        return lint_document(build_document(text, doc.path, doc.kind), task.settings)

    new_text, applied, remaining = fix_until_stable(doc.text, findings, relint, task.fix.unsafe)
    if not applied:
        return
    outcome.fixed = applied
    if not task.fix.write:
        outcome.diff = unified_diff(doc.path, doc.text, new_text)
        outcome.result = FileResult(doc.path, new_text, remaining)
        return
    try:
        write_atomic(Source(task.path, data), new_text)
    except FixError as exc:
        outcome.error, outcome.fixed = str(exc), 0
        return
    except OSError as exc:
        outcome.error, outcome.fixed = f"{task.path}: fixes not written ({exc.strerror or exc})", 0
        return
    outcome.result = FileResult(doc.path, new_text, remaining)


def _warm(selections: list[tuple[tuple[str, ...], tuple[str, ...]]]) -> None:
    """Load every sheet and rule selection once, and lint one line against each so the sheet's
    compiled matchers exist: done before forking, workers start warm instead of each building them."""
    probe = build_document("Warm-up.\n", "<warm-up>", "text")
    for sheets, codes in selections:
        rules = rules_for(codes)
        for sheet in sheets_for(sheets):
            lint(probe, sheet, rules)


def run(tasks: list[Task], jobs: int = 1) -> Iterator[Outcome]:
    """Outcomes in the order of `tasks`; with jobs > 1, files are checked in worker processes."""
    jobs = jobs if jobs > 0 else os.cpu_count() or 1
    selections = list(dict.fromkeys((t.settings.sheets, t.settings.codes) for t in tasks))
    if jobs == 1 or len(tasks) < 2:
        yield from map(process, tasks)
        return
    _warm(selections)  # forked workers inherit the loaded sheets and their compiled matchers
    from concurrent.futures import ProcessPoolExecutor  # only parallel runs pay for multiprocessing

    jobs = min(jobs, len(tasks))
    chunk = max(1, min(16, len(tasks) // (jobs * 8)))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_warm, initargs=(selections,)) as pool:
        yield from pool.map(process, tasks, chunksize=chunk)
