"""Run the API: gunicorn with N workers (production), or Flask's dev server with `debug=True` only.

Gunicorn runs threaded workers (server/worker.py: slow clients hold a thread, not a worker) with
`preload_app=False`, so each worker builds its own app and loads and compiles the sheets once; the
master only validates the configuration first, so a broken sheet or option is one clear line
instead of N workers failing to boot. SIGTERM is gunicorn's graceful shutdown: workers finish the
requests in flight, then the process exits 0.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import sys
from collections.abc import Sequence
from typing import Any

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


class ServeError(Exception):
    """A configuration the server refuses to start with; `str()` is a one-line message."""


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    """Without a token the API is open to anyone who can connect, so it stays on loopback."""
    if not token and not is_loopback(host):
        raise ServeError(
            f"refusing to listen on {host} without a token: anyone on the network could use the API; "
            "set --token (or FACTLINT_TOKEN), or keep the default --host 127.0.0.1"
        )


def default_workers() -> int:
    """One worker per core: requests are CPU-bound, so more workers only add context switches."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def bind_address(host: str, port: int) -> str:
    return f"[{host.strip('[]')}]:{port}" if ":" in host else f"{host}:{port}"


def app_config(
    token: str | None,
    sheets: Sequence[str],
    max_body: int | None,
    check_timeout: float | None,
    allow_origins: Sequence[str],
    extension_ids: Sequence[str],
    answer_cache: int | None = None,
) -> dict[str, Any]:
    return {
        "token": token or None,
        "sheets": list(sheets),
        "max_body": max_body,
        "check_timeout": check_timeout,
        "answer_cache": answer_cache,
        "allow_origins": list(allow_origins),
        "extension_ids": list(extension_ids),
    }


def validate(config: dict[str, Any]) -> None:
    """Build the app once, without warm-up, to turn a bad sheet, token or origin into a ServeError."""
    from linter.sheet import SheetError
    from server.app import create_app

    try:
        create_app({**config, "warm_up": False})
    except (SheetError, ValueError) as exc:
        raise ServeError(str(exc)) from None


def run_server(
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    workers: int | None = None,
    token: str | None = None,
    debug: bool = False,
    sheets: Sequence[str] = (),
    max_body: int | None = None,
    allow_origins: Sequence[str] = (),
    extension_ids: Sequence[str] = (),
    check_timeout: float | None = None,
    threads: int | None = None,
    answer_cache: int | None = None,
) -> None:
    """Serve until stopped. Raises ServeError (before binding) for an unsafe or invalid setup."""
    check_bind(host, token)
    config = app_config(token, sheets, max_body, check_timeout, allow_origins, extension_ids, answer_cache)
    validate(config)
    if debug:
        from server.app import create_app

        # The dev server: reloads on code changes; the interactive debugger stays off (it runs code).
        create_app(config).run(host=host, port=port, debug=True, use_debugger=False, use_reloader=True)
        return
    if sys.platform == "win32":
        raise ServeError("gunicorn does not run on Windows; use --debug for the development server")
    check_port_free(host, port)
    _gunicorn(config, bind_address(host, port), workers or default_workers(), threads, bool(token)).run()


def check_port_free(host: str, port: int) -> None:
    """gunicorn retries a taken port for 5 s, then exits 1; say so at once, as a usage error."""
    family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gunicorn binds
            probe.bind((host.strip("[]"), port))
    except OSError as exc:
        raise ServeError(f"cannot listen on {bind_address(host, port)}: {exc.strerror or exc}") from None


def _gunicorn(config: dict[str, Any], bind: str, workers: int, threads: int | None, token_set: bool) -> Any:
    from gunicorn.app.base import BaseApplication

    from server.accesslog import FORMAT, LOGGER_CLASS
    from server.worker import THREADS, WORKER_CLASS

    threads = threads or THREADS

    class FactlintApplication(BaseApplication):  # type: ignore[misc]
        """gunicorn's programmatic entry: options from us, not from argv or a config file."""

        def load_config(self) -> None:
            options = {
                "bind": [bind],
                "workers": workers,
                # Threads, so slow clients hold a thread for at most BODY_TIMEOUT, never a worker (server/worker.py).
                "worker_class": WORKER_CLASS,
                "threads": threads,
                "preload_app": False,
                "accesslog": "-",
                "errorlog": "-",
                "access_log_format": FORMAT,
                "logger_class": LOGGER_CLASS,  # writes FORMAT's line without building gunicorn's atoms
                "graceful_timeout": 10,
                "timeout": 30,
                "proc_name": "factlint-serve",
                # gunicorn >= 23's control socket lives at one fixed path per user: two servers would clash.
                "control_socket_disable": True,
                "when_ready": lambda server: server.log.info(
                    "factlint API ready on http://%s (%d gthread workers of %d threads, %s)",
                    bind,
                    workers,
                    threads,
                    "bearer token required" if token_set else "no token",
                ),
            }
            for key, value in options.items():
                if key in self.cfg.settings:  # settings newer than the oldest supported gunicorn
                    self.cfg.set(key, value)

        def load(self) -> Any:
            from server.app import create_app

            return create_app(config)

    return FactlintApplication()
