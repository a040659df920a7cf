"""`factlint serve`: a click command the main CLI registers with `cli.add_command(serve)`.

Only click is imported at module level; Flask and gunicorn load inside the command, so other
factlint commands never pay for (or depend on) them.
"""

from __future__ import annotations

import re

import click

SIZE = re.compile(r"^\s*(\d+)\s*(|b|k|kb|kib|m|mb|mib)\s*$", re.IGNORECASE)
UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "kib": 1024, "m": 1024**2, "mb": 1024**2, "mib": 1024**2}


class ByteSize(click.ParamType):  # type: ignore[type-arg]  # generic only in newer click stubs
    """'1048576', '512KB', '1MB' (binary multiples, as nginx reads them); 0 only if `zero` allows it."""

    name = "size"

    def __init__(self, zero: bool = False) -> None:
        self.zero = zero

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        m = SIZE.match(str(value))
        if not m or int(m[1]) < (0 if self.zero else 1):
            self.fail(f"{value!r} is not a size like 1048576, 512KB or 1MB", param, ctx)
        return int(m[1]) * UNITS[m[2].lower()]


@click.command("serve")
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on (non-loopback needs --token)."
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="TCP port.")
@click.option("--workers", type=click.IntRange(1, 64), help="gunicorn worker processes [default: one per core].")
@click.option(
    "--threads",
    type=click.IntRange(1, 64),
    help="Threads per worker: each slow client holds one [default: 4].",
)
@click.option(
    "--token", envvar="FACTLINT_TOKEN", show_envvar=True, help="Require 'Authorization: Bearer TOKEN' on /v1."
)
@click.option("--debug", is_flag=True, help="Flask's development server with reloading (not for production).")
@click.option(
    "--facts",
    "facts",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Extra fact sheet (TOML) to load; repeatable.",
)
@click.option(
    "--max-body",
    type=ByteSize(),
    help="Largest request body, e.g. 512KB [default: 256KB, which the engine checks in about 1 s].",
)
@click.option(
    "--check-timeout",
    type=click.FloatRange(0, 25),
    help="Seconds one check may take before it is answered with 503; 0 for no limit [default: 10].",
)
@click.option(
    "--answer-cache",
    type=ByteSize(zero=True),
    help="Memory per worker for answers kept for the same request again, e.g. 64MB; 0 keeps none [default: 32MB].",
)
@click.option("--allow-origin", multiple=True, help="Exact origin allowed by CORS, e.g. https://example.org.")
@click.option("--extension-id", multiple=True, help="Allow only these browser-extension ids [default: any extension].")
def serve(
    host: str,
    port: int,
    workers: int | None,
    threads: int | None,
    token: str | None,
    debug: bool,
    facts: tuple[str, ...],
    max_body: int | None,
    check_timeout: float | None,
    answer_cache: int | None,
    allow_origin: tuple[str, ...],
    extension_id: tuple[str, ...],
) -> None:
    """Serve the HTTP API and the page at / (gunicorn; --debug for Flask's dev server)."""
    from server.serve import ServeError, run_server

    try:
        run_server(
            host=host,
            port=port,
            workers=workers,
            threads=threads,
            token=token,
            debug=debug,
            sheets=facts,
            max_body=max_body,
            check_timeout=check_timeout,
            answer_cache=answer_cache,
            allow_origins=allow_origin,
            extension_ids=extension_id,
        )
    except ServeError as exc:
        click.echo(f"factlint serve: {exc}", err=True)
        raise SystemExit(2) from None
