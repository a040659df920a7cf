"""The `factlint` program: set up the process, then hand over to the command line.

Kept apart from `linter.cli` so that process-wide set-up (the compiled-pattern cache) happens
before any module compiles its patterns at import.
"""

from __future__ import annotations


def main() -> None:
    from linter import regex_cache

    regex_cache.enable()
    from linter.cli import main as cli_main

    cli_main()
