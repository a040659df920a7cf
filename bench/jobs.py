"""Speed-up of `factlint check --jobs N` on a generated corpus of articles.

Run from the repo root:

    python bench/jobs.py                                # 1,000 articles, jobs 1 and 2, 3 runs each
    python bench/jobs.py --articles 200 --jobs 1 2 4
    python bench/jobs.py --write docs/performance.md

The corpus is generated (seeded, so every run lints the same text): Markdown and plain-text
articles of 1-20 KB, mostly neutral sentences with about one in twelve stating a checkable fact
(right or wrong: dates, weekdays), roughly the density of news copy. Each
configuration runs the real CLI in a fresh process (`--format json-lines`, output discarded), and the
best wall time of the runs is reported. The outputs of every `--jobs` value are checked to be
identical, so the parallel run is known to give the same findings in the same order.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from report import write_section  # bench/report.py, beside this script

CLAIMS = (
    "Andrej Karpathy announced on 19 May 2026 that he had joined Anthropic.",
    "Andrej Karpathy announced on 12 June 2026 that he had joined Anthropic.",
    "Karpathy posted the news on May 21.",
    "Karpathy announced on Thursday that he had joined Anthropic.",
    "Karpathy announced on Tuesday that he had joined Anthropic.",
    "Google announced its new model on May 12, a week before Karpathy's news.",
    "OpenAI filed its confidential S-1 on May 20.",
)
FILLER = (
    "The company did not comment on the terms of the hire.",
    "Analysts said the move reflects a wider contest for research talent.",
    "Several investors declined to discuss the valuation on the record.",
    "The announcement drew thousands of replies within hours.",
    "Laboratories have spent heavily on computing power over the past two years.",
    "Some researchers argue that smaller, cheaper models will matter more than the largest ones.",
    "Recruiters describe a market in which a handful of people can command unusual packages.",
    "The debate over open weights has split the field into camps that rarely agree.",
    "Universities, meanwhile, struggle to keep faculty who are courted by industry.",
    "Few of the people involved would speak publicly about the negotiations.",
    "Regulators in Europe and the United States are watching the sector closely.",
    "The training runs behind frontier models now cost hundreds of millions of dollars.",
    "Former colleagues described him as a patient teacher with a taste for first principles.",
    "His online lectures on neural networks have been viewed millions of times.",
)
CLAIM_SHARE = 0.08  # about one sentence in twelve states a checkable fact, as in news copy
HEADINGS = ("Background", "The move", "Reaction", "What comes next", "Context")


def article(rng: random.Random, size: int, markdown: bool) -> str:
    """One article of about `size` characters: paragraphs of 3-6 sentences, headings in Markdown."""
    parts: list[str] = []
    if markdown:
        parts.append(f"# Report {rng.randrange(10_000)}\n")
    length = 0
    while length < size:
        if markdown and rng.random() < 0.15:
            parts.append(f"## {rng.choice(HEADINGS)}\n")
        sentences = (rng.choice(CLAIMS if rng.random() < CLAIM_SHARE else FILLER) for _ in range(rng.randint(3, 6)))
        paragraph = " ".join(sentences)
        parts.append(paragraph + "\n")
        length += len(paragraph) + 1
    return "\n".join(parts)


def make_corpus(folder: Path, count: int, seed: int = 20260519) -> int:
    """Write `count` articles of 1-20 KB into `folder`; returns the total size in bytes."""
    rng = random.Random(seed)
    total = 0
    for i in range(count):
        markdown = i % 2 == 0
        text = article(rng, rng.randint(1_000, 20_000), markdown)
        path = folder / f"article-{i:04d}.{'md' if markdown else 'txt'}"
        path.write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def timed_check(folder: Path, jobs: int) -> tuple[float, str]:
    """Wall time of one `factlint check` process and a digest of its output."""
    command = [sys.executable, "-m", "linter.cli", "check", "--isolated", "--format", "json-lines", "--jobs", str(jobs)]
    start = time.perf_counter()
    done = subprocess.run([*command, str(folder)], capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"factlint check failed ({done.returncode}): {done.stderr.decode()[:500]}")
    return elapsed, hashlib.sha256(done.stdout).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--runs", type=int, default=3, help="Runs per configuration; the best is kept.")
    parser.add_argument("--write", type=Path, help="Also write the results as Markdown to this file.")
    args = parser.parse_args(argv)
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="factlint-jobs-") as tmp:
        folder = Path(tmp)
        size = make_corpus(folder, args.articles)
        rows: list[tuple[int, float]] = []
        digests: set[str] = set()
        for jobs in args.jobs:
            best = float("inf")
            for _ in range(args.runs):
                elapsed, digest = timed_check(folder, jobs)
                best = min(best, elapsed)
                digests.add(digest)
            rows.append((jobs, best))
            print(f"--jobs {jobs}: {best:.2f} s", file=sys.stderr)
    if len(digests) != 1:
        raise SystemExit("outputs differ between --jobs values: parallel results are not in stable order")
    report = render(rows, args.articles, size, load)
    print(report)
    if args.write:
        write_section(args.write, "bench/jobs.py", "Parallel files (`--jobs`)", report)
    return 0


def render(rows: list[tuple[int, float]], articles: int, size: int, load: float) -> str:
    base = rows[0][1]
    lines = [
        f"Corpus: {articles:,} generated articles (Markdown and plain text, 1-20 KB each, "
        f"{size / 1e6:.1f} MB in all), linted in one `factlint check --format json-lines` call; best of "
        "several runs, wall time of the whole process (start-up included).",
        f"Machine: {os.cpu_count()} CPUs, Python {platform.python_version()}, load average {load:.2f} when the run"
        " started (other work on the machine slows both columns). Reproduce with `python bench/jobs.py`.",
        "",
        "| --jobs | wall time | articles/s | MB/s | speed-up |",
        "| ---: | ---: | ---: | ---: | ---: |",
    ]
    for jobs, seconds in rows:
        rate, mb = articles / seconds, size / 1e6 / seconds
        lines.append(f"| {jobs} | {seconds:.2f} s | {rate:,.0f} | {mb:.2f} | {base / seconds:.2f}x |")
    lines += [
        "",
        "The output of every `--jobs` value is identical (same findings, same order): workers return",
        "results that are printed in input order. Each worker loads the fact sheet and the rule selection once.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
