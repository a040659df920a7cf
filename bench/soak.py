"""Soak the HTTP API: wrk with 64 connections for 10 minutes on loopback; non-2xx and worker memory.

    python bench/soak.py                          # 64 connections, 600 s, print the figures
    python bench/soak.py --duration 30            # a short run
    python bench/soak.py --write docs/performance.md

Starts `python -m server` (gunicorn, default workers, as in production) on a free 127.0.0.1
port, warms every worker with a 15 s burst of the same load, records each worker's resident memory (VmRSS),
runs wrk (POSTing a 5 KB article with wrong facts, the answer cache off) for --duration seconds, records the memory
again and stops the server with SIGTERM. A leak shows as memory growing between start and end;
an error under sustained load as non-2xx responses or socket errors. Traffic never leaves
127.0.0.1 and the run is bounded: wrk stops itself after --duration, and a timeout of
--duration + 60 s kills it if it does not.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import signal
import tempfile
from pathlib import Path

from load_api import LUA, article, free_port, post, run_wrk, start_server  # bench/load_api.py
from report import write_section  # bench/report.py

CONNECTIONS = 64
BODY_SIZE = 5 * 1024
WRK_TIMEOUT = 30  # seconds: past the server's 10 s check deadline, so a slow answer is counted, not dropped
WARM_UP_SECONDS = 15  # the burst before "start": every worker has checked pages under load


def child_pids(pid: int) -> list[int]:
    """The gunicorn workers: the master's children, from /proc (Linux)."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return sorted(int(p) for p in children.read_text().split()) if children.exists() else []


def rss_kib(pid: int) -> int:
    """Resident memory of one process in KiB (VmRSS of /proc/PID/status)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for process {pid}")


def memory(master: int) -> dict[int, int]:
    return {pid: rss_kib(pid) for pid in child_pids(master)}


def mib(kib: int) -> str:
    return f"{kib / 1024:.1f} MiB"


def soak(duration: int, connections: int, workers: int | None) -> list[str]:
    """Run the soak; the report's Markdown lines."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/v1/check"
    body: dict[str, object] = {"text": article(BODY_SIZE)}
    with tempfile.TemporaryDirectory(prefix="factlint-soak-") as tmp:
        tmpdir = Path(tmp)
        script, body_file = tmpdir / "post.lua", tmpdir / "body.json"
        script.write_text(LUA)
        body_file.write_text(json.dumps(body))
        # No answer cache: every request runs the engine (the same body again would be answered
        # from it, and the cache filling up to its bound would pass for growth).
        server = start_server(port, workers, tmpdir / "server.log", extra=("--answer-cache", "0"))
        try:
            findings = len(post(url, body)["findings"])  # type: ignore[arg-type]  # a JSON list
            # "Start" means warm: a short burst at the soak's own concurrency reaches every worker
            # and thread. (Eight checks one after another could all go to one worker: a worker
            # that had checked nothing showed 24 MiB of growth that was its first requests.)
            run_wrk(url, script, body_file, connections, WARM_UP_SECONDS, threads=1, timeout=WRK_TIMEOUT)
            before = memory(server.pid)
            started = dt.datetime.now(dt.UTC)
            result = run_wrk(url, script, body_file, connections, duration, threads=1, timeout=WRK_TIMEOUT)
            after = memory(server.pid)
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=60)
        log = (tmpdir / "server.log").read_text(errors="replace")
    rows = [
        f"| {pid} | {mib(before[pid])} | {mib(after[pid]) if pid in after else 'gone'} "
        f"| {((after.get(pid, 0) - before[pid]) / 1024):+.1f} MiB |"
        for pid in before
    ]
    restarted = sorted(set(after) - set(before))
    return [
        f"- run: {started:%Y-%m-%d %H:%M} UTC, {duration} s, {connections} connections, "
        f"{platform.machine()}, {os.cpu_count()} cores (shared), Python {platform.python_version()}",
        f"- body: {len(json.dumps(body))} B of JSON, {findings} findings per request",
        f"- wrk: {result['command']}",
        f"- requests/s: {result['req/s']}, p50 {result['p50']}, p99 {result['p99']}",
        f"- non-2xx responses: **{result['non-2xx']}**; socket errors: {result['socket errors']}",
        f"- workers restarted during the run: {len(restarted)}; 'WORKER TIMEOUT' in the log: "
        f"{log.count('WORKER TIMEOUT')}; tracebacks: {log.count('Traceback')}",
        f"- server exit code after SIGTERM: {server.returncode}",
        "",
        "| worker pid | RSS at start | RSS at end | change |",
        "| --- | --- | --- | --- |",
        *rows,
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=600, help="seconds of load (default 600)")
    parser.add_argument("--connections", type=int, default=CONNECTIONS, help=f"default {CONNECTIONS}")
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: the server's default)")
    parser.add_argument("--write", type=Path, help="record the figures in this Markdown file (its own section)")
    args = parser.parse_args()
    if not 1 <= args.duration <= 3600:
        raise SystemExit("--duration must be between 1 and 3600 seconds")
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk)")
    lines = soak(args.duration, args.connections, args.workers)
    print("\n".join(lines))
    if args.write:
        write_section(args.write, "bench/soak.py", "Soak: the API under load for 10 minutes", "\n".join(lines))


if __name__ == "__main__":
    main()
