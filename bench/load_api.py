"""Load the HTTP API with wrk on 127.0.0.1 and print req/s, p50 and p99 per scenario.

    python bench/load_api.py        # 5 KB text (new pages; the same page), 10 KB HTML; 16 and 64 connections, 15 s
    python bench/load_api.py --duration 5 --scenarios text-5k --connections 16
    python bench/load_api.py --profile            # no wrk: cProfile of the same requests, engine vs server
    python bench/load_api.py --site DIR           # serve from an install in DIR (the compiled build)

Starts `python -m server` (gunicorn, access log on, as in production) on a free loopback port,
checks that each request body really yields findings, runs wrk with a Lua script that POSTs the
body (or, for `text-5k-pages`, a page no request has sent before, so the server's answer cache
never answers), and stops the server with SIGTERM. Needs wrk (Debian package `wrk`). Traffic never leaves
127.0.0.1, and every run is bounded by --duration.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from report import write_section  # bench/report.py, beside this script

ROOT = Path(__file__).resolve().parent.parent
LUA = """-- POST the JSON bodies in the file named by FACTLINT_BODY (one per line) in turn to wrk's URL.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local bodies = {}
for line in io.lines(os.getenv("FACTLINT_BODY")) do bodies[#bodies + 1] = line end
local threads = 0
function setup(thread)
  thread:set("first", threads * 7919)  -- each wrk thread starts at its own place in the list
  threads = threads + 1
end
local sent = 0
function request()
  sent = sent + 1
  return wrk.format(nil, nil, nil, bodies[((first or 0) + sent) % #bodies + 1])
end
"""
PAGES_PER_SECOND = 400  # distinct pages written per second of a run: more than the engine checks
SENTENCES = [
    "On Tuesday 19 May 2026 Andrej Karpathy said in a post on X that he had joined Anthropic.",
    "Karpathy reports to Sam Altman, according to people familiar with the matter.",
    "He works in the pre-training team, where he will build a new team that uses Claude to speed up research.",
    "The hire was announced on 12 June 2026, two days after the company's latest funding round.",
    "Before that, he ran Eureka Labs, an education start-up he founded after leaving Tesla.",
    "Analysts said the move signals a deepening war for elite research talent across the industry.",
    "The company did not comment on the terms, and a spokesperson declined to say more.",
    "Nick Joseph, who leads pre-training, welcomed him in a short post of his own.",
]


def article(size: int) -> str:
    """A plausible news article of about `size` bytes with a few wrong facts in it."""
    paragraphs, total, i = [], 0, 0
    while total < size:
        paragraph = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(4))
        paragraphs.append(paragraph)
        total += len(paragraph.encode()) + 2
        i += 3
    return "\n\n".join(paragraphs)[:size].rsplit(" ", 1)[0] + ".\n"


def html_page(size: int, article_text: str | None = None) -> str:
    """A full web page of about `size` bytes: head, navigation, article, related links, footer.
    The article's paragraphs are `article_text`'s if given, else the fixed sentences'."""
    head = (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Karpathy joins Anthropic</title>"
        "<meta property='article:published_time' content='2026-05-20T09:00:00Z'>"
        "<link rel='stylesheet' href='/site.css'><script>window.analytics = [];</script></head><body>"
        "<header><nav><ul>" + "".join(f"<li><a href='/section/{n}'>Section {n}</a></li>" for n in range(12)) + "</ul>"
        "</nav></header><main><article><h1>Andrej Karpathy joins Anthropic</h1><p class='byline'>By A. Reporter</p>"
    )
    tail = (
        "</article><aside><h2>Related</h2><ul>"
        + "".join(f"<li><a href='/story/{n}'>Another story about AI hiring, part {n}</a></li>" for n in range(8))
        + "</ul></aside></main><footer><p>© 2026 Example News. All rights reserved.</p></footer></body></html>"
    )
    given = article_text.split("\n\n") if article_text else []
    body, i = "", 0
    while len((head + body + tail).encode()) < size:
        if given:
            body += "<p>" + given[i % len(given)] + "</p>"
            i += 1
        else:
            body += "<p>" + " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(3)) + "</p>"
            i += 2
    return head + body + tail


@dataclass
class Scenario:
    """`body` is sent on every request; with `pages`, each request sends another page instead
    (`pages(seed, count)`), so the server's answer cache never holds the answer."""

    name: str
    body: dict[str, object]
    pages: Callable[[int, int], list[dict[str, object]]] | None = None


def generated_articles(seed: int, count: int, size: int) -> list[str]:
    """`count` different articles of `size` bytes from the generated corpus (bench/generated.py)."""
    sys.path.insert(0, str(ROOT))
    from bench.generated import make_article, paragraphs

    rng, pool = random.Random(seed), paragraphs()
    return [make_article(rng, pool, size) for _ in range(count)]


def distinct_pages(seed: int, count: int) -> list[dict[str, object]]:
    """5 KB texts, each another article."""
    return [{"text": text} for text in generated_articles(seed, count, 5 * 1024)]


def distinct_html_pages(seed: int, count: int) -> list[dict[str, object]]:
    """10 KB web pages (navigation, links, footer around the article), each another article."""
    return [{"html": html_page(10 * 1024, text), "extract": True} for text in generated_articles(seed, count, 8 * 1024)]


def scenarios() -> dict[str, Scenario]:
    return {
        # Every request another page: the engine's cost, as for pages no one asked about before.
        "text-5k-pages": Scenario("5 KB text, another page each time", distinct_pages(0, 1)[0], distinct_pages),
        # The same page again (a popular article, a re-polled page): answered from the answer cache.
        "text-5k": Scenario("5 KB text, the same page again", {"text": article(5 * 1024)}),
        "html-10k-extract": Scenario(
            "10 KB HTML, extract, another page each time", distinct_html_pages(0, 1)[0], distinct_html_pages
        ),
        # One sentence, the same again: this row is the HTTP layer's own ceiling.
        "sentence": Scenario("1 sentence (HTTP layer)", {"text": "Karpathy reports to Sam Altman."}),
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def post(url: str, body: dict[str, object]) -> dict[str, object]:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}, method="POST"
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def server_options(workers: int | None, threads: int | None = None) -> list[str]:
    return [*(["--workers", str(workers)] if workers else []), *(["--threads", str(threads)] if threads else [])]


def start_server(
    port: int,
    workers: int | None,
    log: Path,
    threads: int | None = None,
    extra: Sequence[str] = (),
    site: Path | None = None,
) -> subprocess.Popen[bytes]:
    """The server from this repo's source, or from `site`, a folder factlint is installed in (the
    compiled build, `bench/compiled.py`)."""
    command = [sys.executable, "-m", "server", "--host", "127.0.0.1", "--port", str(port)]
    command += [*server_options(workers, threads), *extra]
    home = site or ROOT
    env = {**os.environ, "PYTHONPATH": str(home)}
    env.pop("FACTLINT_TOKEN", None)
    process = subprocess.Popen(command, cwd=home, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"server exited early; see {log}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/health", timeout=2).read()
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("server did not start within 60 s")


def process_tree_cpu(pid: int) -> float:
    """CPU seconds (user + sys) used so far by a process and its live children (gunicorn's workers).

    Counted from /proc, so it measures the server's own work per request whatever else loads the
    machine; wall-clock req/s on a shared 2-core box moves with the neighbours, this does not."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    children = Path(f"/proc/{pid}/task/{pid}/children")
    for p in [pid, *(int(c) for c in children.read_text().split())] if children.exists() else [pid]:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


def run_wrk(
    url: str, script: Path, body_file: Path, connections: int, duration: int, threads: int, timeout: int | None = None
) -> dict[str, str]:
    """One wrk run; `timeout` raises wrk's 2 s per-request timeout (a soak counts slow answers, not drops)."""
    waits = [f"--timeout={timeout}s"] if timeout else []
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", *waits, "--latency", "-s", str(script), url]
    env = {**os.environ, "FACTLINT_BODY": str(body_file)}
    out = subprocess.run(command, env=env, capture_output=True, text=True, timeout=duration + 60, check=True).stdout
    latency = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)", out, re.MULTILINE))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return {
        "req/s": re.search(r"Requests/sec:\s+(\S+)", out)[1],  # type: ignore[index]
        "requests": re.search(r"(\d+) requests in", out)[1],  # type: ignore[index]
        "p50": latency.get("50", "?"),
        "p99": latency.get("99", "?"),
        "non-2xx": errors[1] if errors else "0",
        "socket errors": socket_errors[1] if socket_errors else "none",
        "command": " ".join([*command[:-3], "-s", "post.lua", url]),
    }


def profile(chosen: dict[str, Scenario], rounds: int = 100) -> None:
    """Where a request's time goes, in-process: the engine alone, the whole request, then the top functions."""
    sys.path.insert(0, str(ROOT))
    from linter.api import check_text
    from server.app import create_app

    client = create_app({"answer_cache": 0}).test_client()  # the same body again: measure the engine, not the cache
    for scenario in chosen.values():
        body = dict(scenario.body)
        kind, text = ("html", body["html"]) if "html" in body else ("text", body["text"])

        def engine(kind: str = kind, text: object = text, extract: object = body.get("extract", False)) -> None:
            check_text(text, kind=kind, extract=bool(extract))  # type: ignore[arg-type]

        def request(body: dict[str, object] = body) -> None:
            assert client.post("/v1/check", json=body).status_code == 200

        timings = {}
        for name, fn in (("engine (check_text)", engine), ("whole request (test client)", request)):
            fn()
            start = time.perf_counter()
            for _ in range(rounds):
                fn()
            timings[name] = (time.perf_counter() - start) / rounds * 1000
        print(f"## {scenario.name}")
        for name, ms in timings.items():
            print(f"- {name}: {ms:.2f} ms")
        print(f"- server overhead: {timings['whole request (test client)'] - timings['engine (check_text)']:.2f} ms")
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(rounds):
            request()
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(
            r"linter|rules|server|bs4|trafilatura", 25
        )
        print("```\n" + out.getvalue().split("\n\n", 1)[-1].strip() + "\n```")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=15, help="seconds per wrk run (default 15)")
    parser.add_argument("--connections", default="16,64", help="comma-separated connection counts")
    parser.add_argument("--scenarios", default=",".join(scenarios()), help="comma-separated scenario names")
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: the server's default)")
    parser.add_argument("--threads", type=int, help="threads per worker (default: the server's default)")
    parser.add_argument(
        "--wrk-threads", type=int, default=1, help="wrk threads (default 1, to leave the cores to the server)"
    )
    parser.add_argument("--profile", action="store_true", help="profile in-process instead of running wrk")
    parser.add_argument("--write", type=Path, help="record the table in this Markdown file (its own section)")
    parser.add_argument("--site", type=Path, help="serve from this folder factlint is installed in (a compiled build)")
    args = parser.parse_args()
    chosen = {name: s for name, s in scenarios().items() if name in args.scenarios.split(",")}
    if args.profile:
        profile(chosen)
        return
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk)")
    port = free_port()
    url = f"http://127.0.0.1:{port}/v1/check"
    with tempfile.TemporaryDirectory(prefix="factlint-bench-") as tmp:
        tmpdir = Path(tmp)
        script = tmpdir / "post.lua"
        script.write_text(LUA)
        lines: list[str] = []

        def out(line: str) -> None:
            print(line, flush=True)
            lines.append(line)

        site = args.site.resolve() if args.site else None
        server = start_server(port, args.workers, tmpdir / "server.log", args.threads, site=site)
        try:
            out(f"- machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
            out(" ".join(["- server: python -m server --port", str(port), *server_options(args.workers, args.threads)]))
            startup = (tmpdir / "server.log").read_text(errors="replace")
            ready = re.search(r"\((\d+ \w+ workers of \d+ threads)", startup)
            out(f"- configuration: {ready[1] if ready else '?'} (from the server's startup log)")
            out(
                f"- build: {'compiled (FACTLINT_COMPILE=1), installed in ' + str(site) if site else 'this source tree'}"
            )
            out("")
            out("| scenario | body | connections | req/s | p50 | p99 | non-2xx | server CPU ms/req |")
            out("| --- | --- | --- | --- | --- | --- | --- | --- |")
            for name, scenario in chosen.items():
                body_file = tmpdir / f"{name}.json"
                body_file.write_text(json.dumps(scenario.body))
                findings = post(url, scenario.body)["findings"]
                assert findings, f"{name}: the body yields no findings, so it would not measure the rules"
                size = len(next(iter(scenario.body.values())).encode())  # type: ignore[union-attr]
                for run, connections in enumerate(int(c) for c in args.connections.split(",")):
                    if scenario.pages is not None:  # pages no run has sent: more than the server can check
                        pages = scenario.pages(run + 1, PAGES_PER_SECOND * args.duration)
                        body_file.write_text("\n".join(json.dumps(page) for page in pages))
                    cpu_before = process_tree_cpu(server.pid)
                    result = run_wrk(url, script, body_file, connections, args.duration, args.wrk_threads)
                    cpu_ms = (process_tree_cpu(server.pid) - cpu_before) * 1000 / max(1, int(result["requests"]))
                    out(
                        f"| {scenario.name} | {size} B, {len(findings)} findings | {connections} | {result['req/s']} "
                        f"| {result['p50']} | {result['p99']} | {result['non-2xx']} | {cpu_ms:.2f} |",
                    )
            out("")
            out(f"- wrk: {result['command']}")
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        log_lines = (tmpdir / "server.log").read_text(errors="replace").splitlines()
        out(
            f"- server exit code {server.returncode}; access log lines: {sum('POST /v1/check' in x for x in log_lines)}"
        )

    if args.write:
        name, title = (
            ("bench/load_api.py --site", "The HTTP API, compiled build")
            if site
            else ("bench/load_api.py", "HTTP API under load (`factlint serve`)")
        )
        write_section(args.write, name, title, "\n".join(lines))


if __name__ == "__main__":
    main()
