"""The `factlint` command line (click). Commands: check, config, facts, rule, and those
other packages register (`serve`, the HTTP API, from the server package).

Exit codes: 0 clean, 1 findings at or above `--fail-on`, 2 usage or input errors (one line each,
naming the file). `check` itself is `linter.check_command` (options into tasks, outcomes into
output; `linter.main` also calls it without click for a plain `check FILE...`); the pipeline is
linter/runner.py.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from linter import __version__, check_command
from linter.check_command import finder_from as finder_from  # also used by other commands (crawl, lsp)
from linter.check_command import split_codes as split_codes
from linter.compiled import version_text
from linter.config import ConfigError, Overrides, describe, settings_for
from linter.formats import FORMATS
from linter.sheet import Sheet, SheetError, default_sheet, load_sheet

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint


def fail(message: str) -> None:
    """A usage or input error: one line on stderr, exit code 2."""
    check_command.fail(click.echo, message)


def parse_date(value: str | None) -> dt.date | None:
    """--published's date, or a usage error."""
    return check_command.parse_date(click.echo, value)


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
@click.version_option(version_text(__version__), prog_name="factlint")
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
def check(**options: Any) -> None:
    """Lint files, folders (recursively) or '-' for stdin."""
    from linter.check_command import check as run_check

    run_check(click.echo, **options)


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
