"""Engine and command-line speed of `factlint check`, beside proselint on the same files.

Measures, on a generated corpus (articles of 1-20 KB built from the repo's own test articles):
articles/s and MB/s of the engine in-process, beside proselint's own checks in-process on the
same files (and both on ../shared/corpus/karpathy-real's real pages when present); time per MB at
growing document sizes and growing sheet sizes (both should stay flat: linear time); the wall
time of one cold `factlint check FILE` for a 5 KB .txt and .md file and for the five source
articles in one call, as a pre-commit hook pays it; and proselint timed the same way. Run from
the repo root:

    python bench/perf.py                      # print the tables
    python bench/perf.py --write docs/performance.md
    PYTHONPATH=$PWD python bench/perf.py --cold-only --runs 21   # only the cold commands, this tree

The cold commands run the installed `factlint` script, which imports `linter` from PYTHONPATH
when it is set: set it to time a worktree rather than the installed checkout.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generated import bench_articles, make_article, paragraphs  # noqa: E402
from bench.report import write_section  # noqa: E402
from bench.scaled_sheet import scaled_sheet  # noqa: E402
from linter.documents import load_file  # noqa: E402
from linter.engine import lint  # noqa: E402
from linter.registry import registry  # noqa: E402
from linter.sheet import Sheet, default_sheet  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
REAL_PAGES = ROOT.parent / "shared" / "corpus" / "karpathy-real"
# The compiled-pattern and sheet caches of the cold runs: a private folder, warmed by one run, so
# the figures are those of an installed factlint whatever state the user's own cache is in.
CACHE_DIR = Path(tempfile.gettempdir()) / "factlint-bench-cache"


def make_corpus(folder: Path, count: int, seed: int = 7) -> list[Path]:
    paths = []
    for i, text in enumerate(bench_articles(count, seed)):
        path = folder / f"article-{i:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def engine_throughput(paths: list[Path], sheet: Sheet) -> tuple[float, float, int]:
    rules = registry().engine_rules()
    total = sum(p.stat().st_size for p in paths)
    start = time.process_time()  # CPU time: the machine is shared, wall time swings with its load
    findings = 0
    for path in paths:
        findings += len(lint(load_file(path), sheet, rules))
    elapsed = time.process_time() - start
    return len(paths) / elapsed, total / 1e6 / elapsed, findings


def proselint_throughput(paths: list[Path]) -> float | None:
    """proselint's own engine (its checks, in-process, no command line) on the same files, MB/s."""
    try:
        from proselint import checks
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        return None
    CheckRegistry().register_many(checks.__register__)
    total = sum(p.stat().st_size for p in paths)
    start = time.process_time()
    for path in paths:
        LintFile(path).lint()
    return total / 1e6 / (time.process_time() - start)


def throughput_rows(label: str, paths: list[Path], sheet: Sheet) -> list[str]:
    """A row of the engine table: factlint and proselint in-process on the same files."""
    per_s, mb_s, findings = engine_throughput(paths, sheet)
    peer = proselint_throughput(paths)
    size = sum(p.stat().st_size for p in paths) / 1e6
    ratio = f"{mb_s / peer:.2f}x" if peer else "n/a"
    peer_text = f"{peer:.2f}" if peer else "n/a"
    files = f"{label} ({len(paths)} files, {size:.2f} MB, {findings} findings)"
    return [f"| {files} | {per_s:,.0f} | {mb_s:.2f} | {peer_text} | {ratio} |"]


def seconds_per_mb(text: str, sheet: Sheet, repeat: int = 3) -> float:
    from linter.documents import Document

    rules = registry().engine_rules()
    best = min(_timed(lambda: lint(Document("x", text), sheet, rules)) for _ in range(repeat))
    return best / (len(text.encode()) / 1e6)


def sheet_size_rows(text: str, rounds: int = 5) -> list[str]:
    """Seconds per MB with the default sheet x1, x4 and x16 (`bench.scaled_sheet`: copies sharing
    the names, and copies with names of their own): each sheet warmed on a slice of the text
    first (its patterns and indexes are made on first use), then the four measured in turn,
    round after round, the best of each kept, so a change in the machine's load between them
    does not pass for a cost of the sheet's size."""
    sheets = {f"x{factor}": scaled_sheet(factor) for factor in (1, 4, 16)}
    sheets["x16, copies with names of their own"] = scaled_sheet(16, distinct=True)
    for big in sheets.values():
        seconds_per_mb(text[:20_000], big, repeat=1)
    best = dict.fromkeys(sheets, float("inf"))
    for _ in range(rounds):
        for label, big in sheets.items():
            best[label] = min(best[label], seconds_per_mb(text, big, repeat=1))
    return [f"| {label} | {len(big.facts)} | {best[label]:.3f} |" for label, big in sheets.items()]


def _timed(fn) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def cold_runs(argv: list[str], runs: int) -> float:
    return cold_pair([argv], runs)[0][0]


def cold_pair(commands: list[list[str]], runs: int) -> list[tuple[float, float]]:
    """Median wall and CPU (user + system) seconds of each command, the commands interleaved run
    by run so both meet the same machine load. Bytecode is allowed (as after `pip install`)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.setdefault("FACTLINT_CACHE_DIR", str(CACHE_DIR))  # the caches a user's machine keeps
    walls: list[list[float]] = [[] for _ in commands]
    cpus: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for i, argv in enumerate(commands):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
            walls[i].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus[i].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return [(statistics.median(w), statistics.median(c)) for w, c in zip(walls, cpus, strict=True)]


def cold_section(folder: Path, rng: random.Random, pool: list[str], runs: int) -> list[str]:
    """The cold command table: one `check` of a 5 KB .txt and .md and of the five sources, each
    interleaved with proselint on the same files (CPU time of the child processes)."""
    rows: list[str] = []
    five_txt = folder / "five.txt"
    five_txt.write_text(make_article(rng, pool, 5_000), encoding="utf-8")
    five_md = folder / "five.md"
    five_md.write_text("# A draft\n\n" + five_txt.read_text(encoding="utf-8"), encoding="utf-8")
    factlint, proselint = script("factlint"), script("proselint")
    py = [sys.executable, "-c", "pass"]
    for package in ("linter", "rules", "server"):  # bytecode, as `pip install .` leaves it
        compileall.compile_dir(str(ROOT / package), quiet=1)
    for warm in (five_txt, five_md):
        cold_pair([[factlint or sys.executable, "check", str(warm)]], 1)
    rows += ["", f"### Cold command time (median of {runs} runs, the two commands interleaved)", ""]
    rows += [
        "Wall time varies with the machine's load; CPU time (user + system of the process) much less.",
        "",
        "| command | factlint wall | proselint wall | factlint CPU | proselint CPU | CPU ratio |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    ((py_wall, py_cpu),) = cold_pair([py], runs)
    rows.append(f"| `python -c pass` (interpreter start) | {py_wall:.3f} s | | {py_cpu:.3f} s | | |")
    cases = [("5 KB .txt", [str(five_txt)]), ("5 KB .md", [str(five_md)])]
    if SEEDS.is_dir():
        cases.append(("the five sources, one call", [str(p) for p in sorted(SEEDS.glob("0*.txt"))]))
    for label, files in cases:
        if not (factlint and proselint):
            continue
        (ours, our_cpu), (theirs, their_cpu) = cold_pair(
            [[factlint, "check", *files], [proselint, "check", *files]], runs
        )
        rows.append(
            f"| {label} | {ours:.3f} s | {theirs:.3f} s | {our_cpu:.3f} s | {their_cpu:.3f} s"
            f" | {our_cpu / their_cpu:.2f}x |"
        )
    return rows


def script(name: str) -> str | None:
    """The installed console script itself, not a version-manager shim in front of it."""
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else shutil.which(name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--runs", type=int, default=10, help="cold runs per command (median reported)")
    parser.add_argument("--write", type=Path, help="record the figures in this Markdown file (its own section)")
    parser.add_argument("--cold-only", action="store_true", help="only the cold command table (a quick A/B)")
    args = parser.parse_args()
    if args.cold_only:
        with tempfile.TemporaryDirectory() as tmp:
            print("\n".join(cold_section(Path(tmp), random.Random(3), paragraphs(), args.runs)))
        return

    sheet = default_sheet()
    rows: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "corpus").mkdir()
        corpus = make_corpus(folder / "corpus", args.articles)
        rows += [
            "### Engine throughput (in-process, one core, CPU time)",
            "",
            "Generated articles are 1-20 KB of the repo's own articles, nearly every sentence a claim; the",
            "real pages are `../shared/corpus/karpathy-real` (when present), mostly prose the sheet says",
            "nothing about. proselint runs its own checks in-process on the same files.",
            "",
            "| files | factlint files/s | factlint MB/s | proselint MB/s | factlint / proselint |",
            "|---|---:|---:|---:|---:|",
            *throughput_rows("generated articles", corpus, sheet),
        ]
        if REAL_PAGES.is_dir():
            rows += throughput_rows("real pages", sorted(REAL_PAGES.glob("*.txt")), sheet)
        rows.append("")
        rng, pool = random.Random(3), paragraphs()
        rows += ["### Linear in input size", "", "| document | s per MB |", "|---:|---:|"]
        for kb in (10, 100, 1000):
            rows.append(f"| {kb} KB | {seconds_per_mb(make_article(rng, pool, kb * 1000), sheet):.3f} |")
        # One sentence that never ends: look-back windows must keep even this linear.
        for kb in (10, 100):
            run_on = "Karpathy reports to Nick Joseph and announced on May 19 and joined Tesla in 2017 and " * 12_000
            rows.append(f"| {kb} KB, one run-on sentence | {seconds_per_mb(run_on[: kb * 1000], sheet):.3f} |")
        # One paragraph hard-wrapped at 72 columns (plain-text mail, press releases): its lines are joined.
        for kb in (10, 100):
            wrapped = textwrap.fill(make_article(rng, pool, kb * 1000).replace("\n\n", " "), 72)
            rows.append(f"| {kb} KB, one hard-wrapped paragraph | {seconds_per_mb(wrapped, sheet):.3f} |")
        text = make_article(rng, pool, 200_000)
        rows += ["", "### Linear in sheet size", "", "| sheet | facts | s per MB (200 KB text) |", "|---:|---:|---:|"]
        rows += sheet_size_rows(text)

        rows += cold_section(folder, rng, pool, args.runs)
        factlint, proselint = script("factlint"), script("proselint")
        if proselint:
            subset = corpus[:100]
            subset_mb = sum(p.stat().st_size for p in subset) / 1e6
            took = cold_runs([proselint, "check", *map(str, subset)], 1)
            ours = cold_runs([factlint, "check", *map(str, subset)], 1) if factlint else float("nan")
            rows += [
                "",
                f"Whole-command throughput on 100 of the articles ({subset_mb:.2f} MB, one call each):"
                f" factlint {subset_mb / ours:.2f} MB/s, proselint {subset_mb / took:.2f} MB/s.",
            ]

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    header = [
        f"Measured {dt.date.today().isoformat()} at commit `{commit.stdout.strip() or 'unknown'}` on this 2-core"
        " machine with `python bench/perf.py`.",
        "",
    ]
    report = "\n".join(header + rows) + "\n"
    print(report)
    if args.write:
        write_section(args.write, "bench/perf.py", "Linting (`factlint check`)", report)


if __name__ == "__main__":
    main()
