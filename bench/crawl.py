"""Throughput of `factlint crawl` (pages/s) on generated WARC files: Dask's local process
scheduler, and a distributed LocalCluster with 1 and 2 single-threaded workers.

Run from the repo root (needs `pip install -e '.[crawl]'`):

    python bench/crawl.py                          # 10,000 records in 20 WARC.gz files
    python bench/crawl.py --records 2000 --files 8
    python bench/crawl.py --write docs/scale.md

Records are generated (seeded) from the same article generator as bench/jobs.py: articles of
1-8 KB, two in three served as HTML pages (navigation, article, footer: the crawl extracts the
main text, as `--extract` does), one in three as text/plain, and one record in a hundred broken
(an image payload or undecodable text), as in a real crawl. Each configuration runs the real CLI
in a fresh process; the table gives the wall time of the process and the pages/s of the Dask run
itself (start-up excluded). The findings of every configuration are checked to be identical.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from jobs import article  # bench/jobs.py, beside this script
from report import write_section

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from linter.crawl.warc import write_warc  # noqa: E402

HTML_PAGE = (
    "<html><head><title>Report {n}</title></head><body><nav><a href='/'>Home</a> <a href='/tech'>Tech</a>"
    "</nav><article><h1>Report {n}</h1>{body}</article><footer><p>Copyright 2026 Example Media.</p></footer>"
    "</body></html>"
)


def records(rng: random.Random, start: int, count: int) -> Iterator[tuple[str, str, bytes]]:
    for n in range(start, start + count):
        url = f"https://news.example/{n}"
        if n % 100 == 99:
            yield url, "image/png", b"\x89PNG\r\n\x1a\n" + rng.randbytes(512)
            continue
        text = article(rng, rng.randint(1_000, 8_000), markdown=False)
        if n % 3 == 2:
            yield url, "text/plain; charset=utf-8", text.encode()
            continue
        body = "".join(f"<p>{p}</p>" for p in text.split("\n") if p.strip())
        yield url, "text/html; charset=utf-8", HTML_PAGE.format(n=n, body=body).encode()


def make_archives(folder: Path, count: int, files: int, seed: int = 20260519) -> int:
    """`count` records over `files` WARC.gz files; returns the total compressed size."""
    rng = random.Random(seed)
    per_file = -(-count // files)
    for i in range(files):
        with open(folder / f"crawl-{i:03d}.warc.gz", "wb") as f:
            write_warc(f, records(rng, i * per_file, min(per_file, count - i * per_file)))
    return sum(p.stat().st_size for p in folder.glob("*.warc.gz"))


def timed_crawl(archives: Path, out: Path, scheduler: str, workers: int | None) -> tuple[float, dict, str]:
    """Wall time of one `factlint crawl` process, its summary, and a digest of its findings."""
    command = [sys.executable, "-m", "linter", "crawl", "--isolated", "--no-progress", str(archives)]
    command += ["--out", str(out), "--scheduler", scheduler]
    if workers:
        command += ["--workers", str(workers)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"factlint crawl failed ({done.returncode}): {done.stderr.decode()[-800:]}")
    rows = sorted(line for part in (out / "jsonl").glob("*.jsonl") for line in part.read_text().splitlines())
    summary = json.loads((out / "summary.json").read_text())
    return elapsed, summary, hashlib.sha256("\n".join(rows).encode()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--files", type=int, default=20, help="WARC files (one Dask task each).")
    parser.add_argument("--write", type=Path, help="Also write the results as Markdown to this file.")
    args = parser.parse_args(argv)
    os.environ["PYTHONPATH"] = str(ROOT)  # the cluster's worker processes import factlint from here
    from distributed import LocalCluster

    load = os.getloadavg()[0]
    rows: list[tuple[str, float, dict]] = []
    digests: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="factlint-crawl-") as tmp:
        archives = Path(tmp) / "warc"
        archives.mkdir()
        size = make_archives(archives, args.records, args.files)
        configs: list[tuple[str, int | None, int | None]] = [
            ("local scheduler (processes, 2)", None, 2),
            ("distributed, 1 worker", 1, None),
            ("distributed, 2 workers", 2, None),
        ]
        for i, (label, cluster_workers, local_workers) in enumerate(configs):
            out = Path(tmp) / f"out-{i}"
            if cluster_workers is None:
                elapsed, summary, digest = timed_crawl(archives, out, "processes", local_workers)
            else:
                with LocalCluster(
                    n_workers=cluster_workers, threads_per_worker=1, processes=True, dashboard_address=None
                ) as cluster:
                    elapsed, summary, digest = timed_crawl(archives, out, cluster.scheduler_address, None)
            digests.add(digest)
            rows.append((label, elapsed, summary))
            print(f"{label}: {elapsed:.1f} s, {summary['pages_per_second']} pages/s", file=sys.stderr)
    if len(digests) != 1:
        raise SystemExit("findings differ between configurations")
    report = render(rows, args.records, args.files, size, load)
    print(report)
    if args.write:
        write_section(args.write, "bench/crawl.py", "Measured throughput", report)
    return 0


def render(rows: list[tuple[str, float, dict]], records: int, files: int, size: int, load: float) -> str:
    first = rows[0][2]
    base = rows[1][2]["pages_per_second"]
    lines = [
        f"Input: {records:,} generated records in {files} WARC.gz files ({size / 1e6:.1f} MB compressed); "
        f"{first['linted']:,} pages linted, {first['bad_pages']} bad records counted, "
        f"{first['findings']:,} findings, {first['applicable']:,} pages the sheet applies to.",
        f"Machine: {os.cpu_count()} CPUs (shared), Python {platform.python_version()}, load average {load:.2f} when "
        "the run started. Reproduce with `python bench/crawl.py`.",
        "",
        "| configuration | wall time (process) | Dask run | pages/s | vs 1 worker |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for label, wall, summary in rows:
        rate = summary["pages_per_second"]
        lines.append(f"| {label} | {wall:.1f} s | {summary['seconds']:.1f} s | {rate:,.0f} | {rate / base:.2f}x |")
    lines += ["", "Every configuration wrote the same findings.", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
