"""`factlint check` itself, without click: options in, output and an exit code out.

Two ways in call it: the click command (`linter.cli.check`, every option) and `linter.main`'s fast
path for the plain `factlint check FILE...`, which never imports click (about 15-25 ms of a cold
run). Output goes through the `echo` each caller passes: `click.echo`, or `plain_echo`, which does
what `click.echo` does for text on the streams the fast path accepts.

Exit codes: 0 clean, 1 findings at or above `--fail-on`, 2 usage or input errors (one line each,
naming the file).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from linter.config import ConfigError, Finder, Overrides, settings_for
from linter.sheet import Sheet, SheetError

if TYPE_CHECKING:
    from linter.runner import FixMode, Outcome, Task

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class Echo(Protocol):
    def __call__(self, message: str = ..., *, nl: bool = ..., err: bool = ...) -> None: ...


def plain_echo(message: str = "", *, nl: bool = True, err: bool = False) -> None:
    """`click.echo` for text on a Unix stream that is not ASCII-configured: ANSI styles are removed
    when the stream is not a terminal, and the stream is flushed."""
    stream = sys.stderr if err else sys.stdout
    if stream is None:
        return
    text = f"{message}\n" if nl else message
    if not text:
        stream.flush()
        return
    if "\033" in text and not _isatty(stream):
        import re

        text = re.sub(r"\033\[[;?0-9]*[a-zA-Z]", "", text)  # click's own pattern
    stream.write(text)
    stream.flush()


def _isatty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except Exception:
        return False


def fail(echo: Echo, message: str) -> None:
    """A usage or input error: one line on stderr, exit code 2."""
    echo(f"factlint: error: {message}", err=True)
    sys.exit(EXIT_USAGE)


def split_codes(values: Sequence[str]) -> tuple[str, ...] | None:
    codes = tuple(c.strip() for v in values for c in v.split(",") if c.strip())
    return codes or None


def parse_date(echo: Echo, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(echo, f"--published: {value!r} is not a date like 2026-05-20")
    return None


def finder_from(config_path: str | None, isolated: bool) -> Finder:
    return Finder(explicit=Path(config_path) if config_path else None, isolated=isolated)


def check(
    echo: Echo,
    paths: tuple[str, ...],
    fmt: str = "text",
    facts_paths: tuple[str, ...] = (),
    config_path: str | None = None,
    isolated: bool = False,
    select: tuple[str, ...] = (),
    extend_select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    published: str | None = None,
    extract: bool = False,
    stdin_filename: str | None = None,
    fail_on: str | None = None,
    exit_zero: bool = False,
    quiet: bool = False,
    statistics: bool = False,
    fix: bool = False,
    unsafe_fixes: bool = False,
    diff: bool = False,
    exclude_blockquotes: bool | None = None,
    jobs: int = 1,
) -> None:
    """Lint files, folders (recursively) or '-' for stdin; exits with the command's code."""
    from linter.documents.document import DocumentError, read_capped
    from linter.documents.files import collect
    from linter.runner import FixMode, Task, rules_for, run, sheets_for

    if not paths:
        fail(echo, "no paths given (use '-' for stdin, or a file or folder)")
    if fix and not diff and "-" in paths:
        fail(echo, "--fix cannot write to stdin; use --diff to see the fixes")
    overrides = Overrides(
        select=split_codes(select),
        extend_select=split_codes(extend_select) or (),
        ignore=split_codes(ignore) or (),
        facts=tuple(str(Path(p).resolve()) for p in facts_paths) or None,
        fail_on=fail_on,
        published=parse_date(echo, published),
        exclude_blockquotes=exclude_blockquotes,
    )
    finder = finder_from(config_path, isolated)
    fix_mode = FixMode(write=not diff, unsafe=unsafe_fixes) if fix or diff else None
    excluded_count = 0

    def excluded(path: str) -> bool:
        nonlocal excluded_count
        target = Path(path)
        config = finder.for_path(target.parent if target.is_dir() else target)
        hit = config.excludes(target)
        excluded_count += hit and not target.is_dir()
        return hit

    tasks: list[Task] = []
    unreadable: list[DocumentError] = []  # folders that could not be listed: errors, never skipped
    try:
        for path in collect(list(paths), excluded, unreadable):
            if path == "-":
                anchor = stdin_filename or str(Path.cwd() / "-")
                settings = settings_for(finder.for_path(anchor), overrides, anchor)
                kind = _stdin_kind(stdin_filename)
                name = stdin_filename or "<stdin>"
                try:
                    data, error = read_capped(sys.stdin.buffer, name), None
                except DocumentError as exc:
                    data, error = b"", str(exc)
                tasks.append(Task(path, settings, name, kind, extract, data, fix_mode, error))
            else:
                settings = settings_for(finder.for_path(path), overrides, path)
                tasks.append(Task(path, settings, extract=extract, fix=fix_mode))
        for problem in unreadable:
            settings = settings_for(finder.for_path(problem.path), overrides, problem.path)
            tasks.append(Task(problem.path, settings, error=str(problem)))
        sheets = [sheet for sel in dict.fromkeys(t.settings.sheets for t in tasks) for sheet in sheets_for(sel)]
    except (ConfigError, SheetError) as exc:
        fail(echo, str(exc))
    if not tasks:
        if excluded_count:
            if not quiet:
                echo(f"factlint: note: all {excluded_count} file(s) excluded by configuration", err=True)
            sys.exit(EXIT_CLEAN)
        fail(echo, f"no .txt, .md or .html files found in {', '.join(paths)}")
    for selection in dict.fromkeys(t.settings.codes for t in tasks):
        rules_for(selection)  # imported now, while start-up's objects are still being made
    startup_done()
    outcomes = list(run(tasks, jobs))
    report(echo, tasks, outcomes, fmt, sheets, quiet=quiet, statistics=statistics, fix_mode=fix_mode,
           exit_zero=exit_zero)  # fmt: skip


def startup_done() -> None:
    """The modules, configuration, sheets and rules made so far live as long as the process: moved
    out of the cyclic collector's sight (`gc.freeze`), which `linter.main` may have turned off while
    they were made, and which is on again for the documents' work."""
    import gc

    gc.freeze()
    gc.enable()


def _stdin_kind(stdin_filename: str | None) -> str:
    from linter.documents import kind_for

    return kind_for(stdin_filename or "", default="text") or "text"


def report(
    echo: Echo,
    tasks: list[Task],
    outcomes: list[Outcome],
    fmt: str,
    sheets: list[Sheet],
    *,
    quiet: bool,
    statistics: bool,
    fix_mode: FixMode | None,
    exit_zero: bool,
) -> None:
    """Print outcomes (findings, statistics or diffs), notes and errors; exit with the right code."""
    from linter.formats import renderer
    from linter.runner import label_sheet

    errors = [o.error for o in outcomes if o.error]
    for message in errors:
        echo(f"factlint: error: {message}", err=True)
    if not quiet:
        for o in outcomes:
            if o.note:
                echo(f"factlint: note: {o.note}", err=True)
    done = [(t, o.result) for t, o in zip(tasks, outcomes, strict=True) if o.result is not None]
    results = [r for _, r in done]
    fixed = sum(o.fixed for o in outcomes)
    remaining = sum(len(r.findings) for r in results)
    if fix_mode is not None and not fix_mode.write:
        echo("".join(o.diff for o in outcomes), nl=False)
        if not quiet:
            files = sum(1 for o in outcomes if o.diff)
            echo(f"factlint: would fix {fixed} finding(s) in {files} file(s); {remaining} would remain", err=True)
        sys.exit(EXIT_USAGE if errors else EXIT_FINDINGS if fixed and not exit_zero else EXIT_CLEAN)
    sheet = label_sheet(sheets)
    if statistics:
        from linter.formats.statistics import render as render_statistics

        echo(render_statistics(results, fmt), nl=False)
    elif quiet and fmt == "text":
        from linter.formats.text import render_findings

        echo(render_findings(results, sheet), nl=False)
    elif fmt in ("text", "json"):  # these two also list the files that could not be checked
        failed = [(o.path, o.error) for o in outcomes if o.error]
        echo(renderer(fmt)(results, sheet, failed=failed), nl=False)  # type: ignore[call-arg]
    else:
        echo(renderer(fmt)(results, sheet), nl=False)
    if fix_mode is not None and not quiet:
        files = sum(1 for o in outcomes if o.fixed)
        echo(f"factlint: fixed {fixed} finding(s) in {files} file(s); {remaining} remain", err=True)
    if errors:
        sys.exit(EXIT_USAGE)
    failing = any(
        f.severity == "error" or t.settings.fail_on == "warning" for t, r in done for f in r.findings
    )  # fmt: skip
    sys.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_CLEAN)
