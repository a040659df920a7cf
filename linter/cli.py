"""The `factlint` command line (click). Commands: check, config, facts, rule, and those
other packages register (`serve`, the HTTP API, from the server package).

Exit codes: 0 clean, 1 findings at or above `--fail-on`, 2 usage or input errors (one line each,
naming the file). The check pipeline itself lives in linter/runner.py; this module only turns
options into tasks and outcomes into output.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from linter import __version__
from linter.config import ConfigError, Finder, Overrides, describe, settings_for
from linter.formats import FORMATS
from linter.sheet import Sheet, SheetError, default_sheet, load_sheet

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

    from linter.runner import FixMode, Outcome, Task

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def fail(message: str) -> None:
    """A usage or input error: one line on stderr, exit code 2."""
    click.echo(f"factlint: error: {message}", err=True)
    sys.exit(EXIT_USAGE)


def split_codes(values: Sequence[str]) -> tuple[str, ...] | None:
    codes = tuple(c.strip() for v in values for c in v.split(",") if c.strip())
    return codes or None


def parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"--published: {value!r} is not a date like 2026-05-20")
    return None


def sheet_from(path: str | None) -> Sheet:
    try:
        return load_sheet(path) if path else default_sheet()
    except SheetError as exc:
        fail(str(exc))
        raise  # unreachable; keeps type checkers happy


def config_options(func: Callable[..., None]) -> Callable[..., None]:
    """--config and --isolated, shared by `check` and `config`."""
    func = click.option("--isolated", is_flag=True, help="Ignore every configuration file.")(func)
    return click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False, exists=True),
        help="Use this .factlint.toml or pyproject.toml for every file instead of the closest one.",
    )(func)


def finder_from(config_path: str | None, isolated: bool) -> Finder:
    return Finder(explicit=Path(config_path) if config_path else None, isolated=isolated)


class PluginGroup(click.Group):
    """Built-in commands, plus those other packages register under the `factlint.commands` entry
    point (the HTTP server's `serve`): found only when a name is not built in, so `check` never pays
    for looking them up and the engine never imports the server."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *plugin_commands()})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is None and cmd_name in (found := plugin_commands()):
            loaded = found[cmd_name].load()
            command = loaded if isinstance(loaded, click.Command) else None
        return command


def plugin_commands() -> dict[str, EntryPoint]:
    from importlib.metadata import entry_points

    return {ep.name: ep for ep in entry_points(group="factlint.commands")}


@click.group(cls=PluginGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factlint")
def cli() -> None:
    """factlint: flag statements that contradict a canonical fact sheet."""


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option(
    "--facts",
    "facts_paths",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Lint against this fact sheet (TOML) instead of the configured ones; repeat for several.",
)
@config_options
@click.option("--select", multiple=True, help="Rule codes or prefixes to run (comma-separated).")
@click.option("--extend-select", multiple=True, help="Rule codes or prefixes to add to the selection.")
@click.option("--ignore", multiple=True, help="Rule codes or prefixes to skip (comma-separated).")
@click.option("--published", help="The article's date (YYYY-MM-DD), for relative dates.")
@click.option("--extract", is_flag=True, help="HTML: lint only the main article (trafilatura).")
@click.option("--stdin-filename", help="Name (and kind, by suffix) for text read from '-'.")
@click.option(
    "--fail-on", type=click.Choice(["error", "warning"]), help="Lowest severity that makes the exit code 1 [error]."
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (errors still exit 2).")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only: no summary, no notes.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings.")
@click.option("--fix", is_flag=True, help="Apply safe fixes to .txt and .md files, then report what remains.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply unsafe fixes too.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; write nothing.")
@click.option("--exclude-blockquotes/--include-blockquotes", default=None, help="Leave quoted text unlinted.")
@click.option(
    "-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True, help="Worker processes (0: one per CPU)."
)
def check(
    paths: tuple[str, ...],
    fmt: str,
    facts_paths: tuple[str, ...],
    config_path: str | None,
    isolated: bool,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    published: str | None,
    extract: bool,
    stdin_filename: str | None,
    fail_on: str | None,
    exit_zero: bool,
    quiet: bool,
    statistics: bool,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    exclude_blockquotes: bool | None,
    jobs: int,
) -> None:
    """Lint files, folders (recursively) or '-' for stdin."""
    from linter.documents.document import DocumentError, read_capped
    from linter.documents.files import collect
    from linter.runner import FixMode, Task, run, sheets_for

    if not paths:
        fail("no paths given (use '-' for stdin, or a file or folder)")
    if fix and not diff and "-" in paths:
        fail("--fix cannot write to stdin; use --diff to see the fixes")
    overrides = Overrides(
        select=split_codes(select),
        extend_select=split_codes(extend_select) or (),
        ignore=split_codes(ignore) or (),
        facts=tuple(str(Path(p).resolve()) for p in facts_paths) or None,
        fail_on=fail_on,
        published=parse_date(published),
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
        fail(str(exc))
    if not tasks:
        if excluded_count:
            if not quiet:
                click.echo(f"factlint: note: all {excluded_count} file(s) excluded by configuration", err=True)
            sys.exit(EXIT_CLEAN)
        fail(f"no .txt, .md or .html files found in {', '.join(paths)}")
    outcomes = list(run(tasks, jobs))
    _report(tasks, outcomes, fmt, sheets, quiet=quiet, statistics=statistics, fix_mode=fix_mode, exit_zero=exit_zero)


def _stdin_kind(stdin_filename: str | None) -> str:
    from linter.documents import kind_for

    return kind_for(stdin_filename or "", default="text") or "text"


def _report(
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
        click.echo(f"factlint: error: {message}", err=True)
    if not quiet:
        for o in outcomes:
            if o.note:
                click.echo(f"factlint: note: {o.note}", err=True)
    done = [(t, o.result) for t, o in zip(tasks, outcomes, strict=True) if o.result is not None]
    results = [r for _, r in done]
    fixed = sum(o.fixed for o in outcomes)
    remaining = sum(len(r.findings) for r in results)
    if fix_mode is not None and not fix_mode.write:
        click.echo("".join(o.diff for o in outcomes), nl=False)
        if not quiet:
            files = sum(1 for o in outcomes if o.diff)
            click.echo(f"factlint: would fix {fixed} finding(s) in {files} file(s); {remaining} would remain", err=True)
        sys.exit(EXIT_USAGE if errors else EXIT_FINDINGS if fixed and not exit_zero else EXIT_CLEAN)
    sheet = label_sheet(sheets)
    if statistics:
        from linter.formats.statistics import render as render_statistics

        click.echo(render_statistics(results, fmt), nl=False)
    elif quiet and fmt == "text":
        from linter.formats.text import render_findings

        click.echo(render_findings(results, sheet), nl=False)
    elif fmt in ("text", "json"):  # these two also list the files that could not be checked
        failed = [(o.path, o.error) for o in outcomes if o.error]
        click.echo(renderer(fmt)(results, sheet, failed=failed), nl=False)  # type: ignore[call-arg]
    else:
        click.echo(renderer(fmt)(results, sheet), nl=False)
    if fix_mode is not None and not quiet:
        files = sum(1 for o in outcomes if o.fixed)
        click.echo(f"factlint: fixed {fixed} finding(s) in {files} file(s); {remaining} remain", err=True)
    if errors:
        sys.exit(EXIT_USAGE)
    failing = any(
        f.severity == "error" or t.settings.fail_on == "warning" for t, r in done for f in r.findings
    )  # fmt: skip
    sys.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_CLEAN)


@cli.command("config")
@click.argument("path", required=False)
@config_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def config_command(path: str | None, config_path: str | None, isolated: bool, fmt: str) -> None:
    """Print the configuration that applies to PATH (a file or folder; default: here)."""
    target = path or "."
    try:
        config = finder_from(config_path, isolated).for_path(target)
        data = describe(config, settings_for(config, Overrides(), target), target)
    except ConfigError as exc:
        fail(str(exc))
    if fmt == "json":
        click.echo(json.dumps(data, indent=2))
        return
    click.echo(f"# factlint configuration for {target}")
    click.echo(f"# from {config.label}")
    for key, value in data.items():
        if key in {"path", "config"}:
            continue
        click.echo(f"# {key}: not set" if value is None else f"{key} = {json.dumps(value)}")


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--facts", "facts_path", type=click.Path(dir_okay=False), help="Print this fact sheet (TOML).")
def facts(fmt: str, facts_path: str | None) -> None:
    """Print the fact sheet: entities, facts, ranks and sources."""
    from linter.sheet.view import render_sheet

    sheet = sheet_from(facts_path)
    if fmt == "json":
        click.echo(json.dumps(sheet.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(render_sheet(sheet))


@cli.command()
@click.argument("code", required=False)
@click.option("--all", "show_all", is_flag=True, help="Explain every rule.")
def rule(code: str | None, show_all: bool) -> None:
    """Explain a rule (its checks and examples), or list them all."""
    from linter.registry import registry

    rules = registry().rules()
    if show_all:
        click.echo("\n\n".join(r.explain() for r in rules))
        return
    if not code:
        for r in rules:
            click.echo(f"{r.code}  {r.name:<22} {r.summary()}")
        return
    match = [r for r in rules if r.code == code.upper()]
    if not match:
        fail(f"unknown rule code {code!r} (see 'factlint rule')")
    click.echo(match[0].explain())


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
