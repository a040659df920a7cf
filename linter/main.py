"""The `factlint` program: set up the process, then hand over to the command line.

Kept apart from `linter.cli` so that process-wide set-up (the compiled-pattern cache) happens
before any module compiles its patterns at import.

The plain `factlint check FILE...` (no option at all, the pre-commit hook's call) skips click:
`linter.check_command` runs it with `plain_echo`, exactly as the click command would with its
defaults. Anything else, or a stream or platform where `click.echo` would do more than write and
flush (Windows, an ASCII-configured stream, shell completion), goes through click. On that path
the cyclic garbage collector is also off while the program starts (imports, configuration, sheets
and rules make no garbage, and the collector kept rescanning them: 7-15 ms of a cold run);
`check_command` freezes what start-up made and turns it back on before the documents are read.
"""

from __future__ import annotations

import gc
import os
import sys


def main() -> None:
    paths = sys.argv[2:]
    plain = len(sys.argv) > 2 and sys.argv[1] == "check" and all(p and not p.startswith("-") for p in paths)
    if plain and _plain():
        gc.disable()  # until check_command.startup_done()
        _set_up()
        _check_plainly(tuple(paths))
    _set_up()
    from linter.cli import main as cli_main

    cli_main()


def _set_up() -> None:
    from linter import regex_cache

    regex_cache.enable()


def _plain() -> bool:
    """Would `click.echo` just write and flush here, and is no shell completion asked for?"""
    if os.name == "nt" or any(k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ):
        return False
    import codecs

    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or "ascii"
        try:
            if codecs.lookup(encoding).name == "ascii":
                return False  # click re-wraps such a stream in UTF-8
        except LookupError:
            return False
    return True


def _check_plainly(paths: tuple[str, ...]) -> None:
    """`check` with every option at its default; click's handling of ^C and a closed pipe kept."""
    import errno

    from linter.check_command import check, plain_echo

    try:
        check(plain_echo, paths)
    except (EOFError, KeyboardInterrupt):
        plain_echo(err=True)
        plain_echo("Aborted!", err=True)
        sys.exit(1)
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            raise
        from click.utils import PacifyFlushWrapper

        sys.stdout = PacifyFlushWrapper(sys.stdout)
        sys.stderr = PacifyFlushWrapper(sys.stderr)
        sys.exit(1)
    sys.exit(0)  # not reached: check always exits with its code
