"""`factlint lsp`: start the language server on stdio (what editors launch)."""

from __future__ import annotations

from pathlib import Path

import click

from linter.cli import config_options, fail, finder_from
from linter.config import Overrides


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--stdio", is_flag=True, help="Talk LSP over stdin/stdout (the default; accepted for editors).")
@click.option("--facts", "facts_paths", multiple=True, type=click.Path(dir_okay=False), help="Fact sheet(s) (TOML).")
@config_options
def lsp_command(stdio: bool, facts_paths: tuple[str, ...], config_path: str | None, isolated: bool) -> None:
    """Run the factlint language server: diagnostics, quick fixes and hover for .md, .txt and .html."""
    try:
        from linter.lsp.server import build_server
    except ImportError as exc:
        fail(f"factlint lsp needs {exc.name}: pip install 'factlint[lsp]'")
    overrides = Overrides(facts=tuple(str(Path(p).resolve()) for p in facts_paths) or None)
    build_server(finder_from(config_path, isolated), overrides).start_io()
