"""The `factlint` command line (click). Commands: check, facts, rule, and serve (HTTP API)."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence

import click

from linter import __version__
from linter.document import DocumentError, build_document, decode, kind_for, load_file
from linter.engine import SelectionError, lint, select_rules
from linter.results import FileResult
from linter.sheet import Sheet, SheetError, default_sheet, load_sheet

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def fail(message: str) -> None:
    """A usage or input error: one line on stderr, exit code 2."""
    click.echo(f"factlint: error: {message}", err=True)
    sys.exit(EXIT_USAGE)


def split_codes(values: Sequence[str]) -> list[str] | None:
    codes = [c.strip() for v in values for c in v.split(",") if c.strip()]
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


facts_option = click.option(
    "--facts", "facts_path", type=click.Path(dir_okay=False), help="Lint against this fact sheet (TOML)."
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factlint")
def cli() -> None:
    """factlint: flag statements that contradict a canonical fact sheet."""


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@facts_option
@click.option("--select", multiple=True, help="Rule codes or prefixes to run (comma-separated).")
@click.option("--ignore", multiple=True, help="Rule codes or prefixes to skip (comma-separated).")
@click.option("--published", help="The article's date (YYYY-MM-DD), for relative dates.")
@click.option("--extract", is_flag=True, help="HTML: lint only the main article (trafilatura).")
@click.option("--stdin-filename", help="Name (and kind, by suffix) for text read from '-'.")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning"]),
    default="error",
    show_default=True,
    help="Lowest severity that makes the exit code 1.",
)
def check(
    paths: tuple[str, ...],
    fmt: str,
    facts_path: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    published: str | None,
    extract: bool,
    stdin_filename: str | None,
    fail_on: str,
) -> None:
    """Lint files, folders (recursively) or '-' for stdin."""
    from linter.files import collect
    from linter.formats import renderer

    if not paths:
        fail("no paths given (use '-' for stdin, or a file or folder)")
    sheet = sheet_from(facts_path)
    try:
        rules = select_rules(split_codes(select), split_codes(ignore))
    except SelectionError as exc:
        fail(str(exc))
    published_date = parse_date(published)
    results: list[FileResult] = []
    input_errors = 0
    for path in collect(list(paths)):
        try:
            doc = read_document(path, stdin_filename, extract)
        except DocumentError as exc:
            click.echo(f"factlint: error: {exc}", err=True)
            input_errors += 1
            continue
        results.append(FileResult(doc.path, doc.text, lint(doc, sheet, rules, published=published_date)))
    if not results and not input_errors:
        fail(f"no .txt, .md or .html files found in {', '.join(paths)}")
    click.echo(renderer(fmt)(results, sheet), nl=False)
    if input_errors:
        sys.exit(EXIT_USAGE)
    failing = {"error"} if fail_on == "error" else {"error", "warning"}
    sys.exit(EXIT_FINDINGS if any(f.severity in failing for r in results for f in r.findings) else EXIT_CLEAN)


def read_document(path: str, stdin_filename: str | None, extract: bool):  # noqa: ANN201 - Document
    if path != "-":
        return load_file(path, extract=extract)
    name = stdin_filename or "<stdin>"
    kind = kind_for(stdin_filename or "", default="text") or "text"
    return build_document(decode(sys.stdin.buffer.read(), name), name, kind, extract=extract)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@facts_option
def facts(fmt: str, facts_path: str | None) -> None:
    """Print the fact sheet: entities, facts, ranks and sources."""
    from linter.sheet_view import render_sheet

    sheet = sheet_from(facts_path)
    if fmt == "json":
        import json

        click.echo(json.dumps(sheet.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(render_sheet(sheet))


@cli.command()
@click.argument("code", required=False)
@click.option("--all", "show_all", is_flag=True, help="Explain every rule.")
def rule(code: str | None, show_all: bool) -> None:
    """Explain a rule (its checks and examples), or list them all."""
    from linter.engine import all_rules

    rules = all_rules()
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


def _register_optional_commands() -> None:
    """`serve` lives in the server package; its heavy imports happen only when it runs."""
    try:
        from server.cli import serve
    except ImportError:
        return
    cli.add_command(serve)


_register_optional_commands()


def main() -> None:
    cli()
