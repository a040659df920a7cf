"""Profile the engine on the generated corpus: `python bench/profile_engine.py [articles [passes]]`.

`--sheet-factor F` lints against the default sheet F times over (`bench.scaled_sheet`), to see
what a larger sheet costs; `--sheet-factor Fd` with copies that have names and quotations of
their own.

Prints the throughput and cProfile's top functions by own time and by cumulative time, the
figures `docs/performance.md`'s "where the time goes" is read from."""

from __future__ import annotations

import cProfile
import gc
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generated import bench_articles
from linter.documents import Document
from linter.engine import lint
from linter.registry import registry
from linter.sheet import Sheet, default_sheet


def run(texts: list[str]) -> int:
    sheet, rules = SHEET or default_sheet(), registry().engine_rules()
    return sum(len(lint(Document(f"a{i}", t), sheet, rules)) for i, t in enumerate(texts))


def sheet_from_argv() -> Sheet | None:
    if "--sheet-factor" not in sys.argv:
        return None
    from bench.scaled_sheet import scaled_sheet

    factor = sys.argv[sys.argv.index("--sheet-factor") + 1]
    return scaled_sheet(int(factor.rstrip("d")), distinct=factor.endswith("d"))


SHEET = sheet_from_argv()


def main() -> None:
    texts = bench_articles(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
    run(texts[:3])  # imports and compiled patterns out of the way
    # What start-up made (patterns, word lists, the sheet) is frozen out of the collector: a full
    # collection walks it, and whether one falls among the counted pages or not moved the count
    # of instructions by about 10M (bench/instructions.py), more than many a change measured.
    gc.collect()
    gc.freeze()
    size = sum(len(t.encode()) for t in texts) / 1e6
    took, findings = float("inf"), 0
    for _ in range(int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2].isdigit() else 1):
        start = time.process_time()  # the best of several passes: the machine is shared
        findings = run(texts)
        took = min(took, time.process_time() - start)
    print(f"{len(texts)} articles, {size:.2f} MB, {findings} findings: {size / took:.2f} MB/s (CPU time, best pass)")
    if "--no-profile" in sys.argv:
        return
    profile = cProfile.Profile()
    profile.runcall(run, texts)
    stats = pstats.Stats(profile)
    stats.sort_stats("tottime").print_stats(35)
    stats.sort_stats("cumulative").print_stats(45)


if __name__ == "__main__":
    main()
