"""The compiled build (`FACTLINT_COMPILE=1 pip install .`) beside the source it is compiled from.

Builds the wheel as a user would (or takes `--site`, a folder it is already installed in with
`pip install --target`), then measures, interleaved in rounds so the machine's load falls on both
alike: the engine's throughput in CPU time on the generated corpus and on the real pages of
`../shared/corpus/karpathy-real` (when present), checking that both builds give the same findings;
and the CPU time of one cold `factlint check` of a 5 KB file. Run from the repo root:

    python bench/compiled.py                       # build, measure, print
    python bench/compiled.py --site /tmp/cb/site   # an existing compiled install
    python bench/compiled.py --write docs/performance.md
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL_PAGES = ROOT.parent / "shared" / "corpus" / "karpathy-real"


def build(folder: Path) -> Path:
    """Build the compiled wheel into `folder` and install it there; returns the install folder."""
    env = {**os.environ, "FACTLINT_COMPILE": "1"}
    pip = [sys.executable, "-m", "pip", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "--wheel-dir", str(folder / "wheel"), str(ROOT)], env=env, check=True)
    wheel = next((folder / "wheel").glob("factlint-*.whl"))
    subprocess.run([*pip, "install", "--no-deps", "--target", str(folder / "site"), str(wheel)], check=True)
    return folder / "site"


def measure_here(corpus: str, passes: int) -> dict[str, object]:
    """In this process (its `sys.path` set by `run_measure`): best CPU-time throughput of the engine
    over the corpus, and a digest of its findings."""
    from bench.generated import bench_articles
    from linter.compiled import engine_compiled
    from linter.documents import Document
    from linter.engine import lint
    from linter.registry import registry
    from linter.sheet import default_sheet

    if corpus == "generated":
        texts = bench_articles(100)  # bench/profile_engine.py's corpus
    else:
        texts = [p.read_text(encoding="utf-8") for p in sorted(REAL_PAGES.glob("*.txt"))]
    sheet, rules = default_sheet(), registry().engine_rules()
    timings, found = [], []
    for _ in range(passes + 1):
        start = time.process_time()
        found = [lint(Document(f"a{i}", text), sheet, rules) for i, text in enumerate(texts)]
        timings.append(time.process_time() - start)
    best = min(timings[1:])  # the first pass warms the caches and is not counted
    digest = hashlib.sha256()
    for i, findings in enumerate(found):
        for f in sorted(findings, key=lambda f: (f.start, f.end, f.rule)):
            digest.update(f"{i}:{f.start}:{f.end}:{f.rule}:{f.message}\n".encode())
    size = sum(len(t.encode()) for t in texts)
    return {"mb_s": size / 1e6 / best, "digest": digest.hexdigest()[:16], "compiled": engine_compiled()}


def run_measure(first: Path, corpus: str, passes: int) -> dict[str, object]:
    """`measure_here` in a fresh process whose `linter` is imported from `first` (the source tree
    or the compiled install)."""
    command = [sys.executable, __file__, "--measure", corpus, "--first", str(first), "--passes", str(passes)]
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=tempfile.gettempdir())
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def cold_cpu(first: Path, path: Path, runs: int) -> float:
    """Median CPU time (user + sys) of `python -m linter check PATH`, `linter` imported from `first`."""
    env = {**os.environ, "PYTHONPATH": str(first)}
    times = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        command = [sys.executable, "-m", "linter", "check", str(path)]
        # Run beside the file, not in this repo, whose own `linter` would be imported first.
        subprocess.run(command, env=env, cwd=path.parent, capture_output=True, check=False)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(times)


def report(site: Path, rounds: int, passes: int) -> str:
    corpora = ["generated"] + (["real"] if REAL_PAGES.is_dir() else [])
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} on this {os.cpu_count()}-core machine (Python "
        f"{platform.python_version()}, load average {os.getloadavg()[0]:.2f} at the start) with "
        "`python bench/compiled.py`: the engine in CPU time, best of "
        f"{passes} passes, the two builds interleaved in {rounds} rounds; the compiled build is the "
        "wheel `FACTLINT_COMPILE=1` builds (`linter/annotate` and `linter/claims` compiled with mypyc).",
        "",
        "| corpus | source | compiled | compiled / source, per round | same findings |",
        "| --- | ---: | ---: | --- | --- |",
    ]
    for corpus in corpora:
        source, compiled = [], []
        for _ in range(rounds):
            a, b = run_measure(ROOT, corpus, passes), run_measure(site, corpus, passes)
            if a["compiled"] or not b["compiled"]:
                raise SystemExit(f"bench/compiled.py: {site} is not a compiled install")
            if a["digest"] != b["digest"]:
                raise SystemExit(f"bench/compiled.py: the builds disagree on the {corpus} corpus")
            source.append(float(a["mb_s"]))  # type: ignore[arg-type]
            compiled.append(float(b["mb_s"]))  # type: ignore[arg-type]
        ratios = ", ".join(f"{c / s:.2f}x" for s, c in zip(source, compiled, strict=True))
        label = "generated articles (100)" if corpus == "generated" else "real pages (karpathy-real)"
        lines.append(
            f"| {label} | {statistics.median(source):.2f} MB/s | {statistics.median(compiled):.2f} MB/s "
            f"| {ratios} | yes |"
        )
    with tempfile.TemporaryDirectory() as tmp:
        from bench.generated import make_article, paragraphs

        article = Path(tmp) / "article.txt"
        article.write_text(make_article(random.Random(3), paragraphs(), 5 * 1024), encoding="utf-8")
        source_cold, compiled_cold = cold_cpu(ROOT, article, 11), cold_cpu(site, article, 11)
    lines += [
        "",
        f"Cold `factlint check` of a 5 KB .txt (median CPU time of 11 runs): source {source_cold * 1000:.0f} ms, "
        f"compiled {compiled_cold * 1000:.0f} ms.",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a folder the compiled build is installed in (else built)")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--write", type=Path, help="record the figures in this Markdown file (its own section)")
    parser.add_argument("--measure", choices=["generated", "real"], help=argparse.SUPPRESS)
    parser.add_argument("--first", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        sys.path[:0] = [str(args.first), str(ROOT)]  # `linter` from --first, `bench` from this repo
        print(json.dumps(measure_here(args.measure, args.passes)))
        return
    sys.path.insert(0, str(ROOT))
    from bench.report import write_section

    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build(Path(tmp))
        body = report(site.resolve(), args.rounds, args.passes)
    print(body)
    if args.write:
        write_section(args.write, "bench/compiled.py", "The compiled build", body)


if __name__ == "__main__":
    main()
